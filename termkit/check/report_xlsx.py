"""The XLSX report: one row per finding, for revisers who sort and filter in Excel or
LibreOffice: frozen header, autofilter, column widths, a fill colour per severity. Written with
openpyxl (imported here only) and zipped with fixed timestamps, so the same findings give the
same bytes."""

from __future__ import annotations

import io
import re
import zipfile

from termkit.check.context import Contexts
from termkit.check.finding import Finding
from termkit.check.rules import BY_CODE
from termkit.io import atomic_write

HEADER = ("File", "Line", "Column", "Segment", "Side", "Rule", "Name", "Severity", "Found",
          "Suggestion", "Message", "Context", "Source")  # fmt: skip
WIDTHS = (28, 7, 7, 14, 8, 8, 24, 9, 18, 18, 50, 60, 60)
FILLS = {"error": "FDE2E1", "warning": "FEF0C7", "info": "D1E9FF", "hint": "EEEEEE"}
_EPOCH = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def dumps(findings: list[Finding]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "findings"
    ws.append(HEADER)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    fills = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in FILLS.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    contexts = Contexts()
    for row, f in enumerate(findings, start=2):
        context = contexts.of(f)
        ws.append((f.path, f.line, f.column, f.location.segment, f.location.side, f.rule,
                   BY_CODE[f.rule].name, f.severity, f.found, f.suggestion or "", f.message,
                   context.text, context.source))  # fmt: skip
        ws.cell(row, 8).fill = fills[f.severity]
        for column in (11, 12, 13):
            ws.cell(row, column).alignment = wrap
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADER))}{len(findings) + 1}"
    wb.properties.creator = "termkit"
    wb.properties.created = wb.properties.modified = _fixed_time()
    out = io.BytesIO()
    wb.save(out)
    return _stable_zip(out.getvalue())


def write(findings: list[Finding], path: str) -> None:
    data = dumps(findings)
    with atomic_write(path, "wb") as f:
        f.write(data)


def _fixed_time():
    from datetime import datetime

    return datetime(*_EPOCH)


def _stable_zip(data: bytes) -> bytes:
    """The workbook's zip again, every member dated 1980-01-01 and the document's `modified`
    date too, so equal findings give equal bytes (openpyxl stamps both with the time of
    saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>1980-01-01T00:00:00Z\2", content)
            dst.writestr(member, content)
    return out.getvalue()
