"""Fit ``Settings.partial_accepted`` on MSRP train: when is a pair the model accepts ``partial``?

    .venv/bin/python training/fit_links.py [--data ../shared/bench]

``compare()`` labels a pair ``partial`` when one side is largely contained in the other
and the longer side says clearly more (``compare.align``: ``partial_short``,
``partial_long``, ``partial_extra``, set a priori). When the same-content model accepts
the pair (probability >= ``link_threshold``), it is ``partial`` only if the longer
side's share of content words found in the shorter is at most ``partial_accepted``;
otherwise it is a ``paraphrase`` (same content). This script picks that share on MSRP
train labels, with the shipped model: the cut that makes ``compare()``'s "same content"
(a link other than ``partial``) agree best with the labels on the pairs that the model
accepts and that are contained with enough extra words (ties: the largest cut). It
prints the value; ``Settings.partial_accepted`` holds it. ``benchmarks/bench_links.py``
calls :func:`fit_partial_accepted` inside each cross-validation fold, on the nine
training folds only.

The evidence of a pair is computed as ``compare.align`` computes it for two one-sentence
reports (:func:`partial_evidence`: the content-word shares and the distinct stems each
side adds); the rule itself is ``compare.align``'s (:func:`is_partial`).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare import similarity
from compare.align import _is_contained, _says_more
from compare.segment import tokenize
from compare.settings import DEFAULT, Settings

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Evidence:
    """Per pair: the shares of a's and b's content words found in the other side, and
    the numbers of distinct content stems a adds to b and b adds to a."""

    content_a: np.ndarray
    content_b: np.ndarray
    extra_a: np.ndarray
    extra_b: np.ndarray

    def subset(self, rows: np.ndarray) -> Evidence:
        return Evidence(self.content_a[rows], self.content_b[rows], self.extra_a[rows],
                        self.extra_b[rows])

    def container(self) -> tuple[np.ndarray, np.ndarray]:
        """Per pair, the containing (longer) side's share found in the other and its extra
        stems, as ``compare.align._relation`` picks that side."""
        a_contains = self.content_b >= self.content_a
        return (np.where(a_contains, self.content_a, self.content_b),
                np.where(a_contains, self.extra_a, self.extra_b))


def partial_evidence(s1: list[str], s2: list[str]) -> Evidence:
    """The containment evidence of each sentence pair ``(s1[k], s2[k])``."""
    fa, fb = similarity.featurize([tokenize(t) for t in s1], [tokenize(t) for t in s2])
    k = np.arange(len(s1))
    sig = similarity.signals_for_pairs(fa, fb, k, k, skip=similarity.EXPENSIVE)
    a_stems = [set(x) for x in fa.stems]
    b_stems = [set(x) for x in fb.stems]
    return Evidence(
        sig[:, similarity.SIGNALS.index("content_a")],
        sig[:, similarity.SIGNALS.index("content_b")],
        np.asarray([len(x - y) for x, y in zip(a_stems, b_stems, strict=True)]),
        np.asarray([len(y - x) for x, y in zip(a_stems, b_stems, strict=True)]),
    )


def is_partial(evidence: Evidence, accepted: np.ndarray, settings: Settings) -> np.ndarray:
    """Which pairs ``compare.align`` labels ``partial`` by containment under ``settings``
    (``accepted``: the model accepts the pair)."""
    contained = _is_contained(evidence.content_a, evidence.content_b, settings)
    share, extra = evidence.container()
    says = np.fromiter(
        (_says_more(int(e), float(s), bool(ok), settings)
         for e, s, ok in zip(extra, share, accepted, strict=True)),
        bool, len(share),
    )
    return np.asarray(contained & says)


def fit_partial_accepted(
    evidence: Evidence, accepted: np.ndarray, y: np.ndarray, settings: Settings = DEFAULT
) -> float:
    """The ``partial_accepted`` under which "accepted and not partial" agrees best with the
    labels ``y`` (1: same content). The cuts tried lie halfway between two observed shares
    of the pairs it decides (rounded down to 0.001), the first halfway between 0 and the
    smallest; among equally good cuts, the largest. When no cut helps, that first one:
    no accepted pair of the data is ``partial``, but a longer side that adds far more
    than any of them (a share below all of theirs) still makes one."""
    share, _ = evidence.container()
    loose = is_partial(evidence, accepted, settings.replace(partial_accepted=1.0))
    movable = loose & accepted  # pairs whose label the cut decides
    values = np.concatenate([[0.0], np.unique(share[movable]), [1.0]])
    best, chosen = 0, 0  # values[0] = 0: no accepted pair partial (a share is never 0)
    for k in range(1, len(values) - 1):
        partial = movable & (share <= values[k])
        gain = int(np.sum(partial & (y == 0))) - int(np.sum(partial & (y == 1)))
        if gain >= best:
            best, chosen = gain, k
    return float(np.floor((values[chosen] + values[chosen + 1]) / 2 * 1000) / 1000)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "training"))
    import fit_similarity as fit

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    args = parser.parse_args(argv)
    path = args.data / "msrp" / "msr_paraphrase_train.txt"
    if not path.is_file():
        print(f"skipped: MSRP not found at {path}")
        return 0
    s1, s2, y = fit.load_msrp(path)
    prob = similarity.apply_model(fit.signals(s1, s2, similarity.parameters()["idf"]))
    accepted = prob >= DEFAULT.link_threshold
    value = fit_partial_accepted(partial_evidence(s1, s2), accepted, y)
    print(f"partial_accepted = {value} (MSRP train, {len(y)} pairs, link_threshold "
          f"{DEFAULT.link_threshold}; Settings.partial_accepted holds it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
