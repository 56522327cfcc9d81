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

A third part, the evidence check, runs the whole comparison (``compare.compare``) on
each answer and reads evidence beyond n-gram containment: word-level LCS, the best
sentence match, character 5-grams, the sentence links and their relations, the word
order of the links (Kendall tau), coverage and passages. For each answer the
leave-one-out rules get wrong it says on how many of these measures the answer lies
inside the range of the class it was taken for (that class's other answers, by their
corpus labels): inside on every measure means no threshold on any one of them can move
it without moving one of those answers too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))  # the fit_* scripts

import numpy as np
from fit_verdict import DEFAULT_DATA, leave_one_out, load_cases, read_text
from rapidfuzz.distance import LCSseq
from scipy.stats import kendalltau

from compare import compare
from compare.models import VERDICTS, Article, has_letter_or_digit
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


def _word_norms(article: Article) -> list[list[str]]:
    """Each sentence's normalised words, bare punctuation left out (as the overlap scores)."""
    return [[w.norm for w in ws if has_letter_or_digit(w.text)] for ws in article.words]


def _grams(text: str, n: int) -> list[str]:
    return [text[i : i + n] for i in range(len(text) - n + 1)]


def evidence(a: Article, b: Article) -> dict[str, float]:
    """Measures of how b reuses a beyond the verdict's n-gram containment, in [0, 1]
    except ``tau`` (in [-1, 1]) and ``passages`` (a count)."""
    result = compare(a, b)
    sa = [s for s in _word_norms(a) if s]
    sb = [s for s in _word_norms(b) if s]
    wa, wb = [w for s in sa for w in s], [w for s in sb for w in s]
    best = [max(LCSseq.similarity(s, t) for t in sa) for s in sb]
    ta, tb = " ".join(wa), " ".join(wb)
    a5 = set(_grams(ta, 5))
    b5 = _grams(tb, 5)
    n_b = len(b.sentences)
    linked = {i for link in result.links for i in link.b}

    def share(relation: str) -> float:
        return len({i for k in result.links if k.relation == relation for i in k.b}) / n_b

    order = [(min(k.a), min(k.b)) for k in result.links]
    tau = 0.0
    if len(order) >= 3:
        tau = float(kendalltau([i for i, _ in order], [j for _, j in order]).statistic)
    return {
        "containment_1": result.verdict.scores["containment_1"],
        "containment_2": result.verdict.scores["containment_2"],
        "containment_3": result.verdict.scores["containment_3"],
        "containment_8": result.verdict.scores["containment_8"],
        "lcs_of_b": LCSseq.similarity(wa, wb) / len(wb),
        "lcs_of_a": LCSseq.similarity(wa, wb) / len(wa),
        "best_sentence_lcs": sum(best) / len(wb),
        "char_5gram": sum(g in a5 for g in b5) / len(b5) if b5 else 0.0,
        "linked_b": len(linked) / n_b,
        "identical_b": share("identical"),
        "near_verbatim_b": share("near_verbatim"),
        "paraphrase_b": share("paraphrase"),
        "partial_b": share("partial"),
        "tau": 0.0 if np.isnan(tau) else tau,
        "coverage_b_verbatim": result.coverage[1].verbatim,
        "coverage_b_paraphrase": result.coverage[1].paraphrase,
        "coverage_a_verbatim": result.coverage[0].verbatim,
        "passages": float(len(result.passages)),
        "longest_passage_share": result.verdict.scores["longest_passage_share"],
    }


def evidence_check(data: Path, cases: list, loo: list[str]) -> None:
    """For each leave-one-out error: on how many measures it lies inside the range of
    the class it was taken for, and the measures that put it past that range on the
    side of its own class (a lead for a rule; one answer is not a fit)."""
    folder = data / "clough-stevenson"
    sources: dict[str, Article] = {}
    table = []
    for case in cases:
        if case.task not in sources:
            text = read_text(folder / f"orig_task{case.task}.txt")
            sources[case.task] = Article.from_text(text, name=f"orig_task{case.task}")
        b = Article.from_text(read_text(folder / case.file), name=case.file)
        table.append(evidence(sources[case.task], b))
    names = list(table[0])
    print(f"\nEvidence check ({len(names)} measures from the whole comparison: "
          f"{', '.join(names)}).")
    print("  For each error: on how many measures it lies inside the range of the class it"
          "\n  was taken for (min-max over that class's answers by their corpus labels), and"
          "\n  the measures that put it past that range towards its own class's median.")
    for k, (case, p) in enumerate(zip(cases, loo, strict=True)):
        if p == case.gold:
            continue
        taken = [t for j, (t, c) in enumerate(zip(table, cases, strict=True))
                 if c.gold == p and j != k]
        own = [t for j, (t, c) in enumerate(zip(table, cases, strict=True))
               if c.gold == case.gold and j != k]
        inside, towards = 0, []
        for n in names:
            low, high = min(t[n] for t in taken), max(t[n] for t in taken)
            value = table[k][n]
            inside += low <= value <= high
            up = np.median([t[n] for t in own]) > np.median([t[n] for t in taken])
            if (up and value > high) or (not up and value < low):
                towards.append(f"{n} {value:.2f}")
        print(f"  {case.file:16} gold {SHORT[case.gold]:5} taken for {SHORT[p]:5} "
              f"inside on {inside:2}/{len(names)}; towards its class: "
              + (", ".join(towards) or "none"))


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
    evidence_check(args.data, cases, loo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
