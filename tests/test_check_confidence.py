"""The fitted confidence of findings (`termkit.check.confidence`): a finding a reviser would
not agree with is a hint, shown on request and counted, never dropped."""

from __future__ import annotations

import json

import pytest

from termkit.check import confidence
from termkit.check.engine import check_facts, check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings
from termkit.cli import main

from .conftest import REPO, SEED000

FAO_PAPER = REPO / "bench" / "annotated" / "un_pages" / "docs" / "013.txt"


@pytest.fixture(scope="module")
def shipped() -> GlossaryIndex:
    return load_index(glossary_paths(Settings()))


def test_an_established_short_form_in_a_page_by_its_body_is_a_hint(shipped):
    # An FAO page (TRAIN set un_pages) writes 粮农组织 four times and never defines it, as FAO's
    # own papers do: a reviser would not ask for its definition.
    text = FAO_PAPER.read_text("utf-8")
    [fao] = [f for f in check_text(text, "013.txt", shipped, Settings()) if f.found == "粮农组织"]
    assert fao.rule == "TK101" and fao.severity == "hint"
    assert "below" in fao.message and "a hint" in fao.message
    # Ungraded, the rule's own verdict is an error: the confidence is what changed it.
    raw, _ = check_facts(text, "013.txt", shipped, Settings(), graded=False)
    assert {f.severity for f in raw if f.found == "粮农组织"} == {"error"}


def test_a_short_form_left_bare_where_the_document_defines_others_stays_an_error(shipped):
    # The same form in a text that defines its short forms and leaves this one bare.
    text = "联合国环境规划署（环境署）与东盟各国参加了会议。\n"
    [f] = [f for f in check_text(text, "a.txt", shipped, Settings()) if f.rule == "TK101"]
    assert f.found == "东盟" and f.severity == "error"


def test_the_seed_definition_missing_is_confident(shipped):
    # seed 000 uses 战略计划 before writing its definition out: the gold's inconsistency.
    text = SEED000.read_text("utf-8")
    findings = check_text(text, SEED000.name, shipped, Settings())
    assert any(f.found == "战略计划" and f.severity == "error" for f in findings)


def test_rules_the_model_does_not_grade_keep_their_severity():
    model = confidence.shipped()
    assert model is not None and model.rules == {"TK101", "TK103"}
    assert 0.0 < model.threshold < 1.0


def test_text_output_counts_hints_and_lists_them_on_request(tmp_path, capsys):
    draft = tmp_path / "013.txt"
    draft.write_text(FAO_PAPER.read_text("utf-8"), encoding="utf-8")
    main(["check", "--isolated", str(draft)])
    out = capsys.readouterr().out
    assert " hint:" not in out and "below the confidence threshold not shown (--hints" in out
    main(["check", "--isolated", "--hints", str(draft)])
    out = capsys.readouterr().out
    assert "TK101 hint: short form 粮农组织" in out
    main(["check", "--isolated", "--format", "json", str(draft)])
    found = json.loads(capsys.readouterr().out)
    assert any(f["found"] == "粮农组织" and f["severity"] == "hint" for f in found)


def test_a_hint_fails_no_run_unless_asked(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("东盟各国参加了会议。\n", encoding="utf-8")
    assert main(["check", "--isolated", str(draft)]) == 0
    assert main(["check", "--isolated", "--fail-on", "hint", str(draft)]) == 1
