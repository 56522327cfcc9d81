"""One-call scores of sentence pairs: :func:`pair_signals`, :func:`pair_score`, :func:`matrix`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from compare.models import Article, Prepared, Sentence, Word, article_of
from compare.segment import tokenize
from compare.similarity.features import SentenceFeatures, featurize, join, sentence_features
from compare.similarity.model import apply_model
from compare.similarity.signals import SIGNALS, signals_for_pairs


def pair_signals(a_words: Sequence[Word], b_words: Sequence[Word]) -> dict[str, float]:
    """Every signal for two word sequences (e.g. ``tokenize(text)``), each in [0, 1]."""
    fa, fb = featurize([a_words], [b_words])
    row = signals_for_pairs(fa, fb, [0], [0])[0]
    return {s: float(v) for s, v in zip(SIGNALS, row, strict=True)}


def pair_score(a_text: str | Sentence, b_text: str | Sentence) -> float:
    """Probability in [0, 1] that two sentences say the same thing (calibrated on MSRP).

    Each side is a text or a :class:`~compare.models.Sentence` (its ``text``)."""
    fa, fb = featurize([tokenize(_sentence_text(a_text))], [tokenize(_sentence_text(b_text))])
    return float(apply_model(signals_for_pairs(fa, fb, [0], [0]))[0])


def pair_similarity(a_words: Sequence[Word], b_words: Sequence[Word]) -> float:
    """Graded similarity in [0, 1] of two word sequences: the STS regression of their
    signals (fitted on STS-news scores / 5), 1 for the same words, as ``Link.similarity``."""
    fa, fb = featurize([a_words], [b_words])
    if fa.words[0] == fb.words[0]:
        return 1.0
    return float(apply_model(signals_for_pairs(fa, fb, [0], [0]), "sts")[0])


def _sentence_text(sentence: object) -> str:
    """The text of a :func:`pair_score` argument (a str, or a Sentence's ``text``)."""
    text = getattr(sentence, "text", sentence)
    if not isinstance(text, str):
        raise TypeError(
            "pair_score takes two sentences, each a str or Sentence, "
            f"not {type(text).__name__}"
        )
    return text


def report_features(report: Article | Prepared) -> SentenceFeatures:
    """The sentence features of a report: a prepared report's own, else computed now."""
    if isinstance(report, Prepared):
        features = report.features
        assert isinstance(features, SentenceFeatures)  # prepare() stores sentence_features()
        return features
    return sentence_features(report.words)


def matrix(a: Article | Prepared, b: Article | Prepared) -> np.ndarray:
    """The ``pair_score`` of every sentence of a with every sentence of b (dense).

    ``a`` and ``b`` are articles or prepared reports (:func:`compare.prepare.prepare`,
    whose features are then reused). It scores every pair: for presentation of a
    comparison, use the candidate scores it keeps (``Comparison.scores``).
    """
    n, m = len(article_of(a).sentences), len(article_of(b).sentences)
    if n == 0 or m == 0:
        return np.zeros((n, m))
    fa, fb = join(report_features(a), report_features(b))
    ia, ib = np.divmod(np.arange(n * m), m)
    return apply_model(signals_for_pairs(fa, fb, ia, ib)).reshape(n, m)


__all__ = ["matrix", "pair_score", "pair_signals", "pair_similarity", "report_features"]
