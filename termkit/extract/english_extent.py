"""The English twin's name as boundary evidence: how much of the text before a bracket the
Chinese full form covers.

Where the Chinese has `…FULL（SHORT）`, its English twin mostly writes the name out too:
`United Nations Environment Programme (UNEP)`, `the Conference of the Parties to the
Rotterdam Convention … in International Trade (the "Conference of the Parties")`,
`"Forces démocratiques de libération du Rwanda" (FDLR)`. The English name's extent is easy to
read (capitalized words and the connectors between them, or a quoted name), and it tells which
words before the bracket belong to the Chinese name: a Chinese word whose CC-CEDICT
translation is a word of the English name is inside it (`国际贸易`, `化学品`), one whose
translation is a word of the English sentence outside the name governs or describes it
(`支持`, `消极`). Each candidate the boundary model weighed (`Definition.alternatives`) gets
the count of its words inside the name less those outside; the best count wins, the model's
order deciding between equals, so a definition changes only when the English says so.

Extraction of one file stays a pure function of its input: the Chinese text and, when there is
one, its English twin (`english_of` gives the English of a Chinese line).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from termkit.termbase.model import Alternative, Definition

if TYPE_CHECKING:  # the aligner loads only with an English twin
    from termkit.align import Bead

# Words that join the capitalized words of an English (or French, Spanish) name.
_CONNECTORS = frozenset(
    "of the on for and in to at against with from by de du des la le les et pour sur".split()
)
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9'’\-]*|[^\sA-Za-zÀ-ÿ0-9]")
_BRACKET = re.compile(
    r"\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?)?[\"“]?([^()\"”]{1,80}?)[\"”]?\s*\)"
)
_QUOTED_END = re.compile(r"[\"“]([^\"“”]{3,200})[\"”]\s*$")
MIN_WORDS = 2  # an English name of fewer known words decides nothing
# In the bracket itself the English is the name, nothing else: one translated word decides
# (`基礎的|人權模式（human rights approach）`; measured by bench/fit_boundary.py's CV).
MIN_OWN_WORDS = 1
# A word the sentence translates outside the name weighs more than one the name translates:
# the name's own words recur around it (`the Rwandan negative force "Forces … du Rwanda"`).
OUTSIDE = 2


def english_name(before: str) -> str:
    """The English name that ends where `before` ends (a bracket follows): a quoted name, or
    the run of capitalized words with the connectors between them, connectors at its ends left
    out."""
    quoted = _QUOTED_END.search(before)
    if quoted:
        return quoted.group(1)
    tokens = _TOKEN.findall(before)
    words: list[str] = []
    for token in reversed(tokens):
        if token[0].isupper() or token[0].isdigit() or token.lower() in _CONNECTORS:
            words.append(token)
        else:
            break
    while words and not (words[-1][0].isupper()):
        words.pop()  # the name opens with a capitalized word (`the Conference` → `Conference`)
    if words and words[-1] == "The":
        words.pop()
    return " ".join(reversed(words))


def names_in(english: str) -> list[tuple[str, str]]:
    """(short form, name) of every bracket of an English sentence that follows a name; an
    acronym's name is where its letters lead (Schwartz–Hearst: `… Heads of State and Government
    of the Community of Latin American and Caribbean States (CELAC)` names the Community)."""
    from termkit.align.pairing import english_definitions

    # (a word inside the acronym, `UN-Women`, is no letter to follow)
    acronyms = {a: n for n, a in english_definitions(english) if not any(map(str.islower, a))}
    out = []
    for m in _BRACKET.finditer(english):
        short = m.group(1).strip()
        name = acronyms.get(short) or english_name(english[: m.start()].rstrip())
        if name:
            out.append((short, name))
    return out


def _fold(text: str) -> str:
    """`libération` → `liberation`: the stems of a French or Spanish name meet the English."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()


@lru_cache(maxsize=8192)
def _translations(word: str) -> frozenset[str]:
    from termkit.align.lexical import _stem, dictionary_words

    return frozenset(s for w in dictionary_words(word) if (s := _stem(w)))


def _stems(text: str) -> list[str]:
    from termkit.align.lexical import en_stems

    return en_stems(_fold(text))


def extent_counts(
    candidates: Iterable[str], name: str, sentence: str
) -> list[tuple[int, int, int]]:
    """For each Chinese candidate, how many of its words the English `name` translates, how
    many only the rest of the `sentence` does, and how many words it has."""
    from termkit.align.lexical import zh_words
    from termkit.text.normalize import to_simplified

    inside = Counter(_stems(name))
    outside = set(_stems(sentence)) - set(inside)
    counts = []
    for candidate in candidates:
        ins = outs = 0
        left = inside.copy()  # each English word translates one Chinese word, nearest first
        words = zh_words([to_simplified(candidate)])[0]
        for word in reversed(words):
            translated = _translations(word)
            met = [s for s in translated if left[s] > 0]
            if met:
                left.subtract(met)  # `联合国`: United Nations, both words
                ins += 1
            elif translated & outside:
                outs += 1
        counts.append((ins, outs, len(words)))
    return counts


def english_by_line(beads: Iterable[Bead]) -> Callable[[int], str]:
    """The English of each Chinese line: the English side of the aligned bead holding it."""
    english: dict[int, str] = {}
    for bead in beads:
        if bead.zh and bead.en:
            for line in bead.zh_lines:
                english.setdefault(line, bead.en_text)
    return lambda line: english.get(line, "")


def refine(definitions: list[Definition], english_of: Callable[[int], str]) -> list[Definition]:
    """The definitions with each boundary re-decided by the English of its line, where the
    English defines a name in brackets that translates enough of the candidates."""
    return [_refined(d, english_of(d.short_line)) for d in definitions]


def own_name(definition: Definition) -> Definition:
    """`…條約或決議中創設人權事務委員會（Human Rights Committee）`: a bracket that holds the English
    name itself translates the full form word for word, so of the candidates the model
    weighed, the one with the most words the name translates and the fewest it does not wins
    (the model's order between equals). Only the English words of the bracket are read, so
    extraction stays a pure function of the document. Re-deciding only doubtful boundaries
    (as the corpus pass does) kept 2 fewer of the 5 it fixes in CV, so every one is weighed:
    CC-CEDICT loads (~0.5 s a process) on the first bracket of two English words or more."""
    options = definition.alternatives
    words = [w for w in definition.short.split() if any(c.isalpha() for c in w)]
    if definition.kind != "english" or len(words) < 2 or len(options) < 2:
        return definition
    counts = extent_counts([a.full for a in options], definition.short, "")
    if max(ins for ins, _, _ in counts) < MIN_OWN_WORDS:
        return definition
    best = min(range(len(options)), key=lambda i: (-counts[i][0], counts[i][2] - counts[i][0], i))
    if best == 0:
        return definition
    return _moved(definition, options[best], f"english-name:{definition.short}")


def _refined(definition: Definition, english: str) -> Definition:
    options = list(definition.alternatives)
    if len(options) < 2 or not english or options[0].full != definition.full:
        return definition
    named = names_in(english)
    if definition.kind == "english":
        named = [
            (s, n) for s, n in named if s.replace(" ", "") == definition.short.replace(" ", "")
        ]
    best: tuple[int, Alternative, str] | None = None
    for _, name in named:
        counts = extent_counts([a.full for a in options], name, english)
        known = max(ins for ins, _, _ in counts)
        if known < MIN_WORDS or (best is not None and known <= best[0]):
            continue
        (ins0, outs0, _), length = counts[0], len(options[0].full)
        # The English moves the boundary only where it is consistent: the words a longer
        # candidate adds are translated inside the name and none outside it; the words a
        # shorter one drops are translated outside it and none inside.
        moves = [
            i
            for i, (ins, outs, _) in enumerate(counts)
            if (len(options[i].full) > length and ins > ins0 and outs == outs0)
            or (len(options[i].full) < length and outs < outs0 and ins == ins0)
        ]
        if moves:
            # the model's order decides between candidates the English scores alike
            i = max(moves, key=lambda i: (counts[i][0] - OUTSIDE * counts[i][1], -i))
            best = (known, options[i], name)
    if best is None:
        return definition
    _, chosen, name = best
    return _moved(definition, chosen, f"english-extent:{name}")


def _moved(definition: Definition, chosen: Alternative, why: str) -> Definition:
    """The definition with the boundary of `chosen`, one of its alternatives. The English
    settled the boundary: no corpus count re-decides it (`boundary:doubtful` goes)."""
    evidence = tuple(e for e in definition.evidence if e != "boundary:doubtful")
    return replace(
        definition,
        full=chosen.full,
        line=chosen.line,
        column=chosen.column,
        evidence=(*evidence, why),
        alternatives=(chosen, *(a for a in definition.alternatives if a is not chosen)),
    )
