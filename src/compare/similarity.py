"""How alike two sentences are: explainable signals and one calibrated score.

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

:func:`pair_score` combines the signals with a logistic regression fitted on the
Microsoft Research Paraphrase Corpus (weights in ``data/similarity.json``, refit with
``python benchmarks/fit_similarity.py``); it is the probability that the two sentences
say the same thing. The IDF table used by ``tfidf`` ships in the same file: document
frequencies of words over the MSRP and STS-news training sentences, so the score of
two sentences does not depend on the reports around them.

For many sentences at once (:func:`matrix`, :mod:`compare.align`) the signals are
computed in bulk with sparse matrices (:class:`Features`, :func:`signals_for_pairs`):
words, n-grams and character 4-grams become integer ids with numpy; the string signals
(rapidfuzz, in C over whole batches) are computed once per distinct pair of texts. The
costly string alignments (:data:`EXPENSIVE`) can be left out and
:func:`probability_bound` says which pairs could still pass a threshold, so only those
need them (:func:`complete_signals` fills them in).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain
from operator import attrgetter, itemgetter

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from scipy import sparse

from compare.models import Article, Sentence, Word
from compare.models import has_letter_or_digit as _HAS_ALNUM
from compare.segment import tokenize

_NORM, _TEXT, _FIRST = attrgetter("norm"), attrgetter("text"), itemgetter(slice(0, 1))

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

_STEMMER = None


def stems(words: Sequence[str]) -> list[str]:
    """Snowball (Porter 2) English stems of normalised words: ``blames``/``blamed`` agree."""
    global _STEMMER
    if _STEMMER is None:
        import Stemmer

        _STEMMER = Stemmer.Stemmer("english")
    return _STEMMER.stemWords(list(words))


def _number_key(norm: str) -> str:
    return norm.replace(",", "")


def _dense(codes: np.ndarray) -> np.ndarray:
    """Dense ids ``0..k-1`` of integer codes, in increasing code order.

    Codes in a narrow range go through a table of the codes present (no sort); others
    through one sort (equal codes get one id whatever the order among them).
    """
    if len(codes) == 0:
        return codes.astype(np.int64)
    low, high = int(codes.min()), int(codes.max())
    if high - low <= 2 * len(codes) + 4096:
        present = np.zeros(high - low + 1, dtype=bool)
        present[codes - low] = True
        return (np.cumsum(present) - 1)[codes - low]
    order = np.argsort(codes)
    ordered = codes[order]
    first = np.empty(len(codes), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    out = np.empty(len(codes), dtype=np.int64)
    out[order] = np.cumsum(first) - 1
    return out


def _ngram_ids(ids: np.ndarray, owner: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the n-grams of ``ids`` (dense, ``k`` distinct) that lie within one owner.

    An n-gram's id is its items in base ``k`` when that fits in 62 bits, else pairs are
    re-numbered step by step; returns the ids and the owner of each n-gram.
    """
    size = len(ids) - n + 1
    if size <= 0:
        return ids[:0], owner[:0]
    keep = np.flatnonzero(owner[n - 1 :] == owner[:size])
    gram = ids[keep]
    base = int(ids.max(initial=0)) + 1
    for k in range(1, n):
        if base ** (k + 1) < 2**62:
            gram = gram * base + ids[keep + k]
        else:
            gram = _dense(gram * base + ids[keep + k])  # gram < len(ids): no overflow
    return gram, owner[keep]


def _unique_sorted(x: np.ndarray) -> np.ndarray:
    x = np.sort(x)
    return x[np.concatenate([[True], x[1:] != x[:-1]])] if len(x) else x


def _binary(owner: np.ndarray, item: np.ndarray, n_rows: int) -> sparse.csr_matrix:
    """Binary row x item matrix (an item counted once per row), columns in item order."""
    item = _dense(item) if len(item) else item.astype(np.int64)
    n_cols = max(int(item.max(initial=-1)) + 1, 1)
    rows, cols = np.divmod(_unique_sorted(owner * n_cols + item), n_cols)
    indptr = np.searchsorted(rows, np.arange(n_rows + 1))
    return sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n_rows, n_cols))


def _ids(items: list[str]) -> tuple[np.ndarray, list[str]]:
    """Dense ids of strings in first-seen order, and the vocabulary."""
    vocab = list(dict.fromkeys(items))
    index = dict(zip(vocab, range(len(vocab)), strict=True))
    return np.fromiter(map(index.__getitem__, items), np.int64, len(items)), vocab


@dataclass(frozen=True)
class Features:
    """Sparse per-sentence features of a list of sentences (one row each).

    ``sets[name]`` is a binary sentence x item matrix for each set-based signal;
    ``tfidf`` holds L2-normalised TF-IDF rows of the content words; ``texts`` and
    ``words`` the normalised text and word list of each sentence, ``content_words``
    its content words and ``stems`` their stems; ``sorted_texts`` the text with its
    words in sorted order (what ``token_sort`` compares). ``ids[field]`` numbers the
    distinct values of ``texts``, ``words`` and ``content_words`` (equal value, equal
    id), so that a signal is computed once per distinct pair. Build the two sides with
    :func:`featurize` so that their columns match.
    """

    sets: dict[str, sparse.csr_matrix]
    tfidf: sparse.csr_matrix
    texts: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    content_words: tuple[tuple[str, ...], ...]
    stems: tuple[tuple[str, ...], ...]
    sorted_texts: tuple[str, ...]
    ids: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.texts)


def featurize(
    a: Sequence[Sequence[Word]],
    b: Sequence[Sequence[Word]],
    idf: tuple[dict[str, float], float] | None = None,
) -> tuple[Features, Features]:
    """Features of the sentences ``a`` and of ``b`` over one shared vocabulary.

    ``idf`` is ``(weights, default)``; by default the shipped table. Items become
    integer ids and the n-gram tables are built with numpy (no Python loop over n-grams).
    """
    sentences = (*a, *b)
    n_rows = len(sentences)
    idf, default = idf or _idf()
    tokens = [
        [w for w in ws if w.content or w.text.isalnum() or _HAS_ALNUM(w.text)]
        for ws in sentences
    ]
    words = [tuple(map(_NORM, ts)) for ts in tokens]
    content = [tuple([w.norm for w in ts if w.content]) for ts in tokens]
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=n_rows)
    owner = np.repeat(np.arange(n_rows), lengths)
    flat = list(chain.from_iterable(words))
    # numbers: words that start with a digit; names: other words, not first in their
    # sentence, written with a capital (map over C functions: no Python loop per word)
    is_number = np.fromiter(map(str.isdigit, map(_FIRST, flat)), dtype=bool, count=len(flat))
    texts_of = map(_TEXT, chain.from_iterable(tokens))
    capital = np.fromiter(map(str.isupper, map(_FIRST, texts_of)), dtype=bool, count=len(flat))
    not_first = np.ones(len(flat), dtype=bool)
    not_first[(np.cumsum(lengths) - lengths)[lengths > 0]] = False
    is_name = ~is_number & capital & not_first
    numbers = [_number_key(flat[k]) for k in np.flatnonzero(is_number).tolist()]
    names = [flat[k] for k in np.flatnonzero(is_name).tolist()]
    owner_n, owner_m = owner[is_number], owner[is_name]
    ids, _ = _ids(flat)
    sets = {}
    for n in (1, 2, 3):
        gram, gram_owner = _ngram_ids(ids, owner, n)
        sets[f"word{n}"] = _binary(gram_owner, gram, n_rows)
    # content words and their stems (stemmed once per distinct word)
    c_lengths = np.asarray([len(c) for c in content], dtype=np.int64)
    c_owner = np.repeat(np.arange(n_rows), c_lengths)
    c_ids, c_vocab = _ids(list(chain.from_iterable(content)))
    stem_of = stems(c_vocab)
    stem_ids, _ = _ids(stem_of)
    sets["content"] = _binary(c_owner, stem_ids[c_ids] if len(c_ids) else c_ids, n_rows)
    flat_stems = [stem_of[i] for i in c_ids.tolist()]
    sentence_stems = tuple(tuple(flat_stems[lo:hi]) for lo, hi in _bounds(c_lengths))
    # character 4-grams of " w1 w2 ... wn " (codepoints ranked, grams combined as ids)
    padded = [f" {' '.join(ws)} " if ws else "" for ws in words]
    big = "".join(padded)
    codepoints = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    chars = _dense(codepoints)
    ch_owner = np.repeat(np.arange(n_rows), [len(p) for p in padded])
    gram, gram_owner = _ngram_ids(chars, ch_owner, CHAR_N)
    sets["char"] = _binary(gram_owner, gram, n_rows)
    for name, items, own in (("numbers", numbers, owner_n), ("names", names, owner_m)):
        item_ids, _ = _ids(items)
        sets[name] = _binary(np.asarray(own, dtype=np.int64), item_ids, n_rows)
    # TF-IDF over content words: raw term counts times IDF, rows L2-normalised; columns
    # in sorted word order so that float sums do not depend on the order of sentences.
    rank = np.empty(len(c_vocab), dtype=np.int64)
    rank[np.argsort(np.asarray(c_vocab, dtype=object), kind="stable")] = np.arange(len(c_vocab))
    weight = np.asarray([idf.get(w, default) for w in c_vocab], dtype=np.float64)
    cols = rank[c_ids] if len(c_ids) else c_ids
    cells, counts = np.unique(
        c_owner * max(len(c_vocab), 1) + cols, return_counts=True, sorted=True
    )
    rows, cols = np.divmod(cells, max(len(c_vocab), 1))
    order = np.argsort(rank)  # column -> vocabulary id
    vals = counts * weight[order[cols]] if len(cols) else counts.astype(np.float64)
    tfidf = sparse.csr_matrix(
        (vals.astype(np.float64), cols, np.searchsorted(rows, np.arange(n_rows + 1))),
        shape=(n_rows, max(len(c_vocab), 1)),
    )
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    tfidf = sparse.csr_matrix(sparse.diags(1.0 / norms) @ tfidf)
    texts = tuple(" ".join(ws) for ws in words)
    text_ids, distinct = _ids(texts)
    sorted_distinct = [" ".join(sorted(t.split())) for t in distinct]  # as token_sort does
    sorted_texts = tuple(sorted_distinct[i] for i in text_ids.tolist())
    ids = {"texts": text_ids, "words": _ids(words)[0], "content_words": _ids(content)[0]}
    n = len(a)

    def part(lo: int, hi: int) -> Features:
        return Features(
            sets={k: m[lo:hi] for k, m in sets.items()},
            tfidf=tfidf[lo:hi],
            texts=texts[lo:hi],
            words=tuple(words[lo:hi]),
            content_words=tuple(content[lo:hi]),
            stems=sentence_stems[lo:hi],
            sorted_texts=sorted_texts[lo:hi],
            ids={k: v[lo:hi] for k, v in ids.items()},
        )

    return part(0, n), part(n, n_rows)


def _bounds(lengths: np.ndarray) -> list[tuple[int, int]]:
    ends = np.cumsum(lengths)
    return list(zip((ends - lengths).tolist(), ends.tolist(), strict=True))


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


def _string_signal(name: str, fa: Features, fb: Features, ia, ib) -> np.ndarray:
    """A rapidfuzz signal of the sentence pairs ``(ia[k], ib[k])`` in [0, 1], computed
    once per distinct pair of texts. ``token_sort`` is ``ratio`` of the texts with their
    words sorted (rapidfuzz's definition), sorted once per sentence."""
    ia, ib, back = _distinct_pairs(fa, fb, ia, ib, "texts")
    if name == "token_sort":
        ta, tb, scorer = fa.sorted_texts, fb.sorted_texts, fuzz.ratio
    else:
        ta, tb, scorer = fa.texts, fb.texts, _SCORERS[name]
    scores = process.cpdist(
        [ta[i] for i in ia.tolist()], [tb[j] for j in ib.tolist()], scorer=scorer, dtype=np.float64
    )
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


def probability_bound(signals: np.ndarray, model: str = "same_content") -> np.ndarray:
    """An upper bound of :func:`apply_model` when the NaN signals may take any value in [0, 1].

    Only symmetric signals may be NaN (e.g. the :data:`EXPENSIVE` ones left out by
    ``signals_for_pairs(..., skip=...)``); in a row with any NaN, every column that is
    NaN somewhere is taken as unknown. The model's logit is a quadratic in the
    standardised inputs; each term holding an unknown input is bounded on its own (one
    unknown: the exact maximum of ``q z**2 + l z`` on its interval; two: the largest
    corner product), so the bound is never below the true probability. A pair whose
    bound is under a threshold cannot reach it, whatever the left-out signals are.
    """
    p = parameters()["models"][model]
    x = model_inputs(signals)
    mean, scale = np.asarray(p["mean"]), np.asarray(p["scale"])
    unknown = np.flatnonzero(np.isnan(x).any(axis=0))
    if len(unknown) == 0:
        return apply_model(signals, model)
    z = (np.nan_to_num(x, nan=0.0) - mean) / scale
    z[:, unknown] = 0.0
    quad = np.asarray(p["quadratic"])
    sym = quad + quad.T  # coefficient of z_i z_j (i != j) is sym[i, j]
    y = z @ np.asarray(p["linear"]) + np.einsum("ki,ij,kj->k", z, quad, z) + p["intercept"]
    lo = (0.0 - mean[unknown]) / scale[unknown]
    hi = (1.0 - mean[unknown]) / scale[unknown]
    rows = np.isnan(x[:, unknown]).any(axis=1)  # a row with any NaN: all unknown
    for k, u in enumerate(unknown):
        lin = p["linear"][u] + z @ sym[u]  # known z only (unknown columns are 0)
        q = quad[u, u]
        cands = [q * lo[k] ** 2 + lin * lo[k], q * hi[k] ** 2 + lin * hi[k]]
        if q < 0:
            v = np.clip(-lin / (2 * q), lo[k], hi[k])
            cands.append(q * v**2 + lin * v)
        best = np.max(np.stack(cands), axis=0)
        y += np.where(rows, best, 0.0)
        for m in range(k + 1, len(unknown)):
            c = quad[u, unknown[m]] + quad[unknown[m], u]
            corner = max(c * s * t for s in (lo[k], hi[k]) for t in (lo[m], hi[m]))
            y += np.where(rows, corner, 0.0)
    bound = (
        1.0 / (1.0 + np.exp(-y))
        if p["kind"] == "logistic"
        else np.clip(y / p.get("max", 1.0), 0.0, 1.0)
    )
    known = ~rows
    if known.any():
        bound[known] = apply_model(signals[known], model)
    return bound


def pair_signals(a_words: Sequence[Word], b_words: Sequence[Word]) -> dict[str, float]:
    """Every signal for two word sequences (e.g. ``tokenize(text)``), each in [0, 1]."""
    fa, fb = featurize([a_words], [b_words])
    row = signals_for_pairs(fa, fb, [0], [0])[0]
    return {s: float(v) for s, v in zip(SIGNALS, row, strict=True)}


def pair_score(a: str | Sentence, b: str | Sentence) -> float:
    """Probability in [0, 1] that two sentences say the same thing (calibrated on MSRP).

    Each sentence is a string or a :class:`~compare.models.Sentence` (its ``text``).
    """
    words = []
    for sentence in (a, b):
        if isinstance(sentence, Sentence):
            sentence = sentence.text
        if not isinstance(sentence, str):
            raise TypeError(
                f"pair_score takes two sentences, each a str or Sentence, "
                f"not {type(sentence).__name__}"
            )
        words.append([tokenize(sentence)])
    fa, fb = featurize(*words)
    return float(apply_model(signals_for_pairs(fa, fb, [0], [0]))[0])


def matrix(a: Article, b: Article) -> np.ndarray:
    """The ``pair_score`` of every sentence of a with every sentence of b (dense)."""
    n, m = len(a.sentences), len(b.sentences)
    if n == 0 or m == 0:
        return np.zeros((n, m))
    fa, fb = featurize(a.words, b.words)
    ia, ib = np.divmod(np.arange(n * m), m)
    return apply_model(signals_for_pairs(fa, fb, ia, ib)).reshape(n, m)
