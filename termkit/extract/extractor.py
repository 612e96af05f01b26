"""Extraction: a pure function of one document, giving its definitions and their usage."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from termkit.documents.locations import Layout
from termkit.extract.boundary import (
    Window,
    counts_a_meeting,
    full_start,
    match_characters,
    names_place_or_person,
    open_window,
    ordinary_word,
    window_candidates,
)
from termkit.extract.brackets import Span, find_spans, unclosed_introducers
from termkit.extract.corpus_names import NameCounts, shipped_names
from termkit.extract.definition import (
    DefinitionModel,
    bracket_features,
    classes_around,
    default_definition_model,
)
from termkit.extract.english_extent import own_name
from termkit.extract.inner import FALLBACK, LOWER_CASE, ShortForm, fallback_forms, read_inner
from termkit.extract.recurrence import Recurrence, document_recurrence
from termkit.extract.scoring import BoundaryModel, default_model, probability
from termkit.progress import progress_bar
from termkit.termbase.model import Alternative, Definition, Location
from termkit.text.decode import Document, read_document
from termkit.text.normalize import (
    HAN_CHAR,
    key_of,
    normalize,
    normalize_with_map,
    to_simplified,
)
from termkit.text.offsets import ChainedMap, OffsetMap
from termkit.text.repair import AnalysisText, repair
from termkit.text.sourcemap import LineIndex

EXTRACTOR_VERSION = "2"
# `〈身心障碍者保护法〉`: Taiwan text also prints single angle marks around a title.
_TITLE_CLOSERS = {"》": "《", "〉": "〈", "”": "“", '"': '"', "」": "「", "』": "『"}
_TITLE_MARKS = "》〉"
CONTEXT = 20


@dataclass
class DocumentResult:
    """What one document yields: its definitions and where it uses each defined form (and,
    for a Word or PDF file, the layout that names the place of each line)."""

    path: str
    definitions: list[Definition]
    usage: dict[str, list[Location]] = field(default_factory=dict)
    layout: Layout | None = None


def extract_text(
    text: str,
    path: str = "<text>",
    *,
    model: BoundaryModel | None = None,
    names: NameCounts | None = None,
    definitions: DefinitionModel | None = None,
) -> list[Definition]:
    """Definitions in a text, in document order; `model` replaces the shipped boundary
    weights, `names` the shipped corpus table and `definitions` the shipped definition model
    (bench/fit_boundary.py and bench/fit_definition.py score weights fitted on other
    documents, and a table counted without the document, with them)."""
    analysis = repair(text)
    plain, key_text = simplified_and_key(analysis)
    return _extract(
        analysis,
        plain,
        key_text,
        path,
        LineIndex(text),
        model or default_model(),
        names,
        definitions or default_definition_model(),
    )


def simplified_and_key(analysis: AnalysisText) -> tuple[str, str]:
    """The analysis text in simplified characters and its normalization key, converted once."""
    plain = to_simplified(analysis.text)
    return plain, key_of(analysis.text, plain)


def extract_document(
    document: Document, usage: bool = True, english_of: Callable[[int], str] | None = None
) -> DocumentResult:
    """Definitions of one decoded document and (unless not `usage`) the usage of every form it
    defines; with `english_of` (the English translation of a line, from the document's aligned
    twin), each boundary is re-decided with the English name too
    (`termkit.extract.english_extent`)."""
    analysis = repair(document.text)
    lines = LineIndex(document.text)
    plain = to_simplified(analysis.text)
    # the map back from the key is for the usage only
    key = normalize_with_map(analysis.text, plain) if usage else None
    key_text = key_of(analysis.text, plain) if key is None else key[0]
    definitions = _extract(
        analysis,
        plain,
        key_text,
        document.path,
        lines,
        default_model(),
        None,
        default_definition_model(),
    )
    if english_of is not None:
        from termkit.extract.english_extent import refine

        definitions = refine(definitions, english_of)
    return DocumentResult(
        document.path,
        definitions,
        _usage(analysis, key, definitions, document.path, lines) if key is not None else {},
        document.layout,
    )


def extract_file(
    path: str | Path, encoding: str | None = None, revisions: str = "accepted", usage: bool = True
) -> DocumentResult:
    return extract_document(read_document(path, encoding, revisions), usage)


def extract_paths(
    paths: Iterable[str],
    encoding: str | None = None,
    progress: bool = False,
    revisions: str = "accepted",
    usage: bool = True,
) -> Iterator[DocumentResult]:
    """Extract files one by one, in order (`termkit extract`; `termkit.build` merges them)."""
    files = list(paths)
    bar = progress_bar(len(files)) if progress else None
    for path in files:
        yield extract_file(path, encoding, revisions, usage)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


@dataclass(frozen=True)
class CandidateSet:
    """The candidate full forms of one bracket, for fitting the boundary model."""

    short: str
    kind: str
    short_line: int
    options: list[tuple[str, int, dict[str, float]]]  # (full form, its line, features)


def boundary_candidates(
    text: str, unanchored: bool = False, names: NameCounts | None = None
) -> list[CandidateSet]:
    """Every bracket's candidate full forms with their features, as the extractor weighs them
    (brackets closed by a title mark have a single candidate and are left out). `unanchored`
    weighs each Chinese short form's window as if the bracket held a Latin acronym, whose
    characters anchor nothing: the same names teach where unanchored names start. `names`
    replaces the shipped corpus table."""
    analysis = repair(text)
    lines = LineIndex(text)
    pending, recurrences = _prepare(analysis, *simplified_and_key(analysis), names)
    sets = []
    for span, form, window in pending:
        if not isinstance(window, Window):
            continue
        if unanchored:
            if window.kind == "english":
                continue
            window = open_window(window.text, window.end, form.text, "english", window.shorts)
            if window is None:
                continue
        options = [
            (
                analysis.text[start : window.end],
                lines.position(analysis.source_offset(start))[0],
                features,
            )
            for start, features in window_candidates(
                window, recurrences, lambda full, f=form: not _not_a_full_form(full, f, f.kind)
            )
        ]
        short_at = span.inner_start + form.offset
        short_line = lines.position(analysis.source_offset(short_at))[0]
        sets.append(CandidateSet(form.text, form.kind, short_line, options))
    return sets


def _prepare(
    analysis: AnalysisText,
    plain: str,
    key_text: str,
    names: NameCounts | None = None,
    rescue: bool = False,
):
    """Every (span, short form, window) of the document, and the stand-alone recurrence of
    every candidate, counted in one pass before any decision. `plain` is the analysis text in
    simplified characters (word lists and jieba know simplified Chinese; the conversion keeps
    every offset), `key_text` its normalization key; `names` the corpus table (None: the
    shipped one). With `rescue` (a definition model decides), also the pieces of each bracket
    the reading rejected or left (`inner.fallback_forms`), and windows for short forms the
    rules give none (see `_window`)."""
    pending = []
    spans = find_spans(analysis.text)
    spans = sorted(spans + unclosed_introducers(analysis.text, spans), key=lambda s: s.open)
    for span in spans:
        inner = plain[span.inner_start : span.close]
        forms = read_inner(inner)[0]
        if rescue:
            forms = forms + fallback_forms(inner)
        shorts = tuple(f.text for f in forms)
        pending.extend((span, form, _window(plain, span, form, shorts, rescue)) for form in forms)
    candidates = [
        c for _, _, w in pending if isinstance(w, Window) for c in (*w.candidates(), *w.heads())
    ]
    if rescue:
        candidates.extend(form.text for _, form, _ in pending)
    return pending, document_recurrence(
        key_text, candidates, shipped_names() if names is None else names
    )


def _extract(
    analysis: AnalysisText,
    plain: str,
    key_text: str,
    path: str,
    lines: LineIndex,
    model: BoundaryModel,
    names: NameCounts | None = None,
    definitions: DefinitionModel | None = None,
) -> list[Definition]:
    """The definitions of the analysis text (`plain`, `key_text` and `names` as in
    `_prepare`; `definitions` decides which brackets define, None the rules alone)."""
    # the reading's leftovers and the windows the rules give none are weighed only where
    # the model may accept a bracket the rules reject
    rescue = definitions is not None and definitions.rescues
    pending, recurrences = _prepare(analysis, plain, key_text, names, rescue)
    brackets = [list(group) for _, group in groupby(pending, key=lambda p: p[0])]
    context = (analysis, plain, path, lines, recurrences, model, definitions)
    found = [_define_bracket(*context, bracket) for bracket in brackets]
    agreed = one_name_per_short_form([d for defined in found for d in defined])
    if agreed:
        found = [
            _define_bracket(*context, bracket, agreed)
            if _disagrees(bracket, defined, agreed)
            else defined
            for bracket, defined in zip(brackets, found, strict=True)
        ]
    return [own_name(d) for defined in found for d in defined]


def _disagrees(bracket: list, defined: list[Definition], agreed: dict[str, str]) -> bool:
    """Whether a bracket defines one of its short forms otherwise than the document agrees
    (or not at all): only such brackets are decided again."""
    fulls = {_key(d.short): normalize(d.full) for d in defined}
    return any(
        agreed.get(short := _key(form.text), fulls.get(short)) != fulls.get(short)
        for _, form, _ in bracket
    )


def one_name_per_short_form(definitions: list[Definition]) -> dict[str, str]:
    """Short form key -> the full form key its brackets agree on, for a short form the
    document defines more than once with different full forms (`日内瓦|发展与知识产权委员会
    （CDIP）` in a heading, `成立发展与知识产权委员会（CDIP）` in the text): one document
    gives one name one short form, and the candidate the model finds most likely summed
    over those brackets is that name."""
    by_short: dict[str, list[Definition]] = {}
    for d in definitions:
        if d.alternatives:
            by_short.setdefault(_key(d.short), []).append(d)
    agreed = {}
    for short, defined in sorted(by_short.items()):
        if len({normalize(d.full) for d in defined}) < 2:
            continue
        support: dict[str, float] = {}
        for d in defined:
            for full, score in {normalize(a.full): a.score for a in d.alternatives}.items():
                support[full] = support.get(full, 0.0) + probability(score)
        agreed[short] = max(sorted(support), key=lambda full: support[full])
    return agreed


_PERSONAL_NAME = re.compile(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3}")
_ONE_NAME = re.compile(r"[A-Z][a-z]+")


def _original_spelling(short: str, window: Window) -> bool:
    """`格劳秀斯（Hugo Grotius）`: a person's or a place's name (jieba tags the word before
    the bracket as one) followed by capitalized words alone, its spelling in the original
    language, not a term's English name (`人权事务委员会（Human Rights Committee）`)."""
    word, flag = window.words[window.anchor_index][:2]
    if flag.startswith("ns") and len(word) >= 2 and _ONE_NAME.fullmatch(short):
        # `日内瓦（Geneva）`, `总部位于瑞士（Swiss）`: a place jieba knows as a word, spelled;
        # a piece tagged as one is no such word (`可氯|丹（Chlordane）`, a pesticide)
        return True
    return flag.startswith(("nr", "ns")) and bool(_PERSONAL_NAME.fullmatch(short))


def _define_bracket(
    analysis: AnalysisText,
    plain: str,
    path: str,
    lines: LineIndex,
    recurrences: Recurrence,
    model: BoundaryModel,
    definitions: DefinitionModel | None,
    group: list,
    agreed: dict[str, str] | None = None,
) -> list[Definition]:
    """The definitions of one bracket's short forms, in the bracket's order. One bracket names
    one thing (`版权及相关权常设委员会（以下称"常设委员会"或"SCCR"）`): a Latin short form, whose
    letters anchor nothing, takes the start a Chinese short form of the same bracket found
    with its characters, when that start is one of its own candidates. `agreed` holds the
    full forms the document's brackets agree on (`one_name_per_short_form`)."""
    found: dict[int, Definition] = {}
    anchored: int | None = None
    for i in sorted(range(len(group)), key=lambda i: group[i][1].kind == "english"):
        span, form, window = group[i]
        same = anchored if form.kind == "english" else None
        name = (agreed or {}).get(_key(form.text), "")
        result = _define(
            analysis,
            plain,
            span,
            form,
            window,
            path,
            lines,
            recurrences,
            (model, definitions),
            same,
            name,
        )
        if result is not None:
            found[i], start = result
            if form.kind != "english" and isinstance(window, Window) and anchored is None:
                anchored = start
    return [found[i] for i in sorted(found)]


def _bracket_end(text: str, span: Span) -> int:
    """Where the full form before a bracket ends: the bracket, spaces before it left out."""
    end = span.open
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    return end


def _window(
    plain: str, span: Span, form: ShortForm, shorts: tuple[str, ...], rescue: bool = False
) -> Window | str | None:
    """The boundary window of a bracket's short form (`shorts`: all the bracket offers); the
    title mark that closes the full form instead, when there is one (its opener decides the
    start); None when neither. With `rescue`, a window also where the rules see none (a
    spelling after a person's or place's name, one lower-case word): `_define` gives the
    rules' verdict on it to the definition model. A Chinese short form whose characters the
    text before does not hold gets none even then: weighed like an acronym, its every word
    start a candidate, such windows were two thirds of the rescue's cost and, by leave one
    set out, rescued no definition (bench/fit_definition.py)."""
    end = _bracket_end(plain, span)
    closer = plain[end - 1] if end else ""
    if closer in _TITLE_CLOSERS:
        return closer
    if form.kind == "title" or (
        form.rule == LOWER_CASE and " " not in form.text.strip() and not rescue
    ):
        # one lower-case word after an unmarked name glosses a word (`监督（monitoring）`);
        # an English phrase, or a word after a quoted term, is the term's equivalent
        return None
    # A numbered nickname (`里约+20`) anchors no characters: its window is weighed like an
    # acronym's.
    unanchored = form.rule.endswith(":numbered")
    window = open_window(plain, end, form.text, "english" if unanchored else form.kind, shorts)
    if (
        not rescue
        and window is not None
        and form.kind == "english"
        and _original_spelling(form.text, window)
    ):
        return None
    if window is None and counts_a_meeting(form.text, plain, end):
        # `联合国人类住区会议（生境二）`: the numeral counts the meeting and the stem's
        # characters are not in the name: weighed like an acronym
        window = open_window(plain, end, form.text, "english", shorts)
    return window


_OPEN_MODELS: dict[int, tuple[BoundaryModel, BoundaryModel]] = {}


def _unthresholded(model: BoundaryModel) -> BoundaryModel:
    """The boundary model without its min_probability: the definition model weighs a
    bracket whose best start the boundary model finds unlikely."""
    pair = _OPEN_MODELS.get(id(model))
    if pair is None or pair[0] is not model:
        pair = _OPEN_MODELS[id(model)] = (model, replace(model, min_probability=0.0))
    return pair[1]


_BYPASS = (
    "boundary:same-bracket",
    "boundary:ordinal-of-acronym",
    "boundary:instrument-title",
    "boundary:same-short-form",
)


def _rules_verdict(form: ShortForm, window: Window) -> str:
    """Why the rules give a short form with this window no definition ("" when they do):
    the verdicts `_window` let through for the definition model."""
    if form.rule.startswith(FALLBACK):
        return form.rule
    if form.kind == "english" and _original_spelling(form.text, window):
        return "window:original spelling"
    if form.rule == LOWER_CASE and " " not in form.text.strip():
        return "window:one lower-case word"
    return ""


def _define(
    analysis: AnalysisText,
    plain: str,
    span: Span,
    form: ShortForm,
    window: Window | str | None,
    path: str,
    lines: LineIndex,
    recurrences: Recurrence,
    models: tuple[BoundaryModel, DefinitionModel | None],
    same_bracket: int | None = None,
    agreed: str = "",
) -> tuple[Definition, int] | None:
    """The definition of one short form and where its full form starts; `same_bracket` is
    the start a sibling short form of the bracket found, `agreed` the full form key the
    document's brackets agree on (see `_define_bracket`). `models`: the boundary model, and
    the definition model that decides whether the bracket defines (None: the rules)."""
    if window is None:
        return None
    model, definitions = models
    deciding = definitions is not None and definitions.decides
    text = plain
    short_at = span.inner_start + form.offset
    printed_short = analysis.text[short_at : short_at + len(form.text)]
    end = _bracket_end(text, span)
    kind = form.kind
    rules: list[str] = [f"rule:{form.rule}"]
    weighed: tuple[tuple[int, float], ...] = ()
    verdict = ""
    probability_ = 1.0
    if isinstance(window, str):
        closer = window
        opener = text.rfind(_TITLE_CLOSERS[closer], max(0, end - 80), end - 1)
        if opener < 0:
            return None
        start, full = opener + 1, text[opener + 1 : end - 1]
        if closer in _TITLE_MARKS:
            kind = "english" if kind == "english" else "title"
        coverage = _title_coverage(form, full)
        rules.append(f"boundary:{closer}marks")
        if form.rule.startswith(FALLBACK):
            verdict = form.rule
        if coverage < 0.5:
            # `《南太平洋无核区条约》（《拉罗通加条约》）`: a shorter title is an alias title.
            if not (closer in _TITLE_MARKS and form.kind == "title" and len(form.text) < len(full)):
                if not deciding:
                    return None
                verdict = verdict or "title:characters not in the title"
            else:
                rules.append("alias-title")
        confidence = 0.8 + 0.15 * coverage
    else:
        verdict = _rules_verdict(form, window) if deciding else ""
        boundary = full_start(
            window,
            recurrences,
            _unthresholded(model) if deciding else model,
            lambda full: not _not_a_full_form(full, form, kind),
            same_bracket,
            agreed,
        )
        if boundary is None:
            return None
        probability_ = boundary.probability
        if probability_ < model.min_probability and not any(r in _BYPASS for r in boundary.rules):
            verdict = verdict or "boundary:below min_probability"
        start, full = boundary.start, text[boundary.start : end]
        coverage = boundary.coverage
        rules.extend(boundary.rules)
        confidence = _confidence(kind, boundary.coverage, boundary.rules, form.rule)
        confidence *= 0.6 + 0.4 * boundary.probability
        weighed = boundary.weighed
    full = analysis.text[start : start + len(full)]
    reason = _implausible(full, form, kind, coverage)
    if reason and not deciding:
        return None
    verdict = verdict or (f"implausible:{reason}" if reason else "")
    line, column = lines.position(analysis.source_offset(start))
    # Only candidates that could be a full form at all: the corpus may re-decide among them.
    alternatives = tuple(
        Alternative(analysis.text[begin:end], *lines.position(analysis.source_offset(begin)), score)
        for begin, score in weighed
        # (every weighed candidate passed `_not_a_full_form` already)
        if not _not_a_short_form(analysis.text[begin:end], form, kind, coverage)
    )
    short_line, short_column = lines.position(analysis.source_offset(short_at))
    original = analysis.text
    context = original[max(0, start - CONTEXT) : min(len(original), span.close + 1 + CONTEXT)]
    definition = Definition(
        full=full,
        short=printed_short,
        kind=kind,
        path=path,
        line=line,
        column=column,
        short_line=short_line,
        short_column=short_column,
        confidence=round(confidence, 3),
        evidence=tuple(rules),
        context=context.replace("\n", " "),
        alternatives=alternatives,
    )
    if not deciding or (not verdict and definitions.reject <= 0.0):
        # (a model that rejects nothing the rules accept need not weigh it)
        return definition, start
    inner = text[span.inner_start : span.close]
    if isinstance(window, Window):
        before, last = classes_around(window.words, start)
        words = [w[0] for w in window.words if w[2] >= start]
    else:
        before, last, words = "marked", "marked", []
    features = bracket_features(
        form.text,
        form.kind,
        form.rule,
        verdict,
        inner,
        len(read_inner(inner)[0]),
        full,
        probability_,
        isinstance(window, str),
        before,
        last,
        recurrences.uses(form.text),
        recurrences.uses(full),
        words,
    )
    if not definitions.accepts(features, not verdict, definition):
        return None
    p = definitions.probability(features)
    note = (f"definition:rescued:{verdict}",) if verdict else ()
    definition = replace(definition, evidence=(*definition.evidence, f"definition:{p:.2f}", *note))
    return definition, start


def _implausible(full: str, form: ShortForm, kind: str, coverage: float) -> str:
    """Why a found pair is not a definition after all, or "" when it may be one."""
    return _not_a_full_form(full, form, kind) or _not_a_short_form(full, form, kind, coverage)


def _not_a_full_form(full: str, form: ShortForm, kind: str) -> str:
    """Why this candidate cannot be the short form's full form, whatever the others are (the
    boundary model weighs only candidates that pass)."""
    full_key, short_key = normalize(full), _key(form.text)
    if len(full_key) < 2 or full_key == short_key:
        return "no full form"
    if "·" in full or "•" in full:
        return "a person's name"
    if "…" in full or "..." in full:
        return "an ellipsis: a cut quotation, not a name"
    if kind == "english":
        if not HAN_CHAR.search(full):
            return "no Chinese full form (an affiliation or a brand name)"
        if full[-1].isascii() and full[-1].isalpha():
            # `…统筹部 Airport（HKIA）`, `COP（Conference of the Parties）`: the bracket
            # spells out or glosses the Latin word before it
            return "a Latin word before the bracket"
        if full[-1].isdigit():
            # `联大第3202（S-VI）`: the bracket qualifies the number (a session, a unit); no
            # certain Latin short form of the dev and TRAIN gold follows a digit
            return "a number before the bracket"
        # an acronym's name is long; a word's lower-case equivalent may name a word (`"制裁"`)
        return (
            "full form too short" if len(full_key) < (2 if form.rule == LOWER_CASE else 3) else ""
        )
    if len(full_key) <= len(short_key):
        return "full form not longer than the short form"
    if full_key.startswith(short_key):
        return "short form is the head of the full form: a gloss"
    if not (HAN_CHAR.match(full[-1]) or full[-1] in '》”"'):
        return "full form does not end in Chinese"
    return ""


@lru_cache(maxsize=4096)
def _key(short: str) -> str:
    return normalize(short)


def _not_a_short_form(full: str, form: ShortForm, kind: str, coverage: float) -> str:
    """Why the bracket's content is no short form of the chosen full form."""
    if kind == "english":
        return ""
    if names_place_or_person(form.text) and coverage < 1.0:
        # `（德国）` after a person is a gloss; a place all of whose characters the full
        # form holds in order abbreviates it (`中华人民共和国（中国）`, `…特别行政区（香港特区）`)
        return "a place or a person"
    if form.kind != "abbreviation" or not ordinary_word(form.text):
        return ""
    if kind == "abbreviation" and coverage <= 0.5:
        return "an ordinary word, at most half made of the full form's characters: a gloss"
    full_key, short_key = normalize(full), normalize(form.text)
    if short_key in full_key and not full_key.endswith(short_key):
        # `《…战略计划》（战略）`: one of the name's own words, not its head, labels a part
        return "an ordinary word of the name that is not its head: a label"
    return ""


def _title_coverage(form: ShortForm, full: str) -> float:
    if form.kind == "english":
        return 1.0
    han = HAN_CHAR.findall(form.text)
    if not han:
        return 0.0
    return len(match_characters(form.text, full, 0, len(full))) / len(han)


def _confidence(kind: str, coverage: float, rules: tuple[str, ...], rule: str) -> float:
    if rule.startswith("introducer"):
        base = 0.9
    elif kind == "english":
        base = 0.7
    else:
        base = 0.45 + 0.45 * coverage
    if any(
        r.startswith(("boundary:after:", "boundary:organization")) or r == "boundary:punctuation"
        for r in rules
    ):
        base += 0.05
    if "boundary:window" in rules:
        base -= 0.2
    return max(0.05, min(base, 0.99))


def _usage(
    analysis: AnalysisText,
    key: tuple[str, OffsetMap | ChainedMap],
    definitions: list[Definition],
    path: str,
    lines: LineIndex,
) -> dict[str, list[Location]]:
    """Where the document uses each defined form (longest match first, on the key)."""
    forms = sorted({f for d in definitions for f in (d.full, d.short)})
    if not forms:
        return {}
    import ahocorasick_rs

    key_text, key_map = key
    by_key: dict[str, list[str]] = {}
    for f in forms:
        by_key.setdefault(normalize(f), []).append(f)
    keys = sorted(k for k in by_key if k)
    # One text: a contiguous NFA, whose build costs a tenth of the DFA's (see CandidateCounter).
    matcher = ahocorasick_rs.AhoCorasick(
        keys,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )
    usage: dict[str, list[Location]] = {f: [] for f in forms}
    for index, start, _end in matcher.find_matches_as_indexes(key_text):
        line, column = lines.position(analysis.source_offset(key_map.to_source(start)))
        for f in by_key[keys[index]]:
            usage[f].append(Location(path, line, column))
    return usage
