"""`termkit check` speed, end to end, side by side with textlint + textlint-rule-prh.

Run: python bench/check_speed.py [--runs N] [--textlint DIR] [--skip-large]
1. A 30 KB draft (the first 30 KB of seed 000) against the shipped glossary: the pre-commit
   case; target ≤ 150 ms wall, start-up included.
2. A 1 MB document (UNPC devset zh + Bible zh) against a 20,000-term glossary; target ≤ 1 s.
   The glossary is the shipped one plus 20,000 frequent 4-8 character strings of that text
   (every tenth with a deprecated variant), written as termkit CSV, and the same dictionary
   as a prh YAML (expected = preferred term, patterns = the other terms of the concept).
textlint (node) is run when DIR holds `node_modules/.bin/textlint` with textlint-rule-prh
(`npm install textlint textlint-rule-prh` in a scratch folder outside the repository).
Both tools run as a user runs them: one process per check; wall times are min and median.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.check.glossary import preferred, role
from termkit.formats import glossary_csv
from termkit.formats.registry import default_glossary_path, load_glossary
from termkit.termbase.model import Concept, Term, Termbase
from termkit.text.normalize import HAN

_FUNCTION = set("的了和与及或并在对为是将其该此这各等之以所也都而但就")


CPU: dict[int, list[float]] = {}  # id(times) → CPU seconds (user + system) of each run


def _timed(cmd: list[str], runs: int, cwd: Path) -> tuple[list[float], subprocess.CompletedProcess]:
    """Wall time of each run, and (in CPU) its CPU time, which a loaded machine inflates less."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    CPU[id(times)] = cpu
    return times, result


def _fmt(times: list[float]) -> str:
    cpu = CPU.get(id(times), [0.0])
    return (
        f"wall min {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms; "
        f"CPU min {min(cpu) * 1000:.0f} ms"
    )


def prh_yaml(tb: Termbase) -> str:
    """The glossary as prh rules: one per concept and role, the preferred term expected."""
    lines = ["version: 1", "rules:"]
    for concept in tb.concepts:
        for r in ("full", "short"):
            best = preferred(concept, "zh", r)
            if best is None:
                continue
            others = [
                t.text for t in concept.terms if t.lang == "zh" and role(t) == r and t != best
            ]
            lines.append(f"  - expected: {json.dumps(best.text, ensure_ascii=False)}")
            if others:
                lines.append("    patterns:")
                lines += [f"      - {json.dumps(o, ensure_ascii=False)}" for o in others]
    return "\n".join(lines) + "\n"


def large_glossary(text: str, size: int) -> Termbase:
    """The shipped glossary plus `size` frequent strings of `text` as terms."""
    counts: Counter[str] = Counter()
    for run in re.findall(f"[{HAN}]{{4,}}", text):
        for n in range(4, 9):
            counts.update(run[i : i + n] for i in range(len(run) - n + 1))
    picked = [
        s
        for s, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if c >= 2 and s[0] not in _FUNCTION and s[-1] not in _FUNCTION
    ][:size]
    shipped = load_glossary(default_glossary_path())
    concepts = list(shipped.concepts)
    for i in range(0, len(picked) - 1, 10):
        concepts.append(
            Concept(f"s{i:06d}", (Term(picked[i], "zh", "fullForm", "preferred"),
                                  Term(picked[i + 1], "zh", "fullForm", "deprecated")))
        )  # fmt: skip
        for j in range(i + 2, min(i + 10, len(picked))):
            concepts.append(Concept(f"s{j:06d}", (Term(picked[j], "zh", "fullForm", "preferred"),)))
    return Termbase(tuple(concepts))


def textlint_run(textlint: Path, folder: Path, prh: str, doc: Path, runs: int):
    (folder / "prh.yml").write_text(prh, encoding="utf-8")
    (folder / ".textlintrc.json").write_text(
        json.dumps({"rules": {"prh": {"rulePaths": [str(folder / "prh.yml")]}}}), encoding="utf-8"
    )
    cmd = [str(textlint / "node_modules" / ".bin" / "textlint"), "--format", "json",
           "--config", str(folder / ".textlintrc.json"), str(doc)]  # fmt: skip
    times, result = _timed(cmd, runs, folder)
    try:
        messages = [m for f in json.loads(result.stdout) for m in f["messages"]]
    except (json.JSONDecodeError, KeyError, TypeError):
        print("textlint failed:", result.stderr[:500] or result.stdout[:500])
        return times, []
    return times, messages


def termkit_run(doc: Path, glossary: Path | None, runs: int, cwd: Path):
    cmd = [sys.executable, "-m", "termkit", "check", "--isolated", "--format", "json", str(doc)]
    if glossary is not None:
        cmd += ["--no-default-glossary", "--glossary", str(glossary)]
    times, result = _timed(cmd, runs, REPO)
    return times, json.loads(result.stdout)


def report(name: str, tk: tuple, tl: tuple | None) -> None:
    tk_times, findings = tk
    print(f"\n## {name}")
    print(f"termkit check : {_fmt(tk_times)}; {len(findings)} findings "
          f"{dict(sorted(Counter(f['rule'] for f in findings).items()))}")  # fmt: skip
    if tl is None:
        return
    tl_times, messages = tl
    print(f"textlint+prh  : {_fmt(tl_times)}; {len(messages)} messages")
    print(f"time ratio textlint/termkit (median): "
          f"{statistics.median(tl_times) / statistics.median(tk_times):.1f}x")  # fmt: skip
    for m in messages[:8]:
        print(f"  textlint {m['line']}:{m['column']} {m['message']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--textlint", type=Path, default=Path("/tmp/textlint"))
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    has_textlint = (args.textlint / "node_modules" / ".bin" / "textlint").exists()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = (REPO / "seeds" / "000_6fadedb60f1cd4cd.txt").read_bytes()
        cut = seed[:30000].rfind(b"\n") + 1
        draft = folder / "draft.txt"
        draft.write_bytes(seed[:cut])
        shipped = load_glossary(default_glossary_path())
        print(f"30 KB draft: {len(seed[:cut])} bytes; shipped glossary: "
              f"{sum(len(c.terms) for c in shipped.concepts)} terms")  # fmt: skip
        base, _ = _timed([sys.executable, "-c", "pass"], args.runs, folder)
        print(f"python start-up alone: {_fmt(base)}")
        tk = termkit_run(draft, None, args.runs, folder)
        tl = (
            textlint_run(args.textlint, folder, prh_yaml(shipped), draft, args.runs)
            if has_textlint
            else None
        )
        report("30 KB draft, shipped glossary", tk, tl)
        if args.skip_large:
            return
        big = folder / "big.txt"
        data = [(SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh").read_text("utf-8"),
                (SHARED / "data" / "bertalign-bible-zh-en" / "001.zh").read_text("utf-8")]  # fmt: skip
        big.write_text("".join(data), encoding="utf-8")
        tb = large_glossary(data[0], 20000)
        csv_path = folder / "large.csv"
        glossary_csv.write(tb, csv_path)
        terms = sum(len(c.terms) for c in tb.concepts)
        print(f"\n1 MB document: {big.stat().st_size} bytes; large glossary: {terms} terms")
        tk = termkit_run(big, csv_path, max(2, args.runs // 3), folder)
        tl = textlint_run(args.textlint, folder, prh_yaml(tb), big, 1) if has_textlint else None
        report("1 MB document, 20,000-term glossary", tk, tl)


if __name__ == "__main__":
    main()
