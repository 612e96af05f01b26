"""Offset maps: where each character of a derived text came from in the text it was derived from.

Repairs and normalization delete, keep and (rarely) insert characters. An `OffsetMap` stores runs
of characters copied one to one, so that any position of the derived text maps back to the
source in O(log n), and maps chain, so findings always point at the user's original file.
"""

from __future__ import annotations

import bisect


class OffsetMap:
    """Runs `(out_start, src_start)`: out[o + k] came from src[s + k] until the next run."""

    def __init__(self, out_starts: list[int], src_starts: list[int], out_len: int) -> None:
        self.out_starts = out_starts
        self.src_starts = src_starts
        self.out_len = out_len

    def to_source(self, offset: int) -> int:
        """The source offset of derived offset `offset` (the end maps to the end)."""
        k = bisect.bisect_right(self.out_starts, offset) - 1
        if k < 0:
            return 0
        return self.src_starts[k] + (offset - self.out_starts[k])

    def to_sources(self, offsets: list[int]) -> list[int]:
        """`to_source` of each offset, in one pass: a document's thousands of term hits."""
        outs, srcs, find = self.out_starts, self.src_starts, bisect.bisect_right
        return [
            0 if k < 0 else srcs[k] + (o - outs[k]) for o in offsets for k in [find(outs, o) - 1]
        ]

    def then(self, inner: OffsetMap | ChainedMap) -> ChainedMap:
        """Chain: self maps C→B, `inner` maps B→A; the result maps C→A."""
        return ChainedMap(self, inner)


class ChainedMap:
    """Two maps applied in turn, derived text → intermediate text → source."""

    def __init__(self, outer: OffsetMap, inner: OffsetMap | ChainedMap) -> None:
        self.outer = outer
        self.inner = inner

    def to_source(self, offset: int) -> int:
        return self.inner.to_source(self.outer.to_source(offset))

    def to_sources(self, offsets: list[int]) -> list[int]:
        return self.inner.to_sources(self.outer.to_sources(offsets))


class TextBuilder:
    """Build a derived text piece by piece while recording where every piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._out_starts: list[int] = []
        self._src_starts: list[int] = []
        self._len = 0
        self._next_src = -1

    def copy(self, text: str, src_start: int) -> None:
        """Append `text`, which sits at `src_start` in the source."""
        if not text:
            return
        if self._next_src != src_start:
            self._out_starts.append(self._len)
            self._src_starts.append(src_start)
        self._parts.append(text)
        self._len += len(text)
        self._next_src = src_start + len(text)

    def insert(self, text: str, src_pos: int) -> None:
        """Append characters that have no source of their own; they point at `src_pos` (one
        run each: the character after them does not come from `src_pos + 1`)."""
        if len(text) == 1:  # a space for a run of them (`normalize`): no range, no list
            self._out_starts.append(self._len)
            self._src_starts.append(src_pos)
            self._parts.append(text)
            self._len += 1
            self._next_src = -1
            return
        self._out_starts.extend(range(self._len, self._len + len(text)))
        self._src_starts.extend([src_pos] * len(text))
        self._parts.append(text)
        self._len += len(text)
        self._next_src = -1

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._out_starts, self._src_starts, self._len)
