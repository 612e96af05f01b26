"""Mining short-form definitions (`FULL（SHORT）` and its kin) from Chinese documents.

The names below load on first use, so that the jieba-free parts of this package (brackets,
bracket contents, the boundary helpers) cost `termkit check` nothing more.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["DocumentResult", "extract_document", "extract_file", "extract_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("termkit.extract.extractor"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
