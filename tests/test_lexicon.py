"""The one set of shipped word lists and its loader."""

import dataclasses
import json
from importlib import resources

import pytest

from compare.lexicon import Lexicon, lexicon


def test_lexicon_is_loaded_once():
    assert lexicon() is lexicon()
    assert "secretary general" in {" ".join(t) for t in lexicon().titles}


def test_lexicon_lists_are_disjoint_and_normalised():
    lex = lexicon()
    assert lex.cue_verbs["blamed"] == lex.cue_verbs["blames"] == "blame"
    assert lex.cue_verbs["told"] == "tell"
    assert {"say", "tell"} <= lex.neutral_cue_verbs <= set(lex.cue_verbs.values())
    assert not set(lex.cue_verbs) & lex.hedges
    assert not set(lex.cue_verbs) & lex.intensifiers
    assert not lex.hedges & lex.intensifiers
    for words in (set(lex.framing_cue_verbs), lex.hedges, lex.intensifiers):
        assert all(w == w.casefold().strip() and " " not in w for w in words)
    # a cue phrase ("went on") is for attribution only: framing reads one word at a time
    assert all(w == " ".join(w.casefold().split()) for w in lex.cue_verbs)
    assert {w for w in lex.cue_verbs if " " in w} <= lex.quote_cue_verbs.keys() - \
        lex.framing_cue_verbs.keys()


def test_one_list_of_cue_verbs():
    """Attribution, names and framing read one list of cue verbs: framing leaves out the
    ambiguous forms, attribution keeps the verbs that introduce a quote."""
    lex = lexicon()
    raw = json.loads(resources.files("compare").joinpath("data/lexicon.json").read_text("utf-8"))
    assert not {"names.json", "framing.json"} & {
        p.name for p in resources.files("compare").joinpath("data").iterdir()}
    ambiguous = set(raw["ambiguous_cues"])
    assert ambiguous <= set(lex.cue_verbs)
    assert set(lex.framing_cue_verbs) == set(lex.cue_verbs) - ambiguous
    assert lex.cue_verbs["continued"] == "continue" and lex.cue_verbs["warning"] == "warn"
    assert lex.framing_cue_verbs["denied"] == "deny" and "claims" not in lex.framing_cue_verbs
    assert set(lex.quote_cue_verbs) <= set(lex.cue_verbs)
    assert {"said", "told", "added", "saying", "claims"} <= set(lex.quote_cue_verbs)
    assert not {"praised", "accused", "adding", "warning"} & set(lex.quote_cue_verbs)
    # speech verbs attribution reads beside a speaker; framing keeps its old forms
    assert {"denied", "demands", "shouted", "testified", "went on"} <= set(lex.quote_cue_verbs)
    assert not {"demands", "shouted", "testified", "went on"} & set(lex.framing_cue_verbs)


def test_lexicon_is_immutable():
    lex = lexicon()
    assert isinstance(lex, Lexicon)
    with pytest.raises(dataclasses.FrozenInstanceError):
        lex.hedges = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        lex.cue_verbs["said"] = "shout"  # type: ignore[index]
    with pytest.raises(TypeError):
        lex.alias["us"] = "elsewhere"  # type: ignore[index]
    for field in dataclasses.fields(lex):
        value = getattr(lex, field.name)
        assert not isinstance(value, (list, dict, set)), field.name


def test_number_words_for_values_and_for_diffs():
    lex = lexicon()
    assert lex.number_words["twenty"] == 20 and lex.scales["dozen"] == 12
    assert set(lex.number_words) | set(lex.scales) <= lex.number_like
    assert {"hundreds", "first", "half", "percent"} <= lex.number_like


def test_name_and_speaker_lists():
    """The lists names and attribution read, from the same file and loader."""
    import compare.attribution
    import compare.names

    assert compare.names.lexicon is compare.attribution.lexicon is lexicon
    lex = lexicon()
    assert lex.first_name_gender["ann"] == "f" and lex.first_name_gender["joe"] == "m"
    assert lex.nickname_of["chuck"] == "charles"
    assert lex.gender_of_noun["congresswoman"] == "f" and "mrs" in lex.gender_words["f"]
    assert {"rep", "representative"} <= lex.role_titles["congressman"]
    assert {"act", "day"} <= lex.non_name_heads
    assert {"us", "is"} <= lex.caps_only and "united states" not in lex.caps_only
    assert "officials" in lex.plural_speaker_nouns and "official" in lex.speaker_nouns
    assert "statement" in lex.document_nouns and "comments" in lex.speech_nouns
    assert ("sheriff",) in lex.titles and ("sens",) in lex.titles
