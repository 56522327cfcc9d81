"""Tests of compare.similarity: signals, the calibrated score and the matrix."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import similarity
from compare.io import example_paths, load_article
from compare.segment import tokenize


@pytest.fixture(scope="module")
def reports():
    pa, pb = example_paths()
    return load_article(pa), load_article(pb)


def test_signals_of_identical_sentences_are_all_one():
    words = tokenize("NATO has suspended all support to the Afghan government.")
    sig = similarity.pair_signals(words, words)
    assert set(sig) == set(similarity.SIGNALS)
    assert all(v == pytest.approx(1.0) for v in sig.values())


def test_containment_finds_a_short_sentence_inside_a_long_one():
    short = tokenize("There are many lessons to be learned.")
    long_ = tokenize(
        "He acknowledged that there are many lessons to be learned and told one tearful "
        "journalist who expressed fear over the fate of Afghan women, I share your pain."
    )
    sig = similarity.pair_signals(short, long_)
    assert sig["content_a"] == 1.0  # all of the short sentence is in the long one
    assert sig["content_b"] < 0.3
    assert sig["word3_a"] == 1.0


def test_number_and_name_disagreement():
    a = tokenize("In fact Yucaipa sold the chain to Safeway in 1998 for $2.5 billion.")
    b = tokenize("In fact Yucaipa sold the chain to Kroger in 1995 for $1.8 billion.")
    same = similarity.pair_signals(a, a)
    sig = similarity.pair_signals(a, b)
    assert same["numbers"] == 1.0 and same["names"] == 1.0
    assert sig["numbers"] == 0.0
    assert 0.0 < sig["names"] < 1.0  # Yucaipa agrees, Safeway / Kroger do not


def test_pair_score_ranks_paraphrase_above_unrelated():
    base = "He later learned that the incident was caused by the Concorde's sonic boom."
    para = "He later found out the alarming incident had been caused by Concorde's sonic boom."
    other = "The company reported a quarterly profit of 12 cents a share on Tuesday."
    assert similarity.pair_score(base, base) > 0.9
    assert similarity.pair_score(base, para) > 0.5
    assert similarity.pair_score(base, other) < 0.2


def test_pair_score_is_symmetric():
    x = "What we have seen in the past few weeks was a military and political collapse."
    y = "We have seen a military and political collapse in the last few weeks, he said."
    assert similarity.pair_score(x, y) == pytest.approx(similarity.pair_score(y, x), abs=1e-12)


def test_matrix_shape_and_agreement_with_pair_score(reports):
    a, b = reports
    m = similarity.matrix(a, b)
    assert m.shape == (len(a.sentences), len(b.sentences))
    assert ((m >= 0) & (m <= 1)).all()
    # the "past few weeks" / "last few weeks" quote is a's sentence 1 and b's sentence 4
    assert int(np.argmax(m[1])) == 4
    expected = similarity.pair_score(a.sentences[1].text, b.sentences[4].text)
    assert m[1, 4] == pytest.approx(expected)
    # a's sentence 4 (the 30-country alliance, Resolute Support) matches nothing in b
    assert m[4].max() < 0.3


def test_pair_score_takes_sentence_objects(reports):
    # the README's pair_score(sentence_a, sentence_b) with the Sentences of two reports
    a, b = reports
    from_sentences = similarity.pair_score(a.sentences[1], b.sentences[4])
    assert from_sentences == similarity.pair_score(a.sentences[1].text, b.sentences[4].text)
    assert from_sentences == pytest.approx(similarity.matrix(a, b)[1, 4])
    assert similarity.pair_score(a.sentences[1], b.sentences[4].text) == from_sentences


def test_pair_score_refuses_other_types():
    with pytest.raises(TypeError, match="str or Sentence"):
        similarity.pair_score(tokenize("A sentence."), "A sentence.")


def test_parameters_ship_the_refit_command():
    params = similarity.parameters()
    assert "fit_similarity.py" in params["refit"]
    model = params["models"]["same_content"]
    n = len(similarity.INPUTS)
    assert len(model["linear"]) == n == len(model["mean"]) == len(model["quadratic"])
    assert all(len(row) == n for row in model["quadratic"])
    assert 0 < model["threshold"] < 1


words = st.lists(
    st.sampled_from(
        [
            *("NATO", "the", "alliance", "said", "800", "Kabul", "troops", "a", "withdraw"),
            *("US", ",", ".", '"', "Afghan", "peaceful", "2015", "and", "on", "Taliban"),
        ]
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(words, words)
def test_signals_and_score_are_in_unit_interval_and_symmetric(x, y):
    tx, ty = tokenize(" ".join(x)), tokenize(" ".join(y))
    sig = similarity.pair_signals(tx, ty)
    rev = similarity.pair_signals(ty, tx)
    for name, value in sig.items():
        assert 0.0 <= value <= 1.0, name
    for d in similarity.DIRECTED:
        assert sig[f"{d}_a"] == pytest.approx(rev[f"{d}_b"])
    score = similarity.pair_score(" ".join(x), " ".join(y))
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(similarity.pair_score(" ".join(y), " ".join(x)), abs=1e-9)


def test_inflections_count_as_the_same_content_word():
    a = tokenize("Stoltenberg blames the collapse on the leadership.")
    b = tokenize("Stoltenberg blamed the leadership for the collapse.")
    sig = similarity.pair_signals(a, b)
    assert sig["content_a"] == 1.0 and sig["content_b"] == 1.0
    assert sig["word1_a"] < 1.0  # the wording itself differs


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=4), st.lists(words, min_size=1, max_size=4))
def test_set_signals_match_a_plain_set_reference(xs, ys):
    ta = [tokenize(" ".join(x)) for x in xs]
    tb = [tokenize(" ".join(y)) for y in ys]
    fa, fb = similarity.featurize(ta, tb)
    ia, ib = np.divmod(np.arange(len(ta) * len(tb)), len(tb))
    sig = similarity.signals_for_pairs(fa, fb, ia, ib)
    col = {s: sig[:, k] for k, s in enumerate(similarity.SIGNALS)}

    def grams(ws, n):
        norms = [w.norm for w in ws if w.is_word]
        if n == "char":
            padded = f" {' '.join(norms)} " if norms else ""
            return {padded[k : k + 4] for k in range(len(padded) - 3)}
        return {tuple(norms[k : k + n]) for k in range(len(norms) - n + 1)}

    for k, (i, j) in enumerate(zip(ia, ib, strict=True)):
        for name, n in (("word1", 1), ("word2", 2), ("word3", 3), ("char", "char")):
            ga, gb = grams(ta[i], n), grams(tb[j], n)
            expected = len(ga & gb) / len(ga) if ga else (1.0 if not gb else 0.0)
            assert col[f"{name}_a"][k] == pytest.approx(expected), name


@settings(max_examples=60, deadline=None)
@given(words, words, st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_probability_bound_is_never_below_the_probability(x, y, u, v, w):
    fa, fb = similarity.featurize([tokenize(" ".join(x))], [tokenize(" ".join(y))])
    sig = similarity.signals_for_pairs(fa, fb, [0], [0])
    unknown = sig.copy()
    for name, value in zip(similarity.EXPENSIVE, (u, v, w), strict=True):
        k = similarity.SIGNALS.index(name)
        sig[0, k] = value
        unknown[0, k] = np.nan
    assert similarity.probability_bound(unknown)[0] >= similarity.apply_model(sig)[0] - 1e-12
    assert similarity.probability_bound(sig)[0] == pytest.approx(similarity.apply_model(sig)[0])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=4), st.lists(words, min_size=1, max_size=4))
def test_batched_signals_equal_one_pair_at_a_time(xs, ys):
    # repeated sentences are scored once per distinct pair; the values must not change
    ta = [tokenize(" ".join(x)) for x in xs + xs[:1]]
    tb = [tokenize(" ".join(y)) for y in ys + ys[:1]]
    fa, fb = similarity.featurize(ta, tb)
    ia, ib = np.divmod(np.arange(len(ta) * len(tb)), len(tb))
    batch = similarity.signals_for_pairs(fa, fb, ia, ib)
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        single = similarity.pair_signals(ta[i], tb[j])
        for name in ("ratio", *similarity.EXPENSIVE, "word_edit", "content_edit"):
            assert batch[k, similarity.SIGNALS.index(name)] == single[name], name
    # the left-out signals, filled in later, are the same numbers
    skipped = similarity.signals_for_pairs(fa, fb, ia, ib, skip=similarity.EXPENSIVE)
    assert np.isnan(skipped[:, similarity.SIGNALS.index("partial_ratio")]).all()
    completed = similarity.complete_signals(fa, fb, ia, ib, skipped)
    assert np.array_equal(completed, batch)


@settings(max_examples=100, deadline=None)
@given(words, words)
def test_token_sort_is_rapidfuzz_token_sort_ratio(x, y):
    from rapidfuzz import fuzz

    fa, fb = similarity.featurize([tokenize(" ".join(x))], [tokenize(" ".join(y))])
    sig = similarity.signals_for_pairs(fa, fb, [0], [0])[0]
    expected = fuzz.token_sort_ratio(fa.texts[0], fb.texts[0]) / 100.0
    assert sig[similarity.SIGNALS.index("token_sort")] == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab cé\U0001F600", max_size=12), min_size=1, max_size=6),
       st.lists(st.text(alphabet="ab cé\U0001F600", max_size=12), min_size=1, max_size=6))
def test_per_report_features_joined_count_the_same_items_as_sets(xs, ys):
    """Each report's items are keyed on its own; joined for a pair, the shared counts are
    those of plain Python sets of the items (no key of one report collides with
    another item of the other). Code points beyond the BMP take the mixed keys."""
    ta, tb = [tokenize(x) for x in xs], [tokenize(y) for y in ys]
    fa, fb = similarity.join(similarity.sentence_features(ta), similarity.sentence_features(tb))
    for i, words_a in enumerate(fa.words):
        for j, words_b in enumerate(fb.words):
            for n in (1, 2, 3):
                ga = {words_a[k : k + n] for k in range(len(words_a) - n + 1)}
                gb = {words_b[k : k + n] for k in range(len(words_b) - n + 1)}
                x, y = fa.sets[f"word{n}"], fb.sets[f"word{n}"]
                assert x[i].multiply(y[j]).sum() == len(ga & gb)
            pa = f" {' '.join(words_a)} " if words_a else ""
            pb = f" {' '.join(words_b)} " if words_b else ""
            ca = {pa[k : k + 4] for k in range(len(pa) - 3)}
            cb = {pb[k : k + 4] for k in range(len(pb) - 3)}
            assert fa.sets["char"][i].multiply(fb.sets["char"][j]).sum() == len(ca & cb)


def test_item_keys_are_the_same_in_another_process():
    """Keys are stable hashes (BLAKE2b), not Python's per-process salted hash()."""
    import subprocess
    import sys

    code = (
        "from compare import similarity; from compare.segment import tokenize; "
        "f = similarity.sentence_features([tokenize('NATO blamed the Afghan leaders.')]); "
        "print(f.keys['word2'].tolist(), f.keys['content'].tolist())"
    )
    here = similarity.sentence_features([tokenize("NATO blamed the Afghan leaders.")])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**__import__("os").environ, "PYTHONHASHSEED": "7"})
    assert out.stdout.strip() == f"{here.keys['word2'].tolist()} {here.keys['content'].tolist()}"


def test_a_model_fitted_on_other_signals_is_refused_at_load_time():
    import copy

    params = copy.deepcopy(similarity.parameters())
    assert similarity.check_parameters(params) is params
    params["signals"] = [s for s in params["signals"] if s != "names"] + ["embedding"]
    params["models"]["sts"]["inputs"] = params["models"]["sts"]["inputs"][::-1]
    with pytest.raises(similarity.ModelMismatch) as caught:
        similarity.check_parameters(params)
    message = str(caught.value)
    assert "signals: missing ['names']; not computed ['embedding']" in message
    assert "models.sts.inputs: same names in another order" in message
    assert "fit_similarity.py" in message


@given(st.lists(st.integers(-(2**62), 2**62), max_size=60))
def test_sorted_distinct_is_numpy_unique(values):
    """The one-sort distinct of the feature cells is ``np.unique``: same values, dtype."""
    from compare.similarity.features import sorted_distinct

    x = np.asarray(values, dtype=np.int64)
    got = sorted_distinct(x)
    assert got.dtype == x.dtype
    assert got.tolist() == np.unique(x).tolist()


@given(st.lists(st.text(max_size=4), max_size=30), st.lists(st.text(max_size=4), max_size=30))
def test_sorted_distinct_of_two_vocabularies_is_union1d(a, b):
    """Joining two reports' sorted vocabularies (strings) gives ``np.union1d``."""
    from compare.similarity.features import sorted_distinct

    va, vb = np.unique(np.asarray(a, dtype=str)), np.unique(np.asarray(b, dtype=str))
    assert sorted_distinct(np.concatenate((va, vb))).tolist() == np.union1d(va, vb).tolist()


def test_sts_cheap_ignores_the_costly_signals():
    # fitted without them (weights 0): NaN there (not computed) changes nothing
    params = similarity.parameters()["models"]["sts_cheap"]
    assert set(params["without"]) == set(similarity.EXPENSIVE)
    row = np.asarray([[0.5] * len(similarity.SIGNALS)])
    missing = row.copy()
    costly = [similarity.SIGNALS.index(name) for name in similarity.EXPENSIVE]
    missing[0, costly] = np.nan
    assert similarity.apply_model(missing, "sts_cheap")[0] == pytest.approx(
        similarity.apply_model(row, "sts_cheap")[0])
    assert np.isnan(similarity.apply_model(missing, "sts")[0])


def test_pair_similarity_is_the_sts_regression_and_one_for_the_same_words():
    same = tokenize("The storm closed the port.")
    assert similarity.pair_similarity(same, tokenize("the storm closed the port")) == 1.0
    close = similarity.pair_similarity(same, tokenize("The storm shut the harbour."))
    far = similarity.pair_similarity(same, tokenize("Shares rose in early trading."))
    assert 0.0 <= far < close < 1.0
