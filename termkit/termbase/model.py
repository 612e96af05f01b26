"""Concepts, terms, definitions and locations: the data every part of termkit exchanges.

Values only; building and merging live in `termkit.termbase.merge`. Term types and statuses use
the TBX-Basic vocabulary so that exchange formats map one to one. Terms may be in any language
(`lang` is the BCP 47 primary language subtag, `variety` the whole tag when it says more, such
as `zh-TW`); analysis reads the languages of `ANALYSED` and carries the others along. What
termkit does not analyse (parts of speech, contexts, images, transactions) is kept as `Datum`
trees so that a terminologist's termbase survives a round trip.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

from termkit.text.normalize import normalize

KINDS = ("abbreviation", "title", "english")
TERM_TYPES = ("fullForm", "shortForm", "acronym", "abbreviation", "variant", "phrase")
STATUSES = ("preferred", "admitted", "deprecated", "superseded")
# The languages termkit analyses (extraction, checking), first in every listing; terms of any
# other language are kept and exchanged as they are.
ANALYSED = ("zh", "en")
LANGS = ANALYSED
# How many locations a term keeps: the first ones in (path, line, column) order. Taking the
# smallest N of a union is associative, so capped merges give the same result in any order.
MAX_LOCATIONS = 20
# Likewise for the documents a term or concept was found in: a corpus-wide term would
# otherwise list every document of the corpus, and the glossary would grow with the corpus.
MAX_SOURCES = 50


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column (in characters) of a user's original file."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    @classmethod
    def parse(cls, text: str) -> Location:
        path, line, column = text.rsplit(":", 2)
        return cls(path, int(line), int(column))


@dataclass(frozen=True, order=True)
class Datum:
    """A piece of information termkit keeps but does not analyse, in TBX's terms: an element
    (`termNote`, `descrip`, `admin`, `xref`, `transacGrp`, `descripGrp` …) with its data
    category (`type`), text, other attributes (`target`) and the items grouped in it (a
    context and its source; a transaction's type, date and responsible person)."""

    tag: str
    type: str = ""
    text: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    items: tuple[Datum, ...] = ()

    def to_json(self) -> list:
        """A compact JSON value (for the formats that carry it in a note)."""
        out: list = [self.tag, self.type, self.text]
        if self.attrs or self.items:
            out.append([list(a) for a in self.attrs])
        if self.items:
            out.append([i.to_json() for i in self.items])
        return out

    @classmethod
    def from_json(cls, value: list) -> Datum:
        tag, type_, text, *rest = value
        attrs = tuple((str(k), str(v)) for k, v in rest[0]) if rest else ()
        items = tuple(cls.from_json(i) for i in rest[1]) if len(rest) > 1 else ()
        return cls(str(tag), str(type_), str(text), attrs, items)


def transaction(kind: str, date: str, person: str = "") -> Datum:
    """A TBX transaction (`origination`, `modification`): who did what, and when."""
    items = [Datum("transac", "transactionType", kind), Datum("date", text=date)]
    if person:
        items.append(Datum("transacNote", "responsibility", person))
    return Datum("transacGrp", items=tuple(items))


# The note of the transaction a terminologist's decision leaves on a term (see `curate`).
DECISION_NOTE = "termkit curation: "


def decided(term: Term, action: str) -> bool:
    """True when a curation decision `action` (`prefer`, `deprecate` …) was made on the term."""
    mark = DECISION_NOTE + action
    return any(
        d.tag == "transacGrp" and any(i.tag == "note" and i.text == mark for i in d.items)
        for d in term.data
    )


@dataclass(frozen=True)
class Alternative:
    """A candidate full form the boundary model weighed for a definition: its start in the
    original file and the model's score (a logit: corpus evidence can be added to it and the
    best candidate taken again, as `termkit build` does)."""

    full: str
    line: int
    column: int
    score: float


@dataclass(frozen=True)
class Definition:
    """One place where a document introduces a short form (or an English equivalent).

    `full` and `short` are as printed, PDF line breaks joined, title marks stripped. `line` and
    `column` point at the full form's first character in the original file; `short_line`,
    `short_column` at the short form's.
    """

    full: str
    short: str
    kind: str
    path: str
    line: int
    column: int
    short_line: int
    short_column: int
    confidence: float
    evidence: tuple[str, ...] = ()
    context: str = ""
    # Every candidate full form weighed, best first (the chosen one first); empty when a
    # title mark or quote fixed the start.
    alternatives: tuple[Alternative, ...] = ()

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.column)

    @property
    def short_lang(self) -> str:
        return "en" if self.kind == "english" else "zh"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["evidence"] = list(self.evidence)
        return data


@dataclass(frozen=True)
class Term:
    """One written form of a concept in one language, with what was seen of it."""

    text: str
    lang: str
    type: str = "fullForm"
    status: str = ""
    count: int = 0
    locations: tuple[Location, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""
    variety: str = ""  # the whole language tag when it says more than `lang`: zh-TW, en-US
    data: tuple[Datum, ...] = ()

    @property
    def key(self) -> str:
        return normalize(self.text)

    @property
    def tag(self) -> str:
        """The language tag as read: `zh-TW`, `es`."""
        return self.variety or self.lang


@dataclass(frozen=True)
class Conflict:
    """Two concepts claiming one short form, or one full form given two short forms."""

    kind: str  # "short-form-ambiguous" | "full-form-two-short-forms"
    term: str
    concepts: tuple[str, ...]
    forms: tuple[str, ...]

    def describe(self) -> str:
        if self.kind == "short-form-ambiguous":
            return f"short form {self.term} is defined with different full forms: " + " / ".join(
                self.forms
            )
        return f"full form {self.term} is given different short forms: " + " / ".join(self.forms)


@dataclass(frozen=True)
class Concept:
    """A concept: its terms in any languages, the documents it came from, why we think so, and
    what termkit keeps unanalysed about it (`data`) and about its language sections
    (`lang_data`: pairs of a language tag and a datum)."""

    id: str
    terms: tuple[Term, ...]
    sources: tuple[str, ...] = ()
    note: str = ""
    definition: str = ""
    subject: str = ""
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    data: tuple[Datum, ...] = ()
    lang_data: tuple[tuple[str, Datum], ...] = ()

    def terms_of(self, lang: str, *types: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang and (not types or t.type in types)]

    def preferred(self, lang: str, *types: str) -> Term | None:
        """The preferred term of a language (of the given types), else the most used one."""
        candidates = self.terms_of(lang, *types)
        if not candidates:
            return None
        return min(candidates, key=lambda t: (t.status != "preferred", -t.count, t.text))

    @property
    def label(self) -> str:
        term = self.preferred("zh", "fullForm") or self.preferred("zh") or self.preferred("en")
        term = term or min(self.terms, key=lambda t: lang_rank(t.tag), default=None)
        return term.text if term else self.id


@dataclass(frozen=True)
class Termbase:
    """Concepts in a stable order, and the conflicts found among them."""

    concepts: tuple[Concept, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())
    back: tuple[Datum, ...] = ()  # TBX back matter: the people that transactions refer to

    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}

    def __len__(self) -> int:
        return len(self.concepts)


def lang_rank(tag: str) -> tuple:
    """The order of languages in every listing: the analysed ones first, then by tag."""
    primary = tag.split("-")[0]
    return (ANALYSED.index(primary) if primary in ANALYSED else len(ANALYSED), tag)


def languages(tb: Termbase) -> list[str]:
    """The language tags of a termbase's terms, in listing order."""
    return sorted({t.tag for c in tb.concepts for t in c.terms}, key=lang_rank)


def concept_id(anchor: str) -> str:
    """A stable id from a concept's anchor term: the same concept gets the same id in any
    build, on any machine, in any order. A valid XML name (starts with a letter)."""
    return "c" + hashlib.sha1(normalize(anchor).encode("utf-8")).hexdigest()[:12]
