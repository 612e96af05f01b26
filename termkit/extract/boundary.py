"""Where does the full form start? The left boundary of `…FULL（SHORT）`.

Evidence, combined: the short form's characters found in order in the text before the bracket
(a character-level Schwartz–Hearst: they fix the part of the name that must be included), word
boundaries from jieba, function words and governing verbs that cannot open a name, conjunctions
that may sit inside one, title marks and quotes, and how often a candidate name recurs in the
document (a name that recurs on its own is a better name than the same plus one more word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termkit.extract.anchors import (
    HARD,
    NAME_CHAR,
    covered,
    match_characters,
    window_start,
)
from termkit.extract.features import names_instrument, window_features
from termkit.extract.lexicon import CONJUNCTIONS, ENTITY_SUFFIXES, SOFT_WORDS, STOP_WORDS
from termkit.extract.recurrence import Recurrence
from termkit.extract.scoring import BoundaryModel, probability
from termkit.extract.segmenter import segmenter
from termkit.text.normalize import HAN_CHAR, normalize
from termkit.text.numerals import zh_numeral_value

_NUMERAL_END = re.compile(r"[一二三四五六七八九十]+$")


@dataclass(frozen=True)
class Boundary:
    """A full form's start, with the evidence for it."""

    start: int
    matched: str  # the short form's characters found in the full form, in order
    coverage: float  # share of the short form's Chinese characters found
    rules: tuple[str, ...]
    probability: float = 1.0  # the model's probability that this start is right
    # (start, model score) of every candidate weighed, best first
    weighed: tuple[tuple[int, float], ...] = ()


# Parts of speech (jieba's ICTCLAS tags) that can extend a name to the left of the part the
# short form's characters anchor: nouns, names, fixed phrases, abbreviations, localizers,
# verbal and adjectival nouns, distinguishing words.
_NOUNISH = ("n", "l", "j", "f", "b", "vn", "an", "s")
# Quantities (`两种`, `大部分`; a lone numeral may sit in a name: `亚甲二氧基`), measure words,
# pronouns, prepositions, particles and interjections never sit inside a name.
_FUNCTION_POS = ("q", "r", "p", "u", "y", "e", "o")
_LATIN_END = re.compile(r"[A-Za-z]$")


def _function_word(word: str, flag: str) -> bool:
    """Single characters are too ambiguous to judge by tag (`卡他儿肠炎`), particles aside."""
    if flag.startswith("u"):
        return True
    if flag.startswith("m"):
        return len(word) >= 2 and not word.isascii()
    return len(word) >= 2 and flag.startswith(_FUNCTION_POS)


def _words(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """(word, part of speech, start, end) over text[start:end], jieba's words joined where
    a dictionary word that jieba lacks spans them (see `join_dictionary_words`)."""
    out = []
    pos = start
    for pair in segmenter().cut(text[start:end]):
        out.append((pair.word, pair.flag, pos, pos + len(pair.word)))
        pos += len(pair.word)
    return join_dictionary_words(join_numbers(out))


def join_numbers(words: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """jieba without its HMM tags digits `eng`, like Latin words, and leaves the ordinal and
    the unit apart (`22|日联合国…`, the `日` then looks like a name's first word): a run of
    digits is a numeral, one word with a `第` before it and a one-character unit after it
    (`2012年`, `22日`, `第12项`)."""
    out: list[tuple[str, str, int, int]] = []
    for word in words:
        text, _, start, end = word
        last = out[-1] if out else None
        if text.isdigit() and text.isascii():
            word = (text, "m", start, end)
            if last is not None and last[0] == "第":
                word = ("第" + text, "m", out.pop()[2], end)
        elif (
            last is not None
            and last[1] == "m"
            and last[0][-1:].isdigit()
            and len(text) == 1
            and HAN_CHAR.match(text)
        ):
            word = (last[0] + text, "m", out.pop()[2], end)
        out.append(word)
    return out


def join_dictionary_words(
    words: list[tuple[str, str, int, int]],
) -> list[tuple[str, str, int, int]]:
    """jieba cuts words its dictionary lacks into pieces (`可|持续`, the first one then reads
    as a modal verb that stops a name); a word of CC-CEDICT that jieba lacks, made of two or
    three adjacent pieces starting with a single character, is joined into one word with the
    part of speech of its last piece (Chinese compounds are head-final)."""
    extra = dictionary_words()
    out: list[tuple[str, str, int, int]] = []
    i = 0
    while i < len(words):
        word = words[i]
        if len(word[0]) == 1:
            for n in (3, 2):
                parts = words[i : i + n]
                joined = "".join(p[0] for p in parts)
                if len(parts) == n and len(joined) <= 4 and joined in extra:
                    word = (joined, parts[-1][1], parts[0][2], parts[-1][3])
                    i += n - 1
                    break
        out.append(word)
        i += 1
    return out


DICTIONARY_WORDS = Path(__file__).resolve().parents[1] / "data" / "dictionary_words.txt"


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The CC-CEDICT words jieba lacks and would cut after their first character, kept as
    data by bench/dictionary_words.py (reading all of CC-CEDICT costs ~0.45 s a process)."""
    lines = DICTIONARY_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def _joins_entities(left_word: str, right_flag: str) -> bool:
    """`秘书处和联合国…`: a conjunction between a complete entity and a new organization or
    place name joins two names; it is not inside one."""
    return left_word.endswith(ENTITY_SUFFIXES) or right_flag in ("nt", "ns")


@dataclass
class Window:
    """The text before a bracket where a full form may start, segmented, with the part the
    short form's characters anchor: everything a boundary decision looks at."""

    text: str
    start: int
    end: int
    short: str
    kind: str
    anchor: int
    matched: str
    coverage: float
    anchored: bool  # the short form's first character is the first one matched
    words: list[tuple[str, str, int, int]]
    anchor_index: int  # the word holding the anchor: no full form starts right of it
    shorts: tuple[str, ...] = ()  # every short form the bracket offers (`A或B`)

    def candidates(self) -> list[str]:
        """Every full form the window allows: from each word start up to the anchor's word."""
        return [self.text[w[2] : self.end] for w in self.words[: self.anchor_index + 1]]

    def heads(self) -> list[str]:
        """Before a Latin acronym, the text from each candidate start to each later one, of
        at least four characters: a name built on another name (`减少…排放量|联合国合作方案`)
        starts with a string that recurs as a unit of its own."""
        if self.kind != "english":
            return []
        starts = [w[2] for w in self.words[: self.anchor_index + 1]]
        return [self.text[a:b] for i, a in enumerate(starts) for b in starts[i + 1 :] if b - a >= 4]


_MEETINGS = ("会议", "大会")


def counts_a_meeting(short: str, text: str, end: int) -> bool:
    """`生境二` after `…会议`: a Chinese short form ending in a numeral that counts the
    meeting that text[:end] names last (the numbered nickname of a conference)."""
    numeral = _NUMERAL_END.search(short)
    return bool(numeral) and numeral.start() >= 2 and text.endswith(_MEETINGS, 0, end)


def open_window(
    text: str, end: int, short: str, kind: str, shorts: tuple[str, ...] = ()
) -> Window | None:
    """The window of the full form ending at `end` (the bracket with the spaces before it
    already left out), or None when the text offers no name there; `shorts` are all the
    short forms of the bracket."""
    if end == 0 or not NAME_CHAR.match(text, end - 1):
        return None
    window = window_start(text, end)
    anchored = False
    if kind == "english":
        anchor, matched, coverage = end - 1, "", 1.0
    else:
        # `人居二`: a trailing numeral counts the meeting (`第二次…会议`), it abbreviates nothing.
        numeral = _NUMERAL_END.search(short)
        ordinal = text.rfind(f"第{numeral.group()}", window, end) if numeral else -1
        stem = short[: numeral.start()] if ordinal >= 0 and numeral.start() >= 1 else short
        han = HAN_CHAR.findall(stem)
        positions = match_characters(stem, text, window, end)
        coverage = len(positions) / len(han) if han else 0.0
        if not positions or not covered(len(positions), len(han)):
            return None
        if end - positions[-1] > max(8, (end - window) // 2) and len(positions) < len(han):
            return None  # the short form's characters only echo the start of a long clause
        if text.count("、", positions[0], end) >= 2:
            return (
                None  # matched across the items of a list (`叙利亚…、委内瑞拉（玻利瓦尔共和国）`)
            )
        anchor, matched = positions[0], "".join(text[p] for p in positions)
        anchored = text[anchor] == han[0]
        if stem != short and ordinal < anchor:
            anchor, anchored = ordinal, True
    words = _words(text, window, end)
    index = next(i for i, (_, _, a, b) in enumerate(words) if a <= anchor < b)
    return Window(
        text, window, end, short, kind, anchor, matched, coverage, anchored, words, index, shorts
    )


def full_start(
    window: Window,
    recurrences: Recurrence,
    model: BoundaryModel,
    plausible: Callable[[str], bool] = lambda full: True,
    same_bracket: int | None = None,
    agreed: str = "",
) -> Boundary | None:
    """The start of the window's full form: every candidate start that could be a full form
    (`plausible`) is scored by the model and the likeliest wins, unless one of them starts
    where another short form of the same bracket found its name (`same_bracket`) or is the
    full form (a normalization key) the document's other brackets of this short form agree
    on (`agreed`); None when the anchored word cannot be inside a name."""
    if not _own_word(window) and not _can_end_name(window.words[window.anchor_index]):
        return None
    walk_rules: list[str] = []
    candidates = window_candidates(window, recurrences, plausible, walk_rules)
    if not candidates:
        return None
    scored = sorted(
        ((model.score(f), start, f) for start, f in candidates), key=lambda s: (-s[0], s[1])
    )
    sibling = [s for s in scored if _name_start(window, s[1]) == same_bracket]
    counted = [] if sibling else _counted_by_acronym(window, scored)
    titled = [] if sibling or counted else [s for s in scored if "instrument-title" in s[2]]
    named = (
        []
        if sibling or counted or titled or not agreed
        else [
            s
            for s in scored
            if normalize(window.text[_name_start(window, s[1]) : window.end]) == agreed
        ]
    )
    chosen = (sibling or counted or titled or named or scored)[0]
    best, start, features = probability(chosen[0]), chosen[1], chosen[2]
    if best < model.min_probability and not (sibling or counted or titled or named):
        return None
    rules = [f"chars:{window.matched}"] if window.kind != "english" else []
    if sibling:
        rules.append("boundary:same-bracket")
    if counted:
        rules.append("boundary:ordinal-of-acronym")
    if titled:
        rules.append("boundary:instrument-title")
    if named:
        rules.append("boundary:same-short-form")
    if "rule-walk" in features:
        rules.extend(walk_rules)
    if best < 0.5 or (len(scored) > 1 and probability(scored[1][0]) > best / 2):
        rules.append("boundary:doubtful")
    rules.append(
        "weighed:"
        + " ".join(f"{window.text[s : window.end]}={probability(z):.2f}" for z, s, _ in scored[:3])
    )
    rules.append("why:" + " ".join(f"{k}{w:+.1f}" for k, w in model.contributions(features)[:3]))
    ranked = [chosen, *(s for s in scored if s is not chosen)]
    weighed = tuple((_name_start(window, s), round(z, 4)) for z, s, _ in ranked)
    return _finish(window, start, rules, best, weighed)


_TRAILING_NUMBER = re.compile(r"[A-Za-z][ \-]?(\d{1,3})$")
_ORDINAL = re.compile(r"第([0-9]+|[〇零一二三四五六七八九十百]+)")
# `2023年世界无线电通信大会（WRC-23）`: a two-digit number is the meeting's year.
_YEAR = re.compile(r"(?:19|20)([0-9]{2})年")


def _counted_by_acronym(window: Window, scored: list) -> list:
    """`第二十六届缔约方大会（COP26）`: an acronym that ends in a number counts the session or
    meeting; the candidates that open with that same ordinal (a numeral word, which stops the
    walk and the model's names), or with a year ending in that two-digit number, name it."""
    number = _TRAILING_NUMBER.search(window.short) if window.kind == "english" else None
    if number is None:
        return []
    out = []
    for candidate in scored:
        start = _name_start(window, candidate[1])
        ordinal = _ORDINAL.match(window.text, start)
        year = _YEAR.match(window.text, start) if len(number.group(1)) == 2 else None
        if (ordinal is not None and _value(ordinal.group(1)) == int(number.group(1))) or (
            year is not None and year.group(1) == number.group(1)
        ):
            out.append(candidate)
    return out


def _value(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else zh_numeral_value(numeral)


def _name_start(window: Window, start: int) -> int:
    """A candidate's start with the spaces and joining signs before its first word left out."""
    text, end = window.text, window.end
    while start < end and (text[start].isspace() or text[start] in "-－·+＋"):
        start += 1
    return start


def _finish(
    window: Window,
    start: int,
    rules: list[str],
    best: float,
    weighed: tuple[tuple[int, float], ...],
) -> Boundary:
    start = _name_start(window, start)
    if start == window.start:
        rules.append(
            "boundary:punctuation"
            if window.start > 0 and HARD.match(window.text, window.start - 1)
            else "boundary:window"
        )
    return Boundary(start, window.matched, window.coverage, tuple(rules), best, weighed)


def window_candidates(
    window: Window,
    recurrences: Recurrence,
    plausible: Callable[[str], bool] = lambda full: True,
    walk_rules: list[str] | None = None,
) -> list[tuple[int, dict[str, float]]]:
    """Every candidate start of the window's full form with its features, longest first,
    those that cannot be a full form (`plausible`, or one of the bracket's own short forms)
    left out. The rule walk's choice is one piece of evidence among the others; `walk_rules`
    receives the reasons the walk gave for it."""
    walked = None
    rules = [] if walk_rules is None else walk_rules
    latin = window.kind == "english"
    first = _walk_left(
        window.words,
        window.anchor_index,
        window.anchored,
        rules,
        latin,
        "/" in window.short,
        _own_word(window),
    )
    if first is not None:
        walked = _prefer_recurring(
            window.text,
            window.words,
            first,
            window.anchor_index,
            window.end,
            recurrences,
            rules,
            window.short,
        )
    candidates = window_features(
        window.words,
        window.anchor_index,
        window.end,
        window.text,
        window.short,
        window.kind == "english",
        recurrences,
    )
    # A full form is not one of its own bracket's short forms (`…会议（可持续发展会议或里约+20）`).
    shorts = {normalize(s) for s in (window.short, *window.shorts)}
    candidates = [
        (start, features)
        for start, features in candidates
        if normalize(full := window.text[_name_start(window, start) : window.end]) not in shorts
        and plausible(full)
    ]
    for start, features in candidates:
        if start == walked:
            features["rule-walk"] = 1.0
            if window.kind == "english":
                features["en:rule-walk"] = 1.0
    return candidates


def _walk_left(
    words: list[tuple[str, str, int, int]],
    index: int,
    anchored: bool,
    rules: list[str],
    latin: bool = False,
    two_parts: bool = False,
    own: bool = False,
) -> int | None:
    """Index of the first word of the name: move left over content words, stop at a word that
    cannot be inside a name, cross a soft word only when the name plausibly goes on.

    Once the short form's first character anchors the name, only noun-like words extend it (a
    verb before `东南亚国家联盟（东盟）` governs it), unless an organization word opens the
    clause (`联合国促进性别平等和增强妇女权能署`); an organization word (`联合国`) is where
    such a name starts. A word the short form opens with (`own`) ends the name whatever its
    class (`联合国环境规划署执行主任（执行主任）`: 执行 is a governing verb elsewhere)."""
    if not own and not _can_end_name(words[index]):
        return None
    i = index
    conjunction = False  # a conjunction crossed since the last `、`
    while i > 0:
        if _joins_names(words, i - 1):
            # `非洲联盟-联合国达尔富尔混合行动`, `昆明-蒙特利尔全球生物多样性框架基金`: a hyphen
            # glued between two Chinese words joins two names into one
            i -= 2
            rules.append("boundary:hyphen")
            continue
        if anchored and words[i][1] == "nt":
            rules.append(f"boundary:organization:{words[i][0]}")
            break
        word, flag = words[i - 1][0], words[i - 1][1]
        if word.isspace() and i >= 2 and _LATIN_END.search(words[i - 2][0]):
            i -= 1  # `Toll 样受体`: a space between Latin and Chinese inside one name
            continue
        if word == "、" and conjunction and _inner_item(words, i - 2):
            # `战略、任务和结果评估信息系统`: a list closed by a conjunction inside the name
            i -= 2
            conjunction = False
            anchored = True  # the list's first item opens the name: a verb before it governs
            rules.append("boundary:inner-enumeration")
            continue
        if word == "、" or not NAME_CHAR.match(word[0]):
            rules.append("boundary:enumeration" if word == "、" else "boundary:punctuation")
            break
        if i < index and _fragment(words[i]) and len(word) >= 2 and HAN_CHAR.match(word):
            # `版权及相关|权…`: a name does not open with a one-character piece of a word
            i -= 1
            continue
        if word in STOP_WORDS:
            if word == "关于" and names_instrument(words, i, index):
                i -= 1  # `关于…的公约`: the title of a treaty opens with 关于
                rules.append("boundary:instrument-title")
                break
            rules.append(f"boundary:after:{word}")
            break
        if word not in SOFT_WORDS and _function_word(word, flag):
            rules.append(f"boundary:after:{word}")
            break
        if word == "的" and latin and not two_parts and not names_instrument(words, i, index):
            # `入境事务处的|综合调查组（GIS）`: an acronym's name seldom holds a 的 (2 of the 106
            # Latin-acronym names of the dev and TRAIN gold), a title's does, and so does the
            # name of a body's part that a slashed acronym spells with its owner's
            # (`经济合作与发展组织的发展援助委员会（OECD/DAC）`)
            rules.append("boundary:after:的")
            break
        if word in SOFT_WORDS:
            before, before_flag = words[i - 2][:2] if i >= 2 else ("", "")
            if (
                not before
                or before in STOP_WORDS
                or before in SOFT_WORDS
                or not NAME_CHAR.match(before[0])
                or (word in CONJUNCTIONS and _joins_entities(before, words[i][1]))
                # `16日与劳工及福利局`: a date or number is no item a name coordinates
                or (word in CONJUNCTIONS and before_flag == "m" and any(map(str.isdigit, before)))
                # `依托…管理的|昆明-蒙特利尔…框架基金`: a verb, verbal noun too, before 的 makes a
                # relative clause; in the dev and TRAIN gold a 的 inside a name follows a noun
                # or an adjective (4 names), one before a name a verb (22 of 29)
                or (word == "的" and before_flag.startswith("v"))
                or (
                    anchored
                    and word not in CONJUNCTIONS
                    and not _nounish(before_flag)
                    and _clause_opener(words, i - 2) is None
                )
            ):
                rules.append(f"boundary:after:{before}{word}" if before else "boundary:start")
                break
            conjunction = conjunction or word in CONJUNCTIONS
            i -= 2
            continue
        if anchored and not _nounish(flag):
            opener = _clause_opener(words, i - 1)
            if opener is None:
                rules.append(f"boundary:after:{word}")
                break
            i = opener
            continue
        i -= 1
    return i


_HYPHENS = ("-", "－", "‐")


def _joins_names(words: list[tuple[str, str, int, int]], j: int) -> bool:
    """Whether word j is a hyphen glued between two Chinese words (Chinese prose writes no
    hyphen of its own: a dash is doubled, `——`, a range joins digits)."""
    return (
        j >= 1
        and j + 1 < len(words)
        and words[j][0] in _HYPHENS
        and HAN_CHAR.match(words[j - 1][0][-1]) is not None
        and HAN_CHAR.match(words[j + 1][0][0]) is not None
    )


def _own_word(window: Window) -> bool:
    """Whether the anchored word opens the short form, or the short form takes its first
    character from it: a word the short form abbreviates is inside the name (`执行主任（执行
    主任）`, `特别代表（特别代表）`, `难民高专方案执行委员会（执委会）`: 执行 governs elsewhere)."""
    word = window.words[window.anchor_index]
    return window.kind != "english" and (
        window.short.startswith(word[0]) or (window.anchored and window.anchor == word[2])
    )


def _can_end_name(word: tuple[str, str, int, int]) -> bool:
    """Whether the word the short form anchors can be inside a name: not a function word, a
    list mark or a governing verb, unless jieba reads it as a noun (`第六次评估报告（AR6）`:
    报告 reports, and is a report)."""
    text, flag = word[0], word[1]
    if text in SOFT_WORDS or text == "、":
        return False
    return text not in STOP_WORDS or _nounish(flag)


def _fragment(word: tuple[str, str, int, int]) -> bool:
    """A one-character word jieba left over from a longer one (not a name or a numeral)."""
    return (
        len(word[0]) == 1
        and HAN_CHAR.match(word[0]) is not None
        and word[1][:2]
        not in (
            "nt",
            "ns",
            "nr",
            "m",
            "q",
        )
        and word[0] not in SOFT_WORDS
        and word[0] not in STOP_WORDS
    )


def _inner_item(words: list[tuple[str, str, int, int]], i: int) -> bool:
    """Whether word i, before a `、`, can be an item of a list inside a name: a name word that
    does not end a complete entity (`秘书处、开发署和…` lists entities)."""
    return (
        i >= 0
        and NAME_CHAR.match(words[i][0][0]) is not None
        and not words[i][0].endswith(ENTITY_SUFFIXES)
    )


@lru_cache(maxsize=4096)
def names_place_or_person(short: str) -> bool:
    """`（德国）`, `（尼日利亚）` after a name or a person: a gloss, not a short form."""
    words = segmenter().cut(short)
    return len(words) == 1 and words[0].flag in ("ns", "nr", "nrt")


@lru_cache(maxsize=4096)
def ordinary_word(short: str) -> bool:
    """The short form is one ordinary dictionary word (`阴历`), not an abbreviation (jieba
    tags abbreviations `j`) or an organization (`nt`)."""
    words = segmenter().cut(short)
    return len(words) == 1 and words[0].flag not in ("j", "nt")


def _nounish(flag: str) -> bool:
    return flag.startswith(_NOUNISH)


def _clause_opener(words: list[tuple[str, str, int, int]], i: int) -> int | None:
    """The index of an organization word (`联合国`) that opens the run of words ending at i,
    right after a stop word or punctuation, if there is one."""
    j = i
    while j > 0:
        word = words[j - 1][0]
        if word in STOP_WORDS or word == "、" or not NAME_CHAR.match(word[0]):
            break
        j -= 1
    while j < i and words[j][0] in SOFT_WORDS:  # `延长的|联合国…`: 的 opens no name
        j += 1
    return j if j < i and words[j][1] == "nt" else None


def _prefer_recurring(
    text: str,
    words: list[tuple[str, str, int, int]],
    first: int,
    anchor_index: int,
    end: int,
    recurrences: Callable[[str], int],
    rules: list[str],
    short: str,
) -> int:
    """If the longest candidate never recurs but a slightly shorter one (starting on a word
    boundary, still covering the matched characters, longer than the short form) recurs on
    its own, that one is the name."""
    longest = words[first][2]
    if first == anchor_index or recurrences(text[longest:end]) >= 2:
        return longest
    for i in range(first + 1, anchor_index + 1):
        word, _, start, _ = words[i]
        if word in SOFT_WORDS or word in STOP_WORDS or not NAME_CHAR.match(word[0]):
            continue
        if end - start < max(4, 0.6 * (end - longest)) or end - start <= len(short):
            break
        if not NAME_CHAR.match(text, start - 1):
            # after a `、` the walk crossed (`…资源、传统知识…委员会`): the shorter one's stand-alone
            # count includes the longest's own occurrences
            continue
        if recurrences(text[start:end]) >= 2:
            rules.append("recurs")
            return start
    return longest
