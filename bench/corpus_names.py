"""Count how candidate names occur across a corpus of UN text: termkit/data/corpus_names.txt.

Run: python bench/corpus_names.py [--write]
The corpus: the UNPC devset's Chinese side as its 732 documents (`.ids`), the two seed
documents, and the glossary's Chinese full forms (each counted with the document it was first
found in). Map: every document's strings of two or more words (the extractor's segmenter,
inside runs of name characters, at most MAX_WORDS words and MAX_CHARS characters) are listed;
those seen at least twice over the corpus are the keys. Reduce: each document's occurrences
of every key by the character before it (`termkit.corpus.document_counts`, the count tables
of `termkit build`'s corpus pass), added up (`add_counts`), kept as totals
(`termkit.extract.corpus_names.totals`). `--write` stores the table.

`for_document(doc)` gives the boundary benches (fit_boundary.py, eval_gold.py) the table
counted without that dev document's own text, so the document never counts its own names.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from _paths import REPO

sys.path.insert(0, str(REPO))

from gold import UNPC, GoldDoc

from termkit.corpus import add_counts, analysed, document_counts
from termkit.extract.boundary import NAME_CHAR
from termkit.extract.corpus_names import MINIMUM, NAMES, NameCounts, Seen, totals, write_table
from termkit.extract.recurrence import CandidateCounter
from termkit.extract.segmenter import segmenter

MAX_WORDS = 10
MAX_CHARS = 32
GLOSSARY = REPO / "glossary" / "glossary.csv"


def corpus_documents() -> dict[str, str]:
    """Document name (as bench/gold.py names dev documents) -> its text."""
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").split("\n")
    ids = (UNPC / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    lines: dict[str, list[str]] = {}
    doc_of_line: dict[int, str] = {}
    for i, row in enumerate(ids):
        name = f"unpc:{row.split()[0]}"
        lines.setdefault(name, []).append(zh[i])
        doc_of_line[i + 1] = name
    seeds = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        seeds[f"seed{path.name[:3]}"] = path
        lines[f"seed{path.name[:3]}"] = path.read_text(encoding="utf-8").splitlines()
    for full, location in _glossary_full_forms():
        path, line = location.rsplit(":", 2)[:2]
        if Path(path).name == UNPC.joinpath("UNv1.0.devset.zh").name:
            name = doc_of_line.get(int(line))
        else:
            name = f"seed{Path(path).name[:3]}" if Path(path).name[:3].isdigit() else None
        lines.setdefault(name or "glossary", []).append(full)
    return {name: "\n".join(text) for name, text in sorted(lines.items())}


def _glossary_full_forms() -> list[tuple[str, str]]:
    """(full form, where the build first found it) of every Chinese full form."""
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        return [
            (row["term"], row["locations"].split(";")[0])
            for row in csv.DictReader(f)
            if row["lang"] == "zh" and row["type"] == "fullForm" and row["locations"]
        ]


def spans(key_text: str) -> Counter:
    """Every string of two or more words of a document's analysed text, inside runs of name
    characters."""
    out: Counter = Counter()
    run_start = None
    for i in range(len(key_text) + 1):
        if i < len(key_text) and NAME_CHAR.match(key_text, i):
            if run_start is None:
                run_start = i
            continue
        if run_start is not None and i - run_start >= 3:
            run = key_text[run_start:i]
            cuts = [0]
            for pair in segmenter().cut(run):
                cuts.append(cuts[-1] + len(pair.word))
            for a in range(len(cuts) - 1):
                for b in range(a + 2, min(len(cuts), a + MAX_WORDS + 1)):
                    if cuts[b] - cuts[a] > MAX_CHARS:
                        break
                    out[run[cuts[a] : cuts[b]]] += 1
        run_start = None
    return out


@lru_cache(maxsize=1)
def counted() -> tuple[dict[str, tuple], dict[str, dict[str, int]]]:
    """Each corpus document's count table, and the corpus totals by key and left context."""
    texts = {name: analysed(text) for name, text in corpus_documents().items()}
    seen: Counter = Counter()
    for key_text in texts.values():
        seen.update(spans(key_text))
    counter = CandidateCounter(k for k, n in seen.items() if n >= MINIMUM)
    per_document = {name: document_counts(counter, t) for name, t in texts.items()}
    total: tuple = ()
    for counts in per_document.values():
        total = add_counts(total, counts)
    by_key: dict[str, dict[str, int]] = {}
    for key, left, n in total:
        by_key.setdefault(key, {})[left] = n
    return per_document, by_key


@lru_cache(maxsize=1)
def whole_corpus() -> NameCounts:
    _, by_key = counted()
    return totals((k, left, n) for k, lefts in by_key.items() for left, n in lefts.items())


def for_document(doc: GoldDoc) -> NameCounts:
    """The corpus table without the dev document's own text (a TRAIN document is not in
    the corpus: the whole table)."""
    per_document, by_key = counted()
    own = per_document.get(doc.name)
    table = whole_corpus()
    if not own:
        return table
    seen: dict[str, Seen] = dict(table.seen)
    touched: dict[str, dict[str, int]] = {}
    for key, left, n in own:
        touched.setdefault(key, dict(by_key[key]))[left] -= n
    for key, lefts in touched.items():
        seen.pop(key, None)
        seen.update(totals((key, left, n) for left, n in lefts.items()).seen)
    return NameCounts(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    per_document, _ = counted()
    table = whole_corpus()
    print(f"{len(per_document)} documents, {len(table.seen)} strings seen {MINIMUM}+ times")
    if args.write:
        about = (
            "How strings of two or more words occur across the UNPC devset's Chinese side,\n"
            "the seeds and the glossary's full forms; written by python bench/corpus_names.py"
            " --write."
        )
        write_table(table, NAMES, about)
        print("wrote", NAMES.relative_to(REPO))


if __name__ == "__main__":
    main()
