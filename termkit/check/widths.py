"""TK113: one sign, two widths in one document (％ and %, － and -, （c） and (c)).

Each family is a pattern whose match is either full-width or half-width; when a document uses
both, the less used width is reported and the more used one suggested (a tie is left alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from termkit.check.collect import Collector
from termkit.check.definitions import Defined
from termkit.check.document import Analysed
from termkit.check.finding import Edit
from termkit.extract.brackets import find_spans
from termkit.text.normalize import FOLD, HAN

_HALF_OF = {chr(k): v for k, v in FOLD.items() if 0xFF01 <= k <= 0xFF5E}
_FULL_OF = {v: k for k, v in _HALF_OF.items()}


class Family(NamedTuple):
    name: str
    pattern: re.Pattern[str]  # group 1: the sign(s) whose width varies


# Each pattern starts with the sign itself and looks behind it only then (`(?<=\d.)` after
# the sign): the re engine skips to a pattern's first character only when that is a literal or
# a class, and one opening with a look-behind was tried at every position (three 1 MB scans
# of 6-10 ms each, 2.5 ms so).
FAMILIES = (
    Family("percent sign", re.compile(r"([%％])(?<=\d.)")),
    Family("hyphen between Chinese characters", re.compile(rf"([-－])(?<=[{HAN}].)(?=[{HAN}])")),
    Family(
        "paragraph reference brackets",
        re.compile(r"(?P<open>[（(])(?<=\d.)[a-z]{1,3}(?P<close>[）)])"),
    ),
)


def check(doc: Analysed, definitions: list[Defined], out: Collector) -> None:
    if not out.wants("TK113"):
        return
    text = doc.original
    for family in FAMILIES:
        spans = [_signs(m) for m in family.pattern.finditer(text)]
        _report(doc, out, family.name, [s for s in spans if s], text)
    brackets = [
        ((d.short_start - 1, d.short_start), (d.short_end, d.short_end + 1))
        for d in definitions
        if d.short_end < len(doc.analysis.text)
    ]
    source = doc.analysis.source_offset
    spans = [
        [(source(a), source(b - 1) + 1) for a, b in pair]
        for pair in brackets
        if doc.analysis.text[pair[0][0]] in "（(" and doc.analysis.text[pair[1][0]] in "）)"
    ]
    _report(doc, out, "definition brackets", spans, text)
    _mismatched_pairs(doc, out)


def _mismatched_pairs(doc: Analysed, out: Collector) -> None:
    """A bracket pair opened in one width and closed in the other (`(2014）`): wrong whatever
    the document's majority. The bracket in the document's less used width is rewritten (the
    closing one on a tie), so the pair matches the rest of the text."""
    text, source = doc.analysis.text, doc.analysis.source_offset
    pairs = [s for s in find_spans(text) if (text[s.open] == "（") != (text[s.close] == "）")]
    if not pairs:
        return
    full = text.count("（") + text.count("）")
    half = text.count("(") + text.count(")")
    for span in pairs:
        opened_full = text[span.open] == "（"
        odd = span.close if full == half or (full > half) == opened_full else span.open
        start, end = source(span.open), source(span.close) + 1
        found = doc.original[start:end]
        at = source(odd)
        bracket = doc.original[at]
        other = _FULL_OF.get(bracket) or _HALF_OF[bracket]
        out.add(
            "TK113",
            doc.place(start, end),
            f"brackets of one pair in two widths: {text[span.open]} … {text[span.close]}",
            found,
            found[: at - start] + other + found[at - start + 1 :],
            Edit(at, at + 1, other),
        )


def _signs(m: re.Match[str]) -> list[tuple[int, int]]:
    if m.re.groupindex:
        return [m.span("open"), m.span("close")]
    return [m.span(1)]


def _report(
    doc: Analysed, out: Collector, name: str, spans: list[list[tuple[int, int]]], text: str
) -> None:
    def width(signs: list[tuple[int, int]]) -> str:
        return "full" if text[signs[0][0]] in _HALF_OF else "half"

    counts = {"full": 0, "half": 0}
    for signs in spans:
        counts[width(signs)] += 1
    if not counts["full"] or not counts["half"] or counts["full"] == counts["half"]:
        return
    majority = max(counts, key=counts.__getitem__)
    convert: Callable[[str], str] = (
        (lambda c: _FULL_OF.get(c, c)) if majority == "full" else (lambda c: _HALF_OF.get(c, c))
    )
    for signs in spans:
        if width(signs) == majority:
            continue
        start, end = signs[0][0], signs[-1][1]
        found = text[start:end]
        fixed = "".join(
            convert(c) if any(a <= i < b for a, b in signs) else c
            for i, c in zip(range(start, end), found, strict=True)
        )
        edits = [Edit(a, b, "".join(convert(c) for c in text[a:b])) for a, b in signs]
        out.add(
            "TK113",
            doc.place(start, end),
            f"{name} written {'half' if majority == 'full' else 'full'}-width here, "
            f"{majority}-width {counts[majority]} times elsewhere",
            found,
            fixed,
            edits[0] if len(edits) == 1 else Edit(start, end, fixed),
        )
