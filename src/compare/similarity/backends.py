"""Where a sentence-embedding backend plugs in (optional; off by default).

A backend turns sentences into vectors: ``encode(texts)`` returns a float32 array of one
L2-normalised row per text; ``model_id`` names the model and ``weights_sha256`` is the
sha256 of its weights file (what the fitted parameters are keyed on); ``parameters``
holds the similarity models fitted with its cosine as an extra input
(``embedding_cosine``, see :func:`with_cosine`).

``Settings.embeddings`` names the model - a local folder (offline) or a Hugging Face hub
name, optionally ``name@revision`` (needs the network the first time) - and
``Settings.backend`` the implementation:

- ``"lexical"`` (the default, with no model): the shipped lexical signals alone; nothing
  is loaded or downloaded and ``Prepared.embeddings`` stays None;
- ``"sentence-transformers"`` (extra ``embeddings-st``; torch) and ``"onnx"`` (extra
  ``embeddings-onnx``: ONNX Runtime and ``tokenizers``, no torch; the folder holds
  ``model.onnx`` or ``onnx/model.onnx`` and ``tokenizer.json``);
- ``"auto"`` (what a model with backend ``"lexical"`` becomes): ONNX when the folder has
  an ONNX file, else sentence-transformers.

Fitted parameters are per model. ``data/embeddings/*.json`` record, for each model fitted
(``python training/fit_similarity.py --embeddings FOLDER``), its name, revision and the
sha256 of its weights beside the coefficients. A model whose weights hash to none of them
is **refused** (:class:`UncalibratedModel`, naming the model, its hash and the fitted
ones): the coefficient of the cosine is only meaningful for the cosines of the model it
was fitted with, so another model's probabilities would look calibrated and not be.

A loaded backend is kept for the rest of the process, keyed by (backend, model): a
model loads once per process. Nothing per article is kept. Other backends register with
:func:`register_backend` (a factory taking the model string).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

ENVIRONMENT = "COMPARE_EMBEDDINGS"
"""The environment variable the command line reads the model from (``--embeddings``
wins; the library itself reads only ``Settings``)."""
LEXICAL = "lexical"
AUTO = "auto"
EMBEDDING = "embedding_cosine"
"""The model input an embedding backend adds: the cosine of the two sentence vectors
(negative cosines taken as 0)."""
WEIGHT_FILES = ("model.safetensors", "model.onnx", "onnx/model.onnx", "pytorch_model.bin")
"""The weights file whose sha256 identifies a model folder (the first found)."""


class UncalibratedModel(ValueError):
    """The embedding model has no fitted parameters in ``data/embeddings``."""


class BackendUnavailable(ValueError):
    """The backend's extra is not installed, or its model cannot be found."""


@runtime_checkable
class EmbeddingBackend(Protocol):
    """A sentence encoder: ``encode(texts)`` -> float32 array ``(len(texts), dim)``,
    each row of L2 norm 1; ``model_id`` names the model; ``parameters`` are the
    similarity models fitted with its cosine (checked by
    :func:`compare.similarity.model.check_parameters`)."""

    model_id: str
    parameters: dict

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelFolder:
    """A model on disk: its folder, the name it was asked by and its weights' sha256."""

    path: Path
    name: str
    weights: str
    sha256: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=8)
def resolve(spec: str) -> ModelFolder:
    """The folder of the model ``spec`` (a folder, or a hub ``name[@revision]`` fetched
    with ``huggingface_hub``), with the sha256 of its weights file."""
    path = Path(spec).expanduser()
    name = spec
    if not path.is_dir():
        if spec.startswith(("/", ".", "~")) or spec.count("/") > 1 or "\\" in spec:
            raise BackendUnavailable(f"embedding model folder {spec!r} not found")
        try:
            from huggingface_hub import snapshot_download
        except ImportError:
            raise BackendUnavailable(
                f"{spec!r} is not a folder, and fetching a hub model needs huggingface_hub "
                "(pip install 'compare-sources[embeddings-st]')"
            ) from None
        repo, _, revision = spec.partition("@")
        try:
            path = Path(snapshot_download(repo, revision=revision or None))
        except Exception as exc:  # network, unknown name, offline mode: one clear line
            raise BackendUnavailable(
                f"could not fetch embedding model {spec!r} from the hub: "
                f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            ) from None
        name = repo
    weights = next((w for w in WEIGHT_FILES if (path / w).is_file()), None)
    if weights is None:
        raise BackendUnavailable(
            f"embedding model folder {str(path)!r} holds no weights file "
            f"(looked for {', '.join(WEIGHT_FILES)})"
        )
    return ModelFolder(path=path, name=name, weights=weights, sha256=_sha256(path / weights))


def shipped_models() -> dict[str, dict]:
    """The fitted per-model parameter files of ``data/embeddings``: weights sha256 -> file."""
    found = {}
    folder = resources.files("compare").joinpath("data/embeddings")
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json"):
                params = json.loads(entry.read_text("utf-8"))
                found[params["model"]["sha256"]] = params
    return found


def fitted_parameters(model: ModelFolder) -> dict:
    """The shipped parameters fitted with ``model``'s cosine (checked), or a clear refusal."""
    from compare.similarity.model import check_parameters

    params = shipped_models().get(model.sha256)
    if params is None:
        fitted = "; ".join(
            f"{p['model']['name']} at {p['model']['revision'][:12]} "
            f"({p['model']['weights']} sha256 {sha[:12]}...)"
            for sha, p in shipped_models().items()
        ) or "none"
        raise UncalibratedModel(
            f"no similarity parameters were fitted with embedding model {model.name!r} "
            f"({model.weights} sha256 {model.sha256[:12]}...); fitted models: {fitted}. "
            f"Fit it with: python training/fit_similarity.py --embeddings {model.path}"
        )
    return check_parameters(params, f"data/embeddings ({params['model']['name']})",
                            extra=(EMBEDDING,))


def _build(module: str, cls: str, extra: str, spec: str) -> EmbeddingBackend:
    """An implementation class built on the model ``spec`` with its fitted parameters."""
    folder = resolve(spec)
    params = fitted_parameters(folder)
    try:
        implementation = getattr(import_module(f"compare.similarity.{module}"), cls)
        return implementation(folder, params)
    except ImportError:
        raise BackendUnavailable(
            f"this embedding backend needs its extra: pip install 'compare-sources[{extra}]'"
        ) from None
    except FileNotFoundError as exc:
        raise BackendUnavailable(str(exc)) from None


def _sentence_transformers(spec: str) -> EmbeddingBackend:
    return _build("sbert", "SentenceTransformerBackend", "embeddings-st", spec)


def _onnx(spec: str) -> EmbeddingBackend:
    return _build("onnxrt", "OnnxBackend", "embeddings-onnx", spec)


def _auto(spec: str) -> EmbeddingBackend:
    from compare.similarity.onnxrt import ONNX_FILES

    folder = resolve(spec)
    if any((folder.path / f).is_file() for f in ONNX_FILES):
        return _onnx(spec)
    return _sentence_transformers(spec)


BACKENDS: dict[str, Callable[[str], EmbeddingBackend] | None] = {
    LEXICAL: None,
    AUTO: _auto,
    "sentence-transformers": _sentence_transformers,
    "onnx": _onnx,
}
"""Backend name -> factory of the model string (None: no embeddings). The one place
backends are listed; :func:`register_backend` adds one."""


def register_backend(name: str, factory: Callable[[str], EmbeddingBackend]) -> None:
    """Make ``Settings(backend=name, embeddings=...)`` use ``factory(embeddings)``."""
    if name == LEXICAL:
        raise ValueError("the lexical backend cannot be replaced")
    BACKENDS[name] = factory
    _load.cache_clear()


@lru_cache(maxsize=4)
def _load(name: str, spec: str) -> EmbeddingBackend | None:
    factory = BACKENDS[name]
    return None if factory is None else factory(spec)


def load_backend(name: str, spec: str = "") -> EmbeddingBackend | None:
    """The backend called ``name`` for the model ``spec`` (None for ``"lexical"``); a
    clear error for an unknown one. Loaded once per process for each (name, spec)."""
    if name not in BACKENDS:
        known = ", ".join(sorted(BACKENDS))
        raise ValueError(f"unknown similarity backend {name!r}; known backends: {known}")
    if name != LEXICAL and not spec:
        raise ValueError(
            f"the {name!r} similarity backend needs a model: set Settings.embeddings to a "
            "model folder or hub name"
        )
    return _load(name, spec)


def backend_for(settings) -> EmbeddingBackend | None:
    """The backend of ``settings`` (``Settings.backend`` and ``Settings.embeddings``)."""
    return load_backend(settings.backend, settings.embeddings)


def key(settings) -> str:
    """What a prepared report records of its backend: ``"lexical"`` or ``backend:model``."""
    return LEXICAL if settings.backend == LEXICAL else f"{settings.backend}:{settings.embeddings}"


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


def cosine(ea: np.ndarray, eb: np.ndarray, ia, ib) -> np.ndarray:
    """The ``embedding_cosine`` of the pairs ``(ea[ia[k]], eb[ib[k]])``, in [0, 1]."""
    ia = np.asarray(ia, dtype=np.int64)
    ib = np.asarray(ib, dtype=np.int64)
    if len(ia) == 0:
        return np.zeros(0)
    dots = np.einsum("kd,kd->k", ea[ia].astype(np.float64), eb[ib].astype(np.float64))
    return np.clip(dots, 0.0, 1.0)


def with_cosine(signals: np.ndarray, embeddings, ia, ib) -> np.ndarray:
    """Signal rows with the ``embedding_cosine`` column appended when ``embeddings`` (the
    two reports' vectors) is given; ``signals`` unchanged when it is None."""
    if embeddings is None:
        return signals
    column = cosine(np.asarray(embeddings[0]), np.asarray(embeddings[1]), ia, ib)
    return np.column_stack([signals, column]) if len(signals) else np.zeros(
        (0, signals.shape[1] + 1))


def add_cosine_input(model: dict, weight: float = 0.0, mean: float = 0.5,
                     scale: float = 0.25) -> dict:
    """A copy of one fitted model (``parameters()["models"][name]``) taking
    ``embedding_cosine`` as one more input, standardised ``(cos - mean) / scale``, of
    linear ``weight`` and in no product: with weight 0 it gives the model's own values
    (a lexical model run through an embedding backend, e.g. in a benchmark)."""
    n = len(model["inputs"])
    return {
        **model,
        "inputs": [*model["inputs"], EMBEDDING],
        "mean": [*model["mean"], mean],
        "scale": [*model["scale"], scale],
        "linear": [*model["linear"], weight],
        "quadratic": [[*row, 0.0] for row in model["quadratic"]] + [[0.0] * (n + 1)],
    }
