"""Stories: groups of articles whose scored candidate pairs say they tell one story.

``average`` linkage (the default, ``CorpusOptions.linkage``): every article starts as
its own group; the two groups with the highest mean same-story probability over their
*scored* pairs (the candidate pairs between them; pairs never proposed as candidates
are not counted) are joined, again and again, while that mean reaches the threshold.
One strong pair no longer chains two events: joining two groups needs the pairs
between them to agree on average. ``single`` linkage: the connected components of the
pairs at or above the threshold (one accepted pair joins two groups).

An article with no such pair is a story of its own. Stories are numbered from 1 in the
order of their first article in the input, so the same input gives the same numbers.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

LINKAGES = ("average", "single")
"""The ways to join scored pairs into stories (see the module doc)."""


def components(n: int, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """The story number of each of ``n`` articles, given the accepted ``pairs``
    (single linkage: connected components)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if n == 0:
        return []
    rows = np.array([i for i, _ in pairs], dtype=np.int64)
    cols = np.array([j for _, j in pairs], dtype=np.int64)
    graph = coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return _numbered(labels.tolist())


def _numbered(labels: Sequence[int]) -> list[int]:
    """Labels renumbered 1, 2, ... in the order of their first article."""
    number: dict[int, int] = {}
    for label in labels:
        number.setdefault(int(label), len(number) + 1)
    return [number[int(label)] for label in labels]


def average_linkage(n: int, scored: Iterable[tuple[int, int, float]],
                    threshold: float) -> list[int]:
    """The story number of each of ``n`` articles: groups joined while the mean
    probability of the scored pairs between them (``(i, j, probability)``) reaches
    ``threshold``; ties go to the pair of groups with the smallest first articles.

    Sparse: only groups with a scored pair between them are ever compared, so the work
    grows with the scored pairs, not with ``n`` squared.
    """
    total: list[dict[int, float]] = [{} for _ in range(n)]  # group -> group -> sum
    count: list[dict[int, int]] = [{} for _ in range(n)]
    for i, j, probability in scored:
        if i == j:
            continue
        total[i][j] = total[j][i] = total[i].get(j, 0.0) + probability
        count[i][j] = count[j][i] = count[i].get(j, 0) + 1
    heap = [(-total[i][j] / count[i][j], i, j) for i in range(n) for j in total[i] if i < j]
    heapq.heapify(heap)
    parent = list(range(n))  # a group is named by its smallest article
    alive = [True] * n
    while heap:
        negative, i, j = heapq.heappop(heap)
        if -negative < threshold:
            break
        if not (alive[i] and alive[j]) or j not in total[i] \
                or negative != -total[i][j] / count[i][j]:
            continue  # stale: one side was joined since this entry was pushed
        # join j into i (i < j)
        alive[j] = False
        parent[j] = i
        for k, value in total[j].items():
            if k == i:
                continue
            total[i][k] = total[k][i] = total[i].get(k, 0.0) + value
            count[i][k] = count[k][i] = count[i].get(k, 0) + count[j][k]
            del total[k][j], count[k][j]
        del total[i][j], count[i][j]
        total[j], count[j] = {}, {}
        for k in total[i]:
            low, high = min(i, k), max(i, k)
            heapq.heappush(heap, (-total[i][k] / count[i][k], low, high))
    return _numbered([_root(parent, k) for k in range(n)])


def _root(parent: list[int], k: int) -> int:
    while parent[k] != k:
        k = parent[k]
    return k


def group(n: int, scored: Iterable[tuple[int, int, float]], threshold: float,
          linkage: str = "average") -> list[int]:
    """The story number of each of ``n`` articles from the scored pairs
    ``(i, j, probability)`` by ``linkage`` at ``threshold`` (see the module doc)."""
    if linkage == "single":
        return components(n, [(i, j) for i, j, p in scored if p >= threshold])
    if linkage == "average":
        return average_linkage(n, scored, threshold)
    raise ValueError(f"linkage must be one of {', '.join(LINKAGES)}, not {linkage!r}")
