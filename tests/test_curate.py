"""A terminologist's decisions re-applied on every rebuild."""

from __future__ import annotations

import pytest

from termkit.errors import InputError
from termkit.extract import extract_text
from termkit.termbase.curate import Decision, curate, read_decisions
from termkit.termbase.merge import build_termbase, from_definitions
from termkit.termbase.model import Definition

from .conftest import REPO


def _glossary():
    return build_termbase(
        [
            from_definitions(
                extract_text("由联合国开发计划署（开发计划署）编写。开发计划署。", "a")
            ),
            from_definitions(extract_text("由联合国开发计划署（开发署）编写。", "b")),
            from_definitions(extract_text("建议的联合工作（NBSAPs 2.0）已开始。", "c")),
        ]
    )


def test_prefer_reject_and_deprecate():
    tb = curate(
        _glossary(),
        [
            Decision("prefer", "开发署", "zh"),
            Decision("reject", "NBSAPs 2.0"),
            Decision("deprecate", "开发计划署"),
        ],
    )
    undp = next(c for c in tb.concepts if c.label == "联合国开发计划署")
    assert {t.text: t.status for t in undp.terms} == {
        "联合国开发计划署": "preferred",
        "开发署": "preferred",
        "开发计划署": "deprecated",
    }
    assert not any(t.text == "NBSAPs 2.0" for c in tb.concepts for t in c.terms)


def test_rejecting_the_full_form_drops_the_concept():
    tb = curate(_glossary(), [Decision("reject", "联合工作", "zh")])
    assert [c.label for c in tb.concepts] == ["联合国开发计划署"]


def test_the_shipped_curation_file_reads(tmp_path):
    decisions = read_decisions(REPO / "glossary" / "curation.csv")
    assert ("prefer", "开发署") in {(d.action, d.term) for d in decisions}
    bad = tmp_path / "bad.csv"
    bad.write_text("action,term\nmerge,环境署\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv:2: unknown action"):
        read_decisions(bad)


def test_a_decision_keeps_its_author_and_date_and_settles_its_conflict():
    glossary = _glossary()
    assert [x.kind for x in glossary.conflicts] == ["full-form-two-short-forms"]
    decision = Decision(
        "prefer", "开发署", "zh", "UNTERM", author="A. Terminologist", date="2026-11-30"
    )
    tb = curate(glossary, [decision])
    assert tb.conflicts == ()
    undp = next(c for c in tb.concepts if c.label == "联合国开发计划署")
    (term,) = [t for t in undp.terms if t.text == "开发署"]
    assert term.data == (decision.transaction(),)
    texts = [i.text for i in term.data[0].items]
    assert texts == ["modification", "2026-11-30", "A. Terminologist", "termkit curation: prefer"]
    assert curate(tb, [decision]) == tb  # applied twice: one transaction
    # the transaction is TBX's
    from termkit.formats import tbx

    data = tbx.dumps(tb).decode()
    assert "<date>2026-11-30</date>" in data and "A. Terminologist</transacNote>" in data
    assert tbx.loads(tbx.dumps(tb)) == tb


def test_deprecating_one_short_form_settles_the_conflict():
    tb = curate(_glossary(), [Decision("deprecate", "开发计划署", "zh")])
    assert tb.conflicts == ()


def test_a_short_form_of_two_concepts_is_settled_by_a_scoped_prefer():
    two = build_termbase(
        [
            from_definitions(extract_text("联合国环境规划署（环境署）成立。", "a")),
            from_definitions(extract_text("国际环境保护署（环境署）成立。", "b")),
        ]
    )
    assert [x.kind for x in two.conflicts] == ["short-form-ambiguous"]
    assert curate(two, [Decision("prefer", "环境署", "zh")]).conflicts == two.conflicts
    scoped = Decision("prefer", "环境署", "zh", concept="联合国环境规划署")
    tb = curate(two, [scoped])
    assert tb.conflicts == ()
    statuses = {c.label: [t.status for t in c.terms if t.text == "环境署"] for c in tb.concepts}
    assert statuses["联合国环境规划署"] == ["preferred"]


def test_decisions_naming_unknown_terms_are_reported(tmp_path, capsys):
    from termkit.cli import main

    from .conftest import SEED000

    curation = tmp_path / "curation.csv"
    curation.write_text(
        "action,term,lang,note,author,date\n"
        "prefer,环境署,zh,,A. T.,2026-11-30\n"
        "deprecate,环境规划暑,zh,typo,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "g.csv"
    assert main(["build", str(SEED000), "--curation", str(curation), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert f"{curation}:3: decision deprecate 环境规划暑 (zh) names no term of the glossary" in err
    assert "环境署" not in err.replace("环境规划暑", "")
    bad = tmp_path / "bad.csv"
    bad.write_text("action,term,date\nprefer,环境署,30/11/2026\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv:2: date '30/11/2026' is not YYYY-MM-DD"):
        read_decisions(bad)


def test_correct_replaces_a_wrong_full_form_on_every_rebuild(tmp_path):
    wrong = "程序的鹿特丹公约缔约方大会"
    right = "关于在国际贸易中对某些危险化学品和农药采取事先知情同意程序的鹿特丹公约缔约方大会"
    path = tmp_path / "curation.csv"
    path.write_text(
        f"action,term,lang,note,to\ncorrect,{wrong},zh,cut inside the title,{right}\n",
        encoding="utf-8",
    )
    decisions = read_decisions(path)
    # The wrong boundary as an extraction once read it (the extractor's own boundary is not
    # what this tests): a rebuild that finds it again must be corrected again.
    misread = Definition(wrong, "缔约方大会", "abbreviation", "a", 1, 3, 1, 17, 0.7)
    found = from_definitions([misread])
    assert [t.text for c in found.concepts for t in c.terms if t.type == "fullForm"] == [wrong]
    for _ in range(2):  # a rebuild finds the wrong form again; the decision holds again
        tb = curate(build_termbase([found]), decisions)
        (concept,) = tb.concepts
        full = concept.preferred("zh", "fullForm")
        assert full.text == right and full.locations and full.count >= 1
        assert {t.text for t in concept.terms} == {right, "缔约方大会"}


def test_correct_needs_a_to_column_and_only_correct_takes_one(tmp_path):
    path = tmp_path / "curation.csv"
    path.write_text("action,term,to\ncorrect,环境规化署,\n", encoding="utf-8")
    with pytest.raises(InputError, match="to column"):
        read_decisions(path)
    path.write_text("action,term,to\nprefer,环境署,环境署\n", encoding="utf-8")
    with pytest.raises(InputError, match="only correct"):
        read_decisions(path)
