"""`termkit check` on the command line: formats, exit codes, fixes, config, files, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termkit.cli import main
from termkit.formats import glossary_csv
from termkit.termbase.model import Concept, Term, Termbase

from .conftest import REPO, SEED000, SEED003
from .conftest import run_check as check

DRAFT = "1. 联合国环境规划署（环境署）编写了报告。\n2. 環境署和东盟合作，见UNEP/CBD/WG\u2011RI/4号文件。\n"


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_format_lines_and_summary(capsys, draft):
    code, out, _ = check(capsys, str(draft))
    lines = out.splitlines()
    assert code == 1  # TK101 (东盟 never defined) is an error
    assert lines[:-1] == sorted(lines[:-1], key=lambda s: tuple(int(x) for x in s.split(":")[1:3]))
    assert any(
        line.startswith(f"{draft}:2:4: TK108 ") and "(環境署 → 环境署)" in line for line in lines
    )
    assert lines[-1].startswith("Found ") and "fixable with --fix" in lines[-1]
    assert "\x1b[" not in out  # no colour when not a terminal
    for line in lines[:-1]:  # every finding line names its severity
        assert line.split(" ")[2] in ("error:", "warning:", "info:"), line


def test_json_contract(capsys, draft):
    _, out, _ = check(capsys, str(draft), "--format", "json")
    records = json.loads(out)
    keys = ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
            "found", "suggestion"]  # fmt: skip
    assert records and all(list(r) == keys for r in records)
    assert {r["severity"] for r in records} <= {"error", "warning", "info"}
    symbol = next(r for r in records if r["rule"] == "TK109")
    assert (symbol["line"], symbol["end_line"]) == (2, 2)
    assert symbol["end_column"] - symbol["column"] == len(symbol["found"])


def test_sarif_log(capsys, draft):
    _, out, _ = check(capsys, str(draft), "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert result["level"] in ("error", "warning", "note")


def test_exit_codes_and_fail_on(capsys, tmp_path, draft):
    clean = tmp_path / "clean.txt"
    clean.write_text("各国代表出席了会议。\n", encoding="utf-8")
    assert check(capsys, str(clean))[0] == 0
    assert check(capsys, str(draft), "--disable", "TK101")[0] == 0  # only warnings left
    assert check(capsys, str(draft), "--disable", "TK101", "--fail-on", "warning")[0] == 1
    code, _, err = check(capsys, str(tmp_path / "missing.txt"))
    assert code == 2 and err.count("\n") == 1
    code, _, err = check(capsys, str(draft), "--enable", "TK999")
    assert code == 2 and "unknown rule" in err


@pytest.mark.parametrize(("encoding", "newline"), [("gb18030", "\r\n"), ("utf-8-sig", "\n")])
def test_fix_keeps_encoding_and_line_endings(capsys, tmp_path, encoding, newline):
    path = tmp_path / "draft.txt"
    path.write_bytes(DRAFT.replace("\n", newline).encode(encoding))
    code, out, _ = check(capsys, str(path), "--fix", "--disable", "TK101")
    data = path.read_bytes()
    text = data.decode(encoding)
    assert "环境署和东盟" in text and "WG-RI" in text and "環境署" not in text
    assert text.count(newline) == DRAFT.count("\n")
    if newline == "\n":
        assert "\r" not in text
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert code == 0 and "Fixed 2 findings" in out


def test_diff_writes_nothing(capsys, draft):
    before = draft.read_bytes()
    code, out, _ = check(capsys, str(draft), "--diff")
    assert code == 1
    assert "-2. 環境署和东盟" in out and "+2. 环境署和东盟" in out
    assert draft.read_bytes() == before


def test_jobs_give_the_same_output(capsys, tmp_path, draft):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, seed in enumerate([SEED000, SEED003, draft]):
        (folder / f"{i}.txt").write_bytes(seed.read_bytes())
    one = check(capsys, str(folder), "--format", "json")
    two = check(capsys, str(folder), "--format", "json", "--jobs", "2")
    assert one == two and json.loads(one[1])


def test_project_config_sets_rules_severities_glossaries_and_excludes(
    capsys, tmp_path, monkeypatch, draft
):
    glossary = tmp_path / "terms.csv"
    terms = (Term("东南亚国家联盟", "zh", "fullForm", "preferred"), Term("东盟", "zh", "shortForm", "deprecated"),
             Term("东南亚联盟", "zh", "shortForm", "preferred"))  # fmt: skip
    glossary_csv.write(Termbase((Concept("c1", terms),)), glossary)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "x.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.termkit.check]\nglossaries = ["terms.csv"]\ndisable = ["TK109"]\n'
        'severity = { TK108 = "error" }\nexclude = ["old"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    main(["check", ".", "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    assert {r["path"] for r in records} == {"draft.txt"}
    rules = {r["rule"]: r for r in records}
    assert "TK109" not in rules and rules["TK108"]["severity"] == "error"
    assert rules["TK106"]["found"] == "东盟" and rules["TK106"]["suggestion"] == "东南亚联盟"


def test_bilingual_files(capsys, tmp_path):
    glossary = tmp_path / "unep.csv"
    terms = (Term("联合国环境规划署", "zh", "fullForm", "preferred"), Term("环境署", "zh", "shortForm", "preferred"),
             Term("UNEP", "en", "acronym", "preferred"))  # fmt: skip
    glossary_csv.write(Termbase((Concept("c1", terms),)), glossary)
    units = [
        ("The UNEP report", "环境署的报告"),
        ("UNEP staff", "联合国工作人员"),
        ("unep.org", "网站"),
    ]
    tmx = tmp_path / "memory.tmx"
    body = "".join(
        f'<tu>\n<tuv xml:lang="en"><seg>{en}</seg></tuv>\n<tuv xml:lang="zh"><seg>{zh}</seg></tuv>\n</tu>\n'
        for en, zh in units
    )
    tmx.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
        f'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" '
        f'creationtoolversion="1"/><body>\n{body}</body></tmx>\n',
        encoding="utf-8",
    )
    po = tmp_path / "messages.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + "".join(f'msgid "{en}"\nmsgstr "{zh}"\n\n' for en, zh in units),
        encoding="utf-8",
    )
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("source,target\n" + "".join(f"{en},{zh}\n" for en, zh in units), "utf-8")
    for path in (tmx, po, pairs):
        _, out, _ = check(capsys, str(path), "--glossary", str(glossary), "--format", "json")
        found = [r for r in json.loads(out) if r["rule"] == "TK201"]
        assert [(r["found"], r["suggestion"]) for r in found] == [("UNEP", "联合国环境规划署")]
        line = path.read_text(encoding="utf-8").splitlines()[found[0]["line"] - 1]
        assert "联合国工作人员" in line


def test_check_path_imports_no_heavy_libraries(tmp_path, draft):
    """Nor the extraction modules a check never calls: the boundary model, the segmenter and
    the recurrence evidence (~15 ms of every check's start; termkit.extract.anchors has the
    window helpers the definition reader shares)."""
    unused = ("termkit.extract.boundary", "termkit.extract.segmenter", "termkit.extract.recurrence")
    probe = (
        "import sys\nfrom termkit.cli import main\n"
        f"code = main(['check', '--isolated', {str(draft)!r}])\n"
        "heavy = [m for m in ('jieba', 'pandas', 'nltk', 'openpyxl', 'translate') if m in sys.modules]\n"
        f"heavy += [m for m in {unused!r} if m in sys.modules]\n"
        "print(code, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "1 []"


def test_statistics_count_rules_and_terms(capsys, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("联合国环境规划署（环境署）。\n環境署和環境署，東盟。\n", encoding="utf-8")
    code, out, _ = check(capsys, str(path), "--statistics")
    assert code == 1
    assert out.splitlines()[:2] == [
        "     2  TK108  warning  width-or-script-variant",
        "     2    環境署",
    ]
    assert "     1  TK101  error    undefined-short-form" in out.splitlines()
    code, out, _ = check(capsys, str(path), "--statistics", "--format", "json")
    rows = json.loads(out)
    assert (rows[0]["rule"], rows[0]["count"], rows[0]["terms"]) == ("TK108", 2, {"環境署": 2})


def test_exit_zero_reports_but_passes(capsys, draft):
    code, out, _ = check(capsys, str(draft), "--exit-zero")
    assert code == 0 and "TK101" in out
    assert check(capsys, str(draft) + ".missing", "--exit-zero")[0] == 2


def test_standard_input_with_a_file_name(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "termkit", "check", "--isolated", "-", "--stdin-filename", "a.md"],
        input="联合国环境规划署（环境署）与东盟各国。`東盟`\n".encode(),
        capture_output=True,
        cwd=REPO,
    )
    out = run.stdout.decode()
    assert run.returncode == 1
    assert out.startswith("a.md:1:15: TK101 error: ") and "東盟" not in out.splitlines()[0][10:]
    assert len(out.splitlines()) == 2  # the code span is not checked (a.md is Markdown)


def test_quoted_globs_are_expanded(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt", "sub/c.md"):
        (tmp_path / name).write_text("联合国开发计划署（开发署）与東盟。\n", encoding="utf-8")
    code, out, _ = check(capsys, str(tmp_path / "**" / "*.txt"))
    assert sorted({line.split(":")[0] for line in out.splitlines()[:-1]}) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.txt"),
    ]
    code, _, err = check(capsys, str(tmp_path / "*.xyz"))
    assert code == 2 and "no file matches" in err


def test_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("联合国环境规划署（环境署）。\n" + "環境署参加。\n" * 5000, encoding="utf-8")
    command = f"{sys.executable} -m termkit check --isolated {path} | head -1"
    run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=REPO)
    assert run.stdout.count("\n") == 1 and run.stderr == ""
