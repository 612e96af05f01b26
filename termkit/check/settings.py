"""What is in force for a run: rules, severities, glossaries, excluded paths.

Read from the nearest project config (`termkit.toml` `[check]`, or `pyproject.toml`
`[tool.termkit.check]`, looked for from the working folder upwards, as ruff does), then
overridden by command-line options.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from termkit.check.rules import RULES, SEVERITIES, rule
from termkit.errors import InputError

_KEYS = {"glossaries", "default-glossary", "enable", "disable", "severity", "exclude", "fail-on"}


@dataclass(frozen=True)
class Settings:
    enabled: frozenset[str] = frozenset(r.code for r in RULES if r.enabled)
    severities: tuple[tuple[str, str], ...] = ()
    glossaries: tuple[str, ...] = ()
    default_glossary: bool = True
    exclude: tuple[str, ...] = ()
    fail_on: str = "error"
    root: str = field(default=".", compare=False)  # the config file's folder

    def severity_of(self, code: str) -> str:
        return dict(self.severities).get(code) or _default_severity(code)

    def excluded(self, path: str) -> bool:
        """Does an exclude pattern match the path (relative to the config's folder)?"""
        if not self.exclude:
            return False
        p = Path(path).resolve()
        try:
            rel = PurePosixPath(p.relative_to(Path(self.root).resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(p.as_posix())
        candidates = [str(rel), *(str(parent) for parent in rel.parents if str(parent) != ".")]
        return any(fnmatch.fnmatch(c, pat.rstrip("/")) for c in candidates for pat in self.exclude)

    def with_options(
        self,
        enable: Sequence[str] = (),
        disable: Sequence[str] = (),
        severity: Sequence[str] = (),
        glossaries: Sequence[str] = (),
        default_glossary: bool | None = None,
        fail_on: str | None = None,
    ) -> Settings:
        """These settings overridden by command-line options."""
        enabled = (self.enabled | codes(enable, "--enable")) - codes(disable, "--disable")
        return replace(
            self,
            enabled=frozenset(enabled),
            severities=tuple(sorted({**dict(self.severities), **_severities(severity)}.items())),
            glossaries=(*self.glossaries, *glossaries),
            default_glossary=self.default_glossary
            if default_glossary is None
            else default_glossary,
            fail_on=fail_on or self.fail_on,
        )


def _default_severity(code: str) -> str:
    found = rule(code)
    return found.severity if found else "error"


def codes(values: Sequence[str], where: str) -> frozenset[str]:
    """Rule codes or names, comma-separated or repeated; `ALL` means every rule."""
    out = set()
    for value in values:
        for item in str(value).split(","):
            item = item.strip()
            if not item:
                continue
            if item.upper() == "ALL":
                out.update(r.code for r in RULES)
                continue
            found = rule(item)
            if found is None:
                raise InputError(f"{where}: unknown rule {item!r}")
            out.add(found.code)
    return frozenset(out)


def _severities(values: Sequence[str] | dict[str, str]) -> dict[str, str]:
    pairs = values.items() if isinstance(values, dict) else (_split_pair(v) for v in values)
    out = {}
    for name, level in pairs:
        found = rule(name)
        if found is None:
            raise InputError(f"severity: unknown rule {name!r}")
        if level not in SEVERITIES:
            raise InputError(f"severity of {found.code}: {level!r} is not one of {SEVERITIES}")
        out[found.code] = level
    return out


def _split_pair(value: str) -> tuple[str, str]:
    if "=" not in value:
        raise InputError(f"--severity {value!r}: expected CODE=LEVEL, e.g. TK110=error")
    name, level = value.split("=", 1)
    return name.strip(), level.strip().lower()


def find_config(start: Path) -> Path | None:
    """The nearest termkit.toml, or pyproject.toml with a [tool.termkit] table."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "termkit.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "termkit" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read config: {exc}") from None


def load_settings(config: Path | None) -> Settings:
    """Settings from a config file (defaults when None)."""
    if config is None:
        return Settings()
    data = _read_toml(config)
    if config.name == "termkit.toml":
        table = data.get("check", {})
    else:
        table = data.get("tool", {}).get("termkit", {}).get("check", {})
    if not isinstance(table, dict):
        raise InputError(f"{config}: the check table must be a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise InputError(f"{config}: unknown check setting(s): {', '.join(sorted(unknown))}")
    root = config.parent
    base = Settings(root=str(root))
    enabled = (base.enabled | codes(table.get("enable", []), str(config))) - codes(
        table.get("disable", []), str(config)
    )
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise InputError(f"{config}: fail-on must be one of {SEVERITIES}")
    return replace(
        base,
        enabled=frozenset(enabled),
        severities=tuple(sorted(_severities(table.get("severity", {})).items())),
        glossaries=tuple(str(root / g) for g in table.get("glossaries", [])),
        default_glossary=bool(table.get("default-glossary", True)),
        exclude=tuple(table.get("exclude", [])),
        fail_on=fail_on,
    )
