"""An index from a file's stat signature to its cache key, so a rebuild need not read unchanged files.

As git's index does: a file whose device, inode, size, modification and change times are those
recorded is taken to hold the bytes it held then, and its cache key is looked up instead of
reading and hashing the file. A file written again within the file system's timestamp
granularity can keep its old times ("racily clean" in git), so a signature is recorded only
when the file's modification time is at least RACY_SECONDS older than the moment it was taken.

The index is plain JSON, never pickle, written whole to a temporary file and renamed. A corrupt
or foreign index is ignored: every file is read and hashed again, and the build is only slower.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from termkit.cache import read_entry, write_entry

_FORMAT = "termkit-stamp-index"
# Coarser than any file system in use (FAT's 2 s, NFS and ext3's 1 s).
RACY_SECONDS = 3
Stamp = tuple[int, int, int, int, int]


def stamp(path: str) -> Stamp | None:
    """The signature of a file as it is now; None when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def settled(signature: Stamp, taken_ns: int) -> bool:
    """Whether a signature taken at `taken_ns` is safe to record: no write it missed can have
    left the same times."""
    return signature[3] < taken_ns - RACY_SECONDS * 1_000_000_000


class StampIndex:
    """Absolute path -> (signature, cache key), for one cache folder."""

    def __init__(self, file: Path, root: Path) -> None:
        self.file = file
        self.root = root
        self._entries: dict[str, tuple[Stamp, str]] = {}
        self._changed = False
        with contextlib.suppress(ValueError, TypeError, KeyError):
            data = read_entry(file, root)
            if data["format"] == _FORMAT:
                self._entries = dict(_entries(data["entries"]))

    def key(self, path: str, signature: Stamp | None) -> str | None:
        """The cache key recorded for `path` if its signature is unchanged."""
        if signature is None:
            return None
        held = self._entries.get(os.path.abspath(path))
        return held[1] if held is not None and held[0] == signature else None

    def record(self, path: str, signature: Stamp | None, key: str, taken_ns: int) -> None:
        absolute = os.path.abspath(path)
        if signature is None or not settled(signature, taken_ns):
            self._changed |= self._entries.pop(absolute, None) is not None
            return
        if self._entries.get(absolute) != (signature, key):
            self._entries[absolute] = (signature, key)
            self._changed = True

    def save(self) -> None:
        """Write the index if it changed. A read-only folder only costs the next rebuild."""
        if not self._changed:
            return
        entries = {p: [*s, k] for p, (s, k) in sorted(self._entries.items())}
        write_entry(self.file, self.root, {"format": _FORMAT, "entries": entries})
        self._changed = False


def _entries(raw: dict) -> list[tuple[str, tuple[Stamp, str]]]:
    """The index's entries, each checked: a value of another type fails the whole index."""
    out = []
    for path, value in raw.items():
        *numbers, key = value
        if len(numbers) != 5 or not isinstance(key, str) or not isinstance(path, str):
            raise TypeError("stamp entry")
        if not all(type(n) is int for n in numbers):
            raise TypeError("stamp entry")
        out.append((path, (tuple(numbers), key)))
    return out
