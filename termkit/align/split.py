"""Sentence splitting for Chinese and English UN text, keeping the input line numbers.

Rule-based on purpose: nltk's punkt data cannot be downloaded offline, and UN text has its own
traps (`No. 5`, `para. 3`, `U.N.`, `3.5`, `UNEP/CBD/COP/11/INF/41`) that a short abbreviation
list handles deterministically. Each sentence remembers the 1-based lines it came from, and
the paragraph label (`3.`, `(a)`) it starts with, which the aligner uses as an anchor.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from termkit.text.normalize import HAN_CHAR


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, the input lines it spans, and its paragraph label if any."""

    text: str
    lines: tuple[int, ...]
    label: str | None = None
    opens_paragraph: bool = False  # first sentence of a paragraph (known only when splitting)


# A paragraph or list label at the start of a paragraph: `3.`, `3.1`, `(a)`, `（一）`, `a)`, `IV.`
_ENUM = r"(?:\(|（)(?:[a-z]{1,3}|[ivxlc]{1,6}|\d{1,3}|[一二三四五六七八九十]{1,3})(?:\)|）)"
_LABEL = re.compile(
    rf"^\s*(?:(?P<num>\d{{1,3}}(?:\.\d{{1,3}}){{0,3}})(?:\.|．)?(?=\s)"
    rf"|(?P<roman>[IVXL]{{1,6}})\.(?=\s)"
    rf"|(?P<enum>{_ENUM})"
    rf"|(?P<letter>[a-z])\)(?=\s)"
    rf"|(?P<cn>[一二三四五六七八九十]{{1,3}})、)"
)
_LABEL_STRIP = str.maketrans({"（": "(", "）": ")", "．": "."})

# Chinese sentence ends: 。！？；… (and half-width !?), then closing quotes/brackets stay attached.
_ZH_END = re.compile(r"(?:[。！？!?；]|…+|\.{3,})+[”’」』）)》〉】\]\"']*")
# A list item after a Chinese colon or semicolon starts a new sentence: `：(a) …；(b) …`
_ZH_ENUM_AFTER = re.compile(rf"(?<=[：:])\s*(?={_ENUM})")

_EN_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st sr jr messrs mmes hon rev gen col lt capt sgt gov sen rep amb no
    nos para paras art arts vol vols ch chap sect sec p pp fig figs ed eds op cit ibid e.g
    i.e cf vs viz approx est ca al inc ltd co corp bros dept div univ assn jan feb mar apr
    jun jul aug sep sept oct nov dec u.n u.s u.k u.s.a e.u ph.d corr add rev suppl
    annex
    """.split()
)
# Abbreviations that often end a sentence: before a capital letter, they do.
_EN_MAY_END = frozenset(("a.m", "p.m", "etc"))
# Ends a sentence only when followed by a capital letter, digit, quote or bracket.
# Tried only from the first mark of a run, without backtracking (`++`): linear on "!!!!…".
_EN_CANDIDATE = re.compile(
    r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]*[A-Z0-9])|(?<![.!?])[.!?]++[\"'”’)\]]*+\s*$"
)
_EN_ENUM_AFTER = re.compile(rf"(?<=[;:])\s+(?={_ENUM}\s)")
_WORD_BEFORE = re.compile(r"(\S+)\Z")
_LONGEST_ABBREVIATION = 32
_LINE_END = re.compile(r"\r\n|\r|\n")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Page furniture of PDF-extracted text, alone on its line: page numbers, the document symbol
# repeated as a running header, `第 3 页`.
_FURNITURE = re.compile(
    r"^(?:[A-Z]{1,8}(?:/[A-Za-z0-9.()\-]+){1,8}|-?\s*\d{1,4}\s*-?|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?"
    r"|Page\s+\d+(?:\s+of\s+\d+)?)$"
)
_LINE_FINAL = re.compile(r"[。！？!?；;：:.…”’」』)）》\"']\s*$")


def han_share(text: str) -> float:
    """Han characters / (Han characters + Latin words): near 1 for Chinese, 0 for English,
    whatever the share of digits, punctuation or English names in the text."""
    han = len(HAN_CHAR.findall(text))
    words = len(_LATIN_WORD.findall(text))
    return han / (han + words) if han + words else 0.0


def _label_of(text: str) -> tuple[str | None, int]:
    """The paragraph label at the start of `text` (normalized) and where the label ends."""
    m = _LABEL.match(text)
    if not m:
        return None, 0
    kind, label = next((k, v) for k, v in m.groupdict().items() if v)
    if kind == "roman":  # section `IV.` is `四、` in Chinese
        return f"§{_roman_value(label)}", m.end()
    if kind == "cn":
        tens, _, units = label.rpartition("十")
        value = _CN_DIGITS.index(units) if units else 0
        if "十" in label:
            value += 10 * (_CN_DIGITS.index(tens) if tens else 1)
        return f"§{value}", m.end()
    return label.translate(_LABEL_STRIP).strip("()").lower(), m.end()


_CN_DIGITS = "〇一二三四五六七八九"


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for k, ch in enumerate(numeral):
        value = values[ch]
        total += -value if k + 1 < len(numeral) and values[numeral[k + 1]] > value else value
    return total


def _numbered_lines(text: str) -> list[tuple[int, str]]:
    """Lines numbered as editors (and termkit.text.sourcemap) count them: \r\n, \r or \n."""
    return list(enumerate(_LINE_END.split(text), start=1))


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Group lines into paragraphs: a blank line, a label, or a line that ends a sentence or
    is much shorter than the document's wrapped lines ends the paragraph; other line breaks
    are line wrapping and are joined (page furniture between them is dropped)."""
    lines = _numbered_lines(text)
    lengths = sorted(len(s.strip()) for _, s in lines if s.strip())
    # PDF extraction often puts a blank line after every line: then blank lines say nothing.
    followed = sum(1 for (_, a), (_, b) in itertools.pairwise(lines) if a.strip() and not b.strip())
    double_spaced = len(lengths) >= 10 and followed >= 0.8 * len(lengths)
    if not lengths:
        return []
    wrap_width = lengths[int(0.8 * (len(lengths) - 1))]
    # One paragraph per line (most lines end a sentence): never join lines.
    finals = sum(1 for _, s in lines if s.strip() and _LINE_FINAL.search(s.strip()))
    # Wrapped text (PDF extraction) has many full-width lines ending mid-sentence; short
    # documents and those whose lines mostly end a sentence have one paragraph per line.
    per_line = finals >= 0.5 * len(lengths) or len(lengths) < 10 or wrap_width < 20
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for n, line in lines:
        stripped = line.strip()
        if not per_line and _FURNITURE.match(stripped):
            continue  # a page number or running header inside wrapped text
        if not stripped:
            if current and not double_spaced:
                blocks.append(current)
                current = []
            continue
        if current and _label_of(stripped)[0] is not None:
            blocks.append(current)
            current = []
        current.append((n, stripped))
        if per_line or _LINE_FINAL.search(stripped) or len(stripped) < 0.6 * wrap_width:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _join_block(block: list[tuple[int, str]], chinese: bool) -> tuple[str, list[int]]:
    """The block's text and, for every character, the line it comes from."""
    text = ""
    owner: list[int] = []
    for n, line in block:
        if text:
            glue = "" if chinese and (HAN_CHAR.match(line[:1]) or HAN_CHAR.match(text[-1])) else " "
            if glue:
                text += glue
                owner.append(owner[-1])
        text += line
        owner.extend([n] * len(line))
    return text, owner


def _bracket_depth(text: str) -> list[int]:
    """How many matched round brackets enclose each position: `(2001年1月21日；2015年2月24日)`
    is one unit. A bracket that never closes encloses nothing."""
    change = [0] * (len(text) + 2)
    stack: list[int] = []
    for k, ch in enumerate(text):
        if ch in "(（":
            stack.append(k)
        elif ch in ")）" and stack:
            change[stack.pop() + 1] += 1
            change[k + 1] -= 1
    return list(itertools.accumulate(change[:-1]))


def _cut_points_zh(text: str) -> list[int]:
    depth = _bracket_depth(text)
    cuts = {m.end() for m in _ZH_END.finditer(text) if depth[m.end()] == 0}
    cuts |= {m.end() for m in _ZH_ENUM_AFTER.finditer(text)}
    return sorted(c for c in cuts if 0 < c < len(text))


def _is_abbreviation(before: str) -> bool:
    word = before.lstrip("\"'“‘([").lower()
    stem = word.rstrip(".")
    if stem in _EN_MAY_END:
        return False
    if stem in _EN_ABBREVIATIONS or word in _EN_ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[a-z]\.){2,}[a-z]?\.?", word):  # U.N. U.S.A. e.g. i.e.
        return True
    return bool(re.fullmatch(r"[a-z]", stem)) and before.lstrip("\"'“‘([")[:1].isupper()


def _word_before(text: str, end: int) -> str | None:
    """The word ending at `end`, with a period; None if it is longer than any abbreviation.
    Looking only at a short window keeps a sentence splitter linear on an 80,000-letter token."""
    start = max(0, end - _LONGEST_ABBREVIATION)
    m = _WORD_BEFORE.search(text, start, end)
    if m is None or (m.start() == start and start > 0 and not text[start - 1].isspace()):
        return None
    return m.group(1) + "."


def _cut_points_en(text: str) -> list[int]:
    depth = _bracket_depth(text)
    cuts = set()
    for m in _EN_CANDIDATE.finditer(text):
        if depth[m.end()]:
            continue
        if m.group().startswith(".") and not m.group().startswith("..."):
            before = _word_before(text, m.start())
            if before and _is_abbreviation(before):
                continue
        cuts.add(m.end())
    cuts |= {m.end() for m in _EN_ENUM_AFTER.finditer(text)}
    return sorted(c for c in cuts if 0 < c < len(text))


def _sentences_of_block(block: list[tuple[int, str]], chinese: bool) -> list[Sentence]:
    text, owner = _join_block(block, chinese)
    label, label_end = _label_of(text)
    cuts = _cut_points_zh(text) if chinese else _cut_points_en(text)
    cuts = [c for c in cuts if c > label_end]
    out: list[Sentence] = []
    start = 0
    for end in [*cuts, len(text)]:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            lines = tuple(sorted(set(owner[start + lead : start + lead + len(piece)])))
            label_here = label if start == 0 else _label_of(piece)[0]
            out.append(Sentence(piece, lines, label_here, opens_paragraph=not out))
        start = end
    return out


def split_sentences(text: str, chinese: bool) -> list[Sentence]:
    """Split running text into sentences, each with its 1-based input line numbers."""
    return [s for block in _blocks(text) for s in _sentences_of_block(block, chinese)]


def split_zh(text: str) -> list[Sentence]:
    """Chinese running text → sentences (see `split_sentences`)."""
    return split_sentences(text, chinese=True)


def split_en(text: str) -> list[Sentence]:
    """English running text → sentences (see `split_sentences`)."""
    return split_sentences(text, chinese=False)


def presplit(text: str) -> list[Sentence]:
    """One sentence per non-blank line, as given (no splitting)."""
    return [
        Sentence(line.strip(), (n,), _label_of(line.strip())[0])
        for n, line in _numbered_lines(text)
        if line.strip()
    ]
