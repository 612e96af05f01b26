"""The segmenter cuts as `jieba.posseg.cut(text, HMM=False)` does, whole or loaded part by part
from its file, and a damaged, planted or switched-off file changes nothing but the speed."""

from __future__ import annotations

import importlib
import importlib.util
import os
from pathlib import Path

import pytest

from termkit.extract import segmenter as module

from .conftest import REPO, shared

EDGES = [
    "",
    " ",
    "a",
    "1",
    "ＡＢＣ 12.5 abc-def x\r\ny  \t中文 REDD+ 降排＋ C#语言 a.b_c & 100% 第12项",
    "联合国环境规划署（环境署）与全球环境基金合作。UNEP/CBD/COP/11/1",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    seeds = [line for p in sorted((REPO / "seeds").glob("*.txt")) for line in _lines(p)]
    unpc = _lines(shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh"))[::4]
    return [*EDGES, *seeds, *unpc]


@pytest.fixture(scope="module")
def jiebas(texts) -> list[list[tuple[str, str]]]:
    posseg = importlib.import_module("jieba.posseg")
    return [[(p.word, p.flag) for p in posseg.cut(t, HMM=False)] for t in texts]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A segmenter made anew from a cache folder of the test's own."""
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path))

    def make() -> module.Segmenter:
        module.segmenter.cache_clear()
        return module.segmenter()

    yield make
    module.segmenter.cache_clear()


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _cuts(segmenter: module.Segmenter, texts: list[str]) -> list[list[tuple[str, str]]]:
    return [[tuple(w) for w in segmenter.cut(t)] for t in texts]


def test_the_segmenter_cuts_as_jieba_whole_and_from_its_file(fresh, texts, jiebas, tmp_path):
    whole = fresh()  # no file yet: jieba's own tables, then the file is written
    assert not whole._parts
    assert _cuts(whole, texts) == jiebas
    assert len(list((tmp_path / "segmenter").glob("*.json"))) == 1
    lazy = fresh()
    assert lazy._parts and not lazy._tables
    assert _cuts(lazy, texts) == jiebas


def test_only_the_words_of_the_character_pairs_cut_are_loaded(fresh):
    fresh()
    lazy = fresh()
    assert [w.word for w in lazy.cut("环境规划署")] == ["环境", "规划署"]
    assert set(lazy._tables) == {*"环境规划署", "环境", "境规", "规划", "划署"}
    loaded = [word for freq, _ in lazy._tables.values() for word in freq]
    assert all(word[:2] in "环境规划署" for word in loaded)
    # the words that start with these characters, but only with these pairs of them
    assert any(word.startswith("规划") for word in loaded)
    assert not any(word.startswith("规定") for word in loaded)
    assert len(loaded) < len(module._jieba().dt.FREQ) / 500


@pytest.mark.parametrize("damage", ["flip", "truncate", "link"])
def test_a_damaged_or_planted_file_is_made_again(fresh, texts, jiebas, tmp_path, damage):
    fresh()
    (path,) = (tmp_path / "segmenter").glob("*.json")
    data = path.read_bytes()
    if damage == "flip":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 3])
    else:
        planted = tmp_path / "planted.json"
        planted.write_bytes(data)
        path.unlink()
        os.symlink(planted, path)
    again = fresh()
    assert not again._parts  # not trusted: jieba's own tables
    assert _cuts(again, texts[:200]) == jiebas[:200]
    if damage != "link":
        assert fresh()._parts  # written again, whole
    else:
        assert path.is_symlink()  # never written through


def test_no_file_when_the_cache_is_turned_off(fresh, texts, jiebas, monkeypatch, tmp_path):
    monkeypatch.setenv("TERMKIT_CACHE_DIR", "")
    off = fresh()
    assert not off._parts
    assert _cuts(off, texts[:50]) == jiebas[:50]
    assert list(tmp_path.iterdir()) == []


def test_the_key_knows_the_dictionary_by_its_size_and_time_without_reading_it(
    tmp_path, monkeypatch
):
    """Opening the segmenter file reads none of jieba's 5 MB dictionary (5 ms a process),
    yet a dictionary installed anew (another size or modification time) is another key."""
    fake = tmp_path / "jieba"
    fake.mkdir()
    (fake / "__init__.py").write_text("__version__ = '0.42.1'\n", encoding="utf-8")
    dictionary = fake / "dict.txt"
    dictionary.write_text("联合国 1000 nt\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("jieba", fake / "__init__.py")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    read: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: read.append(p.name) or read_bytes(p))
    first = module._key()
    assert read == ["__init__.py"]
    os.utime(dictionary, ns=(0, dictionary.stat().st_mtime_ns + 1_000_000_000))
    touched = module._key()
    dictionary.write_text("联合国 1001 nt\n", encoding="utf-8")
    os.utime(dictionary, ns=(0, 0))
    assert len({first, touched, module._key()}) == 3
