"""compare(a, b) end to end: edge cases say what they found, output is deterministic."""

import json
from pathlib import Path

import pytest

from compare import compare
from compare.export import comparison_dict, to_json
from compare.models import Article, Link, Records
from compare.prepare import prepare

DATA = Path(__file__).resolve().parents[1] / "data"

UNRELATED = (
    "The city council approved a new budget for the public library on Monday. "
    "Opening hours will be extended on weekends, and the children's section will be "
    "renovated before the summer. The librarians welcomed the decision."
)
GERMAN = (
    "Der Generalsekretär der Nato, Jens Stoltenberg, hat die afghanische Führung für den "
    "raschen Zusammenbruch des Landes verantwortlich gemacht. Es gebe viele Lehren zu "
    "ziehen, sagte er am Dienstag nach einem Treffen der Botschafter."
)


@pytest.fixture(scope="module")
def example(article_a, article_b):
    return compare(article_a, article_b)


def test_example_comparison_has_every_part(example):
    assert example.notes == ()
    assert example.links and example.passages and example.details and example.quotes
    assert len(example.diffs) == len(example.links)
    assert [d.a for d in example.diffs] == [link.a for link in example.links]
    assert example.verdict.label == "heavy revision"


def test_identical_reports(article_a):
    result = compare(article_a, article_a)
    assert result.notes == ("The two reports are identical.",)
    assert result.verdict.label == "verbatim copy"
    assert {link.relation for link in result.links} == {"identical"}
    assert all(c.verbatim == 1.0 and c.absent == 0.0 for c in result.coverage)
    assert {m.status for m in result.details} == {"shared"}


def test_reports_with_nothing_in_common(article_a):
    result = compare(article_a, Article.from_text(UNRELATED, name="b"))
    assert result.links == () and result.passages == ()
    assert result.verdict.label == "independent"
    (note,) = [n for n in result.notes if "nothing in common" in n]
    assert f"same-story probability {result.story.probability:.2f}" in note
    assert not result.story.same_event
    assert result.coverage[0].absent == 1.0


def test_text_in_another_language_is_flagged(article_a):
    result = compare(article_a, Article.from_text(GERMAN, name="b"))
    (note,) = [n for n in result.notes if "does not look like English" in n]
    assert note.startswith("b (b)")
    assert len(result.b.sentences) == 2  # still split and compared


def test_html_extraction_is_reported(tmp_path, article_b):
    page = tmp_path / "story.txt"
    paragraphs = "".join(f"<p>{s.text}</p>" for s in article_b.sentences)
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>", "utf-8")
    from compare import load_article

    result = compare(load_article(page), article_b)
    assert any("looked like HTML" in note for note in result.notes)


def test_inputs_may_be_articles_prepared_reports_or_paths(article_a, article_b, example):
    by_path = compare(DATA / "report-a.txt", DATA / "report-b.txt")
    assert by_path.a == article_a
    assert compare(prepare(article_a), article_b) == example
    with pytest.raises(TypeError, match=r"takes Article, Prepared or pathlib\.Path"):
        compare(42, article_a)


@pytest.mark.parametrize("text", ["data/report-a.txt", "NATO blamed the Afghan leaders."])
def test_a_str_is_refused_with_what_to_pass_instead(article_a, text):
    """A str could be a path or a text: compare() used to take it as the text, so a path
    given as a str was silently compared as words ("data/report-a.txt")."""
    message = (
        "a: compare() takes Article, Prepared or pathlib.Path; for a file pass Path('...') "
        "or load_article('...'), for a text Article.from_text(text), not str"
    )
    with pytest.raises(TypeError) as caught:
        compare(text, article_a)
    assert str(caught.value) == message
    with pytest.raises(TypeError, match=r"^b: compare"):
        compare(article_a, text)


def test_swapping_a_and_b_mirrors_coverage(example, article_a, article_b):
    swapped = compare(article_b, article_a)
    assert swapped.coverage[0].sentences == example.coverage[1].sentences
    assert swapped.coverage[1].sentences == example.coverage[0].sentences
    assert {(lk.b, lk.a) for lk in swapped.links} == {(lk.a, lk.b) for lk in example.links}


def test_same_input_same_json_bytes(example, article_a, article_b):
    again = compare(article_a, article_b)
    first = to_json(comparison_dict(example))
    assert first == to_json(comparison_dict(again))
    json.loads(first)


GOLDEN = Path(__file__).resolve().parent / "golden" / "example.json"


def test_example_json_is_byte_identical_to_the_golden_file(tmp_path):
    """The JSON of the example comparison, held against a file written before issue 9's
    refactoring (prepare once, Settings, similarity package). Regenerate only for an
    intended change of output: ``compare-sources --quiet --json tests/golden/example.json``,
    then review the diff."""
    from compare.cli import main

    out = tmp_path / "example.json"
    assert main(["--quiet", "--json", str(out)]) == 0
    assert out.read_bytes() == GOLDEN.read_bytes()


@pytest.mark.parametrize("copier", ["pickle", "deepcopy"])
def test_records_pickle_and_deep_copy_equal(example, copier):
    import copy
    import pickle

    def again(x):
        return pickle.loads(pickle.dumps(x)) if copier == "pickle" else copy.deepcopy(x)

    for record in (example.a, example.links[0], example.verdict, example.quotes[0], example):
        copied = again(record)
        assert copied == record and type(copied) is type(record)
    assert again(example).links.kind is type(example.links[0])
    assert again(Records((), Link)).kind is Link  # an empty collection keeps its kind
    assert hash(again(example.links[0])) == hash(example.links[0])
    assert again(example.verdict).scores == dict(example.verdict.scores)
