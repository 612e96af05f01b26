"""Build real Word and PDF files for the tests and benches: python-docx and reportlab, no
binary fixtures. Footnotes and tracked changes are written as the WordprocessingML Word writes."""

from __future__ import annotations

import re
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def docx_from_lines(lines: list[str], path: Path) -> Path:
    """One Word paragraph per line of a text."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def _run(text: str, tag: str = "t") -> str:
    space = ' xml:space="preserve"'
    return f"<w:r><w:{tag}{space}>{text}</w:{tag}></w:r>"


def add_revision(paragraph, inserted: str = "", deleted: str = "") -> None:
    """Append a tracked insertion and/or deletion (by `reviser`) to a paragraph."""
    attrs = f'xmlns:w="{W}" w:author="reviser" w:date="2026-01-01T00:00:00Z"'
    if deleted:
        paragraph._p.append(
            parse_xml(f'<w:del w:id="901" {attrs}>{_run(deleted, "delText")}</w:del>')
        )
    if inserted:
        paragraph._p.append(parse_xml(f'<w:ins w:id="902" {attrs}>{_run(inserted)}</w:ins>'))


def add_footnotes(document, notes: list[tuple[object, str]]) -> None:
    """Footnotes as Word writes them: a footnotes part with its two separators, and a
    reference run at the end of each given paragraph."""
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + text)}</w:p></w:footnote>'
        for i, (_, text) in enumerate(notes, 1)
    )
    xml = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    for i, (paragraph, _) in enumerate(notes, 1):
        paragraph._p.append(
            parse_xml(f'<w:r xmlns:w="{W}"><w:footnoteReference w:id="{i}"/></w:r>')
        )


def add_field(paragraph, code: str, result: str) -> None:
    """A complex field: its code (never text) and its shown result."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        _run(result),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W}">', 1)))


def hide(run) -> None:
    run._r.get_or_add_rPr().append(parse_xml(f'<w:vanish xmlns:w="{W}"/>'))


def texts_of(path: Path) -> list[str]:
    """Every `w:t` text of a saved document's body, in order (what a fix may change)."""
    import docx

    return [t.text or "" for t in docx.Document(path).element.body.iter(qn("w:t"))]


def pdf_from_lines(lines: list[str], path: Path, size: float = 10.5, header: str = "") -> Path:
    """A Chinese A4 PDF with reportlab's built-in STSong-Light CID font: each line a
    paragraph wrapped at the page width, page numbers at the foot of each page and, as UN
    documents have, a running `header` (the document symbol) at the top."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    left, top, usable = 72, height - 72, width - 144
    y, page = top, 1

    def running_header() -> None:
        if header:
            pdf.setFont(font, 9)
            pdf.drawRightString(width - 72, height - 40, header)

    running_header()

    def draw(text: str) -> None:
        nonlocal y, page
        pdf.setFont(font, size)
        pdf.drawString(left, y, text)
        y -= size * 1.5
        if y < 72:
            pdf.setFont(font, 9)
            pdf.drawCentredString(width / 2, 40, str(page))
            pdf.showPage()
            y, page = top, page + 1
            running_header()

    for line in lines:
        current = ""
        # Like Word: Chinese wraps between any two characters, Latin words and numbers whole.
        for token in re.findall(r"[A-Za-z0-9]+|.", line):
            if current and pdfmetrics.stringWidth(current + token, font, size) > usable:
                draw(current)
                current = token.lstrip()
            else:
                current += token
        if current.strip():
            draw(current)
    pdf.setFont(font, 9)
    pdf.drawCentredString(width / 2, 40, str(page))
    pdf.showPage()
    pdf.save()
    return path


def blank_pdf(path: Path) -> Path:
    """A PDF with pages and no text layer, as a scanner writes it."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.rect(100, 100, 200, 300, fill=1)
    pdf.showPage()
    pdf.save()
    return path
