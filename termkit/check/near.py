"""TK110: near-variants, two forms of one term that differ by one inner character
(协同增效 / 协调增效) or two swapped inner characters (外来侵入物种 / 外来入侵物种).

Any such pair of forms of four or more characters contains a pair of four-character windows
that differ the same way, so pairs are found among the document's four-grams (one pass, one
counter) and then grown back, character by character, to the longest forms in which the
preferred form really occurs. The rarer form is reported, the more frequent (or the
glossary's) one suggested. Digits, numerals and function characters never make a variant of
free text (a function character does make a slip in a whole known name: 世卫过织), and
two forms a corpus uses both, in many documents, are two terms (`termkit.check.frequency`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from operator import itemgetter
from weakref import WeakKeyDictionary

from termkit.check.collect import Collector
from termkit.check.facts import Facts
from termkit.check.frequency import HAN_RUN, N
from termkit.check.glossary import GlossaryIndex
from termkit.check.meaning import is_word, two_meanings
from termkit.text.normalize import HAN, HAN_CHAR, strip_title_marks

MAX_LEN = 12
COUNT_PIECE = 32768  # characters of the key `Grams.count_all` scans at a time
MIN_USUAL = 2  # the preferred form occurs at least this often
MIN_RATIO = 2  # and this many times as often as a variant used once
REPEATED_RATIO = 5  # a changed character used more than once must be far rarer (协调增效)
MIN_SUBSTITUTED_USUAL = 3  # a one-character change needs a preferred form used this often
MIN_KNOWN = 6  # a glossary term this long is preferred outright (shorter names differ by
# one character from other names: 联海稳定团 / 联刚稳定团)
MAX_SHORTLIST = 50  # a four-character string used more often is never the slip
MAX_RARE = 3  # a "variant" used more often than this is a term of its own
# Share of a character pair's uses that must fall inside the preferred form, unless the form
# is this long (爱知生物多样性目标: 目标 is everywhere, the nine characters are one name).
COHESION = 0.5
LONG = 9
# Characters whose change never makes another spelling of a term: numerals and ordinals (not
# in a variant at all) and function characters, which make different phrases (在这方面 /
# 在该方面). 得 is not one: it is common in transliterations (海得拉巴).
_NUMERALS = frozenset("〇一二三四五六七八九十百千万亿零两第")
_FUNCTION = frozenset(
    "的地了着过和与及或并而且但也都又还就才在于对向从由把被将为是有无不没其该此这那各每某本"
    "之以所等上下"
)
_NEUTRAL = _NUMERALS | _FUNCTION
# A counted window: four Han characters, the first and the last no function character or
# numeral. The last is tested looking back: the Han class, written once, compiles in half the
# time (2.6 -> 1.5 ms, in every process that checks).
_NEUTRAL_CLASS = f"[{''.join(sorted(_NEUTRAL))}]"
_WINDOW = re.compile(f"(?=(?!{_NEUTRAL_CLASS})([{HAN}]{{{N}}})(?<!{_NEUTRAL_CLASS}))")
_OPPOSITES = frozenset(
    frozenset(pair)
    for pair in "高低 大小 多少 长短 新旧 男女 东西 南北 左右 正负 内外 前后 增减 轻重 进出 买卖 早晚 冷热".split()
)


class Grams:
    """How often each four-character Han window of the key occurs, and where the windows asked
    about start: counts and occurrences of a longer Han form come from the positions of a
    window inside it, not from scans. Every form this rule counts starts with a content
    character (a variant never starts with a function character, and grows only over content
    characters): windows opening with another one are not kept. Nor are the counts of windows
    closing with one (a fifth of them): no pair holds one (either slip keeps the last
    character, and a variant ends with a content character)."""

    def __init__(self, key: str) -> None:
        self.key = key
        # Counted in C, one regex pass (a Python loop over a 1 MB key's 900,000 windows costs
        # twice as much); positions are kept only for the windows `locate` is asked about.
        self.counts: dict[str, int] = Counter(_WINDOW.findall(key))
        self._at: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}  # as asked

    def add_opening_windows(self, known: Iterable[str]) -> frozenset[str]:
        """Keep also the windows that open with a function character or numeral and share
        their ends with a known four-gram that does (及福直局 beside 及福利局 of 勞工及福利局,
        三勒化氮 beside 三氟化氮): a slip of a known name there is seen in no other window.
        The windows added are returned."""
        ends = {g[::3] for g in known if g[0] in _NEUTRAL}
        if not ends:
            return frozenset()
        # A pattern opening with a character class is searched for by that class (an
        # alternation inside a lookahead is tried at every position of the key).
        firsts, lasts = (re.escape("".join(sorted({e[k] for e in ends}))) for k in (0, 1))
        added: dict[str, list[int]] = {}
        key = self.key
        for m in re.finditer(f"[{firsts}](?=..[{lasts}])", key):
            w = key[m.start() : m.start() + N]
            if w[::3] in ends and HAN_RUN.fullmatch(w):
                added.setdefault(w, []).append(m.start())
        self._at.update(added)
        for w, ps in added.items():
            self.counts[w] = len(ps)
        return frozenset(added)

    def locate(self, windows: Iterable[str]) -> None:
        """Find where each of these four-character windows starts (every use, overlapping ones
        included), in one automaton pass: a few thousand windows of the pairs found, where
        positions of all 150,000 of a 1 MB document cost a Python loop over its windows."""
        from termkit.check.matcher import automaton

        patterns = sorted({w for w in windows if len(w) == N and w not in self._at})
        if not patterns:
            return
        matcher, found = automaton(patterns, overlapping=True), [[] for _ in patterns]
        for at, piece in self._pieces(N):
            # Matches of one length come in the order of their starts.
            for i, start, _ in matcher.find_matches_as_indexes(piece, overlapping=True):
                if start < COUNT_PIECE:
                    found[i].append(at + start)
        self._at.update(zip(patterns, found, strict=True))

    def occurrences(self, form: str) -> list[int]:
        """Where a form of four or more characters opening with a kept window starts."""
        head = form[:N]
        kept = head in self.counts or (
            form[0] not in _NEUTRAL and head[-1] in _NEUTRAL and bool(HAN_RUN.fullmatch(head))
        )
        return self._starts(form) if kept else []

    def count(self, form: str) -> int:
        found = self._counts.get(form)
        if found is None:
            found = self._counts[form] = self._count(form)
        return found

    def count_all(self, forms: set[str]) -> None:
        """Count many forms shorter than four characters in one pass over the key, as `count`
        would count each (overlapping uses included): one automaton scan costs a third of a
        few hundred scans with `str.count`."""
        from termkit.check.matcher import automaton

        patterns = sorted(f for f in forms if f and len(f) < N and f not in self._counts)
        if not patterns:
            return
        matcher, found, first = automaton(patterns, overlapping=True), Counter(), itemgetter(0)
        for _, piece in self._pieces(max(map(len, patterns))):
            found.update(map(first, matcher.find_matches_as_indexes(piece, overlapping=True)))
            # The uses starting past the piece's own stretch lie in its tail, whole: the next
            # piece counts them.
            tail = piece[COUNT_PIECE:]
            found.subtract(map(first, matcher.find_matches_as_indexes(tail, overlapping=True)))
        self._counts.update((f, found[i]) for i, f in enumerate(patterns))

    def _pieces(self, longest: int) -> Iterable[tuple[int, str]]:
        """The key a stretch of COUNT_PIECE characters at a time, each with the `longest` - 1
        characters after it, where a use starting in the stretch may end: the matches of an
        automaton come back as one list, and taken a piece at a time they stay a few MB (all
        at once, 100,000 on 1 MB took 17 MB)."""
        key = self.key
        for at in range(0, len(key), COUNT_PIECE):
            yield at, key[at : at + COUNT_PIECE + longest - 1]

    def _starts(self, form: str) -> list[int]:
        """Every use of a form of four or more characters, from the positions of a window
        inside it that `locate` found (the window itself located when none is)."""
        at = None
        for offset in range(len(form) - N + 1):
            at = self._at.get(form[offset : offset + N])
            if at is not None:
                break
        if at is None:
            offset = 0
            self.locate([form[:N]])
            at = self._at[form[:N]]
        if len(form) == N:
            return at
        key = self.key
        return [p - offset for p in at if p >= offset and key.startswith(form, p - offset)]

    def _count(self, form: str) -> int:
        """Growing a form asks for the same counts again and again: `count` keeps them."""
        if len(form) >= N:
            if form[0] not in _NEUTRAL:
                return len(self.occurrences(form))
            # A form opening with a function character or numeral (上帝抵抗军 of the Lord's
            # Resistance Army starts with 上) has no counted window there: every use counts.
            return len(self._starts(form))
        # A few hundred short forms are asked about: counting each in C beats counting every
        # pair of the text. Overlapping uses (各各各) count as the text has them; a form that
        # cannot overlap itself is counted by str.count, several times faster.
        if any(form[:k] == form[-k:] for k in range(1, len(form))):
            return len(re.findall(f"(?={re.escape(form)})", self.key))
        return self.key.count(form)


def _pairs(
    grams: Grams,
    known: AbstractSet[str],
    glossary: AbstractSet[str],
    opening: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """(rare, preferred) four-grams that differ by one inner character or an inner swap. The
    preferred one occurs twice or is part of a known term; the rare one is used at most
    MAX_SHORTLIST times (more is no slip). A function character makes another phrase of free
    text (在这方面 / 在该方面) but a slip in a known name (世卫过织 for 世卫组织, 版权相及关权
    for 版权及相关权). A 1 MB document has some 90,000 distinct
    four-grams, so only the preferred side is grouped and the rare side is looked up.
    `opening`: windows opening with a function character kept for known terms
    (`Grams.add_opening_windows`), which may be the rare side."""
    counts = grams.counts
    usual = [w for w, n in counts.items() if n >= MIN_USUAL]
    usual += [w for w in known if counts.get(w, 0) < MIN_USUAL]
    # Either change keeps the first and last characters: the usual side grouped by its pair
    # of ends (a group holds one or two), the rare side looked up once. A rare four-gram
    # whose ends no usual one has (four in five) needs no further look; the others are
    # compared with their group's few, which beats three lookups by the three characters
    # each change keeps (one string made per lookup).
    by_ends: dict[str, list[str]] = {}
    for w in usual:
        group = by_ends.get(ends := w[::3])
        if group is None:
            by_ends[ends] = [w]
        else:
            group.append(w)
    found = []
    for s, n in counts.items():
        group = by_ends.get(s[::3])
        if group is None or n > MAX_SHORTLIST or s in glossary or s[3] in _NEUTRAL:
            continue
        if s[0] in _NEUTRAL and s not in opening:
            continue
        a, b = s[1], s[2]
        for t in group:
            c, d = t[1], t[2]
            if a == c:  # the third character changed
                if b != d and (t in known or (b not in _NEUTRAL and d not in _NEUTRAL)):
                    found.append((s, t))
            elif b == d:  # the second
                if t in known or (a not in _NEUTRAL and c not in _NEUTRAL):
                    found.append((s, t))
            elif (a == d and b == c) and (  # the inner two swapped
                t in known or (a not in _NEUTRAL and b not in _NEUTRAL)
            ):
                found.append((s, t))
    return sorted(found)


# Window → the glossary's long Han terms holding it, made once for a glossary index and kept
# while the index lives: a check of many files (a pre-commit run over several drafts) reads
# one index, and 20,000 concepts have some 7,000 such terms.
_GLOSSARY_WINDOWS: WeakKeyDictionary[GlossaryIndex, dict[str, list[str]]] = WeakKeyDictionary()


def glossary_windows(glossary: GlossaryIndex) -> dict[str, list[str]]:
    """The glossary's Han terms of MIN_KNOWN or more characters, by window (`by_window`)."""
    found = _GLOSSARY_WINDOWS.get(glossary)
    if found is None:
        long_known = [k for k in glossary.keys if len(k) >= MIN_KNOWN and HAN_RUN.fullmatch(k)]
        found = _GLOSSARY_WINDOWS[glossary] = by_window(long_known)
    return found


def by_window(forms: Iterable[str]) -> dict[str, list[str]]:
    """Four-character window → the forms holding it, in the order `_snap` tries them: the
    longest first, then in key order."""
    found: dict[str, list[str]] = {}
    for k in sorted(forms, key=_snap_order):
        for g in {k[i : i + N] for i in range(len(k) - N + 1)}:
            found.setdefault(g, []).append(k)
    return found


def _snap_order(form: str) -> tuple[int, str]:
    return -len(form), form


def check(facts: Facts, out: Collector) -> None:
    if not out.wants("TK110"):
        return
    key = facts.doc.key
    grams = Grams(key)
    from_glossary = glossary_windows(facts.glossary)
    # The document's own defined forms are known terms of any length: their slips (世卫告织
    # for 世卫组织, 联援伊助团 for 联伊援助团) are reported against them.
    defined = {form for k in facts.defined_forms if HAN_RUN.fullmatch(form := strip_title_marks(k))}
    from_document = by_window(defined)
    # The windows of the document's forms hold them and the glossary's terms, in one order.
    terms_with = {
        g: sorted({*from_glossary.get(g, ()), *forms}, key=_snap_order)
        for g, forms in from_document.items()
    }
    reported: set[int] = set()
    starts = [h.start for h in facts.hits]
    # Only the document's own names: the glossary's thousands would cost a slow scan.
    opening = grams.add_opening_windows(from_document)
    known = from_glossary.keys() | from_document.keys()
    pairs = _pairs(grams, known, from_glossary.keys(), opening)
    # Every form counted or found below holds one of the pairs' windows.
    grams.locate({w for pair in pairs for w in pair})
    # The character pairs `_credible` weighs lie in the preferred four-gram, on either side
    # of the changed character (one of its inner two): counted at once.
    grams.count_all({pair for s, t in pairs for pair in _weighed_pairs(grams, s, t)})
    glossary, defined_forms = facts.glossary, facts.defined_forms
    for s, t in pairs:
        neutral = any(a != b and {a, b} & _NEUTRAL for a, b in zip(s, t, strict=True))
        holding = terms_with.get(t) or from_glossary.get(t)
        for p in grams.occurrences(s):
            if p in reported:
                continue
            snapped = _snap(key, p, t, holding) if holding else None
            if snapped is None and neutral:
                continue  # a function character is a slip only in a whole known name
            start, end, preferred = snapped or _grow(grams, p, t)
            if not reported.isdisjoint(range(start, end)):
                continue
            if neutral and start > 0 and is_word(key[start - 1 : start + 1]):
                continue  # 在|内的发展中国家: the function character is the text's own, in 在内的
            variant = key[start:end]
            # A glossary term is never a slip; a document's own definition is one only when it
            # misspells a glossary term (联合国环境规化署（环境署）).
            if variant in glossary or (variant in defined_forms and not snapped):
                continue
            if (
                variant in defined_forms
                and preferred in defined_forms
                and (key.find(variant) < key.find(preferred))
            ):
                continue  # of two spellings the document defines, the first sets it (FDI)
            # A slip of a defined form is written once; a form used again, or defined, is a
            # name of its own (联海稳定团 beside 联刚稳定团).
            sure = (
                snapped is not None
                and preferred in defined
                and variant not in defined_forms
                and grams.count(variant) == 1
                and not _inside_known(facts, starts, start, end)
            )
            known = preferred in glossary or preferred in defined_forms
            if not _credible(grams, variant, preferred, known, sure):
                continue
            if glossary.frequencies.established(variant, preferred):
                continue  # a corpus writes both, document after document: two terms
            if not sure and two_meanings(variant, preferred):
                continue  # the changed character makes a word of another meaning
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


def _credible(grams: Grams, variant: str, preferred: str, known: bool, sure: bool) -> bool:
    """Keep a pair only when the rare form is rare and the preferred form is a known term, or
    the document's usual spelling of a free-standing term whose changed character belongs to
    the term (协同增效 / 协调增效) rather than to a word that happens to follow or precede it
    (会议期间举行 / 会议期间进行). A slip of the document's own defined form (`sure`) counts
    unless a numeral changed into another (亚甲二氧基… keeps its 二; 第六委员会 is another
    committee than 第一委员会), not a numeral written for a letter of the name (委九会)."""
    if sure:
        return not any(
            a != b and {a, b} <= _NUMERALS for a, b in zip(variant, preferred, strict=True)
        )
    if any(ch in _NUMERALS for ch in variant):
        return False
    rare = grams.count(variant)
    if rare > MAX_RARE:
        return False  # a term of its own, or a fragment of a longer one (生物多样性目标)
    if known and len(preferred) >= MIN_KNOWN:
        return True
    usual = grams.count(preferred)
    if usual < MIN_USUAL or usual < MIN_RATIO * rare or not _free_standing(grams, preferred):
        return False
    if sorted(variant) == sorted(preferred):
        return True
    if rare > 1 and usual < REPEATED_RATIO * rare:
        return False  # a one-character change used again is more often another word
    i = next(k for k, (a, b) in enumerate(zip(variant, preferred, strict=True)) if a != b)
    if frozenset((variant[i], preferred[i])) in _OPPOSITES:
        return False  # 高/低, 男/女: two meanings, not two spellings
    # The changed character must belong to the term: both character pairs it makes in the
    # preferred form are used (almost) only inside that form. 协同 and 同增 occur only in
    # 协同增效; 举行 occurs everywhere, so 会议期间举行 is a phrase, not a term.
    if len(preferred) >= LONG:
        return True
    pairs = (preferred[i - 1 : i + 1], preferred[i : i + 2])
    return usual >= MIN_SUBSTITUTED_USUAL and all(
        usual >= COHESION * grams.count(pair) for pair in pairs
    )


def _weighed_pairs(grams: Grams, rare: str, usual: str) -> tuple[str, ...]:
    """The character pairs of `usual` that `_credible` may weigh for this pair of windows:
    the two over the changed character. A swap, a rare window holding a numeral, and a usual
    one used less than MIN_SUBSTITUTED_USUAL times (no longer form holding it is used more)
    are decided before; any other count is made when asked."""
    i = next(k for k, (a, b) in enumerate(zip(rare, usual, strict=True)) if a != b)
    if rare[i + 1] != usual[i + 1] or any(ch in _NUMERALS for ch in rare):
        return ()
    if grams.counts.get(usual, MIN_SUBSTITUTED_USUAL) < MIN_SUBSTITUTED_USUAL:
        return ()
    return usual[i - 1 : i + 1], usual[i : i + 2]


def _inside_known(facts: Facts, starts: list[int], start: int, end: int) -> bool:
    """The form lies inside a longer known term (the tail of another defined full form): no
    slip of a defined short form. Hits do not overlap, so the one starting last at or before
    `start` is the only candidate."""
    k = bisect_right(starts, start) - 1
    return (
        k >= 0
        and facts.hits[k].end >= end
        and facts.hits[k].end - facts.hits[k].start > end - start
    )


def _free_standing(grams: Grams, form: str) -> bool:
    """A term is used in more than one context: at least two different characters (or text
    edges) before it and after it. A fragment of a longer phrase is always followed by the
    same character (国家生物多样性 by 战略)."""
    key = grams.key
    before, after = set(), set()
    for p in grams.occurrences(form):
        before.add(key[p - 1] if p > 0 else "")
        end = p + len(form)
        after.add(key[end] if end < len(key) else "")
    return len(before) > 1 and len(after) > 1


def _snap(key: str, p: int, t: str, terms: list[str]) -> tuple[int, int, str] | None:
    """The glossary term that the text around key[p:p+4] misspells by one slip: the rare form
    at p lines up with a term containing `t`, and differs from it nowhere else. `terms`: the
    terms holding `t`, the longest first."""
    for term in terms:
        offset = term.find(t)
        start, end = p - offset, p - offset + len(term)
        if start >= 0 and end <= len(key) and _one_slip(key[start:end], term):
            return start, end, term
    return None


def _one_slip(written: str, term: str) -> bool:
    """One character replaced, or two neighbours swapped."""
    diffs = [i for i, (a, b) in enumerate(zip(written, term, strict=True)) if a != b]
    if len(diffs) == 1:
        return True
    i = diffs[0] if len(diffs) == 2 else -1
    return diffs == [i, i + 1] and written[i : i + 2] == term[i + 1] + term[i]


def _grow(grams: Grams, p: int, t: str) -> tuple[int, int, str]:
    """Extend the rare form at key[p:p+4] while the same extension of `t` recurs in the text."""
    key = grams.key
    start, end, left, right = p, p + N, "", ""
    while start > 0 and end - start < MAX_LEN and _extends(key[start - 1]):
        if grams.count(key[start - 1] + left + t + right) < 2:
            break
        start -= 1
        left = key[start] + left
    while end < len(key) and end - start < MAX_LEN and _extends(key[end]):
        if grams.count(left + t + right + key[end]) < 2:
            break
        right += key[end]
        end += 1
    return start, end, left + t + right


def _extends(ch: str) -> bool:
    return ch not in _NEUTRAL and bool(HAN_CHAR.match(ch))
