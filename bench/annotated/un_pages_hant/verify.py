"""Verify the traditional-script TRAIN annotation gold.json against the document texts in docs/.

Run: python bench/annotated/un_pages_hant/verify.py
The checks every TRAIN set shares (bench/annotation_checks.py: offsets, an independent bracket
rescan covered exactly once, full and short forms where stated, use and variant counts, the
summary counts), plus this set's own: every document states its script, and the characters that
OpenCC maps only from simplified to traditional (s2t changes them, t2s keeps them) are, in a
document declared traditional, exactly the ones its `script_exceptions` lists (forms that are
also standard in Hong Kong or Taiwan, such as 秘 or 涂), so a simplified line cannot hide in it.
Exit status 0 = all checks pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared checks

from annotation_checks import Checker, verify_set  # noqa: E402

SCRIPTS = ("traditional", "mixed")


def simplified_only(text: str) -> set[str]:
    """Characters OpenCC converts from simplified to traditional but never the other way."""
    to_traditional, to_simplified = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    return {
        c for c in set(text) if to_traditional.convert(c) != c and to_simplified.convert(c) == c
    }


def check_scripts(gold: dict, c: Checker) -> None:
    for meta in gold["documents"]:
        doc, script = meta["id"], meta.get("script")
        c.ok(script in SCRIPTS, f"{doc}: script {script!r} not one of {SCRIPTS}")
        c.ok(bool(meta.get("script_note")), f"{doc}: script_note missing")
        found = simplified_only((HERE / meta["file"]).read_text(encoding="utf-8"))
        listed = set(meta.get("script_exceptions", ""))
        if script == "traditional":
            c.ok(
                found == listed,
                f"{doc}: simplified-only characters {''.join(sorted(found))!r} != "
                f"script_exceptions {''.join(sorted(listed))!r}",
            )
        else:
            c.ok(bool(found - listed), f"{doc}: declared mixed but no simplified character")
    scripts = [meta.get("script") for meta in gold["documents"]]
    by_script = {k: scripts.count(k) for k in SCRIPTS if k in scripts}
    c.ok(gold["counts"].get("documents_by_script") == by_script, "counts.documents_by_script")


if __name__ == "__main__":
    sys.exit(verify_set(HERE, check_scripts))
