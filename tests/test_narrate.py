"""Plain words from a comparison: numbers from the result, example remarks only for the examples."""

from __future__ import annotations

import re

import pytest

from compare import Article, compare, narrate

PROSE = ("statuses", "links", "coverage", "alignment", "details", "conflicts", "missed",
         "quotes", "cue_verbs", "reworded", "framing", "edits", "reports")

UNRELATED = (
    "The town council voted on Monday to rebuild the old stone bridge over the river.\n\n"
    '"We have waited long enough," said the mayor after the vote. Work will cost 4 million '
    "euros.",
    "Heavy rain kept the harvest late this year across the valley.\n\n"
    "Growers found the grapes small but sweet. The cooperative will press them soon.",
)
NO_QUOTES = (
    "The school board closed the library for repairs after a pipe burst overnight. Books on "
    "the lower shelves were damaged by the water.\n\nThe board expects the library to reopen "
    "within a month.",
    "A burst pipe flooded the school library overnight, and the board closed it for repairs. "
    "Water damaged the books on the lower shelves.\n\nPupils will use the reading room until "
    "the work is done.",
)


def _pair(texts):
    return compare(Article.from_text(texts[0], name="a"), Article.from_text(texts[1], name="b"))


@pytest.fixture(scope="module")
def example(article_a, article_b):
    return compare(article_a, article_b)


def test_example_is_recognised_by_its_text(example, article_a):
    assert narrate.is_example(example)
    assert not narrate.is_example(compare(article_a, article_a))
    assert not narrate.is_example(_pair(UNRELATED))


@pytest.mark.parametrize("name", PROSE)
def test_example_remarks_only_for_the_example(example, name):
    other = getattr(narrate, name)(_pair(NO_QUOTES)) + getattr(narrate, name)(_pair(UNRELATED))
    assert "Stoltenberg" not in other and "example" not in other
    text = getattr(narrate, name)(example)
    if name in narrate.EXAMPLE_NOTES:
        assert narrate.EXAMPLE_NOTES[name] in text


def test_numbers_come_from_the_result(example):
    a_by_b = example.coverage[0]
    assert f"{a_by_b.verbatim:.0%} of report a's content words verbatim" in narrate.coverage(
        example)
    unique_a = a_by_b.sentences.count("unique")
    assert narrate.statuses(example).startswith(
        f"{unique_a} of report a's {len(example.a.sentences)} sentences are unique")
    assert f"{len(example.links)} links:" in narrate.links(example)
    only_a = sum(d.status == "only_a" for d in example.details)
    assert narrate.details(example).startswith(f"{only_a} facts only report a gives")
    assert f"{len(example.quotes)} quotes:" in narrate.quotes(example)


def test_a_pair_with_nothing_in_common_says_so():
    result = _pair(UNRELATED)
    assert not result.links
    assert "No sentence of either report is linked" in narrate.statuses(result)
    assert "no linked sentences" in narrate.links(result)
    assert "No lines join" in narrate.alignment(result)
    assert "100% of report a is absent" in narrate.coverage(result)
    assert "No linked sentences" in narrate.edits(result)
    assert "No quote appears in both reports" in narrate.reworded(result)
    assert narrate.story(result).startswith(
        f"The two reports may not tell the same story: same-story probability "
        f"{result.story.probability:.2f}")


def test_a_pair_without_quotes_or_details_says_so():
    result = _pair(NO_QUOTES)
    assert result.links and not result.quotes and not result.details
    assert "Neither report quotes anyone" in narrate.quotes(result)
    assert "No quotes" in narrate.cue_verbs(result)
    assert "Neither report gives a number" in narrate.details(result)
    assert "No links cross" in narrate.alignment(result)
    assert narrate.statuses(result).startswith("1 of report a's 3 sentences is unique")


def test_report_text_cannot_become_markup():
    assert narrate.md("a <script>x</script> & *b* [c](d) `e` _f_") == (
        r"a &lt;script&gt;x&lt;/script&gt; &amp; \*b\* \[c\](d) \`e\` \_f\_"
    )
    hostile = Article.from_text(
        "Officials said <img src=x onerror=alert(1)> was *bold*.", name="<b>x</b>",
        meta={"title": "<script>t</script>"},
    )
    text = narrate.reports(compare(hostile, hostile))
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert not re.search(r"(?<!\\)\*bold", text)
