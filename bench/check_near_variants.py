"""TK110 (near-variant) findings and false-positive rate on real UN Chinese.

Run: python bench/check_near_variants.py
Checks only TK110 on (1) each seed as one document, (2) the UNPC devset regrouped into its 732
documents (by the symbols in UNv1.0.devset.ids), and (3) the whole devset as one text (a harsh
test: 732 unrelated documents, so many "variants" are different documents' wording). Each
document is checked with the shipped corpus frequency table (termkit.check.frequency) less its
own row (less the whole devset for the devset as one text), so that two terms the rest of the
corpus writes both are silenced out of sample. Every
finding is printed with the verdict read by a person (JUDGED below: T = a real variant or slip,
F = a false positive); findings not judged yet are marked `?`. The false-positive rate is
F / (T + F) over judged findings.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from _paths import REPO, SHARED

sys.path.insert(0, str(REPO))

from termkit.check.engine import check_text
from termkit.check.frequency import document_table, shipped, total
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings

# (found, suggestion) → verdict, by reading each finding in context (2026-11-26).
JUDGED = {
    ("外来入侵物种", "外来侵入物种"): "T",  # gold variant (seed 000 L885)
    ("爱知生物多样性指标", "爱知生物多样性目标"): "T",  # gold variant (seed 000 L663)
    ("协调增效", "协同增效"): "T",  # the example (seed 003 L26)
    ("全环基金支助", "全环基金资助"): "F",  # 支助 and 资助 are both standard UN wording
    ("联合国环境规化署", "联合国环境规划署"): "T",  # typo 规化
    ("谨随信转递", "谨随函转递"): "T",  # UN letter formula is 谨随函转递
    ("通讯技术", "通信技术"): "T",  # ICT: UN usage 通信技术
    ("信息和电信技术", "信息和通信技术"): "T",  # ICT
    ("私人部门", "私营部门"): "T",  # private sector: UN usage 私营部门
    ("小武器和核武器", "小武器和轻武器"): "F",
    ("高级官员", "高级专员"): "F",
    ("发起国家", "发达国家"): "F",
    ("联海稳定团", "联刚稳定团"): "F",  # two different missions
    ("全球基金", "全环基金"): "F",  # the Global Fund is not the GEF
    ("减少危害", "减少灾害"): "F",
    ("文件印发", "文件分发"): "F",
    ("领土权整", "领土完整"): "F",  # 领土权 + 整体概念
    ("建立和平", "建设和平"): "T",  # peacebuilding review (PBC document): 建设和平
    ("用高全球升温潜能值", "用低全球升温潜能值"): "F",  # high vs low GWP
    ("人权问题", "人口问题"): "F",
    ("矿石储量", "矿产储量"): "F",  # ore reserves vs mineral reserves (JORC vs CRIRSCO)
    ("联索援助团", "联伊援助团"): "F",  # UNSOM, another mission than UNAMI (2026-12-01)
    ("联阿援助团", "联伊援助团"): "F",  # UNAMA, another mission than UNAMI
    ("拉姆萨尔缔约", "拉姆萨尔公约"): "F",  # inside 拉姆萨尔缔约方大会 (Ramsar COP)
}


def _ids() -> list[str]:
    lines = (SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.ids").read_text("utf-8")
    return [line.split()[0] for line in lines.splitlines()]


def _run(name: str, texts: list[tuple[str, str]], glossary, settings, own=None) -> list:
    """`own`: path → the corpus rows to leave out of the frequency table for that text."""
    findings = []
    table = shipped()
    for path, text in texts:
        left_out = own[path] if own else [document_table(text)]
        glossary.frequencies = table - total(left_out)
        findings += check_text(text, path, glossary, settings)
    print(f"\n## {name}: {len(texts)} document(s), {len(findings)} TK110 findings")
    for f in findings:
        verdict = JUDGED.get((f.found, f.suggestion), "?")
        print(f"  {verdict} {f.path}:{f.line}: {f.found} → {f.suggestion}")
    return findings


def main() -> None:
    settings = Settings(enabled=frozenset({"TK110"}))
    glossary = load_index(glossary_paths(Settings()))
    seeds = [(p.name, p.read_text("utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))]
    zh = (SHARED / "data" / "unpc-v1.0-devset" / "UNv1.0.devset.zh").read_text("utf-8")
    docs: dict[str, list[str]] = defaultdict(list)
    for symbol, line in zip(_ids(), zh.splitlines(), strict=True):
        docs[symbol].append(line)
    per_doc = [(symbol, "\n".join(lines) + "\n") for symbol, lines in docs.items()]
    every = []
    every += _run("seeds", seeds, glossary, settings)
    every += _run("UNPC devset, per document", per_doc, glossary, settings)
    rows = [document_table(text) for _, text in per_doc]
    every += _run(
        "UNPC devset as one text", [("devset.zh", zh)], glossary, settings, {"devset.zh": rows}
    )
    verdicts = [JUDGED.get((f.found, f.suggestion), "?") for f in every]
    t, f, unknown = verdicts.count("T"), verdicts.count("F"), verdicts.count("?")
    print(f"\njudged findings: {t} true, {f} false, {unknown} not judged; "
          f"false-positive rate {f / max(1, t + f):.0%}")  # fmt: skip


if __name__ == "__main__":
    main()
