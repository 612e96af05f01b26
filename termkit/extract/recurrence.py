"""How often each candidate full form stands alone in a document, counted in one pass.

A name that recurs on its own (not glued to a preceding name character) is better evidence
than the same name plus one more word. All candidates of a document go into one Aho–Corasick
automaton and the normalized text is scanned once, so the cost grows with the text and the
number of matches, not with text × candidates (7,000 definitions in one file stay linear).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termkit.text.normalize import HAN, normalize

_GLUE = re.compile(rf"[{HAN}A-Za-z0-9]")


def standalone_counts(key_text: str, candidates: Iterable[str]) -> dict[str, int]:
    """Candidate key -> occurrences in `key_text` (a normalization key) not preceded by a
    Chinese, Latin or digit character."""
    keys = sorted({k for c in candidates if (k := normalize(c))})
    counts = dict.fromkeys(keys, 0)
    if not keys:
        return counts
    import ahocorasick_rs

    automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard)
    for index, start, _end in automaton.find_matches_as_indexes(key_text, overlapping=True):
        if start == 0 or not _GLUE.match(key_text, start - 1):
            counts[keys[index]] += 1
    return counts
