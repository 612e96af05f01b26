"""The window before a bracket and the short form's characters in it: the light part of
finding a full form's start, which the checker's definition reader shares with extraction
(`termkit.extract.boundary` adds the words, the model and the recurrence evidence, and the
imports that come with them, which a check never needs)."""

from __future__ import annotations

import re

from termkit.text.lazy import lazy
from termkit.text.normalize import HAN, HAN_CHAR

MAX_FULL = 64
HARD = lazy(r"[。！？；：，,;:!?“”\"「」『』（()）﹙﹚\[\]【】《》〈〉\n]")
# A character that can belong to a name: Chinese, Latin, digits and joining signs.
NAME_CHAR = re.compile(rf"[{HAN}A-Za-z0-9\-－·+＋]")


def window_start(text: str, end: int, hard: re.Pattern[str] = HARD) -> int:
    """Where a full form ending at `end` can start at the earliest: after the nearest
    punctuation that no name crosses (`hard`, a class of single characters), at most
    MAX_FULL characters back."""
    limit = max(0, end - MAX_FULL)
    # `hard` is a class of single characters: its first match in the window read backwards
    # is the nearest one, found in one search instead of a match at each character
    found = hard.search(text[limit:end][::-1])
    return limit if found is None else end - found.start()


def covered(found: int, han: int) -> bool:
    """Enough of a short form's `han` Chinese characters were `found` in the full form: more
    than half, or half of a short form of two or three characters (`降排＋` in `…排放量…`)."""
    if not han:
        return False
    return found / han > 0.5 or (found / han == 0.5 and han <= 3)


def match_characters(short: str, text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] of the short form's Chinese characters, matched right to left,
    each as far right as possible; a character not found is skipped."""
    positions: list[int] = []
    j = end
    for ch in reversed([c for c in short if HAN_CHAR.match(c)]):
        k = text.rfind(ch, start, j)
        if k >= 0:
            positions.append(k)
            j = k
    return positions[::-1]
