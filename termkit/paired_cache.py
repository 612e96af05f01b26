"""What a twin decides of its term pairs before the corpus judges them
(`termkit.align.pairing.DocumentPairs`), kept under the document's cache key, which holds both
files' bytes: a rebuild that loads the document from the cache neither aligns the twin again
nor loses its candidates and count table, which the corpus's table is the sum of.

Entries are JSON, never pickle, checked type by type on loading, like every cache file
(`termkit.cache`); they are sealed with the digest of the aligner's and the pairing's code and
weights too, which a document's own entry does not cover. A corrupt or stale entry only
misses: the build aligns the twin again.
"""

from __future__ import annotations

import functools
import hashlib
from array import array
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from termkit.cache import ResultCache, checked_number, read_entry, typed, write_entry
from termkit.termbase.model import Location
from termkit.user_cache import sources_digest

if TYPE_CHECKING:
    from termkit.align.pairing import DocumentPairs, TermPair

_FORMAT = "termkit-paired-terms-2"
_PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def pairing_digest() -> str:
    """A digest of the aligner's and the pairing's code and fitted weights."""
    sources = sorted((_PACKAGE / "align").glob("*.py"))
    digest = sources_digest(hashlib.sha256(), sources)
    for name in ("pairing_weights.json", "align_weights.json"):
        digest.update(name.encode() + b"\0" + (_PACKAGE / "data" / name).read_bytes() + b"\0")
    return digest.hexdigest()


class PairedCache:
    """A twin's `DocumentPairs` under its document's cache key. An entry names the two files,
    and serves only the same two names."""

    def __init__(self, cache: ResultCache) -> None:
        self._cache = cache
        self.folder = cache.folder / "paired"

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, zh: str, en: str) -> DocumentPairs | None:
        """The pairing evidence of the twins `zh` and `en`; None when missing or unusable."""
        entry = read_entry(self._entry(key), self._cache.root)
        try:
            if (entry["format"], entry["key"], entry["code"], entry["twins"]) != (
                _FORMAT,
                key,
                pairing_digest(),
                [zh, en],
            ):
                return None
            return _decode(entry["pairs"])
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def put(self, key: str, zh: str, en: str, part: DocumentPairs) -> None:
        entry = {"format": _FORMAT, "key": key, "code": pairing_digest(), "twins": [zh, en]}
        write_entry(self._entry(key), self._cache.root, {**entry, "pairs": _encode(part)})


def _encode(part: DocumentPairs) -> dict:

    table = part.table
    return {
        "bracket": [_encode_pair(p) for p in part.bracket],
        "candidates": [[zh, en, list(beads), list(v)] for zh, en, beads, v in part.packed],
        "written": part.written,
        "full_forms": part.full_forms,
        "long_forms": part.long_forms,
        "documents": list(part.documents),
        "locations": [_encode_location(loc) for loc in part.locations],
        "zh": sorted(table.zh.items()),
        "en": sorted(table.en.items()),
        "joint": sorted([s, a, n] for (s, a), n in table.joint.items()),
        "sides": sorted(
            [s, "".join(sorted(left)), "".join(sorted(right))]
            for s, (left, right) in table.sides.items()
        ),
        "mine": part.mine,
    }


def _decode(raw: dict) -> DocumentPairs:
    from termkit.align.evidence import FEATURES, CountTable
    from termkit.align.pairing import DocumentPairs

    documents = tuple(_str(d) for d in raw["documents"])
    packed = []
    for zh, en, beads, values in raw["candidates"]:
        if len(values) != len(FEATURES):
            raise ValueError("features")
        beads = tuple(typed(k, int) for k in beads)
        if any(not 0 <= k < len(documents) for k in beads):
            raise IndexError("bead")
        packed.append((_str(zh), _str(en), beads, array("d", map(checked_number, values))))
    table = CountTable(
        Counter({_str(s): typed(n, int) for s, n in raw["zh"]}),
        Counter({_str(a): typed(n, int) for a, n in raw["en"]}),
        Counter({(_str(s), _str(a)): typed(n, int) for s, a, n in raw["joint"]}),
        {
            _str(s): (frozenset(_str(left)), frozenset(_str(right)))
            for s, left, right in raw["sides"]
        },
    )
    return DocumentPairs(
        tuple(_decode_pair(p) for p in raw["bracket"]),
        tuple(packed),
        _strings(raw["written"]),
        _strings(raw["full_forms"]),
        _strings(raw["long_forms"]),
        documents,
        tuple(None if loc is None else _location(loc) for loc in raw["locations"]),
        table,
        typed(raw["mine"], bool),
    )


def _encode_pair(p: TermPair) -> list:
    return [
        p.zh_full,
        p.zh_short,
        p.en_acronym,
        p.en_full,
        p.pairs,
        list(p.documents),
        list(p.evidence),
        [_encode_location(loc) for loc in p.locations],
        p.confidence,
    ]


def _decode_pair(raw: list) -> TermPair:
    from termkit.align.pairing import TermPair

    zh_full, zh_short, en_acronym, en_full, pairs, documents, evidence, locations, confidence = raw
    return TermPair(
        _str(zh_full),
        _str(zh_short),
        _str(en_acronym),
        _str(en_full),
        typed(pairs, int),
        tuple(_str(d) for d in documents),
        tuple(_str(e) for e in evidence),
        tuple(_location(loc) for loc in locations),
        checked_number(confidence),
    )


def _encode_location(loc: Location | None) -> list | None:
    return None if loc is None else [loc.path, loc.line, loc.column]


def _location(raw: list) -> Location:
    path, line, column = raw
    return Location(_str(path), typed(line, int), typed(column, int))


def _strings(raw: dict) -> dict[str, str]:
    return {_str(k): _str(v) for k, v in typed(raw, dict).items()}


def _str(value: object) -> str:
    return typed(value, str)
