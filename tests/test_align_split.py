"""Sentence splitting: abbreviations, decimals, document symbols, closing quotes, labels."""

from termkit.align.split import han_share, presplit, split_en, split_zh


def texts(sentences):
    return [s.text for s in sentences]


def test_english_abbreviations_do_not_end_sentences():
    text = (
        "See para. 3 of the report of Mr. Smith, e.g. the annex on U.N. reform and No. 5 of "
        "the list. The Committee agreed. Prof. Li (i.e. the Chair) spoke."
    )
    assert texts(split_en(text)) == [
        "See para. 3 of the report of Mr. Smith, e.g. the annex on U.N. reform and No. 5 of "
        "the list.",
        "The Committee agreed.",
        "Prof. Li (i.e. the Chair) spoke.",
    ]


def test_times_end_sentences():
    assert texts(split_en("The meeting rose at 1 p.m. The next one is at 10 a.m. tomorrow.")) == [
        "The meeting rose at 1 p.m.",
        "The next one is at 10 a.m. tomorrow.",
    ]


def test_english_decimals_and_document_symbols_stay_whole():
    text = (
        "Growth was 3.5 per cent in 2015. The information is in UNEP/CBD/COP/11/INF/41. "
        "See also A/69/767 and E/CN.7/2015/13. Done!"
    )
    assert texts(split_en(text)) == [
        "Growth was 3.5 per cent in 2015.",
        "The information is in UNEP/CBD/COP/11/INF/41.",
        "See also A/69/767 and E/CN.7/2015/13.",
        "Done!",
    ]


def test_english_closing_quotes_stay_with_their_sentence():
    assert texts(split_en('He said: "We agree." Then he left.')) == [
        'He said: "We agree."',
        "Then he left.",
    ]


def test_english_list_items_after_colon_or_semicolon():
    text = "The Council decides: (a) to extend the mandate; (b) to remain seized."
    assert texts(split_en(text)) == [
        "The Council decides:",
        "(a) to extend the mandate;",
        "(b) to remain seized.",
    ]


def test_chinese_end_punctuation_and_closing_quotes():
    text = "他说：“我们同意。”然后离开了！这是什么？第一项；第二项……（见附件。）最后一句"
    assert texts(split_zh(text)) == [
        "他说：“我们同意。”",
        "然后离开了！",
        "这是什么？",
        "第一项；",
        "第二项……",
        "（见附件。）",
        "最后一句",
    ]


def test_no_sentence_end_inside_brackets():
    assert texts(split_zh("通报情况(2001年1月21日；2015年2月24日)。下一句。")) == [
        "通报情况(2001年1月21日；2015年2月24日)。",
        "下一句。",
    ]
    assert texts(split_en("It met (see the report. It is annexed.) Then it rose.")) == [
        "It met (see the report. It is annexed.)",
        "Then it rose.",
    ]


def test_chinese_list_items_after_colon():
    assert texts(split_zh("安理会决定：(a) 延长任务期限；(b) 继续处理此案。")) == [
        "安理会决定：",
        "(a) 延长任务期限；",
        "(b) 继续处理此案。",
    ]


def test_numbered_paragraphs_are_boundaries_and_labels():
    zh = split_zh("3. 委员会商定了议程。\n4. 委员会通过了报告\n(a) 第一项")
    assert texts(zh) == ["3. 委员会商定了议程。", "4. 委员会通过了报告", "(a) 第一项"]
    assert [s.label for s in zh] == ["3", "4", "a"]
    en = split_en("3. The Committee agreed on the agenda.\n4. It adopted the report")
    assert [s.label for s in en] == ["3", "4"]
    assert texts(en)[0] == "3. The Committee agreed on the agenda."


def test_line_numbers_follow_sentences_across_wrapped_lines():
    words = "The Conference of the Parties to the Convention on Biological Diversity notes"
    lines = [f"{words} item {k} of the list and" for k in range(12)]
    lines[5] += " ends here. A new sentence starts"
    lines[-1] = "and the last sentence ends."
    sentences = split_en("\n".join(lines))
    assert len(sentences) == 2
    assert sentences[0].lines == tuple(range(1, 7))
    assert sentences[1].lines == tuple(range(6, 13))


def test_double_spaced_pdf_text_is_joined_across_blank_lines():
    wrapped = [
        "4. 本报告第二节介绍了环境署对缔约方大会第十届会议上所做",
        "决定的回应；第三节介绍了环境署对于执行《公约》所做的总",
        "体贡献。环境署正通过其工作方案处理上述问题中的大多数问",
        "题，并与秘书处协调，从而对秘书处直接推动的工作形成补充。",
        " 二、 环境署对于所做决定的回应 ",
        "5. 本节简要介绍了环境署对于缔约方大会在第十届会议上所通",
        "过的、载有对环境署提出具体要求的各项决定所做的回应。本报",
        "告所涵括的活动包括环境署在两年期已经开展的活动以及为本两",
        "年期计划开展的活动。还将编制带有相关认证的电子学习材料，",
        "并设立做法库，供缔约方和其他利益攸关方在各级使用和参考。",
    ]
    sentences = split_zh("\n\n".join(wrapped) + "\n")
    assert [s.label for s in sentences] == ["4", None, None, "§2", "5", None, None]
    assert sentences[0].text.endswith("的回应；") and sentences[0].lines == (1, 3)
    assert sentences[2].text.startswith("环境署正通过") and sentences[2].lines == (5, 7)
    assert sentences[3].text == "二、 环境署对于所做决定的回应" and sentences[3].lines == (9,)


def test_page_furniture_inside_wrapped_text_is_dropped():
    line = "The Conference of the Parties to the Convention on Biological Diversity notes"
    lines = [f"{line} item {k} of the list and" for k in range(12)]
    lines[5:5] = ["UNEP/CBD/COP/11/INF/41", "12"]
    lines[-1] = "the last item."
    sentences = split_en("\n".join(lines))
    assert len(sentences) == 1
    assert "UNEP" not in sentences[0].text and " 12 " not in sentences[0].text
    assert sentences[0].lines == (1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14)


def test_one_paragraph_per_line_text_is_not_joined():
    text = "Sixty-ninth session\nThe Organization was to be based on principles,\nOther matters"
    assert [s.lines for s in split_en(text)] == [(1,), (2,), (3,)]


def test_presplit_keeps_line_numbers_and_skips_blank_lines():
    sentences = presplit("第一句。\n\n 第二句。 \n")
    assert texts(sentences) == ["第一句。", "第二句。"]
    assert [s.lines for s in sentences] == [(1,), (3,)]


def test_section_numbers_match_across_languages():
    zh = [s.label for s in split_zh("四、结论\n十二、建议\n二十一、附件\n")]
    en = [s.label for s in split_en("IV. Conclusions\nXII. Recommendations\nXXI. Annex\n")]
    assert zh == en == ["§4", "§12", "§21"]


def test_line_numbers_with_any_line_ending():
    assert [s.lines for s in presplit("一。\r\n二。\r三。\n\n四。")] == [(1,), (2,), (3,), (5,)]


def test_han_share_ignores_digits_and_names():
    assert han_share("塞拉利昂 Global Nampo 9000766 集装箱 2010年11月1日") > 0.5
    assert han_share("The Committee met on 3 May 2015.") == 0.0
