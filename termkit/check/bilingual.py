"""Check a bilingual file (XLIFF, SDLXLIFF, MQXLIFF, TMX, PO, CSV pairs) segment by segment.

The Chinese side runs through the same engine as a Chinese document, its segments in file order
as one text (so a short form used before its definition in an earlier segment is found); then
each segment's sides are compared: key terms (TK201), numbers (TK203), inline codes (TK204).
Every finding names the segment and the side. Read with translate-toolkit, imported only here.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from termkit.check import keyterms, numbers
from termkit.check.collect import Collector
from termkit.check.engine import check_text
from termkit.check.finding import Finding, Location
from termkit.check.glossary import GlossaryIndex
from termkit.check.settings import Settings
from termkit.formats import bilingual
from termkit.formats.bilingual import BilingualFile, Segment, Side
from termkit.text.sourcemap import LineIndex

SIDES = ("source", "target")
# How the Chinese rules refer to another place of the text: `on line 12`.
_LINE_REF = re.compile(r"\b(?:on|in) line (\d+)\b")


class _Places:
    """Spans of a side's text as (line, column, end_line, end_column) of the file."""

    def __init__(self, doc: BilingualFile) -> None:
        self.doc = doc
        self.lines = LineIndex(doc.text)

    def of(self, side: Side, start: int, end: int) -> tuple[int, int, int, int]:
        a = self._offset(side, start)
        b = self._offset(side, end) if end > start else a
        return (*self.lines.position(a), *self.lines.position(max(a, b)))

    def _offset(self, side: Side, k: int) -> int:
        if side.offset < 0:
            return 0
        if not self.doc.markup:
            return min(side.offset + k, len(self.doc.text))
        return _walk(self.doc.text, side.offset, k)


def _walk(raw: str, start: int, k: int) -> int:
    """The file offset of the k-th text character of an XML element's content starting at
    `start`: an entity counts one character, a tag none, native code (`<ph>…</ph>`) none."""
    i, n, depth = start, 0, 0
    while i < len(raw):
        if raw[i] == "<":
            end = raw.find(">", i)
            tag = raw[i + 1 : end]
            if end < 0 or (n == k and not depth and tag.startswith("/")):
                break
            name = (
                tag.lstrip("/").split(maxsplit=1)[0].rstrip("/").rpartition(":")[2]
                if tag.strip("/")
                else ""
            )
            if name in bilingual.NATIVE_CODE and not tag.endswith("/"):
                depth += -1 if tag.startswith("/") else 1
            i = end + 1
            continue
        if n == k and not depth:
            break
        semi = raw.find(";", i) if raw[i] == "&" else -1
        i = semi + 1 if 0 < semi - i < 12 else i + 1
        n += 0 if depth else 1
    return i


def check_file(path: str, glossary: GlossaryIndex, settings: Settings) -> list[Finding]:
    doc = bilingual.read(path)
    return check_segments(doc, glossary, settings)


def check_segments(
    doc: BilingualFile, glossary: GlossaryIndex, settings: Settings
) -> list[Finding]:
    places = _Places(doc)
    out = Collector(doc.path, "", settings)
    chinese = doc.chinese_side()
    findings = _chinese_rules(doc, chinese, glossary, settings, places) if chinese else []
    langs = {name: _lang(doc, name, chinese) for name in SIDES}
    if out.wants("TK201") or out.wants("TK202"):
        _key_terms(doc, glossary, langs, chinese, places, out)
    if out.wants("TK203"):
        _numbers(doc, chinese, places, out)
    if out.wants("TK204"):
        _codes(doc, places, out)
    return sorted(set(findings + out.findings))


def _lang(doc: BilingualFile, side: str, chinese: str | None) -> str:
    """The glossary language of a side: `zh` for the Chinese one, else the file's code."""
    if side == chinese:
        return "zh"
    code = (doc.source_lang if side == "source" else doc.target_lang).lower()
    return code.replace("_", "-").split("-")[0] or "en"


def _chinese_rules(
    doc: BilingualFile, side: str, glossary: GlossaryIndex, settings: Settings, places: _Places
) -> list[Finding]:
    """The Chinese rules on the Chinese side: segments one a line, in file order."""
    texts = [s.side(side).text for s in doc.segments]
    starts, offset = [], 0
    for t in texts:
        starts.append(offset)
        offset += len(t) + 1
    joined = "\n".join(texts)
    lines = LineIndex(joined)
    out = []
    for f in check_text(joined, doc.path, glossary, settings, repair_breaks=False):
        a = lines.offset(f.line, f.column)
        b = lines.offset(f.end_line, f.end_column)
        k = bisect.bisect_right(starts, a) - 1
        segment = doc.segments[k]
        where = places.of(
            segment.side(side), a - starts[k], min(b, starts[k] + len(texts[k])) - starts[k]
        )
        out.append(
            replace(
                f,
                line=where[0],
                column=where[1],
                end_line=where[2],
                end_column=where[3],
                message=_LINE_REF.sub(lambda m: _segment_ref(m, doc, starts, lines), f.message),
                edit=None,
                location=Location(segment=segment.id, side=side),
            )
        )
    return out


def _segment_ref(m: re.Match, doc: BilingualFile, starts: list[int], lines: LineIndex) -> str:
    """`on line 12` of the segments' text → `in segment CMU_1:12`: the line means nothing in
    the file."""
    k = bisect.bisect_right(starts, lines.offset(int(m.group(1)), 1)) - 1
    return f"in segment {doc.segments[k].id}"


def _key_terms(
    doc: BilingualFile,
    glossary: GlossaryIndex,
    langs: dict[str, str],
    chinese: str | None,
    places: _Places,
    out: Collector,
) -> None:
    """TK201: a glossary term of the source whose equivalent the target lacks; TK202 (off by
    default) the other way: a glossary term of the target the source has no equivalent of."""
    for code, named, other in (("TK201", "source", "target"), ("TK202", "target", "source")):
        if not out.wants(code):
            continue
        finder = keyterms.TermFinder(glossary, langs[named])
        for segment in doc.segments:
            text, counterpart = segment.side(named).text, segment.side(other).text
            if not text.strip() or not counterpart.strip():
                continue
            for entry, written in finder.find(text):
                wanted = keyterms.equivalents(entry.concept, langs[other], chinese == other)
                if not wanted or keyterms.has_any(counterpart, wanted):
                    continue
                names = " / ".join(dict.fromkeys(t.text for t in wanted))
                suggestion = keyterms.suggestion(entry.concept, langs[other], wanted)
                _add(
                    out, places, segment, "target", 0, len(segment.target.text), code,
                    f"{named} has {written} but the {other} has none of {names}",
                    entry.term.text, suggestion if code == "TK201" else None,
                )  # fmt: skip


def _numbers(doc: BilingualFile, chinese: str | None, places: _Places, out: Collector) -> None:
    """TK203: a number of one side that the other side does not have."""
    for segment in doc.segments:
        source, target = segment.source.text, segment.target.text
        if not target.strip():
            continue
        missing, extra = numbers.mismatches(
            source, target, chinese == "source", chinese == "target"
        )
        for n in missing:
            _add(
                out, places, segment, "target", 0, len(target), "TK203",
                f"the source has {n.text} but the target has no such number", n.text,
            )  # fmt: skip
        for n in extra:
            _add(
                out, places, segment, "target", n.start, n.end, "TK203",
                f"the target has {n.text} but the source has no such number", n.text,
            )  # fmt: skip


def _codes(doc: BilingualFile, places: _Places, out: Collector) -> None:
    """TK204: inline codes (XLIFF/TMX tags, PO placeholders) not the same on both sides."""
    for segment in doc.segments:
        source, target = Counter(segment.source.codes), Counter(segment.target.codes)
        if source == target or not segment.target.text.strip():
            continue
        length = len(segment.target.text)
        for code in sorted((source - target).elements()):
            _add(out, places, segment, "target", 0, length, "TK204",
                 f"the source has the inline code {code}, the target does not", code)  # fmt: skip
        for code in sorted((target - source).elements()):
            _add(out, places, segment, "target", 0, length, "TK204",
                 f"the target has the inline code {code}, the source does not", code)  # fmt: skip


def _add(
    out: Collector,
    places: _Places,
    segment: Segment,
    side: str,
    start: int,
    end: int,
    code: str,
    message: str,
    found: str,
    suggestion: str | None = None,
) -> None:
    where = places.of(segment.side(side), start, end)
    out.add_at(code, where, message, found, suggestion, location=Location(segment.id, side))
