"""The extract and build commands end to end: contracts, exit codes, atomic output."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from termkit.cli import main
from termkit.formats import glossary_csv

from .conftest import REPO, SEED000, SEED003, shared


def test_extract_jsonl_contract(capsys):
    assert main(["extract", str(SEED003), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records
    lines = SEED003.read_text(encoding="utf-8").splitlines()
    for r in records:
        assert {"full", "short", "kind", "path", "line", "column", "confidence"} <= r.keys()
        assert r["kind"] in ("abbreviation", "title", "english")
        assert lines[r["line"] - 1][r["column"] - 1] == r["full"][0]
    assert {"full": "世界卫生组织", "short": "世卫组织"}.items() <= records[1].items()


def _printed(probe: str) -> list[str]:
    """The lines a fresh interpreter prints running `probe` from the checkout."""
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    return run.stdout.strip().splitlines()


def test_extract_loads_none_of_the_build_machinery(tmp_path):
    """`termkit extract` extracts file by file: the build's caches, corpus pass and chunking
    (0.1 s of imports a process) are not loaded, nor the usage of the forms computed; once
    the segmenter file holds jieba's tables, jieba itself is not imported either."""
    from termkit import user_cache
    from termkit.extract.segmenter import segmenter

    segmenter()  # the segmenter file is made (by jieba) on first use
    probe = (
        "import sys\nfrom termkit.cli import main\n"
        f"code = main(['extract', '-o', {str(tmp_path / 'out.txt')!r}, {str(SEED000)!r}])\n"
        "heavy = ('termkit.build', 'termkit.cache', 'termkit.corpus', 'jieba')\n"
        "print(code, [m for m in heavy if m in sys.modules])\n"
    )
    cached = user_cache.folder("segmenter") is not None
    assert _printed(probe)[-1] == ("0 []" if cached else "0 ['jieba']")


def test_a_termkit_process_spares_its_collector_and_a_caller_keeps_its_own(tmp_path):
    """A process whose command line is termkit's (the script, `python -m termkit`) freezes
    what its imports made and collects less often; `main(argv)` called by a program leaves
    that program's collector as it was."""
    out = str(tmp_path / "out.txt")
    probe = (
        "import gc, sys\nfrom termkit.cli import main\n"
        f"main(['extract', '-o', {out!r}, {str(SEED000)!r}])\n"
        "print(gc.get_threshold(), gc.get_freeze_count() > 0)\n"
        f"sys.argv = ['termkit', 'extract', '-o', {out!r}, {str(SEED000)!r}]\n"
        "main()\n"
        "print(gc.get_threshold(), gc.get_freeze_count() > 0)\n"
    )
    called, command = _printed(probe)[-2:]
    assert called == f"{gc.get_threshold()} False"
    assert command == "(20000, 20, 20) True"


def test_extract_walks_folders_and_writes_csv(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.txt").write_text("由联合国环境规划署（环境署）编写。", encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    out = tmp_path / "defs.csv"
    # a file of the folder termkit cannot read is reported and fails the run (issue 11) ...
    assert main(["extract", str(tmp_path), "--format", "csv", "-o", str(out)]) == 1
    assert "skipped" in capsys.readouterr().err
    # ... unless told to skip it
    assert (
        main(["extract", str(tmp_path), "--format", "csv", "-o", str(out), "--skip-unknown"]) == 0
    )
    assert "image.png: unsupported format (.png)" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "联合国环境规划署,环境署,abbreviation" in text


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "no/such/file.txt"],
        ["extract", "--format", "xml", "x.txt"],
        ["build", str(SEED000)],
        ["nonsense"],
    ],
)
def test_bad_usage_exits_2(argv):
    assert main(argv) == 2


@pytest.mark.parametrize("command", [["extract", "--format", "csv"], ["build", "--strict"]])
def test_binary_input_is_one_line_error_and_no_output_file(tmp_path, capsys, command):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.csv"
    assert main([*command, str(SEED000), str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "scan.txt" in err[-1] and "Traceback" not in "".join(err)
    assert not out.exists()
    assert not list(tmp_path.glob(".out.csv.*"))


def test_shipped_glossary_is_what_termkit_builds_from_the_seeds(tmp_path, monkeypatch):
    """The seeds and the UNPC devset beside the checkout, with English equivalents from the
    devset's parallel English, curated: the command of README.md."""
    shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh")
    monkeypatch.chdir(REPO)
    out = tmp_path / "glossary.csv"
    devset = "../shared/data/unpc-v1.0-devset/UNv1.0.devset"
    curation = ["--curation", "glossary/curation.csv"]
    parallel = ["--parallel", f"{devset}.zh", f"{devset}.en"]
    assert main(["build", "seeds", *parallel, *curation, "-o", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8") == (REPO / "glossary" / "glossary.csv").read_text(
        encoding="utf-8"
    )
    tb = glossary_csv.read(out)
    unep = next(c for c in tb.concepts if c.label == "联合国环境规划署")
    assert unep.preferred("zh", "shortForm").text == "环境署"
    undp = next(c for c in tb.concepts if c.label == "联合国开发计划署")
    assert undp.preferred("zh", "shortForm").text == "开发署"  # a curation decision
    assert not any(t.text == "NBSAPs 2.0" for c in tb.concepts for t in c.terms)


def _twins(tmp_path):
    zh = tmp_path / "report.zh.txt"
    en = tmp_path / "report.en.txt"
    zh.write_text(
        "1. 本报告由联合国开发计划署（开发署）编写。\n"
        "2. 开发署与联合国儿童基金会（儿基会）合作，向 12 个国家提供了支助。\n"
        "3. 开发署和儿基会将于 2015 年继续这项工作。\n",
        encoding="utf-8",
    )
    en.write_text(
        "1. This report was prepared by the United Nations Development Programme (UNDP).\n"
        "2. UNDP worked with the United Nations Children's Fund (UNICEF) to support 12 "
        "countries.\n"
        "3. UNDP and UNICEF will continue this work in 2015.\n",
        encoding="utf-8",
    )
    return zh, en


def test_build_with_an_english_twin_adds_english_equivalents(tmp_path):
    zh, en = _twins(tmp_path)
    out = tmp_path / "glossary.csv"
    assert main(["build", "--parallel", str(zh), str(en), "-o", str(out), "-q", "-j", "1"]) == 0
    tb = glossary_csv.read(out)
    english = {c.label: {t.text for t in c.terms_of("en")} for c in tb.concepts}
    assert english["联合国开发计划署"] == {"UNDP", "United Nations Development Programme"}
    assert english["联合国儿童基金会"] == {"UNICEF", "United Nations Children's Fund"}


def test_build_aligns_each_english_twin_once(tmp_path, monkeypatch):
    """The worker that extracts a twin pairs its terms with the same beads, and the cache
    keeps them: a rebuild aligns nothing, and one whose paired terms are lost aligns the twin
    once, by the build itself. The glossary is the same each way."""
    import termkit.align

    zh, en = _twins(tmp_path)
    aligned = []
    align_files = termkit.align.align_files
    monkeypatch.setattr(
        termkit.align, "align_files", lambda *a, **k: aligned.append(a) or align_files(*a, **k)
    )
    command = ["build", "--parallel", str(zh), str(en), "-q", "-j", "1"]
    cache = tmp_path / "cache"
    outputs = []
    for run, times in (([], 1), (["--cache", str(cache)], 1), (["--cache", str(cache)], 0)):
        aligned.clear()
        outputs.append(tmp_path / f"glossary{len(outputs)}.csv")
        assert main([*command, *run, "-o", str(outputs[-1])]) == 0
        assert aligned == [(str(zh), str(en))] * times
    (paired,) = cache.glob("*/paired")
    shutil.rmtree(paired)
    aligned.clear()
    outputs.append(tmp_path / "lost.csv")
    assert main([*command, "--cache", str(cache), "-o", str(outputs[-1])]) == 0
    assert aligned == [(str(zh), str(en))]
    assert len({p.read_bytes() for p in outputs}) == 1


def test_the_glossary_is_inside_a_plain_install(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("termkit-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        shipped = z.read("termkit/data/glossary.csv").decode("utf-8")
    assert shipped == (REPO / "glossary" / "glossary.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["build", "extract"])
def test_output_into_a_missing_folder_is_a_one_line_error(tmp_path, capsys, command):
    out = tmp_path / "no" / "such" / "glossary.csv"
    assert main([command, str(SEED003), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].endswith("does not exist") and "Traceback" not in "".join(err)
