"""Candidate sentence pairs: the few pairs of two reports worth scoring.

:func:`candidates` is the default generator: one sparse product gives the TF-IDF cosine
of every pair; a pair is a candidate when its cosine is at least
``settings.candidate_floor`` and among the ``settings.top_k`` best of its row or its
column, or when the two sentences have the same words (found even without a content
word). Any function with the same signature (two :class:`Features` sides and a
:class:`~compare.settings.Settings`, returning sorted distinct ``(ia, ib)`` index
arrays) can replace it: ``compare.align.align(..., candidates=...)``; an embedding
backend will nominate its nearest neighbours here too.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from compare.settings import Settings
from compare.similarity.features import Features

_BINS = 64


def top_k(matrix: sparse.csr_matrix | sparse.csc_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The entries of each row of a CSR matrix (column of a CSC one) that are among its
    ``k`` best: largest value first, ties by the smaller other index. Returns the
    (row or column, other index) of the kept entries."""
    n_keys = len(matrix.indptr) - 1
    key = np.repeat(np.arange(n_keys), np.diff(matrix.indptr))
    other = matrix.indices.astype(np.int64)
    data = matrix.data
    # Pre-selection (exact): values binned in _BINS equal bins; a row's k best all lie
    # in the bins from the one holding its k-th best value up, and every entry below
    # that bin ranks after every entry in it or above. Only those entries are sorted.
    bins = np.clip(np.floor(data * _BINS), 0, _BINS).astype(np.int64)
    count = np.bincount(key * (_BINS + 1) + bins, minlength=n_keys * (_BINS + 1))
    at_least = np.cumsum(count.reshape(n_keys, _BINS + 1)[:, ::-1], axis=1)[:, ::-1]
    enough = at_least >= k
    lowest = np.where(enough.any(axis=1), _BINS - np.argmax(enough[:, ::-1], axis=1), 0)
    chosen = np.flatnonzero(bins >= lowest[key])
    key, other, data = key[chosen], other[chosen], data[chosen]
    order = np.lexsort((other, -data, key))  # by key, best value first, then index
    sorted_key = key[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_key, sorted_key, side="left")
    kept = order[rank < k]
    return key[kept], other[kept]


def _by_cosine(fa: Features, fb: Features, settings: Settings) -> tuple[np.ndarray, ...]:
    """Candidate pairs ``(ia, ib)``: cosine >= floor and among the top k of a row or column
    (a pair may come twice)."""
    cos = sparse.csr_matrix(fa.tfidf @ fb.tfidf.T)
    cos.data[cos.data < settings.candidate_floor] = 0
    cos.eliminate_zeros()
    if cos.nnz == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rows_a, cols_a = top_k(cos, settings.top_k)
    cols_b, rows_b = top_k(cos.tocsc(), settings.top_k)
    return np.concatenate([rows_a, rows_b]), np.concatenate([cols_a, cols_b])


def same_words(fa: Features, fb: Features) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of sentences with the same words (found even without any content word)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for j, plain in enumerate(fb.words):
        if plain:
            index.setdefault(plain, []).append(j)
    pairs = [(i, j) for i, plain in enumerate(fa.words) for j in index.get(plain, ())]
    ia = np.asarray([p[0] for p in pairs], dtype=np.int64)
    ib = np.asarray([p[1] for p in pairs], dtype=np.int64)
    return ia, ib


def candidates(fa: Features, fb: Features, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(ia, ib)``, sorted by ``ia`` then ``ib``, each pair once."""
    m = len(fb)
    ia, ib = _by_cosine(fa, fb, settings)
    sa, sb = same_words(fa, fb)
    return np.divmod(np.unique(np.concatenate([ia * m + ib, sa * m + sb])), m)
