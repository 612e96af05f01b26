"""A terminologist's decisions, kept in a small CSV and applied again on every rebuild.

Each row is `action,term,lang,note`: `reject` drops a term (and its concept when the Chinese
full form is rejected), `prefer` makes a term the preferred one of its language and type (the
others become admitted), `admit`, `deprecate` and `supersede` set that status. Decisions name
terms by their normalization key, so `降排＋` also decides `降排+`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from termkit.errors import InputError
from termkit.termbase.merge import conflicts_of
from termkit.termbase.model import Concept, Term, Termbase
from termkit.text.normalize import normalize

ACTIONS = {
    "reject": "",
    "prefer": "preferred",
    "admit": "admitted",
    "deprecate": "deprecated",
    "supersede": "superseded",
}


@dataclass(frozen=True)
class Decision:
    action: str
    term: str
    lang: str = ""
    note: str = ""

    def applies_to(self, term: Term) -> bool:
        return term.key == normalize(self.term) and self.lang in ("", term.lang)


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
        decisions.append(
            Decision(action, term, (row.get("lang") or "").strip(), (row.get("note") or "").strip())
        )
    return decisions


def curate(tb: Termbase, decisions: list[Decision]) -> Termbase:
    """The termbase with the decisions applied; the same decisions give the same result."""
    concepts = []
    for concept in tb.concepts:
        curated = _curate_concept(concept, decisions)
        if curated is not None:
            concepts.append(curated)
    ordered = tuple(concepts)
    return Termbase(ordered, conflicts_of(ordered), tb.meta)


def _curate_concept(concept: Concept, decisions: list[Decision]) -> Concept | None:
    terms = list(concept.terms)
    for d in decisions:
        hits = [t for t in terms if d.applies_to(t)]
        if not hits:
            continue
        if d.action == "reject":
            if any(t.lang == "zh" and t.type == "fullForm" for t in hits):
                return None
            terms = [t for t in terms if t not in hits]
            continue
        terms = [_decide(t, d, hits) for t in terms]
    return replace(concept, terms=tuple(terms)) if terms else None


def _decide(term: Term, decision: Decision, hits: list[Term]) -> Term:
    """A term after a status decision: the decided terms take the status; preferring a term
    demotes the other preferred terms of its language and type to admitted."""
    status = ACTIONS[decision.action]
    if term in hits:
        return replace(term, status=status, note=decision.note or term.note)
    roles = {(t.lang, t.type) for t in hits}
    if status == "preferred" and term.status == "preferred" and (term.lang, term.type) in roles:
        return replace(term, status="admitted")
    return term
