"""Direct quotes of the example reports, their speakers, and how the reports pair them."""

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.models import Article
from compare.quotes import (
    _candidates,
    _incidence,
    _region_words,
    _repeats,
    _score,
    extract_quotes,
    pair_quotes,
    quote_words,
)
from compare.segment import quote_spans, tokenize


@pytest.fixture(scope="module")
def pairs(article_a, article_b):
    return pair_quotes(article_a, article_b)


def _find(quotes, start):
    return next(q for q in quotes if q.text.startswith(start))


def test_partial_quotes(article_a, article_b):
    a = extract_quotes(article_a)
    assert _find(a, "all support").partial and _find(a, "gradually").partial
    assert not _find(a, "I share your pain").partial  # ', "I share ...' after a comma
    assert not _find(a, "This failure").partial
    assert _find(extract_quotes(article_b), "tragedy").partial


def test_name_in_marks_is_not_a_quote(article_a):
    assert not [q for q in extract_quotes(article_a) if "Resolute" in q.text]


def test_quote_over_two_sentences(article_a):
    q = _find(extract_quotes(article_a), "The United States agreed")
    assert len(q.sentences) == 2 and q.text.endswith("U.S. decision,")


def test_quote_left_open_ends_where_the_next_opens(article_b):
    # b: "What we have seen ... anticipated. "The Afghan political leadership ..."
    q = _find(extract_quotes(article_b), "What we have seen")
    assert q.text.endswith("anticipated.")
    assert q.speaker == "Jens Stoltenberg" and q.verb == "told"  # from the continuation


def test_quote_left_open_at_paragraph_end():
    text = ('The minister spoke at length. "We will not stop here.\n\n'
            '"We will go on to the end," Jane Smith said.')
    quotes = extract_quotes(Article.from_text(text))
    assert [q.text for q in quotes] == ["We will not stop here.", "We will go on to the end,"]
    assert quotes[0].speaker == "Jane Smith" and quotes[0].verb == "said"


def test_straight_and_curly_marks_and_pronoun_resolution():
    text = ("Mayor John Doe spoke on Friday. “We are ready,” he said. He added, "
            '"The city is safe." Doe said the plan was "on track."')
    quotes = extract_quotes(Article.from_text(text))
    assert [q.text for q in quotes] == ["We are ready,", "The city is safe.", "on track."]
    assert {q.speaker for q in quotes} == {"John Doe"}
    assert [q.partial for q in quotes] == [False, False, True]


def test_reworded_quotes(pairs):
    changes = {
        tuple((op.a_text, op.b_text) for op in p.ops if op.tag != "equal")
        for p in pairs if p.status == "reworded"
    }
    assert (("past", "last"),) in changes
    assert (("reassuming", "resuming"),) in changes
    assert (("", "the"),) in changes  # "of Afghan leadership" / "of the Afghan leadership"


def test_only_one_report(pairs):
    only_a = [p.a.text for p in pairs if p.status == "only_a"]
    only_b = [p.b.text for p in pairs if p.status == "only_b"]
    assert "I share your pain." in only_a
    assert any(t.startswith("The world will be watching") for t in only_b)


def test_split_and_repeated_quote(pairs):
    """b quotes a part of a's long quote twice: both pair with it, flagged as a repeat."""
    parts = [p for p in pairs if p.a and p.a.text.startswith("Parts of the Afghan")]
    assert len(parts) == 2 and {p.status for p in parts} == {"same"}
    assert all("b repeats this quote" in p.note for p in parts)
    assert all("only part" in p.note for p in parts)


def test_every_quote_is_listed_once_or_paired(article_a, article_b, pairs):
    assert {p.a for p in pairs if p.a} == set(extract_quotes(article_a))
    assert {p.b for p in pairs if p.b} == set(extract_quotes(article_b))


TEXT = st.lists(st.sampled_from([
    "He said ", "“", "”", '"', "We will win. ", "the plan ", ", ", "Jane Doe ", "told ",
    "reporters ", "\n\n", "Stoltenberg ", "all support ", "said. ", "A B C "]),
    min_size=1, max_size=25).map("".join)


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_quote_spans_index_the_text(text):
    if not text.strip():
        return
    art = Article.from_text(text)
    for q in extract_quotes(art):
        assert art.text[q.start:q.end] == q.text and q.text.strip() == q.text
        assert q.sentences == tuple(sorted(q.sentences))


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_a_report_paired_with_itself_is_all_same(text):
    if not text.strip():
        return
    art = Article.from_text(text)
    pairs = pair_quotes(art, art)
    assert all(p.status == "same" for p in pairs)
    assert {p.a for p in pairs} == set(extract_quotes(art))
    assert pairs == pair_quotes(art, art)


# --- the fast paths give what the plain definitions give ---------------------------------


def _norm_lists(article):
    return [[w.norm for w in quote_words(article, q)] for q in extract_quotes(article)]


def _brute_candidates(xs, ys, upper=False, min_len=1):
    return [(i, j) for i in range(len(xs)) for j in range(len(ys))
            if (not upper or i < j) and min(len(xs[i]), len(ys[j])) >= min_len
            and _score(xs[i], ys[j])[0] > 0]


def _fast_candidates(xs, ys, upper=False, min_len=1, **blocks):
    x, y = _incidence(xs, ys)
    lx, ly = np.array([len(q) for q in xs], int), np.array([len(q) for q in ys], int)
    cands = _candidates(x, y, lx, ly, upper=upper, min_len=min_len, **blocks)
    for i, j, shared in cands:  # the shared count is the multiset intersection
        assert shared == sum((Counter(xs[i]) & Counter(ys[j])).values())
    return [(i, j) for i, j, _ in cands if _score(xs[i], ys[j], _)[0] > 0]


def test_candidates_are_every_pair_that_can_score(article_a, article_b):
    na, nb = _norm_lists(article_a), _norm_lists(article_b)
    assert _fast_candidates(na, nb) == _brute_candidates(na, nb)
    assert _fast_candidates(nb, nb, upper=True, min_len=3) == _brute_candidates(
        nb, nb, upper=True, min_len=3)


def test_repeats_found_in_b(article_b):
    nb = _norm_lists(article_b)
    x, = _incidence(nb)
    reps = _repeats(nb, x, np.array([len(q) for q in nb], int))
    assert reps and all(first < later for later, first in reps.items())


QUOTE_WORDS = st.lists(st.sampled_from(["we", "will", "win", "the", "plan", "all",
                                        "support", "is", "safe"]), max_size=6)


@settings(max_examples=80, deadline=None)
@given(st.lists(QUOTE_WORDS, max_size=6), st.lists(QUOTE_WORDS, max_size=6))
def test_candidates_match_brute_force(xs, ys):
    assert _fast_candidates(xs, ys) == _brute_candidates(xs, ys)
    assert _fast_candidates(xs, xs, upper=True, min_len=3) == _brute_candidates(
        xs, xs, upper=True, min_len=3)


def _same_tokens(article):
    text = article.text
    starts = [s.start for s in article.sentences]
    ends = [s.end for s in article.sentences]
    reused = 0
    for span in quote_spans(text):
        start, end = span.start, span.end
        sents = [k for k in range(len(starts)) if starts[k] < end and start < ends[k]]
        if not sents:
            continue
        words = _region_words(article, start, end, sents)
        if words is not None:
            reused += 1
            fresh = tokenize(text, start, end)
            assert [(w.start, w.end, w.text, w.norm) for w in words] == [
                (w.start, w.end, w.text, w.norm) for w in fresh]
    return reused


def test_region_words_are_the_tokens_of_the_span(article_a, article_b):
    assert _same_tokens(article_a) > 10 and _same_tokens(article_b) > 10


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_region_words_match_tokenize(text):
    if text.strip():
        _same_tokens(Article.from_text(text))


def test_repeats_of_two_parts_of_one_quote_are_not_paired_with_each_other():
    """Found by hypothesis: a report quotes "We will win. He said" and then repeats each half
    on its own; paired with itself, the two halves were paired as a reworded quote."""
    art = Article.from_text("“We will win. He said “We will win. “He said ")
    pairs = pair_quotes(art, art)
    assert all(p.status == "same" for p in pairs)
    texts = {(p.a.text, p.b.text) for p in pairs}
    assert ("We will win.", "He said") not in texts


@settings(max_examples=40, deadline=None)
@given(st.lists(QUOTE_WORDS, max_size=6), st.lists(QUOTE_WORDS, max_size=6))
def test_candidates_in_small_blocks_match_brute_force(xs, ys):
    one = {"block_entries": 1}  # one quote per block
    assert _fast_candidates(xs, ys, **one) == _brute_candidates(xs, ys)
    assert _fast_candidates(xs, xs, upper=True, min_len=3, **one) == _brute_candidates(
        xs, xs, upper=True, min_len=3)


def test_shared_word_product_is_bounded(monkeypatch):
    # a JSON file read as a report: every key is a one-word "quote" ("index", "start"),
    # thousands of times; the product of all quotes with all quotes held every pair of
    # them (8 GB on a comparison's JSON). Quotes too short to count are left out before
    # the product, which is computed in blocks of bounded size.
    import compare.quotes as module

    quotes = [["index"]] * 3000 + [["start"]] * 3000 + [
        ["we", "will", "not", "leave", "anyone", "behind"] for _ in range(40)
    ]
    x, = _incidence(quotes)
    lengths = np.array([len(q) for q in quotes], int)
    sizes = []
    product = module._shared_words

    def recording(xs, ys):
        out = product(xs, ys)
        sizes.append(out.nnz)
        return out

    monkeypatch.setattr(module, "_shared_words", recording)
    reps = _repeats(quotes, x, lengths)
    assert reps == {k: 6000 for k in range(6001, 6040)}
    assert sum(sizes) <= 40 * 40
    few = quotes[:300] + quotes[3000:3300] + quotes[6000:]
    x, = _incidence(few)
    lengths = np.array([len(q) for q in few], int)
    sizes.clear()
    cands = _candidates(x, x, lengths, lengths, min_len=1, block_entries=100)
    assert len(cands) == 300 * 300 * 2 + 40 * 40
    assert max(sizes) <= 300 + 100  # one quote's row, or a block within the budget


def test_a_repeat_with_a_rendering_of_its_own_is_paired_with_it():
    """Found by hypothesis: a longer repeat ("... told") of a quote took its first's partner
    as a reworded quote although the other report has the repeat itself."""
    art = Article.from_text("“He said He said “He said He said told")
    pairs = pair_quotes(art, art)
    assert [(p.status, p.a.text, p.b.text) for p in pairs] == [
        ("same", "He said He said", "He said He said"),
        ("same", "He said He said told", "He said He said told"),
    ]


def _paired(text_a: str, text_b: str) -> list[tuple[str, str]]:
    a, b = Article.from_text(text_a, name="a"), Article.from_text(text_b, name="b")
    return [(p.a.text, p.b.text) for p in pair_quotes(a, b) if p.a and p.b]


def test_a_two_word_quote_needs_both_words_shared():
    # issue 11: "Acme was behind..." was paired with "Acme Way," (was ~ Way)
    assert not _paired('Lawyers said "Acme was behind the other large stores."',
                       'Critics call it the "Acme Way," and laughed.')
    # a near spelling of the same word still pairs
    assert _paired('Lawyers said it was a "vast conspiracy" plot.',
                   'He saw "a vast conspiracies at work" there.')


# --- issue 11, round 3: quotes with no opening mark (dev BASIL events, not the gold's)


def test_a_transcript_line_closed_by_a_mark_is_a_quote_of_its_speaker():
    article = Article.from_text("Chris Lane and Dana Moss met in the debate.\n\nLane: Governor, "
                                "you are wrong about this.”\n\nThen it ended.")
    quotes = extract_quotes(article)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Governor, you are wrong about this.", "Chris Lane")]


def test_a_paragraph_that_closes_a_quote_left_open_continues_it():
    article = Article.from_text("Ann Bay wrote on Facebook: “I have no use for you.\n\nSo I "
                                "am asking you kindly to un-friend me.”\n\nShe left. A "
                                "stray mark” stays ignored.")
    quotes = extract_quotes(article)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("I have no use for you.", "Ann Bay"),
        ("So I am asking you kindly to un-friend me.", "Ann Bay")]
