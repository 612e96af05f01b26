"""The index's Chinese short and full keys, made in one pass, are those their definitions
give, on the shipped glossary and on one with retired short forms and English terms."""

from __future__ import annotations

from termkit.check.glossary import GlossaryIndex, role
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings
from termkit.termbase.model import Concept, Term, Termbase


def by_definition(index: GlossaryIndex) -> tuple[frozenset[str], frozenset[str]]:
    items = index.by_key.items()
    short = {k for k, es in items if any(e.term.lang == "zh" and role(e.term) == "short" and not e.retired for e in es)}  # fmt: skip
    full = {k for k, es in items if any(e.term.lang == "zh" and role(e.term) == "full" for e in es)}  # fmt: skip
    return frozenset(short), frozenset(full)


def test_zh_keys_are_their_definitions():
    shipped = load_index(glossary_paths(Settings()))
    assert shipped.zh_short_keys and shipped.zh_full_keys
    assert (shipped.zh_short_keys, shipped.zh_full_keys) == by_definition(shipped)
    terms = (
        Term("联合国环境规划署", "zh", type="fullForm"),
        Term("环境署", "zh", type="shortForm"),
        Term("规划署", "zh", type="shortForm", status="deprecated"),
        Term("UNEP", "en", type="acronym"),
        Term("环境规划署", "zh", type="shortForm", status="superseded"),
        Term("环境规划署", "zh", type="variant"),
    )
    made = GlossaryIndex([Termbase((Concept("c1", terms),))])
    assert made.zh_short_keys == {"环境署"}
    assert made.zh_full_keys == {"联合国环境规划署", "环境规划署"}
    assert (made.zh_short_keys, made.zh_full_keys) == by_definition(made)
