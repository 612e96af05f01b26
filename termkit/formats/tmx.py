"""TMX 1.4b through translate-toolkit: the glossary as zh↔en term pairs, and TMX read back as a
glossary or as bilingual units for the checker.

Each concept becomes one `tu` per pair of its zh and en terms (the i-th with the i-th, a
language's extra terms with the other language's first), each `tu` tagged `x-concept`. A
`tuv` carries its term's `x-termType`, `x-status`, `x-source` and `x-note` props; concept
fields go on the concept's first `tu`; counts and locations ride in an `x-termkit` prop on a
term's first `tuv`, so termbase → TMX → termbase is exact.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from termkit import __version__
from termkit.errors import InputError
from termkit.formats import extras, xmlsafe
from termkit.formats.assemble import assemble
from termkit.formats.lang import LanguageFilter
from termkit.formats.xmlsafe import XML_LANG
from termkit.io import atomic_write
from termkit.termbase.model import STATUSES, TERM_TYPES, Concept, Term, Termbase

log = logging.getLogger("termkit.formats")

CREATOR = "termkit"
_HEADER = {
    "creationtool": CREATOR,
    "creationtoolversion": __version__,
    "segtype": "phrase",
    "o-tmf": CREATOR,
    "adminlang": "en",
    "srclang": "zh",
    "datatype": "plaintext",
}


@dataclass(frozen=True)
class TranslationUnit:
    """One zh–en pair of a translation memory, with where it is in the file."""

    id: str
    zh: str
    en: str
    line: int
    note: str = ""


# --- writing ---------------------------------------------------------------------------------


def dumps(tb: Termbase) -> bytes:
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="zh")
    header = store.document.getroot().find("header")
    header.attrib.update(_HEADER)
    for c in tb.concepts:
        seen: set[tuple[str, str]] = set()
        for i, pair in enumerate(_pairs(c), 1):
            first, *rest = [t for t in pair if t is not None]
            unit = store.addsourceunit(first.text, first.lang)
            for t in rest:
                unit.settarget(t.text, t.lang, append=True)
            unit.xmlelement.set("tuid", f"{c.id}.{i}")
            props = [("x-concept", c.id)]
            if i == 1:
                props += _concept_props(c)
            _set_props(unit.xmlelement, props)
            for node, t in zip(unit.getlanguageNodes(), [first, *rest], strict=True):
                _set_props(node, _term_props(t, (t.lang, t.text) not in seen))
                seen.add((t.lang, t.text))
    return bytes(store)


def write(tb: Termbase, path: str | Path) -> None:
    data = dumps(tb)
    with atomic_write(path, "wb") as f:
        f.write(data)


def _pairs(c: Concept) -> list[tuple[Term | None, Term | None]]:
    zh, en = c.terms_of("zh"), c.terms_of("en")
    if not zh or not en:
        return [(t, None) for t in zh or en]
    return [
        (zh[i] if i < len(zh) else zh[0], en[i] if i < len(en) else en[0])
        for i in range(max(len(zh), len(en)))
    ]


def _concept_props(c: Concept) -> list[tuple[str, str]]:
    term_sources = {s for t in c.terms for s in t.sources}
    props = [("x-source", s) for s in c.sources if s not in term_sources]
    props += [(f"x-{k}", v) for k, v in (("subject", c.subject), ("definition", c.definition))]
    props += [("x-note", c.note), ("x-termkit", extras.of_concept(c, c.id))]
    return [(k, v) for k, v in props if v]


def _term_props(t: Term, first: bool) -> list[tuple[str, str]]:
    props = [("x-termType", t.type), ("x-status", t.status)]
    props += [("x-source", s) for s in t.sources] + [("x-note", t.note)]
    if first:
        props.append(("x-termkit", extras.of_term(t)))
    return [(k, v) for k, v in props if v]


def _set_props(element, props: list[tuple[str, str]]) -> None:
    """Props go before the `tuv`s of a `tu` and before the `seg` of a `tuv` (TMX order)."""
    from lxml import etree

    for k, (name, value) in enumerate(props):
        prop = etree.Element("prop", type=name)
        prop.text = value
        element.insert(k, prop)


# --- reading ---------------------------------------------------------------------------------


def _parse(path: str | Path):
    """translate-toolkit's store of a file, after a safe parse has refused entities."""
    from lxml import etree
    from translate.storage.tmx import tmxfile

    from termkit.text.decode import read_bytes

    data = read_bytes(path)
    root = xmlsafe.parse(data, str(path))
    if xmlsafe.local(root.tag) != "tmx":
        raise InputError(f"{path}: not a TMX file (root element <{xmlsafe.local(root.tag)}>)")
    try:
        return tmxfile.parsestring(data)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno}: malformed TMX: {exc.msg}") from None


def _lang_of(tuv) -> str:
    """`xml:lang`, or the `lang` attribute of TMX 1.1 files."""
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _props(element) -> Iterator[tuple[str, str]]:
    for child in element:
        if child.tag == "prop":
            yield child.get("type", ""), child.text or ""
        elif child.tag == "note":
            yield "note", child.text or ""


def read(path: str | Path) -> Termbase:
    """A TMX file as a glossary: termkit's own exactly; another TMX one concept per `tu`."""
    store = _parse(path)
    header = store.document.getroot().find("header")
    own = header is not None and header.get("creationtool") == CREATOR
    languages = LanguageFilter(str(path))
    records: dict[str, dict] = {}
    for n, unit in enumerate(store.units):
        where = f"{path}:{unit.xmlelement.sourceline}"
        props = list(_props(unit.xmlelement))
        cid = next((v for k, v in props if k == "x-concept"), "")
        record = records.setdefault(cid or f"#{n}", {"id": cid, "terms": [], "notes": []})
        _concept_fields(record, props, where)
        for node in unit.getlanguageNodes():
            lang = languages(_lang_of(node), where)
            text = unit.getNodeText(node) or ""
            if lang is not None and text:
                text = text if own else " ".join(text.split())
                record["terms"].append(_term(text, lang, list(_props(node)), where))
    languages.report()
    concepts = []
    for r in records.values():
        notes = r.pop("notes")
        r["note"] = r.get("note") or "\n".join(notes)
        concepts.append(Concept(**r))
    return assemble(concepts, str(path), foreign=not own)


def _concept_fields(record: dict, props: list[tuple[str, str]], where: str) -> None:
    for k, v in props:
        if k == "x-source":
            record["sources"] = (*record.get("sources", ()), v)
        elif k in ("x-subject", "x-definition", "x-note"):
            record[k[2:]] = v
        elif k == "note" and v:
            record["notes"].append(v)
        elif k == "x-termkit":
            record.update(extras.concept_fields(extras.loads(v, where), where))


def _term(text: str, lang: str, props: list[tuple[str, str]], where: str) -> Term:
    fields: dict = {"sources": ()}
    for k, v in props:
        if k == "x-termType" and v in TERM_TYPES:
            fields["type"] = v
        elif k == "x-status":
            if v not in STATUSES:
                raise InputError(f"{where}: unknown status {v!r}")
            fields["status"] = v
        elif k == "x-source":
            fields["sources"] += (v,)
        elif k == "x-note":
            fields["note"] = v
        elif k == "x-termkit":
            fields.update(extras.term_fields(extras.loads(v, where), where))
    return Term(text, lang, **fields)


def read_units(path: str | Path) -> list[TranslationUnit]:
    """The zh–en pairs of a translation memory, in file order, for checking."""
    store = _parse(path)
    languages = LanguageFilter(str(path))
    units, incomplete = [], 0
    for unit in store.units:
        line = unit.xmlelement.sourceline or 0
        texts: dict[str, str] = {}
        for node in unit.getlanguageNodes():
            lang = languages(_lang_of(node), f"{path}:{line}")
            if lang is not None:
                texts.setdefault(lang, unit.getNodeText(node) or "")
        if texts.get("zh") and texts.get("en"):
            note = "\n".join(v for k, v in _props(unit.xmlelement) if k == "note" and v)
            units.append(TranslationUnit(unit.getid() or "", texts["zh"], texts["en"], line, note))
        else:
            incomplete += 1
    languages.report()
    if incomplete:
        log.warning(f"{path}: skipped {incomplete} units without both zh and en text")
    return units
