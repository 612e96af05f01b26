"""Text layer: decoding, repair of PDF damage, the normalization key and source positions."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
from pathlib import Path

import opencc
import pytest

from termkit.errors import InputError
from termkit.text.decode import decode_bytes, read_document
from termkit.text.normalize import (
    FOLD,
    fold,
    key_of,
    normalize,
    normalize_with_map,
    to_simplified,
)
from termkit.text.repair import _FURNITURE, _furniture, repair
from termkit.text.sourcemap import LineIndex

from .conftest import REPO, SEED000, shared

SAMPLE = "联合国环境规划署（环境署）为缔约方大会编写了报告。環境署支持降排＋。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        ((SAMPLE * 20).encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "gb18030"],
)
def test_decodes_common_encodings(data, encoding):
    doc = decode_bytes(data, "x.txt")
    assert doc.text.startswith("联合国环境规划署")
    assert doc.encoding.replace("_", "-").lower().startswith(encoding.split("-")[0])


def test_big5_is_detected():
    text = "聯合國環境規劃署（環境署）為締約方大會編寫了這份關於生物多樣性的報告。\n" * 10
    doc = decode_bytes(text.encode("big5"), "x.txt")
    assert doc.text == text


def test_text_with_a_few_stray_controls_is_text_and_more_are_binary():
    """A pasted escape or two (ESC, DEL-less C0 controls) in a UTF-8 draft is still text; more
    than eight in the first 4,096 characters is a binary file. Tabs, line ends, form and
    vertical feeds are text and never count."""
    line = "联合国环境规划署（环境署）\t报告\f\v\r\n"
    assert decode_bytes(("\x1b" * 8 + line * 100).encode(), "x.txt").text.startswith("\x1b")
    with pytest.raises(InputError, match=r"x\.txt: binary file"):
        decode_bytes(("\x01\x1f" * 4 + "\x0e" + line).encode(), "x.txt")
    late = line * 300 + "\x02" * 9  # after the first 4,096 characters
    assert decode_bytes(late.encode(), "x.txt").text == late


def test_binary_and_forced_encoding_errors_name_the_file(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(InputError, match=r"image\.txt"):
        read_document(binary)
    with pytest.raises(InputError, match="not valid ascii"):
        decode_bytes(SAMPLE.encode("utf-8"), "a.txt", encoding="ascii")
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_normalization_key_folds_width_script_hyphens_and_spaces():
    assert normalize("降排＋") == normalize("降排+")
    assert normalize("環境署") == "环境署"
    assert normalize("UNEP/CBD/COP/11/INF‑41") == "UNEP/CBD/COP/11/INF-41"
    assert normalize("数 据 方 面") == "数据方面"
    assert normalize("“公约”") == normalize('"公约"')
    assert normalize("（环境署）") == "(环境署)"


def test_normalized_offsets_point_back_to_the_source():
    text = "環境署 （降排＋）\n数 据"
    key, offsets = normalize_with_map(text)
    assert key == "环境署(降排+)数据"
    for i, ch in enumerate(key):
        assert normalize(text[offsets.to_source(i)]) in (ch, "")


def test_offsets_map_in_one_pass_as_one_by_one():
    # The seed's PDF text: repair joins its breaks and drops furniture, normalization folds
    # width and spaces, so the key's map is a chain of two with many runs.
    analysis = repair(SEED000.read_text(encoding="utf-8"))
    key, offsets = normalize_with_map(analysis.text)
    every = [*range(len(key) + 1), 0, len(key) // 2, 3]  # the end, and out of order
    assert offsets.to_sources(every) == [offsets.to_source(i) for i in every]
    assert analysis.map.to_sources(every) == [analysis.map.to_source(i) for i in every]
    assert offsets.to_sources([]) == []


def test_folding_and_opencc_commute_on_real_traditional_text():
    """`key_of` converts a text once, folded or not; the key is the one the map gives."""
    folders = ("un_pages_hant", "un_pages_hant2")
    texts = [
        p.read_text(encoding="utf-8")
        for f in folders
        for p in sorted((REPO / "bench" / "annotated" / f / "docs").iterdir())
    ]
    texts.append(SEED000.read_text(encoding="utf-8"))
    assert any(ch in FOLD for text in texts for ch in map(ord, text))
    for text in texts:
        simplified = to_simplified(text)
        assert to_simplified(fold(text)) == fold(simplified)
        assert key_of(text, simplified) == key_of(text) == normalize_with_map(text)[0]


def _t2s_dictionaries() -> dict[str, list[tuple[str, list[str]]]]:
    """The wheel's t2s dictionaries, in t2s.json's order (normalization first): each key
    with its conversions, dumped by the wheel's own opencc_dict."""
    clib = Path(opencc.__file__).parent / "clib"
    share = clib / "share" / "opencc"
    names = re.findall(r'"file": "([^"]+)"', (share / "t2s.json").read_text(encoding="utf-8"))
    env = {**os.environ, "LD_LIBRARY_PATH": str(clib / "lib64")}
    command = [clib / "bin" / "opencc_dict", "-f", "ocd2", "-t", "text", "-o", "/dev/stdout"]
    tables = {}
    for name in names:
        dump = subprocess.run(
            [*command, "-i", share / name],
            capture_output=True,
            env=env,
            check=True,
        ).stdout.decode("utf-8")
        # a key, a tab and its conversions, separated by spaces
        tables[name] = [
            (k, v.split(" ")) for k, v in (line.split("\t") for line in dump.splitlines())
        ]
    return tables


def test_no_t2s_dictionary_entry_holds_a_character_that_folds():
    """Why folding and OpenCC commute (`key_of`): the keys of the t2s dictionaries are words
    of Chinese characters, and no key or value holds a character that folds or a fold's
    result, so such a character is converted to itself and never joins a phrase."""
    tables = _t2s_dictionaries()
    assert len(tables) >= 3
    folding = {chr(c) for c in FOLD} | set(FOLD.values())
    for entries in tables.values():
        assert len(entries) > 400
        assert all(k.isalpha() for k, _ in entries)  # Chinese characters only
        assert not folding & {ch for k, values in entries for ch in k + "".join(values)}


def test_the_t2s_table_holds_a_character_of_every_change_the_dictionaries_make():
    """termkit/data/t2s_changes.txt (bench/t2s_changes.py): a compatibility ideograph the
    normalization changes, a single character whose first conversion is another, a character
    of every phrase that converts to another text; the header names the wheel's sizes."""
    from termkit.text.normalize import T2S_CHANGES, _changes

    tables = _t2s_dictionaries()
    _, sizes, chars = T2S_CHANGES.read_text(encoding="utf-8").splitlines()
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    assert sizes.split("Dictionaries: ")[1].split() == [
        f"{name}={(share / name).stat().st_size}" for name in tables
    ]
    normalization, *chain = tables
    table = set(chars)
    assert all(k in table for k, v in tables[normalization] if v[0] != k)
    first: dict[str, str] = {}
    for name in chain:
        for k, v in tables[name]:
            if len(k) == 1:
                first.setdefault(k, v[0])
            elif v[0] != k:
                assert table.intersection(k), k
    assert all(k in table for k, v in first.items() if v != k)
    assert "深" not in table and "沈" in table  # 深沈 -> 深沉: its traditional character
    assert _changes() is not None


def test_a_long_text_converts_line_by_line_as_it_converts_whole(monkeypatch):
    """A long text converts only its lines that hold a character of the table: the same
    text as OpenCC's conversion of the whole, simplified, traditional or mixed, with a
    character beyond the BMP (converted whole), and through `to_simplified`."""
    from termkit.text import normalize as module

    converter = opencc.OpenCC("t2s.json")
    devset = shared("data", "unpc-v1.0-devset", "UNv1.0.devset.zh").read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t.json").convert(devset)
    lines = devset.splitlines()
    mixed = "\n".join(line if i % 7 else converter.convert(line) for i, line in enumerate(lines))
    folders = ("un_pages", "un_pages_hant", "un_pages_hant2")
    texts = [devset, traditional, mixed, SEED000.read_text(encoding="utf-8"), "𠀀" + traditional]
    texts += [
        p.read_text(encoding="utf-8")
        for f in folders
        for p in sorted((REPO / "bench" / "annotated" / f / "docs").iterdir())
    ]
    changes = module._changes()
    for text in texts:
        assert module._skim(text, changes) == converter.convert(text)
    assert "丟" in devset and "丟" not in module._skim(devset, changes)  # one line converted
    for text in texts[:3]:
        monkeypatch.setattr(module, "_converted", 0)  # converted whole
        whole = to_simplified(text)
        monkeypatch.setattr(module, "_converted", module._SKIM_AFTER)  # skimmed
        assert to_simplified(text) == whole


def test_repair_joins_pdf_breaks_and_drops_page_furniture():
    text = SEED000.read_text(encoding="utf-8")
    analysis = repair(text)
    # A name broken over a line break and a blank line is whole again.
    assert "联合国开发计划署（开发署）" in analysis.text
    # A page header and page number interleaved inside 相|关机构 are gone.
    assert "包括相关机构和非政府组织" in analysis.text
    assert "UNEP/CBD/COP/11/INF/41\n" not in analysis.text
    # Letter-spaced runs are closed up.
    assert "获取数据方面存在的障碍" in analysis.text
    # Every position maps back: the repaired 署 of （开发署） sits on the next line of the file.
    lines = LineIndex(text)
    at = analysis.text.index("（开发署）") + 3
    line, column = lines.position(analysis.source_offset(at))
    assert text.splitlines()[line - 1][column - 1] == "署"
    assert line == 82


def test_repair_keeps_the_rows_of_a_list_apart_and_joins_wrapped_prose():
    """The list of abbreviations of bench/annotated/un_pages9 doc 025 (a short form, its
    acronym in brackets, the name), rows of one layout on lines as long as the document's
    wrapped ones: each row stays a line. Seed 000's PDF prose wraps between two lines that
    also hold a Latin word between Chinese (`HERMES`, `AJAX`) and is joined as before."""
    page = (REPO / "bench" / "annotated" / "un_pages9" / "docs" / "025.txt").read_text("utf-8")
    rows = repair(page).text.splitlines()
    for row in (
        "海关合作理事会 (CCC) 海关合作理事会",
        "空运协会 (IATA) 国际空运协会",
        "刑警组织 (ICPO/Interpol) 国际刑事警察组织",
        "劳工组织 (ILO) 国际劳工组织",
    ):
        assert row in rows
    seed = repair(SEED000.read_text(encoding="utf-8")).text
    assert "以及“利用生物多样性公约秘书处提供的 AJAX 插件" in seed
    # A row and a line of prose, or rows of two layouts, are not one list.
    assert repair("东盟 (ASEAN) 东南亚国家联盟\n东南亚国家联盟的成员国").text.count("\n") == 0
    assert "\n" in repair("东盟 (ASEAN) 东南亚国家联盟\n空运协会 (IATA) 国际空运协会").text


def test_page_furniture_is_told_by_its_first_character_as_by_the_whole_pattern():
    """`repair` tries the furniture pattern only on lines that start with a character some
    furniture starts with: every character that starts a match of the pattern (a symbol, a
    page number of any script's digits, 第…页, a URL) passes that first test. A page number
    in full-width digits (`- ３ -`) is furniture."""
    tails = ("", "1", "/A", " 1 页", "ww.un.org", "ttps://un.org", "1 -")
    for code in range(0x30000):
        ch = chr(code)
        if ch.isspace():
            continue  # the lines are stripped
        if any(_FURNITURE.match(ch + tail) for tail in tails):
            assert _furniture(ch + next(t for t in tails if _FURNITURE.match(ch + t)))
    assert _furniture("- ３ -") and _furniture("٣") and _furniture("第 3 页")
    assert not _furniture("联合国环境规划署") and not _furniture("A 联合国")
    assert "３" not in repair("一。\n- ３ -\n二").text


def test_line_index_counts_columns_in_characters():
    lines = LineIndex("第一行\r\n第二行：环境署\n")
    assert lines.position(0) == (1, 1)
    assert lines.position(5) == (2, 1)
    assert lines.position(9) == (2, 5)


@pytest.mark.parametrize("text", ["", "一", "\n", "一\n", "\n\n二", "一\n二", "一\n二\n", "一\n\n"])
def test_line_index_without_carriage_returns_counts_every_line(text):
    """Without `\r` the starts are sums of line lengths; every character is placed where
    the editor shows it, the end of the text too."""
    lines = LineIndex(text)
    shown = text.split("\n")
    for offset in range(len(text) + 1):
        line, column = lines.position(offset)
        before = "\n".join(shown[: line - 1])
        assert offset == len(before) + bool(line > 1) + column - 1
    assert len(lines.starts) == text.count("\n") + 1
    assert LineIndex(SEED000.read_text(encoding="utf-8")).position(0) == (1, 1)
