"""``compare(a, b)``: the whole pipeline in one call.

Each report is prepared once (:mod:`compare.prepare`); the steps read what they need
from the prepared reports and the settings.
"""

from __future__ import annotations

from pathlib import Path

from compare.align import align_scored
from compare.details import match_details
from compare.models import (
    Article,
    Comparison,
    DetailMatch,
    Diff,
    Framing,
    Link,
    Passage,
    Prepared,
    QuotePair,
    Records,
    SameStory,
)
from compare.names import fold_both
from compare.overlap import coverage, shared_passages, verdict
from compare.prepare import prepare
from compare.quotes import pair_quotes
from compare.settings import DEFAULT, Settings
from compare.story import judge
from compare.wording import diff_links, framing

_REFUSED = (
    "compare() takes Article, Prepared or pathlib.Path; for a file pass Path('...') or "
    "load_article('...'), for a text Article.from_text(text)"
)


def _prepared(report: Article | Prepared | Path, name: str, settings: Settings) -> Prepared:
    if isinstance(report, str):
        raise TypeError(f"{name}: {_REFUSED}, not str")
    if not isinstance(report, Article | Prepared | Path):
        raise TypeError(f"{name}: {_REFUSED}, not {type(report).__name__}")
    return prepare(report, settings)


def compare(
    a: Article | Prepared | Path,
    b: Article | Prepared | Path,
    *,
    settings: Settings | None = None,
    min_words: int | None = None,
) -> Comparison:
    """Compare two reports of one event.

    ``a`` and ``b`` are :class:`Article` objects (see :func:`compare.load_article` and
    :meth:`Article.from_text`), prepared reports (:func:`compare.prepare.prepare`: a
    report compared with many others is prepared once) or ``pathlib.Path`` objects to
    load. A ``str`` is refused (``TypeError``): it could be a path or a text.
    ``settings`` holds every threshold (:class:`compare.settings.Settings`, the defaults
    when None); ``min_words``, the shortest shared verbatim passage reported, is a
    shortcut for ``settings.replace(min_words=...)``.
    """
    settings = settings or DEFAULT
    if min_words is not None:
        settings = settings.replace(min_words=min_words)
    pa, pb = _prepared(a, "a", settings), _prepared(b, "b", settings)
    a, b = pa.article, pb.article
    links, scores = align_scored(pa, pb, settings)
    passages = shared_passages(a, b, min_words=settings.min_words)
    covered = coverage(a, b, links, passages)
    folded = fold_both(pa.details, pb.details)  # name variants joined once for both uses
    story = judge(pa, pb, links, folded=folded)
    notes = _notes(pa, pb, links, passages, story, settings)
    return Comparison(
        a=a,
        b=b,
        links=Records(links, Link),
        passages=Records(passages, Passage),
        coverage=covered,
        verdict=verdict(a, b, passages, covered),
        details=Records(match_details(pa, pb, folded=folded), DetailMatch),
        quotes=Records(pair_quotes(pa, pb), QuotePair),
        diffs=Records(diff_links(a, b, links), Diff),
        framing=Records(framing(a, b, links), Framing),
        notes=notes,
        scores=scores,
        story=story,
    )


def _notes(
    pa: Prepared, pb: Prepared, links, passages, story: SameStory, settings: Settings
) -> tuple[str, ...]:
    """Plain-words notes on edge cases, so a result says what it found."""
    notes = []
    for side, prepared in (("a", pa), ("b", pb)):
        article = prepared.article
        if article.meta.get("note"):
            notes.append(f"{side} ({article.name}): {article.meta['note']}")
        share = prepared.function_share
        if share is not None and share < settings.english_share:
            notes.append(
                f"{side} ({article.name}) does not look like English: only {share:.0%} of its "
                "words are common English words (about 45% in English news). Sentences, "
                "passages and numbers still compare; similarity, names and quotes are tuned "
                "for English and may miss."
            )
    if pa.article.text == pb.article.text:
        notes.append("The two reports are identical.")
    elif not story.same_event:
        found = ("have nothing in common: no sentence is linked and no passage is shared"
                 if not links and not passages else "have little in common")
        notes.append(
            f"The two reports {found}; same-story probability {story.probability:.2f} "
            f"(under {story.threshold:.2f}). They may not report the same event."
        )
    return tuple(notes)
