"""A folder of per-document results, so that a rebuild redoes only new or changed documents.

An entry is keyed by the document's bytes (decompressed), the extractor's version, the
termbase model's fields and the options that change the result, never by the document's path:
a moved or copied document is still found, and its path is stamped back in on loading.

Entries are JSON, never pickle: loading a foreign or corrupt entry from a shared folder cannot
run code, it only misses and the document is extracted again. Entries are written to a
temporary file and renamed, so builds sharing one folder see whole entries or none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from pathlib import Path

from termkit.errors import InputError
from termkit.extract.extractor import EXTRACTOR_VERSION
from termkit.io import atomic_write
from termkit.termbase.model import Concept, Location, Term, Termbase

_FORMAT = "termkit-document-cache"
# A change to the model's fields changes every key, so an old entry is never misread.
_SCHEMA = "|".join(
    ",".join(f.name for f in dataclasses.fields(cls)) for cls in (Concept, Term, Location, Termbase)
)


class ResultCache:
    def __init__(self, folder: str | Path, encoding: str | None, min_confidence: float) -> None:
        self.folder = Path(folder) / f"v{EXTRACTOR_VERSION}"
        self._salt = json.dumps(
            [_FORMAT, EXTRACTOR_VERSION, _SCHEMA, encoding, min_confidence]
        ).encode("utf-8")

    def prepare(self) -> None:
        """Create the folder up front: an unusable cache is the user's error, reported once."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cache folder {self.folder}: {exc.strerror or exc}") from None

    def key(self, data: bytes) -> str:
        return hashlib.sha256(self._salt + b"\0" + data).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> Termbase | None:
        """The cached termbase of a document, stamped with `path`; None when missing or unusable."""
        try:
            entry = json.loads(self._entry(key).read_text(encoding="utf-8"))
            if entry["format"] != _FORMAT or entry["key"] != key:
                return None
            return Termbase(tuple(_concept(c, path) for c in entry["concepts"]))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, key: str, path: str, termbase: Termbase) -> None:
        """Store a one-document termbase. A full disk or a read-only folder only costs a later
        recomputation, never the build."""
        concepts = [_encode_concept(c, path) for c in termbase.concepts]
        if termbase.conflicts or termbase.meta or None in concepts:
            return
        entry = {"format": _FORMAT, "key": key, "concepts": concepts}
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        target = self._entry(key)
        with contextlib.suppress(OSError, UnicodeError):
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(target) as handle:
                handle.write(text)


def _encode_concept(c: Concept, path: str) -> list | None:
    """A concept without its path, or None when it holds more than the one document."""
    terms = []
    for t in c.terms:
        if t.sources != (path,) or any(loc.path != path for loc in t.locations):
            return None
        locations = [[loc.line, loc.column] for loc in t.locations]
        terms.append([t.text, t.lang, t.type, t.status, t.count, locations, t.note])
    if c.sources != (path,):
        return None
    return [c.id, terms, c.note, c.definition, c.subject, c.confidence, list(c.evidence)]


def _concept(raw: list, path: str) -> Concept:
    cid, terms, note, definition, subject, confidence, evidence = raw
    if not isinstance(confidence, float | int) or isinstance(confidence, bool):
        raise TypeError("confidence")
    return Concept(
        _str(cid),
        tuple(_term(t, path) for t in terms),
        (path,),
        _str(note),
        _str(definition),
        _str(subject),
        float(confidence),
        tuple(_str(e) for e in evidence),
    )


def _term(raw: list, path: str) -> Term:
    text, lang, type_, status, count, locations, note = raw
    return Term(
        _str(text),
        _str(lang),
        _str(type_),
        _str(status),
        _int(count),
        tuple(Location(path, _int(line), _int(column)) for line, column in locations),
        (path,),
        _str(note),
    )


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value
