"""Pairing Chinese terms with English acronyms over aligned sentence pairs."""

from __future__ import annotations

from termkit.align.pairing import SentencePair, english_definitions, pair_terms, pairs_termbase
from termkit.extract import extract_text
from termkit.termbase.merge import build_termbase, from_definitions

from .conftest import shared


def test_english_definitions_take_the_whole_name():
    text = (
        "the Office of Internal Oversight Services (OIOS) and the United Nations "
        "Entity for Gender Equality and the Empowerment of Women (UN-Women) met (see annex I)."
    )
    assert english_definitions(text) == [
        ("Office of Internal Oversight Services", "OIOS"),
        ("United Nations Entity for Gender Equality and the Empowerment of Women", "UN-Women"),
    ]


def test_unpc_devset_pairs_short_forms_with_acronyms():
    root = shared("data", "unpc-v1.0-devset")
    zh = (root / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[:1500]
    en = (root / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[:1500]
    ids = [line.split()[0] for line in (root / "UNv1.0.devset.ids").read_text().splitlines()]
    definitions = extract_text("\n".join(zh), "devset.zh")
    found = {
        (p.zh_short, p.en_acronym)
        for p in pair_terms(
            [SentencePair(z, e, d) for z, e, d in zip(zh, en, ids, strict=False)], definitions
        )
    }
    assert ("开发署", "UNDP") in found
    assert ("联阿安全部队", "UNISFA") in found
    # Every acronym is paired with one Chinese concept at most.
    acronyms = [a for _, a in found]
    assert len(acronyms) == len(set(acronyms))


def test_pairs_merge_into_the_glossary_concept():
    zh_defs = extract_text("由联合国开发计划署（开发署）编写。开发署支持。", "a.zh")
    pairs = [
        SentencePair(
            "由联合国开发计划署（开发署）编写。",
            "Prepared by the United Nations Development Programme (UNDP).",
            "a",
        ),
        SentencePair("开发署支持。", "UNDP supports.", "a"),
    ]
    found = pair_terms(pairs, zh_defs)
    assert [(p.en_acronym, p.en_full) for p in found] == [
        ("UNDP", "United Nations Development Programme")
    ]
    tb = build_termbase([from_definitions(zh_defs), pairs_termbase(found)])
    assert len(tb) == 1
    en = {t.text: t.type for t in tb.concepts[0].terms if t.lang == "en"}
    assert en == {"UNDP": "acronym", "United Nations Development Programme": "fullForm"}
