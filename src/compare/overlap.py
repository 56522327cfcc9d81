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
  ``compare/data/verdict.json`` (refit with ``benchmarks/fit_verdict.py``). On that
  corpus (57 answers) leave-one-out accuracy is 79% on the four classes and 95% for
  reused vs independent (``benchmarks/bench_verdict.py``).

Words are compared on :attr:`Word.norm` (case, quotes, dashes folded). Tokens that are
pure punctuation are skipped, when matching and when counting: ``Taliban, and`` and
``Taliban and`` are the same two words, and a changed comma does not break a run.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

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

# --- shared passages ---------------------------------------------------------------


def _is_word(word: Word) -> bool:
    """``word.is_word``, with a fast path for the common all-alphanumeric token."""
    return word.text.isalnum() or word.is_word


def _words(article: Article) -> list[Word]:
    """All word tokens of ``article`` in text order, bare punctuation left out."""
    return [w for sentence in article.words for w in sentence if _is_word(w)]


def _codes(a_words: Sequence[Word], b_words: Sequence[Word]) -> tuple[list[int], list[int]]:
    """The two word sequences as integer codes (equal norm, equal code)."""
    vocabulary: dict[str, int] = {}
    a_codes = [vocabulary.setdefault(w.norm, len(vocabulary)) for w in a_words]
    b_codes = [vocabulary.setdefault(w.norm, len(vocabulary)) for w in b_words]
    return a_codes, b_codes


def _grams(codes: Sequence[int], n: int) -> list[tuple[int, ...]]:
    """The ``n``-grams of ``codes`` in order (``codes[i:i+n]`` for every ``i``)."""
    return list(zip(*(codes[k:] for k in range(n)), strict=False))


def _runs(a: Sequence[int], b: Sequence[int], k: int) -> list[tuple[int, int, int]]:
    """Every maximal common run ``(i, j, n)`` with ``a[i:i+n] == b[j:j+n]`` and ``n >= k``.

    Seeds are the word ``k``-grams both sides share (a hash index of b's ``k``-grams);
    a seed extends only from the left end of a run, so each run is walked once. The
    result is sorted by ``i`` then ``j``.
    """
    if len(a) < k or len(b) < k:
        return []
    index: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for j, gram in enumerate(_grams(b, k)):
        index[gram].append(j)
    runs = []
    len_a, len_b = len(a), len(b)
    for i, gram in enumerate(_grams(a, k)):
        starts = index.get(gram)
        if not starts:
            continue
        for j in starts:
            if i and j and a[i - 1] == b[j - 1]:
                continue  # inside a run that started earlier
            n = k
            while i + n < len_a and j + n < len_b and a[i + n] == b[j + n]:
                n += 1
            runs.append((i, j, n))
    return runs


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
    a_codes, b_codes = _codes(a_words, b_words)
    passages = []
    for i, j, n in _runs(a_codes, b_codes, min_words):
        a_start, a_end = a_words[i].start, a_words[i + n - 1].end
        b_start, b_end = b_words[j].start, b_words[j + n - 1].end
        passages.append(
            Passage(a_start, a_end, b_start, b_end, n, a.text[a_start:a_end])
        )
    return tuple(passages)


# --- coverage ----------------------------------------------------------------------


def _merge(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged character spans as two lists (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(word: Word, starts: list[int], ends: list[int]) -> bool:
    k = bisect.bisect_right(starts, word.start) - 1
    return k >= 0 and word.end <= ends[k]


def _sentence_keys(article: Article) -> list[tuple[str, ...]]:
    return [tuple(w.norm for w in words if _is_word(w)) for words in article.words]


def _one_coverage(
    of: Article,
    by: Article,
    side: str,
    links: Sequence[Link],
    spans: Sequence[tuple[int, int]],
) -> Coverage:
    rank = {relation: r for r, relation in enumerate(RELATIONS)}
    best: dict[int, int] = {}
    for link in links:
        if link.relation not in rank:
            raise ValueError(
                f"unknown link relation {link.relation!r}; expected one of {RELATIONS}"
            )
        for index in getattr(link, side):
            best[index] = min(best.get(index, len(RELATIONS)), rank[link.relation])
    starts, ends = _merge(spans)
    other_sentences = {key for key in _sentence_keys(by) if key}
    counts = {"verbatim": 0, "paraphrase": 0, "absent": 0}
    for index, (words, key) in enumerate(zip(of.words, _sentence_keys(of), strict=True)):
        whole = bool(key) and key in other_sentences  # short identical sentences
        for word in words:
            if not word.content:
                continue
            if whole or _inside(word, starts, ends):
                counts["verbatim"] += 1
            elif index in best:
                counts["paraphrase"] += 1
            else:
                counts["absent"] += 1
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
    return (
        _one_coverage(a, b, "a", links, a_spans),
        _one_coverage(b, a, "b", links, b_spans),
    )


# --- verdict -----------------------------------------------------------------------

_OPS = {">=": lambda value, threshold: value >= threshold,
        "<": lambda value, threshold: value < threshold}


@lru_cache(maxsize=1)
def verdict_model() -> Mapping:
    """The shipped verdict model (``compare/data/verdict.json``): an ordered rule list."""
    text = resources.files("compare").joinpath("data/verdict.json").read_text("utf-8")
    return json.loads(text)


def _containment(b_codes: Sequence[int], a_codes: Sequence[int], n: int) -> float:
    """Share of b's word ``n``-grams (``n`` clipped to b's length) that occur in a."""
    n = min(n, len(b_codes))
    if n == 0:
        return 0.0
    a_grams = set(_grams(a_codes, n))
    b_grams = _grams(b_codes, n)
    return sum(g in a_grams for g in b_grams) / len(b_grams)


def verdict_scores(
    a: Article, b: Article, passages: Sequence[Passage], coverage: tuple[Coverage, Coverage]
) -> dict[str, float]:
    """The overlap scores a verdict is decided on, all in [0, 1] except word counts.

    ``containment_n``: share of b's word ``n``-grams (punctuation skipped) found in a
    (``reverse_containment_3`` the other way round); ``verbatim_b`` / ``verbatim_a``
    and ``paraphrase_b``: the coverage shares; ``longest_passage_words`` and
    ``longest_passage_share`` (of b's words): the longest shared passage.
    """
    a_codes, b_codes = _codes(_words(a), _words(b))
    longest = max((p.words for p in passages), default=0)
    scores = {f"containment_{n}": _containment(b_codes, a_codes, n) for n in (1, 2, 3, 8)}
    scores.update(
        reverse_containment_3=_containment(a_codes, b_codes, 3),
        verbatim_a=coverage[0].verbatim,
        verbatim_b=coverage[1].verbatim,
        paraphrase_b=coverage[1].paraphrase,
        longest_passage_words=float(longest),
        longest_passage_share=longest / len(b_codes) if b_codes else 0.0,
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
