"""Fit the cut-off of the short-form usage rule (`termkit.check.usage`): when does the corpus
use a short form undefined often enough that TK101 should not ask for its definition?

Run: python bench/fit_usage.py [--write]

Eight folds, each with the usage table of a corpus it is not part of (as bench/check_planted.py
builds them): UNPC dev (table of the test half), UNPC test (table of the dev half), and the
TRAIN pages of bench/annotated/un_pages, un_pages_hant, un_pages_hant2, un_pages3, un_pages4
and un_pages5 (for each page, the shipped table plus the table of its set's other pages). Each
fold is checked once with the rule off; every plant's catching findings and every false alarm
on the clean originals are kept with their form, whether the text defines a short form of its
own and which short forms the text's findings call undefined, and each candidate rule is
scored from those: a plant stays found while one of its findings is not a TK101 the rule
drops; a TK101 alarm it drops is gone. A rule is three cut-offs (min documents, min share of
them undefined, the share at least one half: "mostly undefined"): one that holds in every
document, one only in documents that define no short form, and one only in documents that
define none and leave another short form undefined too (`termkit.check.usage.Rule`); any may
be off, and the third may ask for no document at all. The first two are chosen together, then
the third with them fixed. The rule chosen has the fewest false alarms among those that hold
recall (lose at most RECALL_LOSS of each fitting fold's plants). It is fitted on seven folds,
the UNPC test half left out to be judged only: each of the seven is reported with the rule
chosen on the other six, the UNPC test half with the rule chosen on the seven, which is
written to termkit/data/usage_rule.json. `--write` first rebuilds the shipped table,
termkit/data/glossary.usage.json, from the corpus the shipped glossary is built from (the
seeds and the UNPC devset's 732 documents, regrouped by their symbols).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from itertools import product

from _paths import REPO
from check_planted import (
    annotated_glossaries,
    documents,
    evaluate,
    half_of,
    read_gold_set,
    unpc_glossaries,
    unpc_gold,
    unpc_line,
    usage_rows,
)

sys.path.insert(0, str(REPO))

from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths
from termkit.check.settings import Settings
from termkit.check.usage import NEVER, RULE, Cutoff, Rule, beside, dumps, total
from termkit.formats.registry import default_glossary_path, load_glossary

MIN_DOCUMENTS = (2, 3, 4, 5, 6, 8, 10, 15)
# The third cut-off (documents that define none and leave several undefined) may need no
# corpus evidence at all: the document's own practice is evidence.
SEVERAL_MIN_DOCUMENTS = (0, 1, *MIN_DOCUMENTS)
SHARES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
OFF = Rule(NEVER)
JUDGED = "unpc-test"  # never fitted on: reported with the rule chosen on the other folds
RECALL_LOSS = 0.01  # "recall held": at most 1 % of the plants lost on a fitting fold
TRAIN = [
    REPO / "bench" / "annotated" / n
    for n in ("un_pages", "un_pages_hant", "un_pages_hant2", "un_pages3", "un_pages4", "un_pages5")
]


def write_shipped(shipped) -> None:
    docs = documents()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        docs[f"seeds/{seed.name}"] = seed.read_text("utf-8").splitlines()
    table = total(usage_rows(docs, GlossaryIndex(shipped)).values())
    where = beside(default_glossary_path())
    where.write_text(dumps(table), "utf-8")
    print(f"wrote {where.relative_to(REPO)}: {table.documents} documents, "
          f"{len(table.forms)} short forms", file=sys.stderr)  # fmt: skip


def traces(shipped) -> dict[str, tuple[list, dict]]:
    """Fold → its trace with the rule off, and the usage table in force per document."""
    args = argparse.Namespace(misses=False, alarms=False)
    out = {}
    docs, gold = documents(), unpc_gold()
    for half, glossary in unpc_glossaries(docs, shipped):
        mine = {d: ls for d, ls in docs.items() if half_of(d) == half}
        glossary.usage_rule = OFF
        trace: list = []
        evaluate(half, mine, gold, glossary, args, unpc_line, trace=trace)
        out[f"unpc-{half}"] = (trace, dict.fromkeys(mine, glossary.usage))
    for train in TRAIN:
        tdocs, tgold, variants, early = read_gold_set(train / "gold.json", train)
        glossaries = annotated_glossaries(tdocs, shipped)
        for index in glossaries.values():
            index.usage_rule = OFF
        trace = []
        line_of = lambda g, ls: g["line"] - 1  # noqa: E731
        evaluate("gold", tdocs, tgold, glossaries, args, line_of, variants, early, trace)
        out[train.name] = (trace, {d: index.usage for d, index in glossaries.items()})
    return out


def score(trace: list, usage: dict, rule: Rule) -> tuple[int, int, int]:
    """(plants found, plants, false alarms) under `rule`."""
    found = plants = alarms = 0
    for kind, doc, defines, findings, undefined in trace:
        survives = any(
            r != "TK101" or not rule.established(usage[doc], k, defines, bool(undefined - {k}))
            for r, k in findings
        )
        if kind == "alarm":
            alarms += survives
        else:
            plants += 1
            found += survives
    return found, plants, alarms


def best(folds: dict, names: list[str]) -> Rule:
    """The cut-offs with the fewest false alarms on `names` that hold recall: on each of those
    folds they lose at most RECALL_LOSS of the plants the rule off finds. The first two are
    chosen together, then the third (where several are undefined) with them fixed: the three
    together are 117,649 rules."""
    cutoffs = [NEVER, *(Cutoff(m, s) for m, s in product(MIN_DOCUMENTS, SHARES))]
    several = [NEVER, *(Cutoff(m, s) for m, s in product(SEVERAL_MIN_DOCUMENTS, SHARES))]
    floors = {n: score(*folds[n], OFF)[0] - RECALL_LOSS * score(*folds[n], OFF)[1] for n in names}

    def cost(rule: Rule) -> tuple[int, int, float]:
        scores = {n: score(*folds[n], rule) for n in names}
        if any(found < floors[n] for n, (found, _, _) in scores.items()):
            return 10**9, 0, 0.0
        # Ties: the stricter cut-offs (more documents, a larger share) drop fewer forms.
        alarms = sum(a for _, _, a in scores.values())
        return alarms, *(
            -v for c in vars(rule).values() for v in (c.min_documents, c.min_undefined_share)
        )

    two = min((Rule(e, w) for e, w in product(cutoffs, cutoffs)), key=cost)
    return min((Rule(two.everywhere, two.where_none_defined, c) for c in several), key=cost)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rebuild the shipped usage table")
    args = parser.parse_args()
    shipped = [load_glossary(p) for p in glossary_paths(Settings())]
    if args.write:
        write_shipped(shipped)
    folds = traces(shipped)
    names = sorted(n for n in folds if n != JUDGED)
    for held in names:
        report(folds, held, best(folds, [n for n in names if n != held]))
    rule = best(folds, names)
    report(folds, JUDGED, rule)
    # Found / alarms of one cut-off, everywhere or only in documents that define none.
    curve = {
        f"{m}/{s} {where}": [score(*folds[n], rule)[::2] for n in [*names, JUDGED]]
        for m, s in product(MIN_DOCUMENTS, (0.5, 0.7, 0.9))
        for where, rule in (
            ("everywhere", Rule(Cutoff(m, s))),
            ("none defined", Rule(NEVER, Cutoff(m, s))),
            ("several undefined", Rule(NEVER, NEVER, Cutoff(m, s))),
        )
    }
    print(json.dumps({"folds": [*names, JUDGED], "found/alarms by cut-off": curve}))
    written = {part: None if c == NEVER else asdict(c) for part, c in vars(rule).items()}
    RULE.write_text(json.dumps(written) + "\n", "utf-8")
    print(f"chosen on {names}: {rule}; wrote {RULE.relative_to(REPO)}", file=sys.stderr)


def report(folds: dict, held: str, rule: Rule) -> None:
    found, plants, alarms = score(*folds[held], rule)
    off_found, _, off_alarms = score(*folds[held], OFF)
    print(json.dumps({
        "held_out": held, "chosen_on_others": asdict(rule),
        "found": f"{found}/{plants}", "false_alarms": alarms,
        "rule_off": {"found": f"{off_found}/{plants}", "false_alarms": off_alarms},
    }))  # fmt: skip


if __name__ == "__main__":
    main()
