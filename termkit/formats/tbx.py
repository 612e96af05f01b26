"""TBX: write TBX v3 (TBX-Basic, DCA) and TBX 2008 (MARTIF); read both, DCA and DCT styles.

One entry per concept, one language section per language tag, one term section per term, so a
second term of a language (a short form, a variant) survives, unlike in translate-toolkit's
TBX store. termkit's fields map onto TBX-Basic data categories (termType, administrativeStatus,
subjectField, definition, source, note); termkit's counts, locations, confidence and evidence
ride in a `termkit:{json}` note (see `extras`). Everything else a file holds at any level (parts
of speech, contexts and their sources, images, transactions, the people of the back matter) is
kept as `Datum` trees and written back where it was. The reader accepts `tig` and `ntig`
(2008), `termSec` (v3) and dialect elements such as `<basic:termType>` (DCT).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import Element

from termkit.errors import InputError
from termkit.formats import extras, xmlsafe
from termkit.formats.assemble import assemble
from termkit.formats.lang import parse_tag
from termkit.formats.xmlsafe import XML_LANG
from termkit.io import atomic_write
from termkit.termbase.model import Concept, Datum, Term, Termbase, lang_rank

NS = "urn:iso:std:iso:30042:ed-2"
# Written in the header; a file that carries it is read exactly (no whitespace folding).
SIGNATURE = "termkit glossary"

_V3_PROLOG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/'
    'TBXcoreStructV03.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
    'DCA/TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)
_V2_PROLOG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
)

_TO_STATUS = {
    "preferredterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "deprecated",
    "supersededterm-admn-sts": "superseded",
    # TBX 2008's other values: fixed by a standard or a regulator, or used in law
    "standardizedterm-admn-sts": "preferred",
    "regulatedterm-admn-sts": "preferred",
    "legalterm-admn-sts": "admitted",
}
# TBX term types outside TBX-Basic, folded onto termkit's; any other (entryTerm, commonName …)
# names the concept: fullForm. A folded value is also kept as it was, and written back.
_TO_TYPE = {
    "fullform": "fullForm",
    "phrase": "phrase",
    "shortform": "shortForm",
    "shortcut": "shortForm",
    "acronym": "acronym",
    "initialism": "acronym",
    "abbreviation": "abbreviation",
    "clippedterm": "abbreviation",
    "variant": "variant",
    "synonym": "variant",
    "synonymousphrase": "variant",
    "transcribedform": "variant",
    "transliteratedform": "variant",
}
_STATUS_NAMES = ("administrativeStatus", "normativeAuthorization")
# The core element of each TBX-Basic data category, for DCT files (`<basic:partOfSpeech>`)
# read into DCA form; a dialect's category not listed is taken for a `descrip`.
_DCT_ELEMENT = {
    **dict.fromkeys(
        (
            "termType",
            "administrativeStatus",
            "normativeAuthorization",
            "partOfSpeech",
            "grammaticalGender",
            "geographicalUsage",
            "termLocation",
        ),
        "termNote",
    ),
    **dict.fromkeys(("subjectField", "definition", "context"), "descrip"),
    **dict.fromkeys(("source", "customerSubset", "projectSubset"), "admin"),
    "crossReference": "ref",
    **dict.fromkeys(("externalCrossReference", "xGraphic"), "xref"),
    "transactionType": "transac",
    "responsibility": "transacNote",
}
_XML_LANG_ATTR = "xml:lang"


@dataclass(frozen=True)
class _Dialect:
    root: str
    header: str
    entry: str
    lang_sec: str
    term_sec: str
    prolog: str


V3 = _Dialect("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", _V3_PROLOG)
V2 = _Dialect("martif", "martifHeader", "termEntry", "langSet", "tig", _V2_PROLOG)


# --- writing ---------------------------------------------------------------------------------


# An element to write: (tag, attributes, text, children). Plain tuples and one string join
# write a termbase several times faster than an ElementTree and its serializer.
Node = tuple[str, tuple[tuple[str, str], ...], str, list]


def dumps(tb: Termbase, version: int = 3, numeric_ids: bool = False) -> bytes:
    """The termbase as TBX v3 (TBX-Basic DCA) or, with `version=2`, TBX 2008.

    `numeric_ids` numbers the entries 1, 2, … as MultiTerm wants (such ids are not XML names,
    so that file does not validate against the TBX v3 schema); the termkit id then goes in the
    termkit note, so the round trip stays exact.
    """
    d = V3 if version == 3 else V2
    attrs = [("type", "TBX-Basic")]
    if d is V3:
        attrs.append(("style", "dca"))
    attrs.append(("xml:lang", "zh"))
    if d is V3:
        attrs.append(("xmlns", NS))
    header = [("fileDesc", (), "", [("sourceDesc", (), "", [("p", (), SIGNATURE, [])])])]
    if d is V2:
        header.append(("encodingDesc", (), "", [("p", (("type", "XCSURI"),), _XCS, [])]))
    text: list[Node] = []
    if tb.concepts:
        entries = [
            _entry(c, d, str(n) if numeric_ids else c.id) for n, c in enumerate(tb.concepts, 1)
        ]
        text.append(("body", (), "", entries))
    if tb.back:
        text.append(("back", (), "", [_node(x) for x in tb.back]))
    root = (d.root, tuple(attrs), "", [(d.header, (), "", header), ("text", (), "", text)])
    out: list[str] = [d.prolog.rstrip("\n")]
    _serialize(root, 0, out)
    return ("".join(out) + "\n").encode("utf-8")


def write(tb: Termbase, path: str | Path, version: int = 3, numeric_ids: bool = False) -> None:
    data = dumps(tb, version, numeric_ids)
    with atomic_write(path, "wb") as f:
        f.write(data)


_XCS = "TBXBasicXCSV02.xcs"
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#09;",
    }
)


def _serialize(node: Node, depth: int, out: list[str]) -> None:
    """Indented XML, two spaces a level, as ElementTree's `indent` lays it out."""
    tag, attrs, text, children = node
    pad = "\n" + "  " * depth
    opening = tag + "".join(f' {k}="{v.translate(_ATTR_ESCAPES)}"' for k, v in attrs)
    if children:
        out.append(f"{pad}<{opening}>")
        for child in children:
            _serialize(child, depth + 1, out)
        out.append(f"{pad}</{tag}>")
    elif text:
        out.append(f"{pad}<{opening}>{text.translate(_TEXT_ESCAPES)}</{tag}>")
    else:
        out.append(f"{pad}<{opening} />")


def _leaf(tag: str, text: str, type_: str = "") -> Node:
    return (tag, (("type", type_),) if type_ else (), text, [])


def _node(datum: Datum) -> Node:
    attrs = ((("type", datum.type),) if datum.type else ()) + datum.attrs
    return (datum.tag, attrs, "" if datum.items else datum.text, [_node(i) for i in datum.items])


def _entry(c: Concept, d: _Dialect, entry_id: str) -> Node:
    e: list[Node] = []
    if c.subject:
        e.append(_leaf("descrip", c.subject, "subjectField"))
    if c.definition:
        e.append(_leaf("descrip", c.definition, "definition"))
    term_sources = {s for t in c.terms for s in t.sources}
    e += [_leaf("admin", s, "source") for s in c.sources if s not in term_sources]
    if c.note:
        e.append(_leaf("note", c.note))
    if tagged := extras.of_concept(c, entry_id):
        e.append(_leaf("note", tagged))
    e += [_node(x) for x in c.data]
    sections: dict[str, list[Node]] = {}
    for tag in sorted({t.tag for t in c.terms}, key=lang_rank):
        sec = sections[tag] = [_node(x) for lang_tag, x in c.lang_data if lang_tag == tag]
        e.append((d.lang_sec, (("xml:lang", tag),), "", sec))
    for t in c.terms:
        sections[t.tag].append(_term(t, d))
    return (d.entry, (("id", entry_id),), "", e)


def _term(t: Term, d: _Dialect) -> Node:
    e = [_leaf("term", t.text)]
    kept = {x.type: x.text for x in t.data if x.tag == "termNote" and x.type in _FOLDED}
    if t.type:
        e.append(_leaf("termNote", kept.get("termType", t.type), "termType"))
    if t.status:
        status = kept.get("administrativeStatus", f"{t.status}Term-admn-sts")
        e.append(_leaf("termNote", status, "administrativeStatus"))
    rest = [x for x in t.data if not (x.tag == "termNote" and x.type in _FOLDED)]
    # termNotes come before the term's other information
    e += [_node(x) for x in rest if x.tag in ("termNote", "termNoteGrp")]
    e += [_leaf("admin", s, "source") for s in t.sources]
    if t.note:
        e.append(_leaf("note", t.note))
    if tagged := extras.of_term(t):
        e.append(_leaf("note", tagged))
    e += [_node(x) for x in rest if x.tag not in ("termNote", "termNoteGrp")]
    return (d.term_sec, (), "", e)


# Term categories whose original value is kept when termkit folds it (`initialism`).
_FOLDED = ("termType", "administrativeStatus")


# --- reading ---------------------------------------------------------------------------------


def read(path: str | Path) -> Termbase:
    from termkit.text.decode import read_bytes

    return loads(read_bytes(path), str(path))


def loads(data: bytes, path: str = "<tbx>") -> Termbase:
    root = xmlsafe.parse(data, path)
    if xmlsafe.local(root.tag) not in ("tbx", "martif"):
        raise InputError(f"{path}: not a TBX file (root element <{xmlsafe.local(root.tag)}>)")
    header = next(iter(root), root)
    own = any(xmlsafe.text_of(p) == SIGNATURE for p in header.iter() if xmlsafe.local(p.tag) == "p")
    reader = _Reader(path, own)
    concepts = []
    back: list[Datum] = []
    for part in (p for text in root if _core(text.tag)[0] == "text" for p in text):
        name = _core(part.tag)[0]
        if name == "body":
            concepts += [reader.concept(e) for e in part if _core(e.tag)[0] in _ENTRIES]
        elif name == "back":
            back += [reader.datum(x) for x in part]
    tb = assemble(concepts, path, foreign=not own)
    return Termbase(tb.concepts, tb.conflicts, tb.meta, tuple(back))


_ENTRIES = ("conceptEntry", "termEntry")


@lru_cache(maxsize=512)
def _core(tag: str) -> tuple[str, str | None]:
    """(core element, data category when the tag itself says it) of a tag: a DCT element
    `<basic:partOfSpeech>` is (`termNote`, `partOfSpeech`); a core one (`termNote`, None)."""
    name = tag.rpartition("}")[2]
    namespace = tag[1:].partition("}")[0] if tag.startswith("{") else NS
    if namespace != NS and name != "termGrp":
        return _DCT_ELEMENT.get(name, "descrip"), name
    return name, None


def _category(e: Element) -> tuple[str, str]:
    """(core element, data category) of an element."""
    name, kind = _core(e.tag)
    return name, e.get("type", "") if kind is None else kind


def _items(parent: Element) -> Iterator[tuple[str, str, Element]]:
    """(element, data category, element) of a level's own information; a `termGrp` (of an
    `ntig`) is opened."""
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        name, kind = _category(child)
        if name == "termGrp":
            yield from _items(child)
        else:
            yield name, kind, child


class _Reader:
    """Reads entries of one file; third-party text has its pretty-printing folded away."""

    def __init__(self, path: str, own: bool) -> None:
        self.path = path
        self.own = own

    def text(self, e: Element) -> str:
        value = xmlsafe.text_of(e)
        return value if self.own else " ".join(value.split())

    def datum(self, e: Element) -> Datum:
        """An element termkit does not analyse, with its attributes and items, as it is."""
        name, kind = _category(e)
        attrs = tuple(
            (_XML_LANG_ATTR if k == XML_LANG else k, v)
            for k, v in sorted(e.attrib.items())
            if k != "type"
        )
        items = tuple(self.datum(x) for x in e if isinstance(x.tag, str))
        text = "" if items else self.text(e)
        return Datum(name, kind, text, attrs, items)

    def concept(self, entry: Element) -> Concept:
        where = f"{self.path}: entry {entry.get('id', '?')}"
        fields: dict = {"id": entry.get("id", ""), "sources": []}
        notes: list[str] = []
        data: list[Datum] = []
        lang_data: list[tuple[str, Datum]] = []
        terms: list[Term] = []
        for name, kind, e in _items(entry):
            if name in ("langSec", "langSet"):
                code = e.get(XML_LANG) or e.get("lang") or ""
                lang, variety = parse_tag(code, where)
                terms += self.lang_section(e, lang, variety, where, lang_data)
            elif name == "descrip" and kind in ("subjectField", "definition"):
                field = "subject" if kind == "subjectField" else "definition"
                if field in fields:
                    data.append(self.datum(e))
                else:
                    fields[field] = self.text(e)
            elif name == "admin" and kind == "source":
                fields["sources"].append(self.text(e))
            elif name == "note":
                self.note(e, notes, data, fields, where, extras.concept_fields)
            else:
                data.append(self.datum(e))
        fields.update(
            terms=tuple(terms),
            sources=tuple(fields["sources"]),
            note="".join(notes),
            data=tuple(data),
            lang_data=tuple(lang_data),
        )
        return Concept(**fields)

    def note(
        self, e: Element, notes: list[str], data: list[Datum], fields: dict, where: str, parse
    ) -> None:
        """The termkit note, the level's note, or (a second note) a note kept as it is."""
        value = self.text(e)
        if extras.is_extras(value):
            fields.update(parse(extras.loads(value, where), where))
        elif value and not notes:
            notes.append(value)
        elif value:
            data.append(self.datum(e))

    def lang_section(
        self,
        sec: Element,
        lang: str,
        variety: str,
        where: str,
        lang_data: list[tuple[str, Datum]],
    ) -> list[Term]:
        terms = []
        for name, _kind, e in _items(sec):
            if name in ("termSec", "tig", "ntig"):
                if term := self.term(e, lang, variety, where):
                    terms.append(term)
            else:
                lang_data.append((variety or lang, self.datum(e)))
        return terms

    def term(self, sec: Element, lang: str, variety: str, where: str) -> Term | None:
        fields: dict = {"text": "", "lang": lang, "variety": variety, "sources": [], "type": ""}
        notes: list[str] = []
        data: list[Datum] = []
        for name, kind, e in _items(sec):
            if name == "term":
                fields["text"] = self.text(e)
            elif name == "termNote" and kind == "termType":
                value = self.text(e)
                fields["type"] = _TO_TYPE.get(value.lower(), "fullForm")
                if fields["type"] != value:
                    data.append(Datum("termNote", kind, value))
            elif name == "termNote" and kind in _STATUS_NAMES:
                value = self.text(e)
                status = _TO_STATUS.get(value.lower(), _plain_status(value))
                if not status:
                    raise InputError(f"{where}: unknown administrativeStatus {value!r}")
                fields["status"] = status
                if value != f"{status}Term-admn-sts" or kind != "administrativeStatus":
                    data.append(Datum("termNote", kind, value))
            elif name == "admin" and kind == "source":
                fields["sources"].append(self.text(e))
            elif name == "note":
                self.note(e, notes, data, fields, where, extras.term_fields)
            else:
                data.append(self.datum(e))
        if not fields["text"]:
            return None
        fields.update(sources=tuple(fields["sources"]), note="".join(notes), data=tuple(data))
        return Term(**fields)


def _plain_status(value: str) -> str:
    """`preferred`, `Preferred term` … as written by some tools instead of the TBX value."""
    word = re.sub(r"[^a-z]", "", value.lower()).removesuffix("term")
    return word if word in ("preferred", "admitted", "deprecated", "superseded") else ""
