"""``compare(a, b)``: the whole pipeline in one call."""

from __future__ import annotations

from pathlib import Path

from compare.align import align
from compare.details import match_details
from compare.models import (
    Article,
    Comparison,
    DetailMatch,
    Diff,
    Framing,
    Link,
    Passage,
    QuotePair,
    Records,
)
from compare.overlap import coverage, shared_passages, verdict
from compare.quotes import pair_quotes
from compare.segment import function_word_share
from compare.settings import DEFAULT, Settings
from compare.wording import diff_link, framing


def _as_article(report: Article | str | Path, name: str) -> Article:
    if isinstance(report, Article):
        return report
    if isinstance(report, Path):
        from compare.io import load_article

        return load_article(report)
    if isinstance(report, str):
        return Article.from_text(report, name=name)
    raise TypeError(f"{name}: expected an Article, a text or a Path, not {type(report).__name__}")


def compare(
    a: Article | str | Path,
    b: Article | str | Path,
    *,
    settings: Settings | None = None,
    min_words: int | None = None,
) -> Comparison:
    """Compare two reports of one event.

    ``a`` and ``b`` are :class:`Article` objects (see :func:`compare.load_article`),
    texts, or paths. ``settings`` holds every threshold (:class:`compare.settings.Settings`,
    the defaults when None); ``min_words``, the shortest shared verbatim passage reported,
    is a shortcut for ``settings.replace(min_words=...)``.
    """
    settings = settings or DEFAULT
    if min_words is not None:
        settings = settings.replace(min_words=min_words)
    a = _as_article(a, "a")
    b = _as_article(b, "b")
    links = align(a, b, settings)
    passages = shared_passages(a, b, min_words=settings.min_words)
    covered = coverage(a, b, links, passages)
    notes = _notes(a, b, links, passages, settings)
    return Comparison(
        a=a,
        b=b,
        links=Records(links, Link),
        passages=Records(passages, Passage),
        coverage=covered,
        verdict=verdict(a, b, passages, covered),
        details=Records(match_details(a, b), DetailMatch),
        quotes=Records(pair_quotes(a, b), QuotePair),
        diffs=Records((diff_link(a, b, link) for link in links), Diff),
        framing=Records(framing(a, b, links), Framing),
        notes=notes,
    )


def _notes(a: Article, b: Article, links, passages, settings: Settings) -> tuple[str, ...]:
    """Plain-words notes on edge cases, so a result says what it found."""
    notes = []
    for side, article in (("a", a), ("b", b)):
        if article.meta.get("note"):
            notes.append(f"{side} ({article.name}): {article.meta['note']}")
        share = function_word_share(w for ws in article.words for w in ws)
        if share < settings.english_share:
            notes.append(
                f"{side} ({article.name}) does not look like English: only {share:.0%} of its "
                "words are common English words (about 45% in English news). Sentences, "
                "passages and numbers still compare; similarity, names and quotes are tuned "
                "for English and may miss."
            )
    if a.text == b.text:
        notes.append("The two reports are identical.")
    elif not links and not passages:
        notes.append(
            "The two reports have nothing in common: no sentence is linked and no passage "
            "is shared. They may not report the same event."
        )
    return tuple(notes)
