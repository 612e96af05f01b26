"""Build a glossary from documents: extract each one, merge, finalize.

The same build runs in one process, in worker processes on every core (`jobs`) or on a Dask
cluster (`scheduler`), and gives the same glossary: extraction is a pure function of one
document and merging is associative and order-independent, so only the speed depends on how
the documents are split into chunks and where the chunks run.
"""

from __future__ import annotations

import operator
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from termkit.cache import ResultCache
from termkit.chunk_cache import ChunkCache, CountCache, TablesCache
from termkit.chunks import (
    CONTENT_CHUNK,
    MAX_TASK_CHUNK,
    MIN_CHUNK,
    MIN_TASK_CHUNK,
    Chunk,
    ChunkResult,
    Tally,
    combine,
    content_groups,
    content_split,
    split,
)
from termkit.corpus import (
    Counts,
    Dispute,
    add_counts,
    analysed,
    candidate_keys,
    disputes_of,
    document_counts,
    fitted_rule,
    resolve,
    varieties,
)
from termkit.errors import InputError
from termkit.extract.extractor import DocumentResult, extract_document
from termkit.extract.recurrence import CandidateCounter
from termkit.paired_cache import PairedCache
from termkit.progress import progress_bar
from termkit.stamps import Stamp, StampIndex, stamp
from termkit.termbase.merge import finalize, from_definitions, merge
from termkit.termbase.model import Definition, Termbase
from termkit.text.decode import decode_bytes, read_bytes, read_document
from termkit.text.normalize import normalize
from termkit.tree import TreeReducer

if TYPE_CHECKING:  # the checker's modules load only for `build --usage`, the aligner's
    from termkit.align.evidence import CountTable  # for twins
    from termkit.align.pairing import DocumentPairs
    from termkit.check.corpus_tables import Forms, Tables

DEFAULT_MIN_CONFIDENCE = 0.5


def document_termbase(
    result: DocumentResult, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Termbase:
    """One document's contribution to the glossary as the document alone decides it: a pure
    function of the document. The candidates a boundary weighed stay in the glossary's
    evidence only when it was doubtful, so that a reviewer sees those at a glance and the
    evidence does not grow with the corpus."""
    return from_definitions(_kept(result, min_confidence), result.usage)


def document_part(
    result: DocumentResult, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> tuple[Termbase, tuple[Dispute, ...]]:
    """A document's contribution to a corpus build: the termbase of what it decides alone,
    and its doubtful boundaries, held back for the corpus's evidence (`termkit.corpus`)."""
    decided, disputes = disputes_of(
        _kept(result, min_confidence), result.usage, fitted_rule().options
    )
    return from_definitions(decided, result.usage), tuple(disputes)


def _kept(result: DocumentResult, min_confidence: float) -> list[Definition]:
    return [_reviewable(d) for d in result.definitions if d.confidence >= min_confidence]


def _reviewable(definition: Definition) -> Definition:
    if "boundary:doubtful" in definition.evidence:
        return definition
    evidence = tuple(e for e in definition.evidence if not e.startswith(("weighed:", "why:")))
    return replace(definition, evidence=evidence)


@dataclass(frozen=True)
class Extraction:
    """Extract a chunk of documents into one merged, unfinalized termbase.

    A plain picklable value, so that a worker process or a Dask worker can run it. A document
    that cannot be read is recorded in the tally and skipped; with `strict` the chunk stops there.
    """

    encoding: str | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    cache: str | None = None
    strict: bool = False
    revisions: str = "accepted"  # Word tracked changes: accepted or original
    # (Chinese file, its English twin): the English name decides boundaries too
    twins: tuple[tuple[str, str], ...] = ()

    def __call__(self, chunk: Chunk) -> ChunkResult:
        cache = (
            ResultCache(self.cache, self.encoding, self.min_confidence, self.revisions)
            if self.cache
            else None
        )
        reducer: TreeReducer[Termbase] = TreeReducer(merge)
        tally = Tally()
        keys: list[tuple[str, str]] = []
        disputes: list[Dispute] = []
        equivalents: list[tuple[str, str, DocumentPairs]] = []
        for path in chunk:
            try:
                (termbase, held), size, hit, key = self._document(path, cache, equivalents)
            except InputError as exc:
                tally += Tally(failures=((path, str(exc)),))
                if self.strict:
                    break
                continue
            reducer.add(termbase)
            disputes.extend(held)
            tally += Tally(1, size, int(hit))
            keys.append((path, key))
        merged = reducer.result()
        tables: TreeReducer[CountTable] = TreeReducer(operator.add)
        for _, _, part in equivalents:
            tables.add(part.table)
        result = ChunkResult(
            merged if merged is not None else Termbase(),
            tally,
            tuple(keys),
            tuple(sorted(disputes, key=attrgetter("order"))),
            # each twin's count table travels once, in the chunk's sum
            equivalents=tuple((zh, en, part.without_table()) for zh, en, part in equivalents),
            pairing=tables.result(),
        )
        if cache is not None and len(keys) == len(chunk):
            chunks = ChunkCache(cache)
            chunks.put(chunks.key(keys), result.termbase, tally.bytes, result.disputes)
        return result

    def _document(
        self,
        path: str,
        cache: ResultCache | None,
        equivalents: list[tuple[str, str, DocumentPairs]],
    ) -> tuple[tuple[Termbase, tuple[Dispute, ...]], int, bool, str]:
        """One document's part (termbase and disputes), its size, whether it came from the
        cache, and its key; a document extracted with its English twin adds what the two
        decide of their term pairs to `equivalents`, from the same alignment."""
        data = read_bytes(path)
        twin = dict(self.twins).get(path)
        # a twin's result depends on both files
        keyed = data if twin is None else data + b"\0english twin\0" + read_bytes(twin)
        key = cache.key(keyed) if cache else ""
        cached = cache.get(key, path) if cache else None
        if cached is not None:
            return cached, len(data), True, key
        beads = None
        if twin is not None:
            from termkit.align import align_files
            from termkit.extract.english_extent import english_by_line

            beads = align_files(path, twin, encoding=self.encoding, revisions=self.revisions)
        document = extract_document(
            decode_bytes(data, path, self.encoding, self.revisions),
            english_of=None if beads is None else english_by_line(beads),
        )
        part = document_part(document, self.min_confidence)
        if cache:
            cache.put(key, path, *part)
        if beads is not None:
            from termkit.align.pairing import twin_pairs

            paired = twin_pairs(beads, path, twin, document.definitions)
            equivalents.append((path, twin, paired))
            if cache:
                PairedCache(cache).put(key, path, twin, paired)
        return part, len(data), False, key


@dataclass(frozen=True)
class Recount:
    """The corpus pass over a chunk: every occurrence of every disputed candidate (`keys`) in
    its documents, by the character before it; with a cache, the counts and the documents'
    analysed texts are kept for the next rebuild (`CountCache`), and a document's text is
    taken from the texts entry `known` names for its cache key instead of being analysed
    again. Picklable, like `Extraction`; a document that cannot be read any more counts
    nothing."""

    keys: tuple[str, ...]
    encoding: str | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    cache: str | None = None
    revisions: str = "accepted"
    known: tuple[tuple[str, str], ...] = ()  # (document cache key, chunk key of its text)

    def __call__(self, chunk: Chunk) -> ChunkResult:
        counter = CandidateCounter(self.keys)
        counts: Counts = ()
        documents: list[tuple[str, str]] = []
        texts: list[tuple[str, str]] = []
        cache = (
            ResultCache(self.cache, self.encoding, self.min_confidence, self.revisions)
            if self.cache
            else None
        )
        kept = _KeptTexts(CountCache(cache), dict(self.known)) if cache else None
        for path in chunk:
            try:
                data = read_bytes(path)
                key = cache.key(data) if cache else ""
                text = kept.get(key) if kept else None
                if text is None:
                    decoded = decode_bytes(data, path, self.encoding, self.revisions)
                    text = analysed(decoded.text)
            except InputError:
                continue
            counts = add_counts(counts, document_counts(counter, text))
            documents.append((path, key))
            texts.append((key, text))
        if cache is not None and len(documents) == len(chunk):
            store, key = CountCache(cache), ChunkCache(cache).key(documents)
            store.put(key, tuple(counter.keys), counts)
            store.put_texts(key, texts)
        return ChunkResult(Termbase(), Tally(), counts=counts)


class _KeptTexts:
    """Analysed texts of documents by cache key, from the texts entries of other chunks."""

    def __init__(self, store: CountCache, known: dict[str, str]) -> None:
        self._store, self._known = store, known
        self._entries: dict[str, dict[str, str]] = {}

    def get(self, key: str) -> str | None:
        chunk_key = self._known.get(key)
        if chunk_key is None:
            return None
        if chunk_key not in self._entries:
            self._entries[chunk_key] = dict(self._store.texts(chunk_key) or ())
        return self._entries[chunk_key].get(key)


@dataclass(frozen=True)
class Tabulation:
    """The tables pass of `build --usage` over a chunk: both corpus tables' rows of its
    documents for the glossary's `forms` (`termkit.check.corpus_tables`); with a cache, kept
    per chunk (`TablesCache`) under the chunk's documents' keys (`known`: path -> document
    cache key, from the build). Picklable, like `Extraction`; a document that cannot be read
    any more counts nothing."""

    forms: Forms
    encoding: str | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    cache: str | None = None
    revisions: str = "accepted"
    known: tuple[tuple[str, str], ...] = ()

    def __call__(self, chunk: Chunk) -> ChunkResult:
        from termkit.check.corpus_tables import Tables, Texts, document_tables
        from termkit.check.document import Analysed

        reducer: TreeReducer[Tables] = TreeReducer(operator.add)
        docs = []
        for path in chunk:
            try:
                doc = Analysed(read_document(path, self.encoding, self.revisions).text)
            except InputError:
                continue
            reducer.add(document_tables(doc, self.forms))
            docs.append(doc)
        tables = reducer.result() or Tables()
        if self.cache and len(docs) == len(chunk):
            cache = ResultCache(self.cache, self.encoding, self.min_confidence, self.revisions)
            known = dict(self.known)
            key = ChunkCache(cache).key([(p, known[p]) for p in chunk])
            texts, store = Texts.of(docs), TablesCache(cache)
            store.put(
                key, tables, self.forms.digest(), self.forms.present(texts.keys, texts.folded)
            )
            store.put_texts(key, texts)
        return ChunkResult(Termbase(), Tally(), tables=tables)


@dataclass(frozen=True)
class Build:
    """A finalized glossary and the counts of its build (documents, bytes, cache hits, skips),
    with the (path, document cache key) of every document read, for a later pass over them
    (`corpus_tables`), and the terms paired across each twin it read (Chinese path, English
    path, termbase), judged by the count table of all the twins."""

    termbase: Termbase
    files: int
    tally: Tally
    keys: tuple[tuple[str, str], ...] = ()
    equivalents: tuple[tuple[str, str, Termbase], ...] = ()


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def build_corpus(
    paths: Iterable[str],
    *,
    encoding: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache: str | Path | None = None,
    strict: bool = False,
    progress: Callable[[Tally], None] | None = None,
    chunk_size: int | None = None,
    revisions: str = "accepted",
    twins: Iterable[tuple[str, str]] = (),
) -> Build:
    """The glossary of a corpus, built in one process (`jobs=1`), in `jobs` worker processes
    (default: every core) or on the Dask cluster at `scheduler`, always with the same result.

    `cache` is a folder of per-document results. Unreadable files are skipped and listed in the
    tally; with `strict` the first one raises InputError. `progress` is called with the tally
    of every chunk as it finishes. `twins` pairs a Chinese file of `paths` with its English
    translation, whose names decide that file's boundaries too.
    """
    files = list(paths)
    workers = default_jobs() if jobs is None else jobs
    if workers < 1:
        raise InputError(f"--jobs must be at least 1, not {workers}")
    folder = None if cache is None else str(cache)
    twins = tuple(twins)
    job = Extraction(encoding, min_confidence, folder, strict, revisions, twins)

    def on_tally(tally: Tally) -> None:
        if strict and tally.failures:
            raise InputError(tally.failures[0][1])
        if progress is not None:
            progress(tally)

    warm = (
        None
        if cache is None
        else WarmStart(ResultCache(cache, encoding, min_confidence, revisions))
    )
    loaded: list[ChunkResult] = []
    run = Runner(workers, scheduler, len(files))
    if warm is None:

        def plan(workers: int) -> list[Chunk]:
            return run.split(files, workers, chunk_size)
    else:
        for result in warm.cached(content_split(files, chunk_size or CONTENT_CHUNK)):
            on_tally(result.tally)
            loaded.append(result)
        # Largest chunks first, so that no worker is left with a long one at the end.
        pending = sorted(warm.pending, key=len, reverse=True)

        def plan(workers: int) -> list[Chunk]:
            return pending

    total = run(job, plan, on_tally, loaded)
    termbase = total.termbase
    if total.disputes:
        recount = Recount(
            candidate_keys(total.disputes), encoding, min_confidence, folder, revisions
        )
        variety = varieties(_count(recount, files, total.keys, warm, run, chunk_size).counts)
        weight = fitted_rule().weight
        termbase = merge(termbase, *(resolve(d, variety, weight) for d in total.disputes))
    if warm is not None:
        warm.remember(total.keys)
    store = None if warm is None else PairedCache(warm.cache)
    final = finalize(termbase)
    equivalents = _judged(dict(twins), total, final, store, encoding, revisions)
    return Build(final, len(files), total.tally, total.keys, equivalents)


def _judged(
    twins: dict[str, str],
    total: ChunkResult,
    termbase: Termbase,
    store: PairedCache | None,
    encoding: str | None,
    revisions: str,
) -> tuple[tuple[str, str, Termbase], ...]:
    """The terms paired across every twin the build read, each twin's running-text pairs
    judged by the count table of all of them (the workers' sum, and the tables of the twins
    loaded from the cache, `store`, or aligned here when their entry is lost), their
    concepts named by the glossary's full forms (`termbase`) when the twin defines none."""
    if not twins:
        return ()
    from termkit.align.pairing import decided, known_forms, pairs_termbase, twin_part

    parts = {(zh, en): part for zh, en, part in total.equivalents}
    tables: TreeReducer[CountTable] = TreeReducer(operator.add)
    if total.pairing is not None:
        tables.add(total.pairing)
    keys = dict(total.keys)
    for zh, en in sorted(twins.items()):
        if (zh, en) in parts or zh not in keys:
            continue  # paired by a worker, or not read
        part = store.get(keys[zh], zh, en) if store is not None else None
        if part is None:
            part = twin_part(zh, en, encoding, revisions)
            if store is not None:
                store.put(keys[zh], zh, en, part)
        tables.add(part.table)
        parts[zh, en] = part
    corpus = tables.result()
    _, full_forms = known_forms((), termbase)
    return tuple(
        (zh, en, pairs_termbase(decided(part, corpus, full_forms=full_forms)))
        for (zh, en), part in sorted(parts.items())
    )


def corpus_tables(
    build: Build,
    termbase: Termbase,
    *,
    encoding: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache: str | Path | None = None,
    chunk_size: int | None = None,
    revisions: str = "accepted",
) -> Tables:
    """The corpus tables of the documents `build` read, for the final glossary `termbase`
    (`termkit.check.corpus_tables`), mapped over chunks like the build itself (one process,
    `jobs` workers or the Dask cluster at `scheduler`; the same bytes every way). With the
    build's `cache`, a chunk whose documents and glossary forms are unchanged is loaded, not
    read again. Pass the options the build was run with."""
    from termkit.check.corpus_tables import Forms, Tables

    forms = Forms.of(termbase)
    known = dict(build.keys)
    read = [p for p, _ in sorted(build.keys)]
    workers = default_jobs() if jobs is None else jobs
    folder = None if cache is None else str(cache)
    job = Tabulation(forms, encoding, min_confidence, folder, revisions)
    loaded: list[ChunkResult] = []
    run = Runner(workers, scheduler, len(read))
    if folder is None:
        pending = run.split(read, workers, chunk_size)
    else:
        results = ResultCache(folder, encoding, min_confidence, revisions)
        chunks, store = ChunkCache(results), TablesCache(results)
        pending = []
        for chunk in content_split(read, chunk_size or CONTENT_CHUNK):
            found = cached_tables(store, chunks.key([(p, known[p]) for p in chunk]), forms)
            if found is None:
                pending.append(chunk)
            else:
                loaded.append(ChunkResult(Termbase(), Tally(), tables=found))
        held = {p for chunk in pending for p in chunk}
        job = replace(job, known=tuple((p, k) for p, k in build.keys if p in held))
    total = run(job, lambda workers: pending, None, loaded)
    return total.tables or Tables()


@dataclass(frozen=True)
class Runner:
    """Runs a chunk job over chunks in this process, in `workers` processes or on the Dask
    cluster at `scheduler`, and reduces the results with the ones already `loaded`."""

    workers: int
    scheduler: str | None
    files: int

    def split(self, files: list[str], workers: int, size: int | None) -> list[Chunk]:
        """`chunks.split`, with chunks long enough on a Dask cluster that its cost per task
        stays small beside the work."""
        if self.scheduler:
            return split(files, workers, size, MIN_TASK_CHUNK, MAX_TASK_CHUNK)
        return split(files, workers, size, MIN_CHUNK)

    def __call__(
        self,
        job: Callable[[Chunk], ChunkResult],
        plan: Callable[[int], list[Chunk]],
        on_tally: Callable[[Tally], None] | None,
        loaded: Iterable[ChunkResult] = (),
    ) -> ChunkResult:
        reducer: TreeReducer[ChunkResult] = TreeReducer(combine)
        for result in loaded:
            reducer.add(result)
        if self.scheduler:
            from termkit import distributed

            done = distributed.run(self.scheduler, job, plan, on_tally)
        else:
            pooled = self.workers > 1 and self.files > 1
            chunks = plan(self.workers if pooled else 1)
            if pooled and len(chunks) > 1:
                from termkit import parallel

                done = parallel.run(job, chunks, self.workers, on_tally)
            else:
                # One chunk gains nothing from a pool: it would only pay for a fork and for
                # sending its result back (a warm rebuild's few new documents).
                done = None
                for chunk in chunks:
                    result = job(chunk)
                    if on_tally is not None:
                        on_tally(result.tally)
                    reducer.add(result)
        if done is not None:
            reducer.add(done)
        return reducer.result() or ChunkResult(Termbase(), Tally())


def _count(
    recount: Recount,
    files: list[str],
    keys: tuple[tuple[str, str], ...],
    warm: WarmStart | None,
    run: Runner,
    chunk_size: int | None,
) -> ChunkResult:
    """The corpus pass over the documents the first pass read: with a cache, the chunks
    whose documents are unchanged are loaded (`cached_counts`), the others counted, with
    the texts of their unchanged documents taken from the chunks that held them last."""
    known = dict(keys)
    read = [p for p in files if p in known]
    loaded: list[ChunkResult] = []
    if warm is None:
        pending = run.split(read, run.workers, chunk_size)
    else:
        pending = []
        store, chunks = CountCache(warm.cache), ChunkCache(warm.cache)
        directory = store.directory()
        now: dict[str, str] = {}
        for chunk in content_split(read, chunk_size or CONTENT_CHUNK):
            chunk_key = chunks.key([(p, known[p]) for p in chunk])
            now.update((known[p], chunk_key) for p in chunk)
            found = cached_counts(store, chunk_key, recount.keys)
            if found is None:
                pending.append(chunk)
            else:
                loaded.append(ChunkResult(Termbase(), Tally(), counts=found))
        hints = {known[p]: directory[known[p]] for c in pending for p in c if known[p] in directory}
        recount = replace(recount, known=tuple(sorted(hints.items())))
        if now != directory:
            store.put_directory(now)
    return run(recount, lambda workers: pending, None, loaded)


def cached_tables(store: TablesCache, chunk_key: str, forms: Forms) -> Tables | None:
    """A chunk's cached table rows, if they stand for `forms`: made with the same forms, or
    with forms whose presence in the chunk's texts is the same (then kept under these
    forms' digest, so the next build with them reads no texts). None when the chunk must
    be read."""
    found = store.get(chunk_key)
    if found is None:
        return None
    tables, digest, presence = found
    if digest == forms.digest():
        return tables
    texts = store.texts(chunk_key)
    if texts is None or forms.present(texts.keys, texts.folded) != presence:
        return None
    store.put(chunk_key, tables, forms.digest(), presence)
    return tables


def cached_counts(store: CountCache, chunk_key: str, keys: tuple[str, ...]) -> Counts | None:
    """A chunk's counts of `keys` from the cache; the candidates it has not counted yet are
    counted in its analysed texts and remembered. None when the chunk must be read. Counts
    of candidates no dispute names any more come along: nothing looks them up."""
    found = store.get(chunk_key)
    if found is None:
        return None
    counted, counts = found  # the counters' keys: normalized
    known = set(counted)
    missing = [k for k in keys if normalize(k) not in known]
    if missing:
        texts = store.texts(chunk_key)
        if texts is None:
            return None
        counter = CandidateCounter(missing)
        for _key, text in texts:
            counts = add_counts(counts, document_counts(counter, text))
        store.put(chunk_key, tuple(sorted(known.union(counter.keys))), counts)
    return counts


class WarmStart:
    """What a rebuild with a cache can skip: files whose signature is unchanged are not read
    (`termkit.stamps`), and chunks whose documents are all unchanged are loaded merged
    (`termkit.chunk_cache`); only the other chunks are extracted."""

    def __init__(self, cache: ResultCache) -> None:
        cache.prepare()
        self.cache = cache
        self._chunks = ChunkCache(cache)
        self._index = StampIndex(cache.folder / "stamps.json", cache.root)
        self._signatures: dict[str, Stamp | None] = {}
        self._taken = 0
        self.pending: list[Chunk] = []

    def cached(self, chunks: list[Chunk]) -> Iterator[ChunkResult]:
        """The cached results of the chunks that have one, those of a group of chunks
        (`content_groups`) whose documents are all unchanged as one merged entry, made the
        first time all of its chunks load; the other chunks go to `pending`."""
        self._taken = time.time_ns()
        for group in content_groups(chunks):
            keyed = [self._keys(chunk) for chunk in group]
            whole = [k for keys in keyed for k in keys]
            if len(group) > 1 and (found := self._get(whole)) is not None:
                yield found
                continue
            reducer: TreeReducer[ChunkResult] = TreeReducer(combine)
            for chunk, keys in zip(group, keyed, strict=True):
                found = self._get(keys)
                if found is None:
                    self.pending.append(chunk)
                else:
                    reducer.add(found)
            merged = reducer.result()
            if merged is not None and len(group) > 1 and len(merged.keys) == len(whole):
                self._chunks.put(
                    self._chunks.key(whole), merged.termbase, merged.tally.bytes, merged.disputes
                )
            if merged is not None:
                yield merged

    def _keys(self, chunk: Chunk) -> list[tuple[str, str | None]]:
        """The documents' cache keys from the index of unchanged files (None: not known)."""
        keys = []
        for path in chunk:
            signature = self._signatures[path] = stamp(path)
            keys.append((path, self._index.key(path, signature)))
        return keys

    def _get(self, keys: list[tuple[str, str | None]]) -> ChunkResult | None:
        """The merged entry of these documents, when all are known and it is there."""
        if any(key is None for _, key in keys):
            return None
        found = self._chunks.get(self._chunks.key(keys))
        if found is None:
            return None
        termbase, disputes, size = found
        return ChunkResult(termbase, Tally(len(keys), size, len(keys)), tuple(keys), disputes)

    def remember(self, keys: Iterable[tuple[str, str]]) -> None:
        """Record the keys of the documents just read, for the next rebuild."""
        for path, key in keys:
            self._index.record(path, self._signatures.get(path), key, self._taken)
        self._index.save()


def build_glossary(
    paths: Iterable[str],
    encoding: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    progress: bool = False,
    *,
    jobs: int | None = 1,
    scheduler: str | None = None,
    cache: str | Path | None = None,
) -> Termbase:
    """The glossary of a set of documents; a document that cannot be read is an InputError."""
    files = list(paths)
    display = Progress(len(files)) if progress else None
    try:
        return build_corpus(
            files,
            encoding=encoding,
            min_confidence=min_confidence,
            jobs=jobs,
            scheduler=scheduler,
            cache=cache,
            strict=True,
            progress=display,
        ).termbase
    finally:
        if display is not None:
            display.close()


class Progress:
    """Shows a build's progress on stderr: each skipped file always, and documents done of
    total with the reading rate in MB/s when a person watches a terminal."""

    def __init__(self, total: int) -> None:
        self._total = total
        self._bar = None
        self._started = False
        self._start = time.monotonic()
        self._bytes = 0

    def __call__(self, tally: Tally) -> None:
        # The bar starts with the first result, once worker processes are running: its
        # monitor thread would otherwise stop them from being forked (see termkit.parallel).
        if not self._started:
            self._started = True
            self._bar = progress_bar(self._total)
        for _path, message in tally.failures:
            if self._bar is not None:
                self._bar.write(f"skipped {message}", file=sys.stderr)
            else:
                print(f"skipped {message}", file=sys.stderr)
        if self._bar is not None:
            self._bytes += tally.bytes
            seconds = max(time.monotonic() - self._start, 1e-6)
            self._bar.update(tally.documents + len(tally.failures))
            # Redrawn once a chunk (up to 64 documents), so the count shown is never stale.
            self._bar.set_postfix_str(f"{self._bytes / 1e6 / seconds:.1f} MB/s")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
