"""Joining neighbouring beads into verse-sized units (termkit.align.merge), on real text."""

from __future__ import annotations

from termkit.align import align_texts
from termkit.align.merge import candidates, join, merge_spans

from .conftest import bible_excerpt


def _bible(links: int):
    zh, en, gold = bible_excerpt(links)
    return zh, en, set(gold)


def _links(beads):
    return {(tuple(n - 1 for n in b.en_lines), tuple(n - 1 for n in b.zh_lines)) for b in beads}


def test_a_verse_of_two_questions_becomes_one_bead():
    zh, en, gold = _bible(400)
    plain = align_texts("\n".join(zh), "\n".join(en), presplit=True)
    merged = align_texts("\n".join(zh), "\n".join(en), presplit=True, merge=True)
    # Genesis 3:11, 谁告诉你赤身露体呢？ / 莫非你吃了……果子吗？: each sentence is right
    # alone, and the gold keeps the verse as one link.
    verse = ((72, 73), (100, 101))
    assert verse in gold and verse in _links(merged)
    assert ((72,), (100,)) in _links(plain) and ((73,), (101,)) in _links(plain)
    zh_lines = [n for b in merged for s in b.zh for n in s.lines]
    assert zh_lines == list(range(1, len(zh) + 1))
    right = len(_links(merged) & gold) - len(_links(plain) & gold)
    assert right >= 3 and len(merged) < len(plain)


def test_a_line_cut_inside_a_sentence_is_never_joined():
    zh, en, _ = _bible(20)
    # Genesis 1:14 ends its English line with a colon (the verse cuts the sentence), 1:15
    # (并要发光…。事就这样成了。) and 1:16 end theirs with a full stop: only the second pair
    # may be joined.
    en_lines = en[16:19]
    zh_lines = zh[22:26]
    assert en_lines[0].endswith(":") and en_lines[1].endswith(".")
    spans = [(0, 1, 0, 1), (1, 3, 1, 2), (3, 4, 2, 3)]
    keys, x = candidates(spans, zh_lines, en_lines)
    assert keys == [1] and x.shape == (1, 6)


def test_a_date_line_after_a_sentence_is_no_candidate():
    # UNPC S/2014/… (the Israeli tank by TP16): a report's date stands on a line of its own.
    zh = ["以色列敌军一辆梅卡瓦型坦克驻停在TP16点以西200米的技术围栏边上，将大炮对准黎巴嫩领土。",
          "2014年10月28日"]  # fmt: skip
    en = ["An Israeli enemy Merkava tank positioned along the technical fence, 200 metres west "
          "of point TP16, pointed its cannon towards Lebanese territory.",
          "28 October 2014"]  # fmt: skip
    spans = [(0, 1, 0, 1), (1, 2, 1, 2)]
    assert candidates(spans, zh, en)[0] == []
    assert merge_spans(spans, zh, en) == spans


def test_runs_of_chosen_pairs_join_into_one_span():
    spans = [(0, 1, 0, 1), (1, 2, 1, 2), (2, 4, 2, 3), (4, 5, 3, 3), (5, 6, 3, 4)]
    assert join(spans, {0, 1, 3}) == [(0, 4, 0, 3), (4, 6, 3, 4)]
    assert join(spans, set()) == spans
