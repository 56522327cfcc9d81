"""Do the words ``compare.wording`` flags as framing fall in BASIL's lexical-bias spans?

    .venv/bin/python benchmarks/bench_framing.py [--data ../shared/bench]

BASIL (Fan et al. 2019) has 3 reports (nyt, fox, hpo) per event, with phrase-level
bias spans; ``lex`` spans are *lexical* bias (loaded wording), ``inf`` spans are
informational bias (what is told). A span is given as ``start``/``end``/``txt`` inside
one sentence of ``body-paragraphs`` without the sentence's index; the sentence is the
one where ``sentence[start:end] == txt`` (every span but one is found that way).

Each article becomes one text (sentences of a paragraph joined by a space, paragraphs
by a blank line), so the spans map to text offsets. For each event and each pair of
outlets, the sentences are aligned by ``compare.align.align`` with its settings
(``--threshold`` sets ``Settings.link_threshold``, the same-content probability a
``paraphrase`` link needs; the default is the library's), and the words flagged are:

- ``op attribution``: in word-diff ops of kind ``attribution``, the changed words that
  are cue verbs (other than the neutral ones: said, told...), hedges or intensifiers;
- ``framing``: the words of :func:`compare.wording.framing` records (cue verbs that
  differ, again without the neutral ones; hedges and intensifiers only one side uses).

A word counts once per article (an article is in two pairs). Precision is the share of
flagged words inside a lexical-bias span; the base rate is the share of all words of
the linked sentences inside one; lift is their ratio. The 95% interval of precision
is Wilson's (scipy): with a handful of hits, read the lifts as rough. Rows for reference: every
changed content word of the diffs, and every lexicon word of the linked sentences
whether or not the reports differ on it.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import defaultdict
from pathlib import Path

from scipy.stats import binomtest

from compare.align import align
from compare.lexicon import lexicon
from compare.models import Article
from compare.settings import Settings
from compare.wording import diff_link, framing, quote_regions

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ("nyt", "fox", "hpo")


def load_event_articles(folder: Path) -> dict[str, dict[str, dict]]:
    """``{triplet uuid: {outlet: {"path", "article", "lex", "inf"}}}`` from BASIL."""
    events: dict[str, dict[str, dict]] = defaultdict(dict)
    for path in sorted((folder / "articles").glob("*/*.json")):
        raw = json.loads(path.read_text("utf-8"))
        ann_path = folder / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if not ann_path.is_file():
            continue
        ann = json.loads(ann_path.read_text("utf-8"))
        text, offsets = "", []
        for paragraph in raw["body-paragraphs"]:
            if text:
                text += "\n\n"
            for k, sentence in enumerate(paragraph):
                if k:
                    text += " "
                offsets.append((len(text), sentence))
                text += sentence
        if not text.strip():
            continue
        spans: dict[str, list[tuple[int, int]]] = {"lex": [], "inf": []}
        for item in ann["phrase-level-annotations"]:
            for start, sentence in offsets:
                if sentence[item["start"] : item["end"]] == item["txt"]:
                    spans[item["bias"]].append((start + item["start"], start + item["end"]))
                    break
        outlet = raw["source"].lower()
        article = Article.from_text(text, name=f"{path.stem}:{outlet}")
        events[raw["triplet-uuid"]][outlet] = {"article": article, **spans}
    return events


def _words_in(article: Article, indices) -> list:
    return [w for i in indices for w in article.words[i] if w.is_word]


def _inside(span: tuple[int, int], regions) -> bool:
    return any(s < span[1] and span[0] < e for s, e in regions)


def run(folder: Path, settings: Settings) -> None:
    events = load_event_articles(folder)
    aligner = f"compare.align.align, link_threshold {settings.link_threshold}"
    lex = lexicon()
    loaded = {f for f, lemma in lex.framing_cue_verbs.items() if lemma not in lex.neutral_cue_verbs}
    listed = loaded | lex.hedges | lex.intensifiers
    # flags[row][article name] = set of (start, end) word spans
    rows = ("op attribution", "framing: attribution", "framing: hedge",
            "framing: intensifier", "all flags", "ref: changed content words",
            "ref: lexicon words (outside quotes)",
            "ref: any cue verb of a framing record")
    flags: dict[str, dict[str, set]] = {r: defaultdict(set) for r in rows}
    base: dict[str, set] = defaultdict(set)
    spans: dict[str, dict[str, list]] = {}
    n_pairs = n_links = 0
    for uuid in sorted(events):
        event = events[uuid]
        for x, y in itertools.combinations([o for o in OUTLETS if o in event], 2):
            a, b = event[x]["article"], event[y]["article"]
            spans[a.name], spans[b.name] = event[x], event[y]
            links = list(align(a, b, settings))
            n_pairs += 1
            n_links += len(links)
            for link in links:
                for art, idx in ((a, link.a), (b, link.b)):
                    base[art.name].update((w.start, w.end) for w in _words_in(art, idx))
                    quotes = quote_regions(art.text)
                    flags[rows[6]][art.name].update(
                        (w.start, w.end) for w in _words_in(art, idx)
                        if w.norm in listed and not _inside((w.start, w.end), quotes)
                    )
                diff = diff_link(a, b, link)
                aw = [w for i in sorted(link.a) for w in a.words[i]]
                bw = [w for i in sorted(link.b) for w in b.words[i]]
                for op in diff.ops:
                    if op.tag == "equal":
                        continue
                    for art, words in ((a, aw[op.i1 : op.i2]), (b, bw[op.j1 : op.j2])):
                        for w in words:
                            if w.content:
                                flags[rows[5]][art.name].add((w.start, w.end))
                            if op.kind == "attribution" and w.norm in listed:
                                flags[rows[0]][art.name].add((w.start, w.end))
            for f in framing(a, b, links):
                row = {"attribution": rows[1], "hedge": rows[2], "intensifier": rows[3]}[f.kind]
                for art, span in ((a, f.a_span), (b, f.b_span)):
                    if span and f.kind == "attribution":
                        flags[rows[7]][art.name].add(span)
                for art, span, text in ((a, f.a_span, f.a_text), (b, f.b_span, f.b_text)):
                    if span and (f.kind != "attribution" or text.casefold() in loaded):
                        flags[row][art.name].add(span)
    for r in rows[:4]:
        for name, found in flags[r].items():
            flags["all flags"][name].update(found)

    def share(sets: dict[str, set], bias: str) -> tuple[int, int]:
        total = hit = 0
        for name, found in sets.items():
            total += len(found)
            hit += sum(_inside(s, spans[name][bias]) for s in found)
        return hit, total

    print(f"BASIL: {len(events)} events, {n_pairs} article pairs, {n_links} links")
    print(f"aligner: {aligner}")
    for bias in ("lex", "inf"):
        bh, bt = share(base, bias)
        rate = bh / bt if bt else 0.0
        label = "lexical" if bias == "lex" else "informational"
        print(f"\nwords inside {label}-bias spans (base rate over the linked sentences: "
              f"{bh}/{bt} = {100 * rate:.1f}%)")
        print(f"{'flag':38} {'words':>6} {'in span':>8} {'precision':>10} "
              f"{'95% CI':>13} {'lift':>6}")
        for r in rows:
            hit, total = share(flags[r], bias)
            prec = hit / total if total else 0.0
            lift = prec / rate if rate else 0.0
            ci = binomtest(hit, total).proportion_ci(method="wilson") if total else None
            low, high = (100 * ci.low, 100 * ci.high) if ci else (0.0, 0.0)
            print(f"{r:38} {total:6d} {hit:8d} {100 * prec:9.1f}% "
                  f"{low:5.1f}-{high:5.1f}% {lift:6.2f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument(
        "--threshold", type=float, default=Settings().link_threshold,
        help="same-content probability a paraphrase link needs (Settings.link_threshold, "
        "default %(default)s)",
    )
    args = parser.parse_args(argv)
    folder = args.data / "basil"
    if not (folder / "articles").is_dir():
        print(f"skipped: basil not found at {folder}")
        return 0
    run(folder, Settings(link_threshold=args.threshold))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
