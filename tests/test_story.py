"""The same-story score (compare.story): signals, the decision, its place in a comparison."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

from compare import compare, prepare
from compare.models import Article, SameStory
from compare.story import DOCUMENT, FULL, document_signals, judge, parameters, profile, score

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "bench" / "basil" / "articles"

# Two reports of one earthquake in their own words, and a report of another earthquake
# (a similar but different event), written for this file.
QUAKE_1 = (
    "A magnitude 7.1 earthquake struck off the coast of Peru on Tuesday, the Geological "
    "Survey said. Residents of Arequipa fled their homes as buildings shook for almost a "
    "minute. \"We ran into the street with the children,\" said Rosa Quispe, a teacher. "
    "Officials reported 12 people injured and damage to roads near Camana."
)
QUAKE_1_AGAIN = (
    "Twelve people were hurt when a strong 7.1 quake hit southern Peru on Tuesday. In "
    "Arequipa, families left their houses and waited outside while aftershocks followed. "
    "Teacher Rosa Quispe said: \"We ran into the street with the children.\" Roads around "
    "Camana were damaged, according to regional officials."
)
QUAKE_2 = (
    "A magnitude 6.2 earthquake shook central Italy early on Sunday, damaging churches in "
    "the hill town of Norcia. The civil protection agency said nobody was killed. Mayor "
    "Nicola Alemanno said the town would check every school before classes resume."
)
GARDEN = (
    "The botanical garden opened a new greenhouse for tropical orchids on Saturday. "
    "Visitors queued to see the flowers, and the gardeners explained how the plants are "
    "watered by hand every morning."
)


def _prepared(text: str, name: str):
    return prepare(Article.from_text(text, name=name))


def test_the_shipped_models_name_the_inputs_this_code_computes():
    params = parameters()
    assert params["models"]["document"]["inputs"] == list(DOCUMENT)
    assert params["models"]["full"]["inputs"] == list(FULL)
    assert params["refit"].startswith("python training/fit_story.py")
    assert 0.0 < params["threshold"] < 1.0


def test_signals_are_shares_and_identical_texts_agree_fully():
    pa = _prepared(QUAKE_1, "a")
    signals = document_signals(pa, pa)
    assert math.isclose(signals["tfidf"], 1.0)
    assert signals["names"] == 1.0 and signals["numbers"] == 1.0
    assert signals["shared_names"] >= 1
    for name in DOCUMENT:
        assert 0.0 <= signals[name] <= 1.0


def test_the_score_is_symmetric_and_deterministic():
    pa, pb = _prepared(QUAKE_1, "a"), _prepared(QUAKE_1_AGAIN, "b")
    ab, ba = score(pa, pb), score(pb, pa)
    assert ab.probability == ba.probability and ab.signals == ba.signals
    assert score(pa, pb) == ab
    assert isinstance(ab, SameStory) and ab.model == "document"


def test_same_event_outscores_a_similar_event_and_an_unrelated_text():
    pa = _prepared(QUAKE_1, "a")
    same = score(pa, _prepared(QUAKE_1_AGAIN, "b"))
    similar = score(pa, _prepared(QUAKE_2, "c"))
    unrelated = score(pa, _prepared(GARDEN, "d"))
    assert same.probability > similar.probability > unrelated.probability
    assert same.same_event and not unrelated.same_event
    assert "shared" in same.reason and "Rosa Quispe" not in same.reason  # counts, not text


def test_comparison_similarity_is_the_full_models_probability():
    result = compare(Article.from_text(QUAKE_1, name="a"), Article.from_text(QUAKE_1_AGAIN,
                                                                             name="b"))
    assert result.story.model == "full"
    assert result.similarity == result.story.probability
    assert 0.0 <= result.similarity <= 1.0
    assert "linked" in result.story.signals
    pa, pb = prepare(result.a), prepare(result.b)
    assert judge(pa, pb, result.links) == result.story


def test_the_note_on_different_stories_states_the_probability():
    result = compare(Article.from_text(QUAKE_1, name="a"), Article.from_text(GARDEN, name="b"))
    assert not result.story.same_event
    (note,) = [n for n in result.notes if "may not report the same event" in n]
    assert f"same-story probability {result.story.probability:.2f}" in note


def test_the_example_reports_tell_one_story(article_a, article_b):
    result = compare(article_a, article_b)
    assert result.story.same_event and result.similarity > 0.9
    assert not any("same event" in note for note in result.notes)


def test_embeddings_are_shown_and_said_to_be_uncalibrated_without_a_fitted_model():
    pa, pb = _prepared(QUAKE_1, "a"), _prepared(QUAKE_1_AGAIN, "b")
    rng = np.random.default_rng(0)

    def with_vectors(p):
        v = rng.normal(size=(len(p.article.sentences), 8)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        return dataclasses.replace(p, embeddings=v)

    ea, eb = with_vectors(pa), with_vectors(pb)
    found = score(ea, eb)
    assert -1.0 <= found.signals["embedding"] <= 1.0
    assert "not in the calibrated score" in found.reason
    assert found.probability == score(pa, pb).probability
    assert math.isclose(document_signals(ea, ea)["embedding"], 1.0, rel_tol=1e-6)


def test_same_triplet_of_basil_is_one_story_and_another_event_is_not():
    if not BASIL.is_dir():
        pytest.skip(f"BASIL not found: ../shared/bench/basil absent ({BASIL})")
    by_event: dict[str, list[Article]] = {}
    for path in sorted(BASIL.glob("2016/*.json"))[:6]:
        raw = json.loads(path.read_text("utf-8"))
        text = "\n\n".join(" ".join(p) for p in raw["body-paragraphs"])
        by_event.setdefault(raw["triplet-uuid"], []).append(Article.from_text(text,
                                                                              name=path.stem))
    (x1, x2, *_), (y1, *_) = list(by_event.values())[:2]
    assert score(prepare(x1), prepare(x2)).same_event
    assert score(prepare(x1), prepare(y1)).probability < score(prepare(x1),
                                                                prepare(x2)).probability


def test_names_joined_once_by_the_caller_give_the_same_signals(article_a, article_b):
    from compare.names import fold_both

    pa, pb = prepare(article_a), prepare(article_b)
    folded = fold_both(pa.details, pb.details)
    assert document_signals(pa, pb, folded=folded) == document_signals(pa, pb)
    result = compare(pa, pb)
    assert judge(pa, pb, result.links, folded=folded) == result.story


# Two reports of one hearing from different angles: one central person named often in
# both, and each report's own people named once (written for this file).
ANGLE_1 = (
    "Senator Ada Brandt questioned the budget chief on Tuesday. Brandt asked why the "
    "agency had hidden its costs. Brandt later told reporters that she would press on. "
    "Tom Reyes and Lena Ortiz, two aides, watched from the gallery, and Paul Kim took notes."
)
ANGLE_2 = (
    "The budget chief faced Senator Ada Brandt on Tuesday. Brandt pressed him on costs for "
    "an hour. Critics of Brandt, among them Mark Lowe and Ines Vidal, called it theatre, "
    "and Omar Haddad said Brandt wanted headlines."
)


def test_names_said_often_in_both_weigh_more_than_names_said_once():
    pa, pb = _prepared(ANGLE_1, "a"), _prepared(ANGLE_2, "b")
    signals = document_signals(pa, pb)
    # the set cosine counts each name once; the mention cosine counts each mention
    assert signals["shared_names"] == 1
    assert signals["name_mentions"] > 2 * signals["names"]
    assert math.isclose(document_signals(pa, pa)["name_mentions"], 1.0)
    assert document_signals(pa, _prepared(GARDEN, "d"))["name_mentions"] == 0.0


def test_the_sublinear_tfidf_cosine_damps_a_repeated_word():
    from compare.similarity.shipped import shipped_idf

    pa = _prepared("Storm storm storm storm storm hits the town.", "a")
    pb = _prepared("A storm hits the coast.", "b")
    signals = document_signals(pa, pb)
    idf, default = shipped_idf()
    counts_a = {"storm": 5, "hit": 1, "town": 1}
    counts_b = {"storm": 1, "hit": 1, "coast": 1}
    words_a = dict(zip(profile(pa).words, profile(pa).counts, strict=True))
    assert sorted(words_a.values()) == sorted(counts_a.values())

    def weights(counts, words):
        return {w: (1 + math.log(n)) * idf.get(w, default) for w, n in zip(words, counts,
                                                                            strict=True)}

    wa = weights(profile(pa).counts, profile(pa).words)
    wb = weights(profile(pb).counts, profile(pb).words)
    dot = sum(wa[w] * wb[w] for w in wa.keys() & wb.keys())
    expected = dot / math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in
                                                                    wb.values()))
    assert len(counts_b) == len(profile(pb).words)
    assert math.isclose(signals["tfidf_log"], expected, rel_tol=1e-9)
    assert signals["tfidf_log"] > signals["tfidf"]  # five "storm" weigh less than five times


def test_a_profile_gives_the_same_new_signals_as_the_prepared_reports():
    pa, pb = _prepared(ANGLE_1, "a"), _prepared(ANGLE_2, "b")
    assert document_signals(profile(pa), profile(pb)) == document_signals(pa, pb)
    assert profile(pa).mentions and len(profile(pa).mentions) == len(profile(pa).details)
