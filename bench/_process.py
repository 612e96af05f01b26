"""Time one whole termkit process, as a user runs it: wall, CPU and peak memory."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from collections.abc import Hashable
from pathlib import Path

from _paths import REPO

# As an installed termkit runs: with its modules' bytecode, which pip compiles at install. A
# checkout run with PYTHONDONTWRITEBYTECODE (as some sandboxes set it) compiles every module
# from source in every process, 0.1 s of a 0.4 s check; the bytecode goes to a folder of its
# own, not into the checkout.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(
    PYTHONPATH=str(REPO),
    PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), f"termkit-bench-{REPO.name}-pycache"),
)


def measure(
    command: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident KB of one process. The peak is measured by
    /usr/bin/time: a child forked from this process would report this process's peak. An exit
    code outside `ok` stops the bench."""
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        child = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *command],
            env=ENV,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        kb = int(peak.read().split()[-1])
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime, kb


def callgrind(
    commands: dict[Hashable, tuple[list[str], dict[str, str], Path]], folder: Path
) -> dict[Hashable, float]:
    """G instructions each command executes under valgrind's callgrind, all run at once: a
    count that other users' load does not move, where on a shared machine CPU seconds vary
    by a fifth from run to run. `commands`: label -> (command, environment, working folder);
    run a command once before (its bytecode, its caches), so that no count holds a
    compilation."""
    children = {}
    for n, (label, (command, env, cwd)) in enumerate(commands.items()):
        log = folder / f"callgrind-{n}.log"
        valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        child = subprocess.Popen(
            [*valgrind, f"--log-file={log}", *command], env=env, cwd=cwd, stdout=subprocess.DEVNULL
        )
        children[label] = (child, log)
    counts = {}
    for label, (child, log) in children.items():
        child.wait()
        found = re.search(r"Collected : (\d+)", log.read_text())
        if found is None:
            raise SystemExit(f"callgrind of {label} failed")
        counts[label] = int(found.group(1)) / 1e9
    return counts
