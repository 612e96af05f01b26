"""The HTML report: one self-contained file (no network, no fonts or scripts fetched) a reviser
opens offline, sorts by eye and sends on: a summary by rule and by term, every finding with its
place, context and suggestion, filters by severity, rule and file, and the glossary concepts
involved. Rendered with Jinja2 from the template shipped in `termkit/check/templates`."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from termkit import __version__
from termkit.check.context import Context, Contexts, concepts_of
from termkit.check.finding import Finding
from termkit.check.glossary import GlossaryIndex
from termkit.check.rules import BY_CODE, SEVERITIES
from termkit.text.normalize import HAN_CHAR

TEMPLATE = "report.html.j2"
TOP_TERMS = 30  # rows of the by-term summary; the findings table has them all


@dataclass(frozen=True)
class Row:
    finding: Finding
    name: str
    context: Context


def render(
    findings: list[Finding],
    overview: str,
    glossary: GlossaryIndex | None = None,
    title: str = "termkit check report",
) -> str:
    contexts = Contexts()
    rows = [Row(f, BY_CODE[f.rule].name, contexts.of(f)) for f in findings]
    terms = by_term(findings)
    return template(TEMPLATE).render(
        title=title,
        version=__version__,
        overview=overview,
        by_rule=by_rule(findings),
        by_term=terms[:TOP_TERMS],
        terms=len(terms),
        severities=[s for s in reversed(SEVERITIES) if any(f.severity == s for f in findings)],
        files=sorted({f.path for f in findings}),
        rows=rows,
        concepts=concepts_of(findings, glossary),
    )


def by_rule(findings: list[Finding]) -> list[dict]:
    """Rules with findings, most findings first."""
    counts = Counter(f.rule for f in findings)
    severity = {f.rule: f.severity for f in findings}
    return [
        {
            "code": code,
            "name": BY_CODE[code].name,
            "description": BY_CODE[code].description,
            "severity": severity[code],
            "count": n,
        }
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def by_term(findings: list[Finding]) -> list[dict]:
    """Terms found (and what to write instead), most findings first: findings with a
    suggestion or with Chinese found, so numbers and tags do not crowd out the terms."""
    rules: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts: Counter = Counter()
    for f in findings:
        if not f.suggestion and not HAN_CHAR.search(f.found):
            continue
        key = (f.found, f.suggestion or "")
        counts[key] += 1
        rules[key].add(f.rule)
    return [
        {
            "found": found,
            "suggestion": suggestion,
            "rules": sorted(rules[found, suggestion]),
            "count": n,
        }
        for (found, suggestion), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def template(name: str):
    """A template of `termkit/check/templates` (HTML escaped, undefined names an error)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("termkit.check", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template(name)
