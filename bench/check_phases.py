"""Where one `termkit check` process spends its CPU time: importing the check path, loading the
glossaries, and each pass over the document, min over fresh processes.

Run: python bench/check_phases.py [--runs 5] [--other CHECKOUT] [--case draft|1mb] [ARGS ...]
ARGS are `termkit check` arguments (after --isolated --format json); without them, --case picks
bench/check_ratio.py's 30 KB draft (default) or its 1 MB document against 20,000 concepts.
Each run is a fresh process that times the phases in itself (CPU, user + system); with
--other, that checkout runs too, run by run in turn, so that both meet the same load. The
interpreter's own start (a bare `python -c pass`) is not in these figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _paths import REPO

# The passes timed, as `termkit.check.engine` calls them (module, name).
_ENGINE = (
    "Analysed", "find_definitions", "ShortForms", "find_hits", "into_script", "one_per_span",
    "read_document",
)  # fmt: skip
_RULES = ("abbreviations", "plausible", "terms", "symbols", "widths", "near")


def _child(args: list[str]) -> None:
    """Run one check in this process, timing its phases; print them as JSON."""
    import contextlib
    import io

    start = time.process_time()
    import termkit.cli.check  # noqa: F401
    from termkit.check import engine, run

    spent = {"import": time.process_time() - start}

    def timed(owner: object, name: str, label: str) -> None:
        wrapped = getattr(owner, name)

        def call(*a: object, **k: object) -> object:
            t = time.process_time()
            try:
                return wrapped(*a, **k)
            finally:
                spent[label] = spent.get(label, 0) + time.process_time() - t

        setattr(owner, name, call)

    for name in _RULES:
        timed(getattr(engine, name), "check", f"{name}.check")
    for name in _ENGINE:
        timed(engine, name, name)
    timed(run, "load_index", "load_index")
    from termkit.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", "--isolated", "--format", "json", *args])
    spent["total"] = time.process_time() - start
    print(json.dumps(spent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--other", type=Path, help="another checkout, run in turn")
    parser.add_argument("--case", choices=("draft", "1mb"), default="draft")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.child:
        _child(rest)
        return
    from check_ratio import write_inputs

    trees = {"this": REPO, **({"other": args.other.resolve()} if args.other else {})}
    with tempfile.TemporaryDirectory() as tmp:
        draft, big, large = write_inputs(Path(tmp))
        if not rest:
            rest = [str(draft)] if args.case == "draft" else [
                "--no-default-glossary", "--glossary", str(large), str(big)
            ]  # fmt: skip
        found: dict[str, list[dict[str, float]]] = {t: [] for t in trees}
        for run in range(args.runs + 1):  # the first fills the caches
            for who, tree in trees.items():
                env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
                cache = os.path.join(tempfile.gettempdir(), f"termkit-ab-{tree.name}-pycache")
                env.update(PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=cache)
                command = [sys.executable, __file__, "--child", *rest]
                out = subprocess.run(command, env=env, cwd=tree, capture_output=True, text=True)
                if out.returncode != 0:
                    raise SystemExit(f"{tree}: {out.stderr.strip().splitlines()[-1]}")
                if run:
                    found[who].append(json.loads(out.stdout.strip().splitlines()[-1]))
    phases = sorted({p for runs in found.values() for r in runs for p in r}, key=_order)
    print(f"CPU ms, min of {args.runs} fresh processes: " + "  ".join(f"{w:>8}" for w in trees))
    for phase in phases:
        mins = [min(r.get(phase, 0.0) for r in found[w]) * 1000 for w in trees]
        print(f"  {phase:<18}" + "  ".join(f"{m:8.1f}" for m in mins))


def _order(phase: str) -> tuple[int, str]:
    return {"import": 0, "load_index": 1, "total": 3}.get(phase, 2), phase


if __name__ == "__main__":
    main()
