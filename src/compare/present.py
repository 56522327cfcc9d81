"""What every view of a comparison shares: colours, labels, status names and counts.

The HTML page (:mod:`compare.render`), the charts (:mod:`compare.plot`), the text
summary (:mod:`compare.export`) and the notebooks read these, so that a relation or a
status has one colour and one name everywhere and every count is made once. This module
imports neither matplotlib nor the pipeline: it reads what a comparison already holds.

Colours come from the Okabe-Ito palette, which stays distinct under the common forms of
colour blindness. Unique (unlinked) content is always light grey and hatched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from compare.records import DETAIL_KINDS, UNIQUE

if TYPE_CHECKING:
    from compare.models import Comparison

SIDES = ("a", "b")

RELATION_COLORS = {
    "identical": "#0072B2",
    "near_verbatim": "#56B4E9",
    "paraphrase": "#009E73",
    "partial": "#E69F00",
    UNIQUE: "#C8C8C8",
}
"""One colour per relation (closest to loosest) and grey for unique sentences."""

RELATION_LABELS = {
    "identical": "identical",
    "near_verbatim": "near verbatim",
    "paraphrase": "paraphrase",
    "partial": "partial",
    UNIQUE: "unique (no partner)",
}
"""The relation names in plain words, for legends."""

STATUS_COLORS = {
    "shared": "#0072B2",
    "conflict": "#F0E442",
    "only_a": "#D55E00",
    "only_b": "#CC79A7",
}
"""One colour per detail status: in both reports, conflicting, only in a, only in b."""

STATUS_LABELS = {
    "shared": "in both",
    "conflict": "conflict",
    "only_a": "only in a",
    "only_b": "only in b",
    "same": "same words",
    "reworded": "reworded",
}
"""Detail and quote statuses in plain words."""

QUOTE_STATUS = {"same": "shared", "reworded": "conflict", "only_a": "only_a", "only_b": "only_b"}
"""The detail status (and so the colour) each quote status is shown with."""

UNIQUE_HATCH = "///"
INK = "#222222"

NOT_A_CANDIDATE = "Same-content probability\n(0 = not a candidate pair)"
"""What the similarity heat map's values are: the scores kept on the comparison."""


def sentence_status(result: Comparison, side: str) -> tuple[str, ...]:
    """Each sentence's status in report ``side`` (``"a"`` or ``"b"``): a relation or unique,
    as the coverage record of that report gives it (one status per sentence)."""
    return tuple(result.coverage[0 if side == "a" else 1].sentences)


def linked_pairs(result: Comparison) -> list[tuple[int, int, str]]:
    """Every (a sentence, b sentence, relation) pair the links join, sorted."""
    return sorted({(i, j, link.relation) for link in result.links for i in link.a for j in link.b})


def relation_counts(result: Comparison) -> Counter[str]:
    """How many links have each relation, in the order the relations first occur."""
    return Counter(link.relation for link in result.links)


def unique_counts(result: Comparison) -> dict[str, int]:
    """How many sentences of each report (``"a"``, ``"b"``) no link joins."""
    return {side: sentence_status(result, side).count(UNIQUE) for side in SIDES}


def status_counts(records: Iterable) -> Counter[str]:
    """How many records (detail matches, quote pairs) have each ``status``."""
    return Counter(record.status for record in records)


def detail_counts(result: Comparison) -> dict[str, dict[str, int]]:
    """Counts of facts by kind (number, date, name, quote) and status.

    Statuses are ``shared``, ``conflict``, ``only_a`` and ``only_b``; for quotes a quote
    both reports give word for word counts as shared and a reworded one as a conflict.
    """
    kinds = (*DETAIL_KINDS, "quote")
    counts = {kind: dict.fromkeys(STATUS_COLORS, 0) for kind in kinds}
    for match in result.details:
        if match.kind in counts and match.status in STATUS_COLORS:
            counts[match.kind][match.status] += 1
    for pair in result.quotes:
        status = QUOTE_STATUS.get(pair.status)
        if status:
            counts["quote"][status] += 1
    return counts


def score_matrix(result: Comparison) -> np.ndarray:
    """The candidate scores kept on the comparison (``result.scores``) as an a × b matrix.

    A pair the aligner scored fully holds its probability; every other pair holds 0 (not
    a candidate, or left out with an upper bound below the link threshold). Nothing is
    scored again.
    """
    values = np.zeros((len(result.a.sentences), len(result.b.sentences)))
    scores = result.scores
    exact = np.asarray(scores.exact, dtype=bool)
    if exact.any():
        rows = np.asarray(scores.a, dtype=int)[exact]
        cols = np.asarray(scores.b, dtype=int)[exact]
        values[rows, cols] = np.asarray(scores.probability, dtype=float)[exact]
    return values


__all__ = [
    "INK",
    "NOT_A_CANDIDATE",
    "QUOTE_STATUS",
    "RELATION_COLORS",
    "RELATION_LABELS",
    "SIDES",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "UNIQUE_HATCH",
    "detail_counts",
    "linked_pairs",
    "relation_counts",
    "score_matrix",
    "sentence_status",
    "status_counts",
    "unique_counts",
]
