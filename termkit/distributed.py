"""Run the same chunk extraction on a Dask cluster (`dask.distributed`), reducing on the workers.

The client sends paths, never text: workers read the documents from a shared file system.
Chunk results are merged pairwise on the workers as they finish (a tree of merge tasks), so no
single node merges the whole corpus; only the final termbase, whose size grows with the number
of distinct terms, comes back to the client. Dask recomputes the tasks of a lost worker, and
every result is taken once per chunk, so nothing is lost or counted twice.
"""

from __future__ import annotations

from collections.abc import Callable

from termkit.chunks import Chunk, ChunkResult, Tally, combine, tally_of
from termkit.errors import InputError, describe
from termkit.tree import TreeReducer

INSTALL_HINT = "--scheduler needs Dask: pip install 'termkit[dask]'"
CONNECT_SECONDS = 10


def _handshake(address: str, seconds: float) -> None:
    """Connect and shake hands once within `seconds`, or InputError. distributed waits for a
    server's handshake without a time limit, so a server that is not a Dask scheduler (or
    never answers) would hold `Client` until it hangs up; an address that is not a URL fails
    here too."""
    import asyncio

    from distributed.comm import connect

    async def shake() -> None:
        comm = await connect(address, timeout=seconds)
        await comm.close()

    try:
        asyncio.run(asyncio.wait_for(shake(), seconds))
    except TimeoutError:
        raise InputError(
            f"no Dask scheduler answered at {address} within {seconds:g} s "
            "(is it a Dask scheduler's address?)"
        ) from None
    except Exception as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {describe(exc)}") from None


def run(
    address: str,
    job: Callable[[Chunk], ChunkResult],
    plan: Callable[[int], list[Chunk]],
    on_tally: Callable[[Tally], None] | None,
) -> ChunkResult | None:
    """Run `job` on the chunks `plan` makes for the cluster's worker threads; their merge.

    Every task costs the scheduler, the worker and this client a few milliseconds of CPU (about
    6 ms on a loaded two-core machine, as much as extracting a few documents), so a pass that
    shows no progress (`on_tally` None) runs no tally task per chunk."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InputError(INSTALL_HINT) from None
    _handshake(address, CONNECT_SECONDS)
    try:
        client = Client(address, timeout=f"{CONNECT_SECONDS}s", set_as_default=False)
    except Exception as exc:  # whatever the client raises, the user gets one line
        raise InputError(f"cannot reach the Dask scheduler at {address}: {describe(exc)}") from None
    with client:
        workers = sum(client.nthreads().values())
        chunks = plan(workers)
        if not chunks:
            return None
        parts = client.map(job, chunks, pure=False)
        reducer = TreeReducer(lambda a, b: client.submit(combine, a, b, pure=False))
        # Each chunk result is held only until it is merged: dropping the list lets the
        # cluster free it then, so its memory grows with distinct terms, not documents.
        if on_tally is None:
            finished = as_completed(parts, loop=client.loop)
            del parts
            for done in finished:
                reducer.add(done)
        else:
            tallies = client.map(tally_of, parts, pure=False)
            part_of = {t.key: p for t, p in zip(tallies, parts, strict=True)}
            del parts
            for done, tally in as_completed(tallies, loop=client.loop, with_results=True):
                on_tally(tally)
                reducer.add(part_of.pop(done.key))
        total = reducer.result()
        return None if total is None else total.result()
