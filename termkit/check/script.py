"""The script a document is written in, and forms put into it.

In a document written in traditional characters (Hong Kong, Macao, Taiwan UN text) script is
no variant, but a term written in simplified characters is; and every form the checker
suggests (a glossary's full form, a definition to write) must be in the reader's script.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from termkit.check.finding import Edit, Finding
from termkit.text.normalize import HAN_CHAR, to_simplified

# Share of Han characters that change to simplified above which a text counts as written in
# traditional script (about 0.37 in running UN text; a few traditional terms stay far below).
TRADITIONAL_SHARE = 0.2
# OpenCC's conversions into traditional script: its own standard characters (爲, 裏, 衆), and
# the Hong Kong and Taiwan standards (為, 裡/裏, 眾).
_CONVERSIONS = ("s2t", "s2hk", "s2tw")


def is_traditional(text: str, simplified: str | None = None) -> bool:
    """Is the text written in traditional characters? (`simplified`: the text converted
    already.)"""
    simplified = to_simplified(text) if simplified is None else simplified
    if simplified == text:
        return False
    changed = sum(a != b for a, b in zip(text, simplified, strict=True))
    return changed > TRADITIONAL_SHARE * len(HAN_CHAR.findall(text))


@lru_cache(maxsize=3)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(f"{config}.json")


@lru_cache(maxsize=4096)
def in_simplified(form: str) -> bool:
    """Written in simplified characters: none that only traditional script has, and some
    that it writes otherwise (环境署, not 環境署, nor 公約 nor 台灣)."""
    return to_simplified(form) == form and _converter("s2t").convert(form) != form


class Traditional:
    """Forms put into one traditional-script document's characters: of OpenCC's conversions,
    the one whose characters the document itself uses most (為 in a Hong Kong text, 爲 in one
    that writes OpenCC's standard)."""

    def __init__(self, text: str) -> None:
        self.seen = frozenset(text)

    def convert(self, form: str) -> str:
        options = [_converter(c).convert(form) for c in _CONVERSIONS]
        return min(options, key=lambda o: sum(ch not in self.seen for ch in o))


def into_script(findings: list[Finding], text: str, traditional: bool) -> list[Finding]:
    """The findings with every suggestion (and its fix, and the message naming it) in the
    document's script: a traditional-script document gets no simplified suggestion, nor a
    simplified one a traditional suggestion (from a glossary built from HK or TW text). A
    finding whose suggestion, so put, is what the document wrote is no finding: a simplified
    page header above a traditional paper spells the paper's 香港特別行政區 its own way."""
    if traditional:
        script = Traditional(text)
        wrong, convert = in_simplified, script.convert
    else:
        wrong, convert = (lambda form: to_simplified(form) != form), to_simplified
    out = []
    for f in findings:
        if f.suggestion and wrong(f.suggestion):
            new = convert(f.suggestion)
            if new == f.found:
                continue
            edit = f.edit and Edit(f.edit.start, f.edit.end, convert(f.edit.text))
            f = replace(f, suggestion=new, message=f.message.replace(f.suggestion, new), edit=edit)
        out.append(f)
    return out
