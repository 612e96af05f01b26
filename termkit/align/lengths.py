"""The sentence aligner: Gale–Church dynamic programming over sentence lengths, with anchors.

Why not nltk's `gale_church`: it refuses long documents, underflows so that impossible beads
cost nothing, and is pure Python. Here the cost is computed in log space (no underflow), the
table is banded around the expected path (memory grows with the document, not its square),
each row is one set of numpy operations, and 0-1 beads inside a row are resolved with a
prefix minimum. The zh→en length ratio, its variance and the bead priors are estimated from the
documents themselves: a first pass on defaults, a second pass on what the first one found,
in a narrow band around the first path.

Unlike Gale & Church, a 1-0 or 0-1 bead costs its prior only, whatever the sentence's length
(as in vecalign): with a length term, deleting a long sentence costs more than gluing it to a
neighbour, and a sentence missing from one side always ends up merged into a wrong bead.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from termkit.align.lexical import Lexical

# Beads as (zh sentences, en sentences). Chinese splits finer than English (`；`), so n-1 beads
# with n > 1 are as common as 1-n.
BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2),
    (3, 1), (1, 3), (3, 2), (2, 3), (4, 1), (1, 4),
)  # fmt: skip
DEFAULT_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.80, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.08, (1, 2): 0.03, (2, 2): 0.02,
    (3, 1): 0.02, (1, 3): 0.005, (3, 2): 0.006, (2, 3): 0.003, (4, 1): 0.005, (1, 4): 0.001,
}  # fmt: skip
_INF = np.inf
# Non-space English characters per Chinese character, in UN documents and the Bible alike (3.4),
# and how many Chinese characters' worth of evidence that prior counts for.
PRIOR_RATIO = 3.4
PRIOR_WEIGHT = 200.0
# Variance of (en - ratio·zh) per unit of mean length, measured on UN and Bible 1-1 pairs
# (14.4 at ratio 3.4), and the dispersion factor the cost applies to it: the tail-probability
# cost with the true variance over-trusts lengths; about 3x works best on both test sets.
VARIANCE_PER_RATIO = 4.3
DISPERSION = 3.2
# Share of known words translated in a true 1-1 pair and in a random one (zh, then en), before
# the documents' own are measured (Bible and UN documents with CC-CEDICT: about 0.35-0.45 and
# 0.05-0.1).
DEFAULT_RATES = (0.4, 0.1, 0.4, 0.1)
_MAX_ZH = max(a for a, _ in BEADS)
_MAX_EN = max(b for _, b in BEADS)


@lru_cache(maxsize=1)
def fitted_weights() -> dict[str, float]:
    """Weights of the evidence sources, fitted by `bench/align_fit.py` (package data): the one
    source of the defaults here and in `termkit.align`."""
    from importlib import resources

    text = (resources.files("termkit") / "data" / "align_weights.json").read_text("utf-8")
    return json.loads(text)["weights"]


@dataclass
class Params:
    """What the cost depends on; `estimate` refits it from an alignment of the documents."""

    ratio: float  # English length per unit of Chinese length
    variance: float  # variance of (en - ratio * zh) per unit of mean length
    priors: dict[tuple[int, int], float] = field(default_factory=lambda: dict(DEFAULT_PRIORS))
    anchor_weight: float = 8.0
    anchor_miss: float = 1.0  # a bead with anchors on one side only, or none shared
    label_penalty: float = 3.0  # first sentences' labels differ, or a label inside a bead
    # A heading glued to other sentences of its side; fitted by bench/align_fit.py.
    heading_penalty: float = field(default_factory=lambda: fitted_weights()["heading_penalty"])
    # The floor of the 1-0 and 0-1 priors refitted to the documents, as a share of their
    # default (see `_estimate`); fitted by bench/align_fit.py.
    deletion_floor: float = field(default_factory=lambda: fitted_weights()["deletion_floor"])
    paragraph_penalty: float = 1.5  # a bead crossing a paragraph break on one side only
    lexical_weight: float = 0.0  # scale of the lexical log-likelihood ratio
    # Share of known words translated on the other side, in a true 1-1 pair and in a random
    # one: (zh true, zh random, en true, en random); see `lexical_rates`.
    lexical_rates: tuple[float, float, float, float] = DEFAULT_RATES
    # How a bead's other side is sized for the random rate: 0 counts its sentences, 1 its
    # known words (in average sentences); `miss_weight` scales the evidence of untranslated
    # words. Both fitted by bench/align_fit.py.
    random_growth: float = 1.0
    miss_weight: float = 0.0
    # Scale of the evidence against a merged bead one of whose sentences the other side does
    # not translate (see `_unsupported`); fitted by bench/align_fit.py.
    coverage_weight: float = 0.0

    def prior_cost(self, bead: tuple[int, int]) -> float:
        return -math.log(self.priors[bead])


def log_erfc(x: np.ndarray) -> np.ndarray:
    """log(erfc(x)) for x ≥ 0, accurate to 1e-7 relative and free of underflow (Numerical
    Recipes' Chebyshev fit, kept in log form; Horner's rule in place, one array at a time)."""
    t = np.multiply(x, 0.5)
    t += 1.0
    np.divide(1.0, t, out=t)
    poly = t * 0.17087277
    for c in (-0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418,
              0.37409196, 1.00002368):  # fmt: skip
        poly += c
        poly *= t
    poly += -1.26551223
    out = np.log(t)
    out -= x * x
    out += poly
    return out


def length_delta(zh_len, en_len, params: Params):
    """|en - ratio·zh| in standard deviations; the variance grows with the mean length."""
    zh_len = np.asarray(zh_len, dtype=np.float64)
    en_len = np.asarray(en_len, dtype=np.float64)
    mean = np.maximum((zh_len + en_len / params.ratio) / 2.0, 1.0)
    return np.abs(en_len - params.ratio * zh_len) / np.sqrt(params.variance * mean)


def length_cost(zh_len, en_len, params: Params) -> np.ndarray:
    """-log of the two-tailed probability of the length difference (Gale & Church 1993)."""
    return -log_erfc(length_delta(zh_len, en_len, params) / math.sqrt(2.0))


@dataclass
class _Doc:
    """Per-sentence arrays of both sides, in the form the DP reads them."""

    zh_cum: np.ndarray
    en_cum: np.ndarray
    zh_anchor_cum: np.ndarray
    en_anchor_cum: np.ndarray
    # Per zh sentence, the sorted en indices sharing an anchor with it (with repeats), all in
    # one sorted array keyed sentence * match_stride + en index + _MAX_EN; match_start[i] is
    # where sentence i's keys begin.
    match_keys: np.ndarray
    match_start: np.ndarray
    match_stride: int
    zh_label: np.ndarray  # paragraph label id per sentence, 0 for none (same ids on both sides)
    en_label: np.ndarray
    zh_label_cum: np.ndarray  # running count of labelled sentences
    en_label_cum: np.ndarray
    zh_open_cum: np.ndarray  # running count of sentences without final punctuation (headings)
    en_open_cum: np.ndarray
    zh_para_cum: np.ndarray  # running count of sentences that open a paragraph
    en_para_cum: np.ndarray
    lexical: Lexical | None = None  # word translations between sentences (see lexical.py)
    zh_known_cum: np.ndarray | None = None  # running count of words the lexicon knows
    en_known_cum: np.ndarray | None = None

    @classmethod
    def build(
        cls,
        zh_len: Sequence[float],
        en_len: Sequence[float],
        zh_anchors: Sequence[frozenset[str]],
        en_anchors: Sequence[frozenset[str]],
        zh_shape: Shape | None,
        en_shape: Shape | None,
        centre: np.ndarray,
        radius: float,
        lexical: Lexical | None = None,
    ) -> _Doc:
        """Arrays of both sides; anchor matches are kept for en sentences within `radius` of
        where each zh sentence is expected (`centre`, one en position per zh count): frequent
        anchors would otherwise pair every sentence with thousands."""
        where: dict[str, list[int]] = {}
        for j, anchors in enumerate(en_anchors):
            for a in anchors:
                where.setdefault(a, []).append(j)
        arrays = {a: np.array(js) for a, js in where.items()}
        matches = []
        for r, anchors in enumerate(zh_anchors):
            lo, hi = centre[r] - radius, centre[r + 1] + radius
            found = [arrays[a] for a in anchors if a in arrays]
            found = [x[np.searchsorted(x, lo) : np.searchsorted(x, hi, "right")] for x in found]
            matches.append(np.sort(np.concatenate(found)) if found else np.zeros(0, np.int64))
        stride = 2 * (len(en_len) + _MAX_EN + 1)  # above every en position a query reads
        keys = [i * stride + x + _MAX_EN for i, x in enumerate(matches)]
        return cls(
            np.concatenate([[0.0], np.cumsum(zh_len, dtype=np.float64)]),
            np.concatenate([[0.0], np.cumsum(en_len, dtype=np.float64)]),
            np.concatenate([[0], np.cumsum([len(a) for a in zh_anchors])]).astype(np.float64),
            np.concatenate([[0], np.cumsum([len(a) for a in en_anchors])]).astype(np.float64),
            np.concatenate([*keys, np.zeros(0, np.int64)]),
            np.concatenate([[0], np.cumsum([len(x) for x in matches])]),
            stride,
            *_shape_arrays(zh_shape, en_shape, len(zh_len), len(en_len)),
            lexical,
            np.concatenate([[0.0], np.cumsum(lexical.zh_known)]) if lexical else None,
            np.concatenate([[0.0], np.cumsum(lexical.en_known)]) if lexical else None,
        )

    @property
    def n_zh(self) -> int:
        return len(self.zh_cum) - 1

    @property
    def n_en(self) -> int:
        return len(self.en_cum) - 1


@dataclass(frozen=True)
class Shape:
    """Layout of one side's sentences: paragraph labels (`3`, `a`, None) and which sentences
    end without final punctuation (headings). A numbered paragraph starts a bead, on both sides
    with the same label; a heading is not glued to the sentence after it."""

    labels: Sequence[str | None]
    open_ends: Sequence[bool]
    paragraph_starts: Sequence[bool] = ()


def _shape_arrays(zh: Shape | None, en: Shape | None, n: int, m: int):
    ids: dict[str, int] = {}
    out = []
    for shape, size in ((zh, n), (en, m)):
        labels = shape.labels if shape else [None] * size
        out.append(np.array([ids.setdefault(x, len(ids) + 1) if x else 0 for x in labels]))
    for label_ids in list(out):
        out.append(np.concatenate([[0], np.cumsum(label_ids > 0)]))
    for attr in ("open_ends", "paragraph_starts"):
        for shape, size in ((zh, n), (en, m)):
            flags = getattr(shape, attr) if shape else ()
            flags = np.asarray(flags if len(flags) else [False] * size, dtype=bool)
            out.append(np.concatenate([[0], np.cumsum(flags)]))
    return out


def _dice(matched, zh_count, en_count) -> np.ndarray:
    """Dice overlap of the anchors of a bead; 0 where either side has none."""
    total = zh_count + en_count
    both = (zh_count > 0) & (en_count > 0)
    shared = np.minimum(matched, np.minimum(zh_count, en_count))
    return np.where(both, 2.0 * shared / np.maximum(total, 1.0), 0.0)


def _band(doc: _Doc, centre: np.ndarray, half: int) -> tuple[np.ndarray, int]:
    """Row starts and width of a band of half-width `half` around `centre` (one j per row)."""
    m = doc.n_en
    width = min(2 * half + 1, m + 1)
    lo = np.clip(np.rint(centre).astype(np.int64) - half, 0, m + 1 - width)
    # The path starts at (0, 0) and ends at (n, m), whatever the centre says.
    lo[0], lo[-1] = 0, m + 1 - width
    lo = np.maximum.accumulate(lo)
    return lo, width


# Half-width of the band around an earlier path: later passes move the path by a few
# sentences at most (the band still doubles when the path reaches its edge).
_GUIDED_HALF = 16
_MAX_WIDTH = 4097  # widest band worth widening to (columns)
_CHUNK = 64  # rows whose bead costs are computed in one batch of array operations


def _chunk_costs(doc: _Doc, params: Params, lo: np.ndarray, width: int, i0: int, i1: int, values):
    """Cost of every bead type ending at every cell of rows i0..i1-1: (beads, rows, width);
    `values` are the word value tables of `_word_values` (None without words)."""
    rows = np.arange(i0, i1)
    ends = lo[rows][:, None] + np.arange(width)[None, :]
    out = np.full((len(BEADS), len(rows), width), _INF)
    # Lengths and anchor counts of the en side of every bead, by its number of sentences.
    en_len = [doc.en_cum[ends] - doc.en_cum[np.maximum(ends - b, 0)] for b in range(_MAX_EN + 1)]
    en_anchor = [
        doc.en_anchor_cum[ends] - doc.en_anchor_cum[np.maximum(ends - b, 0)]
        for b in range(_MAX_EN + 1)
    ]
    for t, (a, b) in enumerate(BEADS):
        if a == 0:
            continue
        out[t] = params.prior_cost((a, b))
        if b:  # deletions cost their prior only (see the module docstring)
            zh_len = (doc.zh_cum[rows] - doc.zh_cum[np.maximum(rows - a, 0)])[:, None]
            out[t] += length_cost(zh_len, en_len[b], params)
            out[t] += _shape_costs(doc, params, rows, ends, a, b)
            # Anchors on either side that the other side does not share (the shared ones are
            # credited back, with the bonus, in _add_anchor_costs).
            zh_anchor = doc.zh_anchor_cum[rows] - doc.zh_anchor_cum[np.maximum(rows - a, 0)]
            out[t] += params.anchor_miss * ((zh_anchor[:, None] + en_anchor[b]) > 0)
    _add_anchor_costs(doc, params, lo, width, rows, ends, out)
    if values is not None:
        _add_lexical_costs(doc, params, rows, ends, out, values)
    return out


def _add_lexical_costs(doc: _Doc, params: Params, rows, ends, out, values) -> None:
    """Subtract from every bead the log-likelihood ratio of its words under "translation"
    against "random sentences": each known word of one side that a word of the other side
    translates is evidence for the bead; a word counts once, however many sentences of the bead translate it, and the chance of a random hit
    grows with the number of words it may be found among, so every bead shape is scored on
    the same footing."""
    lex = doc.lexical
    z0, z1 = max(int(rows[0]) - _MAX_ZH, 0), int(rows[-1])
    e0, e1 = max(int(ends.min()) - _MAX_EN, 0), int(ends.max())
    r, c = rows - z0, ends - e0
    # zh_words[b-1][s, k]: known words of the first s zh sentences translated within the b en
    # sentences before en position k (running sums); en_words likewise.
    zh_words = _window_hits(lex.zh_hits(z0, z1, e0, e1), lex.zh_start[z0 : z1 + 1], _MAX_EN)
    en_words = _window_hits(lex.en_hits(z0, z1, e0, e1), lex.en_start[e0 : e1 + 1], _MAX_ZH)
    zh_values, en_values = values
    memo: dict[tuple[str, int, int], np.ndarray] = {}  # per-sentence terms of `_unsupported`
    for t, (a, b) in enumerate(BEADS):
        if a == 0 or b == 0:
            continue
        ra = np.maximum(r - a, 0)[:, None]
        zh_hit = zh_words[b - 1][r[:, None], c] - zh_words[b - 1][ra, c]
        en_hit = en_words[a - 1][c, r[:, None]] - en_words[a - 1][np.maximum(c - b, 0), r[:, None]]
        zh_known = (doc.zh_known_cum[rows] - doc.zh_known_cum[np.maximum(rows - a, 0)])[:, None]
        en_known = doc.en_known_cum[ends] - doc.en_known_cum[np.maximum(ends - b, 0)]
        llr = zh_values.llr(zh_hit, zh_known, b, en_known, params.miss_weight)
        llr += en_values.llr(en_hit, en_known, a, zh_known, params.miss_weight)
        out[t] -= params.lexical_weight * llr
        if params.coverage_weight and (a > 1 or b > 1):
            unsupported = _unsupported(
                doc, zh_values, en_values, zh_words, en_words, rows, ends, a, b, memo
            )
            out[t] += params.lexical_weight * params.coverage_weight * unsupported


class _WordValues:
    """What a known word of one side is worth, translated (`hit`) or not (`miss`), as log
    ratios of the rate in a true pair to the rate at random; the random rate is that of
    finding a translation among an other side of `m` sentences and `k` known words, sized
    between them by `random_growth` (see `Params`). Known words are counts: the values are
    tabulated by (m, k) once per block of rows."""

    def __init__(self, p_true: float, p_random: float, other_mean: float, growth: float, most: int):
        known = np.arange(most + 1, dtype=np.float64)
        self.hit = np.zeros((_MAX_ZH + _MAX_EN + 1, most + 1))
        self.miss = np.zeros_like(self.hit)
        for m in range(1, len(self.hit)):
            size = (known / other_mean) ** growth * m ** (1.0 - growth)
            random = 1.0 - (1.0 - p_random) ** np.maximum(size, 0.05)
            random = np.minimum(random, 0.9 * p_true)
            self.hit[m] = np.log(p_true / random)
            self.miss[m] = np.log((1.0 - p_true) / (1.0 - random))

    def llr(self, hits, known, m: int, other_known, miss_weight: float):
        """Log-likelihood ratio of `hits` translated words out of `known` against an other
        side of `m` sentences with `other_known` known words; misses weigh `miss_weight`."""
        index = other_known.astype(np.int64)
        llr = hits * self.hit[m][index]
        if miss_weight:
            llr += miss_weight * (known - hits) * self.miss[m][index]
        return llr


def _word_values(doc: _Doc, params: Params) -> tuple[_WordValues, _WordValues]:
    """Value tables of zh and en words, once per pass: up to the most known words a bead's
    side can have in the documents (its widest shape)."""
    zh_true, zh_random, en_true, en_random = params.lexical_rates
    zh_cum, en_cum = doc.zh_known_cum, doc.en_known_cum
    zh_mean = max(zh_cum[-1] / doc.n_zh, 1.0)
    en_mean = max(en_cum[-1] / doc.n_en, 1.0)
    zh_most, en_most = (
        int(np.max(cum - cum[np.maximum(np.arange(len(cum)) - widest, 0)]))
        for cum, widest in ((zh_cum, _MAX_ZH), (en_cum, _MAX_EN))
    )
    g = params.random_growth
    return (
        _WordValues(zh_true, zh_random, en_mean, g, en_most),
        _WordValues(en_true, en_random, zh_mean, g, zh_most),
    )


def _unsupported(doc: _Doc, zh_values, en_values, zh_words, en_words, rows, ends, a, b, memo):
    """Evidence against an a-b bead from its merged side(s): for every sentence of a side of
    two or more, how far its own words speak against being translated by the other side
    (the negative part of their log-likelihood ratio, misses counted in full). A sentence
    missing from one side is glued to its neighbour's bead only when nothing tells it apart;
    a heading merged into a line on the other side is translated there and costs nothing.
    A sentence's term depends on its place in the bead and the other side's size only: `memo`
    keeps them for the other bead shapes of the block."""
    z0 = max(int(rows[0]) - _MAX_ZH, 0)
    e0 = max(int(ends.min()) - _MAX_EN, 0)
    r, c = (rows - z0)[:, None], ends - e0
    zh_cum, en_cum = doc.zh_known_cum, doc.en_known_cum

    def zh_term(back: int) -> np.ndarray:  # the zh sentence `back` places before the end
        if ("zh", back, b) not in memo:
            en_known = en_cum[ends] - en_cum[np.maximum(ends - b, 0)]
            first = np.maximum(r - back, 0)
            hits = zh_words[b - 1][first + 1, c] - zh_words[b - 1][first, c]
            start = np.maximum(rows - back, 0)[:, None]
            llr = zh_values.llr(hits, zh_cum[start + 1] - zh_cum[start], b, en_known, 1.0)
            memo["zh", back, b] = np.maximum(-llr, 0.0)
        return memo["zh", back, b]

    def en_term(back: int) -> np.ndarray:
        if ("en", back, a) not in memo:
            zh_known = (zh_cum[rows] - zh_cum[np.maximum(rows - a, 0)])[:, None]
            first = np.maximum(c - back, 0)
            hits = en_words[a - 1][first + 1, r] - en_words[a - 1][first, r]
            start = np.maximum(ends - back, 0)
            llr = en_values.llr(hits, en_cum[start + 1] - en_cum[start], a, zh_known, 1.0)
            memo["en", back, a] = np.maximum(-llr, 0.0)
        return memo["en", back, a]

    total = np.zeros((len(rows), ends.shape[1]))
    if a > 1:
        for q in range(a):
            total += zh_term(a - q)
    if b > 1:
        for q in range(b):
            total += en_term(b - q)
    return total


def lexical_rates(lexical: Lexical, beads) -> tuple[float, float, float, float]:
    """How often a known word finds a translation in its 1-1 partner, and in a sentence a few
    places away (a random one), measured on an alignment of the documents and pulled towards
    typical rates by pseudo-counts (a short document says little)."""
    pairs = np.array([(z0, e0) for z0, z1, e0, e1 in beads if z1 - z0 == 1 and e1 - e0 == 1])
    if not len(pairs):
        return DEFAULT_RATES
    true = lexical.pair_hits(pairs[:, 0], pairs[:, 1])
    n_en = len(lexical.en_known)
    random = sum(lexical.pair_hits(pairs[:, 0], (pairs[:, 1] + shift) % n_en) for shift in (3, -5))
    strength = 50.0  # pseudo-words at the default rates
    rates = []
    for row in (0, 2):
        for counts, default in ((true, DEFAULT_RATES[row]), (random, DEFAULT_RATES[row + 1])):
            rates.append(
                (counts[row].sum() + strength * default) / (counts[row + 1].sum() + strength)
            )
    return tuple(float(x) for x in rates)


def _window_hits(hits: np.ndarray, starts: np.ndarray, widest: int) -> list[np.ndarray]:
    """For every window size w = 1..widest: per sentence of this side (running sums over
    them, from 0) and per end position k of the other side, how many of the sentence's known
    words are translated somewhere in the other side's sentences k-w..k-1. `hits` has one row
    per known word of the sentences whose token rows `starts` delimits."""
    n_tokens, n_cols = hits.shape
    starts = starts - starts[0]
    # gap[t, k]: k minus the last other-side sentence before k that translates word t; a word
    # is translated within the window k-w..k-1 when its gap is at most w.
    far = -n_cols - widest - 1
    last = np.full((n_tokens + 1, n_cols + 1), far, dtype=np.int32)
    if n_tokens and n_cols:
        found_at = np.where(hits, np.arange(n_cols, dtype=np.int32), far)
        last[:n_tokens, 1:] = np.maximum.accumulate(found_at, axis=1)
    gap = np.arange(n_cols + 1, dtype=np.int32) - last[: starts[-1] + 1]
    empty = starts[:-1] == starts[1:]
    out = []
    for w in range(1, widest + 1):
        per_sentence = np.zeros((len(starts), n_cols + 1))
        if len(starts) > 1:
            # The last row of `gap` is a padding word, never near: reduceat's final segment
            # runs to the end of the array.
            sums = np.add.reduceat((gap <= w).astype(np.int32), starts[:-1], axis=0)
            sums[empty] = 0
            np.cumsum(sums, axis=0, out=per_sentence[1:])
        out.append(per_sentence)
    return out


def _shape_costs(doc: _Doc, params: Params, rows, ends, a: int, b: int):
    """Penalties of an a-b bead for labels and headings (see `Shape`); only the kinds the
    documents have are computed (0 when none applies)."""
    first_zh = np.maximum(rows - a, 0)
    first_en = np.maximum(ends - b, 0)
    cost = 0.0
    if doc.zh_label_cum[-1] or doc.en_label_cum[-1]:
        zh_label = doc.zh_label[np.minimum(first_zh, doc.n_zh - 1)][:, None]
        en_label = doc.en_label[np.minimum(first_en, doc.n_en - 1)]
        cost = cost + params.label_penalty * (
            (zh_label != en_label) & ((zh_label > 0) | (en_label > 0))
        )
        # A labelled sentence inside a bead, after its first sentence.
        if a > 1:
            inner = doc.zh_label_cum[rows] - doc.zh_label_cum[np.minimum(first_zh + 1, rows)]
            cost = cost + params.label_penalty * inner[:, None]
        if b > 1:
            inner = doc.en_label_cum[ends] - doc.en_label_cum[np.minimum(first_en + 1, ends)]
            cost = cost + params.label_penalty * inner
    # A heading (no final punctuation) glued to other sentences of its side.
    if a > 1 and doc.zh_open_cum[-1]:
        opens = doc.zh_open_cum[rows] - doc.zh_open_cum[first_zh]
        cost = cost + params.heading_penalty * opens[:, None]
    if b > 1 and doc.en_open_cum[-1]:
        opens = doc.en_open_cum[ends] - doc.en_open_cum[first_en]
        cost = cost + params.heading_penalty * opens
    # A paragraph break inside the bead on one side only (a line break alone proves nothing,
    # but both sides crossing paragraphs at the same place is more likely than one side).
    if (a > 1 or b > 1) and (doc.zh_para_cum[-1] or doc.en_para_cum[-1]):
        zh_breaks = doc.zh_para_cum[rows] - doc.zh_para_cum[np.minimum(first_zh + 1, rows)]
        en_breaks = doc.en_para_cum[ends] - doc.en_para_cum[np.minimum(first_en + 1, ends)]
        cost = cost + params.paragraph_penalty * np.abs(zh_breaks[:, None] - en_breaks)
    return cost


def _add_anchor_costs(doc, params, lo, width, rows, ends, out) -> None:
    """Subtract the anchor bonus from the bead costs (where the zh side has anchors)."""
    if not doc.match_keys.size:
        return
    # q[d-1, row, x]: anchors zh sentence i-d shares with en sentences before lo[i] + x - MAX_EN,
    # counted by one search in the matches of all sentences (keyed sentence-major).
    ext = np.arange(-_MAX_EN, width)
    sentence = rows[None, :] - np.arange(1, _MAX_ZH + 1)[:, None]
    valid = sentence >= 0
    sentence = np.maximum(sentence, 0)
    keys = (sentence * doc.match_stride)[:, :, None] + (lo[rows][None, :, None] + ext + _MAX_EN)
    q = np.searchsorted(doc.match_keys, keys) - doc.match_start[sentence][:, :, None]
    q = np.where(valid[:, :, None], q, 0).astype(np.float64)
    q = np.cumsum(q, axis=0)  # q[a-1]: the a sentences before row i together
    for t, (a, b) in enumerate(BEADS):
        if a == 0 or b == 0:
            continue
        zh_anchor = doc.zh_anchor_cum[rows] - doc.zh_anchor_cum[np.maximum(rows - a, 0)]
        # Only rows whose zh side has anchors can share any.
        sub = np.flatnonzero(zh_anchor)
        if not len(sub):
            continue
        end = ends[sub]
        en_anchor = doc.en_anchor_cum[end] - doc.en_anchor_cum[np.maximum(end - b, 0)]
        matched = q[a - 1, sub, _MAX_EN:] - q[a - 1, sub, _MAX_EN - b : _MAX_EN - b + width]
        dice = _dice(matched, zh_anchor[sub, None], en_anchor)
        out[t, sub] -= (params.anchor_weight + params.anchor_miss) * dice


def _run(doc: _Doc, params: Params, lo: np.ndarray, width: int):
    """Fill the banded table; return (cost of the last row, back-pointer table). Only the
    last few rows of costs are kept: memory is one byte per cell of the band. Each row reads
    the cells its beads start from with one gather from the kept rows (padded with infinite
    cost where a bead would start outside the band)."""
    n = doc.n_zh
    ring = _MAX_ZH + 1
    back = np.full((n + 1, width), -1, dtype=np.int8)
    cols = np.arange(width)
    grow_t = np.array([t for t, (a, _) in enumerate(BEADS) if a > 0])
    grow_a = np.array([BEADS[t][0] for t in grow_t])
    grow_b = np.array([BEADS[t][1] for t in grow_t])
    skip_t = BEADS.index((0, 1))
    # Kept rows, each padded left by the widest en step and right by the width, and one more
    # row of infinite cost for beads reaching above the table: a bead's start column is its
    # end column plus a shift in [-_MAX_EN, width].
    span = _MAX_EN + 2 * width
    kept = np.full((ring + 1, span), _INF)
    flat = kept.reshape(-1)
    # 0-1 beads depend on the en sentence only: one running sum for the whole document.
    skip_cost = np.full(doc.n_en, params.prior_cost((0, 1)))
    skip_cum = np.concatenate([[0.0], np.cumsum(skip_cost)])
    start_row = np.full(width, _INF)
    start_row[0] = 0.0
    words = doc.lexical is not None and params.lexical_weight
    values = _word_values(doc, params) if words else None
    chunk = gather = None
    for i in range(n + 1):
        if i % _CHUNK == 0:
            i1 = min(i + _CHUNK, n + 1)
            chunk = _chunk_costs(doc, params, lo, width, i, i1, values)[grow_t]
            rows = np.arange(i, i1)[:, None]
            source = np.where(grow_a <= rows, (rows - grow_a) % ring, ring)
            shift = np.clip(lo[rows] - lo[np.maximum(rows - grow_a, 0)] - grow_b, -_MAX_EN, width)
            gather = (source * span + _MAX_EN + shift)[:, :, None] + cols
        if i == 0:
            best, arg = start_row, np.full(width, skip_t)
        else:
            cand = flat[gather[i % _CHUNK]] + chunk[:, i % _CHUNK]
            pick = cand.argmin(axis=0)
            best, arg = cand[pick, cols], grow_t[pick]
        # 0-1 beads move along the row: cost[k] = min over k' ≤ k of best[k'] + skips (k', k].
        skips = skip_cum[lo[i] : lo[i] + width]
        row = skips + np.minimum.accumulate(best - skips)
        kept[i % ring, _MAX_EN : _MAX_EN + width] = row
        back[i] = np.where(row < best - 1e-9, skip_t, arg)
        back[i, ~np.isfinite(row)] = -1
    return kept[n % ring, _MAX_EN : _MAX_EN + width].copy(), back


def _trace(doc: _Doc, lo: np.ndarray, width: int, back: np.ndarray):
    """Beads (zh_start, zh_end, en_start, en_end) of the best path, and whether it touched the
    edge of the band (then the band was too narrow to be sure)."""
    i, j = doc.n_zh, doc.n_en
    beads = []
    touched = False
    while i > 0 or j > 0:
        k = j - lo[i]
        if not 0 <= k < width:
            raise RuntimeError("alignment path left the band")
        if (k == 0 and lo[i] > 0) or (k == width - 1 and lo[i] + width - 1 < doc.n_en):
            touched = True
        t = back[i, k]
        if t < 0:
            raise RuntimeError("no path through the band")
        a, b = BEADS[t]
        beads.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched


def _align_band(doc: _Doc, params: Params, centre: np.ndarray, half: int):
    """Align inside a band around `centre`, doubling the band until the path stays inside."""
    while True:
        lo, width = _band(doc, centre, half)
        last, back = _run(doc, params, lo, width)
        full = width >= doc.n_en + 1
        if np.isfinite(last[doc.n_en - lo[doc.n_zh]]):
            beads, touched = _trace(doc, lo, width, back)
            # Unrelated documents would widen the band to the whole table: stop at a size
            # that keeps memory bounded (one byte per cell).
            if not touched or full or width >= _MAX_WIDTH:
                return beads
        elif full:
            raise RuntimeError("no alignment path")
        half *= 2


def _estimate(doc: _Doc, beads, params: Params) -> Params:
    """Refit ratio, variance and bead priors from an alignment (robustly, with smoothing)."""
    zh, en = [], []
    counts = dict.fromkeys(BEADS, 0.0)
    for z0, z1, e0, e1 in beads:
        counts[(z1 - z0, e1 - e0)] += 1
        if z1 - z0 == 1 and e1 - e0 == 1:
            zh.append(doc.zh_cum[z1] - doc.zh_cum[z0])
            en.append(doc.en_cum[e1] - doc.en_cum[e0])
    new = dataclasses.replace(params, priors=dict(params.priors))
    if doc.lexical is not None:
        new.lexical_rates = lexical_rates(doc.lexical, beads)
    if len(zh) >= 20:
        zh_a, en_a = np.array(zh), np.array(en)
        ratio = float(en_a.sum() / max(zh_a.sum(), 1.0))
        mean = np.maximum((zh_a + en_a / ratio) / 2.0, 1.0)
        z2 = (en_a - ratio * zh_a) ** 2 / mean
        # The median of a chi-square(1) variable is 0.455: an estimate deaf to outliers.
        var = DISPERSION * float(np.median(z2)) / 0.455
        new.ratio, new.variance = ratio, max(var, 0.5)
    total = sum(counts.values())
    strength = 50.0  # pseudo-beads of the default priors
    for bead in BEADS:
        fitted = (counts[bead] + strength * DEFAULT_PRIORS[bead]) / (total + strength)
        # A document without some bead shape says little about the next one: keep a floor
        # (a quarter of the default, hand-set). Deletions have their own, fitted: the first
        # pass of a complete translation finds a few (a short sentence its neighbours'
        # words do not explain), and a floor above their rate makes the next pass delete
        # them again instead of merging them into the bead they belong to.
        floor = params.deletion_floor if 0 in bead else 0.25
        new.priors[bead] = max(fitted, floor * DEFAULT_PRIORS[bead])
    return new


def fit_and_align(
    zh_len: Sequence[float],
    en_len: Sequence[float],
    zh_anchors: Sequence[frozenset[str]] | None = None,
    en_anchors: Sequence[frozenset[str]] | None = None,
    anchor_weight: float = 8.0,
    zh_shape: Shape | None = None,
    en_shape: Shape | None = None,
    half_width: int | None = None,
    guide: Sequence[tuple[int, int, int, int]] | None = None,
    lexical: Lexical | None = None,
    lexical_weight: float = 0.0,
    random_growth: float = 1.0,
    miss_weight: float = 0.0,
    coverage_weight: float = 0.0,
    heading_penalty: float | None = None,
    deletion_floor: float | None = None,
) -> tuple[list[tuple[int, int, int, int]], Params]:
    """Best bead sequence as (zh_start, zh_end, en_start, en_end) half-open index ranges, and
    the parameters fitted to the documents. Every sentence of both sides is in exactly one
    bead, in order; empty sides give 1-0 / 0-1 beads only. `half_width`
    fixes the initial band (default: from the document size; it doubles as needed). With a
    `guide` (an earlier alignment of the same sentences) the parameters are fitted on it and
    one pass runs in a narrow band around it. With `lexical` (word translations between the
    sentences), beads are also credited `lexical_weight` per sentence for their words that
    translate each other; how often they do in translations and at random is measured on
    the first pass (or the guide). `heading_penalty` and `deletion_floor` None are the
    fitted ones."""
    if heading_penalty is None:
        heading_penalty = fitted_weights()["heading_penalty"]
    if deletion_floor is None:
        deletion_floor = fitted_weights()["deletion_floor"]
    n, m = len(zh_len), len(en_len)
    if n == 0 or m == 0:
        spans = [(i, i + 1, 0, 0) for i in range(n)] + [(n, n, j, j + 1) for j in range(m)]
        return spans, Params(1.0, _default_variance(1.0), anchor_weight=anchor_weight)
    zh_anchors = zh_anchors or [frozenset()] * n
    en_anchors = en_anchors or [frozenset()] * m
    half = half_width or max(20, int(2 * math.sqrt(max(n, m))))
    if guide:
        centre, spread = _path_centre(guide, n)
        guided_half = (half_width or _GUIDED_HALF) + spread
        radius = 2 * guided_half
    else:
        # Expected path: equal shares of the total length on both sides.
        zh_cum = np.concatenate([[0.0], np.cumsum(zh_len, dtype=np.float64)])
        en_cum = np.concatenate([[0.0], np.cumsum(en_len, dtype=np.float64)])
        centre = np.interp(
            zh_cum / max(zh_cum[-1], 1.0), en_cum / max(en_cum[-1], 1.0), np.arange(m + 1)
        )
        centre[0], centre[-1] = 0, m
        radius = 4 * half
    doc = _Doc.build(
        zh_len, en_len, zh_anchors, en_anchors, zh_shape, en_shape, centre, radius, lexical
    )  # fmt: skip
    # The documents' own ratio, pulled towards the usual one when they are short (a sentence
    # missing from a three-sentence document would otherwise skew it badly).
    ratio = float((doc.en_cum[-1] + PRIOR_RATIO * PRIOR_WEIGHT) / (doc.zh_cum[-1] + PRIOR_WEIGHT))
    params = Params(
        ratio,
        _default_variance(ratio),
        anchor_weight=anchor_weight,
        lexical_weight=lexical_weight,
        random_growth=random_growth,
        miss_weight=miss_weight,
        coverage_weight=coverage_weight,
        heading_penalty=heading_penalty,
        deletion_floor=deletion_floor,
    )
    if guide:
        params = _estimate(doc, guide, params)
        return _align_band(doc, params, centre, guided_half), params
    # In a band narrower than the table (long documents), the first pass reads lengths and
    # anchors only: words cost time in proportion to the band's width, and they are scored
    # in the narrow band around its path (which widens wherever the path reaches its edge).
    # A short document's first pass, over the whole table, reads words too: the rates of
    # the next pass are measured on it.
    first = params if 2 * half + 1 >= m + 1 else dataclasses.replace(params, lexical_weight=0.0)
    beads = _align_band(doc, first, centre, half)
    params = _estimate(doc, beads, params)
    centre, spread = _path_centre(beads, n)
    return _align_band(doc, params, centre, (half_width or _GUIDED_HALF) + spread), params


def _default_variance(ratio: float) -> float:
    """The first pass's variance, before the documents' own is known."""
    return DISPERSION * VARIANCE_PER_RATIO * ratio


def _path_centre(beads, n: int) -> tuple[np.ndarray, int]:
    """A band centre following an earlier path (for every zh count 0..n, the middle of the en
    counts the path visits in that row; rows it jumps over are interpolated), and the
    half-width needed to hold the longest run of 0-1 beads inside one row."""
    lo = np.full(n + 1, np.inf)
    hi = np.full(n + 1, -np.inf)
    for z0, z1, e0, e1 in beads:
        for i in range(z0, z1 + 1):
            frac = (i - z0) / (z1 - z0) if z1 > z0 else 0.0
            j = e0 + frac * (e1 - e0)
            lo[i] = min(lo[i], j if z1 > z0 else e0)
            hi[i] = max(hi[i], j if z1 > z0 else e1)
    return (lo + hi) / 2.0, math.ceil(float(np.max(hi - lo)) / 2.0)
