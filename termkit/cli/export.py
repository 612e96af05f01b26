"""`termkit export [GLOSSARY] --to FORMAT -o FILE`: a glossary in another exchange format."""

from __future__ import annotations

import argparse
import sys

from termkit.formats.registry import FORMATS, default_glossary_path, load_glossary, save_glossary
from termkit.formats.tabular import LAYOUTS
from termkit.termbase.model import Termbase


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """The options of writing a glossary, shared by export and import."""
    parser.add_argument("-o", "--output", required=True, help="file to write")
    parser.add_argument(
        "--to",
        choices=tuple(FORMATS),
        help="output format, by default from the extension of -o: "
        + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        help="csv/xlsx: one row per term, lossless (full, the default) or one row per concept",
    )
    parser.add_argument(
        "--bom",
        action=argparse.BooleanOptionalAction,
        help="csv: UTF-8 with a BOM, so that Excel reads it as UTF-8 (the default); "
        "--no-bom for tools that take the BOM for text",
    )
    parser.add_argument(
        "--numeric-ids",
        action="store_true",
        default=None,
        help="tbx/tbx2008: number the entries 1, 2, … (MultiTerm)",
    )
    parser.add_argument(
        "--sheet-per-pair",
        dest="pairs",
        action="store_true",
        default=None,
        help="xlsx: one sheet per language pair (the first language with each other one)",
    )
    parser.add_argument(
        "--lang-tags",
        metavar="SPEC",
        default="",
        help="language tags to write: FROM=TO pairs and presets, comma-separated "
        "(as-read, the default; locale: zh-CN, en-US, fr-FR …; script: zh-Hans, zh-Hant), "
        "e.g. locale or zh=zh-CN,en=en-GB",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def save(tb: Termbase, args: argparse.Namespace) -> str:
    """Write per the output options; the format written."""
    return save_glossary(
        tb,
        args.output,
        args.to,
        lang_tags=args.lang_tags,
        layout=args.layout,
        bom=args.bom,
        numeric_ids=args.numeric_ids,
        pairs=args.pairs,
    )


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "glossary",
        nargs="?",
        metavar="GLOSSARY",
        help="glossary in any format import reads (default: the shipped glossary)",
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    source = args.glossary or str(default_glossary_path())
    tb = load_glossary(source)
    fmt = save(tb, args)
    if not args.quiet:
        terms = sum(len(c.terms) for c in tb.concepts)
        print(f"{len(tb)} concepts, {terms} terms → {args.output} ({fmt})", file=sys.stderr)
    return 0
