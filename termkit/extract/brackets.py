"""Find bracketed spans, nested and of either width, in the analysis text."""

from __future__ import annotations

import re
from typing import NamedTuple

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
