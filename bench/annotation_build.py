"""Assemble a TRAIN set's gold.json and sources.tsv from the hand-written decisions in its
ann/NNN.ann.

Run: python bench/annotation_build.py bench/annotated/SET   (any set folder, also one under
         bench/heldout/; writes gold.json, sources.tsv;
         a new set names who annotated it: --annotator "...", kept in gold.json from then on)
     python bench/annotation_build.py bench/annotated/SET --spans NNN   (a doc's bracket spans)

Every decision (what is a definition, its boundary, what a non-definition is and why) is written
by hand in ann/NNN.ann after reading the document; this script only computes offsets, left and
context strings, counts and use lines, so that the JSON cannot disagree with the text. It never
decides anything itself: a decision that does not match the text is an error, not a guess.

ann format (one item per line, fields separated by " | "):
    url: ... / symbol: ... / body: ... / year: ... / title: ... / note: ...
    script: ... / script_note: ... / script_exceptions: ... (optional: the script, for sets that record it)
    D <line> <full as printed> | <short as printed> [| key=value ...]
        (⏎ inside the full form marks a line break in it: the full form starts on <line>)
        keys: kind=zh-en, subtype=..., uncertain=<why>, acceptable=<a>;<b>, note=...,
              at=<bracket offset> (when the same full form occurs twice on the line),
              exclude=<a>;<b> (longer strings whose inner short form is not a use)
    E <line> <Chinese name as printed> | <English in the bracket> [| note=...]
    N <line>:<bracket offset> <label> | <why>
    V <preferred> | <form>[!<exclude>,<exclude>]; <form> ... [| note]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from _paths import REPO

# One bracket scan and one use search serve the builder and the verifiers; the verifiers import
# nothing from here, so their checks of gold.json stay independent of how it was built.
from annotation_checks import OPEN, strip_marks
from annotation_checks import closing as close_index
from annotation_checks import scan as spans_of
from annotation_checks import uses as occurrences


def fields(rest: str) -> tuple[list[str], dict[str, str]]:
    parts = [p.strip() for p in rest.split(" | ")]
    plain, keyed = [], {}
    for p in parts:
        m = re.match(r"^(kind|subtype|uncertain|acceptable|note|at|exclude)=(.*)$", p, re.S)
        if m:
            keyed[m.group(1)] = m.group(2)
        else:
            plain.append(p)
    return plain, keyed


def bracket_line(entry: dict) -> int:
    """Line of an entry's opening bracket (a cross-line definition's full form starts earlier)."""
    return entry.get("bracket_line", entry["line"])


def bracket_at(line: str, after: int) -> int:
    """Index of the bracket that follows `after`, skipping spaces."""
    return after + len(line[after:]) - len(line[after:].lstrip())


def bracket_kind(char: str) -> str:
    return {"（": "full-width （）", "﹙": "small form ﹙﹚"}.get(char, "half-width ()")


def cross_line_definition(
    doc: str, lines: list[str], n: int, full_p: str, short_p: str, keyed: dict, errors: list
) -> dict | None:
    """A definition whose full form is broken over lines; ⏎ in the ann marks the break."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    parts = full_p.split("⏎")
    pattern = re.compile(
        "("
        + r"\s+".join(map(re.escape, parts))
        + r")\s*[（(﹙][^（()）﹙﹚]*?"
        + re.escape(short_p)
    )
    m = pattern.search(text, starts[n - 1])
    if not m or m.start() >= starts[n]:
        errors.append(f"{doc} L{n}: cross-line {full_p}({short_p}) not found on the line")
        return None
    a_abs, full_end = m.start(), m.end(1)
    b_abs = full_end + len(text[full_end:]) - len(text[full_end:].lstrip())
    bn = max(i for i in range(len(lines)) if starts[i] <= b_abs) + 1
    b0 = b_abs - starts[bn - 1]
    end = close_index(lines[bn - 1], b0)
    close_abs = starts[bn - 1] + end
    a0 = a_abs - starts[n - 1]
    entry = {
        "full": "".join(parts),
        "abbr": short_p,
        "kind": keyed.get("kind", "zh-abbr"),
        "full_as_printed": text[a_abs:full_end],
        "abbr_as_printed": short_p,
        "doc": doc,
        "line": n,
        "offset": a0,
        "as_printed": text[a_abs : close_abs + 1],
        "as_printed_offset": a0,
        "bracket_line": bn,
        "bracket_offset": b0,
        "bracket": bracket_kind(lines[bn - 1][b0]),
        "left": lines[n - 1][max(0, a0 - 12) : a0],
        "context": text[max(starts[n - 1], a_abs - 20) : min(starts[bn], close_abs + 21)],
        "lines_spanned": list(range(n, bn + 1)),
        "crosses_line_break": True,
    }
    if "note" in keyed:
        entry["note"] = keyed["note"]
    for key in ("uncertain",):
        if key in keyed:
            entry["uncertain"] = True
            entry["why_uncertain"] = keyed[key]
    return entry


def build_doc(here: Path, doc: str, errors: list[str]) -> dict:
    lines = (here / "docs" / f"{doc}.txt").read_text(encoding="utf-8").split("\n")
    spans = spans_of(lines)
    meta: dict[str, str] = {"id": doc}
    defs, eng, non, variants = [], [], [], []
    for raw in (here / "ann" / f"{doc}.ann").read_text(encoding="utf-8").split("\n"):
        if not raw.strip() or raw.startswith("#"):
            continue
        m = re.match(
            r"^(url|symbol|body|year|title|note|script|script_note|script_exceptions): (.*)$", raw
        )
        if m:
            meta[m.group(1)] = m.group(2).strip()
            continue
        tag, _, rest = raw.partition(" ")
        if tag == "D" or tag == "E":
            where, _, rest = rest.partition(" ")
            n = int(where)
            line = lines[n - 1]
            plain, keyed = fields(rest)
            full_p, short_p = plain[0], plain[1]
            if "⏎" in full_p:
                entry = cross_line_definition(doc, lines, n, full_p, short_p, keyed, errors)
                if entry:
                    defs.append(entry)
                continue
            candidates = [
                m.start()
                for m in re.finditer(
                    re.escape(full_p) + r"\s*[（(﹙][^（()）﹙﹚]*?" + re.escape(short_p), line
                )
            ]
            if "at" in keyed:
                candidates = [
                    c for c in candidates if bracket_at(line, c + len(full_p)) == int(keyed["at"])
                ]
            if len(candidates) != 1:
                errors.append(f"{doc} L{n}: {full_p}({short_p}) found {len(candidates)} times")
                continue
            a0 = candidates[0]
            b0 = bracket_at(line, a0 + len(full_p))
            end = close_index(line, b0)
            ap = line[a0 : end + 1]
            full = strip_marks(full_p)
            offset = a0 + (1 if full != full_p else 0)
            base = {
                "doc": doc,
                "line": n,
                "offset": offset,
                "as_printed": ap,
                "as_printed_offset": a0,
                "bracket_offset": b0,
                "bracket": bracket_kind(line[b0]),
                "left": line[max(0, a0 - 12) : a0],
                "context": line[max(0, a0 - 20) : end + 21],
            }
            if "note" in keyed:
                base["note"] = keyed["note"]
            if tag == "E":
                inner = line[b0 + 1 : end].strip()  # layout spaces inside: ( UN General Assembly )
                if inner != short_p:
                    errors.append(f"{doc} L{n}: english bracket {inner!r} != {short_p!r}")
                entry = {"zh": full, "en": short_p, "kind": "en-name"}
                if full != full_p:
                    entry["zh_as_printed"] = full_p
                entry.update(base)
                eng.append(entry)
                continue
            short = strip_marks(short_p)
            entry = {
                "full": full,
                "abbr": short,
                "kind": keyed.get("kind", "zh-abbr"),
            }
            if full != full_p or short != short_p:
                entry["full_as_printed"] = full_p
                entry["abbr_as_printed"] = short_p
            if "subtype" in keyed:
                entry["subtype"] = keyed["subtype"]
            entry.update(base)
            if "uncertain" in keyed:
                entry["uncertain"] = True
                entry["why_uncertain"] = keyed["uncertain"]
            if "acceptable" in keyed:
                entry["acceptable_full"] = keyed["acceptable"].split(";")
            if "exclude" in keyed:
                entry["uses_exclude"] = keyed["exclude"].split(";")
            defs.append(entry)
        elif tag == "N":
            where, _, rest = rest.partition(" ")
            n, off = (int(x) for x in where.split(":"))
            label, _, why = rest.partition(" | ")
            if (n, off) not in spans:
                errors.append(f"{doc} L{n}:{off}: no bracket span there")
                continue
            line = lines[n - 1]
            text = spans[(n, off)]
            entry = {
                "doc": doc,
                "line": n,
                "offset": off,
                "text": text,
                "why": why.strip(),
                "label": label.strip(),
                "left": line[max(0, off - 12) : off],
                "bracket": bracket_kind(line[off]),
            }
            outer = [
                k
                for k in spans
                if k[0] == n and line[k[1]] in OPEN and k[1] < off < close_index(line, k[1])
            ]
            if outer:
                entry["nested"] = True
            non.append(entry)
        elif tag == "V":
            parts = [p.strip() for p in rest.split(" | ")]
            preferred, forms = parts[0], [f.strip() for f in parts[1].split(";")]
            occ = {}
            for f in forms:
                form, _, exc = f.partition("!")
                exclude = [e for e in exc.split(",") if e]
                hits = occurrences(lines, form, exclude)
                o = {"form": form, "count": len(hits), "lines": [h[0] for h in hits]}
                if exclude:
                    o["exclude"] = exclude
                if not hits:
                    errors.append(f"{doc} variant {preferred}: {form} never occurs")
                occ[form] = o
            v = {"doc": doc, "preferred": preferred, "variants": list(occ), "occurrences": occ}
            if len(parts) > 2:
                v["note"] = parts[2]
            variants.append(v)
        else:
            errors.append(f"{doc}: cannot read {raw!r}")
    # counts and uses of each short form
    by_abbr: dict[str, set[tuple[int, int]]] = {}
    for e in defs:
        by_abbr.setdefault(e["abbr"], set()).add((bracket_line(e), e["bracket_offset"]))
    for e in defs:
        e["count"] = sum(1 for x in defs if (x["full"], x["abbr"]) == (e["full"], e["abbr"]))
        hits = occurrences(lines, e["abbr"], e.get("uses_exclude", []))
        inside = set()
        for ln, bo in by_abbr[e["abbr"]]:
            be = close_index(lines[ln - 1], bo)
            inside |= {h for h in hits if h[0] == ln and bo < h[1] < be}
        later = [h for h in hits if h not in inside and h > (bracket_line(e), e["bracket_offset"])]
        earlier = [h for h in hits if h not in inside and h < (e["line"], e["as_printed_offset"])]
        e["later_uses"] = len(later)
        e["later_use_lines"] = [h[0] for h in later]
        if earlier:
            e["earlier_uses"] = len(earlier)
            e["earlier_use_lines"] = [h[0] for h in earlier]
    owned = {(bracket_line(e), e["bracket_offset"]) for e in defs + eng}
    owned |= {(e["line"], e["offset"]) for e in non}
    for key, text in sorted(spans.items()):
        if key not in owned:
            errors.append(f"{doc} L{key[0]}:{key[1]} {text[:30]!r} not annotated")
    return {
        "meta": meta,
        "lines": len(lines),
        "spans": len(spans),
        "definitions": defs,
        "english_equivalents": eng,
        "non_definitions": non,
        "variants": variants,
    }


def list_spans(here: Path, doc: str) -> None:
    lines = (here / "docs" / f"{doc}.txt").read_text(encoding="utf-8").split("\n")
    for (n, off), text in sorted(spans_of(lines).items()):
        line = lines[n - 1]
        print(f"N {n}:{off}  «{line[max(0, off - 18) : off]}» {text[:60]}")


def main(argv: list[str]) -> int:
    """Build SET/gold.json and sources.tsv from SET/ann/ (or list a doc's spans)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path, help="the set's folder (ann/, docs/)")
    parser.add_argument("--spans", metavar="NNN", help="list this document's bracket spans")
    parser.add_argument("--annotator", help="who annotated the set (default: gold.json's)")
    args = parser.parse_args(argv)
    here = args.set.resolve()
    if args.spans:
        list_spans(here, args.spans)
        return 0
    annotator = args.annotator or _recorded_annotator(here)
    if annotator is None:
        parser.error(f"{here}/gold.json does not exist yet: name the annotator (--annotator)")
    return build_set(here, annotator)


def _recorded_annotator(here: Path) -> str | None:
    path = here / "gold.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("annotator")


def source_folder(here: Path) -> str:
    """The set's folder as gold.json names it: relative to the repository when inside it
    (bench/annotated/SET, bench/heldout/SET), else the folder itself."""
    try:
        return here.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return here.resolve().as_posix()


def build_set(here: Path, annotator: str) -> int:
    """Write `here`/gold.json and sources.tsv; 1 when a decision does not match the text."""
    errors: list[str] = []
    docs = sorted(p.stem for p in (here / "ann").glob("*.ann"))
    built = [build_doc(here, d, errors) for d in docs]
    for e in errors:
        print("ERROR", e)
    gold = {
        "source": f"{source_folder(here)}/docs/",
        "annotator": annotator,
        "documents": [
            {
                "id": b["meta"]["id"],
                "file": f"docs/{b['meta']['id']}.txt",
                "url": b["meta"].get("url", ""),
                "symbol": b["meta"].get("symbol", ""),
                "body": b["meta"].get("body", ""),
                "year": b["meta"].get("year", ""),
                "title": b["meta"].get("title", ""),
                "note": b["meta"].get("note", ""),
                **{
                    k: b["meta"][k]
                    for k in ("script", "script_note", "script_exceptions")
                    if k in b["meta"]
                },
                "lines": b["lines"],
                "bracket_spans": b["spans"],
            }
            for b in built
        ],
        "definitions": [e for b in built for e in b["definitions"]],
        "english_equivalents": [e for b in built for e in b["english_equivalents"]],
        "variants": [e for b in built for e in b["variants"]],
        "non_definitions": [e for b in built for e in b["non_definitions"]],
    }
    defs = gold["definitions"]
    labels: dict[str, int] = {}
    for e in gold["non_definitions"]:
        labels[e["label"]] = labels.get(e["label"], 0) + 1
    gold["counts"] = {
        "documents": len(built),
        "definitions": len(defs),
        "definitions_certain": sum(1 for e in defs if not e.get("uncertain")),
        "definitions_uncertain": sum(1 for e in defs if e.get("uncertain")),
        "definitions_by_kind": {
            k: sum(1 for e in defs if e["kind"] == k) for k in sorted({e["kind"] for e in defs})
        },
        "definition_spans": len({(e["doc"], bracket_line(e), e["bracket_offset"]) for e in defs}),
        "english_equivalents": len(gold["english_equivalents"]),
        "variants": len(gold["variants"]),
        "non_definitions": len(gold["non_definitions"]),
        "non_definitions_by_label": dict(sorted(labels.items(), key=lambda kv: -kv[1])),
        "bracket_spans_total": sum(b["spans"] for b in built),
    }
    scripts = [b["meta"]["script"] for b in built if "script" in b["meta"]]
    if scripts:
        gold["counts"]["documents_by_script"] = {k: scripts.count(k) for k in sorted(set(scripts))}
    notes_file = here / "NOTES.txt"
    gold["notes"] = notes_file.read_text(encoding="utf-8") if notes_file.exists() else ""
    (here / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    rows = ["id\turl\tsymbol\tbody\tyear"]
    for b in built:
        m = b["meta"]
        rows.append(
            "\t".join(
                [
                    m["id"],
                    m.get("url", ""),
                    m.get("symbol", ""),
                    m.get("body", ""),
                    m.get("year", ""),
                ]
            )
        )
    (here / "sources.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(json.dumps(gold["counts"], ensure_ascii=False))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
