"""Every threshold and count of the corpus pipeline, in one frozen record.

``compare.corpus.run(..., options=CorpusOptions(story_threshold=0.6))``; the comparison
inside a story takes its own :class:`compare.settings.Settings`. Documented here and
nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from compare.corpus.stories import LINKAGES
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
    max_bucket: int = 100
    """Bound on the work per article: an LSH bucket (the articles agreeing on one band
    of MinHash values) of more than this many articles is not taken whole; each of its
    articles meets the ``max_bucket`` nearest to it with the bucket ordered by whole
    signatures (near-copies sit together there). Such buckets come from a value shared
    by thousands (a common stem) or from thousands of near-copies; an article is then
    compared with at most ``max_bucket`` times the number of bands (15 at the defaults)
    others, so the candidates cost time linear in the corpus. Below it the candidates
    are datasketch's ``MinHashLSH`` answers. 100 changes no candidate of the ODD ECB+
    topics nor of the BASIL articles (their largest buckets: see benchmarks/README.md,
    corpus scale)."""
    window_days: float | None = 3.0
    """Only pairs whose dates are at most this many days apart (None: no window; an
    article without a date pairs with any). 3 days was fitted with ``story_threshold``
    (see there; tried: none, 1, 2, 3 days): the reports of one event came out within
    days, while other events share its names."""

    # --- batching (compare.corpus.engine) -----------------------------------------
    partition_size: int = 500
    """Articles per preparing task and per scoring task (fewer when that leaves a
    worker thread idle): the scheduler sees a few tasks per thousand articles, and a
    worker holds one partition's prepared reports at a time."""
    compare_batch: int = 50
    """Articles per comparing task (whole stories; a story larger than this is a task
    of its own): each task prepares its articles again and drops them when done."""

    # --- stories (compare.corpus.stories) ------------------------------------------
    story_threshold: float | None = 0.55
    """Same-story acceptance of a candidate pair, on the calibrated probability of
    :func:`compare.story.score` (document evidence: TF-IDF cosine with the shipped IDF,
    shared names, places, numbers, dates and quoted words): accepted from this
    probability, and with ``linkage="average"`` two groups of articles join into one
    story while the mean probability of the candidate pairs between them reaches it.
    None: the score's own ``same_event`` threshold (``data/story.json``). 0.55 (with
    average linkage and ``window_days`` 3) is the best B-cubed F1 on the ODD ECB+ topics
    1-35 plus the share of BASIL triplets recovered exactly on the FIRST half of the
    BASIL events, over thresholds 0.05-0.975 and the windows
    (benchmarks/bench_corpus.py ``--parts quality``; reported on the even topics and the
    second half of the events)."""
    linkage: str = "average"
    """How accepted pairs make stories (:mod:`compare.corpus.stories`): ``"average"``
    (groups join while the mean probability of the pairs between them reaches the
    threshold: one strong pair does not chain two events) or ``"single"`` (connected
    components of the accepted pairs)."""

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
        if self.max_bucket < 2:
            raise ValueError("max_bucket must be at least 2")
        for name in ("num_perm", "shingle", "max_candidates", "max_story_pairs",
                     "partition_size", "compare_batch"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if not 3 <= self.max_collate <= MAX_PAGE_REPORTS:
            raise ValueError(f"max_collate must be 3 to {MAX_PAGE_REPORTS} (the reports a "
                             "many-reports page shows)")
        if not 0 < self.lsh_threshold <= 1:
            raise ValueError("lsh_threshold must be in (0, 1]")
        if self.story_threshold is not None and not 0 < self.story_threshold <= 1:
            raise ValueError("story_threshold must be None or in (0, 1]")
        if self.linkage not in LINKAGES:
            raise ValueError(f"linkage must be one of {', '.join(LINKAGES)}")
        if self.window_days is not None and self.window_days < 0:
            raise ValueError("window_days must be 0 or more")

    def replace(self, **changes) -> CorpusOptions:
        """A copy with ``changes`` applied (checked like a new record)."""
        return replace(self, **changes)


DEFAULT = CorpusOptions()
