"""Atomic output: a file is either written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_write(
    path: str | Path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Write to a temporary file beside `path` and rename it over `path` only on success."""
    target = Path(path)
    if not target.parent.is_dir():
        from termkit.errors import InputError

        raise InputError(f"{path}: folder {target.parent} does not exist")
    if "b" in mode:
        encoding = None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def output_stream(
    path: str | None, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Standard output for `None` or `-`, else an atomically written file."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_write(path, "w", encoding=encoding, newline=newline) as handle:
        yield handle
