"""How a corpus uses its short forms: in how many documents each is used, and in how many of
those it is used without being defined.

A short form that documents of the corpus use undefined as a rule (开发署, 儿基会, 粮农组织 in
FAO's own papers) is one its readers know: asking for its definition (TK101) is a false alarm.
The table is gathered over a corpus with the glossary built from it (`termkit build --usage`),
one document at a time, and kept beside that glossary (`glossary.csv` → `glossary.usage.json`);
tables add up, so the tables of the glossaries in force merge in any order, as the glossaries
do. The cut-off (how many documents, what share of them undefined) is fitted by
`bench/fit_usage.py` and kept in `termkit/data/usage_rule.json`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from termkit.errors import InputError

_FORMAT = "termkit-short-form-usage-1"
_DATA = Path(__file__).resolve().parents[1] / "data"
RULE = _DATA / "usage_rule.json"


@dataclass(frozen=True)
class Usage:
    """`forms`: short form key → (documents using it, documents using it undefined)."""

    documents: int = 0
    forms: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __add__(self, other: Usage) -> Usage:
        forms = dict(self.forms)
        for key, (used, undefined) in other.forms.items():
            u, n = forms.get(key, (0, 0))
            forms[key] = (u + used, n + undefined)
        return Usage(self.documents + other.documents, forms)


class Cutoff(NamedTuple):
    """At least `min_documents` documents use the form, and `min_undefined_share` of them
    without a definition."""

    min_documents: int
    min_undefined_share: float

    def holds(self, usage: Usage, key: str) -> bool:
        used, undefined = usage.forms.get(key, (0, 0))
        return used >= self.min_documents and undefined >= self.min_undefined_share * used


NEVER = Cutoff(10**9, 1.0)


class Often(NamedTuple):
    """The document uses the form at least `min_uses` times and never writes its full form:
    it is the body the document is by or about (粮农组织 in an FAO paper, 观察员部队 in the
    reports on that force), which its readers know by that name."""

    min_uses: int

    def holds(self, bare_uses: int) -> bool:
        return bare_uses >= self.min_uses


NOT_OFTEN = Often(10**9)


class Rule(NamedTuple):
    """A short form is established when the corpus uses it undefined as a rule: `everywhere`,
    or, with a weaker cut-off, `where_none_defined`: in a document that defines no short form
    of its own (one written for readers who know the names, or an excerpt). A document that
    defines its short forms follows the define-on-first-use rule, and one it leaves undefined
    is more likely an omission there."""

    everywhere: Cutoff
    where_none_defined: Cutoff = NEVER
    # In a document that defines no short form and leaves several undefined, leaving them bare
    # is its practice (it is written for readers who know the names, or is an excerpt), not
    # one omission: the weakest cut-off.
    where_several_undefined: Cutoff = NEVER
    # In a document that defines none: the form used often there, its full form never
    # written (`Often`), with no corpus evidence needed.
    where_used_often: Often = NOT_OFTEN

    def established(
        self,
        usage: Usage,
        key: str,
        document_defines: bool = False,
        others_undefined: bool = False,
        bare_uses: int = 0,
    ) -> bool:
        """`bare_uses`: how often the document uses the form, 0 where it writes its full
        form somewhere (a definition dropped, or a name written out and then shortened)."""
        if self.everywhere.holds(usage, key):
            return True
        if document_defines:
            return False
        if self.where_none_defined.holds(usage, key) or self.where_used_often.holds(bare_uses):
            return True
        return others_undefined and self.where_several_undefined.holds(usage, key)


PARTS = ("everywhere", "where_none_defined", "where_several_undefined")


@lru_cache(maxsize=1)
def fitted_rule() -> Rule:
    """The rule in `usage_rule.json`; a cut-off written `null` (or left out) never holds."""
    data = json.loads(RULE.read_text("utf-8"))
    parts = (data.get(part) for part in PARTS)
    often = data.get("where_used_often")
    return Rule(
        *(NEVER if part is None else Cutoff(**part) for part in parts),
        NOT_OFTEN if often is None else Often(**often),
    )


def beside(glossary: str | Path) -> Path:
    """Where the usage table of a glossary file is kept."""
    return Path(glossary).with_suffix(".usage.json")


def tables_of(glossaries: Iterable[str | Path]) -> Usage:
    """The merged usage tables of the glossaries that have one."""
    return total(load(u) for g in glossaries if (u := beside(g)).is_file())


def total(tables: Iterable[Usage]) -> Usage:
    """The sum of many tables, counted in one pass (`+` copies its operands)."""
    documents, used, undefined = 0, Counter(), Counter()
    for table in tables:
        documents += table.documents
        for key, (u, n) in table.forms.items():
            used[key] += u
            undefined[key] += n
    return Usage(documents, {key: (used[key], undefined[key]) for key in used})


def document_usage(text: str, glossary) -> Usage:
    """One document's row of the table: every short form of the glossary (or of the
    document's own definitions) it uses, and whether it defines it."""
    from termkit.check.document import Analysed

    return usage_of(Analysed(text), glossary)


def usage_of(doc, glossary) -> Usage:
    """`document_usage` of a document analysed already (`termkit.check.document.Analysed`)."""
    from termkit.check.definitions import find_definitions
    from termkit.check.matcher import find_hits
    from termkit.text.normalize import HAN_CHAR, normalize

    definitions = find_definitions(doc, glossary.zh_full_keys)
    defined = {normalize(d.short) for d in definitions}
    shorts = {k for k in defined if HAN_CHAR.search(k)} | glossary.zh_short_keys
    fulls = {normalize(d.full) for d in definitions}
    used = {h.key for h in find_hits(doc, [*glossary.keys, *defined, *fulls])} & shorts
    return Usage(1, {k: (1, int(k not in defined)) for k in sorted(used)})


def dumps(usage: Usage) -> str:
    """Sorted JSON, one form a line, so that a rebuilt table diffs cleanly."""
    rows = ",\n".join(
        f"  {json.dumps(k, ensure_ascii=False)}: [{u}, {n}]"
        for k, (u, n) in sorted(usage.forms.items())
    )
    head = f'{{"format": "{_FORMAT}", "documents": {usage.documents}, "forms": {{\n'
    return head + rows + "\n}}\n"


def load(path: str | Path) -> Usage:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        if data.get("format") != _FORMAT:
            raise ValueError(f"not a {_FORMAT} table")
        forms = {str(k): (int(u), int(n)) for k, (u, n) in data["forms"].items()}
        return Usage(int(data["documents"]), forms)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}: cannot read the usage table: {exc}") from None
