"""The English twin's name as boundary evidence (termkit.extract.english_extent), on UNPC
devset lines and their English translations."""

from __future__ import annotations

from termkit.extract import extract_text
from termkit.extract.english_extent import english_name, names_in, refine

from .conftest import shared


def _line(side: str, number: int) -> str:
    path = shared("data", "unpc-v1.0-devset", f"UNv1.0.devset.{side}")
    return path.read_text(encoding="utf-8").split("\n")[number - 1]


def _refined(number: int) -> dict[str, str]:
    zh, en = _line("zh", number), _line("en", number)
    return {d.short: d.full for d in refine(extract_text(zh), lambda line: en)}


def test_the_english_name_extent():
    assert english_name("the support of the Global Environment Facility") == (
        "Global Environment Facility"
    )
    assert english_name(
        'the Rwandan negative force "Forces démocratiques de libération du Rwanda"'
    ) == ("Forces démocratiques de libération du Rwanda")
    # a word inside an acronym is no letter to follow: the capitalized name before it
    assert names_in(
        "the United Nations Development Programme, and the United Nations Entity for Gender "
        "Equality and the Empowerment of Women (UN-Women), and other"
    ) == [("UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women")]


def test_a_word_the_english_name_translates_belongs_to_the_full_form():
    """UNPC devset line 883: the name is "Forces démocratiques de libération du Rwanda" (FDLR);
    the extractor alone cut off 解放 (libération), and 消极 (negative) stays outside."""
    assert _refined(883)["卢民主力量"] == "解放卢旺达民主力量"


def test_the_english_keeps_a_boundary_it_cannot_decide():
    """UNPC devset line 3475 and its English: `和|联合国环境规划署执行主任` — `and` is no
    content word, so the English says nothing against the extractor's boundary."""
    assert _refined(3475)["执行主任"] == "联合国环境规划署执行主任"


def test_build_with_an_english_twin_takes_the_english_boundary(tmp_path):
    """`termkit build --parallel ZH EN`: the twin's English decides the boundary the glossary
    keeps (UNPC devset lines 880-886, FDLR on line 883)."""
    from termkit.build import build_corpus

    zh, en = tmp_path / "doc.zh.txt", tmp_path / "doc.en.txt"
    for path, side in ((zh, "zh"), (en, "en")):
        path.write_text("\n".join(_line(side, n) for n in range(880, 887)) + "\n", "utf-8")
    alone = build_corpus([str(zh)], jobs=1).termbase
    twinned = build_corpus([str(zh)], jobs=1, twins=[(str(zh), str(en))]).termbase

    def full_forms(termbase):
        return {t.text for c in termbase.concepts for t in c.terms_of("zh", "fullForm")}

    assert "卢旺达民主力量" in full_forms(alone)
    assert "解放卢旺达民主力量" in full_forms(twinned) - full_forms(alone)
