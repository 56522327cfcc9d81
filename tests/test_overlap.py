"""Shared passages, coverage and verdict: real text from the example reports, properties."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align import align
from compare.models import RELATIONS, UNIQUE, VERDICTS, Article, Link, Passage
from compare.overlap import (
    _gram_ids,
    _runs,
    coverage,
    decide,
    shared_passages,
    verdict,
    verdict_model,
)
from compare.segment import tokenize

UNRELATED = (
    "The city council voted on Monday to extend the opening hours of the public library. "
    "Residents had asked for evening access during the exam season, the mayor explained. "
    "The new timetable starts next month and costs about twelve thousand dollars a year. "
    "Librarians welcomed the change but warned that more staff would be needed."
)


def _norms(text: str) -> list[str]:
    return [w.norm for w in tokenize(text) if w.is_word]


def _mirror(p: Passage, a: Article, b: Article) -> Passage:
    return Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.words, b.text[p.b_start:p.b_end])


def _mirror_link(link: Link) -> Link:
    return dataclasses.replace(link, a=link.b, b=link.a)


@pytest.fixture(scope="module")
def passages(article_a, article_b):
    return shared_passages(article_a, article_b)


# --- shared passages on the example reports -----------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "failed to stand up to the Taliban",
        "the peaceful solution that Afghans desperately wanted",
        "led to the tragedy we are witnessing today",
    ],
)
def test_example_reports_share_known_passages(article_a, article_b, passages, phrase):
    want = " ".join(_norms(phrase))
    hits = [p for p in passages if want in " ".join(_norms(p.text))]
    assert hits, phrase
    for p in hits:
        assert want in " ".join(_norms(article_b.text[p.b_start:p.b_end]))


def test_passage_spans_hold_the_same_words(article_a, article_b, passages):
    assert len(passages) >= 5
    for p in passages:
        a_words = _norms(article_a.text[p.a_start:p.a_end])
        b_words = _norms(article_b.text[p.b_start:p.b_end])
        assert a_words == b_words
        assert len(a_words) == p.words >= 5
        assert p.text == article_a.text[p.a_start:p.a_end]


def test_punctuation_does_not_break_a_passage(passages):
    # a: "stand up to the Taliban, and to achieve"; b: "... the Taliban and to achieve"
    longest = max(passages, key=lambda p: p.words)
    assert "Taliban, and to achieve" in longest.text
    assert longest.words >= 20


def test_passages_run_across_sentence_boundaries(article_a, passages):
    def sentence_of(offset):
        return next(s.index for s in article_a.sentences if s.start <= offset < s.end)

    assert any(sentence_of(p.a_start) != sentence_of(p.a_end - 1) for p in passages)


def test_passages_sorted_and_deterministic(article_a, article_b, passages):
    assert list(passages) == sorted(passages, key=lambda p: (p.a_start, p.b_start))
    assert shared_passages(article_a, article_b) == passages


def test_min_words(article_a, article_b, passages):
    longer = shared_passages(article_a, article_b, min_words=10)
    assert longer and all(p.words >= 10 for p in longer)
    assert {(p.a_start, p.b_start) for p in longer} <= {(p.a_start, p.b_start) for p in passages}
    with pytest.raises(ValueError):
        shared_passages(article_a, article_b, min_words=0)


def _reference_runs(a, b, k):
    """All maximal diagonal runs of length >= k, by brute force."""
    out = []
    for i in range(len(a)):
        for j in range(len(b)):
            if i and j and a[i - 1] == b[j - 1]:
                continue
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n >= k:
                out.append((i, j, n))
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 3), max_size=40),
    st.lists(st.integers(0, 3), max_size=40),
    st.integers(1, 4),
)
def test_runs_match_brute_force(a, b, k):
    i, j, n = _runs(a, b, k)
    assert list(zip(i.tolist(), j.tolist(), n.tolist(), strict=True)) == _reference_runs(a, b, k)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 3), max_size=30),
    st.lists(st.integers(0, 3), max_size=30),
    st.integers(1, 9),
)
def test_gram_ids_are_equal_exactly_for_equal_grams(a, b, n):
    # codes near 2**40 force the renumbering step that keeps the ids within 62 bits
    big = 2**40
    a_codes = np.asarray(a, dtype=np.int64) * big
    b_codes = np.asarray(b, dtype=np.int64) * big
    ga, gb = _gram_ids(a_codes, b_codes, n)
    grams_a = [tuple(a[i : i + n]) for i in range(len(a) - n + 1)]
    grams_b = [tuple(b[j : j + n]) for j in range(len(b) - n + 1)]
    assert len(ga) == len(grams_a) and len(gb) == len(grams_b)
    ids = np.concatenate([ga, gb]).tolist()
    grams = grams_a + grams_b
    for x in range(len(grams)):
        for y in range(len(grams)):
            assert (ids[x] == ids[y]) == (grams[x] == grams[y])


# --- coverage --------------------------------------------------------------------------


def test_example_coverage_with_alignment(article_a, article_b, passages):
    links = align(article_a, article_b)
    cov_a, cov_b = coverage(article_a, article_b, links, passages)
    for cov, article in ((cov_a, article_a), (cov_b, article_b)):
        assert cov.verbatim + cov.paraphrase + cov.absent == pytest.approx(1)
        assert 0.05 < cov.verbatim < 0.5
        assert cov.paraphrase > 0
        assert len(cov.sentences) == len(article.sentences)
        assert set(cov.sentences) <= {*RELATIONS, UNIQUE}
    assert (cov_a.of, cov_a.by) == (article_a.name, article_b.name)
    # a's second sentence is linked near verbatim to b's fifth in the alignment
    best = {i: RELATIONS.index(cov_a.sentences[i]) for i in range(len(cov_a.sentences))
            if cov_a.sentences[i] != UNIQUE}
    for link in links:
        for i in link.a:
            assert best[i] <= RELATIONS.index(link.relation)


def test_report_with_itself_is_fully_verbatim(article_a):
    cov_a, cov_b = coverage(article_a, article_a, (), shared_passages(article_a, article_a))
    assert cov_a.verbatim == cov_b.verbatim == 1.0
    assert cov_a.absent == cov_a.paraphrase == 0.0
    assert cov_a.sentences == (UNIQUE,) * len(article_a.sentences)  # no links given


def test_short_identical_sentence_counts_as_verbatim():
    a = Article.from_text("Taliban seize Kabul.", name="a")
    b = Article.from_text("Officials fled. Taliban seize kabul!", name="b")
    assert shared_passages(a, b) == ()
    cov_a, cov_b = coverage(a, b, (), ())
    assert cov_a.verbatim == 1.0
    assert cov_b.verbatim == pytest.approx(3 / 5)  # "Taliban seize Kabul" of 5 content words


def test_unrelated_reports_have_almost_no_coverage(article_a):
    other = Article.from_text(UNRELATED, name="library")
    cov_a, cov_b = coverage(article_a, other, (), shared_passages(article_a, other))
    assert cov_a.verbatim == cov_b.verbatim == 0.0
    assert cov_a.absent == cov_b.absent == 1.0


def test_unknown_relation_is_refused(article_a, article_b):
    link = Link((0,), (0,), 0.5, "similar", (), {}, "")
    with pytest.raises(ValueError, match="relation"):
        coverage(article_a, article_b, (link,), ())


# --- properties on texts built from the example reports' words -------------------------

_VOCAB = ["NATO", "Taliban", "Afghan", "leadership", "failed", "to", "stand", "up", "the",
          "said", "he", "collapse", "and", "peaceful", "solution", "Kabul", "airport"]
_sentence = st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=12).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_report = st.lists(_sentence, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(_report, _report, st.integers(2, 6))
def test_coverage_properties(text_a, text_b, k):
    a = Article.from_text(text_a, name="a")
    b = Article.from_text(text_b, name="b")
    passages = shared_passages(a, b, min_words=k)
    links = tuple(
        Link((i,), (i,), 0.5, RELATIONS[i % len(RELATIONS)], (), {}, "")
        for i in range(min(len(a.sentences), len(b.sentences)))
        if i % 2 == 0
    )
    covered = coverage(a, b, links, passages)
    for cov in covered:
        shares = (cov.verbatim, cov.paraphrase, cov.absent)
        assert all(0 <= s <= 1 for s in shares)
        assert sum(shares) == pytest.approx(1) if cov.content_words else sum(shares) == 0
    # swapping a and b mirrors the passages and swaps the coverage records
    swapped = shared_passages(b, a, min_words=k)
    mirrored = sorted((_mirror(p, a, b) for p in passages), key=lambda p: (p.a_start, p.b_start))
    assert list(swapped) == mirrored
    back = coverage(b, a, tuple(_mirror_link(link) for link in links), swapped)
    assert back == covered[::-1]
    # a report compared with itself is fully verbatim
    self_cov = coverage(a, a, (), shared_passages(a, a, min_words=k))
    assert all(c.verbatim == 1.0 for c in self_cov if c.content_words)


# --- verdict ---------------------------------------------------------------------------


def test_verdict_of_a_report_with_itself(article_a):
    passages = shared_passages(article_a, article_a)
    result = verdict(article_a, article_a, passages, coverage(article_a, article_a, (), passages))
    assert result.label == "verbatim copy"
    assert result.scores["containment_8"] == 1.0
    assert "word for word" in result.reason


def test_verdict_of_unrelated_reports(article_a):
    other = Article.from_text(UNRELATED, name="library")
    for a, b in ((article_a, other), (other, article_a)):
        passages = shared_passages(a, b)
        result = verdict(a, b, passages, coverage(a, b, (), passages))
        assert result.label == "independent"
        assert result.scores["containment_3"] < 0.05
        assert "does not take its wording" in result.reason


def test_verdict_of_the_example_reports(article_a, article_b, passages):
    links = align(article_a, article_b)
    result = verdict(article_a, article_b, passages, coverage(article_a, article_b, links,
                                                                 passages))
    assert result.label in VERDICTS
    # b quotes the same statements as a, so it shares wording but is far from a copy
    assert result.label != "verbatim copy"
    assert 0 < result.scores["containment_8"] < result.scores["containment_3"] < 0.5
    assert result.scores["paraphrase_b"] > 0
    assert list(result.scores) == sorted(result.scores)


def test_decide_applies_rules_in_order():
    rules = [
        {"label": "independent", "feature": "x", "op": "<", "threshold": 0.1,
         "holds": "low {value:.2f}", "fails": "not low {value:.2f}"},
        {"label": "light revision", "feature": "x", "op": ">=", "threshold": 0.5,
         "holds": "high", "fails": "not high"},
        {"label": "heavy revision", "holds": "middle"},
    ]
    assert decide({"x": 0.05}, rules) == ("independent", "low 0.05.")
    assert decide({"x": 0.7}, rules) == ("light revision", "not low 0.70; high.")
    assert decide({"x": 0.3}, rules) == ("heavy revision", "not low 0.30; not high; middle.")
    with pytest.raises(ValueError, match="default"):
        decide({"x": 0.3}, rules[:2])


def test_shipped_verdict_on_clough_stevenson():
    """The shipped rules keep their figures on the corpus they were fitted on (45 and 54 of
    57, benchmarks/README.md); the answers missed are the ones named there as the cap."""
    root = Path(__file__).resolve().parents[1]
    data = root.parent / "shared" / "bench"
    if not (data / "clough-stevenson" / "file_information.csv").is_file():
        pytest.skip("../shared/bench/clough-stevenson absent")
    sys.path.insert(0, str(root / "training"))
    from fit_verdict import load_cases

    cases = load_cases(data)
    rules = verdict_model()["rules"]
    predicted = {c.file: decide(c.scores, rules)[0] for c in cases}
    right = [c.file for c in cases if predicted[c.file] == c.gold]
    assert len(cases) == 57 and len(right) == 45
    taken_independent = sorted(c.file for c in cases if c.gold != "independent"
                               and predicted[c.file] == "independent")
    assert taken_independent == ["g2pE_taskc.txt", "g4pD_taskb.txt", "g4pE_taska.txt"]
    assert all(predicted[c.file] == "independent" for c in cases if c.gold == "independent")
