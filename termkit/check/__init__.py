"""`termkit check`: terminology and short-form consistency of Chinese documents.

Runs in pre-commit hooks, so nothing here imports jieba, pandas or nltk.
"""

from termkit.check.engine import check_file, check_text
from termkit.check.finding import Finding
from termkit.check.rules import RULES

__all__ = ["RULES", "Finding", "check_file", "check_text"]
