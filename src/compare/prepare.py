"""The per-report stage: everything a comparison needs from one report, computed once.

``prepare(article, settings)`` returns a :class:`~compare.models.Prepared` record: the
article, the partner-free similarity features of its sentences, the quoted words of
each sentence, its details (numbers, dates, names), its quotes with their words, and
the sentence embeddings of the similarity backend (None for ``"lexical"``; with
``Settings.embeddings`` the model is loaded once per process and every sentence is
encoded here, so comparisons reuse the vectors). Comparing
one report with ten others prepares it once::

    from compare import compare, prepare
    a = prepare(load_article("a.txt"))
    results = [compare(a, prepare(other)) for other in others]

The record pickles, so it can be prepared on one worker and compared on another; it
holds no per-pair data and no module keeps any per-article cache.
"""

from __future__ import annotations

from pathlib import Path

from compare.models import Article, Prepared
from compare.settings import DEFAULT, Settings


def prepare(article: Article | Path | Prepared, settings: Settings | None = None) -> Prepared:
    """The prepared form of ``article`` (an :class:`Article`, or a ``Path`` to load).

    A :class:`Prepared` report is returned as it is when it was prepared for the same
    similarity backend (an error otherwise: its vectors are another model's).
    """
    settings = settings or DEFAULT
    if isinstance(article, Prepared):
        from compare.similarity import backends

        wanted = backends.key(settings)
        if article.backend != wanted:
            raise ValueError(
                f"{article.article.name}: prepared for the {article.backend!r} similarity "
                f"backend, but the settings ask for {wanted!r}; prepare it again"
            )
        return article
    if isinstance(article, Path):
        from compare.io import load_article

        article = load_article(article)
    if not isinstance(article, Article):
        raise TypeError(
            f"prepare() takes an Article, a Prepared report or a pathlib.Path, not "
            f"{type(article).__name__}"
        )
    return _prepare_article(article, settings)


def _prepare_article(article: Article, settings: Settings) -> Prepared:
    """The work of :func:`prepare` (one call per report)."""
    from compare.align import quoted_words
    from compare.details import extract_details
    from compare.quotes import quotes_with_words
    from compare.segment import function_word_share
    from compare.similarity import backends, sentence_features

    backend = backends.backend_for(settings)
    details = extract_details(article)
    quotes, quote_words = quotes_with_words(article, details)
    return Prepared(
        article=article,
        features=sentence_features(article.words),
        quoted=quoted_words(article),
        details=details,
        quotes=quotes,
        quote_words=quote_words,
        backend=backends.key(settings),
        embeddings=backends.encode(backend, [s.text for s in article.sentences]),
        function_share=function_word_share(w for ws in article.words for w in ws),
    )
