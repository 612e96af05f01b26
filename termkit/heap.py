"""Work that makes many small objects and no reference cycles, done without the cyclic
collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Reading a termbase or checking a document makes hundreds of thousands of small objects
    (terms, four-gram position lists, hits) and no cycles; the cyclic collector would walk the
    growing heap over and over (half an import's time for a 20,000-concept TBX, a third of
    TK110's on 1 MB). Reference counting still frees everything; the collector is back on
    after the block, as it was before it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
