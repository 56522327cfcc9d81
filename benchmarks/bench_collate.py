"""Many reports at once (:func:`compare.collate.collate`): BASIL triplets, ECB+ topics, cost.

    python benchmarks/bench_collate.py [--data ../shared/bench] [--parts basil,gold,ecb,cost]
                                       [--ecb-docs 10] [--sizes 2,5,10,20]

- **basil**: every BASIL triplet (three outlets of one event) is collated; time per
  triplet (median, 90th percentile, max) and the number of groups, facts, conflicts.
- **gold**: the five events of ``benchmarks/gold/basil_real.json`` (frozen sentence
  links, rules in ``benchmarks/gold/README.md``). Gold groups are the connected
  components of the gold links over the library's sentences (a gold link joins every
  library sentence its spans overlap); predicted groups are ``collation.groups``.
  Scored over pairs of sentences of *different* reports: precision = share of pairs the
  library puts in one group that the gold puts in one group, recall the reverse. Two
  references beside it: the pairwise links alone (no joining across a third report), and
  every sentence of an event in one group. Conflicts found on the same five triplets are
  checked against the hand verdicts in ``benchmarks/gold/basil_conflicts.json`` (spans
  and right/wrong; a conflict with no verdict is printed as unchecked).
- **ecb**: ECB+ topics 1-35 (``ecbplus_train_dev.jsonl``), one collation per subtopic
  (its first ``--ecb-docs`` documents by file name; each ECB sentence is a paragraph of
  the text). Two annotated sentences of different documents are "the same" in the gold
  when they share an annotated event chain; predicted when some library sentence of one
  is in a group with some library sentence of the other. Pairwise precision and recall,
  with the same two references.
- **cost**: N reports of 40 sentences (the first 40 BASIL sentences of the first
  articles, by file name, that have 40), N = ``--sizes``; each N in a fresh process:
  preparation time, pair time, time per pair, peak resident memory.

Nothing here was tuned: ``collate`` adds no threshold to the pairwise comparison (the
source check's ``source_quote_share`` is not measured here), and the pairwise thresholds
were fitted on MSRP and the example reports, not on these sets.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from compare import Article, collate, prepare
from compare.collate import support

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_details import basil_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "basil_real.json"
CONFLICTS = ROOT / "benchmarks" / "gold" / "basil_conflicts.json"
OUTLETS = ("nyt", "fox", "hpo")


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


def prf(pred: set, gold: set) -> tuple[str, str, str]:
    right = len(pred & gold)
    p, r = (right / len(pred) if pred else 0.0), (right / len(gold) if gold else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"


def methods_table(totals: dict) -> None:
    """Precision, recall and F1 of the groups and the two references."""
    print("method                      precision  recall     F1")
    for key, label in (("groups", "collate: statement groups"),
                       ("links", "pairwise links only"),
                       ("one group", "all sentences one group")):
        p, r, f = prf(*totals[key])
        print(f"{label:28}{p:>9} {r:>7} {f:>6}")


# --- BASIL ------------------------------------------------------------------------


def basil_triplets(folder: Path) -> dict[str, dict[str, Path]]:
    """triplet-uuid -> {outlet: path}, for triplets with one article of each outlet."""
    found: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in sorted(folder.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["triplet-uuid"]][data["source"].casefold()] = path
    return {k: v for k, v in sorted(found.items()) if set(v) == set(OUTLETS)}


def article_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def load_basil(path: Path) -> Article:
    return Article.from_text(basil_text(path), name=article_id(path))


def conflict_verdicts() -> dict[tuple, bool]:
    """The hand verdicts of basil_conflicts.json, keyed by articles and sentence spans."""
    if not CONFLICTS.is_file():
        return {}
    data = json.loads(CONFLICTS.read_text(encoding="utf-8"))
    return {(v["a"], tuple(v["a_span"]), v["b"], tuple(v["b_span"])): v["right"]
            for v in data["conflicts"]}


def check_conflicts(result, verdicts: dict, counts: Counter) -> None:
    """Count the conflicts of ``result`` as right, wrong or unchecked (printed)."""
    for c in result.conflicts:
        sa = result.reports[c.a].sentences[c.a_sentences[0]]
        sb = result.reports[c.b].sentences[c.b_sentences[0]]
        key = (result.reports[c.a].name, (sa.start, sa.end),
               result.reports[c.b].name, (sb.start, sb.end))
        verdict = verdicts.get(key)
        counts["unchecked" if verdict is None else "right" if verdict else "wrong"] += 1
        if verdict is None:
            print(f"  unchecked conflict: {key}")


def basil_section(folder: Path) -> None:
    triplets = basil_triplets(folder)
    times, groups, facts, conflicts, alls = [], 0, 0, 0, 0
    verdicts, checked = conflict_verdicts(), Counter()
    for paths in triplets.values():
        articles = [load_basil(paths[o]) for o in OUTLETS]
        started = time.perf_counter()
        result = collate(articles)
        times.append(time.perf_counter() - started)
        groups += len(result.groups)
        alls += sum(g.support == "all" for g in result.groups)
        facts += len(result.facts)
        conflicts += len(result.conflicts)
        check_conflicts(result, verdicts, checked)
    times.sort()
    n = len(times)
    print(f"BASIL triplets collated: {n} (articles read and split before timing)")
    print("time per triplet (s)   median    p90     max   total")
    print(f"{'collate(3 reports)':20} {statistics.median(times):8.3f} "
          f"{times[int(0.9 * (n - 1))]:6.3f} {times[-1]:7.3f} {sum(times):7.1f}")
    print(f"per triplet on average: {groups / n:.1f} statement groups ({alls / n:.1f} said by "
          f"all three), {facts / n:.1f} facts, {conflicts / n:.2f} conflicts")
    print(f"conflicts in all triplets: {conflicts}; hand verdicts ({CONFLICTS.name}): "
          f"{checked['right']} right, {checked['wrong']} wrong, {checked['unchecked']} "
          f"unchecked; precision {ratio(checked['right'], checked['right'] + checked['wrong'])}")


def _sentences_at(article: Article, span) -> list[int]:
    start, end = span
    return [s.index for s in article.sentences if s.start < end and start < s.end]


def _cross_pairs(groups: list[set[tuple[int, int]]]) -> set[frozenset]:
    """Pairs of (report, sentence) of different reports that share a group."""
    pairs = set()
    for group in groups:
        for x, y in combinations(sorted(group), 2):
            if x[0] != y[0]:
                pairs.add(frozenset((x, y)))
    return pairs


def _components(edges, nodes) -> list[set]:
    parent = {n: n for n in nodes}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in edges:
        parent[find(x)] = find(y)
    out: dict = defaultdict(set)
    for n in nodes:
        out[find(n)].add(n)
    return list(out.values())


def gold_section(folder: Path) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    verdicts, checked = conflict_verdicts(), Counter()
    rows = []
    totals = {"groups": [set(), set()], "links": [set(), set()], "one group": [set(), set()]}
    for event, ids in gold["events"].items():
        names = [ids[o] for o in OUTLETS]
        articles = [load_basil(folder.parent / "articles" / f"{i}.json") for i in names]
        result = collate(articles)
        index = {name: k for k, name in enumerate(names)}
        nodes = [(r, s.index) for r, a in enumerate(articles) for s in a.sentences]
        edges = []
        for pair in gold["pairs"]:
            if pair["a"] not in index or pair["b"] not in index:
                continue
            ra, rb = index[pair["a"]], index[pair["b"]]
            for a_span, b_span in pair["links"]:
                for x in _sentences_at(articles[ra], a_span):
                    for y in _sentences_at(articles[rb], b_span):
                        edges.append(((ra, x), (rb, y)))
        gold_pairs = _cross_pairs(_components(edges, nodes))
        predicted = _cross_pairs([set(g.sentences) for g in result.groups])
        linked = {frozenset(((i, x), (j, y))) for i, j in combinations(range(3), 2)
                  for link in result.pair(i, j).links for x in link.a for y in link.b}
        everything = _cross_pairs([set(nodes)])
        for key, pred in (("groups", predicted), ("links", linked),
                          ("one group", everything)):
            totals[key][0] |= {(event, p) for p in pred}
            totals[key][1] |= {(event, p) for p in gold_pairs}
        rows.append((event[:8], len(gold_pairs), len(predicted), len(predicted & gold_pairs)))
        check_conflicts(result, verdicts, checked)
    print("statement groups on the 5 gold events: pairs of sentences of different reports")
    print("event     gold pairs  predicted  right")
    for event, g, p, r in rows:
        print(f"{event:10}{g:10d} {p:10d} {r:6d}")
    print()
    methods_table(totals)
    print(f"\nconflicts on the 5 gold events: {sum(checked.values())} found, "
          f"{checked['right']} right, {checked['wrong']} wrong, {checked['unchecked']} unchecked")


# --- ECB+ -------------------------------------------------------------------------


def ecb_section(path: Path, docs: int) -> None:
    subtopics: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if 1 <= doc["topic"] <= 35:
                subtopics[doc["subtopic"]].append(doc)
    totals = {"groups": [set(), set()], "links": [set(), set()], "one group": [set(), set()]}
    started, count, pairs = time.perf_counter(), 0, 0
    for name, members in sorted(subtopics.items()):
        members = sorted(members, key=lambda d: d["doc"])[:docs]
        if len(members) < 2:
            continue
        articles, where = [], []
        for doc in members:
            text = "\n\n".join(doc["sentences"])
            article = Article.from_text(text, name=doc["doc"])
            spans, pos = {}, 0
            for k, sentence in zip(doc["sentence_ids"], doc["sentences"], strict=True):
                spans[k] = (pos, pos + len(sentence))
                pos += len(sentence) + 2
            articles.append(article)
            where.append({int(k): _sentences_at(article, spans[int(k)])
                          for k in doc["event_chains"]})
        result = collate(articles)
        count += 1
        pairs += len(result.pairs)
        group_of = {m: k for k, g in enumerate(result.groups) for m in g.sentences}
        linked = {frozenset(((i, x), (j, y))) for i, j in combinations(range(len(articles)), 2)
                  for link in result.pair(i, j).links for x in link.a for y in link.b}
        for (i, di), (j, dj) in combinations(enumerate(members), 2):
            for a_k, a_chains in di["event_chains"].items():
                for b_k, b_chains in dj["event_chains"].items():
                    key = (name, i, int(a_k), j, int(b_k))
                    xs, ys = where[i][int(a_k)], where[j][int(b_k)]
                    same_gold = bool(set(a_chains) & set(b_chains))
                    same_group = any(group_of[(i, x)] == group_of[(j, y)]
                                     for x in xs for y in ys)
                    same_link = any(frozenset(((i, x), (j, y))) in linked
                                    for x in xs for y in ys)
                    for label, said in (("groups", same_group), ("links", same_link),
                                        ("one group", True)):
                        if said:
                            totals[label][0].add(key)
                        if same_gold:
                            totals[label][1].add(key)
    print(f"ECB+ topics 1-35: {count} subtopics collated (first {docs} documents each), "
          f"{pairs} document pairs, {time.perf_counter() - started:.0f} s")
    print("annotated sentence pairs of different documents; gold: sharing an event chain")
    print(f"gold pairs: {len(totals['groups'][1])}")
    methods_table(totals)


# --- cost ---------------------------------------------------------------------------


def cost_reports(folder: Path, n: int, length: int = 40) -> list[Article]:
    chosen = []
    for path in sorted(folder.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = [s for p in data["body-paragraphs"] for s in p]
        if len(sentences) >= length:
            chosen.append(Article.from_text(" ".join(sentences[:length]), name=path.stem))
        if len(chosen) == n:
            break
    return chosen


def cost_one(folder: Path, n: int) -> dict:
    reports = cost_reports(folder, n)
    started = time.perf_counter()
    prepared = [prepare(r) for r in reports]
    prep = time.perf_counter() - started
    started = time.perf_counter()
    result = collate(prepared)
    total = time.perf_counter() - started
    pairs = len(result.pairs)
    return {"n": n, "sentences": sum(len(r.sentences) for r in reports), "pairs": pairs,
            "prepare": prep, "collate": total, "per_pair": total / pairs,
            "groups": len(result.groups),
            "all": sum(g.support == support(n, n) for g in result.groups),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def cost_section(folder: Path, sizes: list[int]) -> None:
    print("N reports of 40 sentences (each N in a fresh process)")
    print("    N  sentences  pairs  prepare s  collate s  per pair s  peak RSS MB")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--cost-one", str(n),
                              "--data", str(folder.parent.parent)],
                             capture_output=True, text=True, check=True).stdout
        row = json.loads(out)
        print(f"{row['n']:5d} {row['sentences']:10d} {row['pairs']:6d} {row['prepare']:10.2f} "
              f"{row['collate']:10.2f} {row['per_pair']:11.3f} {row['rss_mb']:12.0f}")
    print("(collate is given the prepared reports: its time is the pairs and the joining)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "bench"))
    parser.add_argument("--parts", default="basil,gold,ecb,cost")
    parser.add_argument("--ecb-docs", type=int, default=10)
    parser.add_argument("--sizes", default="2,5,10,20")
    parser.add_argument("--cost-one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    data = Path(args.data)
    basil = data / "basil" / "articles"
    if args.cost_one:
        print(json.dumps(cost_one(basil, args.cost_one)))
        return 0
    parts = args.parts.split(",")
    for part in parts:
        print()
        if part in ("basil", "gold", "cost") and not basil.is_dir():
            print(f"skipped {part}: {basil} absent")
        elif part == "basil":
            basil_section(basil)
        elif part == "gold":
            gold_section(basil)
        elif part == "cost":
            cost_section(basil, [int(s) for s in args.sizes.split(",")])
        elif part == "ecb":
            path = data / "ecbplus" / "ecbplus_train_dev.jsonl"
            if path.is_file():
                ecb_section(path, args.ecb_docs)
            else:
                print(f"skipped ecb: {path} absent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
