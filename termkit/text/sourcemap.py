"""Map character offsets of a file's text to 1-based line and column, as editors show them."""

from __future__ import annotations

import bisect
import operator
from itertools import accumulate, repeat

from termkit.text.lazy import lazy

_LINE_END = lazy(r"\r\n|\r|\n")


class LineIndex:
    """Offsets of line starts in one text; `position(offset)` gives (line, column), 1-based."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
        else:  # the sums of the lines' lengths, in C: a third of the time of the pattern
            lengths = map(operator.add, map(len, text.split("\n")), repeat(1))
            self.starts = list(accumulate(lengths, initial=0))
            self.starts.pop()  # the end of the last line

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1
