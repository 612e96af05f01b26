"""Report formats: where a finding is, in every format, including segment and side."""

from __future__ import annotations

import io
import json

import pytest

from termkit.check import report
from termkit.check.finding import Finding, Location
from termkit.cli import main


def finding(**kw) -> Finding:
    fields = dict(path="memory.tmx", line=7, column=23, end_line=7, end_column=26, rule="TK106",
                  severity="error", message="deprecated term", found="规划署", suggestion="环境署")  # fmt: skip
    fields.update(kw)
    return Finding(**fields)


def test_location_is_in_text_json_and_sarif():
    f = finding(location=Location(segment="CMU_1:2", side="target"))
    out = io.StringIO()
    report.write([f], out, "text", 1)
    assert out.getvalue().splitlines()[0] == (
        "memory.tmx:7:23: TK106 error: deprecated term (规划署 → 环境署) [segment CMU_1:2 (target)]"
    )
    (record,) = json.loads(_written(f, "json"))
    assert record["location"] == {"segment": "CMU_1:2", "side": "target"}
    (result,) = json.loads(_written(f, "sarif"))["runs"][0]["results"]
    (logical,) = result["locations"][0]["logicalLocations"]
    assert logical["fullyQualifiedName"] == "CMU_1:2/target"
    assert result["properties"]["location"] == {"segment": "CMU_1:2", "side": "target"}


def test_a_plain_text_finding_keeps_the_json_contract():
    (record,) = json.loads(_written(finding(path="draft.txt"), "json"))
    assert list(record) == ["path", "line", "column", "end_line", "end_column", "rule",
                            "severity", "message", "found", "suggestion"]  # fmt: skip
    assert "[" not in _written(finding(), "text").splitlines()[0]


def test_location_label_for_pages_and_paragraphs():
    assert Location(page=3, paragraph=12).label() == "page 3, paragraph 12"
    assert Location(paragraph=4, part="table 1 row 2 cell 3").to_dict() == {
        "paragraph": 4,
        "part": "table 1 row 2 cell 3",
    }
    assert not Location()


def _written(f: Finding, fmt: str) -> str:
    out = io.StringIO()
    report.write([f], out, fmt, 1)
    return out.getvalue()


# --- HTML and XLSX --------------------------------------------------------------------------

GLOSSARY_ROWS = [("联合国环境规划署", "zh", "fullForm", "preferred"), ("环境署", "zh", "shortForm", "preferred"),
                 ("规划署", "zh", "shortForm", "deprecated"), ("UNEP", "en", "acronym", "preferred")]  # fmt: skip
# 環境署 (TK108) gives a warning: one finding per span keeps only TK106's error on 规划署.
DRAFT = "联合国环境规划署（环境署）发布了报告。\n规划署的工作人员说，<b>规划署</b>将开会。環境署也来了。\n"
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file original="a.docx" source-language="en" target-language="zh-CN" datatype="plaintext"><body>\n'
    '<trans-unit id="7"><source>UNEP in 2015</source>\n<target>规划署2016年</target></trans-unit>\n'
    "</body></file></xliff>\n"
)


@pytest.fixture
def reported(tmp_path, monkeypatch):
    """A draft and an XLIFF checked against a small glossary: (cli arguments, findings)."""
    from termkit.formats import glossary_csv
    from termkit.termbase.model import Concept, Term, Termbase

    glossary = tmp_path / "unep.csv"
    glossary_csv.write(
        Termbase((Concept("unep", tuple(Term(*r) for r in GLOSSARY_ROWS)),)), glossary
    )
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "memory.xlf").write_text(XLIFF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [
        "check",
        "--isolated",
        "--no-default-glossary",
        "--glossary",
        "unep.csv",
        "draft.txt",
        "memory.xlf",
    ]
    return args, json.loads(_cli([*args, "--format", "json"]))


def test_html_report_is_self_contained_and_complete(reported, tmp_path):
    args, findings = reported
    assert main([*args, "--format", "html", "-o", "report.html"]) == 1
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (
        "<script src" not in html
        and "<link" not in html
        and "http://" not in html.replace("http-equiv", "").replace("https://", "")
    )
    assert html.count('<tr class="finding"') == len(findings)
    # the term highlighted in its context, HTML in the draft escaped, the segment named
    assert "<mark>规划署</mark>的工作人员说" in html and "&lt;b&gt;" in html
    assert "segment 7 (target)" in html and "UNEP in 2015" in html
    # summaries and the glossary concept with its deprecated form
    assert 'id="by-rule"' in html and 'id="by-term"' in html
    assert 'class="status-deprecated"' in html and "规划署</span> <small>(deprecated)" in html
    # deterministic: the same findings give the same bytes
    main([*args, "--format", "html", "-o", "again.html"])
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "report.html").read_bytes()


def test_xlsx_report_reopens_with_one_row_per_finding(reported, tmp_path):
    from openpyxl import load_workbook

    args, findings = reported
    assert main([*args, "--format", "xlsx"]) == 2  # not to a terminal
    assert main([*args, "--format", "xlsx", "-o", "report.xlsx"]) == 1
    ws = load_workbook(tmp_path / "report.xlsx").active
    header, *rows = list(ws.values)
    assert header[:6] == ("File", "Line", "Column", "Segment", "Side", "Rule")
    assert len(rows) == len(findings)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    segment = [r for r in rows if r[0] == "memory.xlf"]
    assert segment and all(r[3] == "7" and r[4] == "target" for r in segment)
    assert any(r[12] == "UNEP in 2015" for r in segment)
    from termkit.check.report_xlsx import FILLS

    colours = {(r[7], ws.cell(i + 2, 8).fill.start_color.rgb[-6:]) for i, r in enumerate(rows)}
    assert colours == {(severity, FILLS[severity]) for severity in {r[7] for r in rows}}
    assert len(set(FILLS.values())) == len(FILLS)
    main([*args, "--format", "xlsx", "-o", "again.xlsx"])
    assert (tmp_path / "again.xlsx").read_bytes() == (tmp_path / "report.xlsx").read_bytes()


def test_html_report_in_headless_chromium(reported, tmp_path):
    """The report in a real browser: every finding visible, a filter hides the others."""
    args, findings = reported
    main([*args, "--format", "html", "-o", "report.html"])
    driver = _chromium(tmp_path)
    try:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select

        driver.get((tmp_path / "report.html").as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "#findings tr.finding")
        assert len(rows) == len(findings) and all(r.is_displayed() for r in rows)
        assert "规划署" in driver.find_element(By.CSS_SELECTOR, "#findings mark").text
        Select(driver.find_element(By.ID, "filter-file")).select_by_value("memory.xlf")
        shown = [r for r in rows if r.is_displayed()]
        assert shown and len(shown) == sum(f["path"] == "memory.xlf" for f in findings) < len(rows)
        assert all("memory.xlf" in r.text for r in shown)
        Select(driver.find_element(By.ID, "filter-file")).select_by_value("")
        driver.find_element(By.CSS_SELECTOR, '#by-rule button[data-rule="TK106"]').click()
        shown = [r for r in rows if r.is_displayed()]
        assert len(shown) == sum(f["rule"] == "TK106" for f in findings)
        count = driver.find_element(By.ID, "shown").text
        assert count == f"{len(shown)} of {len(rows)} shown"
        assert driver.get_screenshot_as_png()[:4] == b"\x89PNG"
    finally:
        driver.quit()


CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000")  # fmt: skip


def _chromium(tmp_path):
    import shutil

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip("Chromium not installed (Debian: apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    return webdriver.Chrome(
        options=options, service=webdriver.ChromeService(executable_path=driver)
    )


def _cli(args: list[str]) -> str:
    out = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        main(args)
    return out.getvalue()


# --- build --report -------------------------------------------------------------------------

REVIEWED = (
    "联合国环境规划署（环境署）发布了报告。环境署的工作人员说。\n"
    "联合国贸易和发展会议（贸发会议）开会。贸发会议通过了决定。\n"
    "联合国贸易与发展会议（贸发会议）也开会。\n"
)


def test_build_report_puts_conflicts_first_with_contexts(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(REVIEWED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["build", "a.txt", "-o", "g.csv", "-j", "1", "-q", "--report", "review.html"]
    assert main(args) == 0
    html = (tmp_path / "review.html").read_text(encoding="utf-8")
    rows = html.split("<tr data-row")[1:]
    assert rows and 'data-flag="conflict"' in rows[0] and "贸发会议" in rows[0]
    assert 'data-flag=""' in rows[-1]
    assert "<mark>贸发会议</mark>" in html and "a.txt:2:" in html
    assert "short form 贸发会议 is defined with different full forms" in html
    assert "<script src" not in html and "<link" not in html
    main([*args[:-1], "again.html"])
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "review.html").read_bytes()
