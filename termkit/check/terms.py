"""Glossary status and spelling: deprecated terms (TK106), admitted terms where a preferred one
exists (TK107), and known terms written with other widths or scripts (TK108).

A verdict depends only on the term and how it is written, so it is worked out once per
(term, spelling) and applied to every hit: a long document repeats its terms thousands of
times."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from termkit.check.abbreviations import common_noun
from termkit.check.collect import Collector
from termkit.check.definitions import stands_alone
from termkit.check.facts import Facts
from termkit.check.glossary import Entry, preferred, role
from termkit.check.matcher import Hit
from termkit.check.script import in_simplified
from termkit.text.normalize import HAN_CHAR, to_simplified


class Verdict(NamedTuple):
    code: str
    message: str
    suggestion: str | None
    fix: str | None  # the replacement, when the fix is unambiguous


def check(facts: Facts, out: Collector, inconsistent: frozenset[str] = frozenset()) -> None:
    """`inconsistent`: keys TK103 already reports (another short form than the document's),
    where TK107 would only repeat it."""
    if not any(out.wants(c) for c in ("TK106", "TK107", "TK108")):
        return
    scripts = facts.scripts
    spelled = _traditional_spellings(facts) if scripts.any_traditional else None
    verdicts: dict[tuple[str, str, bool], list[Verdict]] = {}
    unnamed = _retired_common_nouns(facts)
    for hit in facts.hits:
        written = facts.surface(hit)
        traditional = spelled is not None and scripts.traditional(facts.place(hit).line)
        found = verdicts.get((hit.key, written, traditional))
        if found is None:
            found = _judge(
                facts, hit.key, written, spelled if traditional else None, out,
                hit.key in inconsistent,
            )  # fmt: skip
            verdicts[(hit.key, written, traditional)] = found
        for v in found:
            if v.code in ("TK106", "TK107") and _inside_a_name(facts, hit):
                continue
            if v.code == "TK106" and hit.key in unnamed:
                continue
            edit = facts.replacement(hit, v.fix) if v.fix else None
            out.add(v.code, facts.place(hit), v.message, written, v.suggestion, edit)


def _inside_a_name(facts: Facts, hit: Hit) -> bool:
    """A short form glued to the name characters before it ends another, longer name the
    glossary does not know (规划署 in 联合规划署): its status is not this term's."""
    entries = facts.glossary.entries(hit.key)
    short = entries and all(role(e.term) == "short" for e in entries)
    return bool(short) and not stands_alone(facts.doc.key, hit.start)


def _retired_common_nouns(facts: Facts) -> set[str]:
    """Retired short forms used in the text that read as an ordinary noun phrase outside the
    name (规划署 of 联合国环境规划署: 各基金和规划署, funds and programmes), where the text
    names their body by no other term (环境署, 联合国环境规划署): the status is the term's as
    a name of that body, which the text is then not naming."""
    concepts_of = {
        key: {e.concept.id for e in facts.glossary.entries(key)} for key in facts.hits_by_key
    }
    out = set()
    for key in facts.hits_by_key:
        entries = facts.glossary.entries(key)
        if not entries or not all(e.retired and role(e.term) == "short" for e in entries):
            continue
        fulls = [preferred(e.concept, "zh", "full") for e in entries]
        if not any(f is not None and common_noun(key, f.key) for f in fulls):
            continue
        if not any(k != key and concepts_of[k] & concepts_of[key] for k in concepts_of):
            out.add(key)
    return out


def _traditional_spellings(facts: Facts) -> dict[str, str]:
    """Key → how a traditional-script document itself first writes it in traditional
    characters."""
    spelled: dict[str, str] = {}
    for hit in facts.hits:
        if hit.key not in spelled and not in_simplified(written := facts.surface(hit)):
            spelled[hit.key] = written
    return spelled


def _judge(
    facts: Facts,
    key: str,
    written: str,
    spelled: dict[str, str] | None,
    out: Collector,
    reported: bool,
) -> list[Verdict]:
    """`spelled`: on a line in traditional script, the document's own spellings of its
    terms (None on a simplified line)."""
    entries = facts.glossary.entries(key)
    verdicts = []
    if entries and out.wants("TK106") and all(e.retired for e in entries):
        verdicts.append(_deprecated(entries, written))
    elif (
        entries
        and out.wants("TK107")
        and all(e.term.status == "admitted" for e in entries)
        and key not in facts.defined_forms
        and not reported
    ):
        verdicts.append(_admitted(entries, written, key))
    if out.wants("TK108"):
        if spelled is not None and (
            (HAN_CHAR.search(written) and in_simplified(written))
            or _partly_simplified(written, spelled.get(key))
        ):
            verdicts.append(_simplified(facts, key, written, spelled))
        else:
            verdicts.append(_variant(facts, key, entries, written, spelled is not None))
    return [v for v in verdicts if v is not None]


def _better(entries: list[Entry]):
    """The preferred term of the one concept the entries name (None when several)."""
    if len({e.concept.id for e in entries}) != 1:
        return None
    term = entries[0].term
    return preferred(entries[0].concept, term.lang, role(term))


def _deprecated(entries: list[Entry], written: str) -> Verdict:
    better = _better(entries)
    suggestion = better.text if better else None
    return Verdict(
        "TK106",
        f"{written} is {entries[0].term.status} in the glossary"
        + (f"; use {suggestion}" if suggestion else ""),
        suggestion,
        suggestion,
    )


def _admitted(entries: list[Entry], written: str, key: str) -> Verdict | None:
    better = _better(entries)
    if better is None or better.status != "preferred" or better.key == key:
        return None
    full = preferred(entries[0].concept, "zh", "full")
    if role(entries[0].term) == "short" and full is not None and common_noun(key, full.key):
        # An admitted short form that reads as an ordinary noun phrase (本组织, which a
        # glossary built from 上海合作组织(简称“上合组织”或“本组织”) holds) names the body the
        # text is about (国际电联成员国决定本组织未来作用), not the one the glossary's is.
        return None
    return Verdict(
        "TK107", f"{written} is admitted; the glossary prefers {better.text}", better.text, None
    )


def _variant(
    facts: Facts, key: str, entries: list[Entry], written: str, traditional: bool
) -> Verdict | None:
    """The key is known but the characters differ from every known written form."""
    if entries:
        known = sorted(
            entries, key=lambda e: (e.retired, e.term.status != "preferred", e.term.text)
        )
        forms = list(dict.fromkeys(e.term.text for e in known))
    else:
        forms = facts.defined_forms.get(key, [])
    if not traditional:
        # A glossary built from a traditional-script document holds 環境署: in a text written
        # in simplified characters that spelling is still a variant.
        forms = [f for f in forms if to_simplified(f) == f] or forms
    bare = {_bare(f, traditional) for f in forms}
    if not forms or _bare(written, traditional) in bare:
        return None
    suggestion = forms[0]
    return Verdict(
        "TK108",
        f"{written} is written with other characters than {suggestion}",
        suggestion,
        suggestion if len(bare) == 1 else None,
    )


def _simplified(facts: Facts, key: str, written: str, spelled: dict[str, str]) -> Verdict:
    """A term in simplified characters in a document written in traditional ones: the
    document's own spelling of it is suggested, else the term put into its characters."""
    suggestion = spelled.get(key) or facts.traditional.convert(written)
    return Verdict(
        "TK108",
        f"{written} is written in simplified characters in a traditional-script document; "
        f"write {suggestion}",
        suggestion,
        suggestion,
    )


def _partly_simplified(written: str, own: str | None) -> bool:
    """Some characters of a term are simplified where the document's own traditional spelling
    of it is not, the rest as it writes them (《聯合國海洋法公约》 against 《聯合國海洋法公約》):
    not simplified as a whole, yet no spelling of the document's script."""
    if own is None or len(own) != len(written) or own == written:
        return False
    return all(
        a == b or (a != b and to_simplified(b) == a) for a, b in zip(written, own, strict=True)
    )


@lru_cache(maxsize=4096)
def _bare(text: str, traditional: bool) -> str:
    """Compare forms without whitespace; in a traditional-script text, script is no variant."""
    text = "".join(text.split())
    return to_simplified(text) if traditional else text
