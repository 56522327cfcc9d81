"""The ONNX Runtime embedding backend (extra ``embeddings-onnx``: ``onnxruntime`` and
``tokenizers``, no torch).

The folder holds ``model.onnx`` (or ``onnx/model.onnx``, as hub models export it) and
``tokenizer.json``; ``sentence_bert_config.json`` may give ``max_seq_length`` (else
:data:`MAX_TOKENS`). The graph takes ``input_ids`` and ``attention_mask`` (and
``token_type_ids`` when it declares it); its first output is either token vectors
``(n, tokens, dim)``, mean-pooled over the attention mask as sentence-transformers
models do, or sentence vectors ``(n, dim)``. Rows are L2-normalised.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np

ONNX_FILES = ("model.onnx", "onnx/model.onnx")
"""Where a model folder holds its ONNX graph (the first found)."""
MAX_TOKENS = 256
"""Tokens per sentence when the folder does not say (longer sentences are truncated)."""
BATCH = 64
"""Sentences encoded per batch."""


class OnnxBackend:
    """Sentence vectors from an ONNX export and its ``tokenizer.json``."""

    def __init__(self, model, parameters: dict) -> None:
        """``model``: a :class:`~compare.similarity.backends.ModelFolder`; ``parameters``
        fitted with its cosine. ImportError without the extra, FileNotFoundError without
        the graph or the tokenizer."""
        import onnxruntime
        from tokenizers import Tokenizer

        graph = next((model.path / f for f in ONNX_FILES if (model.path / f).is_file()), None)
        vocab = model.path / "tokenizer.json"
        if graph is None or not vocab.is_file():
            raise FileNotFoundError(
                f"the onnx backend needs model.onnx (or onnx/model.onnx) and tokenizer.json "
                f"in {str(model.path)!r}"
            )
        self.folder = model
        self.model_id = f"{model.name} ({model.weights} sha256 {model.sha256[:12]})"
        self.parameters = parameters
        limit = MAX_TOKENS
        config = model.path / "sentence_bert_config.json"
        if config.is_file():
            limit = int(json.loads(config.read_text("utf-8")).get("max_seq_length", limit))
        self._tokenizer = Tokenizer.from_file(str(vocab))
        self._tokenizer.enable_truncation(max_length=limit)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(graph), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        parts = [self._batch(list(texts[k:k + BATCH])) for k in range(0, len(texts), BATCH)]
        return np.vstack(parts) if parts else np.zeros((0, 0), np.float32)

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.asarray([e.type_ids for e in encodings], np.int64)
        out = np.asarray(
            self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0],
            dtype=np.float64,
        )
        if out.ndim == 3:
            weights = mask[:, :, None].astype(np.float64)
            out = (out * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-12)).astype(np.float32)
