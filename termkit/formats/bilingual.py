"""Bilingual files as segments: XLIFF 1.2 (SDLXLIFF and memoQ MQXLIFF included), XLIFF 2.0, TMX,
PO and source/target CSV, read through translate-toolkit.

Each segment keeps the id a CAT tool shows (TMX `tuid`, XLIFF `trans-unit`/`unit` id or the
SDLXLIFF segment `mid`, PO msgctxt or line), both sides' plain text, their inline codes, and
where each side's text starts in the file, so findings point into it. XML files pass the safe
parse of `xmlsafe` first: one entity policy for every XML reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termkit.errors import InputError, reading
from termkit.formats import xmlsafe
from termkit.text.decode import read_bytes, read_document
from termkit.text.normalize import HAN_CHAR

# Inline elements of XLIFF 1.2/2.0 and TMX whose content is native code, not text.
NATIVE_CODE = {"ph", "bpt", "ept", "it", "ut"}
# Inline codes: paired or standalone tags that must come through translation.
_CODES = {"g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "pc", "sc", "ec", "hi"}
_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-+ #0]*\d*(?:\.\d+)?[sdifuxXeEgGcr]|\{\w*\}")
_XML_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx")


@dataclass(frozen=True)
class Side:
    """One side of a segment: its text, its inline codes in order, and the offset in the
    file's decoded text where the text starts (-1 when unknown)."""

    text: str
    codes: tuple[str, ...] = ()
    offset: int = -1


@dataclass(frozen=True)
class Segment:
    id: str
    source: Side
    target: Side

    def side(self, name: str) -> Side:
        return self.source if name == "source" else self.target


@dataclass(frozen=True)
class BilingualFile:
    path: str
    text: str  # the decoded file, for positions
    source_lang: str
    target_lang: str
    segments: tuple[Segment, ...]
    markup: bool  # XML: entities and tags stand between the text and the file

    def chinese_side(self) -> str | None:
        """`source` or `target`: the side in Chinese, by language code, else by script."""
        for name, lang in (("target", self.target_lang), ("source", self.source_lang)):
            if lang.lower().startswith("zh"):
                return name
        han = {
            name: sum(len(HAN_CHAR.findall(s.side(name).text)) for s in self.segments)
            for name in ("source", "target")
        }
        best = max(han, key=han.get)
        return best if han[best] else None


def read(path: str | Path) -> BilingualFile:
    """A bilingual file's segments, read behind the reader boundary (`errors.reading`)."""
    path = str(path)
    with reading(path):
        return _read(path)


def _read(path: str) -> BilingualFile:
    text = read_document(path).text
    if path.lower().endswith(_XML_SUFFIXES):
        data = read_bytes(path)
        root = xmlsafe.parse(data, path)
        name = xmlsafe.local(root.tag)
        if name == "tmx":
            return _read_tmx(path, data, text)
        if name != "xliff":
            raise InputError(f"{path}: not an XLIFF or TMX file (root element <{name}>)")
        return _read_xliff(path, data, text, root.get("version", "1.2"))
    return _read_flat(path, text)


# --- XML -------------------------------------------------------------------------------------


def _read_xliff(path: str, data: bytes, text: str, version: str) -> BilingualFile:
    if version.startswith("2"):
        from translate.storage.xliff2 import Xliff2File as store_class
    else:
        from translate.storage.xliff import Xliff1File as store_class
    store = _parse(store_class, data, path)
    cursor = _Cursor(text)
    segments = []
    for unit in store.units:
        element = unit.xmlelement
        if version.startswith("2"):
            sid = element.get("id")
            uid = element.getparent().get("id", "")
            segments += _pair(cursor, f"{uid}/{sid}" if sid else uid, element, "source", "target")
            continue
        uid = element.get("id", "")
        marks = _child(element, "seg-source")
        target = _child(element, "target")
        if marks is not None and _segment_marks(marks):
            segments += _marked(cursor, uid, marks, target, "sdl" in (element.nsmap or {}))
        else:
            segments += _pair(cursor, uid, element, "source", "target")
    return BilingualFile(
        path,
        text,
        store.getsourcelanguage() or "",
        store.gettargetlanguage() or "",
        tuple(segments),
        True,
    )


def _read_tmx(path: str, data: bytes, text: str) -> BilingualFile:
    from translate.storage.tmx import tmxfile

    store = _parse(tmxfile, data, path)
    header = store.document.getroot().find("header")
    source_lang = header.get("srclang", "") if header is not None else ""
    cursor = _Cursor(text)
    segments, target_lang = [], ""
    for n, unit in enumerate(store.units, start=1):
        tuvs = list(unit.getlanguageNodes())
        if len(tuvs) < 2:
            continue
        langs = [(t.get(xmlsafe.XML_LANG) or t.get("lang") or "") for t in tuvs]
        first = next((i for i, lang in enumerate(langs) if lang.lower() == source_lang.lower()), 0)
        others = [i for i in range(len(tuvs)) if i != first]
        # of several target languages, the Chinese one (termkit checks Chinese)
        second = next((i for i in others if langs[i].lower().startswith("zh")), others[0])
        target_lang = target_lang or langs[second]
        pair = [(_child(tuvs[k], "seg"), k) for k in sorted((first, second))]
        sides = {k: _side(cursor, seg) for seg, k in pair if seg is not None}
        if first in sides and second in sides:
            # a `tu` without `tuid` is named by its place, as a CAT tool's row number
            tuid = unit.xmlelement.get("tuid") or f"tu {n}"
            segments.append(Segment(tuid, sides[first], sides[second]))
    return BilingualFile(path, text, source_lang, target_lang, tuple(segments), True)


def _parse(store_class, data: bytes, path: str):
    from lxml import etree

    try:
        return store_class.parsestring(data)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"{path}: cannot read as a bilingual file: {exc}") from None


def _child(element, name: str):
    return next((c for c in element if isinstance(c.tag, str) and _local(c) == name), None)


def _local(element) -> str:
    return xmlsafe.local(element.tag)


def _segment_marks(element) -> list:
    return [m for m in element.iter() if _local(m) == "mrk" and m.get("mtype") == "seg"]


def _pair(cursor, sid: str, element, source: str, target: str) -> list[Segment]:
    source_el, target_el = _child(element, source), _child(element, target)
    if source_el is None or target_el is None:
        return []
    return [Segment(sid, _side(cursor, source_el), _side(cursor, target_el))]


def _marked(cursor, uid: str, marks, target, sdl: bool) -> list[Segment]:
    """SDLXLIFF (and Okapi) segmentation: `mrk mtype="seg"` pairs matched by `mid`; Trados
    numbers the segments file-wide, so an SDLXLIFF segment is named by its `mid` alone."""
    sources = {m.get("mid"): _side(cursor, m) for m in _segment_marks(marks)}
    targets = (
        {m.get("mid"): _side(cursor, m) for m in _segment_marks(target)}
        if target is not None
        else {}
    )
    return [
        Segment(mid if sdl else f"{uid}/{mid}", side, targets[mid])
        for mid, side in sources.items()
        if mid in targets
    ]


def _side(cursor, element) -> Side:
    parts: list[str] = []
    codes: list[str] = []
    _flatten(element, parts, codes)
    return Side("".join(parts), tuple(codes), cursor.after_start_tag(element))


def _flatten(element, parts: list[str], codes: list[str]) -> None:
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            name = _local(child)
            if name in _CODES:
                ident = child.get("id") or child.get("i") or child.get("x") or ""
                codes.append(f"<{name}{' id=' + ident if ident else ''}>")
            if name not in NATIVE_CODE:
                _flatten(child, parts, codes)
        parts.append(child.tail or "")


class _Cursor:
    """Finds each element's start tag in the file, in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]

    def after_start_tag(self, element) -> int:
        line = element.sourceline or 1
        start = max(self.pos, self.line_starts[min(line, len(self.line_starts)) - 1])
        name = _local(element)
        qname = f"{element.prefix}:{name}" if element.prefix else name
        found = re.compile(rf"<{re.escape(qname)}[\s/>]").search(self.text, start)
        if found is None:
            return -1
        end = self.text.find(">", found.end() - 1)
        self.pos = end + 1
        return end + 1 if self.text[end - 1] != "/" else -1


# --- PO and CSV ------------------------------------------------------------------------------


def _read_flat(path: str, text: str) -> BilingualFile:
    from translate.storage import factory

    try:
        store = factory.getobject(path)
    except Exception as exc:  # translate-toolkit raises many types for unreadable files
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot read as a bilingual file: {message}") from None
    po = path.lower().endswith((".po", ".pot"))
    cursor, segments = 0, []
    for row, unit in enumerate(store.units, start=1):
        if unit.isheader() or not unit.source or not unit.target:
            continue
        source, target = str(unit.source), str(unit.target)
        source_at = _find(text, source, cursor)
        target_at = _find(text, target, max(cursor, source_at))
        cursor = max(cursor, target_at)
        if po:
            context = unit.getcontext() if hasattr(unit, "getcontext") else ""
            sid = context or f"line {text.count(chr(10), 0, max(source_at, 0)) + 1}"
            codes = lambda s: tuple(_PLACEHOLDER.findall(s))  # noqa: E731
        else:
            sid = f"row {row + 1}"
            codes = lambda s: ()  # noqa: E731
        segments.append(
            Segment(
                sid, Side(source, codes(source), source_at), Side(target, codes(target), target_at)
            )
        )
    source_lang = store.getsourcelanguage() or ""
    target_lang = store.gettargetlanguage() or ""
    return BilingualFile(path, text, source_lang, target_lang, tuple(segments), False)


def _find(text: str, snippet: str, cursor: int) -> int:
    """Where a unit's text starts in the file, searching on from the previous unit."""
    head = re.split(r"[&<>\"'\\\n\r]", snippet.strip(), maxsplit=1)[0][:24]
    if not head:
        return -1
    found = text.find(head, cursor)
    return found
