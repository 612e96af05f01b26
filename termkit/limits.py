"""How much a file may make termkit decompress and hold, so a bomb is refused, not swallowed.

Defaults fit any real UN document or glossary with room to spare; each one can be raised (or
lowered, as CI on untrusted uploads may want) with an environment variable, read when a limit
is first needed so that a test or a long-running service can change it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from termkit.errors import InputError

MIB = 1 << 20


@dataclass(frozen=True)
class Limit:
    """One limit: its environment variable, default and unit (for the message)."""

    variable: str
    default: int
    unit: str = ""

    @property
    def value(self) -> int:
        raw = os.environ.get(self.variable, "")
        if not raw:
            return self.default
        try:
            value = int(raw)
        except ValueError:
            raise InputError(f"{self.variable}={raw!r}: not a whole number") from None
        if value <= 0:
            raise InputError(f"{self.variable}={raw!r}: must be positive")
        return value

    def scaled(self) -> int:
        """The limit in its counted unit (bytes for a limit given in MiB)."""
        return self.value * (MIB if self.unit == "MiB" else 1)

    def refusal(self, path: object, what: str) -> InputError:
        amount = f"{self.value:,}{' ' + self.unit if self.unit else ''}"
        return InputError(
            f"{path}: refused: {what} past the limit of {amount} (set {self.variable} to raise it)"
        )


# Decompressed size of a .gz/.xz document or of all members of a workbook.
INFLATED = Limit("TERMKIT_MAX_INFLATED_MB", 512, "MiB")
# Decompressed ÷ compressed size, checked once past RATIO_FLOOR bytes: text compresses 3–10×,
# a bomb hundreds of times.
RATIO = Limit("TERMKIT_MAX_RATIO", 100)
RATIO_FLOOR = 16 * MIB
# Shared strings and cells of a workbook: a 300,000-row glossary has about 2 million cells.
XLSX_STRINGS = Limit("TERMKIT_MAX_XLSX_STRINGS", 2_000_000)
XLSX_CELLS = Limit("TERMKIT_MAX_XLSX_CELLS", 4_000_000)
# Nesting of XML elements (a TBX termGrp) and of JSON in a termkit note.
DEPTH = Limit("TERMKIT_MAX_DEPTH", 64)


def check_inflated(path: object, inflated: int, compressed: int) -> None:
    """Refuse when decompressing has gone past the size or the ratio limit."""
    if inflated > INFLATED.scaled():
        raise INFLATED.refusal(path, "decompresses")
    if inflated > RATIO_FLOOR and inflated > RATIO.value * max(compressed, 1):
        raise RATIO.refusal(path, "compression ratio")
