"""Where the aligner's strict F1 on the Bible goes, and how much of it local evidence can win.

The Bible gold keeps every verse as one link; a verse of two English sentences and two Chinese
ones is a 2-2 link even where each sentence translates one sentence, and the aligner's 1-1 +
1-1 beads there are right sentence by sentence and wrong by the gold. This prints:

- the non-gold beads by kind: *finer* (inside one gold link, by the gold link's shape and how
  it was split) and *crossing* (over a gold boundary);
- two upper bounds: strict F1 with every crossing region replaced by its gold links, and with
  every finer split merged into its gold link instead;
- how predictable the gold's merges are: every pair of adjacent 1-1 beads is a candidate,
  labelled by whether the gold keeps it as one link; a logistic model on local evidence (the
  four sentences' lengths, whether the first sentence on either side is a question, the other
  punctuation that ends it) is fitted on one half of the Bible and applied to the other, both
  ways, and the pairs it gives more than even odds are merged: the strict F1 of the merged
  output is a cross-validated figure of what such a rule buys.

Run by hand (scikit-learn, the `bench` extra):

    python bench/align_errors.py [--limit N] [--data ../shared/data/bertalign-bible-zh-en]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from align_bible import (  # noqa: E402
    DATA,
    Link,
    add_evidence_arguments,
    evidence_options,
    load_bible,
    non_gold,
    score,
)

from termkit.align import align_texts  # noqa: E402


def _link_of(gold: list[Link]) -> dict[tuple[str, int], Link]:
    return {("en", i): g for g in gold for i in g[0]} | {("zh", j): g for g in gold for j in g[1]}


def crossing_fixed(gold: list[Link], test: list[Link]) -> list[Link]:
    """`test` with every gold link a crossing bead touches put back, and the beads that
    touch those links removed (an upper bound of fixing every crossing)."""
    link_of = _link_of(gold)
    _, crossing = non_gold(gold, test)
    bad = {link_of[k] for s, t in crossing for k in _keys(s, t) if k in link_of}
    kept = [(s, t) for s, t in test if not {link_of.get(k) for k in _keys(s, t)} & bad]
    return kept + sorted(bad)


def finer_merged(gold: list[Link], test: list[Link]) -> list[Link]:
    """`test` with the beads of every finer split merged into their gold link."""
    finer, _ = non_gold(gold, test)
    split = {b for beads in finer.values() for b in beads}
    return [b for b in test if b not in split] + sorted(finer)


def _keys(s, t):
    return [("en", i) for i in s] + [("zh", j) for j in t]


def candidate_pairs(test: list[Link]) -> list[int]:
    """Indices k of adjacent 1-1 beads test[k], test[k + 1]."""
    one = [len(s) == 1 and len(t) == 1 for s, t in test]
    return [k for k in range(len(test) - 1) if one[k] and one[k + 1]]


def features(test: list[Link], k: int, en: list[str], zh: list[str]) -> list[float]:
    """Local evidence of merging test[k] and test[k + 1] (both 1-1)."""
    (e1,), (z1,) = test[k]
    (e2,), (z2,) = test[k + 1]
    first_en, first_zh = en[e1].rstrip(), zh[z1].rstrip()
    return [
        math.log(len(en[e1]) + 1),
        math.log(len(en[e2]) + 1),
        math.log(len(zh[z1]) + 1),
        math.log(len(zh[z2]) + 1),
        float(first_en.endswith("?")),
        float(first_zh.endswith("？")),
        float(first_en[-1:] in ",;:"),
        float(first_zh[-1:] in "，；："),
    ]


def merge(test: list[Link], chosen: set[int]) -> list[Link]:
    """Beads with test[k] and test[k + 1] joined for every k chosen (runs join together)."""
    out: list[Link] = []
    for k, (s, t) in enumerate(test):
        if k - 1 in chosen:
            ps, pt = out[-1]
            out[-1] = (tuple(sorted(ps + s)), tuple(sorted(pt + t)))
        else:
            out.append((s, t))
    return out


def cross_validated_merges(gold, test, en, zh) -> tuple[set[int], list[float]]:
    """Pairs merged by a logistic model fitted on the other half of the candidates, and the
    AUC of each half's held-out predictions."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    link_of = _link_of(gold)
    pairs = candidate_pairs(test)
    x = [features(test, k, en, zh) for k in pairs]
    y = [
        link_of.get(("en", test[k][0][0])) == link_of.get(("en", test[k + 1][0][0]))
        and link_of.get(("zh", test[k][1][0])) == link_of.get(("zh", test[k + 1][1][0]))
        for k in pairs
    ]
    cut = len(pairs) // 2
    chosen: set[int] = set()
    aucs = []
    for fit, held in ((slice(0, cut), slice(cut, None)), (slice(cut, None), slice(0, cut))):
        model = LogisticRegression(max_iter=5000).fit(x[fit], y[fit])
        p = model.predict_proba(x[held])[:, 1]
        aucs.append(float(roc_auc_score(y[held], p)))
        chosen |= {k for k, q in zip(pairs[held], p, strict=True) if q > 0.5}
    return chosen, aucs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="first N gold links only")
    add_evidence_arguments(parser)
    args = parser.parse_args()
    zh, en, gold = load_bible(args.data, args.limit)
    beads = align_texts("\n".join(zh), "\n".join(en), presplit=True, **evidence_options(args))
    test = [(tuple(n - 1 for n in b.en_lines), tuple(n - 1 for n in b.zh_lines)) for b in beads]
    finer, crossing = non_gold(gold, test)
    shapes = Counter(
        ((len(g[0]), len(g[1])), tuple((len(s), len(t)) for s, t in sorted(bs)))
        for g, bs in finer.items()
    )
    print(f"strict F1 {score(gold, test)['f1_strict']:.4f}")
    print(f"non-gold beads: {sum(len(b) for b in finer.values())} finer, {len(crossing)} crossing")
    print("finer splits (gold en-zh shape: beads en-zh), most common:")
    for (shape, split), n in shapes.most_common(6):
        print(f"  {n:4d}  {shape[0]}-{shape[1]}: {' + '.join(f'{a}-{b}' for a, b in split)}")
    fixed = score(gold, crossing_fixed(gold, test))["f1_strict"]
    merged_all = score(gold, finer_merged(gold, test))["f1_strict"]
    print(
        f"upper bounds: every crossing region fixed {fixed:.4f}, every finer split merged "
        f"{merged_all:.4f}"
    )
    chosen, aucs = cross_validated_merges(gold, test, en, zh)
    merged = score(gold, merge(test, chosen))["f1_strict"]
    gold_set, before = set(gold), set(test)
    right = sum(b in gold_set and b not in before for b in merge(test, chosen))
    print(
        f"adjacent 1-1 pairs merged by local evidence (2-fold CV, AUC {aucs[0]:.3f} / "
        f"{aucs[1]:.3f}): {len(chosen)} pairs merged, {right} gold links made; "
        f"strict F1 {merged:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
