"""Corpora: many articles grouped into stories and compared, on Dask.

``compare.corpus.run("feed.jsonl", "out/")`` reads a folder of reports or a JSONL / CSV /
Parquet table (:mod:`compare.corpus.rows`), prepares every article on the workers of a
``dask.distributed`` cluster, finds candidate pairs with MinHash LSH, groups the articles
into stories by the same-story score, compares the articles of each story and writes
Parquet tables and an HTML site (:mod:`compare.corpus.tables`). The steps are in
:mod:`compare.corpus.engine`; every threshold in :class:`CorpusOptions`. Needs the
``corpus`` extra (``pip install 'compare-sources[corpus]'``).
"""

from compare.corpus.engine import open_client, run
from compare.corpus.options import CorpusOptions
from compare.corpus.rows import Row, read_corpus
from compare.corpus.tables import Corpus

__all__ = ["Corpus", "CorpusOptions", "Row", "open_client", "read_corpus", "run"]
