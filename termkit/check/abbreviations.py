"""Short forms: defined on first use (TK101, TK102), one per full form (TK103), one full form per
short form (TK104), defined once (TK105), and the full form not written out after (TK111) or
before (TK112) its definition."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from termkit.check.collect import Collector
from termkit.check.definitions import (
    COORDINATORS,
    DETERMINERS,
    GENERIC_PREFIXES,
    NAME_PREFIXES,
    Defined,
    distinctive,
    stands_alone,
    stop_ends_at,
    without_generic_prefixes,
)
from termkit.check.facts import Facts
from termkit.check.glossary import RETIRED, GlossaryIndex, names_a_group, preferred, role
from termkit.extract.lexicon import ENTITY_SUFFIXES
from termkit.text.lazy import lazy
from termkit.text.normalize import HAN_CHAR, normalize

GENERIC = 2
# What counts or points back before a noun (一个常设委员会, 各基金和规划署).
_COUNTERS = (*DETERMINERS, "个")
_TITLE_CLOSERS = ("》", "〉")
_OPENING_MARKS = {"《": "》", "〈": "〉", "“": "”", "「": "」", "『": "』"}
# A sentence ends with a full stop, an exclamation or question mark, or (in text taken from a
# PDF) a half-width stop after a Han character or a closing mark, not inside a number (1.5).
_SENTENCE_END = lazy(r"[。！？]|(?<=[\u3400-\u9fff）”》」])[.．!?](?!\d)")
_CLAUSE_MARK = lazy("[，；,;]")
_ELLIPSIS = lazy(r"…+|⋯+|\.{3,}")
# What joins the parts of a name: written or left out, the name stays the same
# (亚洲及太平洋经济和社会委员会 / 亚洲及太平洋经济社会委员会).
_JOINERS = re.compile("|".join(COORDINATORS))


class ShortForms:
    """The document's definitions read against the glossary: which short form each full form
    has, and which other forms of the same name would be inconsistent with it."""

    def __init__(self, definitions: list[Defined], glossary: GlossaryIndex) -> None:
        self.definitions = definitions
        self.glossary = glossary
        self.first_of_short: dict[str, Defined] = {}
        self.first_of_full: dict[str, Defined] = {}
        # Full form → every short form the document gives it, read in one pass: looking them
        # up per full form made 7,000 distinct definitions take 15 s.
        self.shorts_of_full: dict[str, set[str]] = {}
        # Short forms given together in one bracket (“委员会”、“政府间委员会”或“IGC”) are one
        # definition's alternatives, none inconsistent with another.
        self.brackets_of_short: dict[str, set[int]] = {}
        # Short forms a definition names after a marker (简称, 以下简称, 又称 …).
        self.introduced = {normalize(d.short) for d in definitions if d.introduced}
        for d in definitions:
            short, full = normalize(d.short), normalize(d.full)
            self.first_of_short.setdefault(short, d)
            self.first_of_full.setdefault(full, d)
            self.shorts_of_full.setdefault(full, set()).add(short)
            self.brackets_of_short.setdefault(short, set()).add(d.close)

    @cached_property
    def alternatives(self) -> dict[str, Defined]:
        """Key of an inconsistent short form → the definition it departs from. Other plausible
        short forms that no glossary lists are found in the text (termkit.check.plausible)."""
        out: dict[str, Defined] = {}
        self.redefined: set[str] = set()
        shorts = set(self.first_of_short)
        fulls = set(self.first_of_full)
        for full_key, first in self.first_of_full.items():
            primary = normalize(first.short)
            known = self._glossary_shorts(full_key, primary) | self.shorts_of_full[full_key]
            for key in sorted(known):
                if key == primary or key in fulls or key in out:
                    continue
                if first.close in self.brackets_of_short.get(key, ()):
                    continue
                if _latin(key) != _latin(primary):
                    # An English acronym beside a Chinese short form (IGC, 委员会), or given
                    # after it, is no other short form. A Chinese short form defined in a
                    # bracket of its own after the acronym is (`redefined`): the Chinese text
                    # now has two ways to abbreviate the name; unless a marker names it
                    # (国际原子能机构(简称“机构”) after (… IAEA)): the writer chose the
                    # Chinese text's short form beside the acronym, as in one bracket.
                    if (
                        _latin(primary)
                        and key in self.shorts_of_full[full_key]
                        and key not in self.introduced
                    ):
                        self.redefined.add(key)
                        out[key] = first
                    continue
                if key in shorts and normalize(self.first_of_short[key].full) != full_key:
                    continue
                if self._names_other_concept(key, full_key):
                    continue
                if key not in self.shorts_of_full[full_key] and not distinctive(key, full_key):
                    # The glossary's bare head (机构 of 国际原子能机构, read from 国际原子能机构
                    # (简称“机构”)) is an ordinary noun used bare: no other short form.
                    continue
                out[key] = first
        return out

    def _glossary_shorts(self, full_key: str, primary: str) -> set[str]:
        concepts = {
            e.concept.id: e.concept for k in (full_key, primary) for e in self.glossary.entries(k)
        }
        return {
            normalize(t.text)
            for c in concepts.values()
            for t in c.terms
            if t.lang == "zh" and role(t) == "short" and not names_a_group(c, t)
        }

    def _names_other_concept(self, key: str, full_key: str) -> bool:
        """A glossary term of a concept the full form is not a term of."""
        own = {e.concept.id for e in self.glossary.entries(full_key)}
        entries = self.glossary.entries(key)
        return bool(entries) and not any(e.concept.id in own for e in entries)

    @cached_property
    def defined_concepts(self) -> frozenset[str]:
        """Glossary concepts the document defines, by a full or a short form."""
        return frozenset(
            e.concept.id
            for k in (*self.first_of_short, *self.first_of_full)
            for e in self.glossary.entries(k)
        )

    def defines_concept_of(self, key: str) -> bool:
        """Does the document define (by full or short form) a concept `key` names?"""
        return any(e.concept.id in self.defined_concepts for e in self.glossary.entries(key))


def _latin(key: str) -> bool:
    return not HAN_CHAR.search(key)


def check(facts: Facts, forms: ShortForms, out: Collector) -> None:
    _undefined(facts, forms, out)
    _before_definition(facts, forms, out)
    _inconsistent(facts, forms, out)
    _definitions(facts, forms, out)
    _full_form_again(facts, forms, out)


def _undefined(facts: Facts, forms: ShortForms, out: Collector) -> None:
    """TK101: a glossary short form the document uses but never defines. One the corpus
    uses undefined as a rule (`GlossaryIndex.established`) is one its readers know: TK114,
    off by default, still names it for a reviser who wants every short form defined. Whether
    the document leaves other short forms undefined too is part of that evidence, and so is
    how often it uses the form where it never writes the full form (`_bare_uses`)."""
    if not (out.wants("TK101") or out.wants("TK114")):
        return
    undefined = [
        u for key, hits in facts.hits_by_key.items() if (u := _unread(facts, forms, key, hits))
    ]
    defines = bool(forms.first_of_short)
    for key, hits, fulls, head in undefined:
        others = len(undefined) > 1
        bare = 0 if defines else _bare_uses(facts, hits, fulls)  # asked only where none is
        code = "TK114" if facts.glossary.established(key, defines, others, bare) else "TK101"
        if not out.wants(code):
            continue
        hit = hits[0]
        written = facts.surface(hit)
        short = facts.glossary.entries(key)[0].term.text
        suggestion = f"{fulls[0]}（{short}）" if len(fulls) == 1 else None
        times = f", used {len(hits)} times" if len(hits) > 1 else ""
        known = ", a form its readers know (used undefined as a rule)" if code == "TK114" else ""
        if head:
            message = (
                f"{written} is written as a short title{times}, but the document names no body"
                f" it could be; write its full name on first use (the glossary knows"
                f" {' / '.join(fulls[:3])}{' …' if len(fulls) > 3 else ''})"
            )
        else:
            message = (
                f"short form {written} is never defined{times}{known}; define it on first use"
                + (f" as {suggestion}" if suggestion else f" (full form: {' / '.join(fulls)})")
            )
        out.add(code, facts.place(hit), message, written, suggestion)


def _unread(facts: Facts, forms: ShortForms, key: str, hits: list):
    """(key, its uses, the glossary's full forms, whether it is a bare head) when `key` is a
    glossary short form the document uses and never defines, and a reader needs its
    definition; None otherwise."""
    if key not in facts.glossary.zh_short_keys or key in forms.first_of_short:
        return None
    if key in forms.alternatives or forms.defines_concept_of(key):
        return None
    text = facts.doc.key
    hits = [h for h in hits if not _after_a_prefix(text, h.start) and not _counted(text, h.start)]
    if not hits:
        return None
    concepts = {e.concept.id: e.concept for e in facts.glossary.entries(key)}
    fulls = sorted(
        {f.text for c in concepts.values() if (f := preferred(c, "zh", "full")) is not None}
    )
    head = any(common_noun(key, normalize(f), as_name=True) for f in fulls)
    if head and not _unidentified_head(facts, forms, key, fulls):
        return None
    if _composed(forms, key, fulls):
        return None
    return key, hits, fulls, head


def _composed(forms: ShortForms, key: str, fulls: list[str]) -> bool:
    """Is the short form a short form the document defines followed by the rest of the full
    form, word for word (CRPD施行法 of 身心障礙者權利公約施行法 where the document defines
    聯合國身心障礙者權利公約(下稱CRPD))? Its reader reads it from that definition."""
    for short, d in forms.first_of_short.items():
        if not (len(short) < len(key) and key.startswith(short)):
            continue
        rest, named = key[len(short) :], normalize(d.full)
        for full in map(normalize, fulls):
            if len(full) > len(rest) and full.endswith(rest):
                head = full[: len(full) - len(rest)]
                if named.endswith(head) or head.endswith(named):
                    return True
    return False


def _bare_uses(facts: Facts, hits: list, fulls: list[str]) -> int:
    """How often the document uses a short form it never defines, 0 where it writes one of
    the glossary's full forms for it: a document by or about a body names it throughout by
    the short form its readers know (观察员部队 in the reports on that force), while one that
    writes the name out and then shortens it bare has dropped a definition."""
    if any(normalize(full) in facts.doc.key for full in fulls):
        return 0
    return len(hits)


def _unidentified_head(facts: Facts, forms: ShortForms, key: str, fulls: list[str]) -> bool:
    """A bare head written as a short title (《公约》, “委员会”) in a document that names no
    body with that head: no name ends with it and no definition gives one, so the reader
    cannot tell which convention or committee it is. Written without marks (公约还规定,
    根据政府公开的数据) the head is an ordinary noun pointing at the document's setting."""
    if not any((f := normalize(full)).endswith(key) and not distinctive(key, f) for full in fulls):
        return False
    if any(full.endswith(key) for full in forms.first_of_full):
        return False
    text = facts.doc.key
    titled = False
    at = text.find(key)
    while at >= 0:
        before, after = text[at - 1 : at], text[at + len(key) : at + len(key) + 1]
        if not stands_alone(text, at) or (after in _TITLE_CLOSERS and before not in _OPENING_MARKS):
            return False
        titled = titled or (before in _OPENING_MARKS and after == _OPENING_MARKS[before])
        at = text.find(key, at + 1)
    return titled


def _after_a_prefix(key_text: str, start: int) -> bool:
    """A short form written after a name prefix (国际民航组织, 国际植保公约, 联合国开发署) is part
    of a longer name, which the glossary does not hold: not the glossary's short form used."""
    return any(key_text.endswith(p, 0, start) for p in NAME_PREFIXES)


def _counted(key_text: str, start: int) -> bool:
    """A string after a determiner or a measure word (一个常设委员会, 各基金和规划署) is an
    ordinary noun the text counts or points back with, not a short form it asks the reader
    to know."""
    return key_text.endswith(_COUNTERS, 0, start)


def _generic(short_key: str, full_key: str) -> bool:
    """A two-character piece cut out of the full form (战略 of 2009-2015年拉姆萨尔战略计划) is
    an ordinary word wherever else it occurs, not the short form: its uses are no finding."""
    return len(short_key) <= GENERIC and short_key in full_key


def common_noun(short_key: str, full_key: str, as_name: bool = False) -> bool:
    """A glossary short form that reads as an ordinary noun phrase outside the document that
    defines it, so that no reader needs its definition: a two-character piece of the full form
    (战略), an organ or title at its end (执行主任, 秘书长), or one without a distinctive
    character (委员会). A coined short form (粮农组织, 环境署, 气象组织) is opaque: it needs one.
    `as_name`: asked whether a reader needs the form defined (TK101), where the end of a
    name is an ordinary noun only as an organ or title of the body named before it (`_tail`)."""
    return (
        _generic(short_key, full_key)
        or _tail(short_key, full_key, as_name)
        or not distinctive(short_key, full_key)
        or _anaphoric(short_key, full_key)
        or _of_a_state(short_key, full_key)
    )


# The heads of a state's official name (中华人民共和国, 大不列颠及北爱尔兰联合王国): its
# short name (中国, 英国) is the one every reader knows, and UN documents write it undefined.
_STATE_HEADS = ("共和国", "王国", "合众国", "联邦", "公国", "酋长国", "苏丹国", "君主国")


def _of_a_state(short_key: str, full_key: str) -> bool:
    """A state's short name (中国 of 中华人民共和国), alone or before an organ the full form
    names after the state (中国政府 of 中华人民共和国政府, 英国外交部): every reader knows it. A
    name opening with a generic prefix (联合国南苏丹共和国特派团) is another body's, in that state."""
    own = not full_key.startswith(GENERIC_PREFIXES)
    for head in _STATE_HEADS:
        at = full_key.find(head)
        while at >= 0:
            organ = full_key[at + len(head) :]
            if (own or not organ) and len(short_key) > len(organ) and short_key.endswith(organ):
                return True
            at = full_key.find(head, at + 1)
    return False


def _anaphoric(short_key: str, full_key: str) -> bool:
    """A determiner or quantifier and the full form's head (该公约 of 联合国儿童权利公约, 本组织,
    各组织 of 各专门机构和其他国际组织) is an ordinary noun phrase that points back to the
    name or counts its members: no reader needs it defined."""
    rest = next((short_key[len(d) :] for d in DETERMINERS if short_key.startswith(d)), "")
    return bool(rest) and full_key.endswith(rest)


def _tail(short_key: str, full_key: str, as_name: bool = False) -> bool:
    """The full form's end after more than a generic prefix (执行主任 of
    联合国环境规划署执行主任, 常设委员会 of 版权及相关权常设委员会), or a title after one
    (秘书长 of 联合国秘书长). A body's name without only its prefix is its coined short form
    (气象组织 of 世界气象组织), and so, asked as a name, is any of four or more characters
    (千年宣言 of 联合国千年宣言): a title after the prefix is shorter. A cut inside a word
    (产权组织 of 世界知识产权组织) reads as a tail too: without a segmenter that is not told
    apart. The name after a cited title
    (基加利修正案 of 〈关于消耗臭氧层物质的蒙特利尔议定书〉基加利修正案, 京都议定书 of
    《联合国气候变化框架公约》京都议定书) or after a phrase that ends in 的 and says what the
    instrument is about (水俣公约 of 关于汞的水俣公约, 责任公约 of
    空间物体所造成损害的国际责任公约) is the instrument's own short title, no tail. `as_name`
    (does a reader need it defined?): the end after more than a prefix is an ordinary noun
    only after the name of a body, as its organ or title (执行主任 after 联合国环境规划署); the
    end of one name (基金组织 of 国际货币基金组织, 框架基金 of …全球生物多样性框架基金, 重振协议
    of 解决南苏丹共和国冲突重振协议) is the short form coined for it, which a reader cannot
    know without its definition."""
    if short_key == full_key or not full_key.endswith(short_key):
        return False
    rest = full_key[: -len(short_key)]
    before = rest  # what precedes the short form, its trailing generic prefixes left out
    while prefix := next((p for p in GENERIC_PREFIXES if before.endswith(p)), ""):
        before = before[: -len(prefix)]
    if before.endswith((*_TITLE_CLOSERS, "的")):
        return False
    if not without_generic_prefixes(rest):
        return not (as_name and len(short_key) > 3) and not any(
            short_key.endswith(h) for h in ENTITY_SUFFIXES
        )
    return not as_name or before.endswith(ENTITY_SUFFIXES)


def _in_symbol(text: str, hit) -> bool:
    """An acronym inside a document symbol (WO/PBC/16/6, SCCR/35/11, COFI:AQ/III/2006/2) names
    the series, not the body: no use of the short form."""
    before = text[hit.astart - 1] if hit.astart > 0 else ""
    after = text[hit.aend : hit.aend + 2]
    return before == "/" or after[:1] == "/" or (after[:1] == ":" and after[1:].isascii())


def _before_definition(facts: Facts, forms: ShortForms, out: Collector) -> None:
    """TK102: a short form used before the document defines it."""
    if not out.wants("TK102"):
        return
    for key, d in forms.first_of_short.items():
        # A two-character piece of the full form is an ordinary word (战略 of …战略计划), but
        # its head (公约, 委员会) used standing alone is the body the document is about:
        # 各项公约, 国际公约 are other conventions.
        full_key = normalize(d.full)
        generic = _generic(key, full_key)
        if generic and not full_key.endswith(key):
            continue
        common = common_noun(key, full_key)
        early = [
            h
            for h in facts.hits_by_key.get(key, [])
            if h.astart < d.full_start
            and not _in_symbol(facts.doc.analysis.text, h)
            # A head or organ cut from the full form (执行主任 of …规划署执行主任) glued to a
            # name before it (环境署执行主任) is that name's own title or organ.
            and not (common and not stands_alone(facts.doc.key, h.start))
            # A bare head after 的 is the noun a clause describes (…进行科学技术合作的机构: an
            # agency that …), not yet the body the document names.
            and not (generic and facts.doc.key.endswith("的", 0, h.start))
        ]
        if common and early:
            # Once another body with this head is named (禁奴公约 before …歧视公约（公约）),
            # the bare head may be any of them, not yet the one the document defines.
            other = _first_other_name(facts, key, full_key, d.full_start)
            early = [h for h in early if h.astart < other]
        if not early:
            continue
        hit = early[0]
        line = facts.doc.place_of_analysis(d.short_start, d.short_end).line
        out.add(
            "TK102",
            facts.place(hit),
            f"short form {d.short} is used before its definition on line {line}; "
            f"define it here as {d.full}（{d.short}）",
            facts.surface(hit),
            f"{d.full}（{d.short}）",
        )


def _first_other_name(facts: Facts, head: str, full_key: str, until: int) -> int:
    """Where the text first names, before offset `until`, another body with this head than
    `full_key` (禁奴公约, or 《生物多样性公约》, before …歧视公约（公约）); `until` if it does not.
    A name that ends as the full form does, with the character before the head
    (…民间文学艺术政府间委员会 beside …文化表现形式政府间委员会), is another wording of it."""
    key, own = facts.doc.key, full_key[-len(head) - 1 :]
    for h in facts.hits:
        if h.astart >= until:
            break
        if h.key == head and not stands_alone(key, h.start):
            ending = key[h.start - 1 : h.end]
        elif h.key != head and h.key.endswith(head):
            ending = h.key[-len(head) - 1 :]
        else:
            continue
        if ending != own:
            return h.astart
    return until


def _inconsistent(facts: Facts, forms: ShortForms, out: Collector) -> None:
    """TK103: another short form of a full form the document has given a short form."""
    if not out.wants("TK103"):
        return
    alternatives = forms.alternatives
    for key, first in alternatives.items():
        hits = facts.hits_by_key.get(key, [])
        line = facts.doc.place_of_analysis(first.short_start, first.short_end).line if hits else 0
        # A Chinese short form defined, in a bracket of its own, for a name the document has
        # given an English acronym (发展与知识产权委员会（CDIP）… 发展与知识产权委员会（权委员会）)
        # is reported where it is defined: its uses follow that definition.
        defined_at = {d.short_start for d in forms.definitions if normalize(d.short) == key}
        for hit in hits:
            if key in forms.redefined and hit.astart not in defined_at:
                continue
            if not stands_alone(facts.doc.key, hit.start):
                continue  # 规划署 in 联合国人类住区规划署: the end of another body's name
            written = facts.surface(hit)
            out.add(
                "TK103",
                facts.place(hit),
                f"{written}: the document defines {first.short} for {first.full} on line {line}",
                written,
                first.short,
            )


def _definitions(facts: Facts, forms: ShortForms, out: Collector) -> None:
    """TK104 and TK105: a short form defined twice, with the same or another full form, and
    a definition whose full form the glossary does not give for that short form."""
    for d in facts.definitions:
        key, full_key = normalize(d.short), normalize(d.full)
        first = forms.first_of_short[key]
        place = facts.doc.place_of_analysis(d.full_start, d.short_end + 1)
        where = facts.doc.place_of_analysis(first.full_start, first.full_end).line
        first_key = normalize(first.full)
        # One full form ending with the other is one name read with two left boundaries
        # (支持联合国开发计划署 / 联合国开发计划署), or written with other joining words: a
        # second definition (TK105), not a conflict. When the piece one of them has before
        # the other is no part of a name (a date, a determiner, a function word: 各国海洋养护署
        # / 海洋养护署), the reader, not the writer, differs, and nothing is said. The same
        # definition repeated is no finding: UN documents define a short form again in each
        # resolution, annex or footnote block of a compilation.
        if first is not d and not one_name(first_key, full_key):
            out.add(
                "TK104",
                place,
                f"{d.short} is defined as {d.full} here and as {first.full} on line {where}",
                f"{d.full}（{d.short}）",
            )
        elif (
            first is not d
            and not _elided(first_key, full_key)
            and not _boundary(first_key, full_key)
        ):
            out.add(
                "TK105",
                place,
                f"{d.short} is defined again (first defined on line {where})",
                f"{d.full}（{d.short}）",
                d.short,
            )
        elif d.kind != "english" and (other := _glossary_full(facts, key, full_key)):
            out.add(
                "TK104",
                place,
                f"{d.short} is defined as {d.full}; the glossary gives {other}",
                f"{d.full}（{d.short}）",
                f"{other}（{d.short}）",
            )


def _glossary_full(facts: Facts, short_key: str, full_key: str) -> str | None:
    """The glossary's full form for a short form, when it is not the document's: no full form
    any glossary in force gives it (a later glossary's entries replace an earlier one's, but a
    definition agreeing with the shipped glossary is no conflict)."""
    glossary = facts.glossary
    shorts = [e for e in glossary.entries(short_key) if e.short]
    fulls = {f.text for e in shorts if (f := preferred(e.concept, "zh", "full")) is not None}
    given = [*shorts, *(e for e in glossary.shadowed(short_key) if e.short)]
    keys = {
        _JOINERS.sub("", normalize(t.text))
        for e in given
        for t in e.concept.terms
        if t.lang == "zh" and role(t) == "full" and t.status not in RETIRED
    }
    # One name inside the other: read with another boundary (…开发计划署), or another head
    # (国际农业发展基金 / 国际农业发展基金会), or joined by other words: no other body.
    bare = _JOINERS.sub("", full_key)
    if not fulls or any(k in bare or bare in k for k in keys):
        return None
    if full_key.endswith(short_key) and all(k.endswith(short_key) for k in keys):
        return None  # the names' common head (缔约方大会 of any convention), no abbreviation
    return " / ".join(sorted(fulls))


def _boundary(a: str, b: str) -> bool:
    """Do two full-form keys differ only by a leading piece that is no part of a name, so
    that one name was read with two left boundaries? The piece opens with a number or a
    determiner (2023年, 各国) or holds a function word (支持); a name prefix (国际, 区域) or
    another word of the name (独立咨询监督委员会) makes a name read another way (TK105)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if not longer.endswith(shorter):
        return False
    piece = longer[: len(longer) - len(shorter)]
    return (
        piece[0].isdigit()
        or piece.startswith(DETERMINERS)
        or any(stop_ends_at(piece, i) for i in range(1, len(piece) + 1))
    )


def one_name(a: str, b: str) -> bool:
    """Do two full-form keys name one body: one ends with the other once the words that
    join its parts (及, 和, 、 …) are left out of both, or is the other cut at an ellipsis?"""
    a, b = _JOINERS.sub("", a), _JOINERS.sub("", b)
    return a.endswith(b) or b.endswith(a) or _elided(a, b)


def _elided(a: str, b: str) -> bool:
    """Are two full-form keys the same text, one of them with a part left out where it shows
    an ellipsis (公民权利和政治权利国际公…权利和政治权利国际公约, as a PDF's running head
    cuts a title)?"""
    if a == b:
        return True
    for cut, whole in ((a, b), (b, a)):
        pieces = _ELLIPSIS.split(cut)
        if len(pieces) > 1 and whole.startswith(pieces[0]) and whole.endswith(pieces[-1]):
            return True
    return False


def in_running_text(text: str, at: int, body: int) -> bool:
    """Is offset `at` inside a sentence of the text proper, which starts at `body`
    (`body_start`)? Lines that end no sentence (headings, captions, list items, a source
    line) spell names out, as the heading block does; the definition belongs to the first use
    in running text."""
    if at <= body:
        return False
    line_end = text.find("\n", at)
    return _SENTENCE_END.search(text, at, len(text) if line_end < 0 else line_end) is not None


def _in_a_list(text: str, at: int, starts: list[int], body: int) -> bool:
    """Is offset `at`, where a definition starts, on a line that holds another one (`starts`:
    where every definition starts, sorted) and no
    sentence: no sentence end, and no comma or semicolon between clauses (a paragraph of a
    PDF cut at a page break ends no sentence either)?"""
    begin = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    others = bisect_left(starts, end) - bisect_left(starts, begin) > 1
    clauses = _CLAUSE_MARK.search(text, begin, end) is not None
    return others and not clauses and not in_running_text(text, max(at, body + 1), body)


def body_start(text: str) -> int:
    """Where the text proper starts: after the heading block (symbol, title, agenda item:
    everything before the first sentence end), or at the end when no sentence ends. A PDF's
    text often ends its sentences with a half-width stop after a Han character (审议.)."""
    first = _SENTENCE_END.search(text)
    return len(text) if first is None else first.start()


def _full_form_again(facts: Facts, forms: ShortForms, out: Collector) -> None:
    """TK111 and TK112: the full form written out after its short form was defined, or before
    the definition (which belongs at the first use)."""
    if not (out.wants("TK111") or out.wants("TK112")):
        return
    starts = {d.full_start for d in facts.definitions}
    ordered = sorted(starts)
    text = facts.doc.analysis.text
    body = body_start(text)
    for key, first in forms.first_of_full.items():
        line = facts.doc.place_of_analysis(first.full_start, first.full_end).line
        # The short form defined earlier for the same name read another way (全球外国直接投资
        # (FDI) on line 5, 外国直接投资(FDI) on line 11): the name was defined there.
        earlier = forms.first_of_short[normalize(first.short)]
        defined = first.full_start
        if one_name(normalize(earlier.full), key):
            defined = min(defined, earlier.full_start)
        early = True
        for hit in facts.hits_by_key.get(key, []):
            if hit.astart in starts or first.full_start <= hit.astart <= first.close:
                continue
            written = facts.surface(hit)
            if hit.astart < defined:
                # A definition in a list of names (a line that ends no sentence and defines
                # several: 《兒童權利公約》(CRC) [香港特區的CRC報告]、《殘疾人權利公約》(CRPD) …)
                # is a key to the short forms, not their first use.
                if (
                    early
                    and in_running_text(text, hit.astart, body)
                    and not _in_a_list(text, first.full_start, ordered, body)
                ):
                    early = False
                    out.add(
                        "TK112",
                        facts.place(hit),
                        f"{written} is written out before its definition on line {line}; "
                        "define the short form at the first use",
                        written,
                        f"{written}（{first.short}）",
                    )
                continue
            out.add(
                "TK111",
                facts.place(hit),
                f"{first.full} is written in full after its short form {first.short} was defined",
                written,
                first.short,
            )
