"""Run every benchmark and print its tables: ``make bench`` (or ``python benchmarks/run_all.py``).

    python benchmarks/run_all.py [--data ../shared/bench] [--quick]

``--data`` is the folder of evaluation sets described in benchmarks/README.md; a
benchmark whose set is missing prints ``skipped: …`` and the others still run.
``--quick`` leaves out the 5,000-sentence speed run (the slowest part, by far the
baseline's) and every worst case but the 40 KB one. Exit status is non-zero if any
benchmark script fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = (
    ("Sentence pairs: MSRP and STS-news", "bench_pairs.py", ()),
    ("Links through compare(): MSRP, STS-news, ECB+ event chains", "bench_links.py", ()),
    ("Alignment of the example reports", "bench_align.py", ()),
    ("Document verdict: Clough & Stevenson", "bench_verdict.py", ()),
    ("Details: precision and recall", "bench_details.py", ()),
    ("Real BASIL pairs: speakers, names and links against a frozen gold", "bench_real.py", ()),
    ("Framing flags against BASIL lexical-bias spans", "bench_framing.py", ()),
    ("Same story or not: ECB+ and BASIL, held-out part", "bench_story.py", ()),
    ("Speed and memory", "bench_speed.py", ()),
    ("Worst cases from the command line", "bench_worst.py", ()),
    ("Many reports at once: BASIL triplets, ECB+ topics, cost", "bench_collate.py", ()),
    ("Corpora: stories, reuse and scale on Dask", "bench_corpus.py", ()),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(HERE.parent.parent / "shared" / "bench"))
    parser.add_argument("--quick", action="store_true", help="speed run at 100 and 1,000 only")
    args = parser.parse_args(argv)
    failed = []
    for title, script, extra in BENCHMARKS:
        path = HERE / script
        if not path.is_file():
            continue
        options = list(extra)
        if script == "bench_speed.py" and args.quick:
            options += ["--sizes", "100,1000"]
        if script == "bench_corpus.py" and args.quick:
            options += ["--sizes", "300,1000"]
        if script == "bench_worst.py" and args.quick:
            options += ["--cases", "nopunct"]
        if script == "bench_collate.py" and args.quick:
            options += ["--parts", "gold,cost", "--sizes", "2,5"]
        print(f"\n## {title} ({script})\n", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(path), "--data", args.data, *options])
        print(f"\n({script}: {time.perf_counter() - started:.0f} s, exit {code})", flush=True)
        if code:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
