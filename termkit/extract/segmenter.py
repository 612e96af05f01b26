"""jieba's dictionary-only word cut with parts of speech, loaded by first character on demand.

`jieba.posseg` loads its whole dictionary before the first cut: 2-3 s of CPU a process (a
marshal of the 500,000-entry prefix table, the word-tag table parsed from `dict.txt`, the
HMM tables that a cut with `HMM=False` never reads). A build's worker or a rebuild of a few
new documents cuts only the short windows before brackets. A cut of a text looks up only
dictionary keys that start with one of its characters (the prefix walk, the route's
frequencies and the tags all start at a character of the text), so the same two tables are
kept here split by first character, in one JSON file in the user's cache
(`termkit.user_cache`), and the part of a character is loaded before the first text that
holds it: the same words and tags as `jieba.posseg.cut(text, HMM=False)`, for a tenth of the
load when a few documents are read and under half of it when all are. A character's part
holds its own entry and an index of the words that start with it by their second character,
and the words of each pair of first characters are loaded only before a text that holds the
pair (a window of UN text loads a sixteenth of the entries of its characters). The file is made from
jieba's own tables on first use, keyed by jieba's version and dictionary, and sealed by a
checksum (CRC-32, for damage: a checksum anyone can compute stops no one who can write the
file, and it costs 5 ms a process where SHA-256 cost 10); a damaged one is made again. JSON,
never pickle or marshal: a planted file cannot run code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from termkit import user_cache

_FORMAT = "termkit-segmenter-3"
# jieba.posseg's splitting of a text into runs it cuts by dictionary, and of what lies between.
_HAN_RUN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_SPACE = re.compile("(\r\n|\\s)")
_NUMBER = re.compile("[\\.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")


class Word(NamedTuple):
    word: str
    flag: str  # jieba's part of speech (ICTCLAS tags; `x` unknown, `eng` Latin)


class Segmenter:
    """jieba's prefix table and word tags, whole or from `parts`: the `body` of the segmenter
    file and, by first character, the span of its part. Every word a cut looks up starts at
    a character of the text and goes on with the next one, so the tables are kept apart by
    their first one or two characters (`_words`): merging them into one table cost more than
    parsing them."""

    def __init__(
        self,
        freq: dict[str, int],
        tags: dict[str, str],
        total: int,
        parts: dict[str, list[int]] | None = None,
        body: bytes | memoryview = b"",
    ) -> None:
        self._whole = (freq, tags)
        self._log_total = math.log(total)
        self._parts, self._body = parts or {}, body
        # by one first character or two: the words that start so (of one character, the
        # character itself), and where the words of each second character are
        self._tables: dict[str, tuple[dict[str, int], dict[str, str]]] = {}
        self._index: dict[str, tuple[str, list[int]]] = {}

    def cut(self, text: str) -> list[Word]:
        """`jieba.posseg.cut(text, HMM=False)`, word for word and tag for tag."""
        words: list[Word] = []
        for block in _HAN_RUN.split(text):
            if _HAN_RUN.match(block):
                words.extend(self._cut_run(block))
                continue
            for piece in _SPACE.split(block):
                if _SPACE.match(piece):
                    words.append(Word(piece, "x"))
                    continue
                # jieba tests the whole piece for Latin, each character for a number
                latin = _LATIN.match(piece) is not None
                for ch in piece:
                    flag = "m" if _NUMBER.match(ch) else "eng" if latin else "x"
                    words.append(Word(ch, flag))
        return words

    def _cut_run(self, run: str) -> list[Word]:
        route = self._route(run)
        words: list[Word] = []
        latin = ""
        x = 0
        tables = self._tables
        while x < len(run):
            y = route[x] + 1
            word = run[x:y]
            if y - x == 1 and word.isascii() and word.isalnum():  # jieba's `^[a-zA-Z0-9]$`
                latin += word
            else:
                if latin:
                    words.append(Word(latin, "eng"))
                    latin = ""
                tags = (tables.get(word[:2]) or self._words(word[:2]))[1]
                words.append(Word(word, tags.get(word, "x")))
            x = y
        if latin:
            words.append(Word(latin, "eng"))
        return words

    def _route(self, run: str) -> list[int]:
        """Where the likeliest cut of `run` ends the word starting at each character: jieba's
        `get_DAG` and `calc` (the same sums in the same order, so the same ties), on the part
        of the word's first character."""
        n = len(run)
        scores = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        log, log_total = math.log, self._log_total
        tables, words = self._tables, self._words  # a parsed table is looked up in place
        for k in range(n - 1, -1, -1):
            ch = run[k]
            freq = (tables.get(ch) or words(ch))[0]
            best: tuple[float, int] | None = None
            # jieba's table holds every prefix of a word: a character not in it starts none
            if ch in freq:
                if freq[ch]:
                    best = (log(freq[ch]) - log_total + scores[k + 1], k)
                frag = run[k : k + 2]
                longer = (tables.get(frag) or words(frag))[0] if k + 1 < n else {}
                i = k + 1
                while i < n and frag in longer:
                    if longer[frag]:
                        option = (log(longer[frag]) - log_total + scores[i + 1], i)
                        best = option if best is None or option > best else best
                    i += 1
                    frag = run[k : i + 1]
            if best is None:  # no dictionary word starts here: the character alone
                best = (log(freq.get(ch) or 1) - log_total + scores[k + 1], k)
            scores[k], ends[k] = best
        return ends

    def _words(self, start: str) -> tuple[dict[str, int], dict[str, str]]:
        """The prefix table and tags of the words that start with `start` (one character: the
        character's own entry; two: the words of two characters or more), parsed on first
        use; jieba's whole tables without a file."""
        table = self._tables.get(start)
        if table is not None:
            return table
        if not self._body:
            return self._whole
        if len(start) == 1:
            span = self._parts.get(start)
            freq: dict[str, int] = {}
            tags: dict[str, str] = {}
            if span is not None:
                n, tag, seconds, offsets = json.loads(bytes(self._body[span[0] : span[1]]))
                freq, tags = (
                    ({} if n is None else {start: n}),
                    ({} if tag is None else {start: tag}),
                )
                self._index[start] = (seconds, offsets)
        else:
            seconds, offsets = self._index.get(start[0]) or self._load_index(start[0])
            at = seconds.find(start[1])
            freq, tags = {}, {}
            if at >= 0:
                freq, tags = json.loads(bytes(self._body[offsets[at] : offsets[at + 1]]))
        table = self._tables[start] = (freq, tags)
        return table

    def _load_index(self, ch: str) -> tuple[str, list[int]]:
        self._words(ch)
        return self._index.get(ch, ("", []))


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    """The process's segmenter: from the segmenter file, made first when there is none."""
    key = _key()
    folder = user_cache.folder("segmenter")
    path = None if folder is None else folder / f"{key[:24]}.json"
    if path is not None and (found := _read(path, key)) is not None:
        return found
    freq, tags, total = _jieba_tables()
    if path is not None:
        _write(path, key, freq, tags, total)
    return Segmenter(freq, tags, total)


def _key() -> str:
    """What the tables depend on: this format, jieba's module (its version with it) and its
    dictionary, found beside the module without importing jieba (20 ms a process that reads
    the segmenter file only). The 5 MB dictionary is known by its size and modification
    time, as `make` knows a file, not hashed (5 ms a process): an installed package's
    files change only with a new installation, which writes them anew."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba")
    folder = Path(spec.origin).parent
    digest = hashlib.sha256(f"{_FORMAT}\0".encode())
    digest.update((folder / "__init__.py").read_bytes())
    stat = (folder / "dict.txt").stat()  # jieba's DEFAULT_DICT_NAME
    digest.update(f"\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _read(path: Path, key: str) -> Segmenter | None:
    """The segmenter of a whole file of this key; None when missing, linked or damaged."""
    try:
        meta, body = user_cache.split_sealed(path)  # the 12 MB body is not copied
        if meta["format"] != _FORMAT or meta["key"] != key:
            return None
        if meta["crc32"] != zlib.crc32(body):
            return None
        parts, total = meta["parts"], meta["total"]
        if type(total) is not int or not isinstance(parts, dict):
            return None
        return Segmenter({}, {}, total, parts, body)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, key: str, freq: dict[str, int], tags: dict[str, str], total: int) -> None:
    """Write the tables split by first character, and each character's words of two or more
    by their second one; a read-only or full disk only costs the next process jieba's own
    load. A character's part is [its frequency, its tag, the second characters, where the
    words of each start and the last ends], null where jieba has no such entry."""
    singles: dict[str, list] = {}
    longer: dict[str, dict[str, tuple[dict[str, int], dict[str, str]]]] = {}
    for table, value in ((freq, 0), (tags, 1)):
        for word, entry in table.items():
            if len(word) == 1:
                singles.setdefault(word, [None, None])[value] = entry
            else:
                longer.setdefault(word[0], {}).setdefault(word[1], ({}, {}))[value][word] = entry
    pieces: list[bytes] = []
    parts: dict[str, list[int]] = {}
    offset = 0

    def add(value: object) -> int:
        nonlocal offset
        piece = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        pieces.append(piece)
        offset += len(piece)
        return offset - len(piece)

    for ch in sorted(singles.keys() | longer.keys()):
        seconds = longer.get(ch, {})
        offsets = [add(seconds[second]) for second in sorted(seconds)]
        offsets.append(offset)
        start = add([*singles.get(ch, [None, None]), "".join(sorted(seconds)), offsets])
        parts[ch] = [start, offset]
    body = b"".join(pieces)
    meta = {
        "format": _FORMAT,
        "key": key,
        "crc32": zlib.crc32(body),
        "total": total,
        "parts": parts,
    }
    user_cache.store_sealed(path, meta, body)


def _jieba_tables() -> tuple[dict[str, int], dict[str, str], int]:
    """jieba's prefix table, word tags and total frequency, loaded the way jieba loads them."""
    jieba = _jieba()
    posseg = importlib.import_module("jieba.posseg")  # its word tags load on import
    jieba.initialize()
    return jieba.dt.FREQ, posseg.dt.word_tag_tab, jieba.dt.total


@lru_cache(maxsize=1)
def _jieba():
    import logging
    import sys

    # jieba finds its data files with pkg_resources when it can, whose import costs a worker
    # 0.2-0.6 s; without it jieba opens the same files beside its module.
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba
