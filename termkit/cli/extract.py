"""`termkit extract PATH...`: list the definitions found, as text, json, jsonl or csv."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from termkit.cli.inputs import add_input_options
from termkit.documents.locations import Layout
from termkit.extract.extractor import extract_paths
from termkit.io import output_stream
from termkit.paths import collect
from termkit.termbase.model import Definition

JSONL_FIELDS = (
    "full",
    "short",
    "kind",
    "path",
    "line",
    "column",
    "short_line",
    "short_column",
    "confidence",
    "evidence",
    "context",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--format", choices=("text", "json", "jsonl", "csv"), default="text")
    add_input_options(parser, "the extraction")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="drop definitions below this confidence (0-1)",
    )
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument(
        "--no-bom",
        dest="bom",
        action="store_false",
        help="csv: no UTF-8 BOM (by default there is one, so that Excel reads UTF-8)",
    )


def run(args: argparse.Namespace) -> int:
    unknown: list[tuple[str, str]] = []
    files = collect(args.paths, skipped=unknown)
    for path, why in unknown:
        print(f"termkit extract: skipped {path}: {why}", file=sys.stderr)
    found = [
        (d, result.layout)
        # the usage of the defined forms is build's and check's; nothing here prints it
        for result in extract_paths(files, args.encoding, True, args.docx_revisions, usage=False)
        for d in result.definitions
        if d.confidence >= args.min_confidence
    ]
    csv_out = args.format == "csv"
    with output_stream(args.output, newline="" if csv_out else None) as out:
        if csv_out and args.bom:
            out.write("\ufeff")
        records = [_record(d, layout) for d, layout in found] if args.format != "text" else []
        if args.format == "json":
            out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "jsonl":
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        elif args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=JSONL_FIELDS, lineterminator="\n")
            writer.writeheader()
            for r in records:
                r.pop("location", None)
                writer.writerow({**r, "evidence": ";".join(r["evidence"])})
        else:
            for d, layout in found:
                label = f" [{layout.where(d.line).name()}]" if layout else ""
                out.write(
                    f"{d.path}:{d.line}:{d.column}: {d.full}（{d.short}） "
                    f"[{d.kind}, {d.confidence:.2f}]{label}\n"
                )
    return int(bool(unknown) and not args.skip_unknown)


def _record(d: Definition, layout: Layout | None) -> dict:
    """A definition's output fields (one `to_dict` for all of them); for a Word or PDF file
    also where its full form starts there (`location`, as in check's JSON), left out of CSV's
    fixed columns."""
    data = d.to_dict()
    record = {k: data[k] for k in JSONL_FIELDS}
    if layout is not None:
        record["location"] = layout.where(d.line).to_dict()
    return record
