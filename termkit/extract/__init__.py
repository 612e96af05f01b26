"""Mining short-form definitions (`FULL（SHORT）` and its kin) from Chinese documents."""

from termkit.extract.extractor import DocumentResult, extract_document, extract_file, extract_text

__all__ = ["DocumentResult", "extract_document", "extract_file", "extract_text"]
