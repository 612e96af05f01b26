"""Fit the boundary model's weights on the dev annotations, with document-grouped figures.

Run: python bench/fit_boundary.py [--write]
Every bracket the extractor weighs gives its candidate full forms (each word start in the
window before the bracket) with their features; the gold definition of that bracket marks
the right one. A logistic regression (scikit-learn, `pip install scikit-learn`) learns which
evidence marks a true start. Reported, all strict per gold/README.md:
- 5-fold cross-validation grouped by document over every dev set of bench/gold.py's
  `dev_sets` (seed 000, seed 003, the UNPC devset's 732 documents, the TRAIN sets under
  bench/annotated/): weights fitted on four folds, the fifth extracted with them and scored;
  the five test folds summed, per set and over all;
- the rule walk of the same extractor (no weights) on the same folds, for comparison.
`--write` fits on all dev documents and stores the weights in termkit/data/boundary_weights.json.
`--drop PREFIX` leaves a family of features out (to measure what it is worth). No held-out set
is ever read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace

from _paths import REPO

sys.path.insert(0, str(REPO))

from corpus_names import for_document
from eval_gold import evaluate
from gold import GoldDoc, Score, dev_sets, fold_of, key

from termkit.extract.extractor import boundary_candidates
from termkit.extract.scoring import WEIGHTS, BoundaryModel

FOLDS = 5
# The rule walk alone: the candidate it chose wins.
RULE_WALK = BoundaryModel({"rule-walk": 10.0, "bias": -5.0})
# Probabilities below which a bracket may define nothing, compared on the CV folds (the F1
# best is shipped; 0 keeps every bracket).
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
C = 0.3  # inverse L2 strength, chosen by the CV below among 0.1, 0.3, 1, 3


def labelled(doc: GoldDoc) -> list[tuple[list[dict[str, float]], int]]:
    """(features of each candidate, index of the right one) for every bracket of the document
    that a certain gold definition explains and whose right start is among the candidates;
    each Chinese short form's bracket once more as if it held a Latin acronym."""
    out = []
    names = for_document(doc)
    sets = boundary_candidates(doc.text, names=names) + boundary_candidates(
        doc.text, unanchored=True, names=names
    )
    for cands in sets:
        golds = [
            g
            for g in doc.definitions
            if not g.uncertain and key(g.short) == key(cands.short) and cands.short_line in g.lines
        ]
        if not golds:
            continue
        right = {key(g.full) for g in golds}
        hits = [i for i, (full, _, _) in enumerate(cands.options) if key(full) in right]
        if hits:
            out.append(([f for _, _, f in cands.options], hits[0]))
    return out


def fit(
    examples: list[tuple[list[dict[str, float]], int]], c: float, drop: tuple[str, ...] = ()
) -> BoundaryModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, ys = [], []
    for options, right in examples:
        for i, features in enumerate(options):
            rows.append(
                {
                    k: v
                    for k, v in features.items()
                    if k != "bias" and not k.startswith(drop or ("\0",))
                }
            )
            ys.append(int(i == right))
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000).fit(x, ys)
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0].tolist(), strict=True))
    weights["bias"] = float(model.intercept_[0])
    return BoundaryModel({k: round(v, 4) for k, v in sorted(weights.items())})


def ranking_accuracy(model: BoundaryModel, examples) -> tuple[int, int]:
    right = sum(max(range(len(o)), key=lambda i: model.probability(o[i])) == r for o, r in examples)
    return right, len(examples)


def cross_validate(
    sets: dict[str, list[GoldDoc]],
    examples: dict,
    c: float,
    drop: tuple[str, ...],
    at: float | None = None,
) -> dict[str, dict]:
    """5-fold CV grouped by document over every dev set: each fold's documents extracted with
    weights fitted on the other four; scores summed per set and over all sets."""
    docs = [d for set_docs in sets.values() for d in set_docs]
    fitted = {name: Score() for name in ["all", *sets]}
    walked = {name: Score() for name in ["all", *sets]}
    by_threshold = {t: {name: Score() for name in ["all", *sets]} for t in THRESHOLDS}
    ranked = seen = 0
    for test_fold in range(FOLDS):
        train = [d for d in docs if fold_of(d.group, FOLDS) != test_fold]
        model = fit([e for d in train for e in examples[d.name]], c, drop)
        test = {
            n: [d for d in ds if fold_of(d.group, FOLDS) == test_fold] for n, ds in sets.items()
        }
        r, n = ranking_accuracy(
            model, [e for ds in test.values() for d in ds for e in examples[d.name]]
        )
        ranked, seen = ranked + r, seen + n
        for name, set_docs in test.items():
            s, w = evaluate(set_docs, model=model), evaluate(set_docs, model=RULE_WALK)
            for key_ in ("all", name):
                fitted[key_] += s
                walked[key_] += w
            for t in THRESHOLDS:
                cut = s if t == 0.0 else evaluate(set_docs, model=replace(model, min_probability=t))
                by_threshold[t]["all"] += cut
                by_threshold[t][name] += cut
    out = {}
    for name in fitted:
        s, w = fitted[name], walked[name]
        out[name] = {
            "precision": round(s.precision, 3),
            "recall": round(s.recall, 3),
            "f1": round(s.f1, 3),
            "rule_walk_f1": round(w.f1, 3),
        }
        print(f"  {name:<16} fitted {s.line()}")
        print(f"  {'':<16} walk   {w.line()}")
        print(f"  {'':<16} errors {dict(sorted(s.errors.items()))}")
    out["all"]["ranked_first"] = f"{ranked}/{seen}"
    print(f"  right start ranked first {ranked}/{seen}")
    print("  a bracket defines nothing when its best candidate's probability is below:")
    for t, by_set in by_threshold.items():
        print(f"    {t:.1f}  {by_set['all'].line()}")
    best = max(THRESHOLDS, key=lambda t: (round(by_threshold[t]["all"].f1, 3), -t))
    for t in sorted({best} | ({at} if at in by_threshold else set())):
        print(f"  at {'the chosen ' if t == best else ''}min_probability {t:.1f}, per set:")
        for name, s in by_threshold[t].items():
            print(f"    {name:<16} {s.line()}")
    out["min_probability"] = {
        "chosen": best,
        **{f"{t:.1f}": round(by_set["all"].f1, 3) for t, by_set in by_threshold.items()},
    }
    return out, fitted["all"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the held-out errors")
    parser.add_argument("-C", type=float, default=C, help="inverse L2 strength")
    parser.add_argument(
        "--at",
        type=float,
        help="also print per-set figures at this min_probability (0.2); with --write, ship it",
    )
    parser.add_argument(
        "--drop", action="append", default=[], help="leave out features with this prefix"
    )
    parser.add_argument(
        "--without", action="append", default=[], help="leave this dev set out, unread (seed003)"
    )
    args = parser.parse_args()
    drop = tuple(args.drop)
    sets = dev_sets(tuple(args.without))
    docs = [d for set_docs in sets.values() for d in set_docs]
    examples = {doc.name: labelled(doc) for doc in docs}
    print(f"{sum(len(e) for e in examples.values())} labelled brackets in {len(docs)} documents")
    print(f"{FOLDS}-fold CV grouped by document:")
    results, all_scores = cross_validate(sets, examples, args.C, drop, args.at)
    if args.verbose:
        for example in all_scores.examples:
            print("    " + example)
    if args.write:
        model = fit([e for d in docs for e in examples[d.name]], args.C, drop)
        threshold = results.pop("min_probability")
        data = {
            "about": "Boundary model of termkit extract: logistic regression over the features of "
            "termkit/extract/features.py, fitted by `python bench/fit_boundary.py --write` on "
            "every dev set (all certain definitions): " + ", ".join(sets) + ".",
            "C": args.C,
            "dropped": list(drop),
            "brackets": sum(len(e) for e in examples.values()),
            "held_out_figures": {
                f"{FOLDS}-fold CV by document": results,
                "F1 by min_probability, same folds": threshold,
            },
            "min_probability": threshold["chosen"] if args.at is None else args.at,
            "weights": model.weights,
        }
        WEIGHTS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        top = Counter({k: abs(v) for k, v in model.weights.items()}).most_common(12)
        print("wrote", WEIGHTS.relative_to(REPO), "; largest weights:")
        for name, _ in top:
            print(f"  {name:<28} {model.weights[name]:+.3f}")


if __name__ == "__main__":
    main()
