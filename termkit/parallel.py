"""Run chunk extraction in worker processes on one machine and tree-reduce the results.

A worker that dies (killed, out of memory) breaks the whole process pool; the chunks whose
results had not arrived are run again in a fresh pool. Results are taken once per chunk, so a
lost chunk is neither missing nor counted twice.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from termkit.chunks import Chunk, ChunkResult, Tally, combine
from termkit.tree import TreeReducer

# How many times in a row the pool may break before the build gives up: a document that
# crashes the interpreter would otherwise be retried for ever.
MAX_RESTARTS = 3


class WorkersLost(RuntimeError):
    """Worker processes kept dying; the build cannot finish."""


def run(
    job: Callable[[Chunk], ChunkResult],
    chunks: list[Chunk],
    jobs: int,
    on_tally: Callable[[Tally], None] | None,
) -> ChunkResult | None:
    reducer: TreeReducer[ChunkResult] = TreeReducer(combine)
    pending = dict(enumerate(chunks))
    restarts = 0
    while pending:
        pool = ProcessPoolExecutor(min(jobs, len(pending)), mp_context=_start_method())
        try:
            futures = {pool.submit(job, chunk): index for index, chunk in pending.items()}
            for future in as_completed(futures):
                try:
                    result = future.result()
                except BrokenProcessPool:
                    break
                del pending[futures[future]]
                if on_tally is not None:
                    on_tally(result.tally)
                reducer.add(result)
                restarts = 0
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        if pending:
            restarts += 1
            if restarts > MAX_RESTARTS:
                raise WorkersLost(
                    f"worker processes died {restarts} times in a row; "
                    f"{len(pending)} chunks of documents were not extracted"
                )
    return reducer.result()


def forks() -> bool:
    """Whether workers started now are forked, and so start with what this process loaded."""
    return _start_method().get_start_method() == "fork"


def _start_method() -> multiprocessing.context.BaseContext:
    """Fork when it is safe, else a fork server (or spawn where there is none).

    A forked worker starts at once with termkit already imported, a third of a second sooner
    than from a fork server; but forking a process that runs other threads can deadlock the
    child on a lock one of them held, so that is left to a clean server process.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
