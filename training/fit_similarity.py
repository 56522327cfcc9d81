"""Refit the sentence-similarity parameters and write ``src/compare/data/similarity.json``.

    .venv/bin/python training/fit_similarity.py [--data ../shared/bench]
    .venv/bin/python training/fit_similarity.py --embeddings FOLDER --name NAME --revision REV

With ``--embeddings`` (a model folder), the same three models are fitted with the model's
sentence cosine as an extra input (``embedding_cosine``) and written to
``src/compare/data/embeddings/<name>.json`` with the model's name, revision and the
sha256 of its weights (what the library checks before using them); the IDF table stays
the shipped one. Sentences are encoded once and kept in ``--cache`` (an .npz file).

Reads the MSRP train split and the STS-news train split (never copied into the
project). Writes three things: the IDF table (document frequencies of words over the
MSRP and STS-news *training* sentences, words seen at least twice), the
``same_content`` logistic regression (MSRP labels) behind ``pair_score`` and the
``sts`` linear regression (STS-news train scores, 0-5 mapped to 0-1) and ``sts_cheap``,
the same without the costly string signals (:data:`compare.similarity.EXPENSIVE`).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.preprocessing import StandardScaler

from compare import similarity
from compare.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "compare" / "data" / "similarity.json"
REFIT = "python training/fit_similarity.py --data ../shared/bench"
LOGISTIC_C = 0.05
RIDGE_ALPHA = 30.0
MIN_DF = 2
ANCHORS = 300


def load_msrp(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Sentences and labels of an MSRP split (TSV with header, UTF-8 BOM)."""
    s1, s2, y = [], [], []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) < 5:
                continue
            y.append(int(row[0]))
            s1.append(row[3])
            s2.append(row[4])
    return s1, s2, np.asarray(y)


def load_sts(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Sentences and 0-5 scores of an STS Benchmark file (no header, no quoting)."""
    s1, s2, y = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7:
                continue
            y.append(float(row[4]))
            s1.append(row[5])
            s2.append(row[6])
    return s1, s2, np.asarray(y)


def document_frequencies(sentences: list[str]) -> dict:
    """``{"documents": n, "df": {word: df}}`` over distinct sentences, words with df >= MIN_DF."""
    distinct = sorted(set(sentences))
    df: dict[str, int] = {}
    for text in distinct:
        for w in {w.norm for w in tokenize(text) if w.content}:
            df[w] = df.get(w, 0) + 1
    kept = {w: c for w, c in sorted(df.items()) if c >= MIN_DF}
    return {"documents": len(distinct), "min_df": MIN_DF, "df": kept}


def signals(s1: list[str], s2: list[str], idf_table: dict) -> np.ndarray:
    """Signal rows for the pairs ``(s1[k], s2[k])``."""
    fa, fb = similarity.featurize(
        [tokenize(t) for t in s1], [tokenize(t) for t in s2], similarity.idf_weights(idf_table)
    )
    k = np.arange(len(s1))
    return similarity.signals_for_pairs(fa, fb, k, k)


def with_cosines(sig: np.ndarray, cosines: np.ndarray | None) -> np.ndarray:
    """Signal rows with the embedding cosine column appended (unchanged without one)."""
    return sig if cosines is None else np.column_stack([sig, cosines])


class Encoder:
    """Sentence vectors of one model folder, each distinct sentence encoded once (kept in
    an .npz ``cache`` between runs when given)."""

    def __init__(self, folder: Path, cache: Path | None = None) -> None:
        from compare.similarity import backends
        from compare.similarity.onnxrt import ONNX_FILES

        self.model = backends.resolve(str(folder))
        if any((self.model.path / f).is_file() for f in ONNX_FILES):
            from compare.similarity.onnxrt import OnnxBackend as Backend
        else:
            from compare.similarity.sbert import SentenceTransformerBackend as Backend
        self.backend = Backend(self.model, {})
        self.cache = cache
        self.vectors: dict[str, np.ndarray] = {}
        if cache is not None and cache.is_file():
            with np.load(cache) as saved:
                if str(saved["sha256"]) == self.model.sha256:
                    texts = saved["texts"].tolist()
                    self.vectors = dict(zip(texts, saved["vectors"], strict=True))

    def encode(self, texts: list[str]) -> np.ndarray:
        new = sorted({t for t in texts if t not in self.vectors})
        if new:
            for t, v in zip(new, self.backend.encode(new), strict=True):
                self.vectors[t] = v
            if self.cache is not None:
                keys = sorted(self.vectors)
                np.savez(self.cache, sha256=self.model.sha256, texts=np.asarray(keys),
                         vectors=np.stack([self.vectors[t] for t in keys]))
        return np.stack([self.vectors[t] for t in texts]) if texts else np.zeros((0, 0))

    def cosines(self, s1: list[str], s2: list[str]) -> np.ndarray:
        """The ``embedding_cosine`` of each pair ``(s1[k], s2[k])``."""
        from compare.similarity import backends

        self.encode(list(s1) + list(s2))
        k = np.arange(len(s1))
        return backends.cosine(self.encode(list(s1)), self.encode(list(s2)), k, k)


def _fit(sig: np.ndarray, y: np.ndarray, estimator) -> dict:
    """Fit ``estimator`` on the standardised inputs and all their pairwise products.

    The products are standardised again for fitting; that second scaling is folded back
    into the weights so the shipped model needs only ``mean`` and ``scale``.
    """
    x = similarity.model_inputs(sig)
    extra = similarity.signal_names(sig)[len(similarity.SIGNALS):]
    scaler = StandardScaler().fit(x)
    z = scaler.transform(x)
    q = similarity.quadratic_terms(z)
    q_scaler = StandardScaler().fit(q)
    estimator.fit(np.hstack([z, q_scaler.transform(q)]), y)
    coef = np.ravel(estimator.coef_)
    intercept = float(np.ravel(estimator.intercept_)[0])
    n = z.shape[1]
    q_coef = coef[n:] / q_scaler.scale_
    intercept -= float(q_coef @ q_scaler.mean_)
    quadratic = np.zeros((n, n))
    quadratic[np.triu_indices(n)] = q_coef
    return {
        "inputs": list(similarity.INPUTS) + list(extra),
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "intercept": intercept,
        "linear": coef[:n].tolist(),
        "quadratic": quadratic.tolist(),
    }


def unrelated_pairs(s1: list[str], s2: list[str], n: int = ANCHORS) -> tuple[list, list]:
    """``n`` pairs of sentences from different MSRP rows (seed 0): clearly not the same."""
    rng = np.random.default_rng(0)
    i = rng.choice(len(s1), size=min(n, len(s1)), replace=False)
    j = (i + rng.integers(1, len(s2), size=len(i))) % len(s2)
    return [s1[k] for k in i], [s2[k] for k in j]


def fit_logistic(sig: np.ndarray, y: np.ndarray, anchors: np.ndarray | None = None) -> dict:
    """Logistic regression (same content or not), as plain numbers, with its threshold.

    ``anchors`` are signals of unrelated pairs added as negatives: MSRP holds only pairs
    picked for looking alike, so without them the quadratic model is free to score
    unrelated sentences of two reports high. The threshold is tuned on ``sig`` alone.
    """
    params = {"kind": "logistic"}
    x_fit, y_fit = sig, y
    if anchors is not None and len(anchors):
        x_fit = np.vstack([sig, anchors])
        y_fit = np.concatenate([y, np.zeros(len(anchors), dtype=y.dtype)])
    params.update(_fit(x_fit, y_fit, LogisticRegression(C=LOGISTIC_C, max_iter=5000)))
    z = (similarity.model_inputs(sig) - np.asarray(params["mean"])) / np.asarray(
        params["scale"]
    )
    logit = (
        z @ np.asarray(params["linear"])
        + np.einsum("ki,ij,kj->k", z, np.asarray(params["quadratic"]), z)
        + params["intercept"]
    )
    params["threshold"] = best_threshold(1.0 / (1.0 + np.exp(-logit)), y)
    return params


def fit_ridge(sig: np.ndarray, y: np.ndarray, top: float = 5.0) -> dict:
    """Linear regression of a 0-``top`` score (output / top, clipped to [0, 1])."""
    params = {"kind": "linear", "max": top}
    params.update(_fit(sig, y, Ridge(alpha=RIDGE_ALPHA)))
    return params


def fit_ridge_without(sig: np.ndarray, y: np.ndarray, left_out: tuple[str, ...]) -> dict:
    """:func:`fit_ridge` with the signals ``left_out`` held at 0 (exactly, so that every
    term holding them is 0 and gets weight 0); :func:`compare.similarity.apply_model`
    fills them in with the recorded mean, 0 (the model's ``without``), so it scores
    pairs whose costly signals were not computed."""
    sig = np.array(sig, dtype=np.float64)
    columns = [similarity.SIGNALS.index(name) for name in left_out]
    sig[:, columns] = 0.0
    params = fit_ridge(sig, y)
    return {**params, "without": list(left_out)}


def best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    """The cut on ``score`` with the best mean of accuracy and F1 (ties: the lowest cut)."""
    order = np.sort(np.unique(np.round(score, 6)))
    cuts = np.concatenate([[0.0], (order[:-1] + order[1:]) / 2]) if len(order) > 1 else order
    pos = y == 1
    best, best_cut = -1.0, 0.5
    for c in cuts:
        pred = score >= c
        tp = np.sum(pred & pos)
        f1 = 2 * tp / (pred.sum() + pos.sum()) if tp else 0.0
        value = (np.mean(pred == pos) + f1) / 2
        if value > best:
            best, best_cut = value, float(c)
    return best_cut


def rounded(obj, digits: int = 6):
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, list):
        return [rounded(v, digits) for v in obj]
    if isinstance(obj, dict):
        return {k: rounded(v, digits) for k, v in obj.items()}
    return obj


def write(params: dict, path: Path) -> None:
    """Models first and readable (one line per list), the long IDF table last."""
    lines = ["{"]
    for key in ("about", "refit", "signals", "models"):
        value = params[key]
        if key == "models":
            lines.append('  "models": {')
            names = list(value)
            for n, name in enumerate(names):
                lines.append(f'    "{name}": {{')
                items = list(value[name].items())
                for k, (field, v) in enumerate(items):
                    comma = "," if k < len(items) - 1 else ""
                    if field == "quadratic":
                        rows = ",\n        ".join(json.dumps(r) for r in v)
                        lines.append(f'      "quadratic": [\n        {rows}\n      ]{comma}')
                    else:
                        lines.append(f"      {json.dumps(field)}: {json.dumps(v)}{comma}")
                lines.append("    }" + ("," if n < len(names) - 1 else ""))
            lines.append("  },")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value)},")
    idf = params["idf"]
    lines.append('  "idf": {')
    lines.append(f'    "documents": {idf["documents"]},')
    lines.append(f'    "min_df": {idf["min_df"]},')
    lines.append('    "df": {')
    words = list(idf["df"].items())
    for k, (w, c) in enumerate(words):
        comma = "," if k < len(words) - 1 else ""
        lines.append(f"      {json.dumps(w, ensure_ascii=False)}: {c}{comma}")
    lines.append("    }")
    lines.append("  }")
    lines.append("}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fit_embeddings(args, m: tuple, t: tuple) -> int:
    """Fit the models with the cosine of ``args.embeddings`` and write its parameter file."""
    (m1, m2, my), (t1, t2, ty) = m, t
    encoder = Encoder(args.embeddings, args.cache)
    idf_table = similarity.parameters()["idf"]
    u1, u2 = unrelated_pairs(m1, m2)
    anchors = with_cosines(signals(u1, u2, idf_table), encoder.cosines(u1, u2))
    same = fit_logistic(with_cosines(signals(m1, m2, idf_table), encoder.cosines(m1, m2)),
                        my, anchors)
    sts_signals = with_cosines(signals(t1, t2, idf_table), encoder.cosines(t1, t2))
    sts_model = fit_ridge(sts_signals, ty)
    sts_cheap = fit_ridge_without(sts_signals, ty, similarity.EXPENSIVE)
    model = encoder.model
    name = args.name or model.name
    params = {
        "about": (
            f"Fitted parameters of compare.similarity with the sentence cosine of {name} "
            "as an extra input (embedding_cosine): models.same_content, logistic regression "
            "on MSRP train labels; models.sts, ridge regression on STS-news train scores / 5; "
            "models.sts_cheap, the same without the costly string signals (weights 0; "
            "'without'), for candidate pairs whose costly signals were not computed. "
            "Used only with this model (its weights' sha256 is checked); the IDF table is "
            "similarity.json's."
        ),
        "refit": f"python training/fit_similarity.py --embeddings FOLDER --name {name} "
                 f"--revision {args.revision or 'unknown'} --data ../shared/bench",
        "model": {"name": name, "revision": args.revision or "unknown",
                  "weights": model.weights, "sha256": model.sha256,
                  "bytes": (model.path / model.weights).stat().st_size},
        "signals": list(similarity.SIGNALS),
        "models": rounded({"same_content": same, "sts": sts_model, "sts_cheap": sts_cheap}),
    }
    out = args.out if args.out != OUT else OUT.parent / "embeddings" / (
        name.rsplit("/", 1)[-1] + ".json")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} ({name}, {model.weights} sha256 {model.sha256[:12]}...)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--embeddings", type=Path, metavar="FOLDER",
                        help="fit with this embedding model's cosine (a model folder)")
    parser.add_argument("--name", help="the model's hub name (default: the folder)")
    parser.add_argument("--revision", help="the model's revision (commit), recorded")
    parser.add_argument("--cache", type=Path, help="an .npz file keeping the sentence vectors")
    args = parser.parse_args(argv)
    msrp = args.data / "msrp" / "msr_paraphrase_train.txt"
    sts = args.data / "stsb" / "sts-news-train.tsv"
    for name, path in (("MSRP", msrp), ("STS-news", sts)):
        if not path.is_file():
            print(f"skipped: {name} not found at {path}")
            return 0
    m1, m2, my = load_msrp(msrp)
    t1, t2, ty = load_sts(sts)
    if args.embeddings is not None:
        return fit_embeddings(args, (m1, m2, my), (t1, t2, ty))
    idf_table = document_frequencies(m1 + m2 + t1 + t2)
    anchors = signals(*unrelated_pairs(m1, m2), idf_table)
    same = fit_logistic(signals(m1, m2, idf_table), my, anchors)
    sts_signals = signals(t1, t2, idf_table)
    sts_model = fit_ridge(sts_signals, ty)
    sts_cheap = fit_ridge_without(sts_signals, ty, similarity.EXPENSIVE)
    params = {
        "about": (
            "Fitted parameters of compare.similarity. models.same_content: logistic "
            "regression on MSRP train labels (pair_score, Link.score). models.sts: ridge "
            "regression on STS-news train scores / 5 (Link.similarity). models.sts_cheap: "
            "the same without the costly string signals (weights 0; 'without'), for "
            "candidate pairs whose costly signals were not computed. Inputs (signals, see "
            "compare.similarity.model_inputs) are standardised, z = (x - mean) / scale; "
            "the model is intercept + linear . z + z' quadratic z. idf: document "
            "frequencies of content "
            "words over MSRP + STS-news train sentences."
        ),
        "refit": REFIT,
        "signals": list(similarity.SIGNALS),
        "models": rounded({"same_content": same, "sts": sts_model, "sts_cheap": sts_cheap}),
        "idf": idf_table,
    }
    write(params, args.out)
    print(f"wrote {args.out} ({len(idf_table['df'])} IDF words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
