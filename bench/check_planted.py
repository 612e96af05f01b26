"""`termkit check` recall by kind of planted error, and false alarms on the clean originals.

Run: python bench/check_planted.py [--half dev|test|both] [--misses] [--alarms] [--seed N]
     python bench/check_planted.py --gold FILE|DIR --texts DIR [--misses] [--alarms] [--seed N]

Drafts are built from the UNPC devset: its 4,000 lines regrouped into their 732 documents (by
the symbols of UNv1.0.devset.ids, in the zh paragraph order). The documents are split in two
halves by a digest of their symbol: `dev` (develop on it) and `test` (report it apart; do not
tune on it). For every certain definition of gold/unpc_devset.json, one draft per kind plants
one error on one line of a copy of its document:

- other-short:   another plausible short form of the defined full form (a tail of it, or some
                 of its characters in order), used after the definition;
- undefined:     a short form used without definition: the document's own definition
                 rewritten as the bare short form (when it defines it once), else a Chinese
                 short form that another document of the gold defines, inserted;
- slip:          the full or short form after the definition with one inner character replaced
                 (by another character of the document) or two inner neighbours swapped;
- width:         the definition's closing bracket in the other width (`(SHORT）`), or a defined
                 form with Latin letters, digits or signs in the other width, used later;
- redefinition:  the short form defined again, later, for another name it could abbreviate;
- traditional:   a defined form in the other script, used later: traditional (OpenCC s2t) in
                 a simplified document, simplified in one written in traditional characters
                 (the script of the definition's line: a traditional paper under a simplified
                 header is traditional);
- before:        the short form used on the document's first line, before its definition.

A later use replaces the short form's next occurrence when there is one, else it is inserted at
a clause start in a short frame (`据X称，`, `X的` …). A plant is found when a finding's span
overlaps the planted span. The glossaries in force are the shipped one and the glossary that
`termkit build`'s extraction makes of the *other* half (a corpus the document is not part of).
False alarms: every finding (default rules; not a hint, below the confidence threshold of
`termkit.check.confidence`, which no one is shown by default) on the clean originals of the half, per 10,000
characters, and the same without TK101 (the documents are excerpts: a short form defined in
the part of the document left out reads as undefined). Note that the shipped glossary is now
built from the seeds and the whole UNPC devset, so it knows both halves' short forms. Everything is seeded: the same drafts on every run.
`--seed N` draws another set of plants from the same texts (the default is the drafts the
rules were developed against): recall on fresh plants shows how much of it is fitted to these.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from _paths import REPO, SHARED
from check_gold import _caught

sys.path.insert(0, str(REPO))

from termkit.check.definitions import find_definitions
from termkit.check.document import Analysed
from termkit.check.engine import check_text
from termkit.check.glossary import GlossaryIndex
from termkit.check.run import glossary_paths
from termkit.check.script import in_simplified
from termkit.check.settings import Settings
from termkit.check.usage import Usage, document_usage, tables_of, total
from termkit.extract.boundary import match_characters
from termkit.formats.registry import load_glossary
from termkit.text.normalize import HAN_CHAR, normalize, to_simplified

DATA = SHARED / "data" / "unpc-v1.0-devset"
KINDS = ("other-short", "undefined", "slip", "width", "redefinition", "traditional", "before")
FRAMES = ("据{}称，", "{}的", "与{}", "{}和", "{}还")
_HALF_TO_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_FULL_TO_HALF = {v: k for k, v in _HALF_TO_FULL.items()}
_BRACKET_SWAP = {"）": ")", ")": "）"}


@dataclass(frozen=True)
class Plant:
    kind: str
    doc: str
    text: str  # the planted draft
    line: int  # 1-based line of the planted error
    start: int  # 1-based column of the planted span, end exclusive
    end: int
    note: str


def documents() -> dict[str, list[str]]:
    """Document symbol → its Chinese lines in the original paragraph order."""
    ids = (DATA / "UNv1.0.devset.ids").read_text("utf-8").splitlines()
    zh = (DATA / "UNv1.0.devset.zh").read_text("utf-8").splitlines()
    docs: dict[str, list[tuple[tuple[int, int], int, str]]] = defaultdict(list)
    for n, (meta, line) in enumerate(zip(ids, zh, strict=True)):
        fields = meta.split()
        where = next(f for f in fields[1:] if f.startswith("zh:"))
        p, s = where[3:].split(":")
        docs[fields[0]].append(((int(p), int(s)), n, line))
    return {d: [line for _, _, line in sorted(rows)] for d, rows in docs.items()}


def half_of(doc: str) -> str:
    return "dev" if hashlib.sha1(doc.encode()).digest()[0] % 2 == 0 else "test"


def corpus_glossary(docs: dict[str, list[str]]):
    """The glossary the extractor builds from these documents (as `termkit build` does)."""
    from termkit.termbase.merge import build_termbase

    return build_termbase([document_termbase_of(d, ls) for d, ls in sorted(docs.items())])


def _t2s():
    import opencc

    return opencc.OpenCC("s2t")


class Planter:
    """Plants one error in a copy of a document, next to one of its definitions."""

    def __init__(self, seed: str, gold: list[dict]) -> None:
        self.glossary: GlossaryIndex | None = None  # the glossaries in force for the document
        # Chinese short forms (three or more Han characters) the gold says some document
        # defines, with that document: an undefined one is planted from another document's.
        self.defined_elsewhere = sorted(
            {
                (key, g["doc"])
                for g in gold
                if g["kind"] == "zh-abbr"
                and len(key := normalize(_bare(g["abbr"]))) >= 3
                and all(HAN_CHAR.match(c) for c in key)
            }
        )
        self.seed = seed
        self.rng = random.Random(seed)
        self.s2t = _t2s()

    def plants(self, gold: dict, lines: list[str], doc_line: int) -> list[Plant]:
        # The script of the definition's line: a traditional paper under a simplified header
        # gets the simplified form planted in it.
        self.traditional = Analysed("\n".join(lines)).scripts().traditional(doc_line + 1)
        out = []
        for kind in KINDS:
            # One generator per plant: a change to one kind leaves the others' drafts alone.
            self.rng = random.Random(f"{self.seed}:{gold['line']}:{gold['offset']}:{kind}")
            plant = getattr(self, "_" + kind.replace("-", "_"))(gold, list(lines), doc_line)
            if plant is not None:
                out.append(plant)
        return out

    # -- placing a form ------------------------------------------------------------------

    def _later(self, gold: dict, lines: list[str], at: int, form: str, kind: str, note: str):
        """Write `form` after the definition: over the short form's next use, else inserted
        at the next clause start (the next line, or later on the definition's line)."""
        short = gold["abbr"]
        close = gold["offset"] + len(gold["as_printed"])
        for i in range(at, len(lines)):
            col = lines[i].find(short, close if i == at else 0)
            if col >= 0:
                lines[i] = lines[i][:col] + form + lines[i][col + len(short) :]
                return self._plant(kind, gold, lines, i, col, col + len(form), note)
        if at + 1 < len(lines):
            return self._insert(kind, gold, lines, at + 1, 0, form, note)
        return self._insert(kind, gold, lines, at, close, form, note)

    def _insert(self, kind, gold, lines, i, after, form, note, frame=None):
        line = lines[i]
        col = _clause_start(line, after)
        frame = frame or self.rng.choice(FRAMES)
        phrase = frame.format(form)
        lines[i] = line[:col] + phrase + line[col:]
        begin = col + frame.index("{}")
        return self._plant(kind, gold, lines, i, begin, begin + len(form), note)

    def _plant(self, kind, gold, lines, i, start, end, note) -> Plant:
        return Plant(kind, gold["doc"], "\n".join(lines) + "\n", i + 1, start + 1, end + 1, note)

    # -- the seven kinds -----------------------------------------------------------------

    def _other_short(self, gold, lines, at):
        full, short = _bare(gold["full"]), _bare(gold["abbr"])
        han = "".join(HAN_CHAR.findall(full))
        if len(han) < 4 or han != full:
            return None
        tails = [full[i:] for i in range(1, len(full) - 2)]
        picks = [
            "".join(full[j] for j in sorted(self.rng.sample(range(len(full) - 1), k))) + full[-1]
            for k in range(2, min(len(full) - 1, len(short) + 2))
            for _ in range(3)
        ]
        taken = {normalize(full), normalize(short)}
        options = sorted(
            {v for v in tails + picks if normalize(v) not in taken and len(v) >= 2}
            - {v for v in tails + picks if normalize(v) in self.glossary}
        )
        if not options:
            return None
        form = self.rng.choice(options)
        return self._later(gold, lines, at, form, "other-short", f"{short} → {form}")

    def _undefined(self, gold, lines, at):
        short = gold["abbr"]
        if normalize(short) in self.glossary.zh_short_keys and gold["kind"] == "zh-abbr":
            line, col = lines[at], gold["offset"]
            dropped = line[:col] + short + line[col + len(gold["as_printed"]) :]
            rest = normalize("".join([*lines[:at], dropped, *lines[at + 1 :]]))
            # A short form the document defines again elsewhere is not undefined: insert one.
            if normalize(f"（{short}）") not in rest:
                lines[at] = dropped
                note = f"definition dropped: {short}"
                return self._plant("undefined", gold, lines, at, col, col + len(short), note)
        text = normalize("".join(lines))
        shorts = [k for k, doc in self.defined_elsewhere if doc != gold["doc"] and k not in text]
        if not shorts:  # a gold of one document: a short form of the glossaries in force
            shorts = sorted(
                k
                for k in self.glossary.zh_short_keys
                if len(k) >= 3 and all(HAN_CHAR.match(c) for c in k) and k not in text
            )
        form = self.rng.choice(shorts)
        i = self.rng.randrange(len(lines))
        return self._insert(
            "undefined", gold, lines, i, 0, form, f"defined in another document: {form}"
        )

    def _slip(self, gold, lines, at):
        full, short = _bare(gold["full"]), _bare(gold["abbr"])
        form = full if len(short) < 4 or self.rng.random() < 0.5 else short
        if len(form) < 4 or not all(HAN_CHAR.match(c) for c in form):
            return None
        i = self.rng.randrange(1, len(form) - 1)
        if self.rng.random() < 0.3 and i + 1 < len(form) - 1 and form[i] != form[i + 1]:
            slipped = form[:i] + form[i + 1] + form[i] + form[i + 2 :]
        else:
            pool = sorted(set(HAN_CHAR.findall("".join(lines))) - set(form))
            slipped = form[:i] + self.rng.choice(pool) + form[i + 1 :]
        return self._later(gold, lines, at, slipped, "slip", f"{form} → {slipped}")

    def _width(self, gold, lines, at):
        short = gold["abbr"]
        if any(c in _HALF_TO_FULL for c in short):
            form = short.translate(str.maketrans(_HALF_TO_FULL))
            return self._later(gold, lines, at, form, "width", f"{short} → {form}")
        close = gold["offset"] + len(gold["as_printed"]) - 1
        line = lines[at]
        if line[close] not in _BRACKET_SWAP:
            return None
        lines[at] = line[:close] + _BRACKET_SWAP[line[close]] + line[close + 1 :]
        open_ = gold["offset"] + len(gold["full"])
        return self._plant("width", gold, lines, at, open_, close + 1, "mismatched brackets")

    def _redefinition(self, gold, lines, at):
        """The short form defined again for another name it could abbreviate: the full form
        without one two-character piece the short form does not draw on (联合国阿卜耶伊临时
        安全部队 → 联合国阿卜耶伊安全部队), else with a name prefix (区域…)."""
        full, short = gold["full"], gold["abbr"]
        if gold["kind"] != "zh-abbr" or full.startswith("《"):
            return None
        used = set(match_characters(short, full, 0, len(full)))
        cuts = [
            i for i in range(len(full) - 3) if not {i, i + 1} & used and len(full) - 2 > len(short)
        ]
        other = full[: (i := self.rng.choice(cuts))] + full[i + 2 :] if cuts else "区域" + full
        bracket = gold["as_printed"][len(full)]
        closing = "）" if bracket == "（" else ")"
        form = f"{other}{bracket}{short}{closing}"
        i = at + 1 if at + 1 < len(lines) else at
        after = 0 if i > at else gold["offset"] + len(gold["as_printed"])
        return self._insert("redefinition", gold, lines, i, after, form, form, "{}指出，")

    def _traditional(self, gold, lines, at):
        """The other script: traditional in a simplified document, simplified in one written
        in traditional characters."""
        for form in (gold["abbr"], gold["full"]):
            converted = (to_simplified if self.traditional else self.s2t.convert)(form)
            if converted != form:
                return self._later(gold, lines, at, converted, "traditional", converted)
        return None

    def _before(self, gold, lines, at):
        short = gold["abbr"]
        if at > 0:  # the first line: before any use the original itself makes
            return self._insert("before", gold, lines, 0, 0, short, short)
        if gold["offset"] == 0:
            line = lines[at]
            lines[at] = f"据{short}称，" + line
            return self._plant("before", gold, lines, at, 1, 1 + len(short), short)
        return self._insert("before", gold, lines, at, 0, short, short)


def _bare(form: str) -> str:
    return form.strip('《》"“”')


def _clause_start(line: str, after: int) -> int:
    """The first clause start at or after `after`: after a comma, full stop, semicolon."""
    if after == 0:
        return 0
    for i in range(after, len(line)):
        if line[i] in "，。；：,;":
            return i + 1
    return len(line)


def _found(plant: Plant, findings) -> list:
    """Findings overlapping the planted span; for an undefined short form, also TK101 on that
    form anywhere (it reports the first use, which may come before the planted line)."""
    term = plant.note.split(": ")[-1] if plant.kind == "undefined" else None
    return [
        f
        for f in findings
        if (term and f.rule == "TK101" and normalize(f.found) == normalize(term))
        or (
            f.line <= plant.line <= f.end_line
            and (f.line < plant.line or f.column < plant.end)
            and (f.end_line > plant.line or f.end_column > plant.start)
        )
    ]


def planted(planter: Planter, gold: list, mine: dict, glossary, line_of):
    """(definition, plant) for every plant next to `gold`'s definitions in the documents
    `mine`, the planter's glossary set to the plant's document's (bench/check_alarms.py reads
    the same plants)."""
    for g in gold:
        if g["doc"] not in mine:
            continue
        lines = mine[g["doc"]]
        planter.glossary = glossary_for(glossary, g["doc"])
        for plant in planter.plants(g, lines, line_of(g, lines)):
            yield g, plant


def evaluate(
    name: str,
    mine,
    gold,
    glossary: GlossaryIndex,
    args,
    line_of,
    variants=None,
    early=None,
    trace: list | None = None,
) -> dict:
    """Recall by kind of the plants next to `gold`'s definitions in the documents `mine`
    (symbol → lines), and false alarms on their clean originals; `line_of(g, lines)` is the
    0-based index of a definition's line in its document. A finding on an original that points
    at one of the inconsistencies the gold lists for it (`variants`: document → entries) is a
    real one, counted apart, and so is a short form used before its definition where the gold
    says it is (`early`: document → {(short form key, line)}). `trace` gets one row per plant
    (kind, document, whether the draft defines a short form, the (rule, form key) of every
    finding that catches it, the short forms the draft's findings call undefined) and per
    false alarm ("alarm", document, whether it defines one, [(rule, form key)], the same
    forms of the original), for bench/fit_usage.py."""
    variants, early = variants or {}, early or {}
    settings = Settings()
    seed = getattr(args, "seed", None)
    planter = Planter(name if seed is None else f"{name}:seed{seed}", gold)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    other_script = 0
    scripts = {d: Analysed("\n".join(ls) + "\n").scripts() for d, ls in mine.items()}
    for g, plant in planted(planter, gold, mine, glossary, line_of):
        findings = check_text(plant.text, plant.doc, glossary_for(glossary, plant.doc), settings)
        findings = [f for f in findings if f.severity != "hint"]  # shown to no one
        hits = _found(plant, findings)
        other_script += _other_script(findings, scripts[g["doc"]])
        if trace is not None:
            caught = [(f.rule, normalize(f.found)) for f in hits]
            defines = _defines(plant.text, planter.glossary)
            trace.append((plant.kind, plant.doc, defines, caught, _undefined(findings)))
        total[plant.kind] += 1
        found[plant.kind] += bool(hits)
        if args.misses and not hits:
            print(f"  missed {plant.kind}: {plant.doc}:{plant.line}:{plant.start} {plant.note}")
    alarms: Counter[str] = Counter()
    real: Counter[str] = Counter()
    chars = hints = 0
    for doc, lines in sorted(mine.items()):
        text = "\n".join(lines) + "\n"
        chars += len(text)
        findings = check_text(text, doc, glossary_for(glossary, doc), settings)
        hints += sum(f.severity == "hint" for f in findings)
        findings = [f for f in findings if f.severity != "hint"]
        other_script += _other_script(findings, scripts[doc])
        for f in findings:
            if _real(f, variants.get(doc, []), early.get(doc, set())):
                real[f.rule] += 1
                continue
            alarms[f.rule] += 1
            if trace is not None:
                defines = _defines(text, glossary_for(glossary, doc))
                caught = [(f.rule, normalize(f.found))]
                trace.append(("alarm", doc, defines, caught, _undefined(findings)))
            if args.alarms:
                print(f"  alarm {doc}:{f.line}:{f.column} {f.rule} {f.message}")
    return {
        "half": name,
        "documents": len(mine),
        "recall": {k: f"{found[k]}/{total[k]}" for k in KINDS},
        "recall_all": round(sum(found.values()) / max(1, sum(total.values())), 3),
        "clean_chars": chars,
        "false_alarms": sum(alarms.values()),
        "false_alarms_per_10k": round(10000 * sum(alarms.values()) / max(1, chars), 2),
        "false_alarms_by_rule": dict(sorted(alarms.items())),
        "findings_on_gold_variants": dict(sorted(real.items())),
        # Findings below the confidence threshold: shown as hints, counted as no alarm.
        "hints_per_10k": round(10000 * hints / max(1, chars), 2),
        "suggestions_in_the_other_script": other_script,
        # UNPC documents are excerpts (1-12 lines of a longer document): a short form defined
        # in the part left out reads as undefined here, so TK101 is also counted apart.
        "per_10k_without_TK101": round(
            10000 * (sum(alarms.values()) - alarms["TK101"]) / max(1, chars), 2
        ),
    }


def _undefined(findings) -> frozenset[str]:
    """The short forms a text's findings say it uses undefined (TK101 and TK114)."""
    return frozenset(normalize(f.found) for f in findings if f.rule in ("TK101", "TK114"))


def _defines(text: str, glossary: GlossaryIndex) -> bool:
    """Does the text define a short form of its own (as the checker reads definitions)?"""
    doc = Analysed(text)
    return bool(find_definitions(doc, glossary.zh_full_keys))


def _other_script(findings, scripts) -> int:
    """Findings (on drafts and originals) whose suggestion is not in the script of the line
    they are on in the clean original (`scripts`; a plant changes no line's script):
    simplified in a traditional-script line, traditional in a simplified one."""
    return sum(
        bool(f.suggestion)
        and HAN_CHAR.search(f.suggestion) is not None
        and (
            in_simplified(f.suggestion)
            if scripts.traditional(f.line)
            else to_simplified(f.suggestion) != f.suggestion
        )
        for f in findings
    )


def _real(finding, variants: list[dict], early: set[tuple[str, int]]) -> bool:
    if finding.rule == "TK102" and (normalize(finding.found), finding.line) in early:
        return True
    return any(_caught(e, [finding]) for e in variants if not e.get("uncertain"))


def glossary_for(glossary, doc: str) -> GlossaryIndex:
    """The glossaries in force for one document: a fixed index, or one per document."""
    return glossary[doc] if isinstance(glossary, dict) else glossary


ZH: list[str] = []


def unpc(args, shipped) -> None:
    """The UNPC devset, in its two halves; the corpus glossary is the other half's."""
    docs, gold = documents(), unpc_gold()
    for half, glossary in unpc_glossaries(docs, shipped, args.half):
        mine = {d: ls for d, ls in docs.items() if half_of(d) == half}
        result = evaluate(half, mine, gold, glossary, args, unpc_line)
        print(json.dumps({**result, "usage_documents": glossary.usage.documents}))


def unpc_gold() -> list[dict]:
    """The certain definitions of gold/unpc_devset.json with a short form of two or more
    characters."""
    if not ZH:
        ZH.extend((DATA / "UNv1.0.devset.zh").read_text("utf-8").splitlines())
    definitions = json.loads((SHARED / "gold" / "unpc_devset.json").read_text("utf-8"))
    return [
        g
        for g in definitions["definitions"]
        if not g.get("uncertain") and len(_bare(g["abbr"])) >= 2
    ]


def unpc_line(g: dict, lines: list[str]) -> int:
    """The 0-based line of a UNPC gold definition in its regrouped document."""
    return lines.index(ZH[g["line"] - 1])


def unpc_glossaries(docs, shipped, which: str = "both"):
    """(half, the glossaries in force for it): the shipped glossary, the corpus glossary of
    the other half and the other half's usage table (the shipped table knows both halves)."""
    for half in ("dev", "test") if which == "both" else (which,):
        other = {d: ls for d, ls in docs.items() if half_of(d) != half}
        glossary = GlossaryIndex([*shipped, corpus_glossary(other)])
        glossary.usage = total(usage_rows(other, glossary).values())
        yield half, glossary


def usage_rows(docs: dict[str, list[str]], glossary: GlossaryIndex) -> dict[str, Usage]:
    """Each document's row of the short-form usage table (`termkit.check.usage`)."""
    return {d: document_usage("\n".join(ls) + "\n", glossary) for d, ls in sorted(docs.items())}


def annotated(args, shipped) -> None:
    """A gold set of the seed003 format (one JSON object per document, or a folder or list of
    them) over the texts in `--texts`: every document is checked with the shipped glossary and
    the glossary the extractor builds from the set's *other* documents."""
    docs, gold, variants, early = read_gold_set(args.gold, args.texts)
    glossaries = annotated_glossaries(docs, shipped)
    result = evaluate(
        "gold", docs, gold, glossaries, args, lambda g, ls: g["line"] - 1, variants, early
    )
    print(json.dumps({**result, "gold": str(args.gold)}, ensure_ascii=False))


def annotated_glossaries(docs, shipped) -> dict[str, GlossaryIndex]:
    """Document → the glossaries in force for it: the shipped glossary and usage table, and
    the glossary and usage table of the set's other documents (their rows read with the
    glossary of the whole set)."""
    rows = usage_rows(docs, GlossaryIndex([*shipped, corpus_glossary(docs)]))
    shipped_usage = tables_of(glossary_paths(Settings()))
    glossaries = {}
    for d in docs:
        index = GlossaryIndex(
            [*shipped, corpus_glossary({o: ls for o, ls in docs.items() if o != d})]
        )
        index.usage = total([shipped_usage, *(r for o, r in rows.items() if o != d)])
        glossaries[d] = index
    return glossaries


_TERMBASES: dict[tuple[str, str], object] = {}


def document_termbase_of(doc: str, lines: list[str]):
    """One document's extracted termbase (kept: leave-one-out glossaries reuse it). Kept by
    name and text: the TRAIN sets share file names (docs/001.txt), and bench/fit_usage.py reads
    them all in one process."""
    text = "\n".join(lines) + "\n"
    if (doc, text) in _TERMBASES:
        return _TERMBASES[doc, text]
    from termkit.build import document_termbase
    from termkit.extract.extractor import extract_document
    from termkit.text.decode import Document

    _TERMBASES[doc, text] = document_termbase(extract_document(Document(doc, text, "utf-8")))
    return _TERMBASES[doc, text]


def read_gold_set(gold_path, texts) -> tuple[dict[str, list[str]], list[dict], dict, dict]:
    """Documents (name → lines), their certain definitions in the shape the planter reads
    (the printed full form, `offset` of the printed definition, `doc`), their variants, and
    the (short form, line) of every use the gold says comes before its definition."""
    from pathlib import Path

    gold_path = Path(gold_path)
    files = sorted(gold_path.glob("*.json")) if gold_path.is_dir() else [gold_path]
    entries = [e for f in files for e in _gold_documents(json.loads(f.read_text("utf-8")))]
    docs: dict[str, list[str]] = {}
    gold: list[dict] = []
    variants: dict[str, list[dict]] = {}
    early: dict[str, set[tuple[str, int]]] = {}
    for entry in entries:
        name = entry["document"]
        path = Path(texts) / name
        if not path.is_file():
            sys.exit(f"check_planted: {path}: no such text (the gold names {name})")
        lines = path.read_text("utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        docs[name] = lines
        variants[name] = entry.get("variants", [])
        early[name] = set()
        for d in entry.get("definitions", []):
            key = normalize(_bare(d["abbr"]))
            early[name].update((key, n) for n in d.get("earlier_use_lines", []))
            if d.get("uncertain") or len(_bare(d["abbr"])) < 2 or d.get("crosses_line_break"):
                continue  # a definition broken over two lines is not planted next to
            printed = d.get("as_printed", "")
            offset = d.get("as_printed_offset", d["offset"])
            if not lines[d["line"] - 1].startswith(printed, offset):
                sys.exit(f"check_planted: {name}:{d['line']}: {printed} is not at {offset}")
            full = d.get("full_as_printed", d["full"])
            gold.append({**d, "doc": name, "full": full, "offset": offset})
    return docs, gold, variants, early


def _gold_documents(data) -> list[dict]:
    """One gold object per document: seed003.json is one; a list holds several; a set such as
    bench/annotated/un_pages/gold.json lists `documents` (id, `file`) and tags every entry of
    its lists with the `doc` id."""
    if isinstance(data, list):
        return [d for item in data for d in _gold_documents(item)]
    if "document" in data:
        return [data]
    out = []
    for document in data["documents"]:
        mine = {
            part: [e for e in data.get(part, []) if e.get("doc") == document["id"]]
            for part in ("definitions", "variants")
        }
        out.append({"document": document["file"], **mine})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--misses", action="store_true", help="print every missed plant")
    parser.add_argument("--alarms", action="store_true", help="print every false alarm")
    parser.add_argument("--gold", help="a gold file (or folder) of the seed003 format")
    parser.add_argument("--texts", help="the folder the gold's documents are in")
    parser.add_argument(
        "--seed", type=int, help="draw other plants from the same texts (default: the fixed set)"
    )
    args = parser.parse_args()
    if bool(args.gold) != bool(args.texts):
        parser.error("--gold and --texts go together")
    shipped = [load_glossary(p) for p in glossary_paths(Settings())]
    if args.gold:
        annotated(args, shipped)
    else:
        unpc(args, shipped)


if __name__ == "__main__":
    main()
