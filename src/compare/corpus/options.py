"""Every threshold and count of the corpus pipeline, in one frozen record.

``compare.corpus.run(..., options=CorpusOptions(story_threshold=0.6))``; the comparison
inside a story takes its own :class:`compare.settings.Settings`. Documented here and
nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from compare.present import MAX_PAGE_REPORTS


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
    story_threshold: float | None = 0.675
    """Same-story acceptance of a candidate pair, on the calibrated probability of
    :func:`compare.story.score` (document evidence: TF-IDF cosine with the shipped IDF,
    shared names, places, numbers, dates and quoted words): accepted from this
    probability. 0.675 is the best B-cubed F1 of the story grouping on the ODD ECB+
    topics 1-35 (benchmarks/bench_corpus.py; reported on the even ones): stories are
    connected components, so one wrong pair joins two events, and a stricter threshold
    than the pair model's own pays. None: the score's own ``same_event`` decision (the
    threshold of ``data/story.json``)."""

    # --- reuse inside a story (compare.corpus.engine) -------------------------------
    max_collate: int = MAX_PAGE_REPORTS
    """A story of 3 to ``max_collate`` articles is compared as a whole
    (:func:`compare.collate.collate`: every pair of it, statement groups, facts and
    quotes by report, the many-reports page); a larger one (every pair would cost
    ``n * (n - 1) / 2`` comparisons, and the many-reports page shows at most
    ``compare.present.MAX_PAGE_REPORTS``, the default) has only its
    ``max_story_pairs`` best accepted pairs compared. A two-article story is one
    comparison."""
    max_story_pairs: int = 200
    """In a story larger than ``max_collate``, at most this many accepted pairs are
    compared in full (the highest same-story probabilities); the others are listed in
    the pairs table without a comparison."""

    def __post_init__(self) -> None:
        for name in ("num_perm", "shingle", "max_candidates", "max_story_pairs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if not 3 <= self.max_collate <= MAX_PAGE_REPORTS:
            raise ValueError(f"max_collate must be 3 to {MAX_PAGE_REPORTS} (the reports a "
                             "many-reports page shows)")
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
