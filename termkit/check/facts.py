"""What every rule of a Chinese document looks at, computed once per document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from termkit.check.definitions import Defined
from termkit.check.document import Analysed, Place
from termkit.check.finding import Edit
from termkit.check.glossary import GlossaryIndex
from termkit.check.matcher import Hit
from termkit.check.script import LineScripts, Traditional
from termkit.text.normalize import fold, normalize


@dataclass
class Facts:
    doc: Analysed
    glossary: GlossaryIndex
    definitions: list[Defined]
    hits: list[Hit]

    @cached_property
    def defined_forms(self) -> dict[str, list[str]]:
        """Key → the written forms (full and short) the document's definitions give it. A form
        an earlier definition gave in other widths only (（ＯＥＣＤ） after （OECD）) is no
        spelling of the document's own: TK108 reports it."""
        forms: dict[str, list[str]] = {}
        for d in self.definitions:
            for text in (d.full, d.short):
                known = forms.setdefault(normalize(text), [])
                if all(fold(f) != fold(text) for f in known):
                    known.append(text)
        return forms

    @cached_property
    def hits_by_key(self) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {}
        for hit in self.hits:
            out.setdefault(hit.key, []).append(hit)
        return out

    @cached_property
    def scripts(self) -> LineScripts:
        """The script of each line, judged on its running text without the known terms."""
        return self.doc.scripts(self._term_spans())

    def _term_spans(self) -> Iterator[tuple[int, int]]:
        """The hits' original spans, mapped in one pass when first read (LineScripts reads
        them only if some line changes script)."""
        source = self.doc.analysis.map.to_sources
        starts = source([h.astart for h in self.hits])
        ends = source([h.aend - 1 for h in self.hits])
        yield from zip(starts, [end + 1 for end in ends], strict=True)

    @cached_property
    def traditional(self) -> Traditional:
        """The document's own traditional characters, gathered once: each TK108 suggestion
        reads them (gathering them per finding made a check quadratic in the document)."""
        return Traditional(self.doc.analysis.text)

    def place(self, hit: Hit) -> Place:
        return self.doc.place_of_analysis(hit.astart, hit.aend)

    def surface(self, hit: Hit) -> str:
        """The hit as written (analysis text: PDF line breaks joined)."""
        return self.doc.analysis.text[hit.astart : hit.aend]

    def replacement(self, hit: Hit, text: str) -> Edit | None:
        """An edit writing `text` over the hit, when the hit is written in one piece in the
        original file (a term broken by a PDF line break is never rewritten)."""
        place = self.place(hit)
        if self.doc.original[place.start : place.end] != self.surface(hit):
            return None
        return Edit(place.start, place.end, text)
