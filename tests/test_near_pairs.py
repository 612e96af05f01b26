"""TK110's four-gram pairs, found through wildcard groups, are exactly the pairs its definition
gives, checked pair by pair on a real document (the fast index must not lose or add any)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from termkit.check import near
from termkit.check.document import Analysed
from termkit.check.frequency import HAN_RUN, four_grams
from termkit.check.near import (
    _NEUTRAL,
    MAX_SHORTLIST,
    MIN_KNOWN,
    MIN_USUAL,
    Grams,
    _pairs,
)
from termkit.formats.registry import default_glossary_path, load_glossary
from termkit.text.normalize import normalize

from .conftest import SEED000


def one_slip(s: str, t: str, known: bool) -> bool:
    """t differs from s by one inner character, neither of them neutral, or by a swap of the
    two inner characters, neither neutral; neutral ones too when t is part of a known term."""
    if s == t or (s[0], s[3]) != (t[0], t[3]):
        return False
    if s[1] == t[2] and s[2] == t[1]:
        return known or (s[1] not in _NEUTRAL and s[2] not in _NEUTRAL)
    changed = [k for k in (1, 2) if s[k] != t[k]]
    return len(changed) == 1 and (known or not {s[changed[0]], t[changed[0]]} & _NEUTRAL)


def test_pairs_are_those_of_the_definition():
    text = SEED000.read_text(encoding="utf-8")
    grams = Grams(Analysed(text).key)
    keys = [
        normalize(t.text) for c in load_glossary(default_glossary_path()).concepts for t in c.terms
    ]
    long_known = [k for k in keys if len(k) >= MIN_KNOWN and HAN_RUN.fullmatch(k)]
    known = {g for k in long_known for g in four_grams(k)}
    glossary = set(list(known)[::2])  # half of them also as the glossary's own grams
    # Every window opening with a content character, whatever it closes with: the ones Grams
    # does not count (closing with a function character) make no pair.
    count = Counter(
        run[i : i + 4]
        for run in HAN_RUN.findall(grams.key)
        for i in range(len(run) - 3)
        if run[i] not in _NEUTRAL
    )
    usual = {w for w, n in count.items() if n >= MIN_USUAL} | known
    by_ends = defaultdict(list)
    for t in usual:
        by_ends[t[0], t[3]].append(t)
    expected = sorted(
        (s, t)
        for s, n in count.items()
        if n <= MAX_SHORTLIST and s not in glossary and s[0] not in _NEUTRAL
        if s[3] not in _NEUTRAL
        for t in by_ends[s[0], s[3]]
        if one_slip(s, t, t in known)
    )
    assert len(expected) > 50  # a real document has many
    assert _pairs(grams, known, glossary) == expected


@pytest.mark.parametrize("piece", [near.COUNT_PIECE, 97, 2])
def test_short_forms_counted_at_once_as_one_by_one(monkeypatch, piece):
    """`Grams.count_all` (one automaton pass, a piece of the key at a time) gives every count
    `Grams.count` gives alone, overlapping uses (各各各) and uses across pieces included."""
    monkeypatch.setattr(near, "COUNT_PIECE", piece)
    key = Analysed(SEED000.read_text(encoding="utf-8") + "\n各各各各，各各。\n").key
    forms = {key[i : i + 2] for i in range(0, len(key) - 1, 7)} | {key[i] for i in range(0, 900, 9)}
    forms |= {"各各", "各各各", "各"}
    at_once, one_by_one = Grams(key), Grams(key)
    at_once.count_all(forms)
    assert set(at_once._counts) == forms  # counted in the one pass, not when asked
    assert {f: at_once.count(f) for f in forms} == {f: one_by_one.count(f) for f in forms}
    assert at_once.count("各各") == 4 and at_once.count("各各各") == 2


def test_counts_and_places_come_from_the_windows_located():
    """`Grams` counts every window (a regex pass) and keeps places only for the windows it
    `locate`s: a longer form holding one of them is counted and found as a scan of the key
    finds it, overlapping uses included; a window nobody located is located when asked."""
    key = Analysed(SEED000.read_text(encoding="utf-8") + "\n各各各各各，上帝抵抗军。\n").key
    grams = Grams(key)
    windows = Counter(
        run[i : i + 4]
        for run in HAN_RUN.findall(key)
        for i in range(len(run) - 3)
        if run[i] not in _NEUTRAL and run[i + 3] not in _NEUTRAL
    )
    assert grams.counts == windows
    forms = {key[i : i + n] for i in range(0, len(key) - 8, 97) for n in (4, 5, 7)}
    forms = {f for f in forms if HAN_RUN.fullmatch(f)} | {"各各各各", "各各各各各", "上帝抵抗军"}
    grams.locate(f[1:5] for f in forms if len(f) > 4)  # a window inside, not the first
    for form in sorted(forms):
        uses = [m.start() for m in re.finditer(f"(?={re.escape(form)})", key)]
        assert grams.count(form) == len(uses), form
        assert grams.occurrences(form) == ([] if form[0] in _NEUTRAL else uses), form
    assert grams.count("各各各各") == 2 and grams.count("上帝抵抗军") == 1


def test_a_slip_of_a_defined_name_that_opens_with_a_function_character_is_reported():
    # Security Council resolution 2196 (2015), UNPC devset: 上帝抵抗军(上帝军). Four-character
    # windows opening with 上 are not kept, so the name was counted 0 times and its slip
    # 上帝抵意军 was no slip of a form the document uses.
    from termkit.check.engine import check_text
    from termkit.check.run import glossary_paths, load_index
    from termkit.check.settings import Settings

    from .conftest import shared

    lines = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh").read_text("utf-8")
    line = next(ln for ln in lines.splitlines() if "上帝抵抗军(上帝军)" in ln)
    text = f"{line}\n安理会谴责上帝抵意军的袭击。\n"
    found = check_text(text, "2196.txt", load_index(glossary_paths(Settings())), Settings())
    assert [(f.rule, f.found, f.suggestion) for f in found if f.line == 2] == [
        ("TK110", "上帝抵意军", "上帝抵抗军")
    ]
    assert Grams(normalize(line)).count("上帝抵抗军") == line.count("上帝抵抗军")


def test_a_slip_seen_only_in_a_window_opening_with_a_function_character_is_reported():
    # Hong Kong (un_pages_hant 001): 勞工及福利局(勞福局). The slip 勞工及福直局 changes the
    # character that only the window 及福利局 holds inside it, and windows opening with 及
    # are not kept unless a known name has one.
    from termkit.check.engine import check_text
    from termkit.check.run import glossary_paths, load_index
    from termkit.check.settings import Settings

    from .conftest import REPO

    paper = REPO / "bench" / "annotated" / "un_pages_hant" / "docs" / "001.txt"
    line = next(ln for ln in paper.read_text("utf-8").splitlines() if "(勞福局)" in ln)
    text = f"{line}\n勞工及福直局的代表出席了會議。\n"
    found = check_text(text, "001.txt", load_index(glossary_paths(Settings())), Settings())
    assert [(f.rule, f.found, f.suggestion) for f in found if f.line == 2] == [
        ("TK110", "勞工及福直局", "勞工及福利局")
    ]


def test_the_pairs_weighed_are_counted_at_once_and_only_those(monkeypatch):
    """On the UNPC devset as one text, `count_all` counts the character pairs `_credible` may
    weigh (the two over each substitution's change, for a usual window used at least
    MIN_SUBSTITUTED_USUAL times) and the rule asks for no other one afterwards; the findings
    are those of counting the three pairs of every usual window, as before (650 pairs
    counted instead of 1,520)."""
    from termkit.check.engine import check_text
    from termkit.check.run import glossary_paths, load_index
    from termkit.check.settings import Settings

    from .conftest import shared

    text = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh").read_text("utf-8")
    index, settings = load_index(glossary_paths(Settings())), Settings(enabled=frozenset({"TK110"}))
    counted, asked = [], []
    count_all, one = Grams.count_all, Grams._count
    monkeypatch.setattr(Grams, "count_all", lambda g, f: counted.append(set(f)) or count_all(g, f))
    monkeypatch.setattr(Grams, "_count", lambda g, f: asked.append(f) or one(g, f))
    found = check_text(text, "devset.txt", index, settings)
    assert [f for f in asked if len(f) == 2] == []
    monkeypatch.setattr(near, "_weighed_pairs", lambda g, s, t: [t[:2], t[1:3], t[2:]])
    assert check_text(text, "devset.txt", index, settings) == found
    assert len(found) > 5 and 2 * len(counted[0]) < len(counted[1])


def test_the_glossary_windows_are_made_once_per_index_and_as_defined(monkeypatch):
    """TK110's windows of the glossary's long Han terms are made once for an index (a check
    of several files reads one), and hold every such term under each of its four-character
    windows, the longest first and then in key order, as `_snap` tries them."""
    from termkit.check.engine import check_text
    from termkit.check.run import glossary_paths, load_index
    from termkit.check.settings import Settings

    index = load_index(glossary_paths(Settings()))
    made = []
    by_window = near.by_window
    monkeypatch.setattr(near, "by_window", lambda forms: made.append(1) or by_window(forms))
    text = SEED000.read_text(encoding="utf-8")[:6000]
    first = check_text(text, "a.txt", index, Settings())
    assert check_text(text, "a.txt", index, Settings()) == first
    # One for the glossary, then one a check for the document's own forms.
    assert len(made) == 3
    windows = near.glossary_windows(index)
    long_known = [k for k in index.keys if len(k) >= MIN_KNOWN and HAN_RUN.fullmatch(k)]
    expected = defaultdict(list)
    for k in sorted(long_known, key=lambda k: (-len(k), k)):
        for g in dict.fromkeys(k[i : i + 4] for i in range(len(k) - 3)):
            expected[g].append(k)
    assert len(long_known) > 50 and windows == expected
