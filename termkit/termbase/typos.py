"""Full forms one character apart: a slip (`联合国环境规化署`) must not become a concept.

`near_typos` lists every pair for a terminologist to see. `settle_typos` decides the pairs the
corpus itself settles: the two forms share a short form (`联合国环境规化署（环境署）` and
`联合国环境规划署（环境署）` name one body) and one is used more often; the rarer joins the
more frequent one's concept as a deprecated form with a note, so that `check` flags it and it
never becomes a preferred term. Forms that share no short form (`非洲经济委员会`,
`欧洲经济委员会`) or are used as often stay apart: a terminologist decides those.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from termkit.termbase.model import Concept, Term, Termbase, decided

# Names shorter than this legitimately differ in one character (`东盟`/`西盟`): a third of a
# three-character name is not a slip.
TYPO_MIN_LENGTH = 5
_SHORT_TYPES = ("shortForm", "acronym", "abbreviation")


def one_apart(forms: dict[str, Term]) -> Iterator[tuple[str, str]]:
    """Pairs (a, b), a < b, of the keys that differ in exactly one character: one pass over
    a wildcard index, linear in the forms' length."""
    buckets: dict[str, list[str]] = {}
    for key in sorted(forms):
        for i in range(len(key)):
            buckets.setdefault(f"{key[:i]}\0{key[i + 1 :]}", []).append(key)
    seen = set()
    for keys in buckets.values():
        for a in keys:
            for b in keys:
                if a < b and (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b


def _rarer_first(a: Term, b: Term) -> tuple[Term, Term]:
    rare, frequent = sorted((a, b), key=lambda t: (t.count, t.text))
    return rare, frequent


def _full_forms(concepts: Iterable[Concept]) -> dict[str, tuple[Term, Concept]]:
    """Each long enough Chinese full form's key, with its most used term and that concept."""
    forms: dict[str, tuple[Term, Concept]] = {}
    for concept in concepts:
        for t in concept.terms:
            if t.lang != "zh" or t.type != "fullForm" or len(t.key) < TYPO_MIN_LENGTH:
                continue
            if t.key not in forms or t.count > forms[t.key][0].count:
                forms[t.key] = (t, concept)
    return forms


def near_typos(termbase: Termbase) -> list[tuple[Term, Term]]:
    """(rarer, more frequent) pairs of Chinese full forms of the glossary that differ in one
    character only: a slip or a wording variant a terminologist should settle."""
    forms = {k: t for k, (t, _) in _full_forms(termbase.concepts).items()}
    pairs = {_rarer_first(forms[a], forms[b]) for a, b in one_apart(forms)}
    return sorted(pairs, key=lambda p: (p[1].text, p[0].text))


_NOTE = "one character from {}, used more often under the same short form"


def typo_note(frequent: Term) -> str:
    return _NOTE.format(frequent.text)


def restore_slips(terms: list[Term]) -> list[Term]:
    """After a terminologist's decisions: when no Chinese full form is left in use (the
    more used form of a pair was deprecated, `联合国贸易与发展会议`), the forms deprecated
    only as its slips are restored, the most used preferred: the decision says which is right."""
    fulls = [t for t in terms if t.lang == "zh" and t.type == "fullForm"]
    if any(t.status in ("preferred", "admitted") for t in fulls):
        return terms
    head, _, tail = _NOTE.partition("{}")
    slips = [
        t
        for t in fulls
        if t.status == "deprecated"
        and t.note.startswith(head)
        and t.note.endswith(tail)
        and not decided(t, "deprecate")
    ]
    if not slips:
        return terms
    best = min(slips, key=lambda t: (-t.count, t.text))
    return [
        replace(t, status="preferred" if t is best else "admitted", note="") if t in slips else t
        for t in terms
    ]


def typo_folds(concepts: list[Concept]) -> list[tuple[str, Concept]]:
    """The slips the corpus settles, as (the id of a concept holding the slip, that concept
    renamed to the id of the concept the slip misspells, the slip deprecated with a note), for
    `finalize` to merge. A concept holding the slip joins when it shares a short form with
    the other or the other already holds the slip (folded by an earlier `finalize`, before
    more was merged in). No concept both gives and takes; the same input gives the same folds."""
    found = _full_forms(concepts)
    forms = {k: t for k, (t, _) in found.items()}
    holders: dict[str, list[Concept]] = {}
    for concept in concepts:
        for key in _full_keys(concept):
            holders.setdefault(key, []).append(concept)
    pairs = sorted(
        (_rarer_first(forms[a], forms[b]) for a, b in one_apart(forms)),
        key=lambda p: (-p[1].count, p[1].text, p[0].text),
    )
    folds: list[tuple[str, Concept]] = []
    givers: set[str] = set()
    takers: set[str] = set()
    for rare, frequent in pairs:
        target = found[frequent.key][1]
        if rare.count == frequent.count or target.id in givers:
            continue
        for source in sorted(holders[rare.key], key=lambda c: c.id):
            if source.id == target.id or source.id in givers | takers:
                continue
            if not (_shorts(source) & _shorts(target) or rare.key in _full_keys(target)):
                continue
            terms = tuple(
                replace(t, status="deprecated", note=t.note or typo_note(frequent))
                if (t.lang, t.type, t.key) == ("zh", "fullForm", rare.key)
                else t
                for t in source.terms
            )
            folds.append((source.id, replace(source, id=target.id, terms=terms)))
            givers.add(source.id)
            takers.add(target.id)
    return folds


def _full_keys(concept: Concept) -> set[str]:
    return {
        t.key
        for t in concept.terms
        if t.lang == "zh" and t.type == "fullForm" and len(t.key) >= TYPO_MIN_LENGTH
    }


def _shorts(concept: Concept) -> set[tuple[str, str]]:
    return {(t.lang, t.key) for t in concept.terms if t.type in _SHORT_TYPES}
