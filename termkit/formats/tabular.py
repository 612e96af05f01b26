"""Rows of a spreadsheet or CSV file ↔ termbase, in the three layouts glossaries come in.

- full: termkit's own, one row per term (`concept_id, lang, term, …`), lossless; see
  `glossary_csv`.
- concept: one row per concept, a column per language as CAT tools and spreadsheets have it:
  `zh, en` or `zh-CN, en-US`, with optional `zh shortForm`, `en acronym`, `zh variant` …
  term columns, a `zh status` / `en note` column after a term column, and concept columns
  `id, note, definition, subject, source`. A header cell may repeat (two `en` columns: two
  English terms).
- pair: one row per term pair, `sourceLang, targetLang, sourceString, targetString` with
  locale codes (`zh_CN`, `zh-Hans`, `en`), as Facebook's and Google's terminologies are.

The header row says which layout a file has; a header that fits none is an error.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from termkit.errors import InputError
from termkit.formats import glossary_csv
from termkit.formats.assemble import assemble
from termkit.formats.lang import is_language_tag, parse_tag
from termkit.termbase.model import STATUSES, TERM_TYPES, Concept, Term, Termbase, languages

Rows = Iterable[tuple[int, list[str]]]
LAYOUTS = ("full", "concept")

_PAIR = ("sourcelang", "targetlang", "sourcestring", "targetstring")
_PAIR_NOTE = ("description", "note", "comment", "definition")
_CONCEPT_COLUMNS = {
    "id": "id",
    "concept id": "id",
    "concept_id": "id",
    "entry id": "id",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "definition": "definition",
    "subject": "subject",
    "subject field": "subject",
    "domain": "subject",
    "source": "sources",
    "sources": "sources",
}
_TYPE_NAMES = {t.lower(): t for t in TERM_TYPES} | {
    "full": "fullForm",
    "full form": "fullForm",
    "short": "shortForm",
    "short form": "shortForm",
    "abbr": "abbreviation",
    "synonym": "variant",
}
_TERM_FIELDS = ("status", "note")
_SOURCE_SEP = ";"


def parse(rows: Rows, path: str) -> Termbase:
    """The termbase of numbered rows, the first non-empty one being the header."""
    rows = iter(rows)
    first = next(((n, r) for n, r in rows if any(c.strip() for c in r)), None)
    if first is None:
        raise InputError(f"{path}: empty file")
    line, header = first
    header = [h.strip() for h in header]
    if glossary_csv.is_full_layout(header):
        return glossary_csv.from_rows(itertools.chain([(line, header)], rows), path)
    if set(_PAIR) <= {h.lower() for h in header}:
        return _read_pairs(header, rows, path)
    return _read_concepts(line, header, rows, path)


# --- pair layout -----------------------------------------------------------------------------


def _read_pairs(header: list[str], rows: Rows, path: str) -> Termbase:
    col = {h.lower(): i for i, h in enumerate(header)}
    note_col = next((col[n] for n in _PAIR_NOTE if n in col), None)
    concepts = []
    for line, row in rows:
        cells = _cells(row, len(header))
        if not any(cells):
            continue
        where = f"{path}:{line}"
        terms = []
        for lang_key, text_key in (("sourcelang", "sourcestring"), ("targetlang", "targetstring")):
            lang, variety = parse_tag(cells[col[lang_key]], where)
            if cells[col[text_key]]:
                terms.append(Term(cells[col[text_key]], lang, variety=variety))
        note = cells[note_col] if note_col is not None else ""
        concepts.append(Concept("", tuple(terms), note=note))
    return assemble(concepts, path, foreign=True)


# --- concept layout --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    """What a header cell means: a term (lang, type), a field of the term to its left, a
    field of the concept, or nothing termkit keeps (another language, an empty cell)."""

    kind: str  # "term" | "term-field" | "concept" | "skip"
    lang: str = ""
    name: str = ""  # term type, term field or concept field
    variety: str = ""


def _read_concepts(line: int, header: list[str], rows: Rows, path: str) -> Termbase:
    columns = [_column(h, f"{path}:{line}") for h in header]
    if not any(c.kind == "term" for c in columns):
        raise InputError(
            f"{path}:{line}: no language column in header {', '.join(header)!s} "
            "(expected language codes such as zh, en, zh-CN, en-US, es)"
        )
    owners = _owners(columns, path, line)
    concepts = []
    for n, row in rows:
        cells = _cells(row, len(columns))
        if not any(cells):
            continue
        concepts.append(_concept_of(columns, owners, cells, f"{path}:{n}"))
    return assemble(concepts, path, foreign=True)


def _column(cell: str, where: str) -> _Column:
    key = " ".join(cell.lower().split())
    if not key:
        return _Column("skip")
    if key in _CONCEPT_COLUMNS:
        return _Column("concept", name=_CONCEPT_COLUMNS[key])
    code, _, rest = cell.strip().partition(" ")
    rest = " ".join(rest.lower().split())
    if code and is_language_tag(code) and (not rest or rest in _TYPE_NAMES or rest in _TERM_FIELDS):
        lang, variety = parse_tag(code, where)
        if rest in _TERM_FIELDS:
            return _Column("term-field", lang, rest)
        return _Column("term", lang, _TYPE_NAMES.get(rest, "fullForm"), variety)
    raise InputError(
        f"{where}: unknown column {cell!r} (expected language codes such as zh, en, zh-CN, "
        "optionally followed by shortForm, acronym, abbreviation, variant, status or note; "
        "or id, note, definition, subject, source)"
    )


def _owners(columns: list[_Column], path: str, line: int) -> list[int]:
    """For each term-field column, the term column of its language nearest to its left."""
    owners = []
    for i, c in enumerate(columns):
        if c.kind != "term-field":
            owners.append(-1)
            continue
        left = [j for j in range(i) if columns[j].kind == "term" and columns[j].lang == c.lang]
        if not left:
            raise InputError(
                f"{path}:{line}: column {c.lang} {c.name} has no {c.lang} column before it"
            )
        owners.append(left[-1])
    return owners


def _concept_of(columns: list[_Column], owners: list[int], cells: list[str], where: str) -> Concept:
    term_fields: dict[int, dict[str, str]] = {}
    concept: dict[str, str] = {}
    for i, (c, value) in enumerate(zip(columns, cells, strict=True)):
        if c.kind == "term-field" and value:
            term_fields.setdefault(owners[i], {})[c.name] = value
        elif c.kind == "concept" and value:
            concept[c.name] = value
    terms = []
    for i, (c, value) in enumerate(zip(columns, cells, strict=True)):
        if c.kind == "term" and value:
            extra = term_fields.get(i, {})
            terms.append(
                Term(
                    value,
                    c.lang,
                    c.name,
                    _status(extra.get("status", ""), where),
                    note=extra.get("note", ""),
                    variety=c.variety,
                )
            )
    sources = tuple(s.strip() for s in concept.get("sources", "").split(_SOURCE_SEP) if s.strip())
    return Concept(
        concept.get("id", ""),
        tuple(terms),
        sources,
        note=concept.get("note", ""),
        definition=concept.get("definition", ""),
        subject=concept.get("subject", ""),
    )


def _status(value: str, where: str) -> str:
    """`preferred`, `Preferred`, `preferredTerm-admn-sts` → `preferred`."""
    word = value.strip().lower().removesuffix("-admn-sts").removesuffix("term")
    if word and word not in STATUSES:
        raise InputError(f"{where}: unknown status {value!r} (one of {', '.join(STATUSES)})")
    return word


def _cells(row: list[str], width: int) -> list[str]:
    return [c.strip() for c in row[:width]] + [""] * (width - len(row))


# --- writing ---------------------------------------------------------------------------------


def table(tb: Termbase, layout: str = "full") -> list[list[str]]:
    """The termbase as rows (header first) of the full or the concept layout."""
    if layout == "full":
        rows = glossary_csv.termbase_rows(tb)
        columns = glossary_csv.columns(tb)
        return [list(columns)] + [[r[k] for k in columns] for r in rows]
    if layout == "concept":
        return _concept_table(tb)
    raise InputError(f"unknown layout {layout!r} (one of {', '.join(LAYOUTS)})")


def _concept_table(tb: Termbase) -> list[list[str]]:
    """One row per concept; a term column per (language, type) and per term of the busiest
    concept, each followed by status and note columns where any term has one."""
    slots: list[tuple[str, str, int]] = []
    for tag in languages(tb):
        for type_ in ("", *TERM_TYPES):
            width = max((len(_terms(c, tag, type_)) for c in tb.concepts), default=0)
            slots += [(tag, type_, k) for k in range(width)]
    fields = {
        slot: [f for f in _TERM_FIELDS if any(getattr(t, f) for t in _slot_terms(tb, slot))]
        for slot in slots
    }
    header = ["id"]
    for slot in slots:
        lang, type_, _ = slot
        header.append(lang if type_ in ("", "fullForm") else f"{lang} {type_}")
        header += [f"{lang} {f}" for f in fields[slot]]
    concept_fields = [
        f for f in ("note", "definition", "subject") if any(getattr(c, f) for c in tb.concepts)
    ]
    header += [*concept_fields, "source"]
    rows = [header]
    for c in tb.concepts:
        row = [c.id]
        for slot in slots:
            lang, type_, k = slot
            terms = _terms(c, lang, type_)
            t = terms[k] if k < len(terms) else None
            row.append(t.text if t else "")
            row += [getattr(t, f) if t else "" for f in fields[slot]]
        row += [getattr(c, f) for f in concept_fields]
        row.append(_SOURCE_SEP.join(c.sources))
        rows.append(row)
    return rows


def _terms(c: Concept, tag: str, type_: str) -> list[Term]:
    return [t for t in c.terms if t.tag == tag and t.type == type_]


def _slot_terms(tb: Termbase, slot: tuple[str, str, int]) -> Iterator[Term]:
    tag, type_, k = slot
    for c in tb.concepts:
        terms = _terms(c, tag, type_)
        if k < len(terms):
            yield terms[k]
