"""Same-story score (Comparison.similarity) on held-out ECB+ topics and BASIL events.

    python benchmarks/bench_story.py [--data ../shared/bench] [--limit N]

The models of ``data/story.json`` are fitted by ``training/fit_story.py`` on ECB+ odd
topics and the first half of BASIL events (by sorted uuid); this benchmark reports on the
other part only (ECB+ even topics, second half of BASIL events), with the same pairs
builders and the same de-tokeniser. For each pair it runs ``compare()`` on the two
prepared reports and reads ``Comparison.similarity`` (the ``full`` model), and
``compare.story.score`` (the cheap ``document`` model); the baseline is the TF-IDF cosine
of the two whole texts (the ``tfidf`` signal), computed in the same run.

- ECB+: ROC AUC over every pair of articles within a topic (same subtopic = positive,
  the topic's other subtopic = negative: similar but different events), and the
  accuracy of the same-event decision on them and on the cross-topic pairs.
- BASIL: ROC AUC of the three outlet pairs of an event against pairs with articles of
  other events; the share of same-event pairs the comparison flags as maybe not the same
  event (the note; goal none).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

import fit_story as fit

from compare import compare
from compare.prepare import prepare
from compare.story import score


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC (ties count half): the chance a positive outranks a negative."""
    from scipy.stats import rankdata

    pos = labels.astype(bool)
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if not n_pos or not n_neg:
        return float("nan")
    ranks = rankdata(scores)
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def run(docs, pairs, limit: int | None) -> dict[str, np.ndarray]:
    """compare() and score() on each pair; arrays of the readings and the timings."""
    if limit:
        pairs = pairs[:limit]
    used = sorted({i for p in pairs for i in (p.a, p.b)})
    started = time.perf_counter()
    prepared = {i: prepare(docs[i].article) for i in used}
    prep = time.perf_counter() - started
    out: dict[str, list] = {"full": [], "document": [], "tfidf": [], "same_event": []}
    doc_time = full_time = 0.0
    for p in pairs:
        pa, pb = prepared[p.a], prepared[p.b]
        t0 = time.perf_counter()
        cheap = score(pa, pb)
        t1 = time.perf_counter()
        result = compare(pa, pb)
        full_time += time.perf_counter() - t1
        doc_time += t1 - t0
        out["full"].append(result.similarity)
        out["document"].append(cheap.probability)
        out["tfidf"].append(cheap.signals["tfidf"])
        out["same_event"].append(result.story.same_event)
    arrays = {k: np.asarray(v) for k, v in out.items()}
    arrays["label"] = np.asarray([p.same for p in pairs])
    arrays["within"] = np.asarray([p.within_topic for p in pairs])
    arrays["times"] = np.asarray([len(used), prep, len(pairs), doc_time, full_time])
    return arrays


def report(title: str, r: dict[str, np.ndarray], within_only: bool) -> None:
    keep = r["within"] if within_only else np.ones(len(r["label"]), dtype=bool)
    y = r["label"][keep]
    print(f"### {title}: {int(y.sum())} same-event pairs, {int((~y).sum())} others\n")
    print("| reading | ROC AUC | decision accuracy |")
    print("|---|---|---|")
    for name, key in (("Comparison.similarity (full model)", "full"),
                      ("story.score (document model, no alignment)", "document"),
                      ("baseline: TF-IDF cosine of the whole texts", "tfidf")):
        accuracy = ""
        if key == "full":
            accuracy = f"{np.mean(r['same_event'][keep] == y):.3f}"
        print(f"| {name} | {auc(r[key][keep], y):.3f} | {accuracy} |")
    if within_only:
        cross = ~r["within"]
        if cross.any():
            print(f"\nCross-topic pairs ({int(cross.sum())}, all different events): "
                  f"{np.mean(~r['same_event'][cross]):.1%} decided 'not the same event'.")
    same = r["label"].astype(bool)
    flagged = int((~r["same_event"][same]).sum())
    print(f"\nSame-event pairs flagged 'may not report the same event': {flagged} of "
          f"{int(same.sum())} ({flagged / max(int(same.sum()), 1):.1%}).")
    n_docs, prep, n_pairs, doc_time, full_time = r["times"]
    print(f"\nTime: prepare {int(n_docs)} reports {prep:.1f} s; {int(n_pairs)} pairs: "
          f"story.score {1000 * doc_time / n_pairs:.2f} ms a pair, compare() "
          f"{1000 * full_time / n_pairs:.1f} ms a pair.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=fit.DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N pairs of each set")
    args = parser.parse_args(argv)
    ecb = fit.load_ecb(args.data)
    if ecb is None:
        print(f"skipped: ECB+ not found under {args.data}")
    else:
        held = [i for i, d in enumerate(ecb) if not fit.ecb_fit_part(d)]
        r = run(ecb, fit.ecb_pairs(ecb, held), args.limit)
        report("ECB+ even topics (held out), pairs within a topic", r, within_only=True)
    basil = fit.load_basil(args.data)
    if basil is None:
        print(f"skipped: BASIL not found under {args.data}")
    else:
        held = [i for i, d in enumerate(basil) if not fit.basil_fit_part(d)]
        r = run(basil, fit.basil_pairs(basil, held), args.limit)
        report("BASIL second half of events (held out)", r, within_only=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
