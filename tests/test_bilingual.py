"""Bilingual QA: every CAT format, the Chinese rules on the Chinese side, key terms both ways,
numbers and inline codes; every finding names its segment and side."""

from __future__ import annotations

import json

import pytest

from termkit.check.bilingual import check_file
from termkit.check.glossary import GlossaryIndex
from termkit.check.settings import Settings
from termkit.cli import main
from termkit.errors import InputError
from termkit.formats import bilingual, glossary_csv
from termkit.termbase.model import Concept, Term, Termbase

from .conftest import shared

UNEP = Concept(
    "unep",
    (
        Term("联合国环境规划署", "zh", "fullForm", "preferred"),
        Term("环境署", "zh", "shortForm", "preferred"),
        Term("规划署", "zh", "shortForm", "deprecated"),
        Term("United Nations Environment Programme", "en", "fullForm", "preferred"),
        Term("UNEP", "en", "acronym", "preferred"),
    ),
)
VENTILATOR = Concept(
    "vent", (Term("呼吸机", "zh", "fullForm", "preferred"), Term("ventilator", "en", "fullForm", "preferred"))
)  # fmt: skip
COVID = Concept(
    "covid", (Term("covid-19", "zh", "fullForm", "preferred"), Term("covid-19", "en", "fullForm", "preferred"))
)  # fmt: skip
POLICY = Concept(
    "policy", (Term("政策", "zh", "fullForm", "preferred"), Term("policy", "en", "fullForm", "preferred"))
)  # fmt: skip
INDEX = GlossaryIndex([Termbase((UNEP, VENTILATOR, COVID, POLICY))])
# (id, English, Chinese): segment 2 has a deprecated short form, segment 3 a missing number.
UNITS = [
    (
        "s1",
        "The United Nations Environment Programme (UNEP) met.",
        "联合国环境规划署（环境署）开会了。",
    ),
    ("s2", "UNEP's staff", "规划署的工作人员"),
    ("s3", "In 2015, 3 ventilators", "2015年，呼吸机"),
]


def xliff12(units, extra_ns: str = "") -> str:
    body = "".join(
        f'<trans-unit id="{i}"><source>{en}</source>\n<target>{zh}</target></trans-unit>\n'
        for i, en, zh in units
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"{extra_ns}>\n'
        '<file original="a.docx" source-language="en-US" target-language="zh-CN" datatype="plaintext">'
        f"<body>\n{body}</body></file></xliff>\n"
    )


def xliff20(units) -> str:
    body = "".join(
        f'<unit id="u{i}"><segment id="{i}"><source>{en}</source>\n<target>{zh}</target></segment></unit>\n'
        for i, en, zh in units
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh">\n'
        f'<file id="f1">\n{body}</file></xliff>\n'
    )


def sdlxliff(units) -> str:
    src = " ".join(f'<mrk mtype="seg" mid="{i}">{en}</mrk>' for i, en, _ in units)
    tgt = "\n".join(f'<mrk mtype="seg" mid="{i}">{zh}</mrk>' for i, _, zh in units)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
        '<file original="a.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language="zh-CN"><body>\n'
        f'<trans-unit id="7d2f"><source>x</source><seg-source>{src}</seg-source>\n<target>\n{tgt}\n</target></trans-unit>\n'
        "</body></file></xliff>\n"
    )


def tmx(units, langs: tuple[str, str] = ("en", "zh")) -> str:
    """A TMX whose `tu`s hold (id, text in langs[0], text in langs[1]); srclang is langs[0]."""
    a, b = langs
    body = "".join(
        f'<tu tuid="{i}">\n<tuv xml:lang="{a}"><seg>{x}</seg></tuv>\n<tuv xml:lang="{b}"><seg>{y}</seg></tuv>\n</tu>\n'
        for i, x, y in units
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="{a}" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>'
        f"<body>\n{body}</body></tmx>\n"
    )


def po(units) -> str:
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_CN\\n"\n\n'
    return head + "".join(f'msgctxt "{i}"\nmsgid "{en}"\nmsgstr "{zh}"\n\n' for i, en, zh in units)


def csv(units) -> str:
    return "source,target\n" + "".join(f'"{en}",{zh}\n' for _, en, zh in units)


FORMATS = {
    "a.xlf": xliff12,
    "a.mqxliff": lambda u: xliff12(u, ' xmlns:mq="MQXliff"'),
    "b.xlf": xliff20,
    "a.sdlxliff": sdlxliff,
    "a.tmx": tmx,
    "a.po": po,
    "a.csv": csv,
}
IDS = {"a.xlf": "s2", "a.mqxliff": "s2", "b.xlf": "us2/s2", "a.sdlxliff": "s2", "a.tmx": "s2",
       "a.po": "s2", "a.csv": "row 3"}  # fmt: skip


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_reports_segment_side_and_file_position(tmp_path, name):
    path = tmp_path / name
    path.write_text(FORMATS[name](UNITS), encoding="utf-8")
    findings = check_file(str(path), INDEX, Settings())
    deprecated = [f for f in findings if f.rule == "TK106"]
    assert [(f.found, f.suggestion) for f in deprecated] == [("规划署", "环境署")]
    (f,) = deprecated
    assert (f.location.segment, f.location.side) == (IDS[name], "target")
    line = path.read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "规划署"
    numbers = [f for f in findings if f.rule == "TK203"]
    assert [(f.found, f.location.side) for f in numbers] == [("3", "target")]
    # UNEP's and ventilators are the glossary's UNEP and ventilator: no missing target term.
    assert [f for f in findings if f.rule == "TK201"] == []


def test_short_form_before_its_definition_in_an_earlier_segment(tmp_path):
    units = [("s1", "UNEP staff", "环境署工作人员"), *UNITS[:1]]
    path = tmp_path / "a.tmx"
    path.write_text(tmx(units), encoding="utf-8")
    (f,) = [f for f in check_file(str(path), INDEX, Settings()) if f.rule == "TK102"]
    assert f.location.segment == "s1" and f.found == "环境署"
    assert "in segment s1" in f.message and "line" not in f.message


def test_key_terms_case_plural_and_possessive_both_directions(tmp_path):
    units = [
        ("1", "COVID-19 policies", "covid-19相关政策"),  # case and -ies plural: fine
        ("2", "The ventilators' filters", "过滤器"),  # plural possessive: missing 呼吸机
        ("3", "who knows", "谁知道"),  # `who` is no acronym match
        ("4", "unep.org", "网站"),  # lower-case `unep` is not the acronym UNEP
    ]
    path = tmp_path / "a.tmx"
    path.write_text(tmx(units), encoding="utf-8")
    found = [(f.location.segment, f.found, f.suggestion) for f in check_file(str(path), INDEX, Settings())
             if f.rule == "TK201"]  # fmt: skip
    assert found == [("2", "ventilator", "呼吸机")]
    # A Chinese source and an English target: the same check the other way.
    reverse = tmp_path / "r.tmx"
    reverse.write_text(
        tmx(
            [
                ("1", "呼吸机不足", "shortage of ventilators"),
                ("2", "联合国环境规划署", "the agency"),
            ],
            ("zh", "en"),
        ),
        encoding="utf-8",
    )
    doc = bilingual.read(reverse)
    assert doc.chinese_side() == "source"
    found = [(f.location.segment, f.found, f.suggestion) for f in check_file(str(reverse), INDEX, Settings())
             if f.rule == "TK201"]  # fmt: skip
    assert found == [("2", "联合国环境规划署", "United Nations Environment Programme")]


def test_numbers_compared_as_values():
    from termkit.check.numbers import mismatches

    same = [
        ("In 2015, 10 million people on 2 March", "2015年，1 000万人，3月2日"),
        ("1,234,567 and 3.5 per cent in the 1930s", "1 234 567，3.5%，20世纪30年代"),
        ("the twenty-first century, three cases, 2010–11", "21世纪，3个病例，2010-2011年"),
        ("$870 million", "8.7亿美元"),
        ("To be held at 10.15 a.m.", "定于上午10时15分举行"),
        ("Acknowledges the report", "14. 确认报告"),  # a paragraph label on one side only
    ]
    for en, zh in same:
        assert mismatches(en, zh, False, True) == ([], []), (en, zh)
    missing, extra = mismatches("about 25 people in 2015", "2016年约25人", False, True)
    assert [n.text for n in missing] == ["2015"] and [n.text for n in extra] == ["2016"]
    missing, extra = mismatches("4. The report", "5. 报告", False, True)  # both labelled
    assert [n.text for n in missing] == ["4"] and [n.text for n in extra] == ["5"]


def test_inline_codes_xliff_and_po(tmp_path):
    path = tmp_path / "tags.xlf"
    units = [
        ("t1", 'The <g id="1">report</g><x id="2"/>', '<g id="1">报告</g><x id="2"/>'),
        ("t2", 'The <g id="1">report</g> <ph id="3">&lt;br/&gt;</ph>', "报告"),
    ]
    path.write_text(xliff12(units), encoding="utf-8")
    doc = bilingual.read(path)
    assert doc.segments[1].source.text == "The report "  # native code is not text
    found = [
        (f.location.segment, f.found)
        for f in check_file(str(path), INDEX, Settings())
        if f.rule == "TK204"
    ]
    assert found == [("t2", "<g id=1>"), ("t2", "<ph id=3>")]
    pofile = tmp_path / "m.po"
    pofile.write_text(po([("p1", "%s files in {dir}", "{dir} 中有文件")]), encoding="utf-8")
    found = [f.found for f in check_file(str(pofile), INDEX, Settings()) if f.rule == "TK204"]
    assert found == ["%s"]


def test_xml_entities_are_refused_in_bilingual_files(tmp_path):
    path = tmp_path / "xxe.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        + xliff12([("1", "&e;", "环境署")]).split("\n", 1)[1],
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="refused"):
        bilingual.read(path)


def test_cli_outputs_name_segment_and_side(tmp_path, capsys):
    glossary = tmp_path / "g.csv"
    glossary_csv.write(Termbase((UNEP,)), glossary)
    path = tmp_path / "a.xlf"
    path.write_text(xliff12(UNITS), encoding="utf-8")
    args = ["check", "--isolated", "--no-default-glossary", "--glossary", str(glossary), str(path)]
    assert main(args) == 1
    text = capsys.readouterr().out
    assert "TK106" in text and "[segment s2 (target)]" in text
    main([*args, "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    assert {"segment": "s2", "side": "target"} in [r["location"] for r in records]
    main([*args, "--format", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    names = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results}
    assert "s2/target" in names


def test_tico19_tmx_has_no_case_only_findings():
    from termkit.check.run import load_index

    tico = shared("data", "tico19-en-zh")
    index = load_index([str(tico / "f_en-zh_CN.csv")])
    findings = check_file(str(tico / "all.en-zh.tmx"), index, Settings())
    assert findings and all(f.location.segment and f.location.side for f in findings)
    assert not [f for f in findings if f.rule == "TK201" and f.found.lower() == "covid-19"]


def test_tmx_without_tuid_and_with_three_languages(tmp_path):
    path = tmp_path / "three.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
        'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" '
        'creationtoolversion="1"/><body>\n<tu>\n<tuv xml:lang="en"><seg>UNEP staff</seg></tuv>\n'
        '<tuv xml:lang="fr"><seg>personnel du PNUE</seg></tuv>\n'
        '<tuv xml:lang="zh-CN"><seg>规划署工作人员</seg></tuv>\n</tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    doc = bilingual.read(path)
    assert [(s.id, s.target.text) for s in doc.segments] == [("tu 1", "规划署工作人员")]
    assert doc.chinese_side() == "target"


def test_reverse_key_term_check_is_off_by_default(tmp_path):
    path = tmp_path / "a.tmx"
    path.write_text(tmx([("1", "The staff met", "环境署工作人员开会"), ("2", "UNEP met", "环境署开会")]),
                    encoding="utf-8")  # fmt: skip
    assert not [f for f in check_file(str(path), INDEX, Settings()) if f.rule == "TK202"]
    settings = Settings().with_options(enable=["TK202"])
    found = [(f.location.segment, f.found) for f in check_file(str(path), INDEX, settings)
             if f.rule == "TK202"]  # fmt: skip
    assert found == [("1", "环境署")]
