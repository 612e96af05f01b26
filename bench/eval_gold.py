"""Strict precision, recall and F1 of `termkit extract` on the hand-made gold, per error class.

Run: python bench/eval_gold.py [--verbose] [--gold FILE --texts DIR]
Scores each dev set separately (gold/README.md's convention: certain entries only, occurrence
by occurrence): seed 000, seed 003, the UNPC devset (also on its two document-grouped halves)
and the hand-annotated TRAIN set bench/annotated/un_pages/ when it is there. The shipped
boundary weights are fitted on all of this dev data, so these are dev figures; the
cross-validated ones (weights fitted without the documents scored) come from
bench/fit_boundary.py.
`--gold FILE [--texts DIR]` scores another annotation of that format (one document, or many
with a `doc` field: a held-out set), reported apart and alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _paths import REPO

sys.path.insert(0, str(REPO))

from corpus_names import for_document
from gold import Found, GoldDoc, Score, dev_sets, fold_of, load_annotation, score_document

from termkit.extract import extract_text


def found_in(doc: GoldDoc, **model) -> list[Found]:
    """What the extractor finds in a gold document (`model=` overrides the shipped weights),
    with the corpus table counted without the document (bench/corpus_names.py)."""
    return [
        Found(d.line, d.short_line, d.full, d.short, "en" if d.kind == "english" else "zh")
        for d in extract_text(doc.text, doc.name, names=for_document(doc), **model)
    ]


def evaluate(docs: list[GoldDoc], kind: str = "", **model) -> Score:
    """The strict score of the documents' extraction, of one kind of short form if `kind`."""
    return evaluate_kinds(docs, **model)[kind]


def evaluate_kinds(docs: list[GoldDoc], **model) -> dict[str, Score]:
    """The score over all short forms (key "") and of the Chinese ("zh") and the Latin ("en")
    ones apart, from one extraction of each document."""
    total = {kind: Score() for kind in ("", "zh", "en")}
    for doc in docs:
        found = found_in(doc, **model)
        for kind, score in total.items():
            part = doc
            if kind:
                part = GoldDoc(
                    doc.name,
                    doc.group,
                    doc.text,
                    [g for g in doc.definitions if g.kind == kind],
                    doc.non_definitions,
                    doc.line_map,
                )
            score += score_document(part, [f for f in found if not kind or f.kind == kind])
    return total


def report(name: str, docs: list[GoldDoc], verbose: bool) -> None:
    scores = evaluate_kinds(docs)
    score = scores[""]
    print(f"{name:<22} {score.line()}")
    for kind in ("zh", "en"):
        print(f"  {kind + ' short forms':<20} {scores[kind].line()}")
    for error, count in sorted(score.errors.items()):
        print(f"  {error:<20} {count}")
    if verbose:
        for example in score.examples:
            print("    " + example)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--gold", type=Path, help="score only this annotation (a held-out set)")
    parser.add_argument("--texts", type=Path, help="where --gold's document files are")
    parser.add_argument(
        "--without", action="append", default=[], help="leave this dev set out, unread (seed003)"
    )
    args = parser.parse_args()
    if args.gold:
        if not args.gold.is_file():
            parser.error(f"no annotation {args.gold}")
        docs = load_annotation(args.gold, args.texts)
        report(f"{args.gold} ({len(docs)} documents)", docs, args.verbose)
        return
    for name, docs in dev_sets(tuple(args.without)).items():
        report(name, docs, args.verbose)
        if name == "unpc devset":
            report("unpc half A", [d for d in docs if fold_of(d.group, 2) == 0], False)
            report("unpc half B", [d for d in docs if fold_of(d.group, 2) == 1], False)


if __name__ == "__main__":
    main()
