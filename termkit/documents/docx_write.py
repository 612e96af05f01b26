"""Write Word documents back: fixes inside runs, and a reviewer's copy with comments.

Both work on the same flattening the reader made, so a finding's text offsets lead to the very
`w:t` element they came from; every other part of the package is saved as python-docx read it.
"""

from __future__ import annotations

import bisect
import copy
import io
from collections.abc import Iterable
from pathlib import Path

from termkit.documents.docx import flatten, local_name, open_docx
from termkit.errors import InputError
from termkit.io import atomic_write
from termkit.text.decode import read_bytes

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "termkit"


def fix_docx(path: str, edits: Iterable, revisions: str = "accepted") -> int:
    """Apply edits (non-overlapping, in text order) that lie within one run's text; write the
    document atomically. Returns how many were applied."""
    document = open_docx(read_bytes(path), path)
    pieces = _Pieces(flatten(document, revisions))
    applied = 0
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        found = pieces.holding(edit.start, edit.end)
        if found is None:
            continue
        offset, element = found
        text = element.text or ""
        element.text = text[: edit.start - offset] + edit.text + text[edit.end - offset :]
        element.set(_XML_SPACE, "preserve")
        applied += 1
    if applied:
        _save(document, path)
    return applied


def annotate_docx(
    source: str, target: str, findings: list, revisions: str = "accepted"
) -> tuple[int, int]:
    """Copy `source` to `target` with a Word comment (author termkit) on each finding's text:
    rule, message and suggestion. Returns (comments added, findings with no text to hold
    one); `source` is never written."""
    if Path(source).resolve() == Path(target).resolve():
        raise InputError(f"{target}: --annotate would overwrite the checked document")
    document = open_docx(read_bytes(source), source)
    flat = flatten(document, revisions)
    pieces = _Pieces(flat)
    starts = [0]
    for line in flat.lines:
        starts.append(starts[-1] + len(line) + 1)
    from docx.text.run import Run

    added = missed = 0
    ordered = sorted(findings, key=lambda f: (f.line, f.column), reverse=True)
    for f in ordered:
        start = starts[f.line - 1] + f.column - 1
        end = starts[f.end_line - 1] + f.end_column - 1
        runs = pieces.runs(start, max(end, start + 1))
        text = _comment(f)
        if runs is not None and local_name(runs[0].getroottree().getroot()) in ("hdr", "ftr"):
            # Word keeps no comments in headers and footers: say where, on the first run
            text = f"[{f.location.label()}] {text}"
            runs = pieces.first_body_run(document)
        if runs is None:
            missed += 1
            continue
        first, last = Run(runs[0], None), Run(runs[1], None)
        document.add_comment([first, last], text=text, author=AUTHOR, initials="TK")
        added += 1
    _save(document, target)
    return added, missed


def _comment(f) -> str:
    text = f"{f.rule} {f.message}"
    if f.suggestion:
        text += f"\n建议 / suggestion: {f.suggestion}"
    return text


class _Pieces:
    """The `w:t` elements of a flattened document by text offset, split on demand."""

    def __init__(self, flat) -> None:
        self.starts = [offset for offset, _ in flat.pieces]
        self.elements = [element for _, element in flat.pieces]

    def _index(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.starts[k] + len(self.elements[k].text or ""):
            return k
        return None

    def holding(self, start: int, end: int):
        """(offset, element) of the piece text[start:end] lies in, or None."""
        k = self._index(start)
        if k is None or end > self.starts[k] + len(self.elements[k].text or ""):
            return None
        return self.starts[k], self.elements[k]

    def runs(self, start: int, end: int):
        """The first and last `w:r` of text[start:end], split so that they hold exactly it
        when the span begins or ends inside a run of plain text; None when no run has it."""
        self._split(end)
        self._split(start)
        first, last = self._index(start), self._index(end - 1)
        if first is None or last is None:
            return None
        return self.elements[first].getparent(), self.elements[last].getparent()

    def first_body_run(self, document):
        """(run, run) of the body's first text, or None when the body has none."""
        body = document.element.body
        for element in self.elements:
            if body in element.iterancestors():
                return element.getparent(), element.getparent()
        return None

    def _split(self, offset: int) -> None:
        k = self._index(offset)
        if k is None or offset == self.starts[k]:
            return
        element = self.elements[k]
        run = element.getparent()
        if [c for c in run if not c.tag.endswith("}rPr")] != [element]:
            return  # a run of several pieces (text, tabs, breaks) is commented whole
        cut = offset - self.starts[k]
        tail = copy.deepcopy(run)
        tail_text = next(c for c in tail if c.tag == element.tag)
        tail_text.text, element.text = element.text[cut:], element.text[:cut]
        for t in (element, tail_text):
            t.set(_XML_SPACE, "preserve")
        run.addnext(tail)
        self.starts.insert(k + 1, offset)
        self.elements.insert(k + 1, tail_text)


def _save(document, path: str) -> None:
    buffer = io.BytesIO()
    document.save(buffer)
    with atomic_write(path, "wb") as handle:
        handle.write(buffer.getvalue())
