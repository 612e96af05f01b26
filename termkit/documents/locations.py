"""Where a line of a document's extracted text sits in the original Word file or PDF.

Readers of Word and PDF files flatten a document into plain text, one paragraph (Word) or one
text line (PDF) per line, so that extraction and checking work on it as on any text file. The
`Layout` they return alongside tells, for every line of that text, where a user finds it again:
the paragraph as Word counts it (with its table, row and cell, or its footnote), or the page and
line of the PDF. Columns stay character columns within that paragraph or line.
"""

from __future__ import annotations

from dataclasses import dataclass

SNIPPET = 300  # characters of the paragraph's own text a finding carries


@dataclass(frozen=True)
class Where:
    """One line of extracted text: a Word paragraph or a PDF text line."""

    story: str  # body, table, footnote, endnote, text box, header, footer, page
    paragraph: int = 0  # Word: the paragraph's number in its story, as Word counts them
    table: int = 0  # Word: 1-based table, row and cell of a table paragraph
    row: int = 0
    cell: int = 0
    note: int = 0  # Word: the footnote or endnote number, the text box or the section
    page: int = 0  # PDF: 1-based page and line on the page
    line: int = 0

    @property
    def part(self) -> str:
        """The part of a Word document the paragraph is in ("" for the body)."""
        if self.story == "table":
            return f"table {self.table} row {self.row} cell {self.cell}"
        if self.story in ("header", "footer"):
            return f"{self.story} of section {self.note}"
        if self.story in ("body", "page"):
            return ""
        return f"{self.story} {self.note}"

    def to_dict(self) -> dict:
        """The fields that are set: `page` and `line`, or `paragraph` and `part`."""
        fields = (("page", self.page), ("line", self.line), ("paragraph", self.paragraph))
        return {k: v for k, v in (*fields, ("part", self.part)) if v}

    def name(self) -> str:
        """For people: `page 3, line 12`, `paragraph 5, table 1 row 2 cell 3`."""
        return ", ".join(f"{k} {v}" if k != "part" else v for k, v in self.to_dict().items())


@dataclass(frozen=True)
class Layout:
    """`lines[i]` is where line i + 1 of the extracted text comes from; `editable` holds the
    (start, end) text offsets of each piece a fix can rewrite in place (a Word `w:t`)."""

    format: str
    lines: tuple[Where, ...]
    editable: tuple[tuple[int, int], ...] = ()

    def where(self, line: int) -> Where:
        return self.lines[min(max(line, 1), len(self.lines)) - 1]

    def can_edit(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside one editable piece (one run's text)."""
        import bisect

        k = bisect.bisect_right(self.editable, (start, float("inf"))) - 1
        return k >= 0 and self.editable[k][0] <= start and end <= self.editable[k][1]


def snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"
