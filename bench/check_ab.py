"""`termkit check` CPU time, this checkout against another, interleaved, with bench/check_ratio.py's
two cases and its two bare commands.

Run: python bench/check_ab.py OTHER_CHECKOUT [--runs 15]
OTHER_CHECKOUT is a folder holding another version's `termkit/` (e.g. `git worktree add
--detach /tmp/base main`). Run by run, in turn: the bare interpreter, each checkout's import of
the check path (what every check pays first), the bare interpreter again and each checkout's
check of the 30 KB draft, the bare ahocorasick-rs scan and each checkout's check of the 1 MB
document against 20,000 concepts; each a fresh process (bytecode kept, a folder per checkout).
On a machine shared with other work a few milliseconds drown in the noise of five runs; the
minimum CPU time (user + system) of many still shows them. Prints each command's CPU min and
median, each checkout's ratio to its bare command run by run (min and median, as
check_ratio.py gives it), and this checkout's time over the other's, run by run. The first
run (filling the glossary cache and the bytecode) is left out.
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
from check_ratio import commands, load_average


def cpu(command: list[str], tree: Path) -> float:
    """CPU seconds (user + system) of one process run with `tree`'s termkit."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPATH=str(tree),
        PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), f"termkit-ab-{tree.name}-pycache"),
    )
    child = subprocess.Popen(command, env=env, cwd=tree, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} in {tree} failed")
    return usage.ru_utime + usage.ru_stime


def summary(values: list[float], unit: str = " ms", scale: float = 1000) -> str:
    return (
        f"min {min(values) * scale:7.2f}{unit}, median {statistics.median(values) * scale:7.2f}"
        f"{unit}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout (a folder with termkit/)")
    parser.add_argument("--runs", type=int, default=15)
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
