"""`termkit align ZH_FILE EN_FILE`: sentence-align a Chinese document and its English version."""

from __future__ import annotations

import argparse
import csv

from termkit.cli.inputs import add_revisions_option
from termkit.errors import InputError

_SUFFIX_FORMATS = {".jsonl": "jsonl", ".tsv": "tsv", ".tmx": "tmx"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        "output: one bead (sentences that translate each other) per record, in document order;\n"
        '  jsonl  {zh, en, zh_lines, en_lines, score}: texts joined by a space, "" for a\n'
        "         sentence with no counterpart; 1-based input line numbers; score 0-1\n"
        "  tsv    zh, en, score, zh_lines, en_lines (no header)\n"
        "  tmx    TMX 1.4b, srclang zh; score and line numbers as <prop>s"
    )
    parser.add_argument("zh_file", metavar="ZH_FILE", help="the Chinese document")
    parser.add_argument("en_file", metavar="EN_FILE", help="the English document")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--format",
        choices=("tmx", "tsv", "jsonl"),
        help="output format (default: from the -o suffix, else jsonl)",
    )
    parser.add_argument(
        "--presplit", action="store_true", help="input is one sentence per line: do not split"
    )
    parser.add_argument(
        "--encoding", metavar="ENC", help="encoding of both files (default: detect each)"
    )
    add_revisions_option(parser)
    parser.add_argument(
        "--glossary",
        metavar="FILE",
        help="term pairs that anchor the alignment: two columns zh, en (tab- or comma-separated)",
    )


def read_pairs(path: str) -> list[tuple[str, str]]:
    """Two-column (zh, en) term pairs from a TSV or CSV file; other columns are ignored."""
    from termkit.text.decode import read_document

    text = read_document(path).text
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    pairs = []
    for row in csv.reader(text.splitlines(), dialect=dialect):
        if len(row) >= 2 and row[0].strip() and row[1].strip():
            pairs.append((row[0].strip(), row[1].strip()))
    if not pairs:
        raise InputError(f"{path}: no (zh, en) term pairs found")
    return pairs


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from termkit.align import align_files
    from termkit.align.output import write
    from termkit.io import output_stream

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower() if args.output else ""
        fmt = _SUFFIX_FORMATS.get(suffix, "jsonl")
    pairs = read_pairs(args.glossary) if args.glossary else ()
    beads = align_files(
        args.zh_file,
        args.en_file,
        args.presplit,
        args.encoding,
        glossary_pairs=pairs,
        revisions=args.docx_revisions,
    )
    with output_stream(args.output) as out:
        write(beads, out, fmt, zh_file=args.zh_file, en_file=args.en_file)
    return 0
