"""Where termkit keeps what it can compute again: `$TERMKIT_CACHE_DIR` (empty: keep nothing),
else `$XDG_CACHE_HOME/termkit`, else `~/.cache/termkit`."""

from __future__ import annotations

import os
from pathlib import Path


def folder(name: str) -> Path | None:
    """The cache folder `name` (not created); None when the user turned caching off."""
    chosen = os.environ.get("TERMKIT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / name if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termkit" / name
