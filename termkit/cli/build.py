"""`termkit build PATH... -o FILE`: build the glossary of a set of documents."""

from __future__ import annotations

import argparse
import sys

from termkit.build import DEFAULT_MIN_CONFIDENCE, build_glossary
from termkit.formats import glossary_csv
from termkit.paths import collect


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("-o", "--output", required=True, help="glossary file to write (CSV)")
    parser.add_argument("--encoding", help="force the input encoding (default: detect)")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help=f"keep definitions at or above this confidence (default {DEFAULT_MIN_CONFIDENCE})",
    )
    parser.add_argument("--bom", action="store_true", help="write a UTF-8 BOM (for Excel)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    files = collect(args.paths)
    termbase = build_glossary(files, args.encoding, args.min_confidence, progress=True)
    glossary_csv.write(termbase, args.output, bom=args.bom)
    if not args.quiet:
        terms = sum(len(c.terms) for c in termbase.concepts)
        print(
            f"{len(files)} documents, {len(termbase)} concepts, {terms} terms, "
            f"{len(termbase.conflicts)} conflicts → {args.output}",
            file=sys.stderr,
        )
        for conflict in termbase.conflicts:
            print(f"conflict: {conflict.describe()}", file=sys.stderr)
    return 0
