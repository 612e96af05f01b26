"""Score the aligner on a folder of vecalign-format passages (`NNN.en`, `NNN.zh`, `NNN.align`),
such as the held-out literary set `bench/heldout/literary/` (hand-aligned, never tuned on).

Each passage is aligned on its own, and all passages once more as one text (the way a whole
chapter reaches the aligner: the lexical table then learns from all of it). Strict and lax
F1 as vecalign's `score.py` computes them, pooled over the passages. Run by hand:

    python bench/align_literary.py [--data bench/heldout/literary] [--no-dictionary] ...
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_bible import (
    ROOT,
    Link,
    add_evidence_arguments,
    evidence_options,
    read_gold,
    score,
)

from termkit.align import align_texts

DATA = ROOT / "bench" / "heldout" / "literary"


def passages(folder: Path) -> list[tuple[list[str], list[str], list[Link]]]:
    """(zh lines, en lines, gold links) of every passage, in name order."""
    out = []
    for gold_path in sorted(folder.glob("*.align")):
        zh = gold_path.with_suffix(".zh").read_text(encoding="utf-8").splitlines()
        en = gold_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        out.append((zh, en, read_gold(gold_path)))
    return out


def align(zh: list[str], en: list[str], options: dict) -> list[Link]:
    beads = align_texts("\n".join(zh), "\n".join(en), presplit=True, **options)
    # presplit: sentence k is input line k+1.
    return [(tuple(n - 1 for n in b.en_lines), tuple(n - 1 for n in b.zh_lines)) for b in beads]


def shifted(links: list[Link], en_base: int, zh_base: int) -> list[Link]:
    return [(tuple(i + en_base for i in s), tuple(j + zh_base for j in t)) for s, t in links]


def report(label: str, gold: list[Link], test: list[Link], cpu: float) -> None:
    res = score(gold, test)
    print(
        f"{label:<22} strict P {res['precision_strict']:.4f} R {res['recall_strict']:.4f} "
        f"F1 {res['f1_strict']:.4f} | lax F1 {res['f1_lax']:.4f} | CPU {cpu:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    add_evidence_arguments(parser)
    args = parser.parse_args()
    options = evidence_options(args)
    texts = passages(args.data)
    if not texts:
        print(f"align_literary: no *.align passages in {args.data}", file=sys.stderr)
        return 2
    gold_all: list[Link] = []
    each: list[Link] = []
    zh_all: list[str] = []
    en_all: list[str] = []
    cpu = time.process_time()
    for zh, en, gold in texts:
        each += shifted(align(zh, en, options), len(en_all), len(zh_all))
        gold_all += shifted(gold, len(en_all), len(zh_all))
        zh_all += zh
        en_all += en
    cpu_each = time.process_time() - cpu
    cpu = time.process_time()
    joined = align(zh_all, en_all, options)
    cpu_joined = time.process_time() - cpu
    shapes = sum(1 for s, t in gold_all if (len(s), len(t)) != (1, 1))
    print(
        f"{args.data}: {len(texts)} passages, {len(zh_all)} zh x {len(en_all)} en sentences, "
        f"{len(gold_all)} gold links ({shapes} not 1-1); load {os.getloadavg()[0]:.1f}"
    )
    report("each passage alone", gold_all, each, cpu_each)
    report("all as one text", gold_all, joined, cpu_joined)
    return 0


if __name__ == "__main__":
    sys.exit(main())
