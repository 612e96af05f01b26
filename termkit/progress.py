"""A progress bar for long runs over many documents, shown only to a person at a terminal."""

from __future__ import annotations

import sys


def progress_bar(total: int):
    """A progress bar on stderr, only for a person at a terminal and more than a few files."""
    if total < 5 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)
