"""`termkit check PATH...`: check Chinese documents and bilingual files against their own
definitions and the glossaries in force; report, fix or diff."""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

from termkit.check import fix, report, statistics
from termkit.check.engine import BILINGUAL_SUFFIXES, Checked, check_file, check_text, locate
from termkit.check.rules import RULES, SEVERITIES
from termkit.check.run import check_files, glossary_paths, load_index
from termkit.check.settings import Settings, find_config, load_settings
from termkit.cli.inputs import add_input_options
from termkit.errors import InputError
from termkit.io import output_stream, output_target
from termkit.paths import COMPRESSED, DOCUMENT_SUFFIXES, collect
from termkit.text.decode import decode_bytes

# Folders are searched for these; a CSV is checked only when named (it may be a glossary).
_WALKED = DOCUMENT_SUFFIXES + tuple(s for s in BILINGUAL_SUFFIXES if s != ".csv")
_CSV_IN_FOLDER = "a CSV file is checked only when named (it may be a glossary)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders or glob patterns (quoted: 'drafts/**/*.md'); - reads standard input",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report standard input under (its suffix also picks the markup)",
    )
    parser.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="FILE",
        help="a glossary to check against, besides the shipped one (repeatable)",
    )
    parser.add_argument(
        "--no-default-glossary",
        action="store_true",
        help="do not use the shipped glossary (--glossary then replaces it)",
    )
    parser.add_argument(
        "--config", help="config file (default: nearest termkit.toml or pyproject.toml)"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore all config files")
    parser.add_argument(
        "--enable", action="append", default=[], metavar="CODE", help="enable rules (ALL for all)"
    )
    parser.add_argument(
        "--disable", action="append", default=[], metavar="CODE", help="disable rules"
    )
    parser.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="set a rule's severity (error, warning, info, hint)",
    )
    parser.add_argument(
        "--format",
        choices=report.FORMATS,
        default="text",
        help="text, json, sarif, html (a self-contained report) or xlsx (needs -o)",
    )
    parser.add_argument("-o", "--output", help="write the report here instead of standard output")
    parser.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="exit 1 when a finding is at or above this severity (default: error)",
    )
    parser.add_argument("--fix", action="store_true", help="apply the unambiguous fixes in place")
    parser.add_argument(
        "--diff", action="store_true", help="show the fixes as a diff, write nothing"
    )
    parser.add_argument(
        "--annotate",
        metavar="OUT.docx",
        help="write a copy of the one Word document checked with a comment on each finding",
    )
    add_input_options(parser, "the check")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="check files in N processes")
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings of each rule and term instead of the findings",
    )
    parser.add_argument(
        "--hints",
        action="store_true",
        help="list the findings below the confidence threshold (severity hint) in the text "
        "output too; it counts them otherwise (JSON, SARIF, HTML and XLSX always carry them)",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when there are findings (report-only CI); 2 still means an error",
    )


def run(args: argparse.Namespace) -> int:
    if args.list_rules:
        for r in RULES:
            state = "on " if r.enabled else "off"
            fixable = "fix" if r.fixable else "   "
            print(f"{r.code} {state} {fixable} {r.severity:<7} {r.name}: {r.description}")
        return 0
    if not args.paths:
        raise InputError("no PATH given (see termkit check --help)")
    if args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    if args.format in report.BINARY and args.output in (None, "-"):
        raise InputError(f"--format {args.format} needs -o FILE (it is not text)")
    config = (
        None if args.isolated else Path(args.config) if args.config else find_config(Path.cwd())
    )
    if config is not None and not config.is_file():
        raise InputError(f"{config}: no such config file")
    settings = load_settings(config).with_options(
        args.enable,
        args.disable,
        args.severity,
        args.glossary,
        False if args.no_default_glossary else None,
        args.fail_on,
    )
    glossaries = glossary_paths(settings)
    if not glossaries:
        raise InputError("no glossary in force: give --glossary FILE")
    if args.output not in (None, "-"):
        output_target(args.output)  # a bad -o is refused before --fix changes any file
    skipped: list[tuple[str, str]] = []
    if "-" in args.paths:
        _, checked = _check_stdin(args, settings, glossaries)
    else:
        checked, skipped = _check_paths(args, settings, glossaries)
    for path, why in skipped:
        print(f"termkit check: skipped {path}: {why}", file=sys.stderr)
    if args.diff:
        return _show_diffs(checked)
    fixed = refused = 0
    if args.fix:
        checked, fixed, refused = _fix(
            checked, settings, glossaries, args.encoding, args.docx_revisions
        )
    findings = [f for c in checked for f in c.findings]
    if args.annotate:
        _annotate(checked, args.annotate, args.docx_revisions)
    if args.format in report.BINARY:
        from termkit.check import report_xlsx

        report_xlsx.write(findings, args.output)
    else:
        glossary = load_index(glossaries) if args.format == "html" else None
        with output_stream(args.output) as out:
            if args.statistics:
                statistics.write(findings, out, args.format)
            else:
                report.write(
                    findings,
                    out,
                    args.format,
                    len(checked),
                    fixed,
                    glossary,
                    len(skipped),
                    args.hints,
                )
    if refused:
        return 2
    threshold = SEVERITIES.index(settings.fail_on)
    failed = any(SEVERITIES.index(f.severity) >= threshold for f in findings)
    return int((failed and not args.exit_zero) or (bool(skipped) and not args.skip_unknown))


def _check_paths(
    args: argparse.Namespace, settings: Settings, glossaries: list[str]
) -> tuple[list[Checked], list[tuple[str, str]]]:
    """The files named and found in folders, checked; a folder's files that cannot be read
    come back as (path, reason), a named file that cannot be read is an error."""
    paths = expand_globs(args.paths)
    found: list[tuple[str, str]] = []
    files = [
        os.path.normpath(f)
        for f in collect(paths, _WALKED, skipped=found)
        if not settings.excluded(f)
    ]
    skipped = [
        (os.path.normpath(f), _CSV_IN_FOLDER if f.lower().endswith(".csv") else why)
        for f, why in found
        if not settings.excluded(f)
    ]
    checked = check_files(
        files, settings, glossaries, args.jobs, args.encoding, args.docx_revisions
    )
    named = {os.path.normpath(p) for p in paths}
    for c, path in zip(checked, files, strict=True):
        if c.error is not None and path in named:
            raise InputError(c.error)
    skipped += [
        (p, c.error.removeprefix(f"{p}: ")) for c, p in zip(checked, files, strict=True) if c.error
    ]
    return [c for c in checked if c.error is None], sorted(skipped)


def expand_globs(paths: list[str]) -> list[str]:
    """Patterns the shell did not expand (quoted, or on Windows) matched here, `**` included;
    a pattern matching nothing is an error, as a missing file is."""
    out = []
    for p in paths:
        if Path(p).exists() or not glob.has_magic(p):
            out.append(p)
            continue
        matches = sorted(glob.glob(p, recursive=True))
        if not matches:
            raise InputError(f"{p}: no file matches")
        out.extend(matches)
    return out


def _check_stdin(
    args: argparse.Namespace, settings: Settings, glossaries: list[str]
) -> tuple[list[str], list[Checked]]:
    """`-`: the text on standard input, reported as --stdin-filename (or `-`)."""
    if args.paths != ["-"]:
        raise InputError("- (standard input) cannot be checked together with other paths")
    if args.fix or args.diff:
        raise InputError("--fix and --diff need files, not standard input")
    name = args.stdin_filename or "-"
    if Path(name).suffix.lower() in BILINGUAL_SUFFIXES:
        raise InputError(f"{name}: bilingual files cannot be read from standard input")
    document = decode_bytes(sys.stdin.buffer.read(), name, args.encoding, args.docx_revisions)
    findings = locate(check_text(document.text, name, load_index(glossaries), settings), document)
    return [name], [Checked(document, findings)]


def _show_diffs(checked: list[Checked]) -> int:
    changed = 0
    for c in checked:
        if c.document is None:
            continue
        edits = fix.edits_of(c.findings, c.document.encoding)
        if edits:
            sys.stdout.write(fix.diff(c.document, fix.apply(c.document.text, edits)))
            changed += 1
    print(f"{changed} file{'s' * (changed != 1)} would be changed.", file=sys.stderr)
    return int(changed > 0)


def _annotate(checked: list[Checked], target: str, revisions: str) -> None:
    documents = [c for c in checked if c.document is not None]
    if len(documents) != 1 or documents[0].document.format != "docx":
        raise InputError("--annotate takes exactly one Word document (.docx) to check")
    from termkit.documents.docx_write import annotate_docx

    c = documents[0]
    added, missed = annotate_docx(c.document.path, target, c.findings, revisions)
    note = f" ({missed} on text no run holds)" if missed else ""
    print(f"{target}: {added} comment{'s' * (added != 1)} added{note}", file=sys.stderr)


def _fix(
    checked: list[Checked],
    settings: Settings,
    glossaries: list[str],
    encoding: str | None,
    revisions: str = "accepted",
) -> tuple[list[Checked], int, int]:
    """Apply each file's fixes, then check the fixed files again; the number of edits made and
    of files refused."""
    index = None
    result, fixed, refused = [], 0, 0
    for c in checked:
        doc = c.document
        edits = fix.edits_of(c.findings, doc.encoding) if doc is not None else []
        if edits and doc.path.endswith(COMPRESSED):
            print(f"{doc.path}: not fixed (compressed file)", file=sys.stderr)
        if not edits or doc.path.endswith(COMPRESSED):
            result.append(c)
            continue
        if doc.format == "docx":
            from termkit.documents.docx_write import fix_docx

            fixed += fix_docx(doc.path, edits, revisions)
        else:
            try:
                fix.write_fixed(doc, edits)
            except InputError as exc:  # changed meanwhile, read-only: the other files go on
                print(f"termkit check: error: {exc}", file=sys.stderr)
                refused += 1
                result.append(c)
                continue
            fixed += len(edits)
        index = index or load_index(glossaries)
        result.append(check_file(doc.path, index, settings, encoding, revisions))
    return result, fixed, refused
