"""Worst cases from the command line: what a user waits for, from files to result.

    .venv/bin/python benchmarks/bench_worst.py [--data ../shared/bench] [--timeout 600]
                                               [--cases 5000,nopunct,paragraph,5mb,page]

Each case writes two reports built from real BASIL articles into a temporary folder
(nothing is kept), then runs the real command line on them in a fresh process,
``python -m compare.cli A B --json OUT -q``: reading, sentence splitting, the whole
comparison and writing the JSON are all timed. Cases:

``5000``
    2 x 5,000 sentences: the nyt articles of the BASIL events against the fox and hpo
    ones, as in ``bench_speed.py``.
``nopunct``
    About 40 KB of BASIL text with every punctuation mark removed (one sentence of some
    7,000 words) against the same text punctuated.
``paragraph``
    1 MB of nyt text in one paragraph (no line break) against 1 MB of fox and hpo text
    in ordinary paragraphs.
``5mb``
    Just under the 5,000,000-byte limit on each side: nyt against fox and hpo, in
    ordinary paragraphs (the articles go round again to fill it).
``page``
    A saved comparison page given as a ``.txt`` file against the JSON file of a
    comparison (both from the 2 x 1,000-sentence reports): a text file that is really
    HTML, and one link over hundreds of sentences.

Each run has a time limit (``--timeout``, 600 s by default); a run that passes it is
stopped and its row says so. Memory is the peak resident set of the command's process
(``ru_maxrss`` from ``os.wait4``). Sentences are read from the JSON the command wrote.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from bench_speed import DEFAULT_DATA, build_report, load_events, run_cli

from compare.io import MAX_BYTES as LIMIT

CASES = ("5000", "nopunct", "paragraph", "5mb", "page")


def _fill(events, outlets: tuple[str, ...], size: int, sep: str) -> str:
    """The outlets' paragraphs of every event, round after round, joined with ``sep``,
    cut at a paragraph so that the UTF-8 text stays within ``size`` bytes."""
    parts: list[str] = []
    total = 0
    while True:
        before = total
        for event in events:
            for outlet in outlets:
                for paragraph in event.get(outlet, []):
                    grown = total + len(paragraph.encode("utf-8")) + len(sep)
                    if grown > size:
                        return sep.join(parts)
                    parts.append(paragraph)
                    total = grown
        if total == before:
            raise ValueError(f"no {'/'.join(outlets)} text found")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def build_case(case: str, events, folder: Path, timeout: float) -> tuple[Path, Path]:
    """Write the two reports of ``case`` into ``folder``."""
    if case == "5000":
        a = build_report(events, ("nyt",), 5000, "nyt").text
        b = build_report(events, ("fox", "hpo"), 5000, "fox+hpo").text
    elif case == "nopunct":
        b = _fill(events, ("nyt", "fox", "hpo"), 40_000, "\n\n")
        a = " ".join(re.sub(r"[^\w\s]", " ", b).split())
    elif case == "paragraph":
        a = _fill(events, ("nyt",), 1_000_000, " ")
        b = _fill(events, ("fox", "hpo"), 1_000_000, "\n\n")
    elif case == "5mb":
        a = _fill(events, ("nyt",), LIMIT, "\n\n")
        b = _fill(events, ("fox", "hpo"), LIMIT, "\n\n")
    elif case == "page":
        x = _write(folder, "x.txt", build_report(events, ("nyt",), 1000, "nyt").text)
        y = _write(folder, "y.txt", build_report(events, ("fox", "hpo"), 1000, "fox").text)
        page, data = folder / "page.html", folder / "data.json"
        made = run_cli(x, y, data, timeout, "--html", str(page))
        if made["exit"] != 0:
            raise RuntimeError(f"the page was not made: {made['error']}")
        return _write(folder, "page.txt", page.read_text(encoding="utf-8")), data
    else:
        raise ValueError(f"unknown case {case!r} (one of {', '.join(CASES)})")
    return _write(folder, "a.txt", a), _write(folder, "b.txt", b)


LABELS = {
    "5000": "2 x 5,000 sentences",
    "nopunct": "40 KB without punctuation / punctuated",
    "paragraph": "1 MB in one paragraph / 1 MB in paragraphs",
    "5mb": "5 MB / 5 MB of ordinary text",
    "page": "saved comparison page (.txt) / comparison JSON",
}


def _sentences(out: Path) -> str:
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return f"{len(data['a']['sentences']):,} / {len(data['b']['sentences']):,}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args(argv)
    folder = args.data / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: basil not found at {folder}")
        return 0
    events = load_events(folder)
    print("| case | bytes a / b | sentences a / b | wall time (s) | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|")
    for case in args.cases.split(","):
        with tempfile.TemporaryDirectory(prefix="bench-worst-") as tmp:
            tmp = Path(tmp)
            a, b = build_case(case, events, tmp, args.timeout)
            out = tmp / "out.json"
            run = run_cli(a, b, out, args.timeout)
            size = f"{a.stat().st_size:,} / {b.stat().st_size:,}"
            if not run["finished"]:
                wall = f"did not finish in {args.timeout:.0f} s"
            elif run["exit"] != 0:
                wall = f"failed after {run['seconds']:.1f} s: {run['error']}"
            else:
                wall = f"{run['seconds']:.1f}"
            print(f"| {LABELS[case]} | {size} | {_sentences(out)} | {wall} "
                  f"| {run['rss_mb']:,.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
