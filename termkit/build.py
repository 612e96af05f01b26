"""Build a glossary from documents: extract each one, merge, finalize."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from termkit.extract.extractor import DocumentResult, extract_file
from termkit.termbase.merge import build_termbase, from_definitions
from termkit.termbase.model import Termbase

DEFAULT_MIN_CONFIDENCE = 0.5


def document_termbase(
    result: DocumentResult, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Termbase:
    """One document's contribution to the glossary: a pure function of the document."""
    kept = [d for d in result.definitions if d.confidence >= min_confidence]
    return from_definitions(kept, result.usage)


def extract_paths(
    paths: Iterable[str], encoding: str | None = None, progress: bool = False
) -> Iterator[DocumentResult]:
    files = list(paths)
    bar = _progress(len(files)) if progress else None
    for path in files:
        yield extract_file(path, encoding)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


def build_glossary(
    paths: Iterable[str],
    encoding: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    progress: bool = False,
) -> Termbase:
    """The glossary of a set of documents."""
    return build_termbase(
        document_termbase(r, min_confidence) for r in extract_paths(paths, encoding, progress)
    )


def _progress(total: int):
    """A progress bar on stderr, only for a person at a terminal and more than a few files."""
    if total < 5 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)
