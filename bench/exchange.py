"""Benchmark glossary exchange: export and import of a 20,000-concept termbase in every format.

The termbase is synthetic but shaped like a built UN glossary (a zh full and short form, an
English name and acronym, counts, locations, sources, confidence, evidence per concept) and the
same on every run; `--languages 6` adds the other UN languages as a UNTERM entry has them (an
Arabic and a Russian name, a French and a Spanish name and acronym, with a part of speech and a
transaction on the French name). Prints, per format, the file size, the export and import wall
times and whether the import equals the termbase. Run by hand:

    python bench/exchange.py [--concepts 20000] [--languages 2|6] [--formats tbx,tmx,csv,xlsx]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termkit.formats.registry import FORMATS, load_glossary, save_glossary  # noqa: E402
from termkit.termbase.merge import conflicts_of  # noqa: E402
from termkit.termbase.model import (  # noqa: E402
    Concept,
    Datum,
    Location,
    Term,
    Termbase,
    concept_id,
    transaction,
)

SUFFIX = {"tbx": ".tbx", "tbx2008": ".tbx", "tmx": ".tmx", "csv": ".csv", "xlsx": ".xlsx"}
HAN = "联合国环境规划署开发计划发展会议贸易组织世界卫生粮食农业教育科学文化儿童基金难民事务高级专员办事处"
WORDS = (
    "united nations environment programme development trade organization world health food".split()
)
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя"
LATIN = "abcdefghijklmnopqrstuvwxyzéèàç"


def _name(rng: random.Random, letters: str) -> str:
    return " ".join(
        "".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(rng.randint(2, 6))
    )


def other_languages(rng: random.Random, docs: tuple[str, ...]) -> tuple[Term, ...]:
    """Arabic, Spanish, French and Russian terms of one concept."""
    french = _name(rng, LATIN).capitalize()
    spanish = _name(rng, LATIN).capitalize()
    data = (Datum("termNote", "partOfSpeech", "noun"), transaction("origination", "2026-11-30"))
    return (
        Term(_name(rng, ARABIC), "ar", "fullForm", "preferred", sources=docs[:1]),
        Term(spanish, "es", "fullForm", "preferred"),
        Term("".join(w[0] for w in spanish.split()).upper(), "es", "acronym"),
        Term(french, "fr", "fullForm", "preferred", data=data),
        Term("".join(w[0] for w in french.split()).upper(), "fr", "acronym"),
        Term(_name(rng, CYRILLIC), "ru", "fullForm", "admitted", note="UNTERM"),
    )


def synthetic_termbase(n: int, seed: int = 0, languages: int = 2) -> Termbase:
    rng = random.Random(seed)
    concepts = {}
    while len(concepts) < n:
        full = "".join(rng.choices(HAN, k=rng.randint(6, 16)))
        cid = concept_id(full)
        if cid in concepts:
            continue
        short = full[: rng.randint(2, 4)] + full[-1]
        name = " ".join(w.capitalize() for w in rng.choices(WORDS, k=rng.randint(2, 6)))
        acronym = "".join(w[0] for w in name.split())
        docs = tuple(sorted({f"docs/A_{rng.randint(1, 400):03d}.txt" for _ in range(2)}))
        locs = tuple(
            sorted(Location(docs[0], rng.randint(1, 900), rng.randint(1, 80)) for _ in range(3))
        )
        terms = (
            Term(full, "zh", "fullForm", "preferred", rng.randint(1, 50), locs, docs),
            Term(short, "zh", "shortForm", "preferred", rng.randint(1, 200), locs[:2], docs[:1]),
            Term(name, "en", "fullForm", "preferred", 1, locs[:1], docs),
            Term(acronym, "en", "acronym", "admitted", rng.randint(1, 9), (), docs[:1]),
        )
        if languages == 6:
            terms += other_languages(rng, docs)
        evidence = ("rule:bracket", f"chars:{short}")
        concepts[cid] = Concept(
            cid, terms, docs, "", "", "", round(rng.uniform(0.5, 1), 3), evidence
        )
    ordered = tuple(sorted(concepts.values(), key=lambda c: c.id))
    return Termbase(ordered, conflicts_of(ordered))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=20000)
    parser.add_argument("--languages", type=int, choices=(2, 6), default=2)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    tb = synthetic_termbase(args.concepts, languages=args.languages)
    terms = sum(len(c.terms) for c in tb.concepts)
    print(f"{len(tb)} concepts, {args.languages} languages, {terms} terms\n")
    print("| format | size (MB) | export (s) | import (s) | lossless |")
    print("| --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"glossary-{fmt}{SUFFIX[fmt]}"
            start = time.perf_counter()
            save_glossary(tb, path, fmt)
            exported = time.perf_counter() - start
            start = time.perf_counter()
            back = load_glossary(path)
            imported = time.perf_counter() - start
            size = path.stat().st_size / 1e6
            print(f"| {fmt} | {size:.1f} | {exported:.2f} | {imported:.2f} | {back == tb} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
