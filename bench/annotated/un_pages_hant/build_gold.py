"""Assemble gold.json and sources.tsv from the hand-written decisions in ann/NNN.ann (the ann
format and what is computed: bench/annotation_build.py; this set adds `script:` and
`script_note:` to each ann's header, checked by verify.py).

Run: python bench/annotated/un_pages_hant/build_gold.py          (writes gold.json, sources.tsv)
     python bench/annotated/un_pages_hant/build_gold.py --spans NNN   (lists a doc's spans)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared builder

from annotation_build import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(HERE, "traditional-script annotator session (branch tann), by hand, no termkit"))
