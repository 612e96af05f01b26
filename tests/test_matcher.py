"""Term hits on real text: the automaton's leftmost-longest hits are those of a plain scan,
trying the longest key at each place, with a Latin term inside a word dropped after the
scan, at the analysis offsets the key map gives each hit's ends."""

from __future__ import annotations

import re

from termkit.check.document import Analysed
from termkit.check.matcher import find_hits
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings

from .conftest import REPO, SHARED

_LATIN = re.compile(r"[A-Za-z0-9]")


def _scanned(doc: Analysed, keys: list[str]) -> list[tuple]:
    text, known, longest = doc.key, set(keys), max(map(len, keys))
    found, at = [], 0
    while at < len(text):
        size = next((n for n in range(longest, 0, -1) if text[at : at + n] in known), 0)
        if not size:
            at += 1
            continue
        start, end = at, at + size
        at = end
        if (_LATIN.match(text, start) and start > 0 and _LATIN.match(text, start - 1)) or (
            _LATIN.match(text, end - 1) and end < len(text) and _LATIN.match(text, end)
        ):
            continue
        found.append((text[start:end], start, end, *doc.key_to_analysis(start, end)))
    return found


def test_hits_are_a_plain_scans_on_real_text():
    shipped = load_index(glossary_paths(Settings()))
    lines = (SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh").read_text("utf-8")
    seed = (REPO / "seeds" / "000_6fadedb60f1cd4cd.txt").read_text("utf-8")
    # Latin keys that occur inside longer words of the text (UN in UNEP, CBD in UNEP/CBD),
    # the shipped glossary's, and a few of the devset's own four-character strings.
    extra = ["UN", "CBD", "COP", "SBSTTA", "A", "2015", *re.findall("[一-鿿]{4}", lines)[::97]]
    for text in (seed, lines[:60_000]):
        doc = Analysed(text)
        keys = [*shipped.keys, *extra]
        hits = find_hits(doc, keys)
        assert len(hits) > 300
        assert [tuple(h) for h in hits] == _scanned(doc, keys)
