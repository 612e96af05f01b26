"""The cyclic collector is paused only inside a check or a glossary read, and comes back as it
was, whatever happens inside."""

from __future__ import annotations

import gc

import pytest

from termkit.heap import no_cyclic_gc


@pytest.mark.parametrize("before", [True, False])
def test_the_collector_comes_back_as_it_was(before):
    (gc.enable if before else gc.disable)()
    try:
        with pytest.raises(ValueError), no_cyclic_gc():
            assert not gc.isenabled()
            raise ValueError("a failing check")
        assert gc.isenabled() is before
    finally:
        gc.enable()
