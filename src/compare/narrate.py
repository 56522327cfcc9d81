"""Plain words about a comparison, built from its numbers: Markdown for notebooks and pages.

Each function takes a :class:`~compare.models.Comparison` and returns a short Markdown
paragraph that says what the numbers show for *these* two reports, so that a notebook
run on any pair describes that pair (show it with ``IPython.display.Markdown``). Text
from the reports is escaped (:func:`md`), so it can never become markup.

Remarks about the two example reports in ``data/`` (what a class can notice in them)
live in :data:`EXAMPLE_NOTES` and are added only when the two reports compared are the
examples (:func:`is_example`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache

from compare.models import RELATIONS, UNIQUE, Collation, Comparison

SIDES = ("a", "b")

EXAMPLE_NOTES = {
    "statuses": (
        "In the example reports the two journalists sat through the same press conference "
        "but picked different things to report; the closest links are the same quotes of "
        "Stoltenberg, which both took down almost word for word."
    ),
    "links": (
        "In the example reports the `near_verbatim` pairs are quotes: \"in the *past* few "
        "weeks\" in one report is \"in the *last* few weeks\" in the other."
    ),
    "alignment": (
        "In the example reports both open with Stoltenberg blaming Afghanistan's leaders for "
        "the collapse, and his quotes on it; further down, each tells the rest of the press "
        "conference in its own order."
    ),
    "details": (
        "In the example reports report a gives the background of the mission (when NATO's "
        "operations began, its training mission, the deadline agreed with the Taliban), "
        "report b the numbers of the withdrawal and the evacuation. Note *None are on the "
        "ground today* in report a and *now to zero* in report b: the same fact, but the tool "
        "finds no number in *none*, so it lists *zero* as a number only report b gives."
    ),
    "cue_verbs": (
        "In the example reports, report a has Stoltenberg *acknowledge* and *concede* "
        "things, while report b mostly has him *say* them."
    ),
    "reworded": (
        "In the example reports *reassuming* in one report is *resuming* in the other: a "
        "typo, or a mishearing."
    ),
}
"""Remarks about the example reports, by topic; shown only when they are the input."""


def md(text: str) -> str:
    """``text`` from a report made safe inside Markdown: HTML escaped, and the characters
    that would start emphasis, code, links or tables escaped with a backslash."""
    escaped = re.sub(r"([\\`*_\[\]|~])", r"\\\1", " ".join(text.split()))
    return html.escape(escaped, quote=False)


def _n(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _pct(share: float) -> str:
    return f"{share:.0%}"


@lru_cache(maxsize=1)
def _example_texts() -> tuple[str, str] | None:
    from compare.io import LoadError, example_paths, load_article

    try:
        a, b = example_paths()
        return load_article(a).text, load_article(b).text
    except LoadError:
        return None


def is_example(result: Comparison) -> bool:
    """True if ``result`` compares the two example reports of ``data/`` (by their text)."""
    return _example_texts() == (result.a.text, result.b.text)


def _with_example(result: Comparison, topic: str, text: str) -> str:
    if is_example(result) and topic in EXAMPLE_NOTES:
        return f"{text}\n\n{EXAMPLE_NOTES[topic]}"
    return text


def _article(result: Comparison, side: str):
    return result.a if side == "a" else result.b


def reports(result: Comparison) -> str:
    """Which two reports are compared: title (or name), outlet, date, sentence count."""
    lines = []
    for side in SIDES:
        article = _article(result, side)
        title = article.meta.get("title") or article.name
        extra = [md(article.meta[k]) for k in ("outlet", "date") if article.meta.get(k)]
        extra.append(_n(len(article.sentences), "sentence"))
        lines.append(f"- **Report {side}**: {md(title)} ({', '.join(extra)})")
    notes = [f"- Note: {md(note)}" for note in result.notes]
    return "\n".join(["The two reports compared on this page:", "", *lines, *notes])


def story(result: Comparison) -> str:
    """Whether the two reports tell the same story, with the same-story probability."""
    found = result.story
    if found is None:
        return ""
    if found.same_event:
        return (f"The two reports tell the same story: same-story probability "
                f"{found.probability:.2f}, from how alike the whole texts are and the names, "
                "numbers, dates, places and quotes they share.")
    return (f"The two reports may not tell the same story: same-story probability "
            f"{found.probability:.2f} (under {found.threshold:.2f}). Links between them may "
            "join sentences about different events.")


def statuses(result: Comparison) -> str:
    """How many sentences of each report are unique, and what that suggests."""
    unique = {}
    parts = []
    for side, coverage in zip(SIDES, result.coverage, strict=True):
        total = len(coverage.sentences)
        unique[side] = coverage.sentences.count(UNIQUE) / total if total else 0.0
        count = coverage.sentences.count(UNIQUE)
        parts.append(f"{count} of report {side}'s {_n(total, 'sentence')} "
                     f"{'is' if count == 1 else 'are'} unique")
    text = f"{parts[0]}, and {parts[1]}."
    if not result.links:
        text += (" No sentence of either report is linked to the other: the two may report "
                 "different events, or tell one event in entirely different words.")
    else:
        closest = next(r for r in RELATIONS if any(k.relation == r for k in result.links))
        if min(unique.values()) > 0.5:
            text += (" Most sentences of both reports have no counterpart: each tells much "
                     "that the other does not.")
        elif max(unique.values()) < 0.2:
            text += " Almost every sentence has a counterpart: the reports tell the same things."
        text += f" The closest links are `{closest}`."
    return _with_example(result, "statuses", text)


def links(result: Comparison) -> str:
    """The links by relation, with what to look for in each kind."""
    if not result.links:
        return "There are no linked sentences to list: the table above is empty."
    counts = Counter(k.relation for k in result.links)
    listed = ", ".join(f"{counts[r]} `{r}`" for r in RELATIONS if counts[r])
    text = f"{_n(len(result.links), 'link')}: {listed}."
    if counts["identical"] or counts["near_verbatim"]:
        text += (" Read the `identical` and `near_verbatim` pairs side by side: the few words "
                 "that differ are what one newsroom changed.")
    if counts["partial"]:
        text += " In a `partial` link one side tells more than the other."
    many = sum(len(k.a) > 1 or len(k.b) > 1 for k in result.links)
    if many:
        text += (f" {_n(many, 'link')} join{'s' if many == 1 else ''} more than one sentence "
                 "on one side: one report tells in one sentence what the other tells in several.")
    return _with_example(result, "links", text)


def coverage(result: Comparison) -> str:
    """Coverage both ways in words, and which report covers more of the other."""
    lines = []
    for (of, by), c in zip((SIDES, SIDES[::-1]), result.coverage, strict=True):
        lines.append(f"Report {by} repeats {_pct(c.verbatim)} of report {of}'s content "
                     f"words verbatim and {_pct(c.paraphrase)} in other words; "
                     f"{_pct(c.absent)} of report {of} is absent from it.")
    a_by_b, b_by_a = result.coverage
    if min(a_by_b.absent, b_by_a.absent) > 0.5:
        lines.append("More than half of each report is absent from the other: each tells its "
                     "readers things the other does not.")
    elif abs(a_by_b.absent - b_by_a.absent) >= 0.1:
        more = "b" if a_by_b.absent < b_by_a.absent else "a"
        lines.append(f"Report {more} covers more of the other report than the other way "
                     "round: it tells most of what the other tells, plus material of its own.")
    return " ".join(lines)


def alignment(result: Comparison) -> str:
    """What the alignment map shows: crossing links, the openings, long unique stretches."""
    if not result.links:
        return ("No lines join the two columns: every bar is grey, no sentence of one "
                "report says what a sentence of the other says.")
    starts = sorted((min(k.a), min(k.b)) for k in result.links)
    crossing = sum(1 for n, (_, j) in enumerate(starts) for _, j2 in starts[n + 1:] if j2 < j)
    first_a, first_b = starts[0][0], min(j for _, j in starts)
    text = (f"The first linked sentence is sentence {first_a} of report a and sentence "
            f"{first_b} of report b (counting from 0). ")
    if crossing:
        text += (f"{_n(crossing, 'pair')} of links cross: the reports tell some of the same "
                 "things in a different order. ")
    else:
        text += "No links cross: what the reports share, they tell in the same order. "
    runs = []
    for side, c in zip(SIDES, result.coverage, strict=True):
        longest = max((len(m) for m in re.findall(r"u+", "".join(
            "u" if s == UNIQUE else "l" for s in c.sentences))), default=0)
        runs.append(f"{_n(longest, 'sentence')} in a row in report {side}")
    text += f"The longest grey stretches: {' and '.join(runs)}."
    return _with_example(result, "alignment", text)


def details(result: Comparison) -> str:
    """Facts each report gives alone, shared and conflicting, counted by kind."""
    if not result.details:
        return "Neither report gives a number, a date or a name the tool recognises."
    parts = []
    for status, words in (("only_a", "only report a gives"), ("only_b", "only report b gives"),
                          ("shared", "both give"), ("conflict", "conflict")):
        found = [d for d in result.details if d.status == status]
        if found:
            kinds = Counter(d.kind for d in found)
            by_kind = ", ".join(_n(kinds[k], k) for k in sorted(kinds))
            parts.append(f"{_n(len(found), 'fact')} {words} ({by_kind})")
    text = "; ".join(parts)
    return _with_example(result, "details", text[0].upper() + text[1:] + ".")


def conflicts(result: Comparison) -> str:
    """Conflicting numbers, or what an empty list means."""
    found = [d for d in result.details if d.status == "conflict"]
    if not found:
        return ("No conflicting numbers: the two reports do not contradict each other on any "
                "number they both give for the same thing. A number only one report gives is "
                "in the lists above, not here: silence is not disagreement.")
    listed = "; ".join(md(d.note or d.text) for d in found)
    return (f"{_n(len(found), 'number')} conflict{'s' if len(found) == 1 else ''}: {listed}. "
            "Read both sentences before deciding which report is right.")


def missed(result: Comparison) -> str:
    """What a reader of only one report misses: the other's unique sentences and facts."""
    lines = []
    for side, other, c in (("a", "b", result.coverage[1]), ("b", "a", result.coverage[0])):
        unique = c.sentences.count(UNIQUE)
        facts = [d.text for d in result.details if d.status == f"only_{other}"]
        line = (f"A reader of report {side} alone misses {_n(unique, 'sentence')} of report "
                f"{other}")
        if facts:
            shown = ", ".join(md(t) for t in facts[:6]) + (", ..." if len(facts) > 6 else "")
            line += f" and {_n(len(facts), 'fact')} only report {other} gives ({shown})"
        lines.append(f"- {line}.")
    return "\n".join(lines)


def quotes(result: Comparison) -> str:
    """The quotes by status."""
    if not result.quotes:
        return ("Neither report quotes anyone (no quotation marks were found), so there are "
                "no quotes to compare: the tables in this section are empty.")
    counts = Counter(q.status for q in result.quotes)
    labels = {"same": "the same in both", "reworded": "reworded",
              "only_a": "only in report a", "only_b": "only in report b"}
    listed = ", ".join(f"{counts[s]} {label}" for s, label in labels.items() if counts[s])
    text = f"{_n(len(result.quotes), 'quote')}: {listed}."
    if counts["only_a"] or counts["only_b"]:
        text += (" A quote only one report gives is the speaker's own words that the other "
                 "report's readers never see.")
    return text


def cue_verbs(result: Comparison) -> str:
    """The cue verbs each report uses, and the paired quotes whose verbs differ."""
    if not result.quotes:
        return "No quotes, so no cue verbs to compare."
    lines = []
    for side in SIDES:
        verbs = Counter(getattr(q, side).verb for q in result.quotes
                        if getattr(q, side) and getattr(q, side).verb)
        shown = ", ".join(f"*{md(v)}* ({n})" for v, n in verbs.most_common(5)) or "none found"
        lines.append(f"- Report {side}: {shown}")
    differ = [(q.a.verb, q.b.verb) for q in result.quotes
              if q.a and q.b and q.a.verb and q.b.verb and q.a.verb != q.b.verb]
    if differ:
        pairs = ", ".join(f"*{md(x)}* / *{md(y)}*" for x, y in differ[:5])
        lines.append(f"\nThe same quote introduced with different verbs: {pairs}.")
    text = "Cue verbs (with how many quotes each introduces):\n\n" + "\n".join(lines)
    return _with_example(result, "cue_verbs", text)


def reworded(result: Comparison) -> str:
    """The word changes inside reworded quotes."""
    changes = [(op.a_text, op.b_text) for q in result.quotes if q.status == "reworded"
               for op in q.ops if op.tag != "equal"]
    if not any(q.a and q.b for q in result.quotes):
        return "No quote appears in both reports, so none can be reworded."
    if not changes:
        return "No quote is reworded: every quote both reports give has the same words."
    shown = ", ".join(f"*{md(x) or '(nothing)'}* → *{md(y) or '(nothing)'}*"
                      for x, y in changes[:8])
    text = (f"The changes, from report a's rendering to report b's: {shown}. Even small "
            "changes in a quote suggest that the reporters took it down separately, or from "
            "different sources.")
    return _with_example(result, "reworded", text)


def framing(result: Comparison) -> str:
    """Attribution, hedge and intensifier differences, listed."""
    if not result.framing:
        return ("No framing differences: linked sentences use the same attribution verbs and "
                "neither report adds a hedge or an intensifier to them.")
    lines = []
    for f in result.framing[:8]:
        if f.a_text and f.b_text:
            lines.append(f"- {f.kind}: report a *{md(f.a_text)}*, report b *{md(f.b_text)}*")
        else:
            side, word = ("a", f.a_text) if f.a_text else ("b", f.b_text)
            lines.append(f"- {f.kind}: report {side} adds *{md(word)}*")
    return "\n".join(lines)


def edits(result: Comparison) -> str:
    """How many word-level edits change facts (numbers, names, quotes) rather than style."""
    ops = [op for d in result.diffs for op in d.ops if op.tag != "equal"]
    if not ops:
        return "No linked sentences, so no edits to count."
    weighty = sum(op.kind in ("number", "name", "quote") for op in ops)
    return (f"Of {_n(len(ops), 'edit')} between linked sentences, {weighty} touch a number, a "
            f"name or a quote, and {sum(op.kind == 'function_words' for op in ops)} only "
            "function words.")


# --- many reports (compare.collate) -------------------------------------------------


def _label(collation: Collation, k: int) -> str:
    article = collation.reports[k]
    return f"report {k + 1} ({md(article.meta.get('title') or article.name)})"


def collation_reports(collation: Collation) -> str:
    """The reports (and source) of a collation, and the case of two reports."""
    lines = []
    for k, article in enumerate(collation.reports):
        extra = [md(article.meta[key]) for key in ("outlet", "date") if article.meta.get(key)]
        extra.append(_n(len(article.sentences), "sentence"))
        lines.append(f"- **Report {k + 1}**: {md(article.meta.get('title') or article.name)} "
                     f"({', '.join(extra)})")
    if collation.source is not None:
        lines.append(f"- **Source**: {md(collation.source.name)} "
                     f"({_n(len(collation.source.sentences), 'sentence')})")
    lines += [f"- Note: {md(note)}" for note in collation.notes]
    n = len(collation.reports)
    head = f"The {n} reports compared on this page:"
    if n == 2:
        head = ("Only two reports are compared here, the smallest case: every statement is "
                "said by both or by one only, and nothing can be said by *most*. Give more "
                "reports (see *The reports* above) to see which statements most outlets "
                "carry. The two reports:")
    return "\n".join([head, "", *lines])


def consensus(collation: Collation) -> str:
    """How many statements all, most, some or one report carry, and who is the outlier."""
    from compare.present import support_counts, unique_sentences

    counts = support_counts(collation)
    n = len(collation.reports)
    total = len(collation.groups)
    parts = [f"The reports make {_n(total, 'statement')} between them (a statement is a "
             "sentence, or sentences of several reports that say the same thing)."]
    every = "both reports" if n == 2 else f"all {n} reports"
    parts.append(f"{counts['all']} of them {'is' if counts['all'] == 1 else 'are'} said by "
                 f"{every}" + (f", {counts['most']} by most" if n > 2 else "")
                 + (f", {counts['some']} by some" if counts["some"] else "")
                 + f" and {counts['one']} by one report only.")
    alone = unique_sentences(collation)
    shares = [a / max(len(r.sentences), 1) for a, r in zip(alone, collation.reports,
                                                             strict=True)]
    top = max(range(n), key=lambda k: (shares[k], -k))
    low = min(range(n), key=lambda k: (shares[k], k))
    if shares[top] > 0:
        parts.append(f"The report with the most of its own is {_label(collation, top)}: "
                     f"{_n(alone[top], 'sentence')} of {len(collation.reports[top].sentences)} "
                     f"({_pct(shares[top])}) say what no other report says.")
    if n > 2 and low != top:
        parts.append(f"The one closest to the others is {_label(collation, low)} "
                     f"({_pct(shares[low])} of its sentences are its own).")
    return " ".join(parts)


def collation_coverage(collation: Collation) -> str:
    """The pair of reports that overlap most and least, from the coverage matrix."""
    cells = sorted(collation.coverage, key=lambda c: (-(c.verbatim + c.paraphrase), c.of, c.by))
    best, worst = cells[0], cells[-1]
    text = (f"The most covered report is {_label(collation, best.of)}: "
            f"{_pct(best.verbatim + best.paraphrase)} of its content words are in "
            f"{_label(collation, best.by)} ({_pct(best.verbatim)} verbatim).")
    if len(cells) > 2:
        text += (f" The least: {_label(collation, worst.by)} has "
                 f"{_pct(worst.verbatim + worst.paraphrase)} of {_label(collation, worst.of)}.")
    return text


def collation_facts(collation: Collation) -> str:
    """How many facts all reports give, and the conflicts between two reports."""
    n = len(collation.reports)
    every = sum(len(f.reports) == n for f in collation.facts)
    single = sum(len(f.reports) == 1 for f in collation.facts)
    facts = _n(len(collation.facts), "number, date or name", "numbers, dates and names")
    where = "in both reports" if n == 2 else f"in all {n} reports"
    text = f"The reports give {facts}: {every} {where}, {single} in one report only."
    if collation.conflicts:
        items = [f"{_label(collation, c.a)} says *{md(c.a_text)}* where "
                 f"{_label(collation, c.b)} says *{md(c.b_text)}*"
                 for c in collation.conflicts[:3]]
        text += f" {_n(len(collation.conflicts), 'conflict')}: " + "; ".join(items) + "."
    else:
        text += " No two reports give the same counted thing different values."
    return text


def collation_quotes(collation: Collation) -> str:
    """How many quotes more than one report carries, and how many are reworded."""
    multi = [g for g in collation.quotes if len(g.reports) > 1]
    reworded = [g for g in multi if any(d.status == "reworded" for d in g.diffs)]
    if not collation.quotes:
        return "No report quotes anyone directly."
    return (f"The reports hold {_n(len(collation.quotes), 'quoted statement')}; "
            f"{len(multi)} of them {'appears' if len(multi) == 1 else 'appear'} in more than "
            f"one report, and {len(reworded)} of those "
            f"{'is' if len(reworded) == 1 else 'are'} worded differently somewhere.")


def fidelity(collation: Collation) -> str:
    """Which report draws most on the source, who quotes it accurately, what was left out."""
    if collation.source is None:
        return ("No primary source was given. Set `source` in the parameters cell to a "
                "transcript, statement or press release to see how much of each report "
                "comes from it and whether its quotes are accurate.")
    cells = sorted(collation.fidelity, key=lambda f: (-(f.verbatim + f.paraphrase), f.report))
    most = cells[0]
    text = (f"{_label(collation, most.report).capitalize()} draws most on the source: "
            f"{_pct(most.verbatim)} of its content words verbatim and "
            f"{_pct(most.paraphrase)} in paraphrase.")
    altered = [f for f in collation.fidelity if f.altered or f.not_found]
    if altered:
        text += " Quotes not word for word in the source: " + "; ".join(
            f"{_label(collation, f.report)} {f.altered} altered, {f.not_found} not found"
            for f in altered) + "."
    else:
        text += " Every quote of every report is in the source word for word."
    text += (f" {_n(len(collation.source_unused), 'sentence')} of the source "
             f"{'is' if len(collation.source_unused) == 1 else 'are'} in no report.")
    return text
