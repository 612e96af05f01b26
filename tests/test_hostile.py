"""Every reproducer of ../shared/repro (issue 16) as a regression test: a one-line error and
exit 2 naming the file, or the right result, never a traceback, a hang or a silent loss."""

from __future__ import annotations

import codecs
import gzip
import json
import shutil
import subprocess
import sys

import pytest

from termkit.build import build_corpus
from termkit.cache import write_entry
from termkit.cli import main
from termkit.errors import InputError, reading
from termkit.formats.registry import load_glossary
from termkit.text.decode import decode_bytes, read_bytes

from .conftest import REPO, SHARED

REPRO = SHARED / "repro"
CASES = json.loads((REPRO / "cases.json").read_text(encoding="utf-8")) if REPRO.exists() else []
# Cases whose command must succeed (the input is valid, or a corrupt cache entry is a miss).
SUCCEED = {
    "tbx-gb18030-declared",
    "tmx-gb18030-declared",
    "cache-deep-json",
    "check-long-whitespace",
    "align-long-token",
    "check-glossary-long-term",
    "extract-distinct-definitions",
}
# Cases whose command must end with findings (exit 1) and no error.
FINDINGS = {"check-distinct-definitions"}
# Cases that took super-linear time: run in a child process so a regression fails, not hangs.
HANGS = {
    "check-long-whitespace",
    "align-long-token",
    "check-glossary-long-term",
    "xlsx-bomb",
    "extract-distinct-definitions",
    "check-distinct-definitions",
}


def _params():
    for case in CASES:
        yield pytest.param(case, id=case["name"])


def _setup(case: dict, folder) -> None:
    for name in case["files"]:
        shutil.copy(REPRO / name, folder / name)
    if "generate" in case:
        env = {"PYTHONPATH": str(REPO)}
        subprocess.run(
            [sys.executable, str(REPRO / "gen.py"), *case["generate"][1:]],
            cwd=folder,
            env=env,
            check=True,
        )


def _run(case: dict, folder, monkeypatch, capsys) -> tuple[int, str]:
    if case["name"] in HANGS:
        proc = subprocess.run(
            [sys.executable, "-m", "termkit", *case["argv"]],
            cwd=folder,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=120,  # a hang detector, not a speed test: bench/hostile_scale.py times it
        )
        return proc.returncode, proc.stderr
    monkeypatch.chdir(folder)
    code = main(case["argv"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("case", _params())
def test_repro_case(case, tmp_path, monkeypatch, capsys):
    _setup(case, tmp_path)
    code, err = _run(case, tmp_path, monkeypatch, capsys)
    assert "Traceback" not in err
    if case["name"] in SUCCEED:
        assert code == 0, err
        return
    if case["name"] in FINDINGS:
        assert code == 1, err
        return
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    argv = case["argv"]
    culprit = argv[argv.index("--glossary") + 1] if "--glossary" in argv else argv[1]
    assert lines[0].startswith(f"termkit {argv[0]}: error: {culprit}"), err


def test_declared_multibyte_encodings_are_read(tmp_path):
    for codec in ("GB18030", "GBK", "Big5", "UTF-16", "UTF-16LE", "ISO-8859-1"):
        term = "環境署" if codec == "Big5" else "Umwelt" if codec == "ISO-8859-1" else "环境署"
        text = _tbx(f"<term>{term}</term>").replace('"UTF-8"', f'"{codec}"')
        path = tmp_path / f"{codec}.tbx"
        data = text.encode("utf-16" if codec == "UTF-16" else codec)
        path.write_bytes(data)
        tb = load_glossary(path)
        assert [t.text for c in tb.concepts for t in c.terms] == [term], codec


def test_gb18030_tmx_keeps_both_languages(tmp_path, monkeypatch, capsys):
    shutil.copy(REPRO / "gb18030-declared.tmx", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["import", "gb18030-declared.tmx", "-o", "out.csv"]) == 0
    out = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "环境署" in out and "UNEP" in out


def test_unknown_and_non_text_encodings_are_one_line(tmp_path, capsys):
    path = tmp_path / "t.txt"
    path.write_text("环境署", encoding="utf-8")
    for name, said in (("rot13", "not a text encoding"), ("utf-9", "unknown encoding")):
        assert main(["extract", str(path), "--encoding", name]) == 2
        err = capsys.readouterr().err
        assert said in err and err.count("\n") == 1


def test_a_corrupt_cache_entry_is_recomputed(tmp_path, monkeypatch, capsys):
    _setup({"files": [], "generate": ["gen.py", "cache-deep-json"]}, tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "c.txt", "--cache", "cache", "-o", "G.csv", "--jobs", "1", "-q"]) == 0
    assert "环境署" in (tmp_path / "G.csv").read_text(encoding="utf-8")


def test_the_reader_boundary_names_the_file_whatever_the_parser_raises():
    for exc in (ZeroDivisionError("x"), KeyError("k"), RecursionError(), MemoryError()):
        with pytest.raises(InputError, match=r"^doc\.xlsx: cannot read: "), reading("doc.xlsx"):
            raise exc
    with pytest.raises(InputError, match=r"^as it was$"), reading("doc.xlsx"):
        raise InputError("as it was")


def test_a_zero_width_no_break_space_after_the_bom_is_kept():
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        doc = decode_bytes(bom + "\ufeff环境署".encode(codec), "t.txt")
        assert doc.text == "\ufeff环境署"


def test_nesting_and_inflation_limits_are_configurable(tmp_path, monkeypatch):
    deep = tmp_path / "deep.tbx"
    inner = "<termGrp>" * 40 + "<term>环境署</term>" + "</termGrp>" * 40
    deep.write_text(_tbx(inner), encoding="utf-8")
    assert load_glossary(deep).concepts
    monkeypatch.setenv("TERMKIT_MAX_DEPTH", "20")
    with pytest.raises(InputError, match="TERMKIT_MAX_DEPTH"):
        load_glossary(deep)
    packed = tmp_path / "t.txt.gz"
    packed.write_bytes(gzip.compress(("环境署" * 200_000).encode("utf-8")))  # 1.8 MB
    assert read_bytes(packed)
    monkeypatch.setenv("TERMKIT_MAX_INFLATED_MB", "1")
    with pytest.raises(InputError, match="TERMKIT_MAX_INFLATED_MB"):
        read_bytes(packed)


def _tbx(inner: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Basic" style="dca" xml:lang="zh" xmlns="urn:iso:std:iso:30042:ed-2">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>"
        '<text><body><conceptEntry id="c1"><langSec xml:lang="zh"><termSec>'
        f"{inner}</termSec></langSec></conceptEntry></body></text></tbx>\n"
    )


def test_a_stray_quote_is_an_error_with_its_line_or_a_reported_skip(tmp_path, capsys, caplog):
    path = tmp_path / "stray-quote.csv"
    shutil.copy(REPRO / "stray-quote.csv", path)
    assert main(["import", str(path), "-o", str(tmp_path / "out.csv")]) == 2
    assert f"{path}:4: malformed CSV row" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()
    assert main(["import", str(path), "--lenient", "-o", str(tmp_path / "out.csv")]) == 0
    assert f"{path}:4: skipped a malformed CSV row" in caplog.text
    assert len(load_glossary(tmp_path / "out.csv").concepts) == 38  # 39 rows, one skipped


def test_a_multi_line_cell_is_no_malformed_row(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text('zh,en,note\n环境署,UNEP,"two\nlines"\n规划署,UNEP,x\n', encoding="utf-8")
    concepts = load_glossary(path).concepts
    terms = sorted([t.text for t in c.terms] for c in concepts)
    assert terms == [["环境署", "UNEP"], ["规划署", "UNEP"]]
    assert any("two\nlines" in c.note for c in concepts)


def _workbook(tmp_path, name: str, **parts: str):
    """The repro's minimal workbook with some members replaced."""
    sys.path.insert(0, str(REPRO))
    try:
        import gen
    finally:
        sys.path.pop(0)
    path = tmp_path / name
    path.write_bytes(gen.xlsx({**gen.XLSX_PARTS, **parts}))
    return path


def test_workbook_limits_on_shared_strings_and_cells(tmp_path, monkeypatch):
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><si><t>zh</t></si><si><t>en</t></si>'
        + "<si><t>联合国环境规划署</t></si><si><t>UNEP</t></si>" * 50
        + "</sst>"
    )
    path = _workbook(tmp_path, "many.xlsx", **{"xl/sharedStrings.xml": strings})
    assert load_glossary(path).concepts
    monkeypatch.setenv("TERMKIT_MAX_XLSX_STRINGS", "60")
    with pytest.raises(InputError, match="shared strings past the limit of 60"):
        load_glossary(path)
    monkeypatch.setenv("TERMKIT_MAX_XLSX_CELLS", "3")
    monkeypatch.delenv("TERMKIT_MAX_XLSX_STRINGS")
    with pytest.raises(InputError, match="cells past the limit of 3"):
        load_glossary(path)


def test_a_workbook_member_with_a_dtd_is_refused_in_one_line(tmp_path):
    sheet = '<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "http://example.invalid/x.dtd">'
    path = _workbook(tmp_path, "dtd.xlsx", **{"xl/worksheets/sheet1.xml": sheet + "<worksheet/>"})
    with pytest.raises(InputError, match=r"sheet1\.xml declares a DTD"):
        load_glossary(path)


def _cached_build(tmp_path):
    (tmp_path / "c.txt").write_text("联合国环境规划署（环境署）开展了工作。环境署发布了报告。\n")
    cache = tmp_path / "cache"
    build = build_corpus([str(tmp_path / "c.txt")], jobs=1, cache=cache)
    return cache, build


def test_a_planted_cache_entry_with_values_extraction_never_gives_is_a_miss(tmp_path):
    cache, first = _cached_build(tmp_path)
    (entry,) = cache.glob("*/??/*.json")
    data = json.loads(entry.read_bytes().partition(b"\n")[2])
    for concept in data["concepts"]:
        for term in concept[1]:
            term[1], term[3] = "xx", "evil"
    write_entry(entry, cache, data)  # sealed as this code would seal it: values still checked
    again = build_corpus([str(tmp_path / "c.txt")], jobs=1, cache=cache)
    assert again.tally.cached == 0 and again.termbase == first.termbase
    entry.write_bytes(entry.read_bytes().replace(b'"zh"', b'"en"', 1))  # seal now mismatched
    assert build_corpus([str(tmp_path / "c.txt")], jobs=1, cache=cache).tally.cached == 0


def test_the_cache_never_follows_a_symbolic_link(tmp_path):
    cache, first = _cached_build(tmp_path)
    (entry,) = cache.glob("*/??/*.json")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = elsewhere / entry.name
    entry.rename(moved)
    entry.symlink_to(moved)  # a valid entry, but reached through a link: a miss
    again = build_corpus([str(tmp_path / "c.txt")], jobs=1, cache=cache)
    assert again.tally.cached == 0 and again.termbase == first.termbase
    assert entry.is_symlink()  # and not written through either
    folder = entry.parent
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere)  # a folder link: nothing written into its target
    before = sorted(p.name for p in elsewhere.iterdir())
    build_corpus([str(tmp_path / "c.txt")], jobs=1, cache=cache)
    assert sorted(p.name for p in elsewhere.iterdir()) == before


def test_a_scheduler_address_that_is_no_dask_scheduler_is_one_line(tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    import socket

    import termkit.distributed

    monkeypatch.setattr(termkit.distributed, "CONNECT_SECONDS", 2)
    with socket.socket() as server:  # accepts and never answers, like a stuck service
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        (tmp_path / "c.txt").write_text("联合国环境规划署（环境署）。\n", encoding="utf-8")
        argv = ["build", str(tmp_path / "c.txt"), "-o", str(tmp_path / "G.csv")]
        assert main([*argv, "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no Dask scheduler answered" in err
    assert not (tmp_path / "G.csv").exists()


def test_the_glossary_cache_never_follows_a_planted_link(tmp_path, monkeypatch):
    from termkit import glossary_cache

    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "cache"))
    glossary = tmp_path / "g.csv"
    glossary.write_text("zh,en\n环境署,UNEP\n", encoding="utf-8")
    first = glossary_cache.load_keyed(glossary)
    (entry,) = (tmp_path / "cache" / "glossaries").glob("*.json")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    entry.unlink()
    entry.symlink_to(victim)
    assert glossary_cache.load_keyed(glossary) == first
    assert victim.read_text(encoding="utf-8") == "keep me" and entry.is_symlink()
