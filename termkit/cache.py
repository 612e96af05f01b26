"""A folder of per-document results, so that a rebuild redoes only new or changed documents.

An entry is keyed by the document's bytes (decompressed), the extractor's version, the code
that turns a document into a termbase and the options that change the result, never by the
document's path: a moved or copied document is still found, and its path is stamped back in on
loading. Keying by the code, not only by `EXTRACTOR_VERSION`, means an extractor changed
without a version bump never serves the old extractor's results.

Entries are JSON, never pickle: loading a foreign or corrupt entry from a shared folder cannot
run code, it only misses and the document is extracted again. Entries are written to a
temporary file and renamed, so builds sharing one folder see whole entries or none.

Every file of the folder (document entries, chunk entries, the stamp index) is sealed: its
first line holds the SHA-256 of the rest and the digest of the code that wrote it, and a file
whose seal does not match, whose values are not ones extraction gives (a language `xx`, a
status `evil`), or that is reached through a symbolic link is a miss, never followed and never
written through. A seal catches corruption and stale code, not a forger: whoever can write to
the cache folder can compute one, so share a cache folder only with those you would let change
termkit's code.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from pathlib import Path

from termkit.corpus import WEIGHTS as CORPUS_WEIGHTS
from termkit.corpus import Dispute, Option
from termkit.errors import InputError
from termkit.extract.extractor import EXTRACTOR_VERSION
from termkit.extract.scoring import WEIGHTS
from termkit.termbase.model import LANGS, STATUSES, TERM_TYPES, Concept, Location, Term, Termbase
from termkit.user_cache import sources_digest, split_sealed, store_sealed

_FORMAT = "termkit-document-cache"
_PACKAGE = Path(__file__).resolve().parent
# What a document's termbase depends on: the extractor, its fitted boundary weights, the text
# layer, the termbase model, `document_termbase` and the disputes it holds back; and the word lists of the libraries the
# extractor segments with.
_SHAPING = ("extract", "text", "termbase", "documents")
_LIBRARIES = ("jieba", "opencc", "python-docx", "pypdf")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code and library versions that shape a document's termbase."""
    sources = [p for d in _SHAPING for p in sorted((_PACKAGE / d).glob("*.py"))]
    digest = sources_digest(
        hashlib.sha256(), [*sources, _PACKAGE / "build.py", _PACKAGE / "corpus.py"]
    )
    digest.update(b"boundary weights\0" + WEIGHTS.read_bytes() + b"\0")
    # How many alternatives a dispute keeps is fitted with the corpus weight.
    digest.update(b"corpus weights\0" + CORPUS_WEIGHTS.read_bytes() + b"\0")
    from importlib import metadata  # 20-30 ms of imports that a build without a cache skips

    for name in _LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}\0".encode())
    return digest.hexdigest()


def read_entry(path: Path, root: Path) -> object | None:
    """The JSON value of a sealed cache file; None (a miss) when it is missing, reached through
    a symbolic link below `root`, unsealed, sealed for other code or content, or unreadable."""
    try:
        if _linked(path, root):
            return None
        head, body = split_sealed(path)
        if head != _seal(body):
            return None
        return json.loads(bytes(body))
    except Exception:  # the cache's boundary: whatever is wrong with an entry, it only misses
        return None


def write_entry(path: Path, root: Path, value: object) -> None:
    """Seal and write a cache file atomically. A full disk, a read-only folder or a symbolic
    link below `root` only costs a later recomputation, never the build."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError, UnicodeError):
        if not _linked(path, root):  # the file or a folder on its way: no folder is made
            store_sealed(path, _seal(body), body)


def _seal(body: bytes) -> dict[str, str]:
    return {"sha256": hashlib.sha256(body).hexdigest(), "code": code_digest()}


def _linked(path: Path, root: Path) -> bool:
    """Whether `path` or a folder between `root` and it is a symbolic link."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


class ResultCache:
    def __init__(
        self,
        folder: str | Path,
        encoding: str | None,
        min_confidence: float,
        revisions: str = "accepted",
    ) -> None:
        code = code_digest()
        self.root = Path(folder)
        # Entries of older code stay apart, in a folder of their own that can be deleted whole.
        self.folder = Path(folder) / f"v{EXTRACTOR_VERSION}-{code[:12]}"
        self._salt = json.dumps(
            [_FORMAT, EXTRACTOR_VERSION, code, encoding, min_confidence, revisions]
        )

    def prepare(self) -> None:
        """Create the folder up front: an unusable cache is the user's error, reported once."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cache folder {self.folder}: {exc.strerror or exc}") from None

    def key(self, data: bytes) -> str:
        return hashlib.sha256(f"{self._salt}\0".encode() + data).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> tuple[Termbase, tuple[Dispute, ...]] | None:
        """The cached termbase and disputes of a document, stamped with `path`; None when
        missing or unusable."""
        entry = read_entry(self._entry(key), self.root)
        try:
            if entry["format"] != _FORMAT or entry["key"] != key:
                return None
            termbase = _termbase(entry["concepts"], path)
            return termbase, tuple(_dispute(d, path) for d in entry["disputes"])
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def put(
        self, key: str, path: str, termbase: Termbase, disputes: tuple[Dispute, ...] = ()
    ) -> None:
        """Store a one-document termbase and its disputes (see `write_entry`)."""
        concepts = _encode_termbase(termbase, path)
        held = [_encode_dispute(d, path) for d in disputes]
        if concepts is None or None in held:
            return
        entry = {"format": _FORMAT, "key": key, "concepts": concepts, "disputes": held}
        write_entry(self._entry(key), self.root, entry)


def _encode_termbase(termbase: Termbase, path: str) -> list | None:
    concepts = [_encode_concept(c, path) for c in termbase.concepts]
    if termbase.conflicts or termbase.meta or None in concepts:
        return None
    return concepts


def _termbase(concepts: list, path: str) -> Termbase:
    return Termbase(tuple(_concept(c, path) for c in concepts))


def _encode_dispute(d: Dispute, path: str) -> list | None:
    """A dispute of the document at `path` without its path, or None when it holds another."""
    options = [[o.key, o.logit, o.word, _encode_termbase(o.termbase, path)] for o in d.options]
    if d.path != path or any(o[3] is None for o in options):
        return None
    return [d.line, d.column, options]


def _dispute(raw: list, path: str) -> Dispute:
    line, column, options = raw
    return Dispute(
        path,
        _int(line),
        _int(column),
        tuple(
            Option(_str(k), checked_number(logit), _termbase(c, path), typed(word, bool))
            for k, logit, word, c in options
        ),
    )


def _encode_concept(c: Concept, path: str) -> list | None:
    """A concept without its path, or None when it holds more than the one document."""
    terms = []
    for t in c.terms:
        if t.sources != (path,) or any(loc.path != path for loc in t.locations):
            return None
        locations = [[loc.line, loc.column] for loc in t.locations]
        terms.append([t.text, t.lang, t.type, t.status, t.count, locations, t.note])
    if c.sources != (path,):
        return None
    return [c.id, terms, c.note, c.definition, c.subject, c.confidence, list(c.evidence)]


def checked_number(value: object) -> float:
    """A number from a cache file (a bool is none)."""
    if not isinstance(value, float | int) or isinstance(value, bool):
        raise TypeError("expected a number")
    return float(value)


def _concept(raw: list, path: str) -> Concept:
    cid, terms, note, definition, subject, confidence, evidence = raw
    return Concept(
        _str(cid),
        tuple(_term(t, path) for t in terms),
        (path,),
        _str(note),
        _str(definition),
        _str(subject),
        checked_number(confidence),
        tuple(_str(e) for e in evidence),
    )


def _term(raw: list, path: str) -> Term:
    text, lang, type_, status, count, locations, note = raw
    return Term(
        _str(text),
        checked_value(lang, LANGS),
        checked_value(type_, TERM_TYPES),
        checked_value(status, ("", *STATUSES)),
        _int(count),
        tuple(Location(path, _int(line), _int(column)) for line, column in locations),
        (path,),
        _str(note),
    )


def checked_value(value: object, allowed: tuple[str, ...]) -> str:
    """A term's language, type or status from a cache file: only a value extraction gives."""
    if value not in allowed:
        raise ValueError(f"unexpected {value!r}")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value


def typed(value: object, kind: type) -> object:
    """`value` if it is exactly of `kind` (a bool is no int here), else TypeError."""
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}")
    return value
