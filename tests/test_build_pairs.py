"""`build --parallel`: every twin's term pairs judged by the count table of all the twins, as
`bench/pairing_fit.py` measures them, with the same bytes however the build runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from termkit.align.pairing import decided, known_forms, pairs_termbase, twin_part
from termkit.build import build_corpus
from termkit.cli import main
from termkit.formats import glossary_csv
from termkit.termbase.merge import finalize, merge

# Two UNPC devset documents, whole (tests/fixtures/unpc): each names UNMIL and 联利特派团 in
# one sentence, too little for a pair in either alone.
FIXTURES = Path(__file__).parent / "fixtures" / "unpc"
TWINS = [
    (str(FIXTURES / f"{name}.zh.txt"), str(FIXTURES / f"{name}.en.txt"))
    for name in ("s_2015_121", "s_2015_12")
]
PAIR = ("联利特派团", "UNMIL")


def _glossary(build) -> str:
    return glossary_csv.dumps(finalize(merge(build.termbase, *(t for *_, t in build.equivalents))))


def _pairs(build) -> dict[tuple[str, str], tuple[str, float]]:
    """(Chinese term, English acronym) -> the acronym's status and the concept's confidence."""
    found = {}
    for _, _, termbase in build.equivalents:
        for c in termbase.concepts:
            for zh in c.terms_of("zh"):
                for en in c.terms_of("en", "acronym"):
                    found[zh.text, en.text] = (en.status, c.confidence)
    return found


def test_a_twin_is_judged_by_the_count_table_of_all_twins():
    alone = build_corpus([TWINS[0][0]], jobs=1, twins=TWINS[:1])
    both = build_corpus([zh for zh, _ in TWINS], jobs=1, twins=TWINS)
    assert PAIR not in _pairs(alone)
    status, confidence = _pairs(both)[PAIR]
    assert status == ("" if confidence >= 0.9 else "admitted")
    # The build's decision is the library's, as the bench calls it: each twin's own evidence,
    # judged by the sum of the twins' tables, its concepts named by the glossary's full forms.
    parts = [twin_part(zh, en) for zh, en in TWINS]
    corpus = parts[0].table + parts[1].table
    _, full_forms = known_forms((), both.termbase)
    expected = {
        twin: pairs_termbase(decided(p, corpus, full_forms=full_forms))
        for twin, p in zip(TWINS, parts, strict=True)
    }
    assert {(zh, en): t for zh, en, t in both.equivalents} == expected
    (concept,) = [
        c
        for *_, t in both.equivalents
        for c in t.concepts
        if c.terms_of("en", "acronym") and c.terms_of("en", "acronym")[0].text == PAIR[1]
    ]
    assert {"running-text", "pairs:1", "mined"} <= set(concept.evidence)


def test_jobs_give_the_twins_the_same_pairs():
    files = [zh for zh, _ in TWINS]
    reference = build_corpus(files, jobs=1, twins=TWINS)
    for build in (
        build_corpus(files[::-1], jobs=2, chunk_size=1, twins=TWINS),
        build_corpus(files, jobs=2, chunk_size=1, twins=TWINS[::-1]),
    ):
        assert build.equivalents == reference.equivalents
        assert _glossary(build) == _glossary(reference)


def test_build_parallel_writes_the_same_bytes_cold_warm_and_with_pairs_lost(tmp_path):
    """A rebuild loads each twin's evidence from the cache and judges it again by the whole
    table; a twin whose cached evidence is lost is aligned again by the build itself."""
    argv = ["build", *(x for zh, en in TWINS for x in ("--parallel", zh, en)), "-q"]
    out = tmp_path / "glossary.csv"
    assert main([*argv, "-j", "1", "-o", str(out)]) == 0
    reference = out.read_bytes()
    assert "UNMIL" in reference.decode("utf-8")
    cache = tmp_path / "cache"
    for _ in ("cold", "warm"):
        assert main([*argv, "--cache", str(cache), "-o", str(out)]) == 0
        assert out.read_bytes() == reference
    (paired,) = cache.glob("*/paired")
    shutil.rmtree(paired)
    assert main([*argv, "--cache", str(cache), "-o", str(out)]) == 0
    assert out.read_bytes() == reference
