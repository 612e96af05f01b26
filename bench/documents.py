"""Word and PDF against plain text: same definitions and findings, and read speed per MB.

For each seed, a .docx (one paragraph a line) and a PDF (reportlab, STSong-Light, wrapped at
the page width like Word, page numbers at the foot) are made; extraction and checking run on
all three and are compared. The PDF libraries are compared on the same PDFs: how much of the
seed's text (whitespace aside) each gets back, and how fast.

    python bench/documents.py [--runs 5]
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from termkit.cli import main  # noqa: E402
from termkit.extract.extractor import extract_file  # noqa: E402
from termkit.text.decode import read_document  # noqa: E402
from tests.documents import docx_from_lines, pdf_from_lines  # noqa: E402

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def findings(path: Path) -> list[dict]:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", "--isolated", str(path), "--format", "json"])
    return json.loads(out.getvalue())


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def recovered(text: str, source: str) -> float:
    """Share of the source's non-space characters found, in order, in `text`."""
    a, b = re.sub(r"\s", "", source), re.sub(r"\s", "", text)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / len(a)


def pdf_libraries(pdf: Path, source: str, runs: int) -> dict:
    import pdfplumber
    import pypdf

    def with_pypdf() -> str:
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)

    def with_pdfplumber() -> str:
        with pdfplumber.open(str(pdf)) as doc:
            return "\n".join(p.extract_text() or "" for p in doc.pages)

    mb = pdf.stat().st_size / 1e6
    result = {}
    for name, fn in (("pypdf", with_pypdf), ("pdfplumber", with_pdfplumber)):
        low, mid = timed(fn, max(1, runs // 2))
        # page numbers are in the PDF and not in the seed: they cost a few characters' match
        result[name] = {"recovered": round(recovered(fn(), source), 4),
                        "s_per_MB_min": round(low / mb, 3), "s_per_MB_median": round(mid / mb, 3)}  # fmt: skip
    return result


def compare(seed: Path, folder: Path, runs: int) -> dict:
    lines = seed.read_text(encoding="utf-8").split("\n")
    text = folder / f"{seed.stem}.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    word = docx_from_lines(lines, folder / f"{seed.stem}.docx")
    # a running header on every page, as UN documents have
    pdf = pdf_from_lines(lines, folder / f"{seed.stem}.pdf", header="UNEP/CBD/COP/11/INF/41")
    base = extract_file(text).definitions
    pairs = Counter((d.full, d.short) for d in base)
    row: dict = {"seed": seed.name, "definitions_txt": len(base)}
    for name, path in (("docx", word), ("pdf", pdf)):
        result = extract_file(path)
        got = Counter((d.full, d.short) for d in result.definitions)
        doc_lines = read_document(path).text.split("\n")
        pointed = sum(
            doc_lines[d.line - 1][d.column - 1 : d.column - 1 + len(d.full)] == d.full
            or doc_lines[d.line - 1][d.column - 1] == d.full[0]
            for d in result.definitions
        )
        row[f"definitions_{name}"] = len(result.definitions)
        row[f"definitions_equal_{name}"] = got == pairs
        row[f"definitions_missing_{name}"] = sorted((pairs - got).elements())
        row[f"definitions_extra_{name}"] = sorted((got - pairs).elements())
        row[f"definitions_located_{name}"] = f"{pointed}/{len(result.definitions)}"
    # `found` is the original's text: a PDF line break inside a span is not a difference
    txt_findings = Counter((f["rule"], _squeeze(f["found"])) for f in findings(text))
    row["findings_txt"] = sum(txt_findings.values())
    for name, path in (("docx", word), ("pdf", pdf)):
        got = Counter((f["rule"], _squeeze(f["found"])) for f in findings(path))
        row[f"findings_{name}"] = sum(got.values())
        row[f"findings_missing_{name}"] = sorted((txt_findings - got).elements())
        row[f"findings_extra_{name}"] = sorted((got - txt_findings).elements())
    for name, path in (("txt", text), ("docx", word), ("pdf", pdf)):
        mb = path.stat().st_size / 1e6
        low, mid = timed(lambda p=path: read_document(p), runs)
        row[f"read_{name}_s_per_MB"] = {"min": round(low / mb, 3), "median": round(mid / mb, 3),
                                        "file_MB": round(mb, 3)}  # fmt: skip
    row["pdf_libraries"] = pdf_libraries(pdf, "\n".join(lines), runs)
    return row


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for seed in SEEDS:
            print(json.dumps(compare(seed, Path(tmp), args.runs), ensure_ascii=False, indent=1))
    print(f"load: {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    run()
