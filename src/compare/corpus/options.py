"""Every threshold and count of the corpus pipeline, in one frozen record.

``compare.corpus.run(..., options=CorpusOptions(story_threshold=0.6))``; the comparison
inside a story takes its own :class:`compare.settings.Settings`. Documented here and
nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class CorpusOptions:
    """Thresholds and counts of one corpus run (see each field)."""

    # --- candidate pairs (compare.corpus.sketch) -----------------------------------
    num_perm: int = 64
    """MinHash permutations per article (datasketch ``MinHash(num_perm=...)``)."""
    shingle: int = 1
    """Words per shingle: 1 hashes the set of content-word stems (same story, other
    wording); 2 or more hashes runs of stems (closer to copied text)."""
    lsh_threshold: float = 0.1
    """Estimated Jaccard similarity of the shingle sets from which datasketch's
    ``MinHashLSH`` returns a pair; low on purpose: the same story in other words shares
    few shingles, and the cap below bounds the work."""
    max_candidates: int = 10
    """Each article proposes at most this many candidates (the highest estimated Jaccard,
    then the smallest id): at most ``max_candidates * articles`` pairs are scored."""
    window_days: float | None = None
    """Only pairs whose dates are at most this many days apart (None: no window; an
    article without a date pairs with any)."""

    # --- stories (compare.corpus.stories) ------------------------------------------
    story_threshold: float | None = None
    """Same-story acceptance of a candidate pair, on the calibrated probability of
    :func:`compare.story.score` (document evidence: TF-IDF cosine with the shipped IDF,
    shared names, places, numbers, dates and quoted words). None (the default): its own
    ``same_event`` decision (the threshold of ``data/story.json``, fitted by
    training/fit_story.py on the ECB+ odd topics and the first half of the BASIL
    events); a number: accept from this probability. Stories are the connected
    components of the accepted pairs."""

    # --- reuse inside a story (compare.corpus.engine) -------------------------------
    max_collate: int = 30
    """A story of 3 to ``max_collate`` articles is compared as a whole
    (:func:`compare.collate.collate`: every pair of it, statement groups, facts and
    quotes by report, the many-reports page); a larger one (every pair would cost
    ``n * (n - 1) / 2`` comparisons) has only its ``max_story_pairs`` best accepted
    pairs compared. A two-article story is one comparison."""
    max_story_pairs: int = 200
    """In a story larger than ``max_collate``, at most this many accepted pairs are
    compared in full (the highest same-story probabilities); the others are listed in
    the pairs table without a comparison."""

    def __post_init__(self) -> None:
        for name in ("num_perm", "shingle", "max_candidates", "max_story_pairs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.max_collate < 3:
            raise ValueError("max_collate must be at least 3")
        if not 0 < self.lsh_threshold <= 1:
            raise ValueError("lsh_threshold must be in (0, 1]")
        if self.story_threshold is not None and not 0 < self.story_threshold <= 1:
            raise ValueError("story_threshold must be None or in (0, 1]")
        if self.window_days is not None and self.window_days < 0:
            raise ValueError("window_days must be 0 or more")

    def replace(self, **changes) -> CorpusOptions:
        """A copy with ``changes`` applied (checked like a new record)."""
        return replace(self, **changes)


DEFAULT = CorpusOptions()
