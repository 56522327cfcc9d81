"""Sentence splitting and words on real news text."""

import itertools
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from syntok import segmenter
from syntok.tokenizer import Tokenizer

from compare import segment
from compare.models import Article
from compare.segment import (
    PARAGRAPH_BREAK,
    QUOTE_MARKS,
    TITLES,
    find_credits,
    normalize,
    quote_spans,
    split_sentences,
    tokenize,
)

ROOT = Path(__file__).resolve().parents[1]

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


def test_closing_notes_of_news_sites_are_credits_not_sentences():
    text = (
        "The council voted on Monday. The mayor said little.\n\n"
        "Jane Roe and Max Poe contributed to this report.\n\n"
        "Follow Jane Roe on Twitter @janeroe.\n\n"
        "A version of this article appears in print on May 2, 2019, on page A12 of the "
        "New York edition with the headline: Council Votes, Mostly Quietly.\n"
    )
    credits = find_credits(text)
    assert [c.text.split()[0] for c in credits] == ["Jane", "Follow", "A"]
    assert all(text[c.start : c.end] == c.text for c in credits)
    assert [s.text for s in split_sentences(text)] == [
        "The council voted on Monday.",
        "The mayor said little.",
    ]
    # such a line inside the story, or a sentence that merely mentions print, stays
    inside = "Reporters contributed to this report.\n\nThe vote came later.\n"
    assert find_credits(inside) == ()
    assert find_credits("The paper said the ad appears in print on Sunday.\n") == ()
    assert find_credits("It ended.\n\nThe firm said it contributed to the report.\n") == ()


@pytest.mark.parametrize(("name", "start"), [
    ("2012/b5eefefb-2a33-45de-abe1-f855c94165f4_3", "A version of this article appears"),
    ("2017/dd1e6e3b-f36c-4064-8ef9-940984e9afa2_1", "Fox News’ Matt Richardson"),
])
def test_closing_notes_of_real_articles(name, start):
    path = BASIL / "articles" / f"{name}.json"
    if not path.is_file():
        pytest.skip(f"{path} absent: ../shared/bench/basil absent")
    paragraphs = json.loads(path.read_text("utf-8"))["body-paragraphs"]
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    assert [c.text[: len(start)] for c in find_credits(text)] == [start]
    assert not any(s.text.startswith(start) for s in split_sentences(text))


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


# --- quotation marks: the one quote-span scanner ---------------------------------------

BASIL = ROOT.parent / "shared" / "bench" / "basil"


def quoted(text):
    return [(text[q.start : q.end], q.ending) for q in quote_spans(text)]


def test_quote_spans_straight_and_curly_marks():
    text = 'He said "one" and “two” then „three“ and «four» then "five."'
    assert quoted(text) == [("one", "closed"), ("two", "closed"), ("three", "closed"),
                            ("four", "closed"), ("five.", "closed")]
    q = quote_spans(text)[0]
    assert text[q.mark] == '"' and text[q.close - 1] == '"' and q.closed
    # a straight mark glued to a word opens a quote when none is open
    assert quoted('He said:"We are ready," she said.') == [("We are ready,", "closed")]
    assert quoted('They called it a "tragedy".') == [("tragedy", "closed")]


def test_apostrophes_and_nested_single_quotes_stay_inside():
    text = ("“We’re leaving,” he said of Afghanistan’s '90s, “and he called it ‘a "
            "disaster’, which it wasn't.”")
    assert quoted(text) == [("We’re leaving,", "closed"),
                            ("and he called it ‘a disaster’, which it wasn't.", "closed")]
    assert quoted("It's the Taliban’s 'victory', not ours.") == []


def test_quote_left_open_at_a_paragraph_end_and_reopened():
    text = ('"We will not stop here.\n\n"We will go on to the end," Jane Smith said.\r\n'
            '\r\nShe left. "Unclosed at the end')
    assert quoted(text) == [("We will not stop here.", "paragraph"),
                            ("We will go on to the end,", "closed"),
                            ("Unclosed at the end", "text_end")]
    # a single line break is a wrapped line inside a paragraph, not a paragraph break
    assert quoted('"We will not stop\nhere," he said.') == [("We will not stop\nhere,", "closed")]
    # a quote left open in the paragraph ends where the next one opens
    assert quoted('"Left open. "Next one," he said.') == [("Left open.", "next_quote"),
                                                         ("Next one,", "closed")]
    # a closing mark with nothing open, and empty marks, give no span
    assert quoted('Nothing open” here "" and " " there.') == []


def test_quote_spans_of_the_example_reports(article_a, article_b):
    a = {article_a.text[q.start : q.end]: q for q in quote_spans(article_a.text)}
    # one quote over two sentences, with apostrophes and a no-break space inside
    (long_,) = [q for t, q in a.items() if t.startswith("The United States agreed")]
    assert long_.closed and article_a.text[long_.start : long_.end].endswith("U.S. decision,")
    assert "Resolute Support" in a  # a name in marks is still a span (quotes drops it)
    assert any("there’s" in t for t in a)  # an apostrophe does not end a quote
    b = {article_b.text[q.start : q.end]: q for q in quote_spans(article_b.text)}
    (open_,) = [q for t, q in b.items() if t.startswith("What we have seen")]
    assert open_.ending == "next_quote"
    assert article_b.text[open_.start : open_.end].endswith("had not been anticipated.")
    assert [q.ending for q in quote_spans(REPORT_B_OPEN_QUOTE)] == ["paragraph", "closed"]


def _basil_texts(limit):
    if not BASIL.is_dir():
        pytest.skip("../shared/bench/basil absent")
    paths = sorted(BASIL.glob("articles/*/*.json"))[:limit]
    for path in paths:
        data = json.loads(path.read_text("utf-8"))
        yield path.name, "\n\n".join(" ".join(p) for p in data["body-paragraphs"] if p)


def test_quote_spans_on_basil_articles():
    """Real articles: spans are ordered, trimmed, between marks, never over a paragraph
    break; quotes left open at a paragraph end and nested single quotes occur and follow
    the rules."""
    endings = Counter()
    nested = 0
    for name, text in _basil_texts(120):
        previous = -1
        for q in quote_spans(text):
            inside = text[q.start : q.end]
            assert previous <= q.mark < q.start < q.end <= q.close, name
            assert (text[q.mark] in QUOTE_MARKS) == (q.opening == "mark"), name
            assert inside == inside.strip(), name
            if q.opening == "label":
                assert text[q.mark] == ":", name
            assert not any(m in inside for m in "“”„‟«»"), name
            assert not PARAGRAPH_BREAK.search(inside), name
            if q.closed:
                assert text[q.close - 1] in QUOTE_MARKS, name
            elif q.ending == "paragraph":
                assert PARAGRAPH_BREAK.match(text, q.close), name
            nested += "‘" in inside and "’" in inside
            endings[q.ending] += 1
            previous = q.close
    assert endings["closed"] > 1000 and endings["paragraph"] >= 5 and nested >= 5, endings


def test_every_quote_reader_uses_the_same_spans(article_a, article_b):
    """quotes, the word diff and framing, and the aligner's quoted words all read
    quote_spans (before, three scanners gave three answers on the same text)."""
    from compare.align import _quoted
    from compare.quotes import extract_quotes
    from compare.wording import quote_regions

    basil = [Article.from_text(t) for _, t in _basil_texts(15)] if BASIL.is_dir() else []
    for article in (article_a, article_b, *basil):
        spans = quote_spans(article.text)
        assert quote_regions(article.text) == tuple((q.start, q.end) for q in spans)
        assert {(q.start, q.end) for q in extract_quotes(article)} <= {
            (q.start, q.end) for q in spans}
        expected = [tuple(w.norm for w in words if w.is_word and any(
            q.start <= w.start and w.end <= q.end for q in spans)) for words in article.words]
        assert _quoted(article) == expected
    # the aligner used to take the words after a closing mark for the quote (``he said``)
    (k,) = [s.index for s in article_a.sentences if s.text.startswith("And after many")]
    assert _quoted(article_a)[k][:3] == ("and", "after", "many")
    assert "said" not in _quoted(article_a)[k]


# --- titles, long inputs, invisible characters (issue 8) -------------------------------

BASIL_ARTICLES = BASIL / "articles"


def basil_texts():
    """BASIL article bodies, paragraphs joined with blank lines (read at run time)."""
    if not BASIL_ARTICLES.is_dir():
        pytest.skip(f"{BASIL_ARTICLES} absent: ../shared/bench/basil absent")
    texts = []
    for path in sorted(BASIL_ARTICLES.glob("*/*.json")):
        paragraphs = json.loads(path.read_text(encoding="utf-8"))["body-paragraphs"]
        texts.append("\n\n".join(" ".join(p).strip() for p in paragraphs))
    return texts


def test_titles_do_not_end_sentences():
    text = (
        "Romney calls on Rep. Akin to drop Senate bid. Sens. John McCain and Lindsey Graham "
        "agreed, as did Lt. Gov. Bill Smith and Sgt. Maj. Ann Lee. Rev. Al Sharpton, "
        "Msgr. John Kelly and Prof. Jane Roe spoke. Gov. Perry left."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Romney calls on Rep. Akin to drop Senate bid.",
        "Sens. John McCain and Lindsey Graham agreed, as did Lt. Gov. Bill Smith and "
        "Sgt. Maj. Ann Lee.",
        "Rev. Al Sharpton, Msgr. John Kelly and Prof. Jane Roe spoke.",
        "Gov. Perry left.",
    ]
    # a title's word at the end of a paragraph, or a suffix, is not joined to what follows
    assert len(split_sentences("He met the Rep.\n\nAkin left.")) == 2
    assert len(split_sentences("It was Martin Luther King Jr. He spoke.")) == 2


def test_no_basil_sentence_ends_in_a_title():
    ends = re.compile(r"(?<![\w.])(\w+)\.\Z")
    bad = []
    for text in basil_texts():
        sentences = split_sentences(text)
        for s, following in itertools.pairwise(sentences):
            m = ends.search(s.text)
            if m and m[1] in TITLES and following.paragraph == s.paragraph:
                bad.append(s.text[-60:])
    assert bad == []


def reference_starts(paragraph: str) -> list[int]:
    """Sentence starts as syntok gives them for the whole paragraph at once."""
    tokens = Tokenizer(replace_not_contraction=False).tokenize(paragraph)
    return [s[0].offset for s in segmenter.segment(tokens) if s]


def test_a_long_paragraph_is_split_in_chunks_with_the_same_sentences(article_a, article_b):
    # the example reports made one paragraph, four times over: several chunks long
    paragraph = " ".join(" ".join(a.text.split()) for a in (article_a, article_b) * 12)
    assert len(paragraph) > 3 * segment._CHUNK
    assert segment._sentence_starts(paragraph) == reference_starts(paragraph)


def test_a_paragraph_without_sentence_ends_is_cut_at_whitespace():
    paragraph = "word " * (segment._CHUNK // 2)
    starts = segment._sentence_starts(paragraph)
    assert 2 <= len(starts) <= 4
    assert all(paragraph[k - 1] == " " and paragraph[k] == "w" for k in starts[1:])


def seconds(function, *args) -> float:
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - began)
    return best


def test_time_grows_linearly_with_the_number_of_paragraphs(article_a):
    paragraphs = [" ".join(p.split()) for p in article_a.text.split("\n\n") if p.strip()]
    small = "\n\n".join(paragraphs * 12)  # about 40 KB
    large = "\n\n".join(paragraphs * 96)  # 8 times as much; quadratic would be 64 times
    assert seconds(split_sentences, large) < 20 * seconds(split_sentences, small)


@pytest.mark.parametrize(
    "text",
    [
        ".— A" + " " * 60_000 + "x",  # credit-line pattern on a long run of spaces
        "x\n" + "By A\n" * 40_000,  # byline pattern on many lines
        "A " * 100_000,  # words, no punctuation at all
        " " * 200_000 + "x",  # only spaces
    ],
    ids=["credit-spaces", "bylines", "words", "spaces"],
)
def test_adversarial_text_takes_no_longer_than_ordinary_text(text, article_a):
    ordinary = (article_a.text * (len(text) // len(article_a.text) + 1))[: len(text)]
    assert seconds(find_credits, text) < 0.5
    assert seconds(split_sentences, text) < 6 * seconds(split_sentences, ordinary) + 0.1


SOFT = "Stol\u00adten\u00adberg said the inter\u00adnational com\u200bmunity \u2060failed."


def test_soft_hyphens_and_zero_width_characters_are_invisible_to_norms():
    plain = "Stoltenberg said the international community failed."
    soft = tokenize(SOFT)
    assert [w.norm for w in soft] == [w.norm for w in tokenize(plain)]
    assert [w.text for w in soft][:2] == ["Stol\u00adten\u00adberg", "said"]
    assert all(SOFT[w.start : w.end] == w.text for w in soft)
    assert normalize("\ufeffco\u200cop\u200d") == "coop"


def test_a_sentence_with_soft_hyphens_is_identical_to_one_without():
    from compare import compare
    from compare.models import Article

    result = compare(
        Article.from_text("Stoltenberg said the international community failed.", name="a"),
        Article.from_text(SOFT, name="b"),
    )
    assert [link.relation for link in result.links] == ["identical"]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=20))
def test_normalize_of_ascii_takes_the_short_way_to_the_same_fold(token):
    """ASCII tokens skip NFKC and the quote and dash folds (none touches ASCII): the
    result is what the full fold gives."""
    import unicodedata

    from compare.segment import _FOLD, normalize

    assert normalize(token) == unicodedata.normalize("NFKC", token).translate(_FOLD).casefold()
