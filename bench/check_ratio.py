"""`termkit check` against the bare methods it is built on, as ratios measured in one run.

Run: python bench/check_ratio.py [--runs 5]
1. A 30 KB draft (the first 30 KB of seed 000) against the shipped glossary, beside a bare
   interpreter start (`python -c pass`): aim ≤ 60 ms or ≤ 5× the bare start.
2. A 1 MB document (UNPC devset zh + Bible zh) against a 20,000-concept glossary (as
   bench/check_speed.py makes it), beside a bare scan: a short script that loads the same CSV
   into ahocorasick-rs and prints every leftmost-longest hit; aim ≤ 2× (goal 1.2×).
Every command is a fresh process, as a user runs it, and the commands are interleaved run by
run so that they meet the same load; the figures are wall and CPU time (user + system), min
and median, the ratios run by run (min and median), and each command's peak memory. The first
run of each check fills termkit's glossary cache (and its bytecode, see _process.ENV), as the
first check of a day would; it is reported apart, the other runs are warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from _paths import REPO, SHARED
from _process import measure
from check_speed import large_glossary

sys.path.insert(0, str(REPO))

from termkit.formats import glossary_csv

BARE_SCAN = """
import csv, sys
import ahocorasick_rs
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    terms = sorted({row["term"] for row in csv.DictReader(f) if row["lang"] == "zh"})
with open(sys.argv[2], encoding="utf-8") as f:
    text = f.read()
automaton = ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
out = sys.stdout
for index, start, end in automaton.find_matches_as_indexes(text):
    out.write(f"{start}:{end}: {terms[index]}\\n")
"""


def write_inputs(folder: Path) -> tuple[Path, Path, Path]:
    """The 30 KB draft, the 1 MB document and the 20,000-concept glossary, written into
    `folder`."""
    seed = (REPO / "seeds" / "000_6fadedb60f1cd4cd.txt").read_bytes()
    draft = folder / "draft.txt"
    draft.write_bytes(seed[: seed[:30000].rfind(b"\n") + 1])
    big = folder / "big.txt"
    data = [
        (SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh").read_text("utf-8"),
        (SHARED / "data" / "bertalign-bible-zh-en" / "001.zh").read_text("utf-8"),
    ]
    big.write_text("".join(data), encoding="utf-8")
    large = folder / "large.csv"
    glossary_csv.write(large_glossary(data[0], 20000), large)
    return draft, big, large


def show(label: str, results: list[tuple[float, float, int]]) -> None:
    wall = [w for w, _, _ in results]
    cpu = [c for _, c, _ in results]
    print(
        f"{label:<34} wall min {min(wall) * 1000:6.0f} ms, median {statistics.median(wall) * 1000:6.0f}"
        f"; CPU min {min(cpu) * 1000:6.0f} ms, median {statistics.median(cpu) * 1000:6.0f}"
        f"; peak {max(kb for _, _, kb in results) / 1024:.0f} MB"
    )


def ratio(label: str, top: list, bottom: list) -> None:
    for what, i in (("wall", 0), ("CPU", 1)):
        each = [a[i] / b[i] for a, b in zip(top, bottom, strict=True)]
        print(f"{label} ({what}): min {min(each):.2f}x, median {statistics.median(each):.2f}x")


def commands(folder: Path) -> dict[str, list[str]]:
    """The four commands compared, their inputs written to `folder`: the bare interpreter,
    the draft check, the bare scan and the 1 MB check (bench/check_ab.py runs them too)."""
    draft, big, large = write_inputs(folder)
    scan = folder / "scan.py"
    scan.write_text(BARE_SCAN, encoding="utf-8")
    check = [sys.executable, "-m", "termkit", "check", "--isolated", "--format", "json"]
    return {
        "bare interpreter": [sys.executable, "-c", "pass"],
        "check 30 KB draft": [*check, str(draft)],
        "bare Aho-Corasick scan, 1 MB": [sys.executable, str(scan), str(large), str(big)],
        "check 1 MB, 20,000 concepts": [
            *check, "--no-default-glossary", "--glossary", str(large), str(big)
        ],
    }  # fmt: skip


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"at start: load average {load_average()}")
    with tempfile.TemporaryDirectory() as tmp:
        compared = commands(Path(tmp))
        draft = Path(compared["check 30 KB draft"][-1])
        big = Path(compared["check 1 MB, 20,000 concepts"][-1])
        print(f"draft {draft.stat().st_size} bytes; document {big.stat().st_size} bytes")
        runs: dict[str, list[tuple[float, float, int]]] = {k: [] for k in compared}
        for _ in range(args.runs + 1):
            for label, command in compared.items():
                runs[label].append(measure(command, REPO, ok=(0, 1)))
    first = {k: v.pop(0) for k, v in runs.items()}
    for label in ("check 30 KB draft", "check 1 MB, 20,000 concepts"):
        show(f"{label} (first run)", [first[label]])
    for label, results in runs.items():
        show(label, results)
    labels = list(compared)
    ratio("30 KB draft / bare interpreter", runs[labels[1]], runs[labels[0]])
    ratio("1 MB check / bare scan", runs[labels[3]], runs[labels[2]])
    print(f"at end: load average {load_average()}")


if __name__ == "__main__":
    main()
