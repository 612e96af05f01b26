"""Check the literary held-out set: every sentence covered exactly once, ids in range, links monotone.

Run: python bench/heldout/literary/verify.py
For each passage NNN it reads NNN.en, NNN.zh (one sentence a line) and NNN.align (vecalign
format, English first: `[0,1]:[0]`, `[]:[3]`). It checks that no sentence line is empty or padded,
that every link is well formed and not empty on both sides, that the ids of each side of a link are
consecutive, that links are monotone and contiguous (each side starts where the previous link of
that side ended), that every id is in range and every sentence of both sides is covered exactly
once, and that sources.tsv lists exactly the passages present. It prints the counts by link type;
exit status 0 = all checks pass, 1 = one line per fault on stderr.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINK = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]$")


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def check_side(where: str, side: str, got: list[int], seen: list[int], n: int) -> list[str]:
    """Faults of one side of one link, given the ids that side has covered so far."""
    faults: list[str] = []
    if not got:
        return faults
    if got != list(range(got[0], got[0] + len(got))):
        faults.append(f"{where}: {side} ids not consecutive: {got}")
    expected = seen[-1] + 1 if seen else 0
    if got[0] != expected:
        faults.append(f"{where}: {side} ids {got} should start at {expected} (monotone, no gaps)")
    if got[-1] >= n:
        faults.append(f"{where}: {side} id out of range (the side has {n} sentences): {got}")
    return faults


def check(stem: Path) -> tuple[list[str], Counter]:
    """Faults of one passage and its link types ('2-1' = two English sentences, one Chinese)."""
    faults: list[str] = []
    sizes: dict[str, int] = {}
    for side in ("en", "zh"):
        lines = read_lines(stem.with_suffix("." + side))
        sizes[side] = len(lines)
        for number, line in enumerate(lines, 1):
            if not line.strip() or line != line.strip():
                faults.append(f"{stem.name}.{side}:{number}: empty or padded sentence line")
    seen: dict[str, list[int]] = {"en": [], "zh": []}
    types: Counter = Counter()
    for number, line in enumerate(read_lines(stem.with_suffix(".align")), 1):
        where = f"{stem.name}.align:{number}"
        match = LINK.match(line.strip())
        if not match:
            faults.append(f"{where}: not [en ids]:[zh ids]: {line!r}")
            continue
        link = {"en": ids(match.group(1)), "zh": ids(match.group(2))}
        if not link["en"] and not link["zh"]:
            faults.append(f"{where}: link empty on both sides")
        for side in ("en", "zh"):
            faults += check_side(where, side, link[side], seen[side], sizes[side])
            seen[side].extend(link[side])
        types[f"{len(link['en'])}-{len(link['zh'])}"] += 1
    for side in ("en", "zh"):
        if sorted(seen[side]) != list(range(sizes[side])):
            missing = sorted(set(range(sizes[side])) - set(seen[side]))
            repeated = sorted(i for i, c in Counter(seen[side]).items() if c > 1)
            faults.append(
                f"{stem.name}: {side} not covered exactly once "
                f"(missing {missing}, repeated {repeated})"
            )
    return faults, types


def main() -> int:
    stems = sorted(p.with_suffix("") for p in HERE.glob("*.align"))
    faults: list[str] = []
    total: Counter = Counter()
    sentences = Counter()
    for stem in stems:
        passage_faults, types = check(stem)
        faults += passage_faults
        total += types
        for side in ("en", "zh"):
            sentences[side] += len(read_lines(stem.with_suffix("." + side)))
    with open(HERE / "sources.tsv", encoding="utf-8", newline="") as handle:
        listed = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    present = {stem.name for stem in stems}
    if listed != present:
        faults.append(f"sources.tsv ids differ from the passages: {sorted(listed ^ present)}")
    links = sum(total.values())
    not_one_one = links - total.get("1-1", 0)
    print(
        f"{len(stems)} passages, {sentences['en']} en / {sentences['zh']} zh sentences, "
        f"{links} links, {not_one_one} not 1-1 ({not_one_one / max(links, 1):.1%})"
    )
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(total.items(), key=lambda kv: -kv[1])))
    for fault in faults:
        print(fault, file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
