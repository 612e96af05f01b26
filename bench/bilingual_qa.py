"""Bilingual QA: findings on the TICO-19 TMX, planted target errors in XLIFF files made from the
UNPC devset, and the time to write reports of 10,000 findings.

Run: python bench/bilingual_qa.py [--tico] [--unpc] [--speed] [--screenshot PNG]

- TICO-19 (`all.en-zh.tmx`, 3,071 segments, the Facebook COVID-19 terminology as glossary):
  findings by rule per 1,000 segments. Dev material: the number rule was refined on it.
- UNPC: the 4,000 devset pairs regrouped into their 732 documents (ids file, zh paragraph
  order), one XLIFF 1.2 per document; the documents split in halves by a digest of their
  symbol (`dev`, `test`). About one segment in five carries a source/target pair of inline
  tags. One segment in eight gets one planted target error: a term or script error where the
  segment allows one (they are rare), else a tag or number error at random (seeded):
    number:  a digit number of the target changed (+1)            → TK203 expected
    tag:     the target's inline tags dropped                      → TK204
    term:    the Chinese terms of a glossary concept named in the source deleted → TK201
    script:  a glossary Chinese term of the target in traditional script        → TK108
  A plant is found when a finding of its rule names its segment (else "flagged by another
  rule" when some finding does, e.g. TK101 for a traditional-script short form). False alarms:
  findings of these four rules on segments with no plant, per 1,000 segments (UNPC is official
  text, so some are real); the Chinese rules' findings there are listed too. Glossary: the
  shipped one.
- Speed: HTML and XLSX reports of 10,000 findings (the UNPC findings repeated), min and median
  of 3 runs, with the load average.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _paths import SHARED

from termkit.check.bilingual import check_file
from termkit.check.run import glossary_paths, load_index
from termkit.check.settings import Settings

UNPC = SHARED / "data" / "unpc-v1.0-devset"
TICO = SHARED / "data" / "tico19-en-zh"
KINDS = {"number": "TK203", "tag": "TK204", "term": "TK201", "script": "TK108"}


def tico() -> None:
    index = load_index([str(TICO / "f_en-zh_CN.csv")])
    findings = check_file(str(TICO / "all.en-zh.tmx"), index, Settings())
    segments = 3071
    print(f"TICO-19 TMX: {len(findings)} findings on {segments} segments "
          f"({1000 * len(findings) / segments:.0f} per 1,000)")  # fmt: skip
    for rule, n in sorted(Counter(f.rule for f in findings).items()):
        print(f"  {rule}: {n} ({1000 * n / segments:.1f} per 1,000)")
    covid = sum(f.rule == "TK201" and f.found.lower() == "covid-19" for f in findings)
    print(f"  TK201 covid-19 against COVID-19: {covid}")


def documents() -> dict[str, list[tuple[str, str, str]]]:
    """Symbol → [(segment id, en, zh)] in zh paragraph order."""
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = (UNPC / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list] = defaultdict(list)
    for n, (z, e, i) in enumerate(zip(zh, en, ids, strict=True), 1):
        symbol, *positions = i.split()
        where = dict(p.split(":", 1) for p in positions)
        para, sent = (int(x) for x in where["zh"].split(":"))
        docs[symbol].append(((para, sent, n), str(n), e, z))
    return {s: [(i, e, z) for _, i, e, z in sorted(rows)] for s, rows in docs.items()}


def half(symbol: str) -> str:
    return "dev" if hashlib.sha1(symbol.encode()).digest()[0] % 2 == 0 else "test"


class Planter:
    def __init__(self, index, seed: int = 12) -> None:
        from opencc import OpenCC

        self.rng = random.Random(seed)
        self.s2t = OpenCC("s2t")
        self.pairs = []  # (English term, Chinese term, all Chinese terms of the concept)
        for entries in index.by_key.values():
            for e in entries:
                if e.term.lang == "zh" and not e.retired and len(e.term.text) >= 2:
                    chinese = tuple(sorted(t.text for t in e.concept.terms if t.lang == "zh"))
                    for t in e.concept.terms:
                        if t.lang == "en" and t.status != "deprecated":
                            self.pairs.append((t.text, e.term.text, chinese))
        self.pairs = sorted(set(self.pairs))
        self.zh_terms = sorted({z for _, z, _ in self.pairs} | {
            e.term.text for es in index.by_key.values() for e in es
            if e.term.lang == "zh" and not e.retired and len(e.term.text) >= 2})  # fmt: skip

    def plant(self, en: str, zh: str, tagged: bool) -> tuple[str | None, str, bool]:
        """(kind, new target, target keeps the tags); kind None when none applies."""
        kinds = ["term", "script", *self.rng.sample(["tag", "number"], 2)]  # rare kinds first
        for kind in kinds:
            if kind == "tag":
                if tagged:
                    return kind, zh, False
                continue
            new = getattr(self, f"_{kind}")(en, zh)
            if new is not None and new != zh:
                return kind, new, tagged
        return None, zh, tagged

    def _number(self, en, zh):
        found = list(re.finditer(r"\d+", zh))
        if not found:
            return None
        m = self.rng.choice(found)
        return zh[: m.start()] + str(int(m.group()) + 1) + zh[m.end() :]

    def _term(self, en, zh):
        low = en.lower()
        fits = [
            z
            for e, z, chinese in self.pairs
            if z in zh
            and re.search(rf"\b{re.escape(e.lower())}\b", low)
            # well posed: no other Chinese term of the concept is left in the target
            and not any(t in zh.replace(z, "") for t in chinese)
        ]
        if not fits:
            return None
        return zh.replace(self.rng.choice(fits), "")

    def _script(self, en, zh):
        fits = [z for z in self.zh_terms if z in zh and self.s2t.convert(z) != z]
        if not fits:
            return None
        z = self.rng.choice(fits)
        return zh.replace(z, self.s2t.convert(z), 1)


def xliff(rows: list[tuple[str, str, str, bool, bool]]) -> str:
    """(id, English, Chinese, source tagged, target tagged) as one XLIFF 1.2 file."""
    units = []
    for sid, en, zh, source_tags, target_tags in rows:
        src = f'<g id="1">{escape(en)}</g><x id="2"/>' if source_tags else escape(en)
        tgt = f'<g id="1">{escape(zh)}</g><x id="2"/>' if target_tags else escape(zh)
        units.append(
            f'<trans-unit id="{sid}"><source>{src}</source>\n<target>{tgt}</target></trans-unit>'
        )
    body = "\n".join(units)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="doc" '
            'source-language="en" target-language="zh-CN" datatype="plaintext"><body>\n'
            f"{body}\n</body></file></xliff>\n")  # fmt: skip


def unpc(report_findings: list | None = None, folder: str | None = None) -> None:
    """Plant, check and score; the findings go to `report_findings` and the XLIFF files stay
    in `folder` when given."""
    index = load_index(glossary_paths(Settings()))
    planter = Planter(index)
    rng = random.Random(7)
    tally = {h: {"segments": 0, "planted": Counter(), "found": Counter(), "elsewise": Counter(),
                 "alarms": Counter()}
             for h in ("dev", "test")}  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        tmp = folder or scratch
        for n, (symbol, segs) in enumerate(sorted(documents().items())):
            rows, planted = [], {}
            for sid, en, zh in segs:
                tagged = rng.random() < 0.2
                target, target_tags = zh, tagged
                if rng.random() < 1 / 8:
                    kind, target, target_tags = planter.plant(en, zh, tagged)
                    if kind:
                        planted[sid] = kind
                rows.append((sid, en, target, tagged, target_tags))
            path = Path(tmp) / f"doc{n:03d}.xlf"
            path.write_text(xliff(rows), encoding="utf-8")
            findings = check_file(str(path), index, Settings())
            if report_findings is not None:
                report_findings.extend(findings)
            t = tally[half(symbol)]
            t["segments"] += len(segs)
            for sid, kind in planted.items():
                t["planted"][kind] += 1
                here = [f.rule for f in findings if f.location.segment == sid]
                if KINDS[kind] in here:
                    t["found"][kind] += 1
                elif here:
                    t["elsewise"][kind] += 1
            for f in findings:
                if f.location.segment not in planted:
                    t["alarms"][f.rule] += 1
    for h, t in tally.items():
        segs = t["segments"]
        print(f"UNPC {h}: {segs} segments, {sum(t['planted'].values())} planted")
        for kind, rule in KINDS.items():
            p, fnd = t["planted"][kind], t["found"][kind]
            alarms = t["alarms"][rule]
            other = t["elsewise"][kind]
            print(f"  {kind:<7} {rule}: found {fnd}/{p} ({100 * fnd / max(p, 1):.0f} %), "
                  f"flagged by another rule {other}, missed {p - fnd - other}, "
                  f"false alarms {alarms} ({1000 * alarms / segs:.1f} per 1,000 segments)")  # fmt: skip
        other = {r: n for r, n in sorted(t["alarms"].items()) if r not in KINDS.values()}
        print("  Chinese rules on segments with no plant, per 1,000 segments: "
              + ", ".join(f"{r} {1000 * n / segs:.1f}" for r, n in other.items()))  # fmt: skip


def speed() -> None:
    from termkit.check import report, report_html, report_xlsx

    found: list = []
    unpc(found)
    findings = (found * (10_000 // len(found) + 1))[:10_000]
    for name, make in (
        ("html", lambda: report_html.render(findings, report.summary(findings, 732))),
        ("xlsx", lambda: report_xlsx.dumps(findings)),
    ):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            out = make()
            times.append(time.perf_counter() - start)
        print(f"{name} report of {len(findings)} findings: min {min(times):.2f} s, median "
              f"{statistics.median(times):.2f} s, {len(out) / 1e6:.1f} MB; load {os.getloadavg()[0]:.1f}")  # fmt: skip


def screenshot(png: str) -> None:
    """The HTML report of one planted UNPC document set, as Chromium draws it."""
    import subprocess

    from termkit.check import report, report_html

    found: list = []
    index = load_index(glossary_paths(Settings()))
    with tempfile.TemporaryDirectory() as tmp:
        unpc(found, tmp)
        page = Path(tmp) / "report.html"
        page.write_text(
            report_html.render(found[:400], report.summary(found[:400], 732), index), "utf-8"
        )
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp}/profile", "--window-size=1400,2400",
             f"--screenshot={png}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tico", action="store_true")
    parser.add_argument("--unpc", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--screenshot", metavar="PNG")
    args = parser.parse_args()
    everything = not (args.tico or args.unpc or args.speed or args.screenshot)
    if args.tico or everything:
        tico()
    if args.unpc or everything:
        unpc()
    if args.speed or everything:
        speed()
    if args.screenshot:
        screenshot(args.screenshot)


if __name__ == "__main__":
    main()
