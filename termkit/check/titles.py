"""TK115: a title the document writes in title marks (《名古屋议定书》) written bare elsewhere
as a name of its own (执行名古屋议定书以促进…).

Chinese UN documents mark the title of an instrument, a plan or a programme with 《》; the same
title written bare is one concept written two ways. Only bare uses that stand as a name of
their own are reported: the text before is a clause mark, a function character or a
dictionary word (CC-CEDICT through meaning.is_word) that the document writes right before a
marked title too (执行《…》: a word that governs a title, not a word of a name), and the text
after is a mark or a function character. A bare title that opens a longer name
(生物多样性公约秘书处, 移栖物种公约缔约方大会) or ends one (关于持久性有机污染物的斯德哥尔摩公约,
after 的; 负责任渔业行为守则), a heading or a file name alone on its line, a quoted or bracketed
form (a definition's short form) are left alone: there the bare form is the document's convention or
another name. A title is known by a marked use that stands alone, 》 followed by no content
character (not 2011-2020年《生物多样性》战略计划, marks misplaced inside a name).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from termkit.check.collect import Collector
from termkit.check.document import Analysed
from termkit.check.finding import Edit
from termkit.check.meaning import is_word
from termkit.text.lazy import lazy
from termkit.text.normalize import HAN_CHAR

CODE = "TK115"
ANGLES = "TK116"
# Han characters a title must have: a shorter one (《公约》) is a bare head, an ordinary noun
# when written bare (TK101 judges it).
MIN_HAN = 4
# Function characters: a bare title between them stands alone. 的 counts after it only: a
# 的-phrase before a title is the title's own opening (关于汞的水俣公约).
_FUNCTION = "和与及或并而以在为对向从由把被将是等"
_OPEN_MARKS = "，、；：。！？"
_CLOSE_MARKS = "，、；：。！？）)"
_TITLE = lazy(r"《([^《》〈〉<>\n]{2,60})》")


def check(doc: Analysed, out: Collector) -> None:
    if not (out.wants(CODE) or out.wants(ANGLES)):
        return
    text = doc.simplified
    if "《" not in text:
        return
    titles, marked = _titles(text)
    if not titles:
        return
    if out.wants(CODE):
        _bare(doc, out, titles, marked)
    if out.wants(ANGLES) and ("<" in text or "＜" in text):
        _angles(doc, out, titles)


def _bare(doc: Analysed, out: Collector, titles: dict[str, tuple[int, int]], marked: list) -> None:
    text = doc.simplified
    governing = _governing(text, marked)
    # Longest first: a bare title inside a longer bare title is the longer one's.
    for m in _alternatives(titles).finditer(text):
        start, end = m.span()
        if _inside_marks(marked, start) or not _stands_alone(text, start, end, governing):
            continue
        title = m.group()
        place = doc.place_of_analysis(start, end)
        first = doc.place_of_analysis(*titles[title])
        out.add(
            CODE,
            place,
            f"《{title}》 is written with title marks on line {first.line}, here without them",
            doc.original[place.start : place.end],
            f"《{title}》",
        )


def _angles(doc: Analysed, out: Collector, titles: dict[str, tuple[int, int]]) -> None:
    """TK116: <卡塔赫纳生物安全议定书> (less-than and greater-than signs) for a title the document
    marks: 〈〉 inside another title (《〈…〉战略计划》), 《》 elsewhere."""
    text = doc.simplified
    pattern = re.compile(f"[<＜]({_alternatives(titles).pattern})[>＞]")
    for m in pattern.finditer(text):
        title = m.group(1)
        nested = text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start())
        opening, closing = "〈〉" if nested else "《》"
        place = doc.place_of_analysis(*m.span())
        found = doc.original[place.start : place.end]
        fixed = opening + found[1:-1] + closing
        first = doc.place_of_analysis(*titles[title])
        out.add(
            ANGLES,
            place,
            f"{found[0]}{title}{found[-1]}: title marks are {opening}{closing} "
            f"({'inside another title; ' if nested else ''}《{title}》 on line {first.line})",
            found,
            f"{opening}{title}{closing}",
            Edit(place.start, place.end, fixed),
        )


def _alternatives(titles: dict[str, tuple[int, int]]) -> re.Pattern[str]:
    """Any of the titles, the longest first (leftmost-longest)."""
    return re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)))


def _titles(text: str) -> tuple[dict[str, tuple[int, int]], list[tuple[int, int]]]:
    """The titles the text writes in marks standing alone (title → span of its first marked
    use), and the spans of every marked title (bare uses inside one are part of it)."""
    titles: dict[str, tuple[int, int]] = {}
    marked: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text):
        marked.append(m.span())
        title = m.group(1)
        after = text[m.end() : m.end() + 1]
        if HAN_CHAR.match(after) and after not in _FUNCTION and after != "的":
            continue  # 《生物多样性》战略计划: marks inside a name
        if len(HAN_CHAR.findall(title)) >= MIN_HAN and title not in titles:
            titles[title] = m.span(1)
    return titles, marked


def _inside_marks(marked: list[tuple[int, int]], at: int) -> bool:
    """Is offset `at` inside a marked title? The spans are sorted and disjoint."""
    k = bisect_right(marked, (at, at)) - 1
    return k >= 0 and marked[k][0] < at < marked[k][1]


def _governing(text: str, marked: list[tuple[int, int]]) -> frozenset[str]:
    """The dictionary words the text writes right before a marked title (执行《…》, 包括《…》):
    words that govern a title, not words of a name."""
    before = {text[max(0, start - 2) : start] for start, _ in marked}  # each word looked up once
    return frozenset(w for w in before if len(HAN_CHAR.findall(w)) == 2 and is_word(w))


def _stands_alone(text: str, start: int, end: int, governing: frozenset[str]) -> bool:
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if not (after in _CLOSE_MARKS or after in _FUNCTION or after == "的"):
        return False
    # A line's start, a bracket or a quote before it: a heading, a short form, a quotation.
    if before in _OPEN_MARKS or before in _FUNCTION:
        return True
    return text[max(0, start - 2) : start] in governing
