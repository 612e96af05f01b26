"""Anchors: tokens a sentence and its translation must share — numbers, dates, document
symbols, paragraph labels, Latin names and acronyms, glossary terms.

Lengths alone cannot tell two neighbouring sentences of similar length apart; a shared
`2015`, `A/69/767` or `UNDP` can. Numbers are compared as values, so `第五十八届` matches
`fifty-eighth` and `1,000` matches `1000`. Only anchors seen on both sides of the document
are kept, so a number that the translation spells differently never counts against a bead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from termkit.align.split import Sentence
from termkit.text.normalize import HAN
from termkit.text.numerals import (
    EN_MONTH,
    EN_MONTHS,
    EN_NUMBER_RUN,
    EN_NUMBER_WORDS,
    ZH_NUMERAL,
    en_number_value,
    zh_numeral_value,
)

_SYMBOL = re.compile(r"\b[A-Z][A-Za-z]{0,7}(?:/[A-Za-z0-9._\-]+)+")
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|\d+(?:\.\d+)?")
_LATIN = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Z]")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9\-]*[A-Z0-9]\b")
_WORD = re.compile(r"\w+")
_ZH_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
# Small word-numbers are everyday words (`一个`, `one of`, `first`); only larger ones anchor.
_MIN_WORD_NUMBER = 2


def _number_token(text: str) -> str:
    value = text.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return f"#{value.lstrip('0') or '0'}"


def _common(text: str, label: str | None) -> tuple[set[str], str]:
    """Anchors both languages write alike (symbols, Arabic numbers, label); the text left."""
    found: set[str] = set()
    if label:
        found.add(f"§{label}")
    for m in _SYMBOL.finditer(text):
        found.add(f"/{m.group().rstrip('.').lower()}")
    text = _SYMBOL.sub(" ", text)
    for m in _NUMBER.finditer(text):
        found.add(_number_token(m.group()))
    return found, text


def _latin_tokens(text: str) -> set[str]:
    """Latin words as anchors (`UNDP`, `Nampo`), but not function words (`the`, `and`)."""
    return {f"a{w}" for m in _LATIN.finditer(text) if (w := m.group().lower()) not in _EN_STOP}


def zh_anchors(sentence: Sentence) -> set[str]:
    """Anchor tokens of a Chinese sentence."""
    found, text = _common(sentence.text, sentence.label)
    for m in _ZH_MONTH.finditer(text):
        value = zh_numeral_value(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if value and 1 <= value <= 12:
            found.add(f"@{value}")
    for m in ZH_NUMERAL.finditer(text):
        run = m.group()
        if run in ("万", "亿", "千", "百", "零", "〇"):
            continue
        value = zh_numeral_value(run)
        if value is not None and value >= _MIN_WORD_NUMBER:
            found.add(f"#{value}")
    found.update(_latin_tokens(text))
    return found


def en_anchors(sentence: Sentence) -> set[str]:
    """Anchor tokens of an English sentence."""
    found, text = _common(sentence.text, sentence.label)
    for m in EN_MONTH.finditer(text):
        found.add(f"@{EN_MONTHS[m.group(1).lower()]}")
    for m in _number_runs(text):
        value = en_number_value(m.group())
        if value is not None and value >= _MIN_WORD_NUMBER:
            found.add(f"#{value}")
    found.update(_latin_tokens(text))
    return found


def _number_runs(text: str):
    """`EN_NUMBER_RUN`'s matches. The regex tries its 45 alternatives, case-folded, at every
    word: an ASCII text none of whose words is a number word (most sentences) cannot match,
    and is not searched."""
    if text.isascii() and EN_NUMBER_WORDS.isdisjoint(_WORD.findall(text.lower())):
        return ()
    return EN_NUMBER_RUN.finditer(text)


def _glossary_hits(
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    pairs: Sequence[tuple[str, str]],
    prefix: str = "g",
) -> tuple[list[set[str]], list[set[str]]]:
    """`g<k>` on every sentence containing the zh (resp. en) side of glossary pair k."""
    zh_hits: list[set[str]] = [set() for _ in zh]
    en_hits: list[set[str]] = [set() for _ in en]
    if not pairs:
        return zh_hits, en_hits
    import ahocorasick_rs

    for side, sentences, hits, fold in ((0, zh, zh_hits, False), (1, en, en_hits, True)):
        terms: dict[str, list[int]] = {}
        for k, pair in enumerate(pairs):
            term = pair[side].strip()
            if term:
                terms.setdefault(term.lower() if fold else term, []).append(k)
        if not terms:
            continue
        patterns = list(terms)
        automaton = ahocorasick_rs.AhoCorasick(patterns)
        for i, sentence in enumerate(sentences):
            text = sentence.text.lower() if fold else sentence.text
            for index, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
                if fold and (
                    (start > 0 and text[start - 1].isalnum())
                    or (end < len(text) and text[end].isalnum())
                ):
                    continue
                hits[i].update(f"{prefix}{k}" for k in terms[patterns[index]])
    return zh_hits, en_hits


def document_anchors(
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    glossary_pairs: Iterable[tuple[str, str]] = (),
) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Anchor sets of every sentence, keeping only anchors that occur on both sides."""
    zh_sets = [zh_anchors(s) for s in zh]
    en_sets = [en_anchors(s) for s in en]
    zh_gloss, en_gloss = _glossary_hits(zh, en, list(glossary_pairs))
    for sets, gloss in ((zh_sets, zh_gloss), (en_sets, en_gloss)):
        for s, g in zip(sets, gloss, strict=True):
            s |= g
    shared = set().union(*zh_sets) & set().union(*en_sets) if zh_sets and en_sets else set()
    return [frozenset(s & shared) for s in zh_sets], [frozenset(s & shared) for s in en_sets]


# Words too common to tell one sentence from its neighbour.
_EN_STOP = frozenset(
    """
    the and of to a an in on at by for with from as that this these those which who whom
    it its is are was were be been being has have had shall will would should may might
    can could not no nor or but if so all any each he him his she her they them their we
    us our you your i me my unto thee thou thy ye upon also into out up there then than
    """.split()
)
_EN_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")
_HAN_RUN = re.compile(f"[{HAN}]+")


def _zh_units(text: str) -> set[str]:
    units: set[str] = set()
    for run in _HAN_RUN.findall(text):
        units.update(run)
        units.update(run[k : k + 2] for k in range(len(run) - 1))
    return units


def _en_units(text: str) -> set[str]:
    return {w for w in _EN_WORD.findall(text.lower()) if w not in _EN_STOP}


def induce_lexicon(
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    pairs: Iterable[tuple[int, int]],
    min_count: int = 3,
    min_dice: float = 0.5,
) -> list[tuple[str, str]]:
    """Word pairs learnt from the documents themselves: Chinese characters or bigrams and
    English words that co-occur in aligned sentence pairs (Dice ≥ `min_dice`), each the
    other's best match. Names (约瑟 ↔ Joseph) and recurring terms then anchor a second pass."""
    from collections import Counter

    pairs = list(pairs)
    if not pairs:
        return []
    zh_sets = [_zh_units(zh[i].text) for i, _ in pairs]
    en_sets = [_en_units(en[j].text) for _, j in pairs]
    zh_df = Counter(u for units in zh_sets for u in units)
    en_df = Counter(w for words in en_sets for w in words)
    # Too rare to trust, or so common that they are everywhere in the band.
    top = max(min_count, len(pairs) // 10)
    zh_ok = {u for u, c in zh_df.items() if min_count <= c <= top}
    en_ok = {w for w, c in en_df.items() if min_count <= c <= top}
    # Co-occurrence counts of (word, unit) pairs, counted with numpy over integer codes.
    en_ids = {w: k for k, w in enumerate(sorted(en_ok))}
    zh_ids = {u: k for k, u in enumerate(sorted(zh_ok))}
    en_vocab, zh_vocab = sorted(en_ok), sorted(zh_ok)
    codes = []
    for zh_units, en_words in zip(zh_sets, en_sets, strict=True):
        zs = np.fromiter((zh_ids[u] for u in zh_units if u in zh_ids), dtype=np.int64)
        ws = np.fromiter((en_ids[w] for w in en_words if w in en_ids), dtype=np.int64)
        if len(zs) and len(ws):
            codes.append((ws[:, None] * len(zh_ids) + zs[None, :]).ravel())
    if not codes:
        return []
    pair_codes, counts = np.unique(np.concatenate(codes), return_counts=True)
    keep = counts >= min_count
    best_zh: dict[str, tuple[float, int, str]] = {}
    best_en: dict[str, tuple[float, str]] = {}
    for code, c in zip(pair_codes[keep].tolist(), counts[keep].tolist(), strict=True):
        w, z = en_vocab[code // len(zh_ids)], zh_vocab[code % len(zh_ids)]
        dice = 2 * c / (en_df[w] + zh_df[z])
        # Ties go to the longer Chinese unit (a name's bigram over its characters), then order.
        key = (dice, len(z), z)
        if key > (best_zh.get(w) or (0.0, 0, "")):
            best_zh[w] = key
        if (dice, w) > (best_en.get(z) or (0.0, "")):
            best_en[z] = (dice, w)
    lexicon = [
        (key[2], w) for w, key in best_zh.items() if key[0] >= min_dice and best_en[key[2]][1] == w
    ]
    return sorted(lexicon)


def lexical_anchors(
    zh: Sequence[Sentence], en: Sequence[Sentence], lexicon: Sequence[tuple[str, str]]
) -> tuple[list[set[str]], list[set[str]]]:
    """`l<k>` anchors of the lexicon's pairs, like glossary pairs."""
    return _glossary_hits(zh, en, lexicon, prefix="l")
