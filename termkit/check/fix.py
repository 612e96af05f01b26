"""Apply the unambiguous fixes: in place (atomically, same encoding and line endings) or as a
unified diff."""

from __future__ import annotations

from termkit.check.finding import Edit, Finding
from termkit.io import atomic_write
from termkit.text.decode import Document, read_bytes


def edits_of(findings: list[Finding], encoding: str) -> list[Edit]:
    """Non-overlapping edits in text order; an edit the file's encoding cannot hold is left
    out (a simplified term cannot be written into a Big5 file)."""
    chosen: list[Edit] = []
    last = -1
    for edit in sorted({f.edit for f in findings if f.edit is not None}, key=_order):
        if edit.start < last or not _encodable(edit.text, encoding):
            continue
        chosen.append(edit)
        last = edit.end
    return chosen


def _order(edit: Edit) -> tuple[int, int, str]:
    return edit.start, edit.end, edit.text


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def apply(text: str, edits: list[Edit]) -> str:
    parts, pos = [], 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.text)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def encode_like(document: Document, text: str) -> bytes:
    """The bytes of `text` as the original file wrote them: encoding, BOM and byte order.
    Line endings are inside the text already (it was decoded without translation)."""
    if document.encoding == "utf-16":
        original = read_bytes(document.path)[:2]
        codec = "utf-16-be" if original == b"\xfe\xff" else "utf-16-le"
        return original + text.encode(codec)
    return text.encode(document.encoding)


def write_fixed(document: Document, text: str) -> None:
    with atomic_write(document.path, "wb") as handle:
        handle.write(encode_like(document, text))


def diff(document: Document, fixed: str) -> str:
    import difflib

    old = document.text.splitlines(keepends=True)
    new = fixed.splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, f"a/{document.path}", f"b/{document.path}"))
