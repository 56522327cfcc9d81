"""training/fit_links.py: the cut of Settings.partial_accepted, fitted on labelled pairs."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import fit_links


def _evidence(shares):
    """Pairs whose a is contained in b (all of a's words in b), b adding 6 stems, b's
    share found in a as given."""
    n = len(shares)
    return fit_links.Evidence(np.ones(n), np.asarray(shares, float), np.zeros(n, int),
                              np.full(n, 6))


def test_the_cut_takes_the_pairs_that_are_mostly_of_other_content():
    ev = _evidence([0.2, 0.25, 0.3, 0.45, 0.5])
    y = np.asarray([0, 0, 0, 1, 1])
    cut = fit_links.fit_partial_accepted(ev, np.ones(5, bool), y)
    assert 0.3 <= cut < 0.45
    partial = fit_links.is_partial(ev, np.ones(5, bool), fit_links.DEFAULT.replace(
        partial_accepted=cut))
    assert partial.tolist() == [True, True, True, False, False]


def test_when_no_cut_helps_it_stays_below_every_observed_share():
    ev = _evidence([0.3, 0.4, 0.5])
    cut = fit_links.fit_partial_accepted(ev, np.ones(3, bool), np.ones(3, int))
    assert cut == pytest.approx(0.15)
    # pairs the model does not accept are partial whatever the cut
    assert fit_links.is_partial(ev, np.zeros(3, bool), fit_links.DEFAULT).all()


def test_evidence_of_sentences_counts_the_stems_each_side_adds():
    ev = fit_links.partial_evidence(
        ["Police arrested the mayor."],
        ["Police arrested the mayor of Boston on Friday after a long inquiry."],
    )
    assert ev.content_a[0] == pytest.approx(1.0)
    assert ev.extra_a[0] == 0 and ev.extra_b[0] >= 4
