"""The script a document is written in, and forms put into it.

In a document written in traditional characters (Hong Kong, Macao, Taiwan UN text) script is
no variant, but a term written in simplified characters is; and every form the checker
suggests (a glossary's full form, a definition to write) must be in the reader's script.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from termkit.check.finding import Edit, Finding
from termkit.text.lazy import lazy
from termkit.text.normalize import HAN, to_simplified

# Share of Han characters that change to simplified above which a text counts as written in
# traditional script (about 0.37 in running UN text; a few traditional terms stay far below).
TRADITIONAL_SHARE = 0.2
# Han characters (outside known terms) a line needs to be judged on its own, and a run of
# lines of one script to keep it between lines of the other.
MIN_HAN = 10
MIN_RUN = 50
# Share of a line's running Han characters that change to simplified above which it is
# traditional. Lines of 10+ such characters (TRAIN sets, UNPC dev half, shipped glossary's
# terms left out): wholly traditional documents 5 of 502 at or below it (lines of no mark),
# simplified ones none between 0.05 and 0.32 (those above quote traditional text).
LINE_SHARE = 0.05
# OpenCC's conversions into traditional script: its own standard characters (爲, 裏, 衆), and
# the Hong Kong and Taiwan standards (為, 裡/裏, 眾).
_CONVERSIONS = ("s2t", "s2hk", "s2tw")
_HAN_RUN = lazy(f"[{HAN}]+")


def is_traditional(text: str, simplified: str | None = None) -> bool:
    """Is the text written in traditional characters? (`simplified`: the text converted
    already.)"""
    simplified = to_simplified(text) if simplified is None else simplified
    if simplified == text:
        return False
    changed = sum(a != b for a, b in zip(text, simplified, strict=True))
    return changed > TRADITIONAL_SHARE * han_count(text)


class LineScripts:
    """Which lines of a text are written in traditional characters, judged line by line: a
    simplified page header or wiki skin above a traditional paper (or the reverse) is served
    in each part's own script. A line is judged by its running text, the known terms in it left
    out (`terms`: spans of the text): a 環境署 in a simplified paragraph is a variant written
    there, not the paragraph's script: more than LINE_SHARE of its Han characters change to
    simplified (running text of a simplified line has almost none). A line of fewer than
    MIN_HAN follows the nearest judged line before it (after it, at the top), and lines of one
    script with fewer than MIN_RUN between lines of the other take the script around them (a
    quoted title, a term on a line of its own); a text with no judged line is judged whole."""

    def __init__(
        self,
        text: str,
        simplified: str,
        starts: Sequence[int],
        terms: Iterable[tuple[int, int]] = (),
    ) -> None:
        """`simplified`: the text in simplified characters, offset for offset; `starts`: the
        offsets where its lines start (`termkit.text.sourcemap.LineIndex`)."""
        self.lines: list[bool]
        ends = [*starts[1:], len(text)]
        # Most lines do not change at all (compared whole, in C): only those that do are
        # judged on their running text, and the others need their Han characters counted
        # only when some line is traditional (for `_absorb_short_runs`).
        changing = [
            n
            for n, (b, e) in enumerate(zip(starts, ends, strict=True))
            if text[b:e] != simplified[b:e]
        ]
        if not changing:  # every line is simplified
            self.lines = [False] * len(starts)
            return
        spans = _blanked(sorted(terms))
        span_ends = [end for _, end in spans]
        verdicts: dict[int, tuple[int, bool | None]] = {}
        for n in changing:
            begin, end = starts[n], ends[n]
            line = _masked(text, spans, span_ends, begin, end)
            simple = _masked(simplified, spans, span_ends, begin, end)
            han = han_count(line)
            changed = line != simple and sum(a != b for a, b in zip(line, simple, strict=True))
            verdicts[n] = han, None if han < MIN_HAN else changed > LINE_SHARE * han
        if not any(j for _, j in verdicts.values()):
            # No line is traditional, so no run needs absorbing: every line is simplified,
            # unless no line at all has MIN_HAN characters (then the text is judged whole).
            judged_any = any(j is not None for _, j in verdicts.values()) or any(
                _unchanged(text[b:e])[1] is not None
                for n, (b, e) in enumerate(zip(starts, ends, strict=True))
                if n not in verdicts
            )
            whole = not judged_any and is_traditional(text[:20000], simplified[:20000])
            self.lines = [whole] * len(starts)
            return
        sizes = _han_per_line(text, len(starts))
        judged: list[bool | None] = []
        for n, han in enumerate(sizes):
            if n in verdicts:
                sizes[n], j = verdicts[n]
            else:
                j = None if han < MIN_HAN else False
            judged.append(j)
        _absorb_short_runs(judged, sizes)
        fallback = next((j for j in judged if j is not None), None)
        if fallback is None:
            fallback = is_traditional(text[:20000], simplified[:20000])
        self.lines = []
        for j in judged:
            fallback = fallback if j is None else j
            self.lines.append(fallback)

    def traditional(self, line: int) -> bool:
        """Is 1-based `line` written in traditional characters?"""
        return self.lines[min(line, len(self.lines)) - 1]

    @property
    def any_traditional(self) -> bool:
        return any(self.lines)


def han_count(text: str) -> int:
    """How many Han characters the text holds, counted by runs (a third of the time of a
    list of every character)."""
    return sum(map(len, _HAN_RUN.findall(text)))


def _unchanged(line: str) -> tuple[int, bool | None]:
    """A line no character of which changes: its Han characters, and simplified when judged."""
    han = han_count(line)
    return han, None if han < MIN_HAN else False


def _absorb_short_runs(judged: list[bool | None], sizes: list[int]) -> None:
    """Runs of lines of one script with fewer than MIN_RUN Han characters between lines of
    the other take the script around them, the smallest first. The runs are made once: a run
    that takes the script around it joins its neighbours into one run (a pass over every
    line per run absorbed cost a 10,000-line document 10 ms for one quoted line)."""
    runs: list[list] = []  # [script, Han characters, line indices], scripts alternating
    for n, j in enumerate(judged):
        if j is None:
            continue
        if runs and runs[-1][0] == j:
            runs[-1][1] += sizes[n]
            runs[-1][2].append(n)
        else:
            runs.append([j, sizes[n], [n]])
    while len(runs) > 1:
        weak = [k for k, r in enumerate(runs) if r[1] < MIN_RUN]
        if not weak:
            return
        k = min(weak, key=lambda k: (runs[k][1], runs[k][2][0]))
        script = not runs[k][0]
        for n in runs[k][2]:
            judged[n] = script
        first, last = max(k - 1, 0), min(k + 1, len(runs) - 1)
        joined = runs[first : last + 1]
        runs[first : last + 1] = [
            [script, sum(r[1] for r in joined), [n for r in joined for n in r[2]]]
        ]


def _blanked(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of the sorted spans, those blanked out: each that starts where the one before ends or
    after it (a span starting inside one blanked is not)."""
    out, at = [], 0
    for start, end in spans:
        if start >= at:
            out.append((start, end))
            at = end
    return out


def _masked(
    text: str, spans: list[tuple[int, int]], span_ends: list[int], begin: int, end: int
) -> str:
    """text[begin:end] with the blanked spans (`_blanked`; `span_ends`: their ends) written
    as spaces, offset for offset: only the lines that change script are masked, not the
    whole text."""
    pieces, at = [], begin
    for k in range(bisect_right(span_ends, begin), len(spans)):
        start, stop = spans[k]
        if start >= end:
            break
        start, stop = max(start, begin), min(stop, end)
        pieces += [text[at:start], " " * (stop - start)]
        at = stop
    return "".join([*pieces, text[at:end]])


def _han_per_line(text: str, lines: int) -> list[int]:
    """How many Han characters each of the text's `lines` lines holds (lines as
    `termkit.text.sourcemap.LineIndex` splits them), counted in C over the whole text: all
    but its Han characters and line breaks deleted, then split into lines."""
    counts = [len(line) for line in _not_han().sub("", text).splitlines()]
    return counts + [0] * (lines - len(counts))


@cache
def _not_han() -> re.Pattern[str]:
    """Runs of what is neither Han nor a line break (compiled only for a text some line of
    which is traditional: a Han class costs milliseconds to compile)."""
    return re.compile(f"[^{HAN}\\r\\n]+")


@lru_cache(maxsize=3)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(f"{config}.json")


@lru_cache(maxsize=4096)
def in_simplified(form: str) -> bool:
    """Written in simplified characters: none that only traditional script has, and some
    that it writes otherwise (环境署, not 環境署, nor 公約 nor 台灣)."""
    return to_simplified(form) == form and _converter("s2t").convert(form) != form


class Traditional:
    """Forms put into one traditional-script document's characters: of OpenCC's conversions,
    the one whose characters the document itself uses most (為 in a Hong Kong text, 爲 in one
    that writes OpenCC's standard)."""

    def __init__(self, text: str) -> None:
        self.seen = frozenset(text)

    def convert(self, form: str) -> str:
        options = [_converter(c).convert(form) for c in _CONVERSIONS]
        return min(options, key=lambda o: sum(ch not in self.seen for ch in o))


def into_script(findings: list[Finding], text: str, scripts: LineScripts) -> list[Finding]:
    """The findings with every suggestion (and its fix, and the message naming it) in the
    script of the line it is on: a traditional-script line gets no simplified suggestion, nor
    a simplified one a traditional suggestion (from a glossary built from HK or TW text). A
    finding whose suggestion, so put, is what the document wrote is no finding: a simplified
    page header above a traditional paper spells the paper's 香港特別行政區 its own way."""
    script = Traditional(text) if scripts.any_traditional else None
    out = []
    for f in findings:
        if script is not None and scripts.traditional(f.line):
            wrong, convert = in_simplified, script.convert
        else:
            wrong, convert = (lambda form: to_simplified(form) != form), to_simplified
        if f.suggestion and wrong(f.suggestion):
            new = convert(f.suggestion)
            if new == f.found:
                continue
            edit = f.edit and Edit(f.edit.start, f.edit.end, convert(f.edit.text))
            f = replace(f, suggestion=new, message=f.message.replace(f.suggestion, new), edit=edit)
        out.append(f)
    return out
