"""``compare-sources``: compare news reports of one event from the command line.

With no arguments it compares the two example reports in ``data/``. Two reports give
the pairwise comparison; three or more, or a ``--source``, the many-reports view
(:func:`compare.collate.collate`).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import re
import stat
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from compare.io import LoadError, check_output, example_paths, load_article, save_text


def build_parser() -> argparse.ArgumentParser:
    from compare import __version__

    parser = argparse.ArgumentParser(
        prog="compare-sources",
        description=(
            "Compare news reports of one event: aligned sentences, coverage both ways, "
            "shared passages, unique details, quotes and wording. A report is a .txt/.md "
            "file, a saved .html page, an http(s):// URL, or - for standard input. "
            "With no reports, the two example reports in data/ are used; with three or "
            "more (or --source), what each report carries among all of them. "
            "'compare-sources corpus INPUT --out DIR' groups a whole corpus into stories "
            "(see compare-sources corpus --help; a report file named corpus: ./corpus)."
        ),
        epilog=(
            "Outputs never overwrite an input; each is written in one step, and its folder "
            "must exist. Exit status: 0 done, 1 unexpected error (a bug: please report it, "
            "with the output of --debug), 2 bad arguments or input, 130 interrupted."
        ),
    )
    parser.add_argument(
        "reports", nargs="*", metavar="REPORT",
        help="two or more reports (default: data/report-a.txt data/report-b.txt)",
    )
    parser.add_argument(
        "--source", metavar="PATH",
        help="a primary source the reports drew on (transcript, statement, press release)",
    )
    parser.add_argument(
        "--json", metavar="PATH", help="write the full comparison as JSON (- for standard output)"
    )
    parser.add_argument(
        "--html", metavar="PATH", help="write a standalone HTML report (- for standard output)"
    )
    parser.add_argument(
        "--sentences", action="store_true", help="print each report's sentences and stop"
    )
    parser.add_argument(
        "--min-words",
        type=int,
        default=5,
        metavar="N",
        help="shortest shared verbatim passage, in words (default 5)",
    )
    parser.add_argument(
        "--embeddings",
        metavar="NAME_OR_PATH",
        default=None,
        help=(
            "also compare sentences by the embeddings of this model: a local folder or a "
            "hub name (needs the embeddings-st or embeddings-onnx extra; default: the "
            "COMPARE_EMBEDDINGS environment variable, else none: lexical only; '' turns "
            "it off)"
        ),
    )
    parser.add_argument(
        "--event-links",
        action="store_true",
        help=(
            "also link two sentences that tell one event in other words (shared names, "
            "numbers and words) as partial links; off by default: more links, a few of "
            "them wrong (benchmarks/README.md, H40)"
        ),
    )
    parser.add_argument(
        "--top", type=int, default=8, metavar="N", help="links to print (default 8)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback of an unexpected error"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _fail(message: str) -> int:
    print(f"compare-sources: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit status is 0 (done), 1 (unexpected error: a bug to
    report), 2 (bad arguments or input) or 130 (interrupted).

    ``compare-sources corpus ...`` (the word as first argument) runs
    :func:`compare.corpus.cli.main`; a report file named ``corpus`` is ``./corpus``.
    """
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["corpus"]:
        from compare.corpus.cli import main as corpus_main

        return corpus_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        if args.debug:
            traceback.print_exc()
        print("compare-sources: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of standard output left (`compare-sources | head`): stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
            return 1
        inputs = (", ".join(args.reports[:-1]) + f" and {args.reports[-1]}"
                  if args.reports else "the example reports")
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(
            f"compare-sources: unexpected error on {inputs} ({detail}); please report it "
            "with the output of the same command run with --debug",
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    from compare.present import MAX_PAGE_REPORTS

    if len(args.reports) == 1:
        return _fail("give two reports or more (or none to compare the example reports)")
    extra = [args.source] if args.source is not None else []
    if [*args.reports, *extra].count("-") > 1:
        return _fail("only one of the reports can come from standard input")
    if args.min_words < 1:
        return _fail("--min-words must be at least 1")
    if args.top < 0:
        return _fail("--top must be 0 or more")
    if args.sentences and args.html is not None:
        return _fail("--html cannot be used with --sentences (use --json to save the sentences)")
    if args.html is not None and len(args.reports) > MAX_PAGE_REPORTS:
        return _fail(f"--html shows at most {MAX_PAGE_REPORTS} reports on one page, not "
                     f"{len(args.reports)}; for more use the corpus command "
                     "(compare-sources corpus FOLDER --out DIR), or leave out --html")
    try:
        sources = tuple(args.reports) if args.reports else example_paths()
        outputs = _outputs(args, [*sources, *extra])
        many = len(sources) > 2 or args.source is not None
        articles, skipped = _load_all(sources, skip=len(sources) > 2)
        source = load_article(args.source) if args.source is not None else None
    except (LoadError, ValueError) as exc:
        return _fail(str(exc))
    # after loading, so that a file that cannot be read is named as such first
    if twice := _given_twice([*sources, *extra]):
        return _fail(twice)
    for message in skipped:
        print(f"compare-sources: warning: {message}", file=sys.stderr)
    if len(articles) < 2:
        return _fail(f"fewer than two reports could be read ({len(articles)} of {len(sources)})")
    status = 2 if skipped else 0
    # an output on standard output is all that goes there
    quiet = args.quiet or "-" in outputs.values()

    from compare import export

    if args.sentences:
        if not quiet:
            shown = [*articles, *([source] if source is not None else [])]
            sys.stdout.write("\n".join(export.sentences_text(x) for x in shown))
        if many:
            data = {"schema": export.COLLATION_SCHEMA,
                    "reports": [export.article_dict(x) for x in articles],
                    "source": export.article_dict(source) if source is not None else None}
        else:
            data = {"schema": export.SCHEMA, "a": export.article_dict(articles[0]),
                    "b": export.article_dict(articles[1])}
        return _save(outputs, {"--json": lambda: export.to_json(data)}) or status

    from compare.settings import Settings
    from compare.similarity.backends import ENVIRONMENT, BackendUnavailable, UncalibratedModel

    model = args.embeddings if args.embeddings is not None else os.environ.get(ENVIRONMENT, "")
    try:
        settings = Settings(min_words=args.min_words, embeddings=model,
                            event_links=args.event_links)
        if many:
            from compare.collate import collate

            collation = collate(articles, source, settings=settings)
        else:
            from compare.pipeline import compare

            result = compare(articles[0], articles[1], settings=settings)
    except (BackendUnavailable, UncalibratedModel) as exc:
        return _fail(f"--embeddings: {exc}")
    if many:
        from compare.render import collation_html

        if skipped:
            notes = tuple(f"not compared: {m}" for m in skipped)
            collation = dataclasses.replace(collation, notes=notes + collation.notes)
        if not quiet:
            sys.stdout.write(export.collation_text(collation, top=args.top))
        return _save(outputs, {
            "--json": lambda: export.to_json(export.collation_dict(collation)),
            "--html": lambda: collation_html(collation),
        }) or status

    from compare.render import comparison_html

    if not quiet:
        sys.stdout.write(export.summary_text(result, top=args.top))
    return _save(outputs, {
        "--json": lambda: export.to_json(export.comparison_dict(result)),
        "--html": lambda: comparison_html(result),
    })


def _load_all(sources: Sequence[str | Path], *, skip: bool) -> tuple[list, list[str]]:
    """The articles of ``sources`` in order; with ``skip``, a report that cannot be read
    is left out and named in the messages returned (otherwise :class:`LoadError`)."""
    articles, skipped = [], []
    for source in sources:
        try:
            articles.append(load_article(source))
        except (LoadError, ValueError) as exc:
            if not skip:
                raise
            skipped.append(f"skipped {source}: {exc}")
    return articles, skipped


def _given_twice(inputs: Sequence[str | Path]) -> str:
    """A message when two inputs are one file (the same path, a link to it, a hard link,
    the same URL), else ""."""
    for k, x in enumerate(inputs):
        for y in inputs[:k]:
            if "-" in (str(x), str(y)):
                continue
            if any(re.match(r"https?://", str(v), re.I) for v in (x, y)):
                same = str(x) == str(y)
            else:
                same = _same_file(Path(os.path.realpath(x)), Path(y))
            if same:
                return f"{y} and {x} are the same file: give each input once"
    return ""


def _outputs(args: argparse.Namespace, sources: Sequence[str | Path]) -> dict[str, str]:
    """The output paths asked for, by option; :class:`LoadError` for one that cannot be
    written, that is an input (or an input's ``.meta.yaml``), or that two options share."""
    outputs = {option: path for option, path in (("--json", args.json), ("--html", args.html))
               if path is not None}
    seen: dict[str, Path | str] = {}
    for option, path in outputs.items():
        if path == "-":
            target: Path | str = "-"
        else:
            try:
                target = check_output(path)
            except LoadError as exc:
                raise LoadError(f"{option}: {exc}") from None
            for source in sources:
                if what := _input_at(target, str(source)):
                    raise LoadError(
                        f"{option} {path}: is an input ({what}); outputs never overwrite inputs"
                    )
        for other, earlier in seen.items():
            if target == earlier or (
                isinstance(target, Path) and isinstance(earlier, Path)
                and _same_file(target, earlier)
            ):
                where = "standard output" if target == "-" else path
                raise LoadError(f"{other} and {option} both write to {where}")
        seen[option] = target
    return outputs


def _input_at(target: Path, source: str) -> str:
    """What of ``source`` writing ``target`` would change, in words ("" for nothing)."""
    if source == "-":
        try:
            stdin = os.fstat(sys.stdin.fileno())
        except (AttributeError, OSError, ValueError):  # no file behind sys.stdin
            return ""
        if not stat.S_ISREG(stdin.st_mode) or not target.exists():
            return ""
        here = target.stat()
        same = (here.st_dev, here.st_ino) == (stdin.st_dev, stdin.st_ino)
        return "the file given as standard input" if same else ""
    if re.match(r"https?://", source, re.I):
        return ""
    path = Path(source)
    if _same_file(target, path):
        return f"report {source}"
    if _same_file(target, path.with_name(path.stem + ".meta.yaml")):
        return f"the metadata of report {source}"
    return ""


def _same_file(target: Path, other: Path) -> bool:
    """The same file: the same path once links are resolved, or (both existing) the same
    inode, as with hard links or a case-insensitive file system."""
    if target == Path(os.path.realpath(other)):
        return True
    try:
        return os.path.samefile(target, other)
    except OSError:
        return False


def _save(outputs: dict[str, str], make: dict[str, Callable[[], str]]) -> int:
    """Make every output first, then write each: nothing is written if making one fails."""
    texts = {option: make[option]() for option in outputs}
    for option, text in texts.items():
        try:
            save_text(outputs[option], text)
        except LoadError as exc:
            return _fail(f"{option}: {exc}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
