"""Fit the aligner's bead-merge model (`termkit/align/merge.py`) and measure it out of sample.

Candidates are the neighbouring beads of the aligner's own output without merging
(`merge=False`), on the Bible whole, the Bible cut into chapter-sized documents (190 links,
`align_bible.chapters`) and the UNPC devset documents (each aligned on its own, clean and with
the three perturbations of `align_unpc.perturb`). A pair is positive when the gold keeps all
its sentences in one link. Cross-validation is by blocks: the four books of the Bible
(Genesis, Exodus, Leviticus, Numbers: the verses of a book are never both fitted and scored)
and the UNPC documents dealt into the same four folds. Each fold's model, fitted on the other
three, merges its held-out pairs; the strict F1 of the Bible (whole and in chapters) with the
held-out merges is the cross-validated figure, printed beside the in-sample one (one model
fitted on all of it) and the figure without merging. UNPC: the held-out merges the gold does
not make (each is a wrong link). The regularization C is chosen by the pooled CV F1 of the
Bible whole and in chapters (hand-set grid); the break-even threshold 0.5 is hand-set (a right
merge wins one strict link and removes two wrong ones, a wrong merge loses two: above even
odds a merge gains in expectation).

Run by hand (scikit-learn, the `bench` extra):

    python bench/align_merge.py [--write] [--unpc-docs 366]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from align_bible import CHAPTER, DATA, chapters, load_bible, score  # noqa: E402
from align_unpc import DATA as UNPC  # noqa: E402
from align_unpc import load_documents, perturb  # noqa: E402

from termkit.align import align_texts  # noqa: E402
from termkit.align import merge as merging  # noqa: E402
from termkit.align.lengths import fitted_weights  # noqa: E402

MODEL = ROOT / "termkit" / "data" / "align_merge.json"
FOLDS = 4
GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def spans_of(beads) -> list[tuple[int, int, int, int]]:
    """Beads as (zh_start, zh_end, en_start, en_end): every sentence is in one bead, in order."""
    spans, z, e = [], 0, 0
    for b in beads:
        spans.append((z, z + len(b.zh), e, e + len(b.en)))
        z, e = z + len(b.zh), e + len(b.en)
    return spans


class Document:
    """One aligned document: its unmerged spans, candidate pairs with features and labels
    (from its own gold links, en first as the Bible's), its fold, and its gold numbered from
    `offset` (zh, en): the sentences of the documents before it."""

    def __init__(self, zh: list[str], en: list[str], gold, fold: int, offset: tuple[int, int]):
        beads = align_texts("\n".join(zh), "\n".join(en), presplit=True, merge=False)
        self.spans = spans_of(beads)
        self.fold, self.offset = fold, offset
        self.keys, self.x = merging.candidates(self.spans, zh, en)
        link = {("en", i): g for g in gold for i in g[0]} | {
            ("zh", j): g for g in gold for j in g[1]
        }
        self.y = np.array(
            [
                len(
                    {link.get(("zh", j)) for j in range(sp[0], nx[1])}
                    | {link.get(("en", i)) for i in range(sp[2], nx[3])}
                )
                == 1
                for sp, nx in ((self.spans[k], self.spans[k + 1]) for k in self.keys)
            ],
            dtype=bool,
        )
        z, e = offset
        self.gold = [(tuple(i + e for i in s), tuple(j + z for j in t)) for s, t in gold]

    def links(self, chosen: set[int]):
        """Test links (en first) after joining the chosen pairs, numbered from `offset`."""
        z, e = self.offset
        return [
            (tuple(range(e0 + e, e1 + e)), tuple(range(z0 + z, z1 + z)))
            for z0, z1, e0, e1 in merging.join(self.spans, chosen)
        ]


def bible_documents() -> tuple[Document, list[Document]]:
    """The Bible whole (one document; each candidate pair in the fold of its book) and its
    chapter-sized documents (each in the fold of the book it starts in)."""
    zh, en, gold = load_bible(DATA)
    whole = Document(zh, en, gold, -1, (0, 0))
    books = _books(len(en))
    whole.folds = np.array([books[whole.spans[k][2]] for k in whole.keys], dtype=np.int64)
    docs, z, e = [], 0, 0
    for czh, cen, cgold in chapters(zh, en, gold, CHAPTER):
        doc = Document(czh, cen, cgold, books[e], (z, e))
        docs.append(doc)
        z, e = z + len(czh), e + len(cen)
    return whole, docs


def _books(n_en: int) -> list[int]:
    """The book (0-3) of every English sentence, from the verse ids (grouping only)."""
    names = (DATA / "en.verse").read_text(encoding="utf-8").split()[:n_en]
    order = {b: k for k, b in enumerate(dict.fromkeys(v.split(":")[0] for v in names))}
    return [order[v.split(":")[0]] for v in names]


def unpc_documents(limit: int) -> list[Document]:
    rng = random.Random(13)
    docs = []
    for k, (_, zh, en) in enumerate(load_documents(UNPC)[:limit]):
        for kind in ("clean", "merge", "drop", "header"):
            zh2, en2, gold = perturb(zh, en, kind, rng)
            if zh2 and en2:
                docs.append(Document(zh2, en2, gold, k % FOLDS, (0, 0)))
    return docs


def fit(x: np.ndarray, y: np.ndarray, c: float) -> dict:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=c, max_iter=10000).fit(merging.expand(x, mean, scale), y)
    return {
        "features": list(merging.FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": 0.5,
    }


def chosen(doc: Document, model: dict, mask=None) -> set[int]:
    if not doc.keys:
        return set()
    p = merging.probabilities(doc.x, model)
    keep = p > model["threshold"]
    if mask is not None:
        keep &= mask
    return {k for k, q in zip(doc.keys, keep, strict=True) if q}


def evaluate(whole: Document, chaps: list[Document], unpc: list[Document], c: float):
    """Cross-validated and in-sample figures of one C: Bible whole and in chapters, strict F1;
    UNPC wrong merges (of how many candidate pairs)."""
    whole_fold = whole.folds
    train = [*chaps, *unpc]
    results = {}
    merged_whole: set[int] = set()
    merged_chaps: dict[int, set[int]] = {}
    wrong_unpc = 0
    for f in range(FOLDS):
        x = np.vstack([whole.x[whole_fold != f]] + [d.x for d in train if d.fold != f])
        y = np.concatenate([whole.y[whole_fold != f]] + [d.y for d in train if d.fold != f])
        model = fit(x, y, c)
        merged_whole |= chosen(whole, model, whole_fold == f)
        for n, d in enumerate(chaps):
            if d.fold == f:
                merged_chaps[n] = chosen(d, model)
        for d in unpc:
            if d.fold == f:
                wrong_unpc += sum(not d.y[d.keys.index(k)] for k in chosen(d, model))
    results["cv"] = (*_figures(whole, chaps, merged_whole, merged_chaps), wrong_unpc)
    x = np.vstack([whole.x] + [d.x for d in train])
    y = np.concatenate([whole.y] + [d.y for d in train])
    model = fit(x, y, c)
    wrong = sum(not d.y[d.keys.index(k)] for d in unpc for k in chosen(d, model))
    merged_chaps = {n: chosen(d, model) for n, d in enumerate(chaps)}
    results["in_sample"] = (*_figures(whole, chaps, chosen(whole, model), merged_chaps), wrong)
    return results, model


def _figures(whole: Document, chaps: list[Document], merged_whole, merged_chaps):
    whole_f1 = score(whole.gold, whole.links(merged_whole))["f1_strict"]
    gold = [g for d in chaps for g in d.gold]
    test = [t for n, d in enumerate(chaps) for t in d.links(merged_chaps.get(n, set()))]
    return round(whole_f1, 4), round(score(gold, test)["f1_strict"], 4)


def crossing_rates(whole: Document, zh: list[str], en: list[str]) -> tuple[float, float]:
    """Share of the known words of the crossed sentence pairs (the first bead's last zh
    sentence with the second's first en one, and the second's first zh with the first's
    last en) that the aligner's own lexicon (CC-CEDICT and Model 1 on the 1-1 beads)
    translates, over the candidate pairs the gold joins and over those it does not: words
    that tell a 2-2 verse from two 1-1 verses would cross more often inside a verse."""
    from termkit.align.lexical import Lexical

    lexical = Lexical.from_sentences(zh, en)
    ones = [sp for sp in whole.spans if sp[1] - sp[0] == 1 and sp[3] - sp[2] == 1]
    lexical = lexical.learn(ones, min_lift=fitted_weights()["min_lift"])
    first = [whole.spans[k] for k in whole.keys]
    second = [whole.spans[k + 1] for k in whole.keys]
    crossed = lexical.pair_hits(
        np.array([a[1] - 1 for a in first]), np.array([b[2] for b in second])
    ) + lexical.pair_hits(np.array([b[0] for b in second]), np.array([a[3] - 1 for a in first]))
    rate = (crossed[0] + crossed[2]) / np.maximum(crossed[1] + crossed[3], 1.0)
    return float(rate[whole.y].mean()), float(rate[~whole.y].mean())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unpc-docs", type=int, default=366, help="UNPC documents used")
    parser.add_argument("--write", action="store_true", help="write the chosen model")
    args = parser.parse_args()
    whole, chaps = bible_documents()
    unpc = unpc_documents(args.unpc_docs)
    base = _figures(whole, chaps, set(), {})
    n_unpc = sum(len(d.keys) for d in unpc)
    print(
        f"without merging: Bible strict F1 {base[0]:.4f}, in chapters of {CHAPTER} {base[1]:.4f}; "
        f"candidates: Bible {len(whole.keys)} ({int(whole.y.sum())} joined by the gold), "
        f"UNPC {n_unpc} ({int(sum(d.y.sum() for d in unpc))})"
    )
    joined, apart = crossing_rates(whole, *load_bible(DATA)[:2])
    print(
        f"crossed sentence pairs, share of known words translated: {joined:.3f} in pairs the "
        f"gold joins, {apart:.3f} in the others"
    )
    table = {}
    for c in GRID:
        table[c] = evaluate(whole, chaps, unpc, c)
        cv, ins = table[c][0]["cv"], table[c][0]["in_sample"]
        print(
            f"C {c}: CV by book: Bible {cv[0]:.4f}, chapters {cv[1]:.4f}, UNPC wrong merges "
            f"{cv[2]} | in sample: Bible {ins[0]:.4f}, chapters {ins[1]:.4f}, UNPC {ins[2]}",
            flush=True,
        )
    best = max(GRID, key=lambda c: table[c][0]["cv"][0] + table[c][0]["cv"][1])
    print(f"chosen C {best}")
    if args.write:
        model = table[best][1]
        model["C"] = best
        data = {
            "comment": "Bead-merge model of termkit/align/merge.py, written by "
            "bench/align_merge.py: logistic regression on standardized features and their "
            "pairwise products; cv: 4-fold by Bible book (UNPC documents dealt into the "
            "same folds), strict F1 of the Bible whole and in chapters of 190 links, UNPC "
            "wrong merges.",
            "model": model,
            "figures": {
                "without": list(base),
                **{str(c): table[c][0] for c in GRID},
            },
        }
        MODEL.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
