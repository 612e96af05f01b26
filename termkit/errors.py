"""The one exception type the command line turns into a one-line message and exit code 2, and
the one guard that turns whatever a parser raises into it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class InputError(Exception):
    """Bad input or usage: a clear message for the user, never a traceback."""


@contextlib.contextmanager
def reading(path: object) -> Iterator[None]:
    """The reader boundary: inside it, any exception a parser raises on a file's content
    (zlib, expat, lxml, openpyxl, json, a recursion or memory limit, a bug a hostile file
    reaches) becomes an InputError naming the file. Every place that reads a user's file goes
    through it, so no reader needs a catch per failure and none can leak a traceback.
    """
    try:
        yield
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{path}: cannot read: nested too deeply") from None
    except MemoryError:
        raise InputError(f"{path}: cannot read: too large for memory") from None
    except Exception as exc:  # the boundary: every parser failure, whatever its type
        raise InputError(f"{path}: cannot read: {describe(exc)}") from None


def describe(exc: BaseException) -> str:
    """One line about an exception: its first message line and, for the report, its type."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else "unreadable"
    return f"{message} ({type(exc).__module__.split('.')[0]}.{type(exc).__name__})".replace(
        "builtins.", ""
    )
