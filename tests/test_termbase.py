"""The termbase: merging is associative and order-independent; conflicts are kept."""

from __future__ import annotations

import itertools

from termkit.build import document_termbase
from termkit.extract import extract_file, extract_text
from termkit.formats import glossary_csv
from termkit.termbase.merge import build_termbase, finalize, from_definitions, merge

from .conftest import SEED000, SEED003


def _doc(text: str, path: str):
    return from_definitions(extract_text(text, path))


def test_merge_is_associative_and_order_independent():
    parts = [
        _doc("联合国环境规划署（环境署）支持。", "a.txt"),
        _doc("由聯合國環境規劃署（環境署）編寫。", "b.txt"),
        _doc("联合国环境规划署（环境规划署）与降排（降排+）。", "c.txt"),
        document_termbase(extract_file(SEED000)),
    ]
    results = {
        glossary_csv.dumps(finalize(merge(merge(p[0], p[1]), merge(p[2], p[3]))))
        for p in itertools.permutations(parts)
    }
    results.add(glossary_csv.dumps(build_termbase(parts)))
    assert len(results) == 1


def test_width_and_script_variants_are_one_concept_conflicts_are_recorded():
    tb = build_termbase(
        [
            _doc("由联合国环境规划署（环境署）编写。", "a.txt"),
            _doc("由聯合國環境規劃署（環境署）編寫。", "b.txt"),
            _doc("由联合国环境规划署（规划署）编写。", "c.txt"),
            _doc("由联合国开发计划署（规划署）编写。", "d.txt"),
        ]
    )
    unep = next(c for c in tb.concepts if c.label == "联合国环境规划署")
    forms = {t.text: (t.type, t.status) for t in unep.terms}
    assert forms["聯合國環境規劃署"][0] == "variant"
    assert forms["环境署"] == ("shortForm", "preferred")
    kinds = {(c.kind, c.term) for c in tb.conflicts}
    assert ("short-form-ambiguous", "规划署") in kinds
    assert ("full-form-two-short-forms", "联合国环境规划署") in kinds


def test_english_equivalent_joins_the_concept_of_its_short_form():
    tb = build_termbase(
        [
            _doc("由联合国开发计划署（开发署）编写。", "a.txt"),
            _doc("支持开发署(UNDP)的工作。", "b.txt"),
        ]
    )
    assert len(tb) == 1
    assert {t.text for t in tb.concepts[0].terms} == {"联合国开发计划署", "开发署", "UNDP"}


def test_csv_round_trip_is_lossless():
    tb = build_termbase([document_termbase(extract_file(p)) for p in (SEED000, SEED003)])
    again = glossary_csv.loads(glossary_csv.dumps(tb))
    assert again == tb
