"""The text layer's space patterns, written space-first for speed, match exactly what their
plain spellings match: on every short string of the characters that matter, and on real text."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from termkit.text.normalize import (
    _CJK,
    _SPACE_BY_CJK,
    _SPACE_RUN,
    CJK_PUNCT,
    FOLD,
    HAN,
    fold,
    normalize,
)
from termkit.text.repair import _SPACED

from .conftest import SEED000, SEED003

PLAIN = {
    "space by Chinese": (
        _SPACE_BY_CJK,
        re.compile(rf"(?<={_CJK})[\s\u200b]+|(?<![\s\u200b])[\s\u200b]++(?={_CJK})|\u200b"),
    ),
    "space run": (_SPACE_RUN, re.compile(r"\s{2,}|[\t\r\n\f\v]")),
    "letter spacing": (
        _SPACED,
        re.compile(rf"(?<=[{HAN}{CJK_PUNCT}])[ \t\u3000]+(?=[{HAN}{CJK_PUNCT}])"),
    ),
}
# Each kind of character the patterns tell apart: spaces of each class, line breaks, the
# ideographic space (a space and Chinese punctuation at once), Han of both planes, Latin.
ALPHABET = " \t\n\r\f\v\u3000\u200b\u00a0\u2028\x85中。（a1-\U00020001"


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", PLAIN)
def test_fast_patterns_match_what_the_plain_ones_match(name):
    fast, plain = PLAIN[name]
    for n in range(5):  # every string of up to four characters
        for chars in itertools.product(ALPHABET, repeat=n):
            text = "".join(chars)
            assert spans(fast, text) == spans(plain, text), repr(text)
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(5, 30)))
        assert spans(fast, text) == spans(plain, text), repr(text)
    for seed in (SEED000, SEED003):
        text = seed.read_text(encoding="utf-8")
        assert spans(fast, text) == spans(plain, text)


def test_a_long_run_of_spaces_is_one_pass():
    text = "中" + " " * 200_000 + "a" + "\u3000" * 200_000 + "文"
    assert normalize(text) == "中a文"


def test_fold_is_the_translation_by_the_table():
    every = "".join(chr(cp) for cp in range(0x2000, 0x2040)) + "".join(map(chr, FOLD))
    rng = random.Random(3)
    texts = [every, "".join(rng.sample(every * 3, 150)), SEED000.read_text(encoding="utf-8")]
    for text in texts:
        assert fold(text) == text.translate(FOLD)
    assert fold("（ＵＮＥＰ）　—") == "(UNEP) —"
