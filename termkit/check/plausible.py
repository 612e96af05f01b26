"""TK103 for short forms no glossary lists: another plausible short form of a full form the
document defines (联合国环境规划署（环境署）, later 环境规划署, 规划署 or 联合国环境署).

A short form of a Chinese name keeps some of its characters in their order and ends with its
head (署, 组织, 特派团): the string is a subsequence of the full form that ends with the full
form's last character. So every later string that reads so, of three or more characters,
standing alone (not glued to a preceding name character: 卫生组织 in 区域卫生组织 is another
body) and inside no longer known term, is reported; the bare head (委员会, 特派团) is not.

Candidates are found through an index of each full form's ordered character triples ending in
its last character, so the cost grows with the text, not with text × definitions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from typing import NamedTuple

from termkit.check.collect import Collector
from termkit.check.definitions import (
    DETERMINERS,
    SOFT_CHARS,
    Defined,
    distinctive,
    generic_positions,
    rightmost_embedding,
    stands_alone,
    without_generic_prefixes,
)
from termkit.check.facts import Facts
from termkit.check.glossary import preferred
from termkit.check.matcher import Hit
from termkit.check.meaning import is_word
from termkit.extract.lexicon import ENTITY_SUFFIXES
from termkit.text.lazy import lazy
from termkit.text.normalize import HAN_CHAR, normalize, strip_title_marks

MIN_LENGTH = 3
# A form this long is a name wherever it occurs; a shorter one (卫生组织) only standing alone.
SURE_LENGTH = 5
CROSSES, HEAD = "crosses", "head"
_JOINING = SOFT_CHARS | frozenset("、")
# The measure words an ordinal (第六次) or a determiner (此次, 本届) counts its noun by.
_MEASURES = "次届个期轮"
_TITLE_ENDS = {"》": "《", "〉": "〈"}  # a title's closing mark → its opening mark
_ORDINAL = lazy(f"第[0-9〇零一二两三四五六七八九十百千]+[{_MEASURES}]")


class Name(NamedTuple):
    """A full form with its short form, as keys and as shown; other forms count after `after`
    (the definition's closing bracket; -1 for a glossary name)."""

    full: str
    short: str
    shown_full: str
    shown_short: str
    after: int
    source: str  # where the short form is given, for the message


def check(facts: Facts, definitions: list[Defined], out: Collector) -> None:
    if not out.wants("TK103"):
        return
    named = _named(facts, definitions)
    if not named:
        return
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for n, name in enumerate(named):
        full, last = name.full, name.full[-1]
        triples = {(full[i], full[j], last) for j in range(len(full) - 1) for i in range(j)}
        for triple in triples:
            index[triple].append(n)
    defined = {normalize(f) for d in definitions for f in (d.full, d.short)}
    starts = [h.start for h in facts.hits]
    key = facts.doc.key
    # The places a name's last character closes, found in C: a loop over every character of
    # a long text cost more than the candidates found there.
    lasts = re.compile(f"[{''.join(map(re.escape, sorted({n.full[-1] for n in named})))}]")
    alone: dict[int, bool] = {}
    for closing in lasts.finditer(key, MIN_LENGTH - 1):
        end = closing.start()
        for n in index.get((key[end - 2], key[end - 1], key[end]), ()):
            name = named[n]
            start = _extend_left(key, end, name.full)
            while key[start] in SOFT_CHARS:  # 的联合方案, 和公约: a connective opens no name
                start += 1
            variant = key[start : end + 1]
            if len(variant) < MIN_LENGTH or not distinctive(variant, name.full):
                continue
            if variant in defined or variant in facts.glossary:
                continue
            if _tail_of_short(key, start, variant, name):
                continue
            if variant in ENTITY_SUFFIXES or _cut_in_a_word(key, end + 1, variant, name.full):
                continue
            if _ends_inside_a_word(key, end, name.full):
                continue  # 争端解|决的规则 after 《争端解决规则程序及谅解》(DSU): 解决, not 谅解
            known = _known_inside(facts.hits, starts, start, end + 1, name)
            if known == CROSSES:
                continue
            glossary_name = name.after < 0
            # A known head inside (公约 of 妇女政治权利公约) makes even a long form another
            # name's tail unless it stands alone.
            if len(variant) < SURE_LENGTH or glossary_name or known == HEAD:
                if start not in alone:
                    alone[start] = stands_alone(key, start)
                if not alone[start]:
                    continue
            if glossary_name and name.short in variant:
                continue  # 联合国妇女署: the glossary's short form with a prefix, in use
            if glossary_name and _whole_name(variant, name.full):
                continue  # 经济社会文化权利公约: the glossary's name without only 国际
            if not glossary_name and _unprefixed_title(variant, name, facts):
                continue  # 《武器贸易条约》 after 联合国武器贸易条约(ATT): its own title
            if _ends_a_longer_title(key, start, end, name.full):
                continue  # 《禁止或限制…的常规武器公约》 after 《特定常规武器公约》(CCW): that title
            if _continues_left(key, start, variant, name.full):
                continue  # 经济、社会及|文化权利国际公约: the whole name, joined otherwise
            if _anaphor(key, start, variant, name.full):
                continue  # 该快速反应小组: the team just named
            if _after_an_ordinal(variant, name.full):
                continue  # 评估报告 of 第六次评估报告: the kind the ordinal counts
            astart, aend = facts.doc.key_to_analysis(start, end + 1)
            if astart <= name.after:
                continue
            written = facts.doc.analysis.text[astart:aend]
            out.add(
                "TK103",
                facts.doc.place_of_analysis(astart, aend),
                f"{written}: {name.source} {name.shown_short} for {name.shown_full}",
                written,
                # Beside an English acronym (CDIP) the name is written in full.
                name.shown_short if HAN_CHAR.search(name.short) else name.shown_full,
            )
            break


def _named(facts: Facts, definitions: list[Defined]) -> list[Name]:
    """Each Chinese name the document defines with a short form or an English acronym (its
    first definition), then each name of the glossary the document uses (by its full or short
    form)."""
    out, seen = [], set()
    for d in definitions:
        full, short = normalize(strip_title_marks(d.full)), normalize(strip_title_marks(d.short))
        if _usable(full, seen):
            line = facts.doc.place_of_analysis(d.short_start, d.short_end).line
            out.append(
                Name(full, short, d.full, d.short, d.close, f"the document defines (line {line})")
            )
    for concept in _used_concepts(facts):
        full, short = preferred(concept, "zh", "full"), preferred(concept, "zh", "short")
        if full is None or short is None or not distinctive(short.key, full.key):
            continue  # a bare head (委员会 of 联合国大陆架界限委员会) is no coined form to keep to
        if _usable(full.key, seen):
            out.append(Name(full.key, short.key, full.text, short.text, -1, "the glossary gives"))
    return out


def _usable(full: str, seen: set[str]) -> bool:
    if full in seen or len(full) <= MIN_LENGTH or not all(HAN_CHAR.match(c) for c in full):
        return False
    seen.add(full)
    return True


def _used_concepts(facts: Facts) -> list:
    concepts = {}
    for key in facts.hits_by_key:
        for e in facts.glossary.entries(key):
            if e.term.lang == "zh" and not e.retired:
                concepts.setdefault(e.concept.id, e.concept)
    return [concepts[k] for k in sorted(concepts)]


def _cut_in_a_word(key: str, after: int, variant: str, full: str) -> bool:
    """The text goes on into a longer head than the form ends with (相关组|织: 组织), or into
    the full form's own head (亚洲及太平洋经济社会|委员会: another wording of the whole name),
    so the form ends inside a word or a longer name."""
    return any(
        variant.endswith(head[:j]) and key.startswith(head[j:], after)
        for head in ENTITY_SUFFIXES
        for j in range(1, len(head))
    ) or any(
        len(head) > 1 and full.endswith(head) and key.startswith(head, after)
        for head in ENTITY_SUFFIXES
    )


def _ends_inside_a_word(key: str, end: int, full: str) -> bool:
    """The form's last character makes, with the next one, a dictionary word that the name
    holds inside (争端解|决 of 《争端解决规则程序及谅解》(DSU), written 争端解决的规则和程序): the
    text goes on in the name's own words, so the form ends inside one of them, not with the
    name's end (…谅解)."""
    word = key[end : end + 2]
    return len(word) == 2 and word in full[:-1] and is_word(word)


def _ends_a_longer_title(key: str, start: int, end: int, full: str) -> bool:
    """The form closes a title (》 right after it) that opens further left, and not as the
    name does: it is the end of another title's name (常规武器公约 of 《禁止或限制使用某些…
    常规武器公约》 after 《特定常规武器公约》(CCW)), not a short form. A title that opens as the
    name does (《聯合國海洋法國海洋法公約》) is the name miswritten."""
    if key[end + 1 : end + 2] not in _TITLE_ENDS:
        return False
    opening = key.rfind(_TITLE_ENDS[key[end + 1]], 0, start)
    if opening < 0 or key.find(key[end + 1], opening, start) >= 0:
        return False
    # What the title holds before the form, a connective (《的…》) left out as a form's start is
    before = key[opening + 1 : start].lstrip("".join(SOFT_CHARS))
    return bool(before) and not full.startswith(before[:2])


def _tail_of_short(key: str, start: int, variant: str, name: Name) -> bool:
    """The end of a glossary name's short form (组织 of 世卫组织). A tail of a short form the
    document defines (际行为守则 of 国际行为守则) is one of its characters dropped: a slip,
    reported here, unless the text before it goes on as the rest of that short form, or of
    the full form, with one inner character miswritten (亚其|经社会 for 亚太经社会, 中华人民协和|
    国政府 for 中国政府 of 中华人民共和国政府): the whole form slipped, which TK110 reports,
    and the tail's suggestion would write the name twice (亚其亚太经社会)."""
    if not name.short.endswith(variant):
        return False
    if name.after < 0 or not HAN_CHAR.search(name.short):
        return True
    return any(
        form.endswith(variant) and _slipped(key, start, form[: len(form) - len(variant)])
        for form in (name.short, name.full)
    )


def _slipped(key: str, start: int, rest: str) -> bool:
    """Does the text before `start` read `rest` with at most one inner character changed?"""
    before = key[start - len(rest) : start] if 0 < len(rest) <= start else ""
    return (
        bool(before)
        and before[0] == rest[0]
        and sum(a != b for a, b in zip(before, rest, strict=True)) <= 1
    )


def _embedding(variant: str, full: str) -> list[int]:
    """`rightmost_embedding` as a list, shorter than the variant when it is no subsequence."""
    return [j for j in rightmost_embedding(variant, full) if j >= 0]


def _whole_name(variant: str, full: str) -> bool:
    """The form starts as the name does, keeps every character that tells it from others and
    leaves out only generic words inside it (国际 of 经济社会文化权利国际公约): it is the name
    written another way, not a short form of it. Without its leading prefix (气象组织 of
    世界气象组织) a name is its coined short form."""
    at = _embedding(variant, full)
    return bool(at) and at[-1] == 0 and set(range(len(full))) - generic_positions(full) <= set(at)


def _continues_left(key: str, start: int, variant: str, full: str) -> bool:
    """Across joining words and marks (及, 和, 、) the text before the form goes on with
    earlier characters of the full form: the whole name, its parts joined another way
    (经济、社会及文化权利国际公约)."""
    p = start
    while p > 0 and key[p - 1] in _JOINING:
        p -= 1
    at = _embedding(variant, full)
    return 0 < p < start and len(at) == len(variant) and full.rfind(key[p - 1], 0, at[-1]) >= 0


def _anaphor(key: str, start: int, variant: str, full: str) -> bool:
    """A short tail of the full form after a determiner (该快速反应小组 of
    联合国儿童基金会快速反应小组, 本委员会) points back to the named body, as a reader
    expects: no other short form. A tail that keeps most of the name (上述于发生武装冲突时
    保护文化财产的公约) is the name miswritten. A determiner takes its measure word before
    the noun (此次会议: this meeting, not 次会议 of 第五次履约审查委员会会议)."""
    if not any(key.endswith(d, 0, start) for d in DETERMINERS):
        return False
    if variant[:1] in _MEASURES:
        variant = variant[1:]
    return full.endswith(variant) and 2 * len(variant) <= len(full)


def _unprefixed_title(variant: str, name: Name, facts: Facts) -> bool:
    """Is the form the document's name without its leading generic prefixes (联合国, 国际 …),
    where the document gives the name only a Latin acronym, no glossary knows it, and the
    document writes the form as a title (《武器贸易条约》 after 联合国武器贸易条约(ATT))? The
    text has no Chinese short form to keep to, and the instrument's title is its name. A
    body's name without its prefix is its coined short form (海事组织 of 国际海事组织(IMO)),
    reported."""
    if HAN_CHAR.search(name.short) or name.full in facts.glossary.zh_full_keys:
        return False
    return variant == without_generic_prefixes(name.full) and f"《{variant}》" in facts.doc.key


def _after_an_ordinal(variant: str, full: str) -> bool:
    """The full form opens with an ordinal (第六次, 第十一届) and the form is the rest of it:
    the kind of thing the ordinal counts (评估报告 of 第六次评估报告(AR6), 缔约方会议 of
    第十一届缔约方会议), an ordinary noun, not a short form of this one."""
    return (
        len(variant) < len(full)
        and full.endswith(variant)
        and (_ORDINAL.fullmatch(full[: len(full) - len(variant)]) is not None)
    )


def _extend_left(key: str, end: int, full: str) -> int:
    """The start of the longest string ending at key[end] whose characters occur in `full` in
    order, ending with its last character."""
    j, p = len(full) - 1, end - 1
    while p >= 0:
        k = full.rfind(key[p], 0, j)
        if k < 0:
            break
        j, p = k, p - 1
    return p + 1


def _known_inside(hits: list[Hit], starts: list[int], start: int, end: int, name: Name) -> str:
    """CROSSES when a known term (glossary or definition) overlaps the string without lying
    inside it, or lies inside it and is another name's short form (环境署执行主任 names UNEP's
    head with UNEP's short form); HEAD when the name's own head ends the string, known as some
    body's short form (公约, 委员会, 规划署 of 联合国环境规划署); else "". The hits do not
    overlap: those touching the string come just before `end`."""
    found = ""
    k = bisect_left(starts, end) - 1
    while k >= 0 and hits[k].end > start:
        hit = hits[k]
        if start <= hit.start and hit.end <= end and hit.key == name.short:
            pass
        elif start <= hit.start and hit.end == end and name.full.endswith(hit.key):
            found = HEAD
        else:
            return CROSSES
        k -= 1
    return found
