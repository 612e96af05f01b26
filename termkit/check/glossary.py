"""The glossaries in force, indexed by matching key: which concept and term each key is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from termkit.check.definitions import NUMERALS, counts_a_group
from termkit.check.frequency import SHIPPED, Frequencies, read_tables
from termkit.check.usage import Rule, Usage, fitted_rule
from termkit.termbase.model import ANALYSED, Concept, Term, Termbase
from termkit.text.normalize import normalize

SHORT_TYPES = ("shortForm", "acronym", "abbreviation")
RETIRED = ("deprecated", "superseded")
_WRITTEN_NUMERALS = NUMERALS | frozenset("兩雙")


def role(term: Term) -> str:
    """`short` for short forms and acronyms, `full` for full forms and variants."""
    return "short" if term.type in SHORT_TYPES else "full"


def names_a_group(concept: Concept, term: Term) -> bool:
    """A Chinese short form that counts (两公约) given to a concept whose every Chinese full
    form is one name (`counts_a_group`): a misread pair, which no rule takes as the concept's
    short form."""
    if term.lang != "zh" or term.text[:1] not in _WRITTEN_NUMERALS:
        return False  # most terms: no normalizing
    key = normalize(term.text)
    fulls = [t for t in concept.terms if t.lang == "zh" and role(t) == "full"]
    return bool(fulls) and all(counts_a_group(key, normalize(t.text)) for t in fulls)


@dataclass(frozen=True)
class Entry:
    """One glossary term and the concept it names."""

    concept: Concept
    term: Term

    @property
    def retired(self) -> bool:
        return self.term.status in RETIRED

    @property
    def short(self) -> bool:
        """A Chinese short form in use, the concept's own (not a misread `names_a_group`)."""
        return (
            self.term.lang == "zh"
            and role(self.term) == "short"
            and not self.retired
            and not names_a_group(self.concept, self.term)
        )


def match_keys(tb: Termbase) -> list[str]:
    """The matching key of every term, concept by concept ("" for a language the checker does
    not read): what the index files each term under, kept with a cached glossary
    (`termkit.glossary_cache.load_keyed`) so that a check does not normalize 20,000 terms."""
    return [normalize(t.text) if t.lang in ANALYSED else "" for c in tb.concepts for t in c.terms]


class GlossaryIndex:
    """Every term of the glossaries in force, by key."""

    def __init__(
        self,
        termbases: Iterable[Termbase],
        keys: Iterable[Sequence[str]] | None = None,
        usage: Usage | None = None,
        usage_rule: Rule | None = None,
        frequency_tables: Sequence[Path] = (SHIPPED,),
    ) -> None:
        """Later glossaries win: a term a later glossary also has takes its entries from there
        (a project glossary that deprecates `东盟` overrides the shipped one). Terms of
        languages the checker does not read (the French of a six-language termbase) are left
        out, so they never match or get suggested. `keys`: each termbase's `match_keys`, when
        known already. `usage`: how the corpora behind the glossaries use their short forms,
        read with `usage_rule` (default: the fitted one; `termkit.check.usage`).
        `frequency_tables`: the wording frequency tables kept beside the glossaries
        (`termkit.check.frequency`), read when a rule first asks."""
        self.usage = usage or Usage()
        self.usage_rule = usage_rule
        self.frequency_tables = tuple(frequency_tables)
        self.by_key: dict[str, list[Entry]] = {}
        termbases = list(termbases)
        for tb, tb_keys in zip(
            termbases, map(match_keys, termbases) if keys is None else keys, strict=True
        ):
            mine: dict[str, list[Entry]] = {}
            pairs = [(concept, term) for concept in tb.concepts for term in concept.terms]
            for (concept, term), key in zip(pairs, tb_keys, strict=True):
                if key:
                    mine.setdefault(key, []).append(Entry(concept, term))
            self.by_key.update(mine)

    def __contains__(self, key: str) -> bool:
        return key in self.by_key

    def entries(self, key: str) -> list[Entry]:
        return self.by_key.get(key, [])

    def established(self, key: str, document_defines: bool = False) -> bool:
        """Is `key` a short form the corpus uses undefined as a rule, in a document that
        defines short forms of its own (`document_defines`) or none?"""
        if key not in self.usage.forms:
            return False
        rule = self.usage_rule or fitted_rule()
        return rule.established(self.usage, key, document_defines)

    @cached_property
    def keys(self) -> list[str]:
        return sorted(self.by_key)

    @cached_property
    def zh_short_keys(self) -> frozenset[str]:
        """Chinese short forms in use (not retired): the ones a document must define."""
        return self._zh_keys[0]

    @cached_property
    def zh_full_keys(self) -> frozenset[str]:
        return self._zh_keys[1]

    @cached_property
    def _zh_keys(self) -> tuple[frozenset[str], frozenset[str]]:
        """`zh_short_keys` and `zh_full_keys` in one plain pass over the terms (a generator and
        two calls per term cost 60 ms on 20,000 concepts)."""
        short, full = set(), set()
        for key, entries in self.by_key.items():
            for e in entries:
                term = e.term
                if term.lang != "zh":
                    continue
                if term.type not in SHORT_TYPES:
                    full.add(key)
                elif term.status not in RETIRED and not names_a_group(e.concept, term):
                    short.add(key)
        return frozenset(short), frozenset(full)

    @cached_property
    def frequencies(self) -> Frequencies:
        """How often the corpora behind the glossaries use each wording: the tables read when
        a rule first asks (most checks never do)."""
        return read_tables(self.frequency_tables)


def preferred(concept: Concept, lang: str, term_role: str) -> Term | None:
    """The concept's preferred term of one language and role, never a retired one."""
    candidates = [
        t
        for t in concept.terms
        if t.lang == lang
        and role(t) == term_role
        and t.status not in RETIRED
        and not (term_role == "short" and names_a_group(concept, t))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (t.status != "preferred", -t.count, t.text))
