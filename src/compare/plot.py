"""Charts of a :class:`~compare.models.Comparison` (the only module that imports matplotlib).

Every chart function takes the comparison and an optional ``ax``, draws on it (or on a
new figure) and returns the :class:`~matplotlib.axes.Axes`; none shows or saves.
Colours come from the Okabe-Ito palette, which stays distinct under the common forms
of colour blindness, and mean the same thing in every chart and in the HTML page:
one colour per relation (:data:`RELATION_COLORS`), one per detail status
(:data:`STATUS_COLORS`), both from :mod:`compare.present`. Unique (unlinked) content is
always light grey and hatched. Charts draw what the comparison holds; none recomputes it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import matplotlib as mpl
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from compare.present import (
    INK,
    NOT_A_CANDIDATE,
    RELATION_COLORS,
    RELATION_LABELS,
    STATUS_COLORS,
    UNIQUE_HATCH,
    detail_counts,
    linked_pairs,
    score_matrix,
    sentence_status,
)
from compare.records import RELATIONS, UNIQUE

if TYPE_CHECKING:
    import pandas as pd

    from compare.models import Comparison


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax`` itself, or the axes of a new pyplot figure (so notebooks show it)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def _legend_handles(relations) -> list[Patch]:
    return [
        Patch(
            facecolor=RELATION_COLORS.get(rel, RELATION_COLORS[UNIQUE]),
            edgecolor="#777777" if rel == UNIQUE else "none",
            hatch=UNIQUE_HATCH if rel == UNIQUE else None,
            label=RELATION_LABELS.get(rel, rel),
        )
        for rel in relations
    ]


def _bar_style(status: str) -> dict:
    if status == UNIQUE:
        return {"facecolor": RELATION_COLORS[UNIQUE], "edgecolor": "#777777", "hatch": UNIQUE_HATCH}
    return {"facecolor": RELATION_COLORS.get(status, RELATION_COLORS[UNIQUE]), "edgecolor": "white"}


class _FittedLabels(Artist):
    """Places the alignment map's sentence labels when the figure is drawn, after layout.

    A label goes inside its bar when the bar is tall enough on screen, beside it (away
    from the link lines) when not, and is hidden when it would overlap the label above it
    beside the same report: on a long report only the labels that fit are shown, at any
    figure size. Draws nothing itself; it comes before the labels (lower ``zorder``).
    """

    INSIDE, BESIDE = 7, 6  # font sizes (points)

    def __init__(self, labels: list[tuple[Text, str, float, float]], x_of: dict[str, float],
                 width: float):
        super().__init__()
        self._labels, self._x_of, self._width = labels, x_of, width
        self.set_zorder(2.5)
        self.set_in_layout(False)
        for text, *_ in labels:
            text.set_in_layout(False)

    def draw(self, renderer) -> None:
        if self.axes is None:
            return
        to_screen = self.axes.transData.transform
        last: dict[str, Bbox] = {}
        for text, side, top, height in self._labels:
            x, mid = self._x_of[side], top + height / 2
            text.set(position=(x, mid), ha="center", va="center", fontsize=self.INSIDE,
                     visible=True)
            box = text.get_window_extent(renderer)
            (left, y0), (right, y1) = to_screen([(x - self._width / 2, top),
                                                 (x + self._width / 2, top + height)])
            if abs(y1 - y0) >= box.height + 2 and right - left >= box.width + 2:
                continue
            outside = -self._width / 2 - 0.02 if side == "a" else self._width / 2 + 0.02
            text.set(position=(x + outside, mid), ha="right" if side == "a" else "left",
                     fontsize=self.BESIDE)
            box = text.get_window_extent(renderer)
            if side in last and box.overlaps(last[side]):
                text.set_visible(False)
            else:
                last[side] = box


def alignment_map(result: Comparison, ax: Axes | None = None) -> Axes:
    """The two reports as columns of sentence bars, with lines joining linked sentences.

    Report a is on the left and report b on the right, each in reading order from the top;
    a bar's height is its sentence's length in characters (one scale for both reports).
    Bars and link lines are coloured by relation; unique sentences are grey and hatched.
    Crossing lines show content the two reports tell in a different order. Each bar is
    labelled ``a3``, ``b0``… inside or beside it where the label fits on screen; on a
    long report some labels are left out rather than drawn over each other.
    """
    ax = _axes(ax, (8, 9))
    gap, width = 12.0, 0.36
    x_of = {"a": 0.0, "b": 1.0}
    centres: dict[str, list[float]] = {}
    labels: list[tuple[Text, str, float, float]] = []
    depth = 0.0
    for side, article in (("a", result.a), ("b", result.b)):
        y, mids = 0.0, []
        statuses = sentence_status(result, side)
        for sentence, status in zip(article.sentences, statuses, strict=True):
            height = max(len(sentence.text), 1)
            x = x_of[side] - width / 2
            ax.add_patch(
                Rectangle((x, y), width, height, linewidth=0.6, gid=f"sentence-{side}",
                          **_bar_style(status))
            )
            labels.append((ax.text(x_of[side], y + height / 2, f"{side}{sentence.index}",
                                   color=INK, gid=f"sentence-label-{side}"), side, y, height))
            mids.append(y + height / 2)
            y += height + gap
        centres[side] = mids
        depth = max(depth, y)
    ax.add_artist(_FittedLabels(labels, {side: x_of[side] for side in x_of}, width))
    for i, j, relation in linked_pairs(result):
        y0, y1 = centres["a"][i], centres["b"][j]
        x0, x1 = width / 2, 1 - width / 2
        path = Path(
            [(x0, y0), (0.5, y0), (0.5, y1), (x1, y1)],
            [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4],
        )
        ax.add_patch(
            PathPatch(path, facecolor="none", linewidth=1.6, alpha=0.85, gid="link",
                      edgecolor=RELATION_COLORS.get(relation, INK))
        )
    ax.set_xlim(-0.4, 1.4)
    ax.set_ylim(depth, -gap * 4)
    ax.set_xticks([0, 1], [f"Report a\n{result.a.name}", f"Report b\n{result.b.name}"])
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", length=0, labelsize=10)
    ax.set_ylabel("Characters from the start of the report")
    ax.set_title("Which sentences say the same thing", pad=12)
    for spine in ("right", "bottom", "top"):
        ax.spines[spine].set_visible(False)
    present = [r for r in (*RELATIONS, UNIQUE)
               if r in {p[2] for p in linked_pairs(result)} | set(sentence_status(result, "a"))
               | set(sentence_status(result, "b"))]
    ax.legend(handles=_legend_handles(present), loc="lower center", ncols=3, fontsize=8,
              frameon=False, bbox_to_anchor=(0.5, -0.08))
    return ax


def similarity_heatmap(result: Comparison, ax: Axes | None = None) -> Axes:
    """The same-content scores the comparison computed, with the links outlined.

    Values are the candidate scores kept on the result (:func:`compare.present.score_matrix`
    of ``result.scores``): nothing is scored again, and a pair that was not a candidate (or
    was left out below the link threshold) is drawn as 0. Each (a, b) sentence pair that a
    link joins is outlined in its relation's colour.
    """
    ax = _axes(ax, (8, 7))
    values = score_matrix(result)
    image = ax.imshow(values, cmap="Greys", vmin=0.0, vmax=max(1.0, float(values.max(initial=0))),
                      aspect="auto", interpolation="nearest")
    for i, j, relation in linked_pairs(result):
        ax.add_patch(
            Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="none", linewidth=2.0, gid="link",
                      edgecolor=RELATION_COLORS.get(relation, INK))
        )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(f"Sentence of report b ({result.b.name})")
    ax.set_ylabel(f"Sentence of report a ({result.a.name})")
    ax.set_title("Similarity of the candidate sentence pairs (outlined: linked)")
    ax.figure.colorbar(image, ax=ax, label=NOT_A_CANDIDATE,
                       shrink=0.8)
    relations = [r for r in RELATIONS if r in {p[2] for p in linked_pairs(result)}]
    ax.legend(handles=[Patch(facecolor="none", edgecolor=RELATION_COLORS[r], linewidth=2,
                             label=RELATION_LABELS[r]) for r in relations],
              loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=4, fontsize=8,
              frameon=False)
    return ax


def coverage_bars(result: Comparison, ax: Axes | None = None) -> Axes:
    """How much of each report the other covers: verbatim, paraphrased or absent.

    Shares are of each report's content words, so each bar adds up to 100%.
    """
    ax = _axes(ax, (8, 2.8))
    parts = (
        ("verbatim", "words found verbatim", RELATION_COLORS["identical"], None),
        ("paraphrase", "words found paraphrased", RELATION_COLORS["paraphrase"], None),
        ("absent", "words not found", RELATION_COLORS[UNIQUE], UNIQUE_HATCH),
    )
    rows = (
        (f"a ({result.a.name})\ncovered by b", result.coverage[0]),
        (f"b ({result.b.name})\ncovered by a", result.coverage[1]),
    )
    labels = [label for label, _ in rows]
    for key, name, color, hatch in parts:
        values = [getattr(cov, key) * 100 for _, cov in rows]
        lefts = [sum(getattr(cov, k) * 100 for k, *_ in parts[: [p[0] for p in parts].index(key)])
                 for _, cov in rows]
        bars = ax.barh(labels, values, left=lefts, color=color, hatch=hatch, label=name,
                       edgecolor="#777777" if hatch else "white", linewidth=0.6, gid=key)
        for bar, value in zip(bars, values, strict=True):
            if value >= 6:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        f"{value:.0f}%", ha="center", va="center", fontsize=9,
                        color="white" if key != "absent" else INK)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel("Share of the report's content words (%)")
    ax.set_title("How much of each report the other one covers")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncols=3, fontsize=8,
              frameon=False)
    for spine in ("right", "top"):
        ax.spines[spine].set_visible(False)
    return ax


def position_chart(result: Comparison, ax: Axes | None = None) -> Axes:
    """Where shared and unique content sits in each report, from top (0) to end (1).

    Each sentence is a segment at its relative position in its report, coloured by its
    relation; a news report puts what matters most first (the inverted pyramid), so
    shared content near 0 means both reports lead with it.
    """
    ax = _axes(ax, (8, 3.2))
    rows = (("a", result.a), ("b", result.b))
    for row, (side, article) in enumerate(rows):
        total = max(len(article.text), 1)
        for sentence, status in zip(article.sentences, sentence_status(result, side), strict=True):
            ax.add_patch(
                Rectangle((sentence.start / total, row - 0.35),
                          (sentence.end - sentence.start) / total, 0.7, linewidth=0.6,
                          gid=f"sentence-{side}", **_bar_style(status))
            )
        shared = [((s.start + s.end) / 2 / total, s.end - s.start)
                  for s, st in zip(article.sentences, sentence_status(result, side), strict=True)
                  if st != UNIQUE]
        if shared:
            centre = float(np.average([p for p, _ in shared], weights=[w for _, w in shared]))
            ax.plot([centre], [row + 0.5], marker="v", color=INK, markersize=7, gid="centre")
    ax.set_xlim(0, 1)
    ax.set_ylim(len(rows) - 0.3, -0.6)
    ax.set_yticks(range(len(rows)), [f"a ({result.a.name})", f"b ({result.b.name})"])
    ax.set_xlabel("Position in the report (0 = first word, 1 = last word); "
                  "▼ = middle of the shared content")
    ax.set_title("Where each report puts the content they share")
    present = [r for r in (*RELATIONS, UNIQUE)
               if r in set(sentence_status(result, "a")) | set(sentence_status(result, "b"))]
    ax.legend(handles=_legend_handles(present), loc="upper center", bbox_to_anchor=(0.5, -0.3),
              ncols=5, fontsize=8, frameon=False)
    for spine in ("right", "top", "left"):
        ax.spines[spine].set_visible(False)
    return ax


def details_chart(result: Comparison, ax: Axes | None = None) -> Axes:
    """Facts (numbers, dates, names, quotes) both reports give, one only, or in conflict."""
    ax = _axes(ax, (8, 3.4))
    counts = detail_counts(result)
    kinds = list(counts)
    labels = {
        "shared": "in both",
        "conflict": "in conflict (quotes: reworded)",
        "only_a": f"only in a ({result.a.name})",
        "only_b": f"only in b ({result.b.name})",
    }
    lefts = np.zeros(len(kinds))
    for status, color in STATUS_COLORS.items():
        values = np.array([counts[k][status] for k in kinds], dtype=float)
        bars = ax.barh([f"{k}s" for k in kinds], values, left=lefts, color=color,
                       edgecolor=INK if status == "conflict" else "white", linewidth=0.6,
                       label=labels[status], gid=status)
        for bar, value in zip(bars, values, strict=True):
            if value > 0:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        f"{value:.0f}", ha="center", va="center", fontsize=9,
                        color=INK if status == "conflict" else "white")
        lefts += values
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, float(lefts.max(initial=0))) * 1.02)
    locator = ax.xaxis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one
        locator.set_params(integer=True)
    ax.set_xlabel("Number of facts")
    ax.set_title("Facts the reports share, disagree on, or give alone")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncols=2, fontsize=8,
              frameon=False)
    for spine in ("right", "top"):
        ax.spines[spine].set_visible(False)
    return ax


CHARTS: dict[str, tuple[Callable[..., Axes], tuple[float, float]]] = {
    "alignment_map": (alignment_map, (7.5, 9.0)),
    "coverage_bars": (coverage_bars, (7.5, 2.8)),
    "position_chart": (position_chart, (7.5, 3.2)),
    "details_chart": (details_chart, (7.5, 3.4)),
    "similarity_heatmap": (similarity_heatmap, (7.5, 6.5)),
}
"""Every chart by name, with the figure size (inches) the HTML page draws it at."""


def chart_png(chart: Callable[..., Axes], result: Comparison, *,
              figsize: tuple[float, float] = (7.5, 5.0), dpi: int = 110) -> bytes:
    """Draw ``chart(result, ax=...)`` on a figure of its own and return it as PNG bytes.

    Uses a bare :class:`~matplotlib.figure.Figure` (no pyplot state, no window); the PNG
    carries no software or time stamp, so the same comparison gives the same bytes.
    """
    with mpl.rc_context({"font.size": 9, "svg.hashsalt": "compare", "hatch.linewidth": 0.6}):
        figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        chart(result, ax=figure.add_subplot())
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


__all__ = [
    "CHARTS",
    "RELATION_COLORS",
    "RELATION_LABELS",
    "STATUS_COLORS",
    "alignment_map",
    "chart_png",
    "coverage_bars",
    "detail_counts",
    "details_chart",
    "position_chart",
    "sentence_status",
    "similarity_heatmap",
]


def outlet_reuse_chart(reuse: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Reuse between outlets as a grid: the row is the outlet that published first, the
    column the one that published later, the shade and number the mean share of the
    later article found verbatim in the earlier one (``n`` compared pairs below it).
    ``reuse`` is :func:`compare.corpus.tables.outlet_reuse` of a corpus."""
    outlets = sorted(set(reuse["earlier"]) | set(reuse["later"]))
    side = max(len(outlets), 3)
    ax = _axes(ax, (2.5 + 0.9 * side, 1.2 + 0.7 * side))
    index = {o: k for k, o in enumerate(outlets)}
    grid = np.full((len(outlets), len(outlets)), np.nan)
    for earlier, later, pairs, share in reuse[["earlier", "later", "pairs", "verbatim"]].itertuples(
            index=False):
        grid[index[earlier], index[later]] = share * 100
        ax.text(index[later], index[earlier], f"{share:.0%}\nn={pairs}", ha="center",
                va="center", fontsize=8, color="white" if share > 0.5 else INK)
    image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=100)
    ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(outlets)), outlets, fontsize=8)
    ax.set_xlabel("published later")
    ax.set_ylabel("published first")
    ax.set_title("Later article found verbatim in the earlier\n(blank: no pair compared)",
                 fontsize=10)
    ax.figure.colorbar(image, ax=ax, label="% of the later article", shrink=0.8)
    return ax
