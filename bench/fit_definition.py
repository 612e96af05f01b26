"""Where extraction's definition decision goes wrong on the dev sets: the stage and reason.

Run: python bench/fit_definition.py [--trace] [--verbose]
`--trace`: for every certain gold definition the shipped extraction misses outright (no
definition of that short form on its line: issue 10's class 4), the stage at which it dies
and the rule or reason that kills it; for every accepted trap (a definition no gold entry
explains, class 3), the path that let it in, with the gold's label for that bracket. Per dev
set (bench/gold.py's dev_sets) and pooled. No held-out set is ever read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from _paths import REPO

sys.path.insert(0, str(REPO))

from corpus_names import for_document
from eval_gold import found_in
from gold import GoldDoc, dev_sets, key, score_document

from termkit.extract import extractor as ex
from termkit.extract.boundary import full_start
from termkit.extract.brackets import find_spans
from termkit.extract.inner import read_inner
from termkit.extract.scoring import default_model
from termkit.text.repair import repair
from termkit.text.sourcemap import LineIndex


class Context(NamedTuple):
    """One document as the extractor reads it, and its brackets (span, content, line)."""

    analysis: object
    plain: str
    lines: LineIndex
    pending: list
    recurrences: object
    spans: list


def _brackets(doc: GoldDoc) -> Context:
    """The document's analysis and (span, inner text, line) of every bracket."""
    analysis = repair(doc.text)
    lines = LineIndex(doc.text)
    plain, key_text = ex.simplified_and_key(analysis)
    pending, recurrences = ex._prepare(analysis, plain, key_text, for_document(doc))
    spans = find_spans(analysis.text)
    out = []
    for span in spans:
        line = lines.position(analysis.source_offset(span.inner_start))[0]
        out.append((span, plain[span.inner_start : span.close], line))
    return Context(analysis, plain, lines, pending, recurrences, out)


def _death(context: Context, gold) -> str:
    """The stage at which the extraction of one gold definition ends."""
    plain, recurrences, spans = context.plain, context.recurrences, context.spans
    short = key(gold.short)
    near = [(s, inner, line) for s, inner, line in spans if line in gold.lines]
    holding = [b for b in near if short in key(b[1])]
    if not holding:
        return "no bracket holds the short form on its line"
    span, inner, _ = holding[0]
    forms, reason = read_inner(inner)
    if not forms:
        return f"inner: {reason}"
    form = next((f for f in forms if key(f.text) == short), None)
    if form is None:
        return "inner: other short forms (" + "/".join(f.text for f in forms) + ")"
    shorts = tuple(f.text for f in forms)
    window = ex._window(plain, span, form, shorts)
    if window is None:
        if form.kind == "title" or form.rule == ex.LOWER_CASE:
            return f"window: none for a {form.kind} / {form.rule}"
        return "window: short form's characters not in the window (or no name char)"
    model = default_model()
    if isinstance(window, str):
        return "title closer: no opener or characters not in the title"
    kind = form.kind
    boundary = full_start(
        window,
        recurrences,
        replace(model, min_probability=0.0),
        lambda full: not ex._not_a_full_form(full, form, kind),
    )
    if boundary is None:
        return "boundary: anchored word cannot end a name, or no plausible candidate"
    if boundary.probability < model.min_probability:
        return f"boundary: best probability {boundary.probability:.2f} < min_probability"
    full = plain[boundary.start : window.end]
    reason = ex._implausible(full, form, kind, boundary.coverage)
    if reason:
        return f"implausible: {reason}"
    return "defined elsewhere / other line (or re-decided by the document's agreement)"


def _path(doc: GoldDoc, context: Context, found) -> str:
    """How an accepted trap got in: its short form's rule, kind, and the gold's label."""
    analysis, lines, pending = context.analysis, context.lines, context.pending
    label = next(
        (
            lab
            for line, text, lab in doc.non_definitions
            if line == found.short_line and key(found.short) in key(text)
        ),
        "no gold label",
    )
    rule = next(
        (
            f"{form.rule} {'title-closer' if isinstance(w, str) else 'window'}"
            for span, form, w in pending
            if key(form.text) == key(found.short)
            and lines.position(analysis.source_offset(span.inner_start))[0] == found.short_line
        ),
        "?",
    )
    return f"{rule} | gold: {label or 'unlabelled'}"


def trace(sets: dict[str, list[GoldDoc]], verbose: bool) -> None:
    pooled_miss, pooled_trap = Counter(), Counter()
    for name, docs in sets.items():
        misses, traps = Counter(), Counter()
        examples = []
        for doc in docs:
            found = found_in(doc)
            score = score_document(doc, found)
            if not score.errors:
                continue
            context = _brackets(doc)
            matched = {(key(f.short), f.short_line) for f in found} | {
                (key(f.short), f.line) for f in found
            }
            for g in doc.definitions:
                if g.uncertain or any((key(g.short), line) in matched for line in g.lines):
                    continue
                why = _death(context, g)
                misses[why] += 1
                examples.append(f"miss {doc.name}:{g.lines[0]} {g.full}（{g.short}） {why}")
            for f in found:
                near = [
                    g
                    for g in doc.definitions
                    if key(g.short) == key(f.short)
                    and (f.short_line in g.lines or f.line in g.lines)
                ]
                if near:
                    continue
                path = _path(doc, context, f)
                traps[path.split(" | ")[0].split(":")[0] + " | " + path.split(" | ")[1]] += 1
                examples.append(f"trap {doc.name}:{f.short_line} {f.full}（{f.short}） {path}")
        pooled_miss.update(misses)
        pooled_trap.update(traps)
        print(f"{name}: {sum(misses.values())} missed, {sum(traps.values())} traps")
        for why, n in misses.most_common():
            print(f"  miss {n:3d} {why}")
        for why, n in traps.most_common():
            print(f"  trap {n:3d} {why}")
        if verbose:
            for e in examples:
                print("    " + e)
    print(f"pooled: {sum(pooled_miss.values())} missed, {sum(pooled_trap.values())} traps")
    for why, n in pooled_miss.most_common():
        print(f"  miss {n:3d} {why}")
    for why, n in pooled_trap.most_common():
        print(f"  trap {n:3d} {why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    sets = dev_sets()
    trace(sets, args.verbose)


if __name__ == "__main__":
    main()
