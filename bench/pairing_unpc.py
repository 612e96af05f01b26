"""Term pairing on the UNPC devset: zh short forms ↔ English acronyms found across line pairs.

Run: python bench/pairing_unpc.py
The devset's lines are already 1-1 translations; they are grouped by document for the Chinese
extractor, then paired with `termkit.align.pairing.pair_terms`. Prints every pair with its
evidence for a hand check.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.align.pairing import SentencePair, pair_terms
from termkit.extract import extract_text


def main() -> None:
    root = SHARED / "data" / "unpc-v1.0-devset"
    zh = (root / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (root / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = [line.split()[0] for line in (root / "UNv1.0.devset.ids").read_text().splitlines()]
    start = time.perf_counter()
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, document in enumerate(ids):
        by_document[document].append(i)
    definitions = [
        d
        for document, lines in by_document.items()
        for d in extract_text("\n".join(zh[i] for i in lines), document)
    ]
    pairs = pair_terms([SentencePair(zh[i], en[i], ids[i]) for i in range(len(zh))], definitions)
    elapsed = time.perf_counter() - start
    for p in pairs:
        print(f"{p.zh_short}\t{p.zh_full}\t{p.en_acronym}\t{p.en_full}\t{' '.join(p.evidence)}")
    print(
        f"{len(pairs)} zh↔en pairs from {len(zh)} line pairs, {len(by_document)} documents, "
        f"{elapsed:.1f} s"
    )


if __name__ == "__main__":
    main()
