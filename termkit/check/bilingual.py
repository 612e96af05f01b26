"""TK201: in a bilingual file (XLIFF, PO, TMX, CSV pairs), a unit whose English source names a
glossary concept but whose Chinese target uses none of the concept's Chinese terms.

Read with translate-toolkit, imported only when a bilingual file is checked."""

from __future__ import annotations

from functools import cached_property

from termkit.check.collect import Collector
from termkit.check.glossary import GlossaryIndex, preferred
from termkit.check.matcher import inside_word
from termkit.check.settings import Settings
from termkit.errors import InputError
from termkit.text.decode import read_document
from termkit.text.normalize import normalize
from termkit.text.sourcemap import LineIndex

_SPECIAL = "&<>\"'\\\n\r"


class EnglishTerms:
    """The glossary's English terms, matched case-insensitively except acronyms."""

    def __init__(self, glossary: GlossaryIndex) -> None:
        self.by_key: dict[str, list] = {}
        for key, entries in glossary.by_key.items():
            for e in entries:
                if e.term.lang == "en" and not e.retired:
                    self.by_key.setdefault(key.lower(), []).append(e)

    @cached_property
    def matcher(self):
        import ahocorasick_rs

        self.patterns = sorted(self.by_key)
        return ahocorasick_rs.AhoCorasick(
            self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def find(self, source: str) -> list:
        """Glossary entries named in an English text, in text order, one per concept."""
        if not self.by_key:
            return []
        key = normalize(source)
        lowered = key.lower()
        if len(lowered) != len(key):
            lowered = key
        found, seen = [], set()
        for index, start, end in self.matcher.find_matches_as_indexes(lowered):
            if inside_word(key, start, end):
                continue
            for e in self.by_key[self.patterns[index]]:
                if _is_acronym(e.term.text) and key[start:end] != normalize(e.term.text):
                    continue
                if e.concept.id not in seen:
                    seen.add(e.concept.id)
                    found.append(e)
        return found


def _is_acronym(text: str) -> bool:
    return sum(c.isupper() for c in text) >= 2 and " " not in text.strip()


def check_file(path: str, glossary: GlossaryIndex, settings: Settings) -> list:
    raw = read_document(path).text
    out = Collector(path, raw, settings)
    if not out.wants("TK201"):
        return []
    store = _load(path)
    english = EnglishTerms(glossary)
    lines = LineIndex(raw)
    cursor = 0
    for unit in store.units:
        if unit.isheader() or not unit.source or not unit.target:
            continue
        source, target = str(unit.source), str(unit.target)
        cursor = _locate(raw, target, cursor)
        target_key = normalize(target)
        for entry in english.find(source):
            chinese = [
                t
                for t in entry.concept.terms
                if t.lang == "zh" and t.status not in ("deprecated", "superseded")
            ]
            if not chinese or any(normalize(t.text) in target_key for t in chinese):
                continue
            best = preferred(entry.concept, "zh", "full") or chinese[0]
            line, column = lines.position(cursor)
            end_line, end_column = lines.position(min(cursor + len(target), len(raw)))
            names = " / ".join(dict.fromkeys(t.text for t in chinese))
            out.add_at(
                "TK201",
                (line, column, end_line, end_column),
                f"source has {entry.term.text} but the target has none of {names}",
                entry.term.text,
                best.text,
            )
    return sorted(set(out.findings))


def _load(path: str):
    from translate.storage import factory

    try:
        return factory.getobject(path)
    except Exception as exc:  # translate-toolkit raises many types for unreadable files
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot read as a bilingual file: {message}") from None


def _locate(raw: str, target: str, cursor: int) -> int:
    """Where the unit's target starts in the file, searching on from the previous unit."""
    snippet = target.strip()
    for i, ch in enumerate(snippet):
        if ch in _SPECIAL:
            snippet = snippet[:i]
            break
    if not snippet:
        return cursor
    found = raw.find(snippet[:24], cursor)
    return found if found >= 0 else cursor
