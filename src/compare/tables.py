"""pandas views of results: one row per record, spans and indices kept."""

from __future__ import annotations

import dataclasses
import typing

import pandas as pd


def _holds_records(hint) -> bool:
    """True for a field typed as a tuple of records (``tuple[Detail, ...]``)."""
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and bool(args) and dataclasses.is_dataclass(args[0])


def _cell(value, counted: bool = False):
    if dataclasses.is_dataclass(value):
        return getattr(value, "text", repr(value))
    if counted or (isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0])):
        return len(value)
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "items"):
        return dict(value)
    return value


def records_frame(records, kind: type | None = None) -> pd.DataFrame:
    """A DataFrame with a column per dataclass field; nested records become their text.

    A field holding a tuple of records becomes their count (0 when there is none).
    ``kind`` (the record class) gives the columns of an empty collection.
    """
    kind = kind or (type(records[0]) if records else None)
    if kind is None:
        return pd.DataFrame()
    names = [f.name for f in dataclasses.fields(kind)]
    hints = typing.get_type_hints(kind)
    counted = {name for name in names if _holds_records(hints.get(name))}
    rows = [{name: _cell(getattr(r, name), name in counted) for name in names} for r in records]
    return pd.DataFrame(rows, columns=names)


def sentences_frame(comparison) -> pd.DataFrame:
    """One row per sentence of both reports: report, index, status, partners, text."""
    rows = []
    for side, article, coverage in (
        ("a", comparison.a, comparison.coverage[0]),
        ("b", comparison.b, comparison.coverage[1]),
    ):
        partners = comparison.partners(side)
        for sentence in article.sentences:
            rows.append(
                {
                    "report": side,
                    "sentence": sentence.index,
                    "paragraph": sentence.paragraph,
                    "status": coverage.sentences[sentence.index],
                    "partners": list(partners[sentence.index]),
                    "start": sentence.start,
                    "end": sentence.end,
                    "text": sentence.text,
                }
            )
    return pd.DataFrame(rows)


def scores_frame(scores) -> pd.DataFrame:
    """One row per candidate sentence pair of a comparison (:class:`~compare.models.Scores`,
    ``result.scores``): sentence ``a``, sentence ``b``, the same-content ``probability``
    (an upper bound when not ``exact``) and the graded ``similarity``."""
    n = len(scores.a)
    graded = scores.similarity if len(scores.similarity) == n else (float("nan"),) * n
    return pd.DataFrame(
        {
            "a": list(scores.a),
            "b": list(scores.b),
            "probability": list(scores.probability),
            "exact": list(scores.exact),
            "similarity": list(graded),
        },
        columns=["a", "b", "probability", "exact", "similarity"],
    )


# --- many reports (compare.collate) -------------------------------------------------


def _labels(collation) -> list[str]:
    from compare.present import report_labels

    return report_labels(collation)


def collation_coverage_frame(collation, kind: str = "covered") -> pd.DataFrame:
    """The coverage matrix: row = the report covered, column = the report covering
    (``kind``: ``covered`` = verbatim + paraphrase, ``verbatim`` or ``paraphrase``)."""
    from compare.present import coverage_matrix

    labels = _labels(collation)
    frame = pd.DataFrame(coverage_matrix(collation, kind), index=labels, columns=labels)
    frame.index.name, frame.columns.name = "report", "covered by"
    return frame


def collation_groups_frame(collation) -> pd.DataFrame:
    """One row per statement group: support, how many reports carry it, the first
    sentence's text and, per report, the sentences of it in the group."""
    labels = _labels(collation)
    rows = []
    for k, group in enumerate(collation.groups):
        r0, s0 = group.sentences[0]
        row = {"group": k, "support": group.support, "reports": len(group.reports),
               "text": collation.reports[r0].sentences[s0].text}
        for r, label in enumerate(labels):
            row[label] = [s for rr, s in group.sentences if rr == r]
        rows.append(row)
    return pd.DataFrame(rows, columns=["group", "support", "reports", "text", *labels])


def collation_facts_frame(collation) -> pd.DataFrame:
    """One row per fact: kind, category, text, value and, per report, ``present``,
    ``conflict`` (another report gives it differently) or ``""``."""
    from compare.present import FACT_CONFLICT, FACT_PRESENT, fact_matrix

    labels = _labels(collation)
    names = {FACT_PRESENT: "present", FACT_CONFLICT: "conflict"}
    rows = []
    for fact, marks in zip(collation.facts, fact_matrix(collation), strict=True):
        row = {"kind": fact.kind, "category": fact.category, "text": fact.text,
               "value": fact.value, "reports": len(fact.reports)}
        row.update({label: names.get(int(m), "") for label, m in zip(labels, marks, strict=True)})
        rows.append(row)
    return pd.DataFrame(rows, columns=["kind", "category", "text", "value", "reports", *labels])


def collation_quotes_frame(collation) -> pd.DataFrame:
    """One row per rendering of a quote: its group, report, speaker, verb, words and
    how it compares with the group's first rendering (``first``, ``same``,
    ``reworded``, or ``""`` when the pair was joined through another report)."""
    labels = _labels(collation)
    rows = []
    for k, group in enumerate(collation.quotes):
        first = group.renderings[0][0]
        status = {(d.a, d.b): d.status for d in group.diffs}
        for n, (r, q) in enumerate(group.renderings):
            against = "first" if n == 0 else status.get((first, r), status.get((r, first), ""))
            rows.append({"quote": k, "report": labels[r], "speaker": q.speaker, "verb": q.verb,
                         "text": q.text, "against_first": against,
                         "sentences": list(q.sentences)})
    return pd.DataFrame(rows, columns=["quote", "report", "speaker", "verb", "text",
                                       "against_first", "sentences"])


def collation_conflicts_frame(collation) -> pd.DataFrame:
    """One row per conflict: the two reports, their values and sentences, the note."""
    labels = _labels(collation)
    return pd.DataFrame(
        [{"kind": c.kind, "category": c.category, "a": labels[c.a], "a_text": c.a_text,
          "a_sentences": list(c.a_sentences), "b": labels[c.b], "b_text": c.b_text,
          "b_sentences": list(c.b_sentences), "note": c.note} for c in collation.conflicts],
        columns=["kind", "category", "a", "a_text", "a_sentences", "b", "b_text",
                 "b_sentences", "note"])


def collation_reports_frame(collation) -> pd.DataFrame:
    """One row per report: sentences, sentences no other report carries and, with a
    source, the shares from it and its quotes by check."""
    from compare.present import unique_sentences

    fidelity = {f.report: f for f in collation.fidelity}
    alone = unique_sentences(collation)
    rows = []
    for r, (label, article) in enumerate(zip(_labels(collation), collation.reports,
                                             strict=True)):
        row = {"report": label, "sentences": len(article.sentences), "alone": alone[r]}
        if r in fidelity:
            f = fidelity[r]
            row.update(from_source_verbatim=f.verbatim, from_source_paraphrase=f.paraphrase,
                       quotes_exact=f.exact, quotes_altered=f.altered,
                       quotes_not_found=f.not_found)
        rows.append(row)
    return pd.DataFrame(rows)


COLLATION_FRAMES = {
    "reports": collation_reports_frame,
    "coverage": collation_coverage_frame,
    "groups": collation_groups_frame,
    "facts": collation_facts_frame,
    "conflicts": collation_conflicts_frame,
    "quotes": collation_quotes_frame,
}
"""Each part of a collation and the function giving its table."""
