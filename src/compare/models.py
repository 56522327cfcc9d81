"""The records every step of the pipeline passes on.

All results are frozen dataclasses over plain data. Every ``start``/``end`` pair
is a character span into the *original* text of one report (``text[start:end]``),
and ``a`` / ``b`` always name the two reports, as in :mod:`difflib`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from compare.records import (
    DETAIL_KINDS,
    DETAIL_STATUSES,
    EDIT_KINDS,
    RELATIONS,
    UNIQUE,
    VERDICTS,
    Credit,
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
                self.quote_words) == (other.article, other.backend, other.quoted,
                                      other.details, other.quotes, other.quote_words) \
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
    """

    a: tuple[int, ...] = ()
    b: tuple[int, ...] = ()
    probability: tuple[float, ...] = ()
    exact: tuple[bool, ...] = ()

    def __len__(self) -> int:
        return len(self.a)

    def __repr__(self) -> str:
        return f"Scores({len(self)} candidate pairs, {sum(self.exact)} exact)"


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


# The records and names of compare.records are re-exported: import them from here.
__all__ = [
    "DETAIL_KINDS",
    "DETAIL_STATUSES",
    "EDIT_KINDS",
    "RELATIONS",
    "UNIQUE",
    "VERDICTS",
    "Article",
    "Comparison",
    "Coverage",
    "Credit",
    "Detail",
    "DetailMatch",
    "Diff",
    "Framing",
    "FrozenMap",
    "Link",
    "Op",
    "Passage",
    "Prepared",
    "Quote",
    "QuotePair",
    "Records",
    "Scores",
    "Sentence",
    "Verdict",
    "Word",
    "article_of",
    "frozen_mapping",
    "has_letter_or_digit",
]
