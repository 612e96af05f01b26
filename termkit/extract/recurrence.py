"""How often each candidate full form stands alone in a document, counted in one pass.

A name that recurs on its own (not glued to a preceding name character) is better evidence
than the same name plus one more word. All candidates of a document go into one Aho–Corasick
automaton and the normalized text is scanned once, so the cost grows with the text and the
number of matches, not with text × candidates (7,000 definitions in one file stay linear).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from termkit.extract.corpus_names import NameCounts
from termkit.text.normalize import HAN_CHAR, normalize


@dataclass(frozen=True)
class Recurrence:
    """How each candidate of one document recurs in it, by normalization key."""

    standalone: dict[str, int]  # occurrences not preceded by a Chinese, Latin or digit
    # How many different characters stand before it (standing alone counts as one): a
    # string that follows several different words is a unit of its own (accessor variety,
    # `是|减少…排放量`, `与|减少…排放量`), one that always follows the same word is the tail
    # of a longer one.
    varieties: dict[str, int]
    # How the candidates occur across a corpus (`extract/corpus_names.py`): data passed in.
    corpus: NameCounts
    # Every occurrence, glued or not: how often a short form is used (`该公约` uses `公约`).
    occurrences: dict[str, int] = field(default_factory=dict)

    def __call__(self, candidate: str) -> int:
        return self.standalone.get(normalize(candidate), 0)

    def variety(self, candidate: str) -> int:
        return self.varieties.get(normalize(candidate), 0)

    def uses(self, candidate: str) -> int:
        return self.occurrences.get(normalize(candidate), 0)


def document_recurrence(key_text: str, candidates: Iterable[str], corpus: NameCounts) -> Recurrence:
    """The recurrence of every candidate in `key_text` (a normalization key), in one scan;
    `corpus` says how they occur across a corpus."""
    counter = CandidateCounter(candidates, one_text=True)
    standalone = dict.fromkeys(counter.keys, 0)
    varieties = dict.fromkeys(counter.keys, 0)
    occurrences = dict.fromkeys(counter.keys, 0)
    for (key, left), n in counter.contexts(key_text).items():
        varieties[key] += 1
        occurrences[key] += n
        if not left:
            standalone[key] += n
    return Recurrence(standalone, varieties, corpus, occurrences)


def _glues(character: str) -> bool:
    """Whether a character glues a string to what precedes it: a Chinese, Latin or digit
    (ASCII letters and digits; no pattern, whose class of Chinese costs 2 ms a process to
    compile)."""
    return (character.isascii() and character.isalnum()) or HAN_CHAR.match(character) is not None


@lru_cache(maxsize=65536)
def _left_context(left: bytes) -> str:
    """The character of the UTF-8 bytes before a match, or "" where it glues nothing: asked
    for every (key, character) pair of every document, of a few thousand characters."""
    character = left.decode()
    return character if _glues(character) else ""


class CandidateCounter:
    """One automaton over the candidates' keys, to count them in many texts (`build`'s
    corpus pass counts the same candidates in every document). For `one_text`, a contiguous
    NFA: ahocorasick-rs builds a DFA for a few dozen keys, ~3 ms that pays off only over many
    texts (a tenth of the extraction of a 20 KB document). The automaton runs over UTF-8
    bytes: on a Chinese text ahocorasick-rs maps every match's byte offsets back to
    characters, which cost as much as the search; a key's first byte starts a character, so
    the matches are the same."""

    def __init__(self, candidates: Iterable[str], one_text: bool = False) -> None:
        self.keys = sorted({k for c in candidates if (k := normalize(c))})
        self._automaton = None
        if self.keys:
            import ahocorasick_rs

            nfa = ahocorasick_rs.Implementation.ContiguousNFA if one_text else None
            self._automaton = ahocorasick_rs.BytesAhoCorasick(
                [k.encode() for k in self.keys],
                matchkind=ahocorasick_rs.MatchKind.Standard,
                implementation=nfa,
            )

    def contexts(self, key_text: str) -> dict[tuple[str, str], int]:
        """(key, the character before it) -> occurrences in `key_text`; the character is ""
        where the key stands alone (at the start, or after anything but a Chinese, Latin or
        digit character)."""
        found: dict[tuple[str, str], int] = {}
        if self._automaton is None:
            return found
        data = key_text.encode()  # a key went through OpenCC, which takes no lone surrogate
        # (key index, the bytes of the character before) first, each pair decoded once: the
        # character before ends where the match starts and begins at the last byte that
        # is no continuation byte (0x80-0xBF) among the one to four before
        before: dict[tuple[int, bytes], int] = {}
        for index, start, _end in self._automaton.find_matches_as_indexes(data, overlapping=True):
            if not start:
                left = b""
            elif data[start - 1] < 0x80:
                left = data[start - 1 : start]
            elif data[start - 2] >= 0xC0:
                left = data[start - 2 : start]
            elif data[start - 3] >= 0xC0:
                left = data[start - 3 : start]
            else:
                left = data[start - 4 : start]
            pair = (index, left)
            before[pair] = before.get(pair, 0) + 1
        keys = self.keys
        for (index, left), n in before.items():
            context = (keys[index], _left_context(left))
            found[context] = found.get(context, 0) + n
        return found

    def standalone(self, key_text: str) -> dict[str, int]:
        """Key -> its stand-alone occurrences in `key_text`."""
        counts = dict.fromkeys(self.keys, 0)
        for (key, left), n in self.contexts(key_text).items():
            if not left:
                counts[key] += n
        return counts
