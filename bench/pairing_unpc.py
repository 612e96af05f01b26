"""Term pairing on the UNPC devset: zh short forms ↔ English acronyms, scored against the
hand-made `bilingual_pairs` of ../shared/gold/unpc_devset.json.

Run: python bench/pairing_unpc.py [--verbose] [--sources brackets,known,mined]
     [--min-confidence 0.8] [--no-corpus]
The devset's lines are already 1-1 translations; they are grouped by document, each paired as
`build --parallel` pairs a twin (`termkit.align.pairing.defined_pairs`: the Chinese extractor's
short forms are its known candidates, its bracket pairs taken), and decided as the build
decides it (`pairing.decided`), by the count table of all the documents (the sum of their
tables, as the build's reduce adds them up). Pairs are scored as distinct (zh, en) pairs after the gold's folding:
recall against the certain `bilingual_pairs`, precision against `bilingual_pairs` and
`bilingual_pairs_extra` (uncertain ones count neither way, nor, unless --strict, the
full-form pairs the gold's notes list as outside its criterion: PAHO = 泛美卫生组织). Figures are printed for all
documents and for two document-grouped halves (even / odd documents in order of first line):
the method was developed looking at all of them, so the halves show how much the figures move
with the documents, not a clean held-out score. With --no-corpus each document is its own
corpus.
"""

from __future__ import annotations

import argparse
import json
import operator
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))


from termkit.align.pairing import RUNNING_TEXT, DocumentPairs, SentencePair, decided, defined_pairs
from termkit.extract import extract_text


def fold(text: str) -> str:
    """The gold's scoring convention: NFKC, one hyphen, no title marks, quotes or spaces."""
    text = unicodedata.normalize("NFKC", text)
    for dash in "‐‑‒–—―":
        text = text.replace(dash, "-")
    return "".join(ch for ch in text if ch not in "《》\"'“”‘’ ")


def gold_sets(lines: set[int], strict: bool = False):
    """(certain, acceptable, neither): pairs to find, pairs that are right, pairs that count
    neither way. Neither: the uncertain ones and, unless `strict`, the acronyms the gold's notes
    name with their Chinese *full* forms as deliberately not recorded (PAHO = 泛美卫生组织:
    the gold pairs acronyms with short forms, so a full-form pair is outside its criterion, not
    wrong)."""
    gold = json.loads((SHARED / "gold" / "unpc_devset.json").read_text(encoding="utf-8"))
    certain, acceptable, uncertain = set(), set(), set()
    for p in gold["bilingual_pairs"] + gold["bilingual_pairs_extra"]:
        if p["line"] - 1 not in lines:
            continue
        key = (fold(p["zh"]), fold(p["en"]))
        if p.get("uncertain"):
            uncertain.add(key)
            continue
        acceptable.add(key)
        if p in gold["bilingual_pairs"]:
            certain.add(key)
    if not strict:
        uncertain |= full_form_pairs(gold["notes"])
    return certain, acceptable, uncertain - acceptable


def full_form_pairs(notes: str) -> set[tuple[str, str]]:
    """The (Chinese full form, acronym) pairs the gold's notes list as not recorded because the
    Chinese is the full name (`PAHO = 泛美卫生组织, … (Chinese full forms); DRC/CAR =
    刚果民主共和国/中非共和国 (full country names)`)."""
    start = notes.index("Not recorded as pairs:")
    end = notes.index("(Chinese full forms)", start)
    pairs = {
        (fold(zh), en)
        for en, zh in re.findall(r"([A-Z]{2,})(?: L[\d/]+)? = ([\u4e00-\u9fff]+)", notes[start:end])
    }
    countries = re.search(r"([A-Z/]+) = ([\u4e00-\u9fff/]+) \(full country names\)", notes)
    if countries:
        pairs |= set(zip(countries[2].split("/"), countries[1].split("/"), strict=True))
    return pairs


def predict(parts, sources: set[str], min_confidence: float = 0.0, corpus=None, model=None):
    """The pairs of some documents' `parts` (`DocumentPairs`), each decided as the build
    decides it (`pairing.decided`) by the `corpus` table, which counts it (its own when None):
    bracket pairs, running-text pairs of known forms, of mined strings, as `sources` say."""
    found, running = set(), []
    for part in parts:
        kept = tuple(
            c for c in part.candidates if ("known" if c.features["known"] else "mined") in sources
        )
        part = replace(part.with_candidates(kept), mine="mined" in sources)
        for p in decided(part, corpus, model):
            if RUNNING_TEXT not in p.evidence:
                if "brackets" in sources:
                    found.add((fold(p.zh_short), fold(p.en_acronym)))
            elif p.confidence >= min_confidence:
                found.add((fold(p.zh_short), fold(p.en_acronym)))
                running.append(p)
    return found, running


def score(found, certain, acceptable, uncertain):
    counted = found - uncertain
    right = len(counted & acceptable)
    precision = right / len(counted) if counted else 0.0
    recall = len(found & certain) / len(certain) if certain else 0.0
    return precision, recall, len(counted), len(found & certain), len(certain)


@dataclass
class Devset:
    """The UNPC devset lines, grouped by document, with each document's extracted
    definitions and what it decides of its term pairs alone (`parts`)."""

    zh: list[str]
    en: list[str]
    ids: list[str]
    by_document: dict[str, list[int]]
    definitions: dict[str, list]
    parts: dict[str, DocumentPairs]

    def subset(self, documents):
        """(line numbers, sentence pairs, definitions) of some documents."""
        lines = sorted(i for d in documents for i in self.by_document[d])
        pairs = [SentencePair(self.zh[i], self.en[i], self.ids[i]) for i in lines]
        return lines, pairs, [x for d in documents for x in self.definitions[d]]

    def table(self, documents=None):
        """The count table of some documents (all by default): the sum of their tables, as
        the build's reduce adds up its twins'. No labels enter it."""
        documents = list(self.by_document) if documents is None else documents
        return sum_tables(self.parts[d].table for d in documents)


def sum_tables(tables):
    from termkit.tree import TreeReducer

    reducer = TreeReducer(operator.add)
    for t in tables:
        reducer.add(t)
    return reducer.result()


def load_devset() -> Devset:
    root = SHARED / "data" / "unpc-v1.0-devset"
    zh = (root / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (root / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = [line.split()[0] for line in (root / "UNv1.0.devset.ids").read_text().splitlines()]
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, document in enumerate(ids):
        by_document[document].append(i)
    definitions = {
        document: extract_text("\n".join(zh[i] for i in lines), document)
        for document, lines in by_document.items()
    }
    parts = {}
    for document, lines in by_document.items():
        pairs = [SentencePair(zh[i], en[i], document) for i in lines]
        parts[document] = defined_pairs(pairs, definitions[document])
    return Devset(zh, en, ids, by_document, definitions, parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every pair found")
    parser.add_argument("--sources", default="brackets,known,mined")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="count the full-form pairs the gold's notes leave out as wrong",
    )
    parser.add_argument(
        "--min-confidence", type=float, default=0.0, help="running-text pairs from this one up"
    )
    parser.add_argument(
        "--no-corpus",
        action="store_true",
        help="co-occurrence over each subset's own documents only, no devset count table",
    )
    args = parser.parse_args()
    sources = set(args.sources.split(","))
    start = time.perf_counter()
    data = load_devset()
    documents = list(data.by_document)
    subsets = {"all": documents, "half A": documents[0::2], "half B": documents[1::2]}
    corpus = None if args.no_corpus else data.table()
    print(f"sources: {','.join(sorted(sources))}")
    for name, docs in subsets.items():
        lines = [i for d in docs for i in data.by_document[d]]
        parts = [data.parts[d] for d in docs]
        found, running = predict(parts, sources, args.min_confidence, corpus)
        p, r, n, hits, total = score(found, *gold_sets(set(lines), args.strict))
        print(
            f"{name:<7} {len(docs):>3} documents: precision {p:.3f} ({n} pairs), "
            f"recall {r:.3f} ({hits} of {total})"
        )
        if args.verbose and name == "all":
            certain, acceptable, _ = gold_sets(set(lines), args.strict)
            for t in running:
                key = (fold(t.zh_short), fold(t.en_acronym))
                mark = "ok " if key in acceptable else "-- "
                print(
                    f"  {mark}{t.zh_short}\t{t.en_acronym}\t{t.confidence}\t{' '.join(t.evidence)}"
                )
            for key in sorted(certain - found):
                print(f"  missed {key[0]}\t{key[1]}")
    print(f"{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
