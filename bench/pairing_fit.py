"""Fit the confidence of running-text term pairs (termkit/data/pairing_weights.json).

Run: python bench/pairing_fit.py [--write] [--misses] [--folds 5]
Every (Chinese string, acronym) candidate of the UNPC devset's beads is labelled by the gold
(`bilingual_pairs` and `bilingual_pairs_extra` right, uncertain ones left out, all others
wrong, full-form pairs too); a conditional logit (per-acronym softmax) ranking the strings of
each acronym and a logistic regression are fitted on its evidence (termkit.align.evidence),
and a second logistic regression on the mutual-best pairs; pairs are scored as by
bench/pairing_unpc.py (full-form pairs the gold's notes leave out count neither way). Two-fold
cross-validation over documents (even / odd documents in order of first line, as in
bench/pairing_unpc.py): each half is scored with the model and threshold fitted on the other.
The threshold is the lowest probability from which the running-text pairs of each part of the
fitting data (those no bracket pair gives) stay `TARGET_PRECISION` precise at every higher
threshold;
`threshold_known` the same when only known forms are candidates (what `build --parallel`
pairs). Fitted on several folds, it is read on
each fold's pairs scored by the stages fitted on the other folds (inner cross-validation): read
in-sample, where the stages are more confident than on other documents, it let the held-out
folds fall short of the precision. With --write, the model fitted on all documents is stored
with the cross-validated figures, its thresholds read on the K held-out folds' scores when
--folds K is given (in-sample otherwise). Each held-out half also gets its ranking
ceiling (the most recall at `TARGET_PRECISION` with the threshold read on that half itself: how
far the evidence goes, not a held-out figure) and, with --misses, why each certain gold pair was
missed and which pairs are wrong. With --folds K, a pooled K-fold cross-validation by document
as well (more held-out pairs than a half, so steadier figures; each fold's candidates are counted
over its own documents, a fifth of the corpus for K=5).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict

import numpy as np
from _paths import REPO
from pairing_unpc import fold, gold_sets, load_devset, score, sum_tables

sys.path.insert(0, str(REPO))

from termkit.align.evidence import FEATURES, PAIR_FEATURES, chosen_pairs, decide, with_corpus
from termkit.align.pairing import decided

# The aim: recall ≥ 0.6 at precision ≥ 0.9.
TARGET_PRECISION = 0.9
# A pair is confident (enters the termbase without `admitted`) from this probability up.
CONFIDENT = 0.9
# Inverse ridge penalty of the logistic regression: of 0.1, 0.3, 1 and 3, the best two-fold CV.
PENALTY_C = 0.1


def half(data, documents, corpus=None, counted=True):
    """Candidates, labels and what scoring needs, for some documents, each document's
    candidates apart (`groups`), as the build decides them: their co-occurrence over the
    `corpus` count table too when given, which counts these documents unless `counted` is
    false (then each document's own table is added to it)."""
    parts = [data.parts[d] for d in documents]
    groups = [
        list(p.candidates)
        if corpus is None
        else with_corpus(p.candidates, corpus, None if counted else p.table)
        for p in parts
    ]
    lines = {i for d in documents for i in data.by_document[d]}
    gold = gold_sets(lines)
    # Labels are strict: a full-form pair the gold leaves out is no short form to learn.
    _, acceptable, uncertain = gold_sets(lines, strict=True)
    label = {}
    for c in (c for g in groups for c in g):
        key = (fold(c.zh), fold(c.en))
        label[(c.zh, c.en)] = None if key in uncertain else key in acceptable
    brackets = {(fold(p.zh_short), fold(p.en_acronym)) for part in parts for p in part.bracket}
    found = [c for g in groups for c in g]
    labels = [label[(c.zh, c.en)] for c in found]
    return {
        "groups": groups,
        "found": found,
        "labels": labels,
        "label": label,
        "gold": gold,
        "brackets": brackets,
        "parts": parts,
        "corpus": corpus,
        "counted": counted,
    }


def decide_all(part, model):
    """`decide` of each document's candidates, as the build decides each twin."""
    return [d for g in part["groups"] for d in decide(g, model)]


def logistic(rows, labels, names) -> dict:
    """A logistic regression on standardized features, stored on the raw scale."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r[f] for f in names] for r in rows], dtype=float)
    y = np.array(labels, dtype=int)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=PENALTY_C, max_iter=2000).fit((x - mean) / scale, y)
    weights = lr.coef_[0] / scale
    return {
        "intercept": round(float(lr.intercept_[0] - (weights * mean).sum()), 6),
        "weights": {f: round(float(w), 6) for f, w in zip(names, weights, strict=True)},
    }


def conditional_logit(parts, names) -> dict[str, float]:
    """Weights of a per-acronym softmax over its candidate strings (McFadden's conditional
    logit), fitted on the acronyms of each part with a right string among several: the
    likelihood of the right strings against the others of the same acronym, ridge-penalized
    like `logistic`, on standardized features and stored on the raw scale."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    found = [c for part in parts for c in part["found"]]
    labels = [y for part in parts for y in part["labels"]]
    groups = defaultdict(list)
    i = 0
    for k, part in enumerate(parts):
        labels_of = iter(part["labels"])
        for d, group in enumerate(part["groups"]):
            for c in group:
                if next(labels_of) is not None:
                    groups[(k, d, c.en)].append(i)
                i += 1
    groups = [g for g in groups.values() if len(g) > 1 and any(labels[i] for i in g)]
    x = np.array([[c.features[f] for f in names] for c in found], dtype=float)
    used = sorted({i for g in groups for i in g})
    mean, scale = x[used].mean(axis=0), x[used].std(axis=0)
    scale[scale == 0] = 1.0
    x = (x - mean) / scale
    rows = [(x[g], np.array([bool(labels[i]) for i in g])) for g in groups]

    def loss(w):
        total, gradient = w @ w / (2 * PENALTY_C), w / PENALTY_C
        for xg, right in rows:
            z = xg @ w
            p_all = np.exp(z - logsumexp(z))
            p_right = np.exp(z[right] - logsumexp(z[right]))
            total += logsumexp(z) - logsumexp(z[right])
            gradient += p_all @ xg - p_right @ xg[right]
        return total, gradient

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x / scale
    return {f: round(float(v), 6) for f, v in zip(names, w, strict=True)}


def labelled(rows, labels):
    keep = [i for i, y in enumerate(labels) if y is not None]
    return [rows[i] for i in keep], [labels[i] for i in keep]


def fit(parts) -> dict:
    """The stages fitted on `parts` pooled, and the thresholds: with two parts or more, read on
    each part's pairs scored by the stages fitted on the other parts (inner cross-validation),
    since the stages are more confident on their own fitting data than on other documents
    (held-out precision fell short of `TARGET_PRECISION` with thresholds read in-sample); with
    one part, read on that part itself."""
    model = stages(parts)
    if len(parts) > 1:
        scored = [(part, stages(parts[:j] + parts[j + 1 :])) for j, part in enumerate(parts)]
    else:
        scored = [(parts[0], model)]
    model["threshold"] = pooled_threshold(scored)
    model["threshold_known"] = pooled_threshold([(known_only(p), m) for p, m in scored])
    model["confident"] = CONFIDENT
    return model


def stages(parts) -> dict:
    """First stage on every candidate, second on the pairs the first stage chooses, each
    part's candidates (counted over its own documents) pooled."""
    rows, labels = labelled(
        [c.features for part in parts for c in part["found"]],
        [y for part in parts for y in part["labels"]],
    )
    model = {"candidate": logistic(rows, labels, FEATURES)}
    model["rank"] = conditional_logit(parts, FEATURES)
    chosen = [
        (f, part["label"][(c.zh, c.en)])
        for part in parts
        for group in part["groups"]
        for c, f in chosen_pairs(group, model)
    ]
    rows, labels = labelled([f for f, _ in chosen], [y for _, y in chosen])
    model["pair"] = logistic(rows, labels, PAIR_FEATURES)
    return model


def known_only(part):
    """The part with only the known forms as candidates (what `build --parallel` paired
    before it judged by the corpus's table)."""
    groups = [[c for c in g if c.features["known"]] for g in part["groups"]]
    return {**part, "groups": groups, "found": [c for g in groups for c in g]}


def evaluate(part, model, at: float, decided=None):
    """(precision, recall, pairs, hits, certain) of bracket + running-text pairs from `at` up;
    `decided` is `decide(part["found"], model)` when the caller has it already."""
    decided = decide_all(part, model) if decided is None else decided
    found = part["brackets"] | {(fold(c.zh), fold(c.en)) for c, p in decided if p >= at}
    return score(found, *part["gold"])


def pooled_threshold(scored) -> float:
    """The lowest probability from which up the pairs of every one of the (part, model) pairs
    `scored` (each part decided by its model) stay `TARGET_PRECISION` precise, at every higher
    threshold too. A held-out fold is one more such part, so each part must reach the target,
    not their pool: thresholds read on the pooled parts (the lowest point touching the target,
    or the lowest from which the pool stays there) left folds of the 5-fold CV at .35, and the
    held-out folds pooled at P .889; precision is not monotone in the threshold, hence "every
    higher threshold"."""
    decided = [(part, model, decide_all(part, model)) for part, model in scored]
    best = 1.0
    for at in sorted({round(p, 3) for _, _, d in decided for _, p in d}, reverse=True):
        figures = [running(part, at, d) for part, model, d in decided]
        if any(n and precision < TARGET_PRECISION for precision, _, n, _, _ in figures):
            break
        best = at
    return best


def running(part, at: float, decided):
    """The figures of the running-text pairs from `at` up that no bracket pair gives: what
    the threshold decides. The bracket pairs of a part may fall short of the target on
    their own (one wrong in a fold's six, each twin paired apart), and would then hold the
    threshold at 1 whatever the running-text pairs' precision."""
    found = {(fold(c.zh), fold(c.en)) for c, p in decided if p >= at} - part["brackets"]
    return score(found, *part["gold"])


def pooled(figures) -> tuple[float, float, int, int, int]:
    """Figures of several parts added up: right and counted pairs, hits and certain pairs."""
    right = counted = hits = certain = 0
    for precision, _, n, h, total in figures:
        right, counted = right + round(precision * n), counted + n
        hits, certain = hits + h, certain + total
    return (
        right / counted if counted else 0.0,
        hits / certain if certain else 0.0,
        counted,
        hits,
        certain,
    )


def ceiling(part, model) -> tuple[float, float]:
    """(recall, threshold): the most recall at `TARGET_PRECISION` with the threshold read on
    `part` itself. Not a held-out figure: it tells how far the ranking of the evidence goes,
    apart from how well the fitting half chose the threshold."""
    best = (0.0, 1.0)
    decided = decide_all(part, model)
    for at in sorted({round(p, 3) for _, p in decided}):
        precision, recall = evaluate(part, model, at, decided)[:2]
        if precision >= TARGET_PRECISION and recall > best[0]:
            best = (recall, at)
    return best


MISS_KINDS = ("no candidate", "lost to", "acronym left out", "under threshold")


def misses(part, model, at: float) -> list[str]:
    """Why each certain gold pair of `part` was missed from `at` up (not a candidate; another
    string chosen for its acronym, or the acronym left out because its best string went to
    another acronym; chosen but under the threshold), and the wrong pairs chosen."""
    decided = decide_all(part, model)
    chosen = {(fold(c.zh), fold(c.en)): (c, p) for c, p in decided}
    by_acronym = {c.en: (c, p) for c, p in decided}
    candidates = {(fold(c.zh), fold(c.en)): c for c in part["found"]}
    certain, acceptable, uncertain = part["gold"]
    found = part["brackets"] | {k for k, (_, p) in chosen.items() if p >= at}
    out = []
    for key in sorted(certain - found):
        c = candidates.get(key)
        if c is None:
            out.append(f"  missed  no candidate    {key[0]}\t{key[1]}")
        elif key in chosen:
            p = chosen[key][1]
            out.append(
                f"  missed  under threshold {key[0]}\t{key[1]}\tp {p:.3f}\t{len(c.beads)} beads"
            )
        elif c.en in by_acronym:
            winner, p = by_acronym[c.en]
            out.append(f"  missed  lost to         {key[0]}\t{key[1]}\t{winner.zh} (p {p:.3f})")
        else:
            out.append(f"  missed  acronym left out {key[0]}\t{key[1]}\t{len(c.beads)} beads")
    for key in sorted(found - acceptable - uncertain):
        p = f"p {chosen[key][1]:.3f}" if key in chosen else "bracket pair"
        out.append(f"  wrong   {key[0]}\t{key[1]}\t{p}")
    return out


def k_fold(data, documents, k: int, table: str | None = "all") -> tuple[dict, list]:
    """Pooled `k`-fold cross-validation by document (every k-th document in order of first
    line): the model and its threshold fitted on the other folds pooled, the held-out folds'
    pairs added up. Each document's candidates are its own (as the build pairs a twin), their
    corpus evidence read over the count table of `table`: "all" documents (what the build
    counts over the user's corpus: no labels enter it), the "train" folds only (the held-out
    fold's documents each add their own table, as a new document would; the inner folds that
    choose the threshold are read over the same training table), or none. Also returns each
    held-out fold with the model that scored it."""
    parts = [documents[i::k] for i in range(k)]
    everything = data.table() if table == "all" else None
    figures, known, scored = [], [], []
    for i in range(k):
        if table == "train":
            corpus = sum_tables(data.parts[d].table for j in range(k) if j != i for d in parts[j])
            held = half(data, parts[i], corpus, counted=False)
        else:
            corpus = everything
            held = half(data, parts[i], corpus)
        model = fit([half(data, parts[j], corpus) for j in range(k) if j != i])
        scored.append((held, model))
        figures.append(evaluate(held, model, model["threshold"]))
        # The library's own decision, as `build --parallel` makes it, gives the same pairs.
        assert built(held, model) == evaluate_found(held, model, model["threshold"])
        known.append(evaluate(known_only(held), model, model["threshold_known"]))
    figures, known = pooled(figures), pooled(known)
    name = f"{k}-fold pooled, table {table or 'none'}"
    print(line(name, figures))
    print(line(f"{name}, known", known))
    print(miss_table(scored))
    summary = {
        "precision": round(figures[0], 3),
        "recall": round(figures[1], 3),
        "known_only": {"precision": round(known[0], 3), "recall": round(known[1], 3)},
    }
    return summary, scored


def built(part, model) -> set[tuple[str, str]]:
    """The pairs `termkit.align.pairing.decided` gives each document of `part` (bracket and
    running-text), the build's decision, folded as the gold is."""
    return {
        (fold(p.zh_short), fold(p.en_acronym))
        for dp in part["parts"]
        for p in decided(dp, part["corpus"], model, counted=part["counted"])
    }


def evaluate_found(part, model, at: float) -> set[tuple[str, str]]:
    return part["brackets"] | {
        (fold(c.zh), fold(c.en)) for c, p in decide_all(part, model) if p >= at
    }


def miss_table(scored) -> str:
    """How many certain gold pairs the held-out folds miss, by why (`misses`): with no
    candidate at all the miss is structural (no string or no acronym generated); otherwise the
    evidence ranked it wrong or under the threshold."""
    kinds = Counter()
    for held, model in scored:
        for row in misses(held, model, model["threshold"]):
            if row.startswith("  wrong"):
                kinds["wrong pairs"] += 1
            else:
                kinds.update(k for k in MISS_KINDS if row[len("  missed  ") :].startswith(k))
    return "  misses: " + ", ".join(f"{k} {kinds[k]}" for k in (*MISS_KINDS, "wrong pairs"))


def line(name, figures) -> str:
    p, r, n, hits, total = figures
    return f"{name:<28} precision {p:.3f} ({n} pairs), recall {r:.3f} ({hits} of {total})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the model fitted on all")
    parser.add_argument(
        "--misses", action="store_true", help="list each held-out half's misses and wrong pairs"
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="also a pooled cross-validation over this many document folds",
    )
    parser.add_argument(
        "--no-corpus",
        action="store_true",
        help="co-occurrence over each part's own documents only, no devset count table",
    )
    args = parser.parse_args()
    data = load_devset()
    documents = list(data.by_document)
    table = None if args.no_corpus else "all"
    corpus = None if args.no_corpus else data.table()
    halves = {"A": half(data, documents[0::2], corpus), "B": half(data, documents[1::2], corpus)}
    cv = {}
    for held, other in (("A", "B"), ("B", "A")):
        model = fit([halves[other]])
        figures = evaluate(halves[held], model, model["threshold"])
        at_half = evaluate(halves[held], model, 0.5)
        known = evaluate(known_only(halves[held]), model, model["threshold_known"])
        cv[held] = {"threshold": model["threshold"], "precision": round(figures[0], 3)}
        cv[held]["recall"] = round(figures[1], 3)
        cv[held]["known_only"] = {"threshold": model["threshold_known"]}
        cv[held]["known_only"].update(precision=round(known[0], 3), recall=round(known[1], 3))
        print(line(f"held-out {held} (t={model['threshold']:.3f})", figures))
        print(line(f"held-out {held} (t=0.5)", at_half))
        print(line(f"held-out {held} known (t={model['threshold_known']:.3f})", known))
        recall, at = ceiling(halves[held], model)
        print(
            f"  ranking ceiling: recall {recall:.3f} at precision >= {TARGET_PRECISION} (t={at:.3f})"
        )
        if args.misses:
            print("\n".join(misses(halves[held], model, model["threshold"])))
    scored = []
    if args.folds:
        cv[f"{args.folds}-fold"], scored = k_fold(data, documents, args.folds, table)
        if table == "all":
            cv[f"{args.folds}-fold, training table"], _ = k_fold(
                data, documents, args.folds, "train"
            )
    everything = half(data, documents, corpus)
    model = fit([everything])
    if scored:
        # The shipped thresholds are read on the held-out folds' scores, not in-sample.
        model["threshold"] = pooled_threshold(scored)
        model["threshold_known"] = pooled_threshold([(known_only(p), m) for p, m in scored])
    print(
        line(
            f"all, fitted on all (t={model['threshold']:.3f})",
            evaluate(everything, model, model["threshold"]),
        )
    )
    for stage, names in (("candidate", FEATURES), ("pair", PAIR_FEATURES)):
        for f in names:
            print(f"  {stage:<9} {f:<22} {model[stage]['weights'][f]:+.3f}")
    for f in FEATURES:
        print(f"  rank      {f:<22} {model['rank'][f]:+.3f}")
    if args.write:
        model["comment"] = (
            "Logistic model of running-text term pairs, fitted by bench/pairing_fit.py on the "
            "UNPC devset gold; cv: each document half scored with the model fitted on the other."
        )
        model["cv"] = cv
        path = REPO / "termkit" / "data" / "pairing_weights.json"
        path.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
