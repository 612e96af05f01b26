"""The glossaries in force, indexed by matching key: which concept and term each key is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

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


class Entry(NamedTuple):
    """One glossary term and the concept it names. A named tuple: a check of a long document
    makes thousands (5,800 for 1 MB against 20,000 concepts), in a third of the time of a frozen
    dataclass."""

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


class Table(NamedTuple):
    """One glossary as the index files it: `refs`, each key's terms as (concept, term) indexes
    in glossary order, flat (`places` pairs them: a cached table's JSON parses twice as fast
    without a list per term); the keys of its Chinese full forms (`full`) and of its Chinese short
    forms in use (`short`, as `Entry.short` has them); `concept`, a concept by index. A
    cached glossary (`termkit.glossary_cache.load_table`) makes a concept only when a rule
    first asks for it. A named tuple: a frozen dataclass is compiled at import, in every
    check process."""

    refs: dict[str, list[int]]
    full: frozenset[str]
    short: frozenset[str]
    concept: Callable[[int], Concept]

    def places(self, key: str) -> Iterable[tuple[int, int]]:
        """(concept, term) of each of the key's terms."""
        flat = iter(self.refs[key])
        return zip(flat, flat, strict=True)

    def entries(self, key: str) -> list[Entry]:
        """The key's entries, their concepts made as they are asked for."""
        return [
            Entry(concept, concept.terms[ti])
            for ci, ti in self.places(key)
            for concept in [self.concept(ci)]
        ]


def table_of(tb: Termbase, keys: Sequence[str] | None = None) -> Table:
    """The table of a termbase; `keys`: its `match_keys`, when known already."""
    refs: dict[str, list[int]] = {}
    short, full = set(), set()
    places = [(ci, ti) for ci, c in enumerate(tb.concepts) for ti in range(len(c.terms))]
    for (ci, ti), key in zip(places, match_keys(tb) if keys is None else keys, strict=True):
        if not key:
            continue
        refs.setdefault(key, []).extend((ci, ti))
        concept = tb.concepts[ci]
        term = concept.terms[ti]
        if term.lang != "zh":
            continue
        if term.type not in SHORT_TYPES:
            full.add(key)
        elif term.status not in RETIRED and not names_a_group(concept, term):
            short.add(key)
    return Table(refs, frozenset(full), frozenset(short), tb.concepts.__getitem__)


class GlossaryIndex:
    """Every term of the glossaries in force, by key."""

    def __init__(
        self,
        termbases: Iterable[Termbase],
        keys: Iterable[Sequence[str]] | None = None,
        usage: Usage | None = None,
        usage_rule: Rule | None = None,
        frequency_tables: Sequence[Path] = (SHIPPED,),
        tables: Iterable[Table] = (),
    ) -> None:
        """Later glossaries win: a term a later glossary also has takes its entries from there
        (a project glossary that deprecates `东盟` overrides the shipped one). Terms of
        languages the checker does not read (the French of a six-language termbase) are left
        out, so they never match or get suggested. `keys`: each termbase's `match_keys`, when
        known already; `tables`: glossaries already made `Table`s, after the termbases.
        `usage`: how the corpora behind the glossaries use their short forms, read with
        `usage_rule` (default: the fitted one; `termkit.check.usage`). `frequency_tables`:
        the wording frequency tables kept beside the glossaries (`termkit.check.frequency`),
        read when a rule first asks."""
        self.usage = usage or Usage()
        self.usage_rule = usage_rule
        self.frequency_tables = tuple(frequency_tables)
        termbases = list(termbases)
        keys = [None] * len(termbases) if keys is None else list(keys)
        made = [table_of(tb, k) for tb, k in zip(termbases, keys, strict=True)]
        self._tables = [*made, *tables]
        # Which table each key's entries come from: the last that has it (dict.update keeps a
        # key where it first came, as the glossaries' order has it).
        self._where: dict[str, int] = {}
        for i, table in enumerate(self._tables):
            self._where.update(dict.fromkeys(table.refs, i))
        self._entries: dict[str, list[Entry]] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def entries(self, key: str) -> list[Entry]:
        found = self._entries.get(key)
        if found is None:
            i = self._where.get(key)
            if i is None:
                return []
            found = self._entries[key] = self._tables[i].entries(key)
        return found

    def shadowed(self, key: str) -> list[Entry]:
        """The entries earlier glossaries give `key`, which a later one replaced: a
        definition agreeing with any glossary in force is no conflict (TK104), even where a
        later one gives the term another concept."""
        last = self._where.get(key)
        return [
            entry
            for i, table in enumerate(self._tables)
            if i != last and key in table.refs
            for entry in table.entries(key)
        ]

    @cached_property
    def by_key(self) -> dict[str, list[Entry]]:
        """Every key's entries, in the glossaries' order (every concept made)."""
        return {key: self.entries(key) for key in self._where}

    def established(
        self,
        key: str,
        document_defines: bool = False,
        others_undefined: bool = False,
        bare_uses: int = 0,
    ) -> bool:
        """Is `key` a short form the corpus uses undefined as a rule, in a document that
        defines short forms of its own (`document_defines`) or none, and leaves other short
        forms undefined too (`others_undefined`) or not, or one the document uses
        `bare_uses` times without ever writing its full form?"""
        rule = self.usage_rule or fitted_rule()
        return rule.established(self.usage, key, document_defines, others_undefined, bare_uses)

    @cached_property
    def keys(self) -> list[str]:
        return sorted(self._where)

    @cached_property
    def zh_short_keys(self) -> frozenset[str]:
        """Chinese short forms in use (not retired): the ones a document must define."""
        return frozenset(self._own_keys("short"))

    @cached_property
    def zh_full_keys(self) -> frozenset[str]:
        return frozenset(self._own_keys("full"))

    def _own_keys(self, kind: str) -> Iterable[str]:
        """A table's keys of one kind whose entries come from that table."""
        where = self._where
        for i, table in enumerate(self._tables):
            yield from (k for k in getattr(table, kind) if where[k] == i)

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
