"""A document as the checker sees it: the repaired text, its matching key, and the way back.

Rules look at the repaired analysis text (PDF line breaks inside terms joined) and match on its
normalization key; every finding is reported at the user's original line and column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from termkit.text.normalize import fold, key_with_map, to_simplified
from termkit.text.offsets import ChainedMap, OffsetMap
from termkit.text.repair import AnalysisText, repair
from termkit.text.sourcemap import LineIndex

if TYPE_CHECKING:
    from termkit.check.script import LineScripts


class Place(NamedTuple):
    """A span of the original text: offsets and 1-based (line, column), end exclusive."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Analysed:
    """One text ready for checking: `analysis.text` (repaired) and `key` (its match key)."""

    def __init__(self, text: str, repair_breaks: bool = True) -> None:
        """`repair_breaks=False` for text whose line breaks are real (a bilingual file's
        segments, one a line): nothing is joined or dropped."""
        self.original = text
        self.analysis: AnalysisText = (
            repair(text)
            if repair_breaks
            else AnalysisText(text, OffsetMap([0], [0], len(text)), text)
        )
        # The analysis text in simplified characters, and folded, offset for offset: the key is
        # made from them, and the definition reader reads them (each made once, not once for
        # each).
        self.simplified: str = to_simplified(self.analysis.text)
        self.folded: str = fold(self.simplified)
        key, key_map = key_with_map(self.folded)
        self.key: str = key
        self.key_map: OffsetMap | ChainedMap = key_map
        self.lines = LineIndex(text)

    def scripts(self, terms: Iterable[tuple[int, int]] = ()) -> LineScripts:
        """Which lines of the original text are written in traditional characters, judged
        without the spans `terms` (original offsets: the known terms in them)."""
        from termkit.check.script import LineScripts

        same = self.analysis.text == self.original
        simplified = self.simplified if same else to_simplified(self.original)
        return LineScripts(self.original, simplified, self.lines.starts, terms)

    def key_to_analysis(self, start: int, end: int) -> tuple[int, int]:
        """Analysis-text span of key span [start, end)."""
        return self.key_map.to_source(start), self.key_map.to_source(end - 1) + 1

    def place_of_analysis(self, start: int, end: int) -> Place:
        """The original span of analysis span [start, end)."""
        return self.place(*self.source_span(start, end))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of analysis span [start, end)."""
        source = self.analysis.source_offset
        return source(start), source(end - 1) + 1

    def place_of_key(self, start: int, end: int) -> Place:
        return self.place_of_analysis(*self.key_to_analysis(start, end))

    def place(self, start: int, end: int) -> Place:
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(end)
        return Place(start, end, line, column, end_line, end_column)
