"""Parse untrusted XML: no DTD loading, no entity expansion, no network, any declared encoding.

The one entity policy of every XML reader (TBX, TMX, XLSX members, bilingual XLIFF/TMX read by
translate-toolkit): a declared entity (billion laughs, external entities: XXE) is refused
outright rather than left unexpanded, so a hostile file fails loudly with one line instead of
importing half a termbase. expat reads only UTF-8, UTF-16 and Latin-1, so a file declaring
GB18030, GBK, Big5 (or any other text codec Python has) is decoded here and handed on as UTF-8.
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml.common import DefusedXmlException

from termkit.errors import InputError
from termkit.termbase.model import Termbase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_DECLARED = re.compile(rb"""\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_DECLARED_TEXT = re.compile(r"""\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
ENTITIES_REFUSED = (
    "the file declares XML entities or external references; termkit never expands them"
)
DTD_REFUSED = "declares a DTD, which no part of a workbook has; termkit never loads one"
# Characters XML 1.0 (and so TBX, TMX and XLSX) cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse(data: bytes, path: str) -> Element:
    """The root element of an XML document; InputError naming the file (and line) if not."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    try:
        root = safe_et.fromstring(as_utf8(data, path))
    except DefusedXmlException as exc:
        raise InputError(f"{path}: refused: {ENTITIES_REFUSED} ({type(exc).__name__})") from None
    except ParseError as exc:
        line, column = exc.position
        raise InputError(f"{path}:{line}:{column + 1}: malformed XML: {_reason(exc)}") from None
    _refuse_deep(root, path)
    return root


def _refuse_deep(root: Element, path: str) -> None:
    """InputError when elements nest deeper than the limit: no TBX or TMX needs more than a
    dozen levels, and the readers' walks over a deeper tree would exhaust the stack."""
    from termkit.limits import DEPTH

    limit = DEPTH.value
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise DEPTH.refusal(path, "elements nested")
        stack.extend((child, depth + 1) for child in element)


def as_utf8(data: bytes, path: str) -> bytes:
    """The document in UTF-8 with its declaration saying so: decoded by its BOM, else by the
    encoding it declares; an unknown or non-text codec, or bytes not in it, is an InputError."""
    from termkit.text.decode import text_codec

    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _recode(data[len(bom) :], codec, path)
    if data.startswith((b"<\x00", b"\x00<")):  # UTF-16 without a BOM (XML 1.0, appendix F)
        return _recode(data, "utf-16-le" if data[0] == 0x3C else "utf-16-be", path)
    m = _DECLARED.match(data)
    codec = text_codec(m.group(1).decode("ascii"), path) if m else "utf-8"
    if codec == "utf-8":
        return data
    return _recode(data, codec, path)


def _recode(data: bytes, codec: str, path: str) -> bytes:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {codec} at byte {exc.start}") from None
    m = _DECLARED_TEXT.match(text)
    if m:
        text = text[: m.start(1)] + "UTF-8" + text[m.end(1) :]
    return text.encode("utf-8")


def declares_dtd(head: bytes) -> bool:
    """Whether a document's prolog (its first bytes, before the root element) has a DTD."""
    root = _ROOT.search(head)
    return b"<!DOCTYPE" in head[: root.start() if root else len(head)]


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
