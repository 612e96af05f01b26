"""`termkit check` on the two seeds checked as a corpus, scored against the gold of seed 000.

Run: python bench/check_gold.py [--all-findings]
Prints every finding (all rules on, TK111 included), then, for each variant the gold annotation
lists (what a consistency checker should flag), whether a finding points at one of the
variant's occurrences: same line (±2 for spans broken across PDF lines) and the finding's text
overlapping the variant's. Uncertain gold entries are listed but not counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.check.run import check_files, glossary_paths
from termkit.check.settings import Settings
from termkit.text.normalize import normalize, strip_title_marks

SEEDS = sorted(str(p.relative_to(REPO)) for p in (REPO / "seeds").glob("*.txt"))


def _written(label: str) -> str:
    """An occurrence key without the annotator's remark, as written: `气候公约 (no 《》)` →
    `气候公约`, `《战略计划》 (CBD plan)` → `《战略计划》`."""
    return re.sub(r"\s+\(.*\)$", "", label).strip()


def _form(label: str) -> str:
    """An occurrence key without the annotator's remark and title marks: `《气候公约》` →
    `气候公约` (a finding's text is compared without them)."""
    return strip_title_marks(_written(label))


def _overlaps(form: str, found: str) -> bool:
    """The finding's text covers the variant, or at least half of it; compared as written
    (width variants differ only so) and on the matching key."""
    for a, b in ((form, found), (normalize(form), normalize(found))):
        if a in b or (b in a and 2 * len(b) >= len(a)):
            return True
    return False


def _caught(entry: dict, findings: list) -> list:
    hits = []
    for label, occ in entry["occurrences"].items():
        # The preferred form as written is no variant; the same title without its marks is
        # one (`气候公约 (no 《》)` of `《气候公约》`), and so is a bare preferred form in marks.
        form = _form(label)
        if _written(label) == _written(entry["preferred"]) or not form:
            continue
        for f in findings:
            near = any(f.line - 2 <= n <= f.end_line + 2 for n in occ["lines"])
            if near and _overlaps(form, strip_title_marks(f.found)):
                hits.append(f)
    return hits


def seed_findings(show: bool = False) -> list:
    """Every finding (all rules on, TK111 included) on the two seeds; not the hints (below
    the confidence threshold, shown to no one by default), which are counted."""
    import os

    settings = Settings().with_options(enable=["ALL"])
    os.chdir(REPO)
    checked = check_files(SEEDS, settings, glossary_paths(settings))
    findings = [f for c in checked for f in c.findings]
    print("hints (not counted):", sum(f.severity == "hint" for f in findings))
    findings = [f for f in findings if f.severity != "hint"]
    by_rule: dict[str, int] = {}
    for f in findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        if show:
            print(
                f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message} ({f.found} → {f.suggestion})"
            )
    print("findings by rule:", json.dumps(dict(sorted(by_rule.items()))))
    return findings


def score(gold: dict, findings: list) -> tuple[int, int]:
    """Print each variant entry of `gold` as CAUGHT or missed; (caught, counted) of the certain
    ones."""
    mine = [f for f in findings if f.path.endswith(gold["document"].split("/")[-1])]
    counted = caught = 0
    for entry in gold["variants"]:
        hits = _caught(entry, mine)
        uncertain = entry.get("uncertain", False)
        if not uncertain:
            counted += 1
            caught += bool(hits)
        mark = "CAUGHT" if hits else "missed"
        rules = ",".join(sorted({h.rule for h in hits}))
        print(
            f"{mark:6} {'(uncertain) ' if uncertain else ''}{entry['preferred']} / "
            f"{' / '.join(entry['variants'])} {rules}"
        )
    return caught, counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-findings", action="store_true", help="print every finding")
    args = parser.parse_args()
    findings = seed_findings(args.all_findings)
    gold = json.loads((SHARED / "gold" / "seed000.json").read_text(encoding="utf-8"))
    caught, counted = score(gold, findings)
    print(f"gold variants caught: {caught} of {counted} certain entries")


if __name__ == "__main__":
    main()
