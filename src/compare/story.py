"""Do two reports tell the same story? A calibrated same-event score from whole documents.

:func:`document_signals` reads what two prepared reports hold as wholes, no sentence
pairing needed:

- ``tfidf``: cosine of the TF-IDF vectors of the two whole texts over content words
  (counts times the shipped IDF of :mod:`compare.similarity`, so a score never depends
  on other reports);
- ``names``, ``places``, ``numbers``, ``dates``: how many values of each kind the two
  reports share, as a cosine of the two sets (shared / sqrt(size a x size b), 0 when
  either has none); names of one person are joined across reports first
  (:func:`compare.names.fold_both`, as the detail matching does);
- ``quotes``: the same cosine over the word pairs (bigrams) inside direct quotes;
- ``tfidf_log``: the ``tfidf`` cosine with sublinear counts (1 + ln count times the IDF):
  a word a report repeats weighs less than its count, so two long reports that tell one
  story from different angles are not judged by the few words one of them repeats;
- ``name_mentions``: the cosine of how often each name (places aside) is mentioned in the
  two reports: the people a story is about, named again and again in both, weigh more
  than the names each report mentions once;
- ``embedding`` (only when the reports were prepared with an embedding backend): cosine
  of the two mean sentence vectors.

:func:`score` turns them into a :class:`~compare.models.SameStory` with the ``document``
model of ``data/story.json`` (a logistic regression; cheap: use it to group many reports
into stories; it reads neither ``tfidf_log`` nor ``name_mentions``, see ``FULL``).
:func:`judge` adds ``linked`` (the share of both reports' sentences in a link) from a
finished alignment and uses the ``full`` model: what
:func:`compare.compare` puts on ``Comparison.story``. Both models are fitted by
``training/fit_story.py`` (the command and the data are recorded in the file).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np

from compare.models import Detail, Link, Prepared, SameStory, frozen_mapping

SET_KINDS = ("names", "places", "numbers", "dates")
"""The detail signals (sets of values shared by the two reports)."""
DOCUMENT = ("tfidf", *SET_KINDS, "quotes")
"""Inputs of the ``document`` model, in order."""
FULL = (*DOCUMENT, "tfidf_log", "name_mentions", "linked")
"""Inputs of the ``full`` model, in order: the document inputs, the sublinear TF-IDF
cosine and the name-mention cosine (added for the comparison's decision: BASIL
same-event pairs told from different angles; the ``document`` model and the corpus
thresholds tuned on it are unchanged), and the linked share."""
EMBEDDING = "embedding"
"""The embedding signal: in a model's inputs only when fitted for that backend."""

_WORDS = {"names": "name", "places": "place", "numbers": "number", "dates": "date"}


class StoryModelMismatch(ValueError):
    """``story.json`` was fitted on other inputs than the ones this code computes."""


@lru_cache(maxsize=1)
def parameters() -> dict:
    """The fitted models of ``compare/data/story.json``, checked against the inputs."""
    text = resources.files("compare").joinpath("data/story.json").read_text("utf-8")
    params = json.loads(text)
    expected = {"document": DOCUMENT, "full": FULL}
    for name in sorted(set(expected) | set(params["models"])):
        kind, _, backend = name.partition("+")
        inputs = expected.get(kind, ()) + ((EMBEDDING,) if backend else ())
        model = params["models"].get(name, {})
        if tuple(model.get("inputs", ())) != inputs or len(model.get("coef", ())) != len(inputs):
            raise StoryModelMismatch(
                f"story.json: model {name!r} has inputs {model.get('inputs')}, expected "
                f"{list(inputs)}; refit with training/fit_story.py")
    return params


# --- signals --------------------------------------------------------------------------


def _count_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two sparse count vectors (0 when either is empty)."""
    if not a or not b:
        return 0.0
    dot = math.fsum(a[k] * b[k] for k in sorted(a.keys() & b.keys()))
    norm = math.sqrt(math.fsum(v * v for v in a.values())) * math.sqrt(
        math.fsum(v * v for v in b.values()))
    return min(1.0, dot / norm) if norm else 0.0


def _set_cosine(a: set, b: set) -> tuple[float, int]:
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / math.sqrt(len(a) * len(b)), shared


@dataclass(frozen=True)
class StoryProfile:
    """What :func:`score` reads from one prepared report, and nothing else: a few KB
    where the :class:`~compare.models.Prepared` record holds about a hundred (made by
    :func:`profile`; it pickles, so a corpus keeps one per article instead of the
    prepared report).

    ``words`` and ``counts``: the content words (sorted) and how often each occurs;
    ``details``: ``(kind, category, value, text)`` of the report's details, each once
    (the name folding reads only those fields), and ``mentions`` how often each occurs
    (empty: once each); ``quote_pairs``: the word pairs inside its direct quotes,
    sorted; ``embedding``: the mean of its sentence vectors (float64; empty for a report
    without sentences), None without an embedding backend. Strings
    are interned, so profiles held together share their words.
    """

    name: str
    backend: str
    words: tuple[str, ...]
    counts: tuple[int, ...]
    details: tuple[tuple[str, str, str, str], ...]
    quote_pairs: tuple[tuple[str, str], ...]
    embedding: tuple[float, ...] | None = None
    mentions: tuple[int, ...] = ()

    def interned(self) -> StoryProfile:
        """This profile with its strings interned (after unpickling, to share them)."""
        return _interned(self)


def _interned(p: StoryProfile) -> StoryProfile:
    from sys import intern

    return replace(
        p, words=tuple(map(intern, p.words)),
        details=tuple(tuple(map(intern, d)) for d in p.details),  # type: ignore[misc]
        quote_pairs=tuple((intern(x), intern(y)) for x, y in p.quote_pairs))


def profile(report: Prepared | StoryProfile) -> StoryProfile:
    """The :class:`StoryProfile` of a prepared report (a profile is returned as is)."""
    if isinstance(report, StoryProfile):
        return report
    counts = sorted(Counter(w for ws in report.features.content_words for w in ws).items())  # type: ignore[attr-defined]
    details = Counter((d.kind, d.category, d.value, d.text) for d in report.details)
    embedding = None
    if report.embeddings is not None:
        vectors = np.asarray(report.embeddings)
        embedding = (tuple(vectors.mean(axis=0, dtype=np.float64).tolist())
                     if len(vectors) else ())
    return _interned(StoryProfile(
        name=report.article.name, backend=report.backend,
        words=tuple(w for w, _ in counts), counts=tuple(n for _, n in counts),
        details=tuple(details), mentions=tuple(details.values()),
        quote_pairs=tuple(sorted({pair for words in report.quote_words
                                  for pair in pairwise(words)})),
        embedding=embedding,
    ))


def _tfidf_cosines(pa: StoryProfile, pb: StoryProfile) -> tuple[float, float]:
    """The cosines of the two whole texts' TF-IDF vectors (shipped IDF) with raw counts
    (``tfidf``) and with sublinear counts, 1 + ln count (``tfidf_log``)."""
    from compare.similarity.shipped import shipped_idf

    idf, default = shipped_idf()
    ca, cb = dict(zip(pa.words, pa.counts, strict=True)), dict(zip(pb.words, pb.counts,
                                                                     strict=True))
    if not ca or not cb:
        return 0.0, 0.0
    weight = {w: idf.get(w, default) ** 2 for w in ca.keys() | cb.keys()}
    shared = sorted(ca.keys() & cb.keys())
    found = []
    for tf_a, tf_b in ((ca, cb), ({w: 1.0 + math.log(n) for w, n in ca.items()},
                                  {w: 1.0 + math.log(n) for w, n in cb.items()})):
        dot = math.fsum(tf_a[w] * tf_b[w] * weight[w] for w in shared)
        na = math.sqrt(math.fsum(n * n * weight[w] for w, n in tf_a.items()))
        nb = math.sqrt(math.fsum(n * n * weight[w] for w, n in tf_b.items()))
        found.append(min(1.0, dot / (na * nb)))
    return found[0], found[1]


def _detail_sets(details: Iterable) -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {kind: set() for kind in SET_KINDS}
    for d in details:
        if d.kind == "name":
            sets["places" if d.category == "place" else "names"].add(d.value)
        elif d.kind == "number":
            sets["numbers"].add(d.value)
        elif d.kind == "date":
            sets["dates"].add(d.value)
    return sets


def _embedding_cosine(pa: StoryProfile, pb: StoryProfile) -> float | None:
    if pa.embedding is None or pb.embedding is None:
        return None
    if not pa.embedding or not pb.embedding or len(pa.embedding) != len(pb.embedding):
        return 0.0
    ma, mb = np.array(pa.embedding), np.array(pb.embedding)
    norm = float(np.linalg.norm(ma) * np.linalg.norm(mb))
    return float(np.clip(ma @ mb / norm, -1.0, 1.0)) if norm else 0.0


def _details(p: StoryProfile) -> list[Detail]:
    """The profile's details as records, each as often as the report mentions it (no
    position: the folding does not read it)."""
    return [Detail(kind, category, text, value, 0, 0, 0)
            for (kind, category, value, text), n in zip(p.details, p.mentions or
                                                         (1,) * len(p.details), strict=True)
            for _ in range(n)]


def _name_mentions(details: Iterable[Detail]) -> Counter[str]:
    """How often each name value that is no place is mentioned."""
    return Counter(d.value for d in details if d.kind == "name" and d.category != "place")


def document_signals(pa: Prepared | StoryProfile, pb: Prepared | StoryProfile, *,
                     folded: tuple[list[Detail], list[Detail]] | None = None,
                     ) -> dict[str, float]:
    """The document-level signals of two prepared reports or their profiles (see the
    module doc), and the count of shared values of each detail kind (``shared_names``
    ...). ``folded`` is the reports' details joined by :func:`compare.names.fold_both`
    when the caller has them already (the same sets of values)."""
    from compare.names import fold_both

    a, b = profile(pa), profile(pb)
    signals = dict(zip(("tfidf", "tfidf_log"), _tfidf_cosines(a, b), strict=True))
    fa, fb = folded if folded is not None else fold_both(_details(a), _details(b))
    sa, sb = _detail_sets(fa), _detail_sets(fb)
    for kind in SET_KINDS:
        signals[kind], signals[f"shared_{kind}"] = _set_cosine(sa[kind], sb[kind])
    signals["quotes"], _ = _set_cosine(set(a.quote_pairs), set(b.quote_pairs))
    signals["name_mentions"] = _count_cosine(_name_mentions(fa), _name_mentions(fb))
    embedding = _embedding_cosine(a, b)
    if embedding is not None:
        signals[EMBEDDING] = embedding
    return signals


def linked_share(links: Iterable[Link], size_a: int, size_b: int) -> float:
    """The share of the two reports' sentences that are in some link."""
    in_a: set[int] = set()
    in_b: set[int] = set()
    for link in links:
        in_a.update(link.a)
        in_b.update(link.b)
    total = size_a + size_b
    return (len(in_a) + len(in_b)) / total if total else 0.0


# --- the decision -----------------------------------------------------------------------


def _model_for(kind: str, backend: str, signals: Mapping[str, float]) -> tuple[dict, bool]:
    """The model of ``kind`` for ``backend`` (with the embedding input) when one was
    fitted and the embedding is known; else the lexical one. Second: embedding used."""
    models = parameters()["models"]
    with_embedding = models.get(f"{kind}+{backend}")
    if EMBEDDING in signals and with_embedding is not None:
        return with_embedding, True
    return models[kind], False


def _decide(signals: dict[str, float], kind: str, backend: str) -> SameStory:
    params = parameters()
    model, used_embedding = _model_for(kind, backend, signals)
    z = model["intercept"] + math.fsum(
        c * signals[name] for c, name in zip(model["coef"], model["inputs"], strict=True))
    probability = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
    threshold = params["threshold"]
    same = probability >= threshold
    rounded = {k: round(v, 4) for k, v in sorted(signals.items())}
    return SameStory(
        probability=round(probability, 4),
        same_event=same,
        threshold=threshold,
        reason=_reason(signals, same, probability, used_embedding),
        signals=frozen_mapping(rounded),
        model=f"{kind}+{backend}" if used_embedding else kind,
    )


def _reason(signals: Mapping[str, float], same: bool, probability: float,
            used_embedding: bool) -> str:
    found = [f"whole texts alike {signals['tfidf']:.2f} (TF-IDF cosine)"]
    counts = {k: int(signals[f"shared_{k}"]) for k in SET_KINDS}
    shared = [f"{n} {_WORDS[k]}{'s' if n > 1 else ''}" for k, n in counts.items() if n]
    found.append("shared " + ", ".join(shared) if shared else "no shared name, place, "
                 "number or date")
    if signals["quotes"]:
        found.append(f"quoted words in common {signals['quotes']:.2f}")
    if "linked" in signals:
        found.append(f"{signals['linked']:.0%} of sentences linked")
    if EMBEDDING in signals:
        found.append(f"embedding cosine {signals[EMBEDDING]:.2f}"
                     + ("" if used_embedding else " (not in the calibrated score: no model "
                        "fitted for this backend)"))
    verdict = "same event" if same else "maybe not the same event"
    return f"{verdict} (probability {probability:.2f}): " + "; ".join(found)


def score(pa: Prepared | StoryProfile, pb: Prepared | StoryProfile) -> SameStory:
    """The same-story decision of two prepared reports (or their :class:`StoryProfile`:
    the same decision) from document evidence only (no sentence alignment: cheap enough
    to score every pair of a collection)."""
    return _decide(document_signals(pa, pb), "document", pa.backend)


def judge(pa: Prepared, pb: Prepared, links: Iterable[Link], *,
          folded: tuple[list[Detail], list[Detail]] | None = None) -> SameStory:
    """The same-story decision of a comparison: the document evidence and the share of
    sentences the alignment linked (``links``); ``folded`` as for
    :func:`document_signals`."""
    signals = document_signals(pa, pb, folded=folded)
    signals["linked"] = linked_share(links, len(pa.article.sentences), len(pb.article.sentences))
    return _decide(signals, "full", pa.backend)
