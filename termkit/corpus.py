"""Corpus evidence for doubtful boundaries: in how many different contexts does a candidate
full form occur across the build?

The extractor decides a boundary from one document (`extract` stays a pure function of one
file). A doubtful decision (`boundary:doubtful`) is held back by `build` as a `Dispute`: the
candidates the extractor weighed, each with its log-odds and the one-definition termbase it
would give. A second pass over the documents counts every occurrence of every disputed
candidate by the character before it (`Recount`, one Aho–Corasick scan per document); the
count tables add up, so they reduce in any order and on any cluster. A name is used after many
different words (`为|联合国可持续发展会议`, `和|…`, `的|…`, after punctuation), a cut inside it
after one (`可|持续发展会议`), a name plus the word before it rarely anywhere else: the left
contexts' variety (accessor variety) marks where a name starts; not for a candidate that is
one ordinary dictionary word (`联合会`, `会议`): it is used after many words because it is a
word, not because a name starts there. Each dispute is then re-decided: among the extractor's
choice and the longer candidates (the corpus lengthens a name cut short, never shortens one),
the one with the highest `logit + weight · log1p(variety)` wins; `weight` and
the number of candidates weighed are fitted by `bench/fit_corpus.py` and kept in
`termkit/data/corpus_weights.json`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from termkit.extract.boundary import ordinary_word
from termkit.extract.recurrence import CandidateCounter
from termkit.termbase.merge import from_definitions
from termkit.termbase.model import Definition, Location, Termbase
from termkit.text.normalize import normalize
from termkit.text.repair import repair

# (candidate key, the character before an occurrence or "" where it stands alone, how many
# occurrences), sorted.
Counts = tuple[tuple[str, str, int], ...]
WEIGHTS = Path(__file__).resolve().parent / "data" / "corpus_weights.json"
DOUBTFUL = "boundary:doubtful"


@dataclass(frozen=True)
class Option:
    """One candidate of a dispute and the termbase its definition would contribute."""

    key: str  # the candidate full form's normalization key
    logit: float  # the extractor's log-odds for it
    termbase: Termbase
    word: bool = False  # one ordinary dictionary word: its contexts say nothing of a name


@dataclass(frozen=True)
class Dispute:
    """A doubtful definition, at its short form's place, with its candidates (the
    extractor's choice first)."""

    path: str
    line: int
    column: int
    options: tuple[Option, ...]

    @property
    def order(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.column)


@dataclass(frozen=True)
class Rule:
    """The fitted re-decision: the weight of the log of a candidate's left-context variety,
    and how many of a dispute's candidates are weighed."""

    weight: float
    options: int


@lru_cache(maxsize=1)
def fitted_rule() -> Rule:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Rule(float(data["weight"]), int(data["options"]))


def disputed(d: Definition, options: int) -> bool:
    """Whether the corpus re-decides the definition: a doubtful boundary, with candidates."""
    return len(d.alternatives[:options]) >= 2 and DOUBTFUL in d.evidence


def disputes_of(
    definitions: Iterable[Definition], usage: dict[str, list[Location]], options: int
) -> tuple[list[Definition], list[Dispute]]:
    """The definitions decided by their document alone, and the doubtful ones as disputes
    among their first `options` candidates."""
    decided: list[Definition] = []
    disputes: list[Dispute] = []
    for d in definitions:
        if not disputed(d, options):
            decided.append(d)
            continue
        weighed = [
            Option(
                normalize(a.full),
                a.score,
                from_definitions([replace(d, full=a.full, line=a.line, column=a.column)], usage),
                not weighable(a.full),
            )
            for a in d.alternatives[:options]
        ]
        disputes.append(Dispute(d.path, d.short_line, d.short_column, tuple(weighed)))
    return decided, disputes


def candidate_keys(disputes: Iterable[Dispute]) -> tuple[str, ...]:
    """Every candidate key of the disputes, sorted: what the second pass counts."""
    return tuple(sorted({o.key for d in disputes for o in d.options}))


def analysed(text: str) -> str:
    """The text the corpus pass counts in: the key text the extractor analyses (PDF breaks
    repaired, normalized; without the offset maps)."""
    return normalize(repair(text).text)


def document_counts(counter: CandidateCounter, key_text: str) -> Counts:
    """The counter's keys in a document's analysed text (`analysed`) by left context."""
    return tuple(sorted((k, left, n) for (k, left), n in counter.contexts(key_text).items()))


def add_counts(a: Counts, b: Counts) -> Counts:
    """The sum of two count tables: commutative and associative."""
    if not b:
        return a
    if not a:
        return b
    total: dict[tuple[str, str], int] = {}
    for key, left, n in (*a, *b):
        total[(key, left)] = total.get((key, left), 0) + n
    return tuple(sorted((k, left, n) for (k, left), n in total.items()))


def varieties(counts: Counts) -> dict[str, int]:
    """Candidate key -> how many different left contexts it occurs in across the corpus."""
    out: dict[str, int] = {}
    for key, _left, _n in counts:
        out[key] = out.get(key, 0) + 1
    return out


def weighable(full: str) -> bool:
    """Whether a candidate's left contexts are evidence: not when it is one ordinary word."""
    return not ordinary_word(full)


def choose(logits: list[float], variety: list[int], lengths: list[int], weight: float) -> int:
    """The index of the best candidate by `logit + weight · log1p(variety)` among the
    extractor's choice (the first) and the longer candidates; on a tie the extractor's order.
    The corpus only lengthens a name: a cut found nowhere but inside the longer name
    (`可|持续发展会议`) is a cut too short, while a shorter candidate's many contexts may only
    show a phrase that ends many names (`…斯德哥尔摩|公约缔约方大会`, `…鹿特丹|…`)."""
    scores = [z + weight * math.log1p(v) for z, v in zip(logits, variety, strict=True)]
    eligible = [i for i in range(len(scores)) if i == 0 or lengths[i] > lengths[0]]
    return max(eligible, key=lambda i: (scores[i], -i))


def resolve(dispute: Dispute, variety: dict[str, int], weight: float) -> Termbase:
    """The termbase of the dispute's best candidate; one the corpus chose over the
    extractor's choice says so in its evidence (`boundary:corpus`, `corpus-contexts:N`)."""
    seen = [0 if o.word else variety.get(o.key, 0) for o in dispute.options]
    lengths = [len(o.key) for o in dispute.options]
    best = choose([o.logit for o in dispute.options], seen, lengths, weight)
    option = dispute.options[best]
    if best == 0:
        return option.termbase
    marks = {"boundary:corpus", f"corpus-contexts:{seen[best]}"}
    concepts = tuple(
        replace(c, evidence=tuple(sorted(set(c.evidence) | marks)))
        for c in option.termbase.concepts
    )
    return replace(option.termbase, concepts=concepts)
