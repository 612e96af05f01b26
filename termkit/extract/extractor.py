"""Extraction: a pure function of one document, giving its definitions and their usage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termkit.extract.boundary import full_start, match_characters, names_place_or_person
from termkit.extract.brackets import Span, find_spans
from termkit.extract.inner import ShortForm, read_inner
from termkit.termbase.model import Definition, Location
from termkit.text.decode import Document, read_document
from termkit.text.normalize import HAN, HAN_CHAR, normalize, normalize_with_map, to_simplified
from termkit.text.repair import AnalysisText, repair
from termkit.text.sourcemap import LineIndex

EXTRACTOR_VERSION = "2"
_TITLE_CLOSERS = {"》": "《", "”": "“", '"': '"', "」": "「", "』": "『"}
CONTEXT = 20


@dataclass
class DocumentResult:
    """What one document yields: its definitions and where it uses each defined form."""

    path: str
    definitions: list[Definition]
    usage: dict[str, list[Location]] = field(default_factory=dict)


class _Recurrence:
    """Counts how often a candidate name occurs on its own in the document (not glued to a
    preceding name character), on the normalization key."""

    def __init__(self, key_text: str) -> None:
        self.key_text = key_text
        self.cache: dict[str, int] = {}

    def __call__(self, candidate: str) -> int:
        key = normalize(candidate)
        if key not in self.cache:
            pattern = re.compile(rf"(?<![{HAN}A-Za-z0-9]){re.escape(key)}") if key else None
            self.cache[key] = len(pattern.findall(self.key_text)) if pattern else 0
        return self.cache[key]


def extract_text(text: str, path: str = "<text>") -> list[Definition]:
    """Definitions in a text, in document order."""
    return _extract(repair(text), path, LineIndex(text))


def extract_document(document: Document) -> DocumentResult:
    """Definitions of one decoded document and the usage of every form it defines."""
    analysis = repair(document.text)
    lines = LineIndex(document.text)
    definitions = _extract(analysis, document.path, lines)
    return DocumentResult(
        document.path, definitions, _usage(analysis, definitions, document.path, lines)
    )


def extract_file(path: str | Path, encoding: str | None = None) -> DocumentResult:
    return extract_document(read_document(path, encoding))


def _extract(analysis: AnalysisText, path: str, lines: LineIndex) -> list[Definition]:
    text = analysis.text
    # Word lists and jieba know simplified Chinese; the conversion keeps every offset.
    plain = to_simplified(text)
    recurrences = _Recurrence(normalize(text))
    found: list[Definition] = []
    for span in find_spans(text):
        forms, _reason = read_inner(plain[span.inner_start : span.close])
        for form in forms:
            definition = _define(analysis, plain, span, form, path, lines, recurrences)
            if definition is not None:
                found.append(definition)
    return found


def _define(
    analysis: AnalysisText,
    plain: str,
    span: Span,
    form: ShortForm,
    path: str,
    lines: LineIndex,
    recurrences: _Recurrence,
) -> Definition | None:
    text = plain
    short_at = span.inner_start + form.offset
    printed_short = analysis.text[short_at : short_at + len(form.text)]
    end = span.open
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    kind = form.kind
    closer = text[end - 1] if end else ""
    rules: list[str] = [f"rule:{form.rule}"]
    if closer in _TITLE_CLOSERS:
        opener = text.rfind(_TITLE_CLOSERS[closer], max(0, end - 80), end - 1)
        if opener < 0:
            return None
        start, full = opener + 1, text[opener + 1 : end - 1]
        if closer == "》":
            kind = "english" if kind == "english" else "title"
        coverage = _title_coverage(form, full)
        if coverage < 0.5:
            return None
        rules.append(f"boundary:{closer}marks")
        confidence = 0.8 + 0.15 * coverage
    else:
        if kind == "title":
            return None
        boundary = full_start(text, end, form.text, kind, recurrences)
        if boundary is None:
            return None
        start, full = boundary.start, text[boundary.start : end]
        rules.extend(boundary.rules)
        confidence = _confidence(kind, boundary.coverage, boundary.rules, form.rule)
    full = analysis.text[start : start + len(full)]
    reason = _implausible(full, form, kind)
    if reason:
        return None
    line, column = lines.position(analysis.source_offset(start))
    short_line, short_column = lines.position(analysis.source_offset(short_at))
    original = analysis.text
    context = original[max(0, start - CONTEXT) : min(len(original), span.close + 1 + CONTEXT)]
    return Definition(
        full=full,
        short=printed_short,
        kind=kind,
        path=path,
        line=line,
        column=column,
        short_line=short_line,
        short_column=short_column,
        confidence=round(confidence, 3),
        evidence=tuple(rules),
        context=context.replace("\n", " "),
    )


def _implausible(full: str, form: ShortForm, kind: str) -> str:
    """Why a found pair is not a definition after all, or "" when it may be one."""
    full_key, short_key = normalize(full), normalize(form.text)
    if len(full_key) < 2 or full_key == short_key:
        return "no full form"
    if "·" in full or "•" in full:
        return "a person's name"
    if kind == "english":
        return "full form too short" if len(full_key) < 3 else ""
    if len(full_key) <= len(short_key):
        return "full form not longer than the short form"
    if full_key.startswith(short_key):
        return "short form is the head of the full form: a gloss"
    if not re.match(f'[{HAN}》”"]', full[-1]):
        return "full form does not end in Chinese"
    if names_place_or_person(form.text):
        return "a place or a person"
    return ""


def _title_coverage(form: ShortForm, full: str) -> float:
    if form.kind == "english":
        return 1.0
    han = HAN_CHAR.findall(form.text)
    if not han:
        return 0.0
    return len(match_characters(form.text, full, 0, len(full))) / len(han)


def _confidence(kind: str, coverage: float, rules: tuple[str, ...], rule: str) -> float:
    if rule.startswith("introducer"):
        base = 0.9
    elif kind == "english":
        base = 0.7
    else:
        base = 0.45 + 0.45 * coverage
    if any(
        r.startswith(("boundary:after:", "boundary:organization")) or r == "boundary:punctuation"
        for r in rules
    ):
        base += 0.05
    if "boundary:window" in rules:
        base -= 0.2
    return max(0.05, min(base, 0.99))


def _usage(
    analysis: AnalysisText, definitions: list[Definition], path: str, lines: LineIndex
) -> dict[str, list[Location]]:
    """Where the document uses each defined form (longest match first, on the key)."""
    forms = sorted({f for d in definitions for f in (d.full, d.short)})
    if not forms:
        return {}
    import ahocorasick_rs

    key_text, key_map = normalize_with_map(analysis.text)
    by_key: dict[str, list[str]] = {}
    for f in forms:
        by_key.setdefault(normalize(f), []).append(f)
    keys = sorted(k for k in by_key if k)
    matcher = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    usage: dict[str, list[Location]] = {f: [] for f in forms}
    for index, start, _end in matcher.find_matches_as_indexes(key_text):
        line, column = lines.position(analysis.source_offset(key_map.to_source(start)))
        for f in by_key[keys[index]]:
            usage[f].append(Location(path, line, column))
    return usage
