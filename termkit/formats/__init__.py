"""Glossary and bilingual file formats: readers and writers over the one termbase model."""
