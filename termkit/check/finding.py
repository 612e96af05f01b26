"""One finding: where, which rule, what was found, what to write instead, and the fix if safe."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace original[start:end] with `text` (offsets in the file's decoded text). A named
    tuple: a frozen dataclass is compiled at import, in every check process."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class Location:
    """Where the user finds a span besides `line:column`, in the terms of the file's kind.

    A bilingual file names the segment (TMX `tuid`, XLIFF `trans-unit`/`unit` id, PO msgctxt or
    line) and its side; a Word document a paragraph and the part it is in (`table 1 row 2
    cell 3`, `footnote 4`); a PDF its page. Empty fields are absent from every output.
    """

    segment: str = ""
    side: str = ""  # "source" or "target"
    page: int = 0
    line: int = 0  # a PDF's line on its page
    paragraph: int = 0
    part: str = ""
    snippet: str = ""  # a Word paragraph's or PDF line's own text (JSON and SARIF only)

    def to_dict(self) -> dict:
        """The fields that are set, in declaration order."""
        return {k: v for k, v in vars(self).items() if v}

    def __bool__(self) -> bool:
        return any(vars(self).values())

    def label(self) -> str:
        """For people: `segment CMU_1:2 (target)`, `page 3, paragraph 12`."""
        parts = []
        if self.segment:
            parts.append(f"segment {self.segment}" + (f" ({self.side})" if self.side else ""))
        elif self.side:
            parts.append(self.side)
        parts += [f"{name} {value}" for name, value in (("page", self.page), ("line", self.line),
                  ("paragraph", self.paragraph)) if value]  # fmt: skip
        if self.part:
            parts.append(self.part)
        return ", ".join(parts)


NOWHERE = Location()


@dataclass(frozen=True, order=True)
class Finding:
    """Positions are 1-based; the end is exclusive (the column after the last character).
    `location` adds what `line:column` cannot say (segment and side, page, paragraph)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    found: str
    suggestion: str | None = None
    edit: Edit | None = field(default=None, compare=False)
    location: Location = NOWHERE

    def to_dict(self) -> dict:
        """The JSON contract: exactly these keys, in this order, and `location` when the
        finding has one (`{"segment": "CMU_1:2", "side": "target"}`)."""
        out = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "found": self.found,
            "suggestion": self.suggestion,
        }
        if self.location:
            out["location"] = self.location.to_dict()
        return out
