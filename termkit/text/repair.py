"""The analysis view of a document: PDF-extraction damage repaired, every offset traceable.

Text pulled out of a PDF breaks lines inside words and names (`联合国开发计划署（开发\\n\\n署）`),
interleaves page headers and page numbers, and letter-spaces some lines (`数 据 方 面`). The
analysis view joins what belongs together and drops the furniture, for extraction and checking
only; an `OffsetMap` takes every position back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

from termkit.text.lazy import lazy
from termkit.text.normalize import CJK_PUNCT, HAN
from termkit.text.offsets import OffsetMap

_LINE = lazy(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Lines that are page furniture when they stand alone: a document symbol, a page number, a URL.
_FURNITURE = re.compile(
    r"^(?:[A-Z]{1,8}(?:/[A-Za-z0-9.()\-]+){1,8}"
    r"|-?\s*\d{1,4}\s*-?"
    r"|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?"
    r"|(?:https?://|www\.)\S+)$"
)
# What a furniture line can start with besides a digit (`\\d` is any decimal digit); it is
# stripped, so no space comes first.
_FURNITURE_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ-第hw")
# A line that starts a new paragraph or list item never continues the previous line.
_PARAGRAPH_START = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s|[一二三四五六七八九十]+、|[（(](?:[a-z]{1,4}|\d{1,3}|[一二三四五六七八九十]+)[)）]"
    r"|[•·●▪■◆\-–—*]\s)"
)
_SENTENCE_END = re.compile(r"[。！？；：!?;:]\s*$|[。！？]['\"”’」』）)]\s*$")
# Spaces between Chinese characters: `(?<=C)[ ]+(?=C)`, the space consumed first so that the
# search skips from space to space (as `normalize._SPACE_BY_CJK` explains).
_CHINESE = f"[{HAN}{CJK_PUNCT}]"
_SPACED = re.compile(rf"[ \t\u3000](?<={_CHINESE}[\s\S])[ \t\u3000]*(?={_CHINESE})")
# Rows of a list or table keep their lines: columns split by spaces or a tab, a short first one
# (a short form, an acronym), no sentence punctuation (`东盟 (ASEAN) 东南亚国家联盟`, `AIDS 获得性
# 免疫缺陷综合征`). Two lines of the same columns are two rows, however long: a PDF wraps prose at
# the column's width, wherever the line's words fall, so a wrapped line's layout seldom repeats.
_GAP = re.compile(r"[ \t\u3000]+")
_PROSE = re.compile(r"[，。；：！？,;:]")
_HAN_START = re.compile(f"[{HAN}]")
_ROW_HEAD = 16  # the first column's most characters (hand-set: a short form or a term)
# Letters and digits in either width: a wrapped line joined between two of them keeps a space
# (a footnote's 1 before ＮＰＩＦ: the key folds the widths, and 1NPIF would be one word).
_WORDISH = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")


class AnalysisText(NamedTuple):
    """The repaired text, the map back to the original, and the original itself."""

    text: str
    map: OffsetMap
    original: str

    def source_offset(self, offset: int) -> int:
        return self.map.to_source(offset)


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """(offset, content without its line ending) for every line (an empty last one too)."""
    if "\r" not in text:  # `split` is 4x faster than the pattern; the offsets summed in C
        lines = text.split("\n")
        starts = accumulate(map((1).__add__, map(len, lines)), initial=0)
        return zip(starts, lines, strict=False)  # one start more: the end
    out = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            break
        out.append((m.start(), m.group().rstrip("\r\n")))
    return out


def _content(text: str) -> list[tuple[int, int, str]]:
    """(line offset, body offset, body) of every line with a body that is no page furniture;
    the body is the line without the spaces around it."""
    out = []
    for offset, line in _lines(text):
        body = line.strip()
        if body and not _furniture(body):
            # the body's first character first occurs where the spaces before it end
            out.append((offset, offset + line.index(body[0]), body))
    return out


def _furniture(body: str) -> bool:
    """Whether a stripped line is page furniture; most lines start with a character no
    furniture starts with and need no pattern."""
    return (body[0] in _FURNITURE_STARTS or body[0].isdecimal()) and bool(_FURNITURE.match(body))


def _full_width(lengths: list[int]) -> float:
    """The length a line reaches when the PDF wrapped it (the 90th percentile)."""
    if not lengths:
        return 0.0
    ordered = sorted(lengths)
    return ordered[int(0.9 * (len(ordered) - 1))]


def repair(text: str) -> AnalysisText:
    """Join wrapped lines, drop page furniture and letter spacing; keep offsets traceable.

    The map is built here as `TextBuilder` builds one (a run for each inserted character, a
    new run where a piece does not follow its source), its lists appended to in place: its two
    method calls a line cost a fifth of the repair of a UN document."""
    content = _content(text)
    wrap = 0.75 * _full_width([len(body) for _, _, body in content])
    parts: list[str] = []
    outs: list[int] = []  # OffsetMap runs: where each starts in the repaired text
    sources: list[int] = []  # ... and in `text`
    add, run_at, run_from = parts.append, outs.append, sources.append
    length, next_source = 0, -1  # where the repaired text's next character must come from
    sentence_end, paragraph_start = _SENTENCE_END.search, _PARAGRAPH_START.match
    wordish, spaced = _WORDISH.match, _SPACED.search
    previous = ""
    for off, start, body in content:
        if previous:
            joined = (
                len(previous) >= wrap
                # a sentence end is one or two characters before the end of a stripped line
                and not sentence_end(previous, len(previous) - 2)
                and not paragraph_start(body)
                and not _same_row_layout(previous, body)
            )
            if not joined or (wordish(previous[-1]) and wordish(body[0]) and previous[-1] != "-"):
                # a character of no source of its own, pointing at the next line (its run)
                run_at(length)
                run_from(off)
                add(" " if joined else "\n")
                length += 1
                next_source = -1
        # most lines have no space; most spaces are between words or beside digits
        if (" " in body or "\t" in body or "\u3000" in body) and spaced(body):
            pieces = _unspaced(body, start)  # letter-spaced Chinese (`数 据 方 面`)
        else:
            pieces = ((body, start),)
        for piece, source in pieces:
            if piece:
                if next_source != source:
                    run_at(length)
                    run_from(source)
                add(piece)
                length += len(piece)
                next_source = source + len(piece)
        previous = body
    return AnalysisText("".join(parts), OffsetMap(outs, sources, length), text)


def _row_layout(body: str) -> tuple[str, ...] | None:
    """The columns of a line that may be a row of a list (`东盟 (ASEAN) 东南亚国家联盟`: Chinese,
    bracket, Chinese), or None: no gap, a long first column, sentence punctuation, or one
    column. A Chinese piece is a column of its own; a run of Latin words, digits or a
    bracket's pieces (`(World Health Organization)`) is one."""
    pieces = _GAP.split(body)
    if len(pieces) < 2 or len(pieces[0]) > _ROW_HEAD or _PROSE.search(body):
        return None
    out: list[str] = []
    for piece in pieces:
        first = piece[0]
        kind = (
            "han"
            if _HAN_START.match(first)
            else "bracket"
            if first in "(（"
            else "latin"
            if first.isascii() and first.isalpha()
            else "other"
        )
        if kind == "han" or not out or out[-1] != kind:
            out.append(kind)
    return tuple(out) if len(out) > 1 else None


def _same_row_layout(previous: str, body: str) -> bool:
    """Whether two lines are rows of one list: both in columns, the same columns."""
    if not _GAP.search(previous) or not _GAP.search(body):  # most lines: no gap
        return False
    layout = _row_layout(previous)
    return layout is not None and layout == _row_layout(body)


def _unspaced(body: str, start: int) -> list[tuple[str, int]]:
    """The pieces of a letter-spaced line (`数 据 方 面`) between its dropped spaces, each
    with its offset in the source."""
    pieces = []
    pos = 0
    for m in _SPACED.finditer(body):
        pieces.append((body[pos : m.start()], start + pos))
        pos = m.end()
    pieces.append((body[pos:], start + pos))
    return pieces
