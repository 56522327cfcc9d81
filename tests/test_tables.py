"""pandas views: one row per record, and the right columns even when there is none."""

from compare import compare
from compare.models import Article, Link, Records


def test_frames_of_the_example(article_a, article_b):
    result = compare(article_a, article_b)
    links = result.links.to_frame()
    assert list(links.columns) == ["a", "b", "score", "relation", "shared_words", "signals",
                                   "reason", "similarity"]
    assert len(links) == len(result.links)
    assert links.similarity.between(0, 1).all()
    assert list(links.similarity) == [link.similarity for link in result.links]
    sentences = result.to_frame()
    assert len(sentences) == len(article_a.sentences) + len(article_b.sentences)
    row = sentences[(sentences.report == "a") & (sentences.sentence == 1)].iloc[0]
    assert row.status == "near_verbatim" and 4 in row.partners
    assert row.text == article_a.sentences[1].text
    quotes = result.quotes.to_frame()
    assert {"a", "b", "status", "ops"} <= set(quotes.columns)


def test_empty_collections_keep_their_columns(article_a):
    result = compare(
        article_a, Article.from_text("The council approved a new library budget on Monday.")
    )
    assert len(result.links) == 0
    frame = result.links.to_frame()
    assert frame.empty and "relation" in frame.columns
    assert list(Records((), Link).to_frame().columns)[:2] == ["a", "b"]
    assert result.diffs.to_frame().empty and "ops" in result.diffs.to_frame().columns


def test_detail_counts_are_numbers_even_when_zero(article_a, article_b):
    result = compare(article_a, article_b)
    frame = result.details.to_frame()
    only_a = [k for k, m in enumerate(result.details) if m.status == "only_a"]
    assert only_a
    assert frame.loc[only_a[0], "b"] == 0
    assert all(isinstance(v, int) for side in ("a", "b") for v in frame[side])
    assert list(frame["a"]) == [len(m.a) for m in result.details]
    # index tuples stay lists, empty or not
    assert frame.loc[only_a[0], "in_b"] == []


def test_candidate_scores_frame(article_a, article_b):
    result = compare(article_a, article_b)
    frame = result.scores.to_frame()
    assert list(frame.columns) == ["a", "b", "probability", "exact", "similarity"]
    assert len(frame) == len(result.scores)
    assert frame["similarity"].between(0, 1).all()
    linked = frame.set_index(["a", "b"])["similarity"]
    for link in result.links:
        if len(link.a) == len(link.b) == 1:
            assert linked[(link.a[0], link.b[0])] == link.similarity
