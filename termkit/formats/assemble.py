"""Turn the records a reader found into a termbase, the same way for every format.

Files that termkit wrote carry their concept ids and every field, and are taken as they are.
Third-party files (a MultiTerm export, a spreadsheet, a TMX) have no usable id: a concept then
gets `concept_id` of its label (the zh full form, else the first term), the id termkit's own
extractor gives it, so the same concept from two sources merges into one entry. Terms and
concepts that name no source get the file's name as their source, so merged conflicts can be
traced back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from termkit.termbase.merge import conflicts_of, merge_concept, merge_term
from termkit.termbase.model import Concept, Term, Termbase, concept_id, lang_rank

_TERMKIT_ID = re.compile(r"c[0-9a-f]{12}")


def is_termkit_id(value: str) -> bool:
    return bool(_TERMKIT_ID.fullmatch(value))


def assemble(concepts: Iterable[Concept], path: str, foreign: bool) -> Termbase:
    """A termbase of the concepts read from one file: ids settled, duplicates merged, sorted."""
    source = Path(path).name
    by_id: dict[str, Concept] = {}
    for c in concepts:
        terms = _unique(c.terms)
        if not terms:
            continue
        if foreign:
            terms = [t if t.sources else replace(t, sources=(source,)) for t in terms]
        term_sources = {s for t in terms for s in t.sources}
        concept = replace(
            c,
            id=c.id if is_termkit_id(c.id) or not foreign else "",
            terms=tuple(terms),
            sources=tuple(sorted(set(c.sources) | term_sources)),
        )
        if not concept.id:
            concept = replace(concept, id=concept_id(concept.label))
        old = by_id.get(concept.id)
        by_id[concept.id] = merge_concept(old, concept) if old else concept
    ordered = tuple(sorted(by_id.values(), key=lambda c: c.id))
    return Termbase(ordered, conflicts_of(ordered))


def _unique(terms: Iterable[Term]) -> list[Term]:
    """One term per (language tag, text), the analysed languages first, else in first-seen
    order; repeats are merged into the first."""
    seen: dict[tuple[str, str], Term] = {}
    for t in terms:
        if not t.text:
            continue
        k = (t.tag, t.text)
        seen[k] = merge_term(seen[k], t) if k in seen else t
    return sorted(seen.values(), key=lambda t: lang_rank(t.tag))
