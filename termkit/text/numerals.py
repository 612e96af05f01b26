"""Numbers written in words, Chinese and English, as values: `五十八` → 58, `二〇一五` → 2015,
`fifty-eighth` → 58. Shared by the aligner's anchors and the bilingual number check."""

from __future__ import annotations

import re

EN_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
EN_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")

_EN_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if w != "_"
}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}  # fmt: skip
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
EN_NUMBER_WORDS = frozenset([*_EN_UNITS, *_EN_TENS, *_EN_ORDINALS, *_EN_SCALE])
_EN_NUMWORD = "|".join(sorted(EN_NUMBER_WORDS, key=len)[::-1])
EN_NUMBER_RUN = re.compile(
    rf"\b(?:{_EN_NUMWORD})(?:(?:[\s\-]+|\s+and\s+)(?:{_EN_NUMWORD}))*\b", re.IGNORECASE
)


def zh_numeral_value(run: str) -> int | None:
    """Value of a Chinese numeral run: `五十八` → 58, `二〇一五` → 2015, `三千万` → 30000000."""
    if all(ch in _ZH_DIGITS for ch in run):
        return int("".join(str(_ZH_DIGITS[ch]) for ch in run)) if len(run) > 1 else _ZH_DIGITS[run]
    total = section = digit = 0
    for ch in run:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (digit or 1) * _ZH_UNITS[ch]
            digit = 0
        elif ch in _ZH_BIG:
            section += digit
            if section == 0:
                return None
            total += section * _ZH_BIG[ch]
            section = digit = 0
    return total + section + digit


def en_number_value(run: str) -> int | None:
    """Value of an English number-word run: `nine hundred and thirty` → 930, `fifty-eighth`
    → 58."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s\-]+", run.lower()):
        if word == "and":
            continue
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
        elif word in _EN_TENS:
            current += _EN_TENS[word]
        elif word in _EN_ORDINALS:
            value = _EN_ORDINALS[word]
            if value >= 100:
                current = max(current, 1) * value
            else:
                current += value
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _EN_SCALE:
            total += max(current, 1) * _EN_SCALE[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
