"""Text PDFs as text: the text layer of every page, line by line, through pypdf.

pypdf reads the CID-keyed Chinese fonts UN PDFs use (measured against pdfplumber on Chinese
PDFs: the same text, six to ten times faster; see bench/documents.py). The text keeps the PDF's
own lines, page headers and numbers; the repair layer joins and drops them for analysis, as it
does for any PDF-extracted text, and each line remembers its page and line number.
"""

from __future__ import annotations

import io

from termkit.documents.locations import Layout, Where
from termkit.errors import InputError


def read_pdf(data: bytes, path: str) -> tuple[str, Layout]:
    """The text of a PDF and the page and line of each of its lines."""
    import logging

    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a malformed xref is worked around
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: encrypted PDF (password needed)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError):
        raise InputError(f"{path}: encrypted PDF (password needed)") from None
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: broken PDF: {exc}") from None
    if not any(text.strip() for text in pages):
        raise InputError(f"{path}: no text layer (a scanned PDF?): run OCR on it first")
    lines: list[str] = []
    places: list[Where] = []
    for number, text in enumerate(pages, 1):
        for line_no, line in enumerate(text.split("\n"), 1):
            lines.append(line)
            places.append(Where("page", page=number, line=line_no))
    return "\n".join(lines), Layout("pdf", tuple(places))
