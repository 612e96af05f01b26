"""Read a bracket's content: which short forms it offers, of what kind, or why it is none."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from termkit.extract.lexicon import INTRODUCERS, LATIN_NON_NAMES, NON_DEFINITION_OPENERS
from termkit.text.lazy import lazy
from termkit.text.normalize import FOLD, HAN

_HAN_SHORT = re.compile(rf"[{HAN}][{HAN}0-9A-Za-z+＋\-－·]*")
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z0-9&.\-+'’ ]*[A-Za-z0-9+.]|[A-Z]")
_DOC_SYMBOL = re.compile(r"[A-Z]{1,10}/[A-Za-z0-9]|/[0-9]+/")
_URL = re.compile(r"https?://|www\.|\.(?:org|int|net|com)\b|@")
# Roman numerals that number items and sessions (`（ii）`, `（XXIX）`, `（LXVIII）`) are written
# with I, V, X and L; C, D and M spell acronyms (`（CDC）`, `（CCC）`, `（CD）`, `（LDC）`, `（CDM）`).
_LIST_MARKER = re.compile(
    r"[a-zA-Z]|\d+|[一二三四五六七八九十]+"
    r"|(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
)
_CLAUSE = re.compile(r"[，,；;：:。！？!?]")
_ACRONYM = lazy(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9/\-]*")
# An English name (its own list inside allowed) and the comma after it.
# `International Atomic Energy Agency -- IAEA`: a dash may stand for the comma, and a hyphen
# glued to both (`…Combat Desertification-UNCCD`).
_ENGLISH_NAME_THEN = re.compile(
    r"[A-Za-z][A-Za-z'’\- ]*(?: ?, ?[A-Za-z][A-Za-z'’\- ]*)*[A-Za-z] ?(?:[,;]|-{1,2}|—{1,2}|–) ?"
)
# `（简称粮农组织,FAO）`: after an introducer, a comma before a Latin acronym lists it too.
_THEN_ACRONYM = lazy(r" ?[,，] ?([A-Z][A-Za-z0-9\-]*[A-Z0-9])$")
# `Committee on Economic, Social and Cultural Rights`: an English name with a list inside,
# each item after a comma capitalized, the name ending in a capitalized word.
_ENGLISH_WITH_LIST = re.compile(
    r"[A-Z][A-Za-z'’\-]*(?: [A-Za-z'’\-]+)*(?: ?, ?[A-Z][A-Za-z'’\-]*(?: [A-Za-z'’\-]+)*)+"
)
# A labelled part: up to four Chinese characters (a language: 中文, 英文; where the text
# goes on: 下文, 以下) and an introducer, or a verb of naming after such an adverb or one of
# usage (`通常称为`, `以下称作`); not after one that dates the name (`前称为`, `原称`: a former
# name) or adds another (`也称`: a synonym, tico19's `保持社交距离（也称保持物理距离）`).
_INTRODUCER = re.compile("|".join(INTRODUCERS))
_PART = lazy(r"[^,，;；]+")
_LABELLED = lazy(
    rf" *(?:[{HAN}]{{0,4}}?({'|'.join(INTRODUCERS)})"
    r"|(?:下文|以下|通常|一般)(称为|称作|称|简作|简写为?))[为作：: ]*"
)
_LABELLED_INTRODUCER = lazy(rf"(?:{'|'.join(INTRODUCERS)})|(?:下文|以下|通常|一般)(?:称|简作|简写)")
# `…of the United Nations -- FAO`: an English name, a dash and its acronym.
_NAME_DASH_ACRONYM = lazy(
    r"([A-Za-z][A-Za-z'’\- ]*[A-Za-z]) ?(?:-{1,2}|—{1,2}|–) ?([A-Z][A-Za-z0-9\-]*[A-Z0-9])"
)
LOWER_CASE = "english:lower-case"
_QUOTES = "“”\"'‘’「」『』"
_OR = re.compile(r"或者?")
_OR_OR_LIST = lazy(r"或者?|、")
# `里约+20`, `北京+5`: a place's name with a count of years or meetings, a nickname whose
# characters need not occur in the full form.
_SYMBOL_SHORT = re.compile(rf"[{HAN}]{{1,6}} ?\+ ?\d{{1,3}}")
# `（LLDC，Landlocked Developing Countries）`: the acronym first, then the English name it
# stands for (two or more words).
_ACRONYM_THEN_NAME = lazy(
    r"([A-Z][A-Za-z0-9\-]*[A-Z0-9]) ?[,，] ?[A-Z][A-Za-z'’\-]*(?: [A-Za-z'’\-]+)+"
)
# `OECD/DAC`: two acronyms joined by a slash, no digit, name a body of a body, not a document;
# so do an acronym and a name of one capitalized word (`ICPO/Interpol`), two names of one body.
_ACRONYM_PAIR = lazy(r"[A-Z]{2,10}/(?:[A-Z]{2,10}|[A-Z][a-z]{2,15})|[A-Z][a-z]{2,15}/[A-Z]{2,10}")
# `第三次外空会议`, `第二期联索行动`: an ordinal counting meetings, sessions or phases, then a
# name of three or more characters; the bare ordinal and head (第三章, 第五十七届会议) cite.
_ORDINAL_NAME = lazy(rf"第[一二三四五六七八九十百]+[次届期][{HAN}]{{3,12}}")
_YEAR_BEFORE_TITLE = lazy(r"\d{4} ?年 ?(?=《)")
# `P-5`, `D-1` (staff grades), `RA 9208` (a law number): identifiers, not names.
# Three capitals and a number are a numbered meeting's acronym (`WRC-23`, `COP-26`).
_GRADE_OR_NUMBER = re.compile(r"[A-Z]{1,2}[- ]\d+")


class ShortForm(NamedTuple):
    """One short form a bracket offers: its text as printed and where it starts in the bracket."""

    text: str
    offset: int  # from the first character inside the bracket
    kind: str  # "abbreviation" | "title" | "english"
    rule: str


def read_inner(inner: str) -> tuple[list[ShortForm], str]:
    """The short forms in a bracket's content, or ([], reason) when it is not a definition."""
    forms, reason = _read_once(inner)
    return list(forms), reason


@lru_cache(maxsize=8192)
def _read_once(inner: str) -> tuple[tuple[ShortForm, ...], str]:
    """`_read`, once a process for each content: documents repeat their brackets (`（2015）`,
    `（环境署）`; a third to two fifths of the brackets of the UNPC devset and the seeds)."""
    forms, reason = _read(inner)
    return tuple(forms), reason


def _read(inner: str) -> tuple[list[ShortForm], str]:
    lead = len(inner) - len(inner.lstrip())
    body = inner.strip()
    if not body:
        return [], "empty"
    for intro in INTRODUCERS if body.startswith(INTRODUCERS) else ():
        if body.startswith(intro):
            rest = body[len(intro) :].lstrip("为：: ")
            # `（简称:1992 年《框架公约》）`: the year the title is known by, then the title
            rest = rest[year.end() :] if (year := _YEAR_BEFORE_TITLE.match(rest)) else rest
            start = lead + len(body) - len(rest)
            # `（又称公政公约、ICCPR）`: after an introducer, `、` lists alternatives too
            rule = f"introducer:{intro}"
            forms = _split_alternatives(rest, start, rule, _OR_OR_LIST)
            acronym = _THEN_ACRONYM.search(rest)
            if not forms and acronym:
                forms = _split_alternatives(rest[: acronym.start()], start, rule, _OR_OR_LIST)
                if forms:
                    forms.append(
                        ShortForm(acronym.group(1), start + acronym.start(1), "english", rule)
                    )
            if forms:
                return forms, ""
            # `（简称:联合国教科文组织,英文:United Nations…,缩写UNESCO）`: the introducer's
            # part is one of several labelled parts
            labelled = _labelled_parts(body, lead)
            return (labelled, "") if labelled else ([], "introducer without a short form")
    labelled = _labelled_parts(body, lead)
    if labelled:
        return labelled, ""
    folded = body.translate(FOLD)
    named = _ENGLISH_NAME_THEN.match(folded)
    if named and len(folded) == len(body) and _names_before(named.group(), folded[named.end() :]):
        # `(United Nations Framework Convention on Climate Change, UNFCCC)`, `(Convention on
        # the Rights of Persons with Disabilities,简称身权公约或CRPD)`: the English name, then
        # the short forms the document goes on to use
        rest = body[named.end() :]
        intro = next((i for i in INTRODUCERS if rest.startswith(i)), "")
        start, rule = lead + named.end() + len(intro), f"introducer:{intro}" if intro else "english"
        tail = rest[len(intro) :].rstrip()
        if _ACRONYM.fullmatch(tail):  # `INC/FCCC`
            return [ShortForm(tail, start, "english", rule)], ""
        forms = _split_alternatives(tail, start, rule)
        if forms and (intro or all(_ACRONYM.fullmatch(f.text) for f in forms)):
            return forms, ""
    first = _ACRONYM_THEN_NAME.fullmatch(folded)
    if first and spells_in_order(first.group(1), folded[first.end(1) :].lstrip(" ,，")):
        return [ShortForm(first.group(1), lead, "english", "english:acronym-first")], ""
    if _ORDINAL_NAME.fullmatch(body):
        return [ShortForm(body, lead, "abbreviation", "bracket:ordinal")], ""
    if body.startswith(NON_DEFINITION_OPENERS):
        return [], "citation, list or gloss"
    if _URL.search(body):
        return [], "URL"
    if _ACRONYM_PAIR.fullmatch(folded):
        return [ShortForm(body, lead, "english", "english")], ""
    if _DOC_SYMBOL.search(body):
        return [], "document symbol"
    if _LIST_MARKER.fullmatch(body):
        return [], "list marker or number"
    if _CLAUSE.search(body) and not _english_name_with_list(folded):
        return [], "clause or enumeration"
    if _ENGLISH.fullmatch(folded) or _english_name_with_list(folded):
        return _english(body, lead)
    forms = _split_alternatives(body, lead, "bracket")
    return (forms, "") if forms else ([], "not a short form")


def _names_before(name: str, rest: str) -> bool:
    """Whether `name` (with the separator after it) reads as the English name before the
    short forms in `rest`: it ends in a lower-case letter (`…Climate Change, UNFCCC`), or it
    ends in a capital (`…Programme on HIVandAIDS,UNAIDS`) and holds words in lower case, and
    the acronym after it spells its letters in order from a word start (Schwartz–Hearst), so
    that a list of acronyms (`UNDP, UNICEF`) is no name."""
    name = name.rstrip(",;-—– ")
    if name[-1].islower():
        return True
    acronym = rest.strip()
    return (
        bool(re.search("[a-z]{2}", name))
        and _ACRONYM.fullmatch(acronym) is not None
        and (spells_in_order(acronym, name))
    )


def spells_in_order(acronym: str, name: str) -> bool:
    """Schwartz–Hearst's test: the acronym's letters occur in the name in order, right to
    left, the first of them opening a word."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    text = name.lower()
    j = len(text) - 1
    for letter in reversed(letters[1:]):
        j = text.rfind(letter, 0, j + 1) - 1
        if j < -1:
            return False
    return any(
        text[k] == letters[0] and (k == 0 or not text[k - 1].isalpha()) for k in range(j + 1)
    )


def _labelled_parts(body: str, lead: int) -> list[ShortForm]:
    """`（英语:World Health Organization,英文缩写为 WHO;中文简称:世卫组织或世卫）`: a bracket of
    labelled parts, the short forms those whose label is an introducer, perhaps after the name
    of a language or an adverb (`下文简称`, `通常称为`). Of the parts without a label, a bare
    acronym (`（UNCLOS, 下文简称《海洋法公约》）`) and the acronym after an English name and a dash
    (`（简称“粮农组织”,Food and Agriculture Organization of the United Nations -- FAO）`) are short
    forms too, as the unlabelled acronym of a bracket is; the other parts (the English name,
    `下同`) define nothing."""
    forms: list[ShortForm] = []
    if not _LABELLED_INTRODUCER.search(body):
        return forms
    unlabelled: list[ShortForm] = []
    for part in _PART.finditer(body):
        label = _LABELLED.match(part.group())
        if label:
            start = lead + part.start() + label.end()
            rule = f"introducer:{label.group(1) or label.group(2)}"
            forms.extend(_split_alternatives(part.group()[label.end() :], start, rule, _OR_OR_LIST))
            continue
        text = part.group().translate(FOLD)
        stripped = text.strip()
        at = lead + part.start() + text.index(stripped) if stripped else 0
        if _ACRONYM.fullmatch(stripped) and "/" not in stripped:
            unlabelled.append(ShortForm(stripped, at, "english", "english:labelled-bracket"))
            continue
        named = _NAME_DASH_ACRONYM.fullmatch(stripped)
        if named and spells_in_order(named.group(2), named.group(1)):
            at += named.start(2)
            unlabelled.append(ShortForm(named.group(2), at, "english", "english:labelled-bracket"))
    return sorted(forms + unlabelled, key=lambda f: f.offset) if forms else forms


def _english_name_with_list(folded: str) -> bool:
    words = folded.replace(",", " ").split()
    return (
        bool(_ENGLISH_WITH_LIST.fullmatch(folded))
        and len(words) >= 4
        and words[-1][0].isupper()
        and any(w[0].islower() for w in words)
    )


def _english(body: str, lead: int) -> tuple[list[ShortForm], str]:
    folded = body.translate(FOLD)
    if folded.lower() in LATIN_NON_NAMES:
        return [], "not an English name"
    if re.fullmatch(r"\d[\d.\- ]*", folded):
        return [], "number"
    if _GRADE_OR_NUMBER.fullmatch(folded):
        return [], "grade, article or law number"
    if folded.startswith(("a ", "an ")):
        # `（a specialized agency of the United Nations）`: no name opens with an indefinite
        # article; the bracket describes what the text before it names
        return [], "a description, not a name"
    if not any(c.isupper() for c in folded):
        # `人权模式（human rights approach）`, `"制裁"（sanction）`: a term's English equivalent
        # in lower case, which the extractor takes only where the Chinese is clearly a term
        return [ShortForm(body, lead, "english", LOWER_CASE)], ""
    return [ShortForm(body, lead, "english", "english")], ""


def _split_alternatives(
    text: str, start: int, rule: str, separator: re.Pattern[str] | None = None
) -> list[ShortForm]:
    """`A或B` offers two short forms (quoted ones also `"A"、"B"`); quotes and title marks
    around each are taken off."""
    forms = []
    pos = 0
    # `（"委员会"、"政府间委员会"或"IGC"）`: quoted alternatives may also be listed with `、`
    if separator is None:
        separator = _OR_OR_LIST if any(q in text for q in _QUOTES) else _OR
    for piece in separator.split(text):
        offset = start + text.index(piece, pos)
        pos = offset - start + len(piece)
        form = _one_form(piece, offset, rule)
        if form is None:
            return []
        forms.append(form)
    return forms


def _one_form(piece: str, offset: int, rule: str) -> ShortForm | None:
    stripped = piece.strip().strip(_QUOTES)
    offset += piece.index(stripped) if stripped else 0
    if stripped.startswith("《") and stripped.endswith("》") and len(stripped) > 2:
        inner = stripped[1:-1]
        if "《" in inner or "》" in inner:
            return None
        return ShortForm(inner, offset + 1, "title", rule)
    parts = stripped.split("/")
    if all(_HAN_SHORT.fullmatch(p) for p in parts) and 2 <= len(stripped) <= 16:
        if _SYMBOL_SHORT.fullmatch(stripped.translate(FOLD)):
            return ShortForm(stripped, offset, "abbreviation", f"{rule}:numbered")
        if any(ch.isdigit() for ch in stripped.translate(FOLD)):
            return None
        return ShortForm(stripped, offset, "abbreviation", rule)
    if _ENGLISH.fullmatch(stripped.translate(FOLD)) and any(c.isupper() for c in stripped):
        return ShortForm(stripped, offset, "english", rule)
    return None


FALLBACK = "fallback"
_PART_SEPARATORS = lazy(r"[,，;；]| ?(?:-{2}|—{1,2}|–) ?")
_FALLBACK_HAN = lazy(rf"[{HAN}0-9A-Za-z+＋\-－·/ ]*[{HAN}][{HAN}0-9A-Za-z+＋\-－·/ ]*")
_FALLBACK_LATIN = lazy(r"[A-Za-z][A-Za-z0-9&.\-+/'’]*(?: [A-Za-z0-9&.\-+/'’]+){0,2}")
_LEADING_LABEL = lazy(rf"[{HAN}]{{0,4}}?(?:{'|'.join(INTRODUCERS)}|英文|英语|中文)[为：: ]*")


def fallback_forms(inner: str) -> list[ShortForm]:
    """The pieces of a bracket's content that may be short forms where `read_inner` offered
    none, or none of these (`（以下称1972 年议定书）`, `（巴塞尔公约区域中心，埃及）` give nothing),
    in a bracket of several parts or with an introducer: the whole content and each part
    between commas, semicolons or a dash, a label before it (`缩写`, `英文:`) and quotes or
    title marks around it taken off. Their rule is `fallback:` and why the reading rejected
    them; the fitted definition model (`extract/definition.py`) decides, with the
    rule's verdict as one piece of evidence among others. Read once a process for each
    content, as `read_inner` is."""
    return list(_fallback_once(inner))


@lru_cache(maxsize=8192)
def _fallback_once(inner: str) -> tuple[ShortForm, ...]:
    forms, reason = _read_once(inner)
    return tuple(_fallback(inner, forms, reason))


def _fallback(inner: str, forms: tuple[ShortForm, ...], reason: str) -> list[ShortForm]:
    body = inner.strip()
    if not body or len(body) > 160:
        return []
    lead = len(inner) - len(inner.lstrip())
    known = {f.text for f in forms}
    rule = f"{FALLBACK}:{reason or 'a part the reading left'}"
    parts = _PART_SEPARATORS.split(body)
    if len(parts) == 1 and not _INTRODUCER.search(body):
        # one piece without an introducer (`（CCC）`, `（A/70/1）`, `（第3条）`): by leave one
        # set out the model rescued none of them, and their windows cost as much as the rest
        return []
    pieces = [(body, lead)]
    if len(parts) > 1:
        pos = 0
        for part in parts:
            at = body.index(part, pos)
            pos = at + len(part)
            pieces.append((part, lead + at))
    out: list[ShortForm] = []
    for piece, offset in pieces:
        label = _LEADING_LABEL.match(piece.lstrip())
        skip = len(piece) - len(piece.lstrip()) + (label.end() if label else 0)
        text = piece[skip:].strip()
        start = offset + skip + (len(piece[skip:]) - len(piece[skip:].lstrip()))
        quoted = text.strip(_QUOTES)
        start += text.index(quoted) if quoted else 0
        kind = "abbreviation"
        if len(quoted) > 2 and quoted[0] == "《" and quoted[-1] == "》":
            quoted, start, kind = quoted[1:-1], start + 1, "title"
        if not quoted or quoted in known or "《" in quoted or "》" in quoted:
            continue
        folded = quoted.translate(FOLD)
        if _FALLBACK_HAN.fullmatch(folded):
            if not 2 <= len(quoted) <= 16 or sum(ch.isdigit() for ch in folded) > 4:
                continue
        elif _FALLBACK_LATIN.fullmatch(folded) and any(c.isupper() for c in folded):
            kind = "english"
        else:
            continue
        known.add(quoted)
        out.append(ShortForm(quoted, start, kind, rule))
    return out
