"""The similarity signals of a sentence pair, registered in one place, and how they are
computed for many pairs at once.

Each signal is a number in [0, 1] that says one thing a reader can check:

``content_a`` / ``content_b``
    Share of a's (b's) content words that the other sentence also uses, words compared
    by their Snowball stem (``blames`` / ``blamed``, ``terrorist`` / ``terrorists``). The
    two directions are containment: a short sentence inside a long one scores 1 on its side.
``word1_a`` ... ``word3_b``
    Share of a's (b's) word unigrams, bigrams and trigrams (all words, function words
    too) found in the other sentence: how much of the *wording* is kept.
``char_a`` / ``char_b``
    Share of a's (b's) character 4-grams found in the other (catches ``resuming`` /
    ``reassuming``, ``US`` / ``U.S.``, plural and tense changes).
``tfidf``
    Cosine of the TF-IDF vectors of the content words: rare shared words count more.
``ratio``
    Character-level similarity of the two normalised texts (rapidfuzz ``fuzz.ratio``).
``token_set`` / ``token_sort`` / ``partial_ratio``
    rapidfuzz's word-order-free and best-substring variants of ``ratio``.
``word_edit`` / ``content_edit``
    Word-level Levenshtein similarity: 1 minus the share of words to insert, delete or
    replace to turn one sentence into the other (all words / content words only).
``length`` / ``word_gap``
    Shorter over longer length in content words; exp(-difference in word count / 10).
``numbers`` / ``names``
    Agreement of the numbers (and of the capitalised names) the two sentences mention:
    shared over all distinct ones, 1 when neither has any.

:data:`SIGNALS` (from :data:`DIRECTED` and :data:`SYMMETRIC`) is the registry: the
column order of :func:`signals_for_pairs`, and what the fitted model declares it was
fitted on (checked when it loads, :mod:`compare.similarity.model`). To add a signal,
add it here, compute it in :func:`signals_for_pairs` and refit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from scipy import sparse

from compare.similarity.features import SET_SIGNALS, Features

DIRECTED = ("content", "word1", "word2", "word3", "char")
"""Signals measured in both directions (``_a``: share of a found in b; ``_b``: of b in a)."""
SYMMETRIC = (
    "tfidf",
    "ratio",
    "token_set",
    "token_sort",
    "partial_ratio",
    "word_edit",
    "content_edit",
    "length",
    "word_gap",
    "numbers",
    "names",
)
"""Signals that are the same whichever sentence comes first."""
SIGNALS = tuple(f"{d}_{side}" for d in DIRECTED for side in "ab") + SYMMETRIC
"""Names of every signal, in the column order of :func:`signals_for_pairs`."""

WORD_GAP_SCALE = 10.0
"""``word_gap`` is exp(-|difference in word count| / WORD_GAP_SCALE)."""

if set(SET_SIGNALS) != {*DIRECTED, "numbers", "names"}:  # pragma: no cover
    raise ImportError("compare.similarity: the features and the signals name other item sets")


# --- signals for chosen pairs ------------------------------------------------------


def _rowwise_dot(x: sparse.csr_matrix, y: sparse.csr_matrix, ia, ib) -> np.ndarray:
    if len(ia) == 0:
        return np.zeros(0)
    return np.asarray(x[ia].multiply(y[ib]).sum(axis=1)).ravel()


def _share(inter: np.ndarray, own: np.ndarray, other: np.ndarray) -> np.ndarray:
    """``inter / own``; 1 when both sides are empty, 0 when only ``own`` is."""
    out = np.divide(inter, own, out=np.zeros_like(inter), where=own > 0)
    out[(own == 0) & (other == 0)] = 1.0
    return out


def _agreement(inter: np.ndarray, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    union = na + nb - inter
    return np.divide(inter, union, out=np.ones_like(inter), where=union > 0)


EXPENSIVE = ("token_set", "token_sort", "partial_ratio")
"""The signals that cost the most (string alignment); :func:`probability_bound` tells
which pairs need them."""

MAX_STRING_WORDS = 300
"""The rapidfuzz string signals (``ratio``, ``token_set``, ``token_sort``,
``partial_ratio``) of a pair see each side up to its 300th word; every other signal sees
all of it. ``partial_ratio`` costs about the cube of the length, and a text with no full
stop is one sentence: 40 KB of it against the same text punctuated took minutes in the
merge of partial links. No sentence of the BASIL articles has half as many words."""


def _first_words(text: str) -> str:
    """``text`` (normalised words joined by spaces) up to its ``MAX_STRING_WORDS``-th word."""
    if text.count(" ") < MAX_STRING_WORDS:
        return text
    return " ".join(text.split(" ", MAX_STRING_WORDS)[:MAX_STRING_WORDS])


def _sorted_first_words(text: str, sorted_text: str) -> str:
    """The words of :func:`_first_words` in sorted order (what ``token_sort`` compares)."""
    if text.count(" ") < MAX_STRING_WORDS:
        return sorted_text
    return " ".join(sorted(_first_words(text).split()))


_SCORERS = {
    "ratio": fuzz.ratio,
    "token_set": fuzz.token_set_ratio,
    "token_sort": fuzz.token_sort_ratio,
    "partial_ratio": fuzz.partial_ratio,
}


def _distinct_pairs(
    fa: Features, fb: Features, ia: np.ndarray, ib: np.ndarray, field: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One pair ``(ia, ib)`` per distinct pair of ``field`` values, and for every pair the
    index of its distinct pair."""
    ka, kb = fa.ids[field][ia], fb.ids[field][ib]
    key = ka * (int(kb.max(initial=0)) + 1) + kb
    _, first, back = np.unique(key, return_index=True, return_inverse=True)
    return ia[first], ib[first], back.reshape(-1)


def _side_texts(f: Features, index: np.ndarray, sort: bool) -> list[str]:
    """The texts of sentences ``index`` of one side as the string signals see them (up to
    the ``MAX_STRING_WORDS``-th word; words sorted for ``token_sort``), each sentence's
    text made once however many pairs it is in."""
    rows = set(index.tolist())
    if sort:
        made = {i: _sorted_first_words(f.texts[i], f.sorted_texts[i]) for i in rows}
    else:
        made = {i: _first_words(f.texts[i]) for i in rows}
    return list(map(made.__getitem__, index.tolist()))


def _string_signal(name: str, fa: Features, fb: Features, ia, ib) -> np.ndarray:
    """A rapidfuzz signal of the sentence pairs ``(ia[k], ib[k])`` in [0, 1], computed
    once per distinct pair of texts. ``token_sort`` is ``ratio`` of the texts with their
    words sorted (rapidfuzz's definition), sorted once per sentence."""
    ia, ib, back = _distinct_pairs(fa, fb, ia, ib, "texts")
    sort = name == "token_sort"
    xs, ys = _side_texts(fa, ia, sort), _side_texts(fb, ib, sort)
    scorer = fuzz.ratio if sort else _SCORERS[name]
    scores = process.cpdist(xs, ys, scorer=scorer, dtype=np.float64)
    return (scores / 100.0)[back]


def complete_signals(fa: Features, fb: Features, ia, ib, signals: np.ndarray) -> np.ndarray:
    """``signals`` (rows of ``signals_for_pairs(fa, fb, ia, ib, skip=...)``) with the
    left-out columns computed: equal to ``signals_for_pairs(fa, fb, ia, ib)``."""
    out = np.array(signals, dtype=np.float64)
    missing = [s for s in SYMMETRIC if s in _SCORERS and np.isnan(out[:, SIGNALS.index(s)]).any()]
    ia = np.asarray(ia, dtype=np.int64)
    ib = np.asarray(ib, dtype=np.int64)
    for name in missing:
        out[:, SIGNALS.index(name)] = np.clip(_string_signal(name, fa, fb, ia, ib), 0.0, 1.0)
    return out


def signals_for_pairs(fa: Features, fb: Features, ia, ib, skip: Sequence[str] = ()) -> np.ndarray:
    """Every signal for the pairs ``(fa[ia[k]], fb[ib[k]])``.

    Returns an array of ``len(ia)`` rows and ``len(SIGNALS)`` columns; the columns
    named in ``skip`` (some of :data:`EXPENSIVE`) are left NaN.
    """
    ia = np.asarray(ia, dtype=np.int64)
    ib = np.asarray(ib, dtype=np.int64)
    cols: dict[str, np.ndarray] = {}
    sizes = {}
    for name in (*DIRECTED, "numbers", "names"):
        xa, xb = fa.sets[name], fb.sets[name]
        na = np.diff(xa.indptr).astype(np.float64)[ia]
        nb = np.diff(xb.indptr).astype(np.float64)[ib]
        inter = _rowwise_dot(xa, xb, ia, ib)
        sizes[name] = (na, nb)
        if name in DIRECTED:
            cols[f"{name}_a"] = _share(inter, na, nb)
            cols[f"{name}_b"] = _share(inter, nb, na)
        else:
            cols[name] = _agreement(inter, na, nb)
    cols["tfidf"] = np.clip(_rowwise_dot(fa.tfidf, fb.tfidf, ia, ib), 0.0, 1.0)
    for name in ("ratio", *EXPENSIVE):
        if name in skip or len(ia) == 0:
            cols[name] = np.full(len(ia), np.nan)
        else:
            cols[name] = _string_signal(name, fa, fb, ia, ib)
    for name, field in (("word_edit", "words"), ("content_edit", "content_words")):
        if len(ia) == 0:
            cols[name] = np.zeros(0)
            continue
        seqs_a, seqs_b = getattr(fa, field), getattr(fb, field)
        ua, ub, back = _distinct_pairs(fa, fb, ia, ib, field)
        cols[name] = process.cpdist(
            [seqs_a[i] for i in ua.tolist()],
            [seqs_b[j] for j in ub.tolist()],
            scorer=Levenshtein.normalized_similarity,
            dtype=np.float64,
        )[back]
    wa = np.asarray([len(fa.words[i]) for i in ia], dtype=np.float64)
    wb = np.asarray([len(fb.words[j]) for j in ib], dtype=np.float64)
    cols["word_gap"] = np.exp(-np.abs(wa - wb) / WORD_GAP_SCALE)
    na, nb = sizes["content"]
    longer = np.maximum(na, nb)
    cols["length"] = np.divide(
        np.minimum(na, nb), longer, out=np.ones_like(longer), where=longer > 0
    )
    out = np.column_stack([np.clip(cols[s], 0.0, 1.0) for s in SIGNALS]) if len(ia) else None
    return out if out is not None else np.zeros((0, len(SIGNALS)))
