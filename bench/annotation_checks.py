"""What the verifiers of the hand-made annotations share (`bench/heldout/verify_seed003.py`,
`bench/heldout/un_pages/verify.py`), and the verifier of the TRAIN sets. Independent of
termkit, so that a gold file is checked against its text, not against the tool it scores.

Run: python bench/annotation_checks.py bench/annotated/SET [SET ...]   (exit 0: all pass)
A set whose gold counts its documents by script (the traditional-script sets) also gets the
script checks (`script_checks`).
"""

from __future__ import annotations

import collections
import csv
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path


class Checker:
    """Counts the checks made and keeps the message of every one that failed."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.checks = 0

    def ok(self, condition: bool, message: str) -> None:
        self.checks += 1
        if not condition:
            self.failures.append(message)


def occurrences(lines: list[str], form: str, exclude: list[str]) -> list[tuple[int, int]]:
    """(line, offset) of every `form` not lying inside one of the longer `exclude` strings."""
    found = []
    for number, line in enumerate(lines, 1):
        for match in re.finditer(re.escape(form), line):
            start = match.start()
            inside = False
            for longer in exclude:
                k = longer.find(form)
                while k >= 0 and not inside:
                    inside = line[start - k : start - k + len(longer)] == longer
                    k = longer.find(form, k + 1)
                if inside:
                    break
            if not inside:
                found.append((number, start))
    return found


# a name printed inside one pair of title marks or quotation marks: 《公約》, 「兩公約」
MARKS = {"《": "》", "〈": "〉", "「": "」", "『": "』", "“": "”", '"': '"'}


def strip_marks(text: str) -> str:
    """`text` without the one pair of marks around it (not 《甲》及《乙》, which holds two)."""
    inner = text[1:-1]
    if len(text) > 1 and MARKS.get(text[0]) == text[-1] and text[0] not in inner:
        return inner
    return text


OPEN, CLOSE = "(（﹙", ")）﹚"  # half-width, full-width, small form (U+FE59, U+FE5A)
# single code points that print a parenthesised number or letter: ㈠-㈩, ⑴-⒇, ⒜-⒵
SINGLE = re.compile("[\u3220-\u3229\u2474-\u2487\u249c-\u24b5]")


def scan(lines: list[str]) -> dict[tuple[int, int], str]:
    """Every bracket span of a document: {(line, offset of the opener): text}."""
    spans: dict[tuple[int, int], str] = {}
    for number, line in enumerate(lines, 1):
        stack: list[int] = []
        for index, char in enumerate(line):
            if char in OPEN:
                stack.append(index)
            elif SINGLE.match(char):
                spans[(number, index)] = char
            elif char in CLOSE:
                if stack:
                    start = stack.pop()
                    spans[(number, start)] = line[start : index + 1]
                else:
                    spans[(number, index)] = char
        for start in stack:
            spans[(number, start)] = line[start:]
    return spans


def closing(line: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(line)):
        if line[index] in OPEN:
            depth += 1
        elif line[index] in CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return len(line) - 1


def uses(lines: list[str], form: str, exclude: list[str]) -> list[tuple[int, int]]:
    """(line, offset) of every `form` that does not lie inside one of the `exclude` strings."""
    found = []
    for number, line in enumerate(lines, 1):
        start = line.find(form)
        while start >= 0:
            covered = any(
                line[start - k : start - k + len(longer)] == longer
                for longer in exclude
                for k in range(len(longer) - len(form) + 1)
                if longer[k : k + len(form)] == form and start - k >= 0
            )
            if not covered:
                found.append((number, start))
            start = line.find(form, start + 1)
    return found


def bracket_line(e: dict) -> int:
    return e.get("bracket_line", e["line"])


def check_cross_line(e: dict, lines: list[str], c: Checker, tag: str) -> None:
    """A full form broken over lines: check it in the text joined with newlines."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    a_abs = starts[e["line"] - 1] + e["as_printed_offset"]
    ap, bl, b0 = e["as_printed"], e["bracket_line"], e["bracket_offset"]
    c.ok(text[a_abs : a_abs + len(ap)] == ap, f"{tag}: as_printed not at its offset")
    c.ok("\n" in e["full_as_printed"], f"{tag}: cross-line full form without a line break")
    c.ok(re.sub(r"\s+", "", e["full_as_printed"]) == e["full"], f"{tag}: full != printed full")
    c.ok(ap.startswith(e["full_as_printed"]), f"{tag}: as_printed does not start with full")
    c.ok(lines[bl - 1][b0] in OPEN, f"{tag}: no opening bracket at bracket_line/offset")
    end = closing(lines[bl - 1], b0)
    c.ok(starts[bl - 1] + end == a_abs + len(ap) - 1, f"{tag}: the bracket does not end as_printed")
    c.ok(e["abbr"] in lines[bl - 1][b0 + 1 : end], f"{tag}: short form not in the bracket")
    c.ok(e["lines_spanned"] == list(range(e["line"], bl + 1)), f"{tag}: lines_spanned wrong")
    line = lines[e["line"] - 1]
    c.ok(e["left"] == line[max(0, e["as_printed_offset"] - 12) : e["as_printed_offset"]], tag)


def check_definition(e: dict, lines: list[str], defs: list[dict], c: Checker) -> None:
    n, line = e["line"], lines[e["line"] - 1]
    tag = f"{e['doc']} definition L{n} {e['full']}/{e['abbr']}"
    if e.get("crosses_line_break"):
        check_cross_line(e, lines, c, tag)
        check_uses(e, lines, defs, c, tag)
        return
    a0, off, b0, ap = e["as_printed_offset"], e["offset"], e["bracket_offset"], e["as_printed"]
    c.ok(line[a0 : a0 + len(ap)] == ap, f"{tag}: as_printed not at as_printed_offset")
    c.ok(line[off : off + len(e["full"])] == e["full"], f"{tag}: full not at offset")
    c.ok(line[b0] in OPEN, f"{tag}: no opening bracket at bracket_offset")
    end = closing(line, b0)
    c.ok(end == a0 + len(ap) - 1, f"{tag}: the bracket does not end as_printed")
    # A bracket the page never closes runs to the end of its line, as in the scan (a lost closer).
    closed = line[end] in CLOSE
    inner = line[b0 + 1 : end] if closed else line[b0 + 1 :]
    printed_full = e.get("full_as_printed", e["full"])
    printed_abbr = e.get("abbr_as_printed", e["abbr"])
    c.ok(strip_marks(printed_full) == e["full"], f"{tag}: full_as_printed is not 《full》")
    c.ok(strip_marks(printed_abbr) == e["abbr"], f"{tag}: abbr_as_printed is not 《abbr》")
    c.ok(printed_abbr in inner, f"{tag}: short form not in the bracket {inner!r}")
    pattern = (
        re.escape(printed_full) + r"\s*[（(﹙]" + re.escape(inner) + (r"[）)﹚]" if closed else "")
    )
    c.ok(re.fullmatch(pattern, ap) is not None, f"{tag}: full + bracket not contiguous")
    c.ok(e["left"] == line[max(0, a0 - 12) : a0], f"{tag}: left wrong")
    c.ok(ap in e["context"] and e["context"] in line, f"{tag}: context wrong")
    c.ok(e["kind"] in ("zh-abbr", "zh-en"), f"{tag}: kind {e['kind']!r}")
    latin = re.search(r"[\u3400-\u9fff]", e["abbr"]) is None
    c.ok(
        (e["kind"] == "zh-en") == latin, f"{tag}: kind does not match the script of the short form"
    )
    if e.get("uncertain"):
        c.ok(bool(e.get("why_uncertain")), f"{tag}: uncertain without why_uncertain")
    for alt in e.get("acceptable_full", []):
        c.ok(alt in line, f"{tag}: acceptable_full {alt!r} not on the line")
    check_uses(e, lines, defs, c, tag)


def check_uses(e: dict, lines: list[str], defs: list[dict], c: Checker, tag: str) -> None:
    n, a0, b0 = e["line"], e["as_printed_offset"], e["bracket_offset"]
    same = [x for x in defs if (x["full"], x["abbr"]) == (e["full"], e["abbr"])]
    c.ok(e["count"] == len(same), f"{tag}: count {e['count']} != {len(same)}")
    hits = uses(lines, e["abbr"], e.get("uses_exclude", []))
    brackets = {(bracket_line(x), x["bracket_offset"]) for x in defs if x["abbr"] == e["abbr"]}
    inside = {
        h
        for (ln, bo) in brackets
        for h in hits
        if h[0] == ln and bo < h[1] < closing(lines[ln - 1], bo)
    }
    later = [h for h in hits if h not in inside and h > (bracket_line(e), b0)]
    earlier = [h for h in hits if h not in inside and h < (n, a0)]
    c.ok(e["later_uses"] == len(later), f"{tag}: later_uses {e['later_uses']} != {len(later)}")
    c.ok(e["later_use_lines"] == [h[0] for h in later], f"{tag}: later_use_lines wrong")
    c.ok(
        e.get("earlier_uses", 0) == len(earlier)
        and e.get("earlier_use_lines", []) == [h[0] for h in earlier],
        f"{tag}: earlier uses wrong ({len(earlier)})",
    )


def check_english(e: dict, lines: list[str], c: Checker) -> None:
    n, line = e["line"], lines[e["line"] - 1]
    tag = f"{e['doc']} english L{n} {e['zh']}/{e['en']}"
    a0, b0, ap = e["as_printed_offset"], e["bracket_offset"], e["as_printed"]
    c.ok(line[a0 : a0 + len(ap)] == ap, f"{tag}: as_printed not at as_printed_offset")
    c.ok(line[e["offset"] : e["offset"] + len(e["zh"])] == e["zh"], f"{tag}: zh not at offset")
    end = closing(line, b0)
    c.ok(line[b0 + 1 : end].strip() == e["en"], f"{tag}: the bracket is not the English form")
    c.ok(e["left"] == line[max(0, a0 - 12) : a0], f"{tag}: left wrong")


def check_variants(doc: str, variants: list[dict], lines: list[str], c: Checker) -> None:
    for v in variants:
        tag = f"{doc} variant {v['preferred']}"
        c.ok(len(v["occurrences"]) >= 2, f"{tag}: fewer than two forms")
        for label, o in v["occurrences"].items():
            hits = uses(lines, o["form"], o.get("exclude", []))
            c.ok(o["count"] == len(hits) > 0, f"{tag}/{label}: count {o['count']} != {len(hits)}")
            c.ok(o["lines"] == [h[0] for h in hits], f"{tag}/{label}: lines differ")


def verify_set(here: Path, extra: Callable[[dict, Checker], None] | None = None) -> int:
    """Check a TRAIN set folder (gold.json, sources.tsv, docs/) against its texts; `extra`
    adds the checks one set alone makes. Prints the failures and a summary; 0 = all pass."""
    gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))
    c = Checker()
    by_doc = collections.defaultdict(lambda: collections.defaultdict(list))
    for part in ("definitions", "english_equivalents", "non_definitions", "variants"):
        for e in gold[part]:
            by_doc[e["doc"]][part].append(e)
    listed = [d["id"] for d in gold["documents"]]
    files = sorted(p.stem for p in (here / "docs").glob("*.txt"))
    c.ok(sorted(listed) == files, f"documents listed {len(listed)} != files {len(files)}")
    with (here / "sources.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    c.ok([r["id"] for r in rows] == listed, "sources.tsv ids differ from gold documents")
    c.ok(set(by_doc) <= set(listed), "an entry names a document that is not listed")
    total_spans = 0
    for meta in gold["documents"]:
        doc = meta["id"]
        lines = (here / meta["file"]).read_text(encoding="utf-8").split("\n")
        spans = scan(lines)
        total_spans += len(spans)
        c.ok(meta["bracket_spans"] == len(spans), f"{doc}: bracket_spans != {len(spans)}")
        owner: dict[tuple[int, int], str] = {}
        shorts: dict[tuple[int, int], set[str]] = {}
        entries = by_doc[doc]
        for e in entries["definitions"]:
            check_definition(e, lines, entries["definitions"], c)
            key = (bracket_line(e), e["bracket_offset"])
            shared = owner.get(key) == "definition" and e["abbr"] not in shorts.get(key, set())
            c.ok(key not in owner or shared, f"{doc} L{key}: span owned twice")
            owner[key] = "definition"
            shorts.setdefault(key, set()).add(e["abbr"])
        for e in entries["english_equivalents"]:
            check_english(e, lines, c)
            key = (e["line"], e["bracket_offset"])
            c.ok(key not in owner, f"{doc} L{key}: span owned twice")
            owner[key] = "english_equivalent"
        for e in entries["non_definitions"]:
            key = (e["line"], e["offset"])
            c.ok(spans.get(key) == e["text"], f"{doc} non-definition L{key}: text != scanned span")
            line = lines[e["line"] - 1]
            c.ok(e["left"] == line[max(0, e["offset"] - 12) : e["offset"]], f"{doc} L{key}: left")
            c.ok(bool(e.get("why")) and bool(e.get("label")), f"{doc} L{key}: why or label missing")
            c.ok(key not in owner, f"{doc} L{key}: span owned twice")
            owner[key] = "non_definition"
        for key, text in spans.items():
            c.ok(key in owner, f"{doc} bracket span L{key[0]}:{key[1]} {text[:30]!r} not annotated")
        for key in owner:
            c.ok(key in spans, f"{doc} annotated span L{key[0]}:{key[1]} is not a bracket span")
        check_variants(doc, entries["variants"], lines, c)
    defs = gold["definitions"]
    expected = {
        "documents": len(listed),
        "definitions": len(defs),
        "definitions_certain": sum(1 for e in defs if not e.get("uncertain")),
        "definitions_uncertain": sum(1 for e in defs if e.get("uncertain")),
        "english_equivalents": len(gold["english_equivalents"]),
        "variants": len(gold["variants"]),
        "non_definitions": len(gold["non_definitions"]),
        "bracket_spans_total": total_spans,
    }
    for key, value in expected.items():
        c.ok(
            gold["counts"].get(key) == value, f"counts.{key} = {gold['counts'].get(key)} != {value}"
        )
    if extra:
        extra(gold, c)
    for failure in c.failures:
        print("FAIL", failure)
    print(
        f"{c.checks} checks, {len(c.failures)} failures; {len(listed)} documents, {total_spans} "
        f"bracket spans, {len(defs)} definitions ({expected['definitions_certain']} certain), "
        f"{expected['english_equivalents']} english equivalents, "
        f"{expected['non_definitions']} non-definitions, {expected['variants']} variants"
    )
    return 1 if c.failures else 0


SCRIPTS = ("traditional", "mixed")


def simplified_only(text: str) -> set[str]:
    """Characters OpenCC converts from simplified to traditional but never the other way."""
    import opencc  # only the traditional-script sets need it

    to_traditional, to_simplified = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    return {
        c for c in set(text) if to_traditional.convert(c) != c and to_simplified.convert(c) == c
    }


def script_checks(here: Path) -> Callable[[dict, Checker], None]:
    """The checks of a traditional-script set in folder `here`: every document states its script,
    and the characters OpenCC maps only from simplified to traditional are, in a document declared
    traditional, exactly its `script_exceptions` (forms also standard in Hong Kong or Taiwan, such
    as 秘 or 涂), so a simplified line cannot hide in it; a `mixed` one has some beyond them."""

    def check(gold: dict, c: Checker) -> None:
        for meta in gold["documents"]:
            doc, script = meta["id"], meta.get("script")
            c.ok(script in SCRIPTS, f"{doc}: script {script!r} not one of {SCRIPTS}")
            c.ok(bool(meta.get("script_note")), f"{doc}: script_note missing")
            found = simplified_only((here / meta["file"]).read_text(encoding="utf-8"))
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

    return check


def main(folders: list[str]) -> int:
    if not folders:
        print("usage: python bench/annotation_checks.py bench/annotated/SET [SET ...]")
        return 2
    status = 0
    for folder in folders:
        here = Path(folder).resolve()
        gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))
        by_script = "documents_by_script" in gold.get("counts", {})
        print(f"{here.name}: ", end="", flush=True)
        status |= verify_set(here, script_checks(here) if by_script else None)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
