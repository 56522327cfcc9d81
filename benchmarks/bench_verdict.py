"""Document-level verdict on the Clough & Stevenson (2011) text-reuse corpus, tasks a-c.

    .venv/bin/python benchmarks/bench_verdict.py [--data ../shared/bench]

Each answer (report b) is compared with its task's Wikipedia source (report a) by
``shared_passages`` -> ``coverage`` -> ``verdict``, the same calls the pipeline makes
(the verdict does not use the sentence links, so none are built). Gold classes map
cut/light/heavy/non to verbatim copy/light revision/heavy revision/independent.

Two figures are printed: leave-one-out cross-validation (the three thresholds refitted
on the other 56 answers for each answer predicted: the honest figure) and the shipped
thresholds of ``compare/data/verdict.json``, which were fitted on all 57 answers
(a training figure). Files that are not valid UTF-8 are decoded as cp1252 with
``errors="replace"`` (see ``fit_verdict.read_text``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

from fit_verdict import DEFAULT_DATA, leave_one_out, load_cases

from compare.models import VERDICTS
from compare.overlap import decide, verdict_model

SHORT = {"verbatim copy": "cut", "light revision": "light", "heavy revision": "heavy",
         "independent": "non"}


def report(title: str, gold: list[str], predicted: list[str]) -> None:
    """Print 4-class and reused-vs-independent accuracy and the confusion matrix."""
    n = len(gold)
    pairs = list(zip(gold, predicted, strict=True))
    four = sum(g == p for g, p in pairs)
    binary = sum((g == "independent") == (p == "independent") for g, p in pairs)
    print(f"\n{title}")
    print(f"  4-class accuracy:                  {four}/{n} = {four / n:.1%}")
    print(f"  reused vs independent accuracy:    {binary}/{n} = {binary / n:.1%}")
    print("  confusion matrix (rows gold, columns predicted):")
    print("  " + " " * 8 + "".join(f"{SHORT[v]:>7}" for v in VERDICTS))
    for g in VERDICTS:
        row = [sum(1 for x, p in pairs if x == g and p == v) for v in VERDICTS]
        print(f"  {SHORT[g]:>8}" + "".join(f"{c:>7}" for c in row))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    cases = load_cases(args.data)
    if cases is None:
        print(f"skipped: clough-stevenson not found at {args.data / 'clough-stevenson'}")
        return 0
    gold = [c.gold for c in cases]
    print(f"Clough & Stevenson tasks a-c: {len(cases)} answers "
          f"({', '.join(f'{SHORT[v]} {gold.count(v)}' for v in VERDICTS)})")
    loo = leave_one_out(cases)
    report("Leave-one-out cross-validation (thresholds refitted per held-out answer):",
           gold, loo)
    shipped = [decide(c.scores, verdict_model()["rules"])[0] for c in cases]
    report("Shipped thresholds (fitted on all answers: training figure):", gold, shipped)
    print("\nErrors (leave-one-out):")
    keys = ("containment_2", "containment_3", "containment_8")
    for case, p in zip(cases, loo, strict=True):
        if p != case.gold:
            values = " ".join(f"{k.split('_')[1]}-gram {case.scores[k]:.2f}" for k in keys)
            note = ""
            if case.gold != "independent" and case.scores["longest_passage_words"] < 5:
                note = "  (no 5-word passage shared with the given source)"
            print(f"  {case.file:16} gold {SHORT[case.gold]:5} predicted {SHORT[p]:5}  "
                  f"containment {values}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
