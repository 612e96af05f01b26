"""Word documents written back: fixes inside one run, and a reviewer's copy with comments."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from termkit.check.fix import apply
from termkit.text.decode import read_document

from .conftest import run_check as check
from .documents import add_footnotes


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    document = docx.Document()
    first = document.add_paragraph("1. 联合国环境规划署（环境署）编写了报告。")
    second = document.add_paragraph("2. 报告说，")
    bold = second.add_run("環境署")
    bold.bold = True
    second.add_run("和各国合作。")
    third = document.add_paragraph("3. 另见")
    third.add_run("環")
    third.add_run("境署").italic = True  # a term across two runs of different formatting
    third.add_run("的说明。")
    document.add_paragraph("4. 環境署的工作方案。")  # a term inside a longer run
    document.add_comment(first.runs, text="已审", author="reviser")
    add_footnotes(document, [(first, "環境署网站。")])
    path = tmp_path / "draft.docx"
    document.save(path)
    return path


def test_fix_rewrites_a_term_inside_one_run_and_keeps_its_formatting(capsys, draft):
    before = read_document(draft)
    _, out, _ = check(capsys, str(draft), "--format", "json")
    found = {(r["line"], r["column"]) for r in json.loads(out) if r["found"] == "環境署"}
    assert found == {(2, 8), (3, 6), (4, 4), (5, 2)}
    _, out, _ = check(capsys, str(draft), "--fix")
    assert "Fixed 3 findings." in out
    fixed = docx.Document(draft)  # opens again
    second = fixed.paragraphs[1]
    assert second.text == "2. 报告说，环境署和各国合作。"
    assert [r.bold for r in second.runs] == [None, True, None]
    assert second.runs[1].text == "环境署"
    after = read_document(draft)
    lines = after.text.split("\n")
    assert lines[3] == "4. 环境署的工作方案。"
    assert lines[4] == " 环境署网站。"  # the footnote, fixed in place
    # every other character of the document is as it was
    edits = list(_edits(before.text, after.text))
    assert apply(before.text, edits) == after.text and len(edits) == 3
    assert len(list(fixed.comments)) == 1
    # the term across two runs is left, marked unfixable, and not counted as fixable
    remaining = next(line for line in out.splitlines() if ":3:6: TK108" in line)
    assert "unfixable: the text spans runs of different formatting" in remaining
    assert "fixable with --fix" not in out.splitlines()[-1]


def _edits(old: str, new: str):
    import difflib

    from termkit.check.finding import Edit

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a, b, c, d in matcher.get_opcodes():
        if op != "equal":
            yield Edit(a, b, new[c:d])


def test_annotate_writes_a_commented_copy_and_leaves_the_original(capsys, tmp_path, draft):
    original = draft.read_bytes()
    out_path = tmp_path / "reviewed.docx"
    _, out, err = check(capsys, str(draft), "--annotate", str(out_path))
    findings = [line for line in out.splitlines() if ": TK" in line]
    assert draft.read_bytes() == original
    assert f"{out_path}: {len(findings)} comments added" in err
    reviewed = docx.Document(out_path)
    comments = {c.comment_id: c for c in reviewed.comments}
    ours = [c for c in comments.values() if c.author == "termkit"]
    assert len(ours) == len(findings) and len(comments) == len(findings) + 1
    assert all(c.text.startswith("TK") for c in ours)
    assert any("建议 / suggestion: 环境署" in c.text for c in ours)
    # each comment covers exactly the text found: the run was split at the term's edges
    body = reviewed.element.body
    ranges = _commented_text(body)
    on_term = [i for i in ranges if "環境署 is written" in comments[i].text]
    assert len(on_term) == 3 and all(ranges[i] == "環境署" for i in on_term)
    # the text of the copy is the text of the original
    assert read_document(out_path).text == read_document(draft).text


def _commented_text(body) -> dict[int, str]:
    """comment id → the text between its range start and end, in the body."""
    open_ids: set[int] = set()
    text: dict[int, str] = {}
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for i in open_ids:
                text[i] = text.get(i, "") + (element.text or "")
    return text


def test_annotate_needs_one_word_document_and_a_new_path(capsys, tmp_path, draft):
    code, _, err = check(capsys, str(draft), "--annotate", str(draft))
    assert code == 2 and "would overwrite the checked document" in err
    text = tmp_path / "draft.txt"
    text.write_text("联合国环境规划署（环境署）。", encoding="utf-8")
    code, _, err = check(capsys, str(text), "--annotate", str(tmp_path / "x.docx"))
    assert code == 2 and "--annotate takes exactly one Word document" in err
    assert not (tmp_path / "x.docx").exists()


def test_a_pdf_is_never_rewritten(capsys, tmp_path):
    from .documents import pdf_from_lines

    pdf = pdf_from_lines(
        ["联合国环境规划署（环境署）编写了报告。", "環境署和各国合作。"], tmp_path / "a.pdf"
    )
    before = pdf.read_bytes()
    _, out, _ = check(capsys, str(pdf), "--fix")
    assert pdf.read_bytes() == before
    assert "TK108" in out and "Fixed" not in out and "fixable with --fix" not in out


def test_a_finding_in_a_header_is_commented_on_the_body_with_its_place(capsys, tmp_path):
    document = docx.Document()
    document.add_paragraph("联合国环境规划署（环境署）编写了报告。")
    document.sections[0].header.paragraphs[0].text = "環境署的报告"
    source = tmp_path / "headed.docx"
    document.save(source)
    out_path = tmp_path / "reviewed.docx"
    check(capsys, str(source), "--annotate", str(out_path))
    (comment,) = [c for c in docx.Document(out_path).comments if "環境署" in c.text]
    assert comment.text.startswith("[paragraph 1, header of section 1] TK108 ")
    assert "commentReference" not in docx.Document(out_path).sections[0].header._element.xml
