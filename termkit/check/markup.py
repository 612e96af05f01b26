"""What in a Markdown file is not prose: code blocks and spans, URLs and link targets.

They are masked before checking, character for character (so every offset, line and column
stays the user's), with a sign that no name crosses: a document symbol in a code span or a
short form inside a URL is no finding.
"""

from __future__ import annotations

import re

from termkit.text.lazy import lazy
from termkit.text.normalize import CJK_PUNCT, HAN

MARKDOWN_SUFFIXES = (".md", ".markdown")
MASK = "|"
_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = lazy(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_AUTOLINK = lazy(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
_LINK_TARGET = lazy(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_REFERENCE = lazy(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
# A bare URL ends at a space, a bracket or Chinese text: UN Chinese glues prose to URLs.
_URL = lazy(rf"\b(?:https?|ftp)://[^\s<>()（）{HAN}{CJK_PUNCT}]+")


def is_markdown(path: str) -> bool:
    name = path.lower()
    for suffix in (".gz", ".xz"):
        name = name.removesuffix(suffix)
    return name.endswith(MARKDOWN_SUFFIXES)


def mask_markdown(text: str) -> str:
    """The text with code, URLs and link targets replaced by MASK (line breaks kept)."""
    chars = list(text)
    for start, end in _spans(text):
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = MASK
    return "".join(chars)


def _spans(text: str) -> list[tuple[int, int]]:
    spans = []
    fence, opened, pos = None, 0, 0
    for line in text.splitlines(keepends=True):
        m = _FENCE.match(line)
        if fence is None and m:
            fence, opened = m.group(1), pos
        elif (
            fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)
        ):
            spans.append((opened, pos + len(line)))
            fence = None
        pos += len(line)
    if fence is not None:
        spans.append((opened, len(text)))  # an unclosed fence runs to the end, as CommonMark says
    prose = _outside(text, spans)
    for pattern in (_CODE_SPAN, _AUTOLINK, _LINK_TARGET, _REFERENCE, _URL):
        for start, end in prose:
            spans += [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    return spans


def _outside(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append((pos, start))
        pos = end
    out.append((pos, len(text)))
    return out
