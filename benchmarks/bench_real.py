"""Speakers, names and sentence links of :func:`compare.compare` on real BASIL pairs.

The gold is ``benchmarks/gold/basil_real.json``: five BASIL events (nyt, fox, hpo; 15
articles, 15 pairs) the rules were not written against, annotated by hand and frozen
before the library was run on them (rules and commit in ``benchmarks/gold/README.md``).
Each article is read with ``Article.from_text(basil_text(path), name=id)`` and each gold
pair compared with ``compare(a, b)``.

- Speakers: each gold quote is matched to the library quote that overlaps it most. A
  speaker is right when it equals the gold one after :func:`name_key`, or is the gold
  person's surname alone (with or without Mr./Ms.); for a gold ``unknown`` with a role
  ("the bill's proponents") when its last word is the role's. An empty library speaker
  is counted as ``unknown``: not wrong, not right.
- Names, per article (from ``extract_details``): recall is the share of gold entities
  one of whose forms equals a library name value; precision the share of distinct
  library values that equal a form of some gold entity. ``only-one wrong`` counts names
  a comparison lists as only in one report (status only_a / only_b) whose gold entity
  the other report also names.
- Links: a library link is right when one gold link's a-span overlaps one of its
  a-sentences and the same gold link's b-span one of its b-sentences; a gold link is
  found when some library link covers it that way.

Baselines, in the same run: links from TF-IDF cosine between the library's sentences at
fixed thresholds (not tuned on this gold); names as runs of capitalised words; speaker
as the nearest capitalised run outside the quote in its paragraph.

    python benchmarks/bench_real.py [--data ../shared/bench] [--verbose] [--check-selection]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from compare import compare
from compare.details import extract_details, name_key
from compare.lexicon import lexicon
from compare.models import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_details import basil_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "basil_real.json"
HONORIFICS = {"mr", "mrs", "ms", "dr"}
TFIDF_THRESHOLDS = (0.2, 0.3, 0.5)
ISSUE_EVENTS = {  # issue 11 names these; they serve regression tests, not this gold
    "d16050b3-979f-4834-90db-b8823691b87e", "08bb9bee-c167-4c17-9c6d-4a1259231eb7",
    "2058ec60-5372-4f5f-83a3-da780be3a350", "6b541575-99b1-40d2-8730-9bb868ee38ed",
}
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")


def overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


# --- which events ------------------------------------------------------------------


def select_events(folder: Path, count: int = 5) -> list[str]:
    """The first ``count`` triplets by the rule in ``_selection`` of the gold file."""
    excluded = set(ISSUE_EVENTS)
    details = json.loads((ROOT / "benchmarks/gold/basil_details.json").read_text("utf-8"))
    triplets: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(folder.glob("*/*.json")):
        data = json.loads(path.read_text("utf-8"))
        uuid = data["triplet-uuid"]
        if f"{path.parent.name}/{path.stem}" in details["articles"]:
            excluded.add(uuid)
        text = basil_text(path)
        marks = sum(text.count(m) for m in '"“”')
        triplets.setdefault(uuid, []).append((data["source"].casefold(), marks))
    chosen = []
    for uuid, arts in sorted(triplets.items()):
        if uuid in excluded or sorted(s for s, _ in arts) != ["fox", "hpo", "nyt"]:
            continue
        if all(marks // 2 >= 2 for _, marks in arts):
            chosen.append(uuid)
    return chosen[:count]


# --- speakers ----------------------------------------------------------------------


def speaker_right(said: str, quote: dict) -> bool:
    said_words = name_key(said).split()
    if quote["speaker"] == "unknown":
        role = name_key(quote.get("role", "")).split()
        return bool(role) and said_words[-1:] == role[-1:]
    gold = name_key(quote["speaker"]).split()
    if said_words == gold:
        return True
    return [w for w in said_words if w not in HONORIFICS] == gold[-1:]


def score_speakers(gold_quotes: list[dict], found: list[tuple[int, int, str]]) -> Counter:
    """Counts: right, wrong, unknown, missed (per gold quote) and extra (library quotes
    overlapping no gold quote)."""
    counts: Counter = Counter()
    for q in gold_quotes:
        span = (q["start"], q["end"])
        best = max(found, default=None,
                   key=lambda f: min(span[1], f[1]) - max(span[0], f[0]))
        if best is None or not overlaps(span, best[:2]):
            counts["missed"] += 1
        elif not best[2] or best[2] == "unknown":
            counts["right" if q["speaker"] == "unknown" and "role" not in q else "unknown"] += 1
        else:
            counts["right" if speaker_right(best[2], q) else "wrong"] += 1
    spans = [(q["start"], q["end"]) for q in gold_quotes]
    counts["extra"] += sum(not any(overlaps(f[:2], s) for s in spans) for f in found)
    return counts


def baseline_speaker(text: str, start: int, end: int) -> str:
    """The capitalised run nearest the quote outside its marks, within its paragraph."""
    para_start = text.rfind("\n\n", 0, start) + 1
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    best, best_distance = "", None
    for m in CAPITALISED_RUN.finditer(text, para_start, para_end):
        if start - 1 <= m.start() < end + 1 or _opens_sentence(text, m.start()):
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best_distance is None or distance < best_distance:
            best, best_distance = m.group(), distance
    return best


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"“”'‘’")
    return not before or before[-1] in ".!?\n"


# --- names -------------------------------------------------------------------------


def entity_keys(entity: dict) -> set[str]:
    """The entity's forms and its key, folded as library values are (:func:`name_key`,
    then the library's variant table: ``u.s.`` -> ``united states``)."""
    alias = lexicon().alias
    keys = {name_key(f) for f in (entity["entity"], *entity["forms"])}
    return keys | {alias.get(k, k) for k in keys}


def score_names(values: set[str], entities: list[dict]) -> tuple[int, int, int, int]:
    """(right values, values, entities found, entities)."""
    keys = [entity_keys(e) for e in entities]
    every = set().union(*keys)
    right = sum(name_key(v) in every for v in values)
    found = sum(any(name_key(v) in k for v in values) for k in keys)
    return right, len(values), found, len(entities)


def baseline_names(article: Article) -> set[str]:
    return {m.group() for m in CAPITALISED_RUN.finditer(article.text)
            if not _opens_sentence(article.text, m.start()) or " " in m.group()}


def entity_of(values: list[str], entities: list[dict]) -> str | None:
    for e in entities:
        if {name_key(v) for v in values} & entity_keys(e):
            return e["entity"]
    return None


def wrong_only(result, gold_a: list[dict], gold_b: list[dict]) -> list[str]:
    """Names the comparison lists as only in one report that the other report names."""
    wrong = []
    for m in result.details:
        if m.kind != "name" or m.status not in ("only_a", "only_b"):
            continue
        mine, other = (gold_a, gold_b) if m.status == "only_a" else (gold_b, gold_a)
        details = m.a if m.status == "only_a" else m.b
        entity = entity_of([m.value, *(d.text for d in details)], mine)
        if entity and any(e["entity"] == entity for e in other):
            wrong.append(f"{m.status}:{m.value}")
    return wrong


# --- links -------------------------------------------------------------------------


def score_links(pred: list[tuple[list, list]], gold: list[list]) -> tuple[int, int, int, int]:
    """(right predicted, predicted, gold found, gold) for links given as span lists."""
    def covers(p, g):
        return any(overlaps(g[0], s) for s in p[0]) and any(overlaps(g[1], s) for s in p[1])

    right = sum(any(covers(p, g) for g in gold) for p in pred)
    found = sum(any(covers(p, g) for p in pred) for g in gold)
    return right, len(pred), found, len(gold)


def spans(article: Article, indices) -> list[tuple[int, int]]:
    return [(article.sentences[i].start, article.sentences[i].end) for i in indices]


def tfidf_links(a: Article, b: Article, threshold: float) -> list[tuple[list, list]]:
    texts = [s.text for s in a.sentences] + [s.text for s in b.sentences]
    matrix = TfidfVectorizer(stop_words="english").fit_transform(texts)
    n = len(a.sentences)
    cosine = (matrix[:n] @ matrix[n:].T).toarray()
    rows, cols = (cosine >= threshold).nonzero()
    return [(spans(a, [i]), spans(b, [j])) for i, j in zip(rows, cols, strict=True)]


# --- report ------------------------------------------------------------------------


def total(rows) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)]


def speakers_section(gold: dict, articles: dict, results: dict, verbose: bool) -> None:
    found: dict[str, set] = {name: set() for name in articles}
    for (a, b), result in results.items():
        for pair in result.quotes:
            for side, q in ((a, pair.a), (b, pair.b)):
                if q is not None:
                    found[side].add((q.start, q.end, q.speaker))
    library, baseline = Counter(), Counter()
    for name, article in articles.items():
        quotes = gold["articles"][name]["quotes"]
        library += score_speakers(quotes, sorted(found[name]))
        guess = [(q["start"], q["end"], baseline_speaker(article.text, q["start"], q["end"]))
                 for q in quotes]
        baseline += score_speakers(quotes, guess)
        for q in quotes if verbose else ():
            said = [f[2] for f in found[name] if overlaps(f[:2], (q["start"], q["end"]))]
            if not said or not speaker_right(said[0] or "unknown", q):
                print(f"  speaker {name} {q['start']}: gold {q['speaker']!r} library {said}")
    print("\nspeakers (gold quotes)  quotes  right  wrong  unknown  missed  accuracy  "
          "acc.matched  extra")
    for label, c in (("compare", library), ("baseline: nearest name", baseline)):
        quotes = c["right"] + c["wrong"] + c["unknown"] + c["missed"]
        matched = quotes - c["missed"]
        print(f"{label:24}{quotes:6d} {c['right']:6d} {c['wrong']:6d} {c['unknown']:8d} "
              f"{c['missed']:7d} {ratio(c['right'], quotes):>9} "
              f"{ratio(c['right'], matched):>12} {c['extra']:6d}")


def names_section(gold: dict, articles: dict, results: dict, verbose: bool) -> None:
    library, baseline = [], []
    for name, article in articles.items():
        entities = gold["articles"][name]["names"]
        values = {d.value for d in extract_details(article) if d.kind == "name"}
        library.append(score_names(values, entities))
        baseline.append(score_names(baseline_names(article), entities))
        if verbose:
            keys = [entity_keys(e) for e in entities]
            folded = {name_key(v) for v in values}
            print(f"  names {name} not gold: "
                  f"{sorted(v for v in values if not any(name_key(v) in k for k in keys))}")
            print(f"  names {name} missed: "
                  f"{[e['entity'] for e, k in zip(entities, keys, strict=True) if not folded & k]}")
    wrong, listed = [], 0
    for (a, b), result in results.items():
        found = wrong_only(result, gold["articles"][a]["names"], gold["articles"][b]["names"])
        wrong += found
        listed += sum(m.kind == "name" and m.status in ("only_a", "only_b")
                      for m in result.details)
        if verbose:
            print(f"  only-one wrong {a} / {b}: {found}")
    print("\nnames (per article)     P      R      values  entities")
    for label, rows in (("compare", library), ("baseline: capitalised", baseline)):
        right, pred, found_entities, want = total(rows)
        print(f"{label:24}{ratio(right, pred):6} {ratio(found_entities, want):6} "
              f"{pred:7d} {want:9d}")
    print(f"only in one report but named by both: {len(wrong)} of {listed} "
          "name matches listed as only_a/only_b")


def links_section(gold: dict, articles: dict, results: dict, verbose: bool) -> None:
    library, baseline = [], {t: [] for t in TFIDF_THRESHOLDS}
    for pair in gold["pairs"]:
        a, b = articles[pair["a"]], articles[pair["b"]]
        result = results[(pair["a"], pair["b"])]
        pred = [(spans(a, link.a), spans(b, link.b)) for link in result.links]
        library.append(score_links(pred, pair["links"]))
        for t in TFIDF_THRESHOLDS:
            baseline[t].append(score_links(tfidf_links(a, b, t), pair["links"]))
        for p, link in zip(pred, result.links, strict=True) if verbose else ():
            if not score_links([p], pair["links"])[0]:
                print(f"  link not gold {a.name} {link.a} / {b.name} {link.b}")
    print("\nlinks (gold pairs)      P      R      predicted  gold")
    rows = [("compare", library)] + [(f"baseline: tfidf >= {t}", baseline[t])
                                     for t in TFIDF_THRESHOLDS]
    for label, scores in rows:
        right, pred, found, want = total(scores)
        print(f"{label:24}{ratio(right, pred):6} {ratio(found, want):6} {pred:10d} {want:5d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "bench"),
                        help="bench data folder (default ../shared/bench)")
    parser.add_argument("--verbose", action="store_true", help="print each error")
    parser.add_argument("--check-selection", action="store_true",
                        help="recompute the event selection rule and compare with the gold")
    args = parser.parse_args(argv)
    print(f"command: python benchmarks/bench_real.py --data {args.data}")
    folder = Path(args.data) / "basil" / "articles"
    if not folder.is_dir():
        print(f"skipped: basil not found at {folder}")
        return 0
    gold = json.loads(GOLD.read_text("utf-8"))
    if args.check_selection:
        chosen = select_events(folder)
        print(f"selection rule gives: {' '.join(u[:8] for u in chosen)}")
        print("gold events match" if chosen == sorted(gold["events"]) else "gold events DIFFER")
    articles = {}
    for name in gold["articles"]:
        path = folder / f"{name}.json"
        if not path.is_file():
            print(f"skipped: {name} not found at {path}")
            return 0
        articles[name] = Article.from_text(basil_text(path), name=name)
    results = {(p["a"], p["b"]): compare(articles[p["a"]], articles[p["b"]])
               for p in gold["pairs"]}
    print(f"BASIL real pairs: {len(gold['events'])} events, {len(articles)} articles, "
          f"{len(gold['pairs'])} pairs (benchmarks/gold/basil_real.json)")
    speakers_section(gold, articles, results, args.verbose)
    names_section(gold, articles, results, args.verbose)
    links_section(gold, articles, results, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
