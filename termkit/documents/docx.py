"""Word (.docx) documents as text: every story a reader sees, one paragraph a line.

The body in order (table cells included), then footnotes, endnotes, text boxes, headers and
footers. Tracked changes read as accepted (insertions in, deletions out) unless the original
is asked for; field codes, hidden text and the duplicate fallback of text boxes are left out.
Each paragraph's line carries its place as Word counts it, and each piece of text the `w:t`
element it came from, so that fixes and comments go back into the same runs.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from termkit.documents.locations import Layout, Where
from termkit.errors import InputError

REVISIONS = ("accepted", "original")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_ENDNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
# Inline containers whose children are read as if they stood in the paragraph itself.
_TRANSPARENT = {"hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent"}
_INSERTED = {"ins", "moveTo"}
_DELETED = {"del", "moveFrom"}
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def local_name(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class Flat:
    """A document flattened: the text, where each line comes from, and the `w:t` element each
    editable piece of text sits in (`pieces[i]` = (offset in the text, element))."""

    lines: list[str] = field(default_factory=list)
    places: list[Where] = field(default_factory=list)
    pieces: list[tuple[int, object]] = field(default_factory=list)
    length: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class _Reader:
    def __init__(self, document, revisions: str) -> None:
        self.document = document
        self.revisions = revisions
        self.flat = Flat()
        self.fields: list[bool] = []  # open complex fields: True while in the field code
        self.tables = 0
        self.text_boxes: list = []
        self.note_numbers: dict[tuple[str, str], int] = {}
        self.hidden_styles = _hidden_styles(document)
        self._paragraph_hidden = False

    # -- stories ---------------------------------------------------------------------------
    def read(self) -> Flat:
        body = self.document.element.body
        counter = [0]
        self._blocks(body, "body", counter, None)
        for kind in ("footnote", "endnote"):
            self._notes(kind)
        for number, box in enumerate(self.text_boxes, 1):
            self._blocks(box, "text box", [0], None, note=number)
        for kind in ("header", "footer"):
            self._headers(kind)
        return self.flat

    def _blocks(self, parent, story: str, counter: list[int], cell, note: int = 0) -> None:
        for child in parent:
            name = local_name(child)
            if name == "p":
                counter[0] += 1
                if cell is None:
                    where = Where(story, counter[0], note=note)
                else:
                    where = Where("table", counter[0], *cell)
                self._paragraph(child, where)
            elif name == "tbl":
                self._table(child, story, counter, note)
            elif name in ("sdt", "customXml", "sdtContent"):
                self._blocks(child, story, counter, cell, note)

    def _table(self, table, story: str, counter: list[int], note: int) -> None:
        self.tables += 1
        number = self.tables
        for r_index, row in enumerate(_children(table, "tr"), 1):
            for c_index, cell in enumerate(_children(row, "tc"), 1):
                if story == "body":
                    self._blocks(cell, story, counter, (number, r_index, c_index))
                else:
                    self._blocks(cell, story, counter, None, note)
            counter[0] += 1  # Word counts a row's end mark as a paragraph of its own

    def _notes(self, kind: str) -> None:
        part = self._part(_FOOTNOTES if kind == "footnote" else _ENDNOTES)
        if part is None:
            return
        notes = []
        for element in part.element:
            if local_name(element) != kind or element.get(_w("type")) in _NOTE_SEPARATORS:
                continue
            ident = element.get(_w("id"))
            number = self.note_numbers.get((kind, ident), 10_000 + int(ident or 0))
            notes.append((number, element))
        for number, element in sorted(notes, key=lambda n: n[0]):
            self._blocks(element, kind, [0], None, note=number)

    def _headers(self, kind: str) -> None:
        seen: set[int] = set()
        related = self.document.part.related_parts
        for number, section in enumerate(self.document.sections, 1):
            for ref in section._sectPr.findall(_w(f"{kind}Reference")):
                part = related.get(ref.get(f"{{{_R}}}id"))
                if part is None or id(part) in seen:
                    continue
                seen.add(id(part))
                self._blocks(part.element, kind, [0], None, note=number)

    def _part(self, content_type: str):
        for rel in self.document.part.rels.values():
            if not rel.is_external and rel.target_part.content_type == content_type:
                return rel.target_part
        return None

    # -- paragraphs ------------------------------------------------------------------------
    def _paragraph(self, p, where: Where) -> None:
        self._line: list[str] = []
        self._at = self.flat.length  # where the next piece of this line starts in the text
        self._paragraph_hidden = _style(p.find(_w("pPr")), "pStyle") in self.hidden_styles
        self._inline(p)
        text = "".join(self._line)
        self.flat.lines.append(text)
        self.flat.places.append(where)
        self.flat.length += len(text) + 1

    def _emit(self, text: str, element=None) -> None:
        if self.fields and any(self.fields):
            return
        if element is not None:
            self.flat.pieces.append((self._at, element))
        self._line.append(text)
        self._at += len(text)

    def _inline(self, parent) -> None:
        for child in parent:
            name = local_name(child)
            if name == "r":
                self._run(child)
            elif name in _INSERTED:
                if self.revisions == "accepted":
                    self._inline(child)
            elif name in _DELETED:
                if self.revisions == "original":
                    self._inline(child)
            elif name in _TRANSPARENT or name == "sdt":
                self._inline(child)

    def _run(self, r) -> None:
        props = r.find(_w("rPr"))
        vanish = props.find(_w("vanish")) if props is not None else None
        if vanish is not None:  # the run's own setting overrides its styles'
            if _on(vanish):
                return
        elif self._paragraph_hidden or _style(props, "rStyle") in self.hidden_styles:
            return
        for child in r:
            name = local_name(child)
            if name == "t":
                self._emit(child.text or "", child)
            elif name == "delText":
                self._emit(child.text or "")
            elif name == "tab":
                self._emit("\t")
            elif name in ("br", "cr"):
                kind = child.get(_w("type"))
                self._emit("\f" if kind in ("page", "column") else "\v")
            elif name == "noBreakHyphen":
                self._emit("\u2011")
            elif name == "fldChar":
                self._field(child.get(_w("fldCharType")))
            elif name in ("footnoteReference", "endnoteReference"):
                kind = name.removesuffix("Reference")
                key = (kind, child.get(_w("id")))
                self.note_numbers.setdefault(key, 1 + sum(k[0] == kind for k in self.note_numbers))
            elif name in ("drawing", "pict", "AlternateContent"):
                self._find_text_boxes(child)

    def _field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(True)
        elif kind == "separate" and self.fields:
            self.fields[-1] = False
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _find_text_boxes(self, element) -> None:
        for box in element.iter(_w("txbxContent")):
            if not any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
                self.text_boxes.append(box)


def _style(props, kind: str) -> str | None:
    """The style id a `w:pPr` (`pStyle`) or `w:rPr` (`rStyle`) names, if any."""
    ref = props.find(_w(kind)) if props is not None else None
    return ref.get(_w("val")) if ref is not None else None


def _hidden_styles(document) -> set[str]:
    """Ids of the styles that hide their text (`w:vanish`, their own or inherited through
    `w:basedOn`)."""
    styles = {s.get(_w("styleId")): s for s in document.styles.element if local_name(s) == "style"}

    def hidden(style_id: str | None, depth: int = 0) -> bool:
        style = styles.get(style_id)
        if style is None or depth > 20:
            return False
        props = style.find(_w("rPr"))
        vanish = props.find(_w("vanish")) if props is not None else None
        if vanish is not None:
            return _on(vanish)
        return hidden(_style(style, "basedOn"), depth + 1)

    return {s for s in styles if s and hidden(s)}


def _children(parent, name: str) -> list:
    """Children called `name`, looking through content controls and custom XML wrappers."""
    found = []
    for child in parent:
        local = local_name(child)
        if local == name:
            found.append(child)
        elif local in ("sdt", "sdtContent", "customXml"):
            found.extend(_children(child, name))
    return found


def _on(toggle) -> bool:
    """A Word on/off property: present and not switched off."""
    return toggle is not None and toggle.get(_w("val"), "true") not in ("0", "false", "off")


def open_docx(data: bytes, path: str):
    """The python-docx Document of `data`, footnotes and endnotes parsed as XML parts."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.part import PartFactory, XmlPart

    PartFactory.part_type_for.setdefault(_FOOTNOTES, XmlPart)
    PartFactory.part_type_for.setdefault(_ENDNOTES, XmlPart)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise InputError(f"{path}: not a Word document (.docx)") from None
    except (KeyError, ValueError) as exc:
        raise InputError(f"{path}: broken Word document: {exc}") from None


def flatten(document, revisions: str = "accepted") -> Flat:
    if revisions not in REVISIONS:
        raise InputError(f"--docx-revisions must be one of {', '.join(REVISIONS)}")
    return _Reader(document, revisions).read()


def read_docx(data: bytes, path: str, revisions: str = "accepted") -> tuple[str, Layout]:
    """The text of a .docx file and where each of its lines is in the document."""
    flat = flatten(open_docx(data, path), revisions)
    pieces = tuple((start, start + len(t.text or "")) for start, t in flat.pieces)
    return flat.text, Layout("docx", tuple(flat.places), pieces)
