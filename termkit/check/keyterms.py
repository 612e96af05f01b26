"""Glossary terms of one language in segment text, for the key-term check of bilingual files.

Chinese terms match on the normalization key (widths, script, hyphens folded). Latin terms match
on word boundaries, case-insensitively and tolerant of the English plural and possessive
(`ventilators`, `UNEP's`, `policies` for `policy`); acronyms are found case-sensitively (`WHO`,
not `who`), but any case counts when the other side is checked for the equivalent
(`covid-19` satisfies `COVID-19`). A term written `FULL（SHORT）` is satisfied by either part.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from termkit.check.glossary import RETIRED, Entry, GlossaryIndex, preferred
from termkit.check.matcher import inside_word
from termkit.termbase.model import Concept, Term
from termkit.text.normalize import normalize

_LATIN = re.compile(r"[A-Za-z]")
# What may follow a Latin term and still be the term: plural, possessive, both.
_SUFFIX = re.compile(r"(?:e?s['’]?|['’]s?)(?![A-Za-z0-9])")
_WITH_SHORT = re.compile(r"^(.+?)\s*[（(]([^（）()]+)[）)]$")


def is_acronym(text: str) -> bool:
    return sum(c.isupper() for c in text) >= 2 and " " not in text.strip()


class TermFinder:
    """The glossary's live terms of one language, found in texts."""

    def __init__(self, glossary: GlossaryIndex, lang: str) -> None:
        self.lang = lang
        self.by_pattern: dict[str, list[Entry]] = {}
        for entries in glossary.by_key.values():
            for e in entries:
                if e.term.lang == lang and not e.retired:
                    for pattern in _patterns(e.term.text):
                        self.by_pattern.setdefault(pattern, []).append(e)

    @cached_property
    def _matcher(self):
        import ahocorasick_rs

        self._sorted = sorted(self.by_pattern)
        return ahocorasick_rs.AhoCorasick(
            self._sorted, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def find(self, text: str) -> list[tuple[Entry, str]]:
        """(entry, the text as written) for each concept named in `text`, in text order."""
        if not self.by_pattern:
            return []
        key = normalize(text)
        lowered = key.lower()
        if len(lowered) != len(key):
            lowered = key
        found, seen = [], set()
        for index, start, end in self._matcher.find_matches_as_indexes(lowered):
            if _LATIN.match(key, end - 1) and (m := _SUFFIX.match(lowered, end)):
                end = m.end()
            if inside_word(key, start, end):
                continue
            for e in self.by_pattern[self._sorted[index]]:
                if is_acronym(e.term.text) and not key.startswith(normalize(e.term.text), start):
                    continue
                if e.concept.id not in seen:
                    seen.add(e.concept.id)
                    found.append((e, key[start:end]))
        return found


def _patterns(text: str) -> list[str]:
    """The lower-cased keys a term is found by: itself, and `-ies` for a Latin `-y`."""
    key = normalize(text).lower()
    out = [key]
    if len(key) > 2 and key.endswith("y") and key[-2] not in "aeiou" and _LATIN.match(key[-2]):
        out.append(key[:-1] + "ies")
    return out


def equivalents(concept: Concept, lang: str, chinese: bool) -> list[Term]:
    """The terms that satisfy the concept on a side in `lang`: all of them where the Chinese
    rules report retired terms themselves (TK106), else only the live ones."""
    return [t for t in concept.terms if t.lang == lang and (chinese or t.status not in RETIRED)]


def has_any(text: str, terms: list[Term]) -> bool:
    key = normalize(text)
    lowered = key.lower()
    return any(_contains(key, lowered, form) for t in terms for form in _forms(t.text))


def suggestion(concept: Concept, lang: str, terms: list[Term]) -> str:
    best = preferred(concept, lang, "full") or next(
        (t for t in terms if t.status not in RETIRED), terms[0]
    )
    return best.text


@lru_cache(maxsize=65536)
def _forms(text: str) -> tuple[str, ...]:
    m = _WITH_SHORT.match(text.strip())
    return (text, m.group(1), m.group(2)) if m else (text,)


def _contains(key: str, lowered: str, form: str) -> bool:
    pattern = _form_pattern(form)
    if pattern is None:
        return normalize(form) in key
    return pattern.search(lowered) is not None


@lru_cache(maxsize=65536)
def _form_pattern(form: str) -> re.Pattern | None:
    """A Latin form as a case-insensitive, plural-tolerant pattern (None for Chinese forms)."""
    key = normalize(form).lower()
    if not _LATIN.search(key):
        return None
    stems = [re.escape(p) for p in _patterns(form)]
    head = r"(?<![A-Za-z0-9])" if _LATIN.match(key[0]) else ""
    tail = rf"(?:{_SUFFIX.pattern})?(?![A-Za-z0-9])" if _LATIN.match(key[-1]) else ""
    return re.compile(rf"{head}(?:{'|'.join(stems)}){tail}")
