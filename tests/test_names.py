"""Names of the example reports: titles, variants, surnames, and what is not a name."""

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.details import extract_details
from compare.models import Article, Detail
from compare.names import cross_fold, extract_names, name_key, singular


def test_titles_folded_and_surnames_joined(article_a, article_b):
    b = extract_details(article_b)
    names = {d.text: d.value for d in b if d.kind == "name"}
    assert names["Joe Biden"] == "joe biden"  # from "US President Joe Biden"
    assert names["US"] == "united states"
    assert names["Stefano Pontecorvo"] == "stefano pontecorvo"  # "Ambassador ..."
    assert {d.value for d in b if d.text == "Stoltenberg"} == {"jens stoltenberg"}
    a = extract_details(article_a)
    assert {d.value for d in a if d.text in {"U.S.", "United States"}} == {"united states"}


def test_possessive_and_variant_join(article_b):
    nato = [d for d in extract_details(article_b) if d.value == "nato"]
    assert len(nato) >= 5 and all(d.text == "NATO" for d in nato)  # NATO's -> NATO


def test_no_names_from_sentence_initial_common_words(article_a):
    texts = {d.text for d in extract_details(article_a) if d.kind == "name"}
    assert not texts & {"Parts", "None", "At", "He", "The", "Afghan"}


def test_name_key_folds_case_accents_dots_and_possessive():
    assert name_key("U.S.") == "us"
    assert name_key("the Pentagon’s") == "pentagon"
    assert name_key("Jens  Stoltenberg") == name_key("jens stoltenberg")
    assert name_key("José") == "jose"
    assert singular("troops") == "troop" and singular("congress") == "congress"


def test_particles_initials_and_blocked_spans():
    art = Article.from_text("Officials said Osama bin Laden met George W. Bush in May.")
    got = {d.text for d in extract_names(art)}
    assert {"Osama bin Laden", "George W. Bush"} <= got
    # a span taken by a date is never a name
    may = art.text.index("May")
    assert "May" not in {d.text for d in extract_names(art, {0: [(may, may + 3)]})}


def test_party_labels_and_and_split():
    art = Article.from_text("Sen. Ted Cruz (R-Texas) spoke as the US and UK met.")
    texts = {d.text for d in extract_names(art)}
    assert "Ted Cruz" in texts and not any(t.startswith("R-") for t in texts)
    assert {"US", "UK"} <= texts


def test_cross_fold_joins_a_bare_surname_to_the_other_reports_full_name():
    mine = [Detail("name", "other", "Stoltenberg", "stoltenberg", 0, 11, 0)]
    other = [Detail("name", "person", "Jens Stoltenberg", "jens stoltenberg", 0, 16, 0)]
    assert [(d.value, d.category) for d in cross_fold(mine, other)] == [
        ("jens stoltenberg", "person")]
    two = [*other, Detail("name", "person", "Anna Stoltenberg", "anna stoltenberg", 20, 36, 0)]
    assert cross_fold(mine, two) == mine  # two full names fit: left alone


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "The ", "Mr. ", "Jens ", "Stoltenberg ", "of ", "and ", "al ", "Qaeda ", "NATO's ",
    "U.S. ", "President ", "Joe ", "Biden ", "said ", ". ", ", ", "“", "”", "\n\n", "A. ",
    "Afghan ", "Department ", "Health ", "R-Texas ", "New ", "York "]),
    min_size=1, max_size=30).map("".join))
def test_names_index_the_text_and_are_deterministic(text):
    if not text.strip():
        return
    art = Article.from_text(text)
    names = extract_names(art)
    for d in names:
        assert art.text[d.start:d.end] == d.text and d.kind == "name"
        assert d.value == d.value.strip() and d.value
    assert names == extract_names(Article.from_text(text))
