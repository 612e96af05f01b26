"""Language tags of exchange files, read as what they are and written as the user chooses.

Files say `zh`, `zh-CN`, `zh_CN`, `zh-Hans`, `zh-TW`, `cmn`, `en-US`, `eng`, `spa` … A tag is
read with langcodes (BCP 47): its primary language (ISO 639-1 where there is one, `cmn` and
other Chinese macrolanguage members folded into `zh`) becomes the term's `lang`, the whole
standardized tag its `variety` when it says more (`zh-TW`, `zh-Hans`, `en-US`), so zh-TW stays
zh-TW. A code that is not a language tag at all is an error, so a wrong column or attribute
is never mistaken for a language.

On writing, `retag` maps the model's tags to the ones a tool wants, for every format at once:
`--lang-tags zh=zh-CN,en=en-US`, or a preset (see `PRESETS` and docs/formats.md).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from termkit.errors import InputError
from termkit.termbase.model import Termbase

# Names that spreadsheet headers use for the six UN languages.
_NAMES = {
    "arabic": "ar",
    "chinese": "zh",
    "english": "en",
    "french": "fr",
    "russian": "ru",
    "spanish": "es",
    "中文": "zh",
    "汉语": "zh",
    "英文": "en",
    "英语": "en",
}
# Output presets. `as-read` writes each tag as the file or the build gave it (termkit's own
# terms are `zh` and `en`, the codes MultiTerm's own TBX export uses). `locale` gives every
# bare UN language the country locale that CAT tools list first for it; `script` names the
# Chinese script instead (zh-Hans, and zh-Hant for Taiwan, Hong Kong and Macao).
PRESETS: dict[str, dict[str, str]] = {
    "as-read": {},
    "locale": {
        "zh": "zh-CN",
        "zh-Hans": "zh-CN",
        "zh-Hant": "zh-TW",
        "en": "en-US",
        "fr": "fr-FR",
        "es": "es-ES",
        "ru": "ru-RU",
        "ar": "ar-SA",
    },
    "script": {"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant"},
}


@lru_cache(maxsize=4096)
def _standardize(code: str) -> tuple[str, str]:
    import langcodes  # only when a file names a language termkit has not seen in this run

    try:
        tag = langcodes.standardize_tag(code)
        primary = langcodes.standardize_tag(code, macro=True).split("-")[0]
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        return "", ""
    if not (primary.isascii() and primary.isalpha()):
        return "", ""
    return primary, tag


def parse_tag(code: str, where: str) -> tuple[str, str]:
    """(`lang`, `variety`) of a language code: `zh_TW` → (`zh`, `zh-TW`), `eng` → (`en`, ``)."""
    c = code.strip()
    if c.lower() in _NAMES:
        return _NAMES[c.lower()], ""
    primary, tag = _standardize(c.replace("_", "-")) if c else ("", "")
    if not primary or primary == "und":
        raise InputError(f"{where}: unknown language code {code!r}")
    return primary, "" if tag == primary else tag


def is_language_tag(code: str) -> bool:
    """True for a header cell that names a language: a two-letter code (`fr`, `zh_CN`,
    `en-US`), a three-letter code of a language that has a two-letter one (`spa`, `zho`) or
    `cmn`, or a language's name. A column called `pos` or `url` is not a language."""
    c = code.strip()
    if c.lower() in _NAMES:
        return True
    primary, _ = _standardize(c.replace("_", "-")) if c else ("", "")
    return len(primary) == 2


class LangTags:
    """The tags a writer puts out: the model's tag, mapped as the user asked."""

    def __init__(self, spec: str = "") -> None:
        self.mapping: dict[str, str] = {}
        for part in (p.strip() for p in spec.split(",") if p.strip()):
            if part in PRESETS:
                self.mapping.update(PRESETS[part])
                continue
            source, sep, target = part.partition("=")
            if not sep:
                raise InputError(
                    f"--lang-tags: {part!r} is neither FROM=TO nor a preset ({', '.join(PRESETS)})"
                )
            self.mapping[_checked(source)] = _checked(target)

    def __call__(self, tag: str) -> str:
        return self.mapping.get(tag, tag)


def retag(tb: Termbase, spec: str) -> Termbase:
    """The termbase with its language tags mapped as `spec` says (`LangTags`)."""
    tags = LangTags(spec)
    if not tags.mapping:
        return tb

    def term(t):
        tag = tags(t.tag)
        lang = tag.split("-")[0]
        return replace(t, lang=lang, variety="" if tag == lang else tag)

    concepts = tuple(
        replace(
            c,
            terms=tuple(term(t) for t in c.terms),
            lang_data=tuple((tags(tag), d) for tag, d in c.lang_data),
        )
        for c in tb.concepts
    )
    return replace(tb, concepts=concepts)


def _checked(code: str) -> str:
    lang, variety = parse_tag(code, "--lang-tags")
    return variety or lang
