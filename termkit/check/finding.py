"""One finding: where, which rule, what was found, what to write instead, and the fix if safe."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edit:
    """Replace original[start:end] with `text` (offsets in the file's decoded text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class Finding:
    """Positions are 1-based; the end is exclusive (the column after the last character)."""

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

    def to_dict(self) -> dict:
        """The JSON contract: exactly these keys, in this order."""
        return {
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
