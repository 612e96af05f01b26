"""Word files: what is read, where findings point, and the same results as the .txt route."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from termkit.cli import main
from termkit.extract.extractor import extract_file
from termkit.formats import glossary_csv
from termkit.text.decode import read_document

from .conftest import SEED000, SEED003
from .conftest import run_check as check
from .documents import W, add_field, add_footnotes, add_revision, docx_from_lines, hide

VML = "urn:schemas-microsoft-com:vml"


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    """Body, a table, a footnote, a tracked change, a field, hidden text, a text box, a header
    and a reviewer's comment."""
    document = docx.Document()
    first = document.add_paragraph("1. 联合国环境规划署（环境署）编写了报告。")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "環境署和东盟合作。"
    revised = document.add_paragraph("2. 报告由")
    add_revision(revised, inserted="环境署", deleted="规划署")
    revised.add_run("提交")
    add_field(revised, "REF _Ref1 \\h", "第3段")
    hide(revised.add_run("隐藏的东盟"))
    boxed = document.add_paragraph("图一")
    boxed._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}" xmlns:v="{VML}"><w:pict><v:shape><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>框内的環境署</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    commented = document.add_paragraph("3. 环境署审查了报告。")
    document.add_comment(commented.runs, text="审校意见：东盟？", author="reviser")
    add_footnotes(document, [(first, "见環境署网站。")])
    document.sections[0].header.paragraphs[0].text = "UNEP/CBD/COP/11/1"
    path = tmp_path / "draft.docx"
    document.save(path)
    return path


def test_every_story_in_reading_order_with_word_places(draft):
    doc = read_document(draft)
    lines = doc.text.split("\n")
    places = [w.name() for w in doc.layout.lines]
    assert list(zip(lines, places, strict=True)) == [
        ("1. 联合国环境规划署（环境署）编写了报告。", "paragraph 1"),
        ("", "paragraph 2, table 1 row 1 cell 1"),
        ("", "paragraph 3, table 1 row 1 cell 2"),  # paragraph 4: the row's end mark
        ("", "paragraph 5, table 1 row 2 cell 1"),
        ("環境署和东盟合作。", "paragraph 6, table 1 row 2 cell 2"),
        ("2. 报告由环境署提交第3段", "paragraph 8"),  # insertion in; deletion, code, hidden out
        ("图一", "paragraph 9"),
        ("3. 环境署审查了报告。", "paragraph 10"),  # the comment is not document text
        (" 见環境署网站。", "paragraph 1, footnote 1"),
        ("框内的環境署", "paragraph 1, text box 1"),
        ("UNEP/CBD/COP/11/1", "paragraph 1, header of section 1"),
    ]


def test_tracked_changes_as_the_original_on_request(draft):
    original = read_document(draft, revisions="original").text.split("\n")
    assert original[5] == "2. 报告由规划署提交第3段"


def test_findings_point_at_word_places_in_text_json_and_sarif(capsys, draft):
    code, out, _ = check(capsys, str(draft))
    assert code == 1
    lines = out.splitlines()  # path:paragraph:column, the paragraph as Word counts it
    undefined = next(line for line in lines if line.startswith(f"{draft}:6:5: TK101 "))
    assert undefined.endswith("[paragraph 6, table 1 row 2 cell 2]")  # 东盟, never defined
    in_note = next(line for line in lines if line.startswith(f"{draft}:1:3: TK108 "))
    assert in_note.endswith("[paragraph 1, footnote 1]")  # 環境署 in the footnote
    assert any(line.endswith("[paragraph 1, text box 1]") for line in lines)
    assert "隐藏" not in out
    _, out, _ = check(capsys, str(draft), "--format", "json")
    record = next(r for r in json.loads(out) if r["rule"] == "TK101")
    assert (record["line"], record["column"], record["end_column"]) == (5, 5, 7)
    assert record["location"] == {
        "paragraph": 6,
        "part": "table 1 row 2 cell 2",
        "snippet": "環境署和东盟合作。",
    }
    _, out, _ = check(capsys, str(draft), "--format", "sarif")
    result = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "TK101")
    logical = result["locations"][0]["logicalLocations"][0]
    assert logical["name"] == "paragraph 6, table 1 row 2 cell 2"
    assert result["properties"]["location"]["snippet"] == "環境署和东盟合作。"


@pytest.mark.parametrize("seed", [SEED000, SEED003], ids=["seed000", "seed003"])
def test_a_seed_as_word_gives_the_definitions_and_findings_of_its_text(capsys, tmp_path, seed):
    lines = seed.read_text(encoding="utf-8").split("\n")
    word = docx_from_lines(lines, tmp_path / "seed.docx")
    text = tmp_path / "seed.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    as_text = extract_file(text).definitions
    as_word = extract_file(word).definitions
    assert as_text and [(d.full, d.short) for d in as_word] == [(d.full, d.short) for d in as_text]
    # a line of the text is a paragraph of the document, as Word counts them
    assert [(d.line, d.column) for d in as_word] == [(d.line, d.column) for d in as_text]
    _, txt_out, _ = check(capsys, str(text), "--format", "json")
    _, doc_out, _ = check(capsys, str(word), "--format", "json")
    txt, doc = json.loads(txt_out), json.loads(doc_out)
    assert txt and len(doc) == len(txt)
    for t, d in zip(txt, doc, strict=True):
        assert (d["rule"], d["found"], d["column"]) == (t["rule"], t["found"], t["column"])
        assert d["location"]["paragraph"] == t["line"]


def test_extract_names_the_paragraph(capsys, draft):
    assert main(["extract", str(draft)]) == 0
    out = capsys.readouterr().out
    line = next(
        line for line in out.splitlines() if line.startswith(f"{draft}:1:4: 联合国环境规划署")
    )
    assert line.endswith("[paragraph 1]")


def test_a_folder_reports_every_file_it_skips(capsys, tmp_path, draft):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "draft.docx").write_bytes(draft.read_bytes())
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (folder / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (folder / "notes.odt").write_bytes(b"PK\3\4")
    (folder / "figure.png").write_bytes(b"\x89PNG\r\n")
    (folder / "binary.txt").write_bytes(b"\0\1\2" * 50)
    code, out, err = check(capsys, str(folder), "--disable", "ALL")
    assert code == 1
    skipped = [line for line in err.splitlines() if line.startswith("termkit check: skipped")]
    assert len(skipped) == 5
    assert any("old.doc: a Word 97-2003 document: save it as .docx" in s for s in skipped)
    assert any("notes.odt: an OpenDocument text: save it as .docx" in s for s in skipped)
    assert any("locked.docx: encrypted Word document" in s for s in skipped)
    assert any("figure.png: unsupported format (.png)" in s for s in skipped)
    assert any("binary.txt: binary file" in s for s in skipped)
    assert out.strip().endswith("All checks passed (1 file; 5 skipped).")
    code, out, _ = check(capsys, str(folder), "--disable", "ALL", "--skip-unknown")
    assert code == 0 and "5 skipped" in out


def test_a_word_97_file_named_directly_is_a_one_line_error(capsys, tmp_path):
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    code, out, err = check(capsys, str(old))
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        f"termkit check: error: {old}: a Word 97-2003 document: save it as .docx "
        "(Word: File > Save As)"
    ]


def test_a_broken_docx_is_a_one_line_error(capsys, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\3\4 not really a zip")
    code, _, err = check(capsys, str(broken))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "broken.docx" in err


def test_build_reads_tracked_changes_as_asked(tmp_path):
    document = docx.Document()
    document.add_paragraph("1. 联合国环境规划署（环境署）编写了报告。")
    add_revision(document.add_paragraph("2. "), inserted="联合国开发计划署（开发署）提供了资助。")
    word = tmp_path / "draft.docx"
    document.save(word)
    built = {}
    for revisions in ("accepted", "original"):
        out = tmp_path / f"{revisions}.csv"
        args = ["build", str(word), "-o", str(out), "-q", "-j", "1", "--cache", str(tmp_path / "c")]
        assert main([*args, "--docx-revisions", revisions]) == 0
        built[revisions] = out.read_text(encoding="utf-8")
    assert "开发署" in built["accepted"] and "环境署" in built["accepted"]
    assert "开发署" not in built["original"] and "环境署" in built["original"]


def test_build_aligns_an_english_twin_with_the_revisions_it_extracts(tmp_path):
    """The English twin matches the draft as it was; a build asked for the original reads the
    Word file's deleted text in both the extraction and the alignment, so the definition only
    the deletion holds meets its English: in the worker, and when the build aligns the twin
    itself because the cache lost its paired terms."""
    document = docx.Document()
    document.add_paragraph("1. 本报告由联合国开发计划署（开发署）编写。")
    add_revision(
        document.add_paragraph("2. "),
        deleted="开发署与联合国儿童基金会（儿基会）合作，向 12 个国家提供了支助。",
        inserted="开发署向 12 个国家提供了支助。",
    )
    zh = tmp_path / "report.docx"
    document.save(zh)
    en = tmp_path / "report.en.txt"
    en.write_text(
        "1. This report was prepared by the United Nations Development Programme (UNDP).\n"
        "2. UNDP worked with the United Nations Children's Fund (UNICEF) to support 12 "
        "countries.\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    command = ["build", "--parallel", str(zh), str(en), "-q", "-j", "1", "--cache", str(cache)]
    for run in ("worker", "paired terms lost from the cache"):
        out = tmp_path / f"{run}.csv"
        assert main([*command, "--docx-revisions", "original", "-o", str(out)]) == 0
        english = {
            c.label: {t.text for t in c.terms_of("en")} for c in glossary_csv.read(out).concepts
        }
        assert english["联合国儿童基金会"] == {"UNICEF", "United Nations Children's Fund"}, run
        for paired in cache.glob("*/paired"):
            shutil.rmtree(paired)


@pytest.mark.parametrize(
    ("revisions", "zh_of_line_2"), [("accepted", "办事处"), ("original", "委员会")]
)
def test_align_reads_a_word_draft_as_its_tracked_changes_are_asked(
    capsys, tmp_path, revisions, zh_of_line_2
):
    document = docx.Document()
    document.add_paragraph("本报告由秘书处编写。")
    add_revision(document.add_paragraph("报告提交"), deleted="委员会。", inserted="办事处。")
    zh = tmp_path / "draft.docx"
    document.save(zh)
    en = tmp_path / "draft.en.txt"
    en.write_text("This report was prepared by the Secretariat.\nIt goes to the Committee.\n")
    assert main(["align", str(zh), str(en), "--docx-revisions", revisions]) == 0
    beads = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert beads[-1]["zh"] == f"报告提交{zh_of_line_2}。"


@pytest.mark.parametrize("command", ["extract", "build"])
def test_extract_and_build_report_what_a_folder_holds_and_they_cannot_read(
    capsys, tmp_path, draft, command
):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "draft.docx").write_bytes(draft.read_bytes())
    (folder / "notes.odt").write_bytes(b"PK\3\4")
    args = [command, str(folder), "-o", str(tmp_path / "out.csv")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"skipped {folder / 'notes.odt'}: an OpenDocument text: save it as .docx" in err
    assert main([*args, "--skip-unknown"]) == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("环境署") >= 1


def test_damaged_word_files_are_one_line_errors(capsys, tmp_path, draft):
    import zipfile

    data = draft.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    bad_xml = tmp_path / "badxml.docx"
    with zipfile.ZipFile(draft) as src, zipfile.ZipFile(bad_xml, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, b"<w:document" if item.filename == "word/document.xml" else body)
    for path in (cut, bad_xml):
        code, out, err = check(capsys, str(path))
        assert code == 2 and out == "", err
        assert len(err.strip().splitlines()) == 1 and str(path) in err and "Traceback" not in err


def test_word_and_pdf_files_check_the_same_in_worker_processes(capsys, tmp_path, draft):
    from .documents import pdf_from_lines

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.docx").write_bytes(draft.read_bytes())
    pdf_from_lines(
        ["联合国环境规划署（环境署）编写了报告。", "環境署和东盟合作。"], folder / "b.pdf"
    )
    _, one, _ = check(capsys, str(folder), "--format", "json")
    _, two, _ = check(capsys, str(folder), "--format", "json", "--jobs", "2")
    records = json.loads(one)
    assert records == json.loads(two)
    assert {r["path"].rsplit("/", 1)[-1] for r in records} == {"a.docx", "b.pdf"}
    assert all("location" in r for r in records)


def test_text_hidden_by_a_style_is_left_out_unless_the_run_shows_it(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    secret = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
    secret.font.hidden = True
    inherited = document.styles.add_style("Secret child", WD_STYLE_TYPE.CHARACTER)
    inherited.base_style = secret
    note = document.styles.add_style("Translator note", WD_STYLE_TYPE.PARAGRAPH)
    note.font.hidden = True
    p = document.add_paragraph("环境署")
    p.add_run("（内部备注）", style="Secret")
    p.add_run("（继承）", style="Secret child")
    p.add_run("编写。")
    hidden = document.add_paragraph("译者注：", style="Translator note")
    hidden.add_run("此处保留").font.hidden = False
    path = tmp_path / "styled.docx"
    document.save(path)
    assert read_document(path).text.split("\n") == ["环境署编写。", "此处保留"]


def test_the_pre_commit_hook_takes_word_and_pdf_files():
    import re

    import yaml
    from identify import identify

    from .conftest import REPO

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for name in ("draft.docx", "original.pdf", "draft.txt"):
        tags = identify.tags_from_filename(name) | {"file"}
        assert re.search(hook["files"], name)
        assert set(hook.get("types", [])) <= tags
        assert not hook.get("types_or") or set(hook["types_or"]) & tags
