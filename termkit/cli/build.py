"""`termkit build PATH... -o FILE`: build the glossary of a set of documents."""

from __future__ import annotations

import argparse
import sys

from termkit.build import (
    DEFAULT_MIN_CONFIDENCE,
    Build,
    Progress,
    build_corpus,
    corpus_tables,
    default_jobs,
)
from termkit.cli.inputs import add_input_options
from termkit.errors import InputError
from termkit.formats import glossary_csv
from termkit.parallel import WorkersLost
from termkit.paths import collect, read_list
from termkit.termbase.curate import curate, read_decisions, unused
from termkit.termbase.merge import finalize, merge
from termkit.termbase.typos import near_typos


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("-o", "--output", required=True, help="glossary file to write (CSV)")
    parser.add_argument(
        "--files-from", metavar="FILE", help="read more paths from FILE, one a line (- for stdin)"
    )
    add_input_options(parser, "the build")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help=f"keep definitions at or above this confidence (default {DEFAULT_MIN_CONFIDENCE})",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help="worker processes (default: the number of cores; 1: one process)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster, e.g. tcp://host:8786 (workers read the files themselves); "
        "only a cluster you trust: Dask unpickles what it receives",
    )
    parser.add_argument(
        "--cache", metavar="DIR", help="keep per-document results in DIR for faster rebuilds"
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first file that cannot be read"
    )
    parser.add_argument(
        "--parallel",
        nargs=2,
        action="append",
        default=[],
        metavar=("ZH", "EN"),
        help="a Chinese document and its English twin: align them and add English equivalents "
        "(repeatable; ZH is also built)",
    )
    parser.add_argument(
        "--curation",
        metavar="FILE",
        help="apply a terminologist's decisions (CSV: action,term,lang,note) to the glossary",
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="also write an HTML review of the glossary: conflicts and doubtful definitions "
        "first, with their evidence and contexts",
    )
    parser.add_argument(
        "--usage",
        action="store_true",
        help="also write how the documents use the glossary's short forms (in how many each "
        "is used, in how many undefined) beside it, as OUTPUT.usage.json, and in how many each "
        "four-character wording occurs, as OUTPUT.frequency.json: termkit check reads them with "
        "the glossary, asks no definition of a short form the corpus never defines and takes "
        "two wordings the corpus writes both for two terms, not a slip",
    )
    parser.add_argument("--bom", action="store_true", help="write a UTF-8 BOM (for Excel)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.files_from and not args.parallel:
        raise InputError("name the documents: PATH..., --files-from FILE or --parallel ZH EN")
    listed = read_list(args.files_from) if args.files_from else []
    twins = [(collect([zh])[0], en) for zh, en in args.parallel]
    unknown: list[tuple[str, str]] = []
    named = collect(args.paths, skipped=unknown)
    files = list(dict.fromkeys(named + collect(listed, missing_ok=True) + [zh for zh, _ in twins]))
    for path, why in unknown:
        print(f"skipped {path}: {why}", file=sys.stderr)
    decisions = read_decisions(args.curation) if args.curation else None
    progress = Progress(len(files))
    try:
        build = build_corpus(
            files,
            encoding=args.encoding,
            min_confidence=args.min_confidence,
            jobs=args.jobs,
            scheduler=args.scheduler,
            cache=args.cache,
            strict=args.strict,
            progress=progress,
            revisions=args.docx_revisions,
            twins=twins,
        )
    except WorkersLost as exc:
        print(f"termkit build: error: {exc}", file=sys.stderr)
        return 2
    finally:
        progress.close()
    termbase, tally = build.termbase, build.tally
    if build.equivalents:
        termbase = finalize(merge(termbase, *(found for _, _, found in build.equivalents)))
    for rare, frequent in near_typos(termbase):
        settled = " and shares its short form: deprecated" if rare.status == "deprecated" else ""
        print(
            f"typo? full form {rare.text} ({rare.count}×) is one character away from "
            f"{frequent.text} ({frequent.count}×){settled}",
            file=sys.stderr,
        )
    if decisions is not None:
        for d in unused(termbase, decisions):
            print(
                f"{d.where}: decision {d.describe()} names no term of the glossary", file=sys.stderr
            )
        termbase = curate(termbase, decisions)
    try:
        tables = _tables(build, termbase, args) if args.usage else None
    except WorkersLost as exc:
        print(f"termkit build: error: {exc}", file=sys.stderr)
        return 2
    glossary_csv.write(termbase, args.output, bom=args.bom)
    if tables is not None:
        from termkit.check.corpus_tables import write_beside

        write_beside(args.output, tables)
    if args.report:
        from termkit.termbase import review

        review.write(termbase, args.report)
    if not args.quiet:
        terms = sum(len(c.terms) for c in termbase.concepts)
        cached = f" ({tally.cached} from the cache)" if args.cache else ""
        print(
            f"{tally.documents} documents{cached}, {len(termbase)} concepts, {terms} terms, "
            f"{len(termbase.conflicts)} conflicts → {args.output}",
            file=sys.stderr,
        )
        for conflict in termbase.conflicts:
            print(f"conflict: {conflict.describe()}", file=sys.stderr)
    skipped = len(tally.failures) + len(unknown)
    if skipped:
        print(f"{skipped} of {build.files + len(unknown)} files skipped", file=sys.stderr)
    return int(bool(skipped) and not args.skip_unknown)


def _tables(build: Build, termbase, args: argparse.Namespace):
    """The corpus tables of the files the build could read, for the final glossary, mapped
    over the same workers, cluster and cache as the build."""
    return corpus_tables(
        build,
        termbase,
        encoding=args.encoding,
        min_confidence=args.min_confidence,
        jobs=args.jobs,
        scheduler=args.scheduler,
        cache=args.cache,
        revisions=args.docx_revisions,
    )
