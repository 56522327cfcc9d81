"""Sentence links through ``compare()``: MSRP, STS-news, ECB+ event chains, a TF-IDF baseline.

    .venv/bin/python benchmarks/bench_links.py [--data ../shared/bench] [--only msrp,sts,ecb]

MSRP train, 10-fold stratified CV (seed 0, the folds of ``bench_pairs.py``): in each
fold the same-content model is refitted on the other nine folds (as ``bench_pairs.py``
does) and used by ``compare()`` on each held-out pair, the two sentences as two
one-sentence reports; a pair is "same content" when ``compare()`` gives a link of
relation identical, near_verbatim or paraphrase. Two settings: the default
``link_threshold`` and the fold's own tuned threshold. Beside them, in the same run, the
model's own figure (its probability with the fold's threshold) and a TF-IDF cosine
with a threshold tuned on the nine folds. ``partial_accepted`` (when a pair the model
accepts is ``partial``) is refitted in each fold on the nine training folds too
(``training/fit_links.py``, for each of the two link thresholds). The benchmark swaps
the fitted parameters in ``compare.similarity.model`` for each fold; the IDF table stays
the shipped one (document frequencies over all MSRP and STS-news train sentences, no
labels).
STS-news dev: Spearman against the human scores of the graded similarity of the
sentence pair whether or not it is linked (``Comparison.similarity_of``: the candidate
pair's ``Scores.similarity``; ``pair_similarity`` for a pair that is no candidate; the largest
over the sentence pairs when a side splits into several sentences), and of
``Link.similarity`` (the best link's, 0 with no link); TF-IDF cosine beside them.
Nothing here is fitted on the dev split.
ECB+ topics 1-35 (nothing fitted on ECB+): for every pair of documents of one subtopic
(same event), the links between their annotated sentences against the annotated
sentence pairs that share an event chain (``event_chains``): precision and recall of
the sentence pairs, and of TF-IDF cosine at fixed cuts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

import fit_links
import fit_similarity as fit
from bench_pairs import FOLDS, SEED, f1, load_set, table

import compare.similarity.model as model
from compare import Article, compare, prepare, similarity
from compare.align import align
from compare.segment import tokenize
from compare.settings import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
SAME = {"identical", "near_verbatim", "paraphrase"}


def same_content(result) -> bool:
    return any(link.relation in SAME for link in result.links)


def tfidf_cosine(s1: list[str], s2: list[str]) -> np.ndarray:
    """Cosine of the TF-IDF vectors (shipped IDF) of each pair ``(s1[k], s2[k])``."""
    return fit.signals(s1, s2, similarity.parameters()["idf"])[:, similarity.SIGNALS.index("tfidf")]


def _with_model(shipped: dict, fold_model: dict):
    params = json.loads(json.dumps(shipped))
    params["models"]["same_content"] = {**params["models"]["same_content"], **fold_model}
    return lambda: params


def bench_msrp(data: Path) -> None:
    from sklearn.model_selection import StratifiedKFold

    loaded = load_set(data, "msrp")
    if loaded is None:
        return
    s1, s2, y = loaded
    shipped = similarity.parameters()
    sig = fit.signals(s1, s2, shipped["idf"])
    evidence = fit_links.partial_evidence(s1, s2)
    cuts: dict[str, list[float]] = {"default": [], "tuned": []}
    cos = sig[:, similarity.SIGNALS.index("tfidf")]
    preds = {k: np.zeros(len(y), dtype=bool) for k in ("default", "tuned", "model", "tfidf")}
    partial = {"default": [], "tuned": []}
    original = model.parameters
    started = time.perf_counter()
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    try:
        for train, test in folds.split(sig, y):
            anchors = fit.signals(
                *fit.unrelated_pairs([s1[k] for k in train], [s2[k] for k in train]),
                shipped["idf"],
            )
            params = fit.fit_logistic(sig[train], y[train], anchors)
            model.parameters = _with_model(shipped, params)
            cut = params["threshold"]
            preds["model"][test] = similarity.apply_model(sig[test]) >= cut
            preds["tfidf"][test] = cos[test] >= fit.best_threshold(cos[train], y[train])
            train_prob = similarity.apply_model(sig[train])
            for name, settings in (
                ("default", DEFAULT),
                ("tuned", DEFAULT.replace(link_threshold=cut)),
            ):
                value = fit_links.fit_partial_accepted(
                    evidence.subset(train), train_prob >= settings.link_threshold, y[train],
                    settings,
                )
                cuts[name].append(value)
                settings = settings.replace(partial_accepted=value)
                for k in test.tolist():
                    result = compare(
                        Article.from_text(s1[k]), Article.from_text(s2[k]), settings=settings
                    )
                    preds[name][k] = same_content(result)
                    if (
                        any(link.relation == "partial" for link in result.links)
                        and not preds[name][k]
                    ):
                        partial[name].append(int(y[k]))
    finally:
        model.parameters = original
    rows = []
    labels = {
        "default": f"compare(), default link_threshold {DEFAULT.link_threshold}",
        "tuned": "compare(), link_threshold = the fold's tuned threshold",
        "model": "the model's own figure: pair_score >= the fold's threshold",
        "tfidf": "baseline: TF-IDF cosine, threshold tuned on the nine folds",
    }
    for key, label in labels.items():
        pred = preds[key]
        rows.append((label, f"{100 * np.mean(pred == (y == 1)):.1f}", f"{100 * f1(pred, y):.1f}"))
    print(
        table(
            f"MSRP train, {len(y)} pairs, {FOLDS}-fold stratified CV (seed {SEED}), "
            f"same content = a link identical/near_verbatim/paraphrase",
            ("method", "accuracy %", "F1 %"),
            rows,
        )
    )
    for key in ("default", "tuned"):
        got = partial[key]
        share = f"{100 * np.mean(got):.0f}% true paraphrases" if got else "none"
        print(f"{labels[key]}: {len(got)} pairs labelled only partial, {share}; "
              f"partial_accepted fitted per fold: {', '.join(map(str, cuts[key]))}")
    print(f"({time.perf_counter() - started:.0f} s)")


def _graded(result, i: int, j: int) -> float:
    """The graded similarity of sentences i and j: the comparison's own for a candidate
    pair, else computed (``pair_similarity``, the same STS regression)."""
    value = result.similarity_of(i, j)
    if value is None:
        value = similarity.pair_similarity(result.a.words[i], result.b.words[j])
    return value


def bench_sts(data: Path) -> None:
    from scipy.stats import spearmanr

    loaded = load_set(data, "sts")
    if loaded is None:
        return
    s1, s2, y = loaded
    graded, linked, pair, candidate, exact = [], [], [], [], []
    for a, b in zip(s1, s2, strict=True):
        result = compare(Article.from_text(a), Article.from_text(b))
        links = result.links
        linked.append(bool(links))
        graded.append(max((link.similarity for link in links), default=0.0))
        n, m = len(result.a.sentences), len(result.b.sentences)
        pair.append(max(_graded(result, i, j) for i in range(n) for j in range(m)))
        candidate.append(len(result.scores) > 0)
        exact.append(all(result.scores.exact) and len(result.scores) > 0)
    sig = fit.signals(s1, s2, similarity.parameters()["idf"])
    direct = similarity.apply_model(sig, "sts")
    has = np.asarray(linked)
    rows = [
        (
            "compare(): similarity_of the sentence pair, linked or not (Scores.similarity)",
            f"{spearmanr(pair, y).statistic:.3f}",
        ),
        (
            "compare(): Link.similarity of the best link (0: no link)",
            f"{spearmanr(graded, y).statistic:.3f}",
        ),
        (
            "sts regression on the pair directly",
            f"{spearmanr(direct, y).statistic:.3f}",
        ),
        (
            f"on the {has.sum()} linked pairs only: Link.similarity",
            f"{spearmanr(np.asarray(graded)[has], y[has]).statistic:.3f}",
        ),
        (
            f"on the {has.sum()} linked pairs only: sts regression directly",
            f"{spearmanr(direct[has], y[has]).statistic:.3f}",
        ),
        ("baseline: TF-IDF cosine", f"{spearmanr(tfidf_cosine(s1, s2), y).statistic:.3f}"),
    ]
    print(
        table(
            f"STS-news dev, {len(y)} pairs ({has.sum()} with a link; {sum(candidate)} "
            f"candidates, {sum(exact)} of them scored exactly, the others by sts_cheap)",
            ("score", "Spearman"),
            rows,
        )
    )


def _detokenise(sentence: str) -> str:
    """ECB+'s PTB tokens back to plain text (quotes, spaces before punctuation)."""
    text = (
        sentence.replace("``", '"').replace("''", '"').replace("-LRB-", "(").replace("-RRB-", ")")
    )
    for mark in (" ,", " .", " ;", " :", " ?", " !", " 's", " n't", " %", " )"):
        text = text.replace(mark, mark[1:])
    return text.replace("( ", "(")


def ecb_article(doc: dict) -> tuple[Article, dict[int, int]]:
    """The document as an article (one paragraph per ECB+ sentence) and, for each of its
    sentences, the ECB+ sentence it starts in."""
    starts, parts, at = [], [], 0
    for text in map(_detokenise, doc["sentences"]):
        starts.append(at)
        parts.append(text)
        at += len(text) + 2
    article = Article.from_text("\n\n".join(parts), name=doc["doc"])
    ids = doc["sentence_ids"]
    owner = {
        s.index: ids[int(np.searchsorted(starts, s.start, side="right")) - 1]
        for s in article.sentences
    }
    return article, owner


def ecb_subtopics(path: Path, parity: int | None = None) -> dict[str, list[dict]]:
    """The documents of ``path`` (the ECB+ JSONL) by subtopic; ``parity`` 1 keeps the odd
    topics only (the fit part), 0 the even ones, None all."""
    by_subtopic: dict[str, list[dict]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            if parity is None or doc["topic"] % 2 == parity:
                by_subtopic.setdefault(doc["subtopic"], []).append(doc)
    return by_subtopic


def ecb_pairs(by_subtopic: dict[str, list[dict]]):
    """Every pair of documents of one subtopic, each side as (document, prepared report,
    the ECB+ sentence of each of its sentences, its event chains by ECB+ sentence)."""
    for members in by_subtopic.values():
        prepared = []
        for doc in members:
            article, owner = ecb_article(doc)
            chains = {int(k): set(v) for k, v in doc["event_chains"].items()}
            prepared.append((doc, prepare(article), owner, chains))
        yield from itertools.combinations(prepared, 2)


def bench_ecb(data: Path) -> None:
    path = data / "ecbplus" / "ecbplus_train_dev.jsonl"
    if not path.is_file():
        print(f"skipped: ECB+ not found at {path}")
        return
    by_subtopic = ecb_subtopics(path)
    started = time.perf_counter()
    found = gold_total = found_right = 0
    # by settings and topic parity (the event-link settings were chosen on odd topics)
    runs = {"default settings": DEFAULT, "event_links=True": DEFAULT.replace(event_links=True)}
    split = {(name, parity): [0, 0, 0] for name in runs for parity in (0, 1)}
    cuts = (0.2, 0.3, 0.4, 0.5, 0.6)
    base = {c: [0, 0, 0] for c in cuts}  # predicted, right, gold found
    n_pairs = 0
    for (da, pa, oa, chains_a), (db, pb, ob, chains_b) in ecb_pairs(by_subtopic):
        n_pairs += 1
        gold = {(i, j) for i in chains_a for j in chains_b if chains_a[i] & chains_b[j]}
        gold_total += len(gold)
        for name, settings in runs.items():
            pred = set()
            for link in align(pa, pb, settings):
                for i, j in itertools.product(link.a, link.b):
                    si, sj = oa[i], ob[j]
                    if si in chains_a and sj in chains_b:
                        pred.add((si, sj))
            counts = split[(name, da["topic"] % 2)]
            counts[0] += len(pred)
            counts[1] += len(pred & gold)
            counts[2] += len(gold)
            if name == "default settings":
                found += len(pred)
                found_right += len(pred & gold)
        # baseline: TF-IDF cosine of whole ECB+ sentences (annotated ones only)
        ka, kb = sorted(chains_a), sorted(chains_b)
        if not ka or not kb:
            continue
        texts_a = [_detokenise(da["sentences"][da["sentence_ids"].index(i)]) for i in ka]
        texts_b = [_detokenise(db["sentences"][db["sentence_ids"].index(j)]) for j in kb]
        fa, fb = similarity.featurize(
            [tokenize(t) for t in texts_a], [tokenize(t) for t in texts_b]
        )
        cos = (fa.tfidf @ fb.tfidf.T).toarray()
        for c in cuts:
            hit = {(ka[x], kb[z]) for x, z in zip(*np.nonzero(cos >= c), strict=True)}
            base[c][0] += len(hit)
            base[c][1] += len(hit & gold)
    rows = [
        (
            "compare() links (default settings)",
            found,
            f"{found_right / max(found, 1):.3f}",
            f"{found_right / max(gold_total, 1):.3f}",
        )
    ]
    for c in cuts:
        rows.append(
            (
                f"baseline: TF-IDF cosine >= {c}",
                base[c][0],
                f"{base[c][1] / max(base[c][0], 1):.3f}",
                f"{base[c][1] / max(gold_total, 1):.3f}",
            )
        )
    print(
        table(
            f"ECB+ topics 1-35: {n_pairs} same-subtopic document pairs, {gold_total} annotated "
            "sentence pairs sharing an event chain",
            ("method", "pairs linked", "precision", "recall"),
            rows,
        )
    )
    rows = [
        (f"compare() links, {name}", f"{'odd (fit part)' if parity else 'even (held out)'}",
         n, f"{right / max(n, 1):.3f}", f"{right / max(gold, 1):.3f}")
        for (name, parity), (n, right, gold) in split.items()
    ]
    print(table("ECB+ links by topic parity (event_details / event_words chosen on odd topics)",
                ("method", "topics", "pairs linked", "precision", "recall"), rows))
    print(f"({time.perf_counter() - started:.0f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--only", default="msrp,sts,ecb", help="comma-separated: msrp, sts, ecb")
    args = parser.parse_args(argv)
    chosen = set(args.only.split(","))
    if "msrp" in chosen:
        bench_msrp(args.data)
    if "sts" in chosen:
        bench_sts(args.data)
    if "ecb" in chosen:
        bench_ecb(args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
