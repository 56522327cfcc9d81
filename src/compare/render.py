"""HTML views of a :class:`~compare.models.Comparison` (the only module that writes HTML).

:func:`comparison_html` gives a standalone page: inline CSS and script, charts as
inline SVG drawn here from the data :mod:`compare.present` computes (no matplotlib on
this path), nothing fetched from anywhere. :func:`comparison_summary_html`
gives the compact table a notebook shows for a comparison. Every piece of text that
comes from a report or its metadata goes through :func:`escape`, the one place where
text becomes HTML. The output is deterministic: the same comparison gives the same
bytes. Neither function writes a file; the caller does (see the command line).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import numpy as np

from compare.present import (
    CHECK_COLORS,
    CHECK_LABELS,
    COVERAGE_COLOR,
    COVERAGE_PARTS,
    FACT_ABSENT,
    FACT_CONFLICT,
    INK,
    KIND_COLORS,
    MAX_PAGE_REPORTS,
    QUOTE_STATUS,
    RELATION_COLORS,
    RELATION_LABELS,
    SIDES,
    STATUS_COLORS,
    STATUS_LABELS,
    SUPPORT_COLORS,
    SUPPORT_LABELS,
    alignment_depth,
    coverage_matrix,
    detail_counts,
    detail_status_labels,
    fact_matrix,
    group_matrix,
    group_order,
    linked_pairs,
    linked_relations,
    relation_counts,
    report_labels,
    score_cells,
    sentence_bars,
    sentence_extents,
    sentence_status,
    shared_centre,
    status_counts,
    statuses_present,
    support_counts,
    unique_counts,
    unique_sentences,
)
from compare.records import RELATIONS, SUPPORTS, UNIQUE

if TYPE_CHECKING:
    from compare.models import Article, Collation, Comparison, Op, QuotePair

CHART_TEXT = {
    "alignment_map": (
        "Alignment map",
        "Each bar is a sentence, in reading order, as tall as it is long; lines join "
        "sentences that say the same thing. Crossing lines mean the reports tell it in a "
        "different order; grey hatched bars are sentences the other report lacks.",
    ),
    "coverage_bars": ("Coverage", "How much of each report's content the other one has."),
    "position_chart": (
        "Where the shared content sits",
        "Each report from its first word (0) to its last (1); news puts what matters first.",
    ),
    "details_chart": (
        "Facts", "Numbers, dates, names and quotes in both reports, in conflict, or in one only."
    ),
    "similarity_heatmap": (
        "Sentence similarity",
        "Each sentence of a against each sentence of b, with the score the alignment "
        "computed for its candidate pairs (darker is more similar; a pair that was not a "
        "candidate is blank, 0); the pairs it linked are outlined in their relation's colour.",
    ),
}

VERDICT_TEXT = {
    "verbatim copy": "b copies long passages of a word for word.",
    "light revision": "b keeps most of a's wording and changes a little of it.",
    "heavy revision": "b reuses short pieces of a's wording and rewrites the rest.",
    "independent": "b shares little wording with a: it reads as written on its own.",
}
"""Each verdict (:data:`compare.models.VERDICTS`) in one sentence a class understands."""

SCORE_TEXT = {
    "containment_1": "b's words that occur in a",
    "containment_2": "b's word pairs that occur in a",
    "containment_3": "b's three-word sequences that occur in a",
    "containment_8": "b's eight-word sequences that occur in a",
    "reverse_containment_3": "a's three-word sequences that occur in b",
    "verbatim_a": "a's content words that b has verbatim",
    "verbatim_b": "b's content words that a has verbatim",
    "paraphrase_b": "b's content words that a has in paraphrase",
    "longest_passage_words": "words in the longest passage both reports share",
    "longest_passage_share": "the longest shared passage, as a share of b's words",
}
"""The verdict scores (:func:`compare.overlap.verdict_scores`) in plain words."""


BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Bidirectional marks, embeddings, overrides and isolates: they can reorder what a page
shows (U+202E turns ``12$`` into ``$21``), so report text never carries them into HTML."""


def _control_marker(match: re.Match, attribute: bool) -> str:
    code = f"U+{ord(match[0]):04X}"
    return f"[{code}]" if attribute else f'<span class="ctl" title="{code}">[{code}]</span>'


def escape(value: object, *, attribute: bool = False) -> str:
    """``value`` as text that is safe inside HTML elements (or, with ``attribute=True``,
    inside a quoted attribute value or ``<title>``).

    ``& < > " '`` become character references, and each bidirectional control becomes a
    visible marker naming it (``[U+202E]``, inside ``<span class="ctl">`` in element
    text), so that no report can reorder or hide text on the page.
    """
    text = html.escape(str(value), quote=True)
    return BIDI_CONTROLS.sub(lambda m: _control_marker(m, attribute), text)


def _attr(value: object) -> str:
    return escape(value, attribute=True)


def _tint(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[k : k + 2], 16) for k in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _relation_css() -> str:
    rules = []
    for rel, color in RELATION_COLORS.items():
        if rel == UNIQUE:
            continue
        rules.append(
            f'.s[data-rel="{rel}"] {{ background: {_tint(color, 0.22)}; '
            f"box-shadow: inset 0 -3px 0 {color}; }}\n"
            f'.swatch[data-rel="{rel}"] {{ background: {color}; }}\n'
            f'.badge[data-rel="{rel}"] {{ background: {_tint(color, 0.3)}; '
            f"border-color: {color}; }}"
        )
    for status, color in STATUS_COLORS.items():
        rules.append(
            f'.badge[data-status="{status}"] {{ background: {_tint(color, 0.3)}; '
            f"border-color: {color}; }}"
        )
    return "\n".join(rules)


CSS = resources.files("compare").joinpath("data/report.css").read_text("utf-8")
"""The page's style sheet (src/compare/data/report.css); override it to restyle the page."""


COLLATION_CSS = resources.files("compare").joinpath("data/collation.css").read_text("utf-8")
"""What the many-reports page adds to :data:`CSS` (src/compare/data/collation.css)."""


SCRIPT = resources.files("compare").joinpath("data/report.js").read_text("utf-8")
"""The page's script (src/compare/data/report.js): partner highlighting, no library."""



# --- small pieces ------------------------------------------------------------------


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _score(key: str, value: float) -> str:
    """A verdict score as a reader takes it: a count of words, or a share in percent."""
    return f"{value:.0f}" if key.endswith("_words") else _percent(value)


def _table(head: Iterable[str], rows: Iterable[str], cls: str = "") -> str:
    """A table in its own horizontally scrolling box, so a narrow screen keeps its width."""
    heads = "".join(f"<th>{escape(h)}</th>" for h in head)
    attr = f' class="{cls}"' if cls else ""
    return f'<div class="scroll"><table{attr}><tr>{heads}</tr>{"".join(rows)}</table></div>'


def _ref(side: str, indices: Iterable[int]) -> str:
    """``a3``, ``b1–b2`` style references to sentences, as links into the side-by-side view."""
    return ", ".join(
        f'<a href="#{side}-{i}" data-show="{side}-{i}">{escape(side)}{i}</a>' for i in indices
    )


def _badge(text: str, *, rel: str | None = None, status: str | None = None,
           support: str | None = None, check: str | None = None) -> str:
    attrs = "".join(f' data-{name}="{_attr(value)}"' for name, value in (
        ("rel", rel), ("status", status), ("support", support), ("check", check)) if value)
    return f'<span class="badge"{attrs}>{escape(text)}</span>'


def _marked(text: str, start: int, end: int, marks: Iterable[tuple[int, int, str, str]]) -> str:
    """``text[start:end]`` escaped, with ``(start, end, tag, kind)`` marks wrapped in ``tag``.

    Marks are clipped to the range; a mark that overlaps an earlier one is left out.
    """
    out, pos = [], start
    for m_start, m_end, tag, kind in sorted(marks, key=lambda m: (m[0], m[1], m[2], m[3])):
        m_start, m_end = max(m_start, start), min(m_end, end)
        if m_end <= m_start or m_start < pos:
            continue
        out.append(escape(text[pos:m_start]))
        label = kind.replace("_", " ") + " changed"
        kind_attr = f' data-kind="{_attr(kind)}" title="{_attr(label)}"' if kind else ""
        out.append(f"<{tag}{kind_attr}>{escape(text[m_start:m_end])}</{tag}>")
        pos = m_end
    out.append(escape(text[pos:end]))
    return "".join(out)


def _sentences_marked(article: Article, indices, marks) -> str:
    """The sentences ``indices`` of ``article`` with marks; ``…`` where they are not adjacent."""
    parts, previous = [], None
    for i in indices:
        sentence = article.sentences[i]
        if previous is not None:
            parts.append(" " if i == previous + 1 else " … ")
        parts.append(_marked(article.text, sentence.start, sentence.end, marks))
        previous = i
    return "".join(parts)


# --- page sections -----------------------------------------------------------------


def _card(side: str, article: Article) -> str:
    rows = [("name", article.name)]
    for key in ("title", "outlet", "date", "author", "url"):
        if article.meta.get(key):
            rows.append((key, article.meta[key]))
    rows.append(("sentences", str(len(article.sentences))))
    rows.append(("words", str(sum(w.is_word for ws in article.words for w in ws))))
    for credit in article.credits:
        rows.append(("credit", credit.text))
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    heading = escape(article.meta.get("title") or article.name)
    return (
        f'<div class="card"><h3><span class="side-tag">{side}</span>{heading}</h3>'
        f"<dl>{body}</dl></div>"
    )


def _notes(result: Comparison) -> str:
    if not result.notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in result.notes)
    return f'<ul class="notes" id="notes">{items}</ul>'


def _verdict(result: Comparison) -> str:
    """The verdict in one line a class understands; the reason and scores in a disclosure."""
    verdict = result.verdict
    rows = "".join(
        f"<tr><td>{escape(SCORE_TEXT.get(key, key))}</td><td>{_score(key, value)}</td>"
        f"<td><code>{escape(key)}</code></td></tr>"
        for key, value in sorted(verdict.scores.items())
    )
    return (
        '<div class="verdict" id="verdict"><span>Verdict on b against a:</span>'
        f'<span class="label">{escape(verdict.label)}</span>'
        f'<span class="plain">{escape(VERDICT_TEXT.get(verdict.label, verdict.label))}</span>'
        '</div><details class="why"><summary>Why: the scores behind the verdict</summary>'
        f"<p>{escape(verdict.reason)}</p>{_table(('score', 'value', 'name in JSON'), rows)}"
        "</details>"
    )


def _story(result: Comparison) -> str:
    """The same-story decision in one line; the evidence behind a disclosure."""
    story = result.story
    if story is None:
        return ""
    said = "same event" if story.same_event else "maybe not the same event"
    return (
        f'<div class="story" id="story"><span>Same story:</span> <span class="label">'
        f"{escape(said)}</span> (similarity {story.probability:.2f})"
        f'<details class="why"><summary>Why</summary><p>{escape(story.reason)}</p>'
        "</details></div>"
    )


def _header(result: Comparison, title: str, back_link: str | None) -> str:
    toc = "".join(
        f'<a href="#{anchor}">{escape(name)}</a>'
        for anchor, name in (
            ("coverage", "Coverage"),
            ("side-by-side", "Side by side"),
            ("differences", "Differences"),
            ("details", "Facts"),
            ("quotes", "Quotes"),
            ("framing", "Framing"),
            ("passages", "Shared passages"),
            ("charts", "Charts"),
        )
    )
    back = (f'<a class="back" href="{_attr(back_link)}">← Back to the index</a>'
            if back_link is not None else "")
    return (
        f'<header class="page"><div>{back}<h1>{escape(title)}</h1>{_verdict(result)}'
        f"{_story(result)}"
        f'<div class="reports">{_card("a", result.a)}{_card("b", result.b)}</div>'
        f"{_notes(result)}"
        f'<nav class="toc" aria-label="Sections">{toc}</nav></div></header>'
    )


def _coverage(result: Comparison) -> str:
    rows = []
    names = ((result.a.name, result.b.name), (result.b.name, result.a.name))
    for side, cov, (of, by) in zip(SIDES, result.coverage, names, strict=True):
        bar = "".join(
            f'<span class="{key}" style="width: {getattr(cov, key) * 100:.2f}%" '
            f'title="{key} {_percent(getattr(cov, key))}"></span>'
            for key in ("verbatim", "paraphrase", "absent")
        )
        found = cov.verbatim + cov.paraphrase
        rows.append(
            f"<div><strong>{escape(side)} ({escape(of)})</strong><br>"
            f"<small>{_percent(found)} of its {cov.content_words} content words are in "
            f"{escape(by)}: {_percent(cov.verbatim)} verbatim, {_percent(cov.paraphrase)} "
            f"paraphrased; {_percent(cov.absent)} absent</small></div>"
            f'<div class="bar" role="img" aria-label="{_attr(side)} covered: '
            f'{_percent(cov.verbatim)} verbatim, {_percent(cov.paraphrase)} paraphrased, '
            f'{_percent(cov.absent)} absent">{bar}</div>'
        )
    colors = {key: color for key, _, color in COVERAGE_PARTS}
    legend = (
        f'<div class="legend"><span><span class="swatch" style="background:{colors["verbatim"]}">'
        f'</span>verbatim</span><span><span class="swatch" style="background:'
        f'{colors["paraphrase"]}"></span>paraphrased</span><span><span class="swatch" '
        'data-rel="unique"></span>absent</span></div>'
    )
    return (
        '<section id="coverage"><h2>Coverage</h2>'
        f'<div class="cov">{"".join(rows)}</div>{legend}</section>'
    )


def _legend() -> str:
    items = "".join(
        f'<span><span class="swatch" data-rel="{_attr(rel)}"></span>'
        f"{escape(RELATION_LABELS[rel])}</span>"
        for rel in (*RELATIONS, UNIQUE)
    )
    return f'<div class="legend" aria-label="Legend">{items}</div>'


def _column(result: Comparison, side: str) -> str:
    article = result.a if side == "a" else result.b
    other = "b" if side == "a" else "a"
    statuses = sentence_status(result, side)
    linked = result.partners(side)
    paragraphs: dict[int, list[str]] = {}
    for sentence, status, mates in zip(article.sentences, statuses, linked, strict=True):
        sid = f"{side}-{sentence.index}"
        attrs = [
            f'id="{sid}"',
            f'data-side="{side}"',
            f'data-index="{sentence.index}"',
            f'data-rel="{_attr(status)}"',
        ]
        label = RELATION_LABELS.get(status, status)
        if mates:
            attrs.append(f'data-partners="{" ".join(f"{other}-{j}" for j in mates)}"')
            attrs.append('tabindex="0"')
            refs = ", ".join(f"{other}{j}" for j in mates)
            attrs.append(f'title="{_attr(f"{side}{sentence.index}: {label} in {refs}")}"')
        else:
            attrs.append(f'title="{_attr(f"{side}{sentence.index}: {label}")}"')
        paragraphs.setdefault(sentence.paragraph, []).append(
            f'<span class="s" {" ".join(attrs)}><span class="num">{side}{sentence.index}'
            f"</span>{escape(sentence.text)}</span>"
        )
    body = "".join(f"<p>{' '.join(p)}</p>" for _, p in sorted(paragraphs.items()))
    return (
        f'<div class="column" id="report-{side}"><h3><span class="side-tag">{side}</span>'
        f'{escape(article.name)}</h3><div class="text">{body}</div></div>'
    )


def _side_by_side(result: Comparison) -> str:
    return (
        '<section id="side-by-side"><h2>Side by side</h2>'
        '<p class="hint">Each sentence is coloured by how it relates to the other report. '
        "Point at a sentence to see its partner; click it (or press Enter) to keep it "
        "highlighted and bring its partner into view.</p>"
        f'{_legend()}<div class="columns">{_column(result, "a")}{_column(result, "b")}</div>'
        "</section>"
    )


def _differences(result: Comparison) -> str:
    pairs = []
    order = sorted(range(len(result.diffs)), key=lambda k: (result.diffs[k].a, result.diffs[k].b))
    for k in order:
        diff = result.diffs[k]
        link = result.links[k] if k < len(result.links) else None
        a_marks = [(op.a_start, op.a_end, "del", op.kind) for op in diff.ops
                   if op.tag in ("replace", "delete")]
        b_marks = [(op.b_start, op.b_end, "ins", op.kind) for op in diff.ops
                   if op.tag in ("replace", "insert")]
        changes = Counter(op.kind or "other" for op in diff.ops if op.tag != "equal")
        summary = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in sorted(changes.items()))
        head = (
            f"{_ref('a', diff.a)} ↔ {_ref('b', diff.b)} "
            f"{_badge(RELATION_LABELS.get(diff.relation, diff.relation), rel=diff.relation)}"
            + (f" score {link.score:.2f} · {escape(link.reason)}" if link else "")
            + f" · {escape(summary) if summary else 'no word changed'}"
        )
        pairs.append(
            f'<div class="pair" data-link="{k}"><div class="head">{head}</div>'
            f'<div class="row"><span class="side-tag">a</span><div>'
            f"{_sentences_marked(result.a, diff.a, a_marks)}</div></div>"
            f'<div class="row"><span class="side-tag">b</span><div>'
            f"{_sentences_marked(result.b, diff.b, b_marks)}</div></div></div>"
        )
    body = "".join(pairs) or '<p class="empty">No sentences are linked.</p>'
    return (
        '<section id="differences"><h2>Differences in wording</h2>'
        '<p class="hint">For each linked pair: <del>struck out</del> words are a\'s and '
        "were changed or dropped in b; <ins>underlined</ins> words are b's own. Bold marks "
        "a changed number, name or quote; point at a mark to see the kind of change.</p>"
        f"{body}</section>"
    )


def _mentions(side: str, details) -> str:
    return "; ".join(
        f"{escape(d.text)} ({_ref(side, [d.sentence])})" for d in details
    ) or "—"


FACT_GROUPS = (
    ("conflict", "Numbers the reports give differently",
     "No number conflicts between the two reports."),
    ("only_a", "Only in a ({a})", "No fact only in a ({a})."),
    ("only_b", "Only in b ({b})", "No fact only in b ({b})."),
)
"""The groups of facts the page lists, each with its heading and what it says when empty."""

FACT_HEAD = ("status", "kind", "fact", "in a", "in b", "note")


def _details(result: Comparison) -> str:
    rows: dict[str, list[str]] = {}
    for match in sorted(result.details, key=lambda m: (m.kind, m.value, m.text)):
        rows.setdefault(match.status, []).append(
            f"<tr><td>{_badge(STATUS_LABELS.get(match.status, match.status), status=match.status)}"
            f"</td><td>{escape(match.kind)}<br><small>{escape(match.category)}</small></td>"
            f"<td>{escape(match.text)}</td><td>{_mentions('a', match.a)}</td>"
            f"<td>{_mentions('b', match.b)}</td><td>{escape(match.note)}</td></tr>"
        )
    names = {"a": result.a.name, "b": result.b.name}
    groups = []
    for status, heading, empty in FACT_GROUPS:
        body = (_table(FACT_HEAD, rows[status]) if status in rows
                else f'<p class="empty">{escape(empty.format(**names))}</p>')
        groups.append(f"<h3>{escape(heading.format(**names))}</h3>{body}")
    shared = rows.get("shared", [])
    both = (
        f"<details><summary>{len(shared)} facts in both reports</summary>"
        f"{_table(FACT_HEAD, shared)}</details>" if shared
        else '<p class="empty">No fact is in both reports.</p>'
    )
    return (
        '<section id="details"><h2>Facts: numbers, dates and names</h2>'
        "<p class=\"hint\">Facts only one report gives, and facts the two give differently.</p>"
        f"{''.join(groups)}{both}</section>"
    )


def _quotes(result: Comparison) -> str:
    rank = {"reworded": 0, "only_a": 1, "only_b": 2, "same": 3}
    rows = []
    pairs = sorted(
        result.quotes,
        key=lambda p: (rank.get(p.status, 4), p.a.start if p.a else -1, p.b.start if p.b else -1),
    )
    for pair in pairs:
        a_marks = [(op.a_start, op.a_end, "del", op.kind) for op in pair.ops
                   if op.tag in ("replace", "delete")]
        b_marks = [(op.b_start, op.b_end, "ins", op.kind) for op in pair.ops
                   if op.tag in ("replace", "insert")]
        cells = []
        for side, article, quote, marks in (("a", result.a, pair.a, a_marks),
                                            ("b", result.b, pair.b, b_marks)):
            if quote is None:
                cells.append("<td>—</td>")
                continue
            verb = "" if quote.setting.startswith(quote.verb) else quote.verb
            who = " ".join(x for x in (quote.speaker, verb, quote.setting) if x)
            where = f"{escape(who)} · " if who else ""
            cells.append(
                f'<td class="wording">“{_marked(article.text, quote.start, quote.end, marks)}”'
                f"<br><small>{where}{_ref(side, quote.sentences)}</small></td>"
            )
        badge = _badge(STATUS_LABELS.get(pair.status, pair.status),
                       status=QUOTE_STATUS.get(pair.status, pair.status))
        rows.append(f"<tr><td>{badge}</td>{''.join(cells)}</tr>"
        )
    body = (
        '<div class="scroll"><table class="quotes"><colgroup><col style="width: 8em"><col><col>'
        f"</colgroup><tr><th>status</th><th>in a</th><th>in b</th></tr>{''.join(rows)}</table>"
        "</div>" if rows else '<p class="empty">No quotes in either report.</p>'
    )
    return f'<section id="quotes"><h2>Quotes</h2>{body}</section>'


def _framing(result: Comparison) -> str:
    rows = []
    for item in result.framing:
        cells = []
        for side, article, indices, span in (("a", result.a, item.a, item.a_span),
                                             ("b", result.b, item.b, item.b_span)):
            marks = [(span[0], span[1], "mark", "")] if span else []
            text = _sentences_marked(article, indices, marks) if indices else "—"
            cells.append(f'<td class="wording">{text}<br><small>{_ref(side, indices)}</small></td>')
        rows.append(
            f"<tr><td>{escape(item.kind)}</td><td>{escape(item.a_text) or '—'}</td>"
            f"<td>{escape(item.b_text) or '—'}</td>{''.join(cells)}"
            f"<td>{escape(item.note)}</td></tr>"
        )
    body = (
        _table(("kind", "a says", "b says", "in a", "in b", "note"), rows)
        if rows else '<p class="empty">No difference in framing found.</p>'
    )
    return (
        '<section id="framing"><h2>Framing</h2><p class="hint">Where the reports tell the '
        "same statement with different attribution verbs, hedges or intensifiers.</p>"
        f"{body}</section>"
    )


def _passages(result: Comparison, limit: int = 12) -> str:
    longest = sorted(result.passages, key=lambda p: (-p.words, p.a_start, p.b_start))[:limit]
    rows = [f'<tr><td>{p.words}</td><td class="wording">{escape(p.text)}</td></tr>'
            for p in longest]
    body = (
        _table(("words", "passage (a's wording)"), rows)
        if rows else '<p class="empty">No passage of 5 words or more is in both reports.</p>'
    )
    more = len(result.passages) - len(longest)
    note = f'<p class="hint">{more} shorter passages not shown.</p>' if more > 0 else ""
    return (
        f'<section id="passages"><h2>Shared passages</h2><p class="hint">The longest runs '
        f"of words found in both reports ({len(result.passages)} in all).</p>{body}{note}"
        "</section>"
    )


# --- charts: inline SVG -------------------------------------------------------------
#
# The page draws its charts itself, as SVG inside the HTML, from the data
# compare.present computes for compare.plot too: no matplotlib, no image to encode, text
# that stays sharp and scales with the page. Every text in a chart goes through escape
# (report names and facts are untrusted); numbers are written with at most two decimals,
# so the same comparison gives the same bytes.

CHART_WIDTH = 480
"""The width of every chart in SVG units (CSS pixels at full size): a chart shrinks with
its column and, on a narrow screen, scrolls in its own box (``report.css``)."""

CHART_FONT = 13
LABEL_FONT = 11
MUTED = "#59636e"
"""Axis labels and notes in a chart: the page's muted text colour (``--muted``)."""
GRID = "#e4e4e4"
"""Grid lines behind a chart's marks, as in :mod:`compare.plot`'s fact chart."""
EDGE = "#777777"
"""The outline of unique (hatched) bars, as in :mod:`compare.plot`."""

SCORE_CELLS = 120
"""The most rows and columns of cells the similarity heat map draws: a longer report's
sentences are drawn in blocks, each the highest score of its pairs."""

FACT_LIMIT = 40
"""The facts the facts-by-report chart shows: the most widely carried."""


class _Chart(NamedTuple):
    width: float
    height: float
    body: str
    legend: str = ""
    defs: str = ""


def _n(x: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _fit(text: str, space: float, size: int = CHART_FONT) -> str:
    """``text`` cut (with ``…``) to what fits in ``space`` SVG units at font ``size``,
    counting a character as 0.62 of the font size (wide enough for most sans fonts)."""
    limit = max(4, int(space / (0.62 * size)))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg_text(x: float, y: float, text: str, *, anchor: str = "start",
              size: int = CHART_FONT, fill: str = INK, full: str | None = None,
              extra: str = "") -> str:
    """An SVG ``<text>``, escaped, vertically centred on ``y``; ``full`` (the text before
    it was shortened) becomes its tooltip."""
    tip = f"<title>{_attr(full)}</title>" if full is not None and full != text else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" dominant-baseline="central" '
            f'font-size="{size}" fill="{fill}"{extra}>{tip}{_attr(text)}</text>')


def _hatch(pattern: str) -> str:
    """The hatched grey of unique content, as a pattern with the id ``pattern``."""
    return (f'<pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" '
            f'fill="{RELATION_COLORS[UNIQUE]}"/><path d="M1 0V6" stroke="{EDGE}" '
            'stroke-width="1"/></pattern>')


TOUCH = 1e-6
"""Two boxes this close (in SVG units) touch: :func:`_boxes` may draw them as one."""


def _boxes(boxes: Iterable[tuple[float, float, float, float]],
           join: float | None = 0.5) -> str:
    """Path data of the rectangles ``(x, y, width, height)``, given in order; a box that
    continues the previous one (the same column and at most ``join`` below it, or the same
    row and at most ``join`` right of it) is merged into it, so a long report drawn
    smaller than a pixel a sentence costs what is visible, not a box per sentence.
    ``join=None`` keeps every box (outlines)."""
    merged: list[list[float]] = []
    for x, y, w, h in boxes:
        if merged and join is not None:
            last = merged[-1]
            px, py, pw, ph = last
            if (px, pw) == (x, w) and py <= y <= py + ph + join:
                last[3] = max(ph, y + h - py)
                continue
            if (py, ph) == (y, h) and px <= x <= px + pw + join:
                last[2] = max(pw, x + w - px)
                continue
        merged.append([x, y, w, h])
    return "".join(f"M{_n(x)} {_n(y)}h{_n(w)}v{_n(h)}h{_n(-w)}z" for x, y, w, h in merged)


def _status_path(status: str, boxes, pattern: str, cls: str) -> str:
    """One path holding every box of a sentence status, filled with its colour (unique:
    hatched and outlined), titled with its name."""
    if not boxes:
        return ""
    fill = (f'fill="url(#{pattern})" stroke="{EDGE}" stroke-width="0.6"' if status == UNIQUE
            else f'fill="{RELATION_COLORS.get(status, RELATION_COLORS[UNIQUE])}"')
    return (f'<path class="{cls}" data-rel="{_attr(status)}" {fill} d="{_boxes(boxes)}">'
            f"<title>{_attr(RELATION_LABELS.get(status, status))}</title></path>")


def _statuses_first_unique(statuses: Iterable[str]) -> list[str]:
    """Statuses in drawing order: unique first, so where bars are thinner than a pixel
    the shared ones stay visible (as :func:`compare.plot._add_bars` draws them)."""
    return sorted(set(statuses), key=lambda s: (s != UNIQUE, s))


def _swatch(label: str, *, color: str | None = None, rel: str | None = None,
            outline: bool = False) -> str:
    """A legend entry: a square of ``color`` (``outline``: a ring), or a relation's."""
    if rel is not None:
        swatch = f'<span class="swatch" data-rel="{_attr(rel)}"></span>'
    elif outline:
        swatch = f'<span class="swatch" style="border: 2px solid {color}"></span>'
    else:
        swatch = f'<span class="swatch" style="background: {color}"></span>'
    return f"<span>{swatch}{escape(label)}</span>"


def _chart_legend(items: Iterable[str]) -> str:
    return f'<div class="legend" aria-label="Legend">{"".join(items)}</div>'


def _relation_legend(relations: Iterable[str]) -> str:
    return _chart_legend(_swatch(RELATION_LABELS.get(r, r), rel=r) for r in relations)


def _alignment_svg(result: Comparison, name: str) -> _Chart:
    """The alignment map (as :func:`compare.plot.alignment_map`): each report a column of
    sentence bars, as tall as the sentences are long, lines joining linked sentences."""
    head, width = 48.0, 100.0
    x_of = {"a": 130.0, "b": CHART_WIDTH - 130.0}
    n = max(len(result.a.sentences), len(result.b.sentences))
    tall = min(900.0, max(320.0, 14.0 * n))
    scale = tall / max(alignment_depth(result), 1.0)
    parts, mids = [], {}
    for side, article in (("a", result.a), ("b", result.b)):
        x = x_of[side]
        parts.append(_svg_text(x, 15, f"Report {side}", anchor="middle",
                               extra=' font-weight="600"'))
        parts.append(_svg_text(x, 33, _fit(article.name, 2 * x_of["a"] - 10), anchor="middle",
                               full=article.name))
        spans = [(head + top * scale, height * scale)
                 for top, height in sentence_bars(result, side)]
        statuses = sentence_status(result, side)
        for status in _statuses_first_unique(statuses):
            parts.append(_status_path(
                status, [(x - width / 2, y, width, h)
                         for (y, h), s in zip(spans, statuses, strict=True) if s == status],
                f"hatch-{name}", f"bars-{side}"))
        labels, last = [], -1e9
        for k, (y, h) in enumerate(spans):
            if h >= LABEL_FONT + 3:
                labels.append(_svg_text(x, y + h / 2, f"{side}{k}", anchor="middle",
                                        size=LABEL_FONT))
            elif y + h / 2 - last >= LABEL_FONT + 1:  # beside the bar, if it clears the last
                outside = -width / 2 - 4 if side == "a" else width / 2 + 4
                labels.append(_svg_text(x + outside, y + h / 2, f"{side}{k}",
                                        anchor="end" if side == "a" else "start",
                                        size=LABEL_FONT, fill=MUTED))
                last = y + h / 2
        parts.append(f'<g class="labels-{side}">{"".join(labels)}</g>')
        mids[side] = [y + h / 2 for y, h in spans]
    x0, x1 = x_of["a"] + width / 2, x_of["b"] - width / 2
    xm = (x0 + x1) / 2
    lines: dict[str, dict[str, None]] = {}
    for i, j, relation in linked_pairs(result):
        ya, yb = _n(mids["a"][i]), _n(mids["b"][j])
        lines.setdefault(relation, {})[
            f"M{_n(x0)} {ya}C{_n(xm)} {ya} {_n(xm)} {yb} {_n(x1)} {yb}"] = None
    for relation in (*RELATIONS, *sorted(set(lines) - set(RELATIONS))):
        if relation in lines:
            parts.append(
                f'<path class="links" data-rel="{_attr(relation)}" fill="none" '
                f'stroke="{RELATION_COLORS.get(relation, INK)}" stroke-width="1.6" '
                f'stroke-opacity="0.85" d="{"".join(lines[relation])}">'
                f"<title>{_attr(RELATION_LABELS.get(relation, relation))}</title></path>")
    return _Chart(CHART_WIDTH, head + tall + 8, "".join(parts),
                  _relation_legend(statuses_present(result, links=True)), _hatch(f"hatch-{name}"))


def _coverage_svg(result: Comparison, name: str) -> _Chart:
    """Coverage both ways as two stacked bars (as :func:`compare.plot.coverage_bars`)."""
    left, right, height = 170.0, CHART_WIDTH - 12.0, 30.0
    parts = []
    rows = ((f"a ({result.a.name})", "covered by b", result.coverage[0]),
            (f"b ({result.b.name})", "covered by a", result.coverage[1]))
    for row, (label, by, cov) in enumerate(rows):
        y = 12 + row * 50
        parts.append(_svg_text(left - 8, y + 8, _fit(label, left - 12), anchor="end", full=label))
        parts.append(_svg_text(left - 8, y + 23, by, anchor="end", size=LABEL_FONT,
                               fill=MUTED))
        x = left
        for key, part, color in COVERAGE_PARTS:
            share = getattr(cov, key)
            w = share * (right - left)
            fill = (f'fill="url(#hatch-{name})" stroke="{EDGE}" stroke-width="0.6"'
                    if key == "absent" else f'fill="{color}"')
            if w > 0:
                parts.append(f'<path class="part" data-part="{key}" {fill} '
                             f'd="{_boxes([(x, y, w, height)])}"><title>{_attr(part)} '
                             f"{_percent(share)}</title></path>")
            if share >= 0.06:
                parts.append(_svg_text(x + w / 2, y + height / 2, _percent(share),
                                       anchor="middle", fill=INK if key == "absent" else "white"))
            x += w
    legend = _chart_legend(
        _swatch(part, rel=UNIQUE) if key == "absent" else _swatch(part, color=color)
        for key, part, color in COVERAGE_PARTS)
    return _Chart(CHART_WIDTH, 110, "".join(parts), legend, _hatch(f"hatch-{name}"))


def _position_svg(result: Comparison, name: str) -> _Chart:
    """Where each report's shared and unique sentences sit, from its first word to its
    last (as :func:`compare.plot.position_chart`), ▼ at the middle of the shared content."""
    left, right, height = 40.0, CHART_WIDTH - 12.0, 28.0
    span = right - left
    parts = []
    for row, (side, article) in enumerate((("a", result.a), ("b", result.b))):
        y = 18 + row * 52
        parts.append(_svg_text(left - 10, y + height / 2, side, anchor="end",
                               extra=' font-weight="600"', full=f"{side}: {article.name}"))
        extents = sentence_extents(result, side)
        statuses = sentence_status(result, side)
        for status in _statuses_first_unique(statuses):
            parts.append(_status_path(
                status, [(left + start * span, y, (end - start) * span, height)
                         for (start, end), s in zip(extents, statuses, strict=True)
                         if s == status], f"hatch-{name}", f"bars-{side}"))
        centre = shared_centre(result, side)
        if centre is not None:
            cx = left + centre * span
            parts.append(f'<path class="centre" fill="{INK}" d="M{_n(cx - 5)} {_n(y - 10)}'
                         f'h10l-5 8z"><title>middle of the shared content</title></path>')
    axis = 18 + 2 * 52 - 6
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * span
        parts.append(f'<path stroke="{EDGE}" d="M{_n(x)} {_n(axis - 4)}v4"/>')
        parts.append(_svg_text(x, axis + 8, f"{tick:g}", anchor="middle", size=LABEL_FONT))
    parts.append(_svg_text(left + span / 2, axis + 24, "position in the report (0 = first word, "
                           "1 = last word)", anchor="middle", size=LABEL_FONT, fill=MUTED))
    legend = _chart_legend([*(_swatch(RELATION_LABELS.get(r, r), rel=r)
                              for r in statuses_present(result)),
                            "<span>▼ middle of the shared content</span>"])
    return _Chart(CHART_WIDTH, axis + 34, "".join(parts), legend, _hatch(f"hatch-{name}"))


def _details_svg(result: Comparison, name: str) -> _Chart:
    """Facts of each kind both reports give, one only, or in conflict, as stacked bars
    (as :func:`compare.plot.details_chart`)."""
    counts = detail_counts(result)
    labels = detail_status_labels(result)
    left, right, height = 80.0, CHART_WIDTH - 12.0, 22.0
    most = max(1, *(sum(c.values()) for c in counts.values()))
    unit = (right - left) / most
    parts = []
    for row, (kind, by_status) in enumerate(counts.items()):
        y = 8 + row * 32
        parts.append(_svg_text(left - 8, y + height / 2, f"{kind}s", anchor="end"))
        x = left
        for status, color in STATUS_COLORS.items():
            count = by_status[status]
            if not count:
                continue
            w = count * unit
            stroke = f' stroke="{INK}" stroke-width="0.6"' if status == "conflict" else ""
            parts.append(f'<path class="part" data-status="{status}" fill="{color}"{stroke} '
                         f'd="{_boxes([(x, y, w, height)])}"><title>{_attr(labels[status])}: '
                         f"{count}</title></path>")
            if w >= 8 * len(str(count)) + 4:
                parts.append(_svg_text(x + w / 2, y + height / 2, str(count), anchor="middle",
                                       fill=INK if status == "conflict" else "white"))
            x += w
    axis = 8 + len(counts) * 32
    for value in sorted({0, most}):
        parts.append(_svg_text(left + value * unit, axis + 4, str(value), anchor="middle",
                               size=LABEL_FONT))
    parts.append(_svg_text((left + right) / 2, axis + 20, "number of facts", anchor="middle",
                           size=LABEL_FONT, fill=MUTED))
    legend = _chart_legend(_swatch(labels[s], color=c) for s, c in STATUS_COLORS.items())
    return _Chart(CHART_WIDTH, axis + 30, "".join(parts), legend)


def _ticks(count: int) -> list[int]:
    """A few sentence numbers for an axis of ``count`` sentences: first, middle, last."""
    return sorted({0, (count - 1) // 2, count - 1}) if count else []


def _heatmap_svg(result: Comparison, name: str) -> _Chart:
    """The candidate scores the comparison kept (as :func:`compare.plot.similarity_heatmap`),
    darker for a higher probability, the linked pairs outlined in their relation's colour;
    a long report's sentences in blocks (:data:`SCORE_CELLS`), each its best pair."""
    n, m = len(result.a.sentences), len(result.b.sentences)
    left, top, room = 64.0, 8.0, CHART_WIDTH - 64.0 - 12.0
    if not n or not m:
        return _Chart(CHART_WIDTH, 40, _svg_text(CHART_WIDTH / 2, 20, "no sentences",
                                                 anchor="middle"))
    cells, step_r, step_c = score_cells(result, SCORE_CELLS, SCORE_CELLS)
    rows, cols = cells.shape
    cell = min(room / cols, 420.0 / rows, 28.0)
    shades: dict[float, list[tuple[float, float, float, float]]] = {}
    for i, j in zip(*np.nonzero(cells > 0), strict=True):
        shade = round(float(min(cells[i, j], 1.0)) * 20) / 20
        if shade > 0:
            shades.setdefault(shade, []).append((left + j * cell, top + i * cell, cell, cell))
    parts = [f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(cols * cell)}" '
             f'height="{_n(rows * cell)}" fill="white" stroke="{EDGE}" stroke-width="0.6"/>']
    parts += [f'<path class="scores" fill="{INK}" fill-opacity="{shade:g}" '
              f'd="{_boxes(boxes, join=TOUCH)}"><title>probability about {shade:g}</title></path>'
              for shade, boxes in sorted(shades.items())]
    outlined: dict[str, dict[tuple[int, int], None]] = {}
    for i, j, relation in linked_pairs(result):
        outlined.setdefault(relation, {})[(i // step_r, j // step_c)] = None
    for relation in (*RELATIONS, *sorted(set(outlined) - set(RELATIONS))):
        if relation in outlined:
            boxes = [(left + j * cell, top + i * cell, cell, cell) for i, j in outlined[relation]]
            parts.append(f'<path class="links" data-rel="{_attr(relation)}" fill="none" '
                         f'stroke="{RELATION_COLORS.get(relation, INK)}" stroke-width="1.6" '
                         f'd="{_boxes(boxes, join=None)}"><title>'
                         f"{_attr(RELATION_LABELS.get(relation, relation))}</title></path>")
    bottom = top + rows * cell
    for k in _ticks(m):
        parts.append(_svg_text(left + (k // step_c + 0.5) * cell, bottom + 9, str(k),
                               anchor="middle", size=LABEL_FONT))
    for k in _ticks(n):
        parts.append(_svg_text(left - 5, top + (k // step_r + 0.5) * cell, str(k), anchor="end",
                               size=LABEL_FONT))
    label_b = f"sentence of report b ({result.b.name})"
    label_a = f"sentence of report a ({result.a.name})"
    parts.append(_svg_text(left + cols * cell / 2, bottom + 26,
                           _fit(label_b, cols * cell, LABEL_FONT), anchor="middle",
                           size=LABEL_FONT, fill=MUTED, full=label_b))
    middle = top + rows * cell / 2
    parts.append(_svg_text(left - 38, middle, _fit(label_a, rows * cell, LABEL_FONT),
                           anchor="middle", size=LABEL_FONT, fill=MUTED, full=label_a,
                           extra=f' transform="rotate(-90 {_n(left - 38)} {_n(middle)})"'))
    legend = _chart_legend([
        *(_swatch(f"probability {p:g}", color=_tint(INK, p)) for p in (0.25, 0.5, 0.75, 1.0)),
        *(_swatch(f"linked: {RELATION_LABELS[r]}", color=RELATION_COLORS[r], outline=True)
          for r in linked_relations(result))])
    return _Chart(CHART_WIDTH, bottom + 36, "".join(parts), legend)


def _coverage_matrix_svg(collation: Collation, name: str) -> _Chart:
    """The many-reports coverage matrix (as :func:`compare.plot.coverage_matrix`): row i,
    column j the share of report i's content words report j has, darker for more."""
    labels = report_labels(collation)
    values = coverage_matrix(collation)
    n = len(labels)
    left, top = 150.0, 30.0
    cell = min(56.0, (CHART_WIDTH - left - 12) / max(n, 1))
    parts = [_svg_text(left + n * cell / 2, 10, "covered by", anchor="middle", size=LABEL_FONT,
                       fill=MUTED)]
    for j in range(n):
        parts.append(_svg_text(left + (j + 0.5) * cell, top - 8, str(j + 1), anchor="middle",
                               size=LABEL_FONT, full=labels[j]))
    for i in range(n):
        y = top + i * cell
        parts.append(_svg_text(left - 8, y + cell / 2, _fit(labels[i], left - 12), anchor="end",
                               full=labels[i]))
        for j in range(n):
            x = left + j * cell
            if i == j:
                parts.append(_svg_text(x + cell / 2, y + cell / 2, "—", anchor="middle",
                                       fill=MUTED))
                continue
            share = float(values[i, j])
            parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(cell)}" height="{_n(cell)}" '
                         f'fill="{_tint(COVERAGE_COLOR, round(share, 2))}" stroke="white">'
                         f"<title>{_attr(labels[i])} covered by {_attr(labels[j])}: "
                         f"{_percent(share)}</title></rect>")
            parts.append(_svg_text(x + cell / 2, y + cell / 2, _percent(share), anchor="middle",
                                   size=LABEL_FONT, fill="white" if share > 0.6 else INK))
    legend = _chart_legend(_swatch(_percent(p), color=_tint(COVERAGE_COLOR, p))
                           for p in (0.25, 0.5, 0.75, 1.0))
    return _Chart(CHART_WIDTH, top + n * cell + 8, "".join(parts), legend)


def _group_svg(collation: Collation, name: str) -> _Chart:
    """Statement groups by report (as :func:`compare.plot.group_chart`): a column per
    group, most widely carried first, a cell where a report carries it."""
    labels = report_labels(collation)
    matrix = group_matrix(collation)
    order = group_order(collation)
    left, top, height = 140.0, 6.0, 22.0
    cell = min(16.0, (CHART_WIDTH - left - 12) / max(len(order), 1))
    parts = []
    for r, label in enumerate(labels):
        parts.append(_svg_text(left - 8, top + r * height + height / 2, _fit(label, left - 12),
                               anchor="end", full=label))
    for support in SUPPORTS:
        boxes = [(left + col * cell, top + r * height + 1, cell, height - 2)
                 for r in range(len(labels)) for col, k in enumerate(order)
                 if matrix[r, col] and collation.groups[k].support == support]
        if boxes:
            parts.append(f'<path class="groups" data-support="{support}" '
                         f'fill="{SUPPORT_COLORS[support]}" d="{_boxes(boxes, join=TOUCH)}"><title>'
                         f"{_attr(SUPPORT_LABELS[support])}</title></path>")
    bottom = top + len(labels) * height
    parts.append(_svg_text(left + len(order) * cell / 2, bottom + 12,
                           f"statement groups ({len(order)}), most widely carried first",
                           anchor="middle", size=LABEL_FONT, fill=MUTED))
    present = [s for s in SUPPORTS if any(g.support == s for g in collation.groups)]
    legend = _chart_legend(_swatch(SUPPORT_LABELS[s], color=SUPPORT_COLORS[s]) for s in present)
    return _Chart(CHART_WIDTH, bottom + 22, "".join(parts), legend)


def _fact_svg(collation: Collation, name: str) -> _Chart:
    """Facts by report as a dot matrix (as :func:`compare.plot.fact_chart`): a dot where a
    report gives a fact, coloured by kind, ringed where another report differs."""
    labels = report_labels(collation)
    facts = collation.facts[:FACT_LIMIT]
    matrix = fact_matrix(collation)[:FACT_LIMIT]
    left, top, height = 200.0, 26.0, 20.0
    cell = min(40.0, (CHART_WIDTH - left - 12) / max(len(labels), 1))
    parts = [_svg_text(left + (r + 0.5) * cell, 10, str(r + 1), anchor="middle",
                       size=LABEL_FONT, full=label) for r, label in enumerate(labels)]
    for row, fact in enumerate(facts):
        y = top + row * height + height / 2
        parts.append(f'<path stroke="{GRID}" d="M{_n(left)} {_n(y)}h{_n(len(labels) * cell)}"/>')
        parts.append(_svg_text(left - 8, y, _fit(fact.text, left - 12, LABEL_FONT), anchor="end",
                               size=LABEL_FONT, full=fact.text))
        for r in np.flatnonzero(matrix[row] != FACT_ABSENT):
            cx = left + (r + 0.5) * cell
            parts.append(f'<circle cx="{_n(cx)}" cy="{_n(y)}" r="5" '
                         f'fill="{KIND_COLORS.get(fact.kind, INK)}"><title>{_attr(labels[r])}: '
                         f"{_attr(fact.text)}</title></circle>")
            if matrix[row, r] == FACT_CONFLICT:
                parts.append(f'<circle class="conflict" cx="{_n(cx)}" cy="{_n(y)}" r="8" '
                             f'fill="none" stroke="{STATUS_COLORS["conflict"]}" '
                             'stroke-width="2.5"/>')
    if not facts:
        parts.append(_svg_text(CHART_WIDTH / 2, top + 10, "no numbers, dates or names",
                               anchor="middle", fill=MUTED))
    legend = _chart_legend([*(_swatch(k, color=c) for k, c in KIND_COLORS.items()),
                            _swatch("conflict", color=STATUS_COLORS["conflict"], outline=True)])
    return _Chart(CHART_WIDTH, top + max(len(facts), 1) * height + 8, "".join(parts), legend)


CHARTS: dict[str, Callable[[Comparison, str], _Chart]] = {
    "alignment_map": _alignment_svg,
    "coverage_bars": _coverage_svg,
    "position_chart": _position_svg,
    "details_chart": _details_svg,
    "similarity_heatmap": _heatmap_svg,
}
"""The comparison page's charts by name (the names of :data:`compare.plot.CHARTS`)."""

COLLATION_CHARTS: dict[str, Callable[[Collation, str], _Chart]] = {
    "coverage_matrix": _coverage_matrix_svg,
    "group_matrix": _group_svg,
    "fact_matrix": _fact_svg,
}
"""The many-reports page's charts by name."""


def _svg(name: str, title: str, caption: str, chart: _Chart) -> str:
    defs = f"<defs>{chart.defs}</defs>" if chart.defs else ""
    return (
        f'<svg class="chart" id="svg-{name}" viewBox="0 0 {_n(chart.width)} '
        f'{_n(chart.height)}" width="{_n(chart.width)}" height="{_n(chart.height)}" '
        f'role="img" aria-label="{_attr(title)}: {_attr(caption)}" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">'
        f"<title>{_attr(title)}</title>{defs}{chart.body}</svg>"
    )


def _charts(result: Comparison | Collation, charts: dict, texts: dict) -> str:
    """The charts section: each of ``charts`` (name: drawing function) drawn for ``result``
    as inline SVG, titled and captioned from ``texts``."""
    figures = []
    for name, draw in charts.items():
        title, caption = texts[name]
        chart = draw(result, name)
        figures.append(
            f'<figure id="chart-{name}"><h3>{escape(title)}</h3>'
            f'<div class="scroll chart-box">{_svg(name, title, caption, chart)}</div>'
            f"{chart.legend}<figcaption>{escape(caption)}</figcaption></figure>"
        )
    return (
        f'<section id="charts"><h2>Charts</h2><div class="charts">{"".join(figures)}</div>'
        "</section>"
    )


# --- public ------------------------------------------------------------------------


def comparison_html(
    result: Comparison,
    *,
    title: str | None = None,
    charts: bool = True,
    back_link: str | None = None,
) -> str:
    """A standalone HTML page showing the whole comparison.

    The page has the verdict and both reports' metadata, coverage both ways, the two
    reports side by side (each sentence coloured by relation; pointing at or clicking a
    sentence highlights its partner), word-level differences of every linked pair, facts
    one report gives alone or differently, quotes, framing, shared passages and the charts
    (inline SVG, :data:`CHARTS`: the charts of :mod:`compare.plot`, drawn without
    matplotlib; ``charts=False`` leaves them out). Everything is inline: the
    page loads nothing from anywhere. Write it with ``Path(...).write_text(page, "utf-8")``.

    ``back_link`` (a relative or http(s) URL, such as ``"index.html"``) adds a link back
    to it at the top of the page; any other scheme raises :class:`ValueError`.
    """
    _check_back_link(back_link)
    title = title or f"{result.a.name} and {result.b.name} compared"
    sections = [
        _coverage(result),
        _side_by_side(result),
        _differences(result),
        _details(result),
        _quotes(result),
        _framing(result),
        _passages(result),
    ]
    if charts:
        sections.append(_charts(result, CHARTS, CHART_TEXT))
    return _page(title, _header(result, title, back_link), sections, _relation_css(),
                 "Sentence numbers count from 0; a is the first report, b the second.")


def _check_back_link(back_link: str | None) -> None:
    if back_link is not None and urlsplit(back_link).scheme.lower() not in ("", "http", "https"):
        raise ValueError(f"back_link must be a relative or http(s) URL, not {back_link!r}")


def _page(title: str, header: str, sections: list[str], css: str, footer: str) -> str:
    """The standalone page around a header and sections: inline style and script only."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        f"<title>{_attr(title)}</title>\n"
        f"<style>{CSS}{css}\n</style>\n</head>\n<body>\n"
        f"{header}\n<main>\n"
        + "\n".join(sections)
        + f"\n<footer>Made with compare-sources. {escape(footer)}</footer>\n</main>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


SUMMARY_CSS = """
.compare-summary { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 13px; line-height: 1.45; max-width: 960px; }
.compare-summary table { border-collapse: collapse; margin: 4px 0 10px; }
.compare-summary th, .compare-summary td { text-align: left; vertical-align: top;
  padding: 3px 8px; border-bottom: 1px solid #ddd; }
.compare-summary .verdict { font-weight: 700; }
.compare-summary .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
  margin-right: 4px; }
"""


def _snippet(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_INLINE = {
    "del": "background:#ffd8c2;color:#7a2e0e;text-decoration:line-through",
    "ins": "background:#d3eefe;color:#0a3069;text-decoration:underline",
}


def ops_html(ops: Iterable[Op]) -> str:
    """Word-level edits as one inline fragment, styled inline so it reads in a notebook.

    Words only in a are struck out, words only in b underlined; ``title`` names the kind
    of each change. This is what a :class:`~compare.models.Diff` or
    :class:`~compare.models.QuotePair` shows in a notebook.
    """
    parts = []
    for op in ops:
        if op.tag == "equal":
            parts.append(escape(op.a_text))
            continue
        title = f' title="{_attr(op.kind.replace("_", " "))} changed"' if op.kind else ""
        for tag, text in (("del", op.a_text), ("ins", op.b_text)):
            if text:
                parts.append(f'<{tag} style="{_INLINE[tag]}"{title}>{escape(text)}</{tag}>')
    body = " ".join(parts) if parts else "<em>no words</em>"
    return f'<div style="font-family:Georgia,serif;line-height:1.6">{body}</div>'


def quote_pair_html(pair: QuotePair) -> str:
    """A quote pair inline: a's rendering changed into b's, or the one side that has it."""
    if pair.ops:
        return ops_html(pair.ops)
    side = pair.a if pair.a is not None else pair.b
    label = STATUS_LABELS.get(pair.status, pair.status)
    text = escape(side.text) if side is not None else ""
    return f'<div style="font-family:Georgia,serif"><em>{escape(label)}:</em> {text}</div>'


def comparison_summary_html(result: Comparison, *, top: int = 5) -> str:
    """A compact HTML summary for notebooks: verdict, coverage, relation counts, top links."""
    a, b = result.a, result.b
    cov_rows = "".join(
        f"<tr><td>{escape(of)} covered by {escape(by)}</td><td>{_percent(c.verbatim)}</td>"
        f"<td>{_percent(c.paraphrase)}</td><td>{_percent(c.absent)}</td></tr>"
        for c, of, by in ((result.coverage[0], a.name, b.name),
                          (result.coverage[1], b.name, a.name))
    )
    relations = relation_counts(result)
    unique = unique_counts(result)
    counts = "".join(
        f'<td><span class="sw" style="background:{RELATION_COLORS[rel]}"></span>'
        f"{relations.get(rel, 0)}</td>"
        for rel in RELATIONS
    )
    details = status_counts(result.details)
    quotes = status_counts(result.quotes)
    best = sorted(range(len(result.links)),
                  key=lambda k: (-result.links[k].score, result.links[k].a, result.links[k].b))
    link_rows = "".join(
        "<tr><td>{a_ref}</td><td>{a_text}</td><td>{b_ref}</td><td>{b_text}</td>"
        "<td>{rel}</td><td>{score:.2f}</td></tr>".format(
            a_ref=escape(", ".join(f"a{i}" for i in link.a)),
            a_text=escape(_snippet(" ".join(a.sentences[i].text for i in link.a))),
            b_ref=escape(", ".join(f"b{j}" for j in link.b)),
            b_text=escape(_snippet(" ".join(b.sentences[j].text for j in link.b))),
            rel=escape(RELATION_LABELS.get(link.relation, link.relation)),
            score=link.score,
        )
        for link in (result.links[k] for k in best[:top])
    )
    rel_head = "".join(f"<th>{escape(RELATION_LABELS[r])}</th>" for r in RELATIONS)
    return (
        f'<div class="compare-summary"><style>{SUMMARY_CSS}</style>'
        f"<div><strong>{escape(a.name)}</strong> ({len(a.sentences)} sentences) vs "
        f"<strong>{escape(b.name)}</strong> ({len(b.sentences)} sentences)</div>"
        f'<div>Verdict: <span class="verdict">{escape(result.verdict.label)}</span> — '
        f"{escape(VERDICT_TEXT.get(result.verdict.label, result.verdict.label))}</div>"
        f"<details><summary>Why</summary>{escape(result.verdict.reason)}</details>"
        + "".join(f"<div><em>Note:</em> {escape(note)}</div>" for note in result.notes)
        + "<table><tr><th>coverage</th><th>verbatim</th><th>paraphrase</th><th>absent</th></tr>"
        f"{cov_rows}</table>"
        f"<table><tr><th>links</th>{rel_head}<th>unique in a</th><th>unique in b</th></tr>"
        f"<tr><td>{len(result.links)}</td>{counts}<td>{unique['a']}</td><td>{unique['b']}</td>"
        "</tr></table>"
        "<table><tr><th>facts</th><th>in both</th><th>conflict</th><th>only in a</th>"
        "<th>only in b</th><th>quotes</th><th>same</th><th>reworded</th><th>only in a</th>"
        f"<th>only in b</th></tr><tr><td>{len(result.details)}</td>"
        + "".join(f"<td>{details.get(s, 0)}</td>" for s in ("shared", "conflict", "only_a",
                                                            "only_b"))
        + f"<td>{len(result.quotes)}</td>"
        + "".join(f"<td>{quotes.get(s, 0)}</td>" for s in ("same", "reworded", "only_a",
                                                           "only_b"))
        + "</tr></table>"
        + (
            f"<div>Closest links (of {len(result.links)}):</div><table><tr><th>a</th>"
            "<th>text in a</th><th>b</th><th>text in b</th><th>relation</th><th>score</th>"
            f"</tr>{link_rows}</table>"
            if link_rows else "<div>No linked sentences.</div>"
        )
        + "</div>"
    )


# --- many reports (compare.collate) -------------------------------------------------


def _rid(report: int, sentence: int) -> str:
    return f"r{report + 1}-{sentence}"


def _rref(report: int, indices: Iterable[int]) -> str:
    """``2.5``-style references (report 2, sentence 5) linking into the side-by-side view."""
    return ", ".join(
        f'<a href="#{_rid(report, i)}" data-show="{_rid(report, i)}">{report + 1}.{i}</a>'
        for i in indices
    )


def _support_css() -> str:
    rules = [
        f'.s[data-support="{s}"] {{ background: {_tint(color, 0.22)}; '
        f"box-shadow: inset 0 -3px 0 {color}; }}\n"
        f'.swatch[data-support="{s}"], .dot[data-support="{s}"] {{ background: {color}; }}\n'
        f'.badge[data-support="{s}"] {{ background: {_tint(color, 0.3)}; border-color: {color}; }}'
        for s, color in SUPPORT_COLORS.items()
    ]
    rules += [
        f'.badge[data-check="{s}"] {{ background: {_tint(color, 0.3)}; border-color: {color}; }}'
        for s, color in CHECK_COLORS.items()
    ]
    rules.append(f'td[data-conflict] {{ background: {_tint(STATUS_COLORS["conflict"], 0.45)}; }}')
    return "\n".join(rules)


def _collation_header(collation: Collation, title: str, back_link: str | None) -> str:
    cards = "".join(_card(str(k + 1), r) for k, r in enumerate(collation.reports))
    if collation.source is not None:
        cards += _card("source", collation.source)
    notes = "".join(f"<li>{escape(note)}</li>" for note in collation.notes)
    sections = [("coverage", "Coverage"), ("side-by-side", "Side by side"),
                ("groups", "Statements"), ("details", "Facts"), ("quotes", "Quotes")]
    if collation.source is not None:
        sections.append(("source", "Source"))
    sections.append(("charts", "Charts"))
    toc = "".join(f'<a href="#{a}">{escape(name)}</a>' for a, name in sections)
    back = (f'<a class="back" href="{_attr(back_link)}">← Back to the index</a>'
            if back_link is not None else "")
    counts = support_counts(collation)
    line = ", ".join(f"{k} {escape(SUPPORT_LABELS[s])}" for s, k in counts.items())
    return (
        f'<header class="page"><div>{back}<h1>{escape(title)}</h1>'
        f'<p class="lead">{len(collation.reports)} reports; {len(collation.groups)} '
        f"statements: {line}.</p>"
        f'<div class="reports many">{cards}</div>'
        + (f'<ul class="notes" id="notes">{notes}</ul>' if notes else "")
        + f'<nav class="toc" aria-label="Sections">{toc}</nav></div></header>'
    )


def _coverage_matrix(collation: Collation) -> str:
    n = len(collation.reports)
    covered = coverage_matrix(collation)
    verbatim = coverage_matrix(collation, "verbatim")
    rows = []
    for i in range(n):
        cells = []
        for j in range(n):
            if i == j:
                cells.append('<td class="diag">—</td>')
                continue
            tint = _tint(COVERAGE_COLOR, 0.1 + 0.6 * covered[i, j])
            cells.append(
                f'<td style="background: {tint}">'
                f"{_percent(covered[i, j])}<br><small>{_percent(verbatim[i, j])} verbatim"
                "</small></td>"
            )
        rows.append(f"<tr><th>{i + 1} {escape(collation.reports[i].name)}</th>"
                    f"{''.join(cells)}</tr>")
    head = ("of ↓ / by →", *(str(k + 1) for k in range(n)))
    return (
        '<section id="coverage"><h2>Coverage</h2><p class="hint">Each row is a report; '
        "each cell is the share of its content words the column's report also has, "
        "verbatim or in paraphrase (the verbatim share below).</p>"
        f"{_table(head, rows, 'matrix')}</section>"
    )


def _collation_columns(collation: Collation) -> str:
    where: dict[tuple[int, int], tuple[int, str]] = {}
    for k, group in enumerate(collation.groups):
        for member in group.sentences:
            where[member] = (k, group.support)
    columns = []
    for r, article in enumerate(collation.reports):
        paragraphs: dict[int, list[str]] = {}
        for sentence in article.sentences:
            k, supp = where[(r, sentence.index)]
            group = collation.groups[k]
            mates = [m for m in group.sentences if m != (r, sentence.index)]
            label = f"{r + 1}.{sentence.index}: {SUPPORT_LABELS[supp]}"
            attrs = [f'id="{_rid(r, sentence.index)}"', f'data-support="{_attr(supp)}"',
                     f'data-group="{k}"']
            if mates:
                attrs.append(f'data-partners="{" ".join(_rid(*m) for m in mates)}"')
                attrs.append('tabindex="0"')
                label += " (" + ", ".join(f"{a + 1}.{b}" for a, b in mates) + ")"
            attrs.append(f'title="{_attr(label)}"')
            paragraphs.setdefault(sentence.paragraph, []).append(
                f'<span class="s" {" ".join(attrs)}><span class="num">{r + 1}.'
                f"{sentence.index}</span>{escape(sentence.text)}</span>")
        body = "".join(f"<p>{' '.join(p)}</p>" for _, p in sorted(paragraphs.items()))
        columns.append(
            f'<div class="column" id="report-{r + 1}"><h3><span class="side-tag">{r + 1}'
            f'</span>{escape(article.name)}</h3><div class="text">{body}</div></div>')
    legend = "".join(
        f'<span><span class="swatch" data-support="{_attr(s)}"></span>'
        f"{escape(SUPPORT_LABELS[s])}</span>" for s in SUPPORT_LABELS)
    n = len(collation.reports)
    return (
        '<section id="side-by-side"><h2>Side by side</h2>'
        '<p class="hint">Each sentence is coloured by how many reports say the same thing. '
        "Click a sentence (or press Enter) to highlight what every report says of it; the "
        "reports scroll sideways when they do not fit.</p>"
        f'<div class="legend" aria-label="Legend">{legend}</div>'
        f'<div class="scroll strip"><div class="columns many" style="grid-template-columns: '
        f'repeat({n}, minmax(15em, 1fr))">{"".join(columns)}</div></div></section>'
    )


def _collation_groups(collation: Collation, limit: int = 60) -> str:
    n = len(collation.reports)
    shared = [collation.groups[k] for k in group_order(collation)
              if len(collation.groups[k].reports) > 1]
    rows = []
    for group in shared[:limit]:
        by_report: dict[int, list[int]] = {}
        for r, s in group.sentences:
            by_report.setdefault(r, []).append(s)
        r0, s0 = group.sentences[0]
        cells = "".join(f"<td>{_rref(r, by_report[r]) if r in by_report else '—'}</td>"
                        for r in range(n))
        rows.append(
            f'<tr><td>{_badge(SUPPORT_LABELS[group.support], support=group.support)}</td>'
            f'<td class="wording">{escape(_snippet(collation.reports[r0].sentences[s0].text))}'
            f"</td>{cells}</tr>")
    more = len(shared) - len(rows)
    body = (_table(("said", "first wording", *(str(k + 1) for k in range(n))), rows)
            if rows else '<p class="empty">No statement is in more than one report.</p>')
    alone = unique_sentences(collation)
    only = "; ".join(f"{k + 1} {escape(r.name)}: {alone[k]}"
                     for k, r in enumerate(collation.reports))
    return (
        '<section id="groups"><h2>Statements across the reports</h2>'
        '<p class="hint">Sentences that say the same thing, grouped across all reports, '
        "those most reports carry first. A number such as 2.5 is sentence 5 of report 2.</p>"
        f"{body}" + (f'<p class="hint">{more} more groups not shown.</p>' if more > 0 else "")
        + f"<p>Sentences no other report carries: {only}.</p></section>"
    )


def _collation_facts(collation: Collation) -> str:
    n = len(collation.reports)
    matrix = fact_matrix(collation)
    rows = []
    for fact, marks in zip(collation.facts, matrix, strict=True):
        sentences: dict[int, list[int]] = {}
        for r, s in fact.mentions:
            sentences.setdefault(r, []).append(s)
        cells = []
        for r in range(n):
            if marks[r] == FACT_ABSENT:
                cells.append('<td class="mark" aria-label="absent">—</td>')
                continue
            conflict = ' data-conflict="1"' if marks[r] == FACT_CONFLICT else ""
            cells.append(f'<td class="mark"{conflict}>●<br><small>'
                         f"{_rref(r, sentences.get(r, []))}</small></td>")
        rows.append(f"<tr><td>{escape(fact.kind)}<br><small>{escape(fact.category)}</small></td>"
                    f"<td>{escape(fact.text)}</td>{''.join(cells)}</tr>")
    table = (_table(("kind", "fact", *(str(k + 1) for k in range(n))), rows, "facts")
             if rows else '<p class="empty">No numbers, dates or names found.</p>')
    conflicts = "".join(
        f"<li><strong>{c.a + 1}</strong> says “{escape(c.a_text)}” ({_rref(c.a, c.a_sentences)}), "
        f"<strong>{c.b + 1}</strong> says “{escape(c.b_text)}” ({_rref(c.b, c.b_sentences)})"
        f"<br><small>{escape(c.note)}</small></li>"
        for c in collation.conflicts)
    return (
        '<section id="details"><h2>Facts by report</h2>'
        '<p class="hint">Each number, date and name with a mark for every report that '
        "gives it; a coloured cell is a value another report gives differently.</p>"
        + (f"<h3>Conflicts</h3><ul>{conflicts}</ul>" if conflicts
           else '<p class="empty">No two reports give the same counted thing different '
           "values.</p>")
        + f"{table}</section>"
    )


def _ops_inline(ops: Iterable[Op]) -> str:
    """The changed words of an edit list: ``<del>a's</del> <ins>b's</ins>``, escaped."""
    parts = []
    for op in ops:
        if op.tag == "equal":
            continue
        kind = f' data-kind="{_attr(op.kind)}"' if op.kind else ""
        parts.append("".join(f"<{tag}{kind}>{escape(text)}</{tag}>"
                             for tag, text in (("del", op.a_text), ("ins", op.b_text)) if text))
    return " · ".join(parts)


def _who(quote) -> str:
    verb = "" if quote.setting.startswith(quote.verb) else quote.verb
    return " ".join(x for x in (quote.speaker, verb, quote.setting) if x)


def _collation_quotes(collation: Collation, limit: int = 40) -> str:
    items = []
    for group in collation.quotes[:limit]:
        renderings = "".join(
            f'<li><span class="side-tag">{r + 1}</span>“{escape(q.text)}”'
            f"<br><small>{escape(_who(q)) or 'no speaker given'} · {_rref(r, q.sentences)}"
            "</small></li>"
            for r, q in group.renderings)
        diffs = "".join(
            f"<li>{d.a + 1} → {d.b + 1}: {_ops_inline(d.ops)}</li>"
            for d in group.diffs if d.status == "reworded")
        status = ("in one report" if len(group.reports) == 1 else
                  "reworded" if diffs else "same words")
        items.append(
            f'<div class="pair"><div class="head">{escape(status)} · in '
            f"{len(group.reports)} of {len(collation.reports)} reports</div>"
            f'<ul class="renderings">{renderings}</ul>'
            + (f'<ul class="diffs">{diffs}</ul>' if diffs else "") + "</div>")
    more = len(collation.quotes) - len(items)
    body = "".join(items) or '<p class="empty">No quotes in any report.</p>'
    return (
        '<section id="quotes"><h2>Quotes across the reports</h2>'
        '<p class="hint">Each quoted statement with its wording, speaker and verb in every '
        "report that has it; <del>struck out</del> words are the first report's, "
        "<ins>underlined</ins> the other's.</p>"
        f"{body}" + (f'<p class="hint">{more} more quotes not shown.</p>' if more > 0 else "")
        + "</section>"
    )


def _collation_source(collation: Collation) -> str:
    source = collation.source
    if source is None:
        return ""
    rows = [
        f"<tr><td>{f.report + 1} {escape(collation.reports[f.report].name)}</td>"
        f"<td>{_percent(f.verbatim)}</td><td>{_percent(f.paraphrase)}</td>"
        f"<td>{f.exact}</td><td>{f.altered}</td><td>{f.not_found}</td></tr>"
        for f in collation.fidelity]
    head = ("report", "verbatim from the source", "paraphrased", "quotes exact", "altered",
            "not in the source")
    checks = "".join(
        f"<li>{_badge(CHECK_LABELS[c.status], check=c.status)} <span class=\"side-tag\">"
        f"{c.report + 1}</span>“{escape(c.quote.text)}”"
        + (f"<br><small>{_ops_inline(c.ops)}</small>" if c.ops else "") + "</li>"
        for c in collation.quote_checks if c.status != "exact")
    unused = "".join(f"<li>{escape(source.sentences[s].text)}</li>"
                     for s in collation.source_unused)
    return (
        f'<section id="source"><h2>Against the source: {escape(source.name)}</h2>'
        '<p class="hint">How much of each report comes from the source, and whether its '
        "quotes are the source's words.</p>"
        f"{_table(head, rows)}"
        "<h3>Quotes not word for word in the source</h3>"
        + (f'<ul class="checks">{checks}</ul>' if checks
           else '<p class="empty">Every quote is in the source word for word.</p>')
        + f"<h3>What the source said and no report carried ({len(collation.source_unused)})</h3>"
        + (f'<ul class="unused">{unused}</ul>' if unused
           else '<p class="empty">Every sentence of the source is in some report.</p>')
        + "</section>"
    )


COLLATION_CHART_TEXT = {
    "coverage_matrix": ("Coverage", "The share of each row report's content words the column "
                        "report has, verbatim or in paraphrase."),
    "group_matrix": ("Statements by report", "Each column is a statement, each row a report; "
                     "those all reports carry are on the left, those one report alone "
                     "carries on the right."),
    "fact_matrix": ("Facts by report", "A dot where a report gives a fact; a ringed dot "
                    "where another report gives it differently."),
}


def collation_html(
    collation: Collation,
    *,
    title: str | None = None,
    charts: bool = True,
    back_link: str | None = None,
) -> str:
    """A standalone HTML page of many reports of one event (:func:`compare.collate.collate`).

    The reports side by side (each sentence coloured by how many reports carry it;
    clicking one highlights its statement group in every report), the coverage matrix,
    the statements across reports, facts by report (conflicts coloured), quotes across
    reports with their differences and, with a source, each report's fidelity to it.
    At most :data:`compare.present.MAX_PAGE_REPORTS` reports (``ValueError`` beyond).
    Self-contained and deterministic like :func:`comparison_html`; writes nothing.
    """
    if len(collation.reports) > MAX_PAGE_REPORTS:
        raise ValueError(f"a page shows at most {MAX_PAGE_REPORTS} reports, not "
                         f"{len(collation.reports)}; use the corpus command for more")
    _check_back_link(back_link)
    title = title or f"{len(collation.reports)} reports compared"
    sections = [
        _coverage_matrix(collation),
        _collation_columns(collation),
        _collation_groups(collation),
        _collation_facts(collation),
        _collation_quotes(collation),
        _collation_source(collation),
    ]
    if charts:
        sections.append(_charts(collation, COLLATION_CHARTS, COLLATION_CHART_TEXT))
    return _page(title, _collation_header(collation, title, back_link),
                 [s for s in sections if s], COLLATION_CSS + _support_css(),
                 "Sentence numbers count from 0; reports are numbered from 1 in the order given.")


def collation_summary_html(collation: Collation) -> str:
    """A compact HTML summary for notebooks: reports, statement supports, coverage."""
    n = len(collation.reports)
    matrix = coverage_matrix(collation)
    head = "".join(f"<th>{k + 1}</th>" for k in range(n))
    rows = "".join(
        f"<tr><th>{i + 1} {escape(r.name)}</th>"
        + "".join("<td>—</td>" if i == j else f"<td>{_percent(matrix[i, j])}</td>"
                  for j in range(n)) + "</tr>"
        for i, r in enumerate(collation.reports))
    counts = support_counts(collation)
    supports = "".join(f"<td>{counts[s]}</td>" for s in counts)
    support_head = "".join(f"<th>{escape(SUPPORT_LABELS[s])}</th>" for s in counts)
    return (
        f'<div class="compare-summary"><style>{SUMMARY_CSS}</style>'
        f"<div><strong>{n} reports</strong>"
        + (f", source <strong>{escape(collation.source.name)}</strong>"
           if collation.source is not None else "") + "</div>"
        + "".join(f"<div><em>Note:</em> {escape(note)}</div>" for note in collation.notes)
        + f"<table><tr><th>statements</th>{support_head}<th>facts</th><th>conflicts</th>"
        f"<th>quotes</th></tr><tr><td>{len(collation.groups)}</td>{supports}"
        f"<td>{len(collation.facts)}</td><td>{len(collation.conflicts)}</td>"
        f"<td>{len(collation.quotes)}</td></tr></table>"
        f"<table><tr><th>covered (of ↓ by →)</th>{head}</tr>{rows}</table></div>"
    )

__all__ = [
    "collation_html",
    "collation_summary_html",
    "comparison_html",
    "comparison_summary_html", "escape", "ops_html", "quote_pair_html"]
