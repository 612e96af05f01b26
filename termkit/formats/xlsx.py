"""Excel workbooks (.xlsx) in the layouts of `tabular`, through pandas and openpyxl.

pandas is imported here only, when a workbook is read or written, so that loading a CSV or TBX
glossary (as `termkit check` does) stays light.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from termkit.errors import InputError
from termkit.formats import tabular
from termkit.io import atomic_write
from termkit.termbase.model import Termbase

SHEET = "glossary"


def read(path: str | Path) -> Termbase:
    import pandas as pd

    try:
        frame = pd.read_excel(
            path, sheet_name=0, header=None, dtype=str, keep_default_na=False, engine="openpyxl"
        )
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    rows = (
        (n, ["" if v is None else str(v) for v in row])
        for n, row in enumerate(frame.itertuples(index=False, name=None), 1)
    )
    return tabular.parse(rows, str(path))


def dumps(tb: Termbase, layout: str = "full") -> bytes:
    import pandas as pd

    header, *rows = tabular.table(tb, layout)
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        pd.DataFrame(rows, columns=header, dtype=str).to_excel(
            writer, sheet_name=SHEET, index=False
        )
    return out.getvalue()


def write(tb: Termbase, path: str | Path, layout: str = "full") -> None:
    data = dumps(tb, layout)
    with atomic_write(path, "wb") as f:
        f.write(data)
