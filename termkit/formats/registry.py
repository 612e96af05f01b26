"""Load and save a glossary in any supported format, chosen by file name or content.

Like translate-toolkit's store factory: one termbase model, one reader and writer module per
format, picked by extension and, for the ambiguous `.csv`, `.xml` and `.tbx`, by the first bytes
(a zip is a workbook, `<tmx>` a TMX, `<martif>` TBX 2008). Format modules are imported only
when used, so `load_glossary` on a CSV or TBX file never imports pandas.
"""

from __future__ import annotations

import codecs
import importlib
from dataclasses import dataclass
from pathlib import Path

from termkit.errors import InputError, reading
from termkit.heap import no_cyclic_gc
from termkit.termbase.model import Termbase


@dataclass(frozen=True)
class Format:
    """A glossary format: where its reader and writer live and what its files are called."""

    name: str
    module: str
    extensions: tuple[str, ...]
    description: str
    write_options: tuple[tuple[str, object], ...] = ()  # fixed arguments of the writer
    xml: bool = True  # written as XML (TBX, TMX, and XLSX inside its zip)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("tbx", "termkit.formats.tbx", (".tbx",), "TBX v3, TBX-Basic dialect, DCA style"),
        Format(
            "tbx2008",
            "termkit.formats.tbx",
            (),
            "TBX 2008 (ISO 30042:2008, MARTIF) TBX-Basic",
            (("version", 2),),
        ),
        Format("tmx", "termkit.formats.tmx", (".tmx",), "TMX 1.4b, zh–en term pairs"),
        Format(
            "csv", "termkit.formats.delimited", (".csv", ".tsv", ".txt"), "CSV / TSV", xml=False
        ),
        Format("xlsx", "termkit.formats.xlsx", (".xlsx",), "Excel workbook"),
    )
}
_ROOTS = {"tbx": "tbx", "martif": "tbx", "tmx": "tmx"}
_ZIP = b"PK\x03\x04"
# UTF-16 by its BOM, or without one by its first character `<` (XML 1.0, appendix F)
_UTF16 = (
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)


def detect_format(path: str | Path) -> str:
    """The format of an existing file: its content for `.csv`/`.xml`/`.tbx`/no extension,
    else its extension."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".csv", ".xml", ".tbx", ""):
        try:
            with p.open("rb") as f:
                head = f.read(4096)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
        if not head.strip():
            raise InputError(f"{path}: empty file")
        if head.startswith(_ZIP):
            return "xlsx"
        for start, codec in _UTF16:  # MultiTerm and other Windows tools write UTF-16 XML
            if head.startswith(start):
                head = head.decode(codec, "ignore").lstrip("\ufeff").encode("utf-8")
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped.startswith(b"<"):
            from termkit.formats.xmlsafe import root_name

            root = root_name(stripped)
            if root not in _ROOTS:
                raise InputError(f"{path}: XML with root <{root}> is neither TBX nor TMX")
            return _ROOTS[root]
        if suffix in (".xml", ".tbx"):
            raise InputError(f"{path}: not an XML file")
        return "csv"
    return format_for_output(path)


def format_for_output(path: str | Path) -> str:
    """The format a file name asks for (by extension)."""
    suffix = Path(path).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.extensions:
            return f.name
    if suffix == ".xls":
        raise InputError(f"{path}: old .xls workbooks are not supported; save as .xlsx")
    raise InputError(
        f"{path}: unknown glossary format {suffix or '(no extension)'} "
        f"(one of {', '.join(FORMATS)})"
    )


def load_glossary(path: str | Path, lenient: bool = False) -> Termbase:
    """Read a glossary file of any format `termkit import` reads; InputError when it can't.
    `lenient` skips (and reports) malformed CSV rows instead of refusing the file."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    with no_cyclic_gc(), reading(path):
        fmt = detect_format(p)
        # only a CSV row can be malformed on its own; other formats have no rows to skip
        options = {"lenient": True} if lenient and fmt == "csv" else {}
        return _module(FORMATS[fmt]).read(p, **options)


def save_glossary(
    tb: Termbase, path: str | Path, fmt: str | None = None, lang_tags: str = "", **options
) -> str:
    """Write a glossary atomically in a format (default: by extension) and return the format.

    `options` are the writers' (`layout`, `bom`, `numeric_ids`); unset ones (None) keep the
    writer's default, a set one (true) that the format does not have is refused. `lang_tags` (every format)
    maps language tags as `termkit.formats.lang.LangTags` says.
    """
    f = FORMATS.get(fmt or format_for_output(path))
    if f is None:
        raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if not Path(path).parent.exists():
        raise InputError(f"{path}: folder {Path(path).parent} does not exist")
    if lang_tags:
        from termkit.formats.lang import retag

        tb = retag(tb, lang_tags)
    if f.xml:
        from termkit.formats.xmlsafe import refuse_unwritable

        refuse_unwritable(tb)
    writer = _module(f).write
    import inspect

    accepted = set(inspect.signature(writer).parameters) - {"tb", "path"}
    given = {k: v for k, v in options.items() if k in accepted and v is not None}
    for name in sorted(k for k, v in options.items() if v and k not in accepted):
        raise InputError(f"option {name.replace('_', '-')} does not apply to {f.name}")
    with no_cyclic_gc():
        writer(tb, path, **given, **dict(f.write_options))
    return f.name


def _module(f: Format):
    return importlib.import_module(f.module)


def default_glossary_path() -> Path:
    """The glossary shipped inside the package (built from the seeds, curated). Package data
    sits beside the code in every install pip makes; importlib.resources would cost the
    check path's start-up more than the lookup is worth."""
    return Path(__file__).resolve().parents[1] / "data" / "glossary.csv"
