"""Verify the held-out gold annotation un_pages/gold.json against its source texts docs/NNN.txt.

Run: python bench/heldout/un_pages/verify.py
Checks, independently of termkit, for every document: that the document list agrees with
sources.tsv and the docs/ folder; every offset (definitions, English equivalents, non-definitions);
that an independent bracket rescan is covered exactly once by definitions / english_equivalents /
non_definitions; that every definition's full form, short form and bracket are where stated; the
later/earlier use counts; that every variant form occurs exactly on the stated lines; and that the
summary counts agree. Exit status 0 = all checks pass.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # bench/: the shared checks

from annotation_checks import Checker, occurrences  # noqa: E402

GOLD = HERE / "gold.json"
OPEN, CLOSE = "(（﹙", ")）﹚"


def bracket_spans(lines: list[str]) -> dict[tuple[int, int], str]:
    """Balanced spans over ( （ ﹙ / ) ） ﹚, any opener closing with any closer: {(line, offset): text}.

    An opener never closed on its line makes a span running to the end of the line; a closer
    without an opener is a span of the closer alone.
    """
    spans: dict[tuple[int, int], str] = {}
    for number, line in enumerate(lines, 1):
        stack: list[int] = []
        for index, char in enumerate(line):
            if char in OPEN:
                stack.append(index)
            elif char in CLOSE:
                if not stack:
                    spans[(number, index)] = char
                    continue
                start = stack.pop()
                spans[(number, start)] = line[start : index + 1]
        for start in stack:
            spans[(number, start)] = line[start:]
    return spans


def bracket_of(label: str) -> str:
    """Width label of a bracket character (an opener, or a lone closer)."""
    if label in "（）":
        return "full-width （）"
    if label in "﹙﹚":
        return "small-form ﹙﹚"
    return "half-width ()"


def check_documents(gold: dict, c: Checker) -> dict[str, list[str]]:
    rows = (HERE / "sources.tsv").read_text(encoding="utf-8").splitlines()
    c.ok(rows[0].split("\t") == ["id", "url", "symbol", "body", "year"], "sources.tsv header")
    table = {r.split("\t")[0]: r.split("\t") for r in rows[1:]}
    texts: dict[str, list[str]] = {}
    ids = [d["id"] for d in gold["documents"]]
    c.ok(len(ids) == len(set(ids)), "duplicate document ids")
    c.ok(set(ids) == set(table), f"documents != sources.tsv rows: {set(ids) ^ set(table)}")
    files = {p.stem for p in (HERE / "docs").glob("*.txt")}
    c.ok(files == set(ids), f"docs/ files != documents: {files ^ set(ids)}")
    urls = collections.Counter(d["url"] for d in gold["documents"])
    c.ok(all(n == 1 for n in urls.values()), "a URL is used by two documents")
    for d in gold["documents"]:
        i = d["id"]
        row = table.get(i, [])
        c.ok(
            row[1:4] == [d["url"], d["symbol"], d["body"]] and row[4] == str(d["year"]),
            f"doc {i}: sources.tsv row differs from documents entry",
        )
        lines = (HERE / d["file"]).read_text(encoding="utf-8").split("\n")
        texts[i] = lines
        c.ok(d["lines"] == len(lines), f"doc {i}: lines {d['lines']} != {len(lines)}")
        c.ok(d["bracket_spans"] == len(bracket_spans(lines)), f"doc {i}: bracket_spans wrong")
    return texts


def check_definitions(gold: dict, texts: dict, c: Checker, owner: dict) -> None:
    brackets_by_abbr: dict[tuple[str, str], set[tuple[int, int]]] = collections.defaultdict(set)
    for e in gold["definitions"]:
        brackets_by_abbr[(e["doc"], e["abbr"])].add((e["line"], e["bracket_offset"]))
    for e in gold["definitions"]:
        doc = e["doc"]
        c.ok(doc in texts, f"definition with unknown doc {doc}")
        if doc not in texts:
            continue
        lines = texts[doc]
        spans = bracket_spans(lines)
        n, line = e["line"], lines[e["line"] - 1]
        tag = f"doc {doc} definition L{n} {e['full'][:20]}/{e['abbr']}"
        a0, off, b0 = e["as_printed_offset"], e["offset"], e["bracket_offset"]
        ap = e["as_printed"]
        c.ok(line[a0 : a0 + len(ap)] == ap, f"{tag}: as_printed not at as_printed_offset")
        printed_full = e["full_as_printed"]
        inner_marks = "《" in printed_full[1:]  # title marks inside the full form: 1951年《…》
        c.ok(
            line[off : off + len(e["full"])] == e["full"]
            or (inner_marks and off == a0 and line[a0:].startswith(printed_full)),
            f"{tag}: full not at offset",
        )
        c.ok(line[b0] in OPEN, f"{tag}: no opening bracket at bracket_offset")
        c.ok((n, b0) in spans, f"{tag}: bracket_offset is not a scanned span")
        span = spans.get((n, b0), "")
        closed = span[-1:] in CLOSE
        inner = span[1:-1] if closed else span[1:]
        c.ok(a0 <= b0 and a0 + len(ap) == b0 + len(span), f"{tag}: bracket does not end as_printed")
        c.ok(e["bracket"] == bracket_of(line[b0]), f"{tag}: bracket width label wrong")
        printed_abbr = e["abbr_as_printed"]
        c.ok(printed_abbr in inner, f"{tag}: abbr_as_printed not in bracket {inner!r}")
        c.ok(e["abbr"] in inner, f"{tag}: bare abbr not in bracket")
        c.ok(
            printed_abbr.replace("《", "").replace("》", "").strip("“”\"'‘’") == e["abbr"],
            f"{tag}: abbr is not abbr_as_printed without title marks / quotes",
        )
        printed_full = e["full_as_printed"]
        c.ok(ap.startswith(printed_full), f"{tag}: as_printed does not start with full")
        c.ok(
            printed_full.replace("《", "").replace("》", "") == e["full"],
            f"{tag}: full_as_printed != 《full》",
        )
        c.ok(
            off == a0 + (1 if printed_full.startswith("《") else 0),
            f"{tag}: offset inconsistent with as_printed_offset",
        )
        c.ok(ap == printed_full + line[a0 + len(printed_full) : b0] + span, f"{tag}: as_printed")
        c.ok(
            line[a0 + len(printed_full) : b0].strip(" ") == "",
            f"{tag}: full+bracket not contiguous",
        )
        c.ok(e["kind"] in ("zh-abbr", "zh-en"), f"{tag}: unknown kind")
        if e["kind"] == "zh-en":
            c.ok(
                re.search(r"[A-Za-z]", e["abbr"]) is not None, f"{tag}: zh-en without Latin letters"
            )
        c.ok(e["left"] == line[max(0, a0 - 12) : a0], f"{tag}: left context wrong")
        c.ok(ap in e["context"], f"{tag}: context does not contain as_printed")
        c.ok(e["context"] in line, f"{tag}: context not in line")
        c.ok(
            e["lines_spanned"] == [n] and e["crosses_line_break"] is False, f"{tag}: lines_spanned"
        )
        if e.get("uncertain"):
            c.ok(bool(e.get("why_uncertain")), f"{tag}: uncertain without why_uncertain")
        for alt in e.get("acceptable_full", []):
            c.ok(alt in line, f"{tag}: acceptable_full {alt!r} not on the line")
        same = sum(
            1
            for x in gold["definitions"]
            if (x["doc"], x["full"], x["abbr"]) == (doc, e["full"], e["abbr"])
        )
        c.ok(e["count"] == same, f"{tag}: count {e['count']} != {same}")
        hits = occurrences(lines, e["abbr"], e.get("uses_exclude", []))
        inside = set()
        for ln, bo in brackets_by_abbr[(doc, e["abbr"])]:
            be = bo + len(spans[(ln, bo)]) - 1
            inside |= {(h_ln, h_s) for h_ln, h_s in hits if h_ln == ln and bo < h_s < be}
        later = [h for h in hits if h not in inside and h > (n, b0)]
        earlier = [h for h in hits if h not in inside and h < (n, a0)]
        c.ok(e["later_uses"] == len(later), f"{tag}: later_uses {e['later_uses']} != {len(later)}")
        c.ok(e["later_use_lines"] == [h[0] for h in later], f"{tag}: later_use_lines wrong")
        c.ok(
            e.get("earlier_uses", 0) == len(earlier)
            and e.get("earlier_use_lines", []) == [h[0] for h in earlier],
            f"{tag}: earlier uses wrong ({len(earlier)})",
        )
        key = (doc, n, b0)
        if key in owner and not (
            owner[key] == "definition" and e.get("subtype") == "double-short-form"
        ):
            c.ok(False, f"{tag}: span {key} already covered by {owner[key]}")
        owner[key] = "definition"


def check_english(gold: dict, texts: dict, c: Checker, owner: dict) -> None:
    for e in gold["english_equivalents"]:
        doc = e["doc"]
        lines = texts[doc]
        spans = bracket_spans(lines)
        n, line = e["line"], lines[e["line"] - 1]
        tag = f"doc {doc} english L{n} {e['zh']}/{e['en']}"
        ap, a0, b0 = e["as_printed"], e["as_printed_offset"], e["bracket_offset"]
        c.ok(line[a0 : a0 + len(ap)] == ap, f"{tag}: as_printed not at as_printed_offset")
        c.ok(line[e["offset"] : e["offset"] + len(e["zh"])] == e["zh"], f"{tag}: zh not at offset")
        c.ok(spans.get((n, b0), "")[1:-1] == e["en"], f"{tag}: bracket is not the English form")
        c.ok(e["left"] == line[max(0, a0 - 12) : a0], f"{tag}: left context wrong")
        key = (doc, n, b0)
        c.ok(key not in owner, f"{tag}: span {key} already covered by {owner.get(key)}")
        owner[key] = "english_equivalent"


def check_non_definitions(gold: dict, texts: dict, c: Checker, owner: dict) -> None:
    for e in gold["non_definitions"]:
        doc = e["doc"]
        c.ok(doc in texts, f"non-definition with unknown doc {doc}")
        if doc not in texts:
            continue
        lines = texts[doc]
        spans = bracket_spans(lines)
        n, off, text = e["line"], e["offset"], e["text"]
        tag = f"doc {doc} non-definition L{n}:{off} {text[:20]}"
        line = lines[n - 1]
        c.ok(line[off : off + len(text)] == text, f"{tag}: text not at offset")
        c.ok(spans.get((n, off)) == text, f"{tag}: text != scanned span")
        c.ok(e["left"] == line[max(0, off - 12) : off], f"{tag}: left context wrong")
        c.ok(bool(e.get("why")) and bool(e.get("label")), f"{tag}: reason or label missing")
        c.ok(e.get("reason") == e.get("why"), f"{tag}: reason != why")
        c.ok(e["bracket"] == bracket_of(line[off]), f"{tag}: bracket label")
        unclosed = len(text) > 0 and text[-1] not in CLOSE
        c.ok(bool(e.get("unclosed")) == unclosed, f"{tag}: unclosed flag wrong")
        key = (doc, n, off)
        c.ok(key not in owner, f"{tag}: span {key} already covered by {owner.get(key)}")
        owner[key] = "non_definition"


def check_variants(gold: dict, texts: dict, c: Checker) -> None:
    for v in gold["variants"]:
        lines = texts[v["doc"]]
        tag = f"doc {v['doc']} variant {v['preferred']}"
        c.ok(len(v["occurrences"]) >= 2, f"{tag}: fewer than two forms")
        for label, o in v["occurrences"].items():
            hits = occurrences(lines, o["form"], o.get("exclude", []))
            c.ok(o["count"] == len(hits), f"{tag} / {label}: count {o['count']} != {len(hits)}")
            c.ok(o["lines"] == [h[0] for h in hits], f"{tag} / {label}: lines differ")
            c.ok(o["count"] > 0, f"{tag} / {label}: form never occurs")
        for label in v["variants"]:
            c.ok(label in v["occurrences"], f"{tag}: variant {label!r} has no occurrences entry")


def check_counts(gold: dict, texts: dict, c: Checker) -> None:
    counts = gold["counts"]
    defs, nd = gold["definitions"], gold["non_definitions"]
    allspans = {(i, k): t for i, ls in texts.items() for k, t in bracket_spans(ls).items()}
    expected = {
        "docs": len(texts),
        "definitions": len(defs),
        "definitions_certain": sum(1 for e in defs if not e.get("uncertain")),
        "definitions_uncertain": sum(1 for e in defs if e.get("uncertain")),
        "definition_spans": len({(e["doc"], e["line"], e["bracket_offset"]) for e in defs}),
        "definitions_by_kind": dict(collections.Counter(e["kind"] for e in defs)),
        "english_equivalents": len(gold["english_equivalents"]),
        "variants": len(gold["variants"]),
        "non_definitions": len(nd),
        "non_definitions_by_label": dict(collections.Counter(e["label"] for e in nd)),
        "bracket_spans_total": len(allspans),
        "lines_with_bracket_span": len({(i, k[0]) for (i, k) in allspans}),
        "unmatched_closers": sum(1 for t in allspans.values() if len(t) == 1 and t in CLOSE),
    }
    for key, value in expected.items():
        c.ok(counts.get(key) == value, f"counts.{key} = {counts.get(key)} != {value}")
    for i, lines in texts.items():
        p = counts["per_doc"].get(i, {})
        exp = {
            "lines": len(lines),
            "bracket_spans": len(bracket_spans(lines)),
            "definitions": sum(1 for e in defs if e["doc"] == i),
            "definitions_certain": sum(1 for e in defs if e["doc"] == i and not e.get("uncertain")),
            "non_definitions": sum(1 for e in nd if e["doc"] == i),
            "variants": sum(1 for v in gold["variants"] if v["doc"] == i),
        }
        c.ok(p == exp, f"counts.per_doc[{i}] = {p} != {exp}")


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    c = Checker()
    texts = check_documents(gold, c)
    owner: dict[tuple[str, int, int], str] = {}
    check_definitions(gold, texts, c, owner)
    check_english(gold, texts, c, owner)
    check_non_definitions(gold, texts, c, owner)
    total = 0
    for doc, lines in texts.items():
        for key, text in bracket_spans(lines).items():
            total += 1
            c.ok(
                (doc, *key) in owner,
                f"doc {doc} bracket span L{key[0]}:{key[1]} {text[:30]!r} not annotated",
            )
    for key in owner:
        c.ok(
            key[0] in texts and key[1:] in bracket_spans(texts[key[0]]),
            f"annotated span {key} is not a bracket span",
        )
    for doc in gold.get("doc_notes", {}):
        c.ok(doc in texts, f"doc_notes for unknown doc {doc}")
    check_variants(gold, texts, c)
    check_counts(gold, texts, c)
    for failure in c.failures:
        print("FAIL", failure)
    print(
        f"{c.checks} checks, {len(c.failures)} failures; {len(texts)} documents, {total} bracket "
        f"spans, {len(gold['definitions'])} definitions "
        f"({sum(1 for e in gold['definitions'] if not e.get('uncertain'))} certain), "
        f"{len(gold['english_equivalents'])} english equivalents, "
        f"{len(gold['non_definitions'])} non-definitions, {len(gold['variants'])} variants"
    )
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
