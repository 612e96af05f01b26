"""The unit of parallel work: a chunk of documents, and what extracting it yields.

A worker extracts a whole chunk and returns one merged (unfinalized) termbase, so results cross
process or network boundaries once per chunk rather than once per document. Chunk results
combine associatively and in any order, like the termbases they hold.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from termkit.corpus import Counts, Dispute, add_counts
from termkit.termbase.merge import merge
from termkit.termbase.model import Termbase

if TYPE_CHECKING:
    from termkit.align.evidence import CountTable
    from termkit.align.pairing import DocumentPairs
    from termkit.check.corpus_tables import Tables

Chunk = tuple[str, ...]
_T = TypeVar("_T")
# Documents per chunk at most: small enough for steady progress and load balance, large
# enough that pickling one termbase per chunk costs little.
MAX_CHUNK = 64
# The last chunks' size at the least: shorter ones would cost more in results sent than
# they save in waiting.
MIN_CHUNK = 4
# The same on a Dask cluster, where each chunk's tasks cost the scheduler, a worker and the
# client some 17 ms of CPU in all, as much as extracting six documents (bench/scale.py).
MIN_TASK_CHUNK = 16
# And the most: on a cluster the shrinking tail keeps the workers busy to the end, and a task
# per 64 documents (73 chunks, 72 merges and 73 tallies a pass on 4,000 documents) cost more
# than the balance it bought.
MAX_TASK_CHUNK = 256
# The mean size of content-defined chunks, and their cap at a run of unlucky hashes.
CONTENT_CHUNK = 128
# The mean number of content-defined chunks in a group (`content_groups`).
CONTENT_GROUP = 8


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
    """A chunk's merged termbase, its counts, and the cache key of each document read (path,
    key), for the driver's index of unchanged files; the doubtful definitions held back for
    the corpus's evidence (`termkit.corpus`), in document order; from the corpus pass, the
    disputed candidates' occurrences in the chunk by left context (`counts`); from the
    tables pass of `build --usage`, the chunk's rows of the corpus tables (`tables`); for
    each English twin the chunk aligned, (Chinese path, English path, what the twin decides
    of its term pairs, without its count table), so that the build aligns a twin once
    (`equivalents`), and the sum of those twins' count tables (`pairing`), by which the
    build judges every twin's running-text pairs once the reduce is done."""

    termbase: Termbase
    tally: Tally
    keys: tuple[tuple[str, str], ...] = ()
    disputes: tuple[Dispute, ...] = ()
    counts: Counts = ()
    tables: Tables | None = None
    equivalents: tuple[tuple[str, str, DocumentPairs], ...] = ()
    pairing: CountTable | None = None


def combine(a: ChunkResult, b: ChunkResult) -> ChunkResult:
    return ChunkResult(
        merge(a.termbase, b.termbase),
        a.tally + b.tally,
        a.keys + b.keys,
        tuple(sorted(a.disputes + b.disputes, key=attrgetter("order"))),
        add_counts(a.counts, b.counts),
        _added(a.tables, b.tables),
        tuple(sorted(a.equivalents + b.equivalents, key=lambda e: e[:2])),
        _added(a.pairing, b.pairing),
    )


def _added(a: _T | None, b: _T | None) -> _T | None:
    """The sum of two optional tables (corpus tables, count tables)."""
    return b if a is None else a if b is None else a + b


def tally_of(result: ChunkResult) -> Tally:
    """A chunk's counts without its termbase: what a driver needs to show progress."""
    return result.tally


def split(
    files: list[str],
    workers: int,
    size: int | None = None,
    least: int = MIN_CHUNK,
    most: int = MAX_CHUNK,
) -> list[Chunk]:
    """Consecutive chunks of `size` files; by default chunks that shrink as the list runs out
    (a quarter of each worker's share of what is left, `least` to `most` files), so that the
    last chunks are short and no worker is left running a long one while the others idle."""
    if size is not None:
        size = max(size, 1)
        return [tuple(files[i : i + size]) for i in range(0, len(files), size)]
    chunks: list[Chunk] = []
    start = 0
    while start < len(files):
        share = math.ceil((len(files) - start) / (4 * max(workers, 1)))
        step = min(most, max(least, share))
        chunks.append(tuple(files[start : start + step]))
        start += step
    return chunks


def content_split(files: list[str], size: int = CONTENT_CHUNK) -> list[Chunk]:
    """Chunks of the sorted paths, each ending at a path whose hash is 0 modulo `size` (or at
    4 × `size` paths): a document added or removed changes the chunk it falls in, no other,
    so the other chunks' cached results still apply."""
    chunks: list[Chunk] = []
    current: list[str] = []
    for path in sorted(files):
        current.append(path)
        if _path_hash(path) % size == 0 or len(current) >= 4 * size:
            chunks.append(tuple(current))
            current = []
    if current:
        chunks.append(tuple(current))
    return chunks


def content_groups(chunks: list[Chunk], size: int = CONTENT_GROUP) -> list[list[Chunk]]:
    """Runs of consecutive chunks of `content_split`, cut one level up the same way: each
    ends at a chunk whose last path's hash, in bits the chunks' cut does not read, is 0
    modulo `size` (or at 4 × `size` chunks). A document added or removed changes its
    chunk and so its group, no other: a rebuild loads every other group as one merged
    entry instead of each of its chunks."""
    groups: list[list[Chunk]] = []
    current: list[Chunk] = []
    for chunk in chunks:
        current.append(chunk)
        if (_path_hash(chunk[-1]) >> 32) % size == 0 or len(current) >= 4 * size:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _path_hash(path: str) -> int:
    digest = hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")
