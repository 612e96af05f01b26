"""Any language through every format: the six UN languages, real MultiTerm TBX, language tags."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from termkit.check.glossary import GlossaryIndex
from termkit.cli import main
from termkit.errors import InputError
from termkit.formats import tbx, tmx
from termkit.formats.lang import parse_tag, retag
from termkit.formats.registry import load_glossary, save_glossary
from termkit.termbase.merge import conflicts_of
from termkit.termbase.model import Concept, Datum, Location, Term, Termbase, transaction

from .conftest import shared

ASTRONOMY = ("data", "tbx", "Example_Astronomy_DCA_VALID.tbx")
FORMATS = [
    ("tbx", ".tbx", {}),
    ("tbx", ".tbx", {"numeric_ids": True}),
    ("tbx2008", ".tbx", {}),
    ("tmx", ".tmx", {}),
    ("csv", ".csv", {}),
    ("csv", ".csv", {"bom": False}),
    ("xlsx", ".xlsx", {}),
]


def six_languages() -> Termbase:
    """Two UN concepts in Arabic, Chinese (simplified and Taiwan), English, French, Russian
    and Spanish, with statuses, notes, a part of speech, a context with its source, a
    transaction and a language section's definition."""
    loc = (Location("A_RES_2997.txt", 4, 2),)
    when = transaction("modification", "2026-11-30", "terminologist")
    pos = Datum("termNote", "partOfSpeech", "noun")
    context = Datum(
        "descripGrp",
        items=(
            Datum("descrip", "context", "Le PNUE a été créé en 1972."),
            Datum("admin", "source", "A/RES/2997 (XXVII)"),
        ),
    )
    unep = Concept(
        "c1669ea93c224",
        (
            Term("联合国环境规划署", "zh", "fullForm", "preferred", 3, loc, ("a.txt",)),
            Term("环境署", "zh", "shortForm", "preferred", 9, loc),
            Term("聯合國環境規劃署", "zh", "fullForm", "admitted", variety="zh-TW"),
            Term("United Nations Environment Programme", "en", "fullForm", "preferred"),
            Term("UNEP", "en", "acronym", "preferred", data=(when,)),
            Term("برنامج الأمم المتحدة للبيئة", "ar", "fullForm", "preferred"),
            Term("Programa de las Naciones Unidas para el Medio Ambiente", "es", "fullForm"),
            Term("PNUMA", "es", "acronym", note="siglas en español"),
            Term("Programme des Nations Unies pour l'environnement", "fr", data=(pos, context)),
            Term("PNUE", "fr", "acronym", "preferred"),
            Term("Программа Организации Объединенных Наций по окружающей среде", "ru"),
            Term("ЮНЕП", "ru", "acronym", "deprecated", note='не "UNEP" & <не> ЮНЕПП'),
        ),
        ("a.txt",),
        "a UN programme",
        "The leading global environmental authority.",
        "environment",
        0.9,
        ("rule:bracket",),
        data=(when, Datum("xref", "xGraphic", "logo.png", (("target", "https://unep.org/l"),))),
        lang_data=(
            ("en", Datum("descrip", "definition", "UN body for the environment.")),
            ("ru", Datum("note", text="официальное название")),
        ),
    )
    who = Concept(
        "c0aa2b4d5e6f7",
        (
            Term("World Health Organization", "en", "fullForm", "preferred"),
            Term("منظمة الصحة العالمية", "ar"),
            Term("Organización Mundial de la Salud", "es"),
            Term("Organisation mondiale de la Santé", "fr"),
            Term("Всемирная организация здравоохранения", "ru"),
        ),
    )
    concepts = (who, unep)
    return Termbase(concepts, conflicts_of(concepts))


@pytest.mark.parametrize(("fmt", "suffix", "options"), FORMATS)
def test_six_languages_round_trip_byte_stably(tmp_path, fmt, suffix, options):
    tb = six_languages()
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    save_glossary(tb, first, fmt, **options)
    back = load_glossary(first)
    assert back == tb
    save_glossary(back, second, fmt, **options)
    assert first.read_bytes() == second.read_bytes()


def _facts(entry) -> Counter:
    """Every text of an entry with the path of elements, data categories and languages above
    it, and the element's other attributes; whitespace folded, order ignored."""
    from lxml import etree

    found: Counter = Counter()

    def walk(e, path):
        name = etree.QName(e).localname
        step = (name, e.get("type", ""), e.get("{http://www.w3.org/XML/1998/namespace}lang", ""))
        here = (*path, step)
        children = [c for c in e if isinstance(c.tag, str)]
        if not children:
            attrs = tuple(sorted((k, v) for k, v in e.attrib.items() if k not in ("type", "id")))
            found[(here, " ".join((e.text or "").split()), attrs)] += 1
        for c in children:
            walk(c, here)

    for c in entry:
        if isinstance(c.tag, str):
            walk(c, ())
    return found


def _entries(root) -> dict[frozenset, Counter]:
    """The facts of each entry, by its set of (language, term)."""
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    out = {}
    for entry in root.iterfind(".//t:conceptEntry", ns):
        terms = frozenset(
            (sec.get("{http://www.w3.org/XML/1998/namespace}lang"), t.text)
            for sec in entry.iterfind("t:langSec", ns)
            for t in sec.iterfind("t:termSec/t:term", ns)
        )
        out[terms] = _facts(entry)
    return out


def test_the_ltac_multiterm_example_round_trips_entry_by_entry(tmp_path):
    from lxml import etree

    source = shared(*ASTRONOMY)
    tb = load_glossary(source)
    assert len(tb) == 45
    assert Counter(t.lang for c in tb.concepts for t in c.terms) == {"en": 55, "es": 52, "zu": 6}
    out = tmp_path / "astronomy.tbx"
    save_glossary(tb, out)
    rng = etree.RelaxNG(etree.parse(str(shared("data", "tbx", "TBXcoreStructV03.rng"))))
    exported = etree.parse(str(out))
    assert rng.validate(exported), rng.error_log
    before, after = _entries(etree.parse(str(source)).getroot()), _entries(exported.getroot())
    assert before.keys() == after.keys()
    # what termkit adds: the file as the source of terms that name none
    provenance = ("admin", "source", "")
    for terms, facts in before.items():
        added = after[terms] - facts
        assert facts - after[terms] == Counter(), sorted(terms)
        assert all(path[-1] == provenance and text == source.name for path, text, _ in added)
    # and the back matter the transactions point to
    assert b"Tommy Tomolonis" in out.read_bytes()
    assert load_glossary(out) == tb


@pytest.mark.parametrize(
    ("code", "lang", "variety"),
    [
        ("zh", "zh", ""),
        ("zh-CN", "zh", "zh-CN"),
        ("zh_cn", "zh", "zh-CN"),
        ("zh-hans", "zh", "zh-Hans"),
        ("ZH-TW", "zh", "zh-TW"),
        ("zh-Hant", "zh", "zh-Hant"),
        ("zh-Hant-HK", "zh", "zh-Hant-HK"),
        ("zho", "zh", ""),
        ("chi", "zh", ""),
        ("cmn", "zh", "cmn"),
        ("en-us", "en", "en-US"),
        ("ara", "ar", ""),
        ("fr-CA", "fr", "fr-CA"),
        ("Spanish", "es", ""),
    ],
)
def test_language_tags_are_read_as_what_they_are(code, lang, variety):
    assert parse_tag(code, "x") == (lang, variety)


@pytest.mark.parametrize("code", ["1x", "kling0n!", "", "und"])
def test_a_code_that_is_not_a_language_is_an_error(code):
    with pytest.raises(InputError, match="unknown language code"):
        parse_tag(code, "x")


def test_lang_tags_map_on_output(tmp_path, capsys):
    src = tmp_path / "six.csv"
    save_glossary(six_languages(), src)
    out = tmp_path / "six.tbx"
    assert main(["export", str(src), "-o", str(out), "--lang-tags", "locale,ar=ar-EG", "-q"]) == 0
    text = out.read_text(encoding="utf-8")
    for tag in ("zh-CN", "zh-TW", "en-US", "fr-FR", "es-ES", "ru-RU", "ar-EG"):
        assert f'xml:lang="{tag}"' in text, tag
    assert 'xml:lang="fr"' not in text
    back = load_glossary(out)
    assert {t.lang for c in back.concepts for t in c.terms} == {"zh", "en", "ar", "es", "fr", "ru"}
    assert retag(back, "zh-CN=zh,en-US=en").concepts[1].terms[0].tag == "zh"
    assert main(["export", str(src), "-o", str(out), "--lang-tags", "zh"]) == 2
    assert "neither FROM=TO nor a preset" in capsys.readouterr().err


def test_tmx_header_follows_tmx_1_4b(tmp_path):
    from lxml import etree

    six, zh_en = tmp_path / "six.tmx", tmp_path / "zh_en.tmx"
    save_glossary(six_languages(), six)
    header = etree.parse(str(six)).getroot().find("header")
    assert header.get("srclang") == "*all*"  # WHO has no Chinese term: any language is source
    assert (header.get("adminlang"), header.get("o-tmf")) == ("en", "termkit")
    assert header.get("creationtool") == "termkit" and header.get("creationtoolversion")
    unep = Termbase(six_languages().concepts[1:])
    save_glossary(unep, zh_en)
    assert etree.parse(str(zh_en)).getroot().find("header").get("srclang") == "zh"
    tu = etree.parse(str(zh_en)).getroot().find("body/tu")
    langs = [v.get("{http://www.w3.org/XML/1998/namespace}lang") for v in tu.iter("tuv")]
    assert langs == ["zh", "zh-TW", "en", "ar", "es", "fr", "ru"]
    assert next(u.zh for u in tmx.read_units(zh_en)) == "联合国环境规划署"


def test_the_checker_reads_only_the_languages_it_analyses():
    index = GlossaryIndex([six_languages()])
    assert "unep" in {k.casefold() for k in index.keys}
    assert not any(k.casefold() == "pnue" for k in index.keys)


def test_csv_is_for_excel_by_default(tmp_path):
    out = tmp_path / "g.csv"
    assert main(["export", str(_shipped()), "-o", str(out), "-q"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfconcept_id,")
    assert main(["export", str(_shipped()), "-o", str(out), "-q", "--no-bom"]) == 0
    assert out.read_bytes().startswith(b"concept_id,")


def test_tbx_output_keeps_only_the_termkit_note_out_of_dca_values():
    data = tbx.dumps(six_languages()).decode()
    assert '<termNote type="partOfSpeech">noun</termNote>' in data
    assert '<transacNote type="responsibility">terminologist</transacNote>' in data


def _shipped() -> Path:
    from termkit.formats.registry import default_glossary_path

    return default_glossary_path()


def test_xlsx_is_laid_out_for_excel(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "six.xlsx"
    save_glossary(six_languages(), out)
    ws = load_workbook(out).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:P{ws.max_row}"
    header = [c.value for c in ws[1]]
    assert all(c.font.bold for c in ws[1])
    count = header.index("count")
    assert isinstance(ws.cell(2, count + 1).value, int)
    assert ws.cell(ws.max_row, header.index("confidence") + 1).value == 0.9
    term = ws.column_dimensions["C"].width
    assert 40 < term <= 60 and ws.column_dimensions["A"].width < term

    pairs = tmp_path / "pairs.xlsx"
    assert main(["export", str(out), "-o", str(pairs), "--sheet-per-pair", "-q"]) == 0
    wb = load_workbook(pairs)
    # WHO has no Chinese term: its English pairs with its other languages
    assert wb.sheetnames == [
        "zh-zh-TW",
        "zh-en",
        "zh-ar",
        "zh-es",
        "zh-fr",
        "zh-ru",
        "en-ar",
        "en-es",
        "en-fr",
        "en-ru",
    ]
    rows = list(wb["zh-fr"].values)
    header = rows[0]
    assert header[:3] == ("id", "zh", "zh status") and "fr" in header and "en" not in header
    unep = dict(zip(header, rows[1], strict=True))
    assert unep["zh"] == "联合国环境规划署"
    assert unep["fr"] == "Programme des Nations Unies pour l'environnement"


def test_six_language_tbx_validates_against_the_tbx_v3_schema():
    from lxml import etree

    rng = etree.RelaxNG(etree.parse(str(shared("data", "tbx", "TBXcoreStructV03.rng"))))
    doc = etree.fromstring(tbx.dumps(six_languages()))
    assert rng.validate(doc), rng.error_log
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in doc.iter("{*}langSec")]
    assert langs == ["en", "ar", "es", "fr", "ru", "zh", "zh-TW", "en", "ar", "es", "fr", "ru"]


def test_extract_csv_is_for_excel_too(tmp_path):
    from .conftest import SEED000

    out = tmp_path / "defs.csv"
    assert main(["extract", str(SEED000), "--format", "csv", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbffull,short,")
    assert main(["extract", str(SEED000), "--format", "csv", "--no-bom", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"full,short,")


def test_a_workbook_of_pair_sheets_reads_back_every_language(tmp_path):
    pairs = tmp_path / "pairs.xlsx"
    save_glossary(six_languages(), pairs, pairs=True)
    back = load_glossary(pairs)
    unep = next(c for c in back.concepts if c.label == "联合国环境规划署")
    assert {t.tag for t in unep.terms} == {"zh", "zh-TW", "en", "ar", "es", "fr", "ru"}
    assert {t.text for t in unep.terms} == {t.text for t in six_languages().concepts[1].terms}
    assert len(back) == 2  # WHO, without Chinese, is in the en-… sheets
