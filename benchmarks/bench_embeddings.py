"""The embedding backend measured: MSRP and STS-news with the reference model's cosine.

    COMPARE_EMBEDDINGS=/path/to/all-MiniLM-L6-v2 \\
        .venv/bin/python benchmarks/bench_embeddings.py [--data ../shared/bench] [--cache F.npz]

The model folder must be the reference model (its ``model.safetensors`` sha256 is
checked); nothing is downloaded. Sentences are encoded once (``--cache`` keeps them).

MSRP train, 10-fold stratified CV (seed 0, the folds of ``bench_pairs.py``): in each fold
the same-content model is refitted on the other nine folds, lexically and with the
cosine, and every held-out pair goes **through ``compare()``** (each sentence a report;
same content = a link of relation identical, near_verbatim or paraphrase). The fold's
parameters reach ``compare()`` as an embedding backend registered for the fold, whose
vectors are the reference model's (lexical: the cosine's weight is 0, so its
probabilities are the lexical model's). The model's own decision (probability at its
threshold) is printed beside it, and the TF-IDF cosine baseline with a tuned threshold.
STS-news dev: Spearman of the ``sts`` regression (fitted on the train split, lexically
and with the cosine) and of the cosine alone. Speed: sentences per second of
``prepare()`` with the backend on the MSRP sentences (after the model is loaded).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

import fit_similarity as fit
from bench_pairs import FOLDS, SEED, f1, table

from compare import compare, similarity
from compare.models import Article
from compare.prepare import prepare
from compare.settings import Settings
from compare.similarity import backends

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SAME = ("identical", "near_verbatim", "paraphrase")


class Cached:
    """An embedding backend of vectors already computed by the reference model, with the
    parameters of one fold."""

    def __init__(self, encoder: fit.Encoder, parameters: dict) -> None:
        self.encoder, self.parameters = encoder, parameters
        self.model_id = "reference (cached)"

    def encode(self, texts):
        return self.encoder.encode(list(texts)).astype(np.float32)


def through_compare(name: str, encoder, params: dict, s1, s2) -> np.ndarray:
    """Whether ``compare()`` links each pair as the same content, under ``params``."""
    shipped = similarity.parameters()
    full = {"signals": shipped["signals"], "models": {"same_content": params,
                                                       "sts": backends.add_cosine_input(
                                                           shipped["models"]["sts"])}}
    backends.register_backend(name, lambda spec: Cached(encoder, full))
    settings = Settings(backend=name, embeddings="reference")
    out = np.zeros(len(s1), dtype=bool)
    for k, (x, y) in enumerate(zip(s1, s2, strict=True)):
        result = compare(Article.from_text(x, name="a"), Article.from_text(y, name="b"),
                         settings=settings)
        out[k] = any(link.relation in SAME for link in result.links)
    return out


def bench_msrp(data: Path, encoder) -> None:
    from sklearn.model_selection import StratifiedKFold

    s1, s2, y = fit.load_msrp(data / "msrp" / "msr_paraphrase_train.txt")
    idf = similarity.parameters()["idf"]
    lex = fit.signals(s1, s2, idf)
    cos = encoder.cosines(s1, s2)
    emb = fit.with_cosines(lex, cos)
    preds = {k: np.zeros(len(y), dtype=bool) for k in
             ("lex_model", "emb_model", "lex_compare", "emb_compare", "tfidf", "cosine")}
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for f, (train, test) in enumerate(folds.split(lex, y)):
        u1, u2 = fit.unrelated_pairs([s1[k] for k in train], [s2[k] for k in train])
        lex_anchors = fit.signals(u1, u2, idf)
        emb_anchors = fit.with_cosines(lex_anchors, encoder.cosines(u1, u2))
        lp = fit.fit_logistic(lex[train], y[train], lex_anchors)
        ep = fit.fit_logistic(emb[train], y[train], emb_anchors)
        for key, params, sig in (("lex", lp, lex), ("emb", ep, emb)):
            prob = similarity.apply_model(sig[test], params={"models": {"m": params}}
                                          | {"signals": similarity.SIGNALS}, model="m")
            preds[f"{key}_model"][test] = prob >= params["threshold"]
        ts = [s1[k] for k in test], [s2[k] for k in test]
        preds["lex_compare"][test] = through_compare(f"fold{f}-lex", encoder,
                                                     backends.add_cosine_input(lp), *ts)
        preds["emb_compare"][test] = through_compare(f"fold{f}-emb", encoder, ep, *ts)
        for key, column in (("tfidf", lex[:, similarity.SIGNALS.index("tfidf")]),
                            ("cosine", cos)):
            cut = fit.best_threshold(column[train], y[train])
            preds[key][test] = column[test] >= cut
        print(f"fold {f + 1}/{FOLDS} done", file=sys.stderr)
    labels = {
        "emb_compare": "compare(), lexical + embedding cosine",
        "lex_compare": "compare(), lexical",
        "emb_model": "model's own decision, lexical + embedding cosine",
        "lex_model": "model's own decision, lexical (pair_score)",
        "cosine": "embedding cosine alone, tuned threshold",
        "tfidf": "TF-IDF cosine alone, tuned threshold (baseline)",
    }
    rows = [(labels[k], f"{100 * np.mean(preds[k] == (y == 1)):.1f}",
             f"{100 * f1(preds[k], y):.1f}") for k in labels]
    print(table(f"MSRP train, {len(y)} pairs, {FOLDS}-fold stratified CV (seed {SEED}), "
                "all-MiniLM-L6-v2", ("method", "accuracy %", "F1 %"), rows))


def bench_sts(data: Path, encoder) -> None:
    from scipy.stats import spearmanr

    t1, t2, ty = fit.load_sts(data / "stsb" / "sts-news-train.tsv")
    d1, d2, dy = fit.load_sts(data / "stsb" / "sts-news-dev.tsv")
    idf = similarity.parameters()["idf"]
    train = fit.with_cosines(fit.signals(t1, t2, idf), encoder.cosines(t1, t2))
    lex = fit.signals(d1, d2, idf)
    cos = encoder.cosines(d1, d2)
    emb_params = fit.fit_ridge(train, ty)
    shipped = backends.shipped_models()[REFERENCE]["models"]["sts"]
    holder = {"signals": similarity.SIGNALS}
    rows = [
        ("sts regression, lexical + embedding cosine (fitted on train, this run)",
         spearmanr(similarity.apply_model(fit.with_cosines(lex, cos), "m",
                                          holder | {"models": {"m": emb_params}}), dy)),
        ("sts regression, lexical + embedding cosine (shipped parameters)",
         spearmanr(similarity.apply_model(fit.with_cosines(lex, cos), "m",
                                          holder | {"models": {"m": shipped}}), dy)),
        ("sts regression, lexical (shipped)", spearmanr(similarity.apply_model(lex, "sts"), dy)),
        ("embedding cosine alone", spearmanr(cos, dy)),
        ("TF-IDF cosine alone (baseline)",
         spearmanr(lex[:, similarity.SIGNALS.index("tfidf")], dy)),
    ]
    print(table(f"STS-news dev, {len(dy)} pairs, all-MiniLM-L6-v2", ("score", "Spearman"),
                [(label, f"{r.statistic:.3f}") for label, r in rows]))


def bench_speed(data: Path, folder: str) -> None:
    """Sentences per second of prepare() with the sentence-transformers backend."""
    s1, _, _ = fit.load_msrp(data / "msrp" / "msr_paraphrase_train.txt")
    text = "\n\n".join(s1[:400])
    article = Article.from_text(text, name="speed")
    settings = Settings(backend="sentence-transformers", embeddings=folder)
    prepare(Article.from_text("Warm up the model.", name="w"), settings)
    rows = []
    for label, s in (("lexical", Settings()), ("sentence-transformers", settings)):
        start = time.perf_counter()
        prepare(article, s)
        seconds = time.perf_counter() - start
        n = len(article.sentences)
        rows.append((label, n, f"{seconds:.2f}", f"{n / seconds:.0f}"))
    print(table("prepare() of one report of MSRP sentences (model loaded)",
                ("backend", "sentences", "seconds", "sentences/s"), rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--model", default=os.environ.get(backends.ENVIRONMENT, ""),
                        help="the reference model folder (default: $COMPARE_EMBEDDINGS)")
    parser.add_argument("--cache", type=Path, help="an .npz file keeping the sentence vectors")
    parser.add_argument("--skip-msrp", action="store_true")
    args = parser.parse_args(argv)
    if not args.model:
        print("skipped: no model folder (--model or COMPARE_EMBEDDINGS)")
        return 0
    if not (args.data / "msrp").is_dir() or not (args.data / "stsb").is_dir():
        print(f"skipped: MSRP or STS-news not found under {args.data}")
        return 0
    if backends.resolve(args.model).sha256 != REFERENCE:
        print(f"{args.model}: not the reference model (model.safetensors sha256 differs)",
              file=sys.stderr)
        return 2
    encoder = fit.Encoder(Path(args.model), args.cache)
    bench_sts(args.data, encoder)
    if not args.skip_msrp:
        bench_msrp(args.data, encoder)
    bench_speed(args.data, args.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
