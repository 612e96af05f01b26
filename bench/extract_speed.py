"""Throughput of `termkit extract` on one core: MB/s over at least 10 MB of UN Chinese.

Run: python bench/extract_speed.py [--mb 10]
The corpus is the seeds and the UNPC devset Chinese side, repeated to the size asked, written
to a temporary folder as one document per ~70 KB (like real UN documents), extracted in one
process through the same code path as the CLI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.build import extract_paths


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = compose(Path(tmp), args.mb)
        size = sum(Path(p).stat().st_size for p in paths)
        list(extract_paths(paths[:1]))  # load jieba once, as a long build would
        start = time.perf_counter()
        found = sum(len(r.definitions) for r in extract_paths(paths))
        elapsed = time.perf_counter() - start
    print(
        f"{len(paths)} documents, {size / 1e6:.1f} MB, {found} definitions, "
        f"{elapsed:.2f} s: {size / 1e6 / elapsed:.2f} MB/s on one core"
    )


if __name__ == "__main__":
    main()
