"""The pre-commit hook, for real: `pre-commit try-repo` installs this checkout (a plain,
non-editable install, so the shipped glossary must be inside the package) and runs
`termkit-check` on a bad draft (fails) and a good one (passes)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="pre-commit and git are needed",
)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(cwd: Path, name: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["pre-commit", "try-repo", str(REPO), "termkit-check", "--files", name],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_fails_a_bad_draft_and_passes_a_good_one(tmp_path: Path):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "test@example.org")
    _git(tmp_path, "config", "user.name", "test")
    # 东盟 is a short form of the shipped glossary; a draft that defines its short forms must
    # define it on first use too.
    (tmp_path / "bad.txt").write_text(
        "联合国环境规划署（环境署）与东盟各国参加了会议。\n", encoding="utf-8"
    )
    (tmp_path / "good.txt").write_text(
        "东南亚国家联盟（东盟）各国参加了会议。东盟秘书处也参加了。\n", encoding="utf-8"
    )
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "drafts")

    bad = _try_repo(tmp_path, "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:1:15: TK101" in bad.stdout

    good = _try_repo(tmp_path, "good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
