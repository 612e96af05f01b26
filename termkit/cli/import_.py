"""`termkit import FILE... -o GLOSSARY`: merge glossaries of any format into one."""

from __future__ import annotations

import argparse
import sys

from termkit.cli.export import add_output_options, save
from termkit.formats.combine import combine, disagreements
from termkit.formats.registry import load_glossary


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="TBX, TMX, CSV/TSV or XLSX glossaries"
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="skip malformed CSV rows (each one reported) instead of refusing the file",
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    parts = [load_glossary(path, args.lenient) for path in args.files]
    merged = combine(parts)
    fmt = save(merged, args)
    if not args.quiet:
        for path, tb in zip(args.files, parts, strict=True):
            print(f"{path}: {len(tb)} concepts", file=sys.stderr)
        found = [c.describe() for c in merged.conflicts] + disagreements(merged)
        terms = sum(len(c.terms) for c in merged.concepts)
        print(
            f"{len(merged)} concepts, {terms} terms, {len(found)} conflicts → "
            f"{args.output} ({fmt})",
            file=sys.stderr,
        )
        for line in found:
            print(f"conflict: {line}", file=sys.stderr)
    return 0
