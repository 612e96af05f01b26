"""`termkit check`'s definition reader against the gold full forms: does the checker read each
definition's name as the annotator (and the extractor) does?

Run: python bench/check_definitions.py [--list] [SET ...]
SET is a folder of bench/annotated (un_pages, un_pages4 …) or another folder holding a
gold.json of that format with its docs/, or `unpc` for gold/unpc_devset.json over the
UNPC devset's documents; the default is every TRAIN set and `unpc`. For every certain gold
definition whose short form has two or more characters (those bench/check_planted.py plants
next to), the checker's reader (termkit.check.definitions, jieba-free, with the shipped
glossary's full forms) is run on the whole document, and the definition counts as agreeing
when one of the full forms it reads for that short form is the gold's (title marks and
quotes left out of both). A full form read too long or too short is where TK103 finds
other short forms that are none and TK104/TK105 conflicts that are none. Per set and in all;
`--list` prints every disagreement. No held-out set is ever read here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _paths import REPO

sys.path.insert(0, str(REPO))

from check_planted import ZH, _bare, documents, read_gold_set, unpc_gold, unpc_line

from termkit.check.definitions import find_definitions
from termkit.check.document import Analysed
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings
from termkit.text.normalize import normalize, strip_title_marks

ANNOTATED = REPO / "bench" / "annotated"
_QUOTES = '「」『』“”"〈〉'


def gold_set(name: str) -> tuple[dict[str, list[str]], list[tuple[str, int, str, str]]]:
    """Documents (name → lines) and their gold definitions (document, line, short, full)."""
    if name == "unpc":
        docs = documents()
        gold = unpc_gold()
        lines_of = {line: doc for doc, ls in docs.items() for line in ls}
        rows = []
        for g in gold:
            doc = lines_of[ZH[g["line"] - 1]]
            rows.append((doc, unpc_line(g, docs[doc]) + 1, g["abbr"], g["full"]))
        return docs, rows
    folder = Path(name) if Path(name).is_dir() else ANNOTATED / name
    docs, gold, _, _ = read_gold_set(folder / "gold.json", folder)
    return docs, [(g["doc"], g["line"], g["abbr"], g["full"]) for g in gold]


def _key(form: str) -> str:
    return strip_title_marks(normalize(_bare(form))).strip(_QUOTES)


def score(name: str, known: frozenset[str], listing: bool) -> tuple[int, int]:
    docs, rows = gold_set(name)
    read: dict[str, list] = {}
    agree = 0
    for doc, line, short, full in rows:
        if doc not in read:
            analysed = Analysed("\n".join(docs[doc]) + "\n")
            read[doc] = find_definitions(analysed, known)
        mine = sorted({_key(d.full) for d in read[doc] if _key(d.short) == _key(short)})
        if _key(full) in mine:
            agree += 1
        elif listing:
            print(f"  {name} {doc}:{line} {short}: gold {_key(full)}, read {mine}")
    return agree, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="TRAIN sets (default: all) and/or unpc")
    parser.add_argument("--list", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    names = args.sets or [*sorted(p.name for p in ANNOTATED.iterdir() if p.is_dir()), "unpc"]
    known = load_index(glossary_paths(Settings())).zh_full_keys
    total = [0, 0]
    for name in names:
        agree, n = score(name, known, args.list)
        total[0] += agree
        total[1] += n
        print(f"{name}: {agree}/{n} agree ({agree / max(1, n):.3f})")
    print(f"all: {total[0]}/{total[1]} agree ({total[0] / max(1, total[1]):.3f})")


if __name__ == "__main__":
    main()
