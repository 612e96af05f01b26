"""Time one whole termkit process, as a user runs it: wall, CPU and peak memory."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
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
