"""The termbase: one model of concepts and terms for the whole product."""

from termkit.termbase.model import (
    Concept,
    Conflict,
    Definition,
    Location,
    Term,
    Termbase,
)

__all__ = ["Concept", "Conflict", "Definition", "Location", "Term", "Termbase"]
