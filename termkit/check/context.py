"""What a reviewer reads beside a finding in the HTML and XLSX reports: the text around it with
the finding's span marked, the segment's source when the file is bilingual, and the glossary
concepts the finding is about."""

from __future__ import annotations

from dataclasses import dataclass, field

from termkit.check.finding import Finding
from termkit.check.glossary import GlossaryIndex
from termkit.errors import InputError
from termkit.termbase.model import Concept
from termkit.text.normalize import normalize

WINDOW = 40  # characters of context on each side of the finding


@dataclass(frozen=True)
class Context:
    """`before` + `match` + `after` is the text around the finding; `match` is its span.
    `source` is the bilingual segment's source side ('' for a monolingual file)."""

    before: str = ""
    match: str = ""
    after: str = ""
    source: str = ""

    @property
    def text(self) -> str:
        return self.before + self.match + self.after


@dataclass
class Contexts:
    """Contexts of many findings, each file read once."""

    _texts: dict[str, list[str] | None] = field(default_factory=dict)
    _segments: dict[str, dict | None] = field(default_factory=dict)

    def of(self, f: Finding) -> Context:
        if f.location.segment:
            return self._of_segment(f)
        length = f.end_column - f.column if f.end_line == f.line else None
        return self.around(f.path, f.line, f.column, length)

    def around(self, path: str, line: int, column: int, length: int | None) -> Context:
        """The text around `length` characters at line:column of a file (to the end of the
        line when None); empty when the file cannot be read."""
        lines = self._lines(path)
        if not lines or not 0 < line <= len(lines):
            return Context()
        text = lines[line - 1]
        start = column - 1
        end = len(text) if length is None else start + max(0, length)
        return _window(text, start, end)

    def _of_segment(self, f: Finding) -> Context:
        segments = self._bilingual(f.path)
        segment = segments.get(f.location.segment) if segments else None
        if segment is None:
            return Context()
        side = segment.side(f.location.side or "target")
        other = segment.source if f.location.side != "source" else segment.target
        at = side.text.find(f.found) if f.found else -1
        if at < 0:
            return Context(after=side.text, source=other.text)
        window = _window(side.text, at, at + len(f.found), whole=True)
        return Context(window.before, window.match, window.after, other.text)

    def _lines(self, path: str) -> list[str] | None:
        if path not in self._texts:
            from termkit.text.decode import read_document

            try:
                self._texts[path] = read_document(path).text.splitlines()
            except (InputError, OSError):
                self._texts[path] = None
        return self._texts[path]

    def _bilingual(self, path: str) -> dict | None:
        if path not in self._segments:
            from termkit.formats import bilingual

            try:
                doc = bilingual.read(path)
                self._segments[path] = {s.id: s for s in doc.segments}
            except (InputError, OSError):
                self._segments[path] = None
        return self._segments[path]


def _window(text: str, start: int, end: int, whole: bool = False) -> Context:
    """The finding's span and up to WINDOW characters each side (the whole text if `whole`)."""
    left = 0 if whole else max(0, start - WINDOW)
    right = len(text) if whole else min(len(text), end + WINDOW)
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return Context(before, text[start:end], after)


def concepts_of(
    findings: list[Finding], glossary: GlossaryIndex | None
) -> list[tuple[Concept, int]]:
    """The glossary concepts whose terms the findings name (found or suggested), with how many
    findings name each; most named first, then by id."""
    if glossary is None:
        return []
    counts: dict[str, int] = {}
    by_id: dict[str, Concept] = {}
    for f in findings:
        named = set()
        for text in (f.found, f.suggestion or ""):
            for entry in glossary.entries(normalize(text)) if text else ():
                named.add(entry.concept.id)
                by_id[entry.concept.id] = entry.concept
        for cid in named:
            counts[cid] = counts.get(cid, 0) + 1
    return [(by_id[c], n) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
