"""Turn a rule's observation into a finding, honouring the settings and inline suppressions."""

from __future__ import annotations

import re
from typing import NamedTuple

from termkit.check.document import Place
from termkit.check.finding import NOWHERE, Edit, Finding, Location
from termkit.check.settings import Settings
from termkit.text.lazy import lazy

# `termkit: ignore` silences every rule on its line, `termkit: ignore TK101,TK110` those named;
# `termkit: disable [CODES]` … `termkit: enable [CODES]` silence them over a range of lines
# (the lines with the comments included), as Vale's and ESLint's comments do.
_DIRECTIVE = lazy(r"termkit:\s*(ignore|disable|enable)\b((?:[\s,]*TK\d{3})*)", re.IGNORECASE)


class Silenced(NamedTuple):
    """What is silenced on one line: every rule but `unless`, or the rules in `codes`."""

    every: bool = False
    codes: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()

    def covers(self, code: str) -> bool:
        return (self.every and code not in self.unless) or code in self.codes


def suppressions(text: str) -> dict[int, Silenced]:
    """Line number → what is silenced there (lines with nothing silenced are left out)."""
    found: dict[int, Silenced] = {}
    if "termkit" not in text:
        return found
    state = Silenced()
    for line_no, line in enumerate(text.splitlines(), start=1):
        here = state
        for m in _DIRECTIVE.finditer(line):
            verb, codes = m.group(1).lower(), frozenset(re.findall(r"TK\d{3}", m.group(2).upper()))
            if verb == "ignore":
                here = _silence(here, codes)
            elif verb == "disable":
                state = _silence(state, codes)
                here = _silence(here, codes)
            else:
                state = _enable(state, codes)
        if here != Silenced():
            found[line_no] = here
    return found


def _silence(s: Silenced, codes: frozenset[str]) -> Silenced:
    if not codes:
        return Silenced(every=True)
    return Silenced(s.every, s.codes | codes, s.unless - codes)


def _enable(s: Silenced, codes: frozenset[str]) -> Silenced:
    if not codes:
        return Silenced()
    return Silenced(s.every, s.codes - codes, s.unless | codes if s.every else s.unless)


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
        silenced = self.suppressed.get(line)
        return silenced is not None and silenced.covers(code)
