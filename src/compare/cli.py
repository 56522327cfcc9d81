"""``compare-sources``: compare two news reports from the command line.

With no arguments it compares the two example reports in ``data/``.
"""

from __future__ import annotations

import argparse
import sys

from compare.io import LoadError, example_paths, load_article, save_text


def build_parser() -> argparse.ArgumentParser:
    from compare import __version__

    parser = argparse.ArgumentParser(
        prog="compare-sources",
        description=(
            "Compare two news reports of one event: aligned sentences, coverage both ways, "
            "shared passages, unique details, quotes and wording. A report is a .txt/.md "
            "file, a saved .html page, an http(s):// URL, or - for standard input. "
            "With no reports, the two example reports in data/ are used."
        ),
    )
    parser.add_argument("a", nargs="?", help="report a (default: data/report-a.txt)")
    parser.add_argument("b", nargs="?", help="report b (default: data/report-b.txt)")
    parser.add_argument("--json", metavar="PATH", help="write the full comparison as JSON")
    parser.add_argument("--html", metavar="PATH", help="write a standalone HTML report")
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
    parser.add_argument("--top", type=int, default=8, metavar="N", help="links to print")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _fail(message: str) -> int:
    print(f"compare-sources: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if (args.a is None) != (args.b is None):
        return _fail("give two reports, A and B (or none to compare the example reports)")
    if args.a == "-" and args.b == "-":
        return _fail("only one of the reports can come from standard input")
    if args.min_words < 1:
        return _fail("--min-words must be at least 1")
    try:
        sources = (args.a, args.b) if args.a is not None else example_paths()
        a = load_article(sources[0])
        b = load_article(sources[1])
    except (LoadError, ValueError) as exc:
        return _fail(str(exc))

    from compare import export

    if args.sentences:
        if not args.quiet:
            sys.stdout.write(export.sentences_text(a) + "\n" + export.sentences_text(b))
        if args.json:
            data = {"schema": export.SCHEMA, "a": export.article_dict(a),
                    "b": export.article_dict(b)}
            return _save(args.json, export.to_json(data))
        return 0

    from compare.pipeline import compare

    result = compare(a, b, min_words=args.min_words)
    if not args.quiet:
        sys.stdout.write(export.summary_text(result, top=args.top))
    if args.json and (code := _save(args.json, export.to_json(export.comparison_dict(result)))):
        return code
    if args.html:
        from compare.render import comparison_html

        return _save(args.html, comparison_html(result))
    return 0


def _save(path: str, text: str) -> int:
    try:
        save_text(path, text)
    except LoadError as exc:
        return _fail(str(exc))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
