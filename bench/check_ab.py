"""`termkit check` CPU time, this checkout against another, interleaved, with bench/check_ratio.py's
two cases and its two bare commands.

Run: python bench/check_ab.py OTHER_CHECKOUT [--runs 15] [--callgrind]
OTHER_CHECKOUT is a folder holding another version's `termkit/` (e.g. `git worktree add
--detach /tmp/base main`). Run by run, in turn: the bare interpreter, each checkout's import of
the check path (what every check pays first), the bare interpreter again and each checkout's
check of the 30 KB draft, the bare ahocorasick-rs scan and each checkout's check of the 1 MB
document against 20,000 concepts; each a fresh process (bytecode kept, a folder per checkout).
On a machine shared with other work a few milliseconds drown in the noise of five runs; the
minimum CPU time (user + system) of many still shows them. Prints each command's CPU min and
median, each checkout's ratio to its bare command run by run (min and median, as
check_ratio.py gives it), and this checkout's time over the other's, run by run. The first
run (filling the glossary cache and the bytecode) is left out. With `--callgrind` each command
runs once under valgrind's callgrind instead, all at once, and the instructions each executes
are counted (bench/_process.py's `callgrind`): a figure the load does not move.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _paths import REPO
from _process import callgrind
from check_ratio import commands, load_average


def _env(tree: Path) -> dict[str, str]:
    """The environment of a process run with `tree`'s termkit, its bytecode kept apart."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPATH=str(tree),
        PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), f"termkit-ab-{tree.name}-pycache"),
    )
    return env


def cpu(command: list[str], tree: Path) -> float:
    """CPU seconds (user + system) of one process run with `tree`'s termkit."""
    child = subprocess.Popen(command, env=_env(tree), cwd=tree, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} in {tree} failed")
    return usage.ru_utime + usage.ru_stime


def summary(values: list[float], unit: str = " ms", scale: float = 1000) -> str:
    return (
        f"min {min(values) * scale:7.2f}{unit}, median {statistics.median(values) * scale:7.2f}"
        f"{unit}"
    )


def instructions(
    cases: dict[str, tuple[list[str], list[str]]], trees: dict[str, Path], folder: Path
) -> None:
    """Print the G instructions of each case's commands, run once under callgrind each (after
    a run that fills the glossary cache and the bytecode)."""
    commands = {}
    for case, (bare, command) in cases.items():
        for who, tree, run in (
            ("bare", REPO, bare),
            *((t, tree, command) for t, tree in trees.items()),
        ):
            cpu(run, tree)
            commands[case, who] = (run, _env(tree), tree)
    counts = callgrind(commands, folder)
    for case in cases:
        this, other, bare = (counts[case, w] for w in ("this", "other", "bare"))
        print(
            f"{case:<7} G instructions: bare {bare:.3f}, other {other:.3f} ({other / bare:.2f}x),"
            f" this {this:.3f} ({this / bare:.2f}x); this / other {this / other:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout (a folder with termkit/)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead")
    args = parser.parse_args()
    trees = {"other": args.other.resolve(), "this": REPO}
    print(f"at start: load average {load_average()}")
    with tempfile.TemporaryDirectory() as tmp:
        compared = commands(Path(tmp))
        bare, draft_check, scan, big_check = compared.values()
        cases = {
            "import": (bare, [sys.executable, "-c", "import termkit.cli.check, termkit.check.run"]),
            "draft": (bare, draft_check),
            "1 MB": (scan, big_check),
        }
        if args.callgrind:
            instructions(cases, trees, Path(tmp))
            return
        times: dict[tuple[str, str], list[float]] = {}
        for run in range(args.runs + 1):
            for case, (bare, command) in cases.items():
                measured = {(case, "bare"): cpu(bare, REPO)}
                measured.update({(case, t): cpu(command, tree) for t, tree in trees.items()})
                if run:
                    for k, v in measured.items():
                        times.setdefault(k, []).append(v)
    for case in cases:
        print(f"{case}:")
        for who in ("bare", *trees):
            print(f"  {who:<6} CPU {summary(times[case, who])}")
        for who in trees:
            each = [a / b for a, b in zip(times[case, who], times[case, "bare"], strict=True)]
            print(f"  {who:<6} / bare: {summary(each, 'x', 1)}")
        each = [a / b for a, b in zip(times[case, "this"], times[case, "other"], strict=True)]
        print(f"  this / other: {summary(each, '', 1)}")
    print(f"at end: load average {load_average()}")


if __name__ == "__main__":
    main()
