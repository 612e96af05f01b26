"""TK115: a title the document writes in title marks, written bare elsewhere as a name of its
own (excerpts of the seeds and of a TRAIN paper)."""

from __future__ import annotations

from dataclasses import replace

from termkit.check import check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.settings import Settings

from .conftest import SEED000

ONLY = replace(Settings(), enabled=frozenset({"TK115"}))
EMPTY = GlossaryIndex([])

# Seed 003, lines 40 and 73 (cut): the title in marks after 执行 and 批准, then bare after 执行.
NAGOYA = (
    "该联合倡议确定了支持批准《名古屋议定书》及协调统一执行《粮农植物遗传资源国际公约》及其获取和"
    "惠益分享制度。\n"
    "以及支持成员国执行名古屋议定书以促进森林物种。\n"
)


def bare(text: str) -> list[tuple[int, str, str | None]]:
    return [(f.line, f.found, f.suggestion) for f in check_text(text, "d.txt", EMPTY, ONLY)]


def test_a_bare_title_after_a_word_that_governs_titles_is_reported() -> None:
    assert bare(NAGOYA) == [(2, "名古屋议定书", "《名古屋议定书》")]


def test_a_bare_title_between_function_characters_is_reported() -> None:
    # Seed 000, lines 613 and 617: 《气候公约》 defined, then 与气候公约和生物多样性公约.
    text = (
        "《联合国气候变化框架公约》(《气候公约》)的工作。\n"
        "此外，环境署与气候公约和生物多样性公约就基于生态系统的适应开展了合作。\n"
    )
    assert bare(text) == [(2, "气候公约", "《气候公约》")]


def test_a_bare_title_inside_a_longer_name_is_not_reported() -> None:
    # Seed 000: 《生物多样性公约》 and the secretariat's name, bare by convention.
    text = "环境署为执行《生物多样性公约》提供支持。\n环境署与生物多样性公约秘书处合作。\n"
    assert bare(text) == []
    # un_pages 033: the longer title bare after a noun the document never writes before marks.
    text = (
        "关于负责任渔业行为守则及有关行动计划\n1. 认识到《行为守则》及有关国际行动计划至关重要。\n"
    )
    assert bare(text) == []
    # A 的-phrase before the short title opens the longer one (关于汞的水俣公约).
    text = "《水俣公约》已生效。\n各国批准了关于汞的水俣公约。\n"
    assert bare(text) == []


def test_headings_short_forms_and_misplaced_marks_are_not_titles() -> None:
    text = "《关于调解的条文草案》如下。\n一、关于调解的条文草案\n"
    assert bare(text) == []
    text = "《生态健康》杂志。\n与国际生态健康协会（生态健康）合作。\n"
    assert bare(text) == []
    # Seed 003, line 91: 《生物多样性》 inside a plan's name is no title of its own.
    text = "2011-2020年《生物多样性》战略计划。\n为了保护生物多样性，各国。\n"
    assert bare(text) == []


def test_the_seed_gets_its_bare_climate_convention() -> None:
    text = SEED000.read_text(encoding="utf-8")
    found = check_text(text, "seed000.txt", EMPTY, ONLY)
    assert (617, "气候公约") in [(f.line, f.found) for f in found]
    # The found text keeps the file's line breaks (国\n\n家生物多样性…), the suggestion not.
    assert all(
        f.suggestion == f"《{''.join(f.found.split())}》" for f in found if f.rule == "TK115"
    )


def test_a_title_between_angle_signs_gets_its_marks() -> None:
    # Seed 000, lines 1440 and 1516 (cut): the protocol in 《》, then nested in <> inside a title.
    text = (
        "为支持《卡塔赫纳生物安全议定书》的执行，环境署开展了工作。\n"
        "以及将新的《<卡塔赫纳生物安全议定书>关于赔偿责任和补救的名古屋-吉隆坡补充议定书》纳入。\n"
        "见<卡塔赫纳生物安全议定书>。<p>生效</p>\n"
    )
    settings = replace(Settings(), enabled=frozenset({"TK116"}))
    found = check_text(text, "d.txt", EMPTY, settings)
    assert [(f.line, f.suggestion) for f in found] == [
        (2, "〈卡塔赫纳生物安全议定书〉"),
        (3, "《卡塔赫纳生物安全议定书》"),
    ]
    assert found[0].edit is not None and text[found[0].edit.start] == "<"
    assert found[0].edit.text == "〈卡塔赫纳生物安全议定书〉"
