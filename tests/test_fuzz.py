"""The fuzz harness (tests/fuzzing.py) on a small, fixed budget: every reader returns or raises
InputError on mutated input, and `check --fix` never changes a byte it did not fix. The long
run is bench/fuzz_readers.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import (
    DRAFT,
    FIX_CODECS,
    FIX_PIECES,
    OPS,
    READERS,
    Op,
    fix_one,
    mutated,
    read_one,
    seeds,
)

SEEDS = seeds()
ops = st.lists(
    st.builds(
        Op,
        st.sampled_from(OPS),
        st.floats(0, 1, allow_nan=False),
        st.integers(1, 64),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=4,
)
BUDGET = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,  # the same inputs on every run: CI fails only on a real regression
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_reader_returns_or_raises_input_error(fmt):
    _, seed = SEEDS[fmt]
    with tempfile.TemporaryDirectory() as folder:
        assert read_one(fmt, seed, Path(folder)) == "ok"  # the seed itself is valid

        @BUDGET
        @given(ops, st.integers(0, 8))
        def fuzz(mutation, member):
            read_one(fmt, mutated(fmt, seed, mutation, member), Path(folder))

        fuzz()


_CHANGES = st.lists(
    st.tuples(
        st.floats(0, 1, allow_nan=False),
        st.sampled_from(FIX_PIECES),
    ),
    max_size=4,
)


@BUDGET
@given(_CHANGES, st.sampled_from(FIX_CODECS))
def test_check_fix_changes_only_the_fixed_spans(changes, codec):
    text = DRAFT
    for at, piece in changes:
        i = int(at * len(text))
        text = text[:i] + piece + text[i:]
    with tempfile.TemporaryDirectory() as folder:
        fix_one(text, codec, Path(folder))
