"""``compare-sources corpus INPUT --out DIR``: a corpus grouped into stories, on Dask."""

from __future__ import annotations

import argparse
import sys
import traceback

from compare.io import LoadError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compare-sources corpus",
        description=(
            "Group the articles of INPUT into stories and compare the articles of each "
            "story, on a dask.distributed cluster (a local one started here unless "
            "--scheduler names one). INPUT is a folder of reports (.txt, .md, .html) or a "
            ".jsonl, .csv or .parquet table with columns id and text (and optional outlet, "
            "date, title, url). Bad rows are reported by id and skipped."
        ),
        epilog=(
            "DIR gets articles, stories, pairs, links, facts and quotes as Parquet tables, "
            "index.html and one page per story; it is built beside DIR and replaces it in "
            "one step, and must not be an input or hold other files. Exit status: 0 done, "
            "1 unexpected error, 2 bad arguments or input, 130 interrupted."
        ),
    )
    parser.add_argument("input", help="a folder of reports or a .jsonl/.csv/.parquet table")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="an existing dask scheduler (tcp://host:8786); default: a "
                             "local cluster started here")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="worker processes of the local cluster (default 2)")
    parser.add_argument("--threads", type=int, default=1, metavar="N",
                        help="threads per local worker (default 1)")
    parser.add_argument("--window-days", type=float, default=None, metavar="D",
                        help="pair only articles at most D days apart (default 3; an "
                             "article without a date pairs with any)")
    parser.add_argument("--no-window", action="store_true",
                        help="pair articles whatever their dates")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback of an unexpected error")
    return parser


def _fail(message: str) -> int:
    print(f"compare-sources corpus: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.workers < 1 or args.threads < 1:
        return _fail("--workers and --threads must be at least 1")
    if args.window_days is not None and args.window_days < 0:
        return _fail("--window-days must be 0 or more")
    try:
        from compare.corpus import CorpusOptions, run
    except ImportError as exc:
        return _fail(f"the corpus extra is not installed ({exc.name}): "
                     "pip install 'compare-sources[corpus]'")

    def log(line: str) -> None:
        if not args.quiet or line.startswith("corpus: skipped"):
            print(line, file=sys.stderr, flush=True)

    try:
        options = CorpusOptions()
        if args.no_window:
            options = options.replace(window_days=None)
        elif args.window_days is not None:
            options = options.replace(window_days=args.window_days)
        run(args.input, args.out, scheduler=args.scheduler, workers=args.workers,
            threads=args.threads, options=options, log=log)
    except LoadError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("compare-sources corpus: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
            return 1
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"compare-sources corpus: unexpected error on {args.input} ({detail}); please "
              "report it with the output of the same command run with --debug", file=sys.stderr)
        return 1
    return 0
