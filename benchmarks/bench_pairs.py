"""Sentence-pair benchmarks of ``compare.similarity`` (MSRP, STS-news) and the example links.

    .venv/bin/python benchmarks/bench_pairs.py [--data ../shared/bench] [--example]

MSRP: 10-fold stratified cross-validation (seed 0) on the train split of the
same-content decision: in each fold the logistic regression is refitted and its
threshold tuned on the other nine folds, exactly as ``fit_similarity.py`` does on all
of them. Single-signal baselines get a threshold tuned the same way.
STS-news: Spearman correlation with the human scores on the dev split of the shipped
scores (``pair_score`` and the ``sts`` regression fitted on the train split) and of
single signals. ``--example`` prints the links of the two example reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

import fit_similarity as fit

from compare import similarity

ROOT = Path(__file__).resolve().parents[1]
SEED = 0
FOLDS = 10


def f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(
    sig: np.ndarray, y: np.ndarray, column: int | None = None, pairs: tuple | None = None
) -> tuple:
    """Accuracy and F1 (in %) of 10-fold CV: the model (``column`` None) or one signal.

    ``pairs`` are the sentences ``(s1, s2)``: the model's unrelated-pair negatives are
    drawn from the training folds only.
    """
    from sklearn.model_selection import StratifiedKFold

    pred = np.zeros(len(y), dtype=bool)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(sig, y):
        if column is None:
            s1 = [pairs[0][k] for k in train]
            s2 = [pairs[1][k] for k in train]
            anchors = fit.signals(*fit.unrelated_pairs(s1, s2), similarity.parameters()["idf"])
            params = fit.fit_logistic(sig[train], y[train], anchors)
            score = _apply(params, sig[test])
        else:
            params = {"threshold": fit.best_threshold(sig[train, column], y[train])}
            score = sig[test, column]
        pred[test] = score >= params["threshold"]
    return 100 * float(np.mean(pred == (y == 1))), 100 * f1(pred, y)


def _apply(params: dict, sig: np.ndarray) -> np.ndarray:
    z = (similarity.model_inputs(sig) - np.asarray(params["mean"])) / np.asarray(params["scale"])
    y = (
        z @ np.asarray(params["linear"])
        + np.einsum("ki,ij,kj->k", z, np.asarray(params["quadratic"]), z)
        + params["intercept"]
    )
    return 1.0 / (1.0 + np.exp(-y)) if params["kind"] == "logistic" else y


def table(title: str, header: tuple[str, ...], rows: list[tuple]) -> str:
    cells = [header] + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(r[k]) for r in cells) for k in range(len(header))]
    line = "| " + " | ".join(f"{{:<{w}}}" for w in widths) + " |"
    out = [f"\n{title}", line.format(*header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line.format(*r) for r in cells[1:]]
    return "\n".join(out)


SETS = {
    "msrp": ("MSRP", "msrp/msr_paraphrase_train.txt", fit.load_msrp),
    "sts": ("STS-news", "stsb/sts-news-dev.tsv", fit.load_sts),
}
"""The sentence-pair sets: name, path under the data folder, loader."""


def load_set(data: Path, key: str) -> tuple | None:
    """``(s1, s2, y)`` of the set ``key`` of :data:`SETS`, or None (after printing
    ``skipped: ...``) when it is not under ``data``."""
    name, relative, loader = SETS[key]
    path = data / relative
    if not path.is_file():
        print(f"skipped: {name} not found at {path}")
        return None
    return loader(path)


def bench_msrp(data: Path) -> None:
    loaded = load_set(data, "msrp")
    if loaded is None:
        return
    s1, s2, y = loaded
    idf_table = similarity.parameters()["idf"]
    sig = fit.signals(s1, s2, idf_table)
    rows = []
    acc, f = cross_validate(sig, y, pairs=(s1, s2))
    rows.append(("logistic regression, all signals (pair_score)", f"{acc:.1f}", f"{f:.1f}"))
    for k, name in enumerate(similarity.SIGNALS):
        acc, f = cross_validate(sig, y, k)
        rows.append((f"{name} alone, tuned threshold", f"{acc:.1f}", f"{f:.1f}"))
    always = np.ones(len(y), dtype=bool)
    rows.append(("always 'paraphrase'", f"{100 * y.mean():.1f}", f"{100 * f1(always, y):.1f}"))
    print(
        table(
            f"MSRP train, {len(y)} pairs, {FOLDS}-fold stratified CV (seed {SEED})",
            ("method", "accuracy %", "F1 %"),
            rows,
        )
    )


def bench_sts(data: Path) -> None:
    from scipy.stats import spearmanr

    loaded = load_set(data, "sts")
    if loaded is None:
        return
    s1, s2, y = loaded
    sig = fit.signals(s1, s2, similarity.parameters()["idf"])
    rows = []
    for label, score in (
        ("sts regression (fitted on sts-news-train)", similarity.apply_model(sig, "sts")),
        ("pair_score (MSRP same-content probability)", similarity.apply_model(sig)),
    ):
        rows.append((label, f"{spearmanr(score, y).statistic:.3f}"))
    for k, name in enumerate(similarity.SIGNALS):
        rows.append((f"{name} alone", f"{spearmanr(sig[:, k], y).statistic:.3f}"))
    print(table(f"STS-news dev, {len(y)} pairs", ("score", "Spearman"), rows))


def example_links() -> None:
    from compare.align import align
    from compare.io import example_paths, load_article

    pa, pb = example_paths()
    a, b = load_article(pa), load_article(pb)
    rows = []
    for link in align(a, b):
        ta = " ".join(a.sentences[i].text for i in link.a)
        tb = " ".join(b.sentences[j].text for j in link.b)
        rows.append(
            (
                ",".join(map(str, link.a)),
                ",".join(map(str, link.b)),
                link.relation,
                f"{link.score:.2f}",
                _short(ta),
                _short(tb),
            )
        )
    print(table("Example reports: links", ("a", "b", "relation", "score", "a", "b"), rows))
    linked_a = {i for link in align(a, b) for i in link.a}
    linked_b = {j for link in align(a, b) for j in link.b}
    print("unique in a:", [i for i in range(len(a.sentences)) if i not in linked_a])
    print("unique in b:", [j for j in range(len(b.sentences)) if j not in linked_b])


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--example", action="store_true", help="only the example links")
    args = parser.parse_args(argv)
    if not args.example:
        bench_msrp(args.data)
        bench_sts(args.data)
    example_links()
    return 0


if __name__ == "__main__":
    sys.exit(main())
