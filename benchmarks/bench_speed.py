"""Speed and memory of a full comparison of two long reports built from BASIL articles.

    .venv/bin/python benchmarks/bench_speed.py [--data ../shared/bench] [--sizes 100,1000,5000]
                                              [--before ../main/src] [--timeout 600]

Report a concatenates the nyt articles of the BASIL events (sorted by file name), report
b the fox and hpo articles of the same events, paragraph by paragraph, until each has
the number of sentences asked for; the text is then cut after that many sentences.
BASIL has about 2,300 nyt and 4,200 fox/hpo sentences, so larger reports go round the
events again (repeated articles: more shared passages, a harder case).

The first table (issue 9's "Measured") is what a user of the library waits for, each
size in a fresh process (``--worker``, at most ``--timeout`` seconds): ``import compare``;
``compare(a, b)`` on a first call (the two reports loaded from files, so every lazy
import, data file and regex of the comparison is paid here); the same comparison again
on freshly loaded copies (warm); the ``--html`` page on top of it
(``render.comparison_html``, its SVG charts included; whether matplotlib was imported
is printed: the page needs none); and the process's peak memory
(``ru_maxrss``) at the end, page included. Times are wall seconds, with the process's
CPU seconds beside them (the machine is shared: CPU time is what the code costs).
``--before SRC`` runs the same worker a second time on another source tree (the
library before a change, e.g. ``../main/src``), so both columns come from one run on one
machine. Targets: 2 x 1,000 compared in under 1 s on a first call; the page adds less
than the comparison; 2 x 5,000 with the page under 1 GB.

Then the command line from files to JSON in a fresh process (``python -m compare.cli A
B --json OUT -q``: reading, sentence splitting, the comparison, writing the JSON) with
its peak memory, and, in this process on the reports already split,
``compare.pipeline.compare(a, b)`` and each step on its own
(``overlap.shared_passages``, ``align.align``, ``details.match_details``,
``quotes.pair_quotes``, ``overlap.coverage`` + ``verdict``, ``wording`` diffs + framing)
so the slow step shows (``--no-steps`` skips these). A step that cannot be imported or
fails is reported in a note and the rest still runs.
One report against ten (``--ratio-sizes``, default 1,000): report a is compared with
ten reports b (b rotated by a tenth each time, so each is a different text of the same
size): once as ten fresh pairs of articles, once with a prepared once
(``compare.prepare``, its time included) and each b prepared by ``compare``; the ratio of
the shared time to one fresh pair must stay under 10.
The baseline is ``difflib.SequenceMatcher(None, s, t).ratio()`` over every sentence
pair, in the same process; above 10,000 pairs it is timed on 2,000 pairs drawn with a
fixed seed and extrapolated (marked ``*``).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the worker times ``import compare`` itself
    from compare.models import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
FILES_TO_RESULT = "command line, files to JSON (read, split, compare, write)"
FULL_BASELINE_PAIRS = 10_000
SAMPLE_PAIRS = 2_000


def load_events(folder: Path) -> list[dict[str, list[str]]]:
    """Per BASIL event (sorted by triplet id): outlet -> its paragraphs."""
    events: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for path in sorted(folder.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p).strip() for p in data.get("body-paragraphs", [])]
        events[data["triplet-uuid"]][data["source"].lower()] = [p for p in paragraphs if p]
    return [events[key] for key in sorted(events)]


def build_report(events, outlets: tuple[str, ...], size: int, name: str) -> Article:
    """The outlets' paragraphs of every event, round after round, cut at ``size`` sentences."""
    from compare.models import Article
    from compare.segment import split_sentences

    paragraphs: list[str] = []
    count = 0
    while count < size:
        before = count
        for event in events:
            for outlet in outlets:
                for paragraph in event.get(outlet, []):
                    paragraphs.append(paragraph)
                    count += len(split_sentences(paragraph))
                    if count >= size:
                        break
                if count >= size:
                    break
            if count >= size:
                break
        if count == before:
            raise ValueError(f"no {'/'.join(outlets)} text found")
    text = "\n\n".join(paragraphs)
    article = Article.from_text(text, name=name)
    if len(article.sentences) > size:
        article = Article.from_text(text[: article.sentences[size - 1].end], name=name)
    return article


def run_cli(a: Path, b: Path, out: Path, timeout: float, *extra: str) -> dict:
    """Run ``compare.cli`` on ``a`` and ``b``; wall seconds, peak RSS, exit status."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "compare.cli", str(a), str(b), "--json", str(out), "-q",
               *extra]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    status, usage, finished = None, None, True
    while status is None:
        pid, code, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status = code
        elif time.perf_counter() - start > timeout:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            finished = False
        else:
            time.sleep(0.05)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
    process.stderr.close()
    return {
        "seconds": seconds,
        "rss_mb": usage.ru_maxrss / 1024,
        "finished": finished,
        "exit": process.returncode,
        "error": error[-1] if error else "",
    }


def worker(a_path: str, b_path: str) -> int:
    """Measure one comparison in this (fresh) process; print the figures as JSON."""
    clock = {"wall": time.perf_counter, "cpu": time.process_time}

    def now() -> dict[str, float]:
        return {k: f() for k, f in clock.items()}

    def since(start: dict[str, float]) -> dict[str, float]:
        return {k: f() - start[k] for k, f in clock.items()}

    start = now()
    import compare
    from compare.render import comparison_html

    figures = {"import": since(start)}
    paths = [Path(a_path), Path(b_path)]
    a, b = (compare.load_article(p) for p in paths)
    start = now()
    compare.compare(a, b)
    figures["first"] = since(start)
    a, b = (compare.load_article(p) for p in paths)
    start = now()
    result = compare.compare(a, b)
    figures["warm"] = since(start)
    figures["rss_compare_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = now()
    page = comparison_html(result)
    figures["page"] = since(start)
    figures["page_bytes"] = len(page.encode("utf-8"))
    figures["matplotlib"] = "matplotlib" in sys.modules  # the page's charts need none
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["source"] = compare.__file__
    print(json.dumps(figures))
    return 0


def run_worker(a: Path, b: Path, src: Path, timeout: float) -> dict:
    """:func:`worker` in a fresh process with ``src`` first on the path (or a note why not)."""
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{ROOT / 'benchmarks'}"}
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(a), str(b)]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish in {timeout:.0f} s"}
    if done.returncode:
        lines = done.stderr.strip().splitlines()
        return {"error": lines[-1] if lines else f"exit {done.returncode}"}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(figures["source"]).resolve().is_relative_to(Path(src).resolve()):
        return {"error": f"imported {figures['source']}, not the library in {src}"}
    return figures


def _seconds(figures: dict, key: str) -> str:
    value = figures[key]
    return f"{value['wall']:.2f} ({value['cpu']:.2f})"


def print_first_call(measured: list[tuple[int, str, dict]]) -> None:
    """The first table: a fresh process per size and source tree."""
    print("| sentences | library | import compare | compare(), first call | compare(), warm "
          "| --html page on top | page / compare | page size | matplotlib imported "
          "| peak memory (compare / with page) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for size, label, figures in measured:
        if "error" in figures:
            print(f"| {size:,} x {size:,} | {label} | {figures['error']} | | | | | | | |")
            continue
        share = figures["page"]["cpu"] / figures["first"]["cpu"]
        print(f"| {size:,} x {size:,} | {label} | {_seconds(figures, 'import')} "
              f"| {_seconds(figures, 'first')} | {_seconds(figures, 'warm')} "
              f"| {_seconds(figures, 'page')} | {share:.2f} "
              f"| {figures['page_bytes'] / 1e6:.1f} MB "
              f"| {'yes' if figures.get('matplotlib') else 'no'} "
              f"| {figures['rss_compare_mb']:,.0f} / {figures['rss_mb']:,.0f} MB |")
    print("\nSeconds: wall (CPU of the process). page / compare: CPU seconds of the page "
          "over those of the first call.")


def timed(label: str, function, *args):
    """(seconds, result) or (None, message) when the step is missing or fails."""
    start = time.perf_counter()
    try:
        result = function(*args)
    except Exception as exc:  # a step another helper is still writing
        return None, f"{label}: {type(exc).__name__}: {exc}"
    return time.perf_counter() - start, result


def baseline(a: Article, b: Article, seed: int = 0) -> tuple[float, bool]:
    """Seconds for SequenceMatcher.ratio over all sentence pairs (extrapolated if sampled)."""
    pairs = len(a.sentences) * len(b.sentences)
    sampled = pairs > FULL_BASELINE_PAIRS
    if sampled:
        rng = random.Random(seed)
        chosen = [(rng.randrange(len(a.sentences)), rng.randrange(len(b.sentences)))
                  for _ in range(SAMPLE_PAIRS)]
    else:
        chosen = [(i, j) for i in range(len(a.sentences)) for j in range(len(b.sentences))]
    start = time.perf_counter()
    for i, j in chosen:
        difflib.SequenceMatcher(None, a.sentences[i].text, b.sentences[j].text).ratio()
    seconds = time.perf_counter() - start
    return seconds * pairs / len(chosen), sampled


def rotated(article: Article, k: int, parts: int = 10) -> Article:
    """``article``'s paragraphs rotated by ``k`` tenths (a different report, same size)."""
    from compare.models import Article

    paragraphs = article.text.split("\n\n")
    cut = k * len(paragraphs) // parts
    text = "\n\n".join(paragraphs[cut:] + paragraphs[:cut])
    return Article.from_text(text, name=f"{article.name}-{k}")


def one_against_ten(a: Article, b: Article) -> tuple[float, float, float]:
    """(one fresh pair, ten fresh pairs, ten pairs sharing a's preparation) in seconds."""
    from compare import compare, prepare

    others = [rotated(b, k) for k in range(10)]
    compare(a, others[0])  # warm: imports, shipped tables
    start = time.perf_counter()
    compare(a, others[0])
    one = time.perf_counter() - start
    start = time.perf_counter()
    for other in others:
        compare(a, other)
    fresh = time.perf_counter() - start
    start = time.perf_counter()
    prepared = prepare(a)
    for other in others:
        compare(prepared, other)
    shared = time.perf_counter() - start
    return one, fresh, shared


def _import(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        return exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=2, metavar=("A", "B"), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--before", type=Path,
                        help="another source tree (e.g. ../main/src) measured the same way")
    parser.add_argument("--no-steps", dest="steps", action="store_false",
                        help="only the fresh-process table and the one-against-ten ratio")
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--ratio-sizes", default="1000",
                        help="sizes of the one-against-ten test ('' to skip)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds allowed to each command-line run")
    args = parser.parse_args(argv)
    if args.worker:
        return worker(*args.worker)
    folder = args.data / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: basil not found at {folder}")
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    events = load_events(folder)
    steps = {
        "compare only (full pipeline, reports split)": _import("compare.pipeline", "compare"),
        "shared_passages": _import("compare.overlap", "shared_passages"),
        "align": _import("compare.align", "align"),
    }
    for label, module, name in (("details", "compare.details", "match_details"),
                                ("quotes", "compare.quotes", "pair_quotes")):
        steps[label] = _import(module, name)
    coverage = _import("compare.overlap", "coverage")
    verdict = _import("compare.overlap", "verdict")
    diff_link = _import("compare.wording", "diff_link")
    framing = _import("compare.wording", "framing")
    notes = [f"{k}: not importable ({v})" for k, v in steps.items() if isinstance(v, Exception)]
    rows = []
    measured = []
    trees = [("this branch", ROOT / "src")] + ([("before", args.before)] if args.before else [])
    for size in sizes:
        a = build_report(events, ("nyt",), size, "nyt")
        b = build_report(events, ("fox", "hpo"), size, "fox+hpo")
        with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
            files = [Path(tmp, f"{x.name}.txt") for x in (a, b)]
            for path, article in zip(files, (a, b), strict=True):
                path.write_text(article.text, encoding="utf-8")
            for label, src in trees:
                measured.append((size, label, run_worker(*files, src, args.timeout)))
        print(f"measured {size} in fresh processes", file=sys.stderr)
        if not args.steps:
            continue
        pairs = len(a.sentences) * len(b.sentences)
        base, sampled = baseline(a, b)
        with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
            files = [Path(tmp, f"{x.name}.txt") for x in (a, b)]
            for path, article in zip(files, (a, b), strict=True):
                path.write_text(article.text, encoding="utf-8")
            run = run_cli(*files, Path(tmp, "out.json"), args.timeout)
        if run["finished"] and run["exit"] == 0:
            rows.append((size, FILES_TO_RESULT, run["seconds"], pairs, base, sampled))
            rows.append((size, f"(command line: peak RSS {run['rss_mb']:,.0f} MB)",
                         None, pairs, base, sampled))
        else:
            notes.append(f"{size}: command line did not finish in {args.timeout:.0f} s "
                         f"({run['error']})" if not run["finished"] else
                         f"{size}: command line failed: {run['error']}")
        results = {}
        for label, function in steps.items():
            if isinstance(function, Exception):
                continue
            seconds, result = timed(label, function, a, b)
            if seconds is None:
                notes.append(f"{size}: {result}")
                continue
            results[label] = result
            rows.append((size, label, seconds, pairs, base, sampled))
        if "shared_passages" in results and "align" in results:
            def _rest(a=a, b=b, links=results["align"], passages=results["shared_passages"]):
                covered = coverage(a, b, links, passages)
                return verdict(a, b, passages, covered)

            seconds, result = timed("coverage + verdict", _rest)
            if seconds is None:
                notes.append(f"{size}: {result}")
            else:
                rows.append((size, "coverage + verdict", seconds, pairs, base, sampled))
        if "align" in results and not isinstance(diff_link, Exception):
            def _wording(a=a, b=b, links=results["align"]):
                return [diff_link(a, b, link) for link in links], framing(a, b, links)

            seconds, result = timed("wording (diffs + framing)", _wording)
            if seconds is None:
                notes.append(f"{size}: {result}")
            else:
                rows.append((size, "wording (diffs + framing)", seconds, pairs, base, sampled))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((size, f"(process peak RSS after this size: {peak_mb:,.0f} MB)",
                     None, pairs, base, sampled))
        print(f"built {size}: a {len(a.sentences)} sentences, b {len(b.sentences)}; "
              f"baseline {base:.2f} s{' (extrapolated)' if sampled else ''}", file=sys.stderr)
    print_first_call(measured)
    if rows:
        print()
        print_steps(rows, notes)
    _ratios(events, [int(s) for s in args.ratio_sizes.split(",") if s.strip()])
    return 0


def print_steps(rows: list, notes: list[str]) -> None:
    """The second table: the command line from files, then each step in this process."""
    print("| sentences | step | time (s) | µs per sentence pair | difflib baseline (s) "
          "| speed-up |")
    print("|---:|---|---:|---:|---:|---:|")
    for size, label, seconds, pairs, base, sampled in rows:
        star = "*" if sampled else ""
        if seconds is None:
            print(f"| {size:,} x {size:,} | {label} | | | {base:,.1f}{star} | |")
            continue
        print(f"| {size:,} x {size:,} | {label} | {seconds:.3f} | {1e6 * seconds / pairs:.3f} "
              f"| {base:,.1f}{star} | {base / seconds:,.0f}x |")
    print("\n* baseline timed on 2,000 random sentence pairs (seed 0) and extrapolated to all "
          "pairs.\nMemory: ru_maxrss of the whole process (Python + libraries + both reports).")
    for note in notes:
        print(f"note: {note}")


def _ratios(events, ratio_sizes: list[int]) -> None:
    """One report against ten others, its preparation shared (issue 9: ratio < 10)."""
    if ratio_sizes:
        print("\n| sentences | one pair (s) | 10 fresh pairs (s) | 10 pairs, a prepared once (s) "
              "| shared / one pair | target |")
        print("|---:|---:|---:|---:|---:|---|")
    for size in ratio_sizes:
        a = build_report(events, ("nyt",), size, "nyt")
        b = build_report(events, ("fox", "hpo"), size, "fox+hpo")
        one, fresh, shared = one_against_ten(a, b)
        print(f"| {size:,} x {size:,} | {one:.3f} | {fresh:.3f} | {shared:.3f} | "
              f"{shared / one:.2f} | < 10 |")


if __name__ == "__main__":
    sys.exit(main())
