"""How alike two sentences are: explainable signals and one calibrated score.

A small package, one job per module:

- :mod:`~compare.similarity.features`: per-report features that need no partner
  (:func:`sentence_features`, stable 64-bit item keys, TF-IDF rows against the shipped
  IDF), and the cheap per-pair :func:`join` (:func:`featurize` does both);
- :mod:`~compare.similarity.signals`: the signals, registered in one place
  (:data:`SIGNALS`), computed in bulk for chosen pairs (:func:`signals_for_pairs`);
- :mod:`~compare.similarity.shipped`: ``data/similarity.json`` read once (the IDF
  table and the fitted models);
- :mod:`~compare.similarity.model`: the fitted models of ``data/similarity.json``,
  checked at load time against the registered signals (:func:`apply_model`,
  :func:`probability_bound`);
- :mod:`~compare.similarity.candidates`: which pairs are worth scoring (replaceable);
- :mod:`~compare.similarity.backends`: where a sentence-embedding backend plugs in
  (``Settings.embeddings``; the default ``"lexical"`` has none), implemented in
  :mod:`~compare.similarity.sbert` (sentence-transformers) and
  :mod:`~compare.similarity.onnxrt` (ONNX Runtime);
- :mod:`~compare.similarity.pairs`: :func:`pair_signals`, :func:`pair_score`,
  :func:`matrix` for one-off use.

:func:`pair_score` combines the signals with a logistic regression fitted on the
Microsoft Research Paraphrase Corpus (weights in ``data/similarity.json``, refit with
``python training/fit_similarity.py``); it is the probability that the two sentences
say the same thing. The IDF table used by ``tfidf`` ships in the same file: document
frequencies of words over the MSRP and STS-news training sentences, so the score of
two sentences does not depend on the reports around them. The costly string
alignments (:data:`EXPENSIVE`) can be left out and :func:`probability_bound` says which
pairs could still pass a threshold, so only those need them (:func:`complete_signals`).
"""

from compare.similarity.backends import (
    EMBEDDING,
    LEXICAL,
    EmbeddingBackend,
    UncalibratedModel,
    backend_for,
    load_backend,
    register_backend,
    with_cosine,
)
from compare.similarity.candidates import candidates
from compare.similarity.features import (
    CHAR_N,
    Features,
    SentenceFeatures,
    featurize,
    join,
    sentence_features,
    stems,
)
from compare.similarity.model import (
    INPUTS,
    ModelMismatch,
    apply_model,
    check_parameters,
    model_inputs,
    parameters,
    probability_bound,
    quadratic_terms,
)
from compare.similarity.pairs import matrix, pair_score, pair_signals, pair_similarity
from compare.similarity.shipped import idf_weights
from compare.similarity.signals import (
    DIRECTED,
    EXPENSIVE,
    SIGNALS,
    SYMMETRIC,
    WORD_GAP_SCALE,
    complete_signals,
    signals_for_pairs,
)


def signal_names(signals) -> tuple[str, ...]:
    """The names of the columns of signal rows: :data:`SIGNALS`, then ``embedding_cosine``
    when an embedding backend added it (:func:`with_cosine`)."""
    extra = signals.shape[1] - len(SIGNALS)
    return SIGNALS + ((EMBEDDING,) if extra else ())

__all__ = [
    "CHAR_N",
    "DIRECTED",
    "EMBEDDING",
    "EXPENSIVE",
    "INPUTS",
    "LEXICAL",
    "SIGNALS",
    "SYMMETRIC",
    "WORD_GAP_SCALE",
    "EmbeddingBackend",
    "Features",
    "ModelMismatch",
    "SentenceFeatures",
    "UncalibratedModel",
    "apply_model",
    "backend_for",
    "candidates",
    "check_parameters",
    "complete_signals",
    "featurize",
    "idf_weights",
    "join",
    "load_backend",
    "matrix",
    "model_inputs",
    "pair_score",
    "pair_signals",
    "pair_similarity",
    "parameters",
    "probability_bound",
    "quadratic_terms",
    "register_backend",
    "sentence_features",
    "signal_names",
    "signals_for_pairs",
    "stems",
    "with_cosine",
]
