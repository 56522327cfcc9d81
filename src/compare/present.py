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

from compare.records import DETAIL_KINDS, QUOTE_CHECKS, RELATIONS, SUPPORTS, UNIQUE

if TYPE_CHECKING:
    from compare.models import Collation, Comparison

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

ALIGNMENT_GAP = 12.0
"""The space between two sentence bars of the alignment map, in characters."""

COVERAGE_PARTS = (
    ("verbatim", "words found verbatim", RELATION_COLORS["identical"]),
    ("paraphrase", "words found paraphrased", RELATION_COLORS["paraphrase"]),
    ("absent", "words not found", RELATION_COLORS[UNIQUE]),
)
"""The parts of a report's coverage (a field of :class:`~compare.models.Coverage`), its
legend label and colour, in the order they are stacked; ``absent`` is drawn hatched."""

KIND_COLORS = dict(zip(DETAIL_KINDS, ("#0072B2", "#009E73", "#CC79A7"), strict=True))
"""One colour per detail kind (number, date, name), for the facts-by-report chart."""

COVERAGE_COLOR = "#0072B2"
"""The colour of a share covered in the many-reports coverage matrix (darker: more)."""


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


def sentence_bars(result: Comparison, side: str,
                  gap: float = ALIGNMENT_GAP) -> list[tuple[float, float]]:
    """The alignment map's bar of each sentence of report ``side``: ``(top, height)`` in
    characters from the start, as tall as the sentence is long (at least 1), ``gap``
    between two bars."""
    bars, y = [], 0.0
    for sentence in (result.a if side == "a" else result.b).sentences:
        height = float(max(len(sentence.text), 1))
        bars.append((y, height))
        y += height + gap
    return bars


def alignment_depth(result: Comparison, gap: float = ALIGNMENT_GAP) -> float:
    """Where the alignment map's longer column ends: its bars and the gaps after them."""
    return max(sum(h + gap for _, h in sentence_bars(result, side, gap)) for side in SIDES)


def sentence_extents(result: Comparison, side: str) -> list[tuple[float, float]]:
    """Each sentence of report ``side`` as ``(start, end)`` shares of the report's text,
    from its first character (0) to its last (1)."""
    article = result.a if side == "a" else result.b
    total = max(len(article.text), 1)
    return [(s.start / total, s.end / total) for s in article.sentences]


def shared_centre(result: Comparison, side: str) -> float | None:
    """The middle of report ``side``'s linked content as a share of its text (sentence
    middles weighted by length); ``None`` when no sentence of it is linked."""
    article = result.a if side == "a" else result.b
    shared = [((s.start + s.end) / 2 / max(len(article.text), 1), s.end - s.start)
              for s, status in zip(article.sentences, sentence_status(result, side), strict=True)
              if status != UNIQUE]
    if not shared:
        return None
    return float(np.average([p for p, _ in shared], weights=[w for _, w in shared]))


def linked_relations(result: Comparison) -> list[str]:
    """The relations the links have, closest first."""
    found = {link.relation for link in result.links}
    return [r for r in RELATIONS if r in found]


def statuses_present(result: Comparison, *, links: bool = False) -> list[str]:
    """The sentence statuses of either report (with ``links``, also the links'
    relations), closest first and unique last: what a chart's legend lists."""
    found = set(sentence_status(result, "a")) | set(sentence_status(result, "b"))
    if links:
        found |= set(linked_relations(result))
    return [r for r in (*RELATIONS, UNIQUE) if r in found]


def detail_status_labels(result: Comparison) -> dict[str, str]:
    """The detail statuses of the facts chart in plain words, with the reports' names."""
    return {
        "shared": "in both",
        "conflict": "in conflict (quotes: reworded)",
        "only_a": f"only in a ({result.a.name})",
        "only_b": f"only in b ({result.b.name})",
    }


def bin_steps(n: int, m: int, rows: int, cols: int) -> tuple[int, int]:
    """How many rows and columns of an ``n`` x ``m`` matrix one cell of a chart of at
    most ``rows`` x ``cols`` cells holds (1 when the matrix fits)."""
    return max(1, -(-n // max(rows, 1))), max(1, -(-m // max(cols, 1)))


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


def score_cells(result: Comparison, rows: int, cols: int) -> tuple[np.ndarray, int, int]:
    """:func:`score_matrix` reduced to at most ``rows`` x ``cols`` cells, each the highest
    kept score of its block of sentence pairs (:func:`bin_steps`), with the two steps.

    Made from the kept scores directly, never from the full a x b matrix: at 2 x 5,000
    sentences that matrix alone is 200 MB, these cells a few hundred kB.
    """
    n, m = len(result.a.sentences), len(result.b.sentences)
    step_r, step_c = bin_steps(n, m, rows, cols)
    cells = np.zeros((-(-n // step_r), -(-m // step_c)))
    scores = result.scores
    exact = np.asarray(scores.exact, dtype=bool)
    if exact.any():
        np.maximum.at(cells, (np.asarray(scores.a, dtype=int)[exact] // step_r,
                              np.asarray(scores.b, dtype=int)[exact] // step_c),
                      np.asarray(scores.probability, dtype=float)[exact])
    return cells, step_r, step_c


# --- many reports (compare.collate) ------------------------------------------------

MAX_PAGE_REPORTS = 12
"""The most reports one page (``collation_html``, ``--html``) shows; for more, the
corpus command (``compare-sources corpus``) writes one page per story."""

SUPPORT_LABELS = {"all": "said by all", "most": "by most", "some": "by some",
                  "one": "by one only"}
"""Statement group supports in plain words (:data:`compare.records.SUPPORTS`)."""

SUPPORT_COLORS = {"all": "#0072B2", "most": "#56B4E9", "some": "#009E73", "one": "#C8C8C8"}
"""One colour per support: the more reports carry a group, the darker."""

CHECK_LABELS = {"exact": "exact", "altered": "altered", "not_found": "not in the source"}
"""Source checks of a quote in plain words (:data:`compare.records.QUOTE_CHECKS`)."""

CHECK_COLORS = {"exact": "#0072B2", "altered": "#F0E442", "not_found": "#D55E00"}

COVERAGE_KINDS = ("covered", "verbatim", "paraphrase")
"""What a coverage matrix cell holds: verbatim plus paraphrase, or one of them."""

FACT_ABSENT, FACT_PRESENT, FACT_CONFLICT = 0, 1, 2
"""The cells of :func:`fact_matrix`."""


def report_labels(collation: Collation) -> list[str]:
    """``"1 name"`` for each report: numbered from 1 for people, in the order given."""
    return [f"{k + 1} {r.name}" for k, r in enumerate(collation.reports)]


def coverage_matrix(collation: Collation, kind: str = "covered") -> np.ndarray:
    """``m[i, j]``: the share of report i's content words report j covers (``kind``:
    verbatim plus paraphrase, or one of them); the diagonal is NaN."""
    if kind not in COVERAGE_KINDS:
        raise ValueError(f"kind must be one of {COVERAGE_KINDS}, not {kind!r}")
    n = len(collation.reports)
    m = np.full((n, n), np.nan)
    for c in collation.coverage:
        m[c.of, c.by] = (c.verbatim + c.paraphrase if kind == "covered"
                         else getattr(c, kind))
    return m


def support_counts(collation: Collation) -> dict[str, int]:
    """How many statement groups have each support, in :data:`SUPPORTS` order."""
    counts = Counter(g.support for g in collation.groups)
    return {s: counts[s] for s in SUPPORTS}


def check_counts(collation: Collation) -> dict[str, int]:
    """How many quotes of all reports have each source check status."""
    counts = Counter(c.status for c in collation.quote_checks)
    return {s: counts[s] for s in QUOTE_CHECKS}


def unique_sentences(collation: Collation) -> list[int]:
    """For each report, how many of its sentences no other report carries."""
    counts = [0] * len(collation.reports)
    for g in collation.groups:
        if len(g.reports) == 1:
            counts[g.reports[0]] += len(g.sentences)
    return counts


def group_order(collation: Collation) -> list[int]:
    """The statement groups (indices) sorted so consensus comes first and outliers last:
    by the number of reports carrying them, then by which reports, then text order."""
    groups = collation.groups
    return sorted(range(len(groups)), key=lambda k: (
        -len(groups[k].reports), groups[k].reports, groups[k].sentences[0]))


def group_matrix(collation: Collation) -> np.ndarray:
    """Reports × statement groups (in :func:`group_order`): how many sentences of the
    report the group holds (0 where the report does not carry it)."""
    order = group_order(collation)
    m = np.zeros((len(collation.reports), len(order)), dtype=int)
    for col, k in enumerate(order):
        for r, _ in collation.groups[k].sentences:
            m[r, col] += 1
    return m


def fact_matrix(collation: Collation) -> np.ndarray:
    """Facts × reports (facts in ``collation.facts`` order): :data:`FACT_PRESENT` where
    the report carries the fact, :data:`FACT_CONFLICT` where it also conflicts with
    another report's value, :data:`FACT_ABSENT` elsewhere."""
    m = np.full((len(collation.facts), len(collation.reports)), FACT_ABSENT, dtype=int)
    in_conflict = {(c.a, s) for c in collation.conflicts for s in c.a_sentences}
    in_conflict |= {(c.b, s) for c in collation.conflicts for s in c.b_sentences}
    for row, fact in enumerate(collation.facts):
        for r, s in fact.mentions:
            conflicted = fact.conflict and (r, s) in in_conflict
            m[row, r] = max(m[row, r], FACT_CONFLICT if conflicted else FACT_PRESENT)
    return m


__all__ = [
    "ALIGNMENT_GAP",
    "CHECK_COLORS",
    "CHECK_LABELS",
    "COVERAGE_COLOR",
    "COVERAGE_KINDS",
    "COVERAGE_PARTS",
    "FACT_ABSENT",
    "FACT_CONFLICT",
    "FACT_PRESENT",
    "INK",
    "KIND_COLORS",
    "MAX_PAGE_REPORTS",
    "NOT_A_CANDIDATE",
    "QUOTE_STATUS",
    "RELATION_COLORS",
    "RELATION_LABELS",
    "SIDES",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "SUPPORT_COLORS",
    "SUPPORT_LABELS",
    "UNIQUE_HATCH",
    "alignment_depth",
    "bin_steps",
    "check_counts",
    "coverage_matrix",
    "detail_counts",
    "detail_status_labels",
    "fact_matrix",
    "group_matrix",
    "group_order",
    "linked_pairs",
    "linked_relations",
    "relation_counts",
    "report_labels",
    "score_cells",
    "score_matrix",
    "sentence_bars",
    "sentence_extents",
    "sentence_status",
    "shared_centre",
    "status_counts",
    "statuses_present",
    "support_counts",
    "unique_counts",
    "unique_sentences",
]
