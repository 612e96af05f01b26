"""`termkit build --report`: the glossary as a reviewer sees it, in one self-contained HTML file.

Concepts whose short or full forms conflict come first, then the rest from the least to the most
confident, so the doubtful definitions are read before the safe ones; each with its forms
(language, type, status, count), the extractor's evidence, and the first places each form was
seen with the text around them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from termkit import __version__
from termkit.check.context import Context, Contexts
from termkit.io import atomic_write
from termkit.termbase.model import Concept, Conflict, Term, Termbase, lang_rank

PLACES = 3  # places shown per form


@dataclass(frozen=True)
class Form:
    term: Term
    places: tuple[tuple[str, Context], ...]  # ("path:line:column", context)


@dataclass(frozen=True)
class Entry:
    concept: Concept
    forms: tuple[Form, ...]
    conflicts: tuple[Conflict, ...]


def entries(tb: Termbase) -> list[Entry]:
    """Concepts in review order: conflicts first, then by rising confidence, then by id."""
    contexts = Contexts()
    conflicts: dict[str, list[Conflict]] = {}
    for conflict in tb.conflicts:
        for cid in conflict.concepts:
            conflicts.setdefault(cid, []).append(conflict)
    out = []
    for c in tb.concepts:
        terms = sorted(c.terms, key=lambda t: (lang_rank(t.tag), t.type, -t.count, t.text))
        forms = tuple(Form(t, _places(t, contexts)) for t in terms)
        out.append(Entry(c, forms, tuple(conflicts.get(c.id, ()))))
    return sorted(out, key=lambda e: (not e.conflicts, e.concept.confidence, e.concept.id))


def _places(t: Term, contexts: Contexts) -> tuple[tuple[str, Context], ...]:
    return tuple(
        (str(loc), contexts.around(loc.path, loc.line, loc.column, len(t.text)))
        for loc in t.locations[:PLACES]
    )


def render(tb: Termbase, title: str = "termkit glossary review") -> str:
    from termkit.check.report_html import template

    listed = entries(tb)
    statuses = Counter(t.status or "unset" for c in tb.concepts for t in c.terms)
    return template("review.html.j2").render(
        title=title,
        version=__version__,
        entries=listed,
        concepts=len(tb.concepts),
        terms=sum(statuses.values()),
        conflicts=tb.conflicts,
        statuses=sorted(statuses.items()),
    )


def write(tb: Termbase, path: str) -> None:
    page = render(tb)
    with atomic_write(path, "w") as f:
        f.write(page)
