"""`check --fix` and `-o` never lose a byte or write where they must not (issue 16)."""

from __future__ import annotations

import codecs
import os
import random
import signal
import stat
import subprocess
import sys
import time

import pytest

from termkit.check.finding import Edit
from termkit.check.fix import splice
from termkit.cli import main
from termkit.errors import InputError
from termkit.io import atomic_write
from termkit.text.decode import decode_bytes

from .conftest import REPO

DRAFT = "1. 联合国环境规划署（环境署）编写了报告。\n2. 環境署和东盟合作。\n"
FIXED = DRAFT.replace("環境署", "环境署")


def _fix(*args: str) -> int:
    return main(["check", "--isolated", "--fix", "--disable", "TK101", *args])


def test_only_the_fixed_spans_are_re_encoded_in_big5():
    # A2CC and A1FE decode to 十 and ／, which Big5 encodes back as A451 and A241.
    raw = "環境規劃署".encode("big5") + b"\xa2\xcc\xa1\xfe" + "環境署報告".encode("big5")
    doc = decode_bytes(raw, "t.txt", "big5")
    start = doc.text.index("環境署")
    out = splice(doc, raw, [Edit(start, start + 3, "環境規劃署")])
    assert out == raw.replace("環境署".encode("big5"), "環境規劃署".encode("big5"))
    assert b"\xa2\xcc\xa1\xfe" in out


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_a_zero_width_no_break_space_after_the_bom_survives_a_fix(codec):
    bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}.get(
        codec, codecs.BOM_UTF16_BE
    )
    raw = bom + "\ufeff環境署".encode(codec)
    doc = decode_bytes(raw, "t.txt")
    assert splice(doc, raw, [Edit(1, 4, "环境署")]) == bom + "\ufeff环境署".encode(codec)


def test_a_file_changed_since_it_was_checked_is_refused():
    raw = DRAFT.encode("utf-8")
    doc = decode_bytes(raw, "t.txt")
    with pytest.raises(InputError, match="changed since it was checked"):
        splice(doc, raw.replace(b"1.", b"9."), [Edit(0, 1, "一")])


def test_fix_follows_a_symlink_and_keeps_hard_links_and_mode(tmp_path, capsys):
    real = tmp_path / "real.txt"
    real.write_text(DRAFT, encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    hard = tmp_path / "hard.txt"
    os.link(real, hard)
    assert _fix(str(link)) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED
    assert os.stat(real).st_ino == os.stat(hard).st_ino and os.stat(real).st_nlink == 2
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.txt", "link.txt", "real.txt"]


def test_fix_refuses_a_read_only_file(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    os.chmod(path, 0o444)
    assert _fix(str(path)) == 2
    assert "read-only" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == DRAFT


@pytest.mark.parametrize("kind", ["fifo", "dir", "device"])
def test_o_writes_only_regular_files_and_before_any_fix(tmp_path, capsys, kind):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    if kind == "fifo":
        out = tmp_path / "fifo"
        os.mkfifo(out)
    elif kind == "dir":
        out = tmp_path / "folder"
        out.mkdir()
    else:
        if not stat.S_ISCHR(os.stat("/dev/full").st_mode):
            pytest.skip("/dev/full is not a device here")
        out = tmp_path / "full"
        out.symlink_to("/dev/full")  # a link to a device: never replace the device node
    assert _fix(str(draft), "-o", str(out)) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert draft.read_text(encoding="utf-8") == DRAFT  # -o refused before the fix
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_exception_or_sigterm_while_writing_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ZeroDivisionError), atomic_write(target) as handle:
        handle.write("new")
        1 / 0  # noqa: B018
    with pytest.raises(SystemExit) as exit_, atomic_write(target) as handle:
        handle.write("new")
        os.kill(os.getpid(), signal.SIGTERM)
    assert exit_.value.code == 128 + signal.SIGTERM
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_the_next_write_removes_what_a_killed_one_left(tmp_path):
    target = tmp_path / "out.txt"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    (tmp_path / f".out.txt.termkit-{dead}-abc.tmp").write_text("partial", encoding="utf-8")
    (tmp_path / f".out.txt.termkit-{os.getpid()}-live.tmp").write_text("mine", encoding="utf-8")
    with atomic_write(target) as handle:
        handle.write("new")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f".out.txt.termkit-{os.getpid()}-live.tmp", "out.txt"]


def test_the_users_files_reach_the_disk_and_cache_entries_need_not(tmp_path, monkeypatch):
    """A glossary, report or fixed draft is fsynced with its folder before the command ends; a
    cache entry (sealed by its checksum, made again when torn) is only renamed into place: two
    fsyncs each cost a build that caches 4,000 documents more than encoding them."""
    from termkit.cache import read_entry, write_entry

    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    with atomic_write(tmp_path / "glossary.csv") as handle:
        handle.write("zh,en\n")
    assert len(synced) == 2  # the file and its folder
    synced.clear()
    root = tmp_path / "cache"
    entry = root / "ab" / "entry.json"
    entry.parent.mkdir(parents=True)
    write_entry(entry, root, {"concepts": []})
    assert synced == [] and read_entry(entry, root) == {"concepts": []}
    entry.write_bytes(entry.read_bytes()[:-3])  # torn: a miss, not an error
    assert read_entry(entry, root) is None


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_fix_killed_at_random_moments_leaves_the_old_or_the_new_file(tmp_path, sig):
    """Kills spread over a --fix of a 500 KB draft: the file is whole (old or fixed bytes), and no
    temporary file is left after SIGTERM, nor after the next run following a SIGKILL."""
    path = tmp_path / "draft.txt"
    old = (DRAFT * 5_000).encode("utf-8")
    argv = [sys.executable, "-m", "termkit", "check", "--isolated", "--fix", "--disable",
            "TK101", str(path)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    path.write_bytes(old)
    start = time.monotonic()
    subprocess.run(argv, env=env, capture_output=True, check=False)
    whole = time.monotonic() - start
    new = path.read_bytes()
    assert new != old
    rng = random.Random(16)
    for _ in range(6):
        path.write_bytes(old)
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.3, 1.0) * whole)
        proc.send_signal(sig)
        proc.wait()
        assert path.read_bytes() in (old, new)
        if sig == signal.SIGTERM:
            assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
    path.write_bytes(old)
    subprocess.run(argv, env=env, capture_output=True, check=False)
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
    assert path.read_bytes() == new
