"""The fitted boundary model: a logistic regression over candidate features, kept as data.

`bench/fit_boundary.py` fits it on the hand-made dev annotations and writes
`termkit/data/boundary_weights.json` with the cross-validated figures it measured; this module
only reads the weights and scores, so extraction needs no learning library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class BoundaryModel:
    weights: dict[str, float]
    # A bracket whose best candidate is less likely than this defines nothing: a wrong
    # boundary costs a false definition and a miss, no definition only the miss. Chosen by
    # bench/fit_boundary.py on its cross-validated folds.
    min_probability: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        """The candidate's logit: more evidence (corpus counts) can be added to it."""
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        """How likely the candidate is the full form's true start."""
        return probability(self.score(features))

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """The features that pushed this candidate up the most, largest first."""
        parts = [(k, self.weights.get(k, 0.0) * v) for k, v in features.items() if k != "bias"]
        return sorted((p for p in parts if p[1] > 0), key=lambda p: -p[1])

    @classmethod
    def from_json(cls, text: str) -> BoundaryModel:
        data = json.loads(text)
        return cls(dict(data["weights"]), float(data.get("min_probability", 0.0)))


def probability(score: float) -> float:
    """The probability of a logit."""
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "boundary_weights.json"


@lru_cache(maxsize=1)
def default_model() -> BoundaryModel:
    return BoundaryModel.from_json(WEIGHTS.read_text(encoding="utf-8"))
