"""JSON and plain-text outputs of a comparison, on the example reports."""

import json

import pytest

from compare import compare
from compare.export import SCHEMA, comparison_dict, summary_text, to_json


@pytest.fixture(scope="module")
def result(article_a, article_b):
    return compare(article_a, article_b)


def test_json_shape(result):
    data = json.loads(to_json(comparison_dict(result)))
    assert data["schema"] == SCHEMA == 1
    assert set(data) == {"schema", "a", "b", "notes", "links", "passages", "coverage",
                         "verdict", "details", "quotes", "framing", "story"}
    assert data["story"]["similarity"] == result.similarity
    assert data["story"]["same_event"] is True and data["story"]["model"] == "full"
    assert set(data["story"]["signals"]) >= {"tfidf", "names", "linked"}
    link = data["links"][0]
    assert {"a", "b", "score", "relation", "shared_words", "ops"} <= set(link)
    assert all(0.0 <= lk["score"] <= 1.0 for lk in data["links"])
    assert all(0.0 <= lk["similarity"] <= 1.0 for lk in data["links"])
    assert set(data["coverage"]) == {"a", "b"}
    detail = data["details"][0]
    assert {"kind", "text", "value", "in_a", "in_b", "status"} <= set(detail)
    quote = next(q for q in data["quotes"] if q["b"] is None)
    assert {"text", "speaker", "verb", "sentence"} <= set(quote["a"])
    # every span indexes the original text
    a_text, b_text = result.a.text, result.b.text
    for p in data["passages"]:
        assert a_text[p["a"][0] : p["a"][1]] == p["text"]
    for lk in data["links"]:
        for op in lk["ops"]:
            assert a_text[op["a"][0] : op["a"][1]] == op["a_text"]
            assert b_text[op["b"][0] : op["b"][1]] == op["b_text"]


def test_json_text_is_deterministic_utf8(result):
    text = to_json(comparison_dict(result))
    assert text.endswith("}\n") and "“" in text  # not \\u-escaped


def test_summary_says_whether_the_reports_tell_one_story(result):
    (line,) = [k for k in summary_text(result).splitlines() if k.startswith("Same story:")]
    assert line.startswith("Same story: yes — same event (probability")
    assert "TF-IDF cosine" in line and "of sentences linked" in line


def test_summary_names_the_unique_details_and_rewordings(result):
    text = summary_text(result)
    only_a = next(line for line in text.splitlines() if "only in a (dates)" in line)
    assert "2003" in only_a and "2015" in only_a and "2020" in only_a
    only_b = next(line for line in text.splitlines() if "only in b (numbers)" in line)
    assert "10,000" in only_b and "1,000" in only_b
    not_shared = text.split("Details not shared:")[1].split("Quotes:")[0]
    assert "100,000" not in not_shared and " 800" not in not_shared
    assert "“past” → “last”" in text
    assert "“reassuming” → “resuming”" in text
    assert "+ “the”" in text  # an insertion, not “” → “the”
    assert "“” →" not in text and "→ “”" not in text
    assert "only in a: “I share your pain.”" in text
    assert "only in b: “The world will be watching." in text
    assert "Verdict: heavy revision" in text
    assert "covered by" in text


def test_summary_writes_insertions_and_deletions_with_a_sign(result):
    reworded = [q for q in result.quotes if q.status == "reworded"]
    inserted = [op for q in reworded for op in q.ops if op.tag == "insert"]
    assert inserted  # the example reports have one: “the” added to a quote
    text = summary_text(result)
    for op in inserted:
        assert f"+ “{op.b_text}”" in text
    # a deletion is the same edit seen from the other side
    back = summary_text(compare(result.b, result.a))
    for op in inserted:
        assert f"- “{op.b_text}”" in back


def test_summary_top_zero_has_no_link_list_and_negative_top_is_refused(result):
    assert "Top links" in summary_text(result, top=1)
    assert "Top links" not in summary_text(result, top=0)
    with pytest.raises(ValueError, match="top"):
        summary_text(result, top=-1)


def test_summary_never_prints_an_empty_quotation(result):
    # framing found on one side only names that side, not `b “”`
    assert any(not f.a_text or not f.b_text for f in result.framing)
    text = summary_text(result)
    assert "“”" not in text
    assert "intensifier: a “rapid”  only a uses" in text
