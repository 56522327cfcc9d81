"""Precision, recall and F1 of :func:`compare.details.extract_details` per kind.

Two hand-checked sets: the two example reports (``tests/data/gold_details.json``, always
run) and eleven BASIL articles (``benchmarks/gold/basil_details.json``; the article texts
are read from the bench data folder and skipped when it is absent).

Scoring is per article and per distinct fact: a number or date is a hit when its
normalised value is in the gold list; a predicted name is a hit when its value equals,
after :func:`compare.details.name_key`, one of the forms of a gold entity, and only one
predicted value per gold entity counts (an entity split in two costs precision).

    python benchmarks/bench_details.py [--data ../shared/bench]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from compare.details import extract_details, name_key
from compare.io import load_article
from compare.models import DETAIL_KINDS, Article

ROOT = Path(__file__).resolve().parents[1]


def score_article(article: Article, gold: dict) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per kind for one article."""
    found = extract_details(article)
    out = {}
    for kind in ("number", "date"):
        pred = {d.value for d in found if d.kind == kind}
        want = set(gold[kind])
        out[kind] = (len(pred & want), len(pred), len(want))
    pred = sorted({d.value for d in found if d.kind == "name"})
    entities = [{name_key(form) for form in forms} for forms in gold["name"]]
    hit = {i for v in pred for i, forms in enumerate(entities) if name_key(v) in forms}
    out["name"] = (len(hit), len(pred), len(entities))
    return out


def table(title: str, rows: dict[str, list[tuple[int, int, int]]]) -> str:
    lines = [title, f"{'kind':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
    total = [0, 0, 0]
    for kind in (*DETAIL_KINDS, "all"):
        if kind == "all":
            tp, pred, gold = total
        else:
            tp, pred, gold = (sum(x[i] for x in rows[kind]) for i in range(3))
            total = [total[0] + tp, total[1] + pred, total[2] + gold]
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{kind:8} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {pred:5d} {gold:5d}")
    return "\n".join(lines)


def run(articles: dict[str, tuple[Article, dict]], title: str, verbose: bool) -> str:
    rows: dict[str, list] = {k: [] for k in DETAIL_KINDS}
    for name, (article, gold) in sorted(articles.items()):
        scores = score_article(article, gold)
        for kind in DETAIL_KINDS:
            rows[kind].append(scores[kind])
        if verbose:
            found = extract_details(article)
            for kind in DETAIL_KINDS:
                pred = sorted({d.value for d in found if d.kind == kind})
                want = gold[kind] if kind != "name" else [f[0] for f in gold[kind]]
                print(f"{name} {kind}: pred={pred} gold={sorted(want)}")
    return table(title, rows)


def basil_text(path: Path) -> str:
    """A BASIL article's body: sentences of a paragraph joined by spaces, paragraphs by
    blank lines."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join(" ".join(p) for p in data["body-paragraphs"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "bench"),
                        help="bench data folder (default ../shared/bench)")
    parser.add_argument("--verbose", action="store_true", help="print values per article")
    args = parser.parse_args(argv)

    gold = json.loads((ROOT / "tests/data/gold_details.json").read_text("utf-8"))["articles"]
    examples = {
        name: (load_article(ROOT / "data" / f"{name}.txt"), facts) for name, facts in gold.items()
    }
    print(run(examples, "example reports (tests/data/gold_details.json)", args.verbose))
    print()
    folder = Path(args.data) / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: basil not found at {folder}")
        return 0
    gold = json.loads((ROOT / "benchmarks/gold/basil_details.json").read_text("utf-8"))
    articles = {}
    for name, facts in gold["articles"].items():
        path = folder / f"{name}.json"
        if not path.is_file():
            print(f"skipped: {name} not found at {path}")
            continue
        articles[name] = (Article.from_text(basil_text(path), name=name), facts)
    print(run(articles, f"BASIL, {len(articles)} hand-checked articles", args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
