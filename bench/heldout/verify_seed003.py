"""Verify the held-out gold annotation seed003.json against its source text.

Run: python bench/heldout/verify_seed003.py
Checks, independently of termkit: every offset (definitions, English equivalents, non-definitions);
that an independent bracket rescan is covered exactly once by definitions / english_equivalents /
non_definitions; that every definition's full form, short form and bracket are where stated; that
later/earlier use counts are right; that every variant form occurs exactly on the stated lines;
and that the summary counts agree. Exit status 0 = all checks pass.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0]))  # bench/: the shared checks

from annotation_checks import Checker, occurrences  # noqa: E402

REPO = HERE.parents[1]
GOLD = HERE / "seed003.json"
OPEN, CLOSE = "(（", ")）"


def bracket_spans(lines: list[str]) -> dict[tuple[int, int], str]:
    """Balanced ( ) / （ ） spans, any opener closing with any closer: {(line, offset): text}."""
    spans: dict[tuple[int, int], str] = {}
    for number, line in enumerate(lines, 1):
        stack: list[int] = []
        for index, char in enumerate(line):
            if char in OPEN:
                stack.append(index)
            elif char in CLOSE:
                if not stack:
                    raise SystemExit(f"unmatched closing bracket at L{number}:{index}")
                start = stack.pop()
                spans[(number, start)] = line[start : index + 1]
        if stack:
            raise SystemExit(f"unclosed bracket at L{number}:{stack}")
    return spans


def close_index(line: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(line)):
        if line[index] in OPEN:
            depth += 1
        elif line[index] in CLOSE:
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unclosed")


def check_definitions(gold: dict, lines: list[str], c: Checker, owner: dict) -> None:
    brackets_by_abbr: dict[str, set[tuple[int, int]]] = collections.defaultdict(set)
    for e in gold["definitions"]:
        brackets_by_abbr[e["abbr"]].add((e["line"], e["bracket_offset"]))
    for e in gold["definitions"]:
        n, line = e["line"], lines[e["line"] - 1]
        tag = f"definition L{n} {e['full']}/{e['abbr']}"
        a0, off, b0 = e["as_printed_offset"], e["offset"], e["bracket_offset"]
        ap = e["as_printed"]
        c.ok(line[a0 : a0 + len(ap)] == ap, f"{tag}: as_printed not at as_printed_offset")
        c.ok(line[off : off + len(e["full"])] == e["full"], f"{tag}: full not at offset")
        c.ok(line[b0] in OPEN, f"{tag}: no opening bracket at bracket_offset")
        end = close_index(line, b0)
        inner = line[b0 + 1 : end]
        c.ok(a0 <= b0 and end == a0 + len(ap) - 1, f"{tag}: bracket does not end as_printed")
        if e.get("reverse"):
            c.ok(inner == e["full"], f"{tag}: reverse entry, bracket is not the full form")
            c.ok(
                ap.startswith(e["abbr"]),
                f"{tag}: reverse entry, as_printed does not start with abbr",
            )
        else:
            printed_abbr = e.get("abbr_as_printed", e["abbr"])
            c.ok(printed_abbr in inner, f"{tag}: abbr not in bracket {inner!r}")
            c.ok(e["abbr"] in inner, f"{tag}: bare abbr not in bracket")
            printed_full = e.get("full_as_printed", e["full"])
            c.ok(ap.startswith(printed_full), f"{tag}: as_printed does not start with full")
            if not e.get("displaced"):
                pattern = re.escape(printed_full) + r"\s*[（(]" + re.escape(inner) + r"[）)]"
                c.ok(re.fullmatch(pattern, ap) is not None, f"{tag}: full+bracket not contiguous")
            else:
                c.ok(e.get("uncertain") is True, f"{tag}: displaced entry must be uncertain")
        if "full_as_printed" in e:
            c.ok(
                e["full_as_printed"].strip("《》") == e["full"],
                f"{tag}: full_as_printed != 《full》",
            )
        c.ok(e["left"] == line[max(0, a0 - 12) : a0], f"{tag}: left context wrong")
        c.ok(ap in e["context"], f"{tag}: context does not contain as_printed")
        c.ok(e["context"] in line, f"{tag}: context not in line")
        if e.get("uncertain"):
            c.ok(bool(e.get("why_uncertain")), f"{tag}: uncertain without why_uncertain")
        for alt in e.get("acceptable_full", []):
            c.ok(alt in line, f"{tag}: acceptable_full {alt!r} not on the line")
        same = sum(
            1 for x in gold["definitions"] if (x["full"], x["abbr"]) == (e["full"], e["abbr"])
        )
        c.ok(e["count"] == same, f"{tag}: count {e['count']} != {same}")
        # later / earlier uses of the short form
        hits = occurrences(lines, e["abbr"], e.get("uses_exclude", []))
        inside = set()
        for ln, bo in brackets_by_abbr[e["abbr"]]:
            bl = lines[ln - 1]
            be = close_index(bl, bo)
            inside |= {(h_ln, h_s) for h_ln, h_s in hits if h_ln == ln and bo < h_s < be}
        if e.get("reverse"):
            inside.add((n, a0))
        later = [h for h in hits if h not in inside and h > (n, b0)]
        earlier = [h for h in hits if h not in inside and h < (n, a0)]
        c.ok(e["later_uses"] == len(later), f"{tag}: later_uses {e['later_uses']} != {len(later)}")
        c.ok(e["later_use_lines"] == [h[0] for h in later], f"{tag}: later_use_lines wrong")
        c.ok(
            e.get("earlier_uses", 0) == len(earlier)
            and e.get("earlier_use_lines", []) == [h[0] for h in earlier],
            f"{tag}: earlier uses wrong ({len(earlier)})",
        )
        key = (n, b0)
        if key in owner and not (
            owner[key] == "definition" and e.get("subtype") == "double-short-form"
        ):
            c.ok(False, f"{tag}: span {key} already covered by {owner[key]}")
        owner[key] = "definition"


def check_english(gold: dict, lines: list[str], c: Checker, owner: dict) -> None:
    for e in gold["english_equivalents"]:
        n, line = e["line"], lines[e["line"] - 1]
        tag = f"english L{n} {e['zh']}/{e['en']}"
        ap, a0, b0 = e["as_printed"], e["as_printed_offset"], e["bracket_offset"]
        c.ok(line[a0 : a0 + len(ap)] == ap, f"{tag}: as_printed not at as_printed_offset")
        c.ok(line[e["offset"] : e["offset"] + len(e["zh"])] == e["zh"], f"{tag}: zh not at offset")
        end = close_index(line, b0)
        c.ok(line[b0 + 1 : end] == e["en"], f"{tag}: bracket is not the English form")
        c.ok(e["left"] == line[max(0, a0 - 12) : a0], f"{tag}: left context wrong")
        later = [h for h in occurrences(lines, e["en"], []) if h > (n, b0 + 1)]
        c.ok(e["later_uses"] == len(later), f"{tag}: later_uses {e['later_uses']} != {len(later)}")
        key = (n, b0)
        c.ok(key not in owner, f"{tag}: span {key} already covered by {owner.get(key)}")
        owner[key] = "english_equivalent"


def check_non_definitions(gold: dict, lines: list[str], c: Checker, owner: dict) -> None:
    for e in gold["non_definitions"]:
        n, off, text = e["line"], e["offset"], e["text"]
        tag = f"non-definition L{n}:{off} {text[:20]}"
        line = lines[n - 1]
        c.ok(line[off : off + len(text)] == text, f"{tag}: text not at offset")
        c.ok(e["left"] == line[max(0, off - 12) : off], f"{tag}: left context wrong")
        c.ok(bool(e.get("why")) and bool(e.get("label")), f"{tag}: reason or label missing")
        key = (n, off)
        c.ok(key not in owner, f"{tag}: span {key} already covered by {owner.get(key)}")
        owner[key] = "non_definition"


def check_variants(gold: dict, lines: list[str], c: Checker) -> None:
    for v in gold["variants"]:
        tag = f"variant {v['preferred']}"
        c.ok(len(v["occurrences"]) >= 2, f"{tag}: fewer than two forms")
        for label, o in v["occurrences"].items():
            hits = occurrences(lines, o["form"], o.get("exclude", []))
            c.ok(o["count"] == len(hits), f"{tag} / {label}: count {o['count']} != {len(hits)}")
            c.ok(o["lines"] == [h[0] for h in hits], f"{tag} / {label}: lines differ")
            c.ok(o["count"] > 0, f"{tag} / {label}: form never occurs")
        for label in v["variants"]:
            c.ok(label in v["occurrences"], f"{tag}: variant {label!r} has no occurrences entry")


def check_counts(gold: dict, spans: dict, c: Checker) -> None:
    counts = gold["counts"]
    defs = gold["definitions"]
    expected = {
        "definitions": len(defs),
        "definitions_certain": sum(1 for e in defs if not e.get("uncertain")),
        "definitions_uncertain": sum(1 for e in defs if e.get("uncertain")),
        "definition_spans": len({(e["line"], e["bracket_offset"]) for e in defs}),
        "english_equivalents": len(gold["english_equivalents"]),
        "variants": len(gold["variants"]),
        "non_definitions": len(gold["non_definitions"]),
        "bracket_spans_total": len(spans),
        "lines_with_bracket_span": len({k[0] for k in spans}),
    }
    for key, value in expected.items():
        c.ok(counts.get(key) == value, f"counts.{key} = {counts.get(key)} != {value}")


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    source = REPO / gold["source"]
    lines = source.read_text(encoding="utf-8").split("\n")
    spans = bracket_spans(lines)
    c = Checker()
    owner: dict[tuple[int, int], str] = {}
    check_definitions(gold, lines, c, owner)
    check_english(gold, lines, c, owner)
    check_non_definitions(gold, lines, c, owner)
    for key, text in spans.items():
        c.ok(key in owner, f"bracket span L{key[0]}:{key[1]} {text[:30]!r} not annotated")
    for key in owner:
        c.ok(key in spans, f"annotated span L{key[0]}:{key[1]} is not a bracket span")
    for e in gold["non_definitions"]:
        key = (e["line"], e["offset"])
        c.ok(spans.get(key) == e["text"], f"non-definition L{key[0]}:{key[1]} text != scanned span")
    check_variants(gold, lines, c)
    check_counts(gold, spans, c)
    for failure in c.failures:
        print("FAIL", failure)
    print(
        f"{c.checks} checks, {len(c.failures)} failures; {len(spans)} bracket spans, "
        f"{len(gold['definitions'])} definitions, {len(gold['english_equivalents'])} english "
        f"equivalents, {len(gold['non_definitions'])} non-definitions, {len(gold['variants'])} variants"
    )
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
