"""Documents that are not plain text: which formats termkit reads, and how.

`read` is called by the text decoder for every file, so extraction, building and checking all
get Word and PDF files through the one place plain text is decoded. A reader returns the text
(one paragraph or PDF line a line) and a `Layout` that takes every line back to its place in
the document. The readers' libraries are imported only when such a file is read.
"""

from __future__ import annotations

from pathlib import PurePath

from termkit.documents.locations import Layout
from termkit.errors import InputError

SUFFIXES = (".docx", ".pdf")
# Formats users have that termkit does not read: what to do instead.
CONVERT = {
    ".doc": "a Word 97-2003 document: save it as .docx (Word: File > Save As)",
    ".odt": "an OpenDocument text: save it as .docx (File > Save As)",
    ".rtf": "a Rich Text document: save it as .docx (File > Save As)",
    ".wps": "a Works document: save it as .docx",
    ".pages": "a Pages document: export it as .docx",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word 97, or an encrypted .docx


def suffix(path: str) -> str:
    return PurePath(path).suffix.lower()


def is_document(path: str) -> bool:
    """Whether `path` names a format read by `read` (or refused by it with advice)."""
    return suffix(path) in SUFFIXES or suffix(path) in CONVERT


def read(data: bytes, path: str, revisions: str = "accepted") -> tuple[str, Layout]:
    """The text of a Word or PDF file and its layout; InputError for what cannot be read."""
    kind = suffix(path)
    if kind in CONVERT:
        raise InputError(f"{path}: {CONVERT[kind]}")
    if kind == ".docx" and data.startswith(_OLE):
        raise InputError(f"{path}: encrypted Word document (or a Word 97 file named .docx)")
    if kind == ".pdf" and data.lstrip()[:5] != b"%PDF-":
        raise InputError(f"{path}: not a PDF file")
    # A damaged file breaks a library anywhere: the caller's reader boundary
    # (`termkit.errors.reading`) makes whatever it raises a one-line error.
    if kind == ".docx":
        from termkit.documents.docx import read_docx

        return read_docx(data, path, revisions)
    from termkit.documents.pdf import read_pdf

    return read_pdf(data, path)
