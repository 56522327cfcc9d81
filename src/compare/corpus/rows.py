"""Reading a corpus: a folder of reports, or a JSONL / CSV / Parquet table of articles.

A table has one article per row: ``id`` and ``text`` (required), and optional
``outlet``, ``date`` (ISO 8601, ``2016-05-31`` or with a time), ``title`` and ``url``.
A folder holds files :func:`compare.io.load_article` reads (``.txt``, ``.md``,
``.html``, ``.htm``, searched recursively; ``NAME.meta.yaml`` beside a file gives its
metadata); the id of a file is its path inside the folder. A bad row or file (no id,
an id seen before, empty text, a text over :data:`compare.io.MAX_BYTES`, a date that is
not a date, a file the loader refuses) is reported by its id and skipped; the others are
read as given.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from compare.io import MAX_BYTES, LoadError, load_article
from compare.models import Article

FIELDS = ("outlet", "date", "title", "url")
"""The optional columns a row may have, kept as the article's metadata."""

TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
FILE_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Row:
    """One article of a corpus: its ``id``, its text as given and its metadata."""

    id: str
    text: str
    meta: tuple[tuple[str, str], ...] = ()

    def article(self) -> Article:
        """The segmented article (named by its id)."""
        return Article.from_text(self.text, name=self.id, meta=dict(self.meta))

    def get(self, key: str) -> str:
        return dict(self.meta).get(key, "")


def parse_date(value: str) -> dt.datetime | None:
    """The moment ``value`` names (a date alone is its midnight; no zone is UTC), or
    None for an empty value; ``ValueError`` for a value that is not a date."""
    value = value.strip()
    if not value:
        return None
    when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when


def read_corpus(source: str | Path) -> tuple[list[Row], list[str]]:
    """The articles of ``source`` (a folder or a table) and one line per skipped row.

    Raises :class:`compare.io.LoadError` when ``source`` itself cannot be read.
    """
    path = Path(source)
    if path.is_dir():
        return _read_folder(path)
    if not path.is_file():
        raise LoadError(f"{source}: no such file or folder")
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise LoadError(
            f"{source}: give a folder of reports or a {', '.join(TABLE_SUFFIXES)} table"
        )
    try:
        records = _table_records(path, suffix)
    except LoadError:
        raise
    except Exception as exc:  # a reader's own error: the file is not such a table
        raise LoadError(f"{source}: cannot be read as {suffix[1:]} ({exc})") from None
    return _rows(records)


def _table_records(path: Path, suffix: str) -> list[tuple[str, object]]:
    """(where, record) for each row: ``where`` names the row for a message."""
    if suffix == ".jsonl":
        out: list[tuple[str, object]] = []
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    out.append((f"line {number}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    out.append((f"line {number}", LoadError(f"not JSON ({exc.msg})")))
        return out
    import pandas as pd

    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    else:
        frame = pd.read_parquet(path)
    if "id" not in frame.columns or "text" not in frame.columns:
        raise LoadError(f"{path}: the table needs the columns id and text")
    first = 2 if suffix == ".csv" else 1  # the line of a CSV row (after the header)
    return [(f"row {first + i}", rec) for i, rec in enumerate(frame.to_dict("records"))]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _rows(records: list[tuple[str, object]]) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    problems: list[str] = []
    seen: set[str] = set()
    for where, record in records:
        if isinstance(record, LoadError):
            problems.append(f"{where}: {record}; skipped")
            continue
        if not isinstance(record, dict):
            problems.append(f"{where}: not an object with id and text; skipped")
            continue
        ident = _text(record.get("id")).strip()
        label = f"{where} (id {ident!r})" if ident and ident != where else where
        problem = _problem(ident, record.get("text"), seen)
        meta = tuple((k, _text(record.get(k)).strip()) for k in FIELDS if _text(record.get(k)))
        if not problem:
            try:
                parse_date(dict(meta).get("date", ""))
            except ValueError:
                problem = f"date {dict(meta)['date']!r} is not a date (give YYYY-MM-DD)"
        if problem:
            problems.append(f"{label}: {problem}; skipped")
            continue
        seen.add(ident)
        rows.append(Row(ident, str(record["text"]), meta))
    return rows, problems


def _problem(ident: str, text: object, seen: set[str]) -> str:
    if not ident:
        return "no id"
    if ident in seen:
        return "an id seen before"
    if not isinstance(text, str) or not text.strip():
        return "no text"
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return f"text over {MAX_BYTES:,} bytes"
    return ""


def _read_folder(folder: Path) -> tuple[list[Row], list[str]]:
    records: list[tuple[str, object]] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in FILE_SUFFIXES:
            continue
        ident = path.relative_to(folder).as_posix()
        try:
            article = load_article(path, name=ident)
        except LoadError as exc:
            records.append((ident, LoadError(str(exc).removeprefix(f"{path}: "))))
            continue
        record: dict[str, object] = {"id": ident, "text": article.text}
        record.update({k: article.meta[k] for k in FIELDS if k in article.meta})
        records.append((ident, record))
    if not records:
        raise LoadError(f"{folder}: no report in the folder ({', '.join(FILE_SUFFIXES)})")
    return _rows(records)
