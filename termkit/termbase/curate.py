"""A terminologist's decisions, kept in a small CSV and applied again on every rebuild.

Each row is `action,term,lang,note[,concept,author,date]`: `reject` drops a term (and its
concept when the Chinese full form is rejected), `prefer` makes a term the preferred one of its
language and type (the others become admitted), `admit`, `deprecate` and `supersede` set that
status. `correct` replaces a wrong form by the one in the `to` column (a full form cut at the
wrong place, `程序的鹿特丹公约缔约方大会` → the whole title), keeping what was seen of it, so the
correction holds on every rebuild that finds the wrong form again. Decisions name terms by their normalization key, so `降排＋` also decides `降排+`; a
`concept` (an id, or any term of the concept) limits a decision to that concept.

A decided term keeps the decision as a TBX transaction (`modification`, with the decision's
date and author, and a note naming the action), so it travels to CAT tools and back. A conflict
that a decision settles is no longer reported (see `conflicts_of`): a full form's short forms
once one is preferred, a short form of several concepts once it is deprecated, or preferred
for one concept. `unused` lists the
decisions that name no term of the glossary, so a typo or a term that has gone is seen.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from termkit.errors import InputError
from termkit.termbase.merge import conflicts_of
from termkit.termbase.model import DECISION_NOTE, Concept, Datum, Term, Termbase
from termkit.termbase.typos import restore_slips
from termkit.text.normalize import normalize

ACTIONS = {
    "reject": "",
    "prefer": "preferred",
    "admit": "admitted",
    "deprecate": "deprecated",
    "supersede": "superseded",
    "correct": "",
}


@dataclass(frozen=True)
class Decision:
    action: str
    term: str
    lang: str = ""
    note: str = ""
    concept: str = ""
    author: str = ""
    date: str = ""
    to: str = ""  # the right form, for `correct`
    where: str = field(default="", compare=False)  # `curation.csv:4`, for reports

    def applies_to(self, term: Term, concept: Concept | None = None) -> bool:
        if term.key != normalize(self.term) or self.lang not in ("", term.lang):
            return False
        return not self.concept or concept is None or _names(self.concept, concept)

    def describe(self) -> str:
        scope = f" in {self.concept}" if self.concept else ""
        return f"{self.action} {self.term}{f' ({self.lang})' if self.lang else ''}{scope}"

    def transaction(self) -> Datum:
        """The decision as a TBX transaction: what was done, when and by whom."""
        items = [Datum("transac", "transactionType", "modification")]
        if self.date:
            items.append(Datum("date", text=self.date))
        if self.author:
            items.append(Datum("transacNote", "responsibility", self.author))
        items.append(Datum("note", text=DECISION_NOTE + self.action))
        return Datum("transacGrp", items=tuple(items))


def _names(ref: str, concept: Concept) -> bool:
    """True when `ref` is the concept's id or one of its terms."""
    return ref == concept.id or normalize(ref) in {t.key for t in concept.terms}


def read_decisions(path: str | Path) -> list[Decision]:
    from termkit.text.decode import read_document

    text = read_document(path).text
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"action", "term"} <= set(reader.fieldnames):
        raise InputError(f"{path}: a curation file needs the columns action,term[,lang,note]")
    decisions = []
    for row in reader:
        action, term = (row.get("action") or "").strip(), (row.get("term") or "").strip()
        if action not in ACTIONS:
            raise InputError(f"{path}:{reader.line_num}: unknown action {action!r}")
        if not term:
            raise InputError(f"{path}:{reader.line_num}: empty term")
        cells = {
            k: (row.get(k) or "").strip()
            for k in ("lang", "note", "concept", "author", "date", "to")
        }
        if (action == "correct") != bool(cells["to"]):
            need = (
                "correct needs the right form in a to column"
                if action == "correct"
                else f"only correct takes a to column, not {action}"
            )
            raise InputError(f"{path}:{reader.line_num}: {need}")
        if cells["date"] and not _DATE.fullmatch(cells["date"]):
            raise InputError(
                f"{path}:{reader.line_num}: date {cells['date']!r} is not YYYY-MM-DD (ISO 8601)"
            )
        decisions.append(Decision(action, term, **cells, where=f"{path}:{reader.line_num}"))
    return decisions


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def curate(tb: Termbase, decisions: list[Decision]) -> Termbase:
    """The termbase with the decisions applied; the same decisions give the same result."""
    concepts = []
    for concept in tb.concepts:
        curated = _curate_concept(concept, decisions)
        if curated is not None:
            concepts.append(curated)
    ordered = tuple(concepts)
    return Termbase(ordered, conflicts_of(ordered), tb.meta, tb.back)


def unused(tb: Termbase, decisions: list[Decision]) -> list[Decision]:
    """The decisions that name no term of the (uncurated) termbase."""
    return [
        d for d in decisions if not any(d.applies_to(t, c) for c in tb.concepts for t in c.terms)
    ]


def _curate_concept(concept: Concept, decisions: list[Decision]) -> Concept | None:
    terms = list(concept.terms)
    for d in decisions:
        hits = [t for t in terms if d.applies_to(t, concept)]
        if not hits:
            continue
        if d.action == "reject":
            if any(t.lang == "zh" and t.type == "fullForm" for t in hits):
                return None
            terms = [t for t in terms if t not in hits]
            continue
        if d.action == "correct":
            terms = _correct(terms, d, hits)
            continue
        terms = [_decide(t, d, hits) for t in terms]
    terms = restore_slips(terms)
    return replace(concept, terms=tuple(terms)) if terms else None


def _correct(terms: list[Term], decision: Decision, hits: list[Term]) -> list[Term]:
    """The terms with each hit rewritten as `decision.to`; a hit that becomes a form the
    concept already has joins it (counts, locations and sources added up)."""
    mark = decision.transaction()
    rewritten = [
        replace(t, text=decision.to, data=(*t.data, mark)) if t in hits else t for t in terms
    ]
    out: list[Term] = []
    for term in rewritten:
        twin = next((t for t in out if (t.key, t.lang) == (term.key, term.lang)), None)
        if twin is None:
            out.append(term)
            continue
        out[out.index(twin)] = replace(
            twin,
            count=twin.count + term.count,
            locations=tuple(sorted(set(twin.locations) | set(term.locations))),
            sources=tuple(sorted(set(twin.sources) | set(term.sources))),
            data=twin.data if mark in twin.data else (*twin.data, mark),
        )
    return out


def _decide(term: Term, decision: Decision, hits: list[Term]) -> Term:
    """A term after a status decision: the decided terms take the status and the decision's
    transaction; preferring a term demotes the other preferred terms of its language and type
    to admitted."""
    status = ACTIONS[decision.action]
    if term in hits:
        mark = decision.transaction()
        data = term.data if mark in term.data else (*term.data, mark)
        return replace(term, status=status, note=decision.note or term.note, data=data)
    roles = {(t.lang, t.type) for t in hits}
    if status == "preferred" and term.status == "preferred" and (term.lang, term.type) in roles:
        return replace(term, status="admitted")
    return term
