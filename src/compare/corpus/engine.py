"""The corpus pipeline on Dask's distributed scheduler.

1. each row becomes a :class:`~compare.models.Prepared` report on a worker, where it
   stays (futures; never recomputed per pair), and a small :class:`Sketch` comes back;
2. candidate pairs from datasketch's MinHash LSH (:func:`sketch.candidate_pairs`);
3. each candidate pair gets the calibrated same-story score (:func:`compare.story.score`)
   on the workers holding the reports; stories are the connected components of the
   accepted pairs (:mod:`stories`);
4. inside each story, on the workers: a story of 3 to ``max_collate`` articles is
   collated (:func:`compare.collate.collate`, its reports ordered by date, and its
   many-reports page); a two-article story is one comparison (:func:`compare.compare`)
   and its page; a larger story has its best accepted pairs compared. Every compared
   pair keeps its reuse direction (which article appeared first and how much of the
   later one it holds verbatim);
5. the tables and pages are assembled here (:mod:`compare.corpus.tables`).

With no client or scheduler address a :class:`distributed.LocalCluster` is started
in-process (``workers`` processes of ``threads`` threads on 127.0.0.1);
``single=True`` runs the same graph in this one process.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from compare.corpus.options import DEFAULT as DEFAULT_OPTIONS
from compare.corpus.options import CorpusOptions
from compare.corpus.rows import Row, parse_date, read_corpus
from compare.corpus.sketch import Sketch, candidate_pairs, sketch
from compare.corpus.stories import components
from compare.corpus.tables import Corpus, PairResult, StoryResult, build_corpus
from compare.io import LoadError
from compare.models import Prepared
from compare.settings import DEFAULT as DEFAULT_SETTINGS
from compare.settings import Settings

Log = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _quiet(line: str) -> None:
    pass


# --- tasks (run on the workers) -------------------------------------------------------

def _prepare_row(row: Row, settings: Settings) -> Prepared | str:
    """The prepared report of ``row``, or why it cannot be prepared."""
    from compare.prepare import prepare

    try:
        return prepare(row.article(), settings)
    except ValueError as exc:
        return f"{row.id}: {exc}"


def _sketch(prepared: Prepared | str, options: CorpusOptions) -> Sketch | str:
    return prepared if isinstance(prepared, str) else sketch(prepared, options)


def _score_many(first: Prepared, others: list[Prepared]) -> list[tuple[float, bool]]:
    """The same-story probability and decision of ``first`` with each of ``others``."""
    from compare.story import score

    found = [score(first, other) for other in others]
    return [(s.probability, s.same_event) for s in found]


def _compare_pair(a: Prepared, b: Prepared, settings: Settings) -> PairResult | str:
    """The comparison of ``a`` (the earlier) with ``b`` and its page, or why it failed."""
    from compare.pipeline import compare
    from compare.render import comparison_html

    try:
        result = compare(a, b, settings=settings)
        return PairResult(result, comparison_html(result))
    except Exception as exc:  # one pair's failure must not lose the corpus
        names = f"{a.article.name} / {b.article.name}"
        return f"{names}: comparison failed ({type(exc).__name__}: {exc})"


def _collate_story(reports: list[Prepared], number: int, title: str,
                   settings: Settings) -> StoryResult | str:
    """The collation of one story's reports (earliest first) and its page, or why it
    failed."""
    from compare.collate import collate
    from compare.render import collation_html

    try:
        collation = collate(reports, settings=settings)
        page = collation_html(collation, title=f"Story {number}: {title}",
                              back_link="index.html")
        return StoryResult(collation, page)
    except Exception as exc:  # one story's failure must not lose the corpus
        return f"story {number}: collation failed ({type(exc).__name__}: {exc})"


# --- the client -----------------------------------------------------------------------

@contextlib.contextmanager
def open_client(
    scheduler: str | None = None, *, workers: int = 2, threads: int = 1, single: bool = False,
    log: Log = _stderr,
) -> Iterator:
    """A :class:`distributed.Client`: on the cluster at ``scheduler``, else on a local
    cluster started here (closed on exit) and its dashboard address printed."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            remote = Client(scheduler, timeout=10)
        except (OSError, ValueError) as exc:
            raise LoadError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        with remote as client:
            log(f"corpus: scheduler {scheduler}; dashboard {client.dashboard_link or 'off'}")
            yield client
        return
    try:
        import bokeh  # noqa: F401  (the dashboard needs it)

        dashboard: str | None = "127.0.0.1:0"
    except ImportError:
        dashboard = None
    # in one process the scheduler and worker talk in memory (no host to bind)
    where_to = {} if single else {"host": "127.0.0.1"}
    cluster = LocalCluster(
        n_workers=1 if single else workers, threads_per_worker=threads,
        processes=not single, dashboard_address=dashboard, **where_to,
    )
    with cluster, Client(cluster) as client:
        where = "one process" if single else f"{workers} worker processes x {threads} threads"
        link = client.dashboard_link if dashboard else "off (install bokeh for it)"
        log(f"corpus: local cluster, {where}; dashboard {link}")
        yield client


def _wait(futures: Sequence, label: str, log: Log) -> list:
    """The futures' results in order, with a count on ``log`` as they finish."""
    from distributed import as_completed

    total = len(futures)
    for done, _ in enumerate(as_completed(futures), 1):
        if done * 10 // total != (done - 1) * 10 // total:  # each tenth
            log(f"corpus: {label} {done}/{total}")
    return [f.result() for f in futures]


# --- the pipeline ---------------------------------------------------------------------

def run(
    source: str | Path | Sequence[Row],
    out: str | Path | None = None,
    *,
    client=None,
    scheduler: str | None = None,
    workers: int = 2,
    threads: int = 1,
    single: bool = False,
    options: CorpusOptions = DEFAULT_OPTIONS,
    settings: Settings = DEFAULT_SETTINGS,
    compare_stories: bool = True,
    log: Log | None = _stderr,
) -> Corpus:
    """Group the articles of ``source`` (a folder, a JSONL/CSV/Parquet table or rows
    already read) into stories and compare the articles of each story.

    Runs on ``client`` when given, else on the cluster at ``scheduler``, else on a local
    cluster of ``workers`` processes (``single``: one process). With ``out`` the tables
    and pages are written there (see :func:`compare.corpus.tables.write`). With
    ``compare_stories=False`` only the stories are found (no comparison, no pages).
    """
    log = log or _quiet
    if isinstance(source, str | Path):
        out_dir = None
        if out is not None:
            from compare.corpus.tables import check_out

            out_dir = check_out(out, source)
        rows, problems = read_corpus(source)
    else:
        rows, problems, out_dir = list(source), [], None
    for line in problems:
        log(f"corpus: skipped {line}")
    if not rows:
        raise LoadError(f"{source}: no article could be read")
    if client is None:
        with open_client(scheduler, workers=workers, threads=threads, single=single,
                         log=log) as own:
            corpus = _pipeline(own, rows, problems, options, settings, compare_stories, log)
    else:
        corpus = _pipeline(client, rows, problems, options, settings, compare_stories, log)
    if out is not None:
        from compare.corpus.tables import check_out, write

        write(corpus, out_dir or check_out(out, None), log)
    return corpus


def _pipeline(client, rows: list[Row], problems: list[str], options: CorpusOptions,
              settings: Settings, compare_stories: bool, log: Log) -> Corpus:
    problems = list(problems)
    clock = _Clock()
    prepared = client.map(_prepare_row, rows, settings=settings, pure=False)
    sketches = _wait(client.map(_sketch, prepared, options=options, pure=False),
                     "prepared", log)
    keep = [i for i, s in enumerate(sketches) if not isinstance(s, str)]
    problems += [f"{s}; skipped" for s in sketches if isinstance(s, str)]
    rows = [rows[i] for i in keep]
    prepared = [prepared[i] for i in keep]
    kept: list[Sketch] = [sketches[i] for i in keep]
    days = []
    for row in rows:
        when = parse_date(row.get("date"))
        days.append(None if when is None else when.timestamp() / 86400)
    clock.lap("prepare")
    pairs = candidate_pairs(kept, days, options)
    clock.lap("candidates")
    per_article = 2 * len(pairs) / max(len(rows), 1)
    log(f"corpus: {len(pairs)} candidate pairs ({per_article:.1f} per article; each "
        f"article proposes at most {options.max_candidates})")

    partners: dict[int, list[int]] = defaultdict(list)
    for i, j, _ in pairs:
        partners[i].append(j)
    order = sorted(partners)
    tasks = [client.submit(_score_many, prepared[i], [prepared[j] for j in partners[i]],
                           pure=False) for i in order]
    scored = _wait(tasks, "scored", log)
    clock.lap("score")
    found = {(i, j): s for i, got in zip(order, scored, strict=True)
             for j, s in zip(partners[i], got, strict=True)}
    score = {pair: probability for pair, (probability, _) in found.items()}
    threshold = options.story_threshold
    accepted = [(i, j) for i, j, _ in pairs
                if (found[i, j][1] if threshold is None else score[i, j] >= threshold)]
    story_of = components(len(rows), accepted)
    log(f"corpus: {len(accepted)} pairs accepted; {len(set(story_of))} stories "
        f"({sum(1 for k in set(story_of) if story_of.count(k) > 1)} of two or more articles)")

    compared: dict[tuple[int, int], PairResult] = {}
    collated: dict[int, tuple[tuple[int, ...], StoryResult]] = {}
    if compare_stories:
        members: dict[int, list[int]] = defaultdict(list)
        for index, story in enumerate(story_of):
            members[story].append(index)
        whole = {story: tuple(sorted(m, key=lambda k: _when(days, k)))
                 for story, m in sorted(members.items()) if 3 <= len(m) <= options.max_collate}
        chosen = [p for p in _chosen_pairs(accepted, score, story_of, options)
                  if story_of[p[0]] not in whole]
        firsts = [_first(rows, days, i, j) for i, j in chosen]
        futures = [client.submit(_compare_pair, prepared[a], prepared[b], settings, pure=False)
                   for a, b in firsts]
        stories = [client.submit(_collate_story, [prepared[k] for k in m], story,
                                 rows[m[0]].get("title") or rows[m[0]].id, settings,
                                 pure=False) for story, m in whole.items()]
        results = _wait(futures + stories, "compared", log)
        for (a, b), result in zip(firsts, results[:len(firsts)], strict=True):
            if isinstance(result, str):
                problems.append(result)
            else:
                compared[a, b] = result
        for (story, m), result in zip(whole.items(), results[len(firsts):], strict=True):
            if isinstance(result, str):
                problems.append(result)
                continue
            collated[story] = (m, result)
            for x in range(len(m)):
                for y in range(x + 1, len(m)):
                    compared[m[x], m[y]] = PairResult(result.collation.pair(x, y))
        clock.lap("compare")
    jaccard = {(i, j): v for i, j, v in pairs}
    corpus = build_corpus(rows, kept, story_of, jaccard, score, set(accepted), compared,
                          collated, days, problems)
    clock.lap("tables")
    return corpus.timed(clock.seconds)


class _Clock:
    """Wall seconds of each stage, for the benchmarks (not part of the output)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = now - self._last
        self._last = now


def _chosen_pairs(accepted, score, story_of, options: CorpusOptions) -> list[tuple[int, int]]:
    """The accepted pairs compared one by one: per story, the ``max_story_pairs``
    highest same-story probabilities."""
    by_story: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pair in accepted:
        by_story[story_of[pair[0]]].append(pair)
    chosen = []
    for story in sorted(by_story):
        ranked = sorted(by_story[story], key=lambda p: (-score[p], p))
        chosen += sorted(ranked[: options.max_story_pairs])
    return chosen


def _when(days: list[float | None], k: int) -> tuple[bool, float, int]:
    """Sort key of a story's reports: dated ones by date, then the undated, each in
    input order (the collation's report ``a`` of a pair is the earlier)."""
    day = days[k]
    return day is None, day or 0.0, k


def _first(rows: list[Row], days: list[float | None], i: int, j: int) -> tuple[int, int]:
    """``(earlier, later)`` by date; input order when the dates are equal or missing."""
    day_i, day_j = days[i], days[j]
    if day_i is not None and day_j is not None and day_j < day_i:
        return j, i
    return i, j
