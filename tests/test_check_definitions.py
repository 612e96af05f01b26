"""The checker's definition reader on real text: what it takes for a name and what not."""

from __future__ import annotations

from termkit.check.definitions import find_definitions
from termkit.check.document import Analysed
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings

from .conftest import REPO, SEED003, shared

FAO_035 = REPO / "bench" / "annotated" / "un_pages" / "docs" / "035.txt"


def definitions(text: str) -> dict[str, str]:
    doc = Analysed(text)
    known = load_index(glossary_paths(Settings())).zh_full_keys
    return {d.short: d.full for d in find_definitions(doc, known)}


def test_a_clause_before_an_attribution_defines_nothing():
    # FAO: 改进捕捞渔业状况和趋势信息的问题应得到高度重视(渔委): the bracket says who said it;
    # 渔 is in the clause, 委 (the head of 渔业委员会) is not.
    line = next(ln for ln in FAO_035.read_text("utf-8").splitlines() if "高度重视(渔委)" in ln)
    assert "渔委" not in definitions(line)


def test_half_a_short_form_with_its_last_character_is_still_a_definition():
    # 降排＋: 降 is not in the name, 排 (of 排放量) is.
    line = next(ln for ln in SEED003.read_text("utf-8").splitlines() if "（降排＋）" in ln)
    assert definitions(line)["降排＋"].endswith("所致排放量的强化联合国协作方案")


def test_a_title_after_a_title_is_the_name_the_document_uses():
    # UNPC 2015/npt/conf_2015/7: 《南太平洋无核区条约》(《拉罗通加条约》) gives the treaty's other
    # name, which draws no character from the first: a definition all the same.
    zh = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh").read_text("utf-8")
    line = next(ln for ln in zh.splitlines() if "(《拉罗通加条约》)" in ln)
    found = definitions(line)
    assert found["拉罗通加条约"] == "南太平洋无核区条约"
    assert found["特拉特洛尔科条约"] == "拉丁美洲和加勒比禁止核武器条约"


def test_a_title_in_single_angle_marks_is_read_as_the_extractor_reads_it():
    # A Taiwan paper (bench/annotated/un_pages_hant2/008.txt) prints titles in 〈〉:
    # 〈身心障礙者權利公約〉(… 簡稱身權公約或CRPD), 〈身心障礙者保護法〉(簡稱身保法).
    paper = REPO / "bench" / "annotated" / "un_pages_hant2" / "docs" / "008.txt"
    read = definitions(paper.read_text("utf-8"))
    assert read["身權公約"] == read["CRPD"] == "身心障礙者權利公約"
    assert read["身保法"] == "身心障礙者保護法"


HANT = REPO / "bench" / "annotated" / "un_pages_hant" / "docs"


def test_a_short_form_that_counts_defines_the_coordinated_names():
    # un_pages_hant 011: 《公民與政治權利國際公約》及《經濟社會文化權利國際公約》(以下簡稱兩公約)
    # names both covenants; the last title alone is no full form of 兩公約.
    line = HANT.joinpath("011.txt").read_text("utf-8").splitlines()[2]
    full = definitions(line)["兩公約"]
    assert full == "《公民與政治權利國際公約》及《經濟社會文化權利國際公約》"
    alone = line.replace("《公民與政治權利國際公約》及", "")
    assert "兩公約" not in definitions(alone)


def test_a_title_in_a_list_of_titles_is_its_own_full_form():
    # seed 003: 《生物多样性公约》、《国际植物保护公约》（《植保公约》）: 植保公约 counts nothing, so
    # the title before the 、 is no part of its full form.
    line = next(ln for ln in SEED003.read_text("utf-8").splitlines() if "（《植保公约》）" in ln)
    assert definitions(line)["植保公约"] == "国际植物保护公约"


def test_a_glossary_that_gives_one_covenant_a_counting_short_form_is_not_followed():
    """A glossary built from a misread definition gives 經濟社會文化權利國際公約 the short form
    兩公約: un_pages_hant 013, which defines 經社文公約 for it and writes 兩公約 for the two
    covenants, gets no TK103 (nor TK101) for 兩公約."""
    from termkit.check import check_text
    from termkit.check.glossary import GlossaryIndex
    from termkit.termbase.model import Concept, Term, Termbase

    terms = (Term("經濟社會文化權利國際公約", "zh", "fullForm"), Term("兩公約", "zh", "shortForm"))
    glossary = GlossaryIndex([Termbase((Concept("icescr", terms),))])
    text = HANT.joinpath("013.txt").read_text("utf-8")
    found = check_text(text, "013.txt", glossary, Settings())
    assert [f for f in found if f.found == "兩公約"] == []
    right = (Term("《公民與政治權利國際公約》及《經濟社會文化權利國際公約》", "zh", "fullForm"),)
    glossary = GlossaryIndex([Termbase((Concept("both", (*right, terms[1])),))])
    found = check_text(text, "013.txt", glossary, Settings())
    assert "TK101" in {f.rule for f in found if f.found == "兩公約"}


def test_a_stop_word_inside_the_head_of_an_acronyms_name_does_not_cut_it():
    # WIPO (un_pages 008): ...欧亚专利组织 (EAPO)、中部非洲经济和货币共同体(CEMAC)、...: 共同
    # (jointly) is a stop word, but 共同体 is the name's head; the full form is the whole name,
    # so its traditional spelling written later is a variant (TK108).
    line = _line_defining("un_pages", "008.txt", "CEMAC")
    assert definitions(line)["CEMAC"] == "中部非洲经济和货币共同体"
    found = _second_line_findings(line, "据中部非洲經濟和貨幣共同體称，会议已经结束。")
    assert {rule for rule, _ in found} == {"TK108"}


def test_a_stop_word_before_the_bare_head_of_an_acronyms_name_is_inside_the_name():
    # The GEF's trust funds and the World Bank Group (TRAIN un_pages7 003 and 001, excerpts
    # of real lines): 特别 (especially), 执行 (carry out) and 开发 (develop) are stop words, but the
    # name is no bare head (基金, 银行, 协会): the whole name, as the extractor reads it.
    funds = "全球环境基金信托基金(GEF)、最不发达国家信托基金(LDCF)、气候变化特别基金(SCCF)和名古屋议定书执行基金(NPIF)。"
    assert definitions(funds) == {
        "GEF": "全球环境基金信托基金",
        "LDCF": "最不发达国家信托基金",
        "SCCF": "气候变化特别基金",
        "NPIF": "名古屋议定书执行基金",
    }
    bank = "世界银行集团由国际复兴开发银行(IBRD)和国际开发协会(IDA)组成。"
    assert definitions(bank) == {"IBRD": "国际复兴开发银行", "IDA": "国际开发协会"}


def test_a_chinese_short_form_abbreviates_the_name_after_a_conjunction_of_two_names():
    # The IMF and World Bank meetings in Hong Kong (TRAIN un_pages7 006, from a real line): 与
    # joins two names, and the short form abbreviates the one after it; inside a name (经济和
    # 社会理事会) a conjunction after a word that ends no name is crossed.
    line = "9月23日,世界银行与国际货币基金组织(简称基金组织)联合年会将在香港开幕。"
    assert definitions(line) == {"基金组织": "国际货币基金组织"}
    assert definitions("会议请经济和社会理事会(经社理事会)审议。") == {
        "经社理事会": "经济和社会理事会"
    }
    # An acronym before a conjunction is an item of its own (UNCTAD's investment trends,
    # TRAIN un_pages4 028, from a real line): the name before (GVCs) is 全球价值链.
    line = "全球价值链内的贸易也出现放缓,FDI与全球价值链(GVCs)的增长脱节。"
    assert definitions(line) == {"GVCs": "全球价值链"}


def test_a_bracket_inside_a_title_is_part_of_the_title():
    """un_pages_hant2 021 is about 《2004年聯合國制裁(利比里亞)規例》; its heading lost the
    opening mark (line 4): 2004 年聯合國制裁 ( 利比里亞 ) 規例》 引言. Even with 聯合國制裁 a known
    full form, (利比里亞) defines nothing; after a title, a bracket still defines."""
    paper = REPO / "bench" / "annotated" / "un_pages_hant2" / "docs" / "021.txt"
    heading = paper.read_text("utf-8").split("\n")[3]
    assert "2004 年聯合國制裁 ( 利比里亞 ) 規例》 引言" in heading
    known = frozenset({"联合国制裁"})

    def shorts(text: str) -> list[str]:
        doc = Analysed(text)
        return [d.short for d in find_definitions(doc, known)]

    assert "利比里亞" not in shorts(heading)
    assert "利比里亞" not in shorts("訂立《2004年聯合國制裁(利比里亞)規例》。")
    assert shorts("訂立《聯合國制裁》(《制裁》)。") == ["制裁"]
    assert shorts("根據聯合國制裁(制裁)規定。") == ["制裁"]


def test_the_name_before_a_latin_acronym_does_not_go_on_over_de():
    # Hong Kong (un_pages_hant2 015): 向入境事務處的綜合調查組(GIS)投案: the unit is
    # 綜合調查組; what precedes 的 says whose it is. Its slip later is reported.
    line = _line_defining("un_pages_hant2", "015.txt", "GIS")
    assert definitions(line)["GIS"] == "綜合調查組"
    found = _second_line_findings(line, "他們其後再向綜合調府組提交資料。")
    assert found == [("TK110", "綜合調府組")]


def test_a_list_inside_a_name_opens_with_its_first_item():
    # UNESCO's Executive Board (un_pages 041): 可查阅战略、任务和结果评估信息系统(SISTER); WIPO's
    # committees (un_pages 017): 商标、工业品外观设计和地理标志法律常设委员会(SCT). The items a
    # conjunction closes are inside the name, and the first, as long as the next, opens it:
    # the verb before it (查阅) governs the name. A list of bodies (秘书处、开发署和…) is none.
    sister = _line_defining("un_pages", "041.txt", "SISTER")
    assert definitions(sister)["SISTER"] == "战略、任务和结果评估信息系统"
    sct = _line_defining("un_pages", "017.txt", "SCT")
    assert definitions(sct)["SCT"] == "商标、工业品外观设计和地理标志法律常设委员会"
    bodies = "感谢秘书处、开发署和联合国环境规划署(环境署)的支持。"
    assert definitions(bodies) == {"环境署": "联合国环境规划署"}


def _line_defining(folder: str, name: str, acronym: str) -> str:
    """The line of a TRAIN page that defines `acronym` in a half-width bracket."""
    paper = REPO / "bench" / "annotated" / folder / "docs" / name
    return next(ln for ln in paper.read_text("utf-8").splitlines() if f"({acronym})" in ln)


def _second_line_findings(line: str, second: str) -> list[tuple[str, str]]:
    """What the default check finds on `second`, written after the defining `line`."""
    from termkit.check import check_text

    settings = Settings()
    found = check_text(
        f"{line}\n{second}\n", "page.txt", load_index(glossary_paths(settings)), settings
    )
    return [(f.rule, f.found) for f in found if f.line == 2]


def test_a_name_whose_parts_a_list_mark_joins_is_read_whole():
    """un_pages3 017 (a UN Secretariat page) defines 管理战略、政策和合规部(管理战略部): the
    short form draws on the part before the list mark, so the name goes on over it."""
    page = REPO / "bench" / "annotated" / "un_pages3" / "docs" / "017.txt"
    line = next(ln for ln in page.read_text("utf-8").splitlines() if "(管理战略部)" in ln)
    assert definitions(line)["管理战略部"] == "管理战略、政策和合规部"
    # A list of names before a short form drawn from the last one alone stays that one.
    assert definitions("中国、联合国环境规划署(环境署)。")["环境署"] == "联合国环境规划署"


def test_a_name_in_quotes_before_an_acronym_is_read_between_them():
    """un_pages4 014 (a UNICEF history page): “联合国国际儿童紧急基金会”(UNICEF)."""
    page = REPO / "bench" / "annotated" / "un_pages4" / "docs" / "014.txt"
    line = next(ln for ln in page.read_text("utf-8").splitlines() if "(UNICEF)" in ln)
    assert definitions(line)["UNICEF"] == "联合国国际儿童紧急基金会"


def test_a_quantity_before_a_name_is_no_part_of_it():
    """un_pages4 003 (a WFP page): 包括…含17项可持续发展目标 (SDGs): 17项 counts the goals."""
    page = REPO / "bench" / "annotated" / "un_pages4" / "docs" / "003.txt"
    line = next(ln for ln in page.read_text("utf-8").splitlines() if "(SDGs)" in ln)
    assert "含17项可持续发展目标 (SDGs)" in line
    assert definitions(line)["SDGs"] == "可持续发展目标"


def test_an_acronym_before_its_english_name_an_acronym_pair_and_an_ordinal_meeting_are_read():
    """Three brackets of the TRAIN papers the reader (the extractor's) took for no definition:
    the acronym written before the English name it stands for (un_pages7 018: 内陆发展中国家
    （LLDC，Landlocked Developing Countries）, read as a clause); two acronyms joined by a
    slash, a body of a body (019: …的发展援助委员会(OECD/DAC), read as a document symbol); and a
    short form that opens with the ordinal of its meeting (un_pages5 001: …外层空间会议
    (第三次外空会议), read as a citation such as (第三章)). The ordinal and a bare head
    (第五十七届会议) still cite."""
    docs = REPO / "bench" / "annotated"
    lldc = (docs / "un_pages7" / "docs" / "018.txt").read_text("utf-8").split("\n")[2]
    assert definitions(lldc)["LLDC"] == "内陆发展中国家"
    dac = (docs / "un_pages7" / "docs" / "019.txt").read_text("utf-8").split("\n")[20]
    assert definitions(dac)["OECD/DAC"] == "发展援助委员会"  # not over 的, as for any acronym
    unispace = (docs / "un_pages5" / "docs" / "001.txt").read_text("utf-8").split("\n")[0]
    assert definitions(unispace)["第三次外空会议"] == "第三次联合国探索及和平利用外层空间会议"
    assert definitions("大会第五十七届会议(第五十七届会议)审议了该项目。") == {}


def test_the_name_before_an_acronym_does_not_open_with_the_determiner_xialie():
    """un_pages 008 (a WIPO meeting report): 下列政府间组织(IGO)作为观察员与会: 下列 (the
    following) points at the list, as 上述, 下述 and 以下 do, and is no word of the name."""
    page = (REPO / "bench" / "annotated" / "un_pages" / "docs" / "008.txt").read_text("utf-8")
    line = next(ln for ln in page.splitlines() if "下列政府间组织(IGO)" in ln)
    assert definitions(line)["IGO"] == "政府间组织"


def test_a_verb_of_founding_or_of_naming_does_not_open_the_name():
    """组建 (set up) beside 设立, 建立, 成立, and 叫作 (be called) beside 叫做, 称为: un_pages8 020
    writes 金砖五国开始商议组建新开发银行(New Development Bank,以下简称NDB), un_pages7 034
    符合这些条件的有机污染物就叫作持久性有机污染物(persistent organic pollutants,缩写为POPs)."""
    docs = REPO / "bench" / "annotated"
    bank = (docs / "un_pages8" / "docs" / "020.txt").read_text("utf-8").split("\n")[14]
    assert definitions(bank)["NDB"] == "新开发银行"
    pops = (docs / "un_pages7" / "docs" / "034.txt").read_text("utf-8").split("\n")[7]
    assert definitions(pops)["POPs"] == "持久性有机污染物"


def test_a_short_title_after_the_year_it_is_known_by_is_read():
    """un_pages7 014 (a paper on the climate treaties) writes 1992 年《联合国气候变化框架公约》
    (简称:1992 年《框架公约》): after the marker, the year the convention is known by, then
    the short title the paper goes on to use."""
    page = (REPO / "bench" / "annotated" / "un_pages7" / "docs" / "014.txt").read_text("utf-8")
    line = next(ln for ln in page.splitlines() if "(简称:1992 年《框架公约》)" in ln)
    assert definitions(line)["框架公约"] == "联合国气候变化框架公约"


def test_a_verb_of_mentioning_does_not_open_the_name():
    """提及 (mention) beside 回顾, 忆及: un_pages7 031 writes 你也许从未听说过GAVI,但提及乙肝
    (HBV),你一定不会陌生, and HBV's full form is 乙肝."""
    page = (REPO / "bench" / "annotated" / "un_pages7" / "docs" / "031.txt").read_text("utf-8")
    line = next(ln for ln in page.splitlines() if "但提及乙肝(HBV)" in ln)
    assert definitions(line)["HBV"] == "乙肝"
