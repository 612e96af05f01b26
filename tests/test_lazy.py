"""Patterns made `lazy` compile at their first use, once, and behave as compiled ones."""

from __future__ import annotations

import re

from termkit.text import lazy as lazy_module
from termkit.text.lazy import lazy
from termkit.text.normalize import HAN


def test_a_lazy_pattern_compiles_once_at_first_use(monkeypatch):
    made = []
    compile_ = re.compile
    monkeypatch.setattr(lazy_module.re, "compile", lambda *a: made.append(a) or compile_(*a))
    pattern = lazy(f"[{HAN}]+", re.MULTILINE)
    assert made == []
    line = "安理会第2196(2015)号决议\n上帝抵抗军"
    assert pattern.findall(line) == re.findall(f"[{HAN}]+", line, re.MULTILINE)
    assert pattern.sub("|", line) == "|2196(2015)|\n|"
    assert [m.span() for m in pattern.finditer(line)] == [(0, 4), (14, 17), (18, 23)]
    assert pattern.search(line, 5).group() == "号决议"
    assert (pattern.pattern, pattern.flags & re.MULTILINE) == (f"[{HAN}]+", re.MULTILINE)
    assert len(made) == 1
