"""Check one file: read it, find its definitions and terms, run the rules, sort the findings."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from termkit.check import abbreviations, confidence, near, plausible, symbols, terms, titles, widths
from termkit.check.abbreviations import ShortForms
from termkit.check.collect import Collector
from termkit.check.definitions import find_definitions
from termkit.check.document import Analysed
from termkit.check.facts import Facts
from termkit.check.finding import Edit, Finding, Location
from termkit.check.glossary import GlossaryIndex
from termkit.check.markup import is_markdown, mask_markdown
from termkit.check.matcher import find_hits
from termkit.check.rules import SEVERITIES
from termkit.check.script import into_script
from termkit.check.settings import Settings
from termkit.documents.locations import snippet
from termkit.text.decode import Document, read_document
from termkit.text.lazy import lazy
from termkit.text.normalize import normalize

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po", ".pot", ".tmx", ".csv")
_UNFIXABLE = " (unfixable: the text spans runs of different formatting; edit it in Word)"
_LINE_REFERENCE = lazy(r"(?<=\bon )line (\d+)\b")


class Checked(NamedTuple):
    """One file's findings, and its decoded text (kept for --fix and --diff); `error` says
    why a file could not be read when the caller asked to go on."""

    document: Document | None
    findings: list[Finding]
    error: str | None = None


def check_text(
    text: str, path: str, glossary: GlossaryIndex, settings: Settings, repair_breaks: bool = True
) -> list[Finding]:
    """Findings of one Chinese text, sorted by position then rule (`repair_breaks`: see
    `Analysed`)."""
    return check_facts(text, path, glossary, settings, repair_breaks)[0]


def check_facts(
    text: str,
    path: str,
    glossary: GlossaryIndex,
    settings: Settings,
    repair_breaks: bool = True,
    graded: bool = True,
) -> tuple[list[Finding], Facts]:
    """`check_text`'s findings and the facts the rules read (a bench reads both); `graded`:
    the findings below the confidence threshold as hints (`termkit.check.confidence`)."""
    out = Collector(path, text, settings)
    if is_markdown(path):
        text = mask_markdown(text)
    doc = Analysed(text, repair_breaks)
    definitions = find_definitions(doc, glossary.zh_full_keys)
    forms = ShortForms(definitions, glossary)
    own = {normalize(f) for d in definitions for f in (d.full, d.short)}
    hits = find_hits(doc, [*glossary.keys, *own, *forms.alternatives])
    facts = Facts(doc, glossary, definitions, hits)
    abbreviations.check(facts, forms, out)
    plausible.check(facts, definitions, out)
    terms.check(facts, out, frozenset(forms.alternatives))
    symbols.check(doc, out)
    widths.check(doc, definitions, out)
    near.check(facts, out)
    titles.check(doc, out)
    findings = into_script(one_per_span(out.findings, glossary), doc.analysis.text, facts.scripts)
    return (confidence.grade(findings, facts) if graded else findings), facts


def one_per_span(findings: list[Finding], glossary: GlossaryIndex) -> list[Finding]:
    """One finding per span, the most severe (then the lowest code), sorted by position: two
    rules with two pieces of advice on one term (TK103 → 环境署, TK108 → 規劃署) confuse. A
    suggestion the glossary retires is never given (only TK106 names a retired term, as what
    was found)."""
    best: dict[tuple[str, int, int, int, int], Finding] = {}
    for f in findings:
        if f.suggestion and f.rule != "TK106" and _retired(glossary, f.suggestion):
            continue
        where = (f.path, f.line, f.column, f.end_line, f.end_column)
        kept = best.get(where)
        if kept is None or _rank(f) < _rank(kept):
            best[where] = f
    return sorted(best.values())


def _rank(f: Finding) -> tuple[int, str]:
    return -SEVERITIES.index(f.severity), f.rule


def _retired(glossary: GlossaryIndex, text: str) -> bool:
    entries = glossary.entries(normalize(text))
    return bool(entries) and all(e.retired for e in entries)


def check_file(
    path: str,
    glossary: GlossaryIndex,
    settings: Settings,
    encoding: str | None = None,
    revisions: str = "accepted",
) -> Checked:
    if Path(path).suffix.lower() in BILINGUAL_SUFFIXES:
        from termkit.check import bilingual

        return Checked(None, bilingual.check_file(path, glossary, settings))
    document = read_document(path, encoding, revisions)
    return Checked(document, locate(check_text(document.text, path, glossary, settings), document))


def locate(findings: list[Finding], document: Document) -> list[Finding]:
    """Findings of a Word or PDF file with their places in the document; a message that
    points at another line of the text ("defined on line 12") names that place instead."""
    layout = document.layout
    if layout is None:
        return findings
    lines = document.text.split("\n")

    def named(m: re.Match) -> str:
        return layout.where(int(m.group(1))).name()

    def location(line: int) -> Location:
        where = layout.where(line)
        text = snippet(lines[line - 1]) if 0 < line <= len(lines) else ""
        return Location(
            page=where.page, line=where.line, paragraph=where.paragraph, part=where.part,
            snippet=text,
        )  # fmt: skip

    def fix(f: Finding) -> tuple[Edit | None, str]:
        """A PDF is never rewritten; a Word fix only inside one run, keeping its formatting."""
        if f.edit is None or layout.can_edit(f.edit.start, f.edit.end):
            return f.edit, ""
        return None, "" if layout.format == "pdf" else _UNFIXABLE

    located = []
    for f in findings:
        edit, note = fix(f)
        message = _LINE_REFERENCE.sub(named, f.message) + note
        located.append(replace(f, message=message, location=location(f.line), edit=edit))
    return located
