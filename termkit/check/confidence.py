"""How sure a finding is: a fitted confidence, so that a finding a reviser would not agree with
is shown as a hint, not raised as an alarm.

Each rule reads its own evidence and says yes or no; what makes a reviser agree is the same
across rules and documents: how often the document and the corpus behind the glossaries use
the form found and the one suggested, whether either is defined in the document or known to the
glossary, how far apart the two are, where the finding stands against the definition, whether
the form is part of a longer name the document uses. A logistic model over those features
(weights fitted by `bench/fit_confidence.py` on planted-versus-clean findings of the TRAIN
sets, the threshold chosen by leave-one-set-out, kept in `termkit/data/confidence_weights.json`)
gives each finding a confidence; below the threshold the finding's severity becomes `hint`, its
message says so, and it stays in every output (a user sees it with `--hints`; JSON and SARIF
carry it always). Plain arithmetic on a few hundred numbers: nothing heavy on the check path.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from termkit.check.facts import Facts
from termkit.check.finding import Finding
from termkit.text.normalize import HAN_CHAR, normalize

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "confidence_weights.json"
FORMAT = "termkit-confidence-1"
HINT = "hint"
# The rules whose evidence differs most get features of their own; the others share them
# (and each rule has its indicator). A group of its own asks for the false alarms to learn it
# from: TK101 (52 over the fitting folds) and TK103 (20) have them; TK110 (8) and TK102 (5)
# share the common features.
GROUPS = {"TK101": "TK101", "TK114": "TK101", "TK103": "TK103"}
GRADED = frozenset({"TK101", "TK102", "TK103", "TK110"})


def group(rule: str) -> str:
    return GROUPS.get(rule, "other")


def features(
    f: Finding, facts: Facts, same_rule: int = 1, memo: Memo | None = None
) -> dict[str, float]:
    """The finding's features by name (absent: 0), before the rule interactions;
    `same_rule`: how many findings of its rule the document has (a document that leaves
    many short forms undefined does so as its practice); `memo`: shared by the findings of
    one document."""
    memo = memo or Memo(facts)
    key = normalize(f.found)
    sug = normalize(f.suggestion) if f.suggestion else ""
    doc, glossary = facts.doc, facts.glossary
    frequencies = glossary.frequencies
    used, undefined = glossary.usage.forms.get(key, (0, 0))
    uses = memo.count(key)
    out = {
        f"rule:{f.rule}": 1.0,
        # Uses per 1,000 characters, and whether there are several: a bare count grows with
        # the document's length (the TRAIN pages are a page long, a report is fifty).
        "uses_per_1000": min(10.0, 1000 * uses / max(1, len(doc.key))),
        "used_again": float(uses > 1),
        "corpus": math.log1p(frequencies.documents_with(key)),
        "usage_documents": math.log1p(used),
        "usage_undefined": undefined / used if used else 0.0,
        "defined_here": float(key in facts.defined_forms),
        "in_glossary": float(key in glossary),
        # Scale-free document evidence: the TRAIN pages are a page long, a report is fifty.
        "document_defines": float(bool(facts.definitions)),
        "definitions_per_1000": min(5.0, 1000 * len(facts.definitions) / max(1, len(doc.key))),
        "length": math.log(max(1, len(key))),
        "latin": float(bool(key) and not HAN_CHAR.search(key)),
        "inside_longer": float(memo.inside_longer(key)),
        "glued": float(_glued(f, facts)),
        "same_rule_several": float(same_rule > 1),
        "full_in_document": float(_full_in_document(key, facts)),
    }
    if sug:
        distance = _distance(key, sug)
        out.update(
            {
                "suggestion": 1.0,
                # Uses of the form against the suggestion's (a count alone grows with the
                # document's length).
                "uses_against_suggestion": math.log1p(uses) - math.log1p(memo.count(sug)),
                "suggestion_corpus": math.log1p(frequencies.documents_with(sug)),
                "suggestion_defined_here": float(sug in facts.defined_forms),
                "distance": distance / max(len(key), len(sug), 1),
                "one_edit": float(distance == 1),
                "same_length": float(len(key) == len(sug)),
                "in_suggestion": float(bool(key) and key in sug),
                "ordered_in_suggestion": float(_ordered(key, sug)),
                "tail_of_suggestion": float(key != sug and sug.endswith(key)),
                "head_of_suggestion": float(key != sug and sug.startswith(key)),
            }
        )

    where = _against_definition(f, key, sug, memo)
    if where:
        out[where] = 1.0
    return out


def expanded(base: dict[str, float], rule: str) -> dict[str, float]:
    """The base features and, for the rule's group, each of them again under its group."""
    g = group(rule)
    out = dict(base)
    if g != "other":
        out.update({f"{g}:{k}": v for k, v in base.items() if not k.startswith("rule:")})
    return out


class Memo:
    """What the features of one document's findings share: the counts of the forms in its
    match key and its names joined, each made once (a long document has many findings)."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.counts: dict[str, int] = {}
        self._names: str | None = None
        self._defined: dict[str, int] | None = None

    def first_definitions(self) -> dict[str, int]:
        """Form key (full or short) → the line of its first definition."""
        if self._defined is None:
            self._defined = {}
            for d in self.facts.definitions:
                line = self.facts.doc.place_of_analysis(d.full_start, d.close).line
                for form in (d.short, d.full):
                    self._defined.setdefault(normalize(form), line)
        return self._defined

    def count(self, key: str) -> int:
        """How often the document's match key holds `key`."""
        if key not in self.counts:
            self.counts[key] = self.facts.doc.key.count(key) if key else 0
        return self.counts[key]

    def inside_longer(self, key: str) -> bool:
        """Is the form part of a longer name the document uses or defines?"""
        if not key:
            return False
        if self._names is None:  # every name once, NUL between: one scan per form
            names = sorted({*self.facts.hits_by_key, *self.facts.defined_forms})
            self._names = "\0" + "\0".join(names) + "\0"
        return self._names.count(key) > self._names.count(f"\0{key}\0")


def _full_in_document(key: str, facts: Facts) -> bool:
    """Does the document write a Chinese full form of a concept the form is a short form
    of (the name is there to read the short form by)?"""
    for entry in facts.glossary.entries(key) if key else ():
        for term in entry.concept.terms:
            full = normalize(term.text)
            if term.lang == "zh" and full != key and len(full) > len(key) and full in facts.doc.key:
                return True
    return False


def _glued(f: Finding, facts: Facts) -> bool:
    """Does a Han character stand right before the span (the name may go on to the left)?"""
    if f.line > len(facts.doc.lines.starts):
        return False
    start = facts.doc.lines.offset(f.line, f.column)
    return start > 0 and bool(HAN_CHAR.match(facts.doc.original[start - 1]))


def _against_definition(f: Finding, key: str, sug: str, memo: Memo) -> str:
    """`before_definition` or `after_definition` of a definition of the form found or
    suggested, `no_definition` when the document defines neither."""
    lines = [memo.first_definitions().get(k) for k in (key, sug) if k]
    lines = [n for n in lines if n is not None]
    if not lines:
        return "no_definition"
    return "after_definition" if f.line > min(lines) else "before_definition"


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings: forms of a few characters)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _ordered(key: str, sug: str) -> bool:
    """Are the form's characters in the suggestion, in order (a short form of it)?"""
    it = iter(sug)
    return bool(key) and key != sug and all(c in it for c in key)


class Model:
    """Logistic weights by feature name, a bias, the threshold below which a finding is a
    hint, and the rules it grades (those the fit saw false alarms of: a rule without them
    gave it nothing to learn, and its findings keep their severity)."""

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        threshold: float,
        rules: frozenset[str] = GRADED,
    ) -> None:
        self.weights, self.bias, self.threshold, self.rules = weights, bias, threshold, rules

    def score(self, values: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, **extra) -> str:
        data = {"format": FORMAT, "threshold": self.threshold, "rules": sorted(self.rules),
                "bias": self.bias, **extra, "weights": dict(sorted(self.weights.items()))}  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    """The shipped model (None until one is fitted)."""
    if not WEIGHTS.is_file():
        return None
    data = json.loads(WEIGHTS.read_text("utf-8"))
    return Model(data["weights"], data["bias"], data["threshold"], frozenset(data["rules"]))


def all_features(findings: list[Finding], facts: Facts) -> list[dict[str, float]]:
    """Each finding's features (with the count of its rule's findings in the document)."""
    rules, memo = Counter(f.rule for f in findings), Memo(facts)
    return [features(f, facts, rules[f.rule], memo) for f in findings]


def _graded_features(
    findings: list[Finding], facts: Facts, graded: frozenset[str]
) -> list[dict[str, float] | None]:
    """`all_features` of the findings of the graded rules only (None for the others): a long
    document has thousands of findings of rules the model leaves alone."""
    rules, memo = Counter(f.rule for f in findings), Memo(facts)
    return [features(f, facts, rules[f.rule], memo) if f.rule in graded else None for f in findings]


def grade(findings: list[Finding], facts: Facts, model: Model | None = None) -> list[Finding]:
    """The findings, those below the model's threshold as hints (their message saying so)."""
    model = model or shipped()
    if model is None or not findings:
        return findings
    out = []
    for f, values in zip(findings, _graded_features(findings, facts, model.rules), strict=True):
        if values is None:
            out.append(f)
            continue
        p = model.score(expanded(values, f.rule))
        if p < model.threshold:
            note = f" (confidence {p:.2f}, below {model.threshold:.2f}: a hint)"
            f = replace(f, severity=HINT, message=f.message + note)
        out.append(f)
    return out
