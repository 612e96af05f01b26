"""Report formats: where a finding is, in every format, including segment and side."""

from __future__ import annotations

import io
import json

from termkit.check import report
from termkit.check.finding import Finding, Location


def finding(**kw) -> Finding:
    fields = dict(path="memory.tmx", line=7, column=23, end_line=7, end_column=26, rule="TK106",
                  severity="error", message="deprecated term", found="规划署", suggestion="环境署")  # fmt: skip
    fields.update(kw)
    return Finding(**fields)


def test_location_is_in_text_json_and_sarif():
    f = finding(location=Location(segment="CMU_1:2", side="target"))
    out = io.StringIO()
    report.write([f], out, "text", 1)
    assert out.getvalue().splitlines()[0] == (
        "memory.tmx:7:23: TK106 deprecated term (规划署 → 环境署) [segment CMU_1:2 (target)]"
    )
    (record,) = json.loads(_written(f, "json"))
    assert record["location"] == {"segment": "CMU_1:2", "side": "target"}
    (result,) = json.loads(_written(f, "sarif"))["runs"][0]["results"]
    (logical,) = result["locations"][0]["logicalLocations"]
    assert logical["fullyQualifiedName"] == "CMU_1:2/target"
    assert result["properties"]["location"] == {"segment": "CMU_1:2", "side": "target"}


def test_a_plain_text_finding_keeps_the_json_contract():
    (record,) = json.loads(_written(finding(path="draft.txt"), "json"))
    assert list(record) == ["path", "line", "column", "end_line", "end_column", "rule",
                            "severity", "message", "found", "suggestion"]  # fmt: skip
    assert "[" not in _written(finding(), "text").splitlines()[0]


def test_location_label_for_pages_and_paragraphs():
    assert Location(page=3, paragraph=12).label() == "page 3, paragraph 12"
    assert Location(paragraph=4, part="table 1 row 2 cell 3").to_dict() == {
        "paragraph": 4,
        "part": "table 1 row 2 cell 3",
    }
    assert not Location()


def _written(f: Finding, fmt: str) -> str:
    out = io.StringIO()
    report.write([f], out, fmt, 1)
    return out.getvalue()
