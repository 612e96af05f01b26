"""A terminologist's decisions re-applied on every rebuild."""

from __future__ import annotations

import pytest

from termkit.errors import InputError
from termkit.extract import extract_text
from termkit.termbase.curate import Decision, curate, read_decisions
from termkit.termbase.merge import build_termbase, from_definitions

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
