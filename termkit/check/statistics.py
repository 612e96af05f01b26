"""`termkit check --statistics`: how many findings of each rule, and of each term under it, as
ruff's --statistics counts them: the first look at a large corpus or a new glossary."""

from __future__ import annotations

import json
from collections import Counter
from typing import IO

from termkit.check.finding import Finding
from termkit.check.rules import BY_CODE


def counts(findings: list[Finding]) -> list[dict]:
    """Rules by number of findings (most first, then code), each with its terms likewise."""
    by_rule = Counter(f.rule for f in findings)
    by_term = Counter((f.rule, f.found) for f in findings)
    severity = {f.rule: f.severity for f in findings}
    out = []
    for code, n in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
        terms = sorted(((t, m) for (c, t), m in by_term.items() if c == code), key=_order)
        rule = BY_CODE.get(code)
        out.append(
            {
                "rule": code,
                "name": rule.name if rule else "",
                "severity": severity[code],
                "count": n,
                "terms": dict(terms),
            }
        )
    return out


def _order(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def write(findings: list[Finding], out: IO, fmt: str) -> None:
    table = counts(findings)
    if fmt == "json":
        out.write(json.dumps(table, ensure_ascii=False, indent=2) + "\n")
        return
    for row in table:
        out.write(f"{row['count']:>6}  {row['rule']}  {row['severity']:<7}  {row['name']}\n")
        for term, n in row["terms"].items():
            out.write(f"{n:>6}    {term}\n")
