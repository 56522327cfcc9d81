"""collate(): many reports of one event, and a primary source."""

from __future__ import annotations

import importlib
import pickle
from pathlib import Path

import pytest

from compare import Article, Settings, compare, prepare
from compare.collate import collate, support
from compare.io import example_paths

prepare_module = importlib.import_module("compare.prepare")  # the package's name is the function

SOURCE = Article.from_text(
    "The minister opened the new bridge over the river on Monday. "
    '"This bridge will carry forty thousand cars a day and cut the journey by half," '
    "the minister said. The bridge cost 300 million euros. "
    "Work on a second bridge will start next year, the ministry added.",
    name="statement",
)
A = Article.from_text(
    "The minister opened the new bridge over the river on Monday. "
    'Minister Anna Berg said: "This bridge will carry forty thousand cars a day and cut the '
    'journey by half." The bridge cost 300 million euros. Traffic was heavy all morning.',
    name="a",
)
B = Article.from_text(
    "A new bridge over the river was opened by the minister on Monday. "
    'Anna Berg claimed "this bridge will carry fifty thousand cars a day and cut the journey '
    'by half." The bridge cost 350 million euros. Local shops welcomed the news.',
    name="b",
)
C = Article.from_text(
    "The minister opened the new bridge over the river on Monday. "
    'Berg told reporters: "We never built anything like it in this country." '
    "Protesters gathered near the old town hall in the rain.",
    name="c",
)


@pytest.fixture(scope="module")
def three():
    return collate([A, B, C])


def test_each_report_is_prepared_once(monkeypatch):
    calls = []
    real = prepare_module._prepare_article

    def counting(article, settings):
        calls.append(article.name)
        return real(article, settings)

    monkeypatch.setattr(prepare_module, "_prepare_article", counting)
    result = collate([A, B, C, A.__class__.from_text(A.text, name="a2")], source=SOURCE)
    assert sorted(calls) == ["a", "a2", "b", "c", "statement"]
    assert len(result.pairs) == 6 and len(result.source_pairs) == 4


def test_prepared_reports_are_not_prepared_again(monkeypatch):
    ready = [prepare(A), prepare(B)]
    expected = compare(A, B)
    monkeypatch.setattr(prepare_module, "_prepare_article",
                        lambda *_: pytest.fail("prepared again"))
    assert collate(ready).pair(0, 1) == expected


def test_every_pair_once_and_as_compare_gives_it(three):
    assert len(three.pairs) == 3
    for i, j, (x, y) in ((0, 1, (A, B)), (0, 2, (A, C)), (1, 2, (B, C))):
        assert three.pair(i, j) == compare(x, y)
        assert three.pair(j, i) is three.pair(i, j)
    with pytest.raises(IndexError):
        three.pair(1, 1)


def test_every_sentence_in_exactly_one_group(three):
    seen = [s for g in three.groups for s in g.sentences]
    expected = [(r, s.index) for r, a in enumerate(three.reports) for s in a.sentences]
    assert sorted(seen) == expected
    for g in three.groups:
        assert g.reports == tuple(sorted({r for r, _ in g.sentences}))
        assert g.support == support(len(g.reports), 3)


def test_group_follows_links_across_reports(three):
    opening = next(g for g in three.groups if (0, 0) in g.sentences)
    assert {(1, 0), (2, 0)} <= set(opening.sentences)
    assert opening.support == "all"
    # each link of each pair is inside one group
    for i, j in ((0, 1), (0, 2), (1, 2)):
        for link in three.pair(i, j).links:
            group = next(g for g in three.groups if (i, link.a[0]) in g.sentences)
            assert all((j, y) in group.sentences for y in link.b)


def test_unique_content_is_what_only_one_report_carries(three):
    only_c = three.unique(2)
    texts = [C.sentences[s].text for g in only_c for _, s in g.sentences]
    assert any("Protesters" in t for t in texts)
    assert all(g.support == "one" and g.reports == (2,) for g in only_c)


def test_support_labels():
    assert [support(k, 5) for k in (5, 4, 3, 2, 1)] == ["all", "most", "most", "some", "one"]
    assert support(2, 2) == "all" and support(1, 2) == "one"


def test_facts_by_report_and_conflicts(three):
    monday = next(f for f in three.facts if f.value == "monday")
    assert monday.reports == (0, 1, 2)
    assert {(0, 0), (1, 0), (2, 0)} <= set(monday.mentions)
    conflict = [c for c in three.conflicts if {c.a, c.b} == {0, 1}]
    assert conflict, three.conflicts
    texts = {(c.a_text, c.b_text) for c in conflict}
    assert any("300" in x and "350" in y for x, y in texts)
    c = next(c for c in conflict if "300" in c.a_text)
    assert A.sentences[c.a_sentences[0]].text.startswith("The bridge cost")
    assert B.sentences[c.b_sentences[0]].text.startswith("The bridge cost")
    assert any(f.conflict and "300" in f.text for f in three.facts)


def test_quotes_by_report_with_differences(three):
    bridge = next(g for g in three.quotes if "carry" in g.text)
    assert bridge.reports == (0, 1)
    assert [r for r, _ in bridge.renderings] == [0, 1]
    diff = next(d for d in bridge.diffs if (d.a, d.b) == (0, 1))
    assert diff.status == "reworded"
    changed = [(op.a_text, op.b_text) for op in diff.ops if op.tag != "equal"]
    assert ("forty", "fifty") in changed
    assert {q.verb for _, q in bridge.renderings} == {"said", "claimed"}
    alone = next(g for g in three.quotes if "never built" in g.text)
    assert alone.reports == (2,) and alone.diffs == ()


def test_coverage_matrix_ordered_pairs(three):
    cells = {(c.of, c.by): c for c in three.coverage}
    assert sorted(cells) == [(i, j) for i in range(3) for j in range(3) if i != j]
    pair = three.pair(0, 1)
    assert cells[(0, 1)].verbatim == pair.coverage[0].verbatim
    assert cells[(1, 0)].paraphrase == pair.coverage[1].paraphrase
    for c in three.coverage:
        assert c.verbatim + c.paraphrase + c.absent == pytest.approx(1.0)


def test_source_quotes_checked():
    result = collate([A, B, C], source=SOURCE)
    status = {(c.report, c.quote.text.split()[0].lower()): c for c in result.quote_checks}
    exact = status[(0, "this")]
    assert exact.status == "exact"
    assert SOURCE.text[exact.source_start:exact.source_end].startswith("This bridge will carry")
    altered = status[(1, "this")]
    assert altered.status == "altered"
    assert [(op.a_text, op.b_text) for op in altered.ops if op.tag != "equal"] == [
        ("forty", "fifty")]
    assert status[(2, "we")].status == "not_found"
    assert status[(2, "we")].source_start == -1
    fidelity = {f.report: f for f in result.fidelity}
    assert (fidelity[0].exact, fidelity[1].altered, fidelity[2].not_found) == (1, 1, 1)
    assert fidelity[0].verbatim > fidelity[2].verbatim


def test_source_content_no_report_carried():
    result = collate([A, B, C], source=SOURCE)
    unused = [SOURCE.sentences[s].text for s in result.source_unused]
    assert any("second bridge" in t for t in unused)
    assert not any("opened the new bridge" in t for t in unused)
    assert not result.notes


def test_a_source_sharing_nothing_is_said():
    other = Article.from_text("Heavy snow closed three mountain passes in the Alps.", name="snow")
    result = collate([A, B], source=other)
    assert any("shares nothing" in n and "snow" in n for n in result.notes)
    assert all(f.verbatim == f.paraphrase == 0 for f in result.fidelity)


def test_two_reports_are_the_degenerate_case():
    a, b = (Path(p) for p in example_paths())
    result = collate([a, b])
    assert result.pairs == (compare(a, b),)
    assert {(c.of, c.by) for c in result.coverage} == {(0, 1), (1, 0)}


def test_identical_reports_are_noted():
    result = collate([A, Article.from_text(A.text, name="copy"), C])
    assert any("identical" in n and "copy" in n for n in result.notes)


def test_deterministic_and_picklable(three):
    again = collate([A, B, C])
    assert again == three
    assert pickle.loads(pickle.dumps(three)) == three


def test_settings_reach_every_pair():
    strict = Settings(link_threshold=0.99)
    result = collate([A, B, C], settings=strict)
    assert result.pair(0, 1) == compare(A, B, settings=strict)


def test_bad_arguments():
    with pytest.raises(TypeError):
        collate("a.txt")
    with pytest.raises(TypeError):
        collate([A, "b.txt"])
    with pytest.raises(ValueError, match="at least two"):
        collate([A])
