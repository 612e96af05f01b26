"""Load and save a glossary in any supported format, chosen by file name or content."""

from __future__ import annotations

from pathlib import Path

from termkit.errors import InputError
from termkit.formats import glossary_csv
from termkit.termbase.model import Termbase


def load_glossary(path: str | Path) -> Termbase:
    """Read a glossary file of any format `termkit import` reads; InputError when it can't."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.suffix.lower() == ".csv":
        return glossary_csv.read(p)
    raise InputError(f"{path}: unsupported glossary format {p.suffix or '(no extension)'}")


def default_glossary_path() -> Path:
    """The glossary shipped inside the package (built from the seeds, curated)."""
    from importlib.resources import files

    return Path(str(files("termkit") / "data" / "glossary.csv"))
