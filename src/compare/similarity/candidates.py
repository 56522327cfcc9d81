"""Candidate sentence pairs: the few pairs of two reports worth scoring.

:func:`candidates` is the default generator: one sparse product gives the TF-IDF cosine
of every pair; a pair is a candidate when its cosine is at least
``settings.candidate_floor`` and among the ``settings.top_k`` best of its row or its
column, or when the two sentences have the same words (found even without a content
word). Shared wording is not the only way in: pairs that share names (people, places,
organisations: capitalised words) or numbers are nominated too (:func:`by_details`,
the ``detail_top_k`` best of each sentence, rarer details first), and, when both
reports carry sentence embeddings (``Prepared.embeddings``), each sentence's
``embedding_top_k`` nearest sentences by cosine (:func:`by_embeddings`). Any function
with the same signature (two :class:`Features` sides, a
:class:`~compare.settings.Settings` and the keyword ``embeddings``, a pair of arrays or
None; returning sorted distinct ``(ia, ib)`` index arrays) can replace it:
``compare.align.align_scored(..., candidates=...)``.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from compare.settings import Settings
from compare.similarity.features import Features, sorted_distinct

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
    return _best_both_ways(cos, settings.top_k)


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


def _best_both_ways(matrix: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Entries (values in [0, 1]) among the ``k`` best of their row or of their column."""
    if matrix.nnz == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rows_a, cols_a = top_k(matrix, k)
    cols_b, rows_b = top_k(matrix.tocsc(), k)
    return np.concatenate([rows_a, rows_b]), np.concatenate([cols_a, cols_b])


def by_details(fa: Features, fb: Features, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Pairs that share at least one name or number, whatever their other words: the
    ``detail_top_k`` best of each sentence's row and column, ranked by the shared names
    and numbers, each weighted by one over the number of sentences (of both reports)
    that mention it, so a rare detail ranks above one that every sentence repeats."""
    ranked = None
    for kind in ("names", "numbers"):
        xa, xb = fa.sets[kind], fb.sets[kind]
        df = np.asarray(xa.sum(axis=0)).ravel() + np.asarray(xb.sum(axis=0)).ravel()
        weight = sparse.diags(np.divide(1.0, df, out=np.zeros(len(df)), where=df > 0))
        part = sparse.csr_matrix(xa @ weight @ xb.T)
        ranked = part if ranked is None else ranked + part
    ranked = sparse.csr_matrix(ranked)
    ranked.eliminate_zeros()
    ranked.data = ranked.data / (ranked.data + 1.0)  # in (0, 1), rising with the weight
    return _best_both_ways(ranked, settings.detail_top_k)


def by_embeddings(
    ea: np.ndarray, eb: np.ndarray, settings: Settings
) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's ``embedding_top_k`` nearest sentences of the other report by the
    cosine of their (L2-normalised) embeddings, when at least ``embedding_floor``."""
    cos = np.clip(np.asarray(ea, dtype=np.float32) @ np.asarray(eb, dtype=np.float32).T, 0, 1)
    cos[cos < settings.embedding_floor] = 0.0
    return _best_both_ways(sparse.csr_matrix(cos.astype(np.float64)), settings.embedding_top_k)


def candidates(
    fa: Features,
    fb: Features,
    settings: Settings,
    embeddings: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(ia, ib)``, sorted by ``ia`` then ``ib``, each pair once: by
    TF-IDF cosine, same words, shared names and numbers, and (``embeddings``: the two
    reports' sentence vectors) embedding cosine."""
    m = len(fb)
    found = [_by_cosine(fa, fb, settings), same_words(fa, fb), by_details(fa, fb, settings)]
    if embeddings is not None:
        found.append(by_embeddings(*embeddings, settings))
    return np.divmod(sorted_distinct(np.concatenate([ia * m + ib for ia, ib in found])), m)
