"""Fit the verdict thresholds on the Clough & Stevenson corpus and write verdict.json.

    .venv/bin/python training/fit_verdict.py [--data ../shared/bench] [--dry-run]

The model is a fixed rule list (see ``compare.overlap.decide``), tried in order:

1. ``independent``    if containment_3 <  t1  (few of b's 3-word sequences occur in a)
2. ``verbatim copy``  if containment_8 >= t2  (long runs of b occur in a)
3. ``light revision`` if containment_2 >= t3  (most of b's word pairs occur in a)
4. ``heavy revision`` otherwise

The three thresholds are searched jointly over the midpoints between observed values,
maximising accuracy on the four classes; ties go to the thresholds with the widest gaps
to the nearest training values (then to the first in sorted order), so the fit is
deterministic. The corpus is read from ``DATA/clough-stevenson``: the source text of a
task is report a, each answer is report b. Eleven answer files are not valid UTF-8
(Windows-1252 quotes): they are decoded as UTF-8 when possible, else as cp1252 with
``errors="replace"``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare.models import Article
from compare.overlap import coverage, decide, shared_passages, verdict_scores

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
OUT = ROOT / "src" / "compare" / "data" / "verdict.json"
CLASSES = {"cut": "verbatim copy", "light": "light revision", "heavy": "heavy revision",
           "non": "independent"}
FEATURES = ("containment_3", "containment_8", "containment_2")
LABELS = ("independent", "verbatim copy", "light revision", "heavy revision")


@dataclass(frozen=True)
class Case:
    """One answer of the corpus with its gold class and its verdict scores."""

    file: str
    task: str
    gold: str
    scores: dict


def read_text(path: Path) -> str:
    """UTF-8 if the file is valid UTF-8, else cp1252 with undecodable bytes replaced."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def load_cases(data: Path) -> list[Case] | None:
    """Every answer of tasks a-c scored against its source; None if the set is absent."""
    folder = data / "clough-stevenson"
    info = folder / "file_information.csv"
    if not info.is_file():
        return None
    with info.open(newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Category"] in CLASSES]
    sources = {}
    cases = []
    for row in sorted(rows, key=lambda r: r["File"]):
        task = row["Task"]
        if task not in sources:
            sources[task] = Article.from_text(
                read_text(folder / f"orig_task{task}.txt"), name=f"orig_task{task}"
            )
        a = sources[task]
        b = Article.from_text(read_text(folder / row["File"]), name=row["File"])
        passages = shared_passages(a, b)
        covered = coverage(a, b, (), passages)
        scores = verdict_scores(a, b, passages, covered)
        cases.append(Case(row["File"], task, CLASSES[row["Category"]], scores))
    return cases


def _candidates(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Thresholds between sorted distinct values (plus one past each end) and their gaps."""
    u = np.unique(values)
    mids = (u[:-1] + u[1:]) / 2
    gaps = (u[1:] - u[:-1]) / 2
    eps = 1e-3
    return np.concatenate([[u[0] - eps], mids, [u[-1] + eps]]), np.concatenate(
        [[eps], gaps, [eps]]
    )


def fit_thresholds(cases: list[Case]) -> tuple[tuple[float, float, float], float]:
    """The three thresholds that maximise 4-class accuracy on ``cases``, and that accuracy."""
    f = [np.array([c.scores[name] for c in cases]) for name in FEATURES]
    gold = np.array([c.gold for c in cases])
    (c1, g1), (c2, g2), (c3, g3) = (_candidates(v) for v in f)
    independent = f[0][None, :] < c1[:, None]
    copy = f[1][None, :] >= c2[:, None]
    light = f[2][None, :] >= c3[:, None]
    inner = (light & (gold == "light revision")) | (~light & (gold == "heavy revision"))
    middle = (copy[:, None, :] & (gold == "verbatim copy")) | (~copy[:, None, :] & inner[None])
    right = (independent[:, None, None, :] & (gold == "independent")) | (
        ~independent[:, None, None, :] & middle[None]
    )
    correct = right.sum(axis=-1)
    margin = g1[:, None, None] + g2[None, :, None] + g3[None, None, :]
    best = correct == correct.max()
    margin = np.where(best, margin, -1.0)
    i, j, k = np.unravel_index(int(np.argmax(margin)), margin.shape)
    return (float(c1[i]), float(c2[j]), float(c3[k])), float(correct.max() / len(cases))


def rules(thresholds: tuple[float, float, float]) -> list[dict]:
    """The rule list for ``compare.overlap.decide`` with these thresholds."""
    t1, t2, t3 = (round(t, 4) for t in thresholds)
    return [
        {"label": "independent", "feature": "containment_3", "op": "<", "threshold": t1,
         "holds": "only {value:.0%} of b's three-word sequences occur in a "
                  "(under {threshold:.0%}): b does not take its wording from a",
         "fails": "{value:.0%} of b's three-word sequences occur in a "
                  "(at least {threshold:.0%}): b takes wording from a"},
        {"label": "verbatim copy", "feature": "containment_8", "op": ">=", "threshold": t2,
         "holds": "{value:.0%} of its eight-word sequences do too (at least "
                  "{threshold:.0%}): long passages are copied word for word",
         "fails": "only {value:.0%} of its eight-word sequences do (under {threshold:.0%}), "
                  "so it is not a verbatim copy"},
        {"label": "light revision", "feature": "containment_2", "op": ">=", "threshold": t3,
         "holds": "{value:.0%} of its word pairs occur in a (at least {threshold:.0%}): "
                  "a's wording is kept with light edits",
         "fails": "only {value:.0%} of its word pairs occur in a (under {threshold:.0%})"},
        {"label": "heavy revision",
         "holds": "b reworks a's wording heavily, keeping only short pieces"},
    ]


def predict(case: Case, rule_list: list[dict]) -> str:
    """The label ``rule_list`` gives ``case`` (via the library's own ``decide``)."""
    return decide(case.scores, rule_list)[0]


def leave_one_out(cases: list[Case]) -> list[str]:
    """Leave-one-out predictions: thresholds refitted without the case predicted."""
    out = []
    for k, case in enumerate(cases):
        thresholds, _ = fit_thresholds(cases[:k] + cases[k + 1 :])
        out.append(predict(case, rules(thresholds)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    cases = load_cases(args.data)
    if cases is None:
        print(f"skipped: clough-stevenson not found at {args.data / 'clough-stevenson'}")
        return 0
    thresholds, train_accuracy = fit_thresholds(cases)
    loo = leave_one_out(cases)
    loo_accuracy = sum(p == c.gold for p, c in zip(loo, cases, strict=True)) / len(cases)
    model = {
        "description": "Verdict of report b against report a: the first rule that holds "
        "gives the label. Features are computed by compare.overlap.verdict_scores.",
        "refit": ".venv/bin/python training/fit_verdict.py --data ../shared/bench",
        "fitted_on": f"Clough & Stevenson (2011) text-reuse corpus, tasks a-c, "
        f"{len(cases)} answers (source = a, answer = b); cut/light/heavy/non = "
        "verbatim copy/light revision/heavy revision/independent",
        "training_accuracy": round(train_accuracy, 4),
        "leave_one_out_accuracy": round(loo_accuracy, 4),
        "rules": rules(thresholds),
    }
    text = json.dumps(model, indent=2, ensure_ascii=False) + "\n"
    print(f"thresholds {thresholds}; training accuracy {train_accuracy:.3f}; "
          f"leave-one-out accuracy {loo_accuracy:.3f}")
    if args.dry_run:
        print(text)
    else:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
