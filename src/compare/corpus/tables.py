"""The corpus outputs: nine Parquet tables and a static HTML site of stories.

Tables (pyarrow, one schema each; pandas and ``dask.dataframe`` read them back):

- ``articles``: id, outlet, date, title, url, story, sentences, content_words;
- ``stories``: story, size, ids, outlets, first_date, last_date, title (the earliest
  article's);
- ``pairs``: every candidate pair (a, b in input order), its estimated Jaccard of
  shingles, same-story probability (:func:`compare.story.score`), whether it was
  accepted and compared; then every other pair of a collated story (compared, but not
  a candidate: Jaccard and probability null, not accepted); for a compared pair
  ``first`` and ``later`` (by date; ``dated`` False when the dates do not say), the
  share of the later article's content words found verbatim / paraphrased in the
  earlier, and the verdict;
- ``links``, ``facts``, ``quotes``: the aligned sentences, the facts and the quotes of
  each compared pair (``a`` the earlier article, ``b`` the later);
- the many-reports comparison of each collated story (3 to ``max_collate`` articles,
  :func:`compare.collate.collate`), one row per story, group and article:
  ``groups`` (statement groups: story, group, support ``all``/``most``/``some``/``one``,
  carriers = articles carrying it, id, that article's sentences in it and their text),
  ``story_facts`` (facts by report: story, fact, kind, category, value, text, id and
  mark ``present`` or ``conflict``) and ``story_quotes`` (quotes by report: story,
  quote, id, speaker, verb, text, against_first ``first``/``same``/``reworded``/``""``,
  sentences).

Pages: ``index.html`` lists the stories of two or more articles, each linking to
``story-N.html``: a two-article story is its comparison page, a collated story its
many-reports page (:func:`compare.render.collation_html`); a larger one lists its
compared pairs, each pair on ``story-N-K.html``.
"""

from __future__ import annotations

import os
import re
import zlib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pyarrow as pa

from compare.io import LoadError, new_folder
from compare.models import Collation, Comparison

TABLES = ("articles", "stories", "pairs", "links", "facts", "quotes", "groups", "story_facts",
          "story_quotes")
_STR, _INT, _F = pa.string(), pa.int64(), pa.float64()
_INTS, _STRS = pa.list_(pa.int64()), pa.list_(pa.string())
SCHEMAS = {
    "articles": pa.schema([("id", _STR), ("outlet", _STR), ("date", _STR), ("title", _STR),
                           ("url", _STR), ("story", _INT), ("sentences", _INT),
                           ("content_words", _INT)]),
    "stories": pa.schema([("story", _INT), ("size", _INT), ("ids", _STRS), ("outlets", _STRS),
                          ("first_date", _STR), ("last_date", _STR), ("title", _STR)]),
    "pairs": pa.schema([("a", _STR), ("b", _STR), ("story", _INT), ("jaccard", _F),
                        ("score", _F), ("accepted", pa.bool_()), ("compared", pa.bool_()),
                        ("first", _STR), ("later", _STR), ("dated", pa.bool_()),
                        ("later_verbatim", _F), ("later_paraphrase", _F), ("verdict", _STR)]),
    "links": pa.schema([("story", _INT), ("a", _STR), ("b", _STR), ("a_sentences", _INTS),
                        ("b_sentences", _INTS), ("relation", _STR), ("score", _F)]),
    "facts": pa.schema([("story", _INT), ("a", _STR), ("b", _STR), ("kind", _STR),
                        ("category", _STR), ("value", _STR), ("text", _STR),
                        ("status", _STR), ("in_a", _INTS), ("in_b", _INTS)]),
    "quotes": pa.schema([("story", _INT), ("a", _STR), ("b", _STR), ("status", _STR),
                         ("score", _F), ("a_text", _STR), ("a_speaker", _STR),
                         ("b_text", _STR), ("b_speaker", _STR), ("note", _STR)]),
    "groups": pa.schema([("story", _INT), ("group", _INT), ("support", _STR),
                         ("carriers", _INT), ("id", _STR), ("sentences", _INTS),
                         ("text", _STR)]),
    "story_facts": pa.schema([("story", _INT), ("fact", _INT), ("kind", _STR),
                              ("category", _STR), ("value", _STR), ("text", _STR),
                              ("id", _STR), ("mark", _STR)]),
    "story_quotes": pa.schema([("story", _INT), ("quote", _INT), ("id", _STR),
                               ("speaker", _STR), ("verb", _STR), ("text", _STR),
                               ("against_first", _STR), ("sentences", _INTS)]),
}
_OUR_FILE = re.compile(r"(?:(?:articles|stories|pairs|links|facts|quotes|groups|story_facts"
                       r"|story_quotes)\.parquet"
                       r"|index\.html|story-\d+(?:-\d+)?\.html|problems\.txt)\Z")


def pack_page(page: str) -> bytes:
    """A page as a worker sends it and the client keeps it: UTF-8, zlib-compressed
    (a comparison page of 67 KB is about 12 KB)."""
    return zlib.compress(page.encode("utf-8"), 6)


class Pages(Mapping[str, str]):
    """The pages of a corpus by file name, held compressed (:func:`pack_page`) and
    given back as text."""

    def __init__(self, packed: Mapping[str, bytes]):
        self._packed = dict(packed)

    def __getitem__(self, name: str) -> str:
        return zlib.decompress(self._packed[name]).decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


_PAIR_TABLES = ("links", "facts", "quotes")
"""The tables with rows of each compared pair (:meth:`PairResult.rows`)."""


@dataclass(frozen=True)
class PairResult:
    """One compared pair as a worker sends it and the client keeps it (:meth:`of`):
    its articles' ids (``a`` the earlier), the verdict, each article's shares held
    verbatim and paraphrased in the other (``(id, verbatim, paraphrase)``), its rows of
    the ``links``, ``facts`` and ``quotes`` tables without the story and the ids (values
    in the tables' column order) and its page packed by :func:`pack_page` (empty for a
    pair of a collated story). Not the :class:`~compare.models.Comparison` (its two
    articles and every record, about 0.5 MB in memory): the client holds every compared
    pair until the tables are built."""

    a: str
    b: str
    verdict: str
    coverage: tuple[tuple[str, float, float], ...]
    links: tuple[tuple, ...] = ()
    facts: tuple[tuple, ...] = ()
    quotes: tuple[tuple, ...] = ()
    page: bytes = field(default=b"", repr=False)

    @classmethod
    def of(cls, c: Comparison, page: str = "") -> PairResult:
        """What the tables and pages need of the comparison ``c`` and its ``page``."""
        return cls(
            c.a.name, c.b.name, c.verdict.label,
            tuple((h.of, h.verbatim, h.paraphrase) for h in c.coverage),
            tuple((list(link.a), list(link.b), link.relation, float(link.score))
                  for link in c.links),
            tuple((d.kind, d.category, d.value, d.text, d.status, list(d.in_a), list(d.in_b))
                  for d in c.details),
            tuple((q.status, float(q.score), q.a.text if q.a else "",
                   q.a.speaker if q.a else "", q.b.text if q.b else "",
                   q.b.speaker if q.b else "", q.note) for q in c.quotes),
            pack_page(page) if page else b"")

    def held(self, name: str) -> tuple[float, float]:
        """The shares of article ``name`` held verbatim and paraphrased in the other."""
        return next((v, p) for of, v, p in self.coverage if of == name)

    def rows(self, story: int, columns: Mapping[str, Mapping[str, list]]) -> None:
        """Append this pair's rows of the ``links``, ``facts`` and ``quotes`` tables to
        their ``columns`` (a list per column by name): columns, not a dict a row, as
        a corpus has millions of rows (about 70 a compared pair)."""
        for name in _PAIR_TABLES:
            held = columns[name]
            for row in getattr(self, name):
                for column, value in zip(held.values(), (story, self.a, self.b, *row),
                                         strict=True):
                    column.append(value)


@dataclass(frozen=True)
class StoryResult:
    """One collated story as a worker sends it and the client keeps it (:meth:`of`):
    each pair of its reports (``(x, y)``, ``x < y`` in the collation's order, row by
    row), its rows of the ``groups``, ``story_facts`` and ``story_quotes`` tables (as
    dicts) and its many-reports page packed by :func:`pack_page`. Not the
    :class:`~compare.models.Collation`."""

    pairs: tuple[PairResult, ...]
    groups: tuple[dict, ...]
    facts: tuple[dict, ...]
    quotes: tuple[dict, ...]
    page: bytes = field(repr=False)

    @classmethod
    def of(cls, c: Collation, story: int, page: str) -> StoryResult:
        """What the tables and pages need of story ``story``'s collation ``c`` (its
        reports named by their articles' ids) and its ``page``."""
        n = len(c.reports)
        groups: list[dict] = []
        facts: list[dict] = []
        quotes: list[dict] = []
        _story_rows(story, [r.name for r in c.reports], c, groups, facts, quotes)
        return cls(tuple(PairResult.of(c.pair(x, y)) for x in range(n)
                         for y in range(x + 1, n)),
                   tuple(groups), tuple(facts), tuple(quotes), pack_page(page))


@dataclass(frozen=True)
class Corpus:
    """The result of :func:`compare.corpus.run`: the tables (``pyarrow.Table`` by name),
    the pages (HTML by file name), the skipped rows and failed pairs (one line each)."""

    tables: Mapping[str, pa.Table] = field(repr=False)
    pages: Mapping[str, str] = field(repr=False)
    """HTML by file name (:class:`Pages`: held compressed, given back as text)."""
    problems: tuple[str, ...] = ()
    seconds: Mapping[str, float] = field(default_factory=dict, repr=False, compare=False)
    """Wall seconds of each stage (prepare, candidates, score, compare, tables): a
    measurement, not an output; never written."""

    def timed(self, seconds: Mapping[str, float]) -> Corpus:
        """This corpus with the stage times ``seconds``."""
        return replace(self, seconds=dict(seconds))

    def frame(self, name: str):
        """Table ``name`` as a pandas DataFrame."""
        return self.tables[name].to_pandas()

    def __repr__(self) -> str:
        sizes = ", ".join(f"{self.tables[n].num_rows} {n}" for n in TABLES)
        return f"<Corpus: {sizes}; {len(self.problems)} problems>"


def _day(value: str) -> str:
    return value[:10]


@dataclass(frozen=True)
class ScoredPairs:
    """The candidate pairs as arrays, sorted by ``(i, j)`` with ``i < j`` (indices of
    articles): estimated Jaccard, same-story probability and whether accepted."""

    i: np.ndarray
    j: np.ndarray
    jaccard: np.ndarray
    score: np.ndarray
    accepted: np.ndarray


def build_corpus(rows, counts: Sequence[tuple[int, int]], story_of: Sequence[int],
                 scored: ScoredPairs, compared: Mapping[tuple[int, int], PairResult],
                 collated: Mapping[int, tuple[Sequence[int], StoryResult]], days,
                 problems: Sequence[str]) -> Corpus:
    """Assemble the tables and pages (deterministic: sorted by input order).

    ``counts`` holds each article's sentences and content words; ``scored`` the
    candidate pairs. ``compared`` maps ``(earlier, later)`` to its comparison;
    ``collated`` maps a story to its articles (in the collation's order) and its
    collation."""
    ids = [row.id for row in rows]
    articles = []
    for given, (sentences, words), story in zip(rows, counts, story_of, strict=True):
        articles.append({
            "id": given.id, "outlet": given.get("outlet"), "date": given.get("date"),
            "title": given.get("title"), "url": given.get("url"), "story": story,
            "sentences": sentences, "content_words": words,
        })
    members: dict[int, list[int]] = defaultdict(list)
    for index, story in enumerate(story_of):
        members[story].append(index)
    stories = []
    for story in sorted(members):
        chosen = members[story]
        dated = sorted((rows[i].get("date"), i) for i in chosen if rows[i].get("date"))
        first = dated[0][1] if dated else chosen[0]
        stories.append({
            "story": story, "size": len(chosen), "ids": [ids[i] for i in chosen],
            "outlets": sorted({rows[i].get("outlet") for i in chosen} - {""}),
            "first_date": dated[0][0] if dated else "", "last_date": dated[-1][0] if dated else "",
            "title": rows[first].get("title"),
        })
    pairs, done = _pairs_table(ids, story_of, scored, compared, days)
    columns: dict[str, dict[str, list]] = {
        name: {c: [] for c in SCHEMAS[name].names} for name in _PAIR_TABLES}
    for row, pair in done:
        compared[pair].rows(row["story"], columns)
    groups: list[dict] = []
    story_facts: list[dict] = []
    story_quotes: list[dict] = []
    for story in sorted(collated):
        whole = collated[story][1]
        groups += whole.groups
        story_facts += whole.facts
        story_quotes += whole.quotes
    tables = {
        "articles": articles, "stories": stories,
        "groups": groups, "story_facts": story_facts, "story_quotes": story_quotes,
    }
    built = {name: pairs if name == "pairs" else
             pa.Table.from_pydict(columns[name], schema=SCHEMAS[name])
             if name in _PAIR_TABLES else
             pa.Table.from_pylist(tables[name], schema=SCHEMAS[name]) for name in TABLES}
    pages = _pages(stories, [row for row, _ in done], compared, collated, ids)
    return Corpus(built, Pages(pages), tuple(problems))


def _pairs_table(ids: list[str], story_of: Sequence[int], scored: ScoredPairs,
                 compared: Mapping[tuple[int, int], PairResult], days
                 ) -> tuple[pa.Table, list[tuple[dict, tuple[int, int]]]]:
    """The ``pairs`` table, built by columns (a corpus has about six candidate pairs per
    article), and each compared pair's row (a dict, in table order) with its
    ``(earlier, later)``."""
    n = max(len(ids), 1)
    codes = scored.i * n + scored.j
    by_code = {min(p) * n + max(p): p for p in compared}
    extra = np.array(sorted(set(by_code) - set(codes[np.isin(codes, list(by_code))].tolist())),
                     dtype=np.int64)
    every = np.concatenate([codes, extra])
    order = np.argsort(every, kind="stable")
    every = every[order]
    i, j = every // n, every % n
    candidate = order < len(codes)
    story = np.asarray(story_of, dtype=np.int64)
    same = story[i] == story[j] if len(every) else np.zeros(0, bool)
    pad = np.zeros(len(extra))
    columns: dict[str, pa.Array] = {
        "a": pa.array(np.asarray(ids, dtype=object)[i], _STR),
        "b": pa.array(np.asarray(ids, dtype=object)[j], _STR),
        "story": pa.array(story[i], _INT, mask=~same),
        "jaccard": pa.array(np.concatenate([scored.jaccard, pad])[order], _F, mask=~candidate),
        "score": pa.array(np.concatenate([scored.score, pad])[order], _F, mask=~candidate),
        "accepted": pa.array(np.concatenate([scored.accepted.astype(bool),
                                             np.zeros(len(extra), bool)])[order]),
    }
    size = len(every)
    first_id, later_id, verdict = (np.full(size, "", dtype=object) for _ in range(3))
    dated = np.zeros(size, dtype=bool)
    verbatim, paraphrase = np.zeros(size), np.zeros(size)
    done: list[tuple[dict, tuple[int, int]]] = []
    positions = np.flatnonzero(np.isin(every, list(by_code)))
    for k in positions.tolist():
        pair = by_code[int(every[k])]
        first, later = pair
        result = compared[pair]
        first_id[k], later_id[k], verdict[k] = ids[first], ids[later], result.verdict
        dated[k] = days[first] is not None and days[later] is not None and \
            days[first] < days[later]
        held, paraphrase[k] = result.held(ids[later])
        verbatim[k] = held
        done.append(({"story": int(story[i[k]]), "score": columns["score"][k].as_py(),
                      "compared": True, "first": first_id[k], "later": later_id[k],
                      "later_verbatim": held, "verdict": verdict[k]}, pair))
    shown = np.zeros(size, dtype=bool)
    shown[positions] = True
    columns.update({
        "compared": pa.array(shown), "first": pa.array(first_id, _STR),
        "later": pa.array(later_id, _STR), "dated": pa.array(dated),
        "later_verbatim": pa.array(verbatim, _F, mask=~shown),
        "later_paraphrase": pa.array(paraphrase, _F, mask=~shown),
        "verdict": pa.array(verdict, _STR),
    })
    return pa.Table.from_pydict(columns, schema=SCHEMAS["pairs"]), done


def _story_rows(story: int, names: Sequence[str], c: Collation, groups: list,
                facts: list, quotes: list) -> None:
    """The rows of one collation (report ``r`` is article ``names[r]``)."""
    from compare.present import FACT_CONFLICT, FACT_PRESENT, fact_matrix, report_labels
    from compare.tables import collation_quotes_frame

    for k, group in enumerate(c.groups):
        for r in group.reports:
            held = [s for rr, s in group.sentences if rr == r]
            groups.append({"story": story, "group": k, "support": group.support,
                           "carriers": len(group.reports), "id": names[r], "sentences": held,
                           "text": " ".join(c.reports[r].sentences[s].text for s in held)})
    marks = {FACT_PRESENT: "present", FACT_CONFLICT: "conflict"}
    for k, (fact, row) in enumerate(zip(c.facts, fact_matrix(c), strict=True)):
        for r, mark in enumerate(row):
            if int(mark) in marks:
                facts.append({"story": story, "fact": k, "kind": fact.kind,
                              "category": fact.category, "value": fact.value,
                              "text": fact.text, "id": names[r], "mark": marks[int(mark)]})
    frame = collation_quotes_frame(c)
    name_of = dict(zip(report_labels(c), names, strict=True))
    for q in frame.to_dict("records"):
        quotes.append({"story": story, "quote": int(q["quote"]), "id": name_of[q["report"]],
                       "speaker": q["speaker"], "verb": q["verb"], "text": q["text"],
                       "against_first": q["against_first"],
                       "sentences": [int(x) for x in q["sentences"]]})


# --- pages ------------------------------------------------------------------------------

def _page(title: str, body: str) -> str:
    from compare.render import escape

    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>body{{font-family:sans-serif;"
            f"max-width:60em;margin:2em auto}}td,th{{padding:.2em .6em;text-align:left;"
            f"vertical-align:top}}</style></head>\n<body>\n{body}\n</body></html>\n")


def _pages(stories, pairs, compared, collated, ids) -> dict[str, bytes]:
    """Each page packed by :func:`pack_page`: the workers' as they came, the index and
    the lists of a large story's pairs made here."""
    from compare.render import escape

    by_story: dict[int, list[dict]] = defaultdict(list)
    for row in pairs:
        if row["compared"]:
            by_story[row["story"]].append(row)
    results = {(ids[f], ids[s]): r.page for (f, s), r in compared.items()}
    pages: dict[str, bytes] = {}
    items = []
    for story in stories:
        if story["size"] < 2:
            continue
        number = story["story"]
        name = f"story-{number}.html"
        done = by_story.get(number, [])
        if number in collated:
            pages[name] = collated[number][1].page
        elif story["size"] == 2 and len(done) == 1:
            pages[name] = results[done[0]["first"], done[0]["later"]]
        else:
            rows = []
            for k, row in enumerate(done, 1):
                pages[f"story-{number}-{k}.html"] = results[row["first"], row["later"]]
                rows.append(
                    f'<tr><td><a href="story-{number}-{k}.html">{escape(row["first"])} / '
                    f'{escape(row["later"])}</a></td><td>{row["score"]:.2f}</td>'
                    f'<td>{row["later_verbatim"]:.0%}</td><td>{escape(row["verdict"])}</td></tr>')
            body = (f'<p><a href="index.html">All stories</a></p><h1>Story {number}: '
                    f'{escape(story["title"] or story["ids"][0])}</h1><p>'
                    f'{escape(", ".join(story["ids"]))}</p><table><tr><th>earlier / later</th>'
                    f"<th>same-story score</th><th>later held verbatim</th><th>verdict</th>"
                    f"</tr>{''.join(rows)}</table>")
            pages[name] = pack_page(_page(f"Story {number}", body))
        items.append(
            f'<tr><td><a href="{name}">Story {number}</a></td>'
            f'<td>{escape(story["title"] or story["ids"][0])}</td><td>{story["size"]}</td>'
            f'<td>{escape(", ".join(story["outlets"]))}</td>'
            f'<td>{escape(_day(story["first_date"]))}</td></tr>')
    alone = sum(1 for s in stories if s["size"] < 2)
    body = (f"<h1>Stories</h1><p>{len(items)} stories of two or more articles; {alone} "
            f"articles stand alone (in the tables, not listed here).</p><table><tr>"
            f"<th>story</th><th>title</th><th>articles</th><th>outlets</th><th>first</th>"
            f"</tr>{''.join(items)}</table>")
    pages["index.html"] = pack_page(_page("Stories", body))
    return pages


# --- writing ----------------------------------------------------------------------------

def check_out(out: str | Path, source: str | Path | None) -> Path:
    """The output folder, checked: not an input, not inside the input folder, and either
    absent or holding only files a corpus run writes; :class:`LoadError` otherwise."""
    target = Path(os.path.realpath(out))
    if source is not None:
        given = Path(os.path.realpath(source))
        if target == given or given.is_relative_to(target) or (
                given.is_dir() and target.is_relative_to(given)):
            raise LoadError(f"--out {out}: is or holds the input {source}; outputs never "
                            "overwrite inputs")
    if not target.parent.is_dir():
        raise LoadError(f"--out {out}: no folder {target.parent} (create it first)")
    if target.exists() and not (target.is_dir() and all(
            p.is_file() and _OUR_FILE.match(p.name) for p in target.iterdir())):
        raise LoadError(f"--out {out}: exists and holds files a corpus run did not write")
    return target


def write(corpus: Corpus, out: Path, log=None) -> None:
    """Write the tables and pages into a new folder beside ``out``, then put it in the
    place of ``out`` in one step (the old one is deleted only after that)."""
    import pyarrow.parquet as pq

    with new_folder(out) as staging:
        for name in TABLES:
            pq.write_table(corpus.tables[name], staging / f"{name}.parquet")
        for name, page in corpus.pages.items():
            (staging / name).write_text(page, encoding="utf-8")
        if corpus.problems:
            (staging / "problems.txt").write_text(
                "".join(f"{p}\n" for p in corpus.problems), encoding="utf-8")
    if log:
        log(f"corpus: wrote {len(TABLES)} tables and {len(corpus.pages)} pages to {out}")


def outlet_reuse(corpus: Corpus):
    """Reuse between outlets: one row per (earlier outlet, later outlet) with the
    compared pairs between them and the mean share of the later article found verbatim
    in the earlier one (``earlier`` / ``later`` by date, else input order; an article
    without an outlet counts as its id). A pandas DataFrame sorted by both outlets."""
    import pandas as pd

    articles = corpus.frame("articles")
    outlet = {i: (o or i) for i, o in zip(articles["id"], articles["outlet"], strict=True)}
    pairs = corpus.frame("pairs")
    pairs = pairs[pairs["compared"]]
    frame = pd.DataFrame({
        "earlier": [outlet[i] for i in pairs["first"]],
        "later": [outlet[i] for i in pairs["later"]],
        "verbatim": pairs["later_verbatim"].astype(float),
    })
    table = frame.groupby(["earlier", "later"], sort=True).agg(
        pairs=("verbatim", "size"), verbatim=("verbatim", "mean"))
    return table.reset_index()
