"""Assemble gold.json and sources.tsv from the hand-written decisions in ann/NNN.ann (the ann
format and what is computed: bench/annotation_build.py).

Run: python bench/annotated/un_pages5/build_gold.py          (writes gold.json, sources.tsv)
     python bench/annotated/un_pages5/build_gold.py --spans NNN   (lists a doc's bracket spans)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared builder

from annotation_build import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(HERE, "fifth simplified-script annotator (branch tann5), by hand, no termkit"))
