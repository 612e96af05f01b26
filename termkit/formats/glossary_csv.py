"""termkit's own CSV layout: one row per term, every field of the model, lossless.

Kept on the standard library so that `termkit check` can load a glossary without pandas.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from termkit.errors import InputError
from termkit.io import atomic_write
from termkit.termbase.merge import conflicts_of
from termkit.termbase.model import STATUSES, TERM_TYPES, Concept, Location, Term, Termbase

COLUMNS = (
    "concept_id",
    "lang",
    "term",
    "type",
    "status",
    "count",
    "sources",
    "locations",
    "term_note",
    "subject",
    "confidence",
    "evidence",
    "concept_note",
    "definition",
)
_SEP = ";"


def termbase_rows(tb: Termbase) -> list[dict[str, str]]:
    rows = []
    for c in tb.concepts:
        for t in c.terms:
            rows.append(
                {
                    "concept_id": c.id,
                    "lang": t.lang,
                    "term": t.text,
                    "type": t.type,
                    "status": t.status,
                    "count": str(t.count),
                    "sources": _SEP.join(t.sources),
                    "locations": _SEP.join(str(loc) for loc in t.locations),
                    "term_note": t.note,
                    "subject": c.subject,
                    "confidence": f"{c.confidence:.3f}",
                    "evidence": _SEP.join(c.evidence),
                    "concept_note": c.note,
                    "definition": c.definition,
                }
            )
    return rows


def dumps(tb: Termbase) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(termbase_rows(tb))
    return out.getvalue()


def write(tb: Termbase, path: str | Path, bom: bool = False) -> None:
    with atomic_write(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(dumps(tb))


def is_full_layout(header: list[str]) -> bool:
    return {"concept_id", "lang", "term"} <= set(header)


def loads(text: str, path: str = "<csv>") -> Termbase:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    return from_rows(((reader.line_num, row) for row in reader), path)


def from_rows(rows: Iterable[tuple[int, list[str]]], path: str) -> Termbase:
    """The termbase of numbered rows (header first), from a CSV file or a spreadsheet."""
    rows = iter(rows)
    _, header = next(rows, (0, []))
    if not is_full_layout(header):
        raise InputError(f"{path}: not a termkit glossary CSV (needs concept_id, lang, term)")
    records = ((n, dict(zip(header, r, strict=False))) for n, r in rows if any(r))
    return from_records(records, path)


def from_records(records: Iterable[tuple[int, dict[str, str]]], path: str) -> Termbase:
    terms: dict[str, list[Term]] = defaultdict(list)
    concept_fields: dict[str, dict[str, str]] = {}
    for line, row in records:
        cid, lang, text = row.get("concept_id") or "", row.get("lang") or "", row.get("term") or ""
        if not cid or not text:
            raise InputError(f"{path}:{line}: empty concept_id or term")
        if lang not in ("zh", "en"):
            raise InputError(f"{path}:{line}: unknown language code {lang!r} (zh or en)")
        type_ = row.get("type") or "fullForm"
        status = row.get("status") or ""
        if type_ not in TERM_TYPES:
            raise InputError(f"{path}:{line}: unknown term type {type_!r}")
        if status and status not in STATUSES:
            raise InputError(f"{path}:{line}: unknown status {status!r}")
        try:
            count = int(row.get("count") or 0)
            locations = tuple(Location.parse(x) for x in _split(row.get("locations") or ""))
            confidence = float(row.get("confidence") or 0)
        except ValueError:
            raise InputError(f"{path}:{line}: bad count, confidence or location") from None
        terms[cid].append(
            Term(
                text,
                lang,
                type_,
                status,
                count,
                locations,
                tuple(_split(row.get("sources") or "")),
                row.get("term_note") or "",
            )
        )
        fields = concept_fields.setdefault(cid, {})
        for name in ("subject", "evidence", "concept_note", "definition"):
            fields[name] = fields.get(name) or row.get(name) or ""
        fields["confidence"] = str(max(float(fields.get("confidence") or 0), confidence))
    concepts = []
    for cid, ts in terms.items():
        f = concept_fields[cid]
        sources = tuple(sorted({s for t in ts for s in t.sources}))
        concepts.append(
            Concept(
                cid,
                tuple(ts),
                sources,
                f["concept_note"],
                f["definition"],
                f["subject"],
                float(f["confidence"]),
                tuple(_split(f["evidence"])),
            )
        )
    ordered = tuple(sorted(concepts, key=lambda c: c.id))
    return Termbase(ordered, conflicts_of(ordered))


def _split(value: str) -> list[str]:
    return [x for x in value.split(_SEP) if x]


def read(path: str | Path) -> Termbase:
    from termkit.text.decode import read_document

    return loads(read_document(path).text, str(path))
