"""export and import end to end; hostile and broken input: one-line errors, exit 2, no output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termkit.cli import main
from termkit.errors import InputError
from termkit.formats.registry import load_glossary

from .conftest import REPO, shared

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
GLOSSARY = REPO / "glossary" / "glossary.csv"


@pytest.mark.parametrize(
    ("to", "name"),
    [
        ("tbx", "g.tbx"),
        ("tbx2008", "g2008.tbx"),
        ("tmx", "g.tmx"),
        ("csv", "g.csv"),
        ("xlsx", "g.xlsx"),
    ],
)
def test_export_then_import_gives_the_glossary_back(tmp_path, capsys, to, name):
    out = tmp_path / name
    assert main(["export", str(GLOSSARY), "--to", to, "-o", str(out)]) == 0
    assert f"→ {out} ({to})" in capsys.readouterr().err
    again = tmp_path / "again.csv"
    assert main(["import", str(out), "-o", str(again), "-q", "--no-bom"]) == 0
    assert again.read_text(encoding="utf-8") == GLOSSARY.read_text(encoding="utf-8")


def test_export_format_follows_the_output_extension(tmp_path):
    assert main(["export", str(GLOSSARY), "-o", str(tmp_path / "g.tmx"), "-q"]) == 0
    assert b"<tmx" in (tmp_path / "g.tmx").read_bytes()


def test_import_merges_sources_and_reports_conflicts(tmp_path, capsys):
    fb = shared("data", "tico19-en-zh", "f_en-zh_CN.csv")
    google = shared("data", "tico19-en-zh", "g_zh-CN_en.csv")
    out = tmp_path / "merged.tbx"
    assert main(["import", str(fb), str(google), str(GLOSSARY), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "conflict: sources disagree on the en term for 试剂盒: Reagent test kit" in err
    # the shipped glossary's conflicts are settled by its curation (a prefer for one concept)
    assert "short form 贸发会议" not in err
    tb = load_glossary(out)
    kit = next(c for c in tb.concepts if c.label == "试剂盒")
    assert {t.text for t in kit.terms} == {"试剂盒", "Reagent test kit", "test kit"}
    assert kit.sources == ("f_en-zh_CN.csv", "g_zh-CN_en.csv")
    ids = {c.id for part in (fb, google, GLOSSARY) for c in load_glossary(part).concepts}
    parts = sum(len(load_glossary(part)) for part in (fb, google, GLOSSARY))
    assert len(tb) == len(ids) < parts  # one entry per concept, shared ones merged


def test_the_same_concept_from_two_formats_becomes_one_entry(tmp_path):
    assert (
        main(
            [
                "import",
                str(FIXTURES / "martif_ntig.tbx"),
                str(GLOSSARY),
                "-o",
                str(tmp_path / "m.csv"),
                "-q",
            ]
        )
        == 0
    )
    undp = [c for c in load_glossary(tmp_path / "m.csv").concepts if c.label == "联合国开发计划署"]
    assert len(undp) == 1
    assert {"UNDP", "开发署", "开发计划署"} <= {t.text for t in undp[0].terms}


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("billion_laughs.tbx", "refused: the file declares XML entities"),
        ("xxe.tmx", "refused: the file declares XML entities"),
        ("xxe_parameter.tbx", "refused: the file declares XML entities"),
        ("malformed.tbx", "malformed.tbx:4:71: malformed XML: mismatched tag"),
        ("bad_header.csv", "bad_header.csv:1: unknown column 'Remarks'"),
        ("bad_language.csv", "bad_language.csv:3: unknown language code 'kling0n!'"),
        ("empty.csv", "empty.csv: empty file"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, capsys, fixture, message):
    out = tmp_path / "out.tbx"
    assert main(["import", str(GLOSSARY), str(FIXTURES / fixture), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in err[0], err
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.xlsx", b"not a zip", "not a readable .xlsx workbook"),
        ("page.xml", b"<html><body/></html>", "XML with root <html> is neither TBX nor TMX"),
        ("notes.tbx", b"just text", "not an XML file"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "save as .xlsx"),
        ("g.json", b"{}", "unknown glossary format .json"),
        (
            "lang.tbx",
            b'<tbx><text><body><conceptEntry id="a"><langSec xml:lang="1x"><termSec>'
            b"<term>x</term></termSec></langSec></conceptEntry></body></text></tbx>",
            "unknown language code '1x'",
        ),
        (
            "status.csv",
            "zh,zh status\n环境署,official\n".encode(),
            "status.csv:2: unknown status 'official'",
        ),
        (
            "full.csv",
            b"concept_id,lang,term\nc1,1x,programme\n",
            "full.csv:2: unknown language code '1x'",
        ),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_glossary(path)


def test_export_errors_leave_nothing(tmp_path, capsys):
    out = tmp_path / "g.tbx"
    assert main(["export", str(GLOSSARY), "-o", str(out), "--bom"]) == 2
    assert "option bom does not apply to tbx" in capsys.readouterr().err
    assert main(["export", str(GLOSSARY), "-o", str(tmp_path / "g.docx")]) == 2
    assert main(["export", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2
    assert main(["export", str(GLOSSARY), "-o", str(tmp_path / "no" / "dir.tbx")]) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(tmp_path):
    out = tmp_path / "g.csv"
    shutil.copy(GLOSSARY, out)
    before = out.read_bytes()
    assert main(["import", str(FIXTURES / "billion_laughs.tbx"), "-o", str(out), "-q"]) == 2
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["g.csv"]


def test_a_control_character_stops_an_xml_export_but_not_csv(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("en,zh\nvertical\x0btab,垂直制表符\n", encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "out.csv"), "-q"]) == 0
    for name in ("out.tbx", "out.tmx", "out.xlsx"):
        assert main(["import", str(src), "-o", str(tmp_path / name), "-q"]) == 2
        assert "control character U+000B" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
