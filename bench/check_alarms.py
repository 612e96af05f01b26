"""Where `termkit check`'s false alarms come from and why plants are missed, on every TRAIN set
and the UNPC dev half (the UNPC test half only with `--test`, judged, not tuned on).

Run: python bench/check_alarms.py [--jobs N] [--test] [--json FILE]

The folds are bench/check_planted.py's: every set under bench/annotated/ (its gold.json, each
document checked with the shipped glossary and the glossary of the set's other documents) and
the UNPC dev half (with the test half's glossary). On every fold each plant is checked as
check_planted checks it, and each clean original; every finding is one record: a plant's
catching finding (`caught`), a finding on a clean original the gold lists as real (`real`), a
false alarm (`alarm`), and every missed plant (`missed`, with why: nothing on its line, or only
findings elsewhere on it). Two tables are printed: false alarms by rule and by what triggered
them (the message's template: its terms written …, its numbers N), per 10,000 clean
characters; missed plants by kind and why. A finding of severity `hint` (below the confidence
threshold, `termkit.check.confidence`) is shown to no one by default: it is no alarm and
catches no plant, and is counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from _paths import REPO
from check_planted import (
    Planter,
    _bare,
    _found,
    _real,
    annotated_glossaries,
    documents,
    glossary_for,
    planted,
    read_gold_set,
    unpc_glossaries,
    unpc_gold,
    unpc_line,
)

sys.path.insert(0, str(REPO))

from termkit.check.engine import check_facts
from termkit.check.run import glossary_paths
from termkit.check.settings import Settings
from termkit.formats.registry import load_glossary
from termkit.text.normalize import normalize

ANNOTATED = REPO / "bench" / "annotated"
# Terms in a message: Han runs (with the marks and brackets inside them) and Latin acronyms.
_TERMS = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff《》〈〉“”（）()、/-]*[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff《》〈〉“”（）()、/-]*"
    r"|\b[A-Z][A-Za-z0-9]*[A-Z0-9]\b|[\uff21-\uff5a]+"
)
_NUMBERS = re.compile(r"\d+")


class Record(NamedTuple):
    """One finding (or one missed plant) of one fold; `features` when asked for."""

    fold: str
    doc: str
    source: str  # "clean" or the plant's kind
    label: str  # caught, real, alarm, missed, other (a draft's finding off the plant)
    rule: str
    trigger: str  # the message's template; for a miss, why
    found: str
    severity: str
    plant: int = -1  # the plant's number in its fold (-1: a clean original's finding)
    features: dict | None = None


def fold_names(test: bool = False) -> list[str]:
    """Every TRAIN set (a folder of bench/annotated with a gold.json), then the UNPC halves."""
    sets = sorted(p.parent.name for p in ANNOTATED.glob("*/gold.json"))
    return [*sets, "unpc_dev", *(["unpc_test"] if test else [])]


def template(message: str) -> str:
    """A message with its terms written … and its numbers N: what kind of evidence raised it."""
    return _NUMBERS.sub("N", _TERMS.sub("…", message.split(";")[0]))


def fold_inputs(name: str, shipped):
    """(documents, gold, glossaries, line_of, variants, early) of one fold."""
    if name.startswith("unpc_"):
        docs, gold = documents(), unpc_gold()
        half = name.removeprefix("unpc_")
        [(_, glossary)] = list(unpc_glossaries(docs, shipped, half))
        from check_planted import half_of

        mine = {d: ls for d, ls in docs.items() if half_of(d) == half}
        return mine, gold, glossary, unpc_line, {}, {}
    folder = ANNOTATED / name
    docs, gold, variants, early = read_gold_set(folder / "gold.json", folder)
    glossaries = annotated_glossaries(docs, shipped)
    return docs, gold, glossaries, lambda g, ls: g["line"] - 1, variants, early


def collect(name: str, features=None) -> tuple[list[Record], int]:
    """One fold's records and its clean characters; `features(finding, facts)` adds each
    finding's features (of the findings before grading: the fit's input)."""
    settings = Settings()
    shipped = [load_glossary(p) for p in glossary_paths(settings)]
    mine, gold, glossary, line_of, variants, early = fold_inputs(name, shipped)
    seed = "gold" if not name.startswith("unpc_") else name.removeprefix("unpc_")
    planter = Planter(seed, gold)
    out: list[Record] = []

    def record(doc, source, label, f, values, plant=-1) -> Record:
        feats = values.get(f) if values is not None else None
        return Record(name, doc, source, label, f.rule, template(f.message), f.found,
                      f.severity, plant, feats)  # fmt: skip

    for number, (g, plant) in enumerate(planted(planter, gold, mine, glossary, line_of), 1):
        findings, facts = check_facts(
            plant.text, plant.doc, planter.glossary, settings, graded=features is None
        )
        hits = _found(plant, findings)
        values = _values(findings, facts, features)
        for f in hits:
            out.append(record(plant.doc, plant.kind, "caught", f, values, number))
        if not hits:
            why = _why_missed(plant, findings, planter.glossary, _read_as(g, facts))
            out.append(
                Record(name, plant.doc, plant.kind, "missed", "", why, plant.note, "", number)
            )
    chars = 0
    for doc, lines in sorted(mine.items()):
        text = "\n".join(lines) + "\n"
        chars += len(text)
        findings, facts = check_facts(
            text, doc, glossary_for(glossary, doc), settings, graded=features is None
        )
        values = _values(findings, facts, features)
        for f in findings:
            real = _real(f, variants.get(doc, []), early.get(doc, set()))
            out.append(record(doc, "clean", "real" if real else "alarm", f, values))
    return out, chars


def _values(findings, facts, features) -> dict | None:
    """Finding → its features (`features(findings, facts)` gives them in order)."""
    if features is None:
        return None
    return dict(zip(findings, features(findings, facts), strict=True))


def _read_as(g: dict, facts) -> str:
    """How the checker reads the gold definition a plant stands next to, in the draft: `read`
    (its short form with the gold's full form), `read otherwise` (another full form), or
    `unread` (no definition of that short form): a plant next to a definition the checker
    does not read as the gold does is missed for that reason, whatever its kind."""
    short = normalize(_bare(g["abbr"]))
    fulls = {normalize(_bare(d.full)) for d in facts.definitions if normalize(d.short) == short}
    if not fulls:
        return "unread"
    return "read" if normalize(_bare(g["full"])) in fulls else "read otherwise"


def _why_missed(plant, findings, glossary, read_as: str = "read") -> str:
    """Why no finding caught a plant: the planted form known to the glossaries or not, what
    the planter did (for an undefined short form), how the checker reads the definition the
    plant stands next to (for the other kinds, when not as the gold), and the findings on its
    line elsewhere."""
    planted = plant.text.split("\n")[plant.line - 1][plant.start - 1 : plant.end - 1]
    known = "known form" if normalize(planted) in glossary else "unknown form"
    how = plant.note.split(":")[0] + ", " if plant.kind == "undefined" else ""
    if plant.kind != "undefined" and read_as != "read":
        how = f"definition {read_as}, "
    on_line = sorted({f.rule for f in findings if f.line <= plant.line <= f.end_line})
    where = (
        "findings elsewhere on its line: " + ",".join(on_line)
        if on_line
        else "no finding on its line"
    )
    return f"{how}{known}, {where}"


def _collect(name: str) -> tuple[list[Record], int]:
    return collect(name)


def gather(names: list[str], jobs: int, task=_collect) -> dict[str, tuple[list[Record], int]]:
    if jobs <= 1:
        return {n: task(n) for n in names}
    with ProcessPoolExecutor(jobs) as pool:
        return dict(zip(names, pool.map(task, names), strict=True))


def shown(r: Record) -> bool:
    """Does a user see the finding by default (every severity but `hint`)?"""
    return r.severity != "hint"


def tables(results: dict[str, tuple[list[Record], int]]) -> str:
    """The two Markdown tables and a line per fold."""
    lines = [
        "| fold | recall | alarms | per 10k | hints on clean per 10k |",
        "|---|---|---|---|---|",
    ]
    alarms: Counter[tuple[str, str]] = Counter()
    per_fold: dict[tuple[str, str], Counter] = defaultdict(Counter)
    missed: Counter[tuple[str, str]] = Counter()
    all_chars = all_alarms = all_plants = all_found = all_hints = 0
    for name, (records, chars) in results.items():
        plants, found = _recall(records)
        n = sum(r.label == "alarm" and shown(r) for r in records)
        hints = sum(r.label == "alarm" and not shown(r) for r in records)
        lines.append(f"| {name} | {found / max(1, plants):.3f} ({found}/{plants}) | {n} | "
                     f"{1e4 * n / chars:.2f} | {1e4 * hints / chars:.2f} |")  # fmt: skip
        all_chars, all_alarms, all_hints = all_chars + chars, all_alarms + n, all_hints + hints
        all_plants, all_found = all_plants + plants, all_found + found
        for r in records:
            if r.label == "alarm" and shown(r):
                alarms[r.rule, r.trigger] += 1
                per_fold[r.rule, r.trigger][name] += 1
        for kind, why in _misses(records):
            missed[kind, why] += 1
    lines.append(f"| pooled | {all_found / max(1, all_plants):.3f} ({all_found}/{all_plants}) | "
                 f"{all_alarms} | {1e4 * all_alarms / all_chars:.2f} | "
                 f"{1e4 * all_hints / all_chars:.2f} |")  # fmt: skip
    lines += ["", f"False alarms by rule and trigger ({all_chars} clean characters):", "",
              "| rule | trigger | alarms | per 10k | folds |", "|---|---|---|---|---|"]  # fmt: skip
    for (rule, trigger), n in sorted(alarms.items(), key=lambda kv: (-kv[1], kv[0])):
        folds = ", ".join(f"{f} {c}" for f, c in sorted(per_fold[rule, trigger].items()))
        lines.append(f"| {rule} | {trigger} | {n} | {1e4 * n / all_chars:.2f} | {folds} |")
    lines += ["", "Missed plants by kind and why:", "", "| kind | why | missed |", "|---|---|---|"]
    for (kind, why), n in sorted(missed.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        lines.append(f"| {kind} | {why} | {n} |")
    return "\n".join(lines)


def _plants(records: list[Record]) -> dict[int, tuple[str, str, bool]]:
    """Each plant's number → (kind, why it is missed, found by a finding a user sees)."""
    out: dict[int, tuple[str, str, bool]] = {}
    for r in records:
        if r.plant < 0:
            continue
        kind, why, found = out.get(r.plant, (r.source, "caught only by a hint", False))
        if r.label == "missed":
            why = r.trigger
        out[r.plant] = (kind, why, found or (r.label == "caught" and shown(r)))
    return out


def _recall(records: list[Record]) -> tuple[int, int]:
    plants = _plants(records)
    return len(plants), sum(found for _, _, found in plants.values())


def _misses(records: list[Record]):
    for kind, why, found in _plants(records).values():
        if not found:
            yield kind, why


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--test", action="store_true", help="also the UNPC test half (judged)")
    parser.add_argument("--json", help="write every record to this file")
    args = parser.parse_args()
    results = gather(fold_names(args.test), args.jobs)
    print(tables(results))
    if args.json:
        rows = {
            n: {"chars": c, "records": [r._asdict() for r in rs]} for n, (rs, c) in results.items()
        }
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
