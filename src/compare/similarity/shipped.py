"""The file ``data/similarity.json``, read once: the IDF table and the fitted models.

The file holds two things that two modules read: the IDF table (document frequencies of
words over the training sentences) that :mod:`~compare.similarity.features` weights its
TF-IDF rows with, and the fitted models that :mod:`~compare.similarity.model` checks
against the registered signals and applies. Reading it here, below both, keeps the
package's imports pointing one way (features <- signals <- model).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

__all__ = ["idf_weights", "shipped", "shipped_idf"]


@lru_cache(maxsize=1)
def shipped() -> dict:
    """The parsed ``compare/data/similarity.json``, unchecked (see ``model.parameters``)."""
    text = resources.files("compare").joinpath("data/similarity.json").read_text("utf-8")
    return json.loads(text)


def idf_weights(table: dict) -> tuple[dict[str, float], float]:
    """IDF weights ``(per word, for unseen words)`` from ``{"documents": n, "df": {...}}``."""
    n = table["documents"]
    default = math.log((n + 1) / 2) + 1.0  # a word seen in one document (or none)
    idf = {w: math.log((n + 1) / (df + 1)) + 1.0 for w, df in table["df"].items()}
    return idf, default


@lru_cache(maxsize=1)
def shipped_idf() -> tuple[dict[str, float], float]:
    """The IDF weights of the shipped table (``shipped()["idf"]``)."""
    return idf_weights(shipped()["idf"])
