"""Benchmark the aligner on UN documents rebuilt from the UNPC v1.0 development set.

The devset's 4,000 line pairs come from 732 UN documents; regrouped by document symbol and
ordered by their zh / en paragraph:sentence positions they give small document pairs with a
known 1-1 gold. Perturbed versions test the hard cases: two English lines merged into one, a
line dropped on one side, a header inserted on one side (one change per document). Each
document pair is aligned on its own ("per-doc", 1-12 lines: lengths alone must decide), and
all 732 as one long pair ("all-in-one", ~4,000 lines: the learnt lexicon helps). Link precision
/ recall / F1 are computed on input lines as vecalign's score.py does (strict = exact link;
lax = overlapping).
Run by hand:

    python bench/align_unpc.py [--mode presplit|split|both] [--data ../shared/data/unpc-v1.0-devset]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from align_bible import Link, add_evidence_arguments, evidence_options, score  # noqa: E402

from termkit.align import align_texts  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "unpc-v1.0-devset"
HEADERS = (("联合国", ""), ("", "United Nations"), ("大会", ""), ("", "Distr.: General"))


def _position(field: str) -> tuple[int, int]:
    _, p, s = field.split(":")
    return int(p), int(s)


def load_documents(data: Path) -> list[tuple[str, list[str], list[str]]]:
    """(symbol, zh lines, en lines) per document, each side in its own document order; the
    gold pairs zh line k with the en line that was its devset partner."""
    zh = (data / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (data / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = (data / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    groups: dict[str, list[int]] = defaultdict(list)
    for k, line in enumerate(ids):
        groups[line.split()[0]].append(k)
    docs = []
    for symbol, members in groups.items():
        fields = {k: dict(f.split(":", 1) for f in ids[k].split()[1:]) for k in members}
        order = sorted(members, key=lambda k: _position("zh:" + fields[k]["zh"]))
        docs.append((symbol, [zh[k] for k in order], [en[k] for k in order]))
    return docs


def perturb(zh: list[str], en: list[str], kind: str, rng: random.Random):
    """A perturbed copy of a document pair and its gold links (0-based line indices)."""
    zh, en = list(zh), list(en)
    n = len(zh)
    gold: list[Link] = [((k,), (k,)) for k in range(n)]
    if kind == "merge" and n >= 2:
        k = rng.randrange(n - 1)
        en[k : k + 2] = [en[k] + " " + en[k + 1]]
        gold = [((i,), (i,)) for i in range(k)] + [((k,), (k, k + 1))]
        gold += [((i - 1,), (i,)) for i in range(k + 2, n)]
    elif kind == "drop" and n >= 2:
        k = rng.randrange(n)
        if rng.random() < 0.5:
            del zh[k]
            gold = [((i,), (i if i < k else i - 1,)) for i in range(n) if i != k]
            gold.append(((k,), ()))
        else:
            del en[k]
            gold = [((i if i < k else i - 1,), (i,)) for i in range(n) if i != k]
            gold.append(((), (k,)))
    elif kind == "header":
        head_zh, head_en = HEADERS[rng.randrange(len(HEADERS))]
        if head_zh:
            zh.insert(0, head_zh)
            gold = [((i,), (i + 1,)) for i in range(n)] + [((), (0,))]
        else:
            en.insert(0, head_en)
            gold = [((i + 1,), (i,)) for i in range(n)] + [((0,), ())]
    return zh, en, gold


def to_links(beads) -> list[Link]:
    """Beads as line links (en first, 0-based), merging beads that share an input line."""
    links: list[tuple[set[int], set[int]]] = []
    for bead in beads:
        en = {n - 1 for n in bead.en_lines}
        zh = {n - 1 for n in bead.zh_lines}
        if links and (links[-1][0] & en or links[-1][1] & zh):
            links[-1][0].update(en)
            links[-1][1].update(zh)
        else:
            links.append((en, zh))
    return [(tuple(sorted(e)), tuple(sorted(z))) for e, z in links]


def evaluate(
    docs, kind: str, presplit: bool, concatenate: bool = False, seed: int = 13, **evidence
):
    """Perturb every document, align each pair (or all of them as one long pair), and score
    the line links of the whole corpus."""
    rng = random.Random(seed)
    gold_all: list[Link] = []
    zh_all: list[str] = []
    en_all: list[str] = []
    bounds = []
    for _, zh, en in docs:
        zh2, en2, gold = perturb(zh, en, kind, rng)
        if not zh2 or not en2:
            continue
        # Number the lines corpus-wide so that links of different documents stay apart.
        gold_all.extend(
            (tuple(i + len(en_all) for i in e), tuple(j + len(zh_all) for j in z)) for e, z in gold
        )
        bounds.append((len(zh_all), len(en_all)))
        zh_all.extend(zh2)
        en_all.extend(en2)
    bounds.append((len(zh_all), len(en_all)))
    start = time.perf_counter()
    test_all: list[Link] = []
    pieces = [bounds[0], bounds[-1]] if concatenate else bounds
    for (z0, e0), (z1, e1) in itertools.pairwise(pieces):
        beads = align_texts(
            "\n".join(zh_all[z0:z1]), "\n".join(en_all[e0:e1]), presplit=presplit, **evidence
        )
        test_all.extend(
            (tuple(i + e0 for i in e), tuple(j + z0 for j in z)) for e, z in to_links(beads)
        )
    return score(gold_all, test_all), time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--mode", choices=("presplit", "split", "both"), default="both")
    parser.add_argument("--units", choices=("per-doc", "all-in-one", "both"), default="both")
    add_evidence_arguments(parser)
    args = parser.parse_args()
    evidence = evidence_options(args)
    docs = load_documents(args.data)
    modes = {"presplit": [True], "split": [False], "both": [True, False]}[args.mode]
    print(f"UNPC devset: {len(docs)} documents, {sum(len(z) for _, z, _ in docs)} line pairs")
    print(f"{'input':<9} {'unit':<11} {'case':<7} {'P strict':>8} {'R strict':>8} "
          f"{'F1 strict':>9} {'F1 lax':>7} {'time':>7}")  # fmt: skip
    for presplit in modes:
        mode = "presplit" if presplit else "split"
        units = {"per-doc": [False], "all-in-one": [True], "both": [False, True]}[args.units]
        for concatenate in units:
            unit = "all-in-one" if concatenate else "per-doc"
            for kind in ("clean", "merge", "drop", "header"):
                res, elapsed = evaluate(docs, kind, presplit, concatenate, **evidence)
                print(
                    f"{mode:<9} {unit:<11} {kind:<7} {res['precision_strict']:8.4f} "
                    f"{res['recall_strict']:8.4f} {res['f1_strict']:9.4f} {res['f1_lax']:7.4f} "
                    f"{elapsed:6.2f}s"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
