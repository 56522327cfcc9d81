"""What the corpus stages need from one prepared report, and the same-story score.

:func:`sketch` runs on a worker beside the :class:`~compare.models.Prepared` report and
returns a small :class:`Sketch`: the report's count of content words (for the
articles table) and its datasketch MinHash over word shingles (for candidate pairs).
:func:`candidate_pairs` indexes the MinHashes with datasketch's ``MinHashLSH`` and
keeps at most ``max_candidates`` per article. The same-story score of a candidate pair
is :func:`compare.story.score` (run on the workers holding the prepared reports).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from compare.corpus.options import CorpusOptions
from compare.models import Prepared

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
    return Sketch(prepared.article.name, len(prepared.article.sentences), len(words),
                  minhash.hashvalues.copy())


def candidate_pairs(
    sketches: Sequence[Sketch], days: Sequence[float | None], options: CorpusOptions
) -> list[tuple[int, int, float]]:
    """Candidate pairs ``(i, j, jaccard)`` with ``i < j`` (indices into ``sketches``),
    sorted: each article proposes its ``max_candidates`` nearest by estimated Jaccard
    among those datasketch's LSH returns (and within the date window; ``days`` holds
    each article's date in days, None for none)."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
    hashes = [LeanMinHash(seed=_SEED, hashvalues=s.minhash, scheme=_SCHEME) for s in sketches]
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(hashes):
            session.insert(index, minhash, check_duplication=False)
    values = np.stack([s.minhash for s in sketches]) if sketches else np.zeros((0, 0))
    window = options.window_days
    pairs: dict[tuple[int, int], float] = {}
    for i, minhash in enumerate(hashes):
        found = np.array(sorted(j for j in lsh.query(minhash) if j != i), dtype=np.int64)
        if window is not None and days[i] is not None and len(found):
            keep = [days[j] is None or abs(days[j] - days[i]) <= window for j in found]
            found = found[np.array(keep, dtype=bool)]
        if not len(found):
            continue
        jaccard = (values[found] == values[i]).mean(axis=1)
        order = np.lexsort((found, -jaccard))[: options.max_candidates]
        for j, value in zip(found[order], jaccard[order], strict=True):
            key = (min(i, int(j)), max(i, int(j)))
            pairs[key] = round(float(value), 6)
    return sorted((i, j, v) for (i, j), v in pairs.items())
