"""Precision and recall of ``compare.align`` links on the example reports, and its speed.

    .venv/bin/python benchmarks/bench_align.py [--data ../shared/bench] [--sizes 1000,5000]
        [--show N] [--embeddings FOLDER]

Links: ``tests/data/gold_links.json`` lists, for ``data/report-a.txt`` and
``report-b.txt``, the ``must`` sentence pairs (hand-checked: the two sentences say the
same thing in part or in full) and ``may`` pairs (weakly related: neither right nor
wrong). A link counts once for each ``(i, j)`` sentence pair it joins; precision is the
share of counted pairs that are ``must`` pairs (``may`` pairs are left out of it),
recall the share of ``must`` pairs linked. With ``--embeddings FOLDER`` (or
``$COMPARE_EMBEDDINGS``) the links of the embedding backend on that model are scored too,
each link listed with its relation, probability and cosine.

Speed (``--sizes``): report a concatenates the nyt articles of the BASIL events (sorted
by file name), report b their fox and hpo articles, paragraph by paragraph, until each
has that many sentences (going round the events again if needed; segmentation is done
before the clock starts). ``align`` is timed once per size (best of ``--repeat``).

``--show N`` prints the links of the first ``N`` BASIL events (nyt against fox) for
reading by eye.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from compare.align import align
from compare.io import example_paths, load_article
from compare.models import Article
from compare.prepare import prepare
from compare.settings import Settings
from compare.similarity import backends

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_speed import load_events

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold_links.json"


def score_links(links, gold: dict) -> dict:
    """Counts and precision / recall of ``links`` against ``{"must": [...], "may": [...]}``."""
    must = {(i, j) for i, j, *_ in gold["must"]}
    may = {(i, j) for i, j, *_ in gold["may"]}
    found = {(i, j) for link in links for i in link.a for j in link.b}
    right = found & must
    wrong = found - must - may
    counted = len(right) + len(wrong)
    return {
        "linked pairs": len(found),
        "must found": len(right),
        "must": len(must),
        "may linked": len(found & may),
        "wrong": len(wrong),
        "precision": len(right) / counted if counted else 1.0,
        "recall": len(right) / len(must) if must else 1.0,
        "missed": sorted(must - found),
        "wrong pairs": sorted(wrong),
    }


def bench_gold(model: str = "") -> None:
    pa, pb = example_paths()
    a, b = load_article(pa), load_article(pb)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if model:
        settings = Settings(embeddings=model)
        links = align(prepare(a, settings), prepare(b, settings), settings)
        title = f"embedding backend {backends.resolve(model).name}"
    else:
        links, title = align(a, b), "lexical"
    s = score_links(links, gold)
    print(f"\nExample reports (tests/data/gold_links.json), {title}")
    print("| linked pairs | must found | may linked | wrong | precision | recall |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {s['linked pairs']} | {s['must found']} / {s['must']} | {s['may linked']} | "
        f"{s['wrong']} | {s['precision']:.1%} | {s['recall']:.1%} |"
    )
    print("missed must pairs:", s["missed"])
    print("wrong pairs:", s["wrong pairs"])
    if model:
        for link in links:
            print(f"  {link.a} {link.b} {link.relation} probability "
                  f"{link.signals['probability']:.2f} cosine "
                  f"{link.signals.get(backends.EMBEDDING, float('nan')):.2f}")


def build_report(events, outlets: tuple[str, ...], size: int) -> Article:
    """The outlets' paragraphs of every event, round after round, cut at ``size`` sentences."""
    from compare.segment import split_sentences

    paragraphs = [p for event in events for o in outlets for p in event.get(o, [])]
    if not paragraphs:
        raise ValueError(f"no {'/'.join(outlets)} text found")
    chosen, count = [], 0
    while count < size:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        count += len(split_sentences(paragraph))
    text = "\n\n".join(chosen)
    article = Article.from_text(text)
    if len(article.sentences) > size:
        article = Article.from_text(text[: article.sentences[size - 1].end])
    return article


def bench_speed(data: Path, sizes: list[int], repeat: int) -> None:
    folder = data / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: BASIL not found at {folder}")
        return
    events = load_events(folder)
    print("\nalign() on BASIL-built reports (nyt vs fox+hpo)")
    print(f"| sentences a x b | links | seconds (best of {repeat}) |")
    print("|---|---|---|")
    for size in sizes:
        a = build_report(events, ("nyt",), size)
        b = build_report(events, ("fox", "hpo"), size)
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            links = align(a, b)
            best = min(best, time.perf_counter() - start)
        print(f"| {len(a.sentences)} x {len(b.sentences)} | {len(links)} | {best:.2f} |")


def show(data: Path, n: int) -> None:
    folder = data / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: BASIL not found at {folder}")
        return
    for event in load_events(folder)[:n]:
        if "nyt" not in event or "fox" not in event:
            continue
        a = Article.from_text("\n\n".join(event["nyt"]), name="nyt")
        b = Article.from_text("\n\n".join(event["fox"]), name="fox")
        print(f"\n=== nyt ({len(a.sentences)}) vs fox ({len(b.sentences)})")
        for link in align(a, b):
            ta = " ".join(a.sentences[i].text for i in link.a)
            tb = " ".join(b.sentences[j].text for j in link.b)
            print(f"-- {link.a} {link.b} {link.relation} {link.score:.2f}")
            print(f"   A: {ta}\n   B: {tb}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--sizes", default="", help="comma-separated sentence counts")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print links of N BASIL events")
    parser.add_argument("--embeddings", default=os.environ.get(backends.ENVIRONMENT, ""),
                        help="a model folder: score the embedding backend's links too")
    args = parser.parse_args(argv)
    bench_gold()
    if args.embeddings:
        bench_gold(args.embeddings)
    if args.sizes:
        bench_speed(args.data, [int(s) for s in args.sizes.split(",")], args.repeat)
    if args.show:
        show(args.data, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
