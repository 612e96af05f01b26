"""Apply the unambiguous fixes: in place (atomically, same encoding and line endings) or as a
unified diff."""

from __future__ import annotations

import codecs

from termkit.check.finding import Edit, Finding
from termkit.errors import InputError
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


def write_fixed(document: Document, edits: list[Edit]) -> None:
    """Write the edits into the checked file, in place and atomically (`io.atomic_write`).

    Only the fixed spans are encoded; every other byte is copied from the file as it is now,
    so a codec's duplicate mappings (Big5 A2CC and A451 both decode to 十) never rewrite
    bytes the user wrote. A file changed since it was checked (an editor saved it while a long
    `--fix` ran) is refused, before writing and again just before the rename.
    """
    raw = read_bytes(document.path)
    fixed = splice(document, raw, edits)
    with atomic_write(document.path, "wb") as handle:
        handle.write(fixed)
        handle.flush()
        if read_bytes(document.path) != raw:
            raise _changed(document)


def splice(document: Document, raw: bytes, edits: list[Edit]) -> bytes:
    """The file's bytes `raw` with the edits made: unchanged spans byte for byte, each edit
    encoded as the file is (BOM and byte order kept). InputError when `raw` is no longer the
    checked text, or when its spans cannot be told apart byte for byte in its encoding."""
    codec, bom = _codec(document, raw)
    body = raw[len(bom) :]
    try:
        if raw[: len(bom)] != bom or body.decode(codec) != document.text:
            raise _changed(document)
    except UnicodeDecodeError:
        raise _changed(document) from None
    text, spans, pos = document.text, [], 0
    for e in edits:
        spans += [(text[pos : e.start], None), (text[e.start : e.end], e.text)]
        pos = e.end
    spans.append((text[pos:], None))
    parts, at = [bom], 0
    for span, replacement in spans:
        size = len(span.encode(codec))
        if body[at : at + size].decode(codec, "replace") != span:
            raise InputError(
                f"{document.path}: not fixed: its {document.encoding} bytes cannot be "
                "matched to its text span by span"
            )
        parts.append(body[at : at + size] if replacement is None else replacement.encode(codec))
        at += size
    return b"".join(parts)


def _codec(document: Document, raw: bytes) -> tuple[str, bytes]:
    """The stateless codec of the file's body, and its BOM."""
    if document.encoding == "utf-8-sig":
        return "utf-8", codecs.BOM_UTF8
    if document.encoding in ("utf-16", "utf_16"):
        if raw.startswith(codecs.BOM_UTF16_BE):
            return "utf-16-be", codecs.BOM_UTF16_BE
        return "utf-16-le", codecs.BOM_UTF16_LE
    return document.encoding, b""


def _changed(document: Document) -> InputError:
    return InputError(f"{document.path}: changed since it was checked; not fixed (check it again)")


def diff(document: Document, fixed: str) -> str:
    import difflib

    old = document.text.splitlines(keepends=True)
    new = fixed.splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, f"a/{document.path}", f"b/{document.path}"))
