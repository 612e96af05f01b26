"""bench/align_errors.py's error classes and bounds on the Genesis gold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIBLE = REPO.parent / "shared" / "data" / "bertalign-bible-zh-en"
sys.path.insert(0, str(REPO / "bench"))
try:
    import align_errors
    from align_bible import chapters, load_bible, non_gold, read_gold, score
finally:
    sys.path.pop(0)

pytestmark = pytest.mark.skipif(not (BIBLE / "001.align").exists(), reason="no Bible data")


def _genesis_one():
    """Gold links of Genesis 1 and the same sentences split 1-1 wherever a gold link has as
    many sentences on both sides (what the aligner does on a verse of two sentences each),
    with one crossing: Genesis 1:7's 事就这样成了 given to the next verse."""
    gold = read_gold(BIBLE / "001.align")[:31]
    test = []
    for s, t in gold:
        if len(s) == len(t) > 1:
            test.extend(((i,), (j,)) for i, j in zip(s, t, strict=True))
        else:
            test.append((s, t))
    return gold, test


def test_finer_splits_and_merges_back():
    gold, test = _genesis_one()
    finer, crossing = non_gold(gold, test)
    assert not crossing
    # Genesis 1:5 (两句 each side) is split in two beads, both inside its gold link.
    assert finer[((5, 6), (6, 7))] == [((5,), (6,)), ((6,), (7,))]
    k = test.index(((5,), (6,)))
    merged = align_errors.merge(test, {k})
    assert ((5, 6), (6, 7)) in merged and len(merged) == len(test) - 1
    assert score(gold, align_errors.finer_merged(gold, test))["f1_strict"] == 1.0


def test_crossing_region_bound():
    gold, test = _genesis_one()
    # Genesis 1:7-8: the gold keeps 事就这样成了 (zh 10) with verse 7 (en 8).
    k = test.index(((8,), (9, 10)))
    assert test[k + 1] == ((9,), (11,))
    crossed = [*test[:k], ((8,), (9,)), ((9,), (10, 11)), *test[k + 2 :]]
    _, crossing = non_gold(gold, crossed)
    assert crossing == [((9,), (10, 11))]
    fixed = align_errors.crossing_fixed(gold, crossed)
    assert score(gold, fixed)["f1_strict"] > score(gold, crossed)["f1_strict"]
    # Both gold links the crossing touches come back whole (Genesis 1:8 is a 2-2 link), and
    # the split beads of 1:8 left over go.
    assert ((8,), (9, 10)) in fixed and ((9, 10), (11, 12)) in fixed
    assert ((10,), (12,)) not in fixed


def test_chapters_cut_the_gold_into_documents_of_their_own():
    """bench/align_fit.py's chapter-sized documents: consecutive runs of gold links with the
    sentences they hold, renumbered from 0; the remainder joins the last document."""
    zh, en, gold = load_bible(BIBLE, 400)
    docs = chapters(zh, en, gold, 190)
    assert [len(links) for _, _, links in docs] == [190, 210]
    (zh0, en0, first), (zh1, en1, second) = docs
    assert len(en0) + len(en1) == len(en)
    assert first == gold[:190]
    assert second[0] == ((0,), (0, 1)) and en1[0] == en[gold[190][0][0]]
    assert zh1[-1] == zh[-1] and len(zh0) + len(zh1) == len(zh)
