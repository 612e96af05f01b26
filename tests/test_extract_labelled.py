"""How the bracket reader takes a bracket of labelled parts, and Roman numerals apart from
acronyms (termkit/extract/inner.py), on real text excerpts."""

from __future__ import annotations

import pytest

from termkit.extract import extract_text
from termkit.extract.inner import read_inner


def found(text: str) -> set[tuple[str, str]]:
    return {(d.full, d.short) for d in extract_text(text)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # bench/annotated/un_pages9 doc 017: the introducer's part opens the bracket, and
            # the acronym has a label of its own after the English name
            "联合国教育、科学及文化组织(简称:联合国教科文组织,英文:United Nations Educational, "
            "Scientific and Cultural Organization,缩写UNESCO)于1945年11月16日正式成立,",
            {
                ("联合国教育、科学及文化组织", "联合国教科文组织"),
                ("联合国教育、科学及文化组织", "UNESCO"),
            },
        ),
        (  # doc 019: the acronym after the English name and a dash, in a part without a label
            "联合国粮食及农业组织(简称“粮农组织”,Food and Agriculture Organization of the "
            "United Nations -- FAO)是联合国专门机构之一,",
            {("联合国粮食及农业组织", "粮农组织"), ("联合国粮食及农业组织", "FAO")},
        ),
        (  # doc 013: a bare acronym before the introducer's part
            "联合国国际贸易法委员会(UNCITRAL,以下简称贸法会)第二工作组",
            {("联合国国际贸易法委员会", "UNCITRAL"), ("联合国国际贸易法委员会", "贸法会")},
        ),
        (  # bench/annotated/un_pages6 doc 002: an adverb of usage before the verb of naming
            "同时成立联合国人类住区中心(United Nations Centre for Human Settlements,"
            "通常称为“人居中心”),即联合国人居署的前身。",
            {("联合国人类住区中心", "人居中心")},
        ),
    ],
)
def test_labelled_brackets(sentence, expected):
    assert found(sentence) == expected


def test_a_synonym_or_a_former_name_is_no_labelled_short_form():
    """tico19 (COVID-19 translation memory, zh side): `也称` adds a synonym, `前称` dates a
    name; neither labels a short form, and the bare acronym beside them stays unread."""
    assert (
        found("有关保持社交距离（也称保持物理距离）的感染防控措施旨在尽量减少人与人之间的密切接触")
        == set()
    )
    assert read_inner("NCE，也称新分子实体或 NME")[0] == []
    assert read_inner("前称为联合国人类住区中心")[0] == []


def test_an_ordinal_phase_names_a_mission():
    """bench/annotated/un_pages13 doc 002 (S/RES on UNOSOM II): 第二期 counts a phase."""
    text = "然后再完成对联合国索马里行动(第二期联索行动)的任务期限的审议"
    assert found(text) == {("联合国索马里行动", "第二期联索行动")}
    assert read_inner("第二期")[0] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # tico19 line 1203: C and D spell an acronym, no list marker
            "美国疾控中心 (CDC) 一名女发言人坦言：“我们知道[公布的死亡人数]低于实际数值”",
            {("美国疾控中心", "CDC")},
        ),
        (  # bench/annotated/un_pages9 doc 025: a list of abbreviations
            "海关合作理事会 (CCC) 海关合作理事会",
            {("海关合作理事会", "CCC")},
        ),
        (  # un_pages doc 030: the session of a resolution is a Roman numeral of I, V, X, L
            "回顾大会1970年12月15日第2718(XXV)号决议和1974年12月16日第3327(XXIX)号决议,",
            set(),
        ),
    ],
)
def test_roman_numerals_and_acronyms(sentence, expected):
    assert found(sentence) == expected
    assert read_inner("LXVIII")[1] == read_inner("iv")[1] == "list marker or number"


def test_an_acronym_and_a_one_word_name_joined_by_a_slash():
    """bench/annotated/un_pages9 doc 025: `ICPO/Interpol` names one body twice; a document
    symbol keeps its digits or its lower-case component (`A/Res`)."""
    assert [f.text for f in read_inner("ICPO/Interpol")[0]] == ["ICPO/Interpol"]
    assert read_inner("A/Res")[1] == "document symbol"


def test_a_stop_word_whose_first_character_opens_the_short_form_is_inside_the_name():
    """bench/annotated/un_pages6 doc 012: 执委会 takes 执 from 执行, which governs a name
    elsewhere (a stop word); the short form abbreviates it, so the name runs through it."""
    assert found("主要为难民高专方案执行委员会(执委会)和秘书处。") == {
        ("难民高专方案执行委员会", "执委会")
    }
    from termkit.extract.boundary import _can_end_name, _own_word, open_window

    text = "主要为难民高专方案执行委员会"
    window = open_window(text, len(text), "执委会", "abbreviation", ("执委会",))
    assert window.words[window.anchor_index][0] == "执行"
    assert not _can_end_name(window.words[window.anchor_index]) and _own_word(window)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # bench/annotated/un_pages5 doc 025: the bracket is never closed
            "  • 《禁止杀伤人员地雷公约》(下文简称《禁雷公约》的正式全称为《关于禁止使用、储存、生产和"
            "转让杀伤人员地雷及销毁此种地雷的公约》,是一项禁止使用、生产、储存和转让杀伤人员地雷的国际协议,",
            {("禁止杀伤人员地雷公约", "禁雷公约")},
        ),
        (  # bench/annotated/un_pages9 doc 005: the line ends before the closing bracket
            "而美国则坚持要求就“禁止生产用于核武器及爆炸装置的裂变材料条约”(简称《禁产条约》\n"
            "进行谈判。",
            {("禁止生产用于核武器及爆炸装置的裂变材料条约", "禁产条约")},
        ),
        # an unclosed bracket without an introducer and a marked short form stays unread
        ("禁止杀伤人员地雷公约(禁雷公约的正式全称为", set()),
    ],
)
def test_an_unclosed_bracket_with_an_introducer_and_a_marked_short_form(sentence, expected):
    assert found(sentence) == expected
