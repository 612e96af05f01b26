"""What the verifiers of the hand-made annotations share (`bench/heldout/verify_seed003.py`,
`bench/heldout/un_pages/verify.py`, `bench/annotated/un_pages/verify.py`). Independent of
termkit, so that a gold file is checked against its text, not against the tool it scores."""

from __future__ import annotations

import re


class Checker:
    """Counts the checks made and keeps the message of every one that failed."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.checks = 0

    def ok(self, condition: bool, message: str) -> None:
        self.checks += 1
        if not condition:
            self.failures.append(message)


def occurrences(lines: list[str], form: str, exclude: list[str]) -> list[tuple[int, int]]:
    """(line, offset) of every `form` not lying inside one of the longer `exclude` strings."""
    found = []
    for number, line in enumerate(lines, 1):
        for match in re.finditer(re.escape(form), line):
            start = match.start()
            inside = False
            for longer in exclude:
                k = longer.find(form)
                while k >= 0 and not inside:
                    inside = line[start - k : start - k + len(longer)] == longer
                    k = longer.find(form, k + 1)
                if inside:
                    break
            if not inside:
                found.append((number, start))
    return found
