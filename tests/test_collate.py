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


# --- views of a collation: text, JSON, tables, charts, page ------------------------------


@pytest.fixture(scope="module")
def sourced():
    return collate([A, B, C], source=SOURCE)


def test_text_summary_reads_the_numbers(sourced):
    from compare.export import collation_text

    text = collation_text(sourced)
    assert text.startswith("3 reports:\n  1 a (4 sentences)\n  2 b (4 sentences)\n")
    assert "Statement groups: 7 (1 said by all, 2 by most, 0 by some, 4 by one only)" in text
    assert "conflict, 1 a vs 2 b: “300 million” / “350 million”" in text
    assert "[“forty” → “fifty”]" in text
    assert "3 c: 29% verbatim, 0% paraphrased; quotes 0 exact, 0 altered, 1 not in the source" \
        in text
    assert "no report carried: 1 sentence\n    - Work on a second bridge" in text
    assert collation_text(sourced, top=0).count("\n    - ") == 0
    with pytest.raises(ValueError):
        collation_text(sourced, top=-1)


def test_json_holds_every_part(sourced):
    import json

    from compare.export import collation_dict, comparison_dict, to_json

    data = json.loads(to_json(collation_dict(sourced)))
    assert data["schema"] == 2
    assert data["pairs"][0]["comparison"] == json.loads(to_json(comparison_dict(sourced.pairs[0])))
    assert len(data["groups"]) == len(sourced.groups)
    assert data["conflicts"][0]["a_text"] == "300 million"
    bridge = next(q for q in data["quotes"] if len(q["reports"]) == 2)
    assert [r["report"] for r in bridge["renderings"]] == [0, 1]
    checks = {(c["report"], c["status"]) for c in data["quote_checks"]}
    assert checks == {(0, "exact"), (1, "altered"), (2, "not_found")}
    assert next(c for c in data["quote_checks"] if c["status"] == "not_found")["source"] is None
    assert data["source_unused"] == list(sourced.source_unused)
    assert to_json(collation_dict(sourced)) == to_json(collation_dict(collate(
        [A, B, C], source=SOURCE)))


def test_tables_of_every_part(sourced):
    coverage = sourced.to_frame("coverage")
    assert coverage.shape == (3, 3) and coverage.loc["1 a", "2 b"] == pytest.approx(
        sourced.pair(0, 1).coverage[0].verbatim + sourced.pair(0, 1).coverage[0].paraphrase)
    groups = sourced.to_frame("groups")
    assert len(groups) == len(sourced.groups) and list(groups.columns[-3:]) == ["1 a", "2 b",
                                                                                 "3 c"]
    facts = sourced.to_frame("facts")
    row = facts[facts.text == "300 million"].iloc[0]
    assert (row["1 a"], row["3 c"]) == ("conflict", "")
    quotes = sourced.to_frame("quotes")
    assert list(quotes[quotes.quote == 0].against_first) == ["first", "reworded"]
    reports = sourced.to_frame("reports")
    assert list(reports.quotes_not_found) == [0, 0, 1]
    assert len(sourced.to_frame("conflicts")) == len(sourced.conflicts)
    with pytest.raises(ValueError, match="part must be one of"):
        sourced.to_frame("nothing")


def test_charts_return_their_axes_and_draw_the_data(sourced):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    from compare import plot
    from compare.present import group_matrix

    try:
        for chart in (plot.coverage_matrix, plot.group_chart, plot.fact_chart):
            ax = Figure().add_subplot()
            assert chart(sourced, ax=ax) is ax
            assert chart(sourced).figure is not None
        ax = plot.group_chart(sourced, ax=Figure().add_subplot())
        cells = [p for p in ax.patches if type(p).__name__ == "Rectangle"]
        assert len(cells) == int((group_matrix(sourced) > 0).sum())
        heat = plot.coverage_matrix(sourced, ax=Figure().add_subplot())
        assert "89%" in {t.get_text() for t in heat.texts}
    finally:
        plt.close("all")


def test_group_order_puts_consensus_first(sourced):
    from compare.present import group_order

    supports = [len(sourced.groups[k].reports) for k in group_order(sourced)]
    assert supports == sorted(supports, reverse=True)


def test_page_is_escaped_and_complete():
    from compare.render import collation_html

    hostile = Article.from_text(
        'The minister opened the new bridge over the river on Monday. <script>alert("x")'
        "</script> \u202eThe bridge cost 300 million euros.", name="<b>evil</b>")
    page = collation_html(collate([A, B, hostile], source=SOURCE), charts=False)
    assert "<script>alert" not in page and "<b>evil</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "\u202e" not in page and "[U+202E]" in page
    for anchor in ("coverage", "side-by-side", "groups", "details", "quotes", "source"):
        assert f'id="{anchor}"' in page
    assert page == collation_html(collate([A, B, hostile], source=SOURCE), charts=False)


def test_page_without_a_source_has_no_source_section(three):
    from compare.render import collation_html

    page = collation_html(three, charts=False)
    assert 'id="source"' not in page and 'id="side-by-side"' in page


def test_page_refuses_more_reports_than_it_shows():
    from compare.present import MAX_PAGE_REPORTS
    from compare.render import collation_html

    many = [Article.from_text(f"Report {k}: the river rose by {k} metres.", name=f"r{k}")
            for k in range(MAX_PAGE_REPORTS + 1)]
    with pytest.raises(ValueError, match="corpus command"):
        collation_html(collate(many), charts=False)


def test_notebook_summary_html(sourced):
    html = sourced._repr_html_()
    assert "3 reports" in html and "statement" in html and "89%" in html


def test_prose_says_what_the_numbers_say(sourced):
    from compare import narrate

    assert "1 of them is said by all 3 reports, 2 by most and 4 by one report only" in \
        narrate.consensus(sourced)
    assert "report 3 (c): 2 sentences of 3 (67%)" in narrate.consensus(sourced)
    assert "89% of its content words are in report 2 (b)" in narrate.collation_coverage(sourced)
    assert "report 1 (a) says *300 million* where report 2 (b) says *350 million*" in \
        narrate.collation_facts(sourced)
    assert "1 of them appears in more than one report, and 1 of those is worded" in \
        narrate.collation_quotes(sourced)
    fidelity = narrate.fidelity(sourced)
    assert fidelity.startswith("Report 1 (a) draws most on the source: 74%")
    assert "report 2 (b) 1 altered, 0 not found; report 3 (c) 0 altered, 1 not found" in fidelity
    assert "1 sentence of the source is in no report" in fidelity
    two = collate([A, B])
    assert "smallest case" in narrate.collation_reports(two)
    assert "said by both reports" in narrate.consensus(two)
    assert "No primary source was given" in narrate.fidelity(two)
    hostile = collate([A, Article.from_text("A *bold* [link](x) claim.", name="<i>x</i>")])
    assert "<i>" not in narrate.collation_reports(hostile)
