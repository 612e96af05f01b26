"""Merged results of whole chunks of documents, so a rebuild neither reloads nor re-merges
every unchanged document.

A chunk's entry is keyed by the chunk's paths and their documents' cache keys (which already
hold the code and options), so it is found only when every document of the chunk is unchanged
and named alike. Chunks are cut where a path's hash says (`termkit.chunks.content_split`), so
adding or removing a document changes the chunk it falls in and no other. Entries are JSON,
never pickle, checked type by type on loading; a corrupt entry only misses.
"""

from __future__ import annotations

import json
from pathlib import Path

from termkit.cache import (
    LANGS,
    STATUSES,
    TERM_TYPES,
    ResultCache,
    checked_value,
    read_entry,
    write_entry,
)
from termkit.termbase.model import Concept, Location, Term, Termbase

_FORMAT = "termkit-chunk-cache"


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

    def get(self, key: str) -> tuple[Termbase, int] | None:
        """A chunk's merged termbase and its documents' bytes; None when missing or unusable."""
        entry = read_entry(self._entry(key), self._cache.root)
        try:
            if entry["format"] != _FORMAT or entry["key"] != key:
                return None
            paths = [_typed(p, str) for p in entry["paths"]]
            concepts = tuple(_concept(c, paths) for c in entry["concepts"])
            return Termbase(concepts), _typed(entry["bytes"], int)
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def put(self, key: str, termbase: Termbase, size: int) -> None:
        """Store a chunk's termbase; a full disk or read-only folder only costs a later rebuild."""
        if termbase.conflicts or termbase.meta:
            return
        paths: dict[str, int] = {}
        concepts = [_encode_concept(c, paths) for c in termbase.concepts]
        if None in concepts:
            return
        entry = {"format": _FORMAT, "key": key, "bytes": size, "paths": list(paths)}
        write_entry(self._entry(key), self._cache.root, {**entry, "concepts": concepts})


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
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise TypeError("confidence")
    return Concept(
        _typed(cid, str),
        tuple(_term(t, paths) for t in terms),
        tuple(_path(paths, i) for i in sources),
        _typed(note, str),
        _typed(definition, str),
        _typed(subject, str),
        float(confidence),
        tuple(_typed(e, str) for e in evidence),
    )


def _term(raw: list, paths: list[str]) -> Term:
    text, lang, type_, status, count, locations, sources, note = raw
    return Term(
        _typed(text, str),
        checked_value(lang, LANGS),
        checked_value(type_, TERM_TYPES),
        checked_value(status, ("", *STATUSES)),
        _typed(count, int),
        tuple(
            Location(_path(paths, p), _typed(line, int), _typed(column, int))
            for p, line, column in locations
        ),
        tuple(_path(paths, i) for i in sources),
        _typed(note, str),
    )


def _path(paths: list[str], index: object) -> str:
    if type(index) is not int or not 0 <= index < len(paths):
        raise IndexError("path")
    return paths[index]


def _typed(value: object, kind: type) -> object:
    """`value` if it is exactly of `kind` (a bool is no int here), else TypeError."""
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}")
    return value
