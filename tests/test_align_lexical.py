"""Lexical evidence of the aligner: CC-CEDICT offline, Model 1 on the documents, a drop that
lengths cannot place."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from termkit.align import align_texts
from termkit.align.lexical import Lexical, dictionary_words, en_stems, model1, zh_words

SHARED = Path(__file__).resolve().parents[2] / "shared"
BIBLE = SHARED / "data" / "bertalign-bible-zh-en"
needs_bible = pytest.mark.skipif(not (BIBLE / "001.zh").exists(), reason="no Bible data")


def test_cedict_is_read_from_the_wheel_and_compounds_fall_back_to_their_parts():
    assert {"united", "nations"} <= dictionary_words("联合国")
    # 开发计划署 is not a CC-CEDICT headword; 开发 and 计划 are.
    assert {"develop", "plan"} <= dictionary_words("开发计划署")
    assert en_stems("The Nations developed it") == ["nation", "develop"]
    # Chinese is cut into CC-CEDICT's longest headwords, leftmost first; punctuation goes.
    assert zh_words(["起初神创造天地。", "挪亚生闪"]) == [
        ["起初", "神", "创造", "天地"],
        ["挪亚", "生", "闪"],
    ]


def test_model1_learns_which_word_translates_which():
    # Three sentence pairs: word 0 always with target 0, words 1 and 2 with target 1 / 2.
    src = [np.array([0, 1]), np.array([0, 2]), np.array([1, 2])]
    tgt = [np.array([0, 1]), np.array([0, 2]), np.array([1, 2])]
    t = model1(src, tgt, 3, 3).toarray()
    assert t.argmax(axis=1).tolist() == [0, 1, 2]


@needs_bible
def test_learnt_table_pairs_a_name_no_dictionary_gives():
    # The first 245 gold links: English verses 0-259, Chinese lines 0-344.
    zh = (BIBLE / "001.zh").read_text(encoding="utf-8").splitlines()[:345]
    en = (BIBLE / "001.en").read_text(encoding="utf-8").splitlines()[:260]
    lexical = Lexical.from_sentences(zh, en, dictionary=False)
    assert lexical.table.nnz == 0
    first = align_texts("\n".join(zh), "\n".join(en), presplit=True, dictionary=False)
    one_to_one = [b for b in first if len(b.zh) == 1 and len(b.en) == 1]
    spans = [
        (b.zh_lines[0] - 1, b.zh_lines[0], b.en_lines[0] - 1, b.en_lines[0]) for b in one_to_one
    ]
    learnt = lexical.learn(spans).table
    zh_id, en_id = lexical.zh_vocab.index("挪亚"), lexical.en_vocab.index("noah")
    assert learnt[zh_id, en_id] > 0


@needs_bible
def test_pairs_that_meet_a_neighbour_as_often_are_dropped_by_their_lift():
    # Genesis 1-21 and its gold 1-1 links: 就 "even" and 都 "city" (CC-CEDICT senses of the
    # adverbs) are attested, but meet the words of sentences a few places away as often.
    zh = (BIBLE / "001.zh").read_text(encoding="utf-8").splitlines()[:1000]
    en = (BIBLE / "001.en").read_text(encoding="utf-8").splitlines()[:800]
    spans = []
    for line in (BIBLE / "001.align").read_text(encoding="utf-8").splitlines():
        e, z = (side.strip("[]").split(",") for side in line.split(":"))
        if len(e) == len(z) == 1 and e[0] and z[0] and int(e[0]) < 800 and int(z[0]) < 1000:
            spans.append((int(z[0]), int(z[0]) + 1, int(e[0]), int(e[0]) + 1))
    lexical = Lexical.from_sentences(zh, en)

    def pair(table, z: str, e: str) -> float:
        return table[lexical.zh_vocab.index(z), lexical.en_vocab.index(e)]

    every = lexical.learn(spans).table
    specific = lexical.learn(spans, min_lift=2.5).table
    for z, e in (("就", "even"), ("都", "citi")):
        assert pair(every, z, e) > 0
        assert pair(specific, z, e) == 0
    for z, e in (("法老", "pharaoh"), ("挪亚", "noah"), ("地", "land")):
        assert pair(specific, z, e) > 0


def test_words_place_a_dropped_sentence_that_lengths_misplace():
    """UNPC E/CN.6/2015/NGO/236 with its fourth Chinese sentence dropped: the English
    sentence without a partner is the fourth, which only the words tell."""
    zh = [
        "为了争取包括残疾妇女在内的所有妇女与男子在权利、义务以及尊严上的平等，妇女视角主要依据以下几点行动：",
        "为了在相互尊重的前提下共同生活，超越分歧，妇女视角主张政教分离，这是实现全面解放的强大工具，为妇女提供了力量和保护。",
        "《儿童权利公约》第7条规定，任何儿童均有权获得姓名和国籍，男童与女童在出生后应立即进行身份登记。",
        "可以采取以下措施消除这一暴力：落实关于卖淫和人口贩运的《巴勒莫议定书》、惩罚购买性服务的人、废除对卖淫人员的处罚，以及制定政策让所有希望逃离卖淫业的人员找到工作。",
    ]  # fmt: skip
    en = [
        "In order to work towards the equality of rights, responsibilities and dignity between "
        "men and women, including women with disabilities, Regards de femmes refers to:",
        "In order that we can live together in mutual respect and rise above differences, "
        "Regards de femmes promotes secularism - a powerful tool of universal emancipation that "
        "provides women with strength and protection.",
        "Article 7 of the Convention on the Rights of the Child states that every child shall "
        "have the right to a name and nationality and that boys and girls must be registered "
        "immediately after birth.",
        "The absence of civil status constitutes a mechanism for social exclusion.",
        "Such violence can be eradicated by the implementation of the Palermo protocol on "
        "prostitution and trafficking in persons, the punishment of individuals that procure "
        "sex, the repeal of punishments for prostituted persons and the establishment of "
        "occupational reintegration policies for all those wishing to escape the clutches of "
        "prostitution.",
    ]

    def unpaired(**evidence) -> list[int]:
        beads = align_texts("\n".join(zh), "\n".join(en), presplit=True, **evidence)
        return [n for b in beads if not b.zh for n in b.en_lines]

    assert unpaired(lexical_weight=0.0) != [4]
    assert unpaired() == [4]


def test_window_hits_count_each_word_once_per_window():
    from termkit.align.lengths import _window_hits

    rng = np.random.default_rng(3)
    hits = rng.random((9, 6)) < 0.3  # 9 known words of 4 sentences × 6 other-side sentences
    starts = np.array([0, 2, 2, 7, 9])  # the second sentence has no known word
    for w, counts in enumerate(_window_hits(hits, starts, 3), start=1):
        for s in range(len(starts)):
            for k in range(7):
                window = hits[: starts[s], max(k - w, 0) : k]
                assert counts[s, k] == window.any(axis=1).sum()


def test_a_sentence_the_other_side_does_not_translate_is_kept_out_of_a_merged_bead():
    """UNPC UNEP/OzL.Pro.WG.1/35/3 with the Chinese of its third sentence dropped: without the
    coverage evidence the orphan English sentence is glued to the one before it; its own
    words, which no Chinese sentence translates, leave it on its own."""
    zh = [
        "6. 减少氢氟碳化物与现有的逐步淘汰氢氯氟碳化合物的时间表的关系如何；及",
        "我们欢迎各方就下述的该修正案的关键要素进一步提出意见并开展充分讨论。",
        "各缔约方应确保于自[2019]年1月1日起的十二个月期间，及其后每十二个月期间，其附件F受控物质的年度用量计算水平不超过其2011、2012和2013年附件F受控物质加上百分之七十五的附件C第一类受控物质用量计算水平均值的百分之[九十]。",
        "生产一种或多种此类物质的各缔约方应确保同时期内，上述物质的年度产量计算水平不超过其2011、2012和2013年附件F受控物质加上百分之七十五的附件C第一类受控物质产量计算水平均值的百分之[六十五]。",
        "应在《议定书》第5条第8款之三后插入下款：",
        "回顾 联合国可持续发展大会题为《我们希望的未来》的成果文件，各国在其中表示支持逐步减少氢氟碳化物的用量和产量，",
    ]  # fmt: skip
    en = [
        "6. How do reductions in HFCs relate to the existing phase-out schedule for HCFCs; and",
        "We welcome further ideas and robust discussion on the key elements of an amendment "
        "identified below.",
        "Includes provisions to limit HFC-23 byproduct emissions.",
        "Each Party shall ensure that for the twelve-month period commencing on 1 January "
        "[2019], and in each 12-month period thereafter, its calculated level of consumption of "
        "the controlled substances in Annex F does not exceed, annually, [ninety] per cent of "
        "the average of its calculated levels of consumption of Annex F controlled substances "
        "plus seventy five per cent of Annex C, Group I controlled substances for the years "
        "2011, 2012 and 2013.",
        "Each Party producing one or more of these substances shall, for the same period, "
        "ensure that its calculated level of production of the substances does not exceed, "
        "annually, [sixty five] per cent of the average of its calculated levels of production "
        "of Annex F controlled substances plus seventy-five per cent of Annex C, Group I "
        "controlled substances for the years 2011, 2012, and 2013.",
        "The following paragraph shall be inserted after paragraph 8 ter of Article 5 of the "
        "Protocol:",
        "Recalling the outcome document of the United Nations Conference on Sustainable "
        'Development, entitled "The future we want", in which countries expressed their support '
        "for a gradual phase-down in the consumption and production of hydrofluorocarbons,",
    ]

    # Untranslated words weighed in full (miss_weight 1, the setting coverage_weight was
    # fitted with): the shipped 0.5 and 0.25, fitted on chapter-sized documents as well,
    # glue this orphan to the sentence before it.
    def unpaired(coverage_weight: float) -> list[list[int]]:
        beads = align_texts(
            "\n".join(zh), "\n".join(en), presplit=True, lexical_weight=0.5, miss_weight=1.0,
            coverage_weight=coverage_weight,
        )  # fmt: skip
        return [b.en_lines for b in beads if not b.zh]

    assert unpaired(0.0) != [[3]]
    assert unpaired(1.0) == [[3]]


@pytest.fixture
def cedict_cache(tmp_path, monkeypatch):
    """`_cedict_raw` made anew with a cache folder of the test's own."""
    from termkit.align import lexical

    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path))

    def load() -> dict[str, str]:
        lexical._cedict_raw.cache_clear()
        return lexical._cedict_raw()

    yield load
    lexical._cedict_raw.cache_clear()


def _wheel_unread(monkeypatch):
    """Make decompressing the wheel's dictionary fail: what loads then came from the copy."""
    from termkit.align import lexical

    def refuse(*args, **kwargs):
        raise AssertionError("the wheel's dictionary was read again")

    monkeypatch.setattr(lexical.gzip, "open", refuse)


def test_cedict_is_copied_to_the_user_cache_and_read_back_the_same(cedict_cache, tmp_path,
                                                                   monkeypatch):  # fmt: skip
    from_wheel = cedict_cache()
    (copy,) = (tmp_path / "cedict").glob("*.json")
    with monkeypatch.context() as patched:
        _wheel_unread(patched)
        from_copy = cedict_cache()
    assert from_copy == from_wheel and list(from_copy) == list(from_wheel)  # same order too
    assert "联合国" in from_copy and "United Nations" in from_copy["联合国"]
    # A damaged copy is not trusted: the wheel is read again and the copy made anew.
    data = copy.read_bytes()
    middle = len(data) // 2
    copy.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    assert cedict_cache() == from_wheel
    with monkeypatch.context() as patched:
        _wheel_unread(patched)
        assert cedict_cache() == from_wheel


def test_no_cedict_copy_when_the_cache_is_turned_off(cedict_cache, tmp_path, monkeypatch):
    monkeypatch.setenv("TERMKIT_CACHE_DIR", "")
    assert "联合国" in cedict_cache()
    assert list(tmp_path.iterdir()) == []
