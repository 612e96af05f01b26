"""Which letters of a Latin acronym the words of a candidate full form can spell.

An acronym spells its English name's initials, and a Chinese name's words translate the
English name's words one by one, in another order (PBC: 计划 plan, programme; 预算 budget;
委员会 committee). The initials of each word's English glosses (CC-CEDICT, kept as data by
bench/gloss_initials.py) say how many of the acronym's letters a candidate covers, how many
of its words spell none of them (`关于|`, `下列|`, `日内瓦|`), and whether its first word
spells one: evidence on where the name starts that no part of speech gives.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

GLOSS_INITIALS = Path(__file__).resolve().parents[1] / "data" / "gloss_initials.txt"


@lru_cache(maxsize=1)
def gloss_initials() -> dict[str, frozenset[str]]:
    """Word → the initials of its English glosses (read once, on the first acronym)."""
    out: dict[str, frozenset[str]] = {}
    for line in GLOSS_INITIALS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            letters, words = line.split("\t")
            found = frozenset(letters)
            out.update(dict.fromkeys(words.split(), found))
    return out


def spelled(letters: str, words: list[frozenset[str]]) -> int:
    """How many of the acronym's letters the words spell, each word one letter and each
    letter one word (a maximum matching: a greedy one misses `计划|预算` when both could
    spell P)."""
    owner: dict[int, int] = {}  # letter position -> word index

    def place(word: int, seen: set[int]) -> bool:
        for at, letter in enumerate(letters):
            if letter in words[word] and at not in seen:
                seen.add(at)
                if at not in owner or place(owner[at], seen):
                    owner[at] = word
                    return True
        return False

    return sum(place(word, set()) for word in range(len(words)))


# English function words: a name's words that no Chinese word translates one by one.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)


def acronym_letters(short: str) -> str:
    """The letters the full form's words spell: an acronym's capitals, or the initials of an
    English name's content words (`The Paris Principles`: P, P; `Core human rights treaties`:
    C, H, R, T), which its capitals alone miss or overcount; an acronym among the words keeps
    its capitals (`UPU Congress`: U, P, U, C)."""
    words = short.split()
    if len(words) < 2 or not any(any(c.islower() for c in w[1:]) for w in words):
        return _capitals(short)
    return "".join(
        _capitals(w) if len(_capitals(w)) >= 2 else w[0].upper()
        for w in words
        if w.lower() not in _FUNCTION_WORDS and w[0].isalpha()
    )


def _capitals(text: str) -> str:
    return "".join(c for c in text if "A" <= c <= "Z")


def covered_letters(short: str, words: list[str]) -> int:
    """How many of the acronym's letters the words spell (`spelled`)."""
    table = gloss_initials()
    return spelled(acronym_letters(short), [table[w] for w in words if w in table])


def acronym_features(short: str, words: list[str]) -> dict[str, float]:
    """Features of the candidate made of `words` (its words, in order) before the acronym
    `short`: none for an acronym of fewer than two capitals."""
    letters = acronym_letters(short)
    if len(letters) < 2 or not words:
        return {}
    table = gloss_initials()
    known = [table[w] for w in words if w in table]
    covered = spelled(letters, known)
    features = {
        "acronym-spelled": covered / len(letters),
        "acronym-unspelled-words": math.log1p(len(known) - covered),
    }
    first = table.get(words[0])
    if first is None:
        features["acronym-first-unknown"] = 1.0
    elif first & set(letters):
        features["acronym-first-spells"] = 1.0
    return features


def letter_gains(short: str, candidates: list[list[str]]) -> list[dict[str, float]]:
    """Schwartz–Hearst's test, one word at a time: for each candidate (its words; longest
    first, each the next one's words and more), whether the words it adds to the next shorter
    candidate spell a letter that one leaves unspelled (`多边|投资担保机构（MIGA）`: 多边
    multilateral), whether the next longer candidate's words would (the cut is too short),
    and whether it spells every letter. Relative evidence a per-candidate model cannot read
    off the absolute share of letters spelled."""
    letters = acronym_letters(short)
    if len(letters) < 2:
        return [{} for _ in candidates]
    covered = [covered_letters(short, words) for words in candidates]
    out = []
    for n, count in enumerate(covered):
        shorter = covered[n + 1] if n + 1 < len(covered) else 0
        features: dict[str, float] = {}
        if count > shorter:
            features["acronym-adds-letter"] = 1.0
        if n > 0 and covered[n - 1] > count:
            features["acronym-longer-adds-letter"] = 1.0
        if count == len(letters):
            features["acronym-all-spelled"] = 1.0
        out.append(features)
    return out
