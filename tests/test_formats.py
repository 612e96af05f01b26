"""Exchange formats: lossless round trips, schema validity, and real third-party files."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from termkit.build import build_glossary
from termkit.formats import delimited, tabular, tbx, tmx
from termkit.formats.registry import detect_format, load_glossary, save_glossary
from termkit.termbase.merge import conflicts_of
from termkit.termbase.model import Concept, Datum, Location, Term, Termbase

from .conftest import REPO, SEED000, SEED003, shared

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
TBX_NS = {"t": "urn:iso:std:iso:30042:ed-2"}
# format name, file suffix, writer options
LOSSLESS = [
    ("tbx", ".tbx", {}),
    ("tbx", ".tbx", {"numeric_ids": True}),
    ("tbx2008", ".tbx", {}),
    ("tmx", ".tmx", {}),
    ("csv", ".csv", {}),
    ("csv", ".csv", {"bom": True}),
    ("xlsx", ".xlsx", {}),
]


@pytest.fixture(scope="module")
def seeds_glossary() -> Termbase:
    return build_glossary([str(SEED000), str(SEED003)])


def rich_termbase() -> Termbase:
    """Every field set, markup characters, a multi-line note, four terms in one language."""
    loc = (Location("docs/a b.txt", 3, 7), Location("docs/c.txt", 10, 1))
    terms = (
        Term("联合国环境规划署", "zh", "fullForm", "preferred", 26, loc, ("a.txt", "b.txt")),
        Term("环境署", "zh", "shortForm", "preferred", 155, loc[:1], ("a.txt",), "UN usage"),
        Term("环境规划署", "zh", "shortForm", "admitted", 2, (), ("b.txt",)),
        Term("联合国环境署", "zh", "variant", "deprecated", 0, (), ()),
        Term("United Nations Environment Programme", "en", "fullForm", "preferred", 1),
        Term("UNEP", "en", "acronym", "superseded", 3, (), (), 'say "UNEP" & <not> UNEPP'),
    )
    concepts = (
        Concept(
            "c1669ea93c224",
            terms,
            ("a.txt", "b.txt"),
            "first line\nsecond line",
            "The UN body for the environment; est. 1972 & based in Nairobi.",
            "title",
            0.875,
            ("rule:bracket", "chars:环境署"),
        ),
        Concept("c2", (Term("开发署", "zh", "shortForm"),)),
    )
    return Termbase(concepts, conflicts_of(concepts))


@pytest.mark.parametrize(("fmt", "suffix", "options"), LOSSLESS)
def test_seeds_glossary_round_trip_is_lossless(seeds_glossary, tmp_path, fmt, suffix, options):
    path = tmp_path / f"glossary{suffix}"
    save_glossary(seeds_glossary, path, fmt, **options)
    back = load_glossary(path)
    assert len(back.concepts) == len(seeds_glossary.concepts)
    for before, after in zip(seeds_glossary.concepts, back.concepts, strict=True):
        assert after == before
    assert back.conflicts == seeds_glossary.conflicts
    assert back == seeds_glossary


@pytest.mark.parametrize(("fmt", "suffix", "options"), LOSSLESS)
def test_every_field_survives_a_round_trip(tmp_path, fmt, suffix, options):
    tb = rich_termbase()
    path = tmp_path / f"rich{suffix}"
    save_glossary(tb, path, fmt, **options)
    assert load_glossary(path) == tb


@pytest.mark.parametrize(("fmt", "suffix"), [("tbx", ".tbx"), ("tbx2008", ".tbx"), ("tmx", ".tmx")])
def test_xml_formats_keep_a_source_of_the_concept_alone(tmp_path, fmt, suffix):
    """The CSV layout derives a concept's sources from its terms'; TBX and TMX store both."""
    rich = rich_termbase()
    first = rich.concepts[0]
    tb = Termbase(
        (replace(first, sources=("UNTERM", *first.sources)), *rich.concepts[1:]), rich.conflicts
    )
    save_glossary(tb, tmp_path / f"g{suffix}", fmt)
    assert load_glossary(tmp_path / f"g{suffix}") == tb


@pytest.mark.parametrize("text", [tbx.dumps, tmx.dumps, delimited.dumps])
def test_output_is_deterministic(seeds_glossary, text):
    assert text(seeds_glossary) == text(seeds_glossary)


def test_tbx_validates_against_the_tbx_v3_schema(seeds_glossary):
    etree = pytest.importorskip("lxml.etree")
    rng = etree.RelaxNG(etree.parse(str(shared("data", "tbx", "TBXcoreStructV03.rng"))))
    for tb in (seeds_glossary, rich_termbase()):
        doc = etree.fromstring(tbx.dumps(tb))
        assert rng.validate(doc), rng.error_log
    astronomy = etree.parse(str(shared("data", "tbx", "Example_Astronomy_DCA_VALID.tbx")))
    assert rng.validate(astronomy)  # the schema is the real one


def _permitted(schematron: str, context: str) -> set[str]:
    """The values a TBX-Basic Schematron rule allows, read from its assert."""
    rule = re.search(rf'<rule context="{re.escape(context)}">\s*<assert test="([^"]*)"', schematron)
    assert rule, context
    return set(re.findall(r"\.='([^']*)'", rule.group(1)))


def test_tbx_uses_only_tbx_basic_categories_values_and_levels():
    etree = pytest.importorskip("lxml.etree")
    sch = shared("data", "tbx", "TBX-Basic_DCA.sch").read_text(encoding="utf-8-sig")
    doc = etree.fromstring(tbx.dumps(rich_termbase()))
    root = doc.getroottree().getroot()
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    for element, context in (
        ("admin", "tbx:admin/@type"),
        ("descrip", "tbx:descrip/@type"),
        ("termNote", "tbx:termNote/@type"),
    ):
        used = {e.get("type") for e in doc.iterfind(f".//t:{element}", TBX_NS)}
        assert used and used <= _permitted(sch, context), element
    for category, context in (
        ("termType", "tbx:termNote[@type='termType']"),
        ("administrativeStatus", "tbx:termNote[@type='administrativeStatus']"),
    ):
        used = {e.text for e in doc.iterfind(f".//t:termNote[@type='{category}']", TBX_NS)}
        assert used and used <= _permitted(sch, context), category
    # levels: termNote in termSec only, subjectField at conceptEntry, definition not in termSec
    assert all(
        etree.QName(e.getparent()).localname == "termSec"
        for e in doc.iterfind(".//t:termNote", TBX_NS)
    )
    for kind, levels in (("subjectField", {"conceptEntry"}), ("definition", {"conceptEntry"})):
        found = doc.iterfind(f".//t:descrip[@type='{kind}']", TBX_NS)
        assert {etree.QName(e.getparent()).localname for e in found} == levels


def test_numeric_ids_for_multiterm_keep_the_termkit_id(seeds_glossary):
    data = tbx.dumps(seeds_glossary, numeric_ids=True).decode()
    assert '<conceptEntry id="1">' in data and '"id": "c' in data


def test_tbx_keeps_a_second_term_per_language(seeds_glossary):
    data = tbx.dumps(seeds_glossary).decode()
    entry = data[data.index('<conceptEntry id="c1669ea93c224">') :].split("</conceptEntry>")[0]
    assert entry.count("<termSec>") == 4  # 联合国环境规划署, 环境署, 环境规划署, 规划署


def test_reads_a_real_multiterm_export():
    tb = load_glossary(shared("data", "tbx", "Example_Astronomy_DCA_VALID.tbx"))
    assert len(tb) == 45
    (cluster,) = [c for c in tb.concepts if c.label == "open cluster"]
    assert [(t.tag, t.text, t.status) for t in cluster.terms] == [
        ("en", "open cluster", "preferred"),
        ("en", "galactic cluster", "superseded"),
        ("es", "cúmulo abierto", ""),
    ]
    assert cluster.subject == "General"
    definitions = {tag: d.items[0].text for tag, d in cluster.lang_data if d.tag == "descripGrp"}
    assert definitions["en"] == "A group of stars formed together in the spiral arms of a galaxy."
    assert cluster.terms[1].note.startswith("Another name for an open star cluster. They are")
    assert {t.lang for c in tb.concepts for t in c.terms} == {"en", "es", "zu"}


def test_reads_tbx_v3_dct_style():
    (c,) = load_glossary(FIXTURES / "dct.tbx").concepts
    assert [(t.lang, t.text, t.type, t.status) for t in c.terms] == [
        ("zh", "联合国环境规划署", "fullForm", "preferred"),
        ("zh", "环境署", "shortForm", ""),
        ("en", "United Nations Environment Programme", "fullForm", ""),
        ("en", "UNEP", "acronym", ""),
    ]
    assert (c.subject, c.definition) == (
        "Environment",
        "The United Nations body for the environment.",
    )
    assert c.terms[1].sources == ("A/RES/2997",)


def test_reads_tbx_2008_tig_and_ntig_and_merges_by_zh_full_form(seeds_glossary):
    (c,) = load_glossary(FIXTURES / "martif_ntig.tbx").concepts
    assert [t.text for t in c.terms] == [
        "联合国开发计划署",
        "开发署",
        "United Nations Development Programme",
        "UNDP",
        "Programme des Nations Unies pour le développement",
    ]
    assert c.terms[4].lang == "fr"
    assert c.terms[2].sources == ("UNTERM",) and c.terms[2].status == "preferred"
    # a language section's definition stays in its language
    assert c.lang_data == (("en", Datum("descrip", "definition", "UN programme for development.")),)
    assert c.terms[1].variety == "zh-Hans"
    # no usable id (42): the id is the one termkit's extractor gives 联合国开发计划署
    assert c.id in seeds_glossary.by_id()


def test_reads_tico19_terminologies_in_the_pair_layout():
    fb = load_glossary(shared("data", "tico19-en-zh", "f_en-zh_CN.csv"))
    google = load_glossary(shared("data", "tico19-en-zh", "g_zh-CN_en.csv"))
    assert len(fb) == 277 and len(google) == 50
    aids = next(c for c in fb.concepts if any(t.text == "AIDS" for t in c.terms))
    assert [(t.lang, t.text) for t in aids.terms] == [("zh", "艾滋病（AIDS）"), ("en", "AIDS")]
    assert aids.sources == ("f_en-zh_CN.csv",)
    assert any(t.text == "无症状感染者" for c in google.concepts for t in c.terms)


def test_reads_tico19_tmx_as_units_and_as_glossary():
    path = shared("data", "tico19-en-zh", "all.en-zh.tmx")
    units = tmx.read_units(path)
    assert len(units) == 3071
    assert units[0] == tmx.TranslationUnit(
        "CMU_1:1",
        "这些症状已持续多长时间？",
        "about how long have these symptoms been going on?",
        3,
        "http://www.speech.cs.cmu.edu/haitian/text/1600_medical_domain_sentences.en",
    )
    tb = load_glossary(path)
    assert len(tb) > 3000 and all({t.lang for t in c.terms} == {"zh", "en"} for c in tb.concepts)


def test_concept_per_row_csv_with_locale_codes_semicolons_and_status():
    tb = load_glossary(FIXTURES / "concept_rows_semicolon.csv")
    who = next(c for c in tb.concepts if c.label == "世界卫生组织")
    assert [(t.lang, t.text, t.type, t.status) for t in who.terms] == [
        ("zh", "世界卫生组织", "fullForm", ""),
        ("zh", "世卫组织", "shortForm", "preferred"),
        ("en", "World Health Organization", "fullForm", ""),
        ("en", "WHO", "acronym", ""),
    ]
    assert who.note == "UN specialized agency"


def test_two_column_en_zh_csv_is_one_concept_per_row(tmp_path):
    tb = load_glossary(FIXTURES / "two_column.csv")
    assert sorted(c.label for c in tb.concepts) == ["世界卫生组织", "全球大流行"]
    # a spreadsheet's trailing empty column, and a language termkit does not keep
    (tmp_path / "wide.csv").write_text(
        "en,zh,fr,\npandemic,全球大流行,pandémie,\n", encoding="utf-8"
    )
    (c,) = load_glossary(tmp_path / "wide.csv").concepts
    assert [t.text for t in c.terms] == ["全球大流行", "pandemic", "pandémie"]


def test_concept_layout_export_reads_back_the_terms(seeds_glossary, tmp_path):
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"concepts{suffix}"
        save_glossary(seeds_glossary, path, layout="concept")
        back = load_glossary(path)
        assert [c.id for c in back.concepts] == [c.id for c in seeds_glossary.concepts]
        for before, after in zip(seeds_glossary.concepts, back.concepts, strict=True):
            assert [(t.lang, t.text, t.type, t.status) for t in after.terms] == [
                (t.lang, t.text, t.type, t.status) for t in before.terms
            ]
    header = tabular.table(seeds_glossary, "concept")[0]
    assert header[:3] == ["id", "zh", "zh status"] and "en acronym" in header


def test_bom_and_tab_and_semicolon_csv(seeds_glossary, tmp_path):
    path = tmp_path / "g.csv"
    save_glossary(seeds_glossary, path, bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfconcept_id,")
    rows = tabular.table(seeds_glossary)
    for sep in ("\t", ";"):
        text = "\n".join(sep.join(f'"{c}"' if sep in c else c for c in r) for r in rows)
        assert delimited.loads(text) == seeds_glossary


def test_format_is_sniffed_from_content(seeds_glossary, tmp_path):
    for fmt, name in (("tmx", "tm.xml"), ("tbx2008", "old.xml"), ("xlsx", "book.csv")):
        save_glossary(seeds_glossary, tmp_path / name, fmt)
        assert load_glossary(tmp_path / name) == seeds_glossary
    utf16 = tbx.dumps(seeds_glossary).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    (tmp_path / "multiterm.xml").write_bytes(utf16.encode("utf-16"))
    assert load_glossary(tmp_path / "multiterm.xml") == seeds_glossary
    assert detect_format(tmp_path / "tm.xml") == "tmx"
    assert detect_format(tmp_path / "book.csv") == "xlsx"


def test_loading_a_glossary_stays_light(seeds_glossary, tmp_path):
    """`termkit check --glossary` loads CSV, TBX and TMX without pandas, nltk or jieba."""
    for fmt, name in (("csv", "g.csv"), ("tbx", "g.tbx"), ("tmx", "g.tmx")):
        save_glossary(seeds_glossary, tmp_path / name, fmt)
    code = (
        "import sys\n"
        "from termkit.formats.registry import load_glossary\n"
        f"for name in ('g.csv', 'g.tbx', 'g.tmx'): load_glossary({str(tmp_path)!r} + '/' + name)\n"
        "print(sorted(m for m in ('pandas', 'nltk', 'jieba') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"


def test_tbx_2008_output_opens_in_translate_toolkit(seeds_glossary):
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsestring(tbx.dumps(seeds_glossary, version=2))
    assert [u.source for u in store.units] == [c.terms[0].text for c in seeds_glossary.concepts]


def test_reads_a_tmx_1_1_with_lang_attributes(tmp_path):
    (tmp_path / "old.tmx").write_text(
        '<?xml version="1.0"?>\n<tmx version="1.1"><header srclang="EN-US"/><body>\n'
        '<tu><tuv lang="EN-US"><seg>ventilator</seg></tuv><tuv lang="ZH-CN"><seg>呼吸机</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    assert tmx.read_units(tmp_path / "old.tmx") == [
        tmx.TranslationUnit("", "呼吸机", "ventilator", 3)
    ]
    (c,) = load_glossary(tmp_path / "old.tmx").concepts
    assert [(t.lang, t.text) for t in c.terms] == [("zh", "呼吸机"), ("en", "ventilator")]
