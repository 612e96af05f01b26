"""Script judged line by line on real mixed text (bench/annotated/un_pages_hant): a simplified
file-sharing header over a traditional Hong Kong LegCo paper, a simplified wiki skin over a
traditional Security Council resolution."""

from __future__ import annotations

import pytest

from termkit.check.document import Analysed
from termkit.check.engine import check_text
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings

from .conftest import REPO

HANT = REPO / "bench" / "annotated" / "un_pages_hant" / "docs"
# 028: the site's header (file name, upload data, page list) is simplified; the paper, from
# line 27, traditional (the set's README).
LEGCO = HANT / "028.txt"


@pytest.fixture(scope="module")
def shipped():
    return load_index(glossary_paths(Settings()))


def test_a_simplified_header_over_a_traditional_paper():
    text = LEGCO.read_text("utf-8")
    lines = Analysed(text).scripts().lines
    assert lines[:26] == [False] * 26 and all(lines[26:])
    # The Security Council resolution under the wiki's simplified skip link (跳转到内容) is
    # traditional from its first line: a line of few script marks follows its neighbours.
    resolution = (HANT / "010.txt").read_text("utf-8")
    assert resolution.startswith("跳转到内容")
    assert all(Analysed(resolution).scripts().lines)


def test_the_paper_under_a_simplified_header_is_served_in_its_script(shipped):
    text = LEGCO.read_text("utf-8")
    # The paper writes 《兒童權利公約》 before defining (公約): the definition to write is in its
    # characters, not the header's.
    settings = Settings().with_options(enable=["TK112"])
    tk112 = [f for f in check_text(text, "028.txt", shipped, settings) if f.rule == "TK112"]
    assert [(f.line, f.suggestion) for f in tk112] == [(29, "兒童權利公約（公約）")]
    # A simplified term in the paper is a slip of script; in the header it is the header's.
    assert "香港特區的代表" in text and "香港特别行政区" in text.split("\n")[0]
    draft = text.replace("香港特區的代表", "香港特区的代表")
    tk108 = [f for f in check_text(draft, "028.txt", shipped, Settings()) if f.rule == "TK108"]
    assert [(f.line, f.found, f.suggestion) for f in tk108] == [(33, "香港特区", "香港特區")]


def test_a_term_partly_in_simplified_characters_in_a_traditional_paper_is_a_variant():
    # Macao (un_pages_hant2 025) writes 《聯合國海洋法公約》; the same title with one
    # character simplified (公约) is in neither script: TK108, with the paper's own spelling.
    paper = REPO / "bench" / "annotated" / "un_pages_hant2" / "docs" / "025.txt"
    lines = paper.read_text("utf-8").split("\n")
    lines[8] = lines[8].replace("《聯合國海洋法公約》", "《聯合國海洋法公约》", 1)
    glossary = load_index(glossary_paths(Settings()))
    found = [
        f for f in check_text("\n".join(lines), "025.txt", glossary, Settings()) if f.line == 9
    ]
    assert [(f.rule, f.found, f.suggestion) for f in found] == [
        ("TK108", "聯合國海洋法公约", "聯合國海洋法公約")
    ]


def test_lines_masked_and_counted_one_by_one_are_the_whole_text_masked_and_counted(shipped):
    """LineScripts masks only the lines that change script and counts Han characters in one
    pass: each line is the slice of the whole text masked (the known terms' spans, a span
    inside one masked already skipped), and each count the line's own, CRLF lines too."""
    from termkit.check.facts import Facts
    from termkit.check.matcher import find_hits
    from termkit.check.script import _blanked, _han_per_line, _masked, han_count

    text = LEGCO.read_text("utf-8")
    for variant in (text, text.replace("\n", "\r\n") + "\r\n"):
        doc = Analysed(variant)
        # Terms: the text's own four-grams taken every 13 characters, wherever they occur.
        grams = {doc.key[i : i + 4].strip() for i in range(0, len(doc.key), 13)}
        facts = Facts(doc, shipped, [], find_hits(doc, grams))
        spans = sorted(facts._term_spans())
        assert len(spans) > 50
        spans += [(s + 1, e + 2) for s, e in spans[::7]]  # overlapping: skipped
        spans.sort()
        whole, at = [], 0
        for start, end in spans:
            if start >= at:
                whole += [variant[at:start], " " * (end - start)]
                at = end
        masked = "".join([*whole, variant[at:]])
        blanked = _blanked(spans)
        starts = doc.lines.starts
        ends = [*starts[1:], len(variant)]
        for begin, end in zip(starts, ends, strict=True):
            line = _masked(variant, blanked, [e for _, e in blanked], begin, end)
            assert line == masked[begin:end]
        counts = [han_count(variant[b:e]) for b, e in zip(starts, ends, strict=True)]
        assert _han_per_line(variant, len(starts)) == counts


def test_a_document_is_converted_to_simplified_once(monkeypatch):
    """The key is made from the same simplified text the definition reader reads: one
    OpenCC pass over a traditional paper, with the key and the simplified text a conversion
    of their own would give."""
    from termkit.text import normalize

    text = LEGCO.read_text("utf-8")
    calls, convert = [], normalize._convert
    monkeypatch.setattr(normalize, "_convert", lambda t: calls.append(t) or convert(t))
    doc = Analysed(text)
    simplified = doc.simplified
    assert calls == [doc.analysis.text]
    assert simplified == normalize.to_simplified(doc.analysis.text) != doc.analysis.text
    key, key_map = normalize.normalize_with_map(doc.analysis.text)
    every = list(range(len(key)))
    assert (doc.key, doc.key_map.to_sources(every)) == (key, key_map.to_sources(every))


def test_a_checked_document_is_folded_once(monkeypatch, shipped):
    """The key and the definition reader share one folding of the simplified text, the same
    text and key as folding apart gives (the reader takes the document's `folded` and has no
    fold of its own)."""
    from termkit.check import definitions, document
    from termkit.text import normalize

    text = LEGCO.read_text("utf-8")
    folds = []
    assert not hasattr(definitions, "fold")
    monkeypatch.setattr(document, "fold", lambda t: folds.append(t) or normalize.fold(t))
    check_text(text, "028.txt", shipped, Settings())
    checked = list(folds)
    doc = Analysed(text)
    assert [t for t in checked if len(t) == len(doc.simplified)] == [doc.simplified]
    assert doc.folded == normalize.fold(doc.simplified)
    assert doc.key == normalize.normalize_with_map(doc.analysis.text)[0]


def test_short_runs_take_the_script_around_them_the_smallest_first():
    """A run of fewer than MIN_RUN Han characters between lines of the other script takes
    theirs, the smallest run first (then the one met first); a run so absorbed joins its
    neighbours, whose sum may make the joined run strong. Lines of too few characters to be
    judged (None) neither break nor join runs."""
    from termkit.check.script import MIN_RUN, _absorb_short_runs

    assert MIN_RUN == 50
    cases = [
        # T60 F20 T30 F100: F20 is the smallest; T60+F20+T30 make one strong run of 110
        ([True, False, None, True, False], [60, 20, 3, 30, 100], [True, True, None, True, False]),
        # F10 T10 F10: the first of two equally small runs goes first (F10 -> T), then T20 F10
        # is still weak at both ends: F10 -> T, one run left
        ([False, True, False], [10, 10, 10], [True, True, True]),
        # a quoted traditional line (T5) in a simplified page (F80 ... F80)
        ([False, None, True, None, False], [80, 0, 5, 0, 80], [False, None, False, None, False]),
        # strong runs stay as they are
        ([True, False, True], [50, 50, 50], [True, False, True]),
    ]
    for judged, sizes, expected in cases:
        _absorb_short_runs(judged, sizes)
        assert judged == expected
