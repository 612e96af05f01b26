"""Write findings as text (for people), JSON (a contract for tools), SARIF 2.1.0 (for code
scanning), or an HTML or XLSX report (for revisers: `report_html`, `report_xlsx`)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import IO

from termkit import __version__
from termkit.check.finding import Finding
from termkit.check.glossary import GlossaryIndex
from termkit.check.rules import BY_CODE, RULES

FORMATS = ("text", "json", "sarif", "html", "xlsx")
# Formats written to a file only (-o), never to a terminal.
BINARY = ("xlsx",)
_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m", "hint": "\x1b[2m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note", "hint": "note"}


def use_colour(out: IO) -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set."""
    return hasattr(out, "isatty") and out.isatty() and not os.environ.get("NO_COLOR")


def write(
    findings: list[Finding],
    out: IO,
    fmt: str,
    files: int,
    fixed: int = 0,
    glossary: GlossaryIndex | None = None,
    skipped: int = 0,
    hints: bool = False,
) -> None:
    """Write a text format to `out` (`glossary`: the concepts an HTML report lists;
    `skipped`: the files that could not be read, counted in the summary; `hints`: the text
    format lists the findings below the confidence threshold too, which it otherwise only
    counts; JSON, SARIF and HTML always carry them)."""
    import json

    if fmt == "html":
        from termkit.check import report_html

        out.write(report_html.render(findings, summary(findings, files, fixed, skipped), glossary))
    elif fmt == "json":
        out.write(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "sarif":
        out.write(json.dumps(sarif(findings), ensure_ascii=False, indent=2) + "\n")
    else:
        write_text(findings, out, files, fixed, skipped, hints)


def write_text(
    findings: list[Finding],
    out: IO,
    files: int,
    fixed: int = 0,
    skipped: int = 0,
    hints: bool = False,
) -> None:
    colour = use_colour(out)
    for f in findings:
        if f.severity == "hint" and not hints:
            continue
        change = f" ({f.found} → {f.suggestion})" if f.suggestion else f" ({f.found})"
        code = f.rule
        where = f"{f.path}:{_position(f)}:"
        if colour:
            code = f"{_COLOURS[f.severity]}{code}{_RESET}"
            where = f"{_BOLD}{where}{_RESET}"
        label = f" [{f.location.label()}]" if f.location else ""
        out.write(f"{where} {code} {f.severity}: {f.message}{change}{label}\n")
    out.write(summary(findings, files, fixed, skipped, hints) + "\n")


def _position(f: Finding) -> str:
    """`line:column` of a text file; for a PDF its `page:line:column`, for a Word document the
    paragraph as Word counts it and the column in it, so a user finds the span in the
    document itself rather than in termkit's extracted text."""
    where = f.location
    if where.page:
        return f"{where.page}:{where.line}:{f.column}" if where.line else f"{where.page}:{f.column}"
    if where.paragraph:
        return f"{where.paragraph}:{f.column}"
    return f"{f.line}:{f.column}"


def summary(
    findings: list[Finding], files: int, fixed: int = 0, skipped: int = 0, hints: bool = True
) -> str:
    """One line; files that could not be read (`skipped`) are counted apart, and so are the
    hints (findings below the confidence threshold), with how to see them when they were not
    listed."""
    done = f"Fixed {fixed} finding{'s' * (fixed != 1)}. " if fixed else ""
    low = sum(f.severity == "hint" for f in findings)
    left = ""
    if low:
        shown = "" if hints else " not shown (--hints lists them)"
        left = f"; {low} hint{'s' * (low != 1)} below the confidence threshold{shown}"
        findings = [f for f in findings if f.severity != "hint"]
    left += f"; {skipped} skipped" if skipped else ""
    if not findings:
        return f"{done}All checks passed ({files} file{'s' * (files != 1)}{left})."
    by = Counter(f.severity for f in findings)
    parts = ", ".join(
        f"{by[s]} {s}{'s' * (by[s] != 1 and s != 'info')}"
        for s in ("error", "warning", "info")
        if by[s]
    )
    fixable = sum(1 for f in findings if f.edit is not None)
    hint = f"; {fixable} fixable with --fix" if fixable else ""
    return (
        f"{done}Found {len(findings)} finding{'s' * (len(findings) != 1)} ({parts}) "
        f"in {len({f.path for f in findings})} of {files} file{'s' * (files != 1)}{hint}{left}."
    )


def sarif(findings: list[Finding]) -> dict:
    """A SARIF 2.1.0 log with one run; columns count Unicode code points, as termkit does."""
    index = {r.code: i for i, r in enumerate(RULES)}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "termkit",
                        "version": __version__,
                        "informationUri": "https://github.com/termkit/termkit",
                        "rules": [_sarif_rule(r.code) for r in RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, index[f.rule]) for f in findings],
            }
        ],
    }


def _sarif_rule(code: str) -> dict:
    r = BY_CODE[code]
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.name.replace("-", " ")},
        "fullDescription": {"text": r.description},
        "help": {"text": r.description},
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity], "enabled": r.enabled},
        "properties": {"fixable": r.fixable},
    }


def _sarif_result(f: Finding, rule_index: int) -> dict:
    message = f.message + (f" ({f.found} → {f.suggestion})" if f.suggestion else "")
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"termkitFinding/v1": _fingerprint(f)},
    }
    if f.location:
        result["locations"][0]["logicalLocations"] = [_logical_location(f)]
        result["properties"] = {"location": f.location.to_dict()}
    return result


def _logical_location(f: Finding) -> dict:
    """The segment (and side) of a bilingual file, else the page/paragraph, as SARIF names it."""
    where = f.location
    if where.segment:
        name = where.segment + (f"/{where.side}" if where.side else "")
        return {"name": where.segment, "fullyQualifiedName": name, "kind": "segment"}
    return {"name": where.label(), "kind": "section"}


def _uri(path: str) -> str:
    """A relative URI (from the working folder) when the file is under it, as code scanning
    expects; percent-encoded, so Chinese file names survive."""
    from urllib.parse import quote

    p = Path(path)
    try:
        p = p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return p.resolve().as_uri()
    return quote(p.as_posix())


def _fingerprint(f: Finding) -> str:
    """Stable across unrelated edits: the rule, the file and what was found (not the line)."""
    import hashlib

    return hashlib.sha1(f"{f.rule}\0{f.path}\0{f.found}".encode()).hexdigest()[:16]
