"""Verify the un_pages5 TRAIN annotation gold.json against the document texts in docs/.

Run: python bench/annotated/un_pages5/verify.py
The checks every TRAIN set shares (bench/annotation_checks.py), independent of termkit and of
build_gold.py: every listed document exists and every docs/*.txt is listed; every definition's
full form, short form, bracket, as_printed, left and context are where stated; an independent
rescan of every document finds every bracket span in exactly one of definitions /
english_equivalents / non_definitions; later/earlier use counts, variant counts and lines; the
summary counts.
Exit status 0 = all checks pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared checks

from annotation_checks import verify_set  # noqa: E402

if __name__ == "__main__":
    sys.exit(verify_set(HERE))
