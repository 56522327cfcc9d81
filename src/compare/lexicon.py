"""The shipped word lists, loaded once: one place for every list the library matches words on.

The lists are hand-written for this project and ship in ``data/lexicon.json``.
:func:`lexicon` reads them once and returns a :class:`Lexicon`, a frozen record of
frozensets, tuples and read-only mappings, with the lookups each step needs built once:
names (:mod:`compare.names`), details (:mod:`compare.details`), who said a quote
(:mod:`compare.attribution`) and framing (:mod:`compare.wording`). The folding that the
lists' keys and every lookup share lives here too (:func:`name_key`, :func:`singular`,
:func:`bare_word`), so that this module imports nothing of the package's.

There is one list of cue (reporting) verbs, by lemma with all their forms, and two
marks on it for the two ways it is read:

* framing (:mod:`compare.wording`) looks at each word alone, so it leaves out the
  ``ambiguous_cues``: forms that are also common nouns or have other senses (``claims``,
  ``state``, ``called``, ``continued``), and the speech verbs only attribution reads
  (``shouted``, ``testified``, ``went on``), which framing was not measured with;
* the attribution patterns (:mod:`compare.attribution`, and :mod:`compare.names` for a
  name followed by a cue verb) need a speaker right beside the verb, and look only for
  the ``quote_verbs``, the verbs that introduce a direct quote (``said``, ``told``,
  ``added``, ``denied``, ``demands``, not ``praised`` or ``accused``), in their finite
  forms and the participles of ``quote_participles`` (``, saying``). Measured on the
  255 BASIL articles, the other cue verbs or other participles (``, adding``) there made
  the speaker pattern take the first capitalised word of the sentence (``The``, ``If``)
  far more often than they found a speaker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = ["Lexicon", "bare_word", "lexicon", "name_key", "singular"]


# --- how words and names are folded for lookup (the lists' keys and every lookup) --------

_POSSESSIVE_END = re.compile(r"['’]s$")
_DASHES_SPACES = re.compile(r"[-‐‑–—\s]+")
_LEADING_THE = re.compile(r"^the ")


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Fold a name for matching: case, accents, dots, hyphens, a leading ``the``, ``'s``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE_END.sub("", text.strip())
    text = text.replace(".", "").replace("’", "'")
    text = _DASHES_SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def bare_word(word: str) -> str:
    """A word as :attr:`Lexicon.titles` holds it: casefolded, without a final dot."""
    return word.casefold().rstrip(".")


def singular(noun: str) -> str:
    """``troops`` -> ``troop`` (casefolded; ``ss`` endings kept): the form head nouns use."""
    noun = noun.casefold()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


@dataclass(frozen=True)
class Lexicon:
    """The word lists, normalised for lookup (see ``data/lexicon.json``)."""

    cue_verbs: Mapping[str, str]
    """Every form of every cue verb -> its lemma (``blamed`` -> ``blame``)."""
    framing_cue_verbs: Mapping[str, str]
    """:attr:`cue_verbs` without the ambiguous forms (``claims``, ``called``)."""
    quote_cue_verbs: Mapping[str, str]
    """The forms of the verbs that introduce a direct quote (``said``, ``added``,
    ``saying``), which the attribution patterns look for next to a speaker."""
    neutral_cue_verbs: frozenset[str]
    """Lemmas of the cue verbs that only report (``say``, ``tell``)."""
    hedges: frozenset[str]
    intensifiers: frozenset[str]
    number_words: Mapping[str, int]
    """Cardinal number words -> value (``twenty`` -> 20)."""
    scales: Mapping[str, int]
    """``hundred`` -> 100, ``million`` -> 1000000, ``dozen`` -> 12."""
    number_like: frozenset[str]
    """Words a diff counts as numbers: number words, scales, their plurals, ordinals."""
    months: Mapping[str, int]
    duration_units: tuple[str, ...]
    weekdays: frozenset[str]
    alias: Mapping[str, str]
    """A folded organisation or place variant (:func:`name_key`) -> the
    folded canonical name (``us`` -> ``united states``, a state's abbreviation ``ill``
    -> ``illinois``)."""
    state_abbreviations: frozenset[str]
    """The folded abbreviations of US states (``mo``, ``ill``): a state only after a
    comma (``Ferguson, Mo.``); ``Mo`` elsewhere is a nickname."""
    org_keys: frozenset[str]
    place_keys: frozenset[str]
    demonyms: frozenset[str]
    common_capitalised: frozenset[str]
    titles: frozenset[tuple[str, ...]]
    """Titles as tuples of casefolded words without a final dot (``("lt", "gen")``)."""
    title_max: int
    title_first: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    org_place_words: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    trim_words: frozenset[str]
    """Words trimmed off the ends of a name: the connectors, ``a`` and ``an``."""
    head_nouns: frozenset[str]
    """Nouns a number counts (``troops``), singular (``troop``)."""
    setting_nouns: frozenset[str]
    speaker_nouns: tuple[str, ...]
    """Nouns a role subject ends in, singular (``the spokesman``, ``a NATO official``)."""
    plural_speaker_nouns: frozenset[str]
    """Their plurals, which may stand alone as a subject (``officials said``)."""
    document_nouns: frozenset[str]
    """What a quote may come from rather than a person (``a statement from X``: X's)."""
    document_verbs: tuple[str, ...]
    """Verbs whose subject owns the document after them (``X issued a statement``)."""
    subordinators: frozenset[str]
    """Words that open a clause or phrase before the main clause (``When X attacked Y, Z
    said``, ``Asked whether …, X said``)."""
    speech_nouns: frozenset[str]
    """Nouns for what someone said (``X's comments``: the quote after them is X's)."""
    gender_words: Mapping[str, frozenset[str]]
    """``m``/``f`` -> the honorifics and nouns that say a person's gender (``mrs``)."""
    gender_of_noun: Mapping[str, str]
    """A gendered word -> ``m`` or ``f`` (:attr:`gender_words` inverted)."""
    role_titles: Mapping[str, frozenset[str]]
    """A definite role's noun -> the title words of the person it stands for
    (``congressman`` -> ``rep``, ``representative``, ``congressman``)."""
    first_name_gender: Mapping[str, str]
    """A casefolded first name -> ``m``, ``f`` or ``x`` (given to both: ``terry``)."""
    nickname_of: Mapping[str, str]
    nickname_forms: Mapping[str, frozenset[str]]
    """A nickname -> every full first name it is short for (``ted`` -> edward, theodore);
    :attr:`nickname_of` keeps one of them."""
    """A casefolded nickname -> the full first name (``chuck`` -> ``charles``)."""
    non_name_heads: frozenset[str]
    """Last words of a capitalised run that is not a name (``act``, ``day``)."""
    not_names: frozenset[str]
    """Folded capitalised words that name no person, organisation or place: religious
    words and public programmes (``god``, ``bible``, ``medicare``)."""
    org_variant_tails: frozenset[str]
    """Folded last words an organisation may be named with or without (``news``:
    ``NBC News`` / ``NBC``)."""
    org_variant_heads: frozenset[str]
    """Folded first words likewise (``us``: ``U.S. Chamber of Commerce``)."""
    masthead_words: frozenset[str]
    """Folded last words of a newspaper's name (``post``, ``times``): after ``the``, such a
    word alone is the one paper of that word the report names (``the Post``)."""
    name_closing_words: frozenset[str]
    """Folded common capitalised words that end names (``now``: ``Secure America Now``,
    ``world``: ``Walt Disney World``): closing a run of capitals inside a sentence, the
    name's own."""
    caps_only: frozenset[str]
    """Folded short acronyms of organisations and places (``us``, ``is``), names only
    when written in capitals."""


def _fold(words) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@cache
def lexicon() -> Lexicon:
    """The word lists of ``data/lexicon.json``, read once per process."""
    raw = json.loads(resources.files("compare").joinpath("data/lexicon.json").read_text("utf-8"))
    alias: dict[str, str] = {}
    org_keys: set[str] = set()
    place_keys: set[str] = set()
    for group, keys in (("organisations", org_keys), ("places", place_keys)):
        for canonical, forms in raw[group].items():
            for form in (canonical, *forms):
                alias[name_key(form)] = name_key(canonical)
            keys.add(name_key(canonical))
    for group in ("countries", "us_states", "cities"):
        place_keys.update(name_key(p) for p in raw[group])
    for state, forms in raw["us_state_abbreviations"].items():  # "Peoria, Ill."
        alias.update((name_key(f), name_key(state)) for f in forms)
    cue = {form: lemma for lemma, forms in raw["cue_verbs"].items() for form in forms}
    ambiguous = frozenset(raw["ambiguous_cues"])
    quote_verbs = frozenset(raw["quote_verbs"])
    titles = frozenset(tuple(bare_word(w) for w in t.split()) for t in raw["titles"])
    org_words, place_words = _fold(raw["org_words"]), _fold(raw["place_words"])
    connectors = frozenset(raw["name_connectors"])
    return Lexicon(
        cue_verbs=MappingProxyType(cue),
        framing_cue_verbs=MappingProxyType({f: v for f, v in cue.items() if f not in ambiguous}),
        quote_cue_verbs=MappingProxyType({f: v for f, v in cue.items() if v in quote_verbs and (
            not f.endswith("ing") or f in raw["quote_participles"])}),
        neutral_cue_verbs=frozenset(raw["neutral_cue_verbs"]),
        hedges=frozenset(raw["hedges"]),
        intensifiers=frozenset(raw["intensifiers"]),
        number_words=MappingProxyType(dict(raw["number_words"])),
        scales=MappingProxyType(dict(raw["scales"])),
        number_like=frozenset([*raw["number_words"], *raw["scales"], *raw["number_like"]]),
        months=MappingProxyType(dict(raw["months"])),
        duration_units=tuple(raw["duration_units"]),
        weekdays=frozenset(raw["weekdays"]),
        alias=MappingProxyType(alias),
        state_abbreviations=frozenset(name_key(f) for forms in
                                      raw["us_state_abbreviations"].values() for f in forms),
        org_keys=frozenset(org_keys),
        place_keys=frozenset(place_keys),
        demonyms=_fold(raw["demonyms"]),
        common_capitalised=_fold(raw["common_capitalised"]),
        titles=titles,
        title_max=max(map(len, titles)),
        title_first=frozenset(t[0] for t in titles),
        org_words=org_words,
        place_words=place_words,
        org_place_words=org_words | place_words,
        particles=frozenset(raw["name_particles"]),
        connectors=connectors,
        trim_words=connectors | {"a", "an"},
        head_nouns=frozenset(singular(h) for h in raw["head_nouns"]),
        setting_nouns=frozenset(raw["setting_nouns"]),
        speaker_nouns=tuple(raw["speaker_nouns"]),
        plural_speaker_nouns=frozenset(raw["plural_speaker_nouns"]),
        document_nouns=frozenset(raw["document_nouns"]),
        document_verbs=tuple(raw["document_verbs"]),
        subordinators=frozenset(raw["subordinators"]),
        speech_nouns=frozenset(raw["speech_nouns"]),
        gender_words=MappingProxyType({g: frozenset(ws) for g, ws in raw["gender_words"].items()}),
        gender_of_noun=MappingProxyType(
            {n: g for g, ws in raw["gender_words"].items() for n in ws}),
        role_titles=MappingProxyType({r: frozenset(ts) for r, ts in raw["role_titles"].items()}),
        first_name_gender=MappingProxyType(
            {n: g for g, ns in raw["first_names"].items() for n in ns}),
        nickname_of=MappingProxyType(
            {n: full for full, ns in raw["nicknames"].items() for n in ns}),
        nickname_forms=MappingProxyType(
            {n: frozenset(f for f, fs in raw["nicknames"].items() if n in fs)
             for ns in raw["nicknames"].values() for n in ns}),
        non_name_heads=_fold(raw["non_name_heads"]),
        not_names=frozenset(name_key(w) for w in raw["not_names"]),
        org_variant_tails=frozenset(name_key(w) for w in raw["org_variant_tails"]),
        org_variant_heads=frozenset(name_key(w) for w in raw["org_variant_heads"]),
        masthead_words=frozenset(name_key(w) for w in raw["masthead_words"]),
        name_closing_words=frozenset(name_key(w) for w in raw["name_closing_words"]),
        caps_only=frozenset(name_key(f) for group in ("organisations", "places")
                            for forms in raw[group].values() for f in forms
                            if f.replace(".", "").isupper() and len(name_key(f)) <= 3),
    )
