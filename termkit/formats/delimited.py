"""CSV and TSV files of any layout (see `tabular`): delimiter and encoding detected on read,
UTF-8 on write with a BOM by default: Excel opens a CSV without one in the ANSI code page of
the machine (mojibake for Chinese, Arabic, Russian); `bom=False` for tools that take the BOM
for part of the first header cell."""

from __future__ import annotations

import csv
import io
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


def loads(text: str, path: str = "<csv>") -> Termbase:
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))
    try:
        return tabular.parse(((reader.line_num, row) for row in reader), path)
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: malformed CSV: {exc}") from None


def read(path: str | Path) -> Termbase:
    from termkit.text.decode import read_document

    return loads(read_document(path).text, str(path))


def dumps(tb: Termbase, layout: str = "full") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(tabular.table(tb, layout))
    return out.getvalue()


def write(tb: Termbase, path: str | Path, layout: str = "full", bom: bool = True) -> None:
    text = dumps(tb, layout)
    with atomic_write(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(text)
