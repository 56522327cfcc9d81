"""Per-sentence features: computed once per report, joined cheaply for each pair.

:func:`sentence_features` turns a list of sentences (word sequences) into a
:class:`SentenceFeatures` record that needs no partner: every item a set-based signal
counts (words, word bigrams and trigrams, stems of content words, character 4-grams,
numbers, names) becomes a stable 64-bit key, and each sentence a row of a binary sparse
matrix over the report's own sorted keys; the TF-IDF rows of the content words are
weighted by the shipped IDF table (never by the reports compared) over the report's own
sorted vocabulary. The record pickles, so a report is prepared once and sent anywhere.

:func:`join` lines two such records up for one pair: the two sorted key lists are
merged (one sort of both) and each side's columns renumbered into the union (a monotone
map, so rows stay sorted): a :class:`Features` pair whose columns match, in time linear
in the distinct items. :func:`featurize` is both steps for two lists of sentences.

Keys are stable across processes (Python's ``hash`` is salted per process): a word's
key is the first 8 bytes of its BLAKE2b digest, an n-gram's key mixes its words' keys
(splitmix64), a character 4-gram of Basic Multilingual Plane characters is the four
16-bit code points packed (exact). Two distinct items share a 64-bit key with
probability about 2**-64 per pair of items: negligible at any report size.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import Field, dataclass
from hashlib import blake2b
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, ClassVar

import numpy as np
from scipy import sparse

from compare.models import Word
from compare.models import has_letter_or_digit as _HAS_ALNUM
from compare.similarity.shipped import shipped_idf

_NORM, _TEXT, _FIRST = attrgetter("norm"), attrgetter("text"), itemgetter(slice(0, 1))


SET_SIGNALS = ("word1", "word2", "word3", "content", "char", "numbers", "names")
"""The item sets of a sentence that set-based signals compare (see ``signals``)."""
CHAR_N = 4
"""Length of the character n-grams (``char_a`` / ``char_b``)."""

_STEMMERS = threading.local()


def stems(words: Sequence[str]) -> list[str]:
    """Snowball (Porter 2) English stems of normalised words: ``blames``/``blamed`` agree.

    One stemmer per thread (a PyStemmer object must not be shared between threads).
    """
    stemmer = getattr(_STEMMERS, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _STEMMERS.stemmer = Stemmer.Stemmer("english")
    return stemmer.stemWords(list(words))


def _number_key(norm: str) -> str:
    return norm.replace(",", "")


def _string_keys(items: Sequence[str]) -> np.ndarray:
    """A stable 64-bit key (BLAKE2b) of each string, hashed once per distinct string."""
    keys = {
        s: int.from_bytes(blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little")
        for s in dict.fromkeys(items)
    }
    return np.fromiter(map(keys.__getitem__, items), np.uint64, len(items))


def _mix(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: a bijection of uint64 that spreads every input bit."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _ngram_keys(
    keys: np.ndarray, owner: np.ndarray, n: int, exact_bits: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Keys of the ``n``-grams of ``keys`` that lie within one owner, and their owners.

    With ``exact_bits`` (every key below ``2**exact_bits`` and ``n * exact_bits <= 64``)
    the keys are packed side by side (exact); otherwise they are mixed in order.
    """
    size = len(keys) - n + 1
    if size <= 0:
        return keys[:0].astype(np.uint64), owner[:0]
    keep = np.flatnonzero(owner[n - 1 :] == owner[:size])
    gram = keys[keep].astype(np.uint64)
    for k in range(1, n):
        nxt = keys[keep + k].astype(np.uint64)
        if exact_bits:
            gram = (gram << np.uint64(exact_bits)) | nxt
        else:
            gram = _mix(gram * np.uint64(0x9E3779B97F4A7C15) + nxt)
    return gram, owner[keep]


def sorted_distinct(x: np.ndarray) -> np.ndarray:
    """``np.unique(x)`` (integers or strings) by one sort: numpy 2's hashing ``unique``
    took about 15 times as long on the cell ids of a 1,000-sentence report."""
    x = np.sort(x)
    if len(x) < 2:
        return x
    return x[np.concatenate(([True], x[1:] != x[:-1]))]


def _item_rows(
    owner: np.ndarray, keys: np.ndarray, n_rows: int
) -> tuple[np.ndarray, sparse.csr_matrix]:
    """The sorted distinct ``keys`` and a binary row x key matrix (a key once per row)."""
    vocab, inverse = np.unique(keys, return_inverse=True)
    n_cols = len(vocab)
    cells = sorted_distinct(owner.astype(np.int64) * max(n_cols, 1) + inverse.reshape(-1))
    rows, cols = np.divmod(cells, max(n_cols, 1))
    indptr = np.searchsorted(rows, np.arange(n_rows + 1))
    matrix = sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n_rows, n_cols))
    return vocab, matrix


def _dense_ids(values: Sequence) -> np.ndarray:
    """Ids of values within one report, equal value equal id (first-seen order)."""
    index: dict = {}
    return np.fromiter((index.setdefault(v, len(index)) for v in values), np.int64, len(values))


def _same(x, y) -> bool:
    """Equality of feature fields: numpy arrays, sparse matrices, dicts of them, tuples."""
    if isinstance(x, dict):
        return isinstance(y, dict) and x.keys() == y.keys() and all(_same(x[k], y[k]) for k in x)
    if sparse.issparse(x):
        return (sparse.issparse(y) and x.shape == y.shape and x.dtype == y.dtype
                and (x != y).nnz == 0)
    if isinstance(x, np.ndarray):
        return isinstance(y, np.ndarray) and x.dtype == y.dtype and np.array_equal(x, y)
    return x == y


class _ArrayRecord:
    """Equality field by field for frozen records that hold numpy or sparse arrays."""

    __hash__ = None  # type: ignore[assignment]
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # set by @dataclass on each subclass

    def __eq__(self, other) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(_same(getattr(self, f), getattr(other, f)) for f in self.__dataclass_fields__)


@dataclass(frozen=True, eq=False, repr=False)
class _Sentences(_ArrayRecord):
    """The words of each sentence, shared by the per-report and the per-pair records:
    ``texts`` and ``words`` the normalised text and word list of each sentence,
    ``content_words`` its content words and ``stems`` their stems; ``sorted_texts`` the
    text with its words in sorted order (what ``token_sort`` compares). ``ids[field]``
    numbers the distinct values of ``texts``, ``words`` and ``content_words`` (equal
    value, equal id), so that a signal is computed once per distinct pair."""

    texts: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    content_words: tuple[tuple[str, ...], ...]
    stems: tuple[tuple[str, ...], ...]
    sorted_texts: tuple[str, ...]
    ids: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.texts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} sentences)"


@dataclass(frozen=True, eq=False, repr=False)
class SentenceFeatures(_Sentences):
    """Features of a list of sentences that need no partner (one row per sentence).

    ``keys[name]`` are the sorted distinct 64-bit item keys of each set signal
    (:data:`SET_SIGNALS`) and ``sets[name]`` the binary sentence x key matrix;
    ``vocabulary`` the sorted distinct content words and ``tfidf`` their L2-normalised
    TF-IDF rows (shipped IDF); the words as in :class:`_Sentences`.
    """

    keys: dict[str, np.ndarray]
    sets: dict[str, sparse.csr_matrix]
    vocabulary: np.ndarray
    tfidf: sparse.csr_matrix


@dataclass(frozen=True, eq=False, repr=False)
class Features(_Sentences):
    """Sparse per-sentence features of one side of a pair (one row per sentence).

    ``sets[name]`` is a binary sentence x item matrix for each set-based signal;
    ``tfidf`` holds L2-normalised TF-IDF rows of the content words; the words as in
    :class:`_Sentences`. The two sides of a pair come from :func:`join` (or
    :func:`featurize`), so that their columns match.
    """

    sets: dict[str, sparse.csr_matrix]
    tfidf: sparse.csr_matrix


def sentence_features(
    sentences: Sequence[Sequence[Word]],
    idf: tuple[dict[str, float], float] | None = None,
) -> SentenceFeatures:
    """The partner-free features of ``sentences`` (word sequences, e.g. ``article.words``).

    ``idf`` is ``(weights, default)``; by default the shipped table. Items become stable
    keys with numpy (no Python loop over n-grams).
    """
    n_rows = len(sentences)
    weights, default = idf or shipped_idf()
    tokens = [
        [w for w in ws if w.content or w.text.isalnum() or _HAS_ALNUM(w.text)] for ws in sentences
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
    items: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    word_keys = _string_keys(flat)
    for n in (1, 2, 3):
        gram, gram_owner = _ngram_keys(word_keys, owner, n)
        items[f"word{n}"] = (gram_owner, gram)
    # content words and their stems (stemmed once per distinct word)
    c_lengths = np.asarray([len(c) for c in content], dtype=np.int64)
    c_owner = np.repeat(np.arange(n_rows), c_lengths)
    c_flat = list(chain.from_iterable(content))
    c_vocab = list(dict.fromkeys(c_flat))
    stem_of = dict(zip(c_vocab, stems(c_vocab), strict=True))
    flat_stems = [stem_of[w] for w in c_flat]
    items["content"] = (c_owner, _string_keys(flat_stems))
    ends = np.cumsum(c_lengths).tolist()
    sentence_stems = tuple(
        tuple(flat_stems[lo:hi]) for lo, hi in zip([0, *ends[:-1]], ends, strict=True)
    )
    # character 4-grams of " w1 w2 ... wn " (code points packed, or mixed beyond the BMP)
    padded = [f" {' '.join(ws)} " if ws else "" for ws in words]
    codepoints = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32)
    ch_owner = np.repeat(np.arange(n_rows), [len(p) for p in padded])
    bmp = int(codepoints.max(initial=0)) < 1 << 16
    gram, gram_owner = _ngram_keys(codepoints, ch_owner, CHAR_N, 16 if bmp else 0)
    items["char"] = (gram_owner, gram)
    for name, found, own in (("numbers", numbers, owner[is_number]),
                             ("names", names, owner[is_name])):
        items[name] = (own, _string_keys(found))
    keys, sets = {}, {}
    for name in SET_SIGNALS:
        keys[name], sets[name] = _item_rows(*items[name], n_rows)
    vocabulary, tfidf = _tfidf(c_flat, c_owner, n_rows, weights, default)
    texts = tuple(" ".join(ws) for ws in words)
    sorted_of = {t: " ".join(sorted(t.split())) for t in dict.fromkeys(texts)}  # as token_sort
    return SentenceFeatures(
        keys=keys,
        sets=sets,
        vocabulary=vocabulary,
        tfidf=tfidf,
        texts=texts,
        words=tuple(words),
        content_words=tuple(content),
        stems=sentence_stems,
        sorted_texts=tuple(sorted_of[t] for t in texts),
        ids={"texts": _dense_ids(texts), "words": _dense_ids(words),
             "content_words": _dense_ids(content)},
    )


def _tfidf(
    c_flat: list[str], c_owner: np.ndarray, n_rows: int, idf: dict[str, float], default: float
) -> tuple[np.ndarray, sparse.csr_matrix]:
    """TF-IDF over content words: raw term counts times IDF, rows L2-normalised; columns
    in sorted word order, so that float sums do not depend on the order of sentences or
    on the other report (the union of two sorted vocabularies keeps each side's order)."""
    vocabulary, cols = np.unique(np.asarray(c_flat, dtype=str), return_inverse=True)
    n_cols = len(vocabulary)
    cells, counts = np.unique(
        c_owner * max(n_cols, 1) + cols.reshape(-1), return_counts=True
    )
    rows, cols = np.divmod(cells, max(n_cols, 1))
    weight = np.asarray([idf.get(w, default) for w in vocabulary.tolist()], dtype=np.float64)
    vals = counts * weight[cols] if len(cols) else counts.astype(np.float64)
    tfidf = sparse.csr_matrix(
        (vals.astype(np.float64), cols, np.searchsorted(rows, np.arange(n_rows + 1))),
        shape=(n_rows, n_cols),
    )
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return vocabulary, sparse.csr_matrix(sparse.diags(1.0 / norms) @ tfidf)


def _renumber(matrix: sparse.csr_matrix, columns: np.ndarray, width: int) -> sparse.csr_matrix:
    """``matrix`` with column ``k`` moved to ``columns[k]`` (increasing) of ``width``."""
    return sparse.csr_matrix(
        (matrix.data, columns[matrix.indices], matrix.indptr), shape=(matrix.shape[0], width)
    )


def _join_columns(
    va: np.ndarray, xa: sparse.csr_matrix, vb: np.ndarray, xb: sparse.csr_matrix
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Two matrices over sorted vocabularies ``va`` / ``vb``, over their sorted union."""
    union = sorted_distinct(np.concatenate((va, vb)))  # np.union1d, by one sort
    width = max(len(union), 1)
    return (_renumber(xa, np.searchsorted(union, va), width),
            _renumber(xb, np.searchsorted(union, vb), width))


def _side(f: SentenceFeatures, sets: dict, tfidf: sparse.csr_matrix) -> Features:
    words = {name: getattr(f, name) for name in _Sentences.__dataclass_fields__}
    return Features(sets=sets, tfidf=tfidf, **words)


def join(fa: SentenceFeatures, fb: SentenceFeatures) -> tuple[Features, Features]:
    """The features of two reports over shared columns (the per-pair step)."""
    sets_a, sets_b = {}, {}
    for name in SET_SIGNALS:
        sets_a[name], sets_b[name] = _join_columns(fa.keys[name], fa.sets[name],
                                                   fb.keys[name], fb.sets[name])
    ta, tb = _join_columns(fa.vocabulary, fa.tfidf, fb.vocabulary, fb.tfidf)
    return _side(fa, sets_a, ta), _side(fb, sets_b, tb)


def featurize(
    a: Sequence[Sequence[Word]],
    b: Sequence[Sequence[Word]],
    idf: tuple[dict[str, float], float] | None = None,
) -> tuple[Features, Features]:
    """Features of the sentences ``a`` and of ``b`` over shared columns:
    ``join(sentence_features(a), sentence_features(b))``."""
    return join(sentence_features(a, idf), sentence_features(b, idf))
