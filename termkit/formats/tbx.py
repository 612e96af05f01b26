"""TBX: write TBX v3 (TBX-Basic, DCA) and TBX 2008 (MARTIF); read both, DCA and DCT styles.

One entry per concept, one language section per language, one term section per term, so a
second term of a language (a short form, a variant) survives, unlike in translate-toolkit's
TBX store. Only TBX-Basic data categories are written: termType, administrativeStatus,
subjectField, definition, source and note; termkit's counts, locations, confidence and
evidence ride in a `termkit:{json}` note (see `extras`). The reader accepts `tig` and `ntig`
(2008), `termSec` (v3) and dialect elements such as `<basic:termType>` (DCT).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from termkit.errors import InputError
from termkit.formats import extras, xmlsafe
from termkit.formats.assemble import assemble
from termkit.formats.lang import LanguageFilter
from termkit.formats.xmlsafe import XML_LANG
from termkit.io import atomic_write
from termkit.termbase.model import LANGS, Concept, Term, Termbase

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
# TBX term types outside TBX-Basic, folded onto termkit's five; any other (entryTerm,
# phrase, commonName …) names the concept: fullForm.
_TO_TYPE = {
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


def dumps(tb: Termbase, version: int = 3, numeric_ids: bool = False) -> bytes:
    """The termbase as TBX v3 (TBX-Basic DCA) or, with `version=2`, TBX 2008.

    `numeric_ids` numbers the entries 1, 2, … as MultiTerm wants (such ids are not XML names,
    so that file does not validate against the TBX v3 schema); the termkit id then goes in the
    termkit note, so the round trip stays exact.
    """
    d = V3 if version == 3 else V2
    root = Element(d.root, {"type": "TBX-Basic"})
    if d is V3:
        root.set("style", "dca")
    root.set(XML_LANG, "zh")
    if d is V3:
        root.set("xmlns", NS)
    header = SubElement(root, d.header)
    _sub(SubElement(SubElement(header, "fileDesc"), "sourceDesc"), "p", SIGNATURE)
    if d is V2:
        _sub(SubElement(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    text = SubElement(root, "text")
    if tb.concepts:
        body = SubElement(text, "body")
        for n, c in enumerate(tb.concepts, 1):
            body.append(_entry(c, d, str(n) if numeric_ids else c.id))
    indent(root, "  ")
    return (d.prolog + tostring(root, encoding="unicode") + "\n").encode("utf-8")


def write(tb: Termbase, path: str | Path, version: int = 3, numeric_ids: bool = False) -> None:
    data = dumps(tb, version, numeric_ids)
    with atomic_write(path, "wb") as f:
        f.write(data)


def _sub(parent: Element, tag: str, text: str, **attrs: str) -> Element:
    e = SubElement(parent, tag, attrs)
    e.text = text
    return e


def _entry(c: Concept, d: _Dialect, entry_id: str) -> Element:
    e = Element(d.entry, {"id": entry_id})
    if c.subject:
        _sub(e, "descrip", c.subject, type="subjectField")
    if c.definition:
        _sub(e, "descrip", c.definition, type="definition")
    term_sources = {s for t in c.terms for s in t.sources}
    for s in c.sources:
        if s not in term_sources:
            _sub(e, "admin", s, type="source")
    if c.note:
        _sub(e, "note", c.note)
    if tagged := extras.of_concept(c, entry_id):
        _sub(e, "note", tagged)
    for lang in LANGS:
        terms = c.terms_of(lang)
        if terms:
            sec = SubElement(e, d.lang_sec, {XML_LANG: lang})
            for t in terms:
                sec.append(_term(t, d))
    return e


def _term(t: Term, d: _Dialect) -> Element:
    e = Element(d.term_sec)
    _sub(e, "term", t.text)
    _sub(e, "termNote", t.type, type="termType")
    if t.status:
        _sub(e, "termNote", f"{t.status}Term-admn-sts", type="administrativeStatus")
    for s in t.sources:
        _sub(e, "admin", s, type="source")
    if t.note:
        _sub(e, "note", t.note)
    if tagged := extras.of_term(t):
        _sub(e, "note", tagged)
    return e


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
    concepts = [
        reader.concept(e)
        for e in root.iter()
        if xmlsafe.local(e.tag) in ("conceptEntry", "termEntry")
    ]
    reader.languages.report()
    return assemble(concepts, path, foreign=not own)


def _items(parent: Element) -> Iterator[tuple[str, Element]]:
    """(data category or element name, element) of a level's own information.

    Groups are opened (`termGrp` of an `ntig`, `adminGrp`, `termNoteGrp`); of a `descripGrp`
    only its descrip counts (its `admin source` is the source of the definition or context,
    not of the term). Transactions (dates, authors) are not kept.
    """
    for child in parent:
        name = xmlsafe.local(child.tag)
        if name in ("termGrp", "adminGrp", "termNoteGrp"):
            yield from _items(child)
        elif name == "descripGrp":
            yield from ((k, v) for k, v in _items(child) if k in ("definition", "subjectField"))
        elif name in ("descrip", "admin", "termNote"):
            yield child.get("type", ""), child
        else:  # structure, `term`, `note`, and DCT style: <basic:termType>, <min:subjectField>
            yield name, child


class _Reader:
    """Reads entries of one file; third-party text has its pretty-printing folded away."""

    def __init__(self, path: str, own: bool) -> None:
        self.path = path
        self.own = own
        self.languages = LanguageFilter(path)

    def text(self, e: Element) -> str:
        value = xmlsafe.text_of(e)
        return value if self.own else " ".join(value.split())

    def concept(self, entry: Element) -> Concept:
        where = f"{self.path}: entry {entry.get('id', '?')}"
        fields: dict = {"id": entry.get("id", ""), "sources": []}
        notes: list[str] = []
        subjects: list[str] = []
        definitions: list[tuple[int, str]] = []
        terms: list[Term] = []
        for kind, e in _items(entry):
            if kind in ("langSec", "langSet"):
                code = e.get(XML_LANG) or e.get("lang") or ""
                lang = self.languages(code, where)
                if lang is not None:
                    terms += self.lang_section(e, lang, where, definitions, notes)
            elif kind == "subjectField":
                subjects.append(self.text(e))
            elif kind == "definition":
                definitions.append((0, self.text(e)))
            elif kind == "source":
                fields["sources"].append(self.text(e))
            elif kind == "note":
                self.note(e, notes, fields, where, extras.concept_fields)
        definitions.sort(key=lambda x: x[0])
        fields.update(
            terms=tuple(terms),
            sources=tuple(fields["sources"]),
            note="\n".join(notes),
            definition="\n".join(text for _, text in definitions),
            subject="; ".join(subjects),
        )
        return Concept(**fields)

    def note(self, e: Element, notes: list[str], fields: dict, where: str, parse) -> None:
        value = self.text(e)
        if extras.is_extras(value):
            fields.update(parse(extras.loads(value, where), where))
        elif value:
            notes.append(value)

    def lang_section(
        self, sec: Element, lang: str, where: str, definitions: list, notes: list[str]
    ) -> list[Term]:
        terms = []
        for kind, e in _items(sec):
            if kind in ("termSec", "tig", "ntig"):
                if term := self.term(e, lang, where):
                    terms.append(term)
            elif kind == "definition":
                definitions.append((1 if lang == "zh" else 2, self.text(e)))
            elif kind == "note":
                notes.append(self.text(e))
        return terms

    def term(self, sec: Element, lang: str, where: str) -> Term | None:
        fields: dict = {"text": "", "lang": lang, "sources": []}
        notes: list[str] = []
        for kind, e in _items(sec):
            if kind == "term":
                fields["text"] = self.text(e)
            elif kind == "termType":
                value = self.text(e)
                fields["type"] = _TO_TYPE.get(value.lower(), "fullForm")
            elif kind in _STATUS_NAMES:
                value = self.text(e)
                status = _TO_STATUS.get(value.lower(), _plain_status(value))
                if not status:
                    raise InputError(f"{where}: unknown administrativeStatus {value!r}")
                fields["status"] = status
            elif kind == "source":
                fields["sources"].append(self.text(e))
            elif kind == "note":
                self.note(e, notes, fields, where, extras.term_fields)
        if not fields["text"]:
            return None
        fields.update(sources=tuple(fields["sources"]), note="\n".join(notes))
        return Term(**fields)


def _plain_status(value: str) -> str:
    """`preferred`, `Preferred term` … as written by some tools instead of the TBX value."""
    word = re.sub(r"[^a-z]", "", value.lower()).removesuffix("term")
    return word if word in ("preferred", "admitted", "deprecated", "superseded") else ""
