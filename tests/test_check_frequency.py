"""TK110 and the corpus frequency table: two wordings a corpus writes both, document after
document, are two terms (人权问题 / 人口问题), not a slip and its correction."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from termkit.build import document_termbase
from termkit.check.engine import check_text
from termkit.check.frequency import SHIPPED, Frequencies, document_table, dumps, load, total
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings
from termkit.errors import InputError
from termkit.extract.extractor import extract_document
from termkit.formats.registry import load_glossary
from termkit.text.decode import Document

from .conftest import REPO, SEED003, shared

ONLY_TK110 = Settings(enabled=frozenset({"TK110"}))
NGO = "2015/e/cn_9/2015/ngo/11"  # writes 人口问题 twice and 人权问题 once: two topics


def devset_documents() -> dict[str, str]:
    """The devset's documents, their lines in paragraph order (PDF breaks are repaired across
    lines, so the order makes windows)."""
    folder = shared("data", "unpc-v1.0-devset")
    ids = (folder / "UNv1.0.devset.ids").read_text("utf-8").splitlines()
    zh = (folder / "UNv1.0.devset.zh").read_text("utf-8").splitlines()
    docs: dict[str, list[tuple[tuple[int, ...], str]]] = defaultdict(list)
    for meta, line in zip(ids, zh, strict=True):
        symbol, *places = meta.split()
        place = next(p for p in places if p.startswith("zh:"))  # zh:paragraph:sentence
        docs[symbol].append((tuple(int(n) for n in place[3:].split(":")), line))
    return {d: "\n".join(line for _, line in sorted(rows)) + "\n" for d, rows in docs.items()}


def tk110(text: str, table: Frequencies) -> list[tuple[str, str]]:
    index = load_index(glossary_paths(Settings()))
    index.frequencies = table
    return [(f.found, f.suggestion) for f in check_text(text, "doc.txt", index, ONLY_TK110)]


def test_two_terms_the_rest_of_the_corpus_writes_both_are_no_slip(monkeypatch):
    # 人权 / 人口 are also two words of two meanings (termkit.check.meaning): that evidence is
    # left out here, so that the table alone decides
    monkeypatch.setattr("termkit.check.near.two_meanings", lambda variant, preferred: False)
    docs = devset_documents()
    text = docs.pop(NGO)
    assert tk110(text, Frequencies()) == [("人权问题", "人口问题")]
    others = total(document_table(t) for t in docs.values())
    assert others.documents_with("人权问题") >= 3 and others.documents_with("人口问题") >= 3
    assert tk110(text, Frequencies(others.documents, others.windows, 3)) == []
    # the cut-off is what decides: a corpus of fewer such documents says nothing
    assert tk110(text, Frequencies(others.documents, others.windows, 20)) == [
        ("人权问题", "人口问题")
    ]


def test_a_slip_no_document_writes_is_still_reported_with_the_shipped_table():
    findings = tk110(SEED003.read_text("utf-8"), load(SHIPPED))
    assert ("协调增效", "协同增效") in findings


def test_the_shipped_table_is_rebuilt_byte_for_byte_from_its_corpus():
    seeds = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    rows = [document_table(t) for t in [*devset_documents().values(), *seeds]]
    shipped = load(SHIPPED)
    rebuilt = total(reversed(rows))  # any order: the windows only add up
    assert rebuilt.documents == shipped.documents == 734
    text = dumps(Frequencies(rebuilt.documents, rebuilt.windows, shipped.min_documents))
    assert text == SHIPPED.read_text("utf-8")
    assert json.loads(text)["windows"] == {w: n for w, n in rebuilt.windows.items() if n >= 2}


def test_a_longer_form_counts_the_documents_of_its_rarest_window():
    table = total([document_table("外来入侵物种。"), document_table("外来入侵者，入侵物种。")])
    assert table.documents_with("外来入侵") == 2
    assert table.documents_with("外来入侵物种") == 1  # 来入侵物 is in one document only
    assert table.documents_with("外来") == 0


def test_a_file_that_is_no_table_is_a_one_line_error(tmp_path):
    bad = tmp_path / "table.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    with pytest.raises(InputError, match="cannot read the corpus frequency table"):
        load(bad)


def test_a_project_corpus_table_written_by_build_adds_up_with_the_shipped_one(tmp_path):
    from termkit.cli import main

    docs = devset_documents()
    text = docs.pop(NGO)
    corpus = [d for d, t in sorted(docs.items()) if "人权问题" in t or "人口问题" in t]
    files = []
    for n, d in enumerate(corpus):
        files.append(tmp_path / f"{n}.txt")
        files[-1].write_text(docs[d], "utf-8")
    out = tmp_path / "g.csv"
    assert main(["build", *map(str, files), "-o", str(out), "--usage", "-j", "1", "-q"]) == 0
    table = load(tmp_path / "g.frequency.json")
    assert table.documents == len(files) and table.min_documents == load(SHIPPED).min_documents
    alone = load_index([str(out)])  # the project's glossary only: its corpus decides
    alone_findings = check_text(text, "doc.txt", alone, ONLY_TK110)
    assert alone.frequencies.documents == len(files) and alone_findings == []
    both = load_index([*glossary_paths(Settings()), str(out)])
    assert both.frequencies.documents == 734 + len(files)
    copies = sum("人口问题" in docs[d] for d in corpus)  # the shipped table counts them too
    assert (
        both.frequencies.documents_with("人口问题")
        == load(SHIPPED).documents_with("人口问题") + copies
    )


def test_a_function_character_is_a_slip_inside_a_known_name_not_in_free_text():
    # Seed 003 defines 世界卫生组织（世卫组织）; 世卫过织 misspells it (过 is a particle).
    text = SEED003.read_text("utf-8")
    slipped = text.replace("世卫组织", "世卫过织", 2).replace("世卫过织", "世卫组织", 1)
    assert ("世卫过织", "世卫组织") in tk110(slipped, load(SHIPPED))
    # A Taiwan text writes 各國的人權; the project's other text defines 國際人權憲章: free text
    # beside a window of a known name, no slip of it.
    hant = REPO / "bench" / "annotated" / "un_pages_hant" / "docs"
    extracted = extract_document(
        Document("013.txt", (hant / "013.txt").read_text("utf-8"), "utf-8")
    )
    index = GlossaryIndex(
        [*map(load_glossary, glossary_paths(Settings())), document_termbase(extracted)]
    )
    assert "国际人权宪章" in index.keys
    index.frequencies = load(SHIPPED)
    taiwan = (hant / "012.txt").read_text("utf-8")
    assert "國的人權" in taiwan
    assert [
        f for f in check_text(taiwan, "012.txt", index, ONLY_TK110) if "的人權" in f.found
    ] == []


def test_a_numeral_for_a_letter_of_a_defined_name_is_a_slip_another_numeral_is_not():
    hant = REPO / "bench" / "annotated" / "un_pages_hant" / "docs"
    # A Hong Kong report defines 婦女事務委員會(婦委會); 委九會 types 九 for 員.
    report = (hant / "001.txt").read_text("utf-8")
    assert "立法會、婦委會、" in report
    slipped = report.replace("立法會、婦委會、", "立法會、婦女事務委九會、")
    assert tk110(slipped, load(SHIPPED)) == [("婦女事務委九會", "婦女事務委員會")]
    # A Taiwan page defines 第二十六屆締約方大會 (COP26): the 25th session is another meeting.
    cop = (hant / "020.txt").read_text("utf-8") + "第二十五屆締約方大會於2020年延期。\n"
    assert [f for f, _ in tk110(cop, load(SHIPPED)) if "締約方大會" in f] == []
