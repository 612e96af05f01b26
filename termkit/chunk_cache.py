"""Merged results of whole chunks of documents, so a rebuild neither reloads nor re-merges
every unchanged document.

A chunk's entry is keyed by the chunk's paths and their documents' cache keys (which already
hold the code and options), so it is found only when every document of the chunk is unchanged
and named alike. Chunks are cut where a path's hash says (`termkit.chunks.content_split`), so
adding or removing a document changes the chunk it falls in and no other. Entries are JSON,
never pickle, checked type by type on loading; a corrupt entry only misses.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from termkit.cache import (
    LANGS,
    STATUSES,
    TERM_TYPES,
    ResultCache,
    checked_number,
    checked_value,
    read_entry,
    typed,
    write_entry,
)
from termkit.corpus import Counts, Dispute, Option
from termkit.termbase.model import Concept, Location, Term, Termbase
from termkit.user_cache import sources_digest

if TYPE_CHECKING:  # the checker's modules load only for `build --usage`
    from termkit.check.corpus_tables import Presence, Tables, Texts

_FORMAT = "termkit-chunk-cache"
_COUNTS = "termkit-count-cache-2"
_TEXTS = "termkit-analysed-texts-2"
_DIRECTORY = "termkit-text-directory"
_TABLES = "termkit-corpus-tables-1"


class ChunkCache:
    def __init__(self, cache: ResultCache) -> None:
        self._cache = cache
        self.folder = cache.folder / "chunks"

    def key(self, documents: list[tuple[str, str]]) -> str:
        """The key of a chunk of (path, document cache key)."""
        listing = json.dumps([_FORMAT, documents], ensure_ascii=False, separators=(",", ":"))
        return self._cache.key(listing.encode("utf-8"))

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Termbase, tuple[Dispute, ...], int] | None:
        """A chunk's merged termbase, its disputes and its documents' bytes; None when missing
        or unusable."""
        entry = read_entry(self._entry(key), self._cache.root)
        try:
            if entry["format"] != _FORMAT or entry["key"] != key:
                return None
            paths = [typed(p, str) for p in entry["paths"]]
            disputes = tuple(_dispute(d, paths) for d in entry["disputes"])
            return _termbase(entry["concepts"], paths), disputes, typed(entry["bytes"], int)
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def put(
        self, key: str, termbase: Termbase, size: int, disputes: tuple[Dispute, ...] = ()
    ) -> None:
        """Store a chunk's termbase and disputes; a full disk or read-only folder only costs a
        later rebuild."""
        paths: dict[str, int] = {}
        concepts = _encode_termbase(termbase, paths)
        held = [_encode_dispute(d, paths) for d in disputes]
        if concepts is None or None in held:
            return
        entry = {"format": _FORMAT, "key": key, "bytes": size, "paths": list(paths)}
        write_entry(
            self._entry(key), self._cache.root, {**entry, "concepts": concepts, "disputes": held}
        )


class CountCache:
    """The corpus pass's counts of a chunk (`termkit.corpus`), keyed by the chunk's documents
    (`ChunkCache.key`): the candidates counted so far with their counts, and apart the
    chunk's analysed texts. A rebuild whose disputes bring new candidates counts only those,
    in the texts, without reading, decoding or repairing a document of the chunk again; the
    counts of every candidate do not depend on which others are counted with it."""

    def __init__(self, cache: ResultCache) -> None:
        self._cache = cache
        self.folder = cache.folder / "counts"

    def _entry(self, chunk_key: str, kind: str) -> Path:
        return self.folder / chunk_key[:2] / f"{chunk_key}.{kind}.json"

    def get(self, chunk_key: str) -> tuple[tuple[str, ...], Counts] | None:
        """The candidates counted in the chunk and their counts; None when missing or
        unusable."""
        entry = read_entry(self._entry(chunk_key, "counts"), self._cache.root)
        try:
            if entry["format"] != _COUNTS or entry["key"] != chunk_key:
                return None
            counted = tuple(typed(k, str) for k in entry["counted"])
            counts = tuple(
                (typed(k, str), typed(left, str), typed(n, int)) for k, left, n in entry["counts"]
            )
            return counted, counts
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def put(self, chunk_key: str, counted: tuple[str, ...], counts: Counts) -> None:
        entry = {"format": _COUNTS, "key": chunk_key, "counted": counted, "counts": counts}
        write_entry(self._entry(chunk_key, "counts"), self._cache.root, entry)

    def texts(self, chunk_key: str) -> list[tuple[str, str]] | None:
        """The chunk's documents' (cache key, analysed text) (`termkit.corpus.analysed`);
        None when missing or unusable."""
        entry = read_entry(self._entry(chunk_key, "texts"), self._cache.root)
        try:
            if entry["format"] != _TEXTS or entry["key"] != chunk_key:
                return None
            return [(typed(k, str), typed(t, str)) for k, t in entry["texts"]]
        except (ValueError, KeyError, TypeError, RecursionError):
            return None

    def put_texts(self, chunk_key: str, texts: list[tuple[str, str]]) -> None:
        entry = {"format": _TEXTS, "key": chunk_key, "texts": texts}
        write_entry(self._entry(chunk_key, "texts"), self._cache.root, entry)

    def directory(self) -> dict[str, str]:
        """Document cache key -> the chunk whose texts entry holds its analysed text, as the
        last corpus pass left them: a chunk that changes finds there the texts of its
        documents that did not."""
        entry = read_entry(self.folder / "directory.json", self._cache.root)
        try:
            if entry["format"] != _DIRECTORY:
                return {}
            return {typed(k, str): typed(c, str) for k, c in entry["documents"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}

    def put_directory(self, documents: dict[str, str]) -> None:
        entry = {"format": _DIRECTORY, "documents": dict(sorted(documents.items()))}
        write_entry(self.folder / "directory.json", self._cache.root, entry)


class TablesCache:
    """A chunk's rows of the corpus tables of `build --usage` (`termkit.check.corpus_tables`),
    keyed by the chunk's documents (`ChunkCache.key`), made by the checker's code of the
    entry's seal, with the digest of the glossary forms they were made with and which of
    those forms occur in the chunk; apart, the chunk's texts in which a later glossary's
    forms are looked up. The frequency rows depend on no glossary, the usage rows only on
    the forms that occur: they stand while those are the same."""

    def __init__(self, cache: ResultCache) -> None:
        self._cache = cache
        self.folder = cache.folder / "tables"

    def _entry(self, chunk_key: str, kind: str) -> Path:
        return self.folder / chunk_key[:2] / f"{chunk_key}.{kind}.json"

    def get(self, chunk_key: str) -> tuple[Tables, str, Presence] | None:
        """The chunk's rows, the digest of the forms they were made with and the forms'
        presence in the chunk; None when missing, made by other code, or unusable."""
        from termkit.check.corpus_tables import Presence, Tables
        from termkit.check.frequency import Frequencies
        from termkit.check.usage import Usage

        entry = read_entry(self._entry(chunk_key, "rows"), self._cache.root)
        try:
            if (entry["format"], entry["key"], entry["code"]) != (
                _TABLES,
                chunk_key,
                checker_digest(),
            ):
                return None
            documents = typed(entry["documents"], int)
            rows = {typed(k, str): (typed(u, int), typed(n, int)) for k, u, n in entry["usage"]}
            windows = _windows(entry["windows"])
            presence = Presence(*(tuple(typed(k, str) for k in p) for p in entry["present"]))
            tables = Tables(Usage(documents, rows), Frequencies(documents, windows))
            return tables, typed(entry["forms"], str), presence
        except (ValueError, KeyError, TypeError, RecursionError):
            return None

    def put(self, chunk_key: str, tables: Tables, forms: str, presence: Presence) -> None:
        entry = {
            "format": _TABLES,
            "key": chunk_key,
            "code": checker_digest(),
            "forms": forms,
            "present": [presence.keys, presence.full, presence.short],
            "documents": tables.usage.documents,
            "usage": [[k, u, n] for k, (u, n) in sorted(tables.usage.forms.items())],
            "windows": _encode_windows(tables.frequencies.windows),
        }
        write_entry(self._entry(chunk_key, "rows"), self._cache.root, entry)

    def texts(self, chunk_key: str) -> Texts | None:
        from termkit.check.corpus_tables import Texts

        entry = read_entry(self._entry(chunk_key, "texts"), self._cache.root)
        try:
            if entry["format"] != _TABLES or entry["key"] != chunk_key:
                return None
            return Texts(typed(entry["keys"], str), typed(entry["folded"], str))
        except (ValueError, KeyError, TypeError):
            return None

    def put_texts(self, chunk_key: str, texts: Texts) -> None:
        entry = {"format": _TABLES, "key": chunk_key, "keys": texts.keys, "folded": texts.folded}
        write_entry(self._entry(chunk_key, "texts"), self._cache.root, entry)


def _encode_windows(windows: dict[str, int]) -> list[list]:
    """Four-character windows by count, each count's windows as one string of them in order:
    a few long strings parse many times faster than a pair per window, and weigh a third
    less."""
    by_count: dict[int, list[str]] = {}
    for window, count in windows.items():
        by_count.setdefault(count, []).append(window)
    return [[n, "".join(sorted(ws))] for n, ws in sorted(by_count.items())]


def _windows(raw: list) -> dict[str, int]:
    from termkit.check.frequency import N

    windows: dict[str, int] = {}
    for count, joined in raw:
        if typed(count, int) < 1 or len(typed(joined, str)) % N:
            raise ValueError("windows")
        windows.update(dict.fromkeys((joined[i : i + N] for i in range(0, len(joined), N)), count))
    return windows


@functools.lru_cache(maxsize=1)
def checker_digest() -> str:
    """A digest of the checker's code, which makes the corpus tables from a document (the
    extractor's, which it borrows, is in every entry's seal already)."""
    checker = sorted((Path(__file__).resolve().parent / "check").glob("*.py"))
    return sources_digest(hashlib.sha256(), checker).hexdigest()


def _encode_termbase(termbase: Termbase, paths: dict[str, int]) -> list | None:
    if termbase.conflicts or termbase.meta:
        return None
    concepts = [_encode_concept(c, paths) for c in termbase.concepts]
    return None if None in concepts else concepts


def _termbase(concepts: list, paths: list[str]) -> Termbase:
    return Termbase(tuple(_concept(c, paths) for c in concepts))


def _encode_dispute(d: Dispute, paths: dict[str, int]) -> list | None:
    options = [[o.key, o.logit, o.word, _encode_termbase(o.termbase, paths)] for o in d.options]
    if any(o[3] is None for o in options):
        return None
    return [_index(paths, d.path), d.line, d.column, options]


def _dispute(raw: list, paths: list[str]) -> Dispute:
    path, line, column, options = raw
    return Dispute(
        _path(paths, path),
        typed(line, int),
        typed(column, int),
        tuple(
            Option(typed(k, str), checked_number(logit), _termbase(c, paths), typed(word, bool))
            for k, logit, word, c in options
        ),
    )


def _index(paths: dict[str, int], path: str) -> int:
    return paths.setdefault(path, len(paths))


def _encode_concept(c: Concept, paths: dict[str, int]) -> list | None:
    """A concept as JSON values, paths as indexes into `paths`; None when it holds what
    extraction never gives (language varieties, unanalysed data) and no entry keeps."""
    if c.data or c.lang_data or any(t.variety or t.data for t in c.terms):
        return None
    terms = [
        [
            t.text,
            t.lang,
            t.type,
            t.status,
            t.count,
            [[_index(paths, loc.path), loc.line, loc.column] for loc in t.locations],
            [_index(paths, s) for s in t.sources],
            t.note,
        ]
        for t in c.terms
    ]
    sources = [_index(paths, s) for s in c.sources]
    return [c.id, terms, sources, c.note, c.definition, c.subject, c.confidence, c.evidence]


def _concept(raw: list, paths: list[str]) -> Concept:
    cid, terms, sources, note, definition, subject, confidence, evidence = raw
    return Concept(
        typed(cid, str),
        tuple(_term(t, paths) for t in terms),
        tuple(_path(paths, i) for i in sources),
        typed(note, str),
        typed(definition, str),
        typed(subject, str),
        checked_number(confidence),
        tuple(typed(e, str) for e in evidence),
    )


def _term(raw: list, paths: list[str]) -> Term:
    text, lang, type_, status, count, locations, sources, note = raw
    return Term(
        typed(text, str),
        checked_value(lang, LANGS),
        checked_value(type_, TERM_TYPES),
        checked_value(status, ("", *STATUSES)),
        typed(count, int),
        tuple(
            Location(_path(paths, p), typed(line, int), typed(column, int))
            for p, line, column in locations
        ),
        tuple(_path(paths, i) for i in sources),
        typed(note, str),
    )


def _path(paths: list[str], index: object) -> str:
    if type(index) is not int or not 0 <= index < len(paths):
        raise IndexError("path")
    return paths[index]
