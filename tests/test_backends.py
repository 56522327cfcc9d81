"""Embedding backends: the protocol, per-model parameters, prepare() and compare() with
vectors, the two implementations (a tiny ONNX model built here) and the reference model
(only where a model folder is given: COMPARE_TEST_MODEL)."""

import hashlib
import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from compare import compare, similarity
from compare.prepare import prepare
from compare.settings import Settings
from compare.similarity import backends

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIM = 64


def extended(weight: float) -> dict:
    """The shipped lexical parameters with ``embedding_cosine`` as one more input of
    linear weight ``weight``."""
    shipped = similarity.parameters()
    params = {"signals": shipped["signals"], "models": {
        name: backends.add_cosine_input(model, weight)
        for name, model in shipped["models"].items()}}
    return similarity.check_parameters(params, "test", extra=(backends.EMBEDDING,))


class HashedWords:
    """A deterministic stub embedder: each lower-cased word adds 1 to bucket crc32 % DIM."""

    def __init__(self, weight: float) -> None:
        self.model_id = f"hashed words (weight {weight})"
        self.parameters = extended(weight)

    def encode(self, texts):
        out = np.zeros((len(texts), DIM), dtype=np.float64)
        for k, text in enumerate(texts):
            for word in text.lower().split():
                out[k, zlib.crc32(word.strip(".,;:'\"").encode()) % DIM] += 1.0
            out[k, 0] += 1e-3  # no zero row
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)


backends.register_backend("test-hashed", lambda spec: HashedWords(float(spec)))
STUB = Settings(backend="test-hashed", embeddings="3.0")
NEUTRAL = Settings(backend="test-hashed", embeddings="0.0")


def test_settings_carry_the_model_as_a_string():
    s = Settings(embeddings="/models/minilm")
    assert s.backend == "auto" and Settings().backend == "lexical" and not Settings().embeddings
    assert pickle.loads(pickle.dumps(s)) == s
    assert hash(s) == hash(Settings(embeddings="/models/minilm"))
    with pytest.raises(ValueError, match="needs a model"):
        backends.load_backend("onnx")


def test_prepare_fills_the_embeddings(article_a):
    p = prepare(article_a, STUB)
    assert p.backend == "test-hashed:3.0"
    vectors = np.asarray(p.embeddings)
    assert vectors.dtype == np.float32 and vectors.shape == (len(article_a.sentences), DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    again = pickle.loads(pickle.dumps(p))
    assert again == p and np.array_equal(again.embeddings, vectors)
    loaded = backends.load_backend("test-hashed", "3.0")
    assert backends.load_backend("test-hashed", "3.0") is loaded


def test_compare_uses_the_embedding_cosine(article_a, article_b):
    pa, pb = prepare(article_a, STUB), prepare(article_b, STUB)
    result = compare(pa, pb, settings=STUB)
    assert result.links
    params = extended(3.0)
    for link in result.links[:5]:
        if len(link.a) != 1 or len(link.b) != 1:
            continue
        cos = float(np.clip(pa.embeddings[link.a[0]] @ pb.embeddings[link.b[0]], 0, 1))
        assert link.signals[backends.EMBEDDING] == pytest.approx(cos, abs=1e-6)
        row = [link.signals[s] for s in similarity.SIGNALS] + [cos]
        expected = similarity.apply_model(np.asarray([row]), params=params)[0]
        assert link.signals["probability"] == pytest.approx(expected, abs=1e-5)
    lexical = compare(article_a, article_b)
    assert all(backends.EMBEDDING not in link.signals for link in lexical.links)
    # a weight of 0 on the cosine gives the lexical probabilities back
    neutral = compare(article_a, article_b, settings=NEUTRAL)
    assert [(x.a, x.b, x.signals["probability"]) for x in neutral.links] == [
        (x.a, x.b, x.signals["probability"]) for x in lexical.links
    ]
    boosted = {(x.a, x.b): x.signals["probability"] for x in result.links}
    assert any(boosted.get((x.a, x.b), p) != p for x in lexical.links
               for p in [x.signals["probability"]])


def test_a_report_prepared_with_another_model_is_refused(article_a, article_b):
    pa = prepare(article_a, STUB)
    with pytest.raises(ValueError, match=r"prepared for the 'test-hashed:3\.0' similarity"):
        compare(pa, article_b)
    with pytest.raises(ValueError, match=r"prepared for the 'test-hashed:3\.0' similarity"):
        compare(pa, article_b, settings=NEUTRAL)


def test_embedding_signals_need_the_parameters_of_their_model():
    sig = np.zeros((1, len(similarity.SIGNALS) + 1))
    with pytest.raises(similarity.ModelMismatch, match="takes 21 inputs, the signals give 22"):
        similarity.apply_model(sig)


def _fake_model(folder: Path, weights: bytes = b"not a real model") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.safetensors").write_bytes(weights)
    return hashlib.sha256(weights).hexdigest()


def test_a_model_without_fitted_parameters_is_refused(tmp_path):
    sha = _fake_model(tmp_path / "other")
    with pytest.raises(backends.UncalibratedModel) as err:
        backends.load_backend("sentence-transformers", str(tmp_path / "other"))
    message = str(err.value)
    assert sha[:12] in message and "all-MiniLM-L6-v2" in message
    assert "training/fit_similarity.py --embeddings" in message


def test_a_missing_or_empty_model_folder_is_named(tmp_path):
    with pytest.raises(backends.BackendUnavailable, match="not found"):
        backends.resolve(str(tmp_path / "nowhere"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(backends.BackendUnavailable, match="no weights file"):
        backends.resolve(str(tmp_path / "empty"))


def test_the_shipped_reference_parameters_record_the_model():
    shipped = backends.shipped_models()
    params = shipped[REFERENCE_SHA256]
    assert params["model"] == {
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "revision": "1110a243fdf4706b3f48f1d95db1a4f5529b4d41",
        "weights": "model.safetensors",
        "sha256": REFERENCE_SHA256,
        "bytes": 90868376,
    }
    similarity.check_parameters(params, "reference", extra=(backends.EMBEDDING,))
    # the graded similarity of a candidate whose costly signals were not computed needs a
    # model fitted without them (else they are computed for every candidate)
    cheap = params["models"]["sts_cheap"]
    assert cheap["without"] == list(similarity.EXPENSIVE)
    assert cheap["inputs"][-1] == backends.EMBEDDING


def _cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "compare.cli", *args], capture_output=True, text=True,
        env={**os.environ, **(env or {})}, cwd=ROOT, timeout=120,
    )


def test_cli_refuses_a_missing_model_in_one_line(tmp_path):
    run = _cli("--quiet", "--embeddings", str(tmp_path / "nowhere"))
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "--embeddings" in run.stderr and "not found" in run.stderr
    run = _cli("--quiet", env={backends.ENVIRONMENT: str(tmp_path / "nowhere")})
    assert run.returncode == 2 and "not found" in run.stderr
    _fake_model(tmp_path / "other")
    run = _cli("--quiet", "--embeddings", str(tmp_path / "other"))
    assert run.returncode == 2 and "no similarity parameters" in run.stderr
    assert "Traceback" not in run.stderr


# --- the ONNX backend, on a tiny model built here -----------------------------------


def _tiny_onnx(folder: Path, vocab: list[str], table: np.ndarray) -> None:
    """model.onnx (token vectors: a Gather from ``table``) and a word-level tokenizer.json."""
    onnx = pytest.importorskip("onnx", reason="the onnx package builds the tiny test model")
    from onnx import TensorProto, helper, numpy_helper
    from tokenizers import Tokenizer, models, pre_tokenizers

    folder.mkdir(parents=True, exist_ok=True)
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "input_ids"], ["token_embeddings"])],
        "tiny",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["n", "t"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["n", "t"])],
        [helper.make_tensor_value_info("token_embeddings", TensorProto.FLOAT,
                                       ["n", "t", table.shape[1]])],
        [numpy_helper.from_array(table.astype(np.float32), "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, folder / "model.onnx")
    tok = Tokenizer(models.WordLevel({w: k for k, w in enumerate(vocab)}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.save(str(folder / "tokenizer.json"))


def test_the_onnx_backend_mean_pools_token_vectors(tmp_path):
    pytest.importorskip("onnxruntime", reason="the embeddings-onnx extra is not installed")
    pytest.importorskip("tokenizers", reason="the embeddings-onnx extra is not installed")
    from compare.similarity.onnxrt import OnnxBackend

    vocab = ["[UNK]", "the", "minister", "resigned", "vote"]
    table = np.random.default_rng(0).normal(size=(len(vocab), 8))
    _tiny_onnx(tmp_path / "tiny", vocab, table)
    backend = OnnxBackend(backends.resolve(str(tmp_path / "tiny")), extended(1.0))
    texts = ["the minister resigned", "vote", "the vote the vote"]
    got = backends.encode(backend, texts)
    for text, row in zip(texts, got, strict=True):
        ids = [vocab.index(w) for w in text.split()]
        mean = table[ids].mean(axis=0)
        assert np.allclose(row, mean / np.linalg.norm(mean), atol=1e-5)  # padding not counted
    with pytest.raises(backends.UncalibratedModel):  # "auto" takes the ONNX file, then checks
        backends.load_backend("auto", str(tmp_path / "tiny"))
    backends.register_backend(
        "test-onnx", lambda spec: OnnxBackend(backends.resolve(spec), extended(1.0)))
    settings = Settings(backend="test-onnx", embeddings=str(tmp_path / "tiny"))
    from compare.models import Article

    a = Article.from_text("The minister resigned after the vote.", name="a")
    b = Article.from_text("After the vote, the minister resigned.", name="b")
    result = compare(a, b, settings=settings)
    assert result.links and backends.EMBEDDING in result.links[0].signals


# --- the reference model (a local folder; never downloaded by the tests) ------------


@pytest.mark.skipif(
    not os.environ.get("COMPARE_TEST_MODEL"),
    reason="no reference model folder: set COMPARE_TEST_MODEL to the unzipped "
    "all-MiniLM-L6-v2 folder (see benchmarks/README.md) to run it",
)
def test_the_reference_model_through_compare(article_a, article_b):
    pytest.importorskip("sentence_transformers", reason="the embeddings-st extra is not installed")
    folder = os.environ["COMPARE_TEST_MODEL"]
    assert backends.resolve(folder).sha256 == REFERENCE_SHA256
    settings = Settings(embeddings=folder)
    backend = backends.backend_for(settings)
    v = backends.encode(backend, ["The minister resigned on Tuesday.",
                                  "On Tuesday the minister quit.",
                                  "Heavy rain flooded the valley."])
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]
    result = compare(article_a, article_b, settings=settings)
    assert result.links and all(backends.EMBEDDING in x.signals for x in result.links
                                if len(x.a) == 1 and len(x.b) == 1)


def test_link_similarity_uses_the_backends_sts_model(article_a, article_b):
    """With a backend, Link.similarity is the backend's STS regression of the signals and
    the cosine (its parameters), as Scores.similarity is: not the lexical one."""
    params = extended(3.0)
    params["models"]["sts"] = backends.add_cosine_input(
        similarity.parameters()["models"]["sts"], 0.5)
    backends.register_backend("test-sts", lambda spec: _WithParams(float(spec), params))
    settings = Settings(backend="test-sts", embeddings="3.0")
    pa, pb = prepare(article_a, settings), prepare(article_b, settings)
    result = compare(pa, pb, settings=settings)
    single = [x for x in result.links if len(x.a) == len(x.b) == 1 and x.relation != "identical"]
    assert single
    for link in single:
        row = [link.signals[s] for s in similarity.SIGNALS] + [link.signals[backends.EMBEDDING]]
        expected = similarity.apply_model(np.asarray([row]), "sts", params)[0]
        assert link.similarity == pytest.approx(expected, abs=1e-5)
        assert link.similarity == pytest.approx(result.similarity_of(link.a[0], link.b[0]),
                                                abs=1e-5)


def test_merged_links_carry_the_cosine_of_their_sentences(article_a, article_b):
    """A link of several sentences (merged partials) is scored with the backend's model
    too: its cosine is that of the sides' summed sentence vectors, normalised."""
    pa, pb = prepare(article_a, NEUTRAL), prepare(article_b, NEUTRAL)
    result = compare(pa, pb, settings=NEUTRAL)
    merged = [x for x in result.links if len(x.a) > 1 or len(x.b) > 1]
    assert merged
    for link in merged:
        va = np.asarray(pa.embeddings)[list(link.a)].astype(np.float64).sum(axis=0)
        vb = np.asarray(pb.embeddings)[list(link.b)].astype(np.float64).sum(axis=0)
        cos = float(np.clip(va @ vb / np.linalg.norm(va) / np.linalg.norm(vb), 0, 1))
        assert link.signals[backends.EMBEDDING] == pytest.approx(cos, abs=1e-5)


class _WithParams(HashedWords):
    def __init__(self, weight: float, params: dict) -> None:
        super().__init__(weight)
        self.parameters = params
