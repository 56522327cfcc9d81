"""Every threshold and count the comparison uses, in one frozen record.

``compare(a, b, settings=Settings(link_threshold=0.5))`` passes one :class:`Settings` to
every step; the defaults are the values the shipped models were tuned with. A setting is
documented here and nowhere else; the modules read it from the record they are given
(no module constant to patch). ``Settings`` is a frozen dataclass of numbers and strings:
it pickles, compares equal by value and can be hashed (a cache or a Dask task can key on it).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    """Thresholds and counts of one comparison (see each field)."""

    # --- candidate pairs (compare.similarity.candidates) ---------------------------
    candidate_floor: float = 0.1
    """Lowest TF-IDF cosine of a candidate sentence pair."""
    top_k: int = 5
    """Each sentence keeps its best ``top_k`` candidates (by cosine) on the other side."""
    detail_top_k: int = 3
    """Each sentence also keeps the ``detail_top_k`` sentences of the other side with which
    it shares the most names and numbers (whatever their other words)."""
    embedding_top_k: int = 3
    """With sentence embeddings, each sentence also keeps its ``embedding_top_k`` nearest
    sentences of the other side by cosine."""
    embedding_floor: float = 0.5
    """Lowest embedding cosine of a candidate nominated by embeddings."""
    deferred: tuple[str, ...] = ("partial_ratio",)
    """Costly signals computed only for candidates whose same-content probability could
    still pass ``link_threshold`` whatever their value (an exact bound: no link changes;
    ``()`` computes them for every candidate)."""

    # --- relations of a link (compare.align) ---------------------------------------
    near_verbatim: float = 0.8
    """Word-level similarity (whole sentences or their quotes) for ``near_verbatim``;
    also the share of the shorter quote found in order in the longer one for a
    ``partial`` decided by quotes."""
    min_quote_words: int = 5
    """Both sides quote at least this many words for the quote tests to apply."""
    partial_short: float = 0.6
    """Share of the shorter side's content words found in the longer side for ``partial``."""
    partial_long: float = 0.6
    """The longer side's share found in the shorter side must be at most this for
    ``partial`` (and a quote-decided partial's longer quote is at least 1 / this times
    the shorter one)."""
    partial_extra: int = 4
    """The containing side of a ``partial`` link carries clearly more content: at least
    this many distinct content words (by stem) that the contained side does not use.
    Two short sentences that each miss a word or two of the other are not partial."""
    partial_accepted: float = 0.136
    """When the same-content model accepts a pair (``link_threshold``), it is ``partial``
    only if the longer side's share found in the shorter is at most this: what it adds
    far outweighs what the two share. Otherwise the pair is a ``paraphrase``. Fitted on
    MSRP train labels (``python training/fit_links.py``): every cut at or above the
    smallest share of such pairs there labelled more true paraphrases ``partial`` than
    pairs of other content, so the cut is half that share (the cross-validated figure
    is in ``benchmarks/bench_links.py``, which refits it inside each fold)."""
    partial_min_shared: int = 3
    """A partial link shares at least this many content words."""
    event_links: bool = False
    """Link two sentences of one event told in other words as ``partial`` (issue 10; see
    ``event_details``). Off by default: on the example reports it adds a link that the
    hand check calls wrong (a 16 / b 24: two different statements about NATO civilians
    at Kabul airport), and the example's hand-checked precision must stay 100%; on
    ECB+ even topics it lifts link recall (``benchmarks/bench_links.py``)."""
    event_details: int = 2
    """With ``event_links``, two sentences that the other tests leave unlinked are a
    ``partial`` link of one event when they share at least this many names and
    numbers (the event's participants, places, times and figures; counted as
    ``candidates`` counts them) ..."""
    event_words: int = 3
    """... and, besides the shared names, at least this many more content words (by stem:
    what happened, and its numbers), when no other candidate of one of the two sentences
    has a larger same-content probability. Both chosen on ECB+ *odd* topics only
    (``training/probe_link_recall.py --settings event_links=1,...``): among a small grid
    (benchmarks/README.md, "H40"), the values with the
    most recall whose new links share an annotated event chain at least as often as
    issue 10's precision goal (0.9); the even topics are the report part
    (``benchmarks/bench_links.py``)."""
    event_lead: int = 3
    """With ``event_links``, two sentences among the first ``event_lead`` of their reports
    (the lead, which tells the main event) are a ``partial`` link of one event when the
    other tests leave them unlinked and they share ..."""
    event_lead_words: int = 4
    """... at least this many content words (by stem). Both chosen on ECB+ *odd* topics
    only, with ``event_links`` on, as ``event_details`` was (the same criterion)."""
    link_threshold: float = 0.4
    """Same-content probability that makes a pair a link (a ``paraphrase`` when no closer
    relation holds). Lower than the accuracy-best cut on MSRP (``threshold`` in
    ``similarity.json``), whose pairs were all picked for looking alike; two reports of
    one event hold many sentences that look nothing alike, so a looser cut costs little."""
    prefilter: float = 0.4
    """Pairs below ``link_threshold`` are examined for a closer relation only when one
    side has at least this share of its content words in the other."""

    # --- passages and coverage (compare.overlap) -----------------------------------
    min_words: int = 5
    """Shortest shared verbatim passage, in words."""

    # --- similarity backend (compare.similarity.backends) --------------------------
    backend: str = "lexical"
    """Sentence similarity backend: ``"lexical"`` (the shipped signals, no embeddings),
    or with ``embeddings`` ``"auto"``, ``"sentence-transformers"`` or ``"onnx"``
    (:mod:`compare.similarity.backends`). A model given with ``"lexical"`` makes it
    ``"auto"``."""
    embeddings: str = ""
    """Sentence-embedding model: a local folder or a hub name (``name[@revision]``); empty
    for none (the default: nothing is loaded or downloaded). Only this string is kept:
    the model is loaded when first needed, once per process."""

    # --- many reports and a primary source (compare.collate) ------------------------
    source_quote_share: float = 0.6
    """A report's quote not found word for word in the primary source is ``altered`` when
    at least this share of its words appear, in order, in one stretch of the source, and
    ``not_found`` otherwise."""

    # --- notes (compare.pipeline) --------------------------------------------------
    english_share: float = 0.2
    """Below this share of common English words a report is flagged as maybe not English."""

    def __post_init__(self) -> None:
        shares = ("candidate_floor", "embedding_floor", "near_verbatim", "partial_short",
                  "partial_long", "partial_accepted", "link_threshold", "prefilter",
                  "english_share", "source_quote_share")
        for name in shares:
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"Settings.{name} must be in [0, 1], not {value!r}")
        counts = ("top_k", "detail_top_k", "embedding_top_k", "min_quote_words",
                  "partial_extra", "partial_min_shared", "event_details", "event_words",
                  "event_lead", "event_lead_words", "min_words")
        for name in counts:
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"Settings.{name} must be an integer of at least 1, not {value!r}")
        if not isinstance(self.event_links, bool):
            raise ValueError(f"Settings.event_links must be a bool, not {self.event_links!r}")
        if self.partial_long == 0.0:
            raise ValueError("Settings.partial_long must be above 0")
        if not isinstance(self.embeddings, str):
            raise ValueError(f"Settings.embeddings must be a str, not {self.embeddings!r}")
        if self.embeddings and self.backend == "lexical":
            object.__setattr__(self, "backend", "auto")
        if not isinstance(self.deferred, tuple):
            object.__setattr__(self, "deferred", tuple(self.deferred))

    def replace(self, **changes) -> Settings:
        """A copy with some fields changed (``dataclasses.replace``)."""
        return replace(self, **changes)

    def as_dict(self) -> dict[str, object]:
        """The fields and their values, in declaration order."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT = Settings()
"""The default settings (the values the shipped models were tuned with)."""
