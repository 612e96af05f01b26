"""TK101 (a short form used without definition) and TK114 (one the corpus mostly uses
undefined) on real UN text: TRAIN papers (bench/annotated/SET/docs) checked with a project
glossary built from another paper's definition, and lines of the UNPC devset."""

from __future__ import annotations

from functools import cache

from termkit.build import document_termbase
from termkit.check.engine import check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths
from termkit.check.settings import Settings
from termkit.check.usage import NEVER, Cutoff, Often, Rule, Usage, fitted_rule
from termkit.extract.extractor import extract_document
from termkit.formats.registry import load_glossary
from termkit.termbase.model import Concept, Term, Termbase
from termkit.text.decode import Document

from .conftest import REPO, shared

TRAIN = REPO / "bench" / "annotated"
ONLY_TK101 = Settings(enabled=frozenset({"TK101"}))


def lines(paper: str, first: int, last: int) -> str:
    """Lines `first`..`last` (1-based) of a TRAIN paper (`SET/NNN.txt`)."""
    folder, name = paper.split("/")
    text = (TRAIN / folder / "docs" / name).read_text("utf-8").splitlines()
    return "\n".join(text[first - 1 : last]) + "\n"


@cache
def glossary_of(paper: str, first: int, last: int) -> GlossaryIndex:
    """The shipped glossary and the terms extracted from some lines of a TRAIN paper."""
    part = Document(paper, lines(paper, first, last), "utf-8")
    extracted = document_termbase(extract_document(part))
    return GlossaryIndex([*map(load_glossary, glossary_paths(Settings())), extracted])


def tk101(text: str, glossary: GlossaryIndex) -> list[str]:
    return [f.found for f in check_text(text, "draft.txt", glossary, ONLY_TK101)]


def test_the_short_title_after_a_cited_title_needs_its_definition():
    # 022 defines 《〈關於消耗臭氧層物質的蒙特利爾議定書〉基加利修正案》(下稱“《基加利修正案》”) on
    # line 7. 基加利修正案 ends its full form, but after the cited 〈…議定書〉, not after a
    # prefix or an owner: it is the amendment's own short title, not an ordinary tail
    # (执行主任, 外交部).
    kigali = glossary_of("un_pages_hant2/022.txt", 1, 10)
    assert tk101(lines("un_pages_hant2/022.txt", 11, 11), kigali) == ["基加利修正案"]
    assert tk101(lines("un_pages_hant2/022.txt", 1, 11), kigali) == []


def test_a_determiner_and_the_head_is_an_ordinary_noun_phrase():
    # The JIU statute (052) defines 各专门机构和其他国际组织(以下简称各组织); a JIU report (051)
    # writes 联合国系统各组织, "the organizations of the system", undefined as it should be.
    jiu = glossary_of("un_pages/052.txt", 40, 40)
    assert "各组织" in jiu.zh_short_keys
    assert tk101(lines("un_pages/051.txt", 1, 15), jiu) == []
    # A Hong Kong report (003) defines 《聯合國兒童權利公約》(該公約), "the said Convention";
    # another (024) writes 該公約 for its own convention.
    crc = glossary_of("un_pages_hant/003.txt", 76, 76)
    assert "该公约" in crc.zh_short_keys
    assert tk101(lines("un_pages_hant/024.txt", 2, 2), crc) == []


# --- a short form the corpus mostly uses undefined (the fitted usage rule) ---------------------

UNPC = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh")


def unpc(line: int) -> str:
    """One line (1-based) of the UNPC devset."""
    return UNPC.read_text("utf-8").splitlines()[line - 1] + "\n"


def undp_glossary(rule: Rule) -> GlossaryIndex:
    """开发署 and 儿基会 as a glossary built from UNPC text has them, with a usage table in which
    three of the four documents using 开发署 leave it undefined."""
    concepts = (
        Concept("undp", (Term("联合国开发计划署", "zh", "fullForm"), Term("开发署", "zh", "shortForm"))),
        Concept("unicef", (Term("联合国儿童基金会", "zh", "fullForm"), Term("儿基会", "zh", "shortForm"))),
    )  # fmt: skip
    usage = Usage(40, {"开发署": (4, 3), "儿基会": (4, 1)})
    return GlossaryIndex([Termbase(concepts)], usage=usage, usage_rule=rule)


def test_a_known_short_form_in_a_document_that_defines_none_is_off_by_default():
    # UNPC L334 names 开发署 bare, and defines nothing: the corpus mostly uses 开发署 undefined,
    # so its readers know it. L3759 defines 联合国儿童基金会(儿基会): a document that defines
    # its short forms and leaves 开发署 bare has left out a definition.
    rule = Rule(NEVER, Cutoff(3, 0.4))
    bare, defining = unpc(334), unpc(3759) + unpc(334)
    default = Settings()
    assert [f.rule for f in check_text(bare, "d.txt", undp_glossary(rule), default)] == []
    found = check_text(defining, "d.txt", undp_glossary(rule), default)
    assert [(f.rule, f.found, f.line) for f in found] == [("TK101", "开发署", 2)]
    # TK114 still names it, as information, for a reviser who wants every short form defined.
    strict = default.with_options(enable=["established-short-form-undefined"])
    found = check_text(bare, "d.txt", undp_glossary(rule), strict)
    assert [(f.rule, f.severity, f.found) for f in found] == [("TK114", "info", "开发署")]
    # 儿基会, mostly defined where it is used, is reported in either document.
    kid = check_text("儿基会" + bare, "d.txt", undp_glossary(rule), default)
    assert [(f.rule, f.found) for f in kid] == [("TK101", "儿基会")]
    # A cut-off that holds everywhere silences the defining document too.
    everywhere = undp_glossary(Rule(Cutoff(3, 0.4)))
    assert check_text(defining, "d.txt", everywhere, default) == []


def test_short_forms_a_document_leaves_undefined_together_are_its_practice():
    # A UNPC excerpt of A/69/759 (L269) names 世卫组织 and 西非经共体 and defines nothing: it is
    # written for readers who know the names (or its definitions are in the part left out),
    # and the third cut-off, which needs no corpus evidence here, takes both as known. A lone
    # undefined short form (埃博拉特派团, L2659) and the same line after a definition of
    # 儿基会 (L3759) are still reported.
    shipped = [load_glossary(p) for p in glossary_paths(Settings())]
    for rule, expected in (
        (Rule(NEVER, NEVER), ["世卫组织", "西非经共体"]),
        (Rule(NEVER, NEVER, Cutoff(0, 0.5)), []),
    ):
        glossary = GlossaryIndex(shipped, usage=Usage(), usage_rule=rule)
        assert tk101(unpc(269), glossary) == expected
        assert tk101(unpc(2659), glossary) == ["埃博拉特派团"]
        assert tk101(unpc(3759) + unpc(269), glossary) == ["世卫组织", "西非经共体"]


def test_a_body_named_throughout_by_its_short_form_is_the_one_the_document_is_about():
    # The UNPC lines of S/2015/177, the Secretary-General's report on UNDOF, name the force
    # 观察员部队 five times and never write 联合国脱离接触观察员部队: its readers know the body
    # the report is about. Written out once and then used bare (a definition dropped), or in
    # a document that defines its short forms (儿基会, L3759), the short form is reported; so
    # is a form used fewer times than the cut-off.
    shipped = [load_glossary(p) for p in glossary_paths(Settings())]
    report = "".join(unpc(n) for n in (1930, 2649, 3303, 3304, 3941))
    written_out = "联合国脱离接触观察员部队继续执行任务。\n" + report
    for rule, bare in (
        (Rule(NEVER), ["观察员部队"]),
        (Rule(NEVER, where_used_often=Often(5)), []),
        (Rule(NEVER, where_used_often=Often(6)), ["观察员部队"]),
    ):
        glossary = GlossaryIndex(shipped, usage=Usage(), usage_rule=rule)
        assert tk101(report, glossary) == bare
        assert tk101(written_out, glossary) == ["观察员部队"]
        assert tk101(unpc(3759) + report, glossary) == ["观察员部队"]


def test_the_shipped_usage_rule_reads_back():
    rule = fitted_rule()
    assert isinstance(rule.everywhere, Cutoff) and isinstance(rule.where_none_defined, Cutoff)
    assert rule != Rule(NEVER, NEVER)


def test_a_short_form_after_a_name_prefix_is_part_of_a_longer_name():
    # 025 defines 国际民用航空组织(民航组织); ICAO's own paper (075) writes 国际民航组织 throughout,
    # a name of its own the glossary does not hold, not the short form 民航组织 used undefined.
    icao = glossary_of("un_pages/025.txt", 35, 35)
    assert "民航组织" in icao.zh_short_keys
    assert "民航组织" not in tk101(lines("un_pages/075.txt", 1, 20), icao)
    assert tk101("本文件载有民航组织大会第三十五届会议的决议。\n", icao) == ["民航组织"]


def test_a_states_short_name_needs_no_definition():
    # A Hong Kong report (001) defines 中華人民共和國(中國); another (005) writes 中國 ten times
    # undefined, as UN documents write a state's short name.
    prc = glossary_of("un_pages_hant/001.txt", 3, 3)
    assert "中国" in prc.zh_short_keys
    assert "中國" not in tk101(lines("un_pages_hant/005.txt", 1, 61), prc)


def test_a_head_written_as_a_short_title_names_the_body_the_document_identifies():
    # 010 defines 《保護非物質文化遺產公約》(《公約》) on line 8 and quotes 《公約》 on line 12;
    # line 12 alone names no convention, so its reader cannot tell which one 《公約》 is. Written
    # without title marks (與公約第1條 in 002, a paper on a convention it named above) the
    # head is an ordinary noun.
    heritage = glossary_of("un_pages_hant2/010.txt", 8, 8)
    assert "公约" in heritage.zh_short_keys
    assert tk101(lines("un_pages_hant2/010.txt", 12, 12), heritage) == ["公約"]
    assert tk101(lines("un_pages_hant2/010.txt", 8, 12), heritage) == []
    assert tk101(lines("un_pages_hant2/002.txt", 19, 21), heritage) == []


def test_the_name_after_a_descriptive_phrase_is_the_instruments_short_title():
    # 023 defines 《关于汞的水俣公约》(简称《水俣公约》) on line 5. 水俣公约 ends its full form, but
    # after 关于汞的 (what the convention is about), not after an owner's name (the 执行主任 of
    # 联合国环境规划署执行主任): it is the convention's own short title, which lines 15-16
    # use without their definition (line 11 names 环境署 undefined, rightly reported).
    minamata = glossary_of("un_pages4/023.txt", 5, 5)
    assert "水俣公约" in minamata.zh_short_keys
    assert tk101(lines("un_pages4/023.txt", 15, 16), minamata) == ["水俣公约"]
    assert "水俣公约" not in tk101(lines("un_pages4/023.txt", 5, 16), minamata)


def test_a_states_short_name_before_its_organ_needs_no_definition():
    # A UNDP agreement (un_pages4/033) defines 中华人民共和国政府(以下称“中国政府”); a UNICEF news
    # story (013) writes 中国政府 undefined, as every UN text does. A UN body in a state
    # (联合国组织刚果民主共和国特派团(联刚特派团), un_pages/028) is no organ of that state: its
    # short form, used on line 16 of the resolution 029 without its definition, is reported.
    prc = glossary_of("un_pages4/033.txt", 13, 13)
    assert "中国政府" in prc.zh_short_keys
    assert tk101(lines("un_pages4/013.txt", 1, 7), prc) == []
    monuc = glossary_of("un_pages/028.txt", 15, 15)
    assert tk101(lines("un_pages/029.txt", 16, 16), monuc) == ["联刚特派团"]


def test_the_end_of_one_name_is_its_coined_short_form():
    # un_pages3 005 (a Security Council text) defines 《解决南苏丹共和国冲突重振协议》(《重振
    # 协议》) on line 10 and cites 《重振协议》 on lines 11-15. 重振协议 ends its full form
    # after no body's name (not an organ or title such as 执行主任 after 联合国环境规划署): it is
    # the agreement's own short form, which a reader of a line without the definition cannot
    # know (the five lines together, which use it five times and define nothing, would read
    # as a text about the agreement: the fitted usage rule's `where_used_often`).
    revitalized = glossary_of("un_pages3/005.txt", 10, 10)
    assert "重振协议" in revitalized.zh_short_keys
    assert tk101(lines("un_pages3/005.txt", 11, 11), revitalized) == ["重振协议"]
    assert tk101(lines("un_pages3/005.txt", 1, 15), revitalized) == []


def test_a_counted_noun_is_no_short_form():
    # un_pages 036 defines 版权及相关权常设委员会(以下称“常设委员会”或“SCCR”); a Habitat
    # resolution (030) calls the Commission on Human Settlements 经济及社会理事会的一个常设委员会,
    # "a standing committee" of the Council: counted, the noun names no body (常设委员会
    # ends its full form after no body's name, so read as a name it is coined).
    sccr = glossary_of("un_pages/036.txt", 3, 3)
    assert "常设委员会" in sccr.zh_short_keys
    assert tk101(lines("un_pages/030.txt", 20, 20), sccr) == []


def test_a_name_without_its_generic_prefix_is_coined_but_not_a_short_title():
    # un_pages7 019 defines 《联合国千年宣言》(以下简称“《千年宣言》”). 千年宣言 is the name without
    # its generic prefix 联合国, as 气象组织 is of 世界气象组织: a reader of another paper needs
    # its definition though no body's head (组织, 署) ends it. A title of three characters after
    # the prefix (秘书长 of 联合国秘书长) stays an ordinary noun.
    millennium = glossary_of("un_pages7/019.txt", 21, 21)
    assert "千年宣言" in millennium.zh_short_keys
    assert tk101("各国在《千年宣言》中作出了承诺。\n", millennium) == ["千年宣言"]
    concepts = (
        Concept("sg", (Term("联合国秘书长", "zh", "fullForm"), Term("秘书长", "zh", "shortForm"))),
    )
    secretary = GlossaryIndex([Termbase(concepts)], usage_rule=Rule(NEVER))
    assert tk101("秘书长在报告中指出了这一点。\n", secretary) == []


def test_a_defined_short_form_and_the_rest_of_the_name_word_for_word_need_no_definition():
    """un_pages_hant 018 defines 《身心障礙者權利公約施行法》(下稱《CRPD施行法》). 029 (slides on
    the two conventions) defines 聯合國身心障礙者權利公約(下稱CRPD) and writes 公布CRPD施行法:
    the defined CRPD and the rest of the act's name, 施行法, which its reader reads from that
    definition. Without it, CRPD施行法 needs its own."""
    act = glossary_of("un_pages_hant/018.txt", 6, 6)
    assert "CRPD施行法" in act.zh_short_keys
    slides = lines("un_pages_hant/029.txt", 1, 96)
    assert "聯合國身心障礙者權利公約(下稱CRPD)" in slides
    assert "CRPD施行法" not in tk101(slides, act)
    undefined = slides.replace("聯合國身心障礙者權利公約(下稱CRPD)", "聯合國身心障礙者權利公約")
    assert "CRPD施行法" in tk101(undefined, act)
