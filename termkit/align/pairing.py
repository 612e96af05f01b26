"""Pair Chinese terms with their English equivalents across aligned sentence pairs.

Chinese definitions (`联合国开发计划署（开发署）`) come from the extractor, English ones
(`United Nations Development Programme (UNDP)`) from a Schwartz–Hearst reading of the English
side. A Chinese concept and an English acronym are paired when their definitions stand in the
same sentence pair and the Chinese full form's dictionary glosses translate some word of the
English long form (`西非经共体几内亚比绍特派团（西非经共体特派团）` is not the
`security sector reform (SSR)` of its bead), or when they co-occur across pairs far more than
chance (Dice coefficient), each being the other's best partner. Each pair keeps its evidence: how many sentence pairs,
which documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termkit.align.evidence import (
    Candidate,
    CountTable,
    acronyms,
    candidates,
    decide,
    fitted_model,
    translated,
    translates_other_words,
)
from termkit.termbase.merge import merge
from termkit.termbase.model import (
    MAX_LOCATIONS,
    MAX_SOURCES,
    Concept,
    Definition,
    Location,
    Term,
    Termbase,
    concept_id,
)
from termkit.text.normalize import normalize

if TYPE_CHECKING:
    from termkit.align import Bead

_EN_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")
MIN_DICE = 0.5
MIN_COOCCURRENCE = 2
# A running-text pair is confident (enters the termbase without `admitted`) from this fitted
# probability up (`bench/pairing_fit.py`).
CONFIDENT = fitted_model()["confident"]
RUNNING_TEXT = "running-text"


@dataclass(frozen=True)
class SentencePair:
    """The text of an aligned bead on each side, the document it belongs to, and where the
    English sentence stands in its file (when known)."""

    zh: str
    en: str
    document: str = ""
    en_location: Location | None = None


@dataclass(frozen=True)
class TermPair:
    """A Chinese concept (full and short form) and its English acronym and name."""

    zh_full: str
    zh_short: str
    en_acronym: str
    en_full: str
    pairs: int
    documents: tuple[str, ...]
    evidence: tuple[str, ...]
    locations: tuple[Location, ...] = ()
    confidence: float = 0.9


def english_definitions(text: str) -> list[tuple[str, str]]:
    """(long form, acronym) pairs such as `United Nations Development Programme (UNDP)`: the
    acronym's letters are found in order in the preceding words, the first at a word start."""
    found = []
    for m in _EN_DEFINITION.finditer(text):
        acronym = m.group(1)
        words = _WORD.findall(text[: m.start()])
        limit = min(len(acronym) + 5, 2 * len(acronym))
        long_form = _schwartz_hearst(acronym, words[-limit:])
        if long_form:
            found.append((long_form, acronym))
    return found


def _schwartz_hearst(acronym: str, words: list[str]) -> str | None:
    letters = [c.lower() for c in acronym if c.isalnum()]
    text = " ".join(words)
    i, j = len(letters) - 1, len(text) - 1
    while i > 0:
        while j >= 0 and text[j].lower() != letters[i]:
            j -= 1
        if j < 0:
            return None
        i -= 1
        j -= 1
    # The first letter opens a word; a capitalized word (`Office of …`) beats `of`.
    starts = [
        k
        for k in range(j + 1)
        if (k == 0 or not text[k - 1].isalnum()) and text[k].lower() == letters[0]
    ]
    if not starts:
        return None
    capital = [k for k in starts if text[k].isupper()]
    start = (capital or starts)[-1]
    long_form = text[start:].strip()
    if len(long_form) <= len(acronym) or not re.match(r"[A-Za-z]", long_form):
        return None
    return long_form


def pair_terms(
    pairs: Sequence[SentencePair], zh_definitions: Iterable[Definition]
) -> list[TermPair]:
    """English equivalents of the Chinese concepts defined in `zh_definitions`."""
    concepts: dict[str, tuple[str, str]] = {}  # zh full key → (full, short)
    forms: dict[str, set[str]] = defaultdict(set)  # zh full key → keys of its forms
    for d in zh_definitions:
        if d.kind == "english":
            continue
        k = normalize(d.full)
        concepts.setdefault(k, (d.full, d.short))
        forms[k] |= {k, normalize(d.short)}
    en_long: dict[str, Counter[str]] = defaultdict(Counter)
    together: dict[tuple[str, str], int] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    zh_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    locations: dict[tuple[str, str], set[Location]] = defaultdict(set)
    english: dict[tuple[str, str], list[str]] = defaultdict(list)
    finder = _FormFinder(forms, {c: normalize(short) for c, (_, short) in concepts.items()})
    for pair in pairs:
        present, defined_here = finder.find(normalize(pair.zh))
        en_defs = english_definitions(pair.en)
        for long_form, acronym in en_defs:
            en_long[acronym][long_form] += 1
        en_acronyms = acronyms(pair.en)
        zh_count.update(present)
        en_count.update(en_acronyms)
        for c in present:
            for a in en_acronyms:
                joint[(c, a)] += 1
                documents[(c, a)].add(pair.document)
                english[(c, a)].append(pair.en)
                if pair.en_location is not None:
                    locations[(c, a)].add(pair.en_location)
        for c in defined_here:
            for long_form, a in en_defs:
                if translated(concepts[c][0], long_form) > 0:
                    together[(c, a)] += 1
    chosen = _choose(concepts, en_long, together, joint, zh_count, en_count, documents, locations)
    return [
        p
        for p in chosen
        if "defined-together" in p.evidence
        or not _explained_by_other_words(
            p, english[(normalize(p.zh_full), p.en_acronym)], en_long.get(p.en_acronym, Counter())
        )
    ]


# A concept met with an acronym only by co-occurrence is not its partner when the English
# sentences' other words translate its short form this much (hand-set: half of its characters
# in words those words translate, on average over the beads).
MAX_EXPLAINED = 0.5


def _explained_by_other_words(pair: TermPair, english: list[str], written: Counter[str]) -> bool:
    """Whether the beads' English translates the short form of a concept met with an acronym by
    co-occurrence only, apart from the acronym's expansion (联合国环境规划署执行主任（执行主任）
    beside UNEP: the English's "Executive Director"): its counterpart is that phrase, as in
    competitive linking, not the acronym."""
    short, a = normalize(pair.zh_short), pair.en_acronym
    share = sum(translates_other_words(short, e, a, written) for e in english) / len(english)
    return share >= MAX_EXPLAINED


class _FormFinder:
    """Which concepts a Chinese sentence names, and which it defines (`…（SHORT）`), found by
    one Aho–Corasick scan of the sentence over every concept's forms, not a substring search
    per concept and pair."""

    def __init__(self, forms: dict[str, set[str]], shorts: dict[str, str]) -> None:
        owners: dict[str, set[tuple[str, bool]]] = defaultdict(set)
        for c, keys in forms.items():
            for k in keys:
                if k:
                    owners[k].add((c, False))
        for c, short in shorts.items():
            owners[f"({short})"].add((c, True))
        self._patterns = sorted(owners)
        self._owners = [owners[p] for p in self._patterns]
        self._automaton = None
        if self._patterns:
            import ahocorasick_rs

            self._automaton = ahocorasick_rs.AhoCorasick(self._patterns)

    def find(self, zh_key: str) -> tuple[set[str], set[str]]:
        """(concepts whose forms occur in the sentence, concepts it defines)."""
        present: set[str] = set()
        defined: set[str] = set()
        if self._automaton is None:
            return present, defined
        for index, _, _ in self._automaton.find_matches_as_indexes(zh_key, overlapping=True):
            for c, definition in self._owners[index]:
                (defined if definition else present).add(c)
        return present, defined & present


def _choose(
    concepts, en_long, together, joint, zh_count, en_count, documents, locations
) -> list[TermPair]:
    def score(c: str, a: str) -> tuple[int, float, int]:
        dice = 2 * joint[(c, a)] / (zh_count[c] + en_count[a])
        return (together[(c, a)] > 0, dice, joint[(c, a)])

    best_for_concept: dict[str, str] = {}
    best_for_acronym: dict[str, str] = {}
    for c, a in sorted(joint):
        if c not in best_for_concept or score(c, a) > score(c, best_for_concept[c]):
            best_for_concept[c] = a
        if a not in best_for_acronym or score(c, a) > score(best_for_acronym[a], a):
            best_for_acronym[a] = c
    result = []
    for c, a in sorted(best_for_concept.items()):
        if best_for_acronym.get(a) != c:
            continue
        defined_together, dice, n = score(c, a)
        if not defined_together and (n < MIN_COOCCURRENCE or dice < MIN_DICE):
            continue
        full, short = concepts[c]
        long_forms = en_long.get(a)
        en_full = min(long_forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if long_forms else ""
        evidence = [f"pairs:{n}", f"dice:{dice:.2f}"]
        if defined_together:
            evidence.append("defined-together")
        result.append(
            TermPair(
                full,
                short,
                a,
                en_full,
                n,
                tuple(sorted(documents[(c, a)])),
                tuple(evidence),
                tuple(sorted(locations[(c, a)])[:MAX_LOCATIONS]),
            )
        )
    return result


def running_text_pairs(
    pairs: Sequence[SentencePair],
    known_forms: Iterable[str] = (),
    full_forms: dict[str, str] | None = None,
    mine: bool = True,
    model: dict | None = None,
    taken: Iterable[TermPair] = (),
    corpus: CountTable | None = None,
) -> list[TermPair]:
    """Chinese short forms and names paired with the English acronyms of the same beads,
    bracketed or not (开发署 … UNDP in running text).

    Chinese candidates are the `known_forms` (the glossary's and the corpus's short forms)
    and, unless `mine` is false, the runs of whole words of the beads that hold an acronym.
    Each (candidate, acronym) gets its evidence; they are paired when each is the other's
    most likely partner and the fitted `model`'s confidence in the pair
    (`termkit.align.evidence.decide`) reaches its threshold. `full_forms` maps a short form to its
    concept's full form. The acronyms and Chinese forms of the `taken` pairs (the bracket
    pairs) are no candidates: a form paired by its definition is not another acronym's. The
    `corpus` table (`evidence.count_table` of a corpus holding the beads) gives the
    co-occurrence evidence over the corpus, not only over these beads."""
    model = model or fitted_model()
    full_forms = full_forms or {}
    known = {normalize(f): f for f in known_forms if len(normalize(f)) >= 2}
    found, en_long = running_text_candidates(pairs, known, mine, taken, corpus)
    threshold = model["threshold" if mine else "threshold_known"]
    chosen = [(c, q) for c, q in decide(found, model) if q >= threshold]
    result = []
    for c, p in chosen:
        documents = tuple(sorted({pairs[k].document for k in c.beads}))
        locations = sorted({pairs[k].en_location for k in c.beads} - {None})
        long_forms = en_long.get(c.en)
        en_full = min(long_forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if long_forms else ""
        short = known.get(c.zh, c.zh)
        n = len(c.beads)
        evidence = (
            RUNNING_TEXT,
            f"pairs:{n}",
            f"dice:{c.features['dice']:.2f}",
            "known" if c.zh in known else "mined",
        )
        result.append(
            TermPair(
                full_forms.get(c.zh, short),
                short,
                c.en,
                en_full,
                n,
                documents,
                evidence,
                tuple(locations[:MAX_LOCATIONS]),
                round(p, 3),
            )
        )
    return result


def running_text_candidates(
    pairs: Sequence[SentencePair],
    known: Iterable[str] = (),
    mine: bool = True,
    taken: Iterable[TermPair] = (),
    corpus: CountTable | None = None,
) -> tuple[list[Candidate], dict[str, Counter[str]]]:
    """The (Chinese string, acronym) candidates of the beads with their evidence (over the
    `corpus` table too, when given), and the English long forms written out for each acronym.
    `known` forms are normalized; without `mine`, only they are candidates; none holds an
    acronym or a Chinese form of the `taken` pairs."""
    known = set(known)
    en_long: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        for long_form, acronym in english_definitions(p.en):
            en_long[acronym][long_form] += 1
    zh_texts = [normalize(p.zh) for p in pairs]
    found = candidates(zh_texts, [p.en for p in pairs], known, en_long, corpus)
    taken = list(taken)
    taken_en = {p.en_acronym for p in taken}
    taken_zh = {normalize(f) for p in taken for f in (p.zh_short, p.zh_full)}
    found = [
        c
        for c in found
        if (mine or c.zh in known) and c.en not in taken_en and c.zh not in taken_zh
    ]
    return found, en_long


def pairs_termbase(term_pairs: Iterable[TermPair]) -> Termbase:
    """The English equivalents as a termbase that merges into the glossary's concepts (the
    concept id comes from the Chinese full form, as the extractor's do). A pair found in
    running text only, and not confidently, enters with status `admitted`."""
    concepts = []
    for p in term_pairs:
        sources = p.documents[:MAX_SOURCES]
        status = "" if p.confidence >= CONFIDENT else "admitted"
        english = [
            Term(text, "en", type_, status, p.pairs, p.locations, sources)
            for text, type_ in ((p.en_acronym, "acronym"), (p.en_full, "fullForm"))
            if text
        ]
        chinese = [Term(p.zh_full, "zh", "fullForm", sources=sources)]
        if RUNNING_TEXT in p.evidence and p.zh_short != p.zh_full:
            # Its occurrences are the extractor's to count: the pair only vouches for it.
            chinese.append(Term(p.zh_short, "zh", "shortForm", status, sources=sources))
        concepts.append(
            Concept(
                concept_id(p.zh_full),
                (*chinese, *english),
                sources,
                confidence=p.confidence,
                evidence=p.evidence,
            )
        )
    return merge(*(Termbase((c,)) for c in concepts))


def parallel_termbase(
    zh_path: str,
    en_path: str,
    encoding: str | None = None,
    glossary: Termbase | None = None,
    revisions: str = "accepted",
) -> Termbase:
    """Align a Chinese document with its English twin and pair their terms (`twin_termbase`),
    with the boundaries the build decides with the same English; both files are read with the
    same `revisions` (Word tracked changes), so the beads hold the text the extraction reads."""
    from termkit.align import align_files
    from termkit.extract.english_extent import english_by_line
    from termkit.extract.extractor import extract_document
    from termkit.text.decode import read_document

    beads = align_files(zh_path, en_path, encoding=encoding, revisions=revisions)
    document = read_document(zh_path, encoding, revisions)
    definitions = extract_document(document, english_of=english_by_line(beads)).definitions
    return twin_termbase(beads, zh_path, en_path, definitions, glossary)


def twin_termbase(
    beads: Sequence[Bead],
    zh_path: str,
    en_path: str,
    definitions: Sequence[Definition],
    glossary: Termbase | None = None,
) -> Termbase:
    """The terms paired across a Chinese document and its English twin, aligned as `beads`:
    English equivalents of the document's concepts (its bracketed `definitions`), then of the
    known short forms used in running text (the document's, and `glossary`'s when given),
    ready to merge into a glossary. `build --parallel` pairs a twin in the worker that
    extracted it, with the beads that decided its boundaries."""
    pairs = [
        SentencePair(b.zh_text, b.en_text, zh_path, Location(en_path, b.en_lines[0], 1))
        for b in beads
        if b.zh and b.en
    ]
    bracket = pair_terms(pairs, definitions)
    forms, full_forms = known_forms(definitions, glossary)
    # Mined candidates stay out of the termbase: their cross-validated precision on the UNPC
    # devset is below 0.9 (bench/pairing_fit.py).
    running = running_text_pairs(pairs, forms, full_forms, mine=False, taken=bracket)
    return pairs_termbase([*bracket, *running])


def known_forms(
    definitions: Iterable[Definition] = (), glossary: Termbase | None = None
) -> tuple[set[str], dict[str, str]]:
    """Chinese short forms termkit knows: the definitions' and the glossary's, and the full
    form of each (the concept a running-text pair belongs to)."""
    full_forms: dict[str, str] = {}
    for concept in glossary.concepts if glossary else ():
        full = concept.terms_of("zh", "fullForm")
        for term in concept.terms_of("zh", "shortForm", "abbreviation", "acronym"):
            if full:
                full_forms.setdefault(normalize(term.text), full[0].text)
    for d in definitions:
        if d.kind != "english":
            full_forms[normalize(d.short)] = d.full
    forms = {d.short for d in definitions if d.kind != "english"}
    forms |= set(full_forms)
    return forms, full_forms
