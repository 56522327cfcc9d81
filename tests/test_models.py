"""The result records: short reprs (a line, like difflib.Match), HTML for notebooks."""

from __future__ import annotations

import pytest

from compare.models import Article, Link, Records
from compare.pipeline import compare


@pytest.fixture(scope="module")
def result(article_a, article_b):
    return compare(article_a, article_b)


def test_comparison_repr_is_one_short_line(result):
    text = repr(result)
    assert len(text) < 400 and "\n" not in text
    assert text.startswith(f"<Comparison a={result.a.name!r} ({len(result.a.sentences)} ")
    assert f"{len(result.links)} links" in text
    assert repr(result.verdict.label) in text
    for relation in {link.relation for link in result.links}:
        count = sum(link.relation == relation for link in result.links)
        assert f"{count} {relation}" in text


def test_a_comparison_without_links_says_so():
    a = Article.from_text("The river rose two metres overnight in the valley.", name="x")
    b = Article.from_text("Shares of the carmaker fell sharply after its results.", name="y")
    text = repr(compare(a, b))
    assert ": 0 links, verdict" in text


def test_collections_and_articles_have_short_reprs(result):
    assert repr(result.links) == f"<Records of {len(result.links)} Link>"
    assert repr(Records((), Link)) == "<Records of 0 Link>"
    assert repr(result.a) == (f"<Article {result.a.name!r}: {len(result.a.sentences)} "
                              f"sentences, {len(result.a.text):,} characters>")
    for records in (result.links, result.passages, result.details, result.diffs,
                    result.framing):
        for record in records:
            assert len(repr(record)) < 600, record


def test_html_is_kept_for_notebooks(result):
    assert result._repr_html_().startswith('<div class="compare-summary">')
    assert result.diffs[0]._repr_html_().startswith("<div")


def test_similarity_of_any_sentence_pair_linked_or_not(result):
    from compare.similarity import pair_similarity

    scores = result.scores
    for k in range(0, len(scores), max(len(scores) // 10, 1)):
        assert result.similarity_of(scores.a[k], scores.b[k]) == scores.similarity[k]
    listed = set(zip(scores.a, scores.b, strict=True))
    i, j = next((i, j) for i in range(len(result.a.sentences))
                for j in range(len(result.b.sentences)) if (i, j) not in listed)
    # no candidate: not scored, and low when computed
    assert result.similarity_of(i, j) is None
    assert 0.0 <= pair_similarity(result.a.words[i], result.b.words[j]) < 0.5
    with pytest.raises(IndexError, match="no sentence pair"):
        result.similarity_of(len(result.a.sentences), 0)
