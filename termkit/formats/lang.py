"""Language codes of exchange files mapped to termkit's two languages.

Files say `zh`, `zh-CN`, `zh_CN`, `zh-Hans`, `zh-TW`, `cmn`, `en-US`, `eng` … termkit keeps zh
and en. Another well-formed language (the Spanish of a multilingual MultiTerm export) is
skipped and reported once per file; a code that is not a language tag at all is an error, so a
wrong column or attribute is never mistaken for a language.
"""

from __future__ import annotations

import re
from collections import Counter

from termkit.errors import InputError

_PRIMARY = {"zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "en": "en", "eng": "en"}
# Two-letter primary subtags, or the three-letter codes of zh and en: a column named `pos` or
# `url` is not taken for a language.
_TAG = re.compile(r"(?:[A-Za-z]{2}|zho|chi|cmn|eng)(?:[-_][A-Za-z0-9]{1,8})*", re.IGNORECASE)
_NAMES = {"chinese": "zh", "english": "en", "中文": "zh", "汉语": "zh", "英文": "en", "英语": "en"}


def is_language_tag(code: str) -> bool:
    """True for anything shaped like a BCP 47 / POSIX language code (`fr`, `zh_CN`, `en-US`)."""
    return bool(_TAG.fullmatch(code.strip())) or code.strip().lower() in _NAMES


def termkit_lang(code: str, where: str) -> str | None:
    """'zh' or 'en' for a code of Chinese or English, None for another language."""
    c = code.strip()
    if c.lower() in _NAMES:
        return _NAMES[c.lower()]
    if not _TAG.fullmatch(c):
        raise InputError(f"{where}: unknown language code {code!r}")
    return _PRIMARY.get(c.replace("_", "-").split("-")[0].lower())


class LanguageFilter:
    """Maps the codes of one file and counts what it skips, to report it once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.skipped: Counter[str] = Counter()

    def __call__(self, code: str, where: str | None = None) -> str | None:
        lang = termkit_lang(code, where or self.path)
        if lang is None:
            self.skipped[code.strip()] += 1
        return lang

    def report(self) -> None:
        if self.skipped:
            langs = ", ".join(f"{k} ({n})" for k, n in sorted(self.skipped.items()))
            import logging  # only here: the light check path never pays for it

            logging.getLogger("termkit.formats").warning(
                f"{self.path}: skipped entries in other languages: {langs}"
            )
