"""What the English twin's name adds to the boundary: the UNPC devset with and without it.

Run: python bench/english_extent.py [--verbose] [--without seed003]
The UNPC devset's Chinese lines have their English translation on the same line of
`UNv1.0.devset.en`; `termkit.extract.english_extent.refine` re-decides each definition's
boundary with the English of its line. Strict scores (gold/README.md) of the UNPC devset's
documents, 5-fold CV grouped by document exactly as bench/fit_boundary.py (weights fitted on
the other folds of every dev set, min_probability 0.2), without and with the English; and the
same with the shipped weights (dev figures). The English pass itself has no fitted weight.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from _paths import REPO

sys.path.insert(0, str(REPO))

from corpus_names import for_document
from fit_boundary import FOLDS, C, fit, labelled
from gold import UNPC, Found, GoldDoc, Score, dev_sets, fold_of, score_document

from termkit.extract import extract_text
from termkit.extract.english_extent import refine
from termkit.extract.scoring import default_model

AT = 0.2


def found(doc: GoldDoc, model, english: list[str] | None) -> list[Found]:
    definitions = extract_text(doc.text, doc.name, model=model, names=for_document(doc))
    if english is not None:
        definitions = refine(definitions, lambda line: english[doc.line_map[line - 1] - 1])
    return [
        Found(d.line, d.short_line, d.full, d.short, "en" if d.kind == "english" else "zh")
        for d in definitions
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list what the English changed")
    parser.add_argument("--without", action="append", default=[], help="leave a dev set out")
    args = parser.parse_args()
    english = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").split("\n")
    sets = dev_sets(tuple(args.without))
    docs = [d for ds in sets.values() for d in ds]
    examples = {d.name: labelled(d) for d in docs}
    unpc = sets["unpc devset"]
    cv = {"without": Score(), "with": Score()}
    shipped = {"without": Score(), "with": Score()}
    changes = []
    for fold in range(FOLDS):
        train = [d for d in docs if fold_of(d.group, FOLDS) != fold]
        model = replace(fit([e for d in train for e in examples[d.name]], C), min_probability=AT)
        for doc in (d for d in unpc if fold_of(d.group, FOLDS) == fold):
            for scores, weights in ((cv, model), (shipped, default_model())):
                plain, twin = found(doc, weights, None), found(doc, weights, english)
                scores["without"] += score_document(doc, plain)
                scores["with"] += score_document(doc, twin)
                if weights is model:
                    changes += [
                        f"  {doc.name}:{a.line} {a.full} -> {b.full} ({a.short})"
                        for a, b in zip(plain, twin, strict=True)
                        if a.full != b.full
                    ]
    print(f"UNPC devset ({len(unpc)} documents), min_probability {AT}:")
    for name, scores in (("5-fold CV by document", cv), ("shipped weights (dev)", shipped)):
        for side, score in scores.items():
            print(f"  {name:<22} {side:<8} English: {score.line()}")
    print(f"boundaries the English changed (CV): {len(changes)}")
    if args.verbose:
        print("\n".join(changes))


if __name__ == "__main__":
    main()
