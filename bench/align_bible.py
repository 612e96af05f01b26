"""Benchmark the aligner on the Bertalign Bible gold (Genesis–Numbers, 5,000 en × 6,301 zh).

Prints strict and lax precision / recall / F1 computed as vecalign's `score.py` does, and the
wall time of the whole alignment. Run by hand:

    python bench/align_bible.py [--limit N] [--drop 0.03] [--drift 0.03] [--chapters 190]
        [--no-dictionary] [--no-learn] [--lexical-weight W]
        [--data ../shared/data/bertalign-bible-zh-en]
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termkit.align import align_texts  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bertalign-bible-zh-en"

Link = tuple[tuple[int, ...], tuple[int, ...]]


def read_gold(path: Path) -> list[Link]:
    """vecalign format `[en ids]:[zh ids]`, English first."""
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            src, tgt = line.split(":")
            links.append((tuple(ast.literal_eval(src)), tuple(ast.literal_eval(tgt))))
    return links


def _counts(gold: list[Link], test: list[Link]) -> tuple[int, int, int, int]:
    """tp_strict, fp_strict, tp_lax, fp_lax of `test` against `gold` (vecalign semantics:
    a lax hit overlaps a gold link on both sides)."""
    test_set = {(s, t) for s, t in test if s or t}
    gold_set = {(s, t) for s, t in gold if s or t}
    gold_tgt_of_src: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            gold_tgt_of_src[i].update(t)
    tps = fps = tpl = fpl = 0
    for s, t in test_set:
        if (s, t) in gold_set:
            tps += 1
            tpl += 1
            continue
        fps += 1
        targets = set().union(*(gold_tgt_of_src[i] for i in s)) if s else set()
        if targets & set(t):
            tpl += 1
        else:
            fpl += 1
    return tps, fps, tpl, fpl


def score(gold: list[Link], test: list[Link]) -> dict[str, float]:
    """Strict and lax precision, recall, F1; recall ignores insertions and deletions."""
    p = _counts(gold, test)
    r = _counts([x for x in test if x[0] and x[1]], [x for x in gold if x[0] and x[1]])

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    out = {
        "precision_strict": ratio(p[0], p[1]),
        "recall_strict": ratio(r[0], r[1]),
        "precision_lax": ratio(p[2], p[3]),
        "recall_lax": ratio(r[2], r[3]),
    }
    out["f1_strict"] = f1(out["precision_strict"], out["recall_strict"])
    out["f1_lax"] = f1(out["precision_lax"], out["recall_lax"])
    return out


def load_bible(data: Path, limit: int = 0) -> tuple[list[str], list[str], list[Link]]:
    """Chinese and English sentences and gold links of text 001; with `limit`, the first
    `limit` gold links and the sentences they hold."""
    zh_lines = (data / "001.zh").read_text(encoding="utf-8").splitlines()
    en_lines = (data / "001.en").read_text(encoding="utf-8").splitlines()
    gold = read_gold(data / "001.align")
    if limit:
        gold = gold[:limit]
        n_en = max(i for s, _ in gold for i in s) + 1
        n_zh = max(j for _, t in gold for j in t) + 1
        zh_lines, en_lines = zh_lines[:n_zh], en_lines[:n_en]
    return zh_lines, en_lines, gold


# Links per document when the Bible is cut into chapter-sized documents: a novel's chapter
# (issue 14's literary set has 4,504 links in 24 chapters). A short document learns little
# from itself, and its bead priors are mostly their defaults: a setting that the whole Bible
# likes may leave sentences out of a chapter.
CHAPTER = 190


def cut_links(zh: list[str], en: list[str], links: list[Link]):
    """The sentences of `links` on both sides, renumbered from 0, with the links."""
    en_ids = [i for s, _ in links for i in s]
    zh_ids = [j for _, t in links for j in t]
    e0, e1, z0, z1 = min(en_ids), max(en_ids) + 1, min(zh_ids), max(zh_ids) + 1
    shifted = [(tuple(i - e0 for i in s), tuple(j - z0 for j in t)) for s, t in links]
    return zh[z0:z1], en[e0:e1], shifted


def chapters(zh: list[str], en: list[str], gold: list[Link], size: int = CHAPTER):
    """The documents of consecutive runs of `size` gold links (the remainder joins the last)."""
    starts = list(range(0, max(len(gold) - size, 0) + 1, size))
    ends = [*starts[1:], len(gold)]
    return [cut_links(zh, en, gold[a:b]) for a, b in zip(starts, ends, strict=True)]


def align_documents(docs, **evidence) -> tuple[list[Link], list[Link]]:
    """Gold links and test beads of documents (zh, en, links) each aligned on its own,
    renumbered one after the other."""
    gold: list[Link] = []
    test: list[Link] = []
    e0 = z0 = 0  # sentences of the documents before
    for zh, en, links in docs:
        beads = align_texts("\n".join(zh), "\n".join(en), presplit=True, **evidence)
        gold += [(tuple(i + e0 for i in s), tuple(j + z0 for j in t)) for s, t in links]
        test += [
            (tuple(n - 1 + e0 for n in b.en_lines), tuple(n - 1 + z0 for n in b.zh_lines))
            for b in beads
        ]
        e0, z0 = e0 + len(en), z0 + len(zh)
    return gold, test


def non_gold(gold: list[Link], test: list[Link]) -> tuple[dict[Link, list[Link]], list[Link]]:
    """Test beads that are no gold link, in two kinds. Gold links are whole verses: a bead
    either splits one gold link more finely (all its sentences inside it: right at sentence
    level), returned by gold link, or crosses links (or holds a sentence no link has)."""
    gold_set = set(gold)
    link_of = {("en", i): g for g in gold for i in g[0]} | {
        ("zh", j): g for g in gold for j in g[1]
    }
    finer: dict[Link, list[Link]] = {}
    crossing: list[Link] = []
    for s, t in test:
        if (s, t) in gold_set:
            continue
        owners = {link_of.get(("en", i)) for i in s} | {link_of.get(("zh", j)) for j in t}
        if len(owners) == 1 and None not in owners:
            finer.setdefault(owners.pop(), []).append((s, t))
        else:
            crossing.append((s, t))
    return finer, crossing


def restrict_gold(gold: list[Link], n_en: int, n_zh: int) -> list[Link]:
    """Gold links wholly inside the first n_en / n_zh sentences."""
    return [(s, t) for s, t in gold if all(i < n_en for i in s) and all(j < n_zh for j in t)]


def nltk_gale_church(zh_lines: list[str], en_lines: list[str]) -> tuple[list[Link], float]:
    """nltk's gale_church on the same sentences (Chinese lengths scaled by the documents' length
    ratio, as nltk assumes 1:1), its sentence pairs grouped into beads; and its wall time."""
    from nltk.translate import gale_church

    from termkit.align import sentence_length

    zh_len = [sentence_length(z, True) for z in zh_lines]
    en_len = [sentence_length(e, False) for e in en_lines]
    ratio = sum(en_len) / sum(zh_len)
    start = time.perf_counter()
    pairs = gale_church.align_blocks([round(e) for e in en_len], [round(z * ratio) for z in zh_len])
    elapsed = time.perf_counter() - start
    links: list[tuple[set[int], set[int]]] = []
    for i, j in pairs:
        if links and (i in links[-1][0] or j in links[-1][1]):
            links[-1][0].add(i)
            links[-1][1].add(j)
        else:
            links.append(({i}, {j}))
    return [(tuple(sorted(e)), tuple(sorted(z))) for e, z in links], elapsed


def drop_links(zh_lines: list[str], gold: list[Link], share: float, seed: int = 7):
    """Remove the Chinese sentences of a random `share` of gold links; those links become
    deletions (English verse, no Chinese) and the rest are renumbered."""
    import random

    rng = random.Random(seed)
    dropped = {k for k in range(len(gold)) if gold[k][1] and rng.random() < share}
    return _rebuild(zh_lines, gold, dropped, set(), set())


def drift_links(
    zh_lines: list[str], gold: list[Link], share: float, seed: int = 7
) -> tuple[list[str], list[Link]]:
    """A harder drift proxy than `drop_links`, standing for loose literary translations: on
    the Chinese side, runs of 2-12 consecutive gold links deleted (a missing paragraph), and
    as many single lines merged with the next line and split at a comma in the middle, each
    on a random `share` of the links. A merge across two gold links joins them into one."""
    import random

    rng = random.Random(seed)
    dropped: set[int] = set()
    merged: set[int] = set()
    split: set[int] = set()
    k = 0
    while k < len(gold):
        draw = rng.random()
        if draw < share / 6:  # runs average 7 links: `share` of the links in all
            run = rng.randint(2, 12)
            dropped.update(range(k, min(k + run, len(gold))))
            k += run + 1
            continue
        if draw < share / 6 + share and gold[k][1]:
            (merged if rng.random() < 0.5 else split).add(gold[k][1][-1])
        k += 1
    return _rebuild(zh_lines, gold, dropped, merged, split)


def _rebuild(zh_lines, gold: list[Link], dropped: set[int], merged: set[int], split: set[int]):
    """Chinese lines and gold links after deleting the Chinese side of the links `dropped`,
    joining each line of `merged` with the next kept line and cutting each line of `split`
    at its middle comma (lines are renumbered)."""
    gone = {j for k in dropped for j in gold[k][1]}
    link_of = {j: k for k, (_, t) in enumerate(gold) for j in t}
    owners: list[set[int]] = []  # gold links of every new line
    kept: list[str] = []
    join_next = False
    for j, line in enumerate(zh_lines):
        if j in gone:
            continue
        owner = {link_of[j]} if j in link_of else set()
        if join_next:
            kept[-1] += line
            owners[-1] |= owner
        elif j in split and (cut := _middle_comma(line)):
            kept.extend([line[:cut], line[cut:]])
            owners.extend([set(owner), set(owner)])
        else:
            kept.append(line)
            owners.append(owner)
        join_next = j in merged
    # Links sharing a new line become one link.
    parent = list(range(len(gold)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for owner in owners:
        first, *rest = sorted(owner) or [None]
        for k in rest:
            parent[root(k)] = root(first)
    groups: dict[int, tuple[set[int], set[int]]] = {}
    for k, (s, _) in enumerate(gold):
        groups.setdefault(root(k), (set(), set()))[0].update(s)
    for j, owner in enumerate(owners):
        for k in owner:
            groups[root(k)][1].add(j)
    links = [(tuple(sorted(e)), tuple(sorted(z))) for e, z in groups.values()]
    return kept, sorted(links, key=lambda x: (x[0] or (-1,), x[1]))


def _middle_comma(line: str) -> int:
    """Position just after the comma nearest the middle of a line (0 when it has none)."""
    cuts = [i + 1 for i, ch in enumerate(line[:-1]) if ch in "，；：" and 0 < i < len(line) - 2]
    return min(cuts, key=lambda c: abs(2 * c - len(line))) if cuts else 0


def add_evidence_arguments(parser: argparse.ArgumentParser) -> None:
    """Switches to measure the aligner without one evidence source, or with other weights."""
    parser.add_argument("--no-dictionary", action="store_true", help="without CC-CEDICT")
    parser.add_argument("--no-learn", action="store_true", help="without the learnt lexicon")
    parser.add_argument("--lexical-weight", type=float, help="instead of the fitted one")
    parser.add_argument("--anchor-weight", type=float, help="instead of the fitted one")
    parser.add_argument("--miss-weight", type=float, help="instead of the fitted one")
    parser.add_argument("--coverage-weight", type=float, help="instead of the fitted one")
    parser.add_argument("--heading-penalty", type=float, help="instead of the fitted one")
    parser.add_argument("--min-lift", type=float, help="instead of the fitted one")
    parser.add_argument("--deletion-floor", type=float, help="instead of the fitted one")
    parser.add_argument(
        "--merge", action="store_true", help="join neighbouring beads into verses (merge.py)"
    )


def evidence_options(args: argparse.Namespace) -> dict:
    return {
        "dictionary": not args.no_dictionary,
        "learn_lexicon": not args.no_learn,
        "lexical_weight": args.lexical_weight,
        "anchor_weight": args.anchor_weight,
        "miss_weight": args.miss_weight,
        "coverage_weight": args.coverage_weight,
        "heading_penalty": args.heading_penalty,
        "min_lift": args.min_lift,
        "deletion_floor": args.deletion_floor,
        "merge": args.merge,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="first N gold links only")
    parser.add_argument(
        "--nltk", action="store_true", help="also run nltk's gale_church (slow; use --limit)"
    )
    parser.add_argument(
        "--drop",
        type=float,
        default=0.0,
        help="delete the Chinese side of this share of gold links (drift: the length model "
        "loses its place at every gap)",
    )
    parser.add_argument(
        "--drift",
        type=float,
        default=0.0,
        help="on the Chinese side, delete runs of verses and merge or split single lines, "
        "each on this share of the gold links (a harder drift proxy, see drift_links)",
    )
    parser.add_argument(
        "--chapters",
        type=int,
        default=0,
        help=f"cut the links into documents of this many (a novel's chapter: {CHAPTER}), each "
        "aligned on its own",
    )
    add_evidence_arguments(parser)
    args = parser.parse_args()
    zh_lines, en_lines, gold = load_bible(args.data, args.limit)
    if args.chapters:
        docs = chapters(zh_lines, en_lines, gold, args.chapters)
        cpu = time.process_time()
        gold, test = align_documents(docs, **evidence_options(args))
        cpu = time.process_time() - cpu
        res = score(gold, test)
        left_out = sum(1 for s, t in test if not s or not t)
        print(
            f"Bible 001 in {len(docs)} documents of {args.chapters}+ links: strict F1 "
            f"{res['f1_strict']:.4f}, lax {res['f1_lax']:.4f}, {left_out} sentences left out "
            f"(CPU {cpu:.2f} s)"
        )
        return 0
    if args.drop:
        zh_lines, gold = drop_links(zh_lines, gold, args.drop)
    if args.drift:
        zh_lines, gold = drift_links(zh_lines, gold, args.drift)
    start, cpu = time.perf_counter(), time.process_time()
    beads = align_texts(
        "\n".join(zh_lines), "\n".join(en_lines), presplit=True, **evidence_options(args)
    )
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    # presplit: sentence k is input line k+1.
    test = [(tuple(n - 1 for n in b.en_lines), tuple(n - 1 for n in b.zh_lines)) for b in beads]
    res = score(gold, test)
    print(f"Bible 001: {len(zh_lines)} zh x {len(en_lines)} en sentences, {len(beads)} beads")
    print("             strict    lax")
    for key in ("precision", "recall", "f1"):
        print(f"{key:<10} {res[key + '_strict']:8.4f} {res[key + '_lax']:7.4f}")
    print(f"wall time  {elapsed:8.2f} s (CPU {cpu:.2f} s, load {os.getloadavg()[0]:.1f})")
    finer, crossing = non_gold(gold, test)
    print(
        f"non-gold beads: {sum(len(b) for b in finer.values())} inside one gold link (finer "
        f"split), {len(crossing)} crossing links"
    )
    if args.nltk:
        nltk_test, nltk_time = nltk_gale_church(zh_lines, en_lines)
        res = score(gold, nltk_test)
        print(
            f"nltk gale_church: F1 strict {res['f1_strict']:.4f}, lax {res['f1_lax']:.4f}, "
            f"{nltk_time:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
