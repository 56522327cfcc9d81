"""Issue 11's errors on real BASIL articles: speakers and names.

Each test reads the real article from ``../shared/bench/basil`` (the evaluation data,
never copied into the project) and is skipped with a message where it is absent. The
same patterns are tested in the project's own words, always, in test_attribution.py and
test_names.py.
"""

import json
from pathlib import Path

import pytest

from compare import compare
from compare.details import extract_details
from compare.models import Article
from compare.quotes import extract_quotes

BASIL = Path(__file__).resolve().parents[2] / "shared" / "bench" / "basil" / "articles"

# the four events issue 11 names (triplet uuid prefix, year), by outlet file suffix
GRIFFIN = ("2017", "d16050b3-979f-4834-90db-b8823691b87e")  # _1 fox, _2 nyt, _3 hpo
AKIN = ("2012", "08bb9bee-c167-4c17-9c6d-4a1259231eb7")  # _1 nyt, _2 fox, _3 hpo
WALMART = ("2011", "2058ec60-5372-4f5f-83a3-da780be3a350")  # _1 nyt, _2 fox, _3 hpo
ETHERIDGE = ("2010", "6b541575-99b1-40d2-8730-9bb868ee38ed")  # _1 fox, _2 nyt, _3 hpo


def _article(event: tuple[str, str], n: int) -> Article:
    path = BASIL / event[0] / f"{event[1]}_{n}.json"
    if not path.is_file():
        pytest.skip(f"{path} absent: ../shared/bench/basil absent")
    data = json.loads(path.read_text("utf-8"))
    text = "\n\n".join(" ".join(p) for p in data["body-paragraphs"])
    return Article.from_text(text, name=path.stem)


def _speaker(article: Article, start: str) -> str:
    quotes = [q for q in extract_quotes(article) if q.text.startswith(start)]
    assert quotes, start
    return quotes[0].speaker


def _names(article: Article) -> dict[str, str]:
    return {d.text: d.value for d in extract_details(article) if d.kind == "name"}


def _only_one(a: Article, b: Article) -> set[str]:
    return {m.value for m in compare(a, b).details
            if m.kind == "name" and m.status in ("only_a", "only_b")}


# --- speakers ---------------------------------------------------------------------


def test_griffin_nyt_melania_trump_and_trumps_tweets():
    nyt = _article(GRIFFIN, 2)
    assert _speaker(nyt, "As a mother, a wife") == "Melania Trump"
    assert _speaker(nyt, "So now it is reported") == "Trump"


def test_griffin_hpo_trumps_words_are_not_griffins():
    hpo = _article(GRIFFIN, 3)
    assert _speaker(hpo, "blood coming out of her eyes") != "Kathy Griffin"


def test_akin_fox_tweet_statement_and_senators():
    fox = _article(AKIN, 2)
    assert _speaker(fox, "I am in this race to win.") == "Todd Akin"
    assert _speaker(fox, "As I said yesterday") == "Mitt Romney"
    assert _speaker(fox, "the national interest.") not in {"Todd Akin", "Tuesday"}
    assert _speaker(fox, "the national interest.").endswith("senators")


def test_walmart_scalia_and_sellers():
    nyt = _article(WALMART, 1)
    assert _speaker(nyt, "I’m getting whipsawed here") == "Antonin Scalia"
    assert _speaker(nyt, "If somebody tells you") == "Antonin Scalia"
    assert _speaker(nyt, "The comparison that’s relevant") == "Joseph M. Sellers"
    fox = _article(WALMART, 2)
    assert _speaker(fox, "If somebody tells you") == "Antonin Scalia"


def test_etheridge_no_openers_or_function_words_as_speakers():
    bad = {"Another", "The", "When", "In", "I've", "Reince", "A", "Tuesday"}
    for n in (1, 2, 3):
        speakers = {q.speaker for q in extract_quotes(_article(ETHERIDGE, n))}
        assert not speakers & bad, n
    akin = {q.speaker for q in extract_quotes(_article(AKIN, 1))}
    assert "Reince" not in akin and "Reince Priebus" in akin


# --- names ------------------------------------------------------------------------


def test_akin_former_senators_named_by_both():
    nyt, fox = _article(AKIN, 1), _article(AKIN, 2)
    want = {"john ashcroft", "kit bond", "john danforth", "jim talent"}
    assert want <= set(_names(fox).values())
    assert not want & _only_one(nyt, fox)


def test_griffin_anderson_cooper_on_cnn_is_two_names():
    hpo = _article(GRIFFIN, 3)
    names = _names(hpo)
    assert names.get("Anderson Cooper") == "anderson cooper" and names.get("CNN") == "cnn"
    assert "anderson cooper" not in _only_one(_article(GRIFFIN, 2), hpo)


def test_walmart_name_variants_join_across_reports():
    nyt, fox, hpo = (_article(WALMART, n) for n in (1, 2, 3))
    only = _only_one(nyt, fox)
    for value in ("joseph m sellers", "joseph sellers", "john g roberts jr", "john roberts",
                  "theodore j boutrous jr", "theodore boutrous"):
        assert value not in only
    assert not {"joseph m sellers", "joseph sellers"} & _only_one(nyt, hpo)


def test_griffin_president_trump_is_not_melania():
    nyt, hpo = _article(GRIFFIN, 2), _article(GRIFFIN, 3)
    mentions = [d for d in extract_details(nyt) if d.kind == "name" and d.text == "Trump"]
    assert mentions and all(d.value != "melania trump" for d in mentions)
    only = _only_one(nyt, hpo)
    assert "donald trump" not in only and "trump" not in only


def test_junk_is_not_a_name():
    junk = {"sens", "top senate", "senate gop", "challenge for romney", "big", "congressman",
            "house ways", "means", "eve", "witch hunt", "reps for griffin",
            "trump lashes out", "anderson cooper on cnn", "islamic state"}
    for event, n in ((AKIN, 1), (AKIN, 2), (AKIN, 3), (ETHERIDGE, 1), (ETHERIDGE, 3),
                     (GRIFFIN, 1), (GRIFFIN, 2), (GRIFFIN, 3), (WALMART, 1), (WALMART, 2)):
        values = set(_names(_article(event, n)).values())
        assert not values & junk, (event, n, values & junk)
        assert not any(len(v.split()) > 6 for v in values), (event, n)  # headlines


def test_walmart_quote_pairs_need_shared_wording():
    nyt, fox = _article(WALMART, 1), _article(WALMART, 2)
    pairs = [(p.a.text, p.b.text) for p in compare(nyt, fox).quotes if p.a and p.b]
    assert not [p for p in pairs if p[1].startswith("Wal-Mart Way")], pairs
