"""The hand-made extraction gold as documents with line-numbered definitions, and its scorer.

The dev annotations (`../shared/gold/seed000.json`, `../shared/gold/unpc_devset.json`,
`bench/heldout/seed003.json`, the TRAIN sets `bench/annotated/*/gold.json`) and any held-out set
of seed003.json's format (one document or many, `--gold`) load into `GoldDoc`s:
one text to extract and the definitions it introduces, each on the line of the original file.
The UNPC devset is 4,000 lines from 732 documents, interleaved; each document's lines are put
back together (in file order) so that document-level evidence is the document's own.

Scoring follows gold/README.md: keys fold width (NFKC), hyphens to `-`, and drop 《》, quotes
and spaces; uncertain entries count neither as hits nor as misses (any short form an uncertain
entry defines on its line is "don't care"); every occurrence is scored on its own line.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _paths import REPO, SHARED

UNPC = SHARED / "data" / "unpc-v1.0-devset"
_DROP = re.compile(r"[《》\"'“”‘’「」『』\s\u3000]")
_HYPHENS = re.compile(r"[\u2010-\u2015\u2212\ufe63\uff0d-]")


def key(text: str) -> str:
    """The scoring key of a full or short form."""
    return _DROP.sub("", _HYPHENS.sub("-", unicodedata.normalize("NFKC", text)))


@dataclass(frozen=True)
class GoldDef:
    lines: tuple[int, ...]  # lines of the document text the printed definition touches
    full: str
    short: str
    kind: str  # "zh" (a Chinese short form) or "en" (a Latin one)
    uncertain: bool = False
    acceptable: tuple[str, ...] = ()  # further right full forms of an uncertain entry
    subtype: str = ""


@dataclass
class GoldDoc:
    name: str
    group: str  # what cross-validation splits on: the UN document
    text: str
    definitions: list[GoldDef]
    # brackets that are not definitions: (line, text, label)
    non_definitions: list[tuple[int, str, str]] = field(default_factory=list)
    line_map: list[int] = field(default_factory=list)  # document line - 1 -> file line


def _zh_or_en(short: str) -> str:
    return "zh" if re.search(r"[\u3400-\u9fff]", short) else "en"


def load_seed(annotation: Path, seed_dir: Path = REPO / "seeds") -> GoldDoc:
    """seed000.json or seed003.json: one document with its conventions (lines_spanned)."""
    (doc,) = load_annotation(annotation, seed_dir)
    return doc


def load_annotation(annotation: Path, texts: Path | None = None) -> list[GoldDoc]:
    """An annotation in seed003.json's format, of one document (`document` names its file in
    `texts`) or of many (`documents` lists `id` and `file`, every entry names its `doc`;
    files are found in `texts`, by default beside the annotation). One GoldDoc per document,
    grouped for cross-validation by the document's id."""
    gold = json.loads(annotation.read_text(encoding="utf-8"))
    if "documents" in gold:
        base = texts or annotation.parent
        files = {
            str(d["id"]): _text_file(base, d.get("file", str(d["id"]))) for d in gold["documents"]
        }
        prefix = f"{annotation.parent.name}:"
    else:
        files = {"": (texts or REPO / "seeds") / gold["document"]}
        prefix = annotation.stem
    defs: dict[str, list[GoldDef]] = {doc: [] for doc in files}
    for entry in gold.get("definitions", []) + gold.get("english_equivalents", []):
        full = entry.get("full", entry.get("zh", ""))
        short = entry.get("abbr", entry.get("en", ""))
        lines = tuple(entry.get("lines_spanned") or [entry["line"]])
        defs[str(entry.get("doc", ""))].append(
            GoldDef(
                lines,
                full,
                short,
                _zh_or_en(short),
                bool(entry.get("uncertain")),
                tuple(entry.get("acceptable_full", ())),
                entry.get("kind", ""),
            )
        )
    non: dict[str, list[tuple[int, str, str]]] = {doc: [] for doc in files}
    for e in gold.get("non_definitions", []):
        for line in e.get("lines", [e.get("line", 0)]):
            non[str(e.get("doc", ""))].append((line, e["text"], e.get("why", "")[:40]))
    docs = []
    for doc, path in files.items():
        text = path.read_text(encoding="utf-8")
        name = f"{prefix}{doc}"
        docs.append(
            GoldDoc(name, name, text, defs[doc], non[doc], list(range(1, text.count("\n") + 2)))
        )
    return docs


def _text_file(base: Path, file: str) -> Path:
    """A document's text: `file` under `base`, or its bare name there (`--texts DIR`)."""
    for candidate in (base / file, base / Path(file).name, base / f"{Path(file).name}.txt"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"gold: no text {file} under {base}")


def load_unpc() -> list[GoldDoc]:
    """The UNPC devset as its 732 documents (only those are returned that hold a bracket)."""
    gold = json.loads((SHARED / "gold" / "unpc_devset.json").read_text(encoding="utf-8"))
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").split("\n")
    ids = (UNPC / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    by_doc: dict[str, list[int]] = {}
    for i, row in enumerate(ids):
        by_doc.setdefault(row.split()[0], []).append(i + 1)
    defs: dict[int, list[GoldDef]] = {}
    for e in gold["definitions"]:
        defs.setdefault(e["line"], []).append(
            GoldDef(
                (e["line"],),
                e["full"],
                e["abbr"],
                "en" if e["kind"] == "zh-en" else "zh",
                bool(e.get("uncertain")),
                tuple(e.get("acceptable_full", ())),
                e.get("subtype", ""),
            )
        )
    non: dict[int, list[tuple[int, str, str]]] = {}
    for e in gold["non_definitions"]:
        non.setdefault(e["line"], []).append((e["line"], e["text"], e.get("label", "")))
    docs = []
    for doc, lines in by_doc.items():
        text = "\n".join(zh[n - 1] for n in lines)
        if "(" not in text and "（" not in text:
            continue
        local = {n: i + 1 for i, n in enumerate(lines)}
        docs.append(
            GoldDoc(
                f"unpc:{doc}",
                doc,
                text,
                [_relined(d, local) for n in lines for d in defs.get(n, [])],
                [(local[n], t, lab) for n in lines for (_, t, lab) in non.get(n, [])],
                lines,
            )
        )
    return docs


def _relined(d: GoldDef, local: dict[int, int]) -> GoldDef:
    return GoldDef(
        tuple(local[n] for n in d.lines),
        d.full,
        d.short,
        d.kind,
        d.uncertain,
        d.acceptable,
        d.subtype,
    )


TRAIN = REPO / "bench" / "annotated"


def dev_sets(without: tuple[str, ...] = ()) -> dict[str, list[GoldDoc]]:
    """Every dev annotation by set: the seeds, the UNPC devset, and each hand-annotated TRAIN
    set under bench/annotated/ (bench/heldout/ holds only seed 003, now dev, and the held-out
    sets, which are never read here). A set named in `without` is not read at all (an
    engineer blind to bench/heldout/ leaves out seed003)."""
    loaders = {
        "seed000": lambda: [load_seed(SHARED / "gold" / "seed000.json")],
        "seed003": lambda: [load_seed(REPO / "bench" / "heldout" / "seed003.json")],
        "unpc devset": load_unpc,
    }
    for path in sorted(TRAIN.glob("*/gold.json")):
        loaders[f"train {path.parent.name}"] = lambda path=path: load_annotation(path)
    return {name: load() for name, load in loaders.items() if name not in without}


def fold_of(group: str, folds: int) -> int:
    """A fixed, document-grouped fold: every line of one UN document falls in the same fold."""
    return int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % folds


@dataclass(frozen=True)
class Found:
    line: int  # where the full form starts
    short_line: int
    full: str
    short: str
    kind: str  # "zh" or "en"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: Counter = field(default_factory=Counter)  # error class -> count
    examples: list[str] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.errors.update(other.errors)
        self.examples.extend(other.examples)
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


# The error classes of issue 10.
TOO_LONG = "1 left boundary too long"
TOO_SHORT = "2 cut too short"
OTHER_BOUNDARY = "2 other boundary"
TRAP = "3 trap accepted"
MISSED = "4 definition missed"


def score_document(doc: GoldDoc, found: list[Found]) -> Score:
    """Strict occurrence scoring of one document's extraction."""
    score = Score()
    matched: set[int] = set()
    for f in found:
        short, full = key(f.short), key(f.full)
        near = [
            (i, g)
            for i, g in enumerate(doc.definitions)
            if key(g.short) == short and (f.short_line in g.lines or f.line in g.lines)
        ]
        if any(g.uncertain for _, g in near):
            continue
        hit = next((i for i, g in near if i not in matched and key(g.full) == full), None)
        if hit is not None:
            matched.add(hit)
            score.tp += 1
            continue
        score.fp += 1
        wrong = next(((i, g) for i, g in near if i not in matched), None)
        where = f"{doc.name}:{doc.line_map[f.line - 1] if doc.line_map else f.line}"
        if wrong is None:
            score.errors[TRAP] += 1
            score.examples.append(f"{TRAP} {where} {f.full}（{f.short}）")
            continue
        i, g = wrong
        matched.add(i)
        score.fn += 1
        gold_full = key(g.full)
        kind = (
            TOO_LONG
            if full.endswith(gold_full)
            else TOO_SHORT
            if gold_full.endswith(full)
            else OTHER_BOUNDARY
        )
        score.errors[kind] += 1
        score.examples.append(f"{kind} {where} {f.full}（{f.short}） gold {g.full}")
    for i, g in enumerate(doc.definitions):
        if i in matched or g.uncertain:
            continue
        score.fn += 1
        score.errors[MISSED] += 1
        where = f"{doc.name}:{doc.line_map[g.lines[0] - 1] if doc.line_map else g.lines[0]}"
        score.examples.append(f"{MISSED} {where} {g.full}（{g.short}）")
    return score
