"""Precision and recall of `termkit extract` against the hand-made gold of seed 000.

Run: python bench/eval_gold.py [--verbose]
Definitions and English equivalents are compared as (full, short) after width normalization
with title marks stripped; gold entries marked uncertain count neither as hits nor as misses.
"""

from __future__ import annotations

import argparse
import json
import sys

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.extract import extract_file
from termkit.text.normalize import normalize, strip_title_marks


def _key(full: str, short: str) -> tuple[str, str]:
    return normalize(strip_title_marks(full)), normalize(strip_title_marks(short))


def evaluate(verbose: bool = False) -> dict[str, float]:
    gold = json.loads((SHARED / "gold" / "seed000.json").read_text(encoding="utf-8"))
    certain, uncertain = set(), set()
    for entry in gold["definitions"]:
        (uncertain if entry.get("uncertain") else certain).add(_key(entry["full"], entry["abbr"]))
    for entry in gold["english_equivalents"]:
        (uncertain if entry.get("uncertain") else certain).add(_key(entry["zh"], entry["en"]))
    uncertain_shorts = {s for _, s in uncertain}
    result = extract_file(REPO / "seeds" / gold["document"])
    found = {_key(d.full, d.short) for d in result.definitions}
    scored = {f for f in found if f not in uncertain and f[1] not in uncertain_shorts}
    hits = scored & certain
    precision = len(hits) / len(scored) if scored else 0.0
    recall = len(hits) / len(certain) if certain else 0.0
    if verbose:
        for f in sorted(scored - certain):
            print("false positive:", f)
        for f in sorted(certain - found):
            print("missed:", f)
    return {"precision": precision, "recall": recall, "found": len(scored), "gold": len(certain)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    figures = evaluate(parser.parse_args().verbose)
    print(
        f"seed000 definitions: precision {figures['precision']:.3f} recall {figures['recall']:.3f} "
        f"({figures['found']} scored found, {figures['gold']} gold)"
    )


if __name__ == "__main__":
    main()
