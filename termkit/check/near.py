"""TK110: near-variants, two forms of one term that differ by one inner character
(协同增效 / 协调增效) or two swapped inner characters (外来侵入物种 / 外来入侵物种).

Any such pair of forms of four or more characters contains a pair of four-character windows
that differ the same way, so pairs are found among the document's four-grams (one pass, one
counter) and then grown back, character by character, to the longest forms in which the
preferred form really occurs. The rarer form is reported, the more frequent (or the
glossary's) one suggested. Digits, numerals and function characters never make a variant.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from termkit.check.collect import Collector
from termkit.check.facts import Facts
from termkit.text.normalize import HAN

N = 4
MAX_LEN = 12
MIN_USUAL = 2  # the preferred form occurs at least this often
MIN_RATIO = 2  # and this many times as often as the variant
MIN_SUBSTITUTED_USUAL = 3  # a one-character change needs a preferred form used this often
MIN_KNOWN = 6  # a glossary term this long is preferred outright (shorter names differ by
# one character from other names: 联海稳定团 / 联刚稳定团)
MAX_RARE = 3  # a "variant" used more often than this is a term of its own
# Share of a character pair's uses that must fall inside the preferred form, unless the form
# is this long (爱知生物多样性目标: 目标 is everywhere, the nine characters are one name).
COHESION = 0.5
LONG = 9
_RUN = re.compile(f"[{HAN}]{{{N},}}")
_HAN_CHAR = re.compile(f"[{HAN}]")
# Characters whose change never makes another spelling of a term: numerals and ordinals (not
# in a variant at all) and function characters, which make different phrases (在这方面 /
# 在该方面). 得 is not one: it is common in transliterations (海得拉巴).
_NUMERALS = frozenset("〇一二三四五六七八九十百千万亿零两第")
_FUNCTION = frozenset(
    "的地了着过和与及或并而且但也都又还就才在于对向从由把被将为是有无不没其该此这那各每某本"
    "之以所等上下"
)
_NEUTRAL = _NUMERALS | _FUNCTION


def four_grams(key: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for m in _RUN.finditer(key):
        run = m.group()
        counts.update(run[i : i + N] for i in range(len(run) - N + 1))
    return counts


def _pairs(counts: Counter[str], known: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(rare, preferred) four-grams that differ by one inner character or an inner swap."""
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for w in counts:
        for i in (1, 2):
            if w[i] not in _NEUTRAL:
                buckets[(i, w[:i] + w[i + 1 :])].append(w)
    for group in buckets.values():
        if len(group) > 1:
            for s in group:
                for t in group:
                    if _prefer(t, s, counts, known):
                        yield s, t
    for s in counts:
        t = s[0] + s[2] + s[1] + s[3]
        inner = s[1] not in _NEUTRAL and s[2] not in _NEUTRAL
        if t != s and t in counts and inner and _prefer(t, s, counts, known):
            yield s, t


def _prefer(t: str, s: str, counts: Counter[str], known: frozenset[str]) -> bool:
    if t == s or s in known or s[0] in _NEUTRAL or s[-1] in _NEUTRAL:
        return False
    # Four-gram counts only shortlist: 样性指标 is frequent (生物多样性指标伙伴关系) though
    # 爱知生物多样性指标 is the slip, so the grown forms decide (`_credible`).
    return t in known or counts[t] >= MIN_USUAL


def check(facts: Facts, out: Collector) -> None:
    if not out.wants("TK110"):
        return
    key = facts.doc.key
    counts = four_grams(key)
    known = frozenset(g for k in facts.glossary.keys if _RUN.fullmatch(k) for g in four_grams(k))
    counts.update({g: 0 for g in known if g not in counts})
    known_keys = set(facts.glossary.keys) | set(facts.defined_forms)
    reported: set[int] = set()
    for s, t in sorted(_pairs(counts, known)):
        for p in _occurrences(key, s):
            if p in reported:
                continue
            start, end, preferred = _grow(key, p, t)
            if any(q in reported for q in range(start, end)):
                continue
            variant = key[start:end]
            if variant in known_keys or not _credible(
                key, variant, preferred, preferred in known_keys
            ):
                continue
            reported.update(range(start, end))
            written = facts.doc.analysis.text[slice(*facts.doc.key_to_analysis(start, end))]
            if len(written.split()) > 1:
                continue  # crosses a paragraph break
            out.add(
                "TK110",
                facts.doc.place_of_key(start, end),
                f"{written} differs by one character from {preferred}, used elsewhere",
                written,
                preferred,
            )


def _credible(key: str, variant: str, preferred: str, known: bool) -> bool:
    """Keep a pair only when the rare form is rare and the preferred form is a known term, or
    the document's usual spelling of a free-standing term whose changed character belongs to
    the term (协同增效 / 协调增效) rather than to a word that happens to follow or precede it
    (会议期间举行 / 会议期间进行)."""
    if any(ch in _NUMERALS for ch in variant):
        return False
    rare = key.count(variant)
    if rare > MAX_RARE or (rare > 1 and not _free_standing(key, variant)):
        return False  # a term of its own, or a fragment of a longer one (生物多样性目标)
    if known and len(preferred) >= MIN_KNOWN:
        return True
    usual = key.count(preferred)
    if usual < MIN_USUAL or usual < MIN_RATIO * rare or not _free_standing(key, preferred):
        return False
    if sorted(variant) == sorted(preferred):
        return True
    i = next(k for k, (a, b) in enumerate(zip(variant, preferred, strict=True)) if a != b)
    # The changed character must belong to the term: both character pairs it makes in the
    # preferred form are used (almost) only inside that form. 协同 and 同增 occur only in
    # 协同增效; 举行 occurs everywhere, so 会议期间举行 is a phrase, not a term.
    if len(preferred) >= LONG:
        return True
    pairs = (preferred[i - 1 : i + 1], preferred[i : i + 2])
    return usual >= MIN_SUBSTITUTED_USUAL and all(
        usual >= COHESION * key.count(pair) for pair in pairs
    )


def _free_standing(key: str, form: str) -> bool:
    """A term is used in more than one context: at least two different characters (or text
    edges) before it and after it. A fragment of a longer phrase is always followed by the
    same character (国家生物多样性 by 战略)."""
    before, after = set(), set()
    for p in _occurrences(key, form):
        before.add(key[p - 1] if p > 0 else "")
        end = p + len(form)
        after.add(key[end] if end < len(key) else "")
    return len(before) > 1 and len(after) > 1


def _occurrences(key: str, s: str) -> Iterator[int]:
    p = key.find(s)
    while p >= 0:
        yield p
        p = key.find(s, p + 1)


def _grow(key: str, p: int, t: str) -> tuple[int, int, str]:
    """Extend the rare form at key[p:p+4] while the same extension of `t` recurs in the text."""
    start, end, left, right = p, p + N, "", ""
    while start > 0 and end - start < MAX_LEN and _extends(key[start - 1]):
        if not _recurs(key, key[start - 1] + left + t + right):
            break
        start -= 1
        left = key[start] + left
    while end < len(key) and end - start < MAX_LEN and _extends(key[end]):
        if not _recurs(key, left + t + right + key[end]):
            break
        right += key[end]
        end += 1
    return start, end, left + t + right


def _recurs(key: str, form: str) -> bool:
    first = key.find(form)
    return first >= 0 and key.find(form, first + 1) >= 0


def _extends(ch: str) -> bool:
    return ch not in _NEUTRAL and bool(_HAN_CHAR.match(ch))
