"""Where the benchmarks find the shared data sets (beside the checkout, never copied in)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
