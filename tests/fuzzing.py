"""A mutation fuzzer over every reader termkit has and over `check --fix` (issue 16).

Seeds are small valid files of each format, written by termkit's own writers where it has one.
A mutation is a list of byte operations (flip, insert, delete, duplicate, truncate, splice in a
hostile token: an entity declaration, a deep nesting, a stray quote, a BOM, a huge number); a
workbook is mutated inside one of its members and zipped again, so the XML parsers are reached
and not only the zip checksum. The property is the promise of the command line: a reader
returns or raises InputError, nothing else; `check --fix` leaves the file's bytes outside the
fixed spans exactly as they were. The test suite runs a small budget of Hypothesis examples
(tests/test_fuzz.py); bench/fuzz_readers.py runs the same harness for minutes with random ops.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import lzma
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from termkit.errors import InputError
from termkit.termbase.model import Concept, Location, Term, Termbase

DRAFT = (
    "1. 联合国环境规划署（环境署）编写了报告。\r\n"
    "2. 環境署和东盟合作，见UNEP/CBD/WG\u2011RI/4号文件。\n"
    "3. 减少毁林和森林退化所致排放量协作方案（降排＋）与降排+。\n"
)
# Tokens a hostile or broken file carries; spliced in at random places.
TOKENS = (
    b'<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    b"&a;",
    b"<termGrp>" * 80,
    b'termkit:{"count": 1e999, "locations": [null]}',
    b"[" * 3000,
    b'"',
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b" " * 5000,
    b"x" * 5000,
    "（环境署）".encode(),
    b'encoding="GB18030"',
    b'encoding="UTF-9"',
    b"\r",
    "\ufeff".encode(),
)
OPS = ("flip", "insert", "delete", "duplicate", "truncate", "token")
# Text spliced into a draft before `check --fix`: script, width and BOM variants, line ends.
FIX_PIECES = (
    "環境署",
    "环境署",
    "（环境署）",
    "降排+",
    "\ufeff",
    "\r\n",
    "   ",
    "十",
    "／",
    "UNEP",
    "（",
)


@dataclass(frozen=True)
class Op:
    kind: str
    at: float  # where, as a fraction of the length (stable under earlier ops)
    size: int
    value: int


def mutate(data: bytes, ops: list[Op]) -> bytes:
    """`data` after the byte operations, in order."""
    buf = bytearray(data)
    for op in ops:
        i = min(int(op.at * len(buf)), max(len(buf) - 1, 0))
        if op.kind == "flip" and buf:
            buf[i] ^= op.value or 1
        elif op.kind == "insert":
            buf[i:i] = bytes([op.value]) * op.size
        elif op.kind == "delete":
            del buf[i : i + op.size]
        elif op.kind == "duplicate":
            buf[i:i] = buf[i : i + op.size] * 3
        elif op.kind == "truncate":
            del buf[i:]
        elif op.kind == "token":
            buf[i:i] = TOKENS[op.value % len(TOKENS)]
    return bytes(buf)


def _termbase() -> Termbase:
    where = (Location("seed.txt", 1, 4),)
    return Termbase(
        (
            Concept(
                "c1",
                (
                    Term(
                        "联合国环境规划署", "zh", "fullForm", "preferred", 2, where, ("seed.txt",)
                    ),
                    Term("环境署", "zh", "shortForm", "admitted", 3, where, ("seed.txt",)),
                    Term("UNEP", "en", "acronym", "preferred", 1, (), ("seed.txt",)),
                ),
                ("seed.txt",),
                'a note, with "quotes" and a\nline break',
                definition="联合国的环境机构",
                confidence=0.9,
            ),
            Concept(
                "c2",
                (
                    Term("降排＋", "zh", "shortForm", "preferred", 1, (), ("seed.txt",)),
                    Term("REDD-plus", "en", "fullForm", "preferred", 1, (), ("seed.txt",)),
                ),
                ("seed.txt",),
            ),
        )
    )


_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
    'target-language="zh" datatype="plaintext" original="x"><body>'
    '<trans-unit id="1"><source>UNEP reported <g id="1">today</g>.</source>'
    "<target>环境署今天报告。</target></trans-unit>"
    '<trans-unit id="2"><source>REDD-plus 12</source><target>降排＋ 12</target></trans-unit>'
    "</body></file></xliff>\n"
)
_PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "UNEP reported %s."\nmsgstr "环境署报告了%s。"\n'
)


def seeds() -> dict[str, tuple[str, bytes]]:
    """format → (file name, valid bytes)."""
    from termkit.formats import delimited, glossary_csv, tbx, tmx, xlsx

    tb = _termbase()
    text = DRAFT.encode("utf-8")
    return {
        "tbx": ("g.tbx", tbx.dumps(tb)),
        "tbx2008": ("g.tbx", tbx.dumps(tb, version=2)),
        "tmx": ("g.tmx", tmx.dumps(tb)),
        "csv-full": ("g.csv", glossary_csv.dumps(tb).encode("utf-8")),
        "csv-concept": ("g.csv", delimited.dumps(tb, "concept").encode("utf-8")),
        "xlsx": ("g.xlsx", xlsx.dumps(tb)),
        "txt-utf8": ("d.txt", text),
        "txt-gb18030": ("d.txt", DRAFT.encode("gb18030")),
        "txt-utf16": ("d.txt", DRAFT.encode("utf-16")),
        "txt-gz": ("d.txt.gz", gzip.compress(text, mtime=0)),
        "txt-xz": ("d.txt.xz", lzma.compress(text)),
        "xliff": ("b.xlf", _XLIFF.encode("utf-8")),
        "po": ("b.po", _PO.encode("utf-8")),
    }


def _glossary(path: Path) -> None:
    from termkit.formats.registry import load_glossary

    load_glossary(path)


def _document(path: Path) -> None:
    from termkit.text.decode import read_document

    read_document(path)


def _bilingual(path: Path) -> None:
    from termkit.formats.bilingual import read

    read(path)


READERS: dict[str, Callable[[Path], None]] = {
    "tbx": _glossary,
    "tbx2008": _glossary,
    "tmx": _glossary,
    "csv-full": _glossary,
    "csv-concept": _glossary,
    "xlsx": _glossary,
    "txt-utf8": _document,
    "txt-gb18030": _document,
    "txt-utf16": _document,
    "txt-gz": _document,
    "txt-xz": _document,
    "xliff": _bilingual,
    "po": _bilingual,
}


def mutated(fmt: str, seed: bytes, ops: list[Op], member: int = 0) -> bytes:
    """The seed after the ops; a workbook's `member`-th part is mutated and zipped again."""
    if fmt != "xlsx":
        return mutate(seed, ops)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as book, zipfile.ZipFile(out, "w") as again:
        names = book.namelist()
        for name in names:
            data = book.read(name)
            if name == names[member % len(names)]:
                data = mutate(data, ops)
            again.writestr(name, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def read_one(fmt: str, data: bytes, folder: Path) -> str:
    """Read mutated bytes as `fmt`: 'ok' or 'error' (an InputError); any other exception is
    the crash the harness looks for and propagates."""
    path = folder / seeds_names()[fmt]
    path.write_bytes(data)
    try:
        READERS[fmt](path)
    except InputError:
        return "error"
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    return "ok"


_NAMES: dict[str, str] = {}


def seeds_names() -> dict[str, str]:
    if not _NAMES:
        _NAMES.update({fmt: name for fmt, (name, _) in seeds().items()})
    return _NAMES


FIX_CODECS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16")


def fix_one(text: str, codec: str, folder: Path) -> str:
    """`check --fix` on `text` written in `codec`: 'fixed', 'unchanged' or 'error'. Raises
    AssertionError when a byte outside the fixed spans changed or the fixed file does not read
    back as the fixed text; any exception but InputError propagates."""
    from termkit.check.fix import apply, edits_of
    from termkit.check.run import check_files
    from termkit.cli import main

    try:
        raw = text.encode(codec)
    except UnicodeEncodeError:
        return "unencodable"
    path = folder / "draft.txt"
    path.write_bytes(raw)
    argv = ["check", "--isolated", "--fix", str(path), "-o", str(folder / "report.txt")]
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            checked = check_files([str(path)], *_settings(), 1, None)
        except InputError:
            return "error"
        code = main(argv)
    after = path.read_bytes()
    doc = checked[0].document
    if code == 2 or doc is None:
        assert after == raw, "a refused fix changed the file"
        return "error"
    edits = edits_of(checked[0].findings, doc.encoding)
    if not edits:
        assert after == raw, "a file without fixes was rewritten"
        return "unchanged"
    from termkit.text.decode import decode_bytes

    assert decode_bytes(after, str(path), doc.encoding).text == apply(doc.text, edits)
    head = len(doc.text[: edits[0].start].encode(_body_codec(doc.encoding, raw)))
    bom = len(raw) - len(doc.text.encode(_body_codec(doc.encoding, raw)))
    tail = len(doc.text[edits[-1].end :].encode(_body_codec(doc.encoding, raw)))
    assert after[: bom + head] == raw[: bom + head], "bytes before the first fix changed"
    assert tail == 0 or after[-tail:] == raw[-tail:], "bytes after the last fix changed"
    return "fixed"


def _body_codec(encoding: str, raw: bytes) -> str:
    if encoding == "utf-8-sig":
        return "utf-8"
    if encoding in ("utf-16", "utf_16"):
        return "utf-16-be" if raw.startswith(b"\xfe\xff") else "utf-16-le"
    return encoding


def _settings():
    from termkit.check.run import glossary_paths
    from termkit.check.settings import Settings

    settings = Settings()
    return settings, glossary_paths(settings)
