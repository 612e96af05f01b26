"""Chinese–English sentence alignment of parallel documents.

`align_texts(zh_text, en_text)` splits both texts into sentences (or takes one per line with
`presplit=True`), then aligns them with a length-based dynamic programme strengthened by
anchors (numbers, symbols, paragraph labels, Latin names, glossary pairs). Every sentence of
both sides is in exactly one bead, in document order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termkit.align import split as _split
from termkit.align.anchors import document_anchors, induce_lexicon, lexical_anchors
from termkit.align.lengths import Params, Shape, fit_and_align, fitted_weights, length_delta
from termkit.align.lexical import Lexical
from termkit.align.merge import merge_spans
from termkit.align.split import Sentence, han_share
from termkit.errors import InputError

__all__ = [
    "Bead",
    "Sentence",
    "align_files",
    "align_sentences",
    "align_texts",
    "check_languages",
    "sentence_length",
]

# A Latin letter or digit inside Chinese text is worth about a third of a Han character.
_ASCII_IN_ZH = 0.35
_ASCII = re.compile(r"[\x21-\x7e]")
# A side is Chinese when Han characters are at least this share of Han characters + Latin words.
_CHINESE_SHARE = 0.3
# A first alignment with fewer 1-1 beads teaches too little to learn a lexicon from.
_MIN_LEARNING_BEADS = 30
# A sentence ending in a letter, digit or Han character (no punctuation at all) is a heading.
_OPEN_END = re.compile(r"\w$")


@dataclass(frozen=True)
class Bead:
    """Sentences of both sides that translate each other; `score` is 0–1 (0 for 1-0/0-1)."""

    zh: list[Sentence]
    en: list[Sentence]
    score: float

    @property
    def zh_text(self) -> str:
        return " ".join(s.text for s in self.zh)

    @property
    def en_text(self) -> str:
        return " ".join(s.text for s in self.en)

    @property
    def zh_lines(self) -> list[int]:
        return sorted({n for s in self.zh for n in s.lines})

    @property
    def en_lines(self) -> list[int]:
        return sorted({n for s in self.en for n in s.lines})


def sentence_length(text: str, chinese: bool) -> float:
    """Length used by the aligner: non-space characters, Latin ones discounted in Chinese."""
    chars = len("".join(text.split()))  # str.split cuts at exactly the str.isspace characters
    if not chinese:
        return float(chars)
    ascii_chars = len(_ASCII.findall(text))
    return chars - ascii_chars + _ASCII_IN_ZH * ascii_chars


def align_sentences(
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    glossary_pairs: Iterable[tuple[str, str]] = (),
    anchor_weight: float | None = None,
    learn_lexicon: bool = True,
    dictionary: bool = True,
    lexical_weight: float | None = None,
    random_growth: float | None = None,
    miss_weight: float | None = None,
    coverage_weight: float | None = None,
    heading_penalty: float | None = None,
    min_lift: float | None = None,
    deletion_floor: float | None = None,
    merge: bool = False,
) -> list[Bead]:
    """Align two lists of sentences into beads. Beads are scored by lengths, anchors and, with
    `dictionary`, by the words CC-CEDICT says translate each other. With `learn_lexicon`, a
    translation table learnt from a first alignment (IBM Model 1 on its 1-1 beads: names,
    recurring terms) scores a second one, whose band follows the first path. With `merge`,
    neighbouring beads the fitted model of `termkit.align.merge` says form one unit (a verse
    of two sentences a side) are joined: for texts whose links are verses, not sentences;
    off by default, since it splits sentence-level links it should keep. Weights left None are the fitted ones
    (`fitted_weights`)."""
    weights = fitted_weights()
    anchor_weight = weights["anchor_weight"] if anchor_weight is None else anchor_weight
    lexical_weight = weights["lexical_weight"] if lexical_weight is None else lexical_weight
    min_lift = weights["min_lift"] if min_lift is None else min_lift
    words = {
        "lexical_weight": lexical_weight,
        "random_growth": weights["random_growth"] if random_growth is None else random_growth,
        "miss_weight": weights["miss_weight"] if miss_weight is None else miss_weight,
        "coverage_weight": (
            weights["coverage_weight"] if coverage_weight is None else coverage_weight
        ),
        "heading_penalty": (
            weights["heading_penalty"] if heading_penalty is None else heading_penalty
        ),
        "deletion_floor": weights["deletion_floor"] if deletion_floor is None else deletion_floor,
    }
    zh_anchors, en_anchors = document_anchors(zh, en, glossary_pairs)
    zh_len = [sentence_length(s.text, True) for s in zh]
    en_len = [sentence_length(s.text, False) for s in en]
    zh_shape, en_shape = _shape(zh), _shape(en)
    lexical = None
    if (dictionary or learn_lexicon) and lexical_weight:
        lexical = Lexical.from_sentences([s.text for s in zh], [s.text for s in en], dictionary)
    spans, params = fit_and_align(
        zh_len, en_len, zh_anchors, en_anchors, anchor_weight, zh_shape, en_shape,
        lexical=lexical if dictionary else None, **words,
    )  # fmt: skip
    if learn_lexicon:
        one_to_one = [(z0, e0) for z0, z1, e0, e1 in spans if z1 - z0 == 1 and e1 - e0 == 1]
        if len(one_to_one) >= _MIN_LEARNING_BEADS:
            # Without words, names and terms paired by Dice anchor the next pass; with them,
            # the learnt translation table does that and more.
            lexicon = induce_lexicon(zh, en, one_to_one) if lexical is None else None
            if lexicon:
                zh_lex, en_lex = lexical_anchors(zh, en, lexicon)
                zh_anchors = [a | b for a, b in zip(zh_anchors, zh_lex, strict=True)]
                en_anchors = [a | b for a, b in zip(en_anchors, en_lex, strict=True)]
            if lexical is not None:
                learning = [(z, z + 1, e, e + 1) for z, e in one_to_one]
                lexical = lexical.learn(learning, min_lift=min_lift)
            spans, params = fit_and_align(
                zh_len, en_len, zh_anchors, en_anchors, anchor_weight, zh_shape, en_shape,
                guide=spans, lexical=lexical, **words,
            )  # fmt: skip
    if merge:
        spans = merge_spans(spans, [s.text for s in zh], [s.text for s in en])
    beads = []
    for z0, z1, e0, e1 in spans:
        beads.append(
            Bead(
                list(zh[z0:z1]),
                list(en[e0:e1]),
                _score(zh_len[z0:z1], en_len[e0:e1], zh_anchors[z0:z1], en_anchors[e0:e1], params),
            )
        )
    return beads


def _shape(sentences: Sequence[Sentence]) -> Shape:
    return Shape(
        [s.label for s in sentences],
        [bool(_OPEN_END.search(s.text)) for s in sentences],
        [s.opens_paragraph for s in sentences],
    )


def _score(zh_len, en_len, zh_anchors, en_anchors, params: Params) -> float:
    """Confidence of a bead, 0–1: how well the lengths fit (exp(-δ²/8), δ the length
    difference in the aligner's standard deviations: 0.88 at one, 0.14 at four), averaged with
    the anchor overlap when the bead has anchors on both sides. 1-0 and 0-1 beads score 0."""
    if not zh_len or not en_len:
        return 0.0
    delta = length_delta(sum(zh_len), sum(en_len), params)
    p = math.exp(-delta * delta / 8.0)
    zh_set = frozenset().union(*zh_anchors)
    en_set = frozenset().union(*en_anchors)
    if zh_set and en_set:
        p = (p + 2 * len(zh_set & en_set) / (len(zh_set) + len(en_set))) / 2
    return round(p, 4)


def check_languages(zh: Sequence[Sentence], en: Sequence[Sentence], zh_name: str, en_name: str):
    """Raise InputError for an empty side or a side in the wrong language."""
    for sentences, name in ((zh, zh_name), (en, en_name)):
        if not sentences:
            raise InputError(f"{name}: no text to align (empty side)")
    zh_share = han_share("".join(s.text for s in zh))
    en_share = han_share("".join(s.text for s in en))
    if zh_share < _CHINESE_SHARE and en_share < _CHINESE_SHARE:
        raise InputError(f"{zh_name}, {en_name}: neither file is Chinese")
    if zh_share >= _CHINESE_SHARE and en_share >= _CHINESE_SHARE:
        raise InputError(f"{zh_name}, {en_name}: both files are Chinese")
    if zh_share < _CHINESE_SHARE:
        raise InputError(f"{zh_name}: expected Chinese, found English (files swapped?)")


def align_texts(
    zh_text: str,
    en_text: str,
    presplit: bool = False,
    glossary_pairs: Iterable[tuple[str, str]] = (),
    zh_name: str = "<zh>",
    en_name: str = "<en>",
    **evidence,
) -> list[Bead]:
    """Split (or take one sentence per line with `presplit=True`) and align two texts;
    `evidence` switches or weighs the evidence sources (see `align_sentences`)."""
    zh = _split.presplit(zh_text) if presplit else _split.split_zh(zh_text)
    en = _split.presplit(en_text) if presplit else _split.split_en(en_text)
    check_languages(zh, en, zh_name, en_name)
    return align_sentences(zh, en, glossary_pairs, **evidence)


def align_files(
    zh_path: str | Path,
    en_path: str | Path,
    presplit: bool = False,
    encoding: str | None = None,
    glossary_pairs: Iterable[tuple[str, str]] = (),
    revisions: str = "accepted",
) -> list[Bead]:
    """Read (detecting each file's encoding; a Word file's tracked changes as `revisions`
    says) and align two files."""
    from termkit.text.decode import read_document

    zh_doc = read_document(zh_path, encoding, revisions)
    en_doc = read_document(en_path, encoding, revisions)
    return align_texts(
        zh_doc.text,
        en_doc.text,
        presplit=presplit,
        glossary_pairs=glossary_pairs,
        zh_name=str(zh_path),
        en_name=str(en_path),
    )
