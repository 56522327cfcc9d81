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
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from compare.present import (
    ALIGNMENT_GAP,
    COVERAGE_PARTS,
    FACT_ABSENT,
    FACT_CONFLICT,
    INK,
    KIND_COLORS,
    NOT_A_CANDIDATE,
    RELATION_COLORS,
    RELATION_LABELS,
    STATUS_COLORS,
    SUPPORT_COLORS,
    SUPPORT_LABELS,
    UNIQUE_HATCH,
    alignment_depth,
    detail_counts,
    detail_status_labels,
    fact_matrix,
    group_matrix,
    group_order,
    linked_pairs,
    linked_relations,
    report_labels,
    score_matrix,
    sentence_bars,
    sentence_extents,
    sentence_status,
    shared_centre,
    statuses_present,
)
from compare.present import coverage_matrix as present_coverage
from compare.records import DETAIL_KINDS, UNIQUE

if TYPE_CHECKING:
    import pandas as pd

    from compare.models import Collation, Comparison


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


def _add_bars(ax: Axes, corners, statuses, gid: str) -> None:
    """Sentence bars as one patch per status: ``corners`` is an (n, 4, 2) array of each
    bar's corners, ``statuses`` the sentences' statuses. Each patch is a compound path of
    its status's rectangles, drawn (fill, edges and hatch) exactly like a patch per bar
    but hatched once, not bar by bar: a long report costs a few artists, not one per
    sentence. Unique bars go first, so where bars are thinner than a pixel the shared
    ones stay visible. Each patch carries ``gid`` and its status as its label; the data
    limits are set by the caller (the patches do not move them)."""
    corners = np.asarray(corners, dtype=float).reshape(-1, 4, 2)
    statuses = np.asarray(statuses, dtype=object)
    closed = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    for status in sorted(set(statuses), key=lambda s: (s != UNIQUE, s)):  # shared on top
        boxes = corners[statuses == status]
        vertices = np.concatenate([boxes, boxes[:, :1]], axis=1).reshape(-1, 2)
        # snap: as a Rectangle per bar is (Agg snaps only short paths on its own)
        ax.add_artist(PathPatch(Path(vertices, closed * len(boxes)), linewidth=0.6, gid=gid,
                                snap=True, label=status, **_bar_style(status)))


class _FittedLabels(Artist):
    """Places and draws the alignment map's sentence labels when the figure is drawn.

    A label goes inside its bar when the bar is tall enough on screen, beside it (away
    from the link lines) when not, and is left out when it would overlap the label above
    it beside the same report: on a long report only the labels that fit are shown, at
    any figure size. The labels are this artist's children (``ax.findobj(Text)`` finds
    them), made on the first draw that shows them, so a long report costs the labels
    that fit, not one text per sentence.
    """

    INSIDE, BESIDE = 7, 6  # font sizes (points)

    def __init__(self, labels: list[tuple[str, str, float, float]], x_of: dict[str, float],
                 width: float):
        super().__init__()
        self._labels, self._x_of, self._width = labels, x_of, width
        self._texts: dict[int, Text] = {}
        self.set_zorder(Text.zorder)  # above the bars and the link lines, like texts
        self.set_in_layout(False)

    def get_children(self) -> list[Artist]:
        return [self._texts[k] for k in sorted(self._texts)]

    def _text(self, k: int, ax) -> Text:
        """Label ``k``'s text, made as ``ax.text`` makes one (data coordinates, clipped
        to the axes) the first time it is needed."""
        if k not in self._texts:
            label, side, *_ = self._labels[k]
            text = Text(0, 0, label, color=INK, gid=f"sentence-label-{side}")
            text.set_figure(ax.figure)
            text.set_transform(ax.transData)
            text.axes = ax
            text.set_clip_path(ax.patch)
            text.set_in_layout(False)
            self._texts[k] = text
        return self._texts[k]

    def draw(self, renderer) -> None:
        if self.axes is None or not self._labels or not self.get_visible():
            return
        # Screen places of every bar at once. Three shortcuts give the same labels as
        # measuring each one: a bar shorter on screen than a label (all labels of one
        # size are one line of the same height) cannot hold it; a label beside a bar has
        # the box of the first one measured, moved to its bar's middle, so whether it
        # overlaps the last label shown on its side (both aligned on the same x) is known
        # before it is made; and only the labels that show are made and measured.
        spans = np.array([(top, top + height) for _, _, top, height in self._labels])
        ys = self.axes.transData.transform(
            np.column_stack([np.zeros(2 * len(spans)), spans.ravel()]))[:, 1].reshape(-1, 2)
        tall = np.abs(ys[:, 1] - ys[:, 0])
        mids = ys.mean(axis=1)
        to_screen = self.axes.transData.transform
        inside_height = None
        beside: tuple[float, float] | None = None  # a beside label's box: bottom - middle, height
        last: dict[str, tuple[float, float]] = {}  # bottom, top of the last label shown per side
        shown: list[Text] = []
        for k, (_, side, top, height) in enumerate(self._labels):
            x, mid = self._x_of[side], top + height / 2
            if inside_height is None or tall[k] >= inside_height + 2:
                text = self._text(k, self.axes)
                text.set(position=(x, mid), ha="center", va="center", fontsize=self.INSIDE,
                         visible=True)  # a hidden text measures as nothing
                box = text.get_window_extent(renderer)
                inside_height = box.height
                (left, y0), (right, y1) = to_screen([(x - self._width / 2, top),
                                                     (x + self._width / 2, top + height)])
                if abs(y1 - y0) >= box.height + 2 and right - left >= box.width + 2:
                    shown.append(text)
                    continue
            above = last.get(side)
            if above is not None and beside is not None:
                y0 = mids[k] + beside[0]
                if above[0] <= y0 + beside[1] and y0 <= above[1]:
                    continue
            outside = -self._width / 2 - 0.02 if side == "a" else self._width / 2 + 0.02
            text = self._text(k, self.axes)
            text.set(position=(x + outside, mid), ha="right" if side == "a" else "left",
                     va="center", fontsize=self.BESIDE, visible=True)
            box = text.get_window_extent(renderer)
            if beside is None:
                beside = (box.y0 - mids[k], box.height)
            if above is not None and above[0] <= box.y1 and box.y0 <= above[1]:
                continue
            last[side] = (box.y0, box.y1)
            shown.append(text)
        visible = {id(text) for text in shown}
        for text in self._texts.values():
            text.set_visible(id(text) in visible)
        for text in shown:
            text.draw(renderer)
        self.stale = False


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
    gap, width = ALIGNMENT_GAP, 0.36
    x_of = {"a": 0.0, "b": 1.0}
    centres: dict[str, list[float]] = {}
    labels: list[tuple[str, str, float, float]] = []
    depth = alignment_depth(result, gap)
    for side in x_of:
        spans = sentence_bars(result, side, gap)
        labels.extend((f"{side}{k}", side, top, height) for k, (top, height) in enumerate(spans))
        x = x_of[side] - width / 2
        _add_bars(ax, [((x, top), (x + width, top), (x + width, top + height), (x, top + height))
                       for top, height in spans], sentence_status(result, side), f"sentence-{side}")
        centres[side] = [top + height / 2 for top, height in spans]
    ax.add_artist(_FittedLabels(labels, {side: x_of[side] for side in x_of}, width))
    pairs = linked_pairs(result)
    x0, x1 = width / 2, 1 - width / 2
    codes = [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4]
    ax.add_collection(  # one artist for every link line; limits set below
        PathCollection(
            [Path([(x0, centres["a"][i]), (0.5, centres["a"][i]), (0.5, centres["b"][j]),
                   (x1, centres["b"][j])], codes) for i, j, _ in pairs],
            facecolors="none", linewidths=1.6, alpha=0.85, gid="link",
            edgecolors=[RELATION_COLORS.get(relation, INK) for *_, relation in pairs]),
        autolim=False)
    ax.set_xlim(-0.4, 1.4)
    ax.set_ylim(depth, -gap * 4)
    ax.set_xticks([0, 1], [f"Report a\n{result.a.name}", f"Report b\n{result.b.name}"])
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", length=0, labelsize=10)
    ax.set_ylabel("Characters from the start of the report")
    ax.set_title("Which sentences say the same thing", pad=12)
    for spine in ("right", "bottom", "top"):
        ax.spines[spine].set_visible(False)
    ax.legend(handles=_legend_handles(statuses_present(result, links=True)), loc="lower center",
              ncols=3, fontsize=8, frameon=False, bbox_to_anchor=(0.5, -0.08))
    return ax


def similarity_heatmap(result: Comparison, ax: Axes | None = None) -> Axes:
    """The same-content scores the comparison computed, with the links outlined.

    Values are the candidate scores kept on the result (:func:`compare.present.score_matrix`
    of ``result.scores``): nothing is scored again, and a pair that was not a candidate (or
    was left out below the link threshold) is drawn as 0. Each (a, b) sentence pair that a
    link joins is outlined in its relation's colour.
    """
    ax = _axes(ax, (8, 7))
    # float32 and resampled before colouring ("data"): at 2 x 5,000 sentences the
    # default (colour every cell, then resample) held 1.7 GB, this 0.3 GB; nearest
    # resampling gives the same pixels either way
    values = score_matrix(result).astype(np.float32)
    image = ax.imshow(values, cmap="Greys", vmin=0.0, vmax=max(1.0, float(values.max(initial=0))),
                      aspect="auto", interpolation="nearest", interpolation_stage="data")
    pairs = linked_pairs(result)
    ax.add_collection(  # one artist for every outline; the image sets the limits
        PolyCollection(
            [((j - 0.5, i - 0.5), (j + 0.5, i - 0.5), (j + 0.5, i + 0.5), (j - 0.5, i + 0.5))
             for i, j, _ in pairs],
            facecolors="none", linewidths=2.0, gid="link",
            edgecolors=[RELATION_COLORS.get(relation, INK) for *_, relation in pairs]),
        autolim=False)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(f"Sentence of report b ({result.b.name})")
    ax.set_ylabel(f"Sentence of report a ({result.a.name})")
    ax.set_title("Similarity of the candidate sentence pairs (outlined: linked)")
    ax.figure.colorbar(image, ax=ax, label=NOT_A_CANDIDATE,
                       shrink=0.8)
    ax.legend(handles=[Patch(facecolor="none", edgecolor=RELATION_COLORS[r], linewidth=2,
                             label=RELATION_LABELS[r]) for r in linked_relations(result)],
              loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=4, fontsize=8,
              frameon=False)
    return ax


def coverage_bars(result: Comparison, ax: Axes | None = None) -> Axes:
    """How much of each report the other covers: verbatim, paraphrased or absent.

    Shares are of each report's content words, so each bar adds up to 100%.
    """
    ax = _axes(ax, (8, 2.8))
    parts = [(key, name, color, UNIQUE_HATCH if key == "absent" else None)
             for key, name, color in COVERAGE_PARTS]
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
    for row, (side, _) in enumerate(rows):
        bottom, top = row - 0.35, row + 0.35
        _add_bars(ax, [((start, bottom), (end, bottom), (end, top), (start, top))
                       for start, end in sentence_extents(result, side)],
                  sentence_status(result, side), f"sentence-{side}")
        centre = shared_centre(result, side)
        if centre is not None:
            ax.plot([centre], [row + 0.5], marker="v", color=INK, markersize=7, gid="centre")
    ax.set_xlim(0, 1)
    ax.set_ylim(len(rows) - 0.3, -0.6)
    ax.set_yticks(range(len(rows)), [f"a ({result.a.name})", f"b ({result.b.name})"])
    ax.set_xlabel("Position in the report (0 = first word, 1 = last word); "
                  "▼ = middle of the shared content")
    ax.set_title("Where each report puts the content they share")
    ax.legend(handles=_legend_handles(statuses_present(result)), loc="upper center",
              bbox_to_anchor=(0.5, -0.3),
              ncols=5, fontsize=8, frameon=False)
    for spine in ("right", "top", "left"):
        ax.spines[spine].set_visible(False)
    return ax


def details_chart(result: Comparison, ax: Axes | None = None) -> Axes:
    """Facts (numbers, dates, names, quotes) both reports give, one only, or in conflict."""
    ax = _axes(ax, (8, 3.4))
    counts = detail_counts(result)
    kinds = list(counts)
    labels = detail_status_labels(result)
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
"""Every chart by name, with a figure size (inches) that shows it whole; the HTML page
draws the same charts as SVG (:data:`compare.render.CHARTS`), without matplotlib."""


def chart_png(chart: Callable[..., Axes], result: Comparison | Collation, *,
              figsize: tuple[float, float] = (7.5, 5.0), dpi: int = 110) -> bytes:
    """Draw ``chart(result, ax=...)`` on a figure of its own and return it as PNG bytes.

    Uses a bare :class:`~matplotlib.figure.Figure` on the Agg canvas, whatever backend
    pyplot has (no pyplot state, no window); the PNG carries no software or time stamp,
    so the same comparison gives the same bytes.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with mpl.rc_context({"font.size": 9, "svg.hashsalt": "compare", "hatch.linewidth": 0.6}):
        figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        chart(result, ax=figure.add_subplot())
        buffer = io.BytesIO()
        # the canvas's print_png draws once, the layout first; savefig would draw twice
        # (once to lay out, once for the pixels) for the same bytes
        canvas.print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


# --- many reports (compare.collate) -------------------------------------------------


def coverage_matrix(collation: Collation, ax: Axes | None = None) -> Axes:
    """The coverage matrix as a heat map: row i, column j is the share of report i's
    content words report j has, verbatim or in paraphrase (the diagonal blank)."""
    labels = report_labels(collation)
    n = len(labels)
    ax = _axes(ax, (max(4.5, 1.6 + 0.7 * n), max(3.8, 1.2 + 0.6 * n)))
    values = present_coverage(collation)
    image = ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0.0, vmax=1.0,
                      interpolation="nearest")
    for i in range(n):
        for j in range(n):
            if i != j:
                ax.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center", fontsize=8,
                        color="white" if values[i, j] > 0.6 else INK)
    ax.set_xticks(range(n), labels, rotation=45, ha="right")
    ax.set_yticks(range(n), labels)
    ax.set_xlabel("covered by")
    ax.set_ylabel("report")
    ax.set_title("Share of each report the others cover")
    ax.figure.colorbar(image, ax=ax, label="verbatim + paraphrase", shrink=0.8)
    return ax


def group_chart(collation: Collation, ax: Axes | None = None) -> Axes:
    """Statement groups by report: one column per group (what all reports say on the
    left, what one report alone says on the right), a cell where a report carries it,
    coloured by how many reports do."""
    labels = report_labels(collation)
    matrix = group_matrix(collation)
    order = group_order(collation)
    n, width = len(labels), max(len(order), 1)
    ax = _axes(ax, (min(14.0, 3.0 + 0.12 * width), 1.0 + 0.45 * n))
    for col, k in enumerate(order):
        color = SUPPORT_COLORS[collation.groups[k].support]
        for r in np.flatnonzero(matrix[:, col]):
            ax.add_patch(Rectangle((float(col), float(r)), 1, 1, facecolor=color, edgecolor="white",
                                   linewidth=0.5))
    ax.set_xlim(0, width)
    ax.set_ylim(n, 0)
    ax.set_yticks(np.arange(n) + 0.5, labels)
    ax.set_xlabel(f"Statement groups ({len(order)}), most widely carried first")
    ax.set_title("Which reports carry which statements")
    present = [s for s in SUPPORT_LABELS if any(g.support == s for g in collation.groups)]
    ax.legend(handles=[Patch(facecolor=SUPPORT_COLORS[s], label=SUPPORT_LABELS[s])
                       for s in present],
              loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=4, fontsize=8,
              frameon=False)
    return ax


def fact_chart(collation: Collation, ax: Axes | None = None, *, limit: int = 40) -> Axes:
    """Facts by report as a dot matrix: a dot where a report gives a fact (the ``limit``
    most widely carried facts, in ``collation.facts`` order), ringed in the conflict
    colour where another report gives it differently."""
    labels = report_labels(collation)
    matrix = fact_matrix(collation)[:limit]
    facts = collation.facts[:limit]
    ax = _axes(ax, (1.5 + 0.9 * len(labels), 1.0 + 0.25 * max(len(facts), 1)))
    rows, cols = np.nonzero(matrix != FACT_ABSENT)
    kinds = [facts[r].kind for r in rows]
    ax.scatter(cols, rows, s=50, c=[KIND_COLORS.get(k, INK) for k in kinds], zorder=2)
    hot = matrix[rows, cols] == FACT_CONFLICT
    if hot.any():
        ax.scatter(cols[hot], rows[hot], s=160, facecolors="none",
                   edgecolors=STATUS_COLORS["conflict"], linewidths=2.5, zorder=3)
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(len(facts)), [f"{f.text[:30]}" for f in facts], fontsize=7)
    ax.set_xlim(-0.5, len(labels) - 0.5)
    ax.set_ylim(len(facts) - 0.5, -0.5)
    ax.grid(True, color="#e4e4e4", zorder=0)
    handles = [Patch(facecolor=KIND_COLORS[k], label=k) for k in DETAIL_KINDS]
    handles.append(Patch(facecolor="none", edgecolor=STATUS_COLORS["conflict"],
                         linewidth=2, label="conflict"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.4 / max(
        len(facts), 1)), ncols=4, fontsize=8, frameon=False)
    ax.set_title("Facts by report")
    return ax


COLLATION_CHARTS: dict[str, tuple[Callable[..., Axes], tuple[float, float]]] = {
    "coverage_matrix": (coverage_matrix, (6.5, 5.5)),
    "group_matrix": (group_chart, (9.0, 3.5)),
    "fact_matrix": (fact_chart, (6.5, 9.0)),
}
"""The many-reports charts by name, with a figure size that shows each whole."""


__all__ = [
    "CHARTS",
    "COLLATION_CHARTS",
    "RELATION_COLORS",
    "RELATION_LABELS",
    "STATUS_COLORS",
    "alignment_map",
    "chart_png",
    "coverage_bars",
    "coverage_matrix",
    "detail_counts",
    "details_chart",
    "fact_chart",
    "group_chart",
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
