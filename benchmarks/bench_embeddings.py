"""The embedding backend measured: MSRP and STS-news with the reference model's cosine.

    COMPARE_EMBEDDINGS=/path/to/all-MiniLM-L6-v2 \\
        .venv/bin/python benchmarks/bench_embeddings.py [--data ../shared/bench] [--cache F.npz]

The model folder must be the reference model (its ``model.safetensors`` sha256 is
checked); nothing is downloaded. Sentences are encoded once (``--cache`` keeps them).

MSRP train, 10-fold stratified CV (seed 0, the folds of ``bench_pairs.py``): in each fold
the same-content model is refitted on the other nine folds, lexically and with the
cosine, and so is ``Settings.partial_accepted`` (``training/fit_links.py``, on the nine
folds' pairs with that fold's model, for each link threshold, as ``bench_links.py``
does); every held-out pair goes **through ``compare()``** (each sentence a report;
same content = a link of relation identical, near_verbatim or paraphrase), at the
default ``link_threshold`` and at the fold's tuned threshold. The fold's parameters
reach ``compare()`` as an embedding backend registered for the fold, whose vectors are
the reference model's (lexical: the cosine's weight is 0, so its probabilities are the
lexical model's); its ``sts`` model is the shipped one of the reference model (fitted
on STS-news train). The model's own decision (probability at its threshold) is printed
beside it, and the TF-IDF cosine baseline with a tuned threshold.
STS-news dev: Spearman of the graded similarity **through ``compare()``** with the
reference backend (``Comparison.similarity_of`` of the sentence pair, linked or not; for
a pair that is no candidate the same regression on the pair's signals and cosine; the
largest over sentence pairs when a side splits), of ``Link.similarity``, of the ``sts``
regression on the pair directly (fitted on the train split, lexically and with the
cosine) and of the cosine alone. Nothing is fitted on the dev split. Speed: sentences
per second of ``prepare()`` with the backend on the MSRP sentences (after the model is
loaded).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

import fit_links
import fit_similarity as fit
from bench_pairs import FOLDS, SEED, f1, table

from compare import compare, similarity
from compare.models import Article
from compare.prepare import prepare
from compare.segment import tokenize
from compare.settings import DEFAULT, Settings
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


def reference_sts() -> dict:
    """The shipped ``sts`` and ``sts_cheap`` models of the reference model (fitted on
    STS-news train)."""
    models = backends.shipped_models()[REFERENCE]["models"]
    return {name: models[name] for name in ("sts", "sts_cheap")}


def through_compare(name: str, encoder, params: dict, s1, s2,
                    settings: Settings = DEFAULT) -> tuple[np.ndarray, list[int]]:
    """Whether ``compare()`` links each pair as the same content under ``params`` (the
    same-content model) and ``settings``, and the pairs it labels only ``partial``."""
    shipped = similarity.parameters()
    full = {"signals": shipped["signals"],
            "models": {"same_content": params, **reference_sts()}}
    backends.register_backend(name, lambda spec: Cached(encoder, full))
    settings = settings.replace(backend=name, embeddings="reference")
    out = np.zeros(len(s1), dtype=bool)
    only_partial = []
    for k, (x, y) in enumerate(zip(s1, s2, strict=True)):
        result = compare(Article.from_text(x, name="a"), Article.from_text(y, name="b"),
                         settings=settings)
        out[k] = any(link.relation in SAME for link in result.links)
        if not out[k] and any(link.relation == "partial" for link in result.links):
            only_partial.append(k)
    return out, only_partial


def bench_msrp(data: Path, encoder) -> None:
    from sklearn.model_selection import StratifiedKFold

    s1, s2, y = fit.load_msrp(data / "msrp" / "msr_paraphrase_train.txt")
    idf = similarity.parameters()["idf"]
    lex = fit.signals(s1, s2, idf)
    cos = encoder.cosines(s1, s2)
    emb = fit.with_cosines(lex, cos)
    evidence = fit_links.partial_evidence(s1, s2)
    runs = ("lex_compare", "emb_compare", "emb_tuned")
    preds = {k: np.zeros(len(y), dtype=bool) for k in
             ("lex_model", "emb_model", "tfidf", "cosine", *runs)}
    cuts: dict[str, list[float]] = {k: [] for k in runs}
    partial: dict[str, list[int]] = {k: [] for k in runs}
    started = time.process_time()
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for f, (train, test) in enumerate(folds.split(lex, y)):
        u1, u2 = fit.unrelated_pairs([s1[k] for k in train], [s2[k] for k in train])
        lex_anchors = fit.signals(u1, u2, idf)
        emb_anchors = fit.with_cosines(lex_anchors, encoder.cosines(u1, u2))
        lp = fit.fit_logistic(lex[train], y[train], lex_anchors)
        ep = fit.fit_logistic(emb[train], y[train], emb_anchors)
        prob = {}
        for key, params, sig in (("lex", lp, lex), ("emb", ep, emb)):
            prob[key] = similarity.apply_model(sig, params={"models": {"m": params}}
                                               | {"signals": similarity.SIGNALS}, model="m")
            preds[f"{key}_model"][test] = prob[key][test] >= params["threshold"]
        ts = [s1[k] for k in test], [s2[k] for k in test]
        for run, key, params, settings in (
            ("lex_compare", "lex", backends.add_cosine_input(lp), DEFAULT),
            ("emb_compare", "emb", ep, DEFAULT),
            ("emb_tuned", "emb", ep, DEFAULT.replace(link_threshold=ep["threshold"])),
        ):
            value = fit_links.fit_partial_accepted(
                evidence.subset(train), prob[key][train] >= settings.link_threshold,
                y[train], settings)
            cuts[run].append(value)
            got, only = through_compare(f"fold{f}-{run}", encoder, params, *ts,
                                        settings=settings.replace(partial_accepted=value))
            preds[run][test] = got
            partial[run] += [int(y[test[k]]) for k in only]
        for key, column in (("tfidf", lex[:, similarity.SIGNALS.index("tfidf")]),
                            ("cosine", cos)):
            cut = fit.best_threshold(column[train], y[train])
            preds[key][test] = column[test] >= cut
        print(f"fold {f + 1}/{FOLDS} done", file=sys.stderr)
    labels = {
        "emb_compare": f"compare(), lexical + embedding cosine, link_threshold "
                       f"{DEFAULT.link_threshold}",
        "emb_tuned": "compare(), lexical + embedding cosine, link_threshold = the fold's",
        "lex_compare": f"compare(), lexical, link_threshold {DEFAULT.link_threshold}",
        "emb_model": "model's own decision, lexical + embedding cosine",
        "lex_model": "model's own decision, lexical (pair_score)",
        "cosine": "embedding cosine alone, tuned threshold",
        "tfidf": "TF-IDF cosine alone, tuned threshold (baseline)",
    }
    rows = [(labels[k], f"{100 * np.mean(preds[k] == (y == 1)):.1f}",
             f"{100 * f1(preds[k], y):.1f}") for k in labels]
    print(table(f"MSRP train, {len(y)} pairs, {FOLDS}-fold stratified CV (seed {SEED}), "
                "all-MiniLM-L6-v2", ("method", "accuracy %", "F1 %"), rows))
    for run in runs:
        got = partial[run]
        share = f"{100 * np.mean(got):.0f}% true paraphrases" if got else "none"
        print(f"{labels[run]}: {len(got)} pairs labelled only partial, {share}; "
              f"partial_accepted per fold: {', '.join(map(str, cuts[run]))}")
    print(f"({time.process_time() - started:.0f} s CPU)")


def _sts_through_compare(d1, d2, encoder, reference: dict) -> tuple[list, list, int]:
    """Per STS pair, through ``compare()`` with the reference backend: the graded
    similarity of the sentence pair linked or not, the best ``Link.similarity`` (0: no
    link); and how many pairs were no candidate (scored by the same regression)."""
    backends.register_backend("sts-reference", lambda spec: Cached(encoder, reference))
    settings = Settings(backend="sts-reference", embeddings="reference")
    pair, linked, missing = [], [], 0
    for x, y in zip(d1, d2, strict=True):
        result = compare(Article.from_text(x, name="a"), Article.from_text(y, name="b"),
                         settings=settings)
        linked.append(max((link.similarity for link in result.links), default=0.0))
        best = 0.0
        for i, si in enumerate(result.a.sentences):
            for j, sj in enumerate(result.b.sentences):
                value = result.similarity_of(i, j)
                if value is None:
                    missing += 1
                    value = _direct(si.text, sj.text, encoder, reference)
                best = max(best, value)
        pair.append(best)
    return pair, linked, missing


def _direct(x: str, y: str, encoder, reference: dict) -> float:
    """The reference backend's STS regression of one sentence pair (signals and cosine)."""
    fa, fb = similarity.featurize([tokenize(x)], [tokenize(y)])
    if fa.words[0] == fb.words[0]:
        return 1.0
    sig = fit.with_cosines(similarity.signals_for_pairs(fa, fb, [0], [0]),
                           encoder.cosines([x], [y]))
    return float(similarity.apply_model(sig, "sts", reference)[0])


def bench_sts(data: Path, encoder) -> None:
    from scipy.stats import spearmanr

    t1, t2, ty = fit.load_sts(data / "stsb" / "sts-news-train.tsv")
    d1, d2, dy = fit.load_sts(data / "stsb" / "sts-news-dev.tsv")
    idf = similarity.parameters()["idf"]
    train = fit.with_cosines(fit.signals(t1, t2, idf), encoder.cosines(t1, t2))
    lex = fit.signals(d1, d2, idf)
    cos = encoder.cosines(d1, d2)
    emb_params = fit.fit_ridge(train, ty)
    reference = backends.shipped_models()[REFERENCE]
    started = time.process_time()
    pair, linked, missing = _sts_through_compare(d1, d2, encoder, reference)
    seconds = time.process_time() - started
    holder = {"signals": similarity.SIGNALS}
    rows = [
        ("compare(), reference backend: similarity_of the sentence pair, linked or not",
         spearmanr(pair, dy)),
        ("compare(), reference backend: Link.similarity of the best link (0: no link)",
         spearmanr(linked, dy)),
        ("sts regression, lexical + embedding cosine (fitted on train, this run)",
         spearmanr(similarity.apply_model(fit.with_cosines(lex, cos), "m",
                                          holder | {"models": {"m": emb_params}}), dy)),
        ("sts regression, lexical + embedding cosine (shipped parameters)",
         spearmanr(similarity.apply_model(fit.with_cosines(lex, cos), "sts", reference), dy)),
        ("sts regression, lexical (shipped)", spearmanr(similarity.apply_model(lex, "sts"), dy)),
        ("embedding cosine alone", spearmanr(cos, dy)),
        ("TF-IDF cosine alone (baseline)",
         spearmanr(lex[:, similarity.SIGNALS.index("tfidf")], dy)),
    ]
    print(table(f"STS-news dev, {len(dy)} pairs, all-MiniLM-L6-v2 ({missing} sentence pairs "
                f"no candidate of compare(); compare() {seconds:.0f} s CPU)",
                ("score", "Spearman"), [(label, f"{r.statistic:.3f}") for label, r in rows]))


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
