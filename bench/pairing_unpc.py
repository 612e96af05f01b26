"""Term pairing on the UNPC devset: zh short forms ↔ English acronyms, scored against the
hand-made `bilingual_pairs` of ../shared/gold/unpc_devset.json.

Run: python bench/pairing_unpc.py [--verbose] [--sources brackets,known,mined]
     [--min-confidence 0.8] [--no-corpus]
The devset's lines are already 1-1 translations; they are grouped by document for the Chinese
extractor (whose short forms, with the shipped glossary's Chinese terms, are the known
Chinese candidates). Pairs are scored as distinct (zh, en) pairs after the gold's folding:
recall against the certain `bilingual_pairs`, precision against `bilingual_pairs` and
`bilingual_pairs_extra` (uncertain ones count neither way, nor, unless --strict, the
full-form pairs the gold's notes list as outside its criterion: PAHO = 泛美卫生组织). Figures are printed for all
documents and for two document-grouped halves (even / odd documents in order of first line):
the method was developed looking at all of them, so the halves show how much the figures move
with the documents, not a clean held-out score. Running-text pairs are judged by their
co-occurrence over the whole devset's count table too (`evidence.count_table`), unless
--no-corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.align.evidence import count_table
from termkit.align.pairing import SentencePair, known_forms, pair_terms, running_text_pairs
from termkit.extract import extract_text
from termkit.formats import glossary_csv
from termkit.formats.registry import default_glossary_path
from termkit.text.normalize import normalize


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


def predict(pairs, definitions, known, sources: set[str], min_confidence: float = 0.0, corpus=None):
    """Bracket pairs, then running-text pairs for the acronyms brackets did not pair, their
    co-occurrence counted over the `corpus` table too when given."""
    bracket = pair_terms(pairs, definitions) if "brackets" in sources else []
    found = {(fold(p.zh_short), fold(p.en_acronym)) for p in bracket}
    running = []
    if sources & {"known", "mined"}:
        forms, full_forms = known if "known" in sources else ((), {})
        running = running_text_pairs(
            pairs, forms, full_forms, mine="mined" in sources, taken=bracket, corpus=corpus
        )
        running = [p for p in running if p.confidence >= min_confidence]
        found |= {(fold(p.zh_short), fold(p.en_acronym)) for p in running}
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
    definitions and the shipped glossary."""

    zh: list[str]
    en: list[str]
    ids: list[str]
    by_document: dict[str, list[int]]
    definitions: dict[str, list]
    glossary: object

    def subset(self, documents):
        """(line numbers, sentence pairs, definitions) of some documents."""
        lines = sorted(i for d in documents for i in self.by_document[d])
        pairs = [SentencePair(self.zh[i], self.en[i], self.ids[i]) for i in lines]
        return lines, pairs, [x for d in documents for x in self.definitions[d]]


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
    glossary = glossary_csv.read(default_glossary_path())
    return Devset(zh, en, ids, by_document, definitions, glossary)


def corpus_table(data: Devset):
    """The count table of the whole devset (every document's beads and known forms), what a
    build counts over its corpus: no labels enter it."""
    _, pairs, defs = data.subset(list(data.by_document))
    forms, _ = known_forms(defs, data.glossary)
    zh = [normalize(p.zh) for p in pairs]
    return count_table(zh, [p.en for p in pairs], {normalize(f) for f in forms})


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
    glossary = data.glossary
    documents = list(data.by_document)
    subsets = {"all": documents, "half A": documents[0::2], "half B": documents[1::2]}
    corpus = None if args.no_corpus else corpus_table(data)
    print(f"sources: {','.join(sorted(sources))}")
    for name, docs in subsets.items():
        lines, pairs, defs = data.subset(docs)
        known = known_forms(defs, glossary)
        found, running = predict(pairs, defs, known, sources, args.min_confidence, corpus)
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
