"""The two corpus tables `termkit build --usage` keeps beside a glossary: how the corpus uses
its short forms (`termkit.check.usage`) and in how many documents each wording occurs
(`termkit.check.frequency`). Both rows of a document come from one reading and one analysis
of it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from termkit.check import frequency, usage
from termkit.check.document import Analysed
from termkit.check.glossary import GlossaryIndex
from termkit.io import atomic_write
from termkit.termbase.model import Termbase
from termkit.text.decode import read_document


def write_beside(
    glossary: str | Path, paths: Iterable[str], termbase: Termbase, encoding: str | None = None
) -> None:
    """Gather both tables over `paths`, one file one document, and write them beside the
    glossary file; the frequency table takes the shipped cut-off."""
    index = GlossaryIndex([termbase])
    usages, tables = [], []
    for path in paths:
        doc = Analysed(read_document(path, encoding).text)
        usages.append(usage.usage_of(doc, index))
        tables.append(frequency.table_of(doc))
    wordings = frequency.total(tables)
    wordings = frequency.Frequencies(
        wordings.documents, wordings.windows, frequency.shipped().min_documents
    )
    with atomic_write(usage.beside(glossary), "w", encoding="utf-8") as handle:
        handle.write(usage.dumps(usage.total(usages)))
    with atomic_write(frequency.beside(glossary), "w", encoding="utf-8") as handle:
        handle.write(frequency.dumps(wordings))
