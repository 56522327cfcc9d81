"""Shared verbatim passages, coverage, and the document-level verdict.

Three steps, each a pure function over the records of :mod:`compare.models`:

- :func:`shared_passages` finds every maximal run of at least ``min_words`` words that
  both reports contain, across sentence boundaries, like ``difflib``'s matching blocks
  but in words and without the one-to-one restriction: a phrase that report b repeats
  twice gives two passages.
- :func:`coverage` says how much of each report's content the other one carries:
  verbatim (inside a shared passage), as a paraphrase (inside a linked sentence), or
  not at all.
- :func:`verdict` names the relation of report b to report a (``VERDICTS``: verbatim
  copy, light revision, heavy revision, independent) from a few overlap scores, with
  thresholds fitted on the Clough & Stevenson text-reuse corpus and shipped in
  ``compare/data/verdict.json`` (refit with ``training/fit_verdict.py``). On that
  corpus (57 answers) leave-one-out accuracy is 79% on the four classes and 95% for
  reused vs independent (``benchmarks/bench_verdict.py``).

Words are compared on :attr:`Word.norm` (case, quotes, dashes folded). Tokens that are
pure punctuation are skipped, when matching and when counting: ``Taliban, and`` and
``Taliban and`` are the same two words, and a changed comma does not break a run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from compare.models import (
    RELATIONS,
    UNIQUE,
    VERDICTS,
    Article,
    Coverage,
    Link,
    Passage,
    Verdict,
    Word,
    frozen_mapping,
)
from compare.models import has_letter_or_digit as _HAS_ALNUM

# --- shared passages ---------------------------------------------------------------


def _words(article: Article) -> list[Word]:
    """All word tokens of ``article`` in text order, bare punctuation left out."""
    return [w for ws in article.words for w in ws if w.text.isalnum() or _HAS_ALNUM(w.text)]


def _norms(article: Article) -> list[str]:
    """``Word.norm`` of every word token of ``article`` (as :func:`_words`), in text order."""
    return [w.norm for ws in article.words for w in ws if w.text.isalnum() or _HAS_ALNUM(w.text)]


def _codes(a_norms: Sequence[str], b_norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Two sequences of normalised words as integer codes (equal norm, equal code)."""
    vocabulary = dict.fromkeys(a_norms)
    vocabulary.update(dict.fromkeys(b_norms))
    index = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
    return (
        np.fromiter(map(index.__getitem__, a_norms), dtype=np.int64, count=len(a_norms)),
        np.fromiter(map(index.__getitem__, b_norms), dtype=np.int64, count=len(b_norms)),
    )


def _gram_ids(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the ``n``-grams of the codes ``a`` and of ``b`` (``a[i:i+n]`` for every ``i``).

    Two ``n``-grams (of either side) have the same id exactly when their codes are the
    same: each step multiplies by the code range and adds the next code, and renumbers
    the ids densely first whenever that could pass 62 bits.
    """
    codes = np.concatenate([a, b]).astype(np.int64)
    size = len(codes) - n + 1
    if n < 1 or size <= 0:
        return codes[:0], codes[:0]
    base = int(codes.max(initial=0)) + 1
    gram = codes[:size].copy()
    for k in range(1, n):
        if int(gram.max(initial=0)) >= 2**62 // base:
            gram = np.unique(gram, return_inverse=True)[1].reshape(-1).astype(np.int64)
        gram = gram * base + codes[k : k + size]
    return gram[: max(len(a) - n + 1, 0)], gram[len(a) : len(a) + max(len(b) - n + 1, 0)]


def _runs(a: npt.ArrayLike, b: npt.ArrayLike, k: int) -> tuple[np.ndarray, ...]:
    """Every maximal common run ``(i, j, n)`` with ``a[i:i+n] == b[j:j+n]`` and ``n >= k``.

    Returned as three integer arrays ``i``, ``j``, ``n`` sorted by ``i`` then ``j``. Every
    pair of equal ``k``-grams is found by sorting both sides' ``k``-gram ids; a run of ``n``
    words is a stretch of ``n - k + 1`` such pairs on one diagonal (``i - j``), so runs
    are those stretches, found with numpy (no loop over words).
    """
    a_ids = np.asarray(a, dtype=np.int64)
    b_ids = np.asarray(b, dtype=np.int64)
    empty = np.zeros(0, dtype=np.int64)
    if len(a_ids) < k or len(b_ids) < k:
        return empty, empty, empty
    ga, gb = _gram_ids(a_ids, b_ids, k)
    order_a, order_b = np.argsort(ga), np.argsort(gb)
    sorted_ga, sorted_gb = ga[order_a], gb[order_b]
    lo = np.searchsorted(sorted_gb, sorted_ga, side="left")
    counts = np.searchsorted(sorted_gb, sorted_ga, side="right") - lo
    total = int(counts.sum())
    if total == 0:
        return empty, empty, empty
    i = np.repeat(order_a, counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    j = order_b[np.repeat(lo, counts) + np.arange(total) - first]
    # pairs on one diagonal with consecutive i form one run
    by_diagonal = np.lexsort((i, i - j))
    i, j = i[by_diagonal], j[by_diagonal]
    starts = np.ones(total, dtype=bool)
    starts[1:] = (i[1:] != i[:-1] + 1) | (j[1:] != j[:-1] + 1)
    where = np.flatnonzero(starts)
    n = np.diff(np.append(where, total)) + (k - 1)
    i, j = i[where], j[where]
    by_position = np.lexsort((j, i))
    return i[by_position], j[by_position], n[by_position]


def shared_passages(a: Article, b: Article, min_words: int = 5) -> tuple[Passage, ...]:
    """Maximal runs of at least ``min_words`` words that occur in both reports.

    Words are matched on ``Word.norm``; bare punctuation is skipped, so it neither
    breaks a run nor counts as a word. Runs cross sentence boundaries. Every pair of
    occurrences is a passage (a phrase b repeats twice gives two), so reports that
    repeat one long passage many times give many passages. Passages are
    sorted by ``a_start`` then ``b_start``; ``text`` is a's wording, from the first
    word's start to the last word's end.
    """
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, not {min_words}")
    a_words, b_words = _words(a), _words(b)
    a_codes, b_codes = _codes([w.norm for w in a_words], [w.norm for w in b_words])
    runs = _runs(a_codes, b_codes, min_words)
    passages = []
    for i, j, n in zip(*(x.tolist() for x in runs), strict=True):
        a_start, a_end = a_words[i].start, a_words[i + n - 1].end
        b_start, b_end = b_words[j].start, b_words[j + n - 1].end
        passages.append(Passage(a_start, a_end, b_start, b_end, n, a.text[a_start:a_end]))
    return tuple(passages)


# --- coverage ----------------------------------------------------------------------


def _merge(spans: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, merged character spans as two arrays (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _inside(word_starts: np.ndarray, word_ends: np.ndarray, spans: tuple[np.ndarray, ...]):
    """Which words (given by their starts and ends) lie inside one of the merged spans."""
    starts, ends = spans
    if len(starts) == 0:
        return np.zeros(len(word_starts), dtype=bool)
    k = np.searchsorted(starts, word_starts, side="right") - 1
    return (k >= 0) & (word_ends <= ends[np.maximum(k, 0)])


def _sentence_keys(article: Article) -> list[tuple[str, ...]]:
    return [
        tuple([w.norm for w in words if w.text.isalnum() or _HAS_ALNUM(w.text)])
        for words in article.words
    ]


def _one_coverage(
    of: Article,
    by: Article,
    side: str,
    links: Sequence[Link],
    spans: Sequence[tuple[int, int]],
    keys: tuple[list[tuple[str, ...]], list[tuple[str, ...]]],
) -> Coverage:
    """Coverage of ``of`` by ``by``; ``keys`` are the sentence keys of ``of`` and ``by``."""
    rank = {relation: r for r, relation in enumerate(RELATIONS)}
    best: dict[int, int] = {}
    for link in links:
        if link.relation not in rank:
            raise ValueError(
                f"unknown link relation {link.relation!r}; expected one of {RELATIONS}"
            )
        for index in getattr(link, side):
            best[index] = min(best.get(index, len(RELATIONS)), rank[link.relation])
    of_keys, by_keys = keys
    other_sentences = {key for key in by_keys if key}
    n_sentences = len(of.words)
    whole = np.fromiter(  # short identical sentences
        (bool(key) and key in other_sentences for key in of_keys), dtype=bool, count=n_sentences
    )
    linked = np.zeros(n_sentences, dtype=bool)
    linked[[i for i in best if 0 <= i < n_sentences]] = True
    per_sentence = [[w for w in ws if w.content] for ws in of.words]
    content = [w for ws in per_sentence for w in ws]
    sentence = np.repeat(np.arange(n_sentences), [len(ws) for ws in per_sentence])
    starts = np.fromiter((w.start for w in content), dtype=np.int64, count=len(content))
    ends = np.fromiter((w.end for w in content), dtype=np.int64, count=len(content))
    verbatim = whole[sentence] | _inside(starts, ends, _merge(spans))
    paraphrase = ~verbatim & linked[sentence]
    counts = {
        "verbatim": int(verbatim.sum()),
        "paraphrase": int(paraphrase.sum()),
        "absent": int(len(content) - verbatim.sum() - paraphrase.sum()),
    }
    total = sum(counts.values())
    shares = {k: (v / total if total else 0.0) for k, v in counts.items()}
    statuses = tuple(
        RELATIONS[best[s.index]] if s.index in best else UNIQUE for s in of.sentences
    )
    return Coverage(
        of=of.name,
        by=by.name,
        verbatim=shares["verbatim"],
        paraphrase=shares["paraphrase"],
        absent=shares["absent"],
        content_words=total,
        sentences=statuses,
    )


def coverage(
    a: Article, b: Article, links: Sequence[Link], passages: Sequence[Passage]
) -> tuple[Coverage, Coverage]:
    """How much of a report b covers, and how much of b report a covers.

    Each content word (``Word.content``) of the covered report counts once:
    ``verbatim`` if it lies inside a shared passage, or inside a sentence whose words
    (punctuation skipped) are exactly those of a sentence of the other report (so a
    short identical sentence below ``min_words`` still counts); ``paraphrase`` if not
    verbatim but its sentence is in a link; ``absent`` otherwise. ``sentences`` gives
    each sentence the relation of its closest link (order of ``RELATIONS``) or
    ``"unique"``.
    """
    a_spans = [(p.a_start, p.a_end) for p in passages]
    b_spans = [(p.b_start, p.b_end) for p in passages]
    a_keys, b_keys = _sentence_keys(a), _sentence_keys(b)
    return (
        _one_coverage(a, b, "a", links, a_spans, (a_keys, b_keys)),
        _one_coverage(b, a, "b", links, b_spans, (b_keys, a_keys)),
    )


# --- verdict -----------------------------------------------------------------------

_OPS = {">=": lambda value, threshold: value >= threshold,
        "<": lambda value, threshold: value < threshold}


@lru_cache(maxsize=1)
def verdict_model() -> Mapping:
    """The shipped verdict model (``compare/data/verdict.json``): an ordered rule list."""
    text = resources.files("compare").joinpath("data/verdict.json").read_text("utf-8")
    return json.loads(text)


def _containment(b_codes: np.ndarray, a_codes: np.ndarray, n: int) -> float:
    """Share of b's word ``n``-grams (``n`` clipped to b's length) that occur in a."""
    n = min(n, len(b_codes))
    if n == 0:
        return 0.0
    b_grams, a_grams = _gram_ids(b_codes, a_codes, n)
    if len(a_grams) == 0:
        return 0.0
    a_grams, b_grams = np.sort(a_grams), np.sort(b_grams)  # sorted queries: faster lookups
    at = np.minimum(np.searchsorted(a_grams, b_grams), len(a_grams) - 1)
    return int(np.count_nonzero(a_grams[at] == b_grams)) / len(b_grams)


def verdict_scores(
    a: Article, b: Article, passages: Sequence[Passage], coverage: tuple[Coverage, Coverage]
) -> dict[str, float]:
    """The overlap scores a verdict is decided on, all in [0, 1] except word counts.

    ``containment_n``: share of b's word ``n``-grams (punctuation skipped) found in a
    (``reverse_containment_3`` the other way round); ``verbatim_b`` / ``verbatim_a``
    and ``paraphrase_b``: the coverage shares; ``longest_passage_words`` and
    ``longest_passage_share`` (of b's words): the longest shared passage.
    """
    a_codes, b_codes = _codes(_norms(a), _norms(b))
    longest = max((p.words for p in passages), default=0)
    scores = {f"containment_{n}": _containment(b_codes, a_codes, n) for n in (1, 2, 3, 8)}
    scores.update(
        reverse_containment_3=_containment(a_codes, b_codes, 3),
        verbatim_a=coverage[0].verbatim,
        verbatim_b=coverage[1].verbatim,
        paraphrase_b=coverage[1].paraphrase,
        longest_passage_words=float(longest),
        longest_passage_share=longest / len(b_codes) if len(b_codes) else 0.0,
    )
    return scores


def decide(scores: Mapping[str, float], rules: Sequence[Mapping]) -> tuple[str, str]:
    """Apply an ordered rule list to ``scores``: the first rule that holds gives the label.

    A rule is ``{"label", "feature", "op" (">=" or "<"), "threshold", "holds", "fails"}``
    where ``holds`` / ``fails`` are sentences with ``{value}`` and ``{threshold}`` fields;
    the last rule has only ``label`` and ``holds`` (the default). Returns the label and
    the reason: the sentences of every rule tried, joined.
    """
    said = []
    for rule in rules:
        if "feature" not in rule:
            said.append(rule["holds"])
            return rule["label"], "; ".join(said) + "."
        value = scores[rule["feature"]]
        threshold = rule["threshold"]
        holds = _OPS[rule["op"]](value, threshold)
        said.append(rule["holds" if holds else "fails"].format(value=value, threshold=threshold))
        if holds:
            return rule["label"], "; ".join(said) + "."
    raise ValueError("the rule list has no default rule (one without a feature)")


def verdict(
    a: Article,
    b: Article,
    passages: Sequence[Passage],
    coverage: tuple[Coverage, Coverage],
    *,
    rules: Sequence[Mapping] | None = None,
) -> Verdict:
    """How report b relates to report a: one of ``VERDICTS``, with the scores behind it.

    The label comes from an ordered rule list over :func:`verdict_scores` (thresholds
    fitted on the Clough & Stevenson corpus, see ``compare/data/verdict.json``);
    ``rules`` replaces the shipped list (used by the benchmark's cross-validation).
    The relation is directional: it measures how much of b is found in a.
    """
    rules = verdict_model()["rules"] if rules is None else rules
    scores = verdict_scores(a, b, passages, coverage)
    label, reason = decide(scores, rules)
    if label not in VERDICTS:
        raise ValueError(f"rule label {label!r} is not one of {VERDICTS}")
    return Verdict(label=label, scores=frozen_mapping(scores), reason=reason)
