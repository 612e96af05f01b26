"""Merge glossaries from several files into one, keeping and naming what they disagree on.

The same concept from two sources (same id, or same zh full form for third-party files)
becomes one entry holding every term of both; nothing is dropped. What a terminologist must
then decide is listed: the termbase's own conflicts (one short form for two concepts, two
short forms for one) and where the sources disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from termkit.termbase.merge import conflicts_of, merge
from termkit.termbase.model import Termbase


def combine(termbases: Iterable[Termbase]) -> Termbase:
    merged = merge(*termbases)
    return Termbase(merged.concepts, conflicts_of(merged.concepts), merged.meta)


def disagreements(tb: Termbase) -> list[str]:
    """One line per disagreement the model's conflicts do not cover, in a stable order:
    full forms of one language that different sources spell differently (beyond letter case)
    for one concept, and a term (other than a zh short form) that several concepts claim."""
    found = []
    for c in tb.concepts:
        for lang in ("zh", "en"):
            fulls = c.terms_of(lang, "fullForm")
            spellings = {t.key.casefold() for t in fulls}
            if len(spellings) > 1 and len({t.sources for t in fulls}) > 1:
                forms = " / ".join(f"{t.text} ({', '.join(t.sources)})" for t in fulls)
                found.append(f"sources disagree on the {lang} term for {c.label}: {forms}")
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in tb.concepts:
        for t in c.terms:
            if not (t.lang == "zh" and t.type == "shortForm"):
                owners[(t.lang, t.key)].append(c.label)
    for (lang, key), labels in sorted(owners.items()):
        if len(labels) > 1:
            found.append(
                f"{lang} term {key} belongs to {len(labels)} concepts: {' / '.join(sorted(labels))}"
            )
    return found
