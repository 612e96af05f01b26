"""The rule table: every check termkit makes, as data (stable code, default severity, switch).

Codes are stable: a code is never reused for another check, so configuration files, inline
suppressions and CI baselines keep their meaning across releases. TK1xx check a Chinese
document, TK2xx a bilingual file.
"""

from __future__ import annotations

from typing import NamedTuple

# `hint`: a finding below the fitted confidence threshold (`termkit.check.confidence`); no
# rule has it as its default.
SEVERITIES = ("hint", "info", "warning", "error")


class Rule(NamedTuple):
    code: str
    name: str
    severity: str
    enabled: bool
    fixable: bool
    description: str


RULES: tuple[Rule, ...] = (
    Rule(
        "TK101",
        "undefined-short-form",
        "error",
        True,
        False,
        "A glossary short form is used but the document never defines it; its first use must "
        "be written FULL（SHORT）.",
    ),
    Rule(
        "TK102",
        "short-form-before-definition",
        "error",
        True,
        False,
        "A short form is used before the document defines it.",
    ),
    Rule(
        "TK103",
        "inconsistent-short-form",
        "warning",
        True,
        False,
        "A short form other than the one the document defines for that full form "
        "(the document defines 联合国环境规划署（环境署） and later writes 环境规划署).",
    ),
    Rule(
        "TK104",
        "conflicting-definition",
        "error",
        True,
        False,
        "One short form is defined with two different full forms, in the document or against "
        "the glossary.",
    ),
    Rule(
        "TK105",
        "duplicate-definition",
        "warning",
        True,
        False,
        "A short form is defined a second time with the same name read another way (区域世界卫生组织 "
        "/ 世界卫生组织, 亚洲及太平洋经济和社会委员会 / 亚洲及太平洋经济社会委员会); the same "
        "definition repeated is allowed.",
    ),
    Rule(
        "TK106",
        "deprecated-term",
        "error",
        True,
        True,
        "A term the glossary marks deprecated or superseded; the fix writes the preferred term.",
    ),
    Rule(
        "TK107",
        "non-preferred-term",
        "info",
        False,
        False,
        "An admitted term where the glossary has a preferred one of the same kind, and the "
        "document does not define the admitted form itself.",
    ),
    Rule(
        "TK108",
        "width-or-script-variant",
        "warning",
        True,
        True,
        "A known term written with other character widths, hyphens, quotes or script than "
        "the glossary (or the document's definition) gives: 降排＋ for 降排+, 環境署 for 环境署 "
        "(环境署 for 環境署 in a traditional-script document).",
    ),
    Rule(
        "TK109",
        "document-symbol-characters",
        "warning",
        True,
        True,
        "A document symbol written with full-width letters, digits or slashes or a non-ASCII "
        "hyphen (U+2011): A/ＲＥＳ/70/1, UNEP/CBD/WG‑RI/4.",
    ),
    Rule(
        "TK110",
        "near-variant",
        "warning",
        True,
        False,
        "Two forms of one term of four or more Chinese characters that differ by one inner "
        "character or two swapped inner characters (外来侵入物种 / 外来入侵物种).",
    ),
    Rule(
        "TK111",
        "full-form-after-definition",
        "info",
        False,
        False,
        "The full form is written out again after its short form was defined.",
    ),
    Rule(
        "TK112",
        "full-form-before-definition",
        "info",
        False,
        False,
        "The full form is written out before the place where its short form is defined (the "
        "definition belongs at the first use); reported once per full form.",
    ),
    Rule(
        "TK113",
        "mixed-width",
        "warning",
        True,
        True,
        "The document writes the same sign in both widths: ％ and %, － and - between Chinese "
        "characters, （c） and (c) in paragraph references, （SHORT） and (SHORT) in definitions. "
        "The minority form is reported, the majority suggested.",
    ),
    Rule(
        "TK114",
        "established-short-form-undefined",
        "info",
        False,
        False,
        "A short form the corpus mostly uses without definition (粮农组织 in FAO's own papers) "
        "is used undefined where its readers know it (the rule fitted by bench/fit_usage.py, "
        "in termkit/data/usage_rule.json); TK101 reports the others.",
    ),
    Rule(
        "TK115",
        "bare-title",
        "info",
        True,
        False,
        "A title the document writes in title marks (《名古屋议定书》) written bare elsewhere as a "
        "name of its own (执行名古屋议定书以促进…); not where it opens or ends a longer name "
        "(生物多样性公约秘书处).",
    ),
    Rule(
        "TK116",
        "angle-sign-title",
        "warning",
        True,
        True,
        "A title the document writes in title marks written between less-than and greater-than "
        "signs (<卡塔赫纳生物安全议定书>); the fix writes 〈〉 inside another title, 《》 elsewhere.",
    ),
    Rule(
        "TK201",
        "missing-target-term",
        "warning",
        True,
        False,
        "A bilingual segment whose source contains a glossary term but whose target contains "
        "none of the glossary's terms for it in the target language (either direction).",
    ),
    Rule(
        "TK202",
        "unmatched-target-term",
        "info",
        False,
        False,
        "The key-term check the other way: a bilingual segment whose target contains a glossary "
        "term while its source contains none of the glossary's terms for it in the source "
        "language (an added or mistranslated concept).",
    ),
    Rule(
        "TK203",
        "number-mismatch",
        "error",
        True,
        False,
        "A bilingual segment whose source and target do not have the same numbers (compared "
        "as values: 1,000 = 1 000, 10 million = 1 000万; a number in words satisfies one in "
        "digits).",
    ),
    Rule(
        "TK204",
        "tag-mismatch",
        "error",
        True,
        False,
        "A bilingual segment whose source and target do not have the same inline codes "
        "(XLIFF and TMX tags by name and id, PO placeholders such as %s and {0}).",
    ),
)

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def rule(code_or_name: str) -> Rule | None:
    """A rule by its code (`TK101`) or its name (`undefined-short-form`)."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
