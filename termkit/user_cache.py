"""Where termkit keeps what it can compute again: `$TERMKIT_CACHE_DIR` (empty: keep nothing),
else `$XDG_CACHE_HOME/termkit`, else `~/.cache/termkit`."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path


def folder(name: str) -> Path | None:
    """The cache folder `name` (not created); None when the user turned caching off."""
    chosen = os.environ.get("TERMKIT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / name if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termkit" / name


def sources_digest(digest: hashlib._Hash, paths: list[Path]) -> hashlib._Hash:
    """Feed `digest` each source file's path below the package and its bytes, in the order
    given: a cache keyed by it never serves a result the current code would not make."""
    package = Path(__file__).resolve().parent
    for path in paths:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest


def read_sealed(path: Path, key: str) -> object | None:
    """The JSON value `write_sealed` stored at `path` under `key`; None when the file is
    missing, a symbolic link, written under another key or damaged (its checksum fails)."""
    try:
        head, body = split_sealed(path)
        if head != _seal(key, body):
            return None
        return json.loads(bytes(body))
    except (OSError, ValueError):
        return None


def write_sealed(path: Path, key: str, value: object) -> None:
    """Store a JSON value with its key and checksum, atomically; JSON, never pickle: a planted
    file cannot run code. A read-only or full disk only costs the next process the work."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    store_sealed(path, _seal(key, body), body)


def split_sealed(path: Path) -> tuple[object, memoryview]:
    """The head (the JSON of the first line) and the body (the rest, not copied) of a sealed
    file, which every termkit cache file is; not through a symbolic link. Raises OSError or
    ValueError when it cannot be read or has no head line."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as f:
        data = f.read()
    split = data.index(b"\n")
    return json.loads(data[:split]), memoryview(data)[split + 1 :]


def store_sealed(path: Path, head: dict, body: bytes) -> None:
    """Write a sealed file (`head` as a JSON line, then `body`) atomically, never through a
    symbolic link; a read-only or full disk only costs a later recomputation."""
    from termkit.errors import InputError
    from termkit.io import atomic_write

    line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError, ValueError, InputError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "wb", follow_symlinks=False, durable=False) as handle:
            handle.write(line + b"\n" + body)


def _seal(key: str, body: bytes) -> dict[str, str]:
    return {"key": key, "sha256": hashlib.sha256(body).hexdigest()}
