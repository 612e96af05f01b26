"""Writers for aligned beads: jsonl (the contract), tsv, and TMX 1.4b.

jsonl: one object per bead, in document order, keys `zh`, `en` (sentence texts joined by one
space, "" for an empty side), `zh_lines`, `en_lines` (1-based input lines), `score`.
tsv: `zh <TAB> en <TAB> score <TAB> zh_lines <TAB> en_lines`, no header, lines comma-joined.
TMX: srclang zh, one <tu> per bead with `x-score`, `x-zh-lines`, `x-en-lines` <prop>s; the
source files are <prop>s of the header. Output is deterministic (no creation date).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import IO

from termkit.align import Bead

FORMATS = ("jsonl", "tsv", "tmx")


def bead_record(bead: Bead) -> dict:
    """The jsonl object of one bead."""
    return {
        "zh": bead.zh_text,
        "en": bead.en_text,
        "zh_lines": bead.zh_lines,
        "en_lines": bead.en_lines,
        "score": bead.score,
    }


def write_jsonl(beads: Sequence[Bead], out: IO[str]) -> None:
    for bead in beads:
        out.write(json.dumps(bead_record(bead), ensure_ascii=False) + "\n")


def _cell(text: str) -> str:
    return " ".join(text.split())


def write_tsv(beads: Sequence[Bead], out: IO[str]) -> None:
    for bead in beads:
        fields = [
            _cell(bead.zh_text),
            _cell(bead.en_text),
            f"{bead.score:.4f}",
            ",".join(map(str, bead.zh_lines)),
            ",".join(map(str, bead.en_lines)),
        ]
        out.write("\t".join(fields) + "\n")


# Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, surrogates, U+FFFE/F):
# PDF-extracted text has form feeds.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub(" ", text)


def tmx_bytes(beads: Sequence[Bead], zh_file: str = "", en_file: str = "") -> bytes:
    """A TMX 1.4b document of the beads, built with translate-toolkit."""
    from lxml import etree
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="zh", targetlanguage="en")
    header = next(store.document.getroot().iterchildren(store.namespaced("header")))
    header.set("creationtool", "termkit")
    from termkit import __version__

    header.set("creationtoolversion", __version__)
    for kind, value in (("x-zh-file", zh_file), ("x-en-file", en_file)):
        if value:
            etree.SubElement(header, "prop", type=kind).text = _xml_text(value)
    for bead in beads:
        unit = store.addsourceunit(_xml_text(bead.zh_text))
        unit.target = _xml_text(bead.en_text)
        props = (
            ("x-score", f"{bead.score:.4f}"),
            ("x-zh-lines", ",".join(map(str, bead.zh_lines))),
            ("x-en-lines", ",".join(map(str, bead.en_lines))),
        )
        for position, (kind, value) in enumerate(props):
            prop = etree.Element("prop", type=kind)
            prop.text = value
            unit.xmlelement.insert(position, prop)
    return bytes(store)


def write_tmx(beads: Sequence[Bead], out: IO[str], zh_file: str = "", en_file: str = "") -> None:
    out.write(tmx_bytes(beads, zh_file, en_file).decode("utf-8"))


def write(
    beads: Sequence[Bead], out: IO[str], fmt: str, zh_file: str = "", en_file: str = ""
) -> None:
    """Write beads in `fmt` (one of FORMATS)."""
    if fmt == "jsonl":
        write_jsonl(beads, out)
    elif fmt == "tsv":
        write_tsv(beads, out)
    elif fmt == "tmx":
        write_tmx(beads, out, zh_file, en_file)
    else:
        raise ValueError(f"unknown format {fmt!r}")
