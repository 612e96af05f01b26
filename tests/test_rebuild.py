"""Rebuilds with a cache: unchanged files are not read, unchanged chunks are loaded merged, and
the glossary is the same bytes as a build from scratch whatever changed."""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

import termkit.build
from termkit.build import build_corpus
from termkit.cache import read_entry, write_entry
from termkit.chunk_cache import ChunkCache
from termkit.chunks import content_groups, content_split
from termkit.formats import glossary_csv
from termkit.stamps import RACY_SECONDS

from .conftest import compose_corpus

HOUR = 3600 * 10**9


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.*"))


def _age(folder: Path, ns: int = HOUR) -> None:
    """Date every file an hour back: as a corpus is by the time anyone rebuilds it."""
    past = time.time_ns() - ns
    for path in folder.rglob("*.*"):
        os.utime(path, ns=(past, past))


def _glossary(files: list[str], **options) -> str:
    return glossary_csv.dumps(build_corpus(files, jobs=1, **options).termbase)


def _with_text(files: list[str], text: str) -> str:
    """A plain-text document of the corpus that holds `text`."""
    return next(p for p in files if p.endswith(".txt") and text in Path(p).read_text("utf-8"))


@pytest.fixture
def aged(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    compose_corpus(folder)
    _age(folder)
    return folder


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The paths the build reads, in this process."""
    seen: list[str] = []
    original = termkit.build.read_bytes

    def read_bytes(path):
        seen.append(path)
        return original(path)

    monkeypatch.setattr(termkit.build, "read_bytes", read_bytes)
    return seen


def test_warm_rebuild_reads_only_the_chunk_of_a_new_document(aged, tmp_path, reads):
    cache = tmp_path / "cache"
    files = _files(aged)
    new = aged / "part1" / "new.txt"
    new.write_text("联合国环境规划署（环境署）与全球环境基金（环境基金）合作。\n", encoding="utf-8")
    _age(aged)
    cold = build_corpus(files, jobs=1, cache=cache, chunk_size=4)
    # Each document is read by the extraction and again by the corpus pass, which counts the
    # candidates of the doubtful boundaries in it (termkit.corpus).
    assert Counter(reads) == dict.fromkeys(files, 2) and cold.tally.cached == 0
    reads.clear()
    warm = build_corpus([*files, str(new)], jobs=1, cache=cache, chunk_size=4)
    assert str(new) in reads
    # The new document's chunk changes, and so does the next one when the new path is itself a
    # cut point (a hash of the path decides, and pytest's folder names are random): only the
    # documents of the chunks that were not there before are read (and counted: the new
    # document brings no doubtful boundary, so the other chunks' counts still hold).
    before = {tuple(c) for c in content_split(files, 4)}
    changed = [p for c in content_split([*files, str(new)], 4) if tuple(c) not in before for p in c]
    assert str(new) in changed and Counter(reads) == dict.fromkeys(changed, 2)
    assert len(changed) < len(files)
    assert warm.tally.documents == len(files) + 1
    assert warm.tally.cached == len(files)
    assert glossary_csv.dumps(warm.termbase) == _glossary([*files, str(new)])
    reads.clear()
    again = build_corpus([*files, str(new)], jobs=2, cache=cache, chunk_size=4)
    assert reads == [] and again.tally.cached == again.tally.documents
    assert glossary_csv.dumps(again.termbase) == glossary_csv.dumps(warm.termbase)


def test_a_changed_file_is_read_again_even_with_its_size_and_time_kept(aged, tmp_path):
    cache = tmp_path / "cache"
    files = _files(aged)
    original = _glossary(files, cache=cache)
    target = _with_text(files, "环境署")
    before = os.stat(target)
    text = Path(target).read_text(encoding="utf-8")
    # Same size, same modification time, new content: only the change time tells.
    Path(target).write_text(text.replace("环境署", "环保署", 1), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(target).st_size == before.st_size
    assert _glossary(files, cache=cache) == _glossary(files) != original


def test_a_file_written_just_before_a_build_is_not_trusted_by_its_times(aged, tmp_path):
    """Written twice within the timestamp granularity: the second write may leave the same
    times, so the first build must not record them."""
    cache = tmp_path / "cache"
    files = _files(aged)
    target = _with_text(files, "环境署")
    text = Path(target).read_text(encoding="utf-8")
    assert RACY_SECONDS >= 2  # coarser than one second, as FAT's and NFS's times are
    recent = time.time_ns() - 10**9
    os.utime(target, ns=(recent, recent))
    original = _glossary(files, cache=cache)
    index = read_entry(next(cache.glob("*/stamps.json")), cache)
    assert os.path.abspath(target) not in index["entries"]
    assert len(index["entries"]) == len(files) - 1
    Path(target).write_text(text.replace("环境署", "环保署", 1), encoding="utf-8")
    os.utime(target, ns=(recent, recent))
    assert _glossary(files, cache=cache) == _glossary(files) != original


@pytest.mark.parametrize(
    "damage",
    [b"", b"\xff not json", b'{"format": "termkit-stamp-index", "entries": {"a": [1]}}', b"[]"],
)
def test_a_corrupt_index_or_chunk_entry_is_rebuilt_not_trusted(aged, tmp_path, damage):
    cache = tmp_path / "cache"
    files = _files(aged)
    reference = _glossary(files)
    build_corpus(files, jobs=1, cache=cache, chunk_size=4)
    for entry in [*cache.glob("*/stamps.json"), *cache.glob("*/chunks/*/*.json")]:
        entry.write_bytes(damage)
    assert _glossary(files, cache=cache, chunk_size=4) == reference
    # A chunk entry of the right shape but wrong types, or pointing at no path, only misses.
    for entry in cache.glob("*/chunks/*/*.json"):
        data = read_entry(entry, cache)
        for concept in data["concepts"]:
            concept[2] = [len(data["paths"])]
        write_entry(entry, cache, data)  # sealed: the values themselves must be refused
    again = build_corpus(files, jobs=1, cache=cache, chunk_size=4)
    assert again.tally.cached == len(files)  # from the documents' own entries
    assert glossary_csv.dumps(again.termbase) == reference


def test_moving_the_corpus_reuses_document_entries_not_chunks(aged, tmp_path, reads):
    cache = tmp_path / "cache"
    build_corpus(_files(aged), jobs=1, cache=cache)
    moved = tmp_path / "moved"
    shutil.copytree(aged, moved)
    reads.clear()
    build = build_corpus(_files(moved), jobs=1, cache=cache)
    # New paths: read, hashed, found by content; the corpus pass, whose counts are kept by
    # chunk of paths, reads them again.
    assert Counter(reads) == dict.fromkeys(_files(moved), 2)
    assert build.tally.cached == build.tally.documents
    assert str(moved) in glossary_csv.dumps(build.termbase)


def test_content_chunks_change_only_where_a_path_is_added():
    files = [f"corpus/{i // 100:02d}/{i:05d}.txt" for i in range(2000)]
    before = content_split(files, 16)
    after = content_split([*files, "corpus/07/extra.txt"], 16)
    assert sum(map(len, after)) == len(files) + 1
    assert len(set(before) - set(after)) == 1 and len(set(after) - set(before)) == 1
    assert 1000 / 16 / 2 < len(before) < 2000 / 16 * 2
    assert content_split(files[::-1], 16) == before


def test_content_groups_change_only_where_a_path_is_added():
    files = [f"corpus/{i // 100:02d}/{i:05d}.txt" for i in range(4000)]
    before = content_groups(content_split(files, 16))
    after = content_groups(content_split([*files, "corpus/07/extra.txt"], 16))
    assert [c for g in before for c in g] == content_split(files, 16)
    assert max(map(len, before)) > 1 and 250 / 8 / 2 < len(before) < 250 / 8 * 2
    changed = [g for g in after if g not in before]
    assert len(changed) == 1 and len([g for g in before if g not in after]) == 1
    assert "corpus/07/extra.txt" in {p for c in changed[0] for p in c}


def test_an_unchanged_group_of_chunks_loads_as_one_entry(aged, tmp_path, monkeypatch):
    """Chunks grouped by three here (a corpus of two dozen documents has one content-defined
    group): the second rebuild finds each whole group in one entry, and a group with a new
    document loads its other chunks one by one; the glossary is the same bytes throughout."""
    cache = tmp_path / "cache"
    files = _files(aged)
    monkeypatch.setattr(
        termkit.build,
        "content_groups",
        lambda chunks: [chunks[i : i + 3] for i in range(0, len(chunks), 3)],
    )
    gets: list[str] = []
    original_get = ChunkCache.get

    def get(self, key):
        gets.append(key)
        return original_get(self, key)

    monkeypatch.setattr(ChunkCache, "get", get)
    reference = _glossary(files)
    chunks = content_split(files, 2)
    groups = len(range(0, len(chunks), 3))
    for _ in range(3):  # cold (chunk entries), warm (group entries made), warm
        gets.clear()
        build = build_corpus(files, jobs=1, cache=cache, chunk_size=2)
        assert glossary_csv.dumps(build.termbase) == reference
    assert len(gets) == groups < len(chunks) and build.tally.cached == len(files)
    new = aged / "part1" / "new.txt"
    new.write_text("联合国环境规划署（环境署）与全球环境基金（环境基金）合作。\n", encoding="utf-8")
    _age(aged)
    for _ in range(2):
        warm = build_corpus([*files, str(new)], jobs=1, cache=cache, chunk_size=2)
        assert glossary_csv.dumps(warm.termbase) == _glossary([*files, str(new)])
