"""``compare(a, b)``: the whole pipeline in one call."""

from __future__ import annotations

from pathlib import Path

from compare.align import align
from compare.details import match_details
from compare.models import Article, Comparison, Records
from compare.overlap import coverage, shared_passages, verdict
from compare.quotes import pair_quotes
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
    a: Article | str | Path, b: Article | str | Path, *, min_words: int = 5
) -> Comparison:
    """Compare two reports of one event.

    ``a`` and ``b`` are :class:`Article` objects (see :func:`compare.load_article`),
    texts, or paths. ``min_words`` is the shortest shared verbatim passage reported.
    """
    a = _as_article(a, "a")
    b = _as_article(b, "b")
    links = align(a, b)
    passages = shared_passages(a, b, min_words=min_words)
    covered = coverage(a, b, links, passages)
    return Comparison(
        a=a,
        b=b,
        links=Records(links),
        passages=Records(passages),
        coverage=covered,
        verdict=verdict(a, b, passages, covered),
        details=Records(match_details(a, b)),
        quotes=Records(pair_quotes(a, b)),
        diffs=Records(diff_link(a, b, link) for link in links),
        framing=Records(framing(a, b, links)),
    )
