"""`termkit check` on the held-out annotation of seed 003: how many of its concepts written
inconsistently (`variants`) a finding points at. Report only: never tune on this file.

Run: python bench/check_heldout.py
Same matching as bench/check_gold.py (a finding on one of the variant's lines, ±2, whose text
overlaps the variant's); uncertain entries are listed but not counted.
"""

from __future__ import annotations

import json

from _paths import REPO
from check_gold import score, seed_findings


def main() -> None:
    gold = json.loads((REPO / "bench" / "heldout" / "seed003.json").read_text(encoding="utf-8"))
    caught, counted = score(gold, seed_findings())
    print(f"held-out seed 003 variants caught: {caught} of {counted} certain entries")


if __name__ == "__main__":
    main()
