"""``collate(reports, source=None)``: many reports of one event at once.

Each report is prepared once (:func:`compare.prepare.prepare`), then every unordered
pair is compared once (:func:`compare.pipeline.compare` on the prepared reports). What
the pairs found is then joined across all reports:

- **statement groups**: the connected components of the sentence links of every pair
  (a sentence linked to a sentence that is linked to a third is in one group with
  both); every sentence is in exactly one group, an unlinked one alone;
- **facts**: the details the pairs matched, joined the same way, with the conflicts
  each pair found;
- **quotes**: the quotes the pairs paired (``same`` or ``reworded``), joined, with
  every pair's word diff between renderings;
- **coverage**: for each ordered pair, the share of one report the other covers.

With a primary ``source``, each report is also compared with it: the share of the
report found in the source, each quote held against the source's words (exact, altered
with the word diff, or not found) and the source's sentences no report carries.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from compare.models import (
    DETAIL_KINDS,
    Article,
    Collation,
    Comparison,
    FactConflict,
    FactGroup,
    Fidelity,
    PairCoverage,
    Prepared,
    QuoteCheck,
    QuoteDiff,
    QuoteGroup,
    Records,
    StatementGroup,
)
from compare.pipeline import compare
from compare.prepare import prepare
from compare.quotes import quote_words
from compare.records import QUOTE_CHECKS
from compare.settings import DEFAULT, Settings
from compare.wording import quote_regions, word_ops

_REFUSED = "collate() takes a sequence of Article, Prepared or pathlib.Path reports"


def support(carriers: int, reports: int) -> str:
    """The support label of a group ``carriers`` of ``reports`` reports carry."""
    if carriers >= reports:
        return "all"
    if carriers == 1:
        return "one"
    return "most" if carriers * 2 > reports else "some"


def _prepared(report, what: str, settings: Settings) -> Prepared:
    if isinstance(report, str) or not isinstance(report, Article | Prepared | Path):
        raise TypeError(f"{what}: {_REFUSED}, not {type(report).__name__}")
    return prepare(report, settings)


def collate(
    reports: Sequence[Article | Prepared | Path],
    source: Article | Prepared | Path | None = None,
    *,
    settings: Settings | None = None,
) -> Collation:
    """Compare every pair of ``reports`` (two or more) and join what the pairs found.

    Each report (and the ``source``) is prepared once, however many others it meets;
    ``settings`` hold every threshold (the defaults when None). The result does not
    depend on anything but the inputs and the settings.
    """
    settings = settings or DEFAULT
    if isinstance(reports, str | Path | Article | Prepared):
        raise TypeError(f"{_REFUSED}, not one {type(reports).__name__}")
    prepared = [_prepared(r, f"report {k}", settings) for k, r in enumerate(reports)]
    if len(prepared) < 2:
        raise ValueError(f"collate() needs at least two reports, not {len(prepared)}")
    n = len(prepared)
    pairs = tuple(
        compare(prepared[i], prepared[j], settings=settings)
        for i in range(n) for j in range(i + 1, n)
    )
    articles = tuple(p.article for p in prepared)
    index = {(i, j): k for k, (i, j) in enumerate(
        (i, j) for i in range(n) for j in range(i + 1, n))}
    ordered = [(i, j, pairs[k]) for (i, j), k in index.items()]
    facts, conflicts = _facts(prepared, ordered)
    notes = _notes(articles, ordered)
    result: dict[str, object] = dict(
        reports=articles,
        pairs=pairs,
        groups=Records(_groups(articles, ordered), StatementGroup),
        facts=Records(facts, FactGroup),
        conflicts=Records(conflicts, FactConflict),
        quotes=Records(_quotes(prepared, ordered), QuoteGroup),
        coverage=Records(_coverage(ordered), PairCoverage),
    )
    if source is not None:
        src = _prepared(source, "source", settings)
        source_pairs = tuple(compare(p, src, settings=settings) for p in prepared)
        checks = tuple(
            _check_quote(k, p, q, src.article, settings)
            for k, p in enumerate(prepared) for q in p.quotes
        )
        fidelity = tuple(_fidelity(k, c, checks) for k, c in enumerate(source_pairs))
        unused = tuple(
            s for s in range(len(src.article.sentences))
            if all(c.coverage[1].sentences[s] == "unique" for c in source_pairs)
        )
        if all(f.verbatim + f.paraphrase == 0 for f in fidelity):
            notes += (f"The source ({src.article.name}) shares nothing with the reports: no "
                      "sentence is linked to it and no passage is shared. It may be the "
                      "source of another story.",)
        result.update(
            source=src.article,
            source_pairs=source_pairs,
            fidelity=Records(fidelity, Fidelity),
            quote_checks=Records(checks, QuoteCheck),
            source_unused=unused,
        )
    return Collation(**result, notes=notes)  # type: ignore[arg-type]


def _components(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]]):
    """The connected components of ``nodes`` joined by ``edges``, each a sorted list,
    in the order of their first node."""
    ids = {node: k for k, node in enumerate(nodes)}
    pairs = [(ids[x], ids[y]) for x, y in edges]
    rows = np.array([p[0] for p in pairs], dtype=np.int64)
    cols = np.array([p[1] for p in pairs], dtype=np.int64)
    graph = sparse.coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(len(ids),) * 2)
    _, labels = connected_components(graph, directed=False)
    found: dict[int, list] = {}
    for node, label in zip(nodes, labels, strict=True):
        found.setdefault(int(label), []).append(node)
    return sorted((sorted(c) for c in found.values()), key=lambda c: c[0])


def _groups(articles: Sequence[Article], ordered) -> list[StatementGroup]:
    nodes = [(r, s.index) for r, a in enumerate(articles) for s in a.sentences]
    edges = [
        ((i, x), (j, y))
        for i, j, c in ordered for link in c.links
        for x in link.a for y in link.b
    ]
    groups = []
    for members in _components(nodes, edges):
        carriers = tuple(sorted({r for r, _ in members}))
        groups.append(StatementGroup(
            tuple(members), carriers, support(len(carriers), len(articles))))
    return groups


def _facts(prepared: Sequence[Prepared], ordered) -> tuple[list[FactGroup], list[FactConflict]]:
    # a pair may fold two names of one person to one value: a mention is known by its span
    own = {(r, d.kind, d.start, d.end): (r, d.kind, d.value)
           for r, p in enumerate(prepared) for d in p.details}

    def node(r: int, d) -> tuple:
        return own.get((r, d.kind, d.start, d.end), (r, d.kind, d.value))

    edges, conflicts, conflicted = [], [], set()
    for i, j, c in ordered:
        for m in c.details:
            ends = [node(i, d) for d in m.a] + [node(j, d) for d in m.b]
            if m.status == "shared":
                edges += [(ends[0], e) for e in ends[1:]]
            elif m.status == "conflict":
                a_text, _, b_text = m.text.partition(" / ")
                conflicts.append(FactConflict(
                    m.kind, m.category, i, j, a_text, b_text, m.in_a, m.in_b, m.note))
                conflicted.update(ends)
    mentions: dict[tuple, list] = {}
    for r, p in enumerate(prepared):
        for d in p.details:
            mentions.setdefault((r, d.kind, d.value), []).append(d)
    nodes = sorted(set(mentions) | {e for edge in edges for e in edge})
    facts = []
    for members in _components(nodes, edges):
        found = [(r, d) for r, kind, value in members for d in mentions.get((r, kind, value), ())]
        if not found:
            continue
        found.sort(key=lambda rd: (rd[0], rd[1].start))
        first = found[0][1]
        facts.append(FactGroup(
            kind=first.kind, category=first.category, value=first.value, text=first.text,
            reports=tuple(sorted({r for r, _ in found})),
            mentions=tuple(sorted({(r, d.sentence) for r, d in found})),
            conflict=any(m in conflicted for m in members),
        ))
    kinds = {k: n for n, k in enumerate(DETAIL_KINDS)}
    facts.sort(key=lambda f: (-len(f.reports), kinds.get(f.kind, len(kinds)), f.mentions[0]))
    return facts, conflicts


def _quotes(prepared: Sequence[Prepared], ordered) -> list[QuoteGroup]:
    where = [{q: k for k, q in enumerate(p.quotes)} for p in prepared]
    nodes = [(r, k) for r, p in enumerate(prepared) for k in range(len(p.quotes))]
    edges, diffs = [], []
    for i, j, c in ordered:
        for pair in c.quotes:
            if pair.a is None or pair.b is None:
                continue
            x, y = (i, where[i][pair.a]), (j, where[j][pair.b])
            edges.append((x, y))
            diffs.append((x, y, QuoteDiff(i, j, pair.status, pair.ops)))
    groups = []
    for members in _components(nodes, edges):
        inside = set(members)
        groups.append(QuoteGroup(
            reports=tuple(sorted({r for r, _ in members})),
            renderings=tuple((r, prepared[r].quotes[k]) for r, k in members),
            diffs=tuple(d for x, y, d in diffs if x in inside and y in inside),
        ))
    groups.sort(key=lambda g: (-len(g.reports), g.renderings[0][0], g.renderings[0][1].start))
    return groups


def _coverage(ordered) -> list[PairCoverage]:
    cells = []
    for i, j, c in ordered:
        for of, by, cov in ((i, j, c.coverage[0]), (j, i, c.coverage[1])):
            cells.append(PairCoverage(of, by, cov.verbatim, cov.paraphrase, cov.absent))
    return sorted(cells, key=lambda c: (c.of, c.by))


def _notes(articles: Sequence[Article], ordered) -> tuple[str, ...]:
    notes = []
    for i, j, _ in ordered:
        if articles[i].text == articles[j].text:
            notes.append(f"Reports {i} ({articles[i].name}) and {j} ({articles[j].name}) "
                         "are identical.")
    seen = set()
    for _, _, c in ordered:
        for note in c.notes:
            if note not in seen and "identical" not in note and "nothing in common" not in note:
                seen.add(note)
                notes.append(note)
    return tuple(notes)


# --- the primary source ------------------------------------------------------------


def _check_quote(report: int, prepared: Prepared, quote, source: Article,
                 settings: Settings) -> QuoteCheck:
    """Hold one quote against the source's words: the same words in a row (``exact``),
    most of them in order in one stretch (``altered``), or neither (``not_found``)."""
    mine = quote_words(prepared.article, quote)
    words = [w for ws in source.words for w in ws if w.is_word]
    q = [w.norm for w in mine]
    s = [w.norm for w in words]
    if not q or not s:
        return QuoteCheck(report, quote, "not_found", -1, -1, ())
    matcher = difflib.SequenceMatcher(None, s, q, autojunk=False)
    best = matcher.find_longest_match(0, len(s), 0, len(q))
    if best.size == len(q):
        hit = words[best.a: best.a + best.size]
        return QuoteCheck(report, quote, "exact", hit[0].start, hit[-1].end, ())
    if best.size == 0:
        return QuoteCheck(report, quote, "not_found", -1, -1, ())
    slack = len(q) // 2 + 1
    lo = max(0, best.a - best.b - slack)
    hi = min(len(s), best.a + (len(q) - best.b) + slack)
    window = difflib.SequenceMatcher(None, s[lo:hi], q, autojunk=False).get_matching_blocks()
    blocks = [b for b in window if b.size]
    matched = sum(b.size for b in blocks)
    if matched < settings.source_quote_share * len(q):
        return QuoteCheck(report, quote, "not_found", -1, -1, ())
    first, last = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
    ops = word_ops(source.text, words[first:last], prepared.article.text, mine,
                   a_quotes=quote_regions(source), b_quotes=quote_regions(prepared.article))
    return QuoteCheck(report, quote, "altered", words[first].start, words[last - 1].end, ops)


def _fidelity(report: int, comparison: Comparison, checks: Sequence[QuoteCheck]) -> Fidelity:
    cov = comparison.coverage[0]
    mine = [c.status for c in checks if c.report == report]
    return Fidelity(report, cov.verbatim, cov.paraphrase, cov.absent,
                    *(mine.count(status) for status in QUOTE_CHECKS))
