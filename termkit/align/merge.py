"""Joining neighbouring beads into one unit: a fitted decision after the dynamic programme,
for texts whose links are verses rather than sentences (`align_sentences(merge=True)`).

The DP scores every bead by how well its sentences translate each other, so where a verse
holds two sentences a side that translate one by one it rightly finds 1-1 + 1-1; a gold that
keeps the verse as one 2-2 link counts both beads wrong. Words cannot tell that case apart
(each sentence is right, and the words of one sentence meet the other's no more often in a
verse than across verses: `bench/align_merge.py`); shape can, for such a gold: a unit of
two sentences has shorter sentences than the document's usual one, and its first sentence
often asks what the second answers. A logistic model on the two beads' lengths (relative to
the document's mean sentence, each side) and whether the first bead ends in a question mark,
with the pairwise products of those, says how likely the gold joins them; pairs above
`threshold` are joined (runs of them into one bead). Only beads that both end a sentence on
both sides are candidates. The weights are fitted by `bench/align_merge.py`
(cross-validated by book of the Bible, UNPC documents in the same folds) and kept in
`termkit/data/align_merge.json`. Off by default: a gold of sentence pairs (the literary
set's, UN documents') keeps apart exactly the pairs this joins.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

Span = tuple[int, int, int, int]

# The input features, in the order the fitted weights read them.
FEATURES = (
    "zh_first", "zh_second", "en_first", "en_second",  # log(length / document mean)
    "zh_question", "en_question",  # the first bead ends in a question mark
)  # fmt: skip
# Closing quotes and brackets stand after a sentence's final mark.
_CLOSERS = "\"'”’」』）)]》〉"
_FINAL_ZH = frozenset("。？！?!.…")
_FINAL_EN = frozenset(".?!…")


@lru_cache(maxsize=1)
def fitted_model() -> dict:
    """The merge model written by `bench/align_merge.py` (package data)."""
    from importlib import resources

    text = (resources.files("termkit") / "data" / "align_merge.json").read_text("utf-8")
    return json.loads(text)["model"]


def _last_mark(text: str) -> str:
    return text.rstrip().rstrip(_CLOSERS)[-1:]


def candidates(
    spans: Sequence[Span], zh: Sequence[str], en: Sequence[str]
) -> tuple[list[int], np.ndarray]:
    """Indices k of neighbouring beads spans[k], spans[k + 1] that may be joined (both hold
    sentences on both sides, and both end a sentence on both: a clause that runs on was cut
    by the text's own layout, not by a sentence splitter, and a date or a name without a
    final stop is a line of its own), and their features."""
    zh_len = np.array([max(len(s.strip()), 1) for s in zh], dtype=np.float64)
    en_len = np.array([max(len(s.strip()), 1) for s in en], dtype=np.float64)
    zh_mean = float(zh_len.mean()) if len(zh_len) else 1.0
    en_mean = float(en_len.mean()) if len(en_len) else 1.0
    keys, rows = [], []
    for k in range(len(spans) - 1):
        (z0, z1, e0, e1), (z2, z3, e2, e3) = spans[k], spans[k + 1]
        if z0 == z1 or e0 == e1 or z2 == z3 or e2 == e3:
            continue
        zh_mark, en_mark = _last_mark(zh[z1 - 1]), _last_mark(en[e1 - 1])
        if zh_mark not in _FINAL_ZH or en_mark not in _FINAL_EN:
            continue
        if _last_mark(zh[z3 - 1]) not in _FINAL_ZH or _last_mark(en[e3 - 1]) not in _FINAL_EN:
            continue
        keys.append(k)
        rows.append(
            (
                math.log(zh_len[z0:z1].sum() / zh_mean),
                math.log(zh_len[z2:z3].sum() / zh_mean),
                math.log(en_len[e0:e1].sum() / en_mean),
                math.log(en_len[e2:e3].sum() / en_mean),
                float(zh_mark in "？?"),
                float(en_mark == "?"),
            )
        )
    return keys, np.array(rows, dtype=np.float64).reshape(-1, len(FEATURES))


def expand(x: np.ndarray, mean: Sequence[float], scale: Sequence[float]) -> np.ndarray:
    """Standardized features and their pairwise products (squares included), the model's
    inputs."""
    z = (x - np.asarray(mean)) / np.asarray(scale)
    n = z.shape[1]
    products = [z[:, i] * z[:, j] for i in range(n) for j in range(i, n)]
    return np.column_stack([z, *products]) if len(z) else np.zeros((0, n + n * (n + 1) // 2))


def probabilities(x: np.ndarray, model: dict) -> np.ndarray:
    """How likely the gold joins each candidate pair, by the fitted logistic model."""
    score = expand(x, model["mean"], model["scale"]) @ np.asarray(model["coef"])
    return 1.0 / (1.0 + np.exp(-(score + model["intercept"])))


def join(spans: Sequence[Span], chosen: set[int]) -> list[Span]:
    """Spans with spans[k] and spans[k + 1] joined for every k chosen (runs join together)."""
    out: list[Span] = []
    for k, span in enumerate(spans):
        if k - 1 in chosen:
            z0, _, e0, _ = out[-1]
            out[-1] = (z0, span[1], e0, span[3])
        else:
            out.append(span)
    return out


def merge_spans(
    spans: Sequence[Span], zh: Sequence[str], en: Sequence[str], model: dict | None = None
) -> list[Span]:
    """The alignment with every neighbouring pair the model gives more than its threshold
    joined into one bead."""
    model = fitted_model() if model is None else model
    keys, x = candidates(spans, zh, en)
    if not keys:
        return list(spans)
    p = probabilities(x, model)
    return join(spans, {k for k, q in zip(keys, p, strict=True) if q > model["threshold"]})
