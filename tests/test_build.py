"""Building a glossary over a corpus: the same bytes however it is built, cached or skipped."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import termkit.cache
from termkit.build import Progress, build_corpus
from termkit.cache import write_entry
from termkit.chunks import Tally, content_split
from termkit.cli import main
from termkit.formats import glossary_csv
from termkit.termbase.model import Concept, Termbase, concept_id
from termkit.tree import TreeReducer

from .conftest import REPO, SEED000, compose_corpus, shared, un_pages


def _build(tmp_path: Path, *args: str) -> bytes:
    out = tmp_path / "glossary.csv"
    assert main(["build", *args, "-o", str(out), "-q"]) == 0
    return out.read_bytes()


def test_corpus_reads_compressed_documents(corpus, reference):
    files = sorted(p.name for p in corpus.rglob("*.*"))
    assert any(f.endswith(".gz") for f in files) and any(f.endswith(".xz") for f in files)
    assert b".txt.gz:" in reference and b".txt.xz:" in reference


def test_parallel_build_and_any_path_order_give_the_same_bytes(corpus, reference, tmp_path):
    parts = sorted(str(p) for p in corpus.iterdir())
    assert _build(tmp_path, str(corpus), "--jobs", "2") == reference
    assert _build(tmp_path, *reversed(parts), "--jobs", "3") == reference
    files = [str(p) for p in corpus.rglob("*.*")]
    tally_chunked = build_corpus(files[::-1], jobs=2, chunk_size=1)
    assert tally_chunked.tally.documents == len(files)
    assert glossary_csv.dumps(tally_chunked.termbase).encode("utf-8") == reference


def test_files_from_a_list_and_standard_input(corpus, reference, tmp_path, monkeypatch):
    files = sorted(str(p) for p in corpus.rglob("*.*"))
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(reversed(files)) + "\n\n", encoding="utf-8")
    assert _build(tmp_path, "--files-from", str(listing), "--jobs", "1") == reference
    # Paths named twice, on the command line and in the list, are read once.
    monkeypatch.setattr(sys, "stdin", listing.open(encoding="utf-8"))
    assert _build(tmp_path, files[0], "--files-from", "-", "--jobs", "2") == reference


def test_cold_and_warm_cache_give_the_same_bytes(corpus, reference, tmp_path, capsys):
    cache = tmp_path / "cache"
    assert _build(tmp_path, str(corpus), "--cache", str(cache), "--jobs", "2") == reference
    entries = list(cache.glob("*/??/*.json"))  # one per document
    assert len(entries) == len(list(corpus.rglob("*.*")))
    capsys.readouterr()
    out = tmp_path / "warm.csv"
    assert main(["build", str(corpus), "--cache", str(cache), "-o", str(out), "--jobs", "1"]) == 0
    assert out.read_bytes() == reference
    n = len(entries)
    assert f"{n} documents ({n} from the cache)" in capsys.readouterr().err


def test_cache_is_keyed_by_content_not_path(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    build_corpus([str(p) for p in corpus.rglob("*.*")], jobs=1, cache=cache)
    moved = tmp_path / "moved"
    compose_corpus(moved)
    build = build_corpus([str(p) for p in moved.rglob("*.*")], jobs=1, cache=cache)
    assert build.tally.cached == build.tally.documents > 0
    fresh = build_corpus([str(p) for p in moved.rglob("*.*")], jobs=1)
    assert glossary_csv.dumps(build.termbase) == glossary_csv.dumps(fresh.termbase)
    assert str(moved) in glossary_csv.dumps(build.termbase)


def test_cache_entries_of_other_code_are_not_used(corpus, tmp_path, monkeypatch):
    files = [str(p) for p in corpus.rglob("*.*")]
    cache = tmp_path / "cache"
    build_corpus(files, jobs=1, cache=cache)
    # An extractor edited without a version bump: another digest of the code.
    monkeypatch.setattr(termkit.cache, "code_digest", lambda: "0" * 64)
    assert build_corpus(files, jobs=1, cache=cache).tally.cached == 0
    assert build_corpus(files, jobs=1, cache=cache).tally.cached == len(files)
    assert len(list(cache.iterdir())) == 2


def test_corrupt_or_foreign_cache_entries_are_recomputed(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    _build(tmp_path, str(corpus), "--cache", str(cache), "--jobs", "1")
    # The documents' own entries, without the merged chunks that would stand in for them.
    for chunks in cache.glob("*/chunks"):
        shutil.rmtree(chunks)
    entries = sorted(cache.glob("*/??/*.json"))
    damage = [
        b"",
        b"\xff\xfe not json",
        b'{"format": "termkit-document-cache", "key": "another", "concepts": []}',
        b"[1, 2, 3]",
    ]
    for i, entry in enumerate(entries):
        if i < len(damage):
            entry.write_bytes(damage[i])
        else:
            # Right shape, wrong types: a count that is a string must not reach the merge.
            # An entry of another program or version under the same name is foreign.
            # Sealed again, so that the values themselves are what the reader refuses.
            data = json.loads(entry.read_bytes().partition(b"\n")[2])
            for concept in data["concepts"]:
                for term in concept[1]:
                    term[4] = str(term[4])
            if not data["concepts"]:
                data["format"] = "another-program"
            write_entry(entry, cache, data)
    build = build_corpus([str(p) for p in corpus.rglob("*.*")], jobs=1, cache=cache)
    assert build.tally.cached == 0
    assert glossary_csv.dumps(build.termbase).encode("utf-8") == reference
    # The entries were rewritten: a third build takes everything from the cache.
    again = build_corpus([str(p) for p in corpus.rglob("*.*")], jobs=1, cache=cache)
    assert again.tally.cached == again.tally.documents


def test_two_builds_sharing_one_cache(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "termkit", "build", str(corpus), "--cache", str(cache)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [
        subprocess.Popen([*command, "-o", str(tmp_path / f"{i}.csv"), "-q", "--jobs", "1"], env=env)
        for i in range(2)
    ]
    assert [r.wait() for r in runs] == [0, 0]
    assert (tmp_path / "0.csv").read_bytes() == (tmp_path / "1.csv").read_bytes() == reference
    assert not list(cache.rglob("*.tmp"))
    warm = build_corpus([str(p) for p in corpus.rglob("*.*")], jobs=1, cache=cache)
    assert warm.tally.cached == warm.tally.documents


def test_unreadable_file_is_skipped_and_reported_exit_1(corpus, reference, tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scan.txt").write_bytes(bytes(range(256)) * 4)
    (bad / "broken.txt.gz").write_bytes(b"\x1f\x8b not really gzip")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'gone.txt'}\n", encoding="utf-8")
    out = tmp_path / "glossary.csv"
    for jobs in ("1", "2"):
        code = main(
            [
                "build",
                str(corpus),
                str(bad),
                "--files-from",
                str(listing),
                "-o",
                str(out),
                "-j",
                jobs,
            ]
        )
        assert code == 1
        err = capsys.readouterr().err
        for name in ("scan.txt", "broken.txt.gz", "gone.txt"):
            assert f"skipped {tmp_path}" in err and name in err
        assert "3 of" in err and "Traceback" not in err
        assert out.read_bytes() == reference


def test_strict_stops_at_the_first_unreadable_file_exit_2(corpus, tmp_path, capsys):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "glossary.csv"
    for jobs in ("1", "2"):
        assert main(["build", str(corpus), str(bad), "--strict", "-o", str(out), "-j", jobs]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert err[-1].startswith("termkit build: error:") and "scan.txt" in err[-1]
        assert not out.exists()


@pytest.mark.parametrize("threaded", [False, True], ids=["fork", "forkserver"])
def test_a_killed_worker_loses_and_double_counts_nothing(corpus, reference, threaded):
    # Another thread in the parent makes the pool start workers from a fork server instead.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if threaded:
        other.start()
    files = [str(p) for p in corpus.rglob("*.*")]
    seen: list[Tally] = []

    def kill_one_worker(tally: Tally) -> None:
        if not seen:
            workers = multiprocessing.active_children()
            assert workers
            os.kill(workers[0].pid, signal.SIGKILL)
        seen.append(tally)

    try:
        build = build_corpus(files, jobs=2, chunk_size=1, progress=kill_one_worker)
    finally:
        stop.set()
    assert build.tally.documents == sum(t.documents for t in seen) == len(files)
    assert glossary_csv.dumps(build.termbase).encode("utf-8") == reference


def test_scheduler_without_dask_is_a_one_line_error(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = tmp_path / "glossary.csv"
    code = main(["build", str(corpus), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "termkit[dask]" in err[0]


def test_no_input_and_bad_jobs_exit_2(tmp_path):
    out = str(tmp_path / "g.csv")
    assert main(["build", "-o", out]) == 2
    assert main(["build", str(SEED000), "-o", out, "--jobs", "0"]) == 2
    assert main(["build", "--files-from", str(tmp_path / "none.txt"), "-o", out]) == 2


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 33])
def test_tree_reducer_combines_every_value_once(n):
    calls = []

    def add(a: int, b: int) -> int:
        calls.append((a, b))
        return a + b

    reducer: TreeReducer[int] = TreeReducer(add)
    for i in range(n):
        reducer.add(i)
    assert reducer.result() == (sum(range(n)) if n else None)
    assert len(calls) == max(n - 1, 0)


def test_progress_shows_documents_and_rate_on_a_terminal_only(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        progress = Progress(12)
        progress(Tally(5, 2_000_000, 0, (("gone.txt", "gone.txt: no such file"),)))
        progress(Tally(6, 3_000_000))
        progress.close()
        text = stream.getvalue()
        assert "skipped gone.txt: no such file" in text
        assert ("12/12" in text and "MB/s" in text) == shown


def test_build_warns_of_a_full_form_one_character_from_a_more_frequent_one(tmp_path, capsys):
    for name, text in (
        ("a.txt", "本报告由联合国环境规划署（环境署）编写。环境署。"),
        ("b.txt", "联合国环境规划署（环境署）和联合国开发计划署（开发署）合作。"),
        ("c.txt", "气候专委会是联合国环境规化署（环境署）和世界气象组织（气象组织）设立的。"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "glossary.csv"
    assert main(["build", str(tmp_path), "-o", str(out), "-q", "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert (
        "typo? full form 联合国环境规化署 (1×) is one character away from 联合国环境规划署" in err
    )
    assert "联合国开发计划署" not in err  # two characters away: two names


@pytest.mark.parametrize(
    "name, fit",
    [
        ("WEIGHTS", '{"weights": {"rule-walk": 1.0}}'),
        # how many candidates a held-back dispute keeps is part of the corpus rule's fit
        ("CORPUS_WEIGHTS", '{"weight": 0.5, "options": 3}'),
    ],
)
def test_refitted_weights_invalidate_the_cache(tmp_path, monkeypatch, name, fit):
    termkit.cache.code_digest.cache_clear()
    shipped = termkit.cache.code_digest()
    refitted = tmp_path / "weights.json"
    refitted.write_text(fit + "\n", encoding="utf-8")
    monkeypatch.setattr(termkit.cache, name, refitted)
    termkit.cache.code_digest.cache_clear()
    try:
        assert termkit.cache.code_digest() != shipped
    finally:
        monkeypatch.undo()
        termkit.cache.code_digest.cache_clear()
    assert termkit.cache.code_digest() == shipped


def test_the_corpus_lengthens_a_doubtful_boundary_the_document_alone_cuts_short():
    """UN document 017 lists `版权及相关权常设委员会(SCCR)`; alone, the extractor is unsure
    between that and `权常设委员会`. Across the build the whole name follows five different
    words or punctuation, the cut never stands after anything but 关: the build takes the
    whole name, and says why in the concept's evidence."""
    from termkit.extract import extract_file

    files = un_pages()
    doc = next(f for f in files if f.endswith("017.txt"))
    (alone,) = [d for d in extract_file(doc).definitions if d.short == "SCCR"]
    concepts = build_corpus(files, jobs=1).termbase.concepts
    # the concept whose full form is defined at 017's line 19
    (sccr,) = [
        c
        for c in concepts
        if "SCCR" in {t.text for t in c.terms}
        and any(loc.path == doc and loc.line == 19 for t in c.terms_of("zh") for loc in t.locations)
    ]
    assert sccr.label == "版权及相关权常设委员会"
    if alone.full != sccr.label:  # what the corpus pass changed
        assert "boundary:doubtful" in alone.evidence
        assert {"boundary:corpus", "corpus-contexts:5"} <= set(sccr.evidence)


def test_a_dispute_is_settled_by_logit_and_context_variety_towards_a_longer_name():
    from termkit.corpus import Dispute, Option, resolve

    def option(full: str, logit: float) -> Option:
        return Option(full, logit, Termbase((Concept(concept_id(full), ()),)))

    cut, whole = option("权常设委员会", -0.2), option("版权及相关权常设委员会", -1.0)
    head = option("常设委员会", -1.0)
    dispute = Dispute("017.txt", 19, 14, (cut, whole, head))
    weight = 1.0
    # the whole name's 5 contexts to the cut's 1 outweigh 0.8 of log-odds; the head's 40 never
    # count: the corpus does not shorten a name
    settled = resolve(
        dispute, {"权常设委员会": 1, "版权及相关权常设委员会": 5, "常设委员会": 40}, weight
    )
    assert settled.concepts[0].id == concept_id("版权及相关权常设委员会")
    assert "corpus-contexts:5" in settled.concepts[0].evidence
    kept = resolve(dispute, {"权常设委员会": 1, "版权及相关权常设委员会": 2}, weight)
    assert kept == cut.termbase


def test_the_corpus_pass_gives_the_same_bytes_on_every_core_and_cached(tmp_path):
    files = un_pages()
    reference = glossary_csv.dumps(build_corpus(files, jobs=1).termbase)
    assert "boundary:corpus" in reference
    assert glossary_csv.dumps(build_corpus(files[::-1], jobs=2, chunk_size=3).termbase) == (
        reference
    )
    cache = tmp_path / "cache"
    cold = build_corpus(files, jobs=2, cache=cache, chunk_size=5)
    warm = build_corpus(files[::-1], jobs=1, cache=cache, chunk_size=5)
    assert warm.tally.cached == len(files) and list(cache.glob("*/counts/*/*.json"))
    assert glossary_csv.dumps(cold.termbase) == glossary_csv.dumps(warm.termbase) == reference


def _age(folder: Path) -> None:
    """Date every file an hour back, so that a rebuild trusts their times (termkit.stamps)."""
    past = time.time_ns() - 3600 * 10**9
    for path in folder.rglob("*.*"):
        os.utime(path, ns=(past, past))


def test_new_disputed_candidates_are_counted_in_the_cached_texts(tmp_path, monkeypatch):
    """A document that brings a new doubtful boundary brings new candidates to count: the
    unchanged chunks count them in their cached analysed texts, without reading a document
    again, the chunk it joins analyses no other document again, and the glossary is the same
    bytes as a build from scratch."""
    import termkit.build
    from termkit.corpus import disputed, fitted_rule
    from termkit.extract import extract_file

    folder = tmp_path / "corpus"
    compose_corpus(folder)
    files = sorted(str(p) for p in folder.rglob("*.*"))
    # a real UN document with a doubtful boundary of its own, whichever the extractor finds
    doubtful = next(
        Path(f)
        for f in un_pages()
        if any(disputed(d, fitted_rule().options) for d in extract_file(f).definitions)
    )
    new = folder / "part0" / "new.txt"
    shutil.copyfile(doubtful, new)
    _age(folder)
    cache = tmp_path / "cache"
    build_corpus(files, jobs=1, cache=cache, chunk_size=4)
    entries = sorted(cache.glob("*/counts/*/*.counts.json"))
    before = {p: p.read_bytes() for p in entries}
    seen: list[str] = []
    original = termkit.build.read_bytes
    monkeypatch.setattr(termkit.build, "read_bytes", lambda p: seen.append(p) or original(p))
    analyses: list[str] = []
    analyse = termkit.build.analysed
    monkeypatch.setattr(termkit.build, "analysed", lambda t: analyses.append(t) or analyse(t))
    warm = build_corpus([*files, str(new)], jobs=1, cache=cache, chunk_size=4)
    # the unchanged documents of the new chunks keep their analysed texts (CountCache.directory)
    assert len(analyses) == 1
    old = {tuple(c) for c in content_split(files, 4)}
    now = {tuple(c) for c in content_split([*files, str(new)], 4)}
    # the documents of the new chunks are read (extracted and counted), no other
    assert set(seen) == {p for c in now - old for p in c}
    # the unchanged chunks' entries now hold the new candidates' counts too
    rewritten = [p for p in entries if p.read_bytes() != before[p]]
    assert len(rewritten) == len(old & now) > 0
    monkeypatch.undo()
    fresh = build_corpus([*files, str(new)], jobs=1)
    assert glossary_csv.dumps(warm.termbase) == glossary_csv.dumps(fresh.termbase)
    again = build_corpus([*files, str(new)], jobs=2, cache=cache, chunk_size=4)
    assert glossary_csv.dumps(again.termbase) == glossary_csv.dumps(fresh.termbase)


def test_a_one_character_slip_sharing_a_short_form_becomes_a_deprecated_form(tmp_path, capsys):
    """UNPC line 3168 misprints `联合国环境规化署(环境署)`; seed 000 defines
    `联合国环境规划署（环境署）`. The misprint must not become a concept of its own: it joins
    UNEP's concept, deprecated, with a note, whatever the order of the documents."""
    unpc = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh")
    misprint = tmp_path / "unpc3168.txt"
    misprint.write_text(unpc.read_text(encoding="utf-8").split("\n")[3167] + "\n", "utf-8")
    assert "联合国环境规化署(环境署)" in misprint.read_text(encoding="utf-8")
    files = [str(SEED000), str(misprint)]
    built = build_corpus(files, jobs=1).termbase
    assert glossary_csv.dumps(built) == glossary_csv.dumps(build_corpus(files[::-1]).termbase)
    (unep,) = [c for c in built.concepts if "联合国环境规化署" in {t.text for t in c.terms}]
    forms = {t.text: t for t in unep.terms_of("zh", "fullForm")}
    assert forms["联合国环境规划署"].status == "preferred"
    assert forms["联合国环境规化署"].status == "deprecated"
    assert "one character from 联合国环境规划署" in forms["联合国环境规化署"].note
    assert not [c for c in built.conflicts if "环境署" in c.term]
    # the build says so
    out = tmp_path / "glossary.csv"
    assert main(["build", *files, "-o", str(out), "-q", "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert (
        "typo? full form 联合国环境规化署 (1×) is one character away from 联合国环境规划署" in err
    )
    assert "shares its short form: deprecated" in err
    # The more used form is not always the right one: a decision that deprecates it makes
    # the form deprecated only as its slip the preferred one.
    curation = tmp_path / "curation.csv"
    curation.write_text("action,term,lang,note\ndeprecate,联合国环境规划署,zh,say so\n", "utf-8")
    assert main(["build", *files, "--curation", str(curation), "-o", str(out), "-q"]) == 0
    (curated,) = [
        c
        for c in glossary_csv.read(out).concepts
        if "联合国环境规化署" in {t.text for t in c.terms}
    ]
    statuses = {t.text: t.status for t in curated.terms_of("zh", "fullForm")}
    assert statuses == {"联合国环境规划署": "deprecated", "联合国环境规化署": "preferred"}


def _tables_bytes(out: Path) -> tuple[bytes, bytes]:
    return (
        out.with_suffix(".usage.json").read_bytes(),
        out.with_suffix(".frequency.json").read_bytes(),
    )


def test_build_usage_tables_are_the_same_bytes_on_every_core_and_cached(tmp_path):
    """The corpus tables of `build --usage` go through the build's chunk map-reduce: one
    process, two workers, a cold and a warm cache give the same bytes (real UN documents)."""
    files = un_pages()
    out = tmp_path / "g.csv"
    argv = ["build", *files, "-o", str(out), "--usage", "-q"]
    assert main([*argv, "-j", "1"]) == 0
    reference = _tables_bytes(out)
    assert b'"documents": 75' in reference[0] and reference[1].count(b"\n") > 1000
    assert main([*argv, "-j", "2"]) == 0
    assert _tables_bytes(out) == reference
    cache = tmp_path / "cache"
    for _ in ("cold", "warm"):
        assert main([*argv, "-j", "2", "--cache", str(cache)]) == 0
        assert _tables_bytes(out) == reference
    assert list(cache.glob("*/tables/*/*.json"))


def test_a_warm_build_reads_only_the_changed_chunks_for_its_tables(tmp_path, monkeypatch):
    """A document added to the corpus: the tables pass reads the documents of the chunk it
    joins, no other, and its tables are the same as a build from scratch."""
    import termkit.build
    from termkit.build import corpus_tables

    folder = tmp_path / "corpus"
    compose_corpus(folder)
    files = sorted(str(p) for p in folder.rglob("*.*"))
    new = folder / "part1" / "new.txt"
    shutil.copyfile(un_pages()[0], new)
    _age(folder)
    cache = tmp_path / "cache"
    cold = build_corpus(files, jobs=1, cache=cache, chunk_size=4)
    corpus_tables(cold, cold.termbase, jobs=1, cache=cache, chunk_size=4)
    seen: list[str] = []
    original = termkit.build.read_document
    monkeypatch.setattr(
        termkit.build, "read_document", lambda p, *a: seen.append(p) or original(p, *a)
    )
    everything = [*files, str(new)]
    warm = build_corpus(everything, jobs=1, cache=cache, chunk_size=4)
    tables = corpus_tables(warm, warm.termbase, jobs=1, cache=cache, chunk_size=4)
    old = {tuple(c) for c in content_split(files, 4)}
    now = {tuple(c) for c in content_split(everything, 4)}
    # Chunk ends hang on a digest of the (temporary) path: the changed chunks are whichever
    # the new document joins, and never the whole corpus.
    assert set(seen) == {p for c in now - old for p in c} and len(seen) < len(everything)
    monkeypatch.undo()
    fresh = build_corpus(everything, jobs=1)
    assert tables == corpus_tables(fresh, fresh.termbase, jobs=1)
    assert tables.usage.documents == len(everything)


def test_cached_usage_rows_are_remade_when_the_glossary_forms_change(tmp_path):
    """A row of the usage table depends on the final glossary (curated, with equivalents):
    cached rows made with other forms are not used."""
    from dataclasses import replace

    from termkit.build import corpus_tables

    files = un_pages()
    cache = tmp_path / "cache"
    build = build_corpus(files, jobs=1, cache=cache)
    whole = corpus_tables(build, build.termbase, jobs=1, cache=cache)
    used = max(whole.usage.forms, key=lambda k: whole.usage.forms[k])
    fewer = replace(
        build.termbase,
        concepts=tuple(c for c in build.termbase.concepts if all(t.text != used for t in c.terms)),
    )
    assert len(fewer.concepts) < len(build.termbase.concepts)
    cached = corpus_tables(build, fewer, jobs=1, cache=cache)
    assert cached == corpus_tables(build, fewer, jobs=1) != whole
    assert cached.frequencies == whole.frequencies


def test_a_usage_row_depends_only_on_the_glossary_forms_present_in_the_document():
    """What lets a cached row stand for a new glossary (`Forms.present`): on real UN
    documents, each row made with only the forms that occur in it equals the row made with
    the whole glossary."""
    from termkit.check.corpus_tables import Forms, Texts, document_tables
    from termkit.check.document import Analysed
    from termkit.text.decode import read_document

    files = un_pages()
    forms = Forms.of(build_corpus(files, jobs=1).termbase)
    for path in files:
        doc = Analysed(read_document(path).text)
        texts = Texts.of([doc])
        present = forms.present(texts.keys, texts.folded)
        only = Forms(present.keys, frozenset(present.full), frozenset(present.short))
        assert document_tables(doc, only) == document_tables(doc, forms), path
    assert len(present.keys) < len(forms.keys)


def test_a_cluster_gets_fewer_larger_chunks_than_a_pool():
    """A Dask task costs the scheduler, a worker and the client milliseconds of CPU each: a
    cluster's chunks grow to MAX_TASK_CHUNK documents (4,000 documents: 37 chunks a pass, not
    73), a process pool's stay at MAX_CHUNK; both cover every file once, in order, and shrink
    at the end."""
    from termkit.build import Runner
    from termkit.chunks import MAX_CHUNK, MAX_TASK_CHUNK

    files = [f"doc{i:04d}.txt" for i in range(4000)]
    for scheduler, most, count in (
        (None, MAX_CHUNK, 83),
        ("tcp://cluster:8786", MAX_TASK_CHUNK, 37),
    ):
        chunks = Runner(2, scheduler, len(files)).split(files, 2, None)
        assert [f for c in chunks for f in c] == files
        assert max(map(len, chunks)) == most and len(chunks) == count
        assert len(chunks[-1]) < most
