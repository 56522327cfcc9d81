"""Sentence splitting and words on real news text."""

from hypothesis import given
from hypothesis import strategies as st

from compare.segment import find_credits, normalize, split_sentences, tokenize

REPORT_B_OPEN_QUOTE = (
    '"What we have seen in the last few weeks was a military and political collapse at a '
    'speed which had not been anticipated.\n\n"The Afghan political leadership failed to '
    'stand up to the Taliban and to achieve the peaceful solution that Afghans desperately '
    'wanted," he told an online press conference.'
)


def starting(article, prefix):
    return [s for s in article.sentences if s.text.startswith(prefix)]


def test_example_sentence_counts(article_a, article_b):
    assert len(article_a.sentences) == 19
    assert len(article_b.sentences) == 25
    assert article_a.credits == ()
    assert [c.text for c in article_b.credits] == ["— Age"]
    assert article_b.credits[0].value == "Age"
    assert all(s.text.strip("— ") != "Age" for s in article_b.sentences)


def test_sentences_index_the_original_text(article_a, article_b):
    for article in (article_a, article_b):
        for k, s in enumerate(article.sentences):
            assert s.index == k
            assert article.text[s.start : s.end] == s.text
            assert s.text == s.text.strip()


def test_quote_over_two_sentences_is_split_at_the_full_stop(article_a):
    (first,) = starting(article_a, "“The United States agreed")
    (second,) = starting(article_a, "And after many rounds of consultations")
    assert first.text.endswith("U.S. troops would withdraw by May.")
    assert second.text.endswith("all allies agreed to follow the U.S. decision,” he said.")
    assert second.index == first.index + 1
    assert second.paragraph == first.paragraph
    (third,) = starting(article_a, "And we have seen the consequences")
    assert third.text.endswith("made by 30 allies together,” he said.")


def test_abbreviations_do_not_end_sentences(article_a):
    (s,) = starting(article_a, "Stoltenberg acknowledged that international terrorist groups")
    assert s.text.endswith("it struck with the U.S. in February of 2020.")
    assert "\xa0agreement\xa0" in s.text  # the report has no-break spaces here
    text = "Gen. Mark Milley said Mr. Austin and the U.S. Army agreed. Dr. Smith left."
    assert [x.text for x in split_sentences(text)] == [
        "Gen. Mark Milley said Mr. Austin and the U.S. Army agreed.",
        "Dr. Smith left.",
    ]


def test_dates_dashes_and_straight_quotes(article_b):
    (s,) = starting(article_b, "NATO Allies and partners went into Afghanistan after 9/11")
    assert s.text.endswith('to attack us," he said.')
    assert "9/11" in [w.text for w in tokenize(s.text)]
    (dash,) = starting(article_b, '"Over the past few years')
    assert dash.text.endswith("less than 10,000 — and now to zero.")


def test_quote_left_open_then_reopened(article_b):
    (open_,) = starting(article_b, '"What we have seen in the last few weeks')
    assert open_.text.endswith("had not been anticipated.")
    following = article_b.sentences[open_.index + 1]
    assert following.text.startswith('"The Afghan political leadership failed')
    sentences = split_sentences(REPORT_B_OPEN_QUOTE)
    assert [s.paragraph for s in sentences] == [0, 1]
    assert sentences[0].text.endswith("anticipated.")
    assert sentences[1].text.startswith('"The Afghan political')


def test_crlf_paragraphs_keep_exact_spans():
    text = REPORT_B_OPEN_QUOTE.replace("\n", "\r\n")
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1]
    assert all(text[s.start : s.end] == s.text and "\r" not in s.text for s in sentences)


def test_credit_lines_and_bylines():
    text = "By Jane Doe and John Roe\n\nThe talks ended on Friday. Both sides left. — Reuters\n"
    credits = find_credits(text)
    assert [c.value for c in credits] == ["Jane Doe and John Roe", "Reuters"]
    assert [s.text for s in split_sentences(text)] == [
        "The talks ended on Friday.",
        "Both sides left.",
    ]
    # a dash inside a sentence is not a credit line
    assert find_credits("He went down to less than 10,000 — and now to zero.") == ()


def test_words_spans_norms_and_content(article_a):
    s = article_a.sentences[0]
    words = article_a.words[0]
    assert all(article_a.text[w.start : w.end] == w.text for w in words)
    norms = [w.norm for w in words]
    assert norms[:8] == ["nato", "secretary", "general", "jens", "stoltenberg", "blames",
                         "afghanistan", "'s"]
    assert words[0].start == s.start
    by_norm = {w.norm: w for w in words}
    assert by_norm["collapse"].content and not by_norm["the"].content
    assert not by_norm["'s"].content
    assert by_norm['"'].norm == '"' and not by_norm['"'].is_word
    us = tokenize("the U.S. decision and 100,000 troops, a 30-country alliance")
    assert [w.norm for w in us] == ["the", "us", "decision", "and", "100,000", "troops", ",",
                                    "a", "30", "-", "country", "alliance"]


def test_normalize_folds_quotes_dashes_and_case():
    assert normalize("Afghanistan’s") == "afghanistan's"
    assert normalize("“Tragedy”") == '"tragedy"'
    assert normalize("—") == "-"


@given(st.text(alphabet=st.sampled_from(list("ab cD.!?\n\"“”'’—,9/")), max_size=300))
def test_sentence_spans_are_ordered_and_exact(text):
    sentences = split_sentences(text)
    previous_end = 0
    for k, s in enumerate(sentences):
        assert s.index == k
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        previous_end = s.end


@given(st.text(max_size=200))
def test_word_spans_are_ordered_and_exact(text):
    previous_end = 0
    for w in tokenize(text):
        assert previous_end <= w.start < w.end
        assert text[w.start : w.end] == w.text
        previous_end = w.end
