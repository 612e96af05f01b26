"""Write termkit/data/t2s_changes.txt: the characters without which OpenCC's t2s leaves a line
as it is.

Run: python bench/t2s_changes.py
`termkit.text.normalize.to_simplified` converts a long text line by line where a line holds
one of these characters and copies the other lines: UN Chinese is mostly simplified already,
and OpenCC costs ~8 ms a MB. The t2s conversion (the wheel's t2s.json) normalizes the CJK
compatibility ideographs, then converts by the longest key of TSPhrases, TSCharactersExt and
TSCharacters, in that order; no key holds a line break, so lines convert apart. A line changes
only if it holds a character that one of them converts to another (a compatibility ideograph,
a single character whose first conversion is another), or a phrase that converts to another
text: for a phrase none of whose characters is such a character (`深沈` -> `深沉`), one of its
characters is kept, a traditional one where it has one. The header names the dictionaries'
sizes: termkit converts whole texts when the installed ones differ. Rerun it when opencc
changes (tests/test_text.py checks the table against the wheel's dictionaries).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import opencc
from _paths import REPO

OUT = REPO / "termkit" / "data" / "t2s_changes.txt"
CLIB = Path(opencc.__file__).parent / "clib"
SHARE = CLIB / "share" / "opencc"


def dictionary_files() -> list[str]:
    """The dictionaries t2s.json names, in its order (normalization first)."""
    return re.findall(r'"file": "([^"]+)"', (SHARE / "t2s.json").read_text(encoding="utf-8"))


def entries(name: str) -> list[tuple[str, str]]:
    """(key, its first conversion) of one dictionary, dumped by the wheel's opencc_dict."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(CLIB / "lib64")}
    command = [CLIB / "bin" / "opencc_dict", "-f", "ocd2", "-t", "text", "-o", "/dev/stdout"]
    dump = subprocess.run(
        [*command, "-i", SHARE / name], capture_output=True, env=env, check=True
    ).stdout.decode("utf-8")
    return [(k, v.split(" ")[0]) for k, v in (line.split("\t") for line in dump.splitlines())]


def changes() -> set[str]:
    names = dictionary_files()
    tables = {name: entries(name) for name in names}
    normalization, *chain = names
    changing = {k for k, v in tables[normalization] if v != k}
    first: dict[str, str] = {}  # a single character's conversion: the first dictionary's
    for name in chain:
        for k, v in tables[name]:
            if len(k) == 1:
                first.setdefault(k, v)
    changing |= {k for k, v in first.items() if v != k}
    for name in chain:
        for k, v in tables[name]:
            if len(k) > 1 and v != k and not changing.intersection(k):
                changing.add(next((c for c in k if c in first), k[-1]))
    return changing


def main() -> None:
    chars = "".join(sorted(changes()))
    sizes = " ".join(f"{name}={(SHARE / name).stat().st_size}" for name in dictionary_files())
    OUT.write_text(
        f"# Characters without which OpenCC {opencc.__version__} t2s leaves a line as it is;\n"
        f"# written by python bench/t2s_changes.py. Dictionaries: {sizes}\n{chars}\n",
        encoding="utf-8",
    )
    print(f"{len(chars)} characters -> {OUT}")


if __name__ == "__main__":
    main()
