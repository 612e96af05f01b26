"""Round-trip table: every format × termbases of 2, 3 and 6 languages, lossless and byte-stable.

For each termbase and format: write it, read it back (lossless: the same termbase), write that
again (byte-stable: the same bytes). The termbases are the shipped glossary (zh, en), the LTAC
MultiTerm example (en, es, zu; TBX only is lossless for its back matter, see docs/formats.md),
the six-language sample of the tests and the synthetic six-language termbase of
bench/exchange.py. Run by hand:

    python bench/roundtrip.py [--concepts 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from exchange import SUFFIX, synthetic_termbase  # noqa: E402

from termkit.formats.registry import (  # noqa: E402
    FORMATS,
    default_glossary_path,
    load_glossary,
    save_glossary,
)
from termkit.termbase.model import Termbase, languages  # noqa: E402

ASTRONOMY = ROOT.parent / "shared" / "data" / "tbx" / "Example_Astronomy_DCA_VALID.tbx"


def termbases(concepts: int) -> list[tuple[str, Termbase]]:
    sys.path.insert(0, str(ROOT))
    from tests.test_formats_languages import six_languages

    found = [("shipped glossary", load_glossary(default_glossary_path()))]
    if ASTRONOMY.exists():
        found.append(("LTAC MultiTerm example", load_glossary(ASTRONOMY)))
    found.append(("six-language sample", six_languages()))
    found.append((f"synthetic {concepts}", synthetic_termbase(concepts, languages=6)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=2000)
    args = parser.parse_args()
    print("| termbase | languages | concepts | " + " | ".join(FORMATS) + " |")
    print("| --- | --- | ---: |" + " --- |" * len(FORMATS))
    with tempfile.TemporaryDirectory() as tmp:
        for name, tb in termbases(args.concepts):
            cells = []
            for fmt in FORMATS:
                first, second = Path(tmp) / f"a{SUFFIX[fmt]}", Path(tmp) / f"b{SUFFIX[fmt]}"
                save_glossary(tb, first, fmt)
                back = load_glossary(first)
                # TBX back matter (the people transactions name) has no place in other formats
                expected = tb if fmt in ("tbx", "tbx2008") else replace(tb, back=())
                save_glossary(back, second, fmt)
                stable = first.read_bytes() == second.read_bytes()
                cells.append(f"{'yes' if back == expected else 'NO'}/{'yes' if stable else 'NO'}")
            langs = ", ".join(sorted({t.split("-")[0] for t in languages(tb)}))
            print(f"| {name} | {langs} | {len(tb)} | " + " | ".join(cells) + " |")
    print("\ncells: lossless/byte-stable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
