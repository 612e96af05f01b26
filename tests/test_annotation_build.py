"""bench/annotation_build.py and bench/annotation_checks.py build and verify a hand-annotated set
in any folder, not only under bench/annotated/ (a held-out set lives under bench/heldout/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
# UNPC devset line 329 (../shared/data/unpc-v1.0-devset/UNv1.0.devset.zh), as printed
LINE = (
    "这次会议于7月1日至4日在摩洛哥马拉喀什举行，得到了联合国促进性别平等和增强妇女权能署（妇女署）"
    "和联合国人口基金同联合国开发计划署（开发署）和毒品和犯罪问题办公室的合作赞助。"
)
ANN = """url: (UNPC devset line 329)
D 1 联合国促进性别平等和增强妇女权能署 | 妇女署 | note=Left: 得到了 (verb, excluded).
D 1 联合国开发计划署 | 开发署 | note=Left: 联合国人口基金同 (the other sponsor and 同, excluded).
"""


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, check=False
    )


def test_a_set_outside_bench_annotated_builds_and_verifies(tmp_path: Path) -> None:
    here = tmp_path / "heldout" / "set6"
    (here / "docs").mkdir(parents=True)
    (here / "ann").mkdir()
    (here / "docs" / "001.txt").write_text(LINE, encoding="utf-8")
    (here / "ann" / "001.ann").write_text(ANN, encoding="utf-8")
    built = run("annotation_build.py", str(here), "--annotator", "test")
    assert built.returncode == 0, built.stdout + built.stderr
    gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))
    assert gold["source"] == f"{here.resolve().as_posix()}/docs/"  # not bench/annotated/set6
    assert [(d["full"], d["abbr"], d["left"][-3:]) for d in gold["definitions"]] == [
        ("联合国促进性别平等和增强妇女权能署", "妇女署", "得到了"),
        ("联合国开发计划署", "开发署", "基金同"),
    ]
    checked = run("annotation_checks.py", str(here))
    assert checked.returncode == 0, checked.stdout
    assert "0 failures" in checked.stdout


def test_a_set_inside_the_repository_is_named_from_its_root() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from annotation_build import source_folder
    finally:
        sys.path.pop(0)
    assert source_folder(REPO / "bench" / "heldout" / "any_set") == "bench/heldout/any_set"
    assert source_folder(REPO / "bench" / "annotated" / "un_pages") == "bench/annotated/un_pages"
