"""Fit the confidence of `termkit check`'s findings (`termkit.check.confidence`) on planted
versus clean findings, and choose its threshold by leave-one-set-out.

Run: python bench/fit_confidence.py [--jobs N] [--write] [--records FILE]

Records come from bench/check_alarms.py's folds (every TRAIN set under bench/annotated/ and
the UNPC dev half; the UNPC test half is only judged): a finding that catches a plant, or that
the gold lists as real on a clean original, is a positive; a false alarm on a clean original is
a negative. The model is an L2-regularized logistic regression (Newton steps, plain numpy)
over the features of `confidence.features` with their rule-group interactions.

Leave-one-set-out: each fold is scored by the model fitted on the others, and the held-out
scores of all folds are pooled. The issue asks for recall at least .90 and at most TARGET
false alarms per 10,000 clean characters; on the TRAIN folds the model cannot reach TARGET at
any bearable recall (there the held-out recall falls from .92 to about .70: printed, with the
threshold that would do it). The threshold shipped is the one whose pooled held-out cost is
least: a plant missed, or a finding the gold lists as real shown as a hint, costs 1; a false
alarm costs ALARM_COST (the exchange of the issue's two aims, as bench/fit_usage.py reads it:
a tenth of the TRAIN plants against half an alarm per 10,000 characters, 46 plants for 9
alarms). The regularization strength of C_GRID kept is the one of least cost too. The shipped
model is fitted on every fold with that strength and takes that threshold. Only rules with at
least MIN_ALARMS false alarms over the fitting folds are graded (TK101 and TK103 today): the
others gave the fit too little to learn (TK110 raised 8, TK102 5, TK115 none and catches no
plant), and their findings keep their severity. Hand-set: TARGET (the issue's aim),
ALARM_COST, C_GRID, RULE_PENALTY (the rule indicators' penalty), REAL_WEIGHT and MIN_ALARMS.
`--write` writes termkit/data/confidence_weights.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from _paths import REPO
from check_alarms import Record, collect, fold_names, gather

sys.path.insert(0, str(REPO))

from termkit.check import confidence
from termkit.check.confidence import Model, expanded

TARGET = 0.5  # false alarms per 10,000 clean characters (issue 15's aim)
ALARM_COST = 5.0  # a false alarm costs as many missed plants
REAL_WEIGHT = 10.0  # a finding the gold lists as real weighs as this many plants
MIN_ALARMS = 20  # a rule is graded when the fitting folds hold this many of its false alarms
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
RULE_PENALTY = 0.01


def _collect_features(name: str):
    return collect(name, confidence.all_features)


def fit(
    rows: list[tuple[dict, int, float]], c: float, names: list[str], rules=frozenset()
) -> Model:
    """L2 logistic regression by Newton's method; the bias is not penalized."""
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    y = np.array([label for _, label, _ in rows], dtype=float)
    weight = np.array([w for _, _, w in rows], dtype=float)
    for r, (values, _, _) in enumerate(rows):
        for k, v in values.items():
            if k in index:
                x[r, index[k]] = v
    w = np.zeros(len(names) + 1)
    # A rule's own base rate is hardly penalized: a rule that raised no false alarm in any
    # fold (TK108, TK113) keeps its findings whatever the other features say.
    penalty = np.array([RULE_PENALTY if n.startswith("rule:") else 1.0 / c for n in names] + [0])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (weight * (p - y)) + penalty * w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = {n: round(float(w[i]), 4) for n, i in index.items() if abs(w[i]) >= 1e-4}
    return Model(weights, round(float(w[-1]), 4), 0.5, rules)


def labelled(records: list[Record], rules) -> list[tuple[dict, int, float]]:
    """(features, 1 for a positive, weight) of the graded rules' findings: a finding on a
    clean original that the gold lists as real (what a reviser flagged in real text) weighs
    REAL_WEIGHT, a plant's one."""
    return [
        (
            expanded(r.features, r.rule),
            int(r.label != "alarm"),
            REAL_WEIGHT if r.label == "real" else 1.0,
        )
        for r in records
        if r.label in ("caught", "real", "alarm") and r.rule in rules
    ]


def scored(records: list[Record], model: Model) -> list[tuple[Record, float]]:
    """Each record's confidence (1 for a rule the model does not grade)."""
    return [
        (r, model.score(expanded(r.features, r.rule)) if r.rule in model.rules else 1.0)
        if r.features is not None
        else (r, 0.0)
        for r in records
    ]


def figures(scores: list[tuple[Record, float]], chars: int, t: float) -> dict:
    """Recall, alarms per 10k and real findings kept, with findings below `t` as hints."""
    plants: dict[int, bool] = {}
    alarms = real = real_kept = 0
    for r, p in scores:
        if r.plant >= 0:
            plants[r.plant] = plants.get(r.plant, False) or (r.label == "caught" and p >= t)
        elif r.label == "alarm":
            alarms += p >= t
        elif r.label == "real":
            real += 1
            real_kept += p >= t
    found = sum(plants.values())
    return {"recall": found / max(1, len(plants)), "found": found, "plants": len(plants),
            "alarms": alarms, "per_10k": 1e4 * alarms / chars, "real": f"{real_kept}/{real}"}  # fmt: skip


def threshold(held: dict[str, tuple[list, int]]) -> float:
    """The lowest threshold whose pooled held-out alarms are at most TARGET per 10k."""
    chars = sum(c for _, c in held.values())
    alarms = sorted(
        (p for scores, _ in held.values() for r, p in scores if r.plant < 0 and r.label == "alarm"),
        reverse=True,
    )
    allowed = int(TARGET * chars / 1e4)
    if len(alarms) <= allowed:
        return 0.0
    return float(np.nextafter(alarms[allowed], 1.0))  # above the first alarm too many


def cost(figs: dict) -> float:
    kept, real = map(int, figs["real"].split("/"))
    return figs["plants"] - figs["found"] + real - kept + ALARM_COST * figs["alarms"]


def cheapest_threshold(held: dict[str, tuple[list, int]]) -> float:
    """The threshold (a score of the held-out findings, or 0) of least pooled held-out
    cost."""
    candidates = sorted({round(p, 3) for ss, _ in held.values() for _, p in ss if p < 1.0})
    return min([0.0, *candidates], key=lambda t: (cost(pooled(held, t)), t))


def pooled(held: dict[str, tuple[list, int]], t: float) -> dict:
    scores = [s for ss, _ in held.values() for s in ss]
    # Plants are numbered per fold: renumber them apart.
    shifted, base = [], 0
    for ss, _ in held.values():
        top = max((r.plant for r, _ in ss), default=-1) + 1
        shifted += [(r._replace(plant=r.plant + base) if r.plant >= 0 else r, p) for r, p in ss]
        base += top
    del scores
    return figures(shifted, sum(c for _, c in held.values()), t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--records", help="read (or first write) the records here")
    args = parser.parse_args()
    names = fold_names(test=True)
    if args.records and Path(args.records).is_file():
        data = json.loads(Path(args.records).read_text("utf-8"))
        results = {n: ([Record(**r) for r in v["records"]], v["chars"]) for n, v in data.items()}
    else:
        results = gather(names, args.jobs, _collect_features)
        if args.records:
            rows = {n: {"chars": c, "records": [r._asdict() for r in rs]}
                    for n, (rs, c) in results.items()}  # fmt: skip
            Path(args.records).write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    fitting = [n for n in names if n != "unpc_test"]
    alarms = Counter(r.rule for n in fitting for r in results[n][0] if r.label == "alarm")
    rules = frozenset(rule for rule, n in alarms.items() if n >= MIN_ALARMS)
    print("graded rules:", ", ".join(f"{r} ({alarms[r]} alarms)" for r in sorted(rules)))
    feature_names = sorted(
        {k for n in fitting for values, _, _ in labelled(results[n][0], rules) for k in values}
    )
    best = None
    for c in C_GRID:
        held = {}
        for n in fitting:
            rows = [row for o in fitting if o != n for row in labelled(results[o][0], rules)]
            held[n] = (scored(results[n][0], fit(rows, c, feature_names, rules)), results[n][1])
        aim = threshold(held)
        print(f"C {c}: at the alarm aim (threshold {aim:.3f}): {_line(pooled(held, aim))}")
        t = cheapest_threshold(held)
        figs = pooled(held, t)
        print(f"C {c}: at least cost (threshold {t:.3f}): {_line(figs)}, cost {cost(figs):.0f}")
        if best is None or cost(figs) < cost(best[2]):
            best = (c, t, figs, held)
    c, t, figs, held = best
    print(f"\nchosen C {c}, threshold {t:.3f}; leave-one-set-out, per fold (before -> after):")
    for n in fitting:
        before = figures(held[n][0], held[n][1], 0.0)
        after = figures(held[n][0], held[n][1], t)
        print(f"  {n}: {_line(before)} -> {_line(after)}")
    print(f"  pooled: {_line(pooled(held, 0.0))} -> {_line(figs)}")
    rows = [row for n in fitting for row in labelled(results[n][0], rules)]
    model = fit(rows, c, feature_names, rules)
    model.threshold = round(t, 4)
    test = scored(results["unpc_test"][0], model), results["unpc_test"][1]
    print(f"  unpc_test (judged, model of every fold): {_line(figures(*test, 0.0))} -> "
          f"{_line(figures(*test, model.threshold))}")  # fmt: skip
    if args.write:
        confidence.WEIGHTS.write_text(
            model.to_json(c=c, fitted_on=fitting, target_per_10k=TARGET), "utf-8"
        )
        print(f"wrote {confidence.WEIGHTS}")


def _line(f: dict) -> str:
    return f"recall {f['recall']:.3f} ({f['found']}/{f['plants']}), {f['alarms']} alarms " \
           f"{f['per_10k']:.2f}/10k, real {f['real']}"  # fmt: skip


if __name__ == "__main__":
    main()
