"""TK101 (a short form used without definition) on real UN-system text: Macao's publication of
the Kigali Amendment (bench/annotated/un_pages_hant2/docs/022.txt), checked with a project
glossary built from the paper's own definition."""

from __future__ import annotations

from functools import cache

from termkit.build import document_termbase
from termkit.check.engine import check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths
from termkit.check.settings import Settings
from termkit.extract.extractor import extract_document
from termkit.formats.registry import load_glossary
from termkit.text.decode import Document

from .conftest import REPO

HANT2 = REPO / "bench" / "annotated" / "un_pages_hant2" / "docs"
ONLY_TK101 = Settings(enabled=frozenset({"TK101"}))


def lines(name: str, first: int, last: int) -> str:
    """Lines `first`..`last` (1-based) of a TRAIN paper."""
    text = (HANT2 / name).read_text("utf-8").splitlines()
    return "\n".join(text[first - 1 : last]) + "\n"


@cache
def kigali_glossary() -> GlossaryIndex:
    """The shipped glossary and the terms of 022's opening, which defines
    《〈關於消耗臭氧層物質的蒙特利爾議定書〉基加利修正案》(下稱“《基加利修正案》”)."""
    opening = Document("022.txt", lines("022.txt", 1, 10), "utf-8")
    extracted = document_termbase(extract_document(opening))
    return GlossaryIndex([*map(load_glossary, glossary_paths(Settings())), extracted])


def tk101(text: str) -> list[str]:
    return [f.found for f in check_text(text, "draft.txt", kigali_glossary(), ONLY_TK101)]


def test_the_short_title_after_a_cited_title_needs_its_definition():
    # 基加利修正案 ends its full form, but after the cited 〈…議定書〉, not after a prefix or an
    # owner: it is the amendment's own short title, not an ordinary tail (执行主任, 外交部).
    assert tk101(lines("022.txt", 11, 11)) == ["基加利修正案"]
    assert tk101(lines("022.txt", 1, 11)) == []  # defined on line 7
