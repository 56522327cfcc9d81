"""Fit the same-story models (compare.story) on ECB+ and BASIL and write story.json.

    .venv/bin/python training/fit_story.py [--data ../shared/bench] [--dry-run]

Two logistic regressions (scikit-learn, the ``train`` extra) predict whether two reports
tell the same event: ``document`` over the document signals of
:func:`compare.story.document_signals` (cheap: no alignment) and ``full`` over those and
the linked share of a comparison. They are fitted on the FIT part only, so that the
benchmark (benchmarks/bench_story.py) reports on data the models never saw:

- ECB+ (``ecbplus/ecbplus_train_dev.jsonl``, topics 1-35): FIT = odd topics, HELD OUT =
  even topics. Every pair of articles within a topic: positive when both report the same
  subtopic (event), negative when they report the topic's other subtopic (a similar but
  different event); plus, as easy negatives, each article paired with two articles of
  other topics of its part (seeded draw). The text is the dataset's PTB tokens,
  de-tokenised by :func:`detokenise` (``\\`\\``/``''`` become ``"``, no space before
  punctuation or clitics); the library's loader is not changed.
- BASIL (``basil/articles``): events sorted by triplet uuid, FIT = first half, HELD OUT
  = second half. Positives: the three pairs of outlets of one event; negatives: each
  article paired with one article of each of three other events of its part (seeded).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare.align import align_scored
from compare.models import Article, Prepared
from compare.prepare import prepare
from compare.settings import DEFAULT, Settings
from compare.story import DOCUMENT, EMBEDDING, FULL, document_signals, linked_share

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
OUT = ROOT / "src" / "compare" / "data" / "story.json"
COMMAND = "python training/fit_story.py --data ../shared/bench"
SEED = 10


@dataclass(frozen=True)
class Doc:
    """One article of a data set: its group (topic or part), its event and the article."""

    corpus: str
    topic: str
    event: str
    article: Article


@dataclass(frozen=True)
class Pair:
    """Two documents, whether they report one event, and whether the pair is a hard one
    (same ECB+ topic) or an easy one (across topics / events)."""

    corpus: str
    a: int
    b: int
    same: bool
    within_topic: bool


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|')")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(tokens: str) -> str:
    """A PTB-tokenised sentence as plain text: ``\\`\\` a , b ''`` -> ``"a, b"``."""
    text = re.sub(r"`` ?", '"', tokens)
    text = re.sub(r" ?''", '"', text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text.replace("-LRB- ", "(").replace(" -RRB-", ")")


def load_ecb(data: Path) -> list[Doc] | None:
    """The ECB+ articles (topic, subtopic), de-tokenised; None when the set is absent."""
    path = data / "ecbplus" / "ecbplus_train_dev.jsonl"
    if not path.is_file():
        return None
    docs = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        text = " ".join(detokenise(s) for s in row["sentences"])
        docs.append(Doc("ecb", str(row["topic"]), row["subtopic"],
                        Article.from_text(text, name=row["doc"])))
    return sorted(docs, key=lambda d: (int(d.topic), d.event, d.article.name))


def load_basil(data: Path) -> list[Doc] | None:
    """The BASIL articles (part = ``first``/``second`` half of the sorted triplet uuids,
    event = uuid); None when the set is absent."""
    folder = data / "basil" / "articles"
    if not folder.is_dir():
        return None
    found = []
    for path in sorted(folder.glob("*/*.json")):
        raw = json.loads(path.read_text("utf-8"))
        text = "\n\n".join(" ".join(p) for p in raw["body-paragraphs"])
        if text.strip():
            found.append((raw["triplet-uuid"], raw["source"].lower(),
                          Article.from_text(text, name=f"{path.stem}:{raw['source'].lower()}")))
    uuids = sorted({u for u, _, _ in found})
    first = set(uuids[: len(uuids) // 2])
    return [Doc("basil", "first" if u in first else "second", u, art)
            for u, _, art in sorted(found, key=lambda f: (f[0], f[1]))]


def ecb_fit_part(doc: Doc) -> bool:
    """The FIT part of ECB+: odd topics."""
    return int(doc.topic) % 2 == 1


def basil_fit_part(doc: Doc) -> bool:
    """The FIT part of BASIL: events whose uuid sorts in the first half."""
    return doc.topic == "first"


def ecb_pairs(docs: list[Doc], indices: list[int], seed: int = SEED) -> list[Pair]:
    """Every within-topic pair of ``indices`` and two cross-topic pairs per article."""
    by_topic = defaultdict(list)
    for i in indices:
        by_topic[docs[i].topic].append(i)
    pairs = [Pair("ecb", i, j, docs[i].event == docs[j].event, True)
             for members in by_topic.values()
             for n, i in enumerate(members) for j in members[n + 1:]]
    rng = random.Random(seed)
    for i in indices:
        others = [j for j in indices if docs[j].topic != docs[i].topic]
        for j in rng.sample(others, min(2, len(others))):
            pairs.append(Pair("ecb", i, j, False, False))
    return pairs


def basil_pairs(docs: list[Doc], indices: list[int], seed: int = SEED) -> list[Pair]:
    """The three outlet pairs of each event, and each article with one article of each of
    three other events."""
    by_event = defaultdict(list)
    for i in indices:
        by_event[docs[i].event].append(i)
    pairs = [Pair("basil", i, j, True, True) for members in by_event.values()
             for n, i in enumerate(members) for j in members[n + 1:]]
    rng = random.Random(seed)
    events = sorted(by_event)
    for i in indices:
        for event in rng.sample([e for e in events if e != docs[i].event], 3):
            pairs.append(Pair("basil", i, rng.choice(by_event[event]), False, False))
    return pairs


def signals_of(prepared: list[Prepared], pairs: list[Pair], full: bool = True,
               settings: Settings = DEFAULT) -> list[dict]:
    """The document signals of each pair, and with ``full`` the linked share (an
    alignment per pair, as compare() does)."""
    rows = []
    for p in pairs:
        pa, pb = prepared[p.a], prepared[p.b]
        signals = document_signals(pa, pb)
        if full:
            links, _ = align_scored(pa, pb, settings)
            signals["linked"] = linked_share(links, len(pa.article.sentences),
                                             len(pb.article.sentences))
        rows.append(signals)
    return rows


def matrix(rows: list[dict], inputs: tuple[str, ...]) -> np.ndarray:
    return np.array([[r[name] for name in inputs] for r in rows], dtype=np.float64)


def fit_model(x: np.ndarray, y: np.ndarray, inputs: tuple[str, ...]) -> dict:
    """A logistic regression (L2, C=1, balanced classes) on raw inputs in [0, 1]."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit(x, y)
    return {"inputs": list(inputs), "coef": [round(float(c), 6) for c in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 6)}


def fit_data(
    data: Path, settings: Settings = DEFAULT
) -> tuple[list[Doc], list[Prepared], list[Pair]] | None:
    """The documents, their prepared forms and the FIT pairs of both sets."""
    ecb, basil = load_ecb(data), load_basil(data)
    if ecb is None or basil is None:
        return None
    docs = ecb + basil
    fit_ecb = [i for i, d in enumerate(docs) if d.corpus == "ecb" and ecb_fit_part(d)]
    fit_basil = [i for i, d in enumerate(docs) if d.corpus == "basil" and basil_fit_part(d)]
    pairs = ecb_pairs(docs, fit_ecb) + basil_pairs(docs, fit_basil)
    used = sorted({i for p in pairs for i in (p.a, p.b)})
    prepared: list = [None] * len(docs)
    for i in used:
        prepared[i] = prepare(docs[i].article, settings)
    return docs, prepared, pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--backend", default=DEFAULT.backend,
                        help="an embedding backend: fit the models with its document cosine "
                             "as an extra input ('document+NAME', 'full+NAME'), keeping the "
                             "lexical ones of story.json")
    parser.add_argument("--only", choices=("document", "full"), default=None,
                        help="refit this model only, keeping the others of story.json "
                             "(the corpus thresholds are tuned on the document model)")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    settings = DEFAULT.replace(backend=args.backend)
    found = fit_data(args.data, settings)
    if found is None:
        print(f"fit_story: ECB+ or BASIL not found under {args.data}", file=sys.stderr)
        return 2
    _, prepared, pairs = found
    kinds = (("document", DOCUMENT), ("full", FULL))
    kinds = tuple(k for k in kinds if args.only in (None, k[0]))
    rows = signals_of(prepared, pairs, full=any(k[0] == "full" for k in kinds),
                      settings=settings)
    y = np.array([p.same for p in pairs], dtype=int)
    lexical = args.backend == DEFAULT.backend
    if not lexical and EMBEDDING not in rows[0]:
        print(f"fit_story: backend {args.backend!r} gave no embeddings", file=sys.stderr)
        return 2
    extra, suffix = ((), "") if lexical else ((EMBEDDING,), f"+{args.backend}")
    fitted = {name + suffix: fit_model(matrix(rows, inputs + extra), y, inputs + extra)
              for name, inputs in kinds}
    keep = not lexical or args.only is not None
    models = dict(json.loads(OUT.read_text("utf-8"))["models"]) if keep else {}
    models.update(fitted)
    params = {
        "refit": COMMAND,
        "fitted_on": ("ECB+ odd topics (all within-topic pairs: same subtopic vs the other "
                      "subtopic; two cross-topic pairs per article) and BASIL events whose "
                      "triplet uuid sorts in the first half (the three outlet pairs vs three "
                      "other events per article); seed 10. Models named 'KIND+BACKEND' add "
                      "the backend's document embedding cosine (--backend BACKEND). 'full' "
                      "was refit alone (--only full) when tfidf_log and name_mentions were "
                      "added; 'document' is as fitted before"),
        "pairs": {"positive": int(y.sum()), "negative": int(len(y) - y.sum())},
        "threshold": 0.5,
        "models": dict(sorted(models.items())),
    }
    text = json.dumps(params, indent=2) + "\n"
    print(text)
    if not args.dry_run:
        tmp = OUT.with_suffix(".tmp")
        tmp.write_text(text, "utf-8")
        tmp.replace(OUT)
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
