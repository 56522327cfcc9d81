"""The fitted models of ``data/similarity.json`` and how they are applied.

:func:`parameters` loads the file once and checks, at load time, that it was fitted on
the signals this code computes: its ``signals`` list must be :data:`SIGNALS` and each
model's ``inputs`` must be :data:`INPUTS`, in order. A mismatch (a signal added,
renamed or reordered without a refit) is a clear error naming the difference, not a
numpy shape error later. Refit with ``python training/fit_similarity.py``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from compare.similarity.shipped import shipped
from compare.similarity.signals import DIRECTED, SIGNALS, SYMMETRIC

INPUTS = tuple(f"{d}_{m}" for d in DIRECTED for m in ("min", "max")) + SYMMETRIC
"""Names of the columns of :func:`model_inputs`."""


class ModelMismatch(ValueError):
    """The shipped model was fitted on other signals than the ones this code computes."""


def check_parameters(
    params: dict, source: str = "similarity.json", extra: tuple[str, ...] = ()
) -> dict:
    """``params`` if its declared signals and model inputs match the registered ones
    (``extra``: inputs appended after :data:`INPUTS`, e.g. ``embedding_cosine``)."""
    problems = []
    inputs = INPUTS + tuple(extra)
    for what, declared, expected in [("signals", params.get("signals"), SIGNALS)] + [
        (f"models.{name}.inputs", model.get("inputs"), inputs)
        for name, model in sorted(params.get("models", {}).items())
    ]:
        if declared is None or tuple(declared) != expected:
            got = tuple(declared or ())
            missing = [s for s in expected if s not in got]
            unknown = [s for s in got if s not in expected]
            detail = (f"missing {missing}" if missing else "") + (
                f"{'; ' if missing else ''}not computed {unknown}" if unknown else "")
            problems.append(f"{what}: {detail or 'same names in another order'}")
    for name, model in sorted(params.get("models", {}).items()):
        size = len(inputs)
        shapes = {"mean": (size,), "scale": (size,), "linear": (size,),
                  "quadratic": (size, size)}
        for key, shape in shapes.items():
            if np.shape(model.get(key)) != shape:
                problems.append(f"models.{name}.{key}: shape {np.shape(model.get(key))}, "
                                f"expected {shape}")
    if problems:
        raise ModelMismatch(
            f"{source} does not match the registered similarity signals ("
            + "; ".join(problems) + "); refit with training/fit_similarity.py"
        )
    return params


@lru_cache(maxsize=1)
def parameters() -> dict:
    """The fitted parameters shipped in ``compare/data/similarity.json`` (checked)."""
    return check_parameters(shipped())


def model_inputs(signals: np.ndarray) -> np.ndarray:
    """The model's inputs from signal columns: symmetric in a and b.

    Each directed pair gives its min and max (so swapping the sentences changes
    nothing); the symmetric signals pass through, and so do columns after
    :data:`SIGNALS` (an embedding backend's ``embedding_cosine``).
    """
    signals = np.atleast_2d(signals)
    col = {s: signals[:, k] for k, s in enumerate(SIGNALS)}
    parts = []
    for d in DIRECTED:
        x, y = col[f"{d}_a"], col[f"{d}_b"]
        parts += [np.minimum(x, y), np.maximum(x, y)]
    parts += [col[s] for s in SYMMETRIC]
    parts += [signals[:, k] for k in range(len(SIGNALS), signals.shape[1])]
    return np.column_stack(parts)


def quadratic_terms(z: np.ndarray) -> np.ndarray:
    """Products ``z_i * z_j`` (i <= j) of standardised inputs, in row-major upper-triangle order."""
    i, j = np.triu_indices(z.shape[1])
    return z[:, i] * z[:, j]


def _model(signals: np.ndarray, model: str, params: dict | None) -> dict:
    """The fitted model ``model`` of ``params`` (the shipped lexical ones when None),
    checked to take as many inputs as ``signals`` give."""
    p = (params or parameters())["models"][model]
    width = np.atleast_2d(signals).shape[1] - len(SIGNALS) + len(INPUTS)
    if len(p["inputs"]) != width:
        raise ModelMismatch(
            f"the {model!r} model takes {len(p['inputs'])} inputs, the signals give {width} "
            "(embedding signals need the parameters fitted with that model)"
        )
    return p


def _inputs(signals: np.ndarray, p: dict) -> np.ndarray:
    """:func:`model_inputs`, with the inputs a model was fitted ``without`` (held at their
    mean, weight 0) set to that mean: such a model scores rows whose costly signals are
    NaN (not computed)."""
    x = model_inputs(signals)
    if p.get("without"):
        columns = [INPUTS.index(name) for name in p["without"]]
        x[:, columns] = np.asarray(p["mean"])[columns]
    return x


def apply_model(
    signals: np.ndarray, model: str = "same_content", params: dict | None = None
) -> np.ndarray:
    """Apply the fitted model ``model`` of ``similarity.json`` (or of ``params``, an
    embedding backend's parameters) to signal rows.

    The inputs are standardised (``z = (x - mean) / scale``); the model is
    ``intercept + linear . z + z' quadratic z`` (``quadratic`` an upper-triangular
    matrix of weights for the products of two inputs), through the logistic function for
    a probability or divided by ``max`` (then clipped to [0, 1]) for a linear score.
    A model fitted ``without`` some signals (``sts_cheap``) ignores them: they may be NaN.
    """
    p = _model(signals, model, params)
    z = (_inputs(signals, p) - np.asarray(p["mean"])) / np.asarray(p["scale"])
    quad = np.asarray(p["quadratic"])
    y = z @ np.asarray(p["linear"]) + np.einsum("ki,ij,kj->k", z, quad, z) + p["intercept"]
    if p["kind"] == "logistic":
        return 1.0 / (1.0 + np.exp(-y))
    return np.clip(y / p.get("max", 1.0), 0.0, 1.0)


def probability_bound(
    signals: np.ndarray, model: str = "same_content", params: dict | None = None
) -> np.ndarray:
    """An upper bound of :func:`apply_model` when the NaN signals may take any value in [0, 1].

    Only symmetric signals may be NaN (e.g. the :data:`EXPENSIVE` ones left out by
    ``signals_for_pairs(..., skip=...)``); in a row with any NaN, every column that is
    NaN somewhere is taken as unknown. The model's logit is a quadratic in the
    standardised inputs; each term holding an unknown input is bounded on its own (one
    unknown: the exact maximum of ``q z**2 + l z`` on its interval; two: the largest
    corner product), so the bound is never below the true probability. A pair whose
    bound is under a threshold cannot reach it, whatever the left-out signals are.
    """
    p = _model(signals, model, params)
    x = model_inputs(signals)
    mean, scale = np.asarray(p["mean"]), np.asarray(p["scale"])
    unknown = np.flatnonzero(np.isnan(x).any(axis=0))
    if len(unknown) == 0:
        return apply_model(signals, model, params)
    z = (np.nan_to_num(x, nan=0.0) - mean) / scale
    z[:, unknown] = 0.0
    quad = np.asarray(p["quadratic"])
    sym = quad + quad.T  # coefficient of z_i z_j (i != j) is sym[i, j]
    y = z @ np.asarray(p["linear"]) + np.einsum("ki,ij,kj->k", z, quad, z) + p["intercept"]
    lo = (0.0 - mean[unknown]) / scale[unknown]
    hi = (1.0 - mean[unknown]) / scale[unknown]
    rows = np.isnan(x[:, unknown]).any(axis=1)  # a row with any NaN: all unknown
    for k, u in enumerate(unknown):
        lin = p["linear"][u] + z @ sym[u]  # known z only (unknown columns are 0)
        q = quad[u, u]
        cands = [q * lo[k] ** 2 + lin * lo[k], q * hi[k] ** 2 + lin * hi[k]]
        if q < 0:
            v = np.clip(-lin / (2 * q), lo[k], hi[k])
            cands.append(q * v**2 + lin * v)
        best = np.max(np.stack(cands), axis=0)
        y += np.where(rows, best, 0.0)
        for m in range(k + 1, len(unknown)):
            c = quad[u, unknown[m]] + quad[unknown[m], u]
            corner = max(c * s * t for s in (lo[k], hi[k]) for t in (lo[m], hi[m]))
            y += np.where(rows, corner, 0.0)
    bound = (
        1.0 / (1.0 + np.exp(-y))
        if p["kind"] == "logistic"
        else np.clip(y / p.get("max", 1.0), 0.0, 1.0)
    )
    known = ~rows
    if known.any():
        bound[known] = apply_model(signals[known], model, params)
    return bound
