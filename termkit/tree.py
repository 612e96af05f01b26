"""Tree reduction of values that arrive one by one, in any order.

Values are combined pairwise like carries in binary addition: at most log2(n) partial results
are held at once and every value takes part in about log2(n) combinations, so merging n
termbases costs n·log n in their size and memory stays with the partials, not with the input.
With an associative, commutative `combine` the result does not depend on the arrival order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from typing import Generic, TypeVar

T = TypeVar("T")


class TreeReducer(Generic[T]):
    def __init__(self, combine: Callable[[T, T], T]) -> None:
        self._combine = combine
        self._levels: list[T | None] = []

    def add(self, value: T) -> None:
        for level, held in enumerate(self._levels):
            if held is None:
                self._levels[level] = value
                return
            value = self._combine(held, value)
            self._levels[level] = None
        self._levels.append(value)

    def result(self) -> T | None:
        """The combination of every value added; None when none was."""
        partials = [v for v in self._levels if v is not None]
        return reduce(self._combine, partials) if partials else None
