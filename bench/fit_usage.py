"""Fit the cut-off of the short-form usage rule (`termkit.check.usage`): when does the corpus
use a short form undefined often enough that TK101 should not ask for its definition?

Run: python bench/fit_usage.py [--write]

One fold per set, each with the usage table of a corpus it is not part of (as
bench/check_planted.py builds them): UNPC dev (table of the test half), UNPC test (table of the
dev half), and every TRAIN set under bench/annotated/ (each holding a gold.json; for each page,
the shipped table plus the table of its set's other pages), so a new set comes in as it lands.
Each fold is checked once with the rule off; every plant's catching findings and every false
alarm on the clean originals are kept with their form, whether the text defines a short form of
its own and which short forms the text's findings call undefined, and each candidate rule is
scored from those: a plant stays found while one of its findings is not a TK101 the rule
drops; a TK101 alarm it drops is gone. A rule is three corpus cut-offs (min documents, min
share of them undefined, the share at least one half: "mostly undefined"): one that holds in
every document, one only in documents that define no short form, and one only in documents that
define none and leave another short form undefined too (`termkit.check.usage.Rule`); any may be
off, and the third may ask for no document at all; and a count of uses in the document. The
first two are chosen together, then the third with them fixed, then the fourth: in a document
that defines none, a form it uses at least so many times without ever writing its full form
(the body the document is by or about; `Often`). The rule chosen has the fewest false alarms
among those that hold recall: lose at most a share of each fitting fold's plants (the recall
loss allowed).

That share is chosen by leave-one-set-out scores, the nearest to unseen text: for each share
of RECALL_LOSSES, each fitting fold is scored with the rule chosen on the others, and the share
whose held-out folds cost least is kept: a plant missed and a false alarm cost one each (the
shares of the issue's aim, a tenth of the plants and half an alarm per 10,000 characters,
would trade 46 plants of the TRAIN sets for 9 alarms). The UNPC test half is never fitted on:
each fitting fold is reported with the rule chosen on the others, the UNPC test half with the
rule chosen on all of them, which is written to termkit/data/usage_rule.json. `--write` first
rebuilds the shipped table, termkit/data/glossary.usage.json, from the corpus the shipped
glossary is built from (the seeds and the UNPC devset's 732 documents, regrouped by their
symbols).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
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
from termkit.check.usage import (
    NEVER,
    NOT_OFTEN,
    RULE,
    Cutoff,
    Often,
    Rule,
    beside,
    dumps,
    total,
)
from termkit.formats.registry import default_glossary_path, load_glossary

MIN_DOCUMENTS = (2, 3, 4, 5, 6, 8, 10, 15)
# The third cut-off (documents that define none and leave several undefined) may need no
# corpus evidence at all: the document's own practice is evidence.
SEVERAL_MIN_DOCUMENTS = (0, 1, *MIN_DOCUMENTS)
MIN_USES = (2, 3, 4, 5, 6, 8, 10)
SHARES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
OFF = Rule(NEVER)
JUDGED = "unpc-test"  # never fitted on: reported with the rule chosen on the other folds
# "Recall held": at most this share of the plants lost on a fitting fold; the one kept is
# chosen by the leave-one-set-out cost.
RECALL_LOSSES = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05)
TRAIN = sorted(p.parent for p in (REPO / "bench" / "annotated").glob("*/gold.json"))


def write_shipped(shipped) -> None:
    docs = documents()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        docs[f"seeds/{seed.name}"] = seed.read_text("utf-8").splitlines()
    table = total(usage_rows(docs, GlossaryIndex(shipped)).values())
    where = beside(default_glossary_path())
    where.write_text(dumps(table), "utf-8")
    print(f"wrote {where.relative_to(REPO)}: {table.documents} documents, "
          f"{len(table.forms)} short forms", file=sys.stderr)  # fmt: skip


class Observer:
    """The rule off, keeping how often the document last checked uses each short form it
    left undefined without writing its full form (the checker's `bare_uses`)."""

    def __init__(self) -> None:
        self.bare: dict[str, int] = {}

    def established(self, usage, key, document_defines=False, others_undefined=False,
                    bare_uses=0) -> bool:  # fmt: skip
        self.bare[key] = bare_uses
        return False


class Trace(list):
    """bench/check_planted.py's trace rows, each with the `Observer`'s counts of its check
    (a TK101 on a form means the checker asked the rule about it in that check)."""

    def __init__(self, observer: Observer) -> None:
        super().__init__()
        self.observer = observer

    def append(self, row) -> None:
        super().append((*row, dict(self.observer.bare)))


@dataclass
class Fold:
    """One set's trace with the rule off, the usage table in force per document, and how many
    characters its clean originals hold; the scores of the rules tried are kept."""

    trace: list
    usage: dict
    chars: int
    scores: dict = field(default_factory=dict)

    def score(self, rule: Rule) -> tuple[int, int, int]:
        """(plants found, plants, false alarms) under `rule`."""
        if rule not in self.scores:
            self.scores[rule] = score(self.trace, self.usage, rule)
        return self.scores[rule]

    def cost(self, rule: Rule) -> int:
        """Plants missed and false alarms under `rule`."""
        found, plants, alarms = self.score(rule)
        return plants - found + alarms


def traces(shipped) -> dict[str, Fold]:
    """Fold name → its trace with the rule off (`Fold`)."""
    args = argparse.Namespace(misses=False, alarms=False)
    out = {}
    docs, gold = documents(), unpc_gold()
    for half, glossary in unpc_glossaries(docs, shipped):
        mine = {d: ls for d, ls in docs.items() if half_of(d) == half}
        glossary.usage_rule = observer = Observer()
        trace = Trace(observer)
        result = evaluate(half, mine, gold, glossary, args, unpc_line, trace=trace)
        usage = dict.fromkeys(mine, glossary.usage)
        out[f"unpc-{half}"] = Fold(trace, usage, result["clean_chars"])
    for train in TRAIN:
        tdocs, tgold, variants, early = read_gold_set(train / "gold.json", train)
        glossaries = annotated_glossaries(tdocs, shipped)
        observer = Observer()
        for index in glossaries.values():
            index.usage_rule = observer
        trace = Trace(observer)
        line_of = lambda g, ls: g["line"] - 1  # noqa: E731
        result = evaluate("gold", tdocs, tgold, glossaries, args, line_of, variants, early, trace)
        usage = {d: index.usage for d, index in glossaries.items()}
        out[train.name] = Fold(trace, usage, result["clean_chars"])
    return out


def score(trace: list, usage: dict, rule: Rule) -> tuple[int, int, int]:
    """(plants found, plants, false alarms) under `rule`."""
    found = plants = alarms = 0
    for kind, doc, defines, findings, undefined, bare in trace:
        survives = any(
            r != "TK101"
            or not rule.established(usage[doc], k, defines, bool(undefined - {k}), bare.get(k, 0))
            for r, k in findings
        )
        if kind == "alarm":
            alarms += survives
        else:
            plants += 1
            found += survives
    return found, plants, alarms


def best(folds: dict[str, Fold], names: list[str], loss: float) -> Rule:
    """The cut-offs with the fewest false alarms on `names` that hold recall: on each of those
    folds they lose at most `loss` of the plants the rule off finds. The first two are
    chosen together, then the third (where several are undefined) with them fixed, then the
    fourth (used often, the full form never written): the first three together are 117,649 rules."""
    cutoffs = [NEVER, *(Cutoff(m, s) for m, s in product(MIN_DOCUMENTS, SHARES))]
    several = [NEVER, *(Cutoff(m, s) for m, s in product(SEVERAL_MIN_DOCUMENTS, SHARES))]
    off = {n: folds[n].score(OFF) for n in names}
    floors = {n: found - loss * plants for n, (found, plants, _) in off.items()}

    def cost(rule: Rule) -> tuple[int, int, float]:
        scores = {n: folds[n].score(rule) for n in names}
        if any(found < floors[n] for n, (found, _, _) in scores.items()):
            return 10**9, 0, 0.0
        # Ties: the stricter cut-offs (more documents, a larger share) drop fewer forms.
        alarms = sum(a for _, _, a in scores.values())
        return alarms, *(-v for c in rule._asdict().values() for v in c._asdict().values())

    two = min((Rule(e, w) for e, w in product(cutoffs, cutoffs)), key=cost)
    three = min((Rule(two.everywhere, two.where_none_defined, c) for c in several), key=cost)
    often = [NOT_OFTEN, *(Often(n) for n in MIN_USES)]
    return min((three._replace(where_used_often=o) for o in often), key=cost)


def left_out(folds: dict[str, Fold], names: list[str], loss: float) -> dict[str, Rule]:
    """Each of `names` → the rule chosen on the others (leave one set out)."""
    return {held: best(folds, [n for n in names if n != held], loss) for held in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rebuild the shipped usage table")
    args = parser.parse_args()
    shipped = [load_glossary(p) for p in glossary_paths(Settings())]
    if args.write:
        write_shipped(shipped)
    folds = traces(shipped)
    names = sorted(n for n in folds if n != JUDGED)
    costs = {}
    for loss in RECALL_LOSSES:
        rules = left_out(folds, names, loss)
        scores = [folds[n].score(r) for n, r in rules.items()]
        found, plants, alarms = (sum(s[i] for s in scores) for i in range(3))
        costs[loss] = plants - found + alarms
        print(json.dumps({
            "recall_loss": loss, "left_out": {"found": f"{found}/{plants}", "false_alarms": alarms},
            "cost": costs[loss],
        }))  # fmt: skip
    loss = min(RECALL_LOSSES, key=lambda x: (costs[x], x))
    for held, rule in left_out(folds, names, loss).items():
        report(folds[held], held, rule)
    rule = best(folds, names, loss)
    report(folds[JUDGED], JUDGED, rule)
    # Found / alarms of one cut-off, everywhere or only in documents that define none.
    curve = {
        f"{m}/{s} {where}": [folds[n].score(rule)[::2] for n in [*names, JUDGED]]
        for m, s in product(MIN_DOCUMENTS, (0.5, 0.7, 0.9))
        for where, rule in (
            ("everywhere", Rule(Cutoff(m, s))),
            ("none defined", Rule(NEVER, Cutoff(m, s))),
            ("several undefined", Rule(NEVER, NEVER, Cutoff(m, s))),
        )
    }
    print(json.dumps({"folds": [*names, JUDGED], "found/alarms by cut-off": curve}))
    written = {
        part: None if c in (NEVER, NOT_OFTEN) else c._asdict() for part, c in rule._asdict().items()
    }
    RULE.write_text(json.dumps(written) + "\n", "utf-8")
    print(
        f"recall loss {loss} chosen by the leave-one-set-out cost; rule chosen on {names}:"
        f" {rule}; wrote {RULE.relative_to(REPO)}",
        file=sys.stderr,
    )


def report(fold: Fold, held: str, rule: Rule) -> None:
    found, plants, alarms = fold.score(rule)
    off_found, _, off_alarms = fold.score(OFF)
    print(json.dumps({
        "held_out": held, "chosen_on_others": {k: c._asdict() for k, c in rule._asdict().items()},
        "found": f"{found}/{plants}", "false_alarms": alarms,
        "per_10k": round(10_000 * alarms / fold.chars, 2), "cost": fold.cost(rule),
        "rule_off": {"found": f"{off_found}/{plants}", "false_alarms": off_alarms},
    }))  # fmt: skip


if __name__ == "__main__":
    main()
