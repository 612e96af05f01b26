"""Strict precision, recall and F1 of `termkit extract` on the hand-made gold, per error class.

Run: python bench/eval_gold.py [--verbose] [--heldout]
Scores seed 000 and the UNPC devset separately (gold/README.md's convention: certain entries
only, occurrence by occurrence), the UNPC devset also on its two document-grouped halves. The
shipped boundary weights are fitted on all of this dev data, so these are dev figures; the
cross-validated ones (weights fitted without the documents scored) come from
bench/fit_boundary.py.
`--heldout` scores bench/heldout/seed003.json as well, reported apart: never tune on it.
"""

from __future__ import annotations

import argparse
import sys

from _paths import REPO

sys.path.insert(0, str(REPO))

from gold import Found, GoldDoc, Score, fold_of, load_seed, load_unpc, score_document

from termkit.extract import extract_text


def found_in(doc: GoldDoc, **model) -> list[Found]:
    """What the extractor finds in a gold document (`model=` overrides the shipped weights)."""
    return [
        Found(d.line, d.short_line, d.full, d.short, "en" if d.kind == "english" else "zh")
        for d in extract_text(doc.text, doc.name, **model)
    ]


def evaluate(docs: list[GoldDoc], kind: str = "", **model) -> Score:
    total = Score()
    for doc in docs:
        found = [f for f in found_in(doc, **model) if not kind or f.kind == kind]
        if kind:
            doc = GoldDoc(
                doc.name,
                doc.group,
                doc.text,
                [g for g in doc.definitions if g.kind == kind],
                doc.non_definitions,
                doc.line_map,
            )
        total += score_document(doc, found)
    return total


def report(name: str, docs: list[GoldDoc], verbose: bool) -> None:
    score = evaluate(docs)
    print(f"{name:<22} {score.line()}")
    for kind in ("zh", "en"):
        print(f"  {kind + ' short forms':<20} {evaluate(docs, kind).line()}")
    for error, count in sorted(score.errors.items()):
        print(f"  {error:<20} {count}")
    if verbose:
        for example in score.examples:
            print("    " + example)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--heldout", action="store_true", help="also score bench/heldout/")
    args = parser.parse_args()
    seed = load_seed(REPO.parent / "shared" / "gold" / "seed000.json")
    unpc = load_unpc()
    report("seed000", [seed], args.verbose)
    report("unpc devset", unpc, args.verbose)
    report("unpc half A", [d for d in unpc if fold_of(d.group, 2) == 0], False)
    report("unpc half B", [d for d in unpc if fold_of(d.group, 2) == 1], False)
    if args.heldout:
        for path in sorted((REPO / "bench" / "heldout").glob("*.json")):
            report(f"HELD-OUT {path.stem}", [load_seed(path)], False)


if __name__ == "__main__":
    main()
