"""Pair Chinese terms with their English equivalents across aligned sentence pairs.

Chinese definitions (`联合国开发计划署（开发署）`) come from the extractor, English ones
(`United Nations Development Programme (UNDP)`) from a Schwartz–Hearst reading of the English
side. A Chinese concept and an English acronym are paired when their definitions stand in the
same sentence pair, or when they co-occur across pairs far more than chance (Dice coefficient),
each being the other's best partner. Each pair keeps its evidence: how many sentence pairs,
which documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
from termkit.text.normalize import HAN, normalize

_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w-])")
_EN_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*\)")
_ROMAN = re.compile(r"[IVXLCDM]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")
MIN_DICE = 0.5
MIN_COOCCURRENCE = 2
# Running-text pairs: a pair is confident (enters the termbase without `admitted`) from this
# confidence up; Chinese candidates found by co-occurrence alone are at most this long.
CONFIDENT = 0.8
MAX_ZH_LENGTH = 12
MIN_VARIETY = 2
RUNNING_TEXT = "running-text"
_HAN_RUN = re.compile(f"[{HAN}]+")


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


def _acronyms(text: str) -> set[str]:
    return {a for a in _ACRONYM.findall(text) if not _ROMAN.fullmatch(a)}


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
    finder = _FormFinder(forms, {c: normalize(short) for c, (_, short) in concepts.items()})
    for pair in pairs:
        present, defined_here = finder.find(normalize(pair.zh))
        en_defs = english_definitions(pair.en)
        for long_form, acronym in en_defs:
            en_long[acronym][long_form] += 1
        acronyms = _acronyms(pair.en)
        zh_count.update(present)
        en_count.update(acronyms)
        for c in present:
            for a in acronyms:
                joint[(c, a)] += 1
                documents[(c, a)].add(pair.document)
                if pair.en_location is not None:
                    locations[(c, a)].add(pair.en_location)
        for c in defined_here:
            for _, a in en_defs:
                together[(c, a)] += 1
    return _choose(concepts, en_long, together, joint, zh_count, en_count, documents, locations)


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
) -> list[TermPair]:
    """Chinese short forms and names paired with the English acronyms of the same beads,
    bracketed or not (开发署 … UNDP in running text).

    Chinese candidates are the `known_forms` (the glossary's and the corpus's short forms)
    and, for every acronym seen in two beads or more, the Han substrings of its beads that
    recur with it. A candidate s and an acronym a are paired when each is the other's best
    partner by the Dice coefficient over beads, 2·n(s, a) / (n(s) + n(a)); among candidates
    with the same score a known form wins, then the shorter (驻科部队 over 驻科部队继续 when
    both only occur with KFOR). A mined candidate must stand on its own (see `MIN_VARIETY`):
    发署, always after 开, is no candidate for UNDP. A candidate found by co-occurrence alone needs two shared
    beads; a known form one. `full_forms` maps a short form to its concept's full form;
    without `mine`, only known forms are candidates."""
    full_forms = full_forms or {}
    known = {normalize(f): f for f in known_forms if len(normalize(f)) >= 2}
    runs = [_HAN_RUN.findall(normalize(p.zh)) for p in pairs]
    acronyms = [_acronyms(p.en) for p in pairs]
    en_count = Counter(a for found in acronyms for a in found)
    joint: Counter[tuple[str, str]] = Counter()
    for k, found in enumerate(acronyms):
        recurring = [a for a in found if mine and en_count[a] >= MIN_COOCCURRENCE]
        if not found:
            continue
        substrings = _substrings(runs[k]) if recurring else set()
        present = {f for f in known if any(f in r for r in runs[k])}
        for a in found:
            joint.update((f, a) for f in present)
            if a in recurring:
                joint.update((f, a) for f in substrings - present)
    joint = Counter(
        {key: n for key, n in joint.items() if n >= MIN_COOCCURRENCE or key[0] in known}
    )
    candidates = {f for f, _ in joint}
    zh_count: Counter[str] = Counter()
    where: dict[str, list[int]] = defaultdict(list)
    contexts: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for k, run in enumerate(runs):
        for f in (_substrings(run) | {f for f in known if any(f in r for r in run)}) & candidates:
            zh_count[f] += 1
            where[f].append(k)
            if f not in known:
                _add_contexts(f, run, contexts[f])
    # A mined candidate must stand on its own: two different characters (or the edge of the
    # run) on each side across the corpus (accessor variety), so that 发署, always after 开,
    # is not taken for a name.
    candidates = {
        f
        for f in candidates
        if f in known or min(len(contexts[f][0]), len(contexts[f][1])) >= MIN_VARIETY
    }
    joint = Counter({key: n for key, n in joint.items() if key[0] in candidates})

    def score(f: str, a: str) -> tuple[float, bool, int]:
        return (2 * joint[(f, a)] / (zh_count[f] + en_count[a]), f in known, -len(f))

    best_for_acronym: dict[str, str] = {}
    best_for_form: dict[str, str] = {}
    for f, a in sorted(joint):
        if a not in best_for_acronym or score(f, a) > score(best_for_acronym[a], a):
            best_for_acronym[a] = f
        if f not in best_for_form or score(f, a)[0] > score(f, best_for_form[f])[0]:
            best_for_form[f] = a
    en_long: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        for long_form, acronym in english_definitions(p.en):
            en_long[acronym][long_form] += 1
    result = []
    for a, f in sorted(best_for_acronym.items()):
        dice, is_known, _ = score(f, a)
        n = joint[(f, a)]
        if best_for_form.get(f) != a or dice < MIN_DICE or (n < MIN_COOCCURRENCE and dice < 1):
            continue
        beads = [k for k in where[f] if a in acronyms[k]]
        documents = tuple(sorted({pairs[k].document for k in beads}))
        locations = sorted({pairs[k].en_location for k in beads} - {None})
        long_forms = en_long.get(a)
        en_full = min(long_forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if long_forms else ""
        # Confidence: the Dice score, discounted when the evidence is one or two beads.
        confidence = round(dice * n / (n + 1.0), 3)
        short = known.get(f, f)
        result.append(
            TermPair(
                full_forms.get(f, short),
                short,
                a,
                en_full,
                n,
                documents,
                (RUNNING_TEXT, f"pairs:{n}", f"dice:{dice:.2f}", "known" if is_known else "mined"),
                tuple(locations[:MAX_LOCATIONS]),
                confidence,
            )
        )
    return result


def _add_contexts(form: str, runs: Iterable[str], seen: tuple[set[str], set[str]]) -> None:
    """Record the characters before and after every occurrence of `form` (`^`, `$` at the
    edge of a run of Han characters)."""
    left, right = seen
    for run in runs:
        start = run.find(form)
        while start >= 0:
            end = start + len(form)
            left.add(run[start - 1] if start > 0 else "^")
            right.add(run[end] if end < len(run) else "$")
            start = run.find(form, start + 1)


def _substrings(runs: Iterable[str]) -> set[str]:
    return {
        run[i:j]
        for run in runs
        for i in range(len(run))
        for j in range(i + 2, min(len(run), i + MAX_ZH_LENGTH) + 1)
    }


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
    zh_path: str, en_path: str, encoding: str | None = None, glossary: Termbase | None = None
) -> Termbase:
    """Align a Chinese document with its English twin and pair their terms: English
    equivalents of the Chinese document's concepts (bracketed definitions), then of the known
    short forms used in running text (the document's, and `glossary`'s when given), ready to
    merge into a glossary."""
    from termkit.align import align_files
    from termkit.extract import extract_file

    beads = align_files(zh_path, en_path, encoding=encoding)
    pairs = [
        SentencePair(b.zh_text, b.en_text, zh_path, Location(en_path, b.en_lines[0], 1))
        for b in beads
        if b.zh and b.en
    ]
    definitions = extract_file(zh_path, encoding).definitions
    bracket = pair_terms(pairs, definitions)
    forms, full_forms = known_forms(definitions, glossary)
    paired = {p.en_acronym for p in bracket}
    # Mined candidates stay out of the termbase: on the UNPC devset one in three is a
    # fragment or not a name (bench/pairing_unpc.py); known forms are 0.94 precise.
    running = running_text_pairs(pairs, forms, full_forms, mine=False)
    return pairs_termbase([*bracket, *(p for p in running if p.en_acronym not in paired)])


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
