"""prepare(): each report prepared once, picklable, shared by every comparison."""

import copy
import dataclasses
import importlib
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

from compare import compare
from compare.models import Article, Prepared
from compare.prepare import prepare
from compare.settings import Settings

# the module: ``compare.prepare`` is also the name of the function the package exports
prepare_module = importlib.import_module("compare.prepare")


def _variants(article: Article, n: int) -> list[Article]:
    """``n`` different reports made from ``article``'s sentences (BASIL-free)."""
    texts = [s.text for s in article.sentences]
    out = []
    for k in range(n):
        kept = [t for i, t in enumerate(texts) if (i + k) % 3 != 0]
        rotated = kept[k % len(kept):] + kept[: k % len(kept)]
        out.append(Article.from_text("\n\n".join(rotated), name=f"variant-{k}"))
    return out


@pytest.fixture(scope="module")
def prepared_a(article_a):
    return prepare(article_a)


def test_prepared_holds_what_every_pair_needs(prepared_a, article_a):
    assert prepared_a.article is article_a
    assert len(prepared_a.features) == len(article_a.sentences)
    assert len(prepared_a.quoted) == len(article_a.sentences)
    assert prepared_a.details and prepared_a.quotes
    assert len(prepared_a.quote_words) == len(prepared_a.quotes)
    assert prepared_a.backend == "lexical" and prepared_a.embeddings is None
    assert 0.3 < prepared_a.function_share < 0.6  # English news (measured once, here)
    assert "sentences" in repr(prepared_a) and len(repr(prepared_a)) < 200


@pytest.mark.parametrize("copier", [lambda x: pickle.loads(pickle.dumps(x)), copy.deepcopy])
def test_prepared_pickles_and_deep_copies_equal(prepared_a, copier):
    again = copier(prepared_a)
    assert isinstance(again, Prepared) and again == prepared_a
    assert again != prepare(Article.from_text("Another report altogether."))


def test_comparing_prepared_reports_gives_the_same_result(prepared_a, article_a, article_b):
    assert compare(prepared_a, prepare(article_b)) == compare(article_a, article_b)
    assert prepare(prepared_a) is prepared_a  # already prepared: returned as it is


def test_one_report_against_ten_is_prepared_once(prepared_a, article_b, monkeypatch):
    others = _variants(article_b, 10)
    fresh = [compare(prepared_a.article, other) for other in others]
    calls: list[str] = []
    real = prepare_module._prepare_article

    def counting(article, settings):
        calls.append(article.name)
        return real(article, settings)

    monkeypatch.setattr(prepare_module, "_prepare_article", counting)
    shared = [compare(prepared_a, other) for other in others]
    assert calls == [other.name for other in others]  # a: never again; each other: once
    assert shared == fresh


def test_a_reports_quote_spans_are_found_once_per_comparison(article_a, article_b, monkeypatch):
    """Quotes, speakers, names, links and diffs all read the spans inside quotation
    marks: each report's are found once (:attr:`Article.quote_spans`), not by each step."""
    import compare.segment as segment

    a, b = dataclasses.replace(article_a), dataclasses.replace(article_b)  # nothing found yet
    calls: list[str] = []
    real = segment.quote_spans

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(segment, "quote_spans", counting)
    result = compare(a, b)
    assert sorted(calls) == sorted([a.text, b.text])
    assert result == compare(article_a, article_b)


def test_sixteen_threads_give_the_results_of_one(article_a, article_b):
    pairs = [(article_a, article_b)] + [
        (x, y) for x, y in zip(_variants(article_a, 15), _variants(article_b, 15), strict=True)
    ]
    one = [compare(x, y) for x, y in pairs]
    with ThreadPoolExecutor(max_workers=16) as pool:
        many = list(pool.map(lambda p: compare(*p), pairs))
    assert many == one


def test_a_report_prepared_for_another_backend_is_refused(prepared_a):
    other = Prepared(**{**prepared_a.__dict__, "backend": "other"})
    with pytest.raises(ValueError, match="prepared for the 'other' similarity backend"):
        compare(other, prepared_a)


def test_an_unknown_backend_is_named(article_a):
    with pytest.raises(ValueError, match="unknown similarity backend 'nope'; known backends"):
        prepare(article_a, Settings(backend="nope"))


def test_prepare_refuses_a_str():
    with pytest.raises(TypeError, match="not str"):
        prepare("data/report-a.txt")
