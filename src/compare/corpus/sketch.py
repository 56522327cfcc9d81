"""What the corpus stages need from one prepared report, and the same-story score.

:func:`sketch` runs on a worker beside the :class:`~compare.models.Prepared` report and
returns a small :class:`Sketch`: the report's count of content words (for the
articles table) and its datasketch MinHash over word shingles (for candidate pairs).
:func:`candidate_pairs` bands the MinHash values of all articles (one matrix) the way
datasketch's ``MinHashLSH`` does, but bounds a bucket's size (``max_bucket``; datasketch
has no such bound, and at a low ``lsh_threshold`` a few buckets hold a growing share of
the corpus), and keeps at most ``max_candidates`` per article. The same-story score of
a candidate pair is :func:`compare.story.score` (run on the workers on the profiles).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from compare.corpus.options import CorpusOptions
from compare.models import Prepared
from compare.similarity.features import sorted_distinct

_SEED = 1
"""MinHash seed: the same on every worker, so sketches made anywhere compare."""
_SCHEME = "affine32"
"""datasketch's hashing scheme, named so the values rebuild the same MinHash."""


@dataclass(frozen=True)
class Sketch:
    """One article's sentence and content-word counts and MinHash values."""

    id: str
    sentences: int
    content_words: int
    minhash: np.ndarray


def content_stems(prepared: Prepared) -> list[str]:
    """The Snowball stems of the report's content words, in text order."""
    from compare.similarity.features import stems

    words = [w.norm for sentence in prepared.article.words for w in sentence
             if w.content and w.is_word]
    return stems(words)


def sketch(prepared: Prepared, options: CorpusOptions) -> Sketch:
    """The :class:`Sketch` of one prepared report."""
    from datasketch import MinHash

    words = content_stems(prepared)
    n = options.shingle
    shingles = {" ".join(words[i:i + n]) for i in range(max(len(words) - n + 1, 1))}
    shingles.discard("")
    minhash = MinHash(num_perm=options.num_perm, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8", "surrogatepass") for s in sorted(shingles)])
    values = minhash.hashvalues
    if int(values.max(initial=0)) <= np.iinfo(np.uint32).max:  # the 32-bit scheme's
        values = values.astype(np.uint32)  # values fit: half datasketch's uint64
    return Sketch(prepared.article.name, len(prepared.article.sentences), len(words),
                  values.copy())


@lru_cache(maxsize=8)
def bands(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """The LSH bands ``(start, end)`` (columns of a signature) that datasketch's
    ``MinHashLSH(threshold, num_perm)`` uses (its ``hashranges``: ``b`` bands of ``r``
    rows minimising its false positive and negative weights at ``threshold``)."""
    from datasketch import MinHashLSH

    return tuple(tuple(r) for r in MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def signatures(sketches: Sequence[Sketch], num_perm: int) -> np.ndarray:
    """The sketches' MinHash values as one ``len(sketches) x num_perm`` matrix."""
    if not sketches:
        return np.zeros((0, num_perm), dtype=np.uint32)
    return np.stack([s.minhash for s in sketches])


def _windows(key: np.ndarray, rank: np.ndarray, cap: int
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One band's buckets: ``order`` (the articles, bucket by bucket, each bucket by
    ``rank``) and, for each article, the slice ``[lo, hi)`` of ``order`` it is
    compared with: its whole bucket, or in a bucket of more than ``cap`` articles the
    ``cap`` nearest to it in that order."""
    n = len(key)
    order = np.lexsort((rank, key))
    ordered = key[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], n]
    which = np.repeat(np.arange(len(starts)), ends - starts)  # bucket of each position
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    start, end = starts[which][position], ends[which][position]
    lo = np.clip(position - cap // 2, start, np.maximum(end - cap, start))
    hi = np.minimum(lo + cap, end)
    return order, lo, hi


Buckets = list[tuple[np.ndarray, np.ndarray, np.ndarray]]


def buckets(values: np.ndarray, options: CorpusOptions) -> Buckets:
    """For each LSH band, ``(order, lo, hi)`` (see :func:`_windows`): article ``i`` is
    compared with ``order[lo[i]:hi[i]]`` in that band (``values``: one signature per
    row, see :func:`signatures`)."""
    n = len(values)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort(values.T[::-1])] = np.arange(n)  # whole signatures, in order
    found = []
    for start, end in bands(options.lsh_threshold, options.num_perm):
        band = values[:, start:end]
        key = band[:, 0] if end - start == 1 else np.unique(band, axis=0, return_inverse=True)[1]
        found.append(_windows(key.ravel(), rank, options.max_bucket))
    return found


def proposals(values: np.ndarray, days: Sequence[float | None], options: CorpusOptions
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What each article proposes: ``(i, j, jaccard)`` arrays, at most
    ``max_candidates`` rows per ``i`` (its nearest ``j`` by estimated Jaccard, then the
    smallest ``j``) among the articles sharing one of its LSH buckets (datasketch's
    bands, :func:`bands`; in a bucket over ``max_bucket`` only the nearest, see
    :class:`~compare.corpus.options.CorpusOptions`) and within the date window
    (``days``: each article's date in days, None for none)."""
    n = len(values)
    values = np.ascontiguousarray(values)
    windows = buckets(values, options)
    when = np.array([np.nan if d is None else d for d in days], dtype=np.float64)
    found = []
    step = max(1, _CHUNK // (max(len(windows), 1) * options.max_bucket))
    for first in range(0, n, step):
        found.append(_proposed(values, when, windows, np.arange(first, min(first + step, n)),
                               options))
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def candidate_arrays(values: np.ndarray, days: Sequence[float | None], options: CorpusOptions
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs as arrays ``(i, j, jaccard)``, ``i < j`` (rows of the signature
    matrix ``values``, see :func:`signatures`), sorted, each once: the
    :func:`proposals` of every article, the estimated Jaccard rounded to 6 places. An
    article is compared with at most ``max_bucket`` others per band, whatever the corpus
    size; without a bucket over ``max_bucket`` the candidates are exactly those of
    datasketch's ``MinHashLSH.query``."""
    n = len(values)
    i, j, jaccard = proposals(values, days, options)
    codes = np.minimum(i, j) * n + np.maximum(i, j)
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    once = np.r_[True, codes[1:] != codes[:-1]] if len(codes) else np.zeros(0, bool)
    codes = codes[once]
    return codes // n, codes % n, np.round(jaccard[order[once]], 6)


def candidate_pairs(values: np.ndarray, days: Sequence[float | None], options: CorpusOptions
                    ) -> list[tuple[int, int, float]]:
    """:func:`candidate_arrays` as a sorted list of ``(i, j, jaccard)``."""
    i, j, jaccard = candidate_arrays(values, days, options)
    return list(zip(i.tolist(), j.tolist(), jaccard.tolist(), strict=True))


_CHUNK = 1 << 20
"""Candidate rows gathered at a time (memory only: some 50 MB of work arrays)."""


def _agreeing(values: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How many permutations' minima agree in each pair ``(i[k], j[k])`` (divided by
    their number: the estimated Jaccard similarity)."""
    same = np.empty(len(i), dtype=np.int64)
    step = max(1, _CHUNK // 8)
    for k in range(0, len(i), step):
        part = slice(k, k + step)
        same[part] = (values[i[part]] == values[j[part]]).sum(axis=1)
    return same


def _proposed(values: np.ndarray, when: np.ndarray, windows: Buckets, ids: np.ndarray,
              options: CorpusOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(i, j, jaccard)``: the pairs the articles ``ids`` propose."""
    n = len(values)
    mine, theirs = [], []
    for order, lo, hi in windows:
        counts = hi[ids] - lo[ids]
        total = int(counts.sum())
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        mine.append(np.repeat(ids, counts))
        theirs.append(order[np.repeat(lo[ids], counts) + offsets])
    i, j = np.concatenate(mine), np.concatenate(theirs)
    keep = i != j
    if options.window_days is not None:
        apart = np.abs(when[i] - when[j])
        keep &= np.isnan(apart) | (apart <= options.window_days)
    codes = sorted_distinct(i[keep] * n + j[keep])  # each (i, j) once
    i, j = codes // n, codes % n
    width = values.shape[1]
    # by i, then the most agreeing minima (the highest Jaccard), then the smallest j:
    # one sort of one integer key
    key = np.sort((i * (width + 1) + (width - _agreeing(values, i, j))) * n + j)
    i, rest = key // ((width + 1) * n), key % ((width + 1) * n)
    same, j = width - rest // n, rest % n
    first = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else np.zeros(0, np.int64)
    place = np.arange(len(i)) - np.repeat(first, np.diff(np.r_[first, len(i)]))
    top = place < options.max_candidates
    return i[top], j[top], same[top] / width
