"""TK110 and meaning: a one-character change that makes another dictionary word with another
meaning (调解准则 / 调解规则) is two terms; one whose words share a gloss (私人 / 私营
"private") is a variant."""

from __future__ import annotations

from termkit.align.lexical import dictionary_words, en_stems
from termkit.check.engine import check_text
from termkit.check.frequency import Frequencies
from termkit.check.meaning import stems, two_meanings
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings

from .conftest import REPO, SEED003

ANNOTATED = REPO / "bench" / "annotated"


def tk110(text: str) -> list[tuple[str, str]]:
    """TK110's findings without a corpus table, so that only the document's evidence speaks."""
    index = load_index(glossary_paths(Settings()))
    index.frequencies = Frequencies()
    settings = Settings(enabled=frozenset({"TK110"}))
    return [(f.found, f.suggestion) for f in check_text(text, "doc.txt", index, settings)]


def test_two_dictionary_words_of_different_meanings_are_two_terms():
    # UNCITRAL's draft guidelines on investment mediation beside its mediation rules
    guidelines = (ANNOTATED / "un_pages5" / "docs" / "029.txt").read_text("utf-8")
    # the International Health Regulations beside China's national health commission
    health = (ANNOTATED / "un_pages4" / "docs" / "034.txt").read_text("utf-8")
    assert ("调解准则", "调解规则") not in tk110(guidelines)
    assert ("国际卫生", "国家卫生") not in tk110(health)


def test_words_sharing_a_gloss_or_no_word_on_one_side_stay_variants():
    assert ("协调增效", "协同增效") in tk110(SEED003.read_text("utf-8"))
    assert not two_meanings("私人部门", "私营部门")  # both "private"
    assert not two_meanings("联合国环境规化署", "联合国环境规划署")  # 规化 is no word
    assert not two_meanings("外来入侵物种", "外来侵入物种")  # a swap
    assert two_meanings("调解准则", "调解规则")


def test_the_shipped_stems_are_cc_cedicts_glosses_as_the_aligner_stems_them():
    for word in ("私人", "私营", "准则", "规则", "国际", "国家", "协同", "协调"):
        assert stems(word) == set(en_stems(" ".join(sorted(dictionary_words(word)))))
    assert "privat" in stems("私人") & stems("私营")
    assert not stems("规化")  # no word


def test_meanings_are_weighed_as_both_sides_looked_up(monkeypatch):
    """The preferred side's word is looked up only when the variant's is in the table: the
    same verdicts as looking both up, on TK110's real four-gram pairs of the UNPC devset,
    with fewer lookups."""
    from termkit.check import meaning
    from termkit.check.document import Analysed
    from termkit.check.near import Grams, _pairs

    from .conftest import shared

    both: list[str] = []

    def both_looked_up(variant: str, preferred: str) -> bool:
        diffs = [k for k, (a, b) in enumerate(zip(variant, preferred, strict=True)) if a != b]
        if len(diffs) != 1:
            return False
        i, compared = diffs[0], 0
        for size in range(2, 5):
            for start in range(max(0, i - size + 1), min(i, len(variant) - size) + 1):
                words = [w[start : start + size] for w in (variant, preferred)]
                both.extend(words)
                one, other = map(stems, words)
                if not (one and other):
                    continue
                if one & other:
                    return False
                compared += 1
        return compared > 0

    text = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh").read_text("utf-8")
    pairs = _pairs(Grams(Analysed(text).key), set(), set())
    looked_up = []
    monkeypatch.setattr(meaning, "stems", lambda w: looked_up.append(w) or stems(w))
    verdicts = [two_meanings(s, t) for s, t in pairs]
    assert len(pairs) > 500 and 20 < sum(verdicts) < len(pairs)
    assert verdicts == [both_looked_up(s, t) for s, t in pairs]
    assert len(looked_up) < 0.75 * len(both)


def test_a_function_character_that_is_the_texts_own_word_is_no_slip():
    """un_pages7 039 writes 包括中国在内的发展中国家 (developing countries, China included); a
    paper that defines 内陆发展中国家（LLDC…） (018) beside it does not make 内的发展中国家 a slip
    of that name: 的 is the text's particle after 在内, a word across the window's start. The
    same 的 for 发 inside the name is still one."""
    docs = ANNOTATED / "un_pages7" / "docs"
    lldc = (docs / "018.txt").read_text("utf-8").split("\n")[2]
    fund = (docs / "039.txt").read_text("utf-8").split("\n")[5]
    assert "内陆发展中国家（LLDC，" in lldc and "包括中国在内的发展中国家" in fund
    assert tk110(f"{lldc}\n{fund}\n") == []
    slipped = fund.replace("包括中国在内的发展中国家", "包括中国等内陆的展中国家")
    assert tk110(f"{lldc}\n{slipped}\n") == [("内陆的展中国家", "内陆发展中国家")]


def test_of_two_spellings_the_document_defines_the_first_sets_it():
    """un_pages4 028 (an UNCTAD report's summary) defines FDI twice: 全球外国直接投资(FDI) on
    line 5, then 全球外商直接投资(FDI) on line 9. The first definition sets the spelling: the
    second is reported against it, not the first against the second."""
    page = (ANNOTATED / "un_pages4" / "docs" / "028.txt").read_text("utf-8")
    assert page.index("全球外国直接投资(FDI)") < page.index("全球外商直接投资(FDI)")
    found = [f for f in tk110(page) if "直接投资" in f[0]]
    assert found == [("全球外商直接投资", "全球外国直接投资")]
