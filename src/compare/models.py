"""The records every step of the pipeline passes on.

All results are frozen dataclasses over plain data. Every ``start``/``end`` pair
is a character span into the *original* text of one report (``text[start:end]``),
and ``a`` / ``b`` always name the two reports, as in :mod:`difflib`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from compare.records import (
    DETAIL_KINDS,
    DETAIL_STATUSES,
    EDIT_KINDS,
    RELATIONS,
    UNIQUE,
    VERDICTS,
    Credit,
    QuoteSpan,
    Sentence,
    Word,
    has_letter_or_digit,
)


class FrozenMap(Mapping):
    """A read-only mapping (``Link.signals``, ``Verdict.scores``, ``Article.meta``).

    Unlike :class:`types.MappingProxyType` it pickles and deep-copies with the standard
    library (a process pool or a Dask worker can send records back), and it is hashable,
    so the frozen records holding one are too. It equals any mapping with the same items.
    """

    __slots__ = ("_dict", "_items")

    def __init__(self, items: Mapping | None = None):
        self._dict = dict(items or {})
        self._items = tuple(self._dict.items())

    def __getitem__(self, key):
        return self._dict[key]

    def __iter__(self) -> Iterator:
        return iter(self._dict)

    def __len__(self) -> int:
        return len(self._dict)

    def __hash__(self) -> int:
        return hash(frozenset(self._items))

    def __reduce__(self):
        return (FrozenMap, (self._dict,))

    def __repr__(self) -> str:
        return f"FrozenMap({self._dict!r})"


def frozen_mapping(items: Mapping | None = None) -> FrozenMap:
    """A read-only copy of ``items`` with its keys sorted (deterministic output)."""
    return FrozenMap(dict(sorted((items or {}).items())))


@dataclass(frozen=True)
class Article:
    """One report: its original text, metadata and segmentation.

    Build one with :func:`compare.load_article` (files, pages, URLs, stdin) or
    :meth:`Article.from_text`.
    """

    name: str
    text: str
    meta: Mapping[str, str]
    sentences: tuple[Sentence, ...]
    credits: tuple[Credit, ...]
    words: tuple[tuple[Word, ...], ...] = field(repr=False)

    def __repr__(self) -> str:
        return (f"<Article {self.name!r}: {len(self.sentences)} sentences, "
                f"{len(self.text):,} characters>")

    @cached_property
    def quote_spans(self) -> tuple[QuoteSpan, ...]:
        """The stretches of the text inside quotation marks
        (:func:`compare.segment.quote_spans`), found on first use and kept: quotes,
        speakers, names, links and diffs all read them."""
        from compare.segment import quote_spans

        return quote_spans(self.text)

    @classmethod
    def from_text(
        cls, text: str, name: str = "text", meta: Mapping[str, str] | None = None
    ) -> Article:
        """Segment ``text`` (kept exactly as given) into sentences and words."""
        from compare.segment import find_credits, split_sentences, tokenize

        if not text.strip():
            raise ValueError(f"{name}: the article is empty")
        sentences = split_sentences(text)
        words = tuple(tokenize(text, s.start, s.end) for s in sentences)
        return cls(
            name=name,
            text=text,
            meta=frozen_mapping(meta),
            sentences=sentences,
            credits=find_credits(text),
            words=words,
        )


@dataclass(frozen=True, eq=False)
class Prepared:
    """What every comparison of one report needs, computed once by
    :func:`compare.prepare.prepare` (however many reports it is compared with).

    ``features`` are the partner-free similarity features of its sentences
    (:class:`compare.similarity.SentenceFeatures`), ``quoted`` the normalised quoted
    words of each sentence (for the quote rules of :mod:`compare.align`), ``details``
    its numbers, dates and names, ``quotes`` its direct quotes and ``quote_words`` the
    normalised words of each quote. ``backend`` names the similarity backend the record
    was prepared for; ``embeddings`` holds one L2-normalised float32 row per sentence,
    or None for the ``"lexical"`` backend. It pickles (send it to a worker once) and
    compares equal by value.
    """

    article: Article
    features: object = field(repr=False)
    quoted: tuple[tuple[str, ...], ...] = field(repr=False)
    details: tuple[Detail, ...] = field(repr=False)
    quotes: tuple[Quote, ...] = field(repr=False)
    quote_words: tuple[tuple[str, ...], ...] = field(repr=False)
    backend: str = "lexical"
    embeddings: object = field(default=None, repr=False)
    function_share: float | None = field(default=None, repr=False)

    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other) -> bool:
        if type(other) is not Prepared:
            return NotImplemented
        if (self.embeddings is None) != (other.embeddings is None):
            return False
        if self.embeddings is not None:
            import numpy as np

            if not np.array_equal(np.asarray(self.embeddings), np.asarray(other.embeddings)):
                return False
        return (self.article, self.backend, self.quoted, self.details, self.quotes,
                self.quote_words, self.function_share) == (
                    other.article, other.backend, other.quoted, other.details, other.quotes,
                    other.quote_words, other.function_share) \
            and self.features == other.features

    def __repr__(self) -> str:
        return (f"Prepared({self.article.name!r}: {len(self.article.sentences)} sentences, "
                f"{len(self.details)} details, {len(self.quotes)} quotes, "
                f"backend {self.backend!r})")


def article_of(report: Article | Prepared) -> Article:
    """The article of a report given as an :class:`Article` or a :class:`Prepared` one."""
    return report.article if isinstance(report, Prepared) else report


class Records(tuple):
    """A tuple of result records that can become a pandas table (``to_frame()``).

    ``kind`` is the record class, so that an empty collection still gives a table with
    the right columns.
    """

    kind: type | None

    def __new__(cls, items=(), kind: type | None = None):
        records = super().__new__(cls, items)
        records.kind = kind if kind is not None or not records else type(records[0])
        return records

    def __repr__(self) -> str:
        kind = self.kind.__name__ if self.kind is not None else "records"
        return f"<Records of {len(self)} {kind}>"

    def to_frame(self):
        """One row per record, one column per field (spans and indices kept)."""
        from compare.tables import records_frame

        return records_frame(self, self.kind)


# --- alignment and overlap -------------------------------------------------------



@dataclass(frozen=True)
class Link:
    """Sentences ``a`` of report a say the same thing as sentences ``b`` of report b.

    ``a`` and ``b`` are sorted sentence indices (one-to-many and many-to-one links
    have more than one). ``score`` is in [0, 1]. ``shared_words`` are the normalised
    content words both sides use, in a's order; ``signals`` holds every similarity
    signal's value and ``reason`` says in words which signal decided the relation.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    relation: str
    shared_words: tuple[str, ...]
    signals: Mapping[str, float] = field(repr=False)
    reason: str = field(repr=False)
    similarity: float = 0.0
    """Graded similarity in [0, 1]: the STS regression of the signals (fitted on the
    STS-news 0-5 scores, divided by 5 and clipped), 1 for identical links. Unlike
    ``score`` (same content or not), it ranks pairs by how alike their content is."""


@dataclass(frozen=True)
class Passage:
    """A maximal run of words found in both reports, like ``difflib.Match`` in characters.

    ``a.text[a_start:a_end]`` and ``b.text[b_start:b_end]`` hold the same ``words``
    words (after normalisation); ``text`` is a's wording.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    text: str


@dataclass(frozen=True)
class Coverage:
    """How much of report ``of`` report ``by`` covers, as shares of ``of``'s content words.

    ``verbatim + paraphrase + absent == 1`` (all 0 for a report with no content word).
    ``sentences`` gives each sentence of ``of`` its status: a relation or ``unique``.
    """

    of: str
    by: str
    verbatim: float
    paraphrase: float
    absent: float
    content_words: int
    sentences: tuple[str, ...]




@dataclass(frozen=True)
class Verdict:
    """How report b relates to report a, with the scores behind it."""

    label: str
    scores: Mapping[str, float] = field(repr=False)
    reason: str = field(repr=False)


# --- details and quotes ----------------------------------------------------------



@dataclass(frozen=True)
class Detail:
    """One mention of a fact in one report: ``text`` is ``article.text[start:end]``.

    ``value`` is the normalised key that mentions in the two reports are matched on
    (``100,000`` and ``one hundred thousand`` both give ``100000``); ``category`` is
    finer than ``kind`` (``quantity``, ``year``, ``person``, ``organisation``, ``place``).
    """

    kind: str
    category: str
    text: str
    value: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class DetailMatch:
    """A fact compared across the reports: shared, only in one, or conflicting."""

    kind: str
    category: str
    value: str
    text: str
    status: str
    in_a: tuple[int, ...]
    in_b: tuple[int, ...]
    a: tuple[Detail, ...] = field(repr=False)
    b: tuple[Detail, ...] = field(repr=False)
    note: str = ""


@dataclass(frozen=True)
class Quote:
    """A direct quote: ``text`` is the quoted words inside the marks (``article.text[start:end]``).

    ``speaker``, ``verb`` (the cue verb: said, told, acknowledged…) and ``setting``
    (``told an online press conference``) are empty when the report does not give them.
    ``partial`` is True for a few quoted words inside a sentence (``suspended "all support"``).
    """

    start: int
    end: int
    text: str
    speaker: str
    verb: str
    setting: str
    sentences: tuple[int, ...]
    partial: bool


# --- wording ---------------------------------------------------------------------



@dataclass(frozen=True)
class Op:
    """One word-level edit, named as ``difflib`` opcodes are.

    ``i1:i2`` and ``j1:j2`` index the two word sequences compared; ``a_start:a_end`` and
    ``b_start:b_end`` are the same words as spans of the original texts (empty spans at
    the insertion point for ``insert`` and ``delete``). ``kind`` classes a change (one of
    ``EDIT_KINDS``) and is ``""`` for ``equal``.
    """

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    kind: str


@dataclass(frozen=True)
class QuotePair:
    """The same quote in both reports (``a`` and ``b``), or a quote only one report has.

    ``status`` is ``same``, ``reworded``, ``only_a`` or ``only_b``; ``ops`` are the
    word-level edits from a's rendering to b's (empty when one side is missing).
    ``note`` says when one report quotes only part of the other's quote, or repeats it.
    """

    a: Quote | None
    b: Quote | None
    score: float
    status: str
    ops: tuple[Op, ...] = field(repr=False)
    note: str = ""

    def _repr_html_(self) -> str:
        from compare.render import quote_pair_html

        return quote_pair_html(self)


@dataclass(frozen=True)
class Diff:
    """Word-level edits that turn the sentences ``a`` of report a into sentences ``b``."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    relation: str
    ops: tuple[Op, ...] = field(repr=False)

    def _repr_html_(self) -> str:
        from compare.render import ops_html

        return ops_html(self.ops)


@dataclass(frozen=True)
class Framing:
    """A difference in how the two reports frame the same statement.

    ``kind`` is ``attribution`` (different cue verbs: blames / blamed, acknowledged /
    conceded), ``hedge`` or ``intensifier`` (a word one report adds). ``a_text`` /
    ``b_text`` are the words each report uses (``""`` where it has none), with spans.
    """

    kind: str
    a: tuple[int, ...]
    b: tuple[int, ...]
    a_text: str
    b_text: str
    a_span: tuple[int, int] | None
    b_span: tuple[int, int] | None
    note: str


@dataclass(frozen=True)
class Scores:
    """The same-content scores the aligner computed, for its candidate pairs only.

    ``a[k]`` and ``b[k]`` are sentence indices and ``probability[k]`` the probability of
    :func:`compare.similarity.pair_score` for that pair when ``exact[k]``; otherwise an
    upper bound of it, below the link threshold (the aligner left the pair out before
    its costliest signal). Pairs not listed are not candidates: their score is low.
    Presentation (heat map, page) reads these instead of scoring every pair again.
    ``similarity[k]`` is the pair's graded similarity in [0, 1], linked or not: the STS
    regression of :attr:`Link.similarity` when ``exact[k]`` (1 for the same words); for
    the other pairs, whose costliest signals were left out, the ``sts_cheap`` regression
    fitted without them on the same STS-news scores.
    """

    a: tuple[int, ...] = ()
    b: tuple[int, ...] = ()
    probability: tuple[float, ...] = ()
    exact: tuple[bool, ...] = ()
    similarity: tuple[float, ...] = ()

    def to_frame(self):
        """One row per candidate pair: ``a``, ``b``, ``probability``, ``exact``,
        ``similarity``."""
        from compare.tables import scores_frame

        return scores_frame(self)

    def __len__(self) -> int:
        return len(self.a)

    def __repr__(self) -> str:
        return f"Scores({len(self)} candidate pairs, {sum(self.exact)} exact)"


@dataclass(frozen=True)
class SameStory:
    """Whether two reports tell the same story (:mod:`compare.story`).

    ``probability`` is the calibrated probability that both report the same event (a
    logistic regression over document evidence, ``data/story.json``) and
    ``same_event`` whether it reaches ``threshold``; ``reason`` says it in words and
    ``signals`` holds the evidence (TF-IDF cosine of the whole texts, shared names,
    places, numbers, dates and quoted words, linked share, embedding cosine);
    ``model`` names the fitted model used (``document`` or ``full``).
    """

    probability: float
    same_event: bool
    threshold: float
    reason: str = field(repr=False)
    signals: Mapping[str, float] = field(repr=False)
    model: str = "full"


# --- the whole comparison --------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """Everything :func:`compare.compare` finds about two reports of one event.

    Each collection (``links``, ``passages``, ``details``, ``quotes``, ``diffs``,
    ``framing``) is a :class:`Records` tuple with ``to_frame()``; ``to_frame()`` on the
    comparison itself gives one row per sentence of both reports with its status.
    ``diffs[k]`` is the word-level diff of ``links[k]``.
    """

    a: Article
    b: Article
    links: Records
    passages: Records
    coverage: tuple[Coverage, Coverage]
    verdict: Verdict
    details: Records
    quotes: Records
    diffs: Records
    framing: Records
    notes: tuple[str, ...] = ()
    """What a reader should know about the input: identical reports, nothing in common,
    text that does not look like English, a page extracted from HTML."""
    scores: Scores = field(default_factory=Scores, repr=False)
    """The candidate pairs' scores the aligner computed (see :class:`Scores`)."""
    story: SameStory | None = None
    """Whether the two reports tell the same story (:class:`SameStory`; None only for a
    comparison built by hand)."""

    @property
    def similarity(self) -> float:
        """How likely the two reports tell the same story, in [0, 1]: the calibrated
        same-event probability of :attr:`story` (NaN when there is none)."""
        return self.story.probability if self.story is not None else float("nan")

    def similarity_of(self, i: int, j: int) -> float | None:
        """The graded similarity in [0, 1] of sentence ``i`` of a and sentence ``j`` of b,
        linked or not (:attr:`Scores.similarity`); None for a pair that was no candidate
        (it shares too little to be scored; ``compare.similarity.pair_similarity(
        result.a.words[i], result.b.words[j])`` computes it)."""
        if not (0 <= i < len(self.a.sentences) and 0 <= j < len(self.b.sentences)):
            raise IndexError(f"no sentence pair ({i}, {j}): a has {len(self.a.sentences)} "
                             f"sentences, b {len(self.b.sentences)}")
        scores = self.scores
        for k, (x, y) in enumerate(zip(scores.a, scores.b, strict=True)):
            if x == i and y == j and k < len(scores.similarity):
                return scores.similarity[k]
        return None

    def partners(self, side: str) -> tuple[tuple[int, ...], ...]:
        """For each sentence of report ``side`` (``"a"`` or ``"b"``), the sorted sentences
        of the other report it is linked to (empty for a unique sentence)."""
        article = self.a if side == "a" else self.b
        other = "b" if side == "a" else "a"
        found: list[set[int]] = [set() for _ in article.sentences]
        for link in self.links:
            for i in getattr(link, side):
                found[i].update(getattr(link, other))
        return tuple(tuple(sorted(p)) for p in found)

    def __repr__(self) -> str:
        from compare.present import relation_counts

        relations = ", ".join(f"{n} {r}" for r, n in sorted(
            relation_counts(self).items(), key=lambda item: RELATIONS.index(item[0])))
        return (f"<Comparison a={self.a.name!r} ({len(self.a.sentences)} sentences) "
                f"b={self.b.name!r} ({len(self.b.sentences)}): {len(self.links)} links"
                f"{f' ({relations})' if relations else ''}, verdict {self.verdict.label!r}>")

    def to_frame(self):
        """One row per sentence of a and of b: its text, status and partner sentences."""
        from compare.tables import sentences_frame

        return sentences_frame(self)

    def _repr_html_(self) -> str:
        from compare.render import comparison_summary_html

        return comparison_summary_html(self)


# --- many reports of one event (compare.collate) ----------------------------------


@dataclass(frozen=True)
class StatementGroup:
    """Sentences of different reports that say the same thing (linked, directly or
    through other reports' sentences).

    ``sentences`` are ``(report, sentence)`` index pairs, sorted; a group may hold one
    sentence or several of one report. ``reports`` are the reports that carry it and
    ``support`` says how many: ``all``, ``most`` (more than half), ``some`` or ``one``.
    """

    sentences: tuple[tuple[int, int], ...]
    reports: tuple[int, ...]
    support: str


@dataclass(frozen=True)
class FactGroup:
    """A number, date or name with the reports that carry it.

    ``mentions`` are ``(report, sentence)`` pairs; ``text`` is the first mention's
    wording; ``conflict`` is True when some report gives another value for it (see
    :class:`FactConflict`).
    """

    kind: str
    category: str
    value: str
    text: str
    reports: tuple[int, ...]
    mentions: tuple[tuple[int, int], ...]
    conflict: bool = False


@dataclass(frozen=True)
class FactConflict:
    """Reports ``a`` and ``b`` (indices) give the same counted thing different values;
    ``a_text``/``b_text`` are their words, ``a_sentences``/``b_sentences`` where."""

    kind: str
    category: str
    a: int
    b: int
    a_text: str
    b_text: str
    a_sentences: tuple[int, ...]
    b_sentences: tuple[int, ...]
    note: str


@dataclass(frozen=True)
class QuoteDiff:
    """How report ``b`` renders a quote report ``a`` also has: ``status`` is ``same``
    or ``reworded``, ``ops`` the word-level edits from a's rendering to b's."""

    a: int
    b: int
    status: str
    ops: tuple[Op, ...] = field(repr=False)


@dataclass(frozen=True)
class QuoteGroup:
    """One quoted statement across the reports: ``renderings`` are ``(report, Quote)``
    pairs (speaker and verb are each report's), ``diffs`` compare renderings pairwise."""

    reports: tuple[int, ...]
    renderings: tuple[tuple[int, Quote], ...]
    diffs: tuple[QuoteDiff, ...] = field(repr=False)

    @property
    def text(self) -> str:
        """The first rendering's words."""
        return self.renderings[0][1].text


@dataclass(frozen=True)
class PairCoverage:
    """The share of report ``of``'s content words report ``by`` covers (indices)."""

    of: int
    by: int
    verbatim: float
    paraphrase: float
    absent: float


@dataclass(frozen=True)
class QuoteCheck:
    """A report's quote held against the primary source: ``status`` is ``exact``,
    ``altered`` (``ops`` turn the source's words into the report's) or ``not_found``;
    ``source_start:source_end`` is the source's wording (``-1`` when not found)."""

    report: int
    quote: Quote
    status: str
    source_start: int
    source_end: int
    ops: tuple[Op, ...] = field(repr=False)


@dataclass(frozen=True)
class Fidelity:
    """How much of report ``report`` comes from the source: shares of its content words
    found there verbatim and in paraphrase, and its quotes by check status."""

    report: int
    verbatim: float
    paraphrase: float
    absent: float
    exact: int
    altered: int
    not_found: int


@dataclass(frozen=True)
class Collation:
    """Everything :func:`compare.collate.collate` finds about many reports of one event.

    ``reports`` are the articles in the order given; every index below is into it.
    ``pairs`` holds one :class:`Comparison` per unordered pair, a = the earlier report
    (:meth:`pair` finds one). ``source`` is the primary source (or None) and
    ``source_pairs[i]`` compares report i (a) with it (b); ``source_unused`` are the
    source's sentences no report carries.
    """

    reports: tuple[Article, ...]
    pairs: tuple[Comparison, ...] = field(repr=False)
    groups: Records = field(repr=False)
    facts: Records = field(repr=False)
    conflicts: Records = field(repr=False)
    quotes: Records = field(repr=False)
    coverage: Records = field(repr=False)
    source: Article | None = None
    source_pairs: tuple[Comparison, ...] = field(default=(), repr=False)
    fidelity: Records = field(default_factory=lambda: Records((), Fidelity), repr=False)
    quote_checks: Records = field(default_factory=lambda: Records((), QuoteCheck), repr=False)
    source_unused: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()

    def pair(self, i: int, j: int) -> Comparison:
        """The comparison of reports ``i`` and ``j`` (a = the earlier one)."""
        n = len(self.reports)
        i, j = min(i, j), max(i, j)
        if i == j or not 0 <= i < j < n:
            raise IndexError(f"no pair ({i}, {j}) among {n} reports")
        return self.pairs[i * n - i * (i + 1) // 2 + (j - i - 1)]

    def unique(self, report: int) -> tuple[StatementGroup, ...]:
        """The statement groups only report ``report`` carries."""
        return tuple(g for g in self.groups if g.reports == (report,))

    def __repr__(self) -> str:
        names = ", ".join(repr(r.name) for r in self.reports)
        source = f", source {self.source.name!r}" if self.source is not None else ""
        return (f"<Collation of {len(self.reports)} reports ({names}){source}: "
                f"{len(self.groups)} statement groups, {len(self.facts)} facts, "
                f"{len(self.conflicts)} conflicts, {len(self.quotes)} quotes>")

    def to_frame(self, part: str = "groups"):
        """A pandas table of one part: ``reports`` (one row each, with fidelity to the
        source), ``coverage`` (the matrix), ``groups``, ``facts`` (a column per report),
        ``conflicts`` or ``quotes`` (one row per rendering)."""
        from compare.tables import COLLATION_FRAMES

        if part not in COLLATION_FRAMES:
            raise ValueError(f"part must be one of {', '.join(COLLATION_FRAMES)}, not {part!r}")
        return COLLATION_FRAMES[part](self)

    def _repr_html_(self) -> str:
        from compare.render import collation_summary_html

        return collation_summary_html(self)


# The records and names of compare.records are re-exported: import them from here.
__all__ = [
    "DETAIL_KINDS",
    "DETAIL_STATUSES",
    "EDIT_KINDS",
    "RELATIONS",
    "UNIQUE",
    "VERDICTS",
    "Article",
    "Collation",
    "Comparison",
    "Coverage",
    "Credit",
    "Detail",
    "DetailMatch",
    "Diff",
    "FactConflict",
    "FactGroup",
    "Fidelity",
    "Framing",
    "FrozenMap",
    "Link",
    "Op",
    "PairCoverage",
    "Passage",
    "Prepared",
    "Quote",
    "QuoteCheck",
    "QuoteDiff",
    "QuoteGroup",
    "QuotePair",
    "Records",
    "SameStory",
    "Scores",
    "Sentence",
    "StatementGroup",
    "Verdict",
    "Word",
    "article_of",
    "frozen_mapping",
    "has_letter_or_digit",
]
