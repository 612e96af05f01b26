"""The document's own definitions, `FULL（SHORT）`, found without a word segmenter.

`termkit check` runs in pre-commit hooks, so it cannot pay for jieba. It reuses the extractor's
bracket and bracket-content readers (jieba-free) and finds the full form's left edge by, in
order: the longest glossary full form ending at the bracket; the short form's characters
found in order before the bracket, extended over name prefixes (联合国, 国际 …); a walk left
to the nearest function word or punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from termkit.extract.anchors import (
    MAX_FULL,
    NAME_CHAR,
    covered,
    match_characters,
    window_start,
)
from termkit.extract.brackets import find_spans
from termkit.extract.inner import ShortForm, read_inner
from termkit.extract.lexicon import CONJUNCTIONS, ENTITY_SUFFIXES, SOFT_WORDS, STOP_WORDS
from termkit.text.normalize import HAN_CHAR, normalize, strip_title_marks

if TYPE_CHECKING:
    from termkit.check.document import Analysed

_LOWER = re.compile(r"[a-z]{2}")
# The rest of a title after a bracket inside it: no mark that ends a clause or opens a title.
_TITLE_GOES_ON = re.compile(r"[^《》。！？；，,;\n（()）]*》")
_HARD = re.compile(r"[。！？；：，,;:!?“”\"「」『』（()）\[\]【】《》、\n]")
_HARD_PARTS = re.compile(r"[。！？；：，,;:!?“”\"「」『』（()）\[\]【】《》\n]")
# Single characters that end a name walking left. The lexicon's other one-character stop words
# (经, 会, 自 …) are too often inside names to be used without a segmenter.
STOP_CHARS = frozenset("由为于在对向从把被将就是了")
_STOPS = frozenset(w for w in STOP_WORDS if len(w) > 1) | STOP_CHARS
SOFT_CHARS = frozenset(w for w in SOFT_WORDS if len(w) == 1)
# The name before a Latin acronym does not go on over 的: what precedes it describes the body
# (入境事務處的綜合調查組(GIS)); 2 of the 106 acronym definitions of the dev and TRAIN gold
# hold a 的 outside title marks.
_ACRONYM_SOFT = SOFT_CHARS - {"的"}
# A number and one of these before a name is a date or a quantity (2023年, 17项), not part of
# it, unless the short form holds a number too (2023年世界无线电通信大会(WRC-23)).
_COUNT_UNITS = frozenset("年月日项个种名位条份")
# What may stand right before a name: a function character (据, 与, 的 …); longer function
# words and verbs (通过, 支持) are found by `stop_ends_at`.
_OPENERS = SOFT_CHARS | frozenset(w for w in STOP_WORDS if len(w) == 1)
# The endings of a complete name, in two or more characters (银行, 组织, 委员会: not 署, 国).
_WHOLE_NAMES = tuple(h for h in ENTITY_SUFFIXES if len(h) > 1)
# Words that open many organization names before the part a short form abbreviates.
NAME_PREFIXES = ("联合国", "国际", "世界", "全球", "区域", "欧洲", "非洲", "亚洲", "美洲")
# The prefixes that say nothing of which body a name is (a continent does: 美洲组织, 欧盟).
GENERIC_PREFIXES = NAME_PREFIXES[:5]
# The folded text the reader walks writes “ and ” as '"': a name in either quotes before the
# bracket (“联合国国际儿童紧急基金会”(UNICEF)) is read between them.
_TITLE_OPENERS = {"》": "《", "〉": "〈", "”": "“", '"': '"', "」": "「", "』": "『"}
# The numerals a short form counts its names by (两公约: the two covenants), as keys write them,
# and the words that join the names it counts.
NUMERALS = frozenset("两二双三四五六七八九十")
COORDINATORS = ("以及", *sorted(CONJUNCTIONS), "、")  # 以及 before 及: tried in this order
# Words before a name's head that point back to the name or count its members (该公约, 本组织,
# 各组织): an ordinary noun phrase, no short form.
DETERMINERS = ("上述", "前述", "该", "本", "此", "这", "各")


class Defined(NamedTuple):
    """One definition; offsets are in the analysis text, the forms as printed there."""

    full: str
    short: str
    kind: str
    full_start: int
    short_start: int
    close: int  # the closing bracket: the definition is complete here
    # Written after a marker (简称, 以下简称, 又称 …): the writer names the short form to use.
    introduced: bool = False

    @property
    def full_end(self) -> int:
        return self.full_start + len(self.full)

    @property
    def short_end(self) -> int:
        return self.short_start + len(self.short)


def find_definitions(doc: Analysed, known_full: frozenset[str]) -> list[Defined]:
    """Definitions in the document's analysis text, in document order, read on its
    simplified and folded forms; `known_full` holds the glossary's full-form keys."""
    text, simplified, folded = doc.analysis.text, doc.simplified, doc.folded
    lengths = sorted({len(k) for k in known_full if len(k) <= MAX_FULL}, reverse=True)
    found: list[Defined] = []
    for span in find_spans(text):
        if inside_a_title(text, span.open, span.close):
            continue  # 《2004年聯合國制裁(利比里亞)規例》: part of the title, no definition
        forms, _reason = read_inner(simplified[span.inner_start : span.close])
        for form in forms:
            if form.kind == "english" and english_name(form.text):
                continue  # an equivalent, not a short form: no Chinese text uses it
            start = _full_start(folded, span.open, form, known_full, lengths)
            if start is None:
                continue
            begin, end = start
            full, short_at = text[begin:end], span.inner_start + form.offset
            if counts_a_group(normalize(form.text), normalize(strip_title_marks(full))):
                continue  # one name read for a short form that counts several
            if _plausible(full, form):
                short = text[short_at : short_at + len(form.text)]
                introduced = form.rule.startswith("introducer:")
                found.append(
                    Defined(full, short, form.kind, begin, short_at, span.close, introduced)
                )
    return found


def inside_a_title(text: str, open_: int, close: int) -> bool:
    """Does the bracket from `open_` to `close` stand inside a title, which goes on after it
    to its closing mark on the same line, with no title closed between the line's start (or
    the title's opening mark) and the bracket (《2004年聯合國制裁(利比里亞)規例》, or a
    heading that lost its opening mark: 2004 年聯合國制裁 ( 利比里亞 ) 規例》引言)?"""
    begin = text.rfind("\n", 0, open_) + 1
    begin = max(begin, text.rfind("《", begin, open_))
    if text.find("》", begin, open_) >= 0:
        return False
    end = text.find("\n", close)
    match = _TITLE_GOES_ON.match(text, close + 1, len(text) if end < 0 else end)
    return match is not None and match.end() > close + 2


def english_name(text: str) -> bool:
    """An English name in brackets (人權事務委員會（Human Rights Committee）: two or more words
    in lower case letters, or no capital at all: （sanction）) is the name's equivalent, not
    its short form; an acronym (CRPD, REDD-plus, COP 11) is one."""
    return sum(bool(_LOWER.search(w)) for w in text.split()) >= 2 or text.islower()


def _plausible(full: str, form: ShortForm) -> bool:
    key, short = normalize(full), normalize(form.text)
    if not key or key == short or not HAN_CHAR.search(key):
        return False  # a Latin name with a Latin note (English (docx)) is no Chinese definition
    if form.kind == "english":
        return len(key) >= 3 or (len(key) == 2 and all(HAN_CHAR.match(c) for c in key))
    return len(key) > len(short)


def _full_start(
    text: str, bracket: int, form: ShortForm, known: frozenset[str], lengths: list[int]
) -> tuple[int, int] | None:
    """(start, end) of the full form before the bracket at `bracket`, or None."""
    end = bracket
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    if end == 0:
        return None
    han = HAN_CHAR.findall(form.text)
    opener = _TITLE_OPENERS.get(text[end - 1])
    if opener:
        at = text.rfind(opener, max(0, end - 80), end - 1)
        inside = match_characters(form.text, text, at, end)
        # A title in title marks after one (《南太平洋无核区条约》（《拉罗通加条约》）) is the
        # name the document goes on to use, whatever characters it shares with the first.
        alias = form.kind == "title" and opener == "《"
        if at < 0 or not (form.kind == "english" or alias or covered(len(inside), len(han))):
            return None
        # Only a short form that counts (两公约) names the titles joined before its own.
        counting = normalize(form.text)[:1] in NUMERALS
        first = _first_coordinated(text, at, opener, text[end - 1]) if counting else at
        return (first, end) if first < at else (at + 1, end - 1)
    for length in lengths:
        # A bare head (委员会, which a document may define as its committee's short form and
        # a glossary built from it then holds as a full form) names no body.
        name = text[end - length : end] if length <= end else ""
        if name in known and name not in ENTITY_SUFFIXES:
            return _extend_prefixes(text, window_start(text, end, _HARD), end - length), end
    if not NAME_CHAR.match(text, end - 1):
        return None
    window = window_start(text, end, _HARD)
    wide = window_start(text, end, _HARD_PARTS)  # list marks inside: the walk may cross one
    counts = not any(c.isdigit() for c in form.text)
    if form.kind == "english":
        start = _walk_left(text, wide, end - 1, _ACRONYM_SOFT, counts)
        if start == end - 1 and end - 2 > window:
            # A name is no single character: a stop word ending right before the last one
            # is inside the name's head (共同|体 of 中部非洲经济和货币共同体(CEMAC)).
            start = _walk_left(text, wide, end - 2, _ACRONYM_SOFT, counts)
        elif text[start:end] in ENTITY_SUFFIXES and (cross := _stop_before(text, start)):
            # Nor is it its bare head: a stop word right before it is a word of the name
            # (气候变化特别|基金(SCCF), 国际复兴开发|银行(IBRD), 国际开发|协会(IDA)).
            start = _walk_left(text, wide, start - cross, _ACRONYM_SOFT, counts)
        return start, end
    positions = match_characters(form.text, text, window, end)
    if not covered(len(positions), len(han)):
        # A name whose parts a list mark joins (管理战略、政策和合规部（管理战略部）): a short
        # form that opens as the first part does draws on the parts before the mark.
        positions = match_characters(form.text, text, wide, end)
        if not positions or text[positions[0]] != han[0]:
            return None
        window = wide
    if not positions or not covered(len(positions), len(han)):
        return None
    if 2 * len(positions) == len(han) and text[positions[-1]] != han[-1]:
        # Half a short form's characters, and not its last one (the head: 委 of 委员会): a
        # clause before an attribution, 改进…信息的问题应得到高度重视（渔委）, is no name.
        return None
    anchor = positions[0]
    if text[anchor] == han[0]:
        start = _extend_prefixes(text, window, anchor)
        if len(normalize(text[start:end])) > len(normalize(form.text)):
            return start, end
    return _walk_left(text, wide, anchor, counts=counts, names=True), end


def counts_a_group(short_key: str, full_key: str) -> bool:
    """Is `short_key` a short form that counts (两公约, 三公约) read for a full form that names
    one thing with the head it keeps? It names the group, and its full form is the
    coordination of their names: one name alone, as a glossary built from
    《…》及《经济社会文化权利国际公约》（两公约） may hold it, is a misreading."""
    head = short_key[1:]
    return (
        short_key[:1] in NUMERALS
        and len(head) >= 2
        and full_key.endswith(head)
        and full_key.count(head) < 2
    )


def _first_coordinated(text: str, at: int, opener: str, closer: str) -> int:
    """The opening mark of the first of the titles joined to the one opening at `at`
    (《A》及《B》（两公约）), or `at` when none is."""
    while True:
        joint = next(
            (c for c in COORDINATORS if text.startswith(closer + c, at - len(c) - 1)), None
        )
        before = at - len(joint or "") - 1
        start = text.rfind(opener, max(0, before - MAX_FULL), before) if joint else -1
        if start < 0:
            return at
        at = start


def _extend_prefixes(text: str, window: int, start: int) -> int:
    """Move left over name prefixes (`联合国` before `环境规划署（环境署）`)."""
    moved = True
    while moved:
        moved = False
        for prefix in NAME_PREFIXES:
            if start - len(prefix) >= window and text.startswith(prefix, start - len(prefix)):
                start -= len(prefix)
                moved = True
                break
    return start


def stop_ends_at(text: str, i: int) -> bool:
    return _stop_before(text, i) > 0


def _stop_before(text: str, i: int) -> int:
    """The length of the longest stop word ending at offset `i`, 0 when none does."""
    return max((n for n in (1, 2, 3, 4) if i - n >= 0 and text[i - n : i] in _STOPS), default=0)


def stands_alone(text: str, start: int) -> bool:
    """A name starting at `start` is not glued to a preceding name character (卫生组织 in
    区域卫生组织, 规划署 in 联合规划署 are parts of other names)."""
    before = text[start - 1] if start > 0 else ""
    return not HAN_CHAR.match(before) or before in _OPENERS or stop_ends_at(text, start)


def _walk_left(
    text: str,
    window: int,
    start: int,
    soft: frozenset[str] = SOFT_CHARS,
    counts: bool = True,
    names: bool = False,
) -> int:
    """Move left from `start` over name characters until a function word, a date or quantity
    (包括2023年|经济合作暨发展组织（OECD）, 含17项|可持续发展目标 (SDGs); `counts`: the short
    form holds no number. Of the 461 definitions of the dev and TRAIN gold, the four whose
    name opens with one all do: WRC-23, 2030议程), punctuation or the window's edge; a soft
    word (与, 和, 的 …) is crossed only between two name characters, and a soft character not
    in `soft` never. With `names` (a Chinese short form, all of whose characters lie right
    of `start`), a conjunction after a complete name (one ending as a body's name does, in
    two or more characters: 世界银行|与国际货币基金组织(简称基金组织)) joins two names, as the
    extractor reads it: the short form abbreviates the one after it. A list mark `、` before
    the items a conjunction closes is inside the name when the item before it ends no name
    (安全、有序和正常移民全球契约, 战略、任务和结果评估信息系统; not 秘书处、开发署和…): `window`
    may then lie before the mark."""
    i = start
    conjunction = False  # a conjunction crossed since the last list mark
    stop = window  # after a list mark: where its first item, as long as the next, opens
    while i > stop:
        ch = text[i - 1]
        if ch == "、" and conjunction and _inner_item(text, window, i - 1):
            # The list's first item opens the name (a verb before it governs it), as long as
            # the item after the mark (战略、任务和…, 商标、工业品外观设计和…).
            item = re.match(f"[^{''.join(CONJUNCTIONS)}、]*", text[i:start]).end()
            stop = max(window, i - 1 - item)
            i -= 1
            conjunction = False
            continue
        if ch == "、":
            break
        if (
            not NAME_CHAR.match(ch)
            or stop_ends_at(text, i)
            or (ch in SOFT_CHARS and ch not in soft)
            or (counts and ch in _COUNT_UNITS and i >= 2 and text[i - 2].isdigit())
        ):
            break
        if ch in SOFT_CHARS and (
            i - 1 <= window
            or not NAME_CHAR.match(text[i - 2])
            or stop_ends_at(text, i - 1)
            or (names and ch in CONJUNCTIONS and text.endswith(_WHOLE_NAMES, window, i - 1))
            # A Latin acronym or a number before a conjunction is an item of its own (FDI|与
            # 全球价值链(GVCs)); no name of the dev and TRAIN gold holds one there.
            or (ch in CONJUNCTIONS and text[i - 2].isascii() and text[i - 2].isalnum())
        ):
            break
        conjunction = conjunction or ch in CONJUNCTIONS
        i -= 1
    return i


def _inner_item(text: str, window: int, mark: int) -> bool:
    """Is the text before the list mark at `mark` an item of a list inside a name: a name
    character that ends no complete name (a body's: 署, 组织, 委员会 …)?"""
    return (
        mark > window
        and NAME_CHAR.match(text[mark - 1]) is not None
        and not text.endswith(ENTITY_SUFFIXES, window, mark)
    )


def distinctive(variant: str, full: str) -> bool:
    """The form keeps a character of what tells this name from others: not only its generic
    prefixes (联合国, 国际 …) and its head (会议, 方案, 署): 联合国大会 and 联合会议 are no
    short forms of 联合国可持续发展大会 and 联合国贸易与发展会议, but other bodies and words."""
    generic = generic_positions(full)
    # A character not drawn from the full form (人居二) makes a code of its own.
    return any(j < 0 or j not in generic for j in rightmost_embedding(variant, full))


def rightmost_embedding(variant: str, full: str) -> Iterator[int]:
    """Where the variant's characters stand in the full form, last character first, each as
    far right as the ones after it allow (the embedding `plausible._extend_left` finds);
    -1, and no more, for the first character that has no place left."""
    j = len(full)
    for ch in reversed(variant):
        j = full.rfind(ch, 0, j)
        yield j
        if j < 0:
            return


def without_generic_prefixes(key: str) -> str:
    """The key without the generic prefixes it opens with (联合国国际… → …)."""
    while prefix := next((p for p in GENERIC_PREFIXES if key.startswith(p)), ""):
        key = key[len(prefix) :]
    return key


def generic_positions(full: str) -> set[int]:
    """Where the full form says nothing of which body it names: its generic prefixes
    (联合国, 国际 …, wherever they stand) and its head (会议, 方案, 署)."""
    generic = set()
    for prefix in GENERIC_PREFIXES:
        at = full.find(prefix)
        while at >= 0:
            generic.update(range(at, at + len(prefix)))
            at = full.find(prefix, at + 1)
    head = max((h for h in ENTITY_SUFFIXES if full.endswith(h)), key=len, default="")
    generic.update(range(len(full) - len(head), len(full)))
    return generic
