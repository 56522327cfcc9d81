"""Where a sentence-embedding backend plugs in.

A backend turns sentences into vectors: ``encode(texts)`` returns a float32 array of one
L2-normalised row per text, and ``model_id`` names the model (it is stored with the
vectors, so that vectors of two models are never compared). ``Settings.backend`` names
the backend; :func:`load_backend` gives it. The default, ``"lexical"``, is the shipped
lexical signals alone: it has no vectors (:func:`load_backend` returns None and
``Prepared.embeddings`` stays None). Embedding backends register here by name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

LEXICAL = "lexical"


@runtime_checkable
class EmbeddingBackend(Protocol):
    """A sentence encoder: ``encode(texts)`` -> float32 array ``(len(texts), dim)``,
    each row of L2 norm 1; ``model_id`` names the model and its version."""

    model_id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


BACKENDS: dict[str, Callable[[], EmbeddingBackend] | None] = {LEXICAL: None}
"""Backend name -> factory (None: no embeddings). The one place backends are listed."""


def load_backend(name: str) -> EmbeddingBackend | None:
    """The backend called ``name`` (None for ``"lexical"``); a clear error for an unknown one."""
    if name not in BACKENDS:
        known = ", ".join(sorted(BACKENDS))
        raise ValueError(f"unknown similarity backend {name!r}; known backends: {known}")
    factory = BACKENDS[name]
    return None if factory is None else factory()


def encode(backend: EmbeddingBackend | None, texts: Sequence[str]) -> np.ndarray | None:
    """``backend.encode(texts)`` checked (float32, one unit row per text), or None without one."""
    if backend is None:
        return None
    vectors = np.asarray(backend.encode(list(texts)))
    if vectors.dtype != np.float32 or vectors.ndim != 2 or len(vectors) != len(texts):
        raise ValueError(
            f"backend {backend.model_id!r} returned {vectors.dtype} {vectors.shape} for "
            f"{len(texts)} texts; expected float32 of shape ({len(texts)}, dim)"
        )
    norms = np.linalg.norm(vectors, axis=1)
    if len(norms) and not np.allclose(norms, 1.0, atol=1e-3):
        raise ValueError(f"backend {backend.model_id!r} returned rows that are not L2-normalised")
    return vectors
