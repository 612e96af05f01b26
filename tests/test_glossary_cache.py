"""Parsed glossaries kept between checks: the same termbase as a fresh parse, never a stale or
damaged one."""

from __future__ import annotations

import hashlib
import json

import pytest

import termkit.check.glossary
import termkit.errors
import termkit.formats.registry
from termkit import glossary_cache
from termkit.check.glossary import GlossaryIndex, match_keys
from termkit.formats.registry import default_glossary_path

from .conftest import shared


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(folder))
    return folder / "glossaries"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The glossaries the readers really parse."""
    seen: list[str] = []
    original = termkit.formats.registry.load_glossary

    def load(path, lenient=False):
        seen.append(str(path))
        return original(path, lenient)

    monkeypatch.setattr(termkit.formats.registry, "load_glossary", load)
    return seen


def cached(path):
    """The cached termbase, after checking that its terms' keys are the ones the checker
    computes."""
    termbase, keys = glossary_cache.load_keyed(path)
    assert keys == match_keys(termbase)
    return termbase


def _copy(source, tmp_path):
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    return target


# One glossary of each format the cache stores: the shipped CSV, a real TBX and a real TMX.
EVERY_FORMAT = pytest.mark.parametrize(
    "source",
    [
        lambda: default_glossary_path(),
        lambda: shared("data", "tbx", "Example_Astronomy_DCA_VALID.tbx"),
        lambda: shared("data", "tico19-en-zh", "all.en-zh.tmx"),
    ],
    ids=["csv", "tbx", "tmx"],
)


@EVERY_FORMAT
def test_a_cached_glossary_is_the_parsed_one_and_is_not_parsed_again(
    source, cache, parses, tmp_path
):
    path = _copy(source(), tmp_path)
    fresh = termkit.formats.registry.load_glossary(path)
    parses.clear()
    first = cached(path)
    second = cached(path)
    assert parses == [str(path)]  # the first load parsed, the second did not
    assert first == second == fresh and hash(second) == hash(fresh)
    assert len(list(cache.glob("*.json"))) == 1


def test_an_edited_glossary_is_parsed_again(cache, parses, tmp_path):
    path = _copy(default_glossary_path(), tmp_path)
    before = cached(path)
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace(",环境署,", ",环保署,", 1), encoding="utf-8")
    after = cached(path)
    assert after == termkit.formats.registry.load_glossary(path) != before
    assert len(parses) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # torn
        lambda data: data.replace("环境署".encode(), "环保署".encode(), 1),  # flipped bytes
        lambda data: b'["another program"]\n' + data.partition(b"\n")[2],  # foreign header
        lambda data: b"",
    ],
)
def test_a_damaged_entry_is_parsed_again(damage, cache, parses, tmp_path):
    path = _copy(default_glossary_path(), tmp_path)
    fresh = cached(path)
    (entry,) = cache.glob("*.json")
    entry.write_bytes(damage(entry.read_bytes()))
    assert cached(path) == fresh
    assert len(parses) == 2
    assert cached(path) == fresh  # rewritten whole
    assert len(parses) == 2


def test_the_cache_can_be_turned_off_and_keeps_few_entries(tmp_path, monkeypatch, parses):
    path = _copy(default_glossary_path(), tmp_path)
    monkeypatch.setenv("TERMKIT_CACHE_DIR", "")
    cached(path)
    cached(path)
    assert len(parses) == 2
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(glossary_cache, "MAX_ENTRIES", 3)
    text = path.read_text(encoding="utf-8-sig")
    for i in range(5):
        path.write_text(text + f"c{i:012d},zh,名称{i},fullForm,preferred\n", encoding="utf-8")
        cached(path)
    assert len(list((tmp_path / "c" / "glossaries").glob("*.json"))) == 3


def test_an_unreadable_glossary_is_the_readers_error(cache, tmp_path):
    with pytest.raises(termkit.errors.InputError, match="no such file"):
        cached(tmp_path / "missing.csv")


def test_a_cached_glossary_keeps_its_terms_keys(cache, tmp_path, monkeypatch):
    path = _copy(default_glossary_path(), tmp_path)
    termbase, keys = glossary_cache.load_keyed(path)
    computed: list[int] = []

    def counted(tb):
        computed.append(len(tb.concepts))
        return match_keys(tb)

    monkeypatch.setattr(termkit.check.glossary, "match_keys", counted)
    again, kept = glossary_cache.load_keyed(path)
    assert computed == []  # the keys came from the entry, not from normalizing every term
    assert again == termbase and kept == keys and "环境署" in keys
    assert GlossaryIndex([again], [kept]).by_key == GlossaryIndex([termbase]).by_key


def indexed(*paths):
    """The checker's index of the glossaries' cached tables, every concept made."""
    return GlossaryIndex([], tables=[glossary_cache.load_table(p) for p in paths])


def same_index(index, expected):
    assert list(index.by_key.items()) == list(expected.by_key.items())  # order as well
    assert index.keys == expected.keys
    assert index.zh_short_keys == expected.zh_short_keys
    assert index.zh_full_keys == expected.zh_full_keys


@EVERY_FORMAT
def test_a_cached_table_indexes_as_the_parsed_glossary(source, cache, parses, tmp_path):
    path = _copy(source(), tmp_path)
    expected = GlossaryIndex([termkit.formats.registry.load_glossary(path)])
    parses.clear()
    same_index(indexed(path), expected)  # parsed, and written
    same_index(indexed(path), expected)  # read back
    assert parses == [str(path)]


def test_a_table_makes_only_the_concepts_asked_for(cache, tmp_path):
    path = _copy(default_glossary_path(), tmp_path)
    glossary_cache.load_table(path)
    table = glossary_cache.load_table(path)
    index = GlossaryIndex([], tables=[table])
    assert "环境署" in index and len(index.keys) > 100 and index.zh_short_keys
    assert table.concept.made == {}  # keys, roles and membership need no concept
    (entry,) = index.entries("环境署")
    assert entry.concept.id in {c.id for c in table.concept.made.values()}
    assert len(table.concept.made) == len({ci for ci, _ in table.places("环境署")})


def test_a_later_glossary_wins_in_tables_as_in_termbases(cache, tmp_path):
    shipped = _copy(default_glossary_path(), tmp_path)
    project = tmp_path / "project.csv"
    project.write_text(
        "concept_id,lang,term,type,status\n"
        "p1,zh,联合国环境规划署,fullForm,preferred\n"
        "p1,zh,环境署,shortForm,deprecated\n"
        "p1,zh,环保署,shortForm,preferred\n",
        encoding="utf-8",
    )
    load = termkit.formats.registry.load_glossary
    expected = GlossaryIndex([load(shipped), load(project)])
    indexed(shipped, project)
    index = indexed(shipped, project)
    same_index(index, expected)
    assert "环境署" not in index.zh_short_keys and "环保署" in index.zh_short_keys


def test_a_damaged_concept_line_is_a_one_line_error(cache, tmp_path):
    path = _copy(default_glossary_path(), tmp_path)
    glossary_cache.load_table(path)
    (entry,) = cache.glob("*.json")
    head, _, body = entry.read_bytes().partition(b"\n")
    index, _, rest = body.split(b"\n", 2)
    body = b"\n".join([index, b'["c1", 7]', rest])  # sealed anew: only the line is wrong
    key = json.loads(head)[1]
    sealed = json.dumps(glossary_cache._header(key, hashlib.sha256(body).hexdigest()))
    entry.write_bytes(sealed.encode() + b"\n" + body)
    table = glossary_cache.load_table(path)
    with pytest.raises(termkit.errors.InputError, match="damaged glossary cache entry"):
        table.concept(0)
