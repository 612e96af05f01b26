"""Excel workbooks (.xlsx) in the layouts of `tabular`: read through pandas, written with
openpyxl as a terminologist opens them: the header row frozen and bold, filters on every
column, columns as wide as their text (CJK counted double, at most 60), counts and confidences
as numbers. `pairs=True` writes one sheet per language pair instead (a concept's first language with
each of its others, a concept per row), as bilingual CAT-tool imports want.

The workbook carries no save time and its zip no file times, so the same termbase gives the
same bytes. pandas and openpyxl are imported here only, when a workbook is read or written,
so that loading a CSV or TBX glossary (as `termkit check` does) stays light.
"""

from __future__ import annotations

import datetime
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

from termkit.errors import InputError
from termkit.formats import tabular, xmlsafe
from termkit.io import atomic_write
from termkit.termbase.model import Termbase, languages

SHEET = "glossary"
NUMBERS = {"count": int, "confidence": float}
MAX_WIDTH = 60
# No save time in the workbook: a fixed one keeps the bytes of one termbase the same.
_EPOCH = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1 << 20
# A shared string and a cell, with or without a namespace prefix.
_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")


def read(path: str | Path) -> Termbase:
    """The glossary of a workbook: its first sheet, and every later sheet that holds a
    glossary too (the sheets of `--sheet-per-pair`), merged by concept."""
    import pandas as pd

    _screen(path)
    try:
        frames = pd.read_excel(
            path, sheet_name=None, header=None, dtype=str, keep_default_na=False, engine="openpyxl"
        )
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    parts = []
    for n, (name, frame) in enumerate(frames.items()):
        rows = (
            (i, ["" if v is None else str(v) for v in row])
            for i, row in enumerate(frame.itertuples(index=False, name=None), 1)
        )
        try:
            parts.append(tabular.parse(rows, str(path) if n == 0 else f"{path} [{name}]"))
        except InputError:
            if n == 0:
                raise
            logging.getLogger("termkit.formats").warning(
                f"{path}: sheet {name!r} is not a glossary; skipped"
            )
    if len(parts) == 1:
        return parts[0]
    from termkit.formats.combine import combine

    return combine(parts)


def _screen(path: str | Path) -> None:
    """Refuse a workbook before openpyxl builds it: past the decompression limits (by its
    members' sizes, which zipfile holds each member to), with too many shared strings or cells
    (counted on the stream), or with a member that declares a DTD (no part of a workbook has
    one: the entity policy of `xmlsafe`)."""
    from termkit.limits import check_inflated

    try:
        book = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    with book:
        members = [m for m in book.infolist() if m.filename.endswith((".xml", ".rels"))]
        sizes = [(m.file_size, m.compress_size) for m in book.infolist()]
        check_inflated(path, sum(s for s, _ in sizes), sum(c for _, c in sizes))
        counts: dict[str, int] = {}
        for member in members:
            counted = _counted(member.filename)
            with book.open(member) as stream:
                chunk = stream.read(_CHUNK)
                if xmlsafe.declares_dtd(chunk):
                    raise InputError(f"{path}: refused: {member.filename} {xmlsafe.DTD_REFUSED}")
                while counted and chunk:
                    limit, element, what = counted
                    counts[what] = counts.get(what, 0) + len(element.findall(chunk))
                    if counts[what] > limit.value:
                        raise limit.refusal(path, what)
                    chunk = stream.read(_CHUNK)


def _counted(name: str):
    """(limit, element pattern, what) of a workbook member whose elements are counted."""
    from termkit.limits import XLSX_CELLS, XLSX_STRINGS

    if name == "xl/sharedStrings.xml":
        return XLSX_STRINGS, _STRING, "shared strings"
    if name.startswith("xl/worksheets/"):
        return XLSX_CELLS, _CELL, "cells"
    return None


def dumps(tb: Termbase, layout: str = "full", pairs: bool = False) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.properties.creator = "termkit"
    wb.properties.created = _EPOCH
    for title, rows in _sheets(tb, layout, pairs):
        _write_sheet(wb.create_sheet(title), rows)
    out = io.BytesIO()
    wb.save(out)
    return _without_times(out.getvalue())


def write(tb: Termbase, path: str | Path, layout: str = "full", pairs: bool = False) -> None:
    data = dumps(tb, layout, pairs)
    with atomic_write(path, "wb") as f:
        f.write(data)


def _sheets(tb: Termbase, layout: str, pairs: bool) -> list[tuple[str, list[list[str]]]]:
    """One sheet, or one per language pair: a concept goes in the sheets of its first
    language (in listing order) with each of its others, or alone in its language's sheet
    when it has one language, so every concept is in some sheet."""
    if not pairs:
        return [(SHEET, tabular.table(tb, layout))]
    order = {tag: n for n, tag in enumerate(languages(tb))}
    groups: dict[tuple[str, ...], list] = {}
    for c in tb.concepts:
        first, *others = sorted({t.tag for t in c.terms}, key=order.__getitem__)
        for pair in [(first, other) for other in others] or [(first,)]:
            kept = tuple(t for t in c.terms if t.tag in pair)
            groups.setdefault(pair, []).append(replace(c, terms=kept))
    return [
        ("-".join(pair)[:31], tabular.table(Termbase(tuple(concepts)), "concept"))
        for pair, concepts in sorted(groups.items(), key=lambda kv: [order[t] for t in kv[0]])
    ]


def _write_sheet(ws, rows: list[list[str]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = rows[0]
    for i in range(1, len(header) + 1):
        width = max((_width(r[i - 1]) for r in rows), default=8)
        ws.column_dimensions[get_column_letter(i)].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows)}"
    bold = Font(bold=True)
    cells = []
    for name in header:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        cells.append(cell)
    ws.append(cells)
    kinds = [NUMBERS.get(name) for name in header]
    for row in rows[1:]:
        ws.append([kind(v) if kind and v else v for kind, v in zip(kinds, row, strict=True)])


def _width(text: str) -> int:
    """Display width of a cell's longest line: wide (CJK) characters count two."""
    lines = text.split("\n") or [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines
    )


def _without_times(data: bytes) -> bytes:
    """The workbook with no modification time and fixed zip entry times."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                    rb"<dcterms:modified\1>"
                    + _EPOCH.isoformat().encode()
                    + rb"Z</dcterms:modified>",
                    content,
                )
            target.writestr(
                zipfile.ZipInfo(info.filename, _ZIP_TIME), content, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()
