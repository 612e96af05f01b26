"""Score a real `termkit build` over the dev documents against the gold, with and without the
corpus pass.

Run: python bench/eval_build.py [--jobs N] [--gold FILE --texts DIR]
Every dev document is written to a temporary folder as a file of its own (the seeds, the UNPC
devset regrouped into its UN documents by `.ids`, those without a bracket too, and the TRAIN
sets under bench/annotated/), and the corpus is built with `termkit.build.build_corpus`, once
with the shipped corpus rule and once with its weight at 0 (the extractor's decisions alone).
A build is a glossary, not a list of occurrences, so it is scored per document and type: a
(full form, short form) pair counts as found in a document when both terms list it among
their sources; a certain gold definition of the document is found when its pair is (strict,
gold/README.md's keys); a found pair matching an uncertain gold entry counts neither way.
Sources are capped at 50 per term (termkit.termbase.model.MAX_SOURCES), so a pair found in
more than 50 documents can be missed in some. `--gold FILE --texts DIR` adds a set in
seed003.json's format to the corpus and scores it apart.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from _paths import REPO

sys.path.insert(0, str(REPO))

from fit_corpus import unpc_without_brackets
from gold import GoldDoc, Score, dev_sets, key, load_annotation

import termkit.build
from termkit.build import build_corpus
from termkit.corpus import fitted_rule
from termkit.termbase.model import Termbase

SHORT_TYPES = ("shortForm", "acronym", "abbreviation")


def write_corpus(folder: Path, docs: list[GoldDoc], others: list[str]) -> dict[str, GoldDoc]:
    """Each document as a file of its own; path -> gold document."""
    paths = {}
    for i, doc in enumerate(docs):
        path = folder / f"gold{i:05d}.txt"
        path.write_text(doc.text, encoding="utf-8")
        paths[str(path)] = doc
    for i, text in enumerate(others):
        (folder / f"other{i:05d}.txt").write_text(text, encoding="utf-8")
    return paths


def pairs_by_document(termbase: Termbase) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for concept in termbase.concepts:
        fulls = concept.terms_of("zh", "fullForm")
        shorts = [t for t in concept.terms if t.type in SHORT_TYPES]
        for full in fulls:
            for short in shorts:
                for path in set(full.sources) & set(short.sources):
                    found.setdefault(path, set()).add((key(full.text), key(short.text)))
    return found


def score(paths: dict[str, GoldDoc], found: dict[str, set[tuple[str, str]]]) -> Score:
    total = Score()
    for path, doc in paths.items():
        certain = {(key(g.full), key(g.short)) for g in doc.definitions if not g.uncertain}
        doubtful = {
            (key(full), key(g.short))
            for g in doc.definitions
            if g.uncertain
            for full in (g.full, *g.acceptable)
        }
        pairs = found.get(path, set())
        total.tp += len(pairs & certain)
        total.fp += len(pairs - certain - doubtful)
        total.fn += len(certain - pairs)
    return total


def build(files: list[str], jobs: int, weight: float | None) -> Termbase:
    """The build's termbase; `weight` replaces the shipped corpus weight (0: no corpus pass)."""
    if weight is None:
        return build_corpus(files, jobs=jobs).termbase
    shipped = termkit.build.fitted_rule
    termkit.build.fitted_rule = lambda: replace(shipped(), weight=weight)
    try:
        return build_corpus(files, jobs=jobs).termbase
    finally:
        termkit.build.fitted_rule = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--gold", type=Path, help="another annotation, scored apart")
    parser.add_argument("--texts", type=Path, help="the folder of --gold's documents")
    parser.add_argument(
        "--without", action="append", default=[], help="leave this dev set out, unread (seed003)"
    )
    args = parser.parse_args()
    sets = dev_sets(tuple(args.without))
    if args.gold:
        sets["--gold"] = load_annotation(args.gold, args.texts)
    docs = [doc for group in sets.values() for doc in group]
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), docs, unpc_without_brackets())
        files = sorted(str(p) for p in Path(tmp).glob("*.txt"))
        rule = fitted_rule()
        print(f"{len(files)} documents; shipped corpus rule: weight {rule.weight}, ", end="")
        print(f"options {rule.options}")
        before = pairs_by_document(build(files, args.jobs, 0.0))
        after = pairs_by_document(build(files, args.jobs, None))
    for name, group in sets.items():
        ids = {id(d) for d in group}
        members = {p: d for p, d in paths.items() if id(d) in ids}
        print(f"{name:<16} corpus pass off {score(members, before).line()}")
        print(f"{'':<16} corpus pass on  {score(members, after).line()}")
    dev = {p: d for p, d in paths.items() if id(d) not in {id(x) for x in sets.get("--gold", [])}}
    print(f"{'all dev':<16} corpus pass off {score(dev, before).line()}")
    print(f"{'':<16} corpus pass on  {score(dev, after).line()}")


if __name__ == "__main__":
    main()
