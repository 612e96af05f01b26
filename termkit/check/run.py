"""Check many files, in one process or a pool, with the same results in the same order."""

from __future__ import annotations

from collections.abc import Sequence

from termkit.check.engine import Checked, check_file
from termkit.check.frequency import tables_of as frequency_tables
from termkit.check.glossary import GlossaryIndex
from termkit.check.settings import Settings
from termkit.check.usage import tables_of
from termkit.errors import InputError
from termkit.formats.registry import default_glossary_path
from termkit.glossary_cache import load_table
from termkit.heap import no_cyclic_gc

_WORKER: dict[str, object] = {}


def glossary_paths(settings: Settings) -> list[str]:
    """The glossaries in force: the shipped one (unless turned off), then the configured ones."""
    shipped = [str(default_glossary_path())] if settings.default_glossary else []
    return [*shipped, *settings.glossaries]


def load_index(paths: Sequence[str]) -> GlossaryIndex:
    """The glossaries in force, each parsed once and then kept (`termkit.glossary_cache`),
    with the usage and frequency tables kept beside them (`termkit.check.usage`,
    `termkit.check.frequency`)."""
    with no_cyclic_gc():
        return GlossaryIndex(
            [],
            usage=tables_of(paths),
            frequency_tables=frequency_tables(paths),
            tables=[load_table(p) for p in paths],
        )


def check_files(
    files: Sequence[str],
    settings: Settings,
    glossaries: Sequence[str],
    jobs: int = 1,
    encoding: str | None = None,
    revisions: str = "accepted",
) -> list[Checked]:
    """Every file's findings, in the order of `files`, whatever `jobs` is. A file that cannot
    be read comes back with its `error`, for the caller to report or skip."""
    if jobs <= 1 or len(files) <= 1:
        # The cyclic collector stays off until the index is freed: turned on beside it, its
        # first pass would walk the index's hundreds of thousands of objects (which make no
        # cycles) for nothing, a tenth of a 1 MB check against 20,000 concepts.
        with no_cyclic_gc():
            return _check_all(files, load_index(glossaries), settings, encoding, revisions)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=min(jobs, len(files)),
        initializer=_start_worker,
        initargs=(list(glossaries), settings, encoding, revisions),
    ) as pool:
        return list(pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (4 * jobs))))


def _check_all(
    files: Sequence[str],
    index: GlossaryIndex,
    settings: Settings,
    encoding: str | None,
    revisions: str,
) -> list[Checked]:
    return [_check_one(f, index, settings, encoding, revisions) for f in files]


def _check_one(
    path: str, index: GlossaryIndex, settings: Settings, encoding: str | None, revisions: str
) -> Checked:
    try:
        with no_cyclic_gc():  # one document's work makes no cycles (termkit.heap)
            return check_file(path, index, settings, encoding, revisions)
    except InputError as exc:
        return Checked(None, [], str(exc))


def _start_worker(
    glossaries: list[str], settings: Settings, encoding: str | None, revisions: str
) -> None:
    _WORKER.update(
        index=load_index(glossaries), settings=settings, encoding=encoding, revisions=revisions
    )


def _check_in_worker(path: str) -> Checked:
    w = _WORKER
    return _check_one(path, w["index"], w["settings"], w["encoding"], w["revisions"])
