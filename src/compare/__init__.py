"""Compare how different news reports cover the same event.

>>> from compare import compare, load_article
>>> result = compare(load_article("data/report-a.txt"), load_article("data/report-b.txt"))
>>> result.verdict.label, result.coverage[0].verbatim  # doctest: +SKIP
"""

from importlib.metadata import PackageNotFoundError, version

from compare.collate import collate
from compare.io import LoadError, load_article
from compare.models import (
    Article,
    Collation,
    Comparison,
    Coverage,
    Credit,
    Detail,
    DetailMatch,
    Diff,
    Framing,
    Link,
    Op,
    Passage,
    Prepared,
    Quote,
    QuotePair,
    Records,
    Scores,
    Sentence,
    Verdict,
    Word,
)
from compare.pipeline import compare
from compare.prepare import prepare
from compare.segment import split_sentences, tokenize
from compare.settings import Settings

try:
    __version__ = version("compare-sources")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


__all__ = [
    "Article",
    "Collation",
    "Comparison",
    "Coverage",
    "Credit",
    "Detail",
    "DetailMatch",
    "Diff",
    "Framing",
    "Link",
    "LoadError",
    "Op",
    "Passage",
    "Prepared",
    "Quote",
    "QuotePair",
    "Records",
    "Scores",
    "Sentence",
    "Settings",
    "Verdict",
    "Word",
    "__version__",
    "collate",
    "compare",
    "load_article",
    "prepare",
    "split_sentences",
    "tokenize",
]
