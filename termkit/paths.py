"""Turn the paths a user names into the files to read, in a stable order."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from termkit import documents
from termkit.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".text")
# What a folder is searched for: text, and the Word and PDF files the readers take.
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + documents.SUFFIXES
COMPRESSED = (".gz", ".xz")


def is_text_file(path: Path, suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> bool:
    name = path.name
    for z in COMPRESSED:
        name = name.removesuffix(z)
    return name.endswith(suffixes)


def collect(
    paths: Iterable[str | Path],
    suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES,
    missing_ok: bool = False,
    skipped: list[tuple[str, str]] | None = None,
) -> list[str]:
    """Files named directly, plus matching files found walking folders (sorted, no repeats).
    A named path that does not exist is an InputError, unless `missing_ok` keeps it for the
    reader to report (one stale line in a long file list should not stop a build). Files of
    a folder that do not match are added to `skipped` with the reason, when it is given."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            batch = _walk(p, suffixes, skipped)
        elif p.exists() or missing_ok:
            batch = [str(p)]
        else:
            raise InputError(f"{raw}: no such file or folder")
        for f in batch:
            if f not in seen:
                seen.add(f)
                found.append(f)
    return found


def _walk(
    folder: Path, suffixes: tuple[str, ...], skipped: list[tuple[str, str]] | None
) -> list[str]:
    """Matching files under a folder, hidden files and folders left out, sorted. Strings all
    the way: a corpus folder holds tens of thousands of files."""
    found: list[str] = []
    passed: list[tuple[str, str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith("."):
                continue
            if is_text_file(Path(f), suffixes):
                found.append(os.path.join(root, f))
            elif skipped is not None:
                passed.append((os.path.join(root, f), skip_reason(f)))
    if skipped is not None:
        skipped.extend(sorted(passed))
    return sorted(found)


def skip_reason(name: str) -> str:
    """Why a file found in a folder is not read."""
    suffix = documents.suffix(name)
    if suffix in documents.CONVERT:
        return documents.CONVERT[suffix]
    return f"unsupported format ({suffix or 'no suffix'})"


def read_list(source: str) -> list[str]:
    """The paths of a list file, one a line (`-`: standard input); blank lines are ignored."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{source}: cannot read the file list: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{source}: the file list is not UTF-8") from None
    return [line for line in text.splitlines() if line.strip()]
