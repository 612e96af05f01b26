"""How a candidate full form occurs across a corpus of UN text: data passed to extraction.

A name cut too short (`国际|民用航空组织`, `生物多样性和…|政府间科学政策平台`) leaves a string
that, across a corpus, nearly always follows the same character: the tail of a longer unit.
A whole name is used after many different words, or on its own. One document rarely says
which (the name occurs once), a corpus often does. `bench/corpus_names.py` counts, over the
UNPC devset's Chinese side, the seeds and the glossary's full forms, every string of two or
more words that occurs at least twice, by the character before each occurrence (the same
count tables as `termkit build`'s corpus pass, `termkit.corpus`), and keeps the totals as
data (`termkit/data/corpus_names.txt`). Extraction stays a pure function of one document and
this table; the boundary model weighs what the table says of each candidate
(`features.candidate_features`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termkit.text.normalize import normalize

NAMES = Path(__file__).resolve().parents[1] / "data" / "corpus_names.txt"
# A string seen once says nothing of its contexts.
MINIMUM = 2


@dataclass(frozen=True)
class Seen:
    """One string's occurrences across the corpus."""

    count: int
    contexts: int  # different characters before it (standing alone counts as one)
    after_one: int  # occurrences after its most frequent preceding Chinese, Latin or digit


NOTHING = Seen(0, 0, 0)


@dataclass(frozen=True)
class NameCounts:
    """Normalization key -> how it occurs across the corpus (only keys seen MINIMUM times)."""

    seen: Mapping[str, Seen]

    def __call__(self, candidate: str) -> Seen:
        return self.seen.get(normalize(candidate), NOTHING)


def totals(contexts: Iterable[tuple[str, str, int]]) -> NameCounts:
    """The table of (key, the character before an occurrence or "" where it stands alone,
    occurrences) triples, as `termkit.corpus` counts them; keys seen fewer than MINIMUM times
    are left out."""
    by_key: dict[str, list[tuple[str, int]]] = {}
    for key, left, n in contexts:
        if n > 0:
            by_key.setdefault(key, []).append((left, n))
    seen = {}
    for key, lefts in by_key.items():
        count = sum(n for _, n in lefts)
        if count >= MINIMUM:
            glued = [n for left, n in lefts if left]
            seen[key] = Seen(count, len(lefts), max(glued, default=0))
    return NameCounts(seen)


def write_table(names: NameCounts, path: Path, about: str) -> None:
    lines = [f"# {line}" for line in about.splitlines()]
    lines.append("# key\toccurrences\tleft contexts\toccurrences after the most frequent one")
    lines.extend(
        f"{key}\t{s.count}\t{s.contexts}\t{s.after_one}" for key, s in sorted(names.seen.items())
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_table(path: Path) -> NameCounts:
    lines = path.read_text(encoding="utf-8").splitlines()
    return NameCounts(_Rows(dict(line.split("\t", 1) for line in lines if line and line[0] != "#")))


class _Rows(Mapping[str, Seen]):
    """A table's rows by key, each parsed on first use: a document looks up a few thousand
    of the shipped table's 27,000 strings, and parsing them all cost 40 ms a process."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows  # key -> "occurrences\tcontexts\tafter one"
        self._parsed: dict[str, Seen] = {}

    def __getitem__(self, key: str) -> Seen:
        seen = self._parsed.get(key)
        if seen is None:
            count, contexts, after_one = self._rows[key].split("\t")
            seen = self._parsed[key] = Seen(int(count), int(contexts), int(after_one))
        return seen

    def get(self, key: str, default=None):  # type: ignore[override]
        return self[key] if key in self._rows else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@lru_cache(maxsize=1)
def shipped_names() -> NameCounts:
    """The table `bench/corpus_names.py` wrote."""
    return read_table(NAMES)
