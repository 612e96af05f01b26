"""Glossary status and spelling: deprecated terms (TK106), admitted terms where a preferred one
exists (TK107), and known terms written with other widths or scripts (TK108)."""

from __future__ import annotations

import re
from functools import lru_cache

from termkit.check.abbreviations import ShortForms
from termkit.check.collect import Collector
from termkit.check.facts import Facts
from termkit.check.glossary import Entry, preferred, role
from termkit.check.matcher import Hit
from termkit.text.normalize import HAN, to_simplified

# Share of Han characters that change to simplified above which a text counts as written in
# traditional script (about 0.37 in running UN text; a few traditional terms stay far below).
_TRADITIONAL = 0.2
_HAN = re.compile(f"[{HAN}]")


def check(facts: Facts, forms: ShortForms, out: Collector) -> None:
    traditional = _is_traditional(facts.doc.analysis.text[:20000])
    for hit in facts.hits:
        entries = facts.glossary.entries(hit.key)
        if entries and out.wants("TK106") and all(e.retired for e in entries):
            _deprecated(facts, hit, entries, out)
        elif (
            entries
            and out.wants("TK107")
            and all(e.term.status == "admitted" for e in entries)
            and hit.key not in facts.defined_forms
        ):
            _admitted(facts, hit, entries, out)
        if out.wants("TK108"):
            _variant(facts, hit, entries, traditional, out)


def _single_concept(entries: list[Entry]):
    ids = {e.concept.id for e in entries}
    return entries[0].concept if len(ids) == 1 else None


def _deprecated(facts: Facts, hit: Hit, entries: list[Entry], out: Collector) -> None:
    written = facts.surface(hit)
    concept = _single_concept(entries)
    term = entries[0].term
    better = preferred(concept, term.lang, role(term)) if concept else None
    suggestion = better.text if better else None
    out.add(
        "TK106",
        facts.place(hit),
        f"{written} is {term.status} in the glossary"
        + (f"; use {suggestion}" if suggestion else ""),
        written,
        suggestion,
        facts.replacement(hit, suggestion) if suggestion else None,
    )


def _admitted(facts: Facts, hit: Hit, entries: list[Entry], out: Collector) -> None:
    concept = _single_concept(entries)
    term = entries[0].term
    better = preferred(concept, term.lang, role(term)) if concept else None
    if better is None or better.status != "preferred" or better.key == hit.key:
        return
    written = facts.surface(hit)
    out.add(
        "TK107",
        facts.place(hit),
        f"{written} is admitted; the glossary prefers {better.text}",
        written,
        better.text,
    )


def _variant(
    facts: Facts, hit: Hit, entries: list[Entry], traditional: bool, out: Collector
) -> None:
    """The hit's key is known but the characters differ from every known written form."""
    if entries:
        known = sorted(
            entries, key=lambda e: (e.retired, e.term.status != "preferred", e.term.text)
        )
        forms = list(dict.fromkeys(e.term.text for e in known))
    else:
        forms = facts.defined_forms.get(hit.key, [])
    written = facts.surface(hit)
    if not forms or _bare(written, traditional) in {_bare(f, traditional) for f in forms}:
        return
    suggestion = forms[0]
    distinct = {_bare(f, traditional) for f in forms}
    out.add(
        "TK108",
        facts.place(hit),
        f"{written} is written with other characters than {suggestion}",
        written,
        suggestion,
        facts.replacement(hit, suggestion) if len(distinct) == 1 else None,
    )


@lru_cache(maxsize=4096)
def _bare(text: str, traditional: bool) -> str:
    """Compare forms without whitespace; in a traditional-script text, script is no variant."""
    text = "".join(text.split())
    return to_simplified(text) if traditional else text


def _is_traditional(text: str) -> bool:
    simplified = to_simplified(text)
    if simplified == text:
        return False
    changed = sum(a != b for a, b in zip(text, simplified, strict=True))
    return changed > _TRADITIONAL * len(_HAN.findall(text))
