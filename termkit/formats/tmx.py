"""TMX 1.4b through translate-toolkit: the glossary as multilingual term units, and TMX read
back as a glossary or as bilingual units for the checker.

Each concept becomes one `tu` per row of its terms: the i-th term of every language (a language
with fewer terms repeats its first), so a zh–en concept gives zh↔en pairs and a six-language
one six `tuv`s per `tu`; each `tu` is tagged `x-concept`. A `tuv` carries its term's
`x-termType`, `x-status`, `x-source` and `x-note` props; concept fields go on the concept's
first `tu`; counts, locations and kept data ride in an `x-termkit` prop on a term's first `tuv`,
so termbase → TMX → termbase is exact.

The header follows TMX 1.4b: `creationtool`/`creationtoolversion` name termkit, `o-tmf` (the
format the data comes from) is termkit's termbase, `adminlang` is `en` (the language of the
props), `srclang` is Chinese when every unit has a Chinese `tuv`, else `*all*` (any language
may be the source), `segtype` is `phrase` (terms, not sentences).
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
from termkit.formats.lang import parse_tag
from termkit.formats.xmlsafe import XML_LANG
from termkit.io import atomic_write
from termkit.termbase.model import STATUSES, TERM_TYPES, Concept, Term, Termbase, lang_rank

log = logging.getLogger("termkit.formats")

CREATOR = "termkit"
_HEADER = {
    "creationtool": CREATOR,
    "creationtoolversion": __version__,
    "segtype": "phrase",
    "o-tmf": CREATOR,
    "adminlang": "en",
    "datatype": "plaintext",
}
ALL = "*all*"


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

    rows = [(c, _rows(c)) for c in tb.concepts]
    sources = {row[0].tag for _, rs in rows for row in rs}
    srclang = sources.pop() if len(sources) == 1 else ALL
    store = tmxfile(sourcelanguage=srclang)
    header = store.document.getroot().find("header")
    header.attrib.update(_HEADER)
    header.set("srclang", srclang)
    for c, concept_rows in rows:
        seen: set[tuple[str, str]] = set()
        for i, row in enumerate(concept_rows, 1):
            first, *rest = row
            unit = store.addsourceunit(first.text, first.tag)
            for t in rest:
                unit.settarget(t.text, t.tag, append=True)
            unit.xmlelement.set("tuid", f"{c.id}.{i}")
            props = [("x-concept", c.id)]
            if i == 1:
                props += _concept_props(c)
            _set_props(unit.xmlelement, props)
            for node, t in zip(unit.getlanguageNodes(), row, strict=True):
                _set_props(node, _term_props(t, (t.tag, t.text) not in seen))
                seen.add((t.tag, t.text))
    return bytes(store)


def write(tb: Termbase, path: str | Path) -> None:
    data = dumps(tb)
    with atomic_write(path, "wb") as f:
        f.write(data)


def _rows(c: Concept) -> list[list[Term]]:
    """The i-th term of each language tag, a tag's first term where it has fewer."""
    by_tag: dict[str, list[Term]] = {}
    for t in sorted(c.terms, key=lambda t: lang_rank(t.tag)):
        by_tag.setdefault(t.tag, []).append(t)
    width = max(len(ts) for ts in by_tag.values())
    return [[ts[i] if i < len(ts) else ts[0] for ts in by_tag.values()] for i in range(width)]


def _concept_props(c: Concept) -> list[tuple[str, str]]:
    term_sources = {s for t in c.terms for s in t.sources}
    props = [("x-source", s) for s in c.sources if s not in term_sources]
    props += [(f"x-{k}", v) for k, v in (("subject", c.subject), ("definition", c.definition))]
    props += [("x-note", c.note), ("x-termkit", extras.of_concept(c, c.id, data=True))]
    return [(k, v) for k, v in props if v]


def _term_props(t: Term, first: bool) -> list[tuple[str, str]]:
    props = [("x-termType", t.type), ("x-status", t.status)]
    props += [("x-source", s) for s in t.sources] + [("x-note", t.note)]
    if first:
        props.append(("x-termkit", extras.of_term(t, data=True)))
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

    data = xmlsafe.as_utf8(read_bytes(path), str(path))
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
    records: dict[str, dict] = {}
    for n, unit in enumerate(store.units):
        where = f"{path}:{unit.xmlelement.sourceline}"
        props = list(_props(unit.xmlelement))
        cid = next((v for k, v in props if k == "x-concept"), "")
        record = records.setdefault(cid or f"#{n}", {"id": cid, "terms": [], "notes": []})
        _concept_fields(record, props, where)
        for node in unit.getlanguageNodes():
            lang, variety = parse_tag(_lang_of(node), where)
            text = unit.getNodeText(node) or ""
            if text:
                text = text if own else " ".join(text.split())
                props = list(_props(node))
                record["terms"].append(_term(text, lang, variety, props, where, own))
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


def _term(
    text: str, lang: str, variety: str, props: list[tuple[str, str]], where: str, own: bool
) -> Term:
    """A `tuv` as a term; another tool's terms are full forms unless a prop says otherwise,
    termkit's own have exactly the type they had (none, if none was written)."""
    fields: dict = {"sources": (), "variety": variety, "type": "" if own else "fullForm"}
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
    units, incomplete = [], 0
    for unit in store.units:
        line = unit.xmlelement.sourceline or 0
        texts: dict[str, str] = {}
        for node in unit.getlanguageNodes():
            lang, _ = parse_tag(_lang_of(node), f"{path}:{line}")
            texts.setdefault(lang, unit.getNodeText(node) or "")
        if texts.get("zh") and texts.get("en"):
            note = "\n".join(v for k, v in _props(unit.xmlelement) if k == "note" and v)
            units.append(TranslationUnit(unit.getid() or "", texts["zh"], texts["en"], line, note))
        else:
            incomplete += 1
    if incomplete:
        log.warning(f"{path}: skipped {incomplete} units without both zh and en text")
    return units
