"""Parse untrusted XML: no DTD loading, no entity expansion, no network.

A declared entity (billion laughs, external entities: XXE) is refused outright rather than
left unexpanded, so a hostile file fails loudly instead of importing half a termbase.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml.common import DefusedXmlException

from termkit.errors import InputError
from termkit.termbase.model import Termbase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
# Characters XML 1.0 (and so TBX, TMX and XLSX) cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse(data: bytes, path: str) -> Element:
    """The root element of an XML document; InputError naming the file (and line) if not."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    try:
        return safe_et.fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(
            f"{path}: refused: the file declares XML entities or external references "
            f"({type(exc).__name__}); termkit never expands them"
        ) from None
    except ParseError as exc:
        line, column = exc.position
        raise InputError(f"{path}:{line}:{column + 1}: malformed XML: {_reason(exc)}") from None


def refuse_unwritable(tb: Termbase) -> None:
    """InputError naming the concept whose text has a control character XML cannot hold, so an
    export fails before it writes rather than leaving a file no tool can read."""
    for c in tb.concepts:
        texts = [c.note, c.definition, c.subject, *c.sources, *c.evidence]
        texts += [x for t in c.terms for x in (t.text, t.note, *t.sources)]
        for text in texts:
            if m := _NOT_XML.search(text):
                raise InputError(
                    f"concept {c.id} ({c.label}): control character U+{ord(m.group()):04X} "
                    f"in {text[:40]!r} cannot be written to XML; remove it or export to CSV"
                )


def _reason(exc: ParseError) -> str:
    return str(exc).split(": line")[0]


def root_name(head: bytes) -> str:
    """The local name of the first element in the first bytes of a file ('' if none)."""
    m = _ROOT.search(head)
    return m.group(1).decode("ascii", "replace").split(":")[-1] if m else ""


def local(tag: str) -> str:
    """`{urn:iso:std:iso:30042:ed-2}termSec` → `termSec`."""
    return tag.rpartition("}")[2]


def text_of(element: Element) -> str:
    """All text of an element, inline markup (`hi`, `foreign`) included."""
    return "".join(element.itertext())
