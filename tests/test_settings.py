"""Settings: one frozen record of every threshold, passed to every step."""

import copy
import pickle

import pytest

from compare import compare
from compare.settings import DEFAULT, Settings


def test_settings_are_frozen_picklable_and_hashable():
    s = Settings(link_threshold=0.5)
    with pytest.raises(AttributeError):
        s.link_threshold = 0.6  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(s)) == s
    assert copy.deepcopy(s) == s
    assert hash(s) == hash(Settings(link_threshold=0.5))
    assert s.replace(link_threshold=0.4) == DEFAULT
    assert list(DEFAULT.as_dict())[:2] == ["candidate_floor", "top_k"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("link_threshold", 1.5), ("near_verbatim", -0.1), ("top_k", 0), ("min_words", 0),
     ("min_words", 2.5), ("partial_long", 0.0)],
)
def test_bad_values_are_refused_with_the_field_named(field, value):
    with pytest.raises(ValueError, match=field):
        Settings(**{field: value})


def test_settings_reach_the_aligner_and_the_passages(article_a, article_b):
    default = compare(article_a, article_b)
    strict = compare(article_a, article_b, settings=Settings(link_threshold=0.99))
    assert {k.relation for k in default.links} >= {"paraphrase"}
    assert "paraphrase" not in {k.relation for k in strict.links}
    longer = compare(article_a, article_b, settings=Settings(min_words=10))
    assert longer == compare(article_a, article_b, min_words=10)
    assert min(p.words for p in longer.passages) >= 10
    assert len(longer.passages) < len(default.passages)


def test_old_align_constant_names_read_the_defaults():
    import compare.align as align

    assert DEFAULT.link_threshold == align.LINK_THRESHOLD
    assert DEFAULT.near_verbatim == align.NEAR_VERBATIM
    with pytest.raises(AttributeError):
        align.NO_SUCH_CONSTANT  # noqa: B018
