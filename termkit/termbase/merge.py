"""Build termbases from definitions and merge them, associatively and in any order.

`merge` is a commutative, associative union (counts add, sets unite, the smallest N locations
are kept, ties resolved by fixed ranks), so per-document termbases can be reduced in any tree
shape, on one core or a cluster, with the same result. `finalize` then derives what depends on
the whole corpus (which written form is preferred, which are variants and slips, which concepts
conflict) and is a pure function of the merged termbase.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter

from termkit.termbase.model import (
    MAX_LOCATIONS,
    MAX_SOURCES,
    Concept,
    Conflict,
    Definition,
    Location,
    Term,
    Termbase,
    concept_id,
    decided,
    lang_rank,
)
from termkit.termbase.typos import typo_folds

_STATUS_RANK = {"": 0, "admitted": 1, "preferred": 2, "superseded": 3, "deprecated": 4}
_ROLE_TYPES = ("fullForm", "shortForm", "acronym", "abbreviation")
_RETIRED = ("deprecated", "superseded")


def _english_type(text: str) -> str:
    """`UNEP`, `REDD-plus`, `InforMEA` are acronyms; `Global Environment Facility` a name."""
    if " " not in text.strip() and sum(c.isupper() for c in text) >= 2:
        return "acronym"
    return "fullForm"


def from_definitions(
    definitions: Iterable[Definition], usage: dict[str, list[Location]] | None = None
) -> Termbase:
    """One document's definitions as an (unfinalized) termbase.

    `usage` maps a written form to where the document uses it; its count and first locations
    are kept on the term.
    """
    usage = usage or {}
    concepts: dict[str, Concept] = {}
    for d in definitions:
        short_lang = d.short_lang
        short_type = _english_type(d.short) if short_lang == "en" else "shortForm"
        terms = (
            _term(d.full, "zh", "fullForm", d, usage),
            _term(d.short, short_lang, short_type, d, usage),
        )
        kind = "title" if d.kind == "title" else ""
        concept = Concept(
            id=concept_id(d.full),
            terms=terms,
            sources=(d.path,),
            subject=kind,
            confidence=d.confidence,
            evidence=tuple(sorted(set(d.evidence))),
        )
        concepts[concept.id] = (
            merge_concept(concepts[concept.id], concept) if concept.id in concepts else concept
        )
    return Termbase(tuple(sorted(concepts.values(), key=lambda c: c.id)))


def _term(
    text: str, lang: str, type_: str, d: Definition, usage: dict[str, list[Location]]
) -> Term:
    seen = usage.get(text, [])
    locations = sorted({d.location, *seen})[:MAX_LOCATIONS]
    return Term(text, lang, type_, "", max(len(seen), 1), tuple(locations), (d.path,))


def merge(*termbases: Termbase) -> Termbase:
    """Union of termbases: concepts with one id become one, terms with one text become one."""
    concepts: dict[str, Concept] = {}
    meta: dict[str, str] = {}
    back: tuple = ()
    for tb in termbases:
        for c in tb.concepts:
            concepts[c.id] = merge_concept(concepts[c.id], c) if c.id in concepts else c
        for k, v in tb.meta:
            meta[k] = max(meta.get(k, ""), v)
        back = _union(back, tb.back)
    return Termbase(
        tuple(sorted(concepts.values(), key=lambda c: c.id)),
        (),
        tuple(sorted(meta.items())),
        back,
    )


def _union(a: tuple, b: tuple) -> tuple:
    """Kept data of two sides: as it is when only one side has it (a file's own order), else
    the sorted union, which is commutative and associative."""
    if not b or a == b:
        return a
    if not a:
        return b
    return tuple(sorted(set(a) | set(b)))


def merge_concept(a: Concept, b: Concept) -> Concept:
    terms: dict[tuple[str, str], Term] = {(t.tag, t.text): t for t in a.terms}
    for t in b.terms:
        k = (t.tag, t.text)
        terms[k] = merge_term(terms[k], t) if k in terms else t
    return Concept(
        id=a.id,
        terms=tuple(sorted(terms.values(), key=_term_order)),
        sources=tuple(sorted(set(a.sources) | set(b.sources))[:MAX_SOURCES]),
        note=_pick(a.note, b.note),
        definition=_pick(a.definition, b.definition),
        subject=_pick(a.subject, b.subject),
        confidence=max(a.confidence, b.confidence),
        evidence=tuple(sorted(set(a.evidence) | set(b.evidence))),
        data=_union(a.data, b.data),
        lang_data=_union(a.lang_data, b.lang_data),
    )


def merge_term(a: Term, b: Term) -> Term:
    return Term(
        text=a.text,
        lang=a.lang,
        type=min((a.type, b.type), key=lambda t: (t == "", t == "variant", t)),
        status=max((a.status, b.status), key=lambda s: (_STATUS_RANK.get(s, 0), s)),
        count=a.count + b.count,
        locations=_first_locations(a.locations, b.locations),
        sources=tuple(sorted(set(a.sources) | set(b.sources))[:MAX_SOURCES]),
        note=_pick(a.note, b.note),
        variety=a.variety,
        data=_union(a.data, b.data),
    )


def _first_locations(a: tuple[Location, ...], b: tuple[Location, ...]) -> tuple[Location, ...]:
    """The first MAX_LOCATIONS of the union, in Location order. By their field tuples: hashed
    and compared in C, not by the dataclass's generated methods (a warm rebuild merges many)."""
    union = {_location_key(loc): loc for loc in (*a, *b)}
    return tuple(union[k] for k in sorted(union)[:MAX_LOCATIONS])


_location_key = attrgetter("path", "line", "column")


def _pick(a: str, b: str) -> str:
    """An order-independent choice between two free texts: the longer, then the smaller."""
    return min((a, b), key=lambda s: (-len(s), s))


def _term_order(t: Term) -> tuple:
    type_rank = {"fullForm": 0, "shortForm": 1, "acronym": 2, "abbreviation": 3}.get(t.type, 4)
    return (lang_rank(t.tag), type_rank, -t.count, t.text)


def finalize(tb: Termbase) -> Termbase:
    """Derive statuses, variants and conflicts from the merged termbase (idempotent)."""
    concepts = _fold_typos(_fold_english_into_abbreviations(tb.concepts))
    settled = tuple(sorted((_settle(c) for c in concepts), key=lambda c: c.id))
    return Termbase(settled, conflicts_of(settled), tb.meta, tb.back)


def _fold_english_into_abbreviations(concepts: Iterable[Concept]) -> list[Concept]:
    """`开发署（UNDP）` anchors a concept on a short form; fold it into the concept that
    defines `开发署`, when exactly one does."""
    concepts = list(concepts)
    owners: dict[str, set[str]] = defaultdict(set)
    for c in concepts:
        for t in c.terms_of("zh", "shortForm"):
            owners[t.key].add(c.id)
    by_id = {c.id: c for c in concepts}
    for c in concepts:
        fulls = c.terms_of("zh", "fullForm")
        if len(fulls) != 1 or c.terms_of("zh", "shortForm") or not c.terms_of("en"):
            continue
        targets = owners.get(fulls[0].key, set()) - {c.id}
        if len(targets) == 1:
            target = targets.pop()
            moved = tuple(replace(t, type="shortForm") if t.lang == "zh" else t for t in c.terms)
            donor = replace(c, id=target, terms=moved)
            by_id[target] = merge_concept(by_id[target], donor)
            del by_id[c.id]
    return list(by_id.values())


def _fold_typos(concepts: list[Concept]) -> list[Concept]:
    """A slip of a more used full form under the same short form joins its concept,
    deprecated (`termkit.termbase.typos`)."""
    by_id = {c.id: c for c in concepts}
    for source, donor in typo_folds(concepts):
        del by_id[source]
        by_id[donor.id] = merge_concept(by_id[donor.id], donor)
    return list(by_id.values())


def _form_rank(t: Term) -> tuple:
    return (t.status != "preferred", t.type == "variant", -t.count, t.text)


def _group_rank(ts: list[Term]) -> tuple:
    preferred = any(t.status == "preferred" for t in ts)
    return (not preferred, -sum(t.count for t in ts), min(t.text for t in ts))


def _settle(c: Concept) -> Concept:
    """In each group of forms with one key, the most used is the form; the rest are variants."""
    groups: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for t in c.terms:
        groups[(t.lang, t.key)].append(t)
    role_of_group = {}
    for k, ts in groups.items():
        roles = [t.type for t in ts if t.type in _ROLE_TYPES]
        role_of_group[k] = min(roles, key=_ROLE_TYPES.index) if roles else "variant"
    # Within one language and role, the most used group holds the preferred term.
    leading: dict[tuple[str, str], tuple[str, str]] = {}
    for k, _ts in sorted(groups.items(), key=lambda kv: _group_rank(kv[1])):
        leading.setdefault((k[0], role_of_group[k]), k)
    settled = []
    for k, ts in groups.items():
        main = min(ts, key=_form_rank)
        lead = leading[(k[0], role_of_group[k])] == k
        for t in ts:
            type_ = role_of_group[k] if t is main else "variant"
            status = t.status or ("preferred" if t is main and lead else "admitted")
            settled.append(replace(t, type=type_, status=status))
    return replace(c, terms=tuple(sorted(settled, key=_term_order)))


def conflicts_of(concepts: tuple[Concept, ...]) -> tuple[Conflict, ...]:
    """Short forms claimed by several concepts; concepts with several short forms.

    What a terminologist settled is not a conflict: a deprecated or superseded short form is
    not one a concept is given; a full form's short forms are settled once one of them was
    preferred by a decision, a short form of several concepts once a decision preferred it
    in exactly one of them.
    """
    found: list[Conflict] = []
    owners: dict[str, list[Concept]] = defaultdict(list)
    chosen: dict[str, int] = defaultdict(int)
    for c in concepts:
        shorts = {t.key: t for t in c.terms_of("zh", "shortForm") if t.status not in _RETIRED}
        for key, t in shorts.items():
            owners[key].append(c)
            chosen[key] += decided(t, "prefer")
        if len(shorts) > 1 and not any(decided(t, "prefer") for t in shorts.values()):
            full = c.label
            found.append(
                Conflict(
                    "full-form-two-short-forms",
                    full,
                    (c.id,),
                    tuple(sorted(t.text for t in shorts.values())),
                )
            )
    for key, cs in owners.items():
        if len(cs) > 1 and chosen[key] != 1:
            short = min(t.text for t in cs[0].terms_of("zh", "shortForm") if t.key == key)
            found.append(
                Conflict(
                    "short-form-ambiguous",
                    short,
                    tuple(c.id for c in cs),
                    tuple(sorted(c.label for c in cs)),
                )
            )
    return tuple(sorted(found, key=lambda x: (x.kind, x.term, x.concepts)))


def build_termbase(per_document: Iterable[Termbase]) -> Termbase:
    """Merge per-document termbases and finalize: the glossary of a corpus."""
    return finalize(merge(*per_document))


__all__ = ["build_termbase", "conflicts_of", "finalize", "from_definitions", "merge"]
