"""Check the literary held-out set: every sentence covered exactly once, ids in range, links monotone.

Run from anywhere: python bench/heldout/literary/verify.py  (exit 1 and one line per fault if broken).
"""

import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINK = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]$")


def ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def check(stem: Path) -> tuple[list[str], Counter]:
    """Return the faults of one passage and its link types ('2-1' = two English, one Chinese)."""
    faults: list[str] = []
    types: Counter = Counter()
    n_en = len(stem.with_suffix(".en").read_text(encoding="utf-8").splitlines())
    n_zh = len(stem.with_suffix(".zh").read_text(encoding="utf-8").splitlines())
    for side, n in (("en", n_en), ("zh", n_zh)):
        lines = stem.with_suffix("." + side).read_text(encoding="utf-8").splitlines()
        if any(not line.strip() for line in lines):
            faults.append(f"{stem.name}.{side}: empty line")
    seen_en: list[int] = []
    seen_zh: list[int] = []
    for k, line in enumerate(stem.with_suffix(".align").read_text(encoding="utf-8").splitlines(), 1):
        m = LINK.match(line.strip())
        if not m:
            faults.append(f"{stem.name}.align:{k}: not [en ids]:[zh ids]: {line!r}")
            continue
        en, zh = ids(m.group(1)), ids(m.group(2))
        if not en and not zh:
            faults.append(f"{stem.name}.align:{k}: empty link")
        for side, got, seen, n in (("en", en, seen_en, n_en), ("zh", zh, seen_zh, n_zh)):
            if got != list(range(got[0], got[0] + len(got))) if got else False:
                faults.append(f"{stem.name}.align:{k}: {side} ids not consecutive: {got}")
            if got and seen and got[0] != seen[-1] + 1:
                faults.append(f"{stem.name}.align:{k}: {side} ids not monotone/contiguous after {seen[-1]}: {got}")
            if got and not seen and got[0] != 0:
                faults.append(f"{stem.name}.align:{k}: {side} does not start at 0: {got}")
            if any(i >= n for i in got):
                faults.append(f"{stem.name}.align:{k}: {side} id out of range (n={n}): {got}")
            seen.extend(got)
        types[f"{len(en)}-{len(zh)}"] += 1
    for side, seen, n in (("en", seen_en, n_en), ("zh", seen_zh, n_zh)):
        if sorted(seen) != list(range(n)):
            missing = sorted(set(range(n)) - set(seen))
            dup = [i for i, c in Counter(seen).items() if c > 1]
            faults.append(f"{stem.name}: {side} not covered exactly once (missing {missing}, repeated {dup})")
    return faults, types


def main() -> int:
    stems = sorted(p.with_suffix("") for p in HERE.glob("*.align"))
    faults: list[str] = []
    total: Counter = Counter()
    n_en = n_zh = 0
    for stem in stems:
        f, t = check(stem)
        faults += f
        total += t
        n_en += len(stem.with_suffix(".en").read_text(encoding="utf-8").splitlines())
        n_zh += len(stem.with_suffix(".zh").read_text(encoding="utf-8").splitlines())
    with open(HERE / "sources.tsv", encoding="utf-8", newline="") as fh:
        listed = {row["id"] for row in csv.DictReader(fh, delimiter="\t")}
    names = {s.name for s in stems}
    if listed != names:
        faults.append(f"sources.tsv ids differ from passages: {sorted(listed ^ names)}")
    links = sum(total.values())
    one_one = total.get("1-1", 0)
    print(f"{len(stems)} passages, {n_en} en / {n_zh} zh sentences, {links} links, "
          f"{links - one_one} not 1-1 ({(links - one_one) / max(links, 1):.1%})")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(total.items(), key=lambda kv: -kv[1])))
    for fault in faults:
        print(fault, file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
