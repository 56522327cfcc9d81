"""Tests of compare.align on the example reports, with invariants checked by hypothesis."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.align import align
from compare.io import example_paths, load_article
from compare.models import RELATIONS, Article


@pytest.fixture(scope="module")
def reports():
    pa, pb = example_paths()
    return load_article(pa), load_article(pb)


@pytest.fixture(scope="module")
def links(reports):
    return align(*reports)


def _links_of_a(links, i):
    return [link for link in links if i in link.a]


def test_past_few_weeks_quote_is_near_verbatim(reports, links):
    a, b = reports
    assert "past few weeks" in a.sentences[1].text
    assert "last few weeks" in b.sentences[4].text
    found = [link for link in _links_of_a(links, 1) if 4 in link.b]
    assert len(found) == 1
    assert found[0].relation == "near_verbatim"
    assert "quote" in found[0].reason


def test_800_civilian_personnel_are_linked(reports, links):
    a, b = reports
    assert "800 NATO civilian personnel" in a.sentences[16].text
    assert "remaining 800 civilian personnel" in b.sentences[6].text
    found = [link for link in _links_of_a(links, 16) if 6 in link.b]
    assert found
    assert {"800", "civilian", "personnel", "kabul"} <= set(found[0].shared_words)


def test_30_country_alliance_and_resolute_support_stay_unique(reports, links):
    a, _ = reports
    assert a.sentences[4].text.startswith("The 30-country alliance began leading")
    assert "Resolute Support" in a.sentences[4].text
    assert _links_of_a(links, 4) == []


def test_one_sentence_of_a_told_in_two_of_b(reports, links):
    a, b = reports
    assert "fought bravely" in a.sentences[2].text
    assert all("failed to stand up to the Taliban" in b.sentences[j].text for j in (1, 5))
    # a's "Parts of the Afghan security forces fought bravely, ... failed to stand up to
    # the Taliban" is repeated in b's sentences 1 and 5
    found = _links_of_a(links, 2)
    assert [(link.a, link.b) for link in found] == [((2,), (1, 5))]
    assert found[0].relation == "partial"


def test_links_explain_themselves(links):
    assert links
    for link in links:
        assert link.relation in RELATIONS
        assert 0.0 <= link.score <= 1.0
        assert link.reason.endswith(".") and link.reason[0].isupper()
        assert {"content_a", "content_b", "tfidf", "ratio", "numbers", "names"} <= set(link.signals)
        assert all(0.0 <= v <= 1.0 for v in link.signals.values())
        assert link.shared_words


def test_links_are_sorted(links):
    keys = [(min(link.a), min(link.b)) for link in links]
    assert keys == sorted(keys)


def test_align_is_deterministic(reports, links):
    assert align(*reports) == links


def test_swapping_reports_mirrors_the_links(reports, links):
    a, b = reports
    mirrored = {(link.b, link.a, link.relation, link.score) for link in align(b, a)}
    assert mirrored == {(link.a, link.b, link.relation, link.score) for link in links}


def test_empty_and_unrelated_reports():
    x = Article.from_text("The cat sat on the mat. It was warm.")
    y = Article.from_text("Shares in Acme rose 5% on Monday after strong results.")
    assert align(x, y) == ()


def test_large_reports_are_fast(reports):
    a, b = reports
    # 20 copies of each report, each copy with its own numbered sentences: ~900 x 500
    big_a = Article.from_text(
        "\n\n".join(f"{s.text} Item {k}." for k in range(20) for s in a.sentences)
    )
    big_b = Article.from_text(
        "\n\n".join(f"{s.text} Item {k}." for k in range(20) for s in b.sentences)
    )
    start = time.perf_counter()
    links = align(big_a, big_b)
    elapsed = time.perf_counter() - start
    assert links
    assert elapsed < 5.0, elapsed


sentences = st.lists(
    st.lists(
        st.sampled_from(
            "NATO alliance said troops Kabul airport Taliban withdraw peaceful Afghan "
            "leaders 800 civilian the a of in and to was".split()
        ),
        min_size=3,
        max_size=14,
    ).map(lambda ws: " ".join(ws).capitalize() + "."),
    min_size=1,
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences)
def test_aligning_a_report_with_itself(texts):
    x = Article.from_text(" ".join(texts))
    links = align(x, x)
    for i in range(len(x.sentences)):
        assert any(
            link.a == (i,) and link.b == (i,) and link.relation == "identical" and link.score == 1.0
            for link in links
        ), i


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, sentences)
def test_swapping_mirrors_links(xs, ys):
    x = Article.from_text(" ".join(xs))
    y = Article.from_text(" ".join(ys))
    forward = {(link.a, link.b, link.relation) for link in align(x, y)}
    backward = {(link.b, link.a, link.relation) for link in align(y, x)}
    assert forward == backward
    for link in align(x, y):
        assert 0.0 <= link.score <= 1.0


def test_recall_and_precision_on_hand_checked_links(reports, links):
    import json
    from pathlib import Path

    gold = json.loads((Path(__file__).parent / "data" / "gold_links.json").read_text("utf-8"))
    must = {(i, j) for i, j, *_ in gold["must"]}
    may = {(i, j) for i, j, *_ in gold["may"]}
    found = {(i, j) for link in links for i in link.a for j in link.b}
    assert found - must - may == set()  # no wrong pair
    assert len(found & must) >= 9, sorted(must - found)  # 9 of 11 (benchmarks/bench_align.py)
    # "blames ... collapse on its political leadership" / "blamed the leadership ... led to
    # the collapse": blames / blamed agree once stemmed
    assert (0, 3) in found


def test_deferred_signal_changes_no_link(reports, monkeypatch):
    import compare.align as module

    a, b = reports
    big_a = Article.from_text(
        "\n\n".join(f"{s.text} Item {k}." for k in range(4) for s in a.sentences)
    )
    big_b = Article.from_text(
        "\n\n".join(f"{s.text} Note {k}." for k in range(4) for s in b.sentences)
    )
    fast = align(big_a, big_b)
    monkeypatch.setattr(module, "_DEFERRED", ())
    assert align(big_a, big_b) == fast
