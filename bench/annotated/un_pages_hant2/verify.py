"""Verify the traditional-script TRAIN annotation (second set) gold.json against the document texts in docs/.

Run: python bench/annotated/un_pages_hant2/verify.py
The checks every TRAIN set shares (bench/annotation_checks.py: offsets, an independent bracket
rescan covered exactly once, full and short forms where stated, use and variant counts, the
summary counts), plus the traditional-script sets' own (`script_checks`): every document states
its script, and the characters that OpenCC maps only from simplified to traditional are, in a
document declared traditional, exactly the ones its `script_exceptions` lists.
Exit status 0 = all checks pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared checks

from annotation_checks import script_checks, verify_set  # noqa: E402

if __name__ == "__main__":
    sys.exit(verify_set(HERE, script_checks(HERE)))
