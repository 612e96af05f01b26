"""TK103 for other plausible short forms of a defined name, on real Hong Kong and Taiwan text
(bench/annotated/un_pages_hant) checked with a project glossary built from another paper."""

from __future__ import annotations

from functools import cache

from termkit.build import document_termbase
from termkit.check.engine import check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths
from termkit.check.settings import Settings
from termkit.extract.extractor import extract_document
from termkit.formats.registry import load_glossary
from termkit.termbase.model import Concept, Term, Termbase
from termkit.text.decode import Document

from .conftest import REPO

ANNOTATED = REPO / "bench" / "annotated"
ONLY_TK103 = Settings(enabled=frozenset({"TK103"}))


def paper(name: str, folder: str = "un_pages_hant") -> str:
    """Document `name` of the TRAIN set `folder` (the traditional-script set by default)."""
    return (ANNOTATED / folder / "docs" / name).read_text("utf-8")


@cache
def project_glossary() -> GlossaryIndex:
    """The shipped glossary and the terms of papers that call their convention 《公約》 (015)
    and their committee 委員會 (007): a glossary built from them holds both bare heads as short
    forms."""
    extracted = [
        document_termbase(extract_document(Document(name, paper(name), "utf-8")))
        for name in ("007.txt", "015.txt")
    ]
    return GlossaryIndex([*map(load_glossary, glossary_paths(Settings())), *extracted])


def tk103(text: str) -> list[tuple[str, str | None]]:
    found = check_text(text, "draft.txt", project_glossary(), ONLY_TK103)
    return [(f.found, f.suggestion) for f in found]


def test_a_known_head_inside_another_wording_of_the_name_hides_nothing():
    # 035 defines 《保護世界文化和自然遺產公約》(簡稱《世界遺產公約》), then writes 《世界遺產公約》;
    # written 《世界文化和自然遺產公約》 instead, the name is another wording though its head
    # 公約 is some convention's short form in the project glossary.
    index = project_glossary()
    assert "公约" in index.zh_short_keys and "委员会" in index.zh_short_keys
    original = paper("035.txt")
    assert "生效的《世界遺產公約》" in original
    draft = original.replace("生效的《世界遺產公約》", "生效的《世界文化和自然遺產公約》")
    assert ("世界文化和自然遺產公約", "世界遺產公約") in tk103(draft)
    assert [f for f, _ in tk103(original) if "文化和自然" in f] == []


def test_a_known_head_glued_to_another_name_is_that_name_not_a_short_form():
    # 001 defines 婦女事務委員會(婦委會) and writes 立法會政制事務委員會, another committee;
    # 015 names 《一九五二年婦女政治權利公約》 after defining ICCPR for
    # 《公民權利和政治權利國際公約》: another convention.
    assert [f for f, _ in tk103(paper("001.txt")) if f.endswith("事務委員會")] == []
    taiwan = paper("015.txt")
    assert "婦女政治權利公約" in taiwan
    assert [f for f, _ in tk103(taiwan) if f.endswith("政治權利公約")] == []


def _line(folder: str, name: str, number: int) -> str:
    return paper(name, folder).split("\n")[number - 1] + "\n"


def test_the_whole_name_written_another_way_is_no_short_form():
    """Papers 011, 016 and 012 write the covenant 經濟社會文化權利國際公約 without 國際, or with
    its parts joined by 、 and 及: the name, not another short form of the glossary's."""
    terms = (
        Term("經濟社會文化權利國際公約", "zh", "fullForm"),
        Term("經社文公約", "zh", "shortForm"),
    )
    glossary = GlossaryIndex([Termbase((Concept("c", terms),))])

    def found(line: str) -> list[str]:
        text = "締約國批准了《經濟社會文化權利國際公約》。\n" + line  # the glossary's name in use
        return [f.found for f in check_text(text, "draft.txt", glossary, ONLY_TK103)]

    without = _line("un_pages_hant", "011.txt", 17)
    assert "《經濟社會文化權利公約》" in without
    assert found(without) == found(_line("un_pages_hant", "016.txt", 3)) == []
    joined = _line("un_pages_hant", "012.txt", 7)
    assert "及「經濟、社會及文化權利國際公約」" in joined
    assert found(joined) == []
    # A form without the name's own words is still another short form.
    assert found(without.replace("經濟社會文化權利公約", "文化權利公約")) == ["文化權利公約"]


def test_a_short_tail_after_a_determiner_points_back_to_the_name():
    """un_pages 044 defines 联合国儿童基金会快速反应小组 (IRT) and goes on 该快速反应小组的成员:
    the team just named. Without the determiner, or keeping most of the name, it is reported."""
    text = _line("un_pages", "044.txt", 20)
    assert "。该快速反应小组的成员" in text
    assert tk103(text) == []
    assert [f for f, _ in tk103(text.replace("。该快速", "。快速"))] == ["快速反应小组"]
    # hant2 023 defines 《關於發生武裝衝突時保護文化財產的公約》(下稱“公約”), then 上述公約.
    page = paper("023.txt", "un_pages_hant2")
    assert "對上述公約(" in page
    kept = page.replace("對上述公約(", "對上述於發生武裝衝突時保護文化財產的公約(")
    assert "於發生武裝衝突時保護文化財產的公約" in [f for f, _ in tk103(kept)]


def test_a_determiner_takes_its_measure_word_before_the_noun():
    """A UNCCD news item (TRAIN un_pages7 002, from its real lines) defines
    第五次履约审查委员会会议(CRIC5), then writes 参加此次会议: this meeting, 此 and its measure
    word 次, not 次会议 as another short form. Without the determiner it is reported."""
    text = (
        "会议按照第五次履约审查委员会会议(CRIC5)期间确定的工作计划进行了讨论。\n"
        "参加此次会议的有公约履约审查委员会主席及各区域代表24人。\n"
    )
    assert tk103(text) == []
    assert [f for f, _ in tk103(text.replace("此次会议", "次会议"))] == ["次会议"]


def test_a_defined_short_form_missing_its_first_character_is_reported():
    """un_pages 061 defines 《農藥的銷售與使用國際行為守則》(以下簡稱《國際行為守則》) and goes
    on 顧及《國際行為守則》: written 《際行為守則》, one character of the short form is lost."""
    page = paper("061.txt", "un_pages")
    assert "特別是顧及《國際行為守則》和" in page
    assert [f for f, _ in tk103(page) if "行為守則" in f] == []
    draft = page.replace("特別是顧及《國際行為守則》和", "特別是顧及《際行為守則》和")
    assert [f for f, _ in tk103(draft) if "行為守則" in f] == ["際行為守則"]


def test_a_slip_before_a_tail_of_a_defined_short_form_is_no_other_short_form():
    """un_pages 049 defines 亚洲及太平洋经济社会委员会(亚太经社会); written 亚其经社会 later, the
    short form has a slip (TK110), and 经社会 is no other short form: its suggestion would
    make 亚其亚太经社会 (the planted draft of bench/check_planted.py --seed 1)."""
    page = paper("049.txt", "un_pages")
    lines = page.split("\n")
    assert lines[13].startswith("通过《亚洲公路网政府间协定》")
    lines[13] = "亚其经社会的" + lines[13]
    draft = "\n".join(lines)
    assert [f for f, _ in tk103(draft) if "经社会" in f] == []
    found = check_text(draft, "draft.txt", project_glossary(), Settings())
    assert [(f.rule, f.line, f.found) for f in found if "经社会" in f.found] == [
        ("TK110", 14, "亚其经社会")
    ]


def test_the_rest_of_a_name_after_its_ordinal_is_no_short_form():
    """un_pages4 040 (a CMA news item) defines 第六次评估报告(AR6) and later writes IPCC评估报告,
    the IPCC's assessment reports: the noun the ordinal counts, no short form of the sixth."""
    news = paper("040.txt", "un_pages4")
    assert "第六次评估报告(AR6)" in news and "IPCC评估报告凝结了" in news
    assert [f for f, _ in tk103(news) if "评估报告" in f] == []
    draft = news.replace("IPCC评估报告凝结了", "IPCC六次评估报告凝结了")
    assert [f for f, _ in tk103(draft) if "评估报告" in f] == ["六次评估报告"]


def test_a_title_given_only_an_acronym_is_the_name_without_its_generic_prefix():
    """un_pages5 032 (the ATT negotiations page) defines 联合国武器贸易条约(ATT) and writes
    《武器贸易条约》: beside a Latin acronym the document gives the name no Chinese short form,
    and the title it writes without 联合国 is the treaty's own name, there and bare. A cut
    inside it still counts."""
    page = paper("032.txt", "un_pages5")
    assert "联合国武器贸易条约(ATT)" in page and "制定《武器贸易条约》的想法" in page
    assert [f for f, _ in tk103(page) if "条约" in f] == []
    draft = page.replace("制定《武器贸易条约》的想法", "制定《武器条约》的想法")
    assert [f for f, _ in tk103(draft) if "条约" in f] == ["武器条约"]


def test_a_glossary_name_whose_short_form_is_its_bare_head_has_no_form_to_keep_to():
    """un_pages5 022 defines 联合国大陆架界限委员会(以下简称委员会); a glossary built from it gives
    the commission only its bare head. 016 (a CERD page) writes 由联合国大会于1965年通过: the
    General Assembly, no other short form of the commission."""
    commission = Document("022.txt", paper("022.txt", "un_pages5"), "utf-8")
    glossary = GlossaryIndex(
        [
            *map(load_glossary, glossary_paths(Settings())),
            document_termbase(extract_document(commission)),
        ]
    )
    page = paper("016.txt", "un_pages5")
    assert "由联合国大会于1965年通过" in page
    found = check_text(page, "016.txt", glossary, ONLY_TK103)
    assert [f.found for f in found if f.found == "联合国大会"] == []


def test_another_wording_closing_the_text_is_found_there():
    # The places a name's last character closes are searched, not every character visited:
    # the text's very last character is one (035 with its convention named otherwise on its
    # own last line, no line break after).
    original = paper("035.txt").rstrip()
    draft = original + "\n世界文化和自然遺產公約"
    found = check_text(draft, "draft.txt", project_glossary(), ONLY_TK103)
    assert ("世界文化和自然遺產公約", draft.count("\n") + 1, 12) in [
        (f.found, f.end_line, f.end_column) for f in found
    ]


def test_a_form_ending_inside_a_word_of_the_name_is_no_short_form():
    """un_pages8 024 (a paper on the WTO's dispute rules) defines 《争端解决规则程序及谅解》(DSU)
    and writes 争端解决的规则和程序, 争端解决规则的审议: 争端解 ends inside 解决, a word the name
    holds inside, not with the name's end 谅解. A form that ends with the name's end is still
    another short form of it."""
    page = paper("024.txt", "un_pages8")
    assert "《争端解决规则程序及谅解》(DSU)" in page and "二、争端解决规则的审议" in page
    assert [f for f, _ in tk103(page) if f.startswith("争端")] == []
    draft = page.replace("充分肯定了DSU的运作", "充分肯定了争端谅解的运作")
    assert [f for f, _ in tk103(draft) if f.startswith("争端")] == ["争端谅解"]


def test_the_end_of_a_longer_title_is_no_short_form():
    """un_pages5 026 (a paper on arms control) defines 《特定常规武器公约》(…, CCW) and gives its
    full title, 《禁止或限制使用某些可被认为具有过分杀伤作用的常规武器公约》: 常规武器公约 closes
    that title, which opens further left, and is no short form of the first. Written as a
    title of its own, it is one."""
    page = paper("026.txt", "un_pages5")
    assert "《特定常规武器公约》(Convention" in page and "作用的常规武器公" in page
    assert [f for f, _ in tk103(page) if "常规武器" in f] == []
    draft = page.replace("全称为《禁止或限制使用某些可被认为具有过分杀伤作用的", "简称为《")
    assert [f for f, _ in tk103(draft) if "常规武器" in f] == ["常规武器公\n约"]


def test_a_longer_title_that_opens_as_the_name_does_is_the_name_miswritten():
    """un_pages_hant2 022 defines 《關於消耗臭氧層物質的蒙特利爾議定書》(下稱“《蒙特利爾議定書》”)
    and cites 《〈關於消耗臭氧層物質的蒙特利爾議定書〉基加利修正案》 on line 13. A garbled form
    closing that inner title (關臭物特利議書), which opens as the name does, is still reported:
    it is the name miswritten, not the end of another title."""
    page = paper("022.txt", "un_pages_hant2")
    old = "《〈關於消耗臭氧層物質的蒙特利爾議定書〉基加利修正案》的中文"
    assert old in page
    draft = page.replace(old, "《〈關於消耗臭氧層物質的關臭物特利議書〉基加利修正案》的中文")
    assert "關臭物特利議書" in [f for f, _ in tk103(draft)]
    # un_pages 061 defines 國際行為守則 and writes 顧及《國際行為守則》: a garble opening that
    # title after a connective is the title's whole name, as 的 opens no form.
    fao = paper("061.txt", "un_pages")
    garbled = fao.replace("顧及《國際行為守則》", "顧及《的銷使國際行為則》")
    assert "銷使國際行為則" in [f for f, _ in tk103(garbled)]
