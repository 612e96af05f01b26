"""Shared fixtures: the repository, the seeds and the shared data sets beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED000 = REPO / "seeds" / "000_6fadedb60f1cd4cd.txt"
SEED003 = REPO / "seeds" / "003_e7c89342271a899c.txt"


def shared(*parts: str) -> Path:
    """A path in ../shared; the test is skipped when the data set is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
