"""The options every command that reads documents takes, defined once: how to decode text, how
to read Word's tracked changes, and whether files of a folder it cannot read fail the run."""

from __future__ import annotations

import argparse


def add_input_options(parser: argparse.ArgumentParser, outcome: str) -> None:
    """`--encoding`, `--docx-revisions` and `--skip-unknown`; `outcome` names what a skipped
    file would otherwise fail ("the build", "the check")."""
    parser.add_argument("--encoding", help="force the input encoding (default: detect)")
    add_revisions_option(parser)
    parser.add_argument(
        "--skip-unknown",
        action="store_true",
        help=f"files of a folder termkit cannot read are listed, but do not fail {outcome}",
    )


def add_revisions_option(parser: argparse.ArgumentParser) -> None:
    """`--docx-revisions`: which text of a Word file with tracked changes is read."""
    parser.add_argument(
        "--docx-revisions",
        choices=("accepted", "original"),
        default="accepted",
        help="read Word tracked changes as accepted (default) or as the original text",
    )
