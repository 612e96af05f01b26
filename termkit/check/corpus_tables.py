"""The two corpus tables `termkit build --usage` keeps beside a glossary: how the corpus uses
its short forms (`termkit.check.usage`) and in how many documents each wording occurs
(`termkit.check.frequency`). Both rows of a document come from one reading and one analysis
of it (`document_tables`); rows add up in any order (`Tables.__add__`), so the build maps
them over its chunks on any number of workers or a Dask cluster and caches them per chunk
(`termkit.build.corpus_tables`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from termkit.check import frequency, usage
from termkit.check.document import Analysed
from termkit.check.glossary import GlossaryIndex
from termkit.io import atomic_write
from termkit.termbase.model import Termbase


@dataclass(frozen=True)
class Forms:
    """What a document's usage row depends on in the glossary: its match keys, its Chinese
    full forms and the short forms in use. A plain value, sent to the workers instead of
    the glossary."""

    keys: tuple[str, ...]
    zh_full_keys: frozenset[str]
    zh_short_keys: frozenset[str]

    @classmethod
    def of(cls, termbase: Termbase) -> Forms:
        index = GlossaryIndex([termbase])
        return cls(tuple(index.keys), index.zh_full_keys, index.zh_short_keys)

    def digest(self) -> str:
        """The forms' content digest: a cached usage row made with the same stands."""
        listing = [list(self.keys), sorted(self.zh_full_keys), sorted(self.zh_short_keys)]
        text = json.dumps(listing, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def present(self, keys: str, folded: str) -> Presence:
        """The forms a usage row depends on, of the documents whose match keys (`keys`)
        and folded simplified texts (`folded`) are given, each joined by NUL (`Texts`).
        A row looks the glossary's keys up in the match key (`find_hits`, where only a key
        that occurs can match) and its full forms in the folded text (`find_definitions`,
        which tries the substrings before each bracket): two sets of forms with the same
        presence give the same row."""
        found = set(_occurring(self.keys, keys))
        return Presence(
            tuple(sorted(found)),
            tuple(sorted(_occurring(tuple(sorted(self.zh_full_keys)), folded))),
            tuple(sorted(found & self.zh_short_keys)),
        )


@dataclass(frozen=True)
class Presence:
    """Which of the glossary's keys, full forms and short forms in use occur in some
    documents (`Forms.present`)."""

    keys: tuple[str, ...]
    full: tuple[str, ...]
    short: tuple[str, ...]


@dataclass(frozen=True)
class Texts:
    """Documents' match keys and folded simplified texts, each kind joined by NUL (which no
    form holds, so no form is found across two documents)."""

    keys: str = ""
    folded: str = ""

    @classmethod
    def of(cls, docs: list[Analysed]) -> Texts:
        return cls("\0".join(d.key for d in docs), "\0".join(d.folded for d in docs))


def _occurring(patterns: tuple[str, ...], text: str) -> set[str]:
    """The patterns that occur in `text`, overlapping or not."""
    patterns = tuple(p for p in patterns if p)
    if not patterns or not text:
        return set()
    found = _overlapping(patterns).find_matches_as_indexes(text, overlapping=True)
    return {patterns[index] for index, _, _ in found}


@lru_cache(maxsize=2)
def _overlapping(patterns: tuple[str, ...]):
    """An automaton that finds every occurrence (built once per build, for every chunk)."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )


@dataclass(frozen=True)
class Tables:
    """The usage and frequency rows of some documents; the sum is associative and
    commutative, like the rows' own."""

    usage: usage.Usage = field(default_factory=usage.Usage)
    frequencies: frequency.Frequencies = field(default_factory=frequency.Frequencies)

    def __add__(self, other: Tables) -> Tables:
        documents = self.frequencies.documents + other.frequencies.documents
        return Tables(
            usage.total((self.usage, other.usage)),
            frequency.Frequencies(
                documents, _added(self.frequencies.windows, other.frequencies.windows)
            ),
        )


def _added(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    """The sum of two window counts: the smaller added into a copy of the larger (a chunk's
    table holds 100,000 windows; `Counter.update` is 2.5 times slower)."""
    if len(a) < len(b):
        a, b = b, a
    total, get = dict(a), a.get
    for window, n in b.items():
        total[window] = get(window, 0) + n
    return total


def document_tables(doc: Analysed, forms: Forms) -> Tables:
    """One document's rows of both tables, from one analysis of its text."""
    return Tables(usage.usage_of(doc, forms), frequency.table_of(doc))


def write_beside(glossary: str | Path, tables: Tables) -> None:
    """Write both tables beside the glossary file; the frequency table takes the shipped
    cut-off."""
    wordings = frequency.Frequencies(
        tables.frequencies.documents,
        tables.frequencies.windows,
        frequency.shipped().min_documents,
    )
    with atomic_write(usage.beside(glossary), "w", encoding="utf-8") as handle:
        handle.write(usage.dumps(tables.usage))
    with atomic_write(frequency.beside(glossary), "w", encoding="utf-8") as handle:
        handle.write(frequency.dumps(wordings))
