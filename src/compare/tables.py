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
