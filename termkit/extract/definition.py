"""Whether a bracket introduces its short form: a fitted model over general evidence, as data.

The bracket reading (`extract/inner.py`) and the reject reasons (`extractor._implausible`) are
hand rules written one error at a time; on text they were not written for they miss real short
forms and let glosses in. This model weighs the rule's verdict as one piece of evidence among
general ones: the short form's shape (character classes, length, capitals, digits, a year,
quotes, title marks, an introducer), its relation to the full form before it (its characters
found in order, the boundary model's probability, lengths), whether the document uses the short
form again (a real short form mostly is used again, a gloss is not), the parts of speech around
the full form, and whether full or short form is one ordinary dictionary word (a gloss).
`bench/fit_definition.py` fits the weights (a logistic regression) and chooses the two
probabilities at which the model overrides the rules, by leave one set out; this module only
reads `termkit/data/definition_weights.json`, so extraction needs no learning library.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termkit.extract.boundary import match_characters, names_place_or_person, ordinary_word
from termkit.extract.features import word_class
from termkit.extract.initials import acronym_features
from termkit.extract.inner import spells_in_order
from termkit.extract.lexicon import INTRODUCERS
from termkit.text.normalize import HAN_CHAR

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "definition_weights.json"
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_QUOTES = "“”\"'‘’「」『』"


@dataclass(frozen=True)
class DefinitionModel:
    weights: dict[str, float]
    # A bracket the rules reject defines its short form when the model is at least this sure;
    # one they accept defines nothing when the model gives it less than `reject`.
    accept: float = 1.01
    reject: float = 0.0

    @property
    def rescues(self) -> bool:
        """Can it accept a bracket the rules reject (then extraction also reads the pieces
        the rules leave, `inner.fallback_forms`)?"""
        return bool(self.weights) and self.accept <= 1.0

    @property
    def decides(self) -> bool:
        """Does it overturn any verdict of the rules? (Thresholds that leave every decision
        to the rules weigh nothing.)"""
        return self.rescues or (bool(self.weights) and self.reject > 0.0)

    def probability(self, features: dict[str, float]) -> float:
        score = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def accepts(self, features: dict[str, float], ruled_in: bool, definition: object) -> bool:
        """The decision: the rules' verdict unless the model is confident the other way
        (`definition` is the candidate, for a bench that records what it decided)."""
        p = self.probability(features)
        return p >= self.reject if ruled_in else p >= self.accept

    @classmethod
    def from_json(cls, text: str) -> DefinitionModel:
        data = json.loads(text)
        return cls(dict(data["weights"]), float(data["accept"]), float(data["reject"]))


RULES_ONLY = DefinitionModel({})


@lru_cache(maxsize=1)
def default_definition_model() -> DefinitionModel:
    """The shipped weights; the rules alone when none are shipped."""
    if not WEIGHTS.is_file():
        return RULES_ONLY
    return DefinitionModel.from_json(WEIGHTS.read_text(encoding="utf-8"))


@lru_cache(maxsize=8192)
def _ordinary(text: str) -> bool:
    return bool(text) and ordinary_word(text)


@lru_cache(maxsize=8192)
def _place_or_person(text: str) -> bool:
    return names_place_or_person(text)


def _verdict(verdict: str) -> str:
    """The verdict as a feature value: why the rules reject (`fallback:document symbol`,
    `implausible:…`, `window:…`, a fixed set of their own reasons), `accepted` when they do
    not."""
    return verdict or "accepted"


def bracket_features(
    short: str,
    kind: str,
    rule: str,
    verdict: str,
    inner: str,
    offered: int,
    full: str,
    probability: float,
    marked: bool,
    before: str,
    last: str,
    uses: int,
    full_uses: int,
    full_words: list[str],
) -> dict[str, float]:
    """The evidence on one short form of one bracket and the full form proposed for it:
    `verdict` is "" where the rules accept it, else why they reject it; `inner` the bracket's
    content, `offered` how many short forms it offers; `probability` the boundary model's for
    the chosen start (1 for a title mark's opener, `marked`); `before` and `last` the coarse
    classes of the word before the full form and of its last word; `uses` how often the
    document writes the short form (the bracket's own occurrence counted), `full_uses` the
    full form; `full_words` the full form's words (for an acronym's initials)."""
    f: dict[str, float] = {
        "bias": 1.0,
        f"verdict:{_verdict(verdict)}": 1.0,
        f"verdict-family:{_verdict(verdict).split(':')[0]}": 1.0,
    }
    family = rule.split(":")[0]
    f[f"rule:{family}"] = 1.0
    if rule.endswith((":numbered", ":lower-case", ":acronym-first", ":ordinal")):
        f[f"rule:{rule.rsplit(':', 1)[1]}"] = 1.0
    f[f"kind:{kind}"] = 1.0
    han = len(HAN_CHAR.findall(short))
    letters = [c for c in short if c.isascii() and c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    f["short-length"] = math.log(max(len(short), 1))
    if han and letters:
        f["short:mixed"] = 1.0
    elif han:
        f["short:han"] = 1.0
    elif letters:
        f["short:latin"] = 1.0
        words = short.split()
        f["short:latin-words"] = math.log(len(words))
        if capitals == len(letters) and len(letters) >= 2:
            f["short:all-capitals"] = 1.0
        elif capitals == 0:
            f["short:lower-case"] = 1.0
        elif capitals == 1 and len(words) == 1:
            f["short:one-capitalized-word"] = 1.0
        elif all(w[:1].isupper() for w in words):
            f["short:title-case"] = 1.0
        f["short:capital-share"] = capitals / len(letters)
        initials = acronym_features(short, full_words)
        if initials:
            f["initials-spelled"] = initials["acronym-spelled"]
            f["initials-unspelled-words"] = initials["acronym-unspelled-words"]
        rest = inner.replace(short, " ")
        if capitals >= 2 and re.search("[a-z]{2}", rest) and spells_in_order(short, rest):
            f["spelled-by-bracket-name"] = 1.0
    if any(c.isdigit() for c in short):
        f["short:digit"] = 1.0
    if _YEAR.search(short):
        f["short:year"] = 1.0
    if "/" in short:
        f["short:slash"] = 1.0
    if "-" in short:
        f["short:hyphen"] = 1.0
    if any(q in inner for q in _QUOTES):
        f["bracket:quotes"] = 1.0
    if "《" in inner:
        f["bracket:title-marks"] = 1.0
    if any(i in inner for i in INTRODUCERS):
        f["bracket:introducer"] = 1.0
    if any(c in inner for c in ",，;；"):
        f["bracket:comma"] = 1.0
    f["bracket:rest"] = math.log1p(max(len(inner.strip()) - len(short), 0))
    if offered > 1:
        f["bracket:several"] = 1.0
    if han:
        # the share of its characters the full form holds in order (an unanchored window's
        # own coverage says nothing)
        f["coverage"] = len(match_characters(short, full, 0, len(full))) / han
        if _ordinary(short):
            f["short:ordinary-word"] = 1.0
        if _place_or_person(short):
            f["short:place-or-person"] = 1.0
    f["boundary-probability"] = probability
    if marked:
        f["full:marked"] = 1.0
    f["full-length"] = math.log(max(len(full), 1))
    f["length-ratio"] = len(short) / max(len(full), 1)
    if _ordinary(full):
        f["full:ordinary-word"] = 1.0
    f[f"before:{before}"] = 1.0
    f[f"last:{last}"] = 1.0
    again = max(uses - 1, 0)
    f["short-used-again"] = math.log1p(again)
    if again == 0:
        f["short-not-used-again"] = 1.0
    f["full-recurs"] = math.log1p(max(full_uses - 1, 0))
    if letters and not han:
        f = {**f, **{f"en:{k}": v for k, v in f.items() if k != "bias"}}
    return f


def classes_around(words: list[tuple[str, str, int, int]], start: int) -> tuple[str, str]:
    """The coarse classes of the word before a full form that starts at `start` and of the
    window's last word."""
    before = "start"
    for word, flag, a, _b in words:
        if a >= start:
            break
        before = word_class(word, flag)
    last = word_class(words[-1][0], words[-1][1]) if words else "start"
    return before, last
