"""The `termkit` command: parses arguments and calls the library, nothing more.

Each subcommand lives in its own module with `configure(parser)` and `run(args) -> int`; only
the module of the command being run is imported, so `termkit check` in a pre-commit hook never
pays for pandas, nltk or jieba.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

from termkit import __version__
from termkit.errors import InputError

# name → (module, one-line help). Modules are imported only when their command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("termkit.cli.extract", "find abbreviation and English-name definitions"),
    "build": ("termkit.cli.build", "build a glossary from documents"),
    "check": ("termkit.cli.check", "check terminology and short forms in Chinese documents"),
    "align": ("termkit.cli.align", "align Chinese-English parallel documents into sentence pairs"),
    "export": ("termkit.cli.export", "write a glossary as TBX, TBX 2008, TMX, CSV or XLSX"),
    "import": ("termkit.cli.import_", "merge TBX, TMX, CSV and XLSX glossaries into one"),
}


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="termkit",
        description="Terminology mining, checking and zh-en alignment for UN Chinese documents.",
    )
    parser.add_argument("--version", action="version", version=f"termkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv_is_process = argv is None  # the process's own command line: the process is termkit's
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        parser = _top_parser()
        if not argv:
            parser.print_help(sys.stderr)
            return 2
        try:
            parser.parse_args(argv)
        except SystemExit as exc:
            return 0 if exc.code == 0 else 2
        return 2
    name = argv[0]
    module = importlib.import_module(COMMANDS[name][0])
    parser = argparse.ArgumentParser(prog=f"termkit {name}", description=COMMANDS[name][1])
    module.configure(parser)
    try:
        args = parser.parse_args(argv[1:])
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    if argv_is_process:
        _collect_less()
    try:
        return module.run(args)
    except BrokenPipeError:  # `| head` closed the pipe: stop quietly, as other tools do
        _silence_stdout()
        return 0
    except InputError as exc:
        print(f"termkit {name}: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a disk full, a folder not writable: still one line, exit 2
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"termkit {name}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"termkit {name}: interrupted", file=sys.stderr)
        return 130


def _collect_less() -> None:
    """Spare the cyclic garbage collector most of its work in a process that runs one command:
    what the command's imports made lives as long as the process and is never walked again
    (`gc.freeze`, which also keeps a forked worker from copying those pages to mark them),
    and the youngest objects are collected after 20,000 allocations instead of 700, the
    older generations after 20 collections of the one before instead of 10: extraction makes
    millions of short-lived tuples and lists and few cycles, and the walks cost 3 % of
    `termkit extract` of 3 MB. Not done for a caller's own process (`main(argv)`), whose
    objects are not termkit's to freeze."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _silence_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit raises no second
    broken pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
