"""Find bracketed spans, nested and of either width, in the analysis text."""

from __future__ import annotations

import re
from typing import NamedTuple

from termkit.extract.lexicon import INTRODUCERS

# Full and half width, and the small forms ﹙﹚ that Hong Kong text prints.
_OPEN = "（(﹙"
_CLOSE = "）)﹚"
MAX_INNER = 120
_MARK = re.compile(r"[（()）﹙﹚]")


class Span(NamedTuple):
    """A bracketed span: `open` and `close` are the offsets of the brackets themselves."""

    open: int
    close: int
    depth: int

    @property
    def inner_start(self) -> int:
        return self.open + 1


def find_spans(text: str) -> list[Span]:
    """Matched bracket pairs in text order. A closing bracket of the other width still closes
    (UN text mixes `（2014)`); a paragraph break or an over-long span abandons an opening."""
    spans: list[Span] = []
    stack: list[int] = []
    last = 0
    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        # line breaks are not searched for (a document has one every few dozen characters,
        # brackets are fewer): only whether one lies between an opening and this bracket
        if stack and text.find("\n", last, i) >= 0:
            stack.clear()
        last = i
        if ch in _OPEN:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if i - start - 1 <= MAX_INNER:
                spans.append(Span(start, i, len(stack)))
    spans.sort(key=lambda s: s.open)
    return spans


# `（下文简称《禁雷公约》的正式全称为…`, `(简称《禁产条约》` at a line's end: an introducer and a
# short form in title marks or quotes delimit themselves where the closing bracket is missing.
_UNCLOSED_INTRODUCER = re.compile(
    rf"(?:{'|'.join(INTRODUCERS)}|下文简称|下文称)[为：: ]*(?:《[^《》\n]{{1,20}}》|“[^“”\n]{{1,20}}”)"
)


def unclosed_introducers(text: str, spans: list[Span]) -> list[Span]:
    """Spans for brackets never closed whose content opens with an introducer and a marked
    short form: the span ends after the short form's closing mark (`close` is the offset
    right after it, which is no bracket). Only extraction reads them; the checker's bracket
    rules see matched pairs alone."""
    opened = {s.open for s in spans}
    out = []
    for m in _MARK.finditer(text):
        i = m.start()
        if m.group() not in _OPEN or i in opened:
            continue
        found = _UNCLOSED_INTRODUCER.match(text, i + 1)
        if found is not None:
            out.append(Span(i, found.end(), 0))
    return out
