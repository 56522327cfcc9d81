"""The corpus pipeline on Dask's distributed scheduler.

1. each row becomes a :class:`~compare.models.Prepared` report on a worker, where it
   stays (futures; never recomputed per pair), and a small :class:`Sketch` comes back;
2. candidate pairs from datasketch's MinHash LSH (:func:`sketch.candidate_pairs`);
3. each candidate pair gets the same-story score on the workers holding the reports;
   stories are the connected components of the accepted pairs (:mod:`stories`);
4. the accepted pairs of each story are compared in full (:func:`compare.compare`) on
   the workers, each with its reuse direction (which article appeared first and how much
   of the later one it holds verbatim) and its page;
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
from compare.corpus.sketch import Sketch, candidate_pairs, idf, sketch, story_score
from compare.corpus.stories import components
from compare.corpus.tables import Corpus, PairResult, build_corpus
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


def _score_many(first: Prepared, others: list[Prepared], weights) -> list[float]:
    return [story_score(first, other, weights) for other in others]


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

    # one future for the whole mapping (scattering a dict would make one per stem)
    [weights] = client.scatter([idf(kept)], broadcast=True)
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j, _ in pairs:
        partners[i].append(j)
    order = sorted(partners)
    tasks = [client.submit(_score_many, prepared[i], [prepared[j] for j in partners[i]],
                           weights, pure=False) for i in order]
    scored = _wait(tasks, "scored", log)
    clock.lap("score")
    score = {(i, j): s for i, found in zip(order, scored, strict=True)
             for j, s in zip(partners[i], found, strict=True)}
    accepted = [(i, j) for i, j, _ in pairs if score[i, j] >= options.story_threshold]
    story_of = components(len(rows), accepted)
    log(f"corpus: {len(accepted)} pairs accepted; {len(set(story_of))} stories "
        f"({sum(1 for k in set(story_of) if story_of.count(k) > 1)} of two or more articles)")

    compared: dict[tuple[int, int], PairResult] = {}
    if compare_stories:
        chosen = _chosen_pairs(accepted, score, story_of, options)
        firsts = [_first(rows, days, i, j) for i, j in chosen]
        futures = [client.submit(_compare_pair, prepared[a], prepared[b], settings, pure=False)
                   for a, b in firsts]
        for (a, b), result in zip(firsts, _wait(futures, "compared", log), strict=True):
            if isinstance(result, str):
                problems.append(result)
            else:
                compared[a, b] = result
        clock.lap("compare")
    jaccard = {(i, j): v for i, j, v in pairs}
    corpus = build_corpus(rows, kept, story_of, jaccard, score, options, compared, days,
                          problems)
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
    """The accepted pairs compared in full: per story, the ``max_story_pairs`` highest
    same-story scores."""
    by_story: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pair in accepted:
        by_story[story_of[pair[0]]].append(pair)
    chosen = []
    for story in sorted(by_story):
        ranked = sorted(by_story[story], key=lambda p: (-score[p], p))
        chosen += sorted(ranked[: options.max_story_pairs])
    return chosen


def _first(rows: list[Row], days: list[float | None], i: int, j: int) -> tuple[int, int]:
    """``(earlier, later)`` by date; input order when the dates are equal or missing."""
    day_i, day_j = days[i], days[j]
    if day_i is not None and day_j is not None and day_j < day_i:
        return j, i
    return i, j
