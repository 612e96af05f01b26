"""Evidence that a Chinese string and an English acronym of the same beads name one thing.

Dice over beads alone cannot tell 开发署 from 盟驻科 (a fragment of 欧盟驻科法治团) or from
国内生产总值 (a term, not a short form), and says nothing when the pair occurs once. So each
candidate pair gets a vector of evidence, and a logistic model fitted by
`bench/pairing_fit.py` on the UNPC gold (document-grouped cross-validation, weights in
`termkit/data/pairing_weights.json`) turns it into a confidence, after a conditional logit has
ranked the strings of each acronym:

- co-occurrence: Dice over beads, how often they meet, how often each occurs without the other,
  and how far apart they stand in their sentences (relative positions: a sentence naming two
  bodies names them in about the same order in both languages);
- whole words: how often the string starts and ends on a jieba word boundary (dictionary
  segmentation, no HMM), and how many different characters stand on each side of it across the
  corpus (accessor variety: 发署 always follows 开);
- looks like a short form: how often CC-CEDICT's abbreviations and acronym-glossed names end or
  start with its last or first character, and whether it is itself a plain dictionary word;
- full name or short form: the share of the acronym's English expansion (written out in the
  documents, or a CC-CEDICT name that spells it) that the string's dictionary glosses
  translate; whether the string is such a CC-CEDICT name, or keeps its characters in order
  (原子能机构 in 国际原子能机构, IAEA); the share of its characters inside dictionary words
  (the gold, like UN usage, pairs acronyms with short forms, not with full names);
- the acronym itself: the share of capitals among its letters, whether it is a plural (NGOs)
  or holds digits (UF6), and how often the Chinese side writes it too (与MAC艾滋病基金合作);
  the pair stage sees these as well;
- what stands beside it: how often the characters just before and after it are words on their
  own in jieba's dictionary (对 in 对伊黎伊斯兰国, 和 in 和儿基会 are; 人 of 人发会议 before
  发会议 and 部 of 部队 after 驻科 mostly are not), so that a string seen once is still
  told from a fragment of a longer name; and how often its own first and last characters are
  (与尼科西亚 opens with one);
- what the rest of the English says: the share of the string's characters in dictionary words
  that the bead's other English words translate (缩编 for "drawdown", 中部非洲 for "Central
  Africa": a string the sentence's own words account for is theirs, not the acronym's, as in
  competitive linking);
- the acronym's letters: how many its words spell through the initials of their glosses, and
  how many words spell none (年 of 年志愿人员组织 for UNV), as the extractor reads a full form
  before a Latin acronym (`termkit.extract.initials`);
- the corpus: Dice, meetings, lone occurrences and accessor variety over a `CountTable` of a
  corpus holding the beads (联利特派团 and UNMIL meet once in each of two documents: once is
  nothing, twice in two documents and never apart is a pair).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from termkit.text.normalize import HAN

ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w-])")
_ROMAN = re.compile(r"[IVXLCDM]+")
# A plural (NGOs, HCFCs, POPs) names a class of things, not a body; digits make a formula or
# a code (UF6, HFC-23, BP22).
_PLURAL = re.compile(r"[A-Z]s$")
_WHOLE_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*")
_HAN_RUN = re.compile(f"[{HAN}]+")
_HAN_WORD = re.compile(f"^[{HAN}]+$")
_PARENS = re.compile(r"\([^()]*\)")
# Chinese candidates are at most this long: longer strings are clauses, not names.
MAX_ZH_LENGTH = 12
# A pair scored at all must meet in beads at least this much (Dice): below it the acronym
# mostly stands without the string or the string without it.
MIN_DICE = 0.5
# Dictionary entries looked up when a string is cut into words are at most this long.
_LONGEST_ENTRY = 8

FEATURES = (
    "dice",
    "log_joint",
    "log_zh_alone",
    "log_en_alone",
    "position_gap",
    "known",
    "word_boundaries",
    "log_variety",
    "length",
    "abbreviation_end",
    "abbreviation_start",
    "dictionary_word",
    "expansion_known",
    "expansion_translated",
    "dictionary_name",
    "dictionary_abbreviation",
    "dictionary_coverage",
    "acronym_capitals",
    "acronym_in_zh",
    "acronym_plural",
    "acronym_digits",
    "left_free",
    "right_free",
    "first_free",
    "last_free",
    "explained",
    "spelled",
    "unspelled",
    "corpus_dice",
    "corpus_log_joint",
    "corpus_log_zh_alone",
    "corpus_log_en_alone",
    "corpus_log_variety",
)


def acronyms(text: str) -> set[str]:
    """English acronym-like tokens of a sentence (UNDP, UN-Habitat, HCFCs), not roman numerals,
    and the acronym before a lowercase word joined to it (FAO of FAO-hosted, IGAD of
    IGAD-mediated): the Chinese names the body, not the compound."""
    found = set()
    for token in ACRONYM.findall(text):
        found.add(token)
        head, _, rest = token.partition("-")
        if rest.islower() and _WHOLE_ACRONYM.fullmatch(head):
            found.add(head)
    return {a for a in found if not _ROMAN.fullmatch(a)}


# The layout of the cached character freedoms (see `_freedom`).
_FREEDOM_FORMAT = "termkit-freedom-1"


@dataclass(frozen=True)
class Candidate:
    """A Chinese string and an English acronym that meet in some beads, with the evidence."""

    zh: str
    en: str
    beads: tuple[int, ...]
    features: dict[str, float]


@dataclass(frozen=True)
class CountTable:
    """How often each Chinese candidate string, each acronym and each (string, acronym) pair
    occur in the beads of a corpus, as `scan` counts them: a table of the whole corpus
    that a document's candidates are judged by, so that an acronym met once in the document
    is still known by the dozen beads in which the corpus writes it with its short form.
    Tables of disjoint parts add up (`+`); a merged table counts a string only in the parts
    that generated it (in a bead that holds an acronym, or as a known form)."""

    zh: Counter[str]
    en: Counter[str]
    joint: Counter[tuple[str, str]]
    # string → the characters seen before it and after it (accessor variety)
    sides: dict[str, tuple[frozenset[str], frozenset[str]]]

    def __add__(self, other: CountTable) -> CountTable:
        sides = dict(self.sides)
        for k, (left, right) in other.sides.items():
            mine = sides.get(k, (frozenset(), frozenset()))
            sides[k] = (mine[0] | left, mine[1] | right)
        return CountTable(self.zh + other.zh, self.en + other.en, self.joint + other.joint, sides)


def _add_sides(sides: tuple[set[str], set[str]], z: str, start: int, end: int) -> None:
    """The Han characters just before and after an occurrence (^ and $ for none)."""
    sides[0].add(z[start - 1] if start > 0 and _HAN_WORD.match(z[start - 1]) else "^")
    sides[1].add(z[end] if end < len(z) and _HAN_WORD.match(z[end]) else "$")


def _generated(
    zh_texts: Sequence[str],
    en_acronyms: Sequence[set[str]],
    bounds: Sequence[frozenset[int]],
    known: Iterable[str],
) -> list[str]:
    """The candidate strings, sorted: runs of whole words of the beads that hold an acronym,
    and the known forms (of two characters or more) those beads hold."""
    known = {k for k in known if len(k) >= 2}
    generated: set[str] = set()
    for k, z in enumerate(zh_texts):
        if en_acronyms[k]:
            generated |= _word_runs(z, bounds[k])
            generated |= {f for f in known if f in z}
    return sorted(generated)


def candidates(
    zh_texts: Sequence[str],
    en_texts: Sequence[str],
    known: Iterable[str] = (),
    expansions: dict[str, Counter[str]] | None = None,
    corpus: CountTable | None = None,
) -> list[Candidate]:
    """Every (Chinese string, acronym) of the same beads with Dice ≥ `MIN_DICE`, with its
    evidence (`scan`); the `corpus` table, of a corpus that holds these beads, gives the
    co-occurrence evidence over the corpus (the beads' own counts when not given)."""
    _, found = scan(zh_texts, en_texts, known, expansions)
    return found if corpus is None else with_corpus(found, corpus)


def scan(
    zh_texts: Sequence[str],
    en_texts: Sequence[str],
    known: Iterable[str] = (),
    expansions: dict[str, Counter[str]] | None = None,
) -> tuple[CountTable, list[Candidate]]:
    """One pass over the beads: their count table, and every (Chinese string, acronym) of the
    same beads with Dice ≥ `MIN_DICE`, with its evidence, the corpus's read in that table
    (`with_corpus` reads it in a larger one). `zh_texts` are normalized Chinese beads,
    `en_texts` their English sides; Chinese strings are runs of whole jieba words (2 to
    `MAX_ZH_LENGTH` characters) of the beads that hold an acronym, and the `known` forms;
    `expansions` maps an acronym to its written-out English forms."""
    import ahocorasick_rs

    from termkit.align.lexical import en_stems

    en_acronyms = [acronyms(e) for e in en_texts]
    en_count = Counter(a for found in en_acronyms for a in found)
    en_where = [
        {a: (e.find(a) + len(a) / 2) / len(e) for a in found}
        for e, found in zip(en_texts, en_acronyms, strict=True)
    ]
    known = {k for k in known if len(k) >= 2}
    expansions = expansions or {}
    bounds = [_boundaries(z) if en_acronyms[k] else frozenset() for k, z in enumerate(zh_texts)]
    patterns = _generated(zh_texts, en_acronyms, bounds, known)
    if not patterns:
        return CountTable(Counter(), en_count, Counter(), {}), []
    automaton = ahocorasick_rs.AhoCorasick(patterns)
    zh_count: Counter[int] = Counter()
    aligned: Counter[int] = Counter()
    with_acronym: Counter[int] = Counter()
    sides: dict[int, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    freedom = _freedom()
    free: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    joint: dict[tuple[int, str], list[int]] = defaultdict(list)
    gaps: dict[tuple[int, str], float] = Counter()
    for k, z in enumerate(zh_texts):
        present: set[int] = set()
        first: dict[int, float] = {}
        whole: set[int] = set()
        for index, start, end in automaton.find_matches_as_indexes(z, overlapping=True):
            present.add(index)
            first.setdefault(index, (start + end) / 2 / len(z))
            if start in bounds[k] and end in bounds[k]:
                whole.add(index)
            _add_sides(sides[index], z, start, end)
            if en_acronyms[k]:
                beside = free[index]
                beside[0] += freedom.get(z[start - 1], 1.0) if start > 0 else 1.0
                beside[1] += freedom.get(z[end], 1.0) if end < len(z) else 1.0
        zh_count.update(present)
        if en_acronyms[k]:
            aligned.update(whole)
            with_acronym.update(present)
        for index in present:
            for a in en_acronyms[k]:
                joint[(index, a)].append(k)
                gaps[(index, a)] += abs(first[index] - en_where[k][a])
    table = CountTable(
        Counter({patterns[i]: n for i, n in zh_count.items()}),
        en_count,
        Counter({(patterns[i], a): len(beads) for (i, a), beads in joint.items()}),
        {patterns[i]: (frozenset(left), frozenset(right)) for i, (left, right) in sides.items()},
    )
    # How often the Chinese side writes the acronym itself (与MAC艾滋病基金合作): it has no
    # Chinese counterpart there.
    in_zh = Counter(a for k, found in enumerate(en_acronyms) for a in found if a in zh_texts[k])
    en_words: dict[int, frozenset[str]] = {}
    dictionary = _dictionary()
    expansion: dict[str, frozenset[str]] = {}
    found = []
    for (index, a), beads in sorted(joint.items()):
        s, n = patterns[index], len(beads)
        dice = 2 * n / (zh_count[index] + en_count[a])
        if dice < MIN_DICE:
            continue
        left, right = sides[index]
        letters = [c for c in a if c.isalpha()]
        if a not in expansion:
            expansion[a] = _expansion_stems(a, expansions.get(a, Counter()))
        for k in beads:
            if k not in en_words:
                en_words[k] = frozenset(en_stems(en_texts[k]))
        names = dictionary.names.get(a, ())
        named = s in names
        abbreviates = not named and any(_in_order(s, h) for h in names)
        features = {
            "dice": dice,
            "log_joint": math.log(n),
            "log_zh_alone": math.log1p(zh_count[index] - n),
            "log_en_alone": math.log1p(en_count[a] - n),
            "position_gap": gaps[(index, a)] / n,
            "known": float(s in known),
            "word_boundaries": aligned[index] / with_acronym[index],
            "log_variety": math.log(min(len(left), len(right))),
            "length": float(len(s)),
            "abbreviation_end": dictionary.end_odds.get(s[-1], 0.0),
            "abbreviation_start": dictionary.start_odds.get(s[0], 0.0),
            "dictionary_word": float(s in _cedict() and not named),
            "dictionary_abbreviation": float(abbreviates),
            "dictionary_coverage": _coverage(s),
            "expansion_known": float(bool(expansion[a])),
            "expansion_translated": _translated(s, expansion[a]),
            "dictionary_name": float(named),
            "acronym_capitals": sum(c.isupper() for c in letters) / max(len(letters), 1),
            "acronym_in_zh": in_zh[a] / en_count[a],
            "acronym_plural": float(bool(_PLURAL.search(a))),
            "acronym_digits": float(any(c.isdigit() for c in a)),
            "left_free": free[index][0] / with_acronym[index],
            "right_free": free[index][1] / with_acronym[index],
            "first_free": freedom.get(s[0], 1.0),
            "last_free": freedom.get(s[-1], 1.0),
            "explained": sum(_explained(s, en_words[k] - expansion[a]) for k in beads) / n,
            **_spelling(s, a),
            **_corpus_evidence((table,), s, a),
        }
        found.append(Candidate(s, a, tuple(beads), features))
    return table, found


def with_corpus(
    found: Iterable[Candidate], corpus: CountTable, beside: CountTable | None = None
) -> list[Candidate]:
    """The candidates with their corpus evidence read in the `corpus` table, of a corpus that
    holds their beads, or with their beads' own table `beside` added, when it does not (a
    document judged by the table of other documents)."""
    tables = (corpus,) if beside is None else (corpus, beside)
    return [
        replace(c, features={**c.features, **_corpus_evidence(tables, c.zh, c.en)}) for c in found
    ]


def _corpus_evidence(tables: Sequence[CountTable], s: str, a: str) -> dict[str, float]:
    """Dice, meetings, lone occurrences and accessor variety of the string and the acronym
    over the corpus counted by `tables` (disjoint parts of it)."""
    n = sum(t.joint[(s, a)] for t in tables)
    zh = sum(t.zh[s] for t in tables)
    en = sum(t.en[a] for t in tables)
    none = (frozenset(), frozenset())
    left = frozenset().union(*(t.sides.get(s, none)[0] for t in tables))
    right = frozenset().union(*(t.sides.get(s, none)[1] for t in tables))
    return {
        "corpus_dice": 2 * n / (zh + en),
        "corpus_log_joint": math.log(n),
        "corpus_log_zh_alone": math.log1p(zh - n),
        "corpus_log_en_alone": math.log1p(en - n),
        "corpus_log_variety": math.log(min(len(left), len(right))),
    }


# Evidence on a chosen pair (second stage): how likely its string is the acronym's, and how
# likely the runner-up string of the same acronym (one holding or held by the chosen string,
# 发会议 for 人发会议, apart from any other), and the runner-up acronym of the same string.
_OWN = (
    "log_joint",
    "corpus_log_joint",
    "expansion_translated",
    "dictionary_coverage",
    "known",
    "dictionary_name",
    "dictionary_word",
    "acronym_in_zh",
    "acronym_plural",
    "acronym_digits",
)
PAIR_FEATURES = (
    "candidate",
    "share",
    "runner_up_zh",
    "runner_up_nested",
    "runner_up_en",
    "log_strings",
    *_OWN,
)


def decide(found: Sequence[Candidate], model: dict | None = None) -> list[tuple[Candidate, float]]:
    """The candidates that are their acronym's and their string's most likely partner, each
    with the probability that the pair is right, in acronym order.

    Fitted stages (`bench/pairing_fit.py`): a conditional logit of each candidate's evidence
    ranks the strings of an acronym, a logistic model says how likely the pair is at all, and a
    third one judges each chosen pair by both and by its runners-up, so that a string far
    ahead of every other in the one bead the acronym occurs in is trusted, and one barely
    ahead is not. Ties go to the likelier pair, then to a known form, then to the shorter
    string (驻科部队 over 驻科部队继续 when both only occur with KFOR)."""
    model = model or fitted_model()
    return [(c, _probability(f, model["pair"])) for c, f in chosen_pairs(found, model)]


def chosen_pairs(found: Sequence[Candidate], model: dict) -> list[tuple[Candidate, dict]]:
    """The mutual best candidates under `model`'s first stage, with their pair evidence.

    The strings of an acronym are ranked by their share under the conditional (per-acronym
    softmax) model `model["rank"]`, fitted to tell the right string from the others of the
    same acronym; the pointwise `model["candidate"]` says how likely the pair is at all."""
    scores = [_probability(c.features, model["candidate"]) for c in found]
    by_acronym: dict[str, list[int]] = defaultdict(list)
    by_zh: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(found):
        by_acronym[c.en].append(i)
        by_zh[c.zh].append(i)
    shares = _shares(found, by_acronym, model["rank"])

    def rank(i: int) -> tuple[float, float, float, int]:
        # Equal shares (a string that is each of two acronyms' only candidate) go to the
        # likelier pair, so that a string is paired once.
        return (shares[i], scores[i], found[i].features["known"], -len(found[i].zh))

    chosen = []
    for a in sorted(by_acronym):
        ranked = sorted(by_acronym[a], key=rank, reverse=True)
        best = ranked[0]
        rivals = sorted((i for i in by_zh[found[best].zh] if i != best), key=rank, reverse=True)
        if rivals and rank(rivals[0]) > rank(best):
            continue
        s = found[best].zh
        nested = [i for i in ranked[1:] if found[i].zh in s or s in found[i].zh]
        apart = [i for i in ranked[1:] if i not in nested]
        features = {
            "candidate": scores[best],
            "share": shares[best],
            "runner_up_zh": shares[apart[0]] if apart else 0.0,
            "runner_up_nested": shares[nested[0]] if nested else 0.0,
            "runner_up_en": shares[rivals[0]] if rivals else 0.0,
            "log_strings": math.log(len(ranked)),
            **{f: found[best].features[f] for f in _OWN},
        }
        chosen.append((found[best], features))
    return chosen


def _shares(
    found: Sequence[Candidate], groups: dict[str, list[int]], weights: dict[str, float]
) -> list[float]:
    """Each candidate's softmax share among the candidates of its acronym."""
    shares = [0.0] * len(found)
    for members in groups.values():
        z = [sum(w * found[i].features[f] for f, w in weights.items()) for i in members]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        for i, v in zip(members, e, strict=True):
            shares[i] = v / total
    return shares


def _probability(features: dict[str, float], model: dict) -> float:
    z = model["intercept"] + sum(w * features[f] for f, w in model["weights"].items())
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def fitted_model() -> dict:
    """Weights, intercept and thresholds fitted by `bench/pairing_fit.py` (package data)."""
    from importlib import resources

    text = (resources.files("termkit") / "data" / "pairing_weights.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _freedom() -> dict[str, float]:
    """Han character → the share of its uses, weighted by jieba's dictionary frequencies, in
    which it is a word on its own (和, 的, 对 mostly; 署, 联 hardly). Characters jieba never
    lists are missing: the caller takes them as free (punctuation, Latin letters). Computed
    once from jieba's whole dictionary (its 0.7 s load) and then read from the user's cache,
    keyed by jieba's version and dictionary like the segmenter's file."""
    from termkit import user_cache
    from termkit.extract.segmenter import _key as dictionary_key

    key = f"{_FREEDOM_FORMAT}:{dictionary_key()}"
    folder = user_cache.folder("freedom")
    copy = None if folder is None else folder / f"{key[-24:]}.json"
    if copy is not None:
        found = user_cache.read_sealed(copy, key)
        if isinstance(found, dict) and all(type(v) is float for v in found.values()):
            return found
    import jieba

    jieba.dt.check_initialized()
    alone: Counter[str] = Counter()
    within: Counter[str] = Counter()
    for word, frequency in jieba.dt.FREQ.items():
        if not frequency or not _HAN_WORD.match(word):
            continue
        if len(word) == 1:
            alone[word] += frequency
        for ch in word:
            within[ch] += frequency
    freedom = {ch: alone[ch] / n for ch, n in within.items()}
    if copy is not None:
        user_cache.write_sealed(copy, key, freedom)
    return freedom


def _boundaries(text: str) -> frozenset[int]:
    """Offsets where jieba (dictionary only, no HMM guesses) puts a word boundary: the
    extractor's segmenter cuts as jieba does and loads only the dictionary's parts of the
    text's characters."""
    from termkit.extract.segmenter import segmenter

    offsets, position = {0}, 0
    for word in segmenter().cut(text):
        position += len(word.word)
        offsets.add(position)
    return frozenset(offsets)


def _word_runs(text: str, bounds: frozenset[int]) -> set[str]:
    """Han strings of whole words: from a word boundary to a later one within a Han run."""
    runs = set()
    for m in _HAN_RUN.finditer(text):
        cuts = sorted({m.start(), m.end()} | {b for b in bounds if m.start() < b < m.end()})
        for i, start in enumerate(cuts):
            for end in cuts[i + 1 :]:
                if end - start > MAX_ZH_LENGTH:
                    break
                if end - start >= 2:
                    runs.add(text[start:end])
    return runs


def _in_order(short: str, full: str) -> bool:
    """`short`'s characters occur in `full` in order (an abbreviation keeps them)."""
    position = 0
    for ch in short:
        position = full.find(ch, position) + 1
        if position == 0:
            return False
    return True


@lru_cache(maxsize=1)
def _cedict():
    from termkit.align.lexical import _cedict_raw

    return _cedict_raw()


@dataclass(frozen=True)
class _Dictionary:
    """What CC-CEDICT says about names: acronym → the headwords whose glosses name it
    (国际原子能机构: IAEA) and the glosses that spell it out; log-odds of a character opening
    / ending an abbreviation or acronym-glossed name against its share of all headword
    characters (short forms of bodies end in 署, 组织, 部队 more than words do; a string
    ending in 和 or 的 is rarely a name)."""

    names: dict[str, tuple[str, ...]]
    glosses: dict[str, tuple[str, ...]]
    start_odds: dict[str, float]
    end_odds: dict[str, float]


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    names: dict[str, set[str]] = defaultdict(set)
    glosses: dict[str, set[str]] = defaultdict(set)
    starts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    capitals = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z]")
    for headword, raw in _cedict().items():
        if not _HAN_WORD.match(headword):
            continue
        chars.update(headword)
        named = set()
        for sense in raw.split("/")[1:]:
            for a in acronyms(sense) if capitals.search(sense) else ():
                glosses[a].add(sense)
                named.add(a)
            a = _initialism(sense)
            if a:
                glosses[a].add(sense)
                named.add(a)
        if len(headword) >= 2:
            for a in named:
                names[a].add(headword)
            if named or "abbr. for" in raw:
                starts[headword[0]] += 1
                ends[headword[-1]] += 1
    total, n_names, vocabulary = sum(chars.values()), sum(ends.values()), len(chars)

    def odds(counts: Counter[str]) -> dict[str, float]:
        return {
            c: math.log((counts[c] + 1) / (n_names + vocabulary))
            - math.log((chars[c] + 1) / (total + vocabulary))
            for c in chars
        }

    return _Dictionary(
        {a: tuple(sorted(h)) for a, h in names.items()},
        {a: tuple(sorted(g)) for a, g in glosses.items()},
        odds(starts),
        odds(ends),
    )


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NAME_LINKS = frozenset("of and for the on in to at".split())


def _initialism(gloss: str) -> str:
    """The acronym a capitalized name spells (International Maritime Organization: IMO), or
    "" when the gloss is not such a name."""
    words = [w for w in _NAME_WORD.findall(_PARENS.sub(" ", gloss)) if w not in _NAME_LINKS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _expansion_stems(acronym: str, written: Counter[str]) -> frozenset[str]:
    """Content stems of the acronym's expansions: written out in the documents, or glossed."""
    from termkit.align.lexical import en_stems

    texts = (*written, *_dictionary().glosses.get(acronym, ()))
    return frozenset(s for text in texts for s in en_stems(text))


def translated(zh: str, english: str) -> float:
    """Share of the content words of an English name that the Chinese string's dictionary
    glosses translate (0 when the name has none): whether `西非经共体几内亚比绍特派团` can be
    `security sector reform` at all."""
    from termkit.align.lexical import en_stems

    return _translated(zh, frozenset(en_stems(english)))


def translates_other_words(zh: str, english: str, acronym: str, written: Counter[str]) -> float:
    """Share of the Chinese string's characters in dictionary words that the English sentence's
    words translate, apart from the acronym's expansion (`written` out in the documents, or
    glossed): 执行主任 beside UNEP is the sentence's "Executive Director", not UNEP."""
    from termkit.align.lexical import en_stems

    return _explained(zh, frozenset(en_stems(english)) - _expansion_stems(acronym, written))


def _translated(zh: str, expansion: frozenset[str]) -> float:
    """Share of the content words of the acronym's expansion that the Chinese string's
    dictionary glosses translate (0 when no expansion is known)."""
    return len(expansion & _gloss_stems(zh)) / len(expansion) if expansion else 0.0


@lru_cache(maxsize=65536)
def _pieces(zh: str) -> tuple[str, ...]:
    """The string cut into CC-CEDICT entries, longest first, and single characters between."""
    entries = _cedict()
    pieces, start = [], 0
    while start < len(zh):
        longest = min(len(zh), start + _LONGEST_ENTRY)
        end = next((e for e in range(longest, start, -1) if zh[start:e] in entries), start + 1)
        pieces.append(zh[start:end])
        start = end
    return tuple(pieces)


@lru_cache(maxsize=65536)
def _coverage(zh: str) -> float:
    """Share of the string's characters inside CC-CEDICT words of two characters or more (cut
    longest first): a full name is made of words (国际/劳工/组织), a short form of clipped
    pieces (联/黎/部队)."""
    return sum(len(p) for p in _pieces(zh) if len(p) > 1) / len(zh)


def _spelling(zh: str, acronym: str) -> dict[str, float]:
    """How much of the acronym the string's words spell through the initials of their English
    glosses (`termkit.extract.initials`), and how many of its words spell none of its letters
    (年 of 年志愿人员组织 and 区域 of 欧洲经委会区域 for UNV and ECE)."""
    from termkit.extract.initials import gloss_initials, spelled

    letters = "".join(c for c in acronym if "A" <= c <= "Z")
    table = gloss_initials()
    known = [table[p] for p in _pieces(zh) if p in table]
    covered = spelled(letters, known) if letters else 0
    return {
        "spelled": covered / max(len(letters), 1),
        "unspelled": math.log1p(len(known) - covered),
    }


def _explained(zh: str, english: frozenset[str]) -> float:
    """Share of the string's characters inside CC-CEDICT words of two characters or more
    whose glosses the English sentence holds: a string the sentence's other words translate
    (缩编: downsizing, 中部非洲: Central Africa) is their counterpart, not the acronym's."""
    hit = sum(len(p) for p in _pieces(zh) if len(p) > 1 and _entry_stems(p) & english)
    return hit / len(zh)


@lru_cache(maxsize=65536)
def _gloss_stems(zh: str) -> frozenset[str]:
    """Stems of the glosses of a Chinese string's longest dictionary entries and characters."""
    return _entry_stems(zh).union(*(_entry_stems(ch) for ch in zh))


@lru_cache(maxsize=65536)
def _entry_stems(zh: str) -> frozenset[str]:
    from termkit.align.lexical import dictionary_words, en_stems

    return frozenset(en_stems(" ".join(sorted(dictionary_words(zh)))))
