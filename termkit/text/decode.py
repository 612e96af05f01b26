"""Read user files into text, detecting the encoding, and remember how to write them back."""

from __future__ import annotations

import codecs
import gzip
import lzma
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from termkit import documents
from termkit.errors import InputError, reading

if TYPE_CHECKING:
    from termkit.documents.locations import Layout

# Encodings a UN Chinese document realistically comes in, tried by the detector in this order.
_CANDIDATES = ("gb18030", "big5", "utf_16", "utf_8")
_COMPRESSED = {".gz": lambda raw: gzip.GzipFile(fileobj=raw), ".xz": lzma.LZMAFile}
_CHUNK = 1 << 20
# C0 controls that no text file holds (tab, line ends, form and vertical feed are text)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Document(NamedTuple):
    """A decoded file: its text exactly as written, and what is needed to write it back.
    A Word or PDF file's text is one paragraph or PDF line a line; `layout` maps each line
    back to its place in the document."""

    path: str
    text: str
    encoding: str
    layout: Layout | None = None

    @property
    def format(self) -> str:
        return self.layout.format if self.layout is not None else "text"

    @property
    def newline(self) -> str:
        """The file's dominant line ending, kept when termkit rewrites the file."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        return "\r\n" if crlf > lf else "\n"


def read_bytes(path: str | Path) -> bytes:
    """Read a file, decompressing `.gz` and `.xz` as a stream under the size and ratio limits
    (`termkit.limits`), so a bomb is refused before it fills the memory."""
    p = Path(path)
    with reading(path):
        try:
            return _inflate(p) if p.suffix in _COMPRESSED else p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _inflate(p: Path) -> bytes:
    """The decompressed bytes, checked against the limits after every chunk: the ratio is to
    the compressed bytes read so far, so a bomb stops at the first megabytes, not at the end."""
    from termkit.limits import check_inflated

    out, total = [], 0
    with p.open("rb") as raw, _COMPRESSED[p.suffix](raw) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            check_inflated(p, total, raw.tell())
            out.append(chunk)
    return b"".join(out)


def text_codec(name: str, where: object) -> str:
    """The codec's canonical name if it decodes bytes to text; InputError for an unknown
    codec or one that is not a text encoding (rot13, base64, zlib)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"{where}: unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{where}: {name!r} is not a text encoding")
    return info.name


def decode_bytes(
    data: bytes, path: str = "<bytes>", encoding: str | None = None, revisions: str = "accepted"
) -> Document:
    """Decode bytes: a Word or PDF file through its reader (tracked changes as `revisions`
    says), else a forced encoding, else a BOM, else strict UTF-8, else the detector."""
    with reading(path):
        if documents.is_document(path):
            text, layout = documents.read(data, path, revisions)
            return Document(path, text, "utf-8", layout)
        return _decode(data, path, encoding)


def _decode(data: bytes, path: str, encoding: str | None) -> Document:
    if encoding:
        text_codec(encoding, path)
        try:
            return Document(path, data.decode(encoding), encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {encoding} at byte {exc.start}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: broken {name} at byte {exc.start}") from None
            return Document(path, text, name)  # the codec took the BOM off, and only it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, path)
    _reject_binary(text, path)
    return Document(path, text, "utf-8")


def _detect(data: bytes, path: str) -> Document:
    from charset_normalizer import from_bytes

    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not text")
    # Short or repetitive Chinese looks "chaotic" to the detector's default threshold (0.2).
    best = from_bytes(data, cp_isolation=list(_CANDIDATES), threshold=0.6).best()
    if best is None:
        raise InputError(f"{path}: cannot detect the encoding; use --encoding")
    name = best.encoding
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        raise InputError(f"{path}: cannot detect the encoding; use --encoding") from None
    _reject_binary(text, path)
    return Document(path, text, name)


def _reject_binary(text: str, path: str) -> None:
    """More than eight stray controls in the first 4,096 characters, or a NUL anywhere: a
    binary file that happens to decode (counted by one regex scan, not a loop per character)."""
    if "\x00" in text or len(_CONTROL.findall(text, 0, 4096)) > 8:
        raise InputError(f"{path}: binary file, not text")


def read_document(
    path: str | Path, encoding: str | None = None, revisions: str = "accepted"
) -> Document:
    """Read and decode one file; every failure is an InputError naming the file."""
    return decode_bytes(read_bytes(path), str(path), encoding, revisions)
