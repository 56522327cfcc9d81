"""Which sentences of report a say the same thing as which sentences of report b.

A *link* joins one or more sentences of a with one or more sentences of b. Each link
has one relation, from closest to loosest:

identical
    The sentences have exactly the same words in the same order. Only case,
    punctuation and the style of quotation marks or dashes may differ.
near_verbatim
    The same words bar a few edits: a word swapped, added or dropped here and there
    ("in the past few weeks" / "in the last few weeks"). At least 80% of the words line
    up in order. When both sentences quote someone, the quoted words are compared on
    their own, so a quote repeated word for word is near verbatim even if one report
    says "he said" and the other "he told an online press conference".
paraphrase
    The same content in other words: the sentences share much of their vocabulary and
    their details (numbers, names) but the wording or word order has changed too much
    to be near verbatim.
partial
    One side contains the other's content plus more: at least 60% of the content words
    of the shorter side are found in the longer side, while the longer side has a good
    deal (at least 40% of its content words) that the shorter side does not say.

A sentence that is in no link is *unique* to its report.

``Link.score`` is the strength of a link in [0, 1]: the larger of the same-content
probability of :func:`compare.similarity.pair_score` (a logistic regression over the
signals, fitted on the Microsoft Research Paraphrase Corpus) and the share of the
shorter side's content words found in the longer side. It is 1 for identical links.

How it works: every sentence becomes a sparse TF-IDF vector of its content words; one
sparse product gives the cosine of all pairs, and only pairs above a floor that are
among the best few of their row or column (candidates) get the signals; the costliest
one (``partial_ratio``) only for candidates whose probability could pass the threshold
whatever its value (an exact bound, so it changes no link); pairs that cannot link
whatever their words (see ``_cannot_link``) are dropped before the per-pair Python work.
Content words are compared by their stems (``blames`` / ``blamed``), for containment
and ``shared_words`` alike. A candidate becomes a link when its same-content
probability passes the fitted threshold, or when it is near verbatim or partial.
Partial pairs that share their longer sentence are merged into one link (one sentence
of a told in two of b).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from compare import similarity
from compare.models import Article, Link, Word, frozen_mapping

CANDIDATE_FLOOR = 0.1
"""Lowest TF-IDF cosine of a candidate pair."""
TOP_K = 5
"""Each sentence keeps its best ``TOP_K`` candidates (by cosine) on the other side."""
NEAR_VERBATIM = 0.8
"""Word-level similarity (whole sentences or their quotes) for ``near_verbatim``."""
MIN_QUOTE_WORDS = 5
PARTIAL_SHORT = 0.6
"""Share of the shorter side's content words found in the longer side for ``partial``."""
PARTIAL_LONG = 0.6
"""The longer side's share found in the shorter side must be at most this for ``partial``."""
PARTIAL_MIN_SHARED = 3
"""A partial link shares at least this many content words."""
LINK_THRESHOLD = 0.4
"""Same-content probability that makes a pair a link (a ``paraphrase`` when no closer
relation holds). Lower than the accuracy-best cut on MSRP (``threshold`` in
``similarity.json``), whose pairs were all picked for looking alike; two reports of one
event hold many sentences that look nothing alike, so a looser cut costs little."""
PREFILTER = 0.4
"""Pairs below ``LINK_THRESHOLD`` are examined for a closer relation only when one side
has at least this share of its content words in the other."""
MAX_STRING_WORDS = 300
"""The rapidfuzz string signals (``ratio``, ``token_set``, ``token_sort``,
``partial_ratio``) of a pair see each side up to its 300th word; every other signal sees
all of it. ``partial_ratio`` costs about the cube of the length, and a text with no full
stop is one sentence: 40 KB of it against the same text punctuated took minutes. No
sentence of the BASIL articles has half as many words, nor any merged link of them."""


_DEFERRED = ("partial_ratio",)
_STRING = ("ratio", *similarity.EXPENSIVE)
_QUOTE_MARKS = re.compile('["“”„‟«»]')
_HAS_ALNUM = re.compile(r"[^\W_]").search
"""True exactly when ``Word.is_word`` is for a token's text (a character that is alnum)."""


def _quoted(words: Sequence[Word]) -> tuple[str, ...]:
    """Normalised words inside double quotation marks (an unclosed quote runs to the end)."""
    out, inside = [], False
    for w in words:
        if w.norm == '"':
            inside = not inside
        elif inside and (w.text.isalnum() or _HAS_ALNUM(w.text)):  # w.is_word
            out.append(w.norm)
    return tuple(out)


def _plain(words: Sequence[Word]) -> tuple[str, ...]:
    return tuple(w.norm for w in words if w.is_word)


def _first_words(words: Sequence[Word]) -> Sequence[Word]:
    """``words`` up to its ``MAX_STRING_WORDS``-th word (tokens that are words)."""
    if len(words) <= MAX_STRING_WORDS:
        return words
    seen = 0
    for k, w in enumerate(words):
        seen += w.is_word
        if seen > MAX_STRING_WORDS:
            return words[:k]
    return words


def _string_features(
    a_words: Sequence[Sequence[Word]],
    b_words: Sequence[Sequence[Word]],
    fa: similarity.Features,
    fb: similarity.Features,
) -> tuple[similarity.Features, similarity.Features]:
    """The features whose texts the string signals compare: each side cut after
    ``MAX_STRING_WORDS`` words; ``fa``/``fb`` themselves when no side is that long."""
    if all(len(ws) <= MAX_STRING_WORDS for ws in (*a_words, *b_words)):
        return fa, fb
    return similarity.featurize(
        [_first_words(ws) for ws in a_words], [_first_words(ws) for ws in b_words]
    )


def _signals(fa, fb, sa, sb, ia, ib, skip: Sequence[str] = ()) -> np.ndarray:
    """``similarity.signals_for_pairs(fa, fb, ia, ib, skip)``, the string signals computed
    on the texts of ``sa``/``sb`` (from :func:`_string_features`)."""
    if sa is fa and sb is fb:
        return similarity.signals_for_pairs(fa, fb, ia, ib, skip=skip)
    sig = similarity.signals_for_pairs(fa, fb, ia, ib, skip=_STRING)
    left = [similarity.SIGNALS.index(s) for s in skip]
    sig[:, left] = 0.0  # complete_signals fills the columns that hold NaN
    sig = similarity.complete_signals(sa, sb, ia, ib, sig)
    sig[:, left] = np.nan
    return sig


_BINS = 64


def _top_k(matrix: sparse.csr_matrix | sparse.csc_matrix) -> tuple[np.ndarray, np.ndarray]:
    """The entries of each row of a CSR matrix (column of a CSC one) that are among its
    ``TOP_K`` best: largest value first, ties by the smaller other index. Returns the
    (row or column, other index) of the kept entries."""
    n_keys = len(matrix.indptr) - 1
    key = np.repeat(np.arange(n_keys), np.diff(matrix.indptr))
    other = matrix.indices.astype(np.int64)
    data = matrix.data
    # Pre-selection (exact): values binned in _BINS equal bins; a row's TOP_K best all lie
    # in the bins from the one holding its TOP_K-th best value up, and every entry below
    # that bin ranks after every entry in it or above. Only those entries are sorted.
    bins = np.clip(np.floor(data * _BINS), 0, _BINS).astype(np.int64)
    count = np.bincount(key * (_BINS + 1) + bins, minlength=n_keys * (_BINS + 1))
    at_least = np.cumsum(count.reshape(n_keys, _BINS + 1)[:, ::-1], axis=1)[:, ::-1]
    enough = at_least >= TOP_K
    lowest = np.where(enough.any(axis=1), _BINS - np.argmax(enough[:, ::-1], axis=1), 0)
    chosen = np.flatnonzero(bins >= lowest[key])
    key, other, data = key[chosen], other[chosen], data[chosen]
    order = np.lexsort((other, -data, key))  # by key, best value first, then index
    sorted_key = key[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_key, sorted_key, side="left")
    kept = order[rank < TOP_K]
    return key[kept], other[kept]


def _candidates(fa: similarity.Features, fb: similarity.Features) -> tuple[np.ndarray, ...]:
    """Candidate pairs ``(ia, ib)``: cosine >= floor and among the top k of a row or column
    (a pair may come twice)."""
    cos = sparse.csr_matrix(fa.tfidf @ fb.tfidf.T)
    cos.data[cos.data < CANDIDATE_FLOOR] = 0
    cos.eliminate_zeros()
    if cos.nnz == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rows_a, cols_a = _top_k(cos)
    cols_b, rows_b = _top_k(cos.tocsc())
    return np.concatenate([rows_a, rows_b]), np.concatenate([cols_a, cols_b])


def _same_words(fa: similarity.Features, fb: similarity.Features) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of sentences with the same words (found even without any content word)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for j, plain in enumerate(fb.words):
        if plain:
            index.setdefault(plain, []).append(j)
    pairs = [(i, j) for i, plain in enumerate(fa.words) for j in index.get(plain, ())]
    ia = np.asarray([p[0] for p in pairs], dtype=np.int64)
    ib = np.asarray([p[1] for p in pairs], dtype=np.int64)
    return ia, ib


def _relation(
    sig: dict[str, float],
    pa: tuple[str, ...],
    pb: tuple[str, ...],
    qa: tuple[str, ...],
    qb: tuple[str, ...],
) -> tuple[str | None, str, str]:
    """The relation of two sides (None: not a link unless the score says so), why, and
    for ``partial`` the side (``"a"`` or ``"b"``) that the other contains.

    ``pa``/``pb`` are the two sides' normalised words, ``qa``/``qb`` their quoted words.
    """
    from rapidfuzz.distance import LCSseq, Levenshtein

    if pa == pb:
        return "identical", "the two sides have the same words in the same order", ""
    if sig["word_edit"] >= NEAR_VERBATIM:
        return (
            "near_verbatim",
            (
                f"word-level similarity decided it: {sig['word_edit']:.0%} of the words line up "
                "in order (word_edit), so only a few words differ"
            ),
            "",
        )
    quotes = min(len(qa), len(qb)) >= MIN_QUOTE_WORDS
    if quotes and Levenshtein.normalized_similarity(qa, qb) >= NEAR_VERBATIM:
        quote_sim = Levenshtein.normalized_similarity(qa, qb)
        return (
            "near_verbatim",
            (
                f"the quotes decided it: the quoted words are {quote_sim:.0%} the same in order, "
                "only the words around the quote differ"
            ),
            "",
        )
    short, long_ = sorted((sig["content_a"], sig["content_b"]), reverse=True)
    side, other = ("b", "a") if sig["content_b"] >= sig["content_a"] else ("a", "b")
    if short >= PARTIAL_SHORT and long_ <= PARTIAL_LONG and short > long_:
        return (
            "partial",
            (
                f"containment decided it: {short:.0%} of {side}'s content words are in {other} "
                f"(content_{side}), but only {long_:.0%} of {other}'s are in {side}"
            ),
            side,
        )
    if quotes:
        small, big = sorted((qa, qb), key=len)
        inside = LCSseq.similarity(small, big) / len(small)
        if inside >= NEAR_VERBATIM and len(big) >= len(small) / PARTIAL_LONG:
            side, other = ("a", "b") if small is qa else ("b", "a")
            return (
                "partial",
                (
                    f"the quotes decided it: {inside:.0%} of the words {side} quotes appear in "
                    f"order inside {other}'s longer quote"
                ),
                side,
            )
    return None, "", ""


class _Report:
    """Per-sentence data of one report that relations need, computed once."""

    def __init__(self, article: Article, features: similarity.Features):
        self.plain = features.words
        self.content = features.content_words
        self.stems = features.stems
        self.quoted = [
            _quoted(words) if _QUOTE_MARKS.search(s.text) else ()
            for s, words in zip(article.sentences, article.words, strict=True)
        ]
        self.quoted_length = np.fromiter(map(len, self.quoted), np.int64, len(self.quoted))

    def join(self, field: str, indices: tuple[int, ...]) -> tuple[str, ...]:
        values = getattr(self, field)
        if len(indices) == 1:
            return tuple(values[indices[0]])
        return tuple(x for i in indices for x in values[i])


def _make_link(
    ra: _Report,
    rb: _Report,
    ia: tuple[int, ...],
    ib: tuple[int, ...],
    sig: dict[str, float],
    prob: float,
    force: str = "",
) -> tuple[Link | None, str]:
    """The link between sentences ``ia`` of a and ``ib`` of b, or None if they do not link.

    ``sig`` and ``prob`` are the pair's signals and same-content probability; a ``force``
    reason makes a ``partial`` link (merged partial links) when no closer relation holds.
    Also returns the contained side of a partial link (``""`` otherwise).
    """
    relation, reason, contained = _relation(
        sig,
        ra.join("plain", ia),
        rb.join("plain", ib),
        ra.join("quoted", ia),
        rb.join("quoted", ib),
    )
    if relation is None and force:
        relation, reason = "partial", force
    elif relation is None:
        if prob < LINK_THRESHOLD:
            return None, ""
        relation = "paraphrase"
        reason = (
            f"the same-content probability decided it: {prob:.2f} passes the link "
            f"threshold {LINK_THRESHOLD:.2f} (strongest signal: {_strongest(sig)})"
        )
    shared = _shared_words(
        ra.join("content", ia), rb.join("content", ib), ra.join("stems", ia), rb.join("stems", ib)
    )
    if relation == "partial" and len(shared) < PARTIAL_MIN_SHARED and not force:
        return None, ""
    covered = max(sig["content_a"], sig["content_b"])
    score = 1.0 if relation == "identical" else max(prob, covered)
    link = Link(
        a=ia,
        b=ib,
        score=round(min(max(score, 0.0), 1.0), 6),
        relation=relation,
        shared_words=shared,
        signals=frozen_mapping(
            {**{k: round(v, 6) for k, v in sig.items()}, "probability": round(prob, 6)}
        ),
        reason=reason[:1].upper() + reason[1:] + ".",
    )
    return link, contained


def _cannot_link(
    ra: _Report, rb: _Report, ia: np.ndarray, ib: np.ndarray, sig: np.ndarray, prob: np.ndarray
) -> np.ndarray:
    """Pairs (one sentence each side) that :func:`_make_link` turns down whatever their
    words, found without it: not near verbatim, not partial by containment, too few
    quoted words on one side for the quote tests, and a probability under the threshold.
    """
    col = {s: sig[:, k] for k, s in enumerate(similarity.SIGNALS)}
    short = np.maximum(col["content_a"], col["content_b"])
    long_ = np.minimum(col["content_a"], col["content_b"])
    quoted = np.minimum(ra.quoted_length[ia], rb.quoted_length[ib])
    return (
        (prob < LINK_THRESHOLD)
        & (col["word_edit"] < NEAR_VERBATIM)
        & ~((short >= PARTIAL_SHORT) & (long_ <= PARTIAL_LONG) & (short > long_))
        & (quoted < MIN_QUOTE_WORDS)
    )


def _strongest(sig: dict[str, float]) -> str:
    name = max(("tfidf", "content_a", "content_b", "char_a", "char_b"), key=lambda s: (sig[s], s))
    return f"{name} = {sig[name]:.2f}"


def _shared_words(
    a_content: tuple[str, ...],
    b_content: tuple[str, ...],
    a_stems: tuple[str, ...],
    b_stems: tuple[str, ...],
) -> tuple[str, ...]:
    """a's content words whose stem b also uses, once each, in a's order."""
    in_b = set(b_stems)
    kept = (w for w, s in zip(a_content, a_stems, strict=True) if s in in_b)
    return tuple(dict.fromkeys(kept))


def _scored(
    a: Article, b: Article, groups: list[tuple[tuple[int, ...], tuple[int, ...]]]
) -> tuple[list[dict[str, float]], np.ndarray]:
    """Signals and same-content probability of each ``(a sentences, b sentences)`` group."""
    wa = [tuple(w for i in ia for w in a.words[i]) for ia, _ in groups]
    wb = [tuple(w for j in ib for w in b.words[j]) for _, ib in groups]
    fa, fb = similarity.featurize(wa, wb)
    k = np.arange(len(groups))
    sig = _signals(fa, fb, *_string_features(wa, wb, fa, fb), k, k)
    rows = [dict(zip(similarity.SIGNALS, map(float, r), strict=True)) for r in sig]
    return rows, similarity.apply_model(sig)


def align(a: Article, b: Article) -> tuple[Link, ...]:
    """Links between the sentences of ``a`` and ``b``, sorted by first a then first b index."""
    if not a.sentences or not b.sentences:
        return ()
    fa, fb = similarity.featurize(a.words, b.words)
    text_a, text_b = _string_features(a.words, b.words, fa, fb)
    m = len(b.sentences)
    ia, ib = _candidates(fa, fb)
    sa, sb = _same_words(fa, fb)
    ia, ib = np.divmod(np.unique(np.concatenate([ia * m + ib, sa * m + sb])), m)
    if len(ia) == 0:
        return ()
    # The costly partial_ratio signal is computed only for pairs that can become links:
    # those the closer relations may take, and those whose probability could pass the
    # threshold whatever partial_ratio is (an exact bound: the links do not change).
    sig = _signals(fa, fb, text_a, text_b, ia, ib, skip=_DEFERRED)
    col = {s: sig[:, k] for k, s in enumerate(similarity.SIGNALS)}
    may_link = (
        (col["word_edit"] >= NEAR_VERBATIM)
        | (np.maximum(col["content_a"], col["content_b"]) >= PREFILTER)
        | (similarity.probability_bound(sig) >= LINK_THRESHOLD)
    )
    ia, ib = ia[may_link], ib[may_link]
    sig = similarity.complete_signals(text_a, text_b, ia, ib, sig[may_link])
    prob = similarity.apply_model(sig)
    col = {s: sig[:, k] for k, s in enumerate(similarity.SIGNALS)}
    ra, rb = _Report(a, fa), _Report(b, fb)
    may_link = (
        (prob >= LINK_THRESHOLD)
        | (col["word_edit"] >= NEAR_VERBATIM)
        | (np.maximum(col["content_a"], col["content_b"]) >= PREFILTER)
    ) & ~_cannot_link(ra, rb, ia, ib, sig, prob)
    chosen = np.flatnonzero(may_link)
    pairs: list[tuple[Link, str]] = []
    for i, j, values, p in zip(
        ia[chosen].tolist(),
        ib[chosen].tolist(),
        sig[chosen].tolist(),
        prob[chosen].tolist(),
        strict=True,
    ):
        row = dict(zip(similarity.SIGNALS, values, strict=True))
        link, contained = _make_link(ra, rb, (i,), (j,), row, p)
        if link is not None:
            pairs.append((link, contained))
    return _merge_partials(a, b, ra, rb, pairs)


def _merge_partials(
    a: Article, b: Article, ra: _Report, rb: _Report, pairs: list[tuple[Link, str]]
) -> tuple[Link, ...]:
    """Merge partial links that share their containing sentence into one-to-many links."""
    links = [p for p, _ in pairs if p.relation != "partial"]
    groups: dict[tuple[str, int], list[Link]] = {}
    for p, contained in pairs:
        if p.relation == "partial":
            container = ("a", p.a[0]) if contained == "b" else ("b", p.b[0])
            groups.setdefault(container, []).append(p)
    merges: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    reasons: list[str] = []
    for (side, index), members in sorted(groups.items()):
        if len(members) == 1:
            links.append(members[0])
        elif side == "a":
            others = tuple(sorted(j for m in members for j in m.b))
            merges.append(((index,), others))
            reasons.append(_merged_reason("b", others, "a", index))
        else:
            others = tuple(sorted(i for m in members for i in m.a))
            merges.append((others, (index,)))
            reasons.append(_merged_reason("a", others, "b", index))
    if merges:
        sigs, probs = _scored(a, b, merges)
        for (ia, ib), sig, prob, why in zip(merges, sigs, probs, reasons, strict=True):
            links.append(_make_link(ra, rb, ia, ib, sig, float(prob), force=why)[0])
    return tuple(sorted(links, key=lambda x: (min(x.a), min(x.b), x.a, x.b)))


def _merged_reason(side: str, parts: tuple[int, ...], other: str, index: int) -> str:
    listed = ", ".join(map(str, parts[:-1])) + f" and {parts[-1]}"
    return (
        f"containment decided it: sentences {listed} of {side} are each largely contained "
        f"in sentence {index} of {other}, which they split between them"
    )
