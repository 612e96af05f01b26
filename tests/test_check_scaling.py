"""The checker's cost grows linearly with the number of definitions (issue 16: 7,000 distinct
definitions in one file took 15 s). Counted in function calls, not in seconds: a shared
machine's timings are noise, a call count is not."""

from __future__ import annotations

import random
import sys

from termkit.check import check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.settings import Settings


def distinct_definitions(n: int) -> str:
    """n distinct organizations, each defined once, as the fuzz reproducer writes them."""
    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]
    lines = []
    for _ in range(n):
        name = "".join(rng.choice(han) for _ in range(6))
        lines.append(f"联合国{name}组织（{name[0]}{name[2]}组织）开展了工作。")
    return "\n".join(lines) + "\n"


def calls_to_check(text: str) -> int:
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    glossary = GlossaryIndex([])
    sys.setprofile(profile)
    try:
        findings = check_text(text, "definitions.txt", glossary, Settings())
    finally:
        sys.setprofile(None)
    assert not [f for f in findings if f.rule in ("TK103", "TK104", "TK105")]
    return count


def test_distinct_definitions_cost_grows_linearly():
    small = calls_to_check(distinct_definitions(250))
    large = calls_to_check(distinct_definitions(1000))
    # Four times the definitions: about four times the calls; quadratic work would be 16.
    assert large < 5 * small, (small, large)
