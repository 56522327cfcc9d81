"""Decision data for labels (issue 10): are links between ``link_threshold`` and the
model's own cut as right as the links the model accepts? ECB+ odd topics only.

    .venv/bin/python training/probe_link_band.py [--data ../shared/bench]

``Settings.link_threshold`` (0.4) is looser than the same-content model's accuracy-best
cut on MSRP (``similarity.json``'s ``threshold``, 0.479), so ``compare()`` labels
``paraphrase`` some pairs the model itself would not accept. Whether those should carry
a weaker relation was decided on this, never on a set the README reports a link figure
on for the decision: for every pair of documents of one subtopic of an *odd* ECB+ topic
(the even ones are left apart), the links of ``compare.align`` between annotated
sentences, grouped by relation and, for ``paraphrase`` and ``partial``, by probability
band, against the annotated sentence pairs sharing an event chain (the gold of
``benchmarks/bench_links.py``: loose, "both mention one event"). Prints per group the
sentence pairs linked and the share that share a chain.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_links import ecb_pairs, ecb_subtopics  # noqa: E402

from compare import similarity  # noqa: E402
from compare.align import align  # noqa: E402
from compare.settings import DEFAULT  # noqa: E402


def group(link, cut: float) -> str:
    """The group of a link: its relation, and for paraphrase / partial its probability band."""
    p = link.signals["probability"]
    if link.relation == "paraphrase":
        return "paraphrase, probability >= the model's cut" if p >= cut else (
            "paraphrase, link_threshold <= probability < the model's cut")
    if link.relation == "partial":
        return "partial, probability >= link_threshold" if p >= DEFAULT.link_threshold else (
            "partial, probability < link_threshold")
    return link.relation


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    args = parser.parse_args(argv)
    path = args.data / "ecbplus" / "ecbplus_train_dev.jsonl"
    if not path.is_file():
        print(f"skipped: ECB+ not found at {path}")
        return 0
    cut = similarity.parameters()["models"]["same_content"]["threshold"]
    by_subtopic = ecb_subtopics(path, parity=1)  # odd topics: the fit part
    linked: Counter = Counter()
    right: Counter = Counter()
    started = time.process_time()
    for (_, pa, oa, chains_a), (_, pb, ob, chains_b) in ecb_pairs(by_subtopic):
        for link in align(pa, pb):
            for i, j in itertools.product(link.a, link.b):
                si, sj = oa[i], ob[j]
                if si in chains_a and sj in chains_b:
                    linked[group(link, cut)] += 1
                    right[group(link, cut)] += bool(chains_a[si] & chains_b[sj])
    print(f"ECB+ odd topics: links by group against shared event chains "
          f"(link_threshold {DEFAULT.link_threshold}, the model's cut {cut})")
    print("| group | sentence pairs linked | share sharing a chain |")
    print("|---|---:|---:|")
    for key in sorted(linked):
        print(f"| {key} | {linked[key]} | {right[key] / linked[key]:.3f} |")
    print(f"({time.process_time() - started:.0f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
