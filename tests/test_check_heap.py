"""The cyclic collector never walks a loaded glossary during a check: the index and the
documents make no reference cycles, and one pass over a 20,000-concept index costs a tenth of
a 1 MB check."""

from __future__ import annotations

import gc
import weakref

from termkit.check import run
from termkit.check.run import check_files, glossary_paths
from termkit.check.settings import Settings

from .conftest import SEED003


def test_no_cyclic_collection_while_the_index_lives(monkeypatch):
    settings = Settings()
    index: list[weakref.ref] = []
    load = run.load_index

    def remembered(paths):
        loaded = load(paths)
        index.append(weakref.ref(loaded))
        return loaded

    passes: list[bool] = []  # for each collection: did it meet the index alive?

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(bool(index) and index[0]() is not None)

    monkeypatch.setattr(run, "load_index", remembered)
    assert gc.isenabled()
    gc.callbacks.append(record)
    try:
        checked = check_files([str(SEED003)], settings, glossary_paths(settings))
    finally:
        gc.callbacks.remove(record)
    assert checked[0].error is None and checked[0].findings
    assert index and index[0]() is None  # freed when the check ends
    assert not any(passes)
    assert gc.isenabled()  # back on after the check, as it was
