"""How alike two sentences are: explainable signals and one calibrated score.

Each signal is a number in [0, 1] that says one thing a reader can check:

``content_a`` / ``content_b``
    Share of a's (b's) content words that the other sentence also uses. The two
    directions are containment: a short sentence inside a long one scores 1 on its side.
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

:func:`pair_score` combines the signals with a logistic regression fitted on the
Microsoft Research Paraphrase Corpus (weights in ``data/similarity.json``, refit with
``python benchmarks/fit_similarity.py``); it is the probability that the two sentences
say the same thing. The IDF table used by ``tfidf`` ships in the same file: document
frequencies of words over the MSRP and STS-news training sentences, so the score of
two sentences does not depend on the reports around them.

For many sentences at once (:func:`matrix`, :mod:`compare.align`) the signals are
computed in bulk with sparse matrices (:class:`Features`, :func:`signals_for_pairs`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from scipy import sparse

from compare.models import Article, Word
from compare.segment import tokenize

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

CHAR_N = 4
WORD_GAP_SCALE = 10.0
"""``word_gap`` is exp(-|difference in word count| / WORD_GAP_SCALE)."""


@lru_cache(maxsize=1)
def parameters() -> dict:
    """The fitted parameters shipped in ``compare/data/similarity.json``."""
    text = resources.files("compare").joinpath("data/similarity.json").read_text("utf-8")
    return json.loads(text)


def idf_weights(table: dict) -> tuple[dict[str, float], float]:
    """IDF weights ``(per word, for unseen words)`` from ``{"documents": n, "df": {...}}``."""
    n = table["documents"]
    default = math.log((n + 1) / 2) + 1.0  # a word seen in one document (or none)
    idf = {w: math.log((n + 1) / (df + 1)) + 1.0 for w, df in table["df"].items()}
    return idf, default


_IDF: tuple[dict[str, float], float] | None = None


def _idf() -> tuple[dict[str, float], float]:
    global _IDF
    if _IDF is None:
        _IDF = idf_weights(parameters()["idf"])
    return _IDF


# --- per-sentence features ---------------------------------------------------------


def _number_key(norm: str) -> str:
    return norm.replace(",", "")


def _units(words: Sequence[Word]) -> dict[str, list[str]]:
    """The items each signal compares, for one sentence."""
    tokens = [w for w in words if w.content or w.is_word]
    norms = [w.norm for w in tokens]
    content = [w.norm for w in tokens if w.content]
    numbers = [_number_key(w.norm) for w in tokens if w.norm[:1].isdigit()]
    names = [
        w.norm
        for k, w in enumerate(tokens)
        if k > 0 and w.text[:1].isupper() and not w.norm[:1].isdigit()
    ]
    joined = " ".join(norms)
    padded = f" {joined} "
    units = {
        "content": content,
        "word1": norms,
        "word2": [f"{x} {y}" for x, y in pairwise(norms)],
        "word3": [f"{x} {y} {z}" for x, y, z in zip(norms, norms[1:], norms[2:], strict=False)],
        "char": [padded[k : k + CHAR_N] for k in range(max(len(padded) - CHAR_N + 1, 0))],
        "numbers": numbers,
        "names": names,
    }
    return units


def _binary_matrix(rows: list[list[str]]) -> sparse.csr_matrix:
    """Binary sentence x item matrix; columns in sorted item order (order-independent sums)."""
    vocab: dict[str, int] = {}
    ids = [{vocab.setdefault(item, len(vocab)) for item in items} for items in rows]
    rank = np.empty(len(vocab), dtype=np.int64)
    rank[[vocab[item] for item in sorted(vocab)]] = np.arange(len(vocab))
    lengths = np.asarray([len(s) for s in ids], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    flat = np.fromiter((i for s in ids for i in s), dtype=np.int64, count=int(indptr[-1]))
    matrix = sparse.csr_matrix(
        (np.ones(len(flat)), rank[flat] if len(flat) else flat, indptr),
        shape=(len(rows), max(len(vocab), 1)),
    )
    matrix.sort_indices()
    return matrix


@dataclass(frozen=True)
class Features:
    """Sparse per-sentence features of a list of sentences (one row each).

    ``sets[name]`` is a binary sentence x item matrix for each set-based signal;
    ``tfidf`` holds L2-normalised TF-IDF rows of the content words; ``texts`` and
    ``words`` the normalised text and word list of each sentence. Build the two sides
    with :func:`featurize` so that their columns match.
    """

    sets: dict[str, sparse.csr_matrix]
    tfidf: sparse.csr_matrix
    texts: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    content_words: tuple[tuple[str, ...], ...]

    def __len__(self) -> int:
        return len(self.texts)


def featurize(
    a: Sequence[Sequence[Word]],
    b: Sequence[Sequence[Word]],
    idf: tuple[dict[str, float], float] | None = None,
) -> tuple[Features, Features]:
    """Features of the sentences ``a`` and of ``b`` over one shared vocabulary.

    ``idf`` is ``(weights, default)``; by default the shipped table.
    """
    units = [_units(words) for words in (*a, *b)]
    idf, default = idf or _idf()
    sets = {}
    for name in ("content", "word1", "word2", "word3", "char", "numbers", "names"):
        sets[name] = _binary_matrix([u[name] for u in units])
    # TF-IDF over content words: raw term counts times IDF, rows L2-normalised.
    vocab = {w: k for k, w in enumerate(sorted({w for u in units for w in u["content"]}))}
    rows, cols, vals = [], [], []
    for r, u in enumerate(units):
        counts: dict[str, int] = {}
        for w in u["content"]:
            counts[w] = counts.get(w, 0) + 1
        for w in sorted(counts):
            rows.append(r)
            cols.append(vocab[w])
            vals.append(counts[w] * idf.get(w, default))
    tfidf = sparse.csr_matrix(
        (np.asarray(vals, dtype=np.float64), (rows, cols)),
        shape=(len(units), max(len(vocab), 1)),
    )
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    tfidf = sparse.csr_matrix(sparse.diags(1.0 / norms) @ tfidf)
    texts = tuple(" ".join(u["word1"]) for u in units)
    words = tuple(tuple(u["word1"]) for u in units)
    content_words = tuple(tuple(u["content"]) for u in units)
    n = len(a)

    def part(lo: int, hi: int) -> Features:
        return Features(
            sets={k: m[lo:hi] for k, m in sets.items()},
            tfidf=tfidf[lo:hi],
            texts=texts[lo:hi],
            words=words[lo:hi],
            content_words=content_words[lo:hi],
        )

    return part(0, n), part(n, len(units))


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


def signals_for_pairs(fa: Features, fb: Features, ia, ib) -> np.ndarray:
    """Every signal for the pairs ``(fa[ia[k]], fb[ib[k]])``.

    Returns an array of ``len(ia)`` rows and ``len(SIGNALS)`` columns.
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
    ta = [fa.texts[i] for i in ia]
    tb = [fb.texts[j] for j in ib]
    cols["ratio"] = process.cpdist(ta, tb, scorer=fuzz.ratio, dtype=np.float64) / 100.0
    for name, scorer in (
        ("token_set", fuzz.token_set_ratio),
        ("token_sort", fuzz.token_sort_ratio),
        ("partial_ratio", fuzz.partial_ratio),
    ):
        cols[name] = process.cpdist(ta, tb, scorer=scorer, dtype=np.float64) / 100.0
    for name, seqs_a, seqs_b in (
        ("word_edit", fa.words, fb.words),
        ("content_edit", fa.content_words, fb.content_words),
    ):
        cols[name] = np.fromiter(
            (
                Levenshtein.normalized_similarity(seqs_a[i], seqs_b[j])
                for i, j in zip(ia.tolist(), ib.tolist(), strict=True)
            ),
            dtype=np.float64,
            count=len(ia),
        )
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


# --- the calibrated score ----------------------------------------------------------


def model_inputs(signals: np.ndarray) -> np.ndarray:
    """The model's inputs from signal columns: symmetric in a and b.

    Each directed pair gives its min and max (so swapping the sentences changes
    nothing); the symmetric signals pass through.
    """
    signals = np.atleast_2d(signals)
    col = {s: signals[:, k] for k, s in enumerate(SIGNALS)}
    parts = []
    for d in DIRECTED:
        x, y = col[f"{d}_a"], col[f"{d}_b"]
        parts += [np.minimum(x, y), np.maximum(x, y)]
    parts += [col[s] for s in SYMMETRIC]
    return np.column_stack(parts)


INPUTS = tuple(f"{d}_{m}" for d in DIRECTED for m in ("min", "max")) + SYMMETRIC
"""Names of the columns of :func:`model_inputs`."""


def quadratic_terms(z: np.ndarray) -> np.ndarray:
    """Products ``z_i * z_j`` (i <= j) of standardised inputs, in row-major upper-triangle order."""
    i, j = np.triu_indices(z.shape[1])
    return z[:, i] * z[:, j]


def apply_model(signals: np.ndarray, model: str = "same_content") -> np.ndarray:
    """Apply the fitted model ``model`` of ``similarity.json`` to signal rows.

    The inputs are standardised (``z = (x - mean) / scale``); the model is
    ``intercept + linear . z + z' quadratic z`` (``quadratic`` an upper-triangular
    matrix of weights for the products of two inputs), through the logistic function for
    a probability or divided by ``max`` (then clipped to [0, 1]) for a linear score.
    """
    p = parameters()["models"][model]
    z = (model_inputs(signals) - np.asarray(p["mean"])) / np.asarray(p["scale"])
    quad = np.asarray(p["quadratic"])
    y = z @ np.asarray(p["linear"]) + np.einsum("ki,ij,kj->k", z, quad, z) + p["intercept"]
    if p["kind"] == "logistic":
        return 1.0 / (1.0 + np.exp(-y))
    return np.clip(y / p.get("max", 1.0), 0.0, 1.0)


def pair_signals(a_words: Sequence[Word], b_words: Sequence[Word]) -> dict[str, float]:
    """Every signal for two word sequences (e.g. ``tokenize(text)``), each in [0, 1]."""
    fa, fb = featurize([a_words], [b_words])
    row = signals_for_pairs(fa, fb, [0], [0])[0]
    return {s: float(v) for s, v in zip(SIGNALS, row, strict=True)}


def pair_score(a_text: str, b_text: str) -> float:
    """Probability in [0, 1] that two sentences say the same thing (calibrated on MSRP)."""
    fa, fb = featurize([tokenize(a_text)], [tokenize(b_text)])
    return float(apply_model(signals_for_pairs(fa, fb, [0], [0]))[0])


def matrix(a: Article, b: Article) -> np.ndarray:
    """The ``pair_score`` of every sentence of a with every sentence of b (dense)."""
    n, m = len(a.sentences), len(b.sentences)
    if n == 0 or m == 0:
        return np.zeros((n, m))
    fa, fb = featurize(a.words, b.words)
    ia, ib = np.divmod(np.arange(n * m), m)
    return apply_model(signals_for_pairs(fa, fb, ia, ib)).reshape(n, m)
