"""Verify the un_pages4 TRAIN annotation gold.json against the document texts in docs/.

Run: python bench/annotated/un_pages4/verify.py
Checks, independently of termkit and of build_gold.py (its own bracket scan and searches):
- every document listed exists, and every docs/*.txt is listed, with the same id in sources.tsv;
- every definition's full form, short form, bracket, as_printed, left and context are where
  stated (offsets are 0-based character indexes into the 1-based line);
- every English equivalent's Chinese name and English bracket are where stated;
- every non-definition's text is the bracket span at its offset;
- an independent rescan of every document finds every bracket span (half or full width, any
  opener closing with any closer; an opener never closed runs to the end of its line, a closer
  without opener is a one-character span) in exactly one of definitions / english_equivalents /
  non_definitions (a bracket giving several short forms, X（A或B）, owns its span once per short
  form, all as definitions);
- later/earlier use counts of every short form, and every variant form's count and lines;
- the summary counts.
Exit status 0 = all checks pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared checks

from annotation_checks import OPEN, closing, scan, verify_set  # noqa: E402
from annotation_checks import uses as uses  # noqa: E402  (build_gold.py imports them from here)

__all__ = ["OPEN", "closing", "scan", "uses"]

if __name__ == "__main__":
    sys.exit(verify_set(HERE))
