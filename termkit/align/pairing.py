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
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from termkit.align.evidence import (
    FEATURES,
    Candidate,
    CountTable,
    acronyms,
    decide,
    fitted_model,
    scan,
    translated,
    translates_other_words,
    with_corpus,
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


@dataclass(frozen=True)
class DocumentPairs:
    """A document's term pairs as far as the document alone decides them, and the evidence
    the corpus decides the others by: its bracket pairs (`pair_terms`); its running-text
    candidates with their evidence over its own beads; the form each known candidate is
    written in and the full form of its concept; the long form its English writes out for
    each acronym; the document and English location of each bead; and its count table
    (`evidence.CountTable`), to be added to the corpus's. A pure function of the document
    and its twin (the map of `build --parallel`); `decided` judges the candidates by the
    table of the corpus (after the reduce)."""

    bracket: tuple[TermPair, ...]
    # (string, acronym, beads, evidence in `FEATURES` order): a build holds every twin's
    # until the reduce is done, in a sixth of the memory of `Candidate`s
    packed: tuple[tuple[str, str, tuple[int, ...], array], ...]
    written: dict[str, str]  # normalized known form → as written
    full_forms: dict[str, str]  # normalized short form → its concept's full form
    long_forms: dict[str, str]  # acronym → its long form written most often
    documents: tuple[str, ...]  # of each bead
    locations: tuple[Location | None, ...]  # of each bead's English
    table: CountTable
    mine: bool = True

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The running-text candidates with their evidence."""
        return tuple(
            Candidate(zh, en, beads, dict(zip(FEATURES, values, strict=True)))
            for zh, en, beads, values in self.packed
        )

    def with_candidates(self, found: Iterable[Candidate]) -> DocumentPairs:
        """The same document with these candidates."""
        return replace(self, packed=pack(found))

    def without_table(self) -> DocumentPairs:
        """The same evidence with an empty count table: what travels beside a sum of the
        tables that holds this one."""
        return replace(self, table=CountTable(Counter(), Counter(), Counter(), {}))


def pack(found: Iterable[Candidate]) -> tuple[tuple[str, str, tuple[int, ...], array], ...]:
    """Candidates as `DocumentPairs.packed` holds them."""
    return tuple(
        (c.zh, c.en, c.beads, array("d", (c.features[f] for f in FEATURES))) for c in found
    )


def document_pairs(
    pairs: Sequence[SentencePair],
    known_forms: Iterable[str] = (),
    full_forms: dict[str, str] | None = None,
    mine: bool = True,
    taken: Iterable[TermPair] = (),
) -> DocumentPairs:
    """The running-text evidence of some beads (`DocumentPairs`), their `taken` pairs (the
    bracket pairs) as their bracket pairs: Chinese candidates are the `known_forms` (the
    documents' and the glossary's short forms) and, unless `mine` is false, the runs of
    whole words of the beads that hold an acronym; the acronyms and Chinese forms of the
    `taken` pairs are no candidates (a form paired by its definition is not another
    acronym's). `full_forms` maps a short form to its concept's full form. The beads are
    scanned once, for their candidates and their count table together."""
    full_forms = full_forms or {}
    known = {normalize(f): f for f in known_forms if len(normalize(f)) >= 2}
    en_long: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        for long_form, acronym in english_definitions(p.en):
            en_long[acronym][long_form] += 1
    zh_texts = [normalize(p.zh) for p in pairs]
    table, found = scan(zh_texts, [p.en for p in pairs], set(known), en_long)
    taken = tuple(taken)
    found = [c for c in _untaken(found, taken) if mine or c.zh in known]
    strings = {c.zh for c in found}
    return DocumentPairs(
        taken,
        pack(found),
        {k: v for k, v in known.items() if k in strings},
        {normalize(k): v for k, v in full_forms.items() if normalize(k) in strings},
        {a: min(f.items(), key=lambda kv: (-kv[1], kv[0]))[0] for a, f in en_long.items()},
        tuple(p.document for p in pairs),
        tuple(p.en_location for p in pairs),
        table,
        mine,
    )


def decided(
    part: DocumentPairs,
    corpus: CountTable | None = None,
    model: dict | None = None,
    *,
    counted: bool = True,
    full_forms: dict[str, str] | None = None,
) -> list[TermPair]:
    """The document's bracket pairs, then its running-text pairs: each (candidate, acronym)
    that is the other's most likely partner and whose confidence under the fitted `model`
    (`termkit.align.evidence.decide`) reaches its threshold, the co-occurrence evidence
    read over the `corpus` table (the document's own when not given), which counts the
    document already unless `counted` is false. `full_forms` (normalized short form → full
    form, the corpus's definitions) names the concept of a string the document does not
    define."""
    model = model or fitted_model()
    found = list(part.candidates)
    if corpus is not None:
        found = with_corpus(found, corpus, None if counted else part.table)
    threshold = model["threshold" if part.mine else "threshold_known"]
    result = list(part.bracket)
    for c, p in decide(found, model):
        if p < threshold:
            continue
        short = part.written.get(c.zh, c.zh)
        # A mined string no definition names is the concept's one Chinese name: a checker
        # would otherwise ask its definition and know no full form to suggest.
        full = part.full_forms.get(c.zh) or (full_forms or {}).get(c.zh) or short
        n = len(c.beads)
        evidence = (
            RUNNING_TEXT,
            f"pairs:{n}",
            f"dice:{c.features['dice']:.2f}",
            "known" if c.zh in part.written else "mined",
        )
        locations = sorted({part.locations[k] for k in c.beads} - {None})
        result.append(
            TermPair(
                full,
                short,
                c.en,
                part.long_forms.get(c.en, ""),
                n,
                tuple(sorted({part.documents[k] for k in c.beads})),
                evidence,
                tuple(locations[:MAX_LOCATIONS]),
                round(p, 3),
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
    bracketed or not (开发署 … UNDP in running text): the running-text pairs of
    `document_pairs` `decided`, over the `corpus` table (of a corpus holding the beads) when
    given."""
    part = document_pairs(pairs, known_forms, full_forms, mine, taken)
    return decided(replace(part, bracket=()), corpus, model)


def _untaken(found: Sequence[Candidate], taken: Sequence[TermPair]) -> tuple[Candidate, ...]:
    taken_en = {p.en_acronym for p in taken}
    taken_zh = {normalize(f) for p in taken for f in (p.zh_short, p.zh_full)}
    return tuple(c for c in found if c.en not in taken_en and c.zh not in taken_zh)


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
    """Align a Chinese document with its English twin and pair their terms, the twin judged
    as its own corpus (`twin_part`, `decided`)."""
    return pairs_termbase(decided(twin_part(zh_path, en_path, encoding, revisions, glossary)))


def twin_part(
    zh_path: str,
    en_path: str,
    encoding: str | None = None,
    revisions: str = "accepted",
    glossary: Termbase | None = None,
) -> DocumentPairs:
    """Align a Chinese document with its English twin and say what they decide of their term
    pairs (`twin_pairs`), with the boundaries the build decides with the same English; both
    files are read with the same `revisions` (Word tracked changes), so the beads hold the
    text the extraction reads."""
    from termkit.align import align_files
    from termkit.extract.english_extent import english_by_line
    from termkit.extract.extractor import extract_document
    from termkit.text.decode import read_document

    beads = align_files(zh_path, en_path, encoding=encoding, revisions=revisions)
    document = read_document(zh_path, encoding, revisions)
    definitions = extract_document(document, english_of=english_by_line(beads)).definitions
    return twin_pairs(beads, zh_path, en_path, definitions, glossary)


def twin_termbase(
    beads: Sequence[Bead],
    zh_path: str,
    en_path: str,
    definitions: Sequence[Definition],
    glossary: Termbase | None = None,
) -> Termbase:
    """The terms paired across a Chinese document and its English twin, aligned as `beads`,
    the twin judged as its own corpus (`twin_pairs`, `decided`), ready to merge into a
    glossary. `build --parallel` judges each twin by the count table of all of them."""
    return pairs_termbase(decided(twin_pairs(beads, zh_path, en_path, definitions, glossary)))


def twin_pairs(
    beads: Sequence[Bead],
    zh_path: str,
    en_path: str,
    definitions: Sequence[Definition],
    glossary: Termbase | None = None,
) -> DocumentPairs:
    """What a Chinese document and its English twin, aligned as `beads`, decide of their term
    pairs (`document_pairs`): English equivalents of the document's concepts (its bracketed
    `definitions`), and the running-text candidates, known short forms (the document's, and
    `glossary`'s when given) and mined strings, for the corpus to judge. `build --parallel`
    makes it in the worker that extracted the document, with the beads that decided its
    boundaries."""
    pairs = [
        SentencePair(b.zh_text, b.en_text, zh_path, Location(en_path, b.en_lines[0], 1))
        for b in beads
        if b.zh and b.en
    ]
    return defined_pairs(pairs, definitions, glossary)


def defined_pairs(
    pairs: Sequence[SentencePair],
    definitions: Sequence[Definition],
    glossary: Termbase | None = None,
) -> DocumentPairs:
    """What the aligned beads of a document with its `definitions` decide of their term pairs
    (`document_pairs`): their bracket pairs, and their running-text candidates, the
    definitions' short forms (and `glossary`'s when given) known and every run of whole words
    mined. The map step of `build --parallel`, and what `bench/pairing_fit.py` fits and
    scores."""
    bracket = pair_terms(pairs, definitions)
    forms, full_forms = known_forms(definitions, glossary)
    return document_pairs(pairs, forms, full_forms, taken=bracket)


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
