"""The long run of the fuzz harness (tests/fuzzing.py): every reader and `check --fix`, random
mutations for a time budget per target; counts inputs and outcomes, saves every crash.

    python bench/fuzz_readers.py [--seconds 20] [--seed 16] [--out /tmp/termkit-fuzz]

A crash is any exception but InputError from a reader, or a broken byte promise of
`check --fix`; each is saved as OUT/<target>-<n>.<ext> with its traceback beside it, so it can
become a regression test. Exit code 1 when a crash was found.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzzing import (
    DRAFT,
    FIX_CODECS,
    FIX_PIECES,
    OPS,
    Op,
    fix_one,
    mutated,
    read_one,
    seeds,
)


def random_ops(rng: random.Random) -> list[Op]:
    return [
        Op(rng.choice(OPS), rng.random(), rng.randint(1, 64), rng.randint(0, 255))
        for _ in range(rng.randint(1, 6))
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="budget per target")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "termkit-fuzz"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    crashes = 0
    print(f"{'target':<14} {'inputs':>7} {'ok':>6} {'error':>6} {'crashes':>7}  per s")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for fmt, (name, seed) in sorted(seeds().items()):
            counts: Counter = Counter()
            end = time.monotonic() + args.seconds
            while time.monotonic() < end:
                data = mutated(fmt, seed, random_ops(rng), rng.randint(0, 8))
                try:
                    counts[read_one(fmt, data, folder)] += 1
                except Exception:
                    counts["crash"] += 1
                    crashes += 1
                    stem = _save_crash(out / f"{fmt}-{counts['crash']}", "")
                    stem.with_suffix(Path(name).suffix).write_bytes(data)
            _row(fmt, counts, args.seconds)
        counts = Counter()
        end = time.monotonic() + args.seconds * 3
        while time.monotonic() < end:
            text = DRAFT
            for _ in range(rng.randint(0, 5)):
                i = rng.randint(0, len(text))
                text = text[:i] + rng.choice(FIX_PIECES) + text[i:]
            codec = rng.choice(FIX_CODECS)
            try:
                counts[fix_one(text, codec, folder)] += 1
            except Exception:
                counts["crash"] += 1
                crashes += 1
                _save_crash(out / f"fix-{counts['crash']}", f"{codec}\n{text!r}\n")
        _row("check --fix", counts, args.seconds * 3)
        print(f"--fix outcomes: {dict(counts)}")
    print(f"{crashes} crashes; samples in {out}" if crashes else "no crash")
    return int(crashes > 0)


def _save_crash(stem: Path, what: str) -> Path:
    """Write what was fed (if it is text) and the traceback of the exception being handled
    beside `stem`, so the case can become a regression test. Its own name, so that a crashing
    `.txt` input saved at `stem` does not overwrite it."""
    trace = stem.with_name(stem.name + ".traceback.txt")
    trace.write_text(what + traceback.format_exc(), encoding="utf-8")
    return stem


def _row(target: str, counts: Counter, seconds: float) -> None:
    total = sum(counts.values())
    ok = counts["ok"] + counts["fixed"] + counts["unchanged"]
    error = counts["error"] + counts["unencodable"]
    print(f"{target:<14} {total:>7} {ok:>6} {error:>6} {counts['crash']:>7}  {total / seconds:.0f}")


if __name__ == "__main__":
    sys.exit(main())
