"""JSON and plain-text views of a comparison (the command line's outputs).

The JSON shape is documented in the README ("JSON output") and versioned by its
``schema`` key: fields are only ever added within one schema version.
"""

from __future__ import annotations

import json

from compare.models import Article, Collation, Comparison, Op, Quote, SameStory
from compare.present import (
    CHECK_LABELS,
    SUPPORT_LABELS,
    coverage_matrix,
    relation_counts,
    report_labels,
    support_counts,
    unique_counts,
    unique_sentences,
)
from compare.records import QUOTE_CHECKS

SCHEMA = 1


def _round(x: float) -> float:
    return round(float(x), 4)


def article_dict(article: Article) -> dict:
    """A report: name, metadata, credit lines and sentences with their spans."""
    return {
        "name": article.name,
        "meta": dict(article.meta),
        "credits": [{"start": c.start, "end": c.end, "text": c.text} for c in article.credits],
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "text": s.text,
            }
            for s in article.sentences
        ],
    }


def _ops(ops: tuple[Op, ...]) -> list[dict]:
    return [
        {
            "tag": op.tag,
            "a": [op.a_start, op.a_end],
            "b": [op.b_start, op.b_end],
            "a_text": op.a_text,
            "b_text": op.b_text,
            "kind": op.kind,
        }
        for op in ops
    ]


def _quote(q: Quote | None) -> dict | None:
    if q is None:
        return None
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker,
        "verb": q.verb,
        "setting": q.setting,
        "sentence": q.sentences[0] if q.sentences else None,
        "sentences": list(q.sentences),
        "partial": q.partial,
    }


def comparison_dict(result: Comparison) -> dict:
    """Everything in a :class:`Comparison` as plain JSON-ready data."""
    return {
        "schema": SCHEMA,
        "a": article_dict(result.a),
        "b": article_dict(result.b),
        "notes": list(result.notes),
        "links": [
            {
                "a": list(link.a),
                "b": list(link.b),
                "score": _round(link.score),
                "similarity": _round(link.similarity),
                "relation": link.relation,
                "shared_words": list(link.shared_words),
                "reason": link.reason,
                "signals": {k: _round(v) for k, v in link.signals.items()},
                "ops": _ops(diff.ops),
            }
            for link, diff in zip(result.links, result.diffs, strict=True)
        ],
        "passages": [
            {
                "a": [p.a_start, p.a_end],
                "b": [p.b_start, p.b_end],
                "words": p.words,
                "text": p.text,
            }
            for p in result.passages
        ],
        "coverage": {
            side: {
                "of": c.of,
                "by": c.by,
                "verbatim": _round(c.verbatim),
                "paraphrase": _round(c.paraphrase),
                "absent": _round(c.absent),
                "content_words": c.content_words,
                "sentences": list(c.sentences),
            }
            for side, c in zip(("a", "b"), result.coverage, strict=True)
        },
        "verdict": {
            "label": result.verdict.label,
            "scores": {k: _round(v) for k, v in result.verdict.scores.items()},
            "reason": result.verdict.reason,
        },
        "details": [
            {
                "kind": d.kind,
                "category": d.category,
                "text": d.text,
                "value": d.value,
                "in_a": list(d.in_a),
                "in_b": list(d.in_b),
                "status": d.status,
                "note": d.note,
            }
            for d in result.details
        ],
        "quotes": [
            {
                "a": _quote(q.a),
                "b": _quote(q.b),
                "score": _round(q.score),
                "status": q.status,
                "ops": _ops(q.ops),
            }
            for q in result.quotes
        ],
        "framing": [
            {
                "kind": f.kind,
                "a": list(f.a),
                "b": list(f.b),
                "a_text": f.a_text,
                "b_text": f.b_text,
                "a_span": list(f.a_span) if f.a_span else None,
                "b_span": list(f.b_span) if f.b_span else None,
                "note": f.note,
            }
            for f in result.framing
        ],
        "story": _story(result.story),
    }


def _story(story: SameStory | None) -> dict | None:
    """The same-story decision as JSON (None for a comparison built without one)."""
    if story is None:
        return None
    return {
        "similarity": _round(story.probability),
        "same_event": story.same_event,
        "threshold": story.threshold,
        "model": story.model,
        "reason": story.reason,
        "signals": {k: _round(v) for k, v in story.signals.items()},
    }


def to_json(data: dict) -> str:
    """Deterministic JSON text (UTF-8, two-space indent, trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _change(op: Op) -> str:
    """One word-level edit in a line of text: ``+ “w”``, ``- “w”`` or ``“v” → “w”``."""
    if op.tag == "insert":
        return f"+ “{op.b_text}”"
    if op.tag == "delete":
        return f"- “{op.a_text}”"
    return f"“{op.a_text}” → “{op.b_text}”"


def sentences_text(article: Article) -> str:
    """Each sentence of a report on a line of its own, with its index and paragraph."""
    lines = [f"{article.name}: {len(article.sentences)} sentences"]
    lines += [f"  [{s.index:>3}] (¶{s.paragraph}) {s.text}" for s in article.sentences]
    lines += [f"  credit: {c.text}" for c in article.credits]
    return "\n".join(lines) + "\n"


def summary_text(result: Comparison, *, top: int = 8) -> str:
    """A short readable summary: coverage both ways, relations, verdict, the ``top``
    strongest links (none for 0), unique details and quote differences."""
    if top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    a, b = result.a, result.b
    out = [f"{side}: {x.name} ({len(x.sentences)} sentences)" for side, x in (("a", a), ("b", b))]
    out += [f"note: {note}" for note in result.notes]
    out.append("")
    out.append(f"Verdict: {result.verdict.label} — {result.verdict.reason}")
    if result.story is not None:
        out.append(f"Same story: {'yes' if result.story.same_event else 'maybe not'} — "
                   f"{result.story.reason}")
    out.append("")
    out.append("Coverage (share of content words):")
    for c in result.coverage:
        out.append(
            f"  {c.of} covered by {c.by}: {c.verbatim:6.1%} verbatim, "
            f"{c.paraphrase:6.1%} paraphrased, {c.absent:6.1%} absent"
        )
    counts = dict(relation_counts(result))
    unlinked = unique_counts(result)
    for side, c in zip(("a", "b"), result.coverage, strict=True):
        counts[f"unique in {c.of}"] = unlinked[side]
    out.append("")
    out.append("Links: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    if result.links and top:
        out.append("")
        out.append(f"Top links (of {len(result.links)}):")
        ranked = sorted(result.links, key=lambda k: (-k.score, k.a, k.b))[:top]
        for link in ranked:
            a_ids = ",".join(map(str, link.a))
            b_ids = ",".join(map(str, link.b))
            out.append(f"  a[{a_ids}] ~ b[{b_ids}]  {link.relation:<13} {link.score:.2f}")
            out.append(f"      a: {_short(' '.join(a.sentences[i].text for i in link.a))}")
            out.append(f"      b: {_short(' '.join(b.sentences[j].text for j in link.b))}")
    if result.passages:
        longest = max(result.passages, key=lambda p: (p.words, -p.a_start))
        out.append("")
        out.append(
            f"Shared verbatim passages: {len(result.passages)}; longest ({longest.words} words): "
            f"“{_short(longest.text, 70)}”"
        )
    unique = [d for d in result.details if d.status != "shared"]
    if unique:
        out.append("")
        out.append("Details not shared:")
        for status, label in (("only_a", "only in a"), ("only_b", "only in b"),
                              ("conflict", "conflicting")):
            items = [d for d in unique if d.status == status]
            for kind in ("number", "date", "name"):
                texts = [d.text for d in items if d.kind == kind]
                if texts:
                    out.append(f"  {label} ({kind}s): " + "; ".join(texts))
            if status == "conflict":
                out += [f"    {d.note}" for d in items if d.note]
    reworded = [q for q in result.quotes if q.status == "reworded"]
    single = [q for q in result.quotes if q.status in ("only_a", "only_b")]
    if reworded or single:
        out.append("")
        out.append("Quotes:")
        for q in reworded:
            changes = "; ".join(_change(op) for op in q.ops if op.tag != "equal")
            out.append(f"  reworded: “{_short(q.a.text, 60)}”  [{changes}]")
        for q in single:
            side = q.a if q.a is not None else q.b
            where = "only in a" if q.status == "only_a" else "only in b"
            out.append(f"  {where}: “{_short(side.text, 80)}”")
    if result.framing:
        out.append("")
        out.append("Framing:")
        for f in result.framing:
            sides = " / ".join(f"{k} “{t}”" for k, t in (("a", f.a_text), ("b", f.b_text)) if t)
            out.append(f"  {f.kind}: {sides}  {f.note}".rstrip())
    return "\n".join(out) + "\n"


# --- many reports (compare.collate) -------------------------------------------------

COLLATION_SCHEMA = 2
"""The ``schema`` of a many-reports JSON document (``collation_dict``): its ``pairs``
hold schema-1 comparisons unchanged, beside the keys joining all the reports."""


def _coverage_cell(c) -> dict:
    return {"of": c.of, "by": c.by, "verbatim": _round(c.verbatim),
            "paraphrase": _round(c.paraphrase), "absent": _round(c.absent)}


def collation_dict(collation: Collation) -> dict:
    """Everything in a :class:`Collation` as plain JSON-ready data (README, "JSON
    output"): report indices count from 0 in the order of ``reports``."""
    n = len(collation.reports)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    source = collation.source
    return {
        "schema": COLLATION_SCHEMA,
        "reports": [article_dict(r) for r in collation.reports],
        "source": article_dict(source) if source is not None else None,
        "notes": list(collation.notes),
        "pairs": [
            {"a": i, "b": j, "comparison": comparison_dict(c)}
            for (i, j), c in zip(pairs, collation.pairs, strict=True)
        ],
        "groups": [
            {"sentences": [list(s) for s in g.sentences], "reports": list(g.reports),
             "support": g.support}
            for g in collation.groups
        ],
        "facts": [
            {"kind": f.kind, "category": f.category, "value": f.value, "text": f.text,
             "reports": list(f.reports), "mentions": [list(m) for m in f.mentions],
             "conflict": f.conflict}
            for f in collation.facts
        ],
        "conflicts": [
            {"kind": c.kind, "category": c.category, "a": c.a, "b": c.b,
             "a_text": c.a_text, "b_text": c.b_text, "a_sentences": list(c.a_sentences),
             "b_sentences": list(c.b_sentences), "note": c.note}
            for c in collation.conflicts
        ],
        "quotes": [
            {"reports": list(g.reports),
             "renderings": [{"report": r, **(_quote(q) or {})} for r, q in g.renderings],
             "diffs": [{"a": d.a, "b": d.b, "status": d.status, "ops": _ops(d.ops)}
                       for d in g.diffs]}
            for g in collation.quotes
        ],
        "coverage": [_coverage_cell(c) for c in collation.coverage],
        "source_pairs": [
            {"report": k, "comparison": comparison_dict(c)}
            for k, c in enumerate(collation.source_pairs)
        ],
        "fidelity": [
            {"report": f.report, "verbatim": _round(f.verbatim),
             "paraphrase": _round(f.paraphrase), "absent": _round(f.absent),
             "quotes": {s: getattr(f, s) for s in QUOTE_CHECKS}}
            for f in collation.fidelity
        ],
        "quote_checks": [
            {"report": c.report, "quote": _quote(c.quote), "status": c.status,
             "source": [c.source_start, c.source_end] if c.status != "not_found" else None,
             "ops": _ops(c.ops)}
            for c in collation.quote_checks
        ],
        "source_unused": list(collation.source_unused),
    }


def _count(k: int, noun: str) -> str:
    return f"{k} {noun}" if k == 1 else f"{k} {noun}s"


def _first_sentence(collation: Collation, group) -> str:
    r, s = group.sentences[0]
    return collation.reports[r].sentences[s].text


def collation_text(collation: Collation, *, top: int = 8) -> str:
    """A short readable summary of many reports: who carries what, coverage between
    them, facts in conflict, quotes rendered differently and, with a source, fidelity
    to it. ``top`` bounds each list (0 for counts only)."""
    if top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    labels = report_labels(collation)
    n = len(labels)
    out = [f"{n} reports:"]
    out += [f"  {label} ({len(r.sentences)} sentences)"
            for label, r in zip(labels, collation.reports, strict=True)]
    if collation.source is not None:
        out.append(f"source: {collation.source.name} "
                   f"({len(collation.source.sentences)} sentences)")
    out += [f"note: {note}" for note in collation.notes]
    counts = support_counts(collation)
    out.append("")
    out.append(f"Statement groups: {len(collation.groups)} ("
               + ", ".join(f"{k} {SUPPORT_LABELS[s]}" for s, k in counts.items()) + ")")
    for support_ in ("all", "most"):
        carried = [g for g in collation.groups if g.support == support_]
        if carried and top:
            out.append(f"  {SUPPORT_LABELS[support_].capitalize()} ({len(carried)}):")
            out += [f"    - {_short(_first_sentence(collation, g), 86)}" for g in carried[:top]]
    alone = unique_sentences(collation)
    out.append("  Sentences no other report carries: " + ", ".join(
        f"{labels[k]}: {alone[k]}" for k in range(n)))
    out.append("")
    out.append("Coverage (share of the row report's content words the column report has):")
    matrix = coverage_matrix(collation)
    out.append("      " + "".join(f"{k + 1:>6}" for k in range(n)))
    for i in range(n):
        cells = "".join("     -" if i == j else f"{matrix[i, j]:>6.0%}" for j in range(n))
        out.append(f"  {i + 1:>4}{cells}")
    shared = [f for f in collation.facts if len(f.reports) > 1]
    out.append("")
    out.append(f"Facts: {len(collation.facts)} ({len(shared)} in more than one report, "
               f"{sum(len(f.reports) == n for f in collation.facts)} in all), "
               f"{_count(len(collation.conflicts), 'conflict')}")
    for c in collation.conflicts[:top]:
        out.append(f"  conflict, {labels[c.a]} vs {labels[c.b]}: “{c.a_text}” / “{c.b_text}”")
    multi = [g for g in collation.quotes if len(g.reports) > 1]
    reworded = [g for g in multi if any(d.status == "reworded" for d in g.diffs)]
    out.append("")
    out.append(f"Quotes: {len(collation.quotes)} ({len(multi)} in more than one report, "
               f"{len(reworded)} reworded somewhere)")
    for g in reworded[:top]:
        d = next(d for d in g.diffs if d.status == "reworded")
        changes = "; ".join(_change(op) for op in d.ops if op.tag != "equal")
        out.append(f"  “{_short(g.text, 60)}” {labels[d.a]} → {labels[d.b]}: [{changes}]")
    if collation.source is not None:
        out.append("")
        out.append("From the source (share of each report's content words; its quotes):")
        for f in collation.fidelity:
            out.append(f"  {labels[f.report]}: {f.verbatim:.0%} verbatim, "
                       f"{f.paraphrase:.0%} paraphrased; quotes "
                       + ", ".join(f"{getattr(f, s)} {CHECK_LABELS[s]}" for s in QUOTE_CHECKS))
        for c in [c for c in collation.quote_checks if c.status == "altered"][:top]:
            changes = "; ".join(_change(op) for op in c.ops if op.tag != "equal")
            out.append(f"  altered in {labels[c.report]}: “{_short(c.quote.text, 60)}” "
                       f"[{changes}]")
        unused = collation.source_unused
        out.append(f"  The source said, and no report carried: {_count(len(unused), 'sentence')}")
        out += [f"    - {_short(collation.source.sentences[s].text, 86)}"
                for s in unused[:top]]
    return "\n".join(out) + "\n"
