"""Numbers of a segment's two sides, compared as values (TK203, as Xbench's numeric mismatch).

Digits are read after width folding, with thousands separators (`1,000`, `1 000`) and scale
words (`10 million` = `1 000万`) turned into values. A number written in words on one side
(`三`, `二十一`, `twenty-first`, `March` for 3) satisfies a digit number on the other side but is
never required itself, since `一` and `one` are ordinary words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from termkit.text.numerals import (
    EN_MONTH,
    EN_MONTHS,
    EN_NUMBER_RUN,
    ZH_NUMERAL,
    en_number_value,
    zh_numeral_value,
)

_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS = re.compile(
    r"(?<!\d)(?<!\d[.,])\d{1,3}(?:(?:,|[ \u00a0\u2009\u202f])\d{3})+(?:\.\d+)?(?![\d])"
    r"|\d+(?:\.\d+)?|(?<![\w.])\.\d+"
)
# `the 1930s` is `20世纪30年代` in Chinese: the decade and its century.
_DECADE = re.compile(r"(\d{2})(\d0)['’]?s\b")
# `a million`, `half a million`: a scale word with no digits before it.
_BARE_SCALE = re.compile(
    r"\b(?:(half)\s+)?(?:a|one)\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE
)
# `10.15 a.m.` is `上午10时15分`: hours and minutes, two numbers.
_CLOCK = re.compile(r"(\d{1,2})\.(\d{2})(?=\s*(?:a\.m\.|p\.m\.|am\b|pm\b))", re.IGNORECASE)
# A paragraph or list label opening a segment (`14. `, `4.5 `): layout, often numbered by the
# word processor on one side only, so never reported when the other side lacks it.
_LABEL = re.compile(r"\s*[(（]?\d{1,3}(?:\.\d{1,3})*[.)）]?\s")
# `2010–11`, `2019/20`: the second year of a range written with two digits.
_SHORT_YEAR = re.compile(r"(\d{2})\d{2}\s?[-–—/]\s?$")
_SCALE_EN = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_SCALE_ZH = {"千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8, "万亿": 10**12}
_AFTER_EN = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.IGNORECASE)
_AFTER_ZH = re.compile(r"\s*(万亿|百万|千万|千|万|亿)")


@dataclass(frozen=True)
class Number:
    """A number as written, at [start, end) of the side's text, and the values it may mean."""

    text: str
    start: int
    end: int
    values: frozenset[float]
    label: bool = False


def numbers(text: str, chinese: bool) -> list[Number]:
    """The digit numbers of one side, in order."""
    folded = text.translate(_FOLD)
    after, scales = (_AFTER_ZH, _SCALE_ZH) if chinese else (_AFTER_EN, _SCALE_EN)
    out = []
    label = _LABEL.match(folded)
    for m in _DIGITS.finditer(folded):
        raw = m.group()
        if clock := _CLOCK.match(folded, m.start()):
            out += [Number(clock.group(k), clock.start(k), clock.end(k), frozenset({float(clock.group(k))}))
                    for k in (1, 2)]  # fmt: skip
            continue
        value = _value(raw)
        values = {value}
        if scale := after.match(folded, m.end()):
            values.add(_exact(value * scales[scale.group(1).lower()]))
        if len(raw) == 2 and (year := _SHORT_YEAR.search(folded, max(0, m.start() - 6), m.start())):
            values.add(float(year.group(1) + raw))
        if not chinese and (decade := _DECADE.match(folded, m.start())):
            values.add(float(decade.group(2)))
        at_label = label is not None and m.end() <= label.end() and not out
        out.append(Number(raw, m.start(), m.end(), frozenset(values), at_label))
    return out


def spelled(text: str, chinese: bool) -> Counter:
    """Values of numbers written in words or month names (they satisfy, never require)."""
    found: Counter = Counter()
    values = (
        (zh_numeral_value(m.group()) for m in ZH_NUMERAL.finditer(text))
        if chinese
        else (en_number_value(m.group()) for m in EN_NUMBER_RUN.finditer(text))
    )
    for value in values:
        if value is not None:
            found[float(value)] += 1
    if chinese:
        return found
    for m in EN_MONTH.finditer(text):
        found[float(EN_MONTHS[m.group(1).lower()])] += 1
    for m in _DECADE.finditer(text):
        found[float(int(m.group(1)) + 1)] += 1
    for m in _BARE_SCALE.finditer(text):
        found[_exact(_SCALE_EN[m.group(2).lower()] * (0.5 if m.group(1) else 1))] += 1
    return found


def mismatches(
    source: str, target: str, source_chinese: bool, target_chinese: bool
) -> tuple[list[Number], list[Number]]:
    """(source numbers the target lacks, target numbers the source lacks)."""
    src, tgt = numbers(source, source_chinese), numbers(target, target_chinese)
    if not src and not tgt:
        return [], []
    missing = _unmatched(src, tgt, spelled(target, target_chinese))
    extra = _unmatched(tgt, src, spelled(source, source_chinese))
    if any(n.label for n in src) and any(n.label for n in tgt):
        return missing, extra  # both sides labelled: the labels must agree
    return [n for n in missing if not n.label], [n for n in extra if not n.label]


def _unmatched(wanted: list[Number], offered: list[Number], words: Counter) -> list[Number]:
    """Numbers of `wanted` left when each is paired with one number of `offered` (or one
    spelled number) of an equal value."""
    pool = list(offered)
    words = Counter(words)
    left = []
    for n in wanted:
        k = next((i for i, o in enumerate(pool) if n.values & o.values), None)
        if k is not None:
            pool.pop(k)
            continue
        spelled_value = next((v for v in n.values if words[v] > 0), None)
        if spelled_value is not None:
            words[spelled_value] -= 1
            continue
        left.append(n)
    return left


def _exact(value: float) -> float:
    """`8.7 × 10⁸` and `870 × 10⁶` as one value, float error aside."""
    return float(f"{value:.12g}")


def _value(raw: str) -> float:
    digits = re.sub(r"[,\s\u00a0\u2009\u202f]", "", raw)
    try:
        return float(digits)
    except ValueError:
        return float("nan")
