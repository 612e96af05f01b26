"""Evidence for one candidate start of a full form, as numbers a fitted model can weigh.

General evidence only, no word lists: the parts of speech (jieba's ICTCLAS tags) of the word
before the cut and of the candidate's first word (any verb, preposition, conjunction or
particle, whatever the word), what the candidate crosses between its start and the part the
short form's characters anchor, the short form's first character, how often the candidate
stands alone elsewhere in the document (or the corpus), and before a Latin acronym how many of
its letters the candidate's words spell (`extract/initials.py`). `bench/fit_boundary.py` fits the
weights; `termkit/data/boundary_weights.json` keeps them.
"""

from __future__ import annotations

import math

from termkit.extract.corpus_names import NOTHING, Seen
from termkit.extract.initials import acronym_features, letter_gains
from termkit.extract.lexicon import SOFT_WORDS
from termkit.extract.recurrence import Recurrence
from termkit.text.normalize import HAN_CHAR, normalize

Word = tuple[str, str, int, int]  # (word, part of speech, start, end)


def word_class(word: str, flag: str) -> str:
    """A coarse class of a segmented word: what matters to a name's boundary."""
    if not word.strip():
        return "space"
    if word == "、":
        return "enum"
    if not (HAN_CHAR.match(word) or word[0].isalnum()):
        return "punct"
    if word.isascii():
        return "number" if word.isdigit() else "latin"
    if flag == "nt":
        return "org"
    if flag in ("ns", "nr", "nrt", "nrfg", "nz"):
        return "proper"
    if flag.startswith(("n", "vn", "an", "j", "l", "b", "s", "f", "g")):
        return "noun"
    if flag.startswith("v"):
        return "verb"
    if flag.startswith("p"):
        return "prep"
    if flag.startswith("c"):
        return "conj"
    if flag.startswith("u"):
        return "particle"
    if flag.startswith(("m", "q")):
        return "number"
    if flag.startswith("r"):
        return "pronoun"
    if flag.startswith("d"):
        return "adverb"
    if flag.startswith("a"):
        return "adjective"
    return "other"


def candidate_features(
    words: list[Word],
    classes: list[str],
    index: int,
    anchor_index: int,
    short: str,
    english: bool,
    recurs: int,
    recurs_longer: int,
    variety: int = 0,
) -> dict[str, float]:
    """Features of the candidate that starts at word `index` (and ends at the bracket);
    `classes` holds each word's `word_class`. Its length counts in words only: a length in
    characters too put long names (`减少发展中国家毁林…排放量（REDD-plus）`) below any
    cut-off, and CV measured it worth nothing.

    `recurs` is how often the candidate stands alone in the document, `recurs_longer` the
    same for the next longer candidate, `variety` how many different characters stand
    before it."""
    word = words[index][0]
    features: dict[str, float] = {"bias": 1.0}
    prev = "start" if index == 0 else classes[index - 1]
    features[f"prev:{prev}"] = 1.0
    first = classes[index]
    features[f"first:{first}"] = 1.0
    if prev == "verb" and first in ("org", "proper", "noun"):
        features["verb|name"] = 1.0
    features[f"pair:{prev}|{first}"] = 1.0
    for crossed in classes[index:anchor_index]:
        features[f"crosses:{crossed}"] = features.get(f"crosses:{crossed}", 0) + 1
    head = next(iter(HAN_CHAR.findall(short)), "")
    if head and word.startswith(head):
        features["starts-with-short-head"] = 1.0
    if len(word) == 1 and first in ("noun", "verb", "adjective", "other"):
        features["first-single-character"] = 1.0  # `相关|权…`: a piece of a word jieba cut
    crossed = classes[index:anchor_index]
    if "enum" in crossed and any(c == "conj" for c in crossed[_last(crossed, "enum") :]):
        # `战略、任务和结果评估信息系统`: an enumeration closed inside the name
        features["enumeration-closed-inside"] = 1.0
    if english:
        letters = sum(c.isupper() for c in short)
        content = sum(c in _CONTENT for c in classes[index:]) + _content_after(classes, words)
        if letters:
            # An acronym has about one letter per content word of its name (GEF: 全球|环境|基金).
            features["letters-per-word-gap"] = abs(math.log(max(content, 1) / letters))
    features["words-left-of-anchor"] = math.log1p(anchor_index - index)
    if index == anchor_index:
        features["anchor-word"] = 1.0
    features["recurs"] = math.log1p(max(recurs - 1, 0))
    if recurs >= 2 and recurs > recurs_longer:
        features["recurs-more-than-longer"] = 1.0
    if variety >= 2:
        features["left-variety"] = 1.0
    if word == "关于" and names_instrument(words, index, len(words) - 1):
        # `关于…的鹿特丹公约缔约方大会`: the long title of a treaty opens with 关于, however
        # many verbs and adverbs its clause holds
        features["instrument-title"] = 1.0
    if english:
        features = {f"en:{k}" if k != "bias" else k: v for k, v in features.items()} | features
    return features


_INSTRUMENTS = ("公约", "议定书", "协定", "条约", "宣言", "规则", "准则", "原则", "纲领", "方案")


def names_instrument(words: list[Word], first: int, last: int) -> bool:
    """Whether the words first..last name a treaty or other instrument, with a `的` inside."""
    span = [w for w, _, _, _ in words[first : last + 1]]
    return "的" in span and any(w.endswith(_INSTRUMENTS) for w in span)


_CONTENT = frozenset({"noun", "org", "proper", "verb", "adjective", "latin", "number", "other"})


def _last(items: list[str], item: str) -> int:
    return len(items) - 1 - items[::-1].index(item)


def _content_after(classes: list[str], words: list[Word]) -> int:
    """Content words right of the anchor's word (the classes cover words up to it only)."""
    return sum(word_class(w, f) in _CONTENT for w, f, _, _ in words[len(classes) :])


def corpus_features(candidate: Seen, shorter: Seen) -> dict[str, float]:
    """What the corpus table says of a candidate (`extract/corpus_names.py`): how often it
    occurs across the corpus, what share of those occurrences follow one and the same
    character (`民用航空组织` always after `国际`: the tail of a longer name), and what share of
    the next shorter candidate's occurrences it holds (`国际民用航空组织` holds all of
    `民用航空组织`'s)."""
    features: dict[str, float] = {}
    if candidate.count:
        features["corpus-seen"] = math.log1p(candidate.count)
        features["corpus-tail"] = candidate.after_one / candidate.count
    if shorter.count:
        features["corpus-covers-shorter"] = min(candidate.count / shorter.count, 1.0)
    return features


def window_features(
    words: list[Word],
    anchor_index: int,
    end: int,
    text: str,
    short: str,
    english: bool,
    recurrences: Recurrence,
) -> list[tuple[int, dict[str, float]]]:
    """(start offset, features) of every candidate, longest first."""
    classes = [word_class(w, f) for w, f, _, _ in words[: anchor_index + 1]]
    # `…”的|项目（BCH-2）`: no name opens with a joining word or particle (的, 与, 之)
    starts = [
        i
        for i in range(anchor_index + 1)
        if classes[i] not in ("space", "punct", "enum") and words[i][0] not in SOFT_WORDS
    ]
    # each candidate's key, made once for the three tables that are looked up by it
    keys = [normalize(text[words[i][2] : end]) for i in starts]
    corpus = recurrences.corpus.seen
    seen = [corpus.get(key, NOTHING) for key in keys]
    out = []
    longer = 0
    for n, index in enumerate(starts):
        start = words[index][2]
        recurs = recurrences.standalone.get(keys[n], 0)
        features = candidate_features(
            words,
            classes,
            index,
            anchor_index,
            short,
            english,
            recurs,
            longer,
            recurrences.varieties.get(keys[n], 0),
        )
        if english and any(
            recurrences.variety(text[start : w[2]]) >= 2
            for w in words[index + 1 : anchor_index + 1]
            if w[2] - start >= 4
        ):
            features["head-recurs"] = 1.0
        if english:
            features |= acronym_features(short, [w[0] for w in words[index:]])
        features |= corpus_features(seen[n], seen[n + 1] if n + 1 < len(seen) else NOTHING)
        out.append((start, features))
        longer = recurs
    if english:
        gains = letter_gains(short, [[w[0] for w in words[i:]] for i in starts])
        for (_, features), gain in zip(out, gains, strict=True):
            features |= gain
    return out
