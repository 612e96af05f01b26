"""Fit the boundary model's weights on the dev annotations, with set- and document-grouped figures.

Run: python bench/fit_boundary.py [--write] [--split set|document|both] [-C 0.3|nested]
Every bracket the extractor weighs gives its candidate full forms (each word start in the
window before the bracket) with their features; the gold definition of that bracket marks
the right one. A logistic regression (scikit-learn, `pip install scikit-learn`) learns which
evidence marks a true start. Reported, all strict per gold/README.md:
- leave one set out over the dev sets of bench/gold.py's `dev_sets` (seed 000, the UNPC
  devset's 732 documents, each TRAIN set under bench/annotated/): weights fitted on every
  other set, the set left out extracted with them and scored; per set and pooled, the Chinese
  (zh) and the Latin (en) short forms also apart (`--score SET` leaves out only the sets
  named). A set is another site, year or script, as unseen text is, so this is the honest
  figure to judge a change by; documents of one set share layout and names, which 5-fold CV
  by document lets a fold learn from its neighbours;
- 5-fold cross-validation grouped by document over every dev set: weights fitted on four
  folds, the fifth extracted with them and scored; the five test folds summed;
- the rule walk of the same extractor (no weights) on the same splits, for comparison.
Neither split sees rules or code written after reading a set's errors: only the weights are
fitted without the documents scored.
`-C nested` chooses the L2 strength inside each split, on its training sets alone (leave one
of them out, the right start ranked first). `--write` fits on all dev documents and stores the
weights in termkit/data/boundary_weights.json. `--drop PREFIX` leaves a family of features out
(to measure what it is worth). No held-out set is ever read here.
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
from eval_gold import evaluate, evaluate_kinds
from gold import GoldDoc, Score, dev_sets, fold_of, key

from termkit.extract.extractor import boundary_candidates
from termkit.extract.scoring import WEIGHTS, BoundaryModel

FOLDS = 5
# The rule walk alone: the candidate it chose wins.
RULE_WALK = BoundaryModel({"rule-walk": 10.0, "bias": -5.0})
# Probabilities below which a bracket may define nothing, compared on the CV folds (the F1
# best is shipped; 0 keeps every bracket).
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
C = 0.3  # inverse L2 strength, chosen by the CV below among GRID
GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


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


# One split: the documents fitted on, and the documents scored by set.
Split = tuple[list[GoldDoc], dict[str, list[GoldDoc]]]


def document_folds(sets: dict[str, list[GoldDoc]]) -> list[Split]:
    """5 folds grouped by document over every set: fit on four, score the fifth."""
    docs = [d for set_docs in sets.values() for d in set_docs]
    return [
        (
            [d for d in docs if fold_of(d.group, FOLDS) != fold],
            {n: [d for d in ds if fold_of(d.group, FOLDS) == fold] for n, ds in sets.items()},
        )
        for fold in range(FOLDS)
    ]


def set_folds(sets: dict[str, list[GoldDoc]], scored: list[str]) -> list[Split]:
    """Leave one set out: fit on every other set, score the set left out. A set is other
    years, committees, sites or scripts than the rest, as unseen text is; documents of one set
    share what CV by document lets a fold learn from its neighbours."""
    return [
        ([d for other, ds in sets.items() if other != name for d in ds], {name: sets[name]})
        for name in scored
    ]


def choose_c(
    docs: list[GoldDoc], set_of: dict[str, str], examples: dict, drop: tuple[str, ...]
) -> float:
    """Nested selection of the L2 strength on the training documents alone: the C of GRID
    whose weights rank the right start first most often when each of their sets is left out
    in turn (the stronger regularization on a tie). Ranking needs no extraction, so it is
    cheap enough to run inside every split."""
    by_set: dict[str, list[GoldDoc]] = {}
    for d in docs:
        by_set.setdefault(set_of[d.name], []).append(d)
    best = {}
    for c in GRID:
        right = 0
        for name, left_out in by_set.items():
            train = [
                e
                for other, ds in by_set.items()
                if other != name
                for d in ds
                for e in examples[d.name]
            ]
            right += ranking_accuracy(
                fit(train, c, drop), [e for d in left_out for e in examples[d.name]]
            )[0]
        best[c] = right
    return max(GRID, key=lambda c: (best[c], -c))


def cross_validate(
    sets: dict[str, list[GoldDoc]],
    examples: dict,
    splits: list[Split],
    c: float | None,
    drop: tuple[str, ...],
    at: float | None = None,
) -> tuple[dict[str, dict], Score]:
    """Each split's scored documents extracted with weights fitted on its training
    documents (C chosen on them by `choose_c` when `c` is None); scores summed per set and
    over all scored sets."""
    scored = [n for n in sets if any(n in test for _, test in splits)]
    set_of = {d.name: name for name, ds in sets.items() for d in ds}
    fitted = {name: Score() for name in ["all", *scored]}
    walked = {name: Score() for name in ["all", *scored]}
    by_threshold = {t: {name: Score() for name in ["all", *scored]} for t in THRESHOLDS}
    # The same per kind of short form (Chinese "zh", Latin "en"), each threshold.
    by_kind = {
        t: {k: {name: Score() for name in ["all", *scored]} for k in ("zh", "en")}
        for t in THRESHOLDS
    }
    ranked = seen = 0
    for train, test in splits:
        strength = choose_c(train, set_of, examples, drop) if c is None else c
        model = fit([e for d in train for e in examples[d.name]], strength, drop)
        if c is None:
            print(
                f"  fitted without {'/'.join(test) if len(test) == 1 else 'a fold'}: C {strength}"
            )
        r, n = ranking_accuracy(
            model, [e for ds in test.values() for d in ds for e in examples[d.name]]
        )
        ranked, seen = ranked + r, seen + n
        for name, set_docs in test.items():
            at_zero = evaluate_kinds(set_docs, model=model)
            s, w = at_zero[""], evaluate(set_docs, model=RULE_WALK)
            for key_ in ("all", name):
                fitted[key_] += s
                walked[key_] += w
            for t in THRESHOLDS:
                cuts = (
                    at_zero
                    if t == 0.0
                    else evaluate_kinds(set_docs, model=replace(model, min_probability=t))
                )
                for key_ in ("all", name):
                    by_threshold[t][key_] += cuts[""]
                    for k in ("zh", "en"):
                        by_kind[t][k][key_] += cuts[k]
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
            for k in ("zh", "en"):
                print(f"      {k + ' short forms':<14} {by_kind[t][k][name].line()}")
    out["min_probability"] = {
        "chosen": best,
        **{f"{t:.1f}": round(by_set["all"].f1, 3) for t, by_set in by_threshold.items()},
    }
    return out, by_threshold[at if at in by_threshold else best]["all"]


def strength(value: str) -> float | None:
    """-C: a number, or `nested` (chosen inside each split by `choose_c`)."""
    return None if value == "nested" else float(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the held-out errors")
    parser.add_argument(
        "-C", type=strength, default=C, help="inverse L2 strength, or `nested` (chosen per split)"
    )
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
    parser.add_argument(
        "--split",
        choices=("set", "document", "both"),
        default="both",
        help="leave one set out, 5-fold CV by document, or both (the default)",
    )
    parser.add_argument(
        "--score",
        action="append",
        default=[],
        help="leave out and score only this set (repeatable; default every set)",
    )
    args = parser.parse_args()
    drop = tuple(args.drop)
    sets = dev_sets(tuple(args.without))
    unknown = [n for n in args.score if n not in sets]
    if unknown:
        parser.error(f"no dev set {unknown[0]!r}; the sets are {', '.join(sets)}")
    docs = [d for set_docs in sets.values() for d in set_docs]
    examples = {doc.name: labelled(doc) for doc in docs}
    print(f"{sum(len(e) for e in examples.values())} labelled brackets in {len(docs)} documents")
    results: dict[str, dict] = {}
    if args.split in ("set", "both"):
        print("Leave one set out (fitted on every other set):")
        results["leave one set out"], listed = cross_validate(
            sets, examples, set_folds(sets, args.score or list(sets)), args.C, drop, args.at
        )
    if args.split in ("document", "both"):
        print(f"{FOLDS}-fold CV grouped by document:")
        results[f"{FOLDS}-fold CV by document"], listed = cross_validate(
            sets, examples, document_folds(sets), args.C, drop, args.at
        )
    if args.verbose:
        for example in listed.examples:
            print("    " + example)
    if args.write:
        set_of = {d.name: name for name, ds in sets.items() for d in ds}
        c = choose_c(docs, set_of, examples, drop) if args.C is None else args.C
        model = fit([e for d in docs for e in examples[d.name]], c, drop)
        figures = {}
        for split, result in results.items():
            threshold = result.pop("min_probability")
            figures[split] = result
            figures[f"F1 by min_probability, {split}"] = threshold
        data = {
            "about": "Boundary model of termkit extract: logistic regression over the features of "
            "termkit/extract/features.py, fitted by `python bench/fit_boundary.py --write` on "
            "every dev set (all certain definitions): " + ", ".join(sets) + ".",
            "C": c,
            "dropped": list(drop),
            "brackets": sum(len(e) for e in examples.values()),
            "held_out_figures": figures,
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
