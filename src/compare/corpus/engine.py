"""The corpus pipeline on Dask's distributed scheduler.

1. the rows are cut into partitions of ``partition_size`` articles, one task each; a
   worker prepares each article (:class:`~compare.models.Prepared`, about 128 KB) and
   keeps only what grouping needs: a small :class:`Sketch` and the article's
   :class:`compare.story.StoryProfile` (a few KB) come back, the prepared report is
   dropped, so a worker's memory does not grow with the corpus;
2. candidate pairs from MinHash LSH over one signature matrix, datasketch's bands with
   a bound on a bucket's size (:func:`sketch.candidate_pairs`: the work per article is
   bounded); the client keeps each article's signature, two counts and its pickled
   profile (a few KB), nothing larger;
3. the candidate pairs, in batches by partition, get the calibrated same-story score
   (:func:`compare.story.score` on the two profiles: the same score as on the prepared
   reports); stories by average linkage over the scored pairs (:mod:`stories`);
4. inside each story, on the workers (whole stories batched into tasks of about
   ``compare_batch`` articles, each article prepared again there, once per task): a
   story of 3 to ``max_collate`` articles is
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
import pickle
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare.corpus.options import DEFAULT as DEFAULT_OPTIONS
from compare.corpus.options import CorpusOptions
from compare.corpus.rows import Row, parse_date, read_corpus
from compare.corpus.sketch import Sketch, candidate_arrays, signatures, sketch
from compare.corpus.stories import group
from compare.corpus.tables import Corpus, PairResult, ScoredPairs, StoryResult, build_corpus
from compare.io import LoadError
from compare.models import Prepared
from compare.settings import DEFAULT as DEFAULT_SETTINGS
from compare.settings import Settings
from compare.story import StoryProfile

Log = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _quiet(line: str) -> None:
    pass


# --- tasks (run on the workers) -------------------------------------------------------

def _prepare_row(row: Row, settings: Settings) -> Prepared | str:
    """The prepared report of ``row``, or why it cannot be prepared (a text the
    segmenter refuses, or a fault of the preparing code on this one text: it is
    reported and skipped, and the corpus goes on)."""
    from compare.prepare import prepare

    try:
        return prepare(row.article(), settings)
    except ValueError as exc:
        return f"{row.id}: {exc}"
    except Exception as exc:  # one article's failure must not lose the corpus
        return f"{row.id}: preparing failed ({type(exc).__name__}: {exc})"


def _profile_part(rows: list[Row], settings: Settings, options: CorpusOptions
                  ) -> list[tuple[Sketch, bytes] | str]:
    """Each row's sketch and story profile, pickled and compressed (its prepared report
    is dropped), or why it cannot be prepared. The client keeps these 1-2 KB of bytes,
    not the profile's tuples of strings (about 17 KB in memory); a scoring task
    unpacks them (about 20 microseconds a profile)."""
    from compare.story import profile

    found: list[tuple[Sketch, bytes] | str] = []
    for row in rows:
        prepared = _prepare_row(row, settings)
        found.append(prepared if isinstance(prepared, str)
                     else (sketch(prepared, options), _pack(profile(prepared))))
    return found


def _pack(profile: StoryProfile) -> bytes:
    """A story profile pickled and compressed (zlib level 1: half the bytes)."""
    return zlib.compress(pickle.dumps(profile, pickle.HIGHEST_PROTOCOL), 1)


def _score_part(profiles: dict[int, bytes], pairs: list[tuple[int, int]]
                ) -> tuple[np.ndarray, np.ndarray]:
    """The same-story probability and decision of each pair (indices into
    ``profiles``, :class:`~compare.story.StoryProfile` records packed by
    :func:`_pack`), as arrays."""
    from compare.story import score

    held = {k: pickle.loads(zlib.decompress(v)) for k, v in profiles.items()}
    found = [score(held[i], held[j]) for i, j in pairs]
    return (np.array([s.probability for s in found], dtype=np.float64),
            np.array([s.same_event for s in found], dtype=bool))


def _compare_pair(a: Prepared, b: Prepared, settings: Settings) -> PairResult | str:
    """The comparison of ``a`` (the earlier) with ``b`` and its page, or why it failed."""
    from compare.pipeline import compare
    from compare.render import comparison_html

    try:
        result = compare(a, b, settings=settings)
        return PairResult.of(result, comparison_html(result))
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
        return StoryResult.of(collation, number, page)
    except Exception as exc:  # one story's failure must not lose the corpus
        return f"story {number}: collation failed ({type(exc).__name__}: {exc})"


@dataclass(frozen=True)
class _Work:
    """One story's comparisons: its articles (``rows`` by index) and either the whole
    story to collate (``order``: its articles earliest first) or ``pairs`` to compare,
    each ``(earlier, later)``."""

    story: int
    title: str
    rows: tuple[tuple[int, Row], ...]
    order: tuple[int, ...] = ()
    pairs: tuple[tuple[int, int], ...] = ()


def _compare_batch(works: list[_Work], settings: Settings
                   ) -> list[StoryResult | list[PairResult | str] | str]:
    """Each story's collation, or the comparisons of its pairs: its articles are
    prepared again here, once, and dropped when the story is done."""
    results: list[StoryResult | list[PairResult | str] | str] = []
    for work in works:
        prepared = {k: _prepare_row(row, settings) for k, row in work.rows}
        failed = sorted({p for p in prepared.values() if isinstance(p, str)})
        if failed:
            results.append(f"story {work.story}: {'; '.join(failed)}")
        elif work.order:
            results.append(_collate_story([prepared[k] for k in work.order],  # type: ignore[misc]
                                          work.story, work.title, settings))
        else:
            results.append([_compare_pair(prepared[a], prepared[b], settings)  # type: ignore[arg-type]
                            for a, b in work.pairs])
    return results


# --- the client -----------------------------------------------------------------------

@contextlib.contextmanager
def open_client(
    scheduler: str | None = None, *, workers: int = 2, threads: int = 1, single: bool = False,
    profile: bool = False, log: Log = _stderr,
) -> Iterator:
    """A :class:`distributed.Client`: on the cluster at ``scheduler``, else on a local
    cluster started here (closed on exit) and its dashboard address printed.

    The local cluster's workers run without Dask's statistical profiler unless
    ``profile`` (the dashboard's Profile page): it keeps the last 1,000 one-second
    profiles of the running code, 50-100 KB each on the preparing code, so a worker
    grew by about 100 MB over a run's first 17 minutes, whatever the corpus size
    (benchmarks/README.md, "memory per worker"). A cluster at ``scheduler`` keeps its
    own configuration."""
    import dask
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
    # the workers (and their nannies) read the configuration when they are made
    with dask.config.set({"distributed.worker.profile.enabled": profile}):
        cluster = LocalCluster(
            n_workers=1 if single else workers, threads_per_worker=threads,
            processes=not single, dashboard_address=dashboard, **where_to,
        )
    with cluster, Client(cluster) as client:
        where = "one process" if single else f"{workers} worker processes x {threads} threads"
        link = client.dashboard_link if dashboard else "off (install bokeh for it)"
        log(f"corpus: local cluster, {where}; dashboard {link}")
        yield client


def _stream(client, function: Callable, arguments: Sequence[tuple], label: str, log: Log,
            *, in_flight: int) -> list:
    """``function(*each)`` for each of ``arguments`` on the cluster, the results in order.

    At most ``in_flight`` tasks are submitted at a time (the next one when one finishes),
    so neither the graph nor a worker holds more than a few batches' inputs whatever the
    corpus size; a count goes to ``log`` each tenth. The first argument of each (the
    bulky one: rows, profiles, stories) is scattered to a worker, not sent in the task
    graph: the scheduler kept each submitted graph's arguments after the task was
    released (about 1 MB a scoring batch: +1 GB on the client at 100,000 articles).
    """
    from distributed import as_completed

    total = len(arguments)
    results: list = [None] * total
    slot: dict = {}
    queue = as_completed()

    def submit(index: int) -> None:
        first, *rest = arguments[index]
        [sent] = client.scatter([first], hash=False)  # a list: one future
        future = client.submit(function, sent, *rest, pure=False)
        slot[future.key] = index, sent
        queue.add(future)

    for index in range(min(in_flight, total)):
        submit(index)
    following = min(in_flight, total)
    for done, future in enumerate(queue, 1):
        index, sent = slot.pop(future.key)
        results[index] = future.result()
        future.release()
        sent.release()
        if following < total:
            submit(following)
            following += 1
        if done * 10 // total != (done - 1) * 10 // total:  # each tenth
            log(f"corpus: {label} {done}/{total}")
    return results


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


class _LazyBatches(Sequence):
    """The arguments of each scoring task, made when the task is submitted: its pairs
    (``batches`` of positions in ``first`` and ``second``) and the pickled profiles of
    their articles (never all batches' copies at once)."""

    def __init__(self, batches: list[range], first: np.ndarray, second: np.ndarray,
                 profiles: list[bytes]):
        self.batches, self.first, self.second = batches, first, second
        self.profiles = profiles

    def __len__(self) -> int:
        return len(self.batches)

    def __getitem__(self, index):
        part = self.batches[index]
        batch = list(zip(self.first[part.start:part.stop].tolist(),
                         self.second[part.start:part.stop].tolist(), strict=True))
        return {k: self.profiles[k] for pair in batch for k in pair}, batch


def _parts(n: int, size: int) -> list[range]:
    """``range(n)`` cut into consecutive parts of at most ``size``."""
    return [range(start, min(start + size, n)) for start in range(0, n, size)]


def _pipeline(client, rows: list[Row], problems: list[str], options: CorpusOptions,
              settings: Settings, compare_stories: bool, log: Log) -> Corpus:
    problems = list(problems)
    clock = _Clock()
    threads = max(sum(client.nthreads().values()), 1)
    size = min(options.partition_size, -(-len(rows) // threads))  # keep every thread busy
    parts = _parts(len(rows), size)
    log(f"corpus: {len(rows)} articles in {len(parts)} partitions of at most {size}")
    in_flight = 2 * threads
    found = _stream(client, _profile_part,
                    [(rows[p.start:p.stop], settings, options) for p in parts],
                    "prepared partitions", log, in_flight=in_flight)
    made = [item for part in found for item in part]
    keep = [i for i, s in enumerate(made) if not isinstance(s, str)]
    problems += [f"{s}; skipped" for s in made if isinstance(s, str)]
    rows = [rows[i] for i in keep]
    sketches: list[Sketch] = [made[i][0] for i in keep]
    values = signatures(sketches, options.num_perm)
    counts = [(s.sentences, s.content_words) for s in sketches]
    profiles: list[bytes] = [made[i][1] for i in keep]
    del found, made, sketches
    days = []
    for row in rows:
        when = parse_date(row.get("date"))
        days.append(None if when is None else when.timestamp() / 86400)
    clock.lap("prepare")
    ci, cj, jaccard = candidate_arrays(values, days, options)
    del values
    clock.lap("candidates")
    per_article = 2 * len(ci) / max(len(rows), 1)
    log(f"corpus: {len(ci)} candidate pairs ({per_article:.1f} per article; each "
        f"article proposes at most {options.max_candidates})")

    batches = _parts(len(ci), options.partition_size)
    scored = _stream(client, _score_part, _LazyBatches(batches, ci, cj, profiles),
                     "scored batches", log, in_flight=in_flight)
    clock.lap("score")
    probability = np.concatenate([p for p, _ in scored]) if scored else np.zeros(0)
    if options.story_threshold is None:
        from compare.story import parameters

        threshold = float(parameters()["threshold"])
        chosen = np.concatenate([d for _, d in scored]) if scored else np.zeros(0, bool)
    else:
        threshold = options.story_threshold
        chosen = probability >= threshold
    del scored
    story_of = group(len(rows), zip(ci.tolist(), cj.tolist(), probability.tolist(),
                                    strict=True), threshold, options.linkage)
    sizes = Counter(story_of)
    log(f"corpus: {int(chosen.sum())} pairs accepted; {len(sizes)} stories "
        f"({sum(1 for size in sizes.values() if size > 1)} of two or more articles, "
        f"{options.linkage} linkage)")
    scored_pairs = ScoredPairs(ci, cj, jaccard, probability, chosen)

    compared: dict[tuple[int, int], PairResult] = {}
    collated: dict[int, tuple[tuple[int, ...], StoryResult]] = {}
    if compare_stories:
        accepted = list(zip(ci[chosen].tolist(), cj[chosen].tolist(), strict=True))
        score = dict(zip(accepted, probability[chosen].tolist(), strict=True))
        works = _works(rows, days, story_of, accepted, score, options)
        batched = _batches(works, options.compare_batch)
        results = _stream(client, _compare_batch, [(batch, settings) for batch in batched],
                          "compared batches", log, in_flight=in_flight)
        for work, result in zip(works, (r for got in results for r in got), strict=True):
            if isinstance(result, str):
                problems.append(result)
            elif isinstance(result, StoryResult):
                m = work.order
                collated[work.story] = (m, result)
                inside = ((m[x], m[y]) for x in range(len(m)) for y in range(x + 1, len(m)))
                compared.update(zip(inside, result.pairs, strict=True))
            else:
                for pair, one in zip(work.pairs, result, strict=True):
                    if isinstance(one, str):
                        problems.append(one)
                    else:
                        compared[pair] = one
        clock.lap("compare")
    corpus = build_corpus(rows, counts, story_of, scored_pairs, compared, collated, days,
                          problems)
    clock.lap("tables")
    return corpus.timed(clock.seconds)


def _works(rows: list[Row], days: list[float | None], story_of: list[int],
           accepted: list[tuple[int, int]], score: dict[tuple[int, int], float],
           options: CorpusOptions) -> list[_Work]:
    """The comparisons to make, story by story (in story order): a story of 3 to
    ``max_collate`` articles collated whole; in the others, the chosen accepted pairs."""
    members: dict[int, list[int]] = defaultdict(list)
    for index, story in enumerate(story_of):
        members[story].append(index)
    works = []
    chosen: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in _chosen_pairs(accepted, score, story_of, options):
        chosen[story_of[i]].append(_first(rows, days, i, j))
    for story, m in sorted(members.items()):
        first = rows[m[0]]
        title = first.get("title") or first.id
        if 3 <= len(m) <= options.max_collate:
            order = tuple(sorted(m, key=lambda k: _when(days, k)))
            works.append(_Work(story, title, tuple((k, rows[k]) for k in m), order=order))
        elif chosen.get(story):
            used = sorted({k for pair in chosen[story] for k in pair})
            works.append(_Work(story, title, tuple((k, rows[k]) for k in used),
                               pairs=tuple(chosen[story])))
    return works


def _batches(works: list[_Work], size: int) -> list[list[_Work]]:
    """Consecutive stories in tasks of about ``size`` articles (a larger story alone)."""
    batches: list[list[_Work]] = []
    held = 0
    for work in works:
        if not batches or held + len(work.rows) > size:
            batches.append([])
            held = 0
        batches[-1].append(work)
        held += len(work.rows)
    return batches


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
    highest same-story probabilities (an accepted pair whose articles ended in two
    stories is not compared)."""
    by_story: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pair in accepted:
        if story_of[pair[0]] == story_of[pair[1]]:
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
