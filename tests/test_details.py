"""Numbers, dates and names of the example reports, and how the reports differ on them."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.details import extract_details, head_noun, match_details, name_key
from compare.models import Article

GOLD = json.loads((Path(__file__).parent / "data" / "gold_details.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def matches(article_a, article_b):
    return match_details(article_a, article_b)


def _values(matches, kind, status):
    return {m.value for m in matches if m.kind == kind and m.status == status}


def test_numbers_only_in_a_include_the_years(matches):
    only_a = {m.text for m in matches if m.status == "only_a"}
    assert {"2003", "2015", "February of 2020"} <= only_a


def test_numbers_only_in_b(matches):
    assert {"10000", "1000"} <= _values(matches, "number", "only_b")


def test_shared_numbers(matches):
    assert {"100000", "800", "2 decades"} <= _values(matches, "number", "shared")


def test_no_conflict_when_b_has_two_unmatched_troop_numbers(matches):
    # b: "from over 100,000 troops we went down to less than 10,000 — and now to zero"
    assert not [m for m in matches if m.status == "conflict"]


def test_names_only_in_one_report(matches):
    assert {"al qaeda", "resolute support"} <= _values(matches, "name", "only_a")
    assert {"joe biden", "stefano pontecorvo", "turkey", "united kingdom"} <= _values(
        matches, "name", "only_b")
    shared = _values(matches, "name", "shared")
    assert {"kabul", "nato", "jens stoltenberg", "united states", "taliban"} <= shared


def test_sentence_indices_point_to_the_fact(matches, article_a, article_b):
    for m in matches:
        for k in m.in_a:
            assert any(d.sentence == k for d in m.a)
            assert any(d.text in article_a.sentences[k].text for d in m.a)
        for k in m.in_b:
            assert any(d.text in article_b.sentences[k].text for d in m.b)


def test_number_forms_meet():
    art = Article.from_text(
        "They sent 100,000 troops. Later 100 000 troops came. Then one hundred thousand "
        "troops left.")
    values = [d.value for d in extract_details(art) if d.kind == "number"]
    assert values == ["100000", "100000", "100000"]


def test_dates_and_units():
    art = Article.from_text(
        "On Dec. 27th, 2011 at 3:30 p.m. he paid $1.5 million, 35 percent more than in "
        "the 1990s, after 9/11. Five hundred and eighty-four days later it was May.")
    got = {(d.kind, d.value) for d in extract_details(art)}
    assert {("date", "2011-12-27"), ("date", "15:30"), ("number", "$1500000"),
            ("number", "35%"), ("date", "1990s"), ("date", "9/11"),
            ("number", "584 days"), ("date", "may")} <= got


def test_head_noun_carries_over_in_a_sentence(article_b):
    details = extract_details(article_b)
    ten = next(d for d in details if d.value == "10000")
    zero = next(d for d in details if d.value == "0")
    assert head_noun(article_b, ten) == "troop" and head_noun(article_b, zero) == "troop"


def test_conflict_is_called_for_one_value_each_side():
    a = Article.from_text("Officials said 3,000 troops remain in the country.")
    b = Article.from_text("Officials said 2,500 troops remain in the country.")
    conflict = [m for m in match_details(a, b) if m.status == "conflict"]
    assert len(conflict) == 1
    assert conflict[0].value == "3000 / 2500" and "troop" in conflict[0].note
    assert conflict[0].in_a == (0,) and conflict[0].in_b == (0,)


def test_gold_recall_and_precision_on_examples(article_a, article_b):
    """The measured figures on the hand-checked gold (see benchmarks/bench_details.py)."""
    for name, article in (("report-a", article_a), ("report-b", article_b)):
        gold = GOLD["articles"][name]
        found = extract_details(article)
        for kind in ("number", "date"):
            assert {d.value for d in found if d.kind == kind} == set(gold[kind]), kind
        entities = [{name_key(f) for f in forms} for forms in gold["name"]]
        pred = {d.value for d in found if d.kind == "name"}
        assert all(any(p in e for e in entities) for p in pred)
        assert all(e & pred for e in entities)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*'abc ABC 0123,.$%-"“”\n',
    "May ", "Tuesday ", "NATO ", "U.S. ", "two ", "thousand ", "Mr. ", "Jens Stoltenberg ",
    "Stoltenberg ", "100,000 troops "]), min_size=1, max_size=30).map("".join))
def test_spans_index_the_original_text(text):
    if not text.strip():
        return
    art = Article.from_text(text)
    details = extract_details(art)
    for d in details:
        assert art.text[d.start:d.end] == d.text
        assert d.kind in ("number", "date", "name")
    assert details == extract_details(art)  # deterministic
    for m in match_details(art, art):
        assert m.status == "shared"


def test_a_month_inside_a_longer_word_is_no_date():
    art = Article.from_text("Mayor Elliott Maynard met Augustine Marchetti in May.")
    got = [(d.kind, d.text, d.value) for d in extract_details(art)]
    assert [g for g in got if g[0] == "date"] == [("date", "May", "may")], got
    assert ("name", "Elliott Maynard", "elliott maynard") in got, got
    art = Article.from_text("The vote began on Dec.14 in Juneau.")
    got = {(d.kind, d.text) for d in extract_details(art)}
    assert ("date", "Dec.") in got and ("name", "Juneau") in got, got
