"""Scale: `termkit build` over 4,000+ UN documents in one process, two processes and on a
two-worker Dask cluster on loopback; the warm-cache rebuild; peak memory at 1,000 and 4,000.

Run: python bench/scale.py [--documents 4000] [--repeat 3] [--worker-profiler off]
     [--parts speed,cache,memory,twins]

The corpus is composed at run time in a temporary folder (nothing is copied into the project):
each document is a window of a seed plus whole UNPC devset documents (grouped by symbol),
drawn with a fixed random seed, about 10 KB each (30-50 MB in all), under a numbered header so
no two are alike; one in twenty is gzip and one in twenty xz compressed. `--parts twins`
measures `build --parallel` apart: the devset's 732 documents written as Chinese/English twins
(their lines as the devset aligns them), every twin aligned and its term pairs judged by the
count table of all of them. Every build runs the
`termkit build` command in a fresh process, as a user would; times are wall-clock, the rate
counts decompressed bytes, and each figure is the best of `--repeat` runs (the median and the
worst are shown too): the machine is shared. Run it on a committed checkout: a build that reads
a tree being edited measures, and compares, two versions of the extractor.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import lzma
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _paths import REPO, SHARED
from _process import ENV

# The Dask scheduler and workers started here import termkit too, to read the task graph,
# with its bytecode, as the builds do (`_process.ENV`).
sys.path.insert(0, str(REPO))
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = ENV["PYTHONPYCACHEPREFIX"]
sys.dont_write_bytecode = False
DEVSET = SHARED / "data" / "unpc-v1.0-devset"


def sources() -> tuple[list[str], list[str]]:
    """Seed paragraphs, and the devset's Chinese lines grouped into their UN documents."""
    seeds = [
        p
        for seed in sorted((REPO / "seeds").glob("*.txt"))
        for p in seed.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    lines = (DEVSET / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    ids = (DEVSET / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    documents: dict[str, list[str]] = defaultdict(list)
    for line, meta in zip(lines, ids, strict=True):
        documents[meta.split()[0]].append(line)
    return seeds, ["\n".join(d) for _, d in sorted(documents.items())]


def write_document(folder: Path, index: int, seeds: list[str], devset: list[str]) -> int:
    """Compose document `index` (a pure function of it) and write it; its size in bytes."""
    rng = random.Random(index)
    target = rng.randint(6_000, 14_000)
    start = rng.randrange(len(seeds))
    parts = [f"联合国文件 SCALE/{index:05d}", *seeds[start : start + rng.randint(4, 12)]]
    size = sum(len(p.encode("utf-8")) for p in parts)
    while size < target:
        part = rng.choice(devset)
        parts.append(part)
        size += len(part.encode("utf-8"))
    data = "\n\n".join(parts).encode("utf-8") + b"\n"
    path = folder / f"{index // 500:02d}" / f"{index:05d}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    if index % 20 == 7:
        path.with_suffix(".txt.gz").write_bytes(gzip.compress(data, mtime=0))
    elif index % 20 == 13:
        path.with_suffix(".txt.xz").write_bytes(lzma.compress(data))
    else:
        path.write_bytes(data)
    return len(data)


def build(folder: Path, out: Path, *options: str) -> tuple[float, int, float]:
    """Wall time, peak resident memory (KB) and CPU seconds of one `termkit build` process
    (its worker processes included; a Dask cluster's workers are not its children)."""
    command = [sys.executable, "-m", "termkit", "build", str(folder), "-o", str(out), "-q"]
    start = time.perf_counter()
    child = subprocess.Popen([*command, *options], env=ENV)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"termkit build {' '.join(options)} exited {child.returncode}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def _process_cpu() -> float:
    """This process's CPU seconds (run on each Dask worker)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def beside_cluster(
    observer, folder: Path, out: Path, *options: str
) -> tuple[float, int, tuple[float, float, float]]:
    """`build` with the CPU of a Dask cluster over the same time, apart: (the build process and
    its children, the workers, asked before and after, and this process, where a LocalCluster
    runs the scheduler). A build on the cluster counts all three; beside a `--jobs` build the
    last two are what the cluster spends idle (heartbeats, the workers' sampling profiler)."""
    workers = sum(observer.run(_process_cpu).values())
    here = time.process_time()
    elapsed, peak, cpu = build(folder, out, *options)
    workers = sum(observer.run(_process_cpu).values()) - workers
    return elapsed, peak, (cpu, workers, time.process_time() - here)


def timed(label: str, runs: list[tuple[float, int, float]], documents: int, size: int) -> float:
    """Print a measurement of (seconds, peak KB, CPU seconds) runs; return its best run, the
    one least disturbed by other work on a shared machine (the median and the worst beside it)."""
    seconds = [s for s, _, _ in runs]
    best = min(seconds)
    print(
        f"{label:<28} {best:6.2f} s (median {statistics.median(seconds):.2f}, "
        f"max {max(seconds):.2f})  {size / 1e6 / best:5.2f} MB/s  {documents / best:6.1f} docs/s"
        f"  peak {max(kb for _, kb, _ in runs) / 1024:.0f} MB"
        f"  CPU {min(c for _, _, c in runs):.2f} s"
    )
    return best


def ratios(label: str, top: list[float], bottom: list[float]) -> None:
    """Run-by-run ratios of two interleaved measurements: min and median."""
    each = [a / b for a, b in zip(top, bottom, strict=True)]
    print(f"{label}: min {min(each):.2f}x, median {statistics.median(each):.2f}x")


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--parts", default="speed,cache,memory", help="what to measure (default: all three)"
    )
    parser.add_argument(
        "--worker-profiler",
        choices=("on", "off"),
        default="on",
        help="the Dask workers' sampling profiler (distributed.worker.profile.enabled; "
        "Dask's default: on)",
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    n = args.documents
    seeds, devset = sources()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        size = sum(write_document(corpus, i, seeds, devset) for i in range(n))
        print(f"corpus: {n} documents, {size / 1e6:.1f} MB (decompressed), {os.cpu_count()} cores")
        print(f"at start: {load()}")
        build(corpus, root / "reference.csv", "--jobs", "1")
        reference = (root / "reference.csv").read_bytes()
        if "speed" in parts:
            speed(root, corpus, n, size, args.repeat, reference, args.worker_profiler == "on")
        if "cache" in parts:
            rebuild(root, corpus, n, size, args.repeat, reference, (seeds, devset))
        if "twins" in parts:
            twins(root, args.repeat)
        if "memory" in parts:
            small = root / "small"
            for i in range(n // 4):
                write_document(small, i, seeds, devset)
            peaks = {}
            for count, folder in ((n // 4, small), (n, corpus)):
                peaks[count] = max(
                    build(folder, root / "m.csv", "--jobs", "1")[1] for _ in range(2)
                )
                print(f"peak memory, {count} documents, --jobs 1: {peaks[count] / 1024:.0f} MB")
            print(f"peak memory ratio {n} / {n // 4}: {peaks[n] / peaks[n // 4]:.2f}")
        print(f"at end: {load()}")


def twins(root: Path, repeat: int) -> None:
    """`build --parallel` of the devset's documents as twins, --jobs 1 and 2 interleaved."""
    zh = (DEVSET / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (DEVSET / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = (DEVSET / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    documents: dict[str, list[int]] = defaultdict(list)
    for i, meta in enumerate(ids):
        documents[meta.split()[0]].append(i)
    folder, options, size = root / "twins", [], 0
    for side in ("zh", "en"):
        (folder / side).mkdir(parents=True)
    for n, lines in enumerate(documents.values()):
        pair = [folder / side / f"{n:03d}.txt" for side in ("zh", "en")]
        for path, text in zip(pair, (zh, en), strict=True):
            path.write_text("".join(text[i] + "\n" for i in lines), encoding="utf-8")
        size += pair[0].stat().st_size
        options += ["--parallel", *map(str, pair)]
    runs: dict[str, list[tuple[float, int, float]]] = {"1": [], "2": []}
    outputs = set()
    for _ in range(repeat):
        for jobs, done in runs.items():
            out = root / f"twins{jobs}.csv"
            done.append(build(folder / "zh", out, "--jobs", jobs, *options))
            outputs.add(out.read_bytes())
    for jobs, done in runs.items():
        timed(f"--parallel, --jobs {jobs}", done, len(documents), size)
    print(f"twin glossaries byte-identical: {'yes' if len(outputs) == 1 else 'NO'}")


def speed(
    root: Path, corpus: Path, n: int, size: int, repeat: int, reference: bytes, profiler: bool
) -> None:
    """One process, two processes, a fresh and a standing two-worker Dask cluster on loopback,
    interleaved run by run so that all four meet the same load from other users.

    The fresh cluster's workers load termkit and jieba in the build, as `--jobs 2` workers do;
    the standing one has built once already, as a cluster kept for weekly builds would have.
    `profiler` is the workers' sampling profiler, which takes the GIL from the extraction
    every 10 ms.
    """
    import dask
    from distributed import Client, LocalCluster

    labels = ("--jobs 1", "--jobs 2", "--scheduler, fresh workers", "--scheduler, standing")
    runs: dict[str, list[tuple[float, int]]] = {label: [] for label in labels}
    parts: dict[str, list[tuple[float, float, float, float]]] = {label: [] for label in labels}
    differ = set()
    print(f"Dask workers' sampling profiler: {'on' if profiler else 'off'}")
    for _ in range(repeat):
        with (
            dask.config.set({"distributed.worker.profile.enabled": profiler}),
            LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                host="127.0.0.1",
                scheduler_port=0,  # a free port: another user's cluster may hold 8786
                dashboard_address=None,
                silence_logs=logging.WARNING,
            ) as cluster,
            Client(cluster.scheduler_address, set_as_default=False) as observer,
        ):
            address = cluster.scheduler_address
            options = (
                ("--jobs", "1"), ("--jobs", "2"), ("--scheduler", address), ("--scheduler", address)
            )  # fmt: skip
            for label, option in zip(labels, options, strict=True):
                elapsed, peak, (cpu, workers, here) = beside_cluster(
                    observer, corpus, root / "out.csv", *option
                )
                cluster = option[0] == "--scheduler"
                runs[label].append((elapsed, peak, cpu + (workers + here if cluster else 0)))
                parts[label].append((elapsed, cpu, workers, here))
                if (root / "out.csv").read_bytes() != reference:
                    differ.add(label)
    for label in labels:
        timed(label, runs[label], n, size)
    one, two, dask, standing = ([s for s, _, _ in runs[label]] for label in labels)
    ratios("speed-up of --jobs 2 over --jobs 1", one, two)
    # Under a load that other users' processes put on the machine, two workers need not get
    # twice one's share of the cores; the CPU the build spends in all is what it controls.
    cpu_one, cpu_two = ([c for _, _, c in runs[label]] for label in labels[:2])
    ratios("CPU of --jobs 2 / --jobs 1 (extra work of two workers)", cpu_two, cpu_one)
    ratios("fresh Dask time / --jobs 2", dask, two)
    ratios("standing Dask time / --jobs 2", standing, two)
    # On a loaded machine the CPU spent (the client's, the workers' and the scheduler's)
    # compares the two ways of running where their wall times cannot.
    cpu_dask, cpu_standing = ([c for _, _, c in runs[label]] for label in labels[2:])
    ratios("fresh Dask CPU / --jobs 2 CPU", cpu_dask, cpu_two)
    ratios("standing Dask CPU / --jobs 2 CPU", cpu_standing, cpu_two)
    cluster_parts(parts, labels)
    print(f"glossaries byte-identical to --jobs 1: {sorted(differ) or 'yes'}")


def cluster_parts(parts: dict[str, list[tuple[float, float, float, float]]], labels) -> None:
    """Where a cluster build's CPU goes, run by run (median): the client (`termkit build`),
    the workers, this process (the scheduler, the observing client); and what the cluster
    spends idle over as long a time, at its rate during the `--jobs` builds (heartbeats, the
    workers' profiler): CPU a longer build pays for time, not for work."""
    idle = [(w + h) / e for label in labels[:2] for e, _, w, h in parts[label]]
    rate = statistics.median(idle)
    print(f"idle cluster CPU during --jobs builds: {rate:.3f} s per second (median)")
    two = [c for _, c, _, _ in parts[labels[1]]]
    for label in labels[2:]:
        runs = parts[label]
        cpu_client, cpu_workers, cpu_here = (
            statistics.median(r[k] for r in runs) for k in (1, 2, 3)
        )
        spent = statistics.median(rate * r[0] for r in runs)
        print(
            f"{label}: client {cpu_client:.2f} s, workers {cpu_workers:.2f} s, scheduler "
            f"{cpu_here:.2f} s (median); idle over its time {spent:.2f} s"
        )
        less = [(c + w + h - rate * e) for e, c, w, h in runs]
        ratios(f"{label}: CPU less the idle cluster's / --jobs 2 CPU", less, two)


def rebuild(
    root: Path,
    corpus: Path,
    n: int,
    size: int,
    repeat: int,
    reference: bytes,
    texts: tuple[list[str], list[str]],
) -> None:
    """A cold build filling the cache, then 1 % new documents and a warm rebuild (default
    --jobs); a fresh cache each time."""
    cache, extra = root / "cache", root / "extra"
    added = max(n // 100, 1)
    for i in range(n, n + added):
        write_document(extra, i, *texts)
    cold, warm, unchanged = [], [], []
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(build(corpus, root / "cold.csv", "--cache", str(cache)))
        if (root / "cold.csv").read_bytes() != reference:
            print("the cold build with --cache differs from --jobs 1")
        unchanged.append(build(corpus, root / "warm.csv", "--cache", str(cache)))
        shutil.move(extra, corpus / "new")
        warm.append(build(corpus, root / "warm.csv", "--cache", str(cache)))
        if (root / "warm.csv").read_bytes() == reference:
            print("the warm build did not see the new documents")
        shutil.move(corpus / "new", extra)
    timed("cold build, --cache", cold, n, size)
    timed("warm rebuild, nothing new", unchanged, n, size)
    timed(f"warm rebuild, +{added} documents", warm, n + added, size)
    cold_s = [s for s, _, _ in cold]
    ratios("warm rebuild (+1 %) / cold build", [s for s, _, _ in warm], cold_s)
    ratios("warm rebuild (nothing new) / cold build", [s for s, _, _ in unchanged], cold_s)


if __name__ == "__main__":
    main()
