"""CPU time of `termkit extract`, this checkout against another, interleaved: the same text as
one file and as many small files.

Run: python bench/extract_ab.py OTHER_CHECKOUT [--mb 5] [--repeat 3] [--callgrind]
OTHER_CHECKOUT is a folder holding another version's `termkit/` (e.g. `git archive <commit>
termkit | tar -x -C /tmp/base`). The same text (bench/extract_speed.py's mix of seeds and UNPC
devset, one file and one document per ~70 KB) is extracted by a fresh process of each version,
run by run in turn, so that both meet the same load; prints min and median CPU (user + system)
and the ratio run by run, for the one file and for the folder. With `--callgrind` each
process runs once under valgrind's callgrind instead, all four at once, and the instructions
they execute are counted: a count that other users' load does not move, where on a shared
machine CPU seconds vary by a fifth from run to run (each version's bytecode is compiled by
a run before, into a folder of its own, so that neither count holds a compilation).
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
from extract_speed import compose


def cpu(tree: Path, source: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "termkit", "extract", "-o", str(out), str(source)]
    child = subprocess.Popen(command, env=env, cwd=tree, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"termkit extract of {tree} failed")
    return usage.ru_utime + usage.ru_stime


def _env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    prefix = Path(tempfile.gettempdir()) / f"termkit-ab-{tree.name}-pycache"
    return {**env, "PYTHONPATH": str(tree), "PYTHONPYCACHEPREFIX": str(prefix)}


def instructions(trees: dict[str, Path], sources: dict[str, Path], tmp: Path) -> dict:
    """(version, source) -> G instructions of one `termkit extract` under callgrind."""
    commands = {}
    for name, tree in trees.items():
        for label, source in sources.items():
            out = tmp / f"{name}-{len(commands)}.txt"
            extract = [sys.executable, "-m", "termkit", "extract", "-o", str(out), str(source)]
            subprocess.run(extract, env=_env(tree), cwd=tree, check=True)  # bytecode first
            commands[name, label] = (extract, _env(tree), tree)
    return callgrind(commands, tmp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout (a folder with termkit/)")
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead")
    args = parser.parse_args()
    if not (args.other / "termkit").is_dir():
        parser.error(f"{args.other} holds no termkit/")
    trees = {"other": args.other.resolve(), "this": REPO}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        paths = compose(folder, args.mb)
        source = Path(tmp) / "all.txt"
        source.write_text("".join(Path(p).read_text(encoding="utf-8") for p in paths), "utf-8")
        size = source.stat().st_size / 1e6
        sources = {"one file": source, f"{len(paths)} files": folder}
        if args.callgrind:
            counts = instructions(trees, sources, Path(tmp))
            for label in sources:
                this, other = counts["this", label], counts["other", label]
                print(
                    f"{label:<10} other {other:.3f} G instructions, this {this:.3f} G: "
                    f"{this / other:.3f}, {size / this:.2f} MB per G ({size:.1f} MB)"
                )
            return
        runs: dict[tuple[str, str], list[float]] = {(k, s): [] for s in sources for k in trees}
        for _ in range(args.repeat):
            for label, path in sources.items():
                for name, tree in trees.items():
                    runs[name, label].append(cpu(tree, path, Path(tmp) / f"{name}.txt"))
    for label in sources:
        for name in trees:
            times = runs[name, label]
            print(
                f"{label:<10} {name:<6} CPU min {min(times):.2f} s, median "
                f"{statistics.median(times):.2f} s, {size / min(times):.2f} MB/s ({size:.1f} MB)"
            )
        pairs = zip(runs["this", label], runs["other", label], strict=True)
        print(
            f"{label:<10} this / other, run by run: " + " ".join(f"{a / b:.3f}" for a, b in pairs)
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
