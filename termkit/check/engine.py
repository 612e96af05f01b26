"""Check one file: read it, find its definitions and terms, run the rules, sort the findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from termkit.check import abbreviations, near, plausible, symbols, terms, widths
from termkit.check.abbreviations import ShortForms
from termkit.check.collect import Collector
from termkit.check.definitions import find_definitions
from termkit.check.document import Analysed
from termkit.check.facts import Facts
from termkit.check.finding import Finding
from termkit.check.glossary import GlossaryIndex
from termkit.check.markup import is_markdown, mask_markdown
from termkit.check.matcher import find_hits
from termkit.check.rules import SEVERITIES
from termkit.check.settings import Settings
from termkit.text.decode import Document, read_document
from termkit.text.normalize import normalize

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po", ".pot", ".tmx", ".csv")


@dataclass(frozen=True)
class Checked:
    """One file's findings, and its decoded text (kept for --fix and --diff)."""

    document: Document | None
    findings: list[Finding]


def check_text(
    text: str, path: str, glossary: GlossaryIndex, settings: Settings, repair_breaks: bool = True
) -> list[Finding]:
    """Findings of one Chinese text, sorted by position then rule (`repair_breaks`: see
    `Analysed`)."""
    out = Collector(path, text, settings)
    if is_markdown(path):
        text = mask_markdown(text)
    doc = Analysed(text, repair_breaks)
    definitions = find_definitions(doc.analysis.text, doc.simplified, glossary.zh_full_keys)
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
    return one_per_span(out.findings, glossary)


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
    path: str, glossary: GlossaryIndex, settings: Settings, encoding: str | None = None
) -> Checked:
    if Path(path).suffix.lower() in BILINGUAL_SUFFIXES:
        from termkit.check import bilingual

        return Checked(None, bilingual.check_file(path, glossary, settings))
    document = read_document(path, encoding)
    return Checked(document, check_text(document.text, path, glossary, settings))
