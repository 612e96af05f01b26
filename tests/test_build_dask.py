"""The build on a real Dask cluster (two worker processes on 127.0.0.1) gives the same bytes."""

from __future__ import annotations

import math
import os
import signal
from collections import Counter

import pytest

from termkit.build import build_corpus
from termkit.chunks import MIN_TASK_CHUNK, Tally
from termkit.cli import main
from termkit.formats import glossary_csv

from .conftest import un_pages

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_build_is_byte_identical_cold_and_warm(scheduler, corpus, reference, tmp_path):
    out = tmp_path / "glossary.csv"
    cache = tmp_path / "cache"
    for _ in ("cold", "warm"):
        argv = ["build", str(corpus), "-o", str(out), "--scheduler", scheduler, "-q"]
        assert main([*argv, "--cache", str(cache)]) == 0
        assert out.read_bytes() == reference
    files = [str(p) for p in corpus.rglob("*.*")]
    build = build_corpus(files[::-1], scheduler=scheduler, chunk_size=1)
    assert build.tally.documents == len(files)
    assert glossary_csv.dumps(build.termbase).encode("utf-8") == reference


def test_a_killed_dask_worker_loses_and_double_counts_nothing(scheduler, corpus, reference):
    with distributed.Client(scheduler, set_as_default=False) as observer:
        pids = observer.run(os.getpid)
    files = [str(p) for p in corpus.rglob("*.*")]
    seen: list[Tally] = []

    def kill_one_worker(tally: Tally) -> None:
        if not seen:
            os.kill(min(pids.values()), signal.SIGKILL)
        seen.append(tally)

    build = build_corpus(files, scheduler=scheduler, chunk_size=1, progress=kill_one_worker)
    assert build.tally.documents == len(files)
    assert glossary_csv.dumps(build.termbase).encode("utf-8") == reference


def test_dask_skips_unreadable_files_or_stops_when_strict(scheduler, corpus, tmp_path, capsys):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "glossary.csv"
    argv = ["build", str(corpus), str(bad), "-o", str(out), "--scheduler", scheduler]
    assert main(argv) == 1
    assert f"skipped {bad}" in capsys.readouterr().err
    out.unlink()
    assert main([*argv, "--strict"]) == 2
    assert "scan.txt" in capsys.readouterr().err and not out.exists()


def test_unreachable_scheduler_is_a_one_line_error(corpus, tmp_path, capsys):
    out = tmp_path / "glossary.csv"
    assert main(["build", str(corpus), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "127.0.0.1:9" in err[0]


def test_dask_gives_the_corpus_pass_the_same_bytes(scheduler, tmp_path):
    """On documents whose build the corpus pass changes (tests/conftest.py `un_pages`)."""
    files = un_pages()
    reference = glossary_csv.dumps(build_corpus(files, jobs=1).termbase)
    assert "boundary:corpus" in reference
    build = build_corpus(files[::-1], scheduler=scheduler, chunk_size=2)
    assert glossary_csv.dumps(build.termbase) == reference
    cache = tmp_path / "cache"
    for _ in range(2):  # cold, then warm
        build = build_corpus(files, scheduler=scheduler, cache=cache, chunk_size=4)
        assert glossary_csv.dumps(build.termbase) == reference
    assert build.tally.cached == len(files)


def test_dask_gives_the_usage_tables_the_same_bytes(scheduler, tmp_path):
    files = un_pages()
    out = tmp_path / "g.csv"
    tables = [out.with_suffix(".usage.json"), out.with_suffix(".frequency.json")]
    argv = ["build", *files, "-o", str(out), "--usage", "-q"]
    assert main([*argv, "-j", "1"]) == 0
    reference = [t.read_bytes() for t in tables]
    cache = tmp_path / "cache"
    for _ in ("cold", "warm"):
        assert main([*argv, "--scheduler", scheduler, "--cache", str(cache)]) == 0
        assert [t.read_bytes() for t in tables] == reference


def test_dask_runs_few_tasks_a_pass(scheduler):
    """Each task costs the cluster milliseconds of CPU: chunks of MIN_TASK_CHUNK documents at
    the least, and a tally task per chunk only in the pass that shows progress, not in the
    corpus pass (the un_pages documents have disputes, so both passes run)."""
    from distributed.utils import key_split

    files = un_pages()
    reference = glossary_csv.dumps(build_corpus(files, jobs=1).termbase)
    with distributed.Client(scheduler, set_as_default=False) as observer:
        with distributed.get_task_stream(client=observer) as stream:
            build = build_corpus(files, scheduler=scheduler)
        assert glossary_csv.dumps(build.termbase) == reference
        with distributed.get_task_stream(client=observer) as small:
            build_corpus(files, scheduler=scheduler, chunk_size=2)
    tasks = Counter(key_split(t["key"]).split("(")[0] for t in stream.data)
    assert 1 < tasks["Extraction"] <= math.ceil(len(files) / MIN_TASK_CHUNK)
    assert tasks["Recount"] == tasks["Extraction"]
    tasks = Counter(key_split(t["key"]).split("(")[0] for t in small.data)
    assert tasks["tally_of"] == tasks["Extraction"] == math.ceil(len(files) / 2)


def test_dask_gives_the_twins_the_same_pairs(scheduler, tmp_path):
    """Each twin's count table summed on the workers, every twin judged by the sum: the pairs
    and the glossary of `build --parallel` are those of one process (tests/test_build_pairs)."""
    from .test_build_pairs import TWINS

    files = [zh for zh, _ in TWINS]
    reference = build_corpus(files, jobs=1, twins=TWINS)
    build = build_corpus(files[::-1], scheduler=scheduler, chunk_size=1, twins=TWINS)
    assert build.equivalents == reference.equivalents
    argv = ["build", *(x for zh, en in TWINS for x in ("--parallel", zh, en)), "-q"]
    out = tmp_path / "glossary.csv"
    assert main([*argv, "-j", "1", "-o", str(out)]) == 0
    expected = out.read_bytes()
    cache = tmp_path / "cache"
    for _ in ("cold", "warm"):
        assert main([*argv, "--scheduler", scheduler, "--cache", str(cache), "-o", str(out)]) == 0
        assert out.read_bytes() == expected
