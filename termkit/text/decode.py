"""Read user files into text, detecting the encoding, and remember how to write them back."""

from __future__ import annotations

import codecs
import gzip
import lzma
from dataclasses import dataclass
from pathlib import Path

from termkit.errors import InputError

# Encodings a UN Chinese document realistically comes in, tried by the detector in this order.
_CANDIDATES = ("gb18030", "big5", "utf_16", "utf_8")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """A decoded file: its text exactly as written, and what is needed to write it back."""

    path: str
    text: str
    encoding: str

    @property
    def newline(self) -> str:
        """The file's dominant line ending, kept when termkit rewrites the file."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        return "\r\n" if crlf > lf else "\n"


def read_bytes(path: str | Path) -> bytes:
    """Read a file, decompressing `.gz` and `.xz` transparently."""
    p = Path(path)
    try:
        if p.suffix == ".gz":
            return gzip.decompress(p.read_bytes())
        if p.suffix == ".xz":
            return lzma.decompress(p.read_bytes())
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (OSError, EOFError, lzma.LZMAError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None


def decode_bytes(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> Document:
    """Decode bytes: a forced encoding, else a BOM, else strict UTF-8, else the detector."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
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
            return Document(path, text.removeprefix("\ufeff"), name)
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
    controls = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\n\r\f\v")
    if "\x00" in text or controls > 8:
        raise InputError(f"{path}: binary file, not text")


def read_document(path: str | Path, encoding: str | None = None) -> Document:
    """Read and decode one text file; every failure is an InputError naming the file."""
    return decode_bytes(read_bytes(path), str(path), encoding)
