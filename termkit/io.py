"""Safe output: a file is either written whole or not at all, and only where it should be.

A write goes to a temporary file beside its target, is fsynced, and is renamed over the target
(then the folder is fsynced), so a crash or a kill leaves the old file or the new one. A cache
entry, which termkit can compute again and which carries its own checksum, is written with
`durable=False`: renamed into place unsynced, as a torn entry after a power cut only misses. The
temporary file is removed on any exception and on SIGTERM; after a SIGKILL it keeps a name
(`.NAME.termkit-PID-XXXX.tmp`) that the next write beside it removes once PID is gone.

The target is checked before anything is written: a symlink is followed to the file it names
(that file is replaced, the link kept), a device, FIFO or directory is refused (replacing
`/dev/null` with a regular file would break the system), and so is a read-only file. The
replacement keeps the file's permissions and owner; a file with several hard links is
rewritten in place from the finished temporary file, since a rename would split it from its
other names.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from termkit.errors import InputError

_TAG = ".termkit-"


def output_target(path: str | Path, follow_symlinks: bool = True) -> Path:
    """The file a write to `path` replaces, after the checks; InputError when it must not be
    written. Commands that change files in place call it for `-o` before the first change."""
    given = Path(path)
    if not follow_symlinks and given.is_symlink():
        raise InputError(f"{path}: is a symbolic link; not written")
    target = Path(os.path.realpath(given)) if follow_symlinks else given
    if not target.parent.is_dir():
        raise InputError(f"{path}: folder {given.parent} does not exist")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: is not a regular file (a device or a FIFO); not written")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"{path}: is read-only; not written")
    return target


@contextlib.contextmanager
def atomic_write(
    path: str | Path,
    mode: str = "w",
    encoding: str | None = "utf-8",
    newline: str | None = None,
    follow_symlinks: bool = True,
    durable: bool = True,
) -> Iterator[IO]:
    """Write to a temporary file beside `path`'s target and put it in place only on success;
    `durable`: on disk before the call returns (the user's files), or only in the page cache
    (cache entries: two fsyncs cost more than encoding the entry)."""
    target = output_target(path, follow_symlinks)
    if "b" in mode:
        encoding = None
    _remove_stale(target)
    prefix = f".{target.name}{_TAG}{os.getpid()}-"
    with _terminate_as_exit():
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
                yield handle
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            _install(Path(tmp), target, durable)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise


def _install(tmp: Path, target: Path, durable: bool = True) -> None:
    """Put the finished temporary file in place of `target`, keeping its mode, owner and
    hard links."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
        if durable:
            _sync_folder(target.parent)
        return
    if st.st_nlink > 1:
        with open(tmp, "rb") as src, open(target, "r+b") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.truncate()
            dst.flush()
            os.fsync(dst.fileno())
        os.unlink(tmp)
        return
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except PermissionError:
            raise InputError(
                f"{target}: owned by another user; replacing it would change its owner"
            ) from None
    os.replace(tmp, target)
    if durable:
        _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the folder's entry)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale(target: Path) -> None:
    """Remove temporary files a killed termkit left beside `target` (their PID is gone). The
    folder is listed, not globbed: a glob compiles a pattern on every write."""
    prefix = f".{target.name}{_TAG}"
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for leftover in entries:
            if not (leftover.name.startswith(prefix) and leftover.name.endswith(".tmp")):
                continue
            pid = leftover.name[len(prefix) :].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(leftover.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While a temporary file exists, SIGTERM raises SystemExit (exit 143) so the cleanup runs;
    the previous handler comes back after. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
