"""TK109: document symbols (UNEP/CBD/COP/11/INF/41) must be plain ASCII: full-width letters,
digits and slashes, and non-breaking or typographic hyphens, break search and links."""

from __future__ import annotations

import re

from termkit.check.collect import Collector
from termkit.check.document import Analysed
from termkit.check.finding import Edit
from termkit.text.normalize import FOLD

_ALNUM = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
_HYPHENS = "\\-\u2010\u2011\u2012\u2013\uff0d"
# Characters a symbol must not contain; most documents have none, and are not scanned.
_ODD = re.compile("[Ａ-Ｚａ-ｚ０-９／．\u2010\u2011\u2012\u2013\uff0d]")
# A dash between a symbol's closing number and another symbol's start joins two symbols
# (E/2017/L.29–E/HLPF/2017/L.2, a joint symbol): it belongs to neither. Inside a symbol a dash
# joins letters (UNEP/CBD/WG-RI/4).
_JOINT = "[A-ZＡ-Ｚ]{1,10}[/／]"
_HYPHEN = rf"(?:(?<![0-9０-９])[{_HYPHENS}]|[{_HYPHENS}](?!{_JOINT}))"
# The first letter opens the pattern and the look-behind follows it (`(?<![..].)`): the re
# engine skips ahead only to a literal or class a pattern opens with, and one opening with a
# look-behind was tried at every position of the text (7.6 -> 3.0 ms on 1 MB).
_SYMBOL = re.compile(
    rf"[A-ZＡ-Ｚ](?<![{_ALNUM}].)[A-ZＡ-Ｚ]{{0,9}}(?:[/／](?:[{_ALNUM}.．]|{_HYPHEN})*[{_ALNUM}])+"
)


def check(doc: Analysed, out: Collector) -> None:
    if not out.wants("TK109"):
        return
    if not _ODD.search(doc.original):
        return
    for m in _SYMBOL.finditer(doc.original):
        symbol = m.group()
        fixed = symbol.translate(FOLD)
        if fixed == symbol:
            continue
        out.add(
            "TK109",
            doc.place(m.start(), m.end()),
            f"document symbol {symbol} contains full-width or non-ASCII characters",
            symbol,
            fixed,
            Edit(m.start(), m.end(), fixed),
        )
