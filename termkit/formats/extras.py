"""termkit's own fields that TBX-Basic and TMX have no data category for, as one tagged note.

Counts, locations, confidence and evidence travel as `termkit:{json}` in a permitted `note`
(TBX) or `x-termkit` prop (TMX): a CAT tool shows or ignores it, and termkit reads it back, so a
round trip through these formats is exact.
"""

from __future__ import annotations

import json

from termkit.errors import InputError
from termkit.termbase.model import Concept, Location, Term

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
    except ValueError:
        raise InputError(f"{where}: unreadable termkit note {text[:60]!r}") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: unreadable termkit note {text[:60]!r}")
    return data


def of_term(t: Term) -> str:
    return dumps({"count": t.count, "locations": [str(loc) for loc in t.locations]})


def of_concept(c: Concept, entry_id: str) -> str:
    """Confidence and evidence, and the concept id when the entry id is not it."""
    return dumps(
        {
            "confidence": c.confidence,
            "evidence": list(c.evidence),
            "id": c.id if entry_id != c.id else "",
        }
    )


def term_fields(data: dict, where: str) -> dict:
    """`count` and `locations` keyword arguments for a Term."""
    try:
        return {
            "count": int(data.get("count", 0)),
            "locations": tuple(Location.parse(x) for x in data.get("locations", ())),
        }
    except (TypeError, ValueError):
        raise InputError(f"{where}: bad count or location in termkit note") from None


def concept_fields(data: dict, where: str) -> dict:
    """`confidence`, `evidence` (and `id`) keyword arguments for a Concept."""
    try:
        fields = {
            "confidence": float(data.get("confidence", 0.0)),
            "evidence": tuple(str(x) for x in data.get("evidence", ())),
        }
    except (TypeError, ValueError):
        raise InputError(f"{where}: bad confidence in termkit note") from None
    if data.get("id"):
        fields["id"] = str(data["id"])
    return fields
