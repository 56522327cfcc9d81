"""Direct quotes, and which quotes the two reports share.

:func:`extract_quotes` finds the words inside quotation marks, curly or straight, with
:func:`compare.segment.quote_spans` (whose rules say where a quote opens and ends: a
quote left open at a paragraph end is one :class:`Quote`, the reopened part in the next
paragraph another). A few capitalised words in marks (``"Resolute Support"``) are a
name, not a quote. Who said
each quote, with which verb and where, comes from :mod:`compare.attribution`.

:func:`pair_quotes` pairs quotes across the reports on their words (rapidfuzz
``partial_ratio`` plus word containment), one-to-one or, when one report splits a quote
in two, one-to-many; a quote one report repeats is paired with its first rendering's
partner and flagged in ``note``. Only quotes that share enough words can pair, so the
words shared by every pair of quotes are counted first, all at once, with a sparse
matrix product; ``partial_ratio`` runs on those candidates only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from scipy import sparse

from compare.attribution import attribute
from compare.models import Article, Prepared, Quote, QuotePair, Word, article_of
from compare.segment import tokenize
from compare.wording import quote_regions, word_ops

__all__ = ["extract_quotes", "pair_quotes", "quote_words"]

def _is_name_in_marks(words: tuple[Word, ...], real: list[Word]) -> bool:
    """A few capitalised words in marks (``"Resolute Support"``); ``real`` are the words
    of ``words`` that are not punctuation."""
    return 0 < len(real) <= 4 and all(w.text[0].isupper() for w in real) and \
        not any(w.text in ".!?," for w in words)


def quote_words(article: Article, quote: Quote) -> tuple[Word, ...]:
    """The words of a quote (punctuation left out), with spans in ``article.text``."""
    return tuple(w for w in tokenize(article.text, quote.start, quote.end) if w.is_word)


def quote_split(text: str) -> list[str]:
    """The sentences of a quote's text, split on end marks (for the ``partial`` test)."""
    return [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]


# --- extraction -------------------------------------------------------------------


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """The direct quotes of ``article`` in text order."""
    return tuple(q for q, _ in _extract(article))


def quotes_with_words(article: Article, details=None) -> tuple[tuple[Quote, ...], tuple]:
    """The quotes of ``article`` and the normalised words of each (what pairing needs);
    ``details`` are the article's details when already extracted (for the speakers)."""
    found = _extract(article, details)
    return tuple(q for q, _ in found), tuple(tuple(n) for _, n in found)


def _region_words(article: Article, start: int, end: int,
                  sents: list[int]) -> list[Word] | None:
    """The article's own tokens of ``text[start:end]``, or None when they might not be
    the tokens :func:`tokenize` would give for that span.

    They are the same when the tokens lie wholly inside the span and cover all of it but
    whitespace, and every sentence break inside it falls in whitespace: a quote's span
    opens after a mark or a space and ends before one, where every token starts and
    ends. Only ``text`` and ``norm`` are used from these tokens (``content`` depends on
    where the tokenizer started).
    """
    text = article.text
    out: list[Word] = []
    pos = start
    for k in sents:
        words = article.words[k]
        lo = bisect_left(words, start, key=lambda w: w.start)
        hi = bisect_right(words, end, key=lambda w: w.end)
        if (lo and words[lo - 1].end > start) or (hi < len(words) and words[hi].start < end):
            return None  # a token straddles the span's start or end
        if out and lo < hi and words[lo].start == out[-1].end:
            return None  # a sentence break inside a token
        for w in words[lo:hi]:
            if pos < w.start and not text[pos:w.start].isspace():
                return None
            out.append(w)
            pos = w.end
    if pos < end and not text[pos:end].isspace():
        return None
    return out


def _extract(article: Article, details=None) -> list[tuple[Quote, list[str]]]:
    """Each quote of ``article`` with the norms of its words (:func:`quote_words`)."""
    text = article.text
    starts = [s.start for s in article.sentences]
    ends = [s.end for s in article.sentences]
    regions, norms = [], []
    for span in article.quote_spans:
        start, end, left_open = span.start, span.end, not span.closed
        # the sentences that overlap the quote (sentences are in order, never overlap)
        sents = [article.sentences[k].index
                 for k in range(bisect_right(ends, start), bisect_left(starts, end))]
        if not sents:
            continue
        own = _region_words(article, start, end, sents)
        words = tokenize(text, start, end) if own is None else tuple(own)
        real = [w for w in words if w.is_word]
        if not real or _is_name_in_marks(words, real):
            continue
        regions.append((start, end, left_open, sents))
        norms.append([w.norm for w in real])
    quotes = []
    for (start, end, _, sents), (speaker, verb, setting), quote_norms in zip(
            regions, attribute(article, regions, details), norms, strict=True):
        first_alpha = next((ch for ch in text[start:end] if ch.isalpha()), "")
        lead = text[article.sentences[sents[0]].start:start - 1].rstrip()
        partial = first_alpha.islower() or (bool(lead) and lead[-1] not in ",:" and \
            not lead.endswith(("said", "says")) and len(quote_split(text[start:end])) <= 1)
        quotes.append((Quote(start, end, text[start:end], speaker, verb, setting,
                             tuple(sents), partial), quote_norms))
    return quotes


# --- pairing ----------------------------------------------------------------------


def _norms(words: tuple[Word, ...]) -> list[str]:
    return [w.norm for w in words]


_NEAR_WORD = 80
"""A word of a two-word quote the other quote does not hold as it is must be this close
(rapidfuzz ratio, 0-100) to one of its words: ``conspiracy`` / ``conspiracies``, not
``was`` / ``Way``."""


def _near_word(word: str, words: list[str]) -> bool:
    return word in words or any(fuzz.ratio(word, w) >= _NEAR_WORD for w in words)


def _score(x: list[str], y: list[str], shared_words: int | None = None) -> tuple[float, bool]:
    """Similarity of two quotes' words and whether x is the shorter one.

    ``shared_words`` is the size of the two quotes' multiset intersection when known.
    A one-word quote pairs only with the same word; a two-word quote needs both words in
    the other quote, as they are or nearly (:data:`_NEAR_WORD`), so that one shared
    name is not enough (``Wal-Mart Way`` is not ``Wal-Mart was behind...``); longer
    quotes need 0.6 of the shorter one's words shared.
    """
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if not short:
        return 0.0, True
    if shared_words is None:
        shared_words = sum((Counter(short) & Counter(long)).values())
    shared = shared_words / len(short)
    ratio = fuzz.partial_ratio(" ".join(short), " ".join(long)) / 100
    if len(short) == 1:
        ok = short == long
    elif len(short) == 2:
        ok = ratio >= 0.88 and all(_near_word(w, long) for w in short)
    else:
        ok = ratio >= 0.8 and shared >= 0.6
    return (min(ratio, max(shared, ratio * 0.9)) if ok else 0.0), len(x) <= len(y)


def _incidence(*sides: list[list[str]]) -> list[sparse.csr_matrix]:
    """Per side, its quotes x (word, n-th occurrence) incidence matrix, columns shared by
    all sides: the dot product of two rows is the size of the two quotes' multiset
    intersection (the number of words they share)."""
    vocab: dict[tuple[str, int], int] = {}
    entries = []
    for quotes in sides:
        rows, cols = [], []
        for i, words in enumerate(quotes):
            seen: dict[str, int] = {}
            for w in words:
                n = seen[w] = seen.get(w, 0) + 1
                rows.append(i)
                cols.append(vocab.setdefault((w, n), len(vocab)))
        entries.append((rows, cols, len(quotes)))
    return [sparse.csr_matrix((np.ones(len(rows), np.int32), (rows, cols)),
                              shape=(n, len(vocab))) for rows, cols, n in entries]


_PRODUCT_ENTRIES = 4_000_000
"""Most entries (pairs of quotes sharing a word) of one block of the shared-word product:
a report full of short repeated "quotes" (a JSON file: every key is one) would otherwise
hold every pair of them at once."""


def _shared_words(x: sparse.csr_matrix, y: sparse.csr_matrix) -> sparse.csr_matrix:
    """Words shared by every quote of ``x`` with every quote of ``y`` (incidence rows)."""
    return (x @ y.T).tocsr()


def _candidates(x: sparse.csr_matrix, y: sparse.csr_matrix, lx: np.ndarray, ly: np.ndarray,
                upper: bool = False, min_len: int = 1,
                block_entries: int = _PRODUCT_ENTRIES) -> list[tuple[int, int, int]]:
    """``(i, j, shared words)``, sorted, for the pairs of quotes that share enough words
    for :func:`_score` to be > 0; ``x``/``y`` from :func:`_incidence`, ``lx``/``ly`` the
    quotes' lengths.

    A pair needs a share of the shorter quote's words of 0.6 (0.5 for two words), and
    one-word quotes need the same word. ``upper`` keeps only ``i < j`` (``x`` is ``y``),
    ``min_len`` only pairs of quotes that long. The words each pair shares are counted
    with sparse matrix products, quotes shorter than ``min_len`` left out, in blocks of
    ``x``'s rows whose products hold at most about ``block_entries`` entries (by default
    :data:`_PRODUCT_ENTRIES`; the result does not depend on it).
    """
    keep_x, keep_y = np.flatnonzero(lx >= min_len), np.flatnonzero(ly >= min_len)
    if not len(keep_x) or not len(keep_y):
        return []
    x, y = x[keep_x], y[keep_y]
    lx, ly = lx[keep_x], ly[keep_y]
    # an upper bound of each row's entries: the quotes of y holding each of its words
    holders = np.diff(y.tocsc().indptr)
    ends = np.cumsum(x @ holders)
    found = []
    lo = 0
    while lo < len(keep_x):
        base = ends[lo - 1] if lo else 0
        hi = max(lo + 1, int(np.searchsorted(ends, base + block_entries, side="right")))
        shared = _shared_words(x[lo:hi], y)
        rows = lo + np.repeat(np.arange(hi - lo), np.diff(shared.indptr))
        cols, counts = shared.indices, shared.data
        short = np.minimum(lx[rows], ly[cols])
        ok = np.where(short == 1, (lx[rows] == 1) & (ly[cols] == 1),
                      np.where(short == 2, counts >= 1, counts / np.maximum(short, 1) >= 0.6))
        rows, cols = keep_x[rows], keep_y[cols]
        if upper:
            ok &= rows < cols
        found.append((rows[ok], cols[ok], counts[ok]))
        lo = hi
    rows, cols, counts = (np.concatenate(parts) for parts in zip(*found, strict=True))
    order = np.lexsort((cols, rows))
    return list(zip(rows[order].tolist(), cols[order].tolist(), counts[order].tolist(),
                    strict=True))


def _region(short: list[str], long: list[str]) -> tuple[int, int]:
    """Word indices ``lo:hi`` of ``long`` that the shorter quote covers."""
    joined = " ".join(long)
    al = fuzz.partial_ratio_alignment(" ".join(short), joined)
    assert al is not None  # None only below a score_cutoff, and none is given
    inside, pos = [], 0
    for k, word in enumerate(long):
        overlap = min(pos + len(word), al.dest_end) - max(pos, al.dest_start)
        if overlap * 2 > len(word):
            inside.append(k)
        pos += len(word) + 1
    return (inside[0], inside[-1] + 1) if inside else (0, len(long))


def _repeats(words: list[list[str]], x: sparse.csr_matrix,
             lengths: np.ndarray) -> dict[int, int]:
    """Quotes a report repeats: later index -> the earlier quote it repeats.

    ``x`` is the quotes' incidence matrix (:func:`_incidence`), ``lengths`` their lengths.
    """
    earlier: dict[int, list[tuple[int, int]]] = {}
    for i, j, shared in _candidates(x, x, lengths, lengths, upper=True, min_len=3):
        earlier.setdefault(j, []).append((i, shared))
    out: dict[int, int] = {}
    for j in sorted(earlier):
        for i, shared in earlier[j]:  # in increasing order
            if _score(words[i], words[j], shared)[0] >= 0.9:
                out[j] = out.get(i, i)
                break
    return out


def pair_quotes(a: Article | Prepared, b: Article | Prepared) -> tuple[QuotePair, ...]:
    """Every quote of either report, paired with the other report's rendering if any
    (a prepared report's quotes are used as they are)."""
    qa, na = _quotes_of(a)
    qb, nb = _quotes_of(b)
    a, b = article_of(a), article_of(b)
    x, y = _incidence(na, nb)
    lx, ly = np.array([len(q) for q in na], int), np.array([len(q) for q in nb], int)
    rep_a, rep_b = _repeats(na, x, lx), _repeats(nb, y, ly)
    cands = []
    for i, j, shared in _candidates(x, y, lx, ly):
        if (i in rep_a) != (j in rep_b):  # a repeat pairs with a repeat or gets its first's
            continue
        score, a_short = _score(na[i], nb[j], shared)
        if score > 0:
            cands.append((-score, -min(len(na[i]), len(nb[j])), i, j, a_short))
    cands.sort()
    pairs: dict[tuple[int, int], float] = {}
    used_a: set[int] = set()
    used_b: set[int] = set()
    claimed: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for neg, _, i, j, _a_short in cands:
        if i in used_a and j in used_b:
            continue
        if i in used_a or j in used_b:  # one-to-many: the used quote must hold the new one
            side, idx = ("a", i) if i in used_a else ("b", j)
            longer = len(na[i]) > len(nb[j]) if side == "a" else len(nb[j]) > len(na[i])
            if not longer:  # (two quotes of the same length are one-to-one)
                continue
            long, short = (na[i], nb[j]) if side == "a" else (nb[j], na[i])
            lo, hi = _region(short, long)
            if any(lo < h and g < hi for g, h in claimed.get((side, idx), [])):
                continue
        pairs[(i, j)] = -neg
        used_a.add(i)
        used_b.add(j)
        for side, idx, long, short in (("a", i, na[i], nb[j]), ("b", j, nb[j], na[i])):
            if len(long) > len(short):
                claimed.setdefault((side, idx), []).append(_region(short, long))
    # A repeated quote gets the partners of the quote it repeats, as paired above (not the
    # partners another repeat received), when it shares wording with the partner: a
    # partner may render another part of the repeated quote than the repeat does.
    found = dict(pairs)
    for reps, column in ((rep_a, 0), (rep_b, 1)):
        partners: dict[int, list[tuple[tuple[int, int], float]]] = {}
        for key, score in found.items():
            partners.setdefault(key[column], []).append((key, score))
        for later, first in reps.items():
            if any(key[column] == later for key in found):
                continue  # paired with a rendering of its own
            for key, score in partners.get(first, []):
                new = (later, key[1]) if column == 0 else (key[0], later)
                if _score(na[new[0]], nb[new[1]])[0] > 0:
                    pairs[new] = score
    groups_a, groups_b = _repeat_groups(rep_a), _repeat_groups(rep_b)
    notes_a = [_repeat_note("a", i, rep_a, groups_a, qa) for i in range(len(qa))]
    notes_b = [_repeat_note("b", j, rep_b, groups_b, qb) for j in range(len(qb))]
    words_a = {i: quote_words(a, qa[i]) for i in sorted({i for i, _ in pairs})}
    words_b = {j: quote_words(b, qb[j]) for j in sorted({j for _, j in pairs})}
    regions = (quote_regions(a), quote_regions(b)) if pairs else ((), ())
    out = []
    for (i, j), score in pairs.items():
        out.append(_pair(a.text, b.text, qa[i], qb[j], words_a[i], words_b[j], score,
                         notes_a[i], notes_b[j], regions))
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    for i, q in enumerate(qa):
        if i not in paired_a:
            out.append(QuotePair(q, None, 0.0, "only_a", (), notes_a[i]))
    for j, q in enumerate(qb):
        if j not in paired_b:
            out.append(QuotePair(None, q, 0.0, "only_b", (), notes_b[j]))
    return tuple(sorted(out, key=_pair_order))


def _pair_order(p: QuotePair) -> tuple[bool, int, int]:
    """Pairs in a's quote order, then b's quotes that a lacks in b's order."""
    first = p.a if p.a else p.b
    assert first is not None  # every pair holds a quote of a or of b
    return (p.a is None, first.start, p.b.start if p.b else -1)


def _quotes_of(report: Article | Prepared) -> tuple[list[Quote], list[list[str]]]:
    if isinstance(report, Prepared):
        return list(report.quotes), [list(n) for n in report.quote_words]
    found = _extract(report)
    return [q for q, _ in found], [n for _, n in found]


def _repeat_groups(reps: dict[int, int]) -> dict[int, list[int]]:
    """First quote -> itself and the quotes repeating it."""
    groups: dict[int, list[int]] = {}
    for later, first in reps.items():
        groups.setdefault(first, [first]).append(later)
    return groups


def _repeat_note(side: str, k: int, reps: dict[int, int], groups: dict[int, list[int]],
                 quotes) -> str:
    """``side repeats this quote (sentences ...)`` when quote ``k`` is in a repeat group."""
    group = groups.get(reps.get(k, k), [])
    if len(group) < 2:
        return ""
    where = ", ".join(str(quotes[x].sentences[0]) for x in sorted(group))
    return f"{side} repeats this quote (sentences {where})"


def _pair(a_text: str, b_text: str, qa: Quote, qb: Quote, wa: tuple[Word, ...],
          wb: tuple[Word, ...], score: float, note_a: str, note_b: str,
          regions: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]]) -> QuotePair:
    """The pair of ``qa`` and ``qb`` (words ``wa`` and ``wb``), with the word diff of the
    part of the longer quote the shorter one covers (``regions``: the two texts'
    :func:`~compare.wording.quote_regions`)."""
    notes = []
    na, nb = _norms(wa), _norms(wb)
    if 4 * len(nb) < 3 * len(na):
        lo, hi = _region(nb, na)
        if hi - lo < len(na):
            notes.append("b quotes only part of a's quote")
            wa = wa[lo:hi]
    elif 4 * len(na) < 3 * len(nb):
        lo, hi = _region(na, nb)
        if hi - lo < len(nb):
            notes.append("a quotes only part of b's quote")
            wb = wb[lo:hi]
    ops = word_ops(a_text, wa, b_text, wb, a_quotes=regions[0], b_quotes=regions[1])
    status = "same" if all(op.tag == "equal" for op in ops) else "reworded"
    notes += [n for n in (note_a, note_b) if n]
    return QuotePair(qa, qb, round(score, 4), status, ops, "; ".join(notes))
