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
    One side carries clearly more content than the other: at least 60% of the content
    words of the shorter side are found in the longer side, while the longer side has a
    good deal that the shorter side does not say: at least 40% of its content words and
    at least 4 distinct ones (``partial_extra``). When the same-content model accepts
    the pair, the longer side must add more than the two share (at most 50% of its
    content words in the shorter side, ``partial_accepted``): otherwise the pair is a
    ``paraphrase`` (the value is fitted on MSRP train, ``training/fit_links.py``). The
    same holds when the quotes decide it (the shorter quote inside the longer one): a
    pair the model accepts is partial by quotes only if the longer side says clearly
    more by those two tests. Two short sentences that each miss a word or two of the
    other are never partial. With ``event_links`` (off by default), two sentences of one
    event told in other words are partial too, when no test above links them: they
    share at least two names and numbers (who, where, when, how many:
    ``event_details``) and, besides the names, at least three more content words (what
    happened: ``event_words``), and no other candidate of one of the two sentences is
    more likely to say the same thing (the same-content probability, every signal
    computed); the side with more words of its own tells more (its ``reason`` says
    so). Such links are not merged: a sentence may share its event with several
    sentences of the other report, and keeps each link.

A sentence that is in no link is *unique* to its report.

``Link.score`` is the strength of a link in [0, 1]: the larger of the same-content
probability of :func:`compare.similarity.pair_score` (a logistic regression over the
signals, fitted on the Microsoft Research Paraphrase Corpus) and the share of the
shorter side's content words found in the longer side. It is 1 for identical links.
``Link.similarity`` is the graded similarity in [0, 1]: the STS regression of the
signals (fitted on the STS-news 0-5 scores, divided by 5), 1 for identical links. With
an embedding backend, the probability and the graded similarity are its models, fitted
with its cosine as one more signal (for a merged link, the cosine of the normalised sums
of each side's sentence vectors).

How it works: every sentence becomes a sparse TF-IDF vector of its content words; one
sparse product gives the cosine of all pairs, and only pairs above a floor that are
among the best few of their row or column, pairs that share the most names and
numbers, and (with sentence embeddings) each sentence's nearest neighbours are the
candidates (:mod:`compare.similarity.candidates`); they get the signals; the costliest
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

from bisect import bisect_right
from collections.abc import Callable, Sequence

import numpy as np

from compare import similarity
from compare.models import (
    Article,
    Link,
    Prepared,
    Scores,
    Word,
    frozen_mapping,
    has_letter_or_digit,
)
from compare.settings import DEFAULT, Settings
from compare.similarity.pairs import report_features

_OLD_NAMES = {
    "CANDIDATE_FLOOR": "candidate_floor",
    "TOP_K": "top_k",
    "NEAR_VERBATIM": "near_verbatim",
    "MIN_QUOTE_WORDS": "min_quote_words",
    "PARTIAL_SHORT": "partial_short",
    "PARTIAL_LONG": "partial_long",
    "PARTIAL_MIN_SHARED": "partial_min_shared",
    "LINK_THRESHOLD": "link_threshold",
    "PREFILTER": "prefilter",
}


def __getattr__(name: str):
    """The former module constants (``LINK_THRESHOLD``...), read-only: their default
    values in :class:`compare.settings.Settings`, where they are documented and set."""
    if name in _OLD_NAMES:
        return getattr(DEFAULT, _OLD_NAMES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")




def _quoted(article: Article) -> list[tuple[str, ...]]:
    """Per sentence, its normalised words inside quotation marks
    (:attr:`Article.quote_spans`: a quote over several sentences counts in each)."""
    spans = article.quote_spans
    starts = [q.start for q in spans]
    out: list[tuple[str, ...]] = []
    for s, words in zip(article.sentences, article.words, strict=True):
        k = max(bisect_right(starts, s.start) - 1, 0)
        inside: list[str] = []
        while k < len(spans) and spans[k].start < s.end:
            q = spans[k]
            inside += [w.norm for w in words if q.start <= w.start and w.end <= q.end
                       and (w.text.isalnum() or has_letter_or_digit(w.text))]  # w.is_word
            k += 1
        out.append(tuple(inside))
    return out


def _plain(words: Sequence[Word]) -> tuple[str, ...]:
    return tuple(w.norm for w in words if w.is_word)


# --- the rules: one per relation ----------------------------------------------------
# Each rule below is written once, over numbers that may be floats (one pair) or numpy
# arrays (many pairs): _relation applies them to one pair, and the fast pre-filters in
# align() (_may_link) are the same functions applied to arrays of candidates.


def _examined(prob, word_edit, content_a, content_b, settings: Settings):
    """A pair is examined at all: its probability passes, most of its words line up, or
    one side has ``prefilter`` of its content words in the other."""
    return (
        _is_paraphrase(prob, settings)
        | _is_near_verbatim(word_edit, settings)
        | (np.maximum(content_a, content_b) >= settings.prefilter)
    )


def _is_near_verbatim(word_edit, settings: Settings):
    """``near_verbatim`` by words: ``near_verbatim`` of the words line up in order
    (identical words give 1, so identical pairs pass it too)."""
    return word_edit >= settings.near_verbatim


def _is_contained(content_a, content_b, settings: Settings):
    """``partial`` by containment: the shorter side is largely in the longer, which says
    a good deal more (``partial_short`` / ``partial_long``)."""
    short, long_ = np.maximum(content_a, content_b), np.minimum(content_a, content_b)
    return (short >= settings.partial_short) & (long_ <= settings.partial_long) & (short > long_)


def _says_more(extra: int, long_share: float, accepted: bool, settings: Settings) -> bool:
    """The containing side carries clearly more content: at least ``partial_extra``
    distinct content words (by stem) that the contained side does not use, and, when the
    same-content model accepts the pair, at most ``partial_accepted`` of its content
    words in the other side (what it adds outweighs what they share)."""
    return extra >= settings.partial_extra and (
        not accepted or long_share <= settings.partial_accepted
    )


def _quotes_compared(quoted_a, quoted_b, settings: Settings):
    """The quote rules (``near_verbatim`` and ``partial`` by quotes) apply: both sides
    quote at least ``min_quote_words`` words (``quoted_*`` are the numbers of quoted words)."""
    return np.minimum(quoted_a, quoted_b) >= settings.min_quote_words


def _one_event(fa: similarity.Features, fb: similarity.Features, ia: np.ndarray,
               ib: np.ndarray, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Which candidate pairs ``(ia, ib)`` tell one event: by their details (at least
    ``event_details`` names and numbers in common and, besides the names, at least
    ``event_words`` more content words by stem) and as two leads (both among the first
    ``event_lead`` sentences of their reports, with at least ``event_lead_words``
    content words by stem in common)."""
    def common(kind: str) -> np.ndarray:
        return np.asarray(fa.sets[kind][ia].multiply(fb.sets[kind][ib]).sum(axis=1)).ravel()

    names, content = common("names"), common("content")
    details = ((names + common("numbers") >= settings.event_details)
               & (content - names >= settings.event_words))
    lead = ((ia < settings.event_lead) & (ib < settings.event_lead)
            & (content >= settings.event_lead_words))
    return details, lead


def _best_in_line(ia: np.ndarray, ib: np.ndarray, prob: np.ndarray) -> np.ndarray:
    """Which pairs ``(ia, ib)`` have the largest probability of their a sentence's pairs
    or of their b sentence's pairs (ties included)."""
    if len(ia) == 0:
        return np.zeros(0, dtype=bool)
    row = np.full(int(ia.max()) + 1, -np.inf)
    col = np.full(int(ib.max()) + 1, -np.inf)
    np.maximum.at(row, ia, prob)
    np.maximum.at(col, ib, prob)
    return (prob >= row[ia]) | (prob >= col[ib])


def _is_paraphrase(prob, settings: Settings):
    """``paraphrase`` (when no closer relation holds): the probability passes the threshold."""
    return prob >= settings.link_threshold


def _some_rule_may(prob, word_edit, content_a, content_b, quoted_a, quoted_b, settings: Settings):
    """Some rule's own test may pass: the probability, words or containment test passes,
    or both sides quote enough words for the quote rules. A pair failing it gets no link
    from :func:`_make_link`, whatever its words."""
    return (
        _is_paraphrase(prob, settings)
        | _is_near_verbatim(word_edit, settings)
        | _is_contained(content_a, content_b, settings)
        | _quotes_compared(quoted_a, quoted_b, settings)
    )


def _may_link(prob, word_edit, content_a, content_b, quoted_a, quoted_b, settings: Settings):
    """The fast pre-filter of candidate pairs: examined, and some rule may pass. With an
    upper bound of the probability in place of ``prob`` it keeps every pair the exact
    probability would."""
    args = (prob, word_edit, content_a, content_b, quoted_a, quoted_b, settings)
    return _examined(prob, word_edit, content_a, content_b, settings) & _some_rule_may(*args)


def _relation(
    sig: dict[str, float],
    pa: tuple[str, ...],
    pb: tuple[str, ...],
    qa: tuple[str, ...],
    qb: tuple[str, ...],
    settings: Settings,
    extra: tuple[int, int] = (0, 0),
    accepted: bool = False,
) -> tuple[str | None, str, str]:
    """The relation of two sides (None: not a link unless the score says so), why, and
    for ``partial`` the side (``"a"`` or ``"b"``) that the other contains.

    ``pa``/``pb`` are the two sides' normalised words, ``qa``/``qb`` their quoted words,
    ``extra`` the numbers of distinct content stems of a not in b and of b not in a;
    ``accepted``: the same-content model accepts the pair (see :func:`_says_more`).
    """
    from rapidfuzz.distance import LCSseq, Levenshtein

    if pa == pb:
        return "identical", "the two sides have the same words in the same order", ""
    if _is_near_verbatim(sig["word_edit"], settings):
        return (
            "near_verbatim",
            (
                f"word-level similarity decided it: {sig['word_edit']:.0%} of the words line up "
                "in order (word_edit), so only a few words differ"
            ),
            "",
        )
    quotes = bool(_quotes_compared(len(qa), len(qb), settings))
    if quotes:
        quote_sim = Levenshtein.normalized_similarity(qa, qb)
        if _is_near_verbatim(quote_sim, settings):
            return (
                "near_verbatim",
                (
                    f"the quotes decided it: the quoted words are {quote_sim:.0%} the same in "
                    "order, only the words around the quote differ"
                ),
                "",
            )
    side, other = ("b", "a") if sig["content_b"] >= sig["content_a"] else ("a", "b")
    more = extra[0] if other == "a" else extra[1]
    long_share = min(sig["content_a"], sig["content_b"])
    if _is_contained(sig["content_a"], sig["content_b"], settings) and _says_more(
        more, long_share, accepted, settings
    ):
        short, long_ = sorted((sig["content_a"], sig["content_b"]), reverse=True)
        return (
            "partial",
            (
                f"containment decided it: {short:.0%} of {side}'s content words are in {other} "
                f"(content_{side}), but only {long_:.0%} of {other}'s are in {side}: {other} "
                f"says {more} content words more"
            ),
            side,
        )
    if quotes:
        small, big = sorted((qa, qb), key=len)
        inside = LCSseq.similarity(small, big) / len(small)
        side, other = ("a", "b") if small is qa else ("b", "a")
        more, long_share = (extra[1], sig["content_b"]) if other == "b" else (
            extra[0], sig["content_a"])
        if (
            _is_near_verbatim(inside, settings)
            and len(big) >= len(small) / settings.partial_long
            and (not accepted or _says_more(more, long_share, accepted, settings))
        ):
            return (
                "partial",
                (
                    f"the quotes decided it: {inside:.0%} of the words {side} quotes appear in "
                    f"order inside {other}'s longer quote"
                ),
                side,
            )
    return None, "", ""


def quoted_words(article: Article) -> tuple[tuple[str, ...], ...]:
    """The normalised quoted words of each sentence (what the quote rules compare)."""
    return tuple(_quoted(article))


class _Report:
    """Per-sentence data of one side that relations need (from its features)."""

    def __init__(
        self,
        quoted: tuple[tuple[str, ...], ...],
        features: similarity.Features,
        words: Sequence[Sequence[Word]] = (),
    ):
        self.words = words
        self.plain = features.words
        self.content = features.content_words
        self.stems = features.stems
        self.quoted = quoted
        self.quoted_length = np.fromiter(map(len, quoted), np.int64, len(quoted))

    def details(self, indices: tuple[int, ...]) -> dict[str, set[str]]:
        """The names (capitalised words, not first in their sentence) and numbers of
        sentences ``indices``, as the ``names`` and ``numbers`` signals see them."""
        found: dict[str, set[str]] = {"names": set(), "numbers": set()}
        for i in indices:
            kept = [w for w in self.words[i] if w.is_word] if i < len(self.words) else []
            for k, w in enumerate(kept):
                if w.norm[:1].isdigit():
                    found["numbers"].add(w.norm)
                elif k and w.text[:1].isupper():
                    found["names"].add(w.text)
        return found

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
    sts: float,
    settings: Settings,
    force: str = "",
    event: str = "",
) -> tuple[Link | None, str]:
    """The link between sentences ``ia`` of a and ``ib`` of b, or None if they do not link.

    ``sig``, ``prob`` and ``sts`` are the pair's signals, same-content probability and
    STS regression (scored with the other pairs, by the shipped models or an embedding
    backend's); ``force`` (merged partial links: how the sides were joined) makes a
    ``partial`` link when no closer relation holds and the model does not accept the
    merged sides (accepted, they are a ``paraphrase``, as any accepted pair that is not
    partial by content; its reason says how they were joined too). ``event``: the pair
    tells one event, by its details (:data:`_BY_DETAILS`) or as two leads
    (:data:`_BY_LEAD`; both found by :func:`_one_event`), which makes a ``partial`` link
    when nothing else links it. Also returns the contained side of a partial link
    (``""`` otherwise; :data:`_SAME_EVENT` for a partial of one event, never merged).
    """
    stems_a, stems_b = set(ra.join("stems", ia)), set(rb.join("stems", ib))
    relation, reason, contained = _relation(
        sig,
        ra.join("plain", ia),
        rb.join("plain", ib),
        ra.join("quoted", ia),
        rb.join("quoted", ib),
        settings,
        (len(stems_a - stems_b), len(stems_b - stems_a)),
        bool(_is_paraphrase(prob, settings)),
    )
    def shared_words() -> tuple[str, ...]:
        return _shared_words(ra.join("content", ia), rb.join("content", ib),
                             ra.join("stems", ia), rb.join("stems", ib))

    if relation is None and force and not _is_paraphrase(prob, settings):
        relation, reason = "partial", f"containment decided it: {force}"
    elif relation is None and event and not _is_paraphrase(prob, settings):
        relation, contained = "partial", _SAME_EVENT
        reason = _event_reason(ra, rb, ia, ib, shared_words(), (len(stems_a - stems_b),
                                                                len(stems_b - stems_a)),
                               settings.event_lead if event == _BY_LEAD else 0)
    elif relation is None:
        if not _is_paraphrase(prob, settings):
            return None, ""
        relation = "paraphrase"
        reason = (
            f"the same-content probability decided it: {prob:.2f} passes the link "
            f"threshold {settings.link_threshold:.2f} ({_evidence(sig, ra, rb, ia, ib)})"
            + (f"; {force}" if force else "")
        )
    shared = shared_words()
    if relation == "partial" and len(shared) < settings.partial_min_shared and not force:
        return None, ""
    covered = max(sig["content_a"], sig["content_b"])
    score = 1.0 if relation == "identical" else max(prob, covered)
    graded = 1.0 if relation == "identical" else sts
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
        similarity=round(graded, 6),
    )
    return link, contained


_SAME_EVENT = "event"
"""The contained side that :func:`_make_link` gives a partial link of one event."""
_BY_DETAILS, _BY_LEAD = "details", "lead"
"""What tells :func:`_make_link` that a pair is one event: its shared details, its leads."""


def _listed(items: Sequence[str]) -> str:
    return ", ".join(items[:6]) + (", ..." if len(items) > 6 else "")


def _event_reason(ra: _Report, rb: _Report, ia, ib, shared: tuple[str, ...],
                  extra: tuple[int, int], lead: int = 0) -> str:
    """Why two sentences are a partial link of one event: the names and numbers both
    mention and the other content words they share (``lead``: both are among the first
    ``lead`` sentences of their reports, and the words they share), and which side
    tells more."""
    da, db = ra.details(ia), rb.details(ib)
    details = sorted(da["names"] & db["names"]) + sorted(da["numbers"] & db["numbers"])
    folded = {d.lower() for d in details}
    words = [w for w in shared if w not in folded]
    if extra[0] == extra[1]:
        more = f"each side tells {extra[0]} content words the other does not use"
    else:
        side = "a" if extra[0] > extra[1] else "b"
        more = f"{side} tells more ({max(extra)} content words the other does not use)"
    if lead:
        evidence = (f"both are among the first {lead} sentences of their reports (the lead, "
                    f"which tells the main event) and share the words {_listed(shared)}")
    else:
        evidence = f"both mention {_listed(details)} and share the words {_listed(words)}"
    return (f"the same event decided it: {evidence}, though the same-content model does not "
            f"accept them as one content; {more}")


def _evidence(sig: dict[str, float], ra: _Report, rb: _Report, ia, ib) -> str:
    """The kinds of evidence behind a paraphrase, in words: the wording signal that is
    strongest, and the names and numbers both sides mention (with their agreement)."""
    parts = [f"wording: strongest signal {_strongest(sig)}"]
    da, db = ra.details(ia), rb.details(ib)
    for kind in ("names", "numbers"):
        shared = sorted(da[kind] & db[kind])
        if shared:
            listed = ", ".join(shared[:5]) + (", ..." if len(shared) > 5 else "")
            parts.append(f"shared {kind}: {listed} ({kind} = {sig[kind]:.2f})")
    return "; ".join(parts)


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


def _group_vectors(vectors: np.ndarray, groups: Sequence[tuple[int, ...]]) -> np.ndarray:
    """One unit vector per group of sentences: the sum of their vectors, normalised (a
    prepared report holds one vector per sentence, not one per group)."""
    summed = np.stack([np.asarray(vectors)[list(g)].astype(np.float64).sum(axis=0)
                       for g in groups])
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    return summed / np.where(norms > 0, norms, 1.0)


def _scored(
    a: Article,
    b: Article,
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]],
    embeddings: tuple | None = None,
    params: dict | None = None,
) -> tuple[list[dict[str, float]], np.ndarray, np.ndarray]:
    """Signals, same-content probability and STS regression (in [0, 1]) of each ``(a
    sentences, b sentences)`` group (with ``embeddings``, the two reports' sentence
    vectors, the cosine of the groups' vectors too, scored with the backend's
    ``params``)."""
    fa, fb = similarity.featurize(
        [tuple(w for i in ia for w in a.words[i]) for ia, _ in groups],
        [tuple(w for j in ib for w in b.words[j]) for _, ib in groups],
    )
    k = np.arange(len(groups))
    sig = similarity.signals_for_pairs(fa, fb, k, k)
    if embeddings is not None:
        vectors = (_group_vectors(embeddings[0], [ia for ia, _ in groups]),
                   _group_vectors(embeddings[1], [ib for _, ib in groups]))
        sig = similarity.with_cosine(sig, vectors, k, k)
    names = similarity.signal_names(sig)
    rows = [dict(zip(names, map(float, r), strict=True)) for r in sig]
    return rows, similarity.apply_model(sig, params=params), similarity.apply_model(
        sig, "sts", params)


_Columns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _columns(sig: np.ndarray, prob: np.ndarray, ra: _Report, rb: _Report, ia, ib) -> _Columns:
    """The arguments of :func:`_may_link` for candidate pairs ``(ia, ib)``."""
    col = {s: sig[:, k] for k, s in enumerate(similarity.SIGNALS)}
    return (prob, col["word_edit"], col["content_a"], col["content_b"],
            ra.quoted_length[ia], rb.quoted_length[ib])


def _parts(report: Article | Prepared) -> tuple[Article, similarity.SentenceFeatures, tuple]:
    """A report's article, sentence features and quoted words (a prepared report's own)."""
    if isinstance(report, Prepared):
        return report.article, report_features(report), report.quoted
    return report, similarity.sentence_features(report.words), quoted_words(report)


def _embeddings(a, b, settings: Settings) -> tuple[tuple | None, dict | None]:
    """The two reports' sentence vectors and the parameters fitted with their model, when
    the settings name an embedding backend and both reports were prepared with it."""
    if settings.backend == similarity.LEXICAL:
        return None, None
    ea, eb = (getattr(r, "embeddings", None) for r in (a, b))
    if ea is None or eb is None:
        return None, None
    backend = similarity.backend_for(settings)
    assert backend is not None  # only the lexical backend has none
    return (ea, eb), backend.parameters


def _vectors(report: Article | Prepared) -> np.ndarray | None:
    """A prepared report's sentence embeddings (None without a backend or for an article)."""
    vectors = getattr(report, "embeddings", None)
    return None if vectors is None else np.asarray(vectors)


def align(
    a: Article | Prepared, b: Article | Prepared, settings: Settings | None = None
) -> tuple[Link, ...]:
    """Links between the sentences of ``a`` and ``b``, sorted by first a then first b index.

    ``a`` and ``b`` are articles or prepared reports (:func:`compare.prepare.prepare`);
    ``settings`` (:class:`compare.settings.Settings`) gives the thresholds, the defaults
    when None.
    """
    return align_scored(a, b, settings)[0]


def align_scored(
    a: Article | Prepared,
    b: Article | Prepared,
    settings: Settings | None = None,
    candidates: Callable = similarity.candidates,
) -> tuple[tuple[Link, ...], Scores]:
    """:func:`align`, and the scores of the candidate pairs (:class:`Scores`).

    ``candidates`` generates the candidate pairs (see :mod:`compare.similarity.candidates`).
    """
    settings = settings or DEFAULT
    embeddings, params = _embeddings(a, b, settings)
    a_in, b_in = a, b
    (a, xa, qa), (b, xb, qb) = _parts(a), _parts(b)
    if not a.sentences or not b.sentences:
        return (), Scores()
    fa, fb = similarity.join(xa, xb)
    ea, eb = _vectors(a_in), _vectors(b_in)
    vectors = (ea, eb) if ea is not None and eb is not None else None
    ia, ib = candidates(fa, fb, settings, embeddings=vectors)
    if len(ia) == 0:
        return (), Scores()
    ra, rb = _Report(qa, fa, a.words), _Report(qb, fb, b.words)
    # The costly deferred signals are computed only for pairs that can become links: the
    # rules are applied with an upper bound of the probability whatever those signals
    # are (an exact bound: the links do not change), then with the probability itself.
    sig = similarity.signals_for_pairs(fa, fb, ia, ib, skip=settings.deferred)
    sig = similarity.with_cosine(sig, embeddings, ia, ib)
    bound = similarity.probability_bound(sig, params=params)
    # every candidate of a sentence in a pair of one event gets its exact probability:
    # the event link goes to the likeliest of them (_best_in_line)
    keep = _may_link(*_columns(sig, bound, ra, rb, ia, ib), settings)
    event = lead = np.zeros(len(ia), dtype=bool)
    if settings.event_links:
        event, lead = _one_event(fa, fb, ia, ib, settings)
        keep |= np.isin(ia, ia[event]) | np.isin(ib, ib[event]) | lead
    scored_a, scored_b, upper, first = ia, ib, bound, sig
    ia, ib, event, lead = ia[keep], ib[keep], event[keep], lead[keep]
    sig = similarity.complete_signals(fa, fb, ia, ib, sig[keep])
    prob = similarity.apply_model(sig, params=params)
    sts = similarity.apply_model(sig, "sts", params)
    graded = _candidate_similarity(fa, fb, (scored_a, scored_b), first, keep, sts, params)
    chosen_by = _may_link(*_columns(sig, prob, ra, rb, ia, ib), settings)
    kinds: list[str] = []
    if settings.event_links:
        event &= _best_in_line(ia, ib, prob)
        chosen_by |= event | lead
        kinds = np.where(event, _BY_DETAILS, np.where(lead, _BY_LEAD, ""))[chosen_by].tolist()
    chosen = np.flatnonzero(chosen_by)
    pairs: list[tuple[Link, str]] = []
    for i, j, values, p, g, e in zip(
        ia[chosen].tolist(),
        ib[chosen].tolist(),
        sig[chosen].tolist(),
        prob[chosen].tolist(),
        sts[chosen].tolist(),
        kinds or [""] * len(chosen),
        strict=True,
    ):
        row = dict(zip(similarity.signal_names(sig), values, strict=True))
        link, contained = _make_link(ra, rb, (i,), (j,), row, p, g, settings, event=e)
        if link is not None:
            pairs.append((link, contained))
    upper = upper.copy()
    upper[keep] = prob
    scores = Scores(
        a=tuple(scored_a.tolist()),
        b=tuple(scored_b.tolist()),
        probability=tuple(np.round(upper, 6).tolist()),
        exact=tuple(keep.tolist()),
        similarity=tuple(np.round(graded, 6).tolist()),
    )
    merged = _merge_partials(a, b, ra, rb, pairs, settings, embeddings, params)
    return merged, scores


def _candidate_similarity(
    fa: similarity.Features,
    fb: similarity.Features,
    pairs: tuple[np.ndarray, np.ndarray],
    first: np.ndarray,
    keep: np.ndarray,
    kept: np.ndarray,
    params: dict | None,
) -> np.ndarray:
    """The graded similarity of every candidate pair: the STS regression of its signals
    (``kept``: that regression of the pairs ``keep``, whose signals are complete), 1 for
    the same words (as :attr:`Link.similarity`). The other candidates' costly signals
    were not computed (``first`` holds NaN there): the shipped ``sts_cheap`` regression,
    fitted without them, scores those; an embedding backend's parameters have no such
    model, so their costly signals are computed."""
    ia, ib = pairs
    graded = np.empty(len(ia))
    if len(kept):
        graded[keep] = kept
        for k in np.flatnonzero(keep).tolist():
            if fa.words[ia[k]] == fb.words[ib[k]]:
                graded[k] = 1.0
    rest = ~keep
    if rest.any():
        if params is None or "sts_cheap" in params["models"]:
            graded[rest] = similarity.apply_model(first[rest], "sts_cheap", params)
        else:
            full = similarity.complete_signals(fa, fb, ia[rest], ib[rest], first[rest])
            graded[rest] = similarity.apply_model(full, "sts", params)
    return graded


def _merge_partials(
    a: Article,
    b: Article,
    ra: _Report,
    rb: _Report,
    pairs: list[tuple[Link, str]],
    settings: Settings,
    embeddings: tuple | None = None,
    params: dict | None = None,
) -> tuple[Link, ...]:
    """Merge partial links that share their containing sentence into one-to-many links
    (scored as :func:`_scored` scores groups; ``params``: an embedding backend's); partial
    links of one event are kept as they are."""
    links = [p for p, contained in pairs if p.relation != "partial" or contained == _SAME_EVENT]
    groups: dict[tuple[str, int], list[Link]] = {}
    for p, contained in pairs:
        if p.relation == "partial" and contained != _SAME_EVENT:
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
        sigs, probs, sts = _scored(a, b, merges, embeddings, params)
        for (ia, ib), sig, prob, g, why in zip(merges, sigs, probs, sts, reasons, strict=True):
            link = _make_link(ra, rb, ia, ib, sig, float(prob), float(g), settings,
                              force=why)[0]
            assert link is not None  # a forced link is always made
            links.append(link)
    return tuple(sorted(links, key=lambda x: (min(x.a), min(x.b), x.a, x.b)))


def _merged_reason(side: str, parts: tuple[int, ...], other: str, index: int) -> str:
    listed = ", ".join(map(str, parts[:-1])) + f" and {parts[-1]}"
    return (
        f"sentences {listed} of {side} are each largely contained in sentence {index} of "
        f"{other}, which they split between them"
    )
