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


def read_sealed(path: Path, key: str) -> object | None:
    """The JSON value `write_sealed` stored at `path` under `key`; None when the file is
    missing, a symbolic link, written under another key or damaged (its checksum fails)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as f:
            head, _, body = f.read().partition(b"\n")
        if json.loads(head) != _seal(key, body):
            return None
        return json.loads(body)
    except (OSError, ValueError):
        return None


def write_sealed(path: Path, key: str, value: object) -> None:
    """Store a JSON value with its key and checksum, atomically; JSON, never pickle: a planted
    file cannot run code. A read-only or full disk only costs the next process the work."""
    from termkit.errors import InputError
    from termkit.io import atomic_write

    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = json.dumps(_seal(key, body), separators=(",", ":")).encode("ascii")
    with contextlib.suppress(OSError, ValueError, InputError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "wb", follow_symlinks=False) as handle:
            handle.write(head + b"\n" + body)


def _seal(key: str, body: bytes) -> dict[str, str]:
    return {"key": key, "sha256": hashlib.sha256(body).hexdigest()}
