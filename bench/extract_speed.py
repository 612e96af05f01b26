"""Throughput of the whole `termkit extract` process: one large file against the same text as
many small files, beside a bare interpreter start, in one run.

Run: python bench/extract_speed.py [--mb 10] [--repeat 5]
The text is the seeds and the UNPC devset Chinese side, repeated to the size asked: written to
a temporary folder once as one document per ~70 KB (like real UN documents) and once as one
file of all of them. Each run is a fresh `python -m termkit extract` process, as a user runs it,
so MB/s counts start-up and jieba's dictionaries too; the three commands are interleaved run by
run so that they meet the same load from other users of the machine. Times are wall-clock and
CPU (user + system, which other users disturb less), min and median; peak memory per command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from _paths import REPO, SHARED
from _process import measure


def compose(folder: Path, megabytes: float) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    devset = SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh"
    if devset.exists():
        lines = devset.read_text(encoding="utf-8").splitlines(keepends=True)
        texts += ["".join(lines[i : i + 400]) for i in range(0, len(lines), 400)]
    paths, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        text = texts[i % len(texts)]
        path = folder / f"doc{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
        size += len(text.encode("utf-8"))
        i += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("at start: load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        paths = compose(small, args.mb)
        big = Path(tmp) / "big.txt"
        big.write_text("".join(Path(p).read_text(encoding="utf-8") for p in paths), "utf-8")
        size = big.stat().st_size
        # -o refuses a device (atomic writes): the output goes to a file in the temporary folder
        extract = [sys.executable, "-m", "termkit", "extract", "-o", str(Path(tmp) / "out.txt")]
        commands = {
            "bare interpreter": [sys.executable, "-c", "pass"],
            f"one file of {size / 1e6:.1f} MB": [*extract, str(big)],
            f"{len(paths)} files": [*extract, str(small)],
        }
        runs: dict[str, list[tuple[float, float, int]]] = {k: [] for k in commands}
        for _ in range(args.repeat):
            for label, command in commands.items():
                runs[label].append(measure(command))
    for label, results in runs.items():
        wall = [w for w, _, _ in results]
        cpu = [c for _, c, _ in results]
        rate = (
            ""
            if label == "bare interpreter"
            else f"  {size / 1e6 / min(wall):5.2f} MB/s wall, {size / 1e6 / min(cpu):5.2f} MB/s CPU"
        )
        print(
            f"{label:<22} wall {min(wall):6.2f} s (median {statistics.median(wall):.2f})"
            f"  CPU {min(cpu):6.2f} s (median {statistics.median(cpu):.2f}){rate}"
            f"  peak {max(kb for _, _, kb in results) / 1024:.0f} MB"
        )
    one, many = list(runs)[1:]
    each = [a[1] / b[1] for a, b in zip(runs[one], runs[many], strict=True)]
    print(
        f"CPU one file / many files, run by run: min {min(each):.2f}, median {statistics.median(each):.2f}"
    )
    print("at end: load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
