"""Regular expressions compiled when first used, not when their module is imported.

Every `termkit check` process imports the whole check path, and a pattern with a Han class
costs a millisecond or two to compile: the patterns only some documents need (Markdown,
`termkit:` comments, a bracket's English name, a PDF's sentence ends) are made `lazy`, so that
a check pays only for those its documents use.
"""

from __future__ import annotations

import re
from typing import cast

# What a caller reads of a pattern: copied onto the stand-in once compiled, so that later
# calls find them directly, with no lookup through `__getattr__`.
_ATTRIBUTES = (
    "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
    "pattern", "flags", "groups", "groupindex",
)  # fmt: skip


class _Lazy:
    """A stand-in for `re.compile(pattern, flags)` that compiles it at its first use."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        compiled = re.compile(*self._args)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when a method of it is first called."""
    return cast(re.Pattern[str], _Lazy(pattern, flags))
