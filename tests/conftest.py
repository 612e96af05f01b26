"""Shared fixtures: the repository, the seeds and the shared data sets beside the checkout."""

from __future__ import annotations

import gzip
import lzma
from pathlib import Path

import pytest

from termkit.cli import main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED000 = REPO / "seeds" / "000_6fadedb60f1cd4cd.txt"
SEED003 = REPO / "seeds" / "003_e7c89342271a899c.txt"


def shared(*parts: str) -> Path:
    """A path in ../shared; the test is skipped when the data set is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


def bible_excerpt(links: int) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], ...]]]:
    """The Chinese and English sentences of the Bible gold's first `links` links (Genesis
    onwards), and those links (vecalign's `[en ids]:[zh ids]`, English first); the test is
    skipped when the data set is not there."""
    import ast

    folder = shared("data", "bertalign-bible-zh-en")
    gold = []
    for line in (folder / "001.align").read_text(encoding="utf-8").splitlines()[:links]:
        en_ids, zh_ids = line.split(":")
        gold.append((tuple(ast.literal_eval(en_ids)), tuple(ast.literal_eval(zh_ids))))
    n_en = max(i for s, _ in gold for i in s) + 1
    n_zh = max(j for _, t in gold for j in t) + 1
    zh = (folder / "001.zh").read_text(encoding="utf-8").splitlines()[:n_zh]
    en = (folder / "001.en").read_text(encoding="utf-8").splitlines()[:n_en]
    return zh, en, gold


def compose_corpus(folder: Path) -> list[Path]:
    """Two dozen documents cut from the seeds, in nested folders, some gzip or xz compressed."""
    paragraphs = [
        p
        for seed in (SEED000, SEED003)
        for p in seed.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    size = len(paragraphs) // 24 + 1
    files = []
    for i in range(0, len(paragraphs), size):
        n = i // size
        text = "\n\n".join(paragraphs[i : i + size]).encode("utf-8")
        path = folder / f"part{n % 3}" / f"doc{n:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if n % 7 == 3:
            path, text = path.with_suffix(".txt.gz"), gzip.compress(text, mtime=0)
        elif n % 7 == 5:
            path, text = path.with_suffix(".txt.xz"), lzma.compress(text)
        path.write_bytes(text)
        files.append(path)
    return files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    compose_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> bytes:
    """The glossary built in one process, without a cache."""
    out = tmp_path_factory.mktemp("ref") / "glossary.csv"
    assert main(["build", str(corpus), "-o", str(out), "--jobs", "1", "-q"]) == 0
    return out.read_bytes()


# Real UN documents (the un_pages TRAIN excerpts) whose build the corpus pass changes: in
# 017, `版权及相关权常设委员会(SCCR)` is cut to `权常设委员会` by the document alone.
UN_PAGES = REPO / "bench" / "annotated" / "un_pages" / "docs"


def un_pages() -> list[str]:
    files = sorted(str(p) for p in UN_PAGES.glob("*.txt"))
    if not files:
        pytest.skip("bench/annotated/un_pages/docs is not there")
    return files


def run_check(capsys, *args: str) -> tuple[int, str, str]:
    """`termkit check --isolated ARGS` in this process: exit code, standard output and error."""
    code = main(["check", "--isolated", *args])
    out, err = capsys.readouterr()
    return code, out, err
