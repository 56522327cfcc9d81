"""Every threshold and count of the corpus pipeline, in one frozen record.

``compare.corpus.run(..., options=CorpusOptions(story_threshold=0.3))``; the comparison
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
    story_threshold: float = 0.35
    """Same-story score (:func:`compare.corpus.sketch.story_score`) from which a
    candidate pair is accepted; stories are the connected components of accepted pairs.
    Fitted on the odd ECB+ topics 1-35 (benchmarks/bench_corpus.py), reported on the
    even ones."""

    # --- reuse inside a story (compare.corpus.engine) -------------------------------
    max_story_pairs: int = 200
    """At most this many accepted pairs of one story are compared in full (the highest
    same-story scores); the others are listed in the pairs table without a comparison."""

    def __post_init__(self) -> None:
        for name in ("num_perm", "shingle", "max_candidates", "max_story_pairs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("lsh_threshold", "story_threshold"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in (0, 1]")
        if self.window_days is not None and self.window_days < 0:
            raise ValueError("window_days must be 0 or more")

    def replace(self, **changes) -> CorpusOptions:
        """A copy with ``changes`` applied (checked like a new record)."""
        return replace(self, **changes)


DEFAULT = CorpusOptions()
