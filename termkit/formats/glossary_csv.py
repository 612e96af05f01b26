"""termkit's own CSV layout: one row per term, every field of the model, lossless.

Kept on the standard library so that `termkit check` can load a glossary without pandas. The
`lang` column holds the term's language tag (`zh`, `zh-TW`, `es`). Data termkit keeps without
analysing it (see `Datum`) goes, as JSON, in a `data` column (the term's) and a `concept_data`
column (the concept's and its language sections'); both are written only when some term or
concept has such data, so a built glossary has the fourteen columns it always had.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from termkit.errors import InputError
from termkit.io import atomic_write
from termkit.termbase.merge import conflicts_of
from termkit.termbase.model import (
    STATUSES,
    TERM_TYPES,
    Concept,
    Datum,
    Location,
    Term,
    Termbase,
)

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
DATA_COLUMNS = ("data", "concept_data")
_SEP = ";"
# A language tag as termkit writes it: the primary language, then subtags (zh-Hant-TW).
_LANG_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def columns(tb: Termbase) -> tuple[str, ...]:
    """The columns a termbase needs: the data columns only when something has data."""
    has_data = any(c.data or c.lang_data or any(t.data for t in c.terms) for c in tb.concepts)
    return COLUMNS + DATA_COLUMNS if has_data else COLUMNS


def _json(value: list | dict) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""


def termbase_rows(tb: Termbase) -> list[dict[str, str]]:
    rows = []
    for c in tb.concepts:
        kept = {
            "data": [d.to_json() for d in c.data],
            "lang_data": [[tag, d.to_json()] for tag, d in c.lang_data],
        }
        concept_data = _json({k: v for k, v in kept.items() if v})
        for n, t in enumerate(c.terms):
            rows.append(
                {
                    "concept_id": c.id,
                    "lang": t.tag,
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
                    "data": _json([d.to_json() for d in t.data]),
                    "concept_data": concept_data if n == 0 else "",
                }
            )
    return rows


def dumps(tb: Termbase) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(tb), lineterminator="\n", extrasaction="ignore")
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
        if not _LANG_TAG.fullmatch(lang):
            raise InputError(
                f"{path}:{line}: unknown language code {lang!r} (a language tag: zh, en, zh-TW)"
            )
        type_ = row.get("type") or ""
        status = row.get("status") or ""
        if type_ and type_ not in TERM_TYPES:
            raise InputError(f"{path}:{line}: unknown term type {type_!r}")
        if status and status not in STATUSES:
            raise InputError(f"{path}:{line}: unknown status {status!r}")
        try:
            count = int(row.get("count") or 0)
            locations = tuple(Location.parse(x) for x in _split(row.get("locations") or ""))
            confidence = float(row.get("confidence") or 0)
            data = tuple(Datum.from_json(x) for x in _loads(row.get("data"), []))
        except (TypeError, ValueError):
            raise InputError(f"{path}:{line}: bad count, confidence, location or data") from None
        primary = lang.split("-")[0]
        terms[cid].append(
            Term(
                text,
                primary,
                type_,
                status,
                count,
                locations,
                tuple(_split(row.get("sources") or "")),
                row.get("term_note") or "",
                lang if lang != primary else "",
                data,
            )
        )
        fields = concept_fields.setdefault(cid, {})
        for name in ("subject", "evidence", "concept_note", "definition", "concept_data"):
            fields[name] = fields.get(name) or row.get(name) or ""
        fields["confidence"] = str(max(float(fields.get("confidence") or 0), confidence))
    concepts = []
    for cid, ts in terms.items():
        f = concept_fields[cid]
        sources = tuple(sorted({s for t in ts for s in t.sources}))
        try:
            kept = _loads(f["concept_data"], {})
            data = tuple(Datum.from_json(x) for x in kept.get("data", ()))
            lang_data = tuple((str(t), Datum.from_json(x)) for t, x in kept.get("lang_data", ()))
        except (TypeError, ValueError, AttributeError):
            raise InputError(f"{path}: concept {cid}: bad concept_data") from None
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
                data,
                lang_data,
            )
        )
    ordered = tuple(sorted(concepts, key=lambda c: c.id))
    return Termbase(ordered, conflicts_of(ordered))


def _loads(value: str | None, empty: list | dict):
    """The JSON of a data column; ValueError unless it is of the type of `empty`."""
    data = json.loads(value) if value else empty
    if type(data) is not type(empty):
        raise ValueError("unexpected JSON")
    return data


def _split(value: str) -> list[str]:
    return [x for x in value.split(_SEP) if x]


def read(path: str | Path) -> Termbase:
    from termkit.text.decode import read_document

    return loads(read_document(path).text, str(path))
