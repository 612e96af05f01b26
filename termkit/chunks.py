"""The unit of parallel work: a chunk of documents, and what extracting it yields.

A worker extracts a whole chunk and returns one merged (unfinalized) termbase, so results cross
process or network boundaries once per chunk rather than once per document. Chunk results
combine associatively and in any order, like the termbases they hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from termkit.termbase.merge import merge
from termkit.termbase.model import Termbase

Chunk = tuple[str, ...]
# Documents per chunk at most: small enough for steady progress and load balance, large
# enough that pickling one termbase per chunk costs little.
MAX_CHUNK = 64


@dataclass(frozen=True)
class Tally:
    """Counts of a part of a build: documents read, their bytes (decompressed), how many came
    from the cache, and the files skipped as (path, message)."""

    documents: int = 0
    bytes: int = 0
    cached: int = 0
    failures: tuple[tuple[str, str], ...] = field(default=())

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.documents + other.documents,
            self.bytes + other.bytes,
            self.cached + other.cached,
            tuple(sorted(self.failures + other.failures)),
        )


@dataclass(frozen=True)
class ChunkResult:
    termbase: Termbase
    tally: Tally


def combine(a: ChunkResult, b: ChunkResult) -> ChunkResult:
    return ChunkResult(merge(a.termbase, b.termbase), a.tally + b.tally)


def tally_of(result: ChunkResult) -> Tally:
    """A chunk's counts without its termbase: what a driver needs to show progress."""
    return result.tally


def split(files: list[str], workers: int, size: int | None = None) -> list[Chunk]:
    """Consecutive chunks of `size` files; by default about four chunks per worker, at most
    MAX_CHUNK files each."""
    if size is None:
        size = min(MAX_CHUNK, math.ceil(len(files) / (4 * max(workers, 1))))
    size = max(size, 1)
    return [tuple(files[i : i + size]) for i in range(0, len(files), size)]
