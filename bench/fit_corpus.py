"""Fit build's corpus re-decision of doubtful boundaries, with document-grouped CV figures.

Run: python bench/fit_corpus.py [--write] [--gold FILE --texts DIR]
The build corpus is every dev document (the seeds, the UNPC devset regrouped into its UN
documents by `.ids`, those without a bracket too, and the TRAIN sets under bench/annotated/).
Each document is extracted alone; its doubtful definitions (`boundary:doubtful`, two or more
alternatives) are re-decided as `termkit build` does (`termkit.corpus.choose`): the
alternative with the highest `logit + weight · log1p(left-context variety across the corpus)`
among the extractor's choice and the longer ones of the first `options` wins (no corpus
evidence for a candidate that is one ordinary word). A second, larger sample of the same rule: every gold bracket's candidates, also each
Chinese one as if it held a Latin acronym (as bench/fit_boundary.py does), ranked by the
boundary model, doubtful or not; how many get the right start. The shipped rule is fitted on
the two together (right starts of the brackets plus strict true positives of the builds). The weight and `options` are chosen on a grid by
strict F1 over the training folds (ties: the smaller weight, then fewer options), and scored
on the held-out fold; folds group by UN document. `--write` stores the fit on all documents in
termkit/data/corpus_weights.json. `--gold FILE --texts DIR` adds a set in seed003.json's format
(one or many documents) to the corpus and scores it apart with the shipped rule, never fitted
on.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from _paths import REPO

sys.path.insert(0, str(REPO))

from gold import (
    UNPC,
    Found,
    GoldDoc,
    Score,
    dev_sets,
    fold_of,
    key,
    load_annotation,
    score_document,
)

from termkit.corpus import (
    WEIGHTS,
    add_counts,
    analysed,
    choose,
    disputed,
    document_counts,
    fitted_rule,
    varieties,
    weighable,
)
from termkit.extract import extract_text
from termkit.extract.extractor import boundary_candidates
from termkit.extract.recurrence import CandidateCounter
from termkit.extract.scoring import default_model
from termkit.termbase.model import Definition
from termkit.text.normalize import normalize

FOLDS = 5
GRID_WEIGHTS = [i / 4 for i in range(0, 17)]  # 0 … 4
GRID_OPTIONS = [2, 3, 5]


@dataclass
class Case:
    """One gold document as the build sees it: its definitions, and for each doubtful one
    the left-context variety of its alternatives across the corpus."""

    doc: GoldDoc
    definitions: list[Definition]
    variety: dict[int, list[int]]  # definition index -> variety per alternative


def unpc_without_brackets() -> list[str]:
    """The UNPC devset's documents that hold no bracket: no gold, but part of the corpus."""
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").split("\n")
    ids = (UNPC / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    by_doc: dict[str, list[str]] = {}
    for i, row in enumerate(ids):
        by_doc.setdefault(row.split()[0], []).append(zh[i])
    texts = ["\n".join(lines) for lines in by_doc.values()]
    return [t for t in texts if "(" not in t and "（" not in t]


@dataclass
class Ranked:
    """One bracket's candidates by the boundary model's log-odds, best first, the right one's
    index among them and each one's left-context variety: every bracket a certain gold
    definition explains, and each Chinese one again as if it held a Latin acronym (as
    bench/fit_boundary.py reuses them), doubtful or not."""

    group: str
    fulls: list[str]
    logits: list[float]
    right: int
    variety: list[int]
    lengths: list[int]


def ranked(doc: GoldDoc) -> list[Ranked]:
    model = default_model()
    out = []
    for cands in boundary_candidates(doc.text) + boundary_candidates(doc.text, unanchored=True):
        right = {
            key(g.full)
            for g in doc.definitions
            if not g.uncertain and key(g.short) == key(cands.short) and cands.short_line in g.lines
        }
        scored = sorted(((model.score(f), full) for full, _, f in cands.options), reverse=True)
        hits = [i for i, (_, full) in enumerate(scored) if key(full) in right]
        if len(scored) >= 2 and hits:
            fulls = [full for _, full in scored]
            lengths = [len(normalize(f)) for f in fulls]
            out.append(Ranked(doc.group, fulls, [z for z, _ in scored], hits[0], [], lengths))
    return out


def prepare(docs: list[GoldDoc], others: list[str], fitted: int) -> tuple[list[Case], list[Ranked]]:
    """Extract every document, count the disputed alternatives (and the candidates of every
    gold bracket of the first `fitted` documents, the ones fitted on) in all of them."""
    extracted = [extract_text(doc.text, doc.name) for doc in docs]
    sets = [r for doc in docs[:fitted] for r in ranked(doc)]
    most = max(GRID_OPTIONS)
    keys = {
        normalize(a.full)
        for definitions in extracted
        for d in definitions
        if disputed(d, most)
        for a in d.alternatives[:most]
    } | {normalize(full) for r in sets for full in r.fulls[:most]}
    counter = CandidateCounter(keys)
    counts = ()
    for text in [*(doc.text for doc in docs), *others]:
        counts = add_counts(counts, document_counts(counter, analysed(text)))
    seen = varieties(counts)
    cases = []
    for doc, definitions in zip(docs, extracted, strict=True):
        variety = {
            i: [
                seen.get(normalize(a.full), 0) if weighable(a.full) else 0
                for a in d.alternatives[:most]
            ]
            for i, d in enumerate(definitions)
            if disputed(d, most)
        }
        cases.append(Case(doc, definitions, variety))
    for r in sets:
        r.variety = [seen.get(normalize(f), 0) if weighable(f) else 0 for f in r.fulls]
    return cases, sets


def right_boundaries(sets: list[Ranked], weight: float, options: int) -> int:
    """How many brackets the rule gives the right start (the right one must be weighed)."""
    return sum(
        r.right < options
        and choose(
            r.logits[:options],
            r.variety[:options],
            r.lengths[:options],
            weight,
        )
        == r.right
        for r in sets
    )


def found(case: Case, weight: float, options: int) -> list[Found]:
    out = []
    for i, d in enumerate(case.definitions):
        full, line = d.full, d.line
        if i in case.variety and disputed(d, options):
            alternatives = d.alternatives[:options]
            lengths = [len(normalize(a.full)) for a in alternatives]
            best = choose(
                [a.score for a in alternatives], case.variety[i][:options], lengths, weight
            )
            full, line = alternatives[best].full, alternatives[best].line
        out.append(Found(line, d.short_line, full, d.short, "en" if d.kind == "english" else "zh"))
    return out


def score(cases: list[Case], weight: float, options: int) -> Score:
    total = Score()
    for case in cases:
        total += score_document(case.doc, found(case, weight, options))
    return total


def gain(cases: list[Case], sets: list[Ranked], weight: float, options: int) -> int:
    """What the rule earns over the extractor alone: brackets given the right start, plus
    strict true positives less false positives of the builds."""
    built = score(cases, weight, options)
    return right_boundaries(sets, weight, options) + built.tp - built.fp


def fit(cases: list[Case], sets: list[Ranked]) -> tuple[float, int]:
    """The grid point that earns the most (ties: the smaller weight, then fewer options)."""
    return max(
        ((w, k) for w in GRID_WEIGHTS for k in GRID_OPTIONS),
        key=lambda p: (gain(cases, sets, *p), -p[0], -p[1]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the fit in the package")
    parser.add_argument("--gold", type=Path, help="another annotation, scored apart")
    parser.add_argument("--texts", type=Path, help="the folder of --gold's documents")
    parser.add_argument(
        "--without", action="append", default=[], help="leave this dev set out, unread (seed003)"
    )
    args = parser.parse_args()
    by_set = dev_sets(tuple(args.without))
    extra = load_annotation(args.gold, args.texts) if args.gold else []
    docs = [doc for group in by_set.values() for doc in group]
    # --gold's documents are part of the corpus, never of the fit (their names may be the
    # same as a dev set's: both un_pages sets name documents un_pages:NNN)
    cases, sets = prepare(docs + extra, unpc_without_brackets(), len(docs))
    dev, other = cases[: len(docs)], cases[len(docs) :]
    print(f"{len(dev)} gold documents, {sum(len(c.variety) for c in dev)} disputes; ", end="")
    print(f"{len(sets)} gold brackets with candidates (anchored and as if unanchored)")
    chosen = []
    right_cv = 0
    cv_by_set: dict[str, tuple[Score, Score]] = {}
    set_of = {doc.name: name for name, group in by_set.items() for doc in group}
    for f in range(FOLDS):
        point = fit(
            [c for c in dev if fold_of(c.doc.group, FOLDS) != f],
            [r for r in sets if fold_of(r.group, FOLDS) != f],
        )
        chosen.append(point)
        right_cv += right_boundaries([r for r in sets if fold_of(r.group, FOLDS) == f], *point)
        for case in (c for c in dev if fold_of(c.doc.group, FOLDS) == f):
            name = set_of[case.doc.name]
            before, after = cv_by_set.setdefault(name, (Score(), Score()))
            before += score([case], 0.0, 2)
            after += score([case], *point)
    alone = right_boundaries(sets, 0.0, 2)
    print(f"brackets, right start: model alone {alone}/{len(sets)}, CV rule {right_cv}/{len(sets)}")
    print(f"folds chose (weight, options): {chosen}")
    total_before, total_after = Score(), Score()
    for name, (before, after) in sorted(cv_by_set.items()):
        print(f"{name:<22} extractor alone {before.line()}")
        print(f"{'':<22} CV corpus rule  {after.line()}")
        total_before += before
        total_after += after
    print(f"{'all dev':<22} extractor alone {total_before.line()}")
    print(f"{'':<22} CV corpus rule  {total_after.line()}")
    weight, options = fit(dev, sets)
    fitted = score(dev, weight, options)
    right = right_boundaries(sets, weight, options)
    print(f"fit on all: weight {weight}, options {options}: builds {fitted.line()}, ", end="")
    print(f"brackets {right}/{len(sets)} (in-sample)")
    if other:
        rule = fitted_rule()
        print(f"{'--gold':<22} extractor alone {score(other, 0.0, 2).line()}")
        print(f"{'':<22} shipped rule    {score(other, rule.weight, rule.options).line()}")
    if args.write:
        data = {
            "weight": weight,
            "options": options,
            "fitted_by": "bench/fit_corpus.py",
            "cv": {
                "folds": FOLDS,
                "builds_extractor_alone": total_before.line(),
                "builds_corpus_rule": total_after.line(),
                "brackets_right_start": f"{alone} -> {right_cv} of {len(sets)}",
                "chosen": chosen,
            },
        }
        WEIGHTS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
