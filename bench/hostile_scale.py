"""Time and peak memory of each former hang or bomb of issue 16, at 1x and 10x the input.

    python bench/hostile_scale.py [--runs 3] [--cases long-whitespace,long-token,...]

Each case runs the CLI command of ../shared/repro/cases.json in a child process under
/usr/bin/time; a linear cost shows as a time and memory ratio near 10 (start-up, ~1 s, is
included and flattens it), a refused bomb as a ratio near 1. The workbook bomb is measured at
0.1x and 1x (18 million shared strings is already 300 MB of XML). CPU is shared: min and
median of --runs runs, and the load average, are printed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXT = "联合国环境规划署（环境署）开展了工作。环境署发布了报告。\n"


def long_whitespace(folder: Path, k: float) -> list[str]:
    spaces = " " * int(100_000 * k)
    (folder / "spaces.txt").write_text(f"{TEXT[:13]}a{spaces}b\n环境署发布了报告。\n", "utf-8")
    return ["check", "spaces.txt", "-o", "out.txt", "--isolated"]


def long_token(folder: Path, k: float) -> list[str]:
    (folder / "zh.txt").write_text("会议开幕。会议闭幕。\n", encoding="utf-8")
    token = "x" * int(80_000 * k)
    (folder / "en.txt").write_text(f"{token} The meeting opened. It closed.\n", encoding="utf-8")
    return ["align", "zh.txt", "en.txt", "-o", "out.jsonl"]


def long_term(folder: Path, k: float) -> list[str]:
    (folder / "t.txt").write_text(TEXT, encoding="utf-8")
    (folder / "long-term.csv").write_text("zh,en\n" + "联" * int(60_000 * k) + ",UNEP\n", "utf-8")
    return ["check", "t.txt", "--glossary", "long-term.csv", "-o", "out.txt", "--isolated"]


def gz_bomb(folder: Path, k: float) -> list[str]:
    member = gzip.compress(
        ("联合国环境规划署（环境署）开展了工作。" * 200_000).encode(), 9, mtime=0
    )
    with open(folder / "bomb.txt.gz", "wb") as f:
        for _ in range(int(250 * k)):
            f.write(member)
    return ["extract", "bomb.txt.gz", "-o", "out.jsonl"]


def xlsx_bomb(folder: Path, k: float) -> list[str]:
    sys.path.insert(0, str(REPO.parent / "shared" / "repro"))
    import gen

    with zipfile.ZipFile(folder / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in gen.XLSX_PARTS.items():
            if name != "xl/sharedStrings.xml":
                z.writestr(name, data)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(gen.XLSX_PARTS["xl/sharedStrings.xml"][: -len("</sst>")].encode())
            block = b"<si><t>x</t></si>" * 100_000
            for _ in range(int(180 * k)):
                member.write(block)
            member.write(b"</sst>")
    return ["import", "bomb.xlsx", "-o", "out.csv"]


CASES = {
    "long-whitespace": (long_whitespace, (1, 10)),
    "long-token": (long_token, (1, 10)),
    "long-term": (long_term, (0.2, 2)),  # past 131,072 characters CSV refuses the field
    "gz-bomb": (gz_bomb, (1, 10)),
    "xlsx-bomb": (xlsx_bomb, (0.1, 1)),
}


def measure(argv: list[str], folder: Path) -> tuple[float, int, int]:
    """(seconds, peak resident KB, exit code) of one run."""
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "termkit", *argv],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds, kb = proc.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb), proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"{'case':<16} {'scale':>5} {'exit':>4} {'min s':>7} {'median s':>8} {'peak MB':>8}")
    for name in args.cases.split(","):
        make, scales = CASES[name]
        rows = []
        for k in scales:
            with tempfile.TemporaryDirectory() as scratch:
                folder = Path(scratch)
                argv = make(folder, k)
                runs = [measure(argv, folder) for _ in range(args.runs)]
            times = [r[0] for r in runs]
            peak = max(r[1] for r in runs) / 1024
            rows.append((min(times), peak))
            print(
                f"{name:<16} {k:>4g}x {runs[0][2]:>4} {min(times):>7.2f} "
                f"{statistics.median(times):>8.2f} {peak:>8.0f}"
            )
        (t1, m1), (t2, m2) = rows
        print(f"{'':<16} growth: time x{t2 / t1:.1f}, memory x{m2 / m1:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
