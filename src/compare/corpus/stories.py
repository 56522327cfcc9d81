"""Stories: the connected components of the accepted same-story pairs.

An article joins a story when its pair with one article of the story is accepted
(:func:`compare.story.score`, see ``CorpusOptions.story_threshold``; single linkage);
an article with no accepted pair is a story of its own. Stories are numbered from 1 in
the order of their first article in the input, so the same input gives the same
numbers.
"""

from __future__ import annotations

from collections.abc import Sequence


def components(n: int, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """The story number of each of ``n`` articles, given the accepted ``pairs``."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if n == 0:
        return []
    rows = np.array([i for i, _ in pairs], dtype=np.int64)
    cols = np.array([j for _, j in pairs], dtype=np.int64)
    graph = coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    number: dict[int, int] = {}
    for label in labels:
        number.setdefault(int(label), len(number) + 1)
    return [number[int(label)] for label in labels]
