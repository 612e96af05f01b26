"""The normalization key: one spelling per term for matching, never shown or written back.

Folds full/half width, hyphens and quotes, converts traditional to simplified Chinese with
OpenCC, and drops spaces beside Chinese characters. `normalize_with_map` also returns where
each key character came from, so matches on the key point back into the user's text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from termkit.text.lazy import lazy
from termkit.text.offsets import OffsetMap, TextBuilder

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026"
_CJK = f"[{HAN}{CJK_PUNCT}]"
# One Chinese character (CJK unified ideographs, extensions and compatibility ideographs).
HAN_CHAR = re.compile(f"[{HAN}]")


def _fold_table() -> dict[int, str]:
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    for cp in (0x00A0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2009, 0x202F):
        table[cp] = " "
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0x00AD):
        table[cp] = "-"
    for cp in (0x2018, 0x2019, 0x201A, 0x201B, 0x2032):
        table[cp] = "'"
    for cp in (0x201C, 0x201D, 0x201E, 0x201F, 0x2033):
        table[cp] = '"'
    table[0xFF5F] = "("
    table[0xFF60] = ")"
    return table


FOLD = _fold_table()
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(FOLD)) + "]")


def fold(text: str) -> str:
    """`text.translate(FOLD)`, 4x faster on a document: a translate looks every character up
    in the table; here the few distinct characters that fold (a dozen in a UN document, its
    full-width commas and brackets 17,000 times in 1 MB) are found in C and each replaced in
    one `str.replace`, not by a Python call a use. No character folds to one that folds, so
    the search goes on from where the character replaced was first found: the text is
    searched once, and no list of its 17,000 uses is made."""
    pos = 0
    search = _FOLDABLE.search
    while (m := search(text, pos)) is not None:
        ch = m.group()
        text = text.replace(ch, FOLD[ord(ch)])
        pos = m.start()
    return text


# Whitespace next to a Chinese character or Chinese punctuation carries no meaning for matching:
# a run after one, a run before one (tried only from the run's first character and never
# backtracked into, `++`, so a run of 100,000 spaces costs one pass, not one per space), or a
# zero-width space. Every match starts with one space, consumed first (`(?<=A)S+` is written
# `S(?<=A.)S*`), so that the search skips in C from space to space instead of trying the
# lookbehinds at every character (4x faster on Chinese text; the same matches, a test says).
_S = r"[\s\u200b]"
_SPACE_BY_CJK = re.compile(
    rf"{_S}(?:(?<={_CJK}[\s\S]){_S}*|(?<!{_S}[\s\S]){_S}*+(?={_CJK})|(?<=\u200b))"
)
# Two or more spaces, or one tab or line break (`\s{2,}|[\t\r\n\f\v]`, space first likewise).
_SPACE_RUN = re.compile(r"\s(?:\s+|(?<=[\t\r\n\f\v]))")


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (phrase rules that change length are
    undone character by character, so offsets stay valid)."""
    converted = _convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := _opencc().convert(ch)) == 1 else ch for ch in text)


T2S_CHANGES = Path(__file__).resolve().parents[1] / "data" / "t2s_changes.txt"
# A long text is skimmed (`_skim`) once a process has converted this many characters of
# long texts: the pattern of the characters OpenCC changes costs 5 ms to compile, and
# skimming saves 60-70 % of OpenCC's 25-30 ms a million characters (3 MB) of UN text;
# callgrind counts a loss on a 1 MB file.
_SKIM_FROM, _SKIM_AFTER = 4096, 1_000_000
_converted = 0


def _convert(text: str) -> str:
    """`OpenCC("t2s.json").convert(text)`; a long text skimmed once many have been."""
    global _converted
    if len(text) < _SKIM_FROM:
        return _opencc().convert(text)
    _converted += len(text)
    changes = _changes() if _converted > _SKIM_AFTER else None
    return _opencc().convert(text) if changes is None else _skim(text, changes)


def _skim(text: str, changes: re.Pattern[str]) -> str:
    """The conversion of a text, converting only the lines that hold a character of
    termkit/data/t2s_changes.txt (bench/t2s_changes.py says why the others stay as they
    are; no dictionary key holds a line break, so lines convert apart); a text of many such
    lines (traditional Chinese), or with a character beyond the BMP, converts whole."""
    if _BEYOND_BMP.search(text):
        return _opencc().convert(text)
    pieces: list[str] = []
    pos, budget = 0, len(text) // 1024 + 16  # lines converted apart before the rest whole
    while (m := changes.search(text, pos)) is not None:
        if not budget:
            pieces.append(_opencc().convert(text[pos:]))
            return "".join(pieces)
        budget -= 1
        begin = max(pos, text.rfind("\n", pos, m.start()) + 1)
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        pieces.append(text[pos:begin])
        pieces.append(_opencc().convert(text[begin:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_BEYOND_BMP = lazy("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _changes() -> re.Pattern[str] | None:
    """The characters (of the BMP) OpenCC's t2s may change, as one class; None when the
    installed dictionaries are not those the table was made from (their sizes differ)."""
    import opencc

    _, sizes, chars = T2S_CHANGES.read_text(encoding="utf-8").splitlines()
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    for entry in sizes.split("Dictionaries: ")[1].split():
        name, size = entry.split("=")
        if not (share / name).is_file() or (share / name).stat().st_size != int(size):
            return None
    points = sorted(ord(c) for c in chars if ord(c) < 0x10000)
    runs: list[list[int]] = []
    for point in points:
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    ranges = (re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)
    return re.compile(f"[{''.join(ranges)}]")


def normalize_with_map(text: str, simplified: str | None = None) -> tuple[str, OffsetMap]:
    """The key of `text` and the map from key offsets back to `text` offsets; `simplified` is
    `to_simplified(text)` when the caller has it already (see `key_of`)."""
    return key_with_map(fold(to_simplified(text) if simplified is None else simplified))


def key_with_map(folded: str) -> tuple[str, OffsetMap]:
    """`normalize_with_map` of a text already converted and folded (`fold(to_simplified(text))`),
    for a caller that keeps the folded text too: its map is to that text, offset for offset
    the original."""
    builder = TextBuilder()
    pos = 0
    for m in _SPACE_BY_CJK.finditer(folded):
        builder.copy(folded[pos : m.start()], pos)
        pos = m.end()
    builder.copy(folded[pos:], pos)
    stage, first = builder.build()
    builder = TextBuilder()
    pos = 0
    for m in _SPACE_RUN.finditer(stage):
        builder.copy(stage[pos : m.start()], pos)
        builder.insert(" ", m.start())
        pos = m.end()
    builder.copy(stage[pos:], pos)
    key, second = builder.build()
    return key, second.then(first)


# Terms recur endlessly and are short; whole documents are neither, and must not be cached.
_CACHED_LENGTH = 64


def normalize(text: str) -> str:
    """The matching key of a term or a text: equal keys mean the same written term."""
    return _normalize_term(text) if len(text) <= _CACHED_LENGTH else _normalize(text)


def key_of(text: str, simplified: str | None = None) -> str:
    """`normalize_with_map(text)[0]` without the map, for a caller that needs no way back;
    `simplified` is `to_simplified(text)` when the caller has it already. Folding and OpenCC
    commute: no entry of OpenCC's t2s dictionaries holds a character that folds or one that
    a character folds to (all their keys are Chinese characters; tests/test_text.py reads
    the dictionaries), so the text is converted once, folded or not."""
    folded = fold(to_simplified(text) if simplified is None else simplified)
    return _SPACE_RUN.sub(" ", _SPACE_BY_CJK.sub("", folded))


def _normalize(text: str) -> str:
    return key_of(text).strip()


_normalize_term = lru_cache(maxsize=65536)(_normalize)


def strip_title_marks(text: str) -> str:
    """`《气候公约》` → `气候公约`: titles are stored without their marks."""
    if text.startswith("《") and text.endswith("》"):
        return text[1:-1]
    return text
