"""Time the details, quotes and wording steps on two long reports built from BASIL articles.

    .venv/bin/python benchmarks/bench_steps.py [--data ../shared/bench] [--sizes 1000,5000]
        [--repeat 1] [--profile quotes|details|wording]

The reports are the ones ``bench_speed.py`` builds (report a: the nyt articles of the
BASIL events, report b: the fox and hpo articles, cut at the number of sentences asked
for). The alignment the wording step needs is computed before the clock starts. Each
step runs on fresh copies of the two articles, so no step reuses another's work; the
best of ``--repeat`` runs is reported. ``--profile`` prints a cProfile of one step
instead.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

from bench_speed import DEFAULT_DATA, build_report, load_events

from compare.align import align
from compare.details import match_details
from compare.models import Article
from compare.quotes import pair_quotes
from compare.wording import diff_link, framing


def _fresh(article: Article) -> Article:
    return Article.from_text(article.text, name=article.name)


def _steps(links):
    return {
        "details": match_details,
        "quotes": pair_quotes,
        "wording (diffs + framing)": lambda a, b: (
            [diff_link(a, b, link) for link in links], framing(a, b, links)),
    }


def _time(step, a: Article, b: Article, repeat: int) -> float:
    """Best of ``repeat`` runs in seconds, each on fresh copies of ``a`` and ``b``."""
    best = float("inf")
    for _ in range(repeat):
        x, y = _fresh(a), _fresh(b)
        start = time.perf_counter()
        step(x, y)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", choices=["details", "quotes", "wording"])
    args = parser.parse_args(argv)
    folder = args.data / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: basil not found at {folder}")
        return 0
    events = load_events(folder)
    print("| sentences | step | time (s) |")
    print("|---:|---|---:|")
    for size in sorted(int(s) for s in args.sizes.split(",")):
        a = build_report(events, ("nyt",), size, "nyt")
        b = build_report(events, ("fox", "hpo"), size, "fox+hpo")
        links = align(a, b)
        steps = _steps(links)
        if args.profile:
            label = next(k for k in steps if k.startswith(args.profile))
            profile = cProfile.Profile()
            profile.runcall(steps[label], _fresh(a), _fresh(b))
            pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(40)
            continue
        total = 0.0
        for label, step in steps.items():
            seconds = _time(step, a, b, args.repeat)
            total += seconds
            print(f"| {size:,} x {size:,} | {label} | {seconds:.3f} |", flush=True)
        print(f"| {size:,} x {size:,} | total of the three | {total:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
