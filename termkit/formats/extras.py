"""termkit's own fields that a format has no place for, as one tagged note.

Counts, locations, confidence and evidence travel as `termkit:{json}` in a permitted `note`
(TBX) or `x-termkit` prop (TMX): a CAT tool shows or ignores it, and termkit reads it back, so a
round trip through these formats is exact. Formats without TBX's structure (TMX, CSV) carry
the kept `Datum` trees of terms, concepts and language sections there too (`data=True`).
"""

from __future__ import annotations

import json

from termkit.errors import InputError
from termkit.termbase.model import Concept, Datum, Location, Term

PREFIX = "termkit:"


def is_extras(text: str) -> bool:
    return text.startswith(PREFIX + "{")


def dumps(fields: dict) -> str:
    """The tagged note of the non-empty fields ('' when there is nothing to carry)."""
    kept = {k: v for k, v in fields.items() if v}
    return PREFIX + json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else ""


def loads(text: str, where: str) -> dict:
    try:
        data = json.loads(text[len(PREFIX) :])
    except (ValueError, RecursionError):  # a hostile note nests arrays thousands deep
        raise InputError(f"{where}: unreadable termkit note {text[:60]!r}") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: unreadable termkit note {text[:60]!r}")
    return data


def of_term(t: Term, data: bool = False) -> str:
    fields = {"count": t.count, "locations": [str(loc) for loc in t.locations]}
    if data:
        fields["data"] = [d.to_json() for d in t.data]
    return dumps(fields)


def of_concept(c: Concept, entry_id: str, data: bool = False) -> str:
    """Confidence and evidence, and the concept id when the entry id is not it."""
    fields = {
        "confidence": c.confidence,
        "evidence": list(c.evidence),
        "id": c.id if entry_id != c.id else "",
    }
    if data:
        fields["data"] = [d.to_json() for d in c.data]
        fields["lang_data"] = [[tag, d.to_json()] for tag, d in c.lang_data]
    return dumps(fields)


def term_fields(data: dict, where: str) -> dict:
    """`count` and `locations` keyword arguments for a Term."""
    try:
        count = data.get("count", 0)
        locations = data.get("locations", [])
        if isinstance(count, bool) or not isinstance(count, int | float) or count < 0:
            raise ValueError(count)
        if not isinstance(locations, list) or not all(isinstance(x, str) for x in locations):
            raise ValueError(locations)
        fields = {"count": int(count), "locations": tuple(Location.parse(x) for x in locations)}
        if "data" in data:
            fields["data"] = tuple(Datum.from_json(x) for x in data["data"])
    except (TypeError, ValueError, OverflowError):
        raise InputError(f"{where}: bad count, location or data in termkit note") from None
    return fields


def concept_fields(data: dict, where: str) -> dict:
    """`confidence`, `evidence` (and `id`) keyword arguments for a Concept."""
    try:
        fields = {
            "confidence": float(data.get("confidence", 0.0)),
            "evidence": tuple(str(x) for x in data.get("evidence", ())),
        }
        if "data" in data:
            fields["data"] = tuple(Datum.from_json(x) for x in data["data"])
        if "lang_data" in data:
            fields["lang_data"] = tuple((str(t), Datum.from_json(x)) for t, x in data["lang_data"])
    except (TypeError, ValueError):
        raise InputError(f"{where}: bad confidence or data in termkit note") from None
    if data.get("id"):
        fields["id"] = str(data["id"])
    return fields
