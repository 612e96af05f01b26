"""Parsed glossaries kept between checks, so that a pre-commit check does not parse the same
20,000-concept CSV or TBX again on every commit.

An entry is keyed by the glossary file's bytes, its name's extension (which picks the format),
the reading options and a digest of the code that parses and models glossaries: an edited
glossary, another format or another termkit never gets an old entry. Entries are plain JSON,
never pickle, so a damaged or foreign entry cannot run code; it is checked on loading and, when
anything is amiss, the glossary is simply parsed again. A check reads a glossary's table
(`load_table`: its index whole, a concept a line, decoded when first asked for), other commands
the whole termbase (`load_keyed`). The folder is `$TERMKIT_CACHE_DIR`
(empty: no cache), else `$XDG_CACHE_HOME/termkit`, else `~/.cache/termkit`; it keeps the
MAX_ENTRIES most recently written glossaries.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from termkit import user_cache
from termkit.heap import no_cyclic_gc
from termkit.termbase.model import Concept, Conflict, Datum, Location, Term, Termbase

if TYPE_CHECKING:
    from termkit.check.glossary import Table

_FORMAT = "termkit-glossary-cache-2"
_TABLE_FORMAT = "termkit-glossary-table-2"
_DECODER = json.JSONDecoder()
MAX_ENTRIES = 32
_PACKAGE = Path(__file__).resolve().parent
# The code a parsed glossary and its terms' matching keys depend on: the readers, the model,
# the text layer, the checker's key and this module.
_SHAPING = ("formats", "termbase", "text")
_SHAPING_FILES = ("glossary_cache.py", "check/glossary.py")


def folder() -> Path | None:
    """Where entries live; None when the user turned the cache off."""
    return user_cache.folder("glossaries")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    import opencc  # its dictionaries make the keys

    shaping = [p for d in _SHAPING for p in (_PACKAGE / d).glob("*.py")]
    sources = sorted([*shaping, *(_PACKAGE / f for f in _SHAPING_FILES)])
    return user_cache.sources_digest(
        hashlib.sha256(opencc.__version__.encode() + b"\0"), sources
    ).hexdigest()


Keyed = tuple[Termbase, list[str]]


def load_keyed(path: str | Path, lenient: bool = False) -> Keyed:
    """`termkit.formats.registry.load_glossary` and the matching key of each of its terms
    (`termkit.check.glossary.match_keys`), from the cache when the same bytes were read before
    by the same code."""
    where, data = _source(path)
    if data is None or where is None:
        return _parse(path, lenient)
    key = _key(_FORMAT, path, lenient, data)
    entry = where / f"{key}.json"
    cached = _read(entry, key)
    if cached is not None:
        return cached
    keyed = _parse(path, lenient)
    if _cacheable():
        termbase, keys = keyed
        body = json.dumps([_encode(termbase), keys], ensure_ascii=False, separators=(",", ":"))
        _store(where, entry, key, body.encode())
    return keyed


def load_table(path: str | Path, lenient: bool = False) -> Table:
    """The glossary as the checker's index files it (`termkit.check.glossary.Table`), from the
    cache when the same bytes were read before by the same code. Such an entry holds the
    index on one line and each concept on a line of its own: a check reads the index whole
    and decodes a concept only when a rule first asks for it (a 1 MB check against 20,000
    concepts asks for a quarter of them)."""
    from termkit.check.glossary import table_of

    where, data = _source(path)
    if data is None or where is None:
        return table_of(*_parse(path, lenient))
    key = _key(_TABLE_FORMAT, path, lenient, data)
    entry = where / f"{key}.json"
    cached = _read_table(entry, key)
    if cached is not None:
        return cached
    termbase, keys = _parse(path, lenient)
    table = table_of(termbase, keys)
    if _cacheable():
        index = [table.refs, sorted(table.full), sorted(table.short)]
        lines = [index, *map(_encode, termbase.concepts)]
        body = "\n".join(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in lines)
        _store(where, entry, key, body.encode())
    return table


def _source(path: str | Path) -> tuple[Path | None, bytes | None]:
    """The cache folder and the glossary's bytes (None when either is not to be had)."""
    where = folder()
    try:
        return where, Path(path).read_bytes() if where is not None else None
    except OSError:
        return where, None  # the reader reports it, in its own words


def _parse(path: str | Path, lenient: bool) -> Keyed:
    from termkit.check.glossary import match_keys
    from termkit.formats import registry

    termbase = registry.load_glossary(path, lenient)
    return termbase, match_keys(termbase)


def _key(kind: str, path: str | Path, lenient: bool, data: bytes) -> str:
    salt = json.dumps([kind, code_digest(), Path(path).suffix.lower(), lenient])
    return hashlib.sha256(salt.encode() + b"\0" + data).hexdigest()


def _body(entry: Path, key: str) -> bytes | None:
    """An entry's body if it is whole, of this key and of this model's fields."""
    if entry.is_symlink():  # a link planted in the cache folder is never followed
        return None
    head, _, body = entry.read_bytes().partition(b"\n")
    meta = json.loads(head)
    return body if meta == _header(key, hashlib.sha256(body).hexdigest()) else None


def _read(entry: Path, key: str) -> Keyed | None:
    """The entry's termbase and keys if it is whole and fits the model."""
    try:
        body = _body(entry, key)
        if body is None:
            return None
        with no_cyclic_gc():
            raw, keys = json.loads(body)
            termbase = _decode(Termbase, raw)
        terms = sum(len(c.terms) for c in termbase.concepts)
        if len(keys) != terms or not all(isinstance(k, str) for k in keys):
            return None
        return termbase, keys
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None


def _read_table(entry: Path, key: str) -> Table | None:
    """The entry's table if it is whole; its concepts stay undecoded lines."""
    from termkit.check.glossary import Table

    try:
        body = _body(entry, key)
        if body is None:
            return None
        index, *rows = body.split(b"\n")
        refs, full, short = json.loads(index)
        if not (isinstance(refs, dict) and isinstance(full, list) and isinstance(short, list)):
            return None
        return Table(refs, frozenset(full), frozenset(short), _Concepts(entry, rows))
    except (OSError, ValueError, TypeError):
        return None


class _Concepts:
    """The concepts of a table entry, each decoded from its line when first asked for."""

    def __init__(self, entry: Path, rows: list[bytes]) -> None:
        self.entry = entry
        self.rows = rows
        self.made: dict[int, Concept] = {}

    def __call__(self, index: int) -> Concept:
        made = self.made.get(index)
        if made is None:
            try:
                # raw_decode of the line's text: a third of what json.loads costs on a line,
                # which checks its encoding and wraps the same scanner.
                text = self.rows[index].decode()
                raw, end = _DECODER.raw_decode(text)
                if end != len(text):
                    raise ValueError("more than one concept on the line")
                made = self.made[index] = _decode(Concept, raw)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
                # Imported here, not before each concept's first decoding: an import statement
                # costs microseconds even when the module is loaded (5,000 concepts: 25 ms).
                from termkit.errors import InputError

                why = f"{type(exc).__name__}: {exc}"
                raise InputError(f"{self.entry}: damaged glossary cache entry ({why})") from None
        return made


def _store(where: Path, entry: Path, key: str, body: bytes) -> None:
    """Store an entry and drop the oldest beyond MAX_ENTRIES; a read-only or full disk only
    costs the next check a parse."""
    from termkit.errors import InputError
    from termkit.io import atomic_write

    head = json.dumps(_header(key, hashlib.sha256(body).hexdigest())).encode()
    with contextlib.suppress(OSError, ValueError, InputError):
        where.mkdir(parents=True, exist_ok=True)
        with atomic_write(entry, "wb", follow_symlinks=False, durable=False) as handle:
            handle.write(head + b"\n" + body)
        entries = sorted(where.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink()


def _header(key: str, checksum: str) -> list:
    """What an entry must say of itself: its key, its body's checksum (a torn or damaged entry
    fails it) and the model's fields (an entry of another model is not read)."""
    return [_FORMAT, key, checksum, {c.__name__: list(names) for c, names in _NAMES.items()}]


# How to make each tuple field of the model from its JSON list, by class; other fields are
# strings and numbers as they are. A model with a tuple field not named here is not cached.
_TUPLES: dict[type, dict[str, Callable[[list], tuple]]] = {
    Termbase: {
        "concepts": lambda v: tuple([_decode(Concept, c) for c in v]),
        "conflicts": lambda v: tuple([_decode(Conflict, c) for c in v]),
        "meta": lambda v: tuple(map(tuple, v)),
        "back": lambda v: tuple(map(Datum.from_json, v)),
    },
    Concept: {
        "terms": lambda v: tuple([_decode(Term, t) for t in v]),
        "sources": tuple,
        "evidence": tuple,
        "data": lambda v: tuple(map(Datum.from_json, v)),
        "lang_data": lambda v: tuple((str(lang), Datum.from_json(d)) for lang, d in v),
    },
    Term: {
        "locations": lambda v: tuple([_decode(Location, loc) for loc in v]),
        "sources": tuple,
        "data": lambda v: tuple(map(Datum.from_json, v)),
    },
    Conflict: {"concepts": tuple, "forms": tuple},
    Location: {},
}
_NAMES = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TUPLES}
# The same makers by field index, as `_decode` applies them.
_MAKERS = {
    cls: [(_NAMES[cls].index(n), m) for n, m in ms.items() if n in _NAMES[cls]]
    for cls, ms in _TUPLES.items()
}


def _cacheable() -> bool:
    """Every tuple field of the model has its maker above."""
    return all(
        f.name in _TUPLES[cls]
        for cls in _TUPLES
        for f in dataclasses.fields(cls)
        if f.default == () or "tuple" in str(f.type)
    )


def _encode(value: object) -> object:
    if isinstance(value, Datum):
        return value.to_json()
    if dataclasses.is_dataclass(value):
        return [_encode(getattr(value, name)) for name in _NAMES[type(value)]]
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def _decode(cls: type, raw: list) -> object:
    """An instance of a model class from its field values, made as unpickling makes one (no
    `__init__`, which a frozen dataclass makes slow), so that a cached glossary loads faster
    than any reader parses it."""
    for i, make in _MAKERS[cls]:
        raw[i] = make(raw[i]) if raw[i] else ()  # most are empty: () without a call
    made = cls.__new__(cls)
    made.__dict__.update(zip(_NAMES[cls], raw, strict=True))
    return made
