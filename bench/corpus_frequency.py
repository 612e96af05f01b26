"""Build the corpus frequency table of TK110 (`termkit.check.frequency`) and fit its cut-off.

Run: python bench/corpus_frequency.py [--write]

The table counts, for every four-character Han window, the documents of the default glossary's
corpus (the two seeds and the UNPC devset's 732 documents) that contain it. TK110 says nothing
when both forms of a pair are used in at least `min_documents` documents (two established
terms). The cut-off is fitted on labelled TK110 findings, each judged with the table of the
corpus *without* its own document (leave one out):
- the judged findings of bench/check_near_variants.py (seeds and UNPC documents), T or F;
- the TK110 findings that catch a planted slip (bench/check_planted.py's planter, UNPC gold
  and the TRAIN sets bench/annotated/un_pages and un_pages_hant), T;
- the TK110 findings on the TRAIN originals: T where the gold lists the inconsistency, else F
  (false alarms in check_planted's count).
Two folds by document (check_planted's digest halves): the cut-off chosen on one fold is
scored on the other (correct decisions: true findings kept plus false ones silenced). `--write`
writes the table with the cut-off chosen on all findings.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from _paths import REPO, SHARED
from check_near_variants import JUDGED
from check_planted import (
    Planter,
    _bare,
    _found,
    _real,
    corpus_glossary,
    documents,
    half_of,
    read_gold_set,
)

sys.path.insert(0, str(REPO))

from termkit.check.engine import check_text
from termkit.check.frequency import SHIPPED, Frequencies, document_table, dumps, total
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths
from termkit.check.settings import Settings
from termkit.formats.registry import load_glossary
from termkit.text.normalize import normalize

TRAIN_SETS = ("un_pages", "un_pages_hant")
CUTS = (0, 2, 3, 4, 5, 6, 8, 10)  # 0: the rule off
ONLY_TK110 = Settings(enabled=frozenset({"TK110"}))
UNPC_ZH = SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh"


def corpus() -> dict[str, str]:
    """The default glossary's corpus, document by document."""
    docs = {d: "\n".join(ls) + "\n" for d, ls in documents().items()}
    docs.update({p.name: p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))})
    return docs


def tk110(text: str, doc: str, glossary: GlossaryIndex) -> list:
    glossary.frequencies = Frequencies()  # the rule off: every candidate pair is reported
    return check_text(text, doc, glossary, ONLY_TK110)


def examples(docs: dict[str, str], shipped) -> list[tuple[str, str, str, str, str]]:
    """(document, label, source, found, suggestion) of every labelled TK110 finding."""
    out = []
    plain = GlossaryIndex(shipped)
    for doc, text in sorted(docs.items()):
        for f in tk110(text, doc, plain):
            verdict = JUDGED.get((f.found, f.suggestion))
            if verdict:
                out.append((doc, verdict, "judged", f.found, f.suggestion))
    unpc_gold = [
        g
        for g in json.loads((SHARED / "gold" / "unpc_devset.json").read_text("utf-8"))[
            "definitions"
        ]
        if not g.get("uncertain") and len(_bare(g["abbr"])) >= 2
    ]
    zh = UNPC_ZH.read_text("utf-8").splitlines()
    lines_of = documents()
    for half in ("dev", "test"):
        other = {d: ls for d, ls in lines_of.items() if half_of(d) != half}
        glossary = GlossaryIndex([*shipped, corpus_glossary(other)])
        mine = {d: ls for d, ls in lines_of.items() if half_of(d) == half}
        out += _slips(
            half,
            unpc_gold,
            mine,
            lambda d, g=glossary: g,
            lambda g, ls: ls.index(zh[g["line"] - 1]),
        )
    for name in TRAIN_SETS:
        out += _train_set(name, shipped)
    return out


def _train_set(name: str, shipped) -> list:
    """A TRAIN set's caught planted slips and the TK110 findings on its originals (documents
    named `set:file`; no TRAIN document is in the table's corpus)."""
    folder = REPO / "bench" / "annotated" / name
    train, gold, variants, early = read_gold_set(folder / "gold.json", folder)
    glossaries = {
        d: GlossaryIndex([*shipped, corpus_glossary({o: ls for o, ls in train.items() if o != d})])
        for d in train
    }
    out = _slips(name, gold, train, glossaries.get, lambda g, ls: g["line"] - 1)
    for doc, ls in sorted(train.items()):
        for f in tk110("\n".join(ls) + "\n", doc, glossaries[doc]):
            real = _real(f, variants[doc], early[doc])  # an inconsistency the gold lists
            verdict = "T" if real else JUDGED.get((f.found, f.suggestion), "F")
            out.append((doc, verdict, "TRAIN original", f.found, f.suggestion))
    return [(f"{name}:{e[0]}", *e[1:]) for e in out]


def _slips(name, gold, mine, glossary_of, line_of) -> list:
    out = []
    planter = Planter(name, gold)
    for g in gold:
        if g["doc"] not in mine:
            continue
        lines = mine[g["doc"]]
        planter.glossary = glossary_of(g["doc"])
        for plant in planter.plants(g, lines, line_of(g, lines)):
            if plant.kind == "slip":
                for f in _found(plant, tk110(plant.text, plant.doc, glossary_of(g["doc"]))):
                    out.append((plant.doc, "T", "planted slip", f.found, f.suggestion))
    return out


def judged(example, rows: dict[str, Frequencies], whole: Frequencies, cut: int) -> bool:
    """Is the finding still reported with this cut-off, its own document left out?"""
    doc, _, _, found, suggestion = example
    row = rows.get(doc, Frequencies())
    windows = {
        k[i : i + 4]
        for form in (found, suggestion)
        for k in [normalize(form)]
        for i in range(len(k) - 3)
    }
    loo = Frequencies(
        whole.documents - row.documents,
        {w: whole.windows.get(w, 0) - row.windows.get(w, 0) for w in windows},
        cut,
    )
    return not loo.established(found, suggestion)


def score(examples, rows, whole, cut) -> tuple[int, int, int, int]:
    """(true kept, true, false kept, false)."""
    counts: Counter[tuple[str, bool]] = Counter(
        (e[1], judged(e, rows, whole, cut)) for e in examples
    )
    t, f = counts["T", True], counts["F", True]
    return t, t + counts["T", False], f, f + counts["F", False]


def correct(s: tuple[int, int, int, int]) -> int:
    return s[0] + s[3] - s[2]


def best(examples, rows, whole) -> int:
    """The cut-off with the most correct decisions; a tie goes to the larger (safer) one."""
    return max(CUTS, key=lambda c: (correct(score(examples, rows, whole, c)), c))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {SHIPPED.name}")
    args = parser.parse_args()
    docs = corpus()
    rows = {d: document_table(t) for d, t in docs.items()}
    whole = total(rows.values())
    shipped = [load_glossary(p) for p in glossary_paths(Settings())]
    found = examples(docs, shipped)
    kinds = Counter((e[2], e[1]) for e in found)
    print("labelled findings:", dict(sorted(kinds.items())))
    print("cut-off: true kept/true, false kept/false (all findings, in sample)")
    for cut in CUTS:
        t, tn, f, fn = score(found, rows, whole, cut)
        print(f"  {cut:>2}: {t}/{tn} true, {f}/{fn} false")
    folds = {h: [e for e in found if half_of(e[0]) == h] for h in ("dev", "test")}
    for held, train in (("dev", "test"), ("test", "dev")):
        cut = best(folds[train], rows, whole)
        t, tn, f, fn = score(folds[held], rows, whole, cut)
        off = score(folds[held], rows, whole, 0)
        print(
            f"fold {held}: cut-off {cut} (chosen on {train}): {t}/{tn} true, {f}/{fn} false kept "
            f"(rule off: {off[0]}/{off[1]}, {off[2]}/{off[3]})"
        )
    cut = best(found, rows, whole)
    for e in found:
        if e[1] == "F" or not judged(e, rows, whole, cut):
            state = "kept" if judged(e, rows, whole, cut) else "silenced"
            print(f"  {e[1]} {state}: {e[0]} {e[3]} → {e[4]} ({e[2]})")
    print(f"chosen on all findings: min_documents {cut}")
    if args.write:
        SHIPPED.write_text(dumps(Frequencies(whole.documents, whole.windows, cut)), "utf-8")
        print(f"wrote {SHIPPED}")


if __name__ == "__main__":
    main()
