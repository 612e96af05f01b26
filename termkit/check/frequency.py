"""Corpus frequency of Han wordings: in how many documents of a corpus each four-character
window occurs.

TK110 reports the rarer of two forms that differ by one character. When a corpus uses both
forms, document after document (人权问题 and 人口问题, 高级官员 and 高级专员), they are two
established terms, not a slip and its correction: the rule says nothing. The table is gathered
one document at a time (`document_table`, a pure function of one text) and tables add up in
any order, like the glossaries they are kept beside (`glossary.csv` → `glossary.frequency.json`,
written by `termkit build --usage`; the tables of the glossaries in force add up). Windows seen
in one document only are dropped when a table is written (they can establish nothing). The
shipped table, beside the default glossary, is built from that glossary's corpus by
`bench/corpus_frequency.py`, which fits the cut-off (how many documents make a wording
established) with cross-validation; the cut-off is kept in the shipped table and copied into
the tables `termkit build` writes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from termkit.check.document import Analysed
from termkit.errors import InputError
from termkit.text.normalize import HAN, normalize

N = 4
FORMAT = "termkit-corpus-frequency-1"
SUFFIX = ".frequency.json"
SHIPPED = Path(__file__).resolve().parents[1] / "data" / f"glossary{SUFFIX}"
HAN_RUN = re.compile(f"[{HAN}]{{{N},}}")  # a stretch of Han text that holds a window


@dataclass(frozen=True)
class Frequencies:
    """`documents`: how many documents the table counts; `windows`: four-character window →
    the number of those documents that contain it; `min_documents`: how many documents make
    a wording established (0: never)."""

    documents: int = 0
    windows: dict[str, int] = field(default_factory=dict)
    min_documents: int = 0

    def __sub__(self, other: Frequencies) -> Frequencies:
        """The table without a part of its corpus (a bench's leave-one-out)."""
        windows = Counter(self.windows)
        windows.subtract(other.windows)
        kept = {w: n for w, n in windows.items() if n > 0}
        return Frequencies(self.documents - other.documents, kept, self.min_documents)

    def documents_with(self, form: str) -> int:
        """How many documents may hold `form`: exact for four characters, an upper bound for
        longer forms (the fewest documents holding one of its windows)."""
        key = normalize(form)
        if len(key) < N:
            return 0
        return min(self.windows.get(key[i : i + N], 0) for i in range(len(key) - N + 1))

    def established(self, *forms: str) -> bool:
        """Is every form used in at least `min_documents` documents of the corpus?"""
        return self.min_documents > 0 and all(
            self.documents_with(f) >= self.min_documents for f in forms
        )


def document_table(text: str) -> Frequencies:
    """One document's row: the Han four-character windows of the key the checker matches on
    (PDF breaks repaired, normalized)."""
    return table_of(Analysed(text))


def table_of(doc: Analysed) -> Frequencies:
    """`document_table` of a document analysed already."""
    return Frequencies(1, dict.fromkeys(four_grams(doc.key), 1))


def four_grams(text: str) -> set[str]:
    """Every four-character window of the text's Han stretches."""
    return {
        run[i : i + N]
        for m in HAN_RUN.finditer(text)
        for run in [m.group()]
        for i in range(len(run) - N + 1)
    }


def total(tables: Iterable[Frequencies]) -> Frequencies:
    """The sum of many tables, counted in one pass (`+` copies its operands)."""
    documents, windows, cut = 0, Counter(), 0
    for table in tables:
        documents += table.documents
        windows.update(table.windows)
        cut = max(cut, table.min_documents)
    return Frequencies(documents, dict(windows), cut)


def dumps(table: Frequencies) -> str:
    """Sorted JSON, windows of two or more documents only, so a rebuilt table diffs cleanly."""
    rows = ",\n".join(f'"{w}":{n}' for w, n in sorted(table.windows.items()) if n >= 2)
    head = {"format": FORMAT, "documents": table.documents, "min_documents": table.min_documents}
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "windows": {\n' + rows + "\n}}\n"


def load(path: str | Path) -> Frequencies:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} table")
        windows = data["windows"]  # JSON keys are strings already: only the counts to check
        if not all(type(n) is int for n in windows.values()):
            raise ValueError("a window's count is not a number")
        return Frequencies(int(data["documents"]), windows, int(data["min_documents"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}: cannot read the corpus frequency table: {exc}") from None


@lru_cache(maxsize=1)
def shipped() -> Frequencies:
    """The shipped table, read when a rule first asks (most checks never do)."""
    return load(SHIPPED)


def beside(glossary: str | Path) -> Path:
    """Where the frequency table of a glossary file is kept."""
    return Path(glossary).with_suffix(SUFFIX)


def tables_of(glossaries: Iterable[str | Path]) -> tuple[Path, ...]:
    """The frequency tables kept beside these glossaries (read later, when a rule asks)."""
    return tuple(t for g in glossaries if (t := beside(g)).is_file())


def read_tables(paths: Iterable[Path]) -> Frequencies:
    """The tables added up; the shipped one is read once per process."""
    return total(shipped() if p == SHIPPED else load(p) for p in paths)
