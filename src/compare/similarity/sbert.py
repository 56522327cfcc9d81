"""The ``sentence-transformers`` embedding backend (extra ``embeddings-st``; needs torch).

The model is loaded from its folder (:func:`compare.similarity.backends.resolve`) on the
first :meth:`~SentenceTransformerBackend.encode`, on the CPU, and encodes with
``normalize_embeddings=True``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

BATCH = 64
"""Sentences encoded per batch."""


class SentenceTransformerBackend:
    """Sentence vectors from a ``sentence-transformers`` model folder."""

    def __init__(self, model, parameters: dict) -> None:
        """``model``: a :class:`~compare.similarity.backends.ModelFolder`; ``parameters``
        fitted with its cosine. ImportError without the extra."""
        import sentence_transformers  # noqa: F401

        self.folder = model
        self.model_id = f"{model.name} ({model.weights} sha256 {model.sha256[:12]})"
        self.parameters = parameters
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), np.float32)
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.folder.path), device="cpu")
        vectors = self._model.encode(
            list(texts), batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
