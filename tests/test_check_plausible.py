"""TK103 for other plausible short forms of a defined name, on real Hong Kong and Taiwan text
(bench/annotated/un_pages_hant) checked with a project glossary built from another paper."""

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

HANT = REPO / "bench" / "annotated" / "un_pages_hant" / "docs"
ONLY_TK103 = Settings(enabled=frozenset({"TK103"}))


def paper(name: str) -> str:
    return (HANT / name).read_text("utf-8")


@cache
def project_glossary() -> GlossaryIndex:
    """The shipped glossary and the terms of papers that call their convention 《公約》 (015)
    and their committee 委員會 (007): a glossary built from them holds both bare heads as short
    forms."""
    extracted = [
        document_termbase(extract_document(Document(name, paper(name), "utf-8")))
        for name in ("007.txt", "015.txt")
    ]
    return GlossaryIndex([*map(load_glossary, glossary_paths(Settings())), *extracted])


def tk103(text: str) -> list[tuple[str, str | None]]:
    found = check_text(text, "draft.txt", project_glossary(), ONLY_TK103)
    return [(f.found, f.suggestion) for f in found]


def test_a_known_head_inside_another_wording_of_the_name_hides_nothing():
    # 035 defines 《保護世界文化和自然遺產公約》(簡稱《世界遺產公約》), then writes 《世界遺產公約》;
    # written 《世界文化和自然遺產公約》 instead, the name is another wording though its head
    # 公約 is some convention's short form in the project glossary.
    index = project_glossary()
    assert "公约" in index.zh_short_keys and "委员会" in index.zh_short_keys
    original = paper("035.txt")
    assert "生效的《世界遺產公約》" in original
    draft = original.replace("生效的《世界遺產公約》", "生效的《世界文化和自然遺產公約》")
    assert ("世界文化和自然遺產公約", "世界遺產公約") in tk103(draft)
    assert [f for f, _ in tk103(original) if "文化和自然" in f] == []


def test_a_known_head_glued_to_another_name_is_that_name_not_a_short_form():
    # 001 defines 婦女事務委員會(婦委會) and writes 立法會政制事務委員會, another committee;
    # 015 names 《一九五二年婦女政治權利公約》 after defining ICCPR for
    # 《公民權利和政治權利國際公約》: another convention.
    assert [f for f, _ in tk103(paper("001.txt")) if f.endswith("事務委員會")] == []
    taiwan = paper("015.txt")
    assert "婦女政治權利公約" in taiwan
    assert [f for f, _ in tk103(taiwan) if f.endswith("政治權利公約")] == []
