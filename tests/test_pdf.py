"""Text PDFs: the definitions of the .txt route, at page:line:column; scanned PDFs refused."""

from __future__ import annotations

import json

import pytest

from termkit.cli import main
from termkit.extract.extractor import extract_file
from termkit.text.decode import read_document

from .conftest import SEED000, SEED003
from .documents import blank_pdf, pdf_from_lines

HEADER = "UNEP/CBD/COP/11/INF/41"  # the running header of a UN document


@pytest.fixture(scope="module", params=[SEED000, SEED003], ids=["seed000", "seed003"])
def seed_pdf(request, tmp_path_factory):
    lines = request.param.read_text(encoding="utf-8").split("\n")
    pdf = pdf_from_lines(lines, tmp_path_factory.mktemp("pdf") / "seed.pdf", header=HEADER)
    return request.param, pdf


def test_a_seed_as_pdf_gives_the_definitions_of_its_text(seed_pdf):
    seed, pdf = seed_pdf
    as_text = {(d.full, d.short) for d in extract_file(seed).definitions}
    found = extract_file(pdf)
    assert as_text and {(d.full, d.short) for d in found.definitions} == as_text
    # every definition's page:line:column is where its full form starts in the PDF's text
    document = read_document(pdf)
    lines = document.text.split("\n")
    for d in found.definitions:
        where = found.layout.where(d.line)
        assert where.page >= 1 and where.line >= 1
        assert lines[d.line - 1][d.column - 1] == d.full[0]


def test_findings_are_at_page_line_column(capsys, seed_pdf):
    _, pdf = seed_pdf
    main(["check", "--isolated", str(pdf), "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    lines = read_document(pdf).text.split("\n")
    assert records
    for r in records:
        location = r["location"]
        assert location["page"] >= 1 and location["line"] >= 1
        assert lines[r["line"] - 1][r["column"] - 1] == r["found"][0]
    main(["check", "--isolated", str(pdf)])
    first = capsys.readouterr().out.splitlines()[0]
    r = records[0]
    page, line = r["location"]["page"], r["location"]["line"]
    assert first.startswith(f"{pdf}:{page}:{line}:{r['column']}: {r['rule']} ")
    assert first.endswith(f"[page {r['location']['page']}, line {r['location']['line']}]")


def test_a_scanned_pdf_is_a_one_line_error(capsys, tmp_path):
    scan = blank_pdf(tmp_path / "scan.pdf")
    for command in ("check", "extract"):
        code = main([command, str(scan)] + (["--isolated"] if command == "check" else []))
        out, err = capsys.readouterr()
        assert code == 2 and out == ""
        assert err.strip().splitlines() == [
            f"termkit {command}: error: {scan}: no text layer (a scanned PDF?): run OCR on it first"
        ]


def test_a_file_named_pdf_that_is_not_one(capsys, tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_text("hello", encoding="utf-8")
    code = main(["check", "--isolated", str(fake)])
    assert code == 2 and "fake.pdf: not a PDF file" in capsys.readouterr().err


def test_a_damaged_pdf_is_a_one_line_error(capsys, seed_pdf, tmp_path):
    _, pdf = seed_pdf
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pdf.read_bytes()[:5000])
    code = main(["check", "--isolated", str(cut)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "cut.pdf" in err


def test_checking_plain_text_imports_no_document_library(tmp_path):
    import subprocess
    import sys

    from .conftest import REPO

    draft = tmp_path / "draft.txt"
    draft.write_text("联合国环境规划署（环境署）编写了报告。\n", encoding="utf-8")
    probe = (
        "import sys; from termkit.cli import main; main(['check', '--isolated', sys.argv[1]]); "
        "print(sorted(m for m in ('docx', 'pypdf', 'lxml') if m in sys.modules))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(draft)], cwd=REPO, capture_output=True, text=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_an_encrypted_pdf_in_a_folder_is_skipped_as_encrypted(capsys, seed_pdf, tmp_path):
    import pypdf

    _, pdf = seed_pdf
    writer = pypdf.PdfWriter(clone_from=str(pdf))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "locked.pdf", "wb") as handle:
        writer.write(handle)
    code = main(["check", "--isolated", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"skipped {folder / 'locked.pdf'}: encrypted PDF (password needed)" in err
    assert out.strip().endswith("All checks passed (0 files; 1 skipped).")
