"""Corpus mode (compare.corpus on dask.distributed): story grouping, reuse and scale.

    python benchmarks/bench_corpus.py [--data ../shared/bench] [--parts quality,reuse,scale]
                                      [--sizes 1000,10000] [--workers 2]

- quality: ECB+ topics 1-35 (772 articles, all mixed; gold: subtopic) and BASIL (80
  events x 3 outlets, all mixed). Our pipeline (MinHash LSH candidates +
  compare.story.score) grouped by single linkage (connected components) or average
  linkage (compare.corpus.stories), with or without a date window (BASIL has dates,
  ECB+ none), against a baseline (scikit-learn TF-IDF cosine over ALL pairs, single
  linkage). Each method's threshold (and window) is FITTED on the ODD ECB+ topics and
  the FIRST half of the BASIL events (uuids sorted): the best B-cubed F1 plus share of
  triplets recovered exactly; REPORTED on the even topics (B-cubed, ARI) and the
  second half of the events (triplets recovered exactly). data/story.json (the score)
  was fitted by training/fit_story.py on the same parts.
- reuse: the Clough & Stevenson answers (tasks a-e) and their five Wikipedia sources in
  one corpus; a pair (source, answer) is found when the two are compared in one story
  and the verdict is not "independent". Precision and recall against the answers
  labelled cut / light / heavy (the "non" answers must not be linked).
- scale: corpora of N articles SAMPLED from the real ECB+ and BASIL articles with light
  edits (each copy drops one sentence in ten and swaps a few words, so no two texts are
  identical); wall time, articles/s, candidate pairs per article and peak memory per
  worker, for one process and for a local cluster of 2 worker processes. Stories are
  found and the accepted pairs compared in full.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from compare.corpus import CorpusOptions, Row, open_client, run
from compare.corpus.rows import parse_date
from compare.corpus.stories import group

OWN = CorpusOptions(story_threshold=None)
"""The quality runs: ``accepted`` is story.score's own decision; the probability of every
candidate pair is kept, and the grouping is redone here at each threshold of the grid."""
GRID = [round(x, 3) for x in np.arange(0.05, 0.976, 0.025)]
WINDOWS = (None, 1.0, 2.0, 3.0)
"""Date windows (days) tried on BASIL, whose articles have dates (ECB+'s have none)."""


# --- data -----------------------------------------------------------------------------

def ecb_rows(data: Path) -> tuple[list[Row], list[str], list[int]]:
    rows, gold, topics = [], [], []
    with (data / "ecbplus" / "ecbplus_train_dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            rows.append(Row(doc["doc"], " ".join(doc["sentences"])))
            gold.append(doc["subtopic"])
            topics.append(int(doc["topic"]))
    return rows, gold, topics


def basil_rows(data: Path) -> tuple[list[Row], list[str]]:
    rows, gold = [], []
    for path in sorted((data / "basil" / "articles").rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(p if isinstance(p, str) else " ".join(p)
                           for p in doc["body-paragraphs"])
        if not text.strip():
            continue
        meta = (("outlet", doc["source"]), ("date", doc["date"][:10]))
        rows.append(Row(path.stem, text, meta))
        gold.append(doc["triplet-uuid"])
    return rows, gold


def clough_rows(data: Path) -> tuple[list[Row], dict[str, str]]:
    folder = data / "clough-stevenson"
    rows, label = [], {}
    for line in (folder / "file_information.csv").read_text(encoding="utf-8").splitlines()[1:]:
        name, task, category = line.split(",")
        label[name] = f"{task}:{category}"
    for path in sorted(folder.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        if text.strip():
            rows.append(Row(path.name, text))
    return rows, label


# --- scores ---------------------------------------------------------------------------

def bcubed(pred: list[int], gold: list[str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold, strict=True):
        both = len(by_pred[p] & by_gold[g])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    n = len(pred)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def ari(pred: list[int], gold: list[str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(gold, pred))


def groups_at(n: int, pairs: list[tuple[int, int, float]], threshold: float,
              linkage: str = "single") -> list[int]:
    return group(n, pairs, threshold, linkage)


def pipeline_pairs(corpus, rows: list[Row]) -> list[tuple[int, int, float]]:
    index = {row.id: k for k, row in enumerate(rows)}
    frame = corpus.frame("pairs")
    return [(index[a], index[b], s) for a, b, s in zip(frame["a"], frame["b"], frame["score"],
                                                       strict=True)]


def shipped_pairs(corpus, rows: list[Row]) -> list[tuple[int, int, float]]:
    """The pairs the pipeline accepted (score 1.0: kept at any threshold)."""
    index = {row.id: k for k, row in enumerate(rows)}
    frame = corpus.frame("pairs")
    return [(index[a], index[b], 1.0) for a, b, ok in zip(frame["a"], frame["b"],
                                                          frame["accepted"], strict=True) if ok]


def baseline_pairs(rows: list[Row]) -> list[tuple[int, int, float]]:
    """scikit-learn TF-IDF rows of whole texts, the cosine of EVERY pair."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [r.text for r in rows])
    cos = (matrix @ matrix.T).toarray()
    i, j = np.triu_indices(len(rows), 1)
    keep = cos[i, j] >= GRID[0]
    return list(zip(i[keep].tolist(), j[keep].tolist(), cos[i, j][keep].tolist(), strict=True))


def in_window(pairs, days: list[float | None], window: float | None):
    """The pairs whose dates are at most ``window`` days apart (an undated one: any)."""
    if window is None:
        return pairs
    return [(i, j, s) for i, j, s in pairs if days[i] is None or days[j] is None
            or abs(days[i] - days[j]) <= window]


def exact(pred: list[int], gold: list[str], events) -> int:
    """How many of ``events`` are one story holding their articles and nothing else."""
    members, by_gold = defaultdict(set), defaultdict(set)
    for k, p in enumerate(pred):
        members[p].add(k)
    for k, g in enumerate(gold):
        by_gold[g].add(k)
    return sum(1 for g in events if members[pred[next(iter(by_gold[g]))]] == by_gold[g])


# --- parts ----------------------------------------------------------------------------

def quality(data: Path, client) -> dict[str, tuple]:
    """Fit on the ODD ECB+ topics and the FIRST half of the BASIL events (the sum of the
    B-cubed F1 and the share of triplets recovered exactly), report on the rest."""
    if not (data / "ecbplus").is_dir() or not (data / "basil").is_dir():
        print("skipped: ECB+ or BASIL absent")
        return {}
    rows, gold, topics = ecb_rows(data)
    ecb: dict[str, dict] = {}
    for half, parity in (("fit", 1), ("report", 0)):
        keep = [k for k, t in enumerate(topics) if t % 2 == parity]
        part = [rows[k] for k in keep]
        started = time.perf_counter()
        corpus = run(part, client=client, compare_stories=False, log=None, options=OWN)
        ecb[half] = {"n": len(part), "gold": [gold[k] for k in keep],
                     "seconds": time.perf_counter() - started,
                     "ours": pipeline_pairs(corpus, part), "base": baseline_pairs(part),
                     "shipped": shipped_pairs(corpus, part)}
    brows, bgold = basil_rows(data)
    events = sorted(set(bgold))
    first, second = events[: len(events) // 2], events[len(events) // 2:]
    bdays = [parse_date(r.get("date")).timestamp() / 86400 for r in brows]
    basil: dict[float | None, dict] = {}
    for window in WINDOWS:  # candidates depend on the window (it filters before the cap)
        corpus = run(brows, client=client, compare_stories=False, log=None,
                     options=OWN.replace(window_days=window))
        basil[window] = {"ours": pipeline_pairs(corpus, brows),
                         "shipped": shipped_pairs(corpus, brows)}
    base_basil = baseline_pairs(brows)
    n_basil = len(brows)

    def pairs_of(method: str, window: float | None):
        if method == "base":
            return in_window(base_basil, bdays, window)
        return basil[window]["shipped" if method == "shipped" else "ours"]

    methods = {  # name: (pairs key, linkage, windows tried, thresholds tried)
        "story.score same_event, single linkage": ("shipped", "single", (None,), (1.0,)),
        "story.score, single linkage": ("ours", "single", (None,), GRID),
        "story.score, single linkage, date window": ("ours", "single", WINDOWS, GRID),
        "story.score, average linkage": ("ours", "average", (None,), GRID),
        "story.score, average linkage, date window (default)": ("ours", "average", WINDOWS,
                                                                GRID),
        "baseline: TF-IDF cosine, all pairs": ("base", "single", (None,), GRID),
        "baseline: TF-IDF cosine, all pairs, date window": ("base", "single", WINDOWS, GRID),
    }
    fitted: dict[str, tuple] = {}
    fit_half = ecb["fit"]
    for name, (key, linkage, windows, grid) in methods.items():
        f1 = {t: bcubed(groups_at(fit_half["n"], fit_half[key], t, linkage),
                        fit_half["gold"])[2] for t in grid}
        best = None
        for window in windows:
            for t in grid:
                share = exact(groups_at(n_basil, pairs_of(key, window), t, linkage), bgold,
                              first) / len(first)
                value = (round(f1[t] + share, 9), -t, window is None)
                if best is None or value > best[0]:
                    best = (value, t, window)
        assert best is not None
        fitted[name] = (best[1], best[2])
    default = CorpusOptions()
    print(f"Fitted on the ODD ECB+ topics and the FIRST half of the BASIL events (B-cubed F1 "
          f"+ share of triplets exact); CorpusOptions default: story_threshold "
          f"{default.story_threshold}, linkage {default.linkage}, window_days "
          f"{default.window_days}\n")
    print("| method | threshold | date window (days; BASIL only) |")
    print("|---|---|---|")
    for name, (t, window) in fitted.items():
        print(f"| {name} | {t} | {window if window is not None else 'none'} |")
    print(f"\nECB+ topics 1-35: {len(rows)} articles, {len(set(gold))} subtopics (no dates: "
          "a date window changes nothing here, only the threshold fitted with it)\n")
    print("| half | articles | subtopics | method | stories | B3 precision | B3 recall | "
          "B3 F1 | ARI |")
    print("|---|---|---|---|---|---|---|---|---|")
    for half, part in ecb.items():
        label = "fit (odd topics)" if half == "fit" else "**report (even topics)**"
        for name, (key, linkage, _, _) in methods.items():
            pred = groups_at(part["n"], part[key], fitted[name][0], linkage)
            p, r, f = bcubed(pred, part["gold"])
            print(f"| {label} | {part['n']} | {len(set(part['gold']))} | {name} | "
                  f"{len(set(pred))} | {p:.3f} | {r:.3f} | {f:.3f} | "
                  f"{ari(pred, part['gold']):.3f} |")
    print(f"\n(our candidate pairs scored: {ecb['fit']['seconds']:.0f} s and "
          f"{ecb['report']['seconds']:.0f} s on the cluster, with preparing)")
    print(f"\nBASIL: {n_basil} articles, {len(events)} events, all mixed; fitted on the "
          f"first {len(first)} events (uuids sorted), **reported on the second "
          f"{len(second)}**\n")
    print("| method | stories | second-half triplets exact (report) | first-half (fit) | "
          "all 80 | B3 F1 (all) | ARI (all) |")
    print("|---|---|---|---|---|---|---|")
    for name, (key, linkage, _, _) in methods.items():
        t, window = fitted[name]
        pred = groups_at(n_basil, pairs_of(key, window), t, linkage)
        late, early = exact(pred, bgold, second), exact(pred, bgold, first)
        print(f"| {name} | {len(set(pred))} | **{late}/{len(second)} "
              f"({late / len(second):.0%})** | {early}/{len(first)} | "
              f"{late + early}/{len(events)} | {bcubed(pred, bgold)[2]:.3f} | "
              f"{ari(pred, bgold):.3f} |")
    return fitted


def reuse(data: Path, client) -> None:
    if not (data / "clough-stevenson").is_dir():
        print("skipped: Clough & Stevenson absent")
        return
    rows, label = clough_rows(data)
    corpus = run(rows, client=client, log=None)
    frame = corpus.frame("pairs")
    found = set()
    for a, b, verdict in zip(frame["a"], frame["b"], frame["verdict"], strict=True):
        if verdict and verdict != "independent":
            found.add(frozenset((a, b)))
    by_class: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    predicted = correct = 0
    for name, tag in label.items():
        task, category = tag.split(":")
        source = f"orig_task{task}.txt"
        linked = frozenset((name, source)) in found
        by_class[category] += 1
        hits[category] += linked
        if linked:
            predicted += 1
            correct += category != "non"
    # links between two answers or an answer and another task's source are also wrong
    for pair in found:
        names = sorted(pair)
        if not any(n.startswith("orig_") for n in names) or (
                all(n.startswith("orig_") for n in names)):
            predicted += 1
    gold = sum(by_class[c] for c in ("cut", "light", "heavy"))
    got = sum(hits[c] for c in ("cut", "light", "heavy"))
    print(f"Clough & Stevenson: {len(rows)} texts ({len(label)} answers, 5 sources) in one "
          "corpus; a pair is reuse when compared in one story with a verdict other than "
          "independent\n")
    print("| answers | count | linked to their source |")
    print("|---|---|---|")
    for category in ("cut", "light", "heavy", "non"):
        print(f"| {category} | {by_class[category]} | {hits[category]} |")
    print(f"\nprecision {correct}/{predicted} = {correct / max(predicted, 1):.3f}; recall "
          f"{got}/{gold} = {got / gold:.3f} (pairs judged reuse: {len(found)})")


def edited(row: Row, rng: random.Random, k: int) -> Row:
    sentences = row.text.split(". ")
    kept = [s for s in sentences if rng.random() > 0.1] or sentences
    words = ". ".join(kept).split(" ")
    for _ in range(3):
        x, y = rng.randrange(len(words)), rng.randrange(len(words))
        words[x], words[y] = words[y], words[x]
    return Row(f"{row.id}#{k}", " ".join(words), row.meta)


def sample(data: Path, size: int) -> list[Row]:
    base = ecb_rows(data)[0] + (basil_rows(data)[0] if (data / "basil").is_dir() else [])
    rng = random.Random(size)
    return [edited(rng.choice(base), rng, k) for k in range(size)]


def _peak_mb() -> float:
    """This process's peak resident memory since the last :func:`_reset_peak` (Linux
    VmHWM; ``ru_maxrss`` is no use here: a spawned worker inherits its parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    with contextlib.suppress(OSError):  # Linux 4.0+: "5" resets VmHWM
        Path("/proc/self/clear_refs").write_text("5")


def _rss_mb() -> float:
    """This process's resident memory now (Linux VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _stage_end(line: str) -> str | None:
    """The stage a log line of :func:`run` closes: the last of a stage's counts."""
    for label, stage in (("prepared partitions", "prepare"), ("scored batches", "score"),
                         ("compared batches", "compare")):
        if line.startswith(f"corpus: {label} "):
            done, total = line.split()[-1].split("/")
            return stage if done == total else None
    return None


class _Stages:
    """A ``log`` for :func:`run` that notes the client's memory at each message (what
    the client holds after preparing, after the candidates, after scoring) and each
    worker's resident memory at the end of each stage on the workers, with its peak
    over that stage (VmHWM, reset when the stage ends)."""

    def __init__(self, client=None) -> None:
        self.client = client
        self.notes: list[str] = []
        self.workers: list[str] = []
        self.peak = 0.0
        """The highest worker peak of the stages noted (their VmHWM is reset)."""

    def __call__(self, line: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)  # progress
        if "partitions" in line or "candidate pairs" in line or "accepted" in line:
            self.notes.append(f"{line.removeprefix('corpus: ')[:40]}...: {_rss_mb():.0f} MB "
                              f"(peak {_peak_mb():.0f})")
        stage = _stage_end(line)
        if stage and self.client is not None:
            got = sorted(self.client.run(_rss_and_peak).values())
            self.peak = max([self.peak] + [peak for _, peak in got])
            self.workers.append(f"{stage} " + " / ".join(f"{rss:.0f} (peak {peak:.0f})"
                                                         for rss, peak in got))


def _rss_and_peak() -> tuple[float, float]:
    """This process's resident memory and its peak since the last reset, then reset."""
    got = _rss_mb(), _peak_mb()
    _reset_peak()
    return got


def peak_worker_mb(client) -> float:
    return max(client.run(_peak_mb).values())


def cpu_seconds(client) -> float:
    """CPU seconds used so far by the worker processes (one process: this one)."""
    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    return sum(client.run(used).values())


def scale(data: Path, sizes: list[int], workers: int, compare: bool,
          engines: tuple[str, ...] = ("single", "cluster"), profile: bool = False) -> None:
    if not (data / "ecbplus").is_dir():
        print("skipped: ECB+ absent")
        return
    what = "the accepted pairs compared in full" if compare else "no pair compared (--stories-only)"
    print(f"Sampled real articles (ECB+ and BASIL) with light edits; stories found, {what}.\n")
    print("| articles | engine | wall s | CPU s (workers) | articles/s | candidate pairs / "
          "article | compared pairs | peak MB per worker | peak MB client | prepare s | "
          "candidates s | score s | compare s | tables s | load before / after |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    times: dict[str, dict[int, float]] = defaultdict(dict)
    notes: list[str] = []
    for size in sizes:
        rows = sample(data, size)
        for engine, single in (("1 process", True), (f"{workers} workers", False)):
            if ("single" if single else "cluster") not in engines:
                continue
            with open_client(workers=workers, single=single, profile=profile,
                             log=lambda _: None) as client:
                load = os.getloadavg()[0]
                client.run(_reset_peak)
                _reset_peak()
                cpu = cpu_seconds(client)
                started = time.perf_counter()
                stages = _Stages(None if single else client)
                corpus = run(rows, client=client, compare_stories=compare, log=stages)
                seconds = time.perf_counter() - started
                cpu = cpu_seconds(client) - cpu
                peak = max(peak_worker_mb(client), stages.peak)
                here = _peak_mb()
            pairs = corpus.frame("pairs")
            times[engine][size] = seconds
            notes.append(f"{size:,}, {engine}: client memory " + "; ".join(stages.notes))
            if stages.workers:
                notes.append(f"{size:,}, {engine}: workers' MB at the end of each stage "
                             "(peak over the stage): " + "; ".join(stages.workers))
            print(*notes[-2:], sep="\n", file=sys.stderr, flush=True)  # kept if stopped
            problems = [p for p in corpus.problems if "preparing failed" in p]
            if problems:
                notes.append(f"{size:,}, {engine}: {len(problems)} articles skipped "
                             f"(preparing failed), e.g. {problems[0]}")
            laps = " | ".join(f"{corpus.seconds.get(k, 0):.1f}" for k in
                                ("prepare", "candidates", "score", "compare", "tables"))
            print(f"| {size:,} | {engine} | {seconds:.0f} | {cpu:.0f} | {size / seconds:.1f} | "
                  f"{2 * len(pairs) / size:.1f} | {int(pairs['compared'].sum()):,} | "
                  f"{peak:.0f} | {'(same)' if single else f'{here:.0f}'} | {laps} | "
                  f"{load:.1f} / {os.getloadavg()[0]:.1f} |",
                  flush=True)
    print()
    for note in notes:
        print(f"- {note}")
    for engine, by_size in times.items():
        ordered = sorted(by_size)
        for small, big in itertools.pairwise(ordered):
            print(f"\n{engine}: {big:,} / {small:,} articles: time x "
                  f"{by_size[big] / by_size[small]:.1f} for size x {big / small:.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] /
                                              "shared" / "bench"))
    parser.add_argument("--parts", default="quality,reuse,scale")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="single,cluster",
                        help="scale runs: one process (single) and/or the local cluster")
    parser.add_argument("--stories-only", action="store_true",
                        help="scale runs stop at the stories (no pair compared)")
    parser.add_argument("--worker-profile", action="store_true",
                        help="scale runs keep Dask's statistical profiler on the workers "
                             "(off by default: open_client(profile=...))")
    args = parser.parse_args(argv)
    data = Path(args.data)
    parts = set(args.parts.split(","))
    if parts & {"quality", "reuse"}:
        with open_client(workers=args.workers, log=lambda _: None) as client:
            if "quality" in parts:
                quality(data, client)
            if "reuse" in parts:
                print()
                reuse(data, client)
    if "scale" in parts:
        print()
        scale(data, [int(s) for s in args.sizes.split(",")], args.workers,
              not args.stories_only, tuple(args.engines.split(",")), args.worker_profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
