"""Turn a rule's observation into a finding, honouring the settings and inline suppressions."""

from __future__ import annotations

import re

from termkit.check.document import Place
from termkit.check.finding import NOWHERE, Edit, Finding, Location
from termkit.check.settings import Settings

# `termkit: ignore` silences every rule on its line, `termkit: ignore TK101,TK110` those named.
_SUPPRESS = re.compile(r"termkit:\s*ignore\b((?:[\s,]*TK\d{3})*)", re.IGNORECASE)


def suppressions(text: str) -> dict[int, frozenset[str] | None]:
    """Line number → codes suppressed there (None: all codes)."""
    found: dict[int, frozenset[str] | None] = {}
    if "termkit" not in text:
        return found
    for line_no, line in enumerate(text.splitlines(), start=1):
        m = _SUPPRESS.search(line)
        if m:
            codes = re.findall(r"TK\d{3}", m.group(1).upper())
            found[line_no] = frozenset(codes) if codes else None
    return found


class Collector:
    """Findings of one file, in the order the rules report them."""

    def __init__(self, path: str, text: str, settings: Settings) -> None:
        self.path = path
        self.settings = settings
        self.suppressed = suppressions(text)
        self.findings: list[Finding] = []

    def wants(self, code: str) -> bool:
        return code in self.settings.enabled

    def add(
        self,
        code: str,
        place: Place,
        message: str,
        found: str,
        suggestion: str | None = None,
        edit: Edit | None = None,
        location: Location = NOWHERE,
    ) -> None:
        self.add_at(
            code,
            (place.line, place.column, place.end_line, place.end_column),
            message,
            found,
            suggestion,
            edit,
            location,
        )

    def add_at(
        self,
        code: str,
        where: tuple[int, int, int, int],
        message: str,
        found: str,
        suggestion: str | None = None,
        edit: Edit | None = None,
        location: Location = NOWHERE,
    ) -> None:
        """Add a finding at (line, column, end_line, end_column)."""
        if not self.wants(code) or self._is_suppressed(code, where[0]):
            return
        self.findings.append(
            Finding(
                self.path,
                *where,
                code,
                self.settings.severity_of(code),
                message,
                found,
                suggestion,
                edit,
                location,
            )
        )

    def _is_suppressed(self, code: str, line: int) -> bool:
        if line not in self.suppressed:
            return False
        codes = self.suppressed[line]
        return codes is None or code in codes
