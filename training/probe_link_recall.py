"""What caps link recall on ECB+ (issue 10)? ODD topics only (the even ones are the report part).

    .venv/bin/python training/probe_link_recall.py [--data ../shared/bench] [--settings k=v,...]

The gold of ``benchmarks/bench_links.py``: on every pair of documents of one subtopic
(same event), the annotated sentence pairs that share an event chain. Each gold pair of
an odd topic is put in the first stage that loses it (an ECB+ sentence may be cut into
several sentences by the splitter: the pair counts as linked when any of its sentence
pairs is):

- *linked*: some link of ``compare.align`` holds it (merged one-to-many links and
  several links of one sentence are counted too: the aligner has no one-to-one step, so
  nothing is "kept only once");
- *candidate, rejected*: a candidate pair (``similarity.candidates``) that became no
  link, by band of its exact same-content probability (every signal computed);
- *never a candidate*: by what the two sentences share (TF-IDF cosine at or above
  ``candidate_floor`` but not among the ``top_k`` best of its row or column; below the
  floor; names or numbers in common but not among the ``detail_top_k`` best; no
  content stem in common at all).

Beside each rejected / never-candidate row, the same count over the *non-gold* pairs of
annotated sentences in the same stage: what linking that whole stage would cost in
precision. Nothing here is fitted; it only reads.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_links import ecb_pairs, ecb_subtopics  # noqa: E402

from compare import similarity  # noqa: E402
from compare.align import align_scored  # noqa: E402
from compare.settings import DEFAULT, Settings  # noqa: E402
from compare.similarity.pairs import report_features  # noqa: E402

BANDS = (0.3, 0.2, 0.1, 0.0)
STAGES = (
    "linked",
    *(f"candidate, rejected, probability >= {b}" for b in BANDS),
    "never a candidate: cosine >= floor, cut by top_k",
    "never a candidate: cosine below floor, names/numbers shared, cut by detail_top_k",
    "never a candidate: cosine below floor, no name/number shared",
    "never a candidate: no content stem in common",
)


def stage_of(i: int, j: int, linked: set, scored: dict, share: dict, settings: Settings) -> int:
    """The index in STAGES of sentence pair ``(i, j)`` (a smaller index is a later stage)."""
    if (i, j) in linked:
        return 0
    if (i, j) in scored:
        p = scored[(i, j)]
        return 1 + next(k for k, b in enumerate(BANDS) if p >= b)
    cos, details, stems = share["cos"][i, j], share["details"][i, j], share["stems"][i, j]
    if cos >= settings.candidate_floor:
        return len(BANDS) + 1
    if details > 0:
        return len(BANDS) + 2
    if stems > 0:
        return len(BANDS) + 3
    return len(BANDS) + 4


def parse_settings(text: str) -> Settings:
    changes = {}
    for part in filter(None, text.split(",")):
        key, value = part.split("=")
        kind = type(getattr(DEFAULT, key))
        changes[key] = value in ("1", "true", "True") if kind is bool else kind(value)
    return DEFAULT.replace(**changes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--settings", default="", help="k=v,... changes to the defaults")
    args = parser.parse_args(argv)
    path = args.data / "ecbplus" / "ecbplus_train_dev.jsonl"
    if not path.is_file():
        print(f"skipped: ECB+ not found at {path}")
        return 0
    settings = parse_settings(args.settings).replace(deferred=())  # exact probabilities
    by_subtopic = ecb_subtopics(path, parity=1)  # odd topics: the fit part
    gold_n: Counter = Counter()
    other_n: Counter = Counter()
    multi = Counter()
    started = time.process_time()
    n_pairs = 0
    for (_, pa, oa, chains_a), (_, pb, ob, chains_b) in ecb_pairs(by_subtopic):
        n_pairs += 1
        links, scores = align_scored(pa, pb, settings)
        fa, fb = similarity.join(report_features(pa), report_features(pb))
        share = {
            "cos": (fa.tfidf @ fb.tfidf.T).toarray(),
            "details": (fa.sets["names"] @ fb.sets["names"].T
                        + fa.sets["numbers"] @ fb.sets["numbers"].T).toarray(),
            "stems": (fa.sets["content"] @ fb.sets["content"].T).toarray(),
        }
        linked = {(i, j) for link in links for i in link.a for j in link.b}
        merged = {(i, j) for link in links if len(link.a) + len(link.b) > 2
                  for i in link.a for j in link.b}
        scored = dict(zip(zip(scores.a, scores.b, strict=True), scores.probability, strict=True))
        best: dict[tuple[int, int], int] = {}
        for i, si in oa.items():
            if si not in chains_a:
                continue
            for j, sj in ob.items():
                if sj not in chains_b:
                    continue
                k = stage_of(i, j, linked, scored, share, settings)
                key = (si, sj)
                best[key] = min(best.get(key, k), k)
                if (i, j) in merged:
                    multi["merged"] += 1
        for (si, sj), k in best.items():
            if chains_a[si] & chains_b[sj]:
                gold_n[k] += 1
            else:
                other_n[k] += 1
        gold = [key for key in best if chains_a[key[0]] & chains_b[key[1]]]
        per_a = Counter(si for si, _ in gold)
        multi["gold pairs whose a sentence has several gold partners"] += sum(
            per_a[si] > 1 for si, _ in gold)
    total = sum(gold_n.values())
    print(f"ECB+ odd topics: {n_pairs} same-subtopic document pairs, {total} gold sentence "
          f"pairs (sharing an event chain); settings changed: {args.settings or 'none'}")
    print("| stage | gold pairs | share of gold | non-gold pairs | precision if all linked |")
    print("|---|---:|---:|---:|---:|")
    for k, name in enumerate(STAGES):
        g, o = gold_n[k], other_n[k]
        print(f"| {name} | {g} | {g / max(total, 1):.3f} | {o} | {g / max(g + o, 1):.3f} |")
    print(f"linked gold+non-gold sentence pairs inside merged links: {multi['merged']}; "
          f"{multi['gold pairs whose a sentence has several gold partners']} gold pairs have "
          "an a sentence with several gold partners")
    print(f"({time.process_time() - started:.0f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
