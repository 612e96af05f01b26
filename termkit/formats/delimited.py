"""CSV and TSV files of any layout (see `tabular`): delimiter and encoding detected on read,
UTF-8 on write with a BOM by default: Excel opens a CSV without one in the ANSI code page of
the machine (mojibake for Chinese, Arabic, Russian); `bom=False` for tools that take the BOM
for part of the first header cell."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from termkit.errors import InputError
from termkit.formats import tabular
from termkit.io import atomic_write
from termkit.termbase.model import Termbase

DELIMITERS = (",", ";", "\t")


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of `,` `;` and tab (`,` on a tie)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=lambda d: (header.count(d), d == ","))


def loads(text: str, path: str = "<csv>", lenient: bool = False) -> Termbase:
    """The termbase of a CSV/TSV text. A malformed row (an unbalanced quote that would swallow
    the rows after it into one cell) is an InputError naming its line; with `lenient`, that
    one line is skipped, reported as a warning, and reading resumes on the next line."""
    return tabular.parse(rows(text, path, lenient), path)


def rows(text: str, path: str, lenient: bool = False) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each row of a CSV/TSV text."""
    lines = list(io.StringIO(text, newline=""))  # split on \n, \r\n, \r only, as csv does
    delimiter = sniff_delimiter(text)
    width = None  # the header's number of cells
    start = 0  # lines consumed before the current reader
    while start < len(lines):
        reader = csv.reader(iter(lines[start:]), delimiter=delimiter, strict=True)
        first = 1  # first line of the next row, counted from `start`
        try:
            for row in reader:
                where = start + first
                spans = reader.line_num - first + 1
                if width is None and any(c.strip() for c in row):
                    width = len(row)
                elif spans > 1 and width is not None and len(row) != width:
                    raise csv.Error(
                        f"a quoted cell runs over {spans} lines and the row has {len(row)} "
                        f"cells, not {width}: an unbalanced quote"
                    )
                yield where, row
                first = reader.line_num + 1
            return
        except csv.Error as exc:
            where = start + first
            if not lenient:
                raise InputError(f"{path}:{where}: malformed CSV row: {exc}") from None
            _log().warning(f"{path}:{where}: skipped a malformed CSV row: {exc}")
            start = where  # resume on the line after the bad one


def _log():
    import logging  # only here: the light check path never pays for it

    return logging.getLogger("termkit.formats")


def read(path: str | Path, lenient: bool = False) -> Termbase:
    from termkit.text.decode import read_document

    return loads(read_document(path).text, str(path), lenient)


def dumps(tb: Termbase, layout: str = "full") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(tabular.table(tb, layout))
    return out.getvalue()


def write(tb: Termbase, path: str | Path, layout: str = "full", bom: bool = True) -> None:
    text = dumps(tb, layout)
    with atomic_write(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(text)
