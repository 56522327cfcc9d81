"""Speaker accuracy of the quotes :func:`compare.quotes.extract_quotes` finds, on a
development gold of BASIL articles (not the frozen issue-11 gold).

The gold is ``benchmarks/gold/basil_speakers_dev.json`` (``--gold dev``, H32: every quote
the library found on the 24 articles of eight development events when it was made) or
``basil_speakers_dev2.json`` (``--gold dev2``, H35: 18 articles of six other events) or
``basil_speakers_dev3.json`` (``--gold dev3``, H37: 18 articles of six more events),
each with the speaker
read from the article by hand (rules in ``benchmarks/gold/README.md``). Each gold quote
is matched to the library quote that overlaps it most and scored as ``bench_real.py``
scores speakers (:func:`bench_real.speaker_right`, and a surname of several words
alone is right too): right, wrong, unknown (the library gives no speaker; right where
the gold is ``unknown`` with no role), missed (no library quote overlaps it). Gold
entries marked ``none`` are words in quotation marks that are no quote (a scare quote, a
title): they are counted apart, with how many of them the library gives a speaker.

    python benchmarks/bench_speakers_dev.py [--data ../shared/bench] [--verbose]
    python benchmarks/bench_speakers_dev.py --gold dev2  # the second development gold
    python benchmarks/bench_speakers_dev.py --gold dev3  # the third development gold
    python benchmarks/bench_speakers_dev.py --dump ARTICLE_ID   # the article, quotes marked
    python benchmarks/bench_speakers_dev.py --all OUT.tsv       # every quote's speaker on
                                        # the BASIL events outside the frozen gold
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from compare.details import name_key
from compare.models import Article
from compare.quotes import extract_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_details import basil_text
from bench_real import HONORIFICS, overlaps, ratio, speaker_right

ROOT = Path(__file__).resolve().parents[1]
GOLDS = {"dev": ROOT / "benchmarks" / "gold" / "basil_speakers_dev.json",
         "dev2": ROOT / "benchmarks" / "gold" / "basil_speakers_dev2.json",
         "dev3": ROOT / "benchmarks" / "gold" / "basil_speakers_dev3.json"}
FROZEN = ROOT / "benchmarks" / "gold" / "basil_real.json"


def load(folder: Path, article_id: str) -> Article:
    return Article.from_text(basil_text(folder / f"{article_id}.json"), name=article_id)


def frozen_events() -> set[str]:
    """The frozen gold's events (their articles are never read here)."""
    return set(json.loads(FROZEN.read_text("utf-8"))["events"])


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def right(said: str, quote: dict) -> bool:
    """``bench_real.speaker_right``, and a surname of several words counts as the
    surname (``Wasserman Schultz`` for ``Debbie Wasserman Schultz``), a surname
    without the gold's suffix too (``Jackson`` for ``Jesse Jackson Jr.``)."""
    if speaker_right(said, quote):
        return True
    words = [w for w in name_key(said).split() if w not in HONORIFICS]
    gold = name_key(quote["speaker"]).split()
    while len(gold) > 1 and gold[-1] in SUFFIXES:
        gold.pop()
    if words == gold:
        return True
    return quote["speaker"] != "unknown" and 0 < len(words) < len(gold) and \
        gold[-len(words):] == words


def score(gold: dict, folder: Path, verbose: bool) -> Counter:
    counts: Counter = Counter()
    for article_id, entries in gold["articles"].items():
        quotes = [(q.start, q.end, q.speaker) for q in extract_quotes(load(folder, article_id))]
        for g in entries:
            span = (g["start"], g["end"])
            best = max(quotes, default=None,
                       key=lambda f: min(span[1], f[1]) - max(span[0], f[0]))
            if g["speaker"] == "none":
                counts["not_quote"] += 1
                if best is not None and overlaps(span, best[:2]) and best[2]:
                    counts["not_quote_speaker"] += 1
                continue
            if best is None or not overlaps(span, best[:2]):
                kind = "missed"
            elif not best[2]:
                kind = "right" if g["speaker"] == "unknown" and "role" not in g else "unknown"
            else:
                kind = "right" if right(best[2], g) else "wrong"
            counts[kind] += 1
            if verbose and kind != "right":
                said = best[2] if best else None
                print(f"  {kind:7} {article_id} {g['start']}: gold {g['speaker']!r} "
                      f"library {said!r}")
    return counts


def dump(folder: Path, article_id: str) -> None:
    """The article with each quote marked ``⟦n: speaker⟧`` before it, for annotating."""
    article = load(folder, article_id)
    text, out, pos = article.text, [], 0
    for n, q in enumerate(extract_quotes(article)):
        out.append(text[pos:q.start])
        out.append(f"⟦{n} {q.start}-{q.end}: {q.speaker or '?'}⟧")
        pos = q.start
    out.append(text[pos:])
    print("".join(out))


def dump_all(folder: Path, out: Path) -> None:
    """Every quote's speaker on the BASIL events outside the frozen gold, one a line."""
    skip = frozen_events()
    lines = []
    for path in sorted(folder.glob("*/*.json")):
        if json.loads(path.read_text("utf-8"))["triplet-uuid"] in skip:
            continue
        article_id = f"{path.parent.name}/{path.stem}"
        for q in extract_quotes(load(folder, article_id)):
            lines.append(f"{article_id}\t{q.start}\t{q.end}\t{q.speaker}\t{q.verb}\n")
    out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} quotes -> {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "bench"),
                        help="bench data folder (default ../shared/bench)")
    parser.add_argument("--gold", choices=sorted(GOLDS), default="dev",
                        help="which development gold (default dev)")
    parser.add_argument("--verbose", action="store_true", help="print every quote not right")
    parser.add_argument("--dump", metavar="ARTICLE_ID", help="print one article, quotes marked")
    parser.add_argument("--all", metavar="OUT", help="write every quote's speaker (TSV)")
    args = parser.parse_args(argv)
    folder = Path(args.data) / "basil" / "articles"
    if not folder.is_dir():
        print(f"bench_speakers_dev: {folder} absent", file=sys.stderr)
        return 1
    if args.dump:
        if args.dump.split("/")[-1].split("-")[0] in {e[:8] for e in frozen_events()}:
            print("bench_speakers_dev: that article belongs to the frozen gold", file=sys.stderr)
            return 1
        dump(folder, args.dump)
        return 0
    if args.all:
        dump_all(folder, Path(args.all))
        return 0
    path = GOLDS[args.gold]
    gold = json.loads(path.read_text("utf-8"))
    c = score(gold, folder, args.verbose)
    quotes = c["right"] + c["wrong"] + c["unknown"] + c["missed"]
    print(f"BASIL speakers, development gold: {len(gold['events'])} events, "
          f"{len(gold['articles'])} articles ({path.relative_to(ROOT)})\n")
    print("quotes  right  wrong  unknown  missed  accuracy   not quotes (given a speaker)")
    print(f"{quotes:6d} {c['right']:6d} {c['wrong']:6d} {c['unknown']:8d} {c['missed']:7d} "
          f"{ratio(c['right'], quotes):>9}   {c['not_quote']:4d} ({c['not_quote_speaker']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
