"""Names of people, organisations and places, and the variants that join them.

No trained model is used: names are runs of capitalised words (with ``of``/``for``/
``and`` and particles such as ``al`` inside), split at titles (``NATO Secretary General
Jens Stoltenberg`` gives ``NATO`` and ``Jens Stoltenberg``), without demonyms
(``Afghan``), possessive ``'s`` or a leading ``The``. A capitalised word that opens a
sentence, or a word in a title-case headline (a title-case paragraph of its own), counts
only when the article or the word lists vouch for it (a headline run is cut into the
names the body gives, ``Mo Cowan Senate`` -> ``Mo``, ``Cowan``, ``Senate``); a
capitalised word the article also writes in lower case is a common word, not a name.
Runs split where news joins two names (``Anderson Cooper on CNN``, ``William McGinley of
Patton Boggs``, ``Senate GOP``) and at function words; laws, days and holidays (``Act``,
``Day``, ``Christmas``) are not names, nor are group words (``Texans``,
``African-American``) or the words of a quoted show title (``ABC's "This Week"``), of a
book or of a title after ``titled``, nor a hyphenated pairing of two names the article
names apart (``the Obama-Romney debate``), nor a family by its plural surname (``the
Jacksons``), nor religious words, programmes, conventions, bills and a word written
only beside a number in the name (``God``, ``Medicare``, ``SB 1062``, ``Ground Zero``:
``lexicon.not_names`` and rules), nor a place inside a show's title (``America's
Newsroom``); a state's abbreviation is the state only after a city or before a title
(``Peoria, Ill.``, ``Wash. Gov.``), and ends the name there (``Washington, D.C. Jackson
said``). A person ``of`` a place or body is two names (``Sheldon Whitehouse of Rhode
Island``, ``Ronan Farrow of MSNBC``); a chamber before a title is a name (``House
Speaker``). A possessive ends a name (``NY1's Washington reporter``), parts of a law are
no names (``Article 1, Section 2``), and an initial stays inside one (``Joseph I.
Lieberman``).
Kept whole: a body named with a comma list (``Bureau of Alcohol, Tobacco, Firearms and
Explosives``) or with two words joined by ``and`` before an organisation word (``Boys and
Girls Club``), a nickname in quotes inside a person's name (``William "Mo" Cowan``, whose
value leaves it out; ``Mo`` alone is then that person), a law firm of three surnames or
more (``Mintz, Levin, Cohn, Ferris, Glovsky and Popeo PC``), a business named with a
possessive whose owner the article never names alone (``Drake's Place``, ``Martha's
Vineyard Holistic Retreat``).

Every name gets a ``value`` the reports are matched on: the name folded
(:func:`name_key`), joined to a variant's canonical form (``U.S.`` -> ``united states``)
and to the full name a bare surname stands for (``Stoltenberg`` -> ``jens stoltenberg``),
within a report (:func:`extract_names`; not a surname the report uses before it
introduces the full name, which is someone else's, nor one a family shares: ``Malia and
Sasha Obama`` ... ``President Obama``) and across the two
(:func:`cross_fold`, which also joins variants of one full name: middle initials,
suffixes and titles dropped by nameparser's ``HumanName``, nicknames from a small list
(one of several full names, ``Ted`` -> ``Edward``, by the surname both give), a pet form
(``Sandi`` / ``Sandra``) or given in quotes (``known as Mo``); a law firm by its first
surnames (``Mintz Levin``); a body's forms with ``of`` or without its first or
organisation words, ``Department of the Treasury`` / ``Treasury Department``, or with one
word more (``Missouri (State) Highway Patrol``); a word spelt one edit apart
(``Preibus`` / ``Priebus``, ``Cowen`` / ``Cowan``); a first name or a surname with a
suffix alone; a surname the report names before its full name, or the other report's
person the report does not name in full (``President Trump`` / ``Donald Trump``), unless
both reports write it alone).

The word lists (titles, countries, cities, demonyms, organisation variants, cue
verbs...) come from :func:`compare.lexicon.lexicon`.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz.distance import OSA

from compare.lexicon import bare_word as _bare
from compare.lexicon import lexicon, name_key, singular
from compare.models import Article, Detail, Word
from compare.segment import TITLES

__all__ = ["cross_fold", "extract_names", "fold_both", "name_key", "person_key", "singular"]


# --- runs of capitalised words ----------------------------------------------------

_OPENERS = frozenset("\"“‘'([—–:")
_INITIAL = _OPENERS | frozenset(".!?")
# a dot after one of these stays inside a name (``Sen. Chris Murphy``, ``St. Louis``):
# the titles, and the place words and suffixes that end sentences elsewhere
_DOT_ABBREVS = frozenset(t.casefold().rstrip(".") for t in TITLES) | {"st", "jr", "sr"}
_PARTY_LABEL = re.compile(r"^[RDI]-[A-Z]")  # R-Texas, D-N.Y.: not a name
_BASED = re.compile(r"^(\w+)-([a-z]+(?:-[a-z]+)*)$")  # Atlanta-based -> Atlanta
_UPPER = re.compile(r"[A-Z]")
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")  # al-Qaeda, Bashar al-Assad (see _upper)
_LOWER_TAIL = re.compile(r"[a-z]+$")
_PRONOUN_CONTRACTION = re.compile(r"^I['’]\w+$")  # I'm, I'd, I've, I'll
_NICKNAME = re.compile(r"\s[\"“][^\"“”]+[\"”]\s")  # William "Mo" Cowan -> William Cowan
# a law firm named by three surnames or more: "Mintz, Levin, Cohn, Ferris, Glovsky and
# Popeo PC", "Kasowitz, Benson, Torres & Friedman" (with "&" or a company suffix; a plain
# list of people, "Ott, Vance and Lamb", has neither); its value keeps the surnames only
_FIRM = re.compile(r"\b[A-Z][a-z]+(?:, [A-Z][a-z]+){2,},? (?:&|and) [A-Z][a-z]+"
                   r"(?P<corp> (?:PC|P\.C\.|PLLC|LLP|L\.L\.P\.|LLC)\b)?")
# a body named with a comma list: "Bureau of Alcohol, Tobacco, Firearms and Explosives"
# (an organisation word first, see _org_lists); its value keeps the words and "and"
# (the pattern opens with a literal, which the regex engine finds fast; the
# organisation word before it is read by _ORG_HEAD)
_ORG_LIST = re.compile(r" of [A-Z][a-z]+(?:, [A-Z][a-z]+)+,? (?:&|and) [A-Z][a-z]+\b")
_ORG_HEAD = re.compile(r"\b([A-Z][a-z]+)$")
_FIRM_PUNCT = re.compile(r",|&|\band\b|\b(?:PC|P\.C\.|PLLC|LLP|L\.L\.P\.|LLC)(?!\w)")
_STATE_AFTER_COMMA = re.compile(r"[A-Z][A-Za-z.]*\.")  # ", D.C." / ", Ill." ends a place
_STATE_NEXT = re.compile(r", ([A-Z][A-Za-z.]*\.)")  # "Hope, Ark.": a place before a state
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_BILL = re.compile(r"[A-Z]{1,3}\d+")  # SB1062, HR3590: a bill
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "central"})
_TITLE_WORDS_OK = frozenset({"President", "Secretary", "General", "Chief", "Speaker",
                             "Director", "Minister", "Leader", "Governor", "State"})


class _Free:
    """``free[k]``: True when word ``k`` starts outside the ``blocked`` spans."""

    def __init__(self, words: tuple[Word, ...], blocked: list[tuple[int, int]]):
        self.words, self.blocked = words, blocked

    def __getitem__(self, k: int) -> bool:
        start = self.words[k].start
        return not any(s <= start < e for s, e in self.blocked)


class _AllFree:
    def __getitem__(self, k: int) -> bool:
        return True


_ALL_FREE = _AllFree()


def _runs(words: tuple[Word, ...], blocked: list[tuple[int, int]],
          upper: list[int], owners: frozenset[str] = frozenset()) -> list[list[int]]:
    """Index runs of capitalised words, with connectors, particles and initials inside.

    A word of ``owners`` and its ``'s`` stay inside the run they open (``Drake's Place``,
    see :func:`_possessive_only`).

    ``upper`` are the indices of the words that start with a capital letter. A run can
    only start at one of them or at a particle just before one (``al Qaeda``), so the
    words in between are skipped.
    """
    lex = lexicon()
    particles, connectors = lex.particles, lex.connectors
    first_names = lex.first_name_gender
    abbreviations = lex.state_abbreviations | {"dc"}
    n = len(words)
    free = _Free(words, blocked) if blocked else _ALL_FREE
    caps = [False] * n
    for k in upper:
        w = words[k]
        caps[k] = (w.text.isalnum() or w.is_word) and free[k] and \
            not _PARTY_LABEL.match(w.text) and not _PRONOUN_CONTRACTION.match(w.text) and \
            not (k and words[k - 1].text in {"@", "#"} and words[k - 1].end == w.start)
    starts = [k for k in upper if caps[k]]

    def cap(k: int) -> bool:
        return 0 <= k < n and caps[k]

    runs: list[list[int]] = []
    run: list[int] = []
    k, nxt = 0, 0
    while k < n:
        if not run and not caps[k]:
            # nothing open: jump to the word before the next capitalised one
            while nxt < len(starts) and starts[nxt] <= k:
                nxt += 1
            if nxt == len(starts):
                break
            if k < starts[nxt] - 1:
                k = starts[nxt] - 1
        w = words[k]
        if caps[k]:
            run.append(k)
            k += 1
            if w.text[-1] == "." and k > 1 and words[k - 2].text == "," and \
                    _STATE_AFTER_COMMA.fullmatch(w.text) and \
                    w.text.replace(".", "").casefold() in abbreviations:
                runs.append(run)  # "Washington, D.C. Jackson said": the sentence ended
                run = []
            elif w.text[-2:] in {"'s", "’s"} and len(w.text) > 2:
                runs.append(run)  # "NY1's Washington reporter": a possessive ends a name
                run = []
            continue
        initial_dot = run and w.text == "." and cap(k + 1) and (
            len(words[run[-1]].text) == 1 or words[run[-1]].norm in _DOT_ABBREVS)
        particle = free[k] and w.norm in particles and cap(k + 1) and w.text.islower()
        # "the" joins ("Fix the Court"), but not a known name to an acronym ("told Fox
        # News the FBI")
        joiner = run and (w.norm in connectors or w.norm == "to") and free[k] and \
            w.text.islower() and cap(k + 1) and (
                (w.norm != "to" and not (w.norm == "the" and words[k + 1].text.isupper()
                                         and _known(_piece_key(words, run)))) or
                # "Coalition to Stop Gun Violence", "Committee to Protect Journalists"
                (w.norm == "to" and _org_word(words[run[-1]].norm)))
        # William "Mo" Cowan: a nickname in quotes between a first name and a surname
        # stays inside the name (and out of its value, see _NICKNAME)
        nickname = run and words[run[-1]].norm in first_names and w.text in '"“' and \
            cap(k + 1) and k + 3 < n and words[k + 2].text in '"”' and cap(k + 3) and \
            words[k + 2].end < words[k + 3].start
        owned = len(run) == 1 and w.text in {"'s", "’s"} and cap(k + 1) and \
            words[run[0]].norm in owners and not words[run[0]].text.isupper() and \
            words[k + 1].norm not in first_names and \
            not _known(words[k + 1].norm)  # not "Fusion's Jorge Ramos", "NY1's Washington"
        if initial_dot or particle or joiner or owned:
            run.append(k)
        elif nickname:
            k += 3
            continue
        elif run and free[k] and w.norm in connectors and cap(k + 2) and \
                words[k + 1].norm == "the" and w.norm != "the":
            run.extend([k, k + 1])
            k += 1
        else:
            if run:
                runs.append(run)
            run = []
        k += 1
    if run:
        runs.append(run)
    return runs


def _split_titles(words: tuple[Word, ...], run: list[int]) -> list[tuple[list[int], bool]]:
    """Split a run at title words; each piece says whether a title came right before it."""
    lex = lexicon()
    titles, title_max, first = lex.titles, lex.title_max, lex.title_first
    toks = [k for k in run if words[k].text != "."]
    bare = [_bare(words[k].text) for k in toks]
    pieces: list[tuple[list[int], bool]] = []
    cur: list[int] = []
    after_title = False
    i = 0
    while i < len(toks):
        if bare[i] not in first:  # no title starts with this word
            cur.append(toks[i])
            i += 1
            continue
        for size in range(min(title_max, len(toks) - i), 0, -1):
            # "Justice Department": a title before an organisation word names the body
            # "Department of Justice": a title after an organisation word and "of" too
            if tuple(bare[i:i + size]) in titles and words[toks[i]].text[0].isupper() and \
                    not (i + size < len(toks) and bare[i + size] in lex.org_words) and \
                    not _after_org_of(bare, i) and \
                    not (i + size == len(toks) and _org_of(bare[:i])) and \
                    not _surname_title(bare, bare[toks.index(cur[0])] if cur else None, i, size):
                if cur:
                    pieces.append((cur, after_title))
                cur, after_title = [], True
                i += size
                break
        else:
            cur.append(toks[i])
            i += 1
    if cur:
        pieces.append((cur, after_title))
    return pieces


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _after_org_of(bare: list[str], i: int) -> bool:
    """``bare[i]`` follows an organisation word and ``of`` (``Department of Justice``,
    ``Office of the Historian``): part of the body's name, not a title."""
    before = bare[max(0, i - 3):i]
    if before[-1:] == ["the"]:
        before = before[:-1]
    return len(before) >= 2 and before[-1] == "of" and before[-2] in lexicon().org_words


def _org_of(bare: list[str]) -> bool:
    """``bare`` holds an organisation word and ``of``: a title ending the run names the
    body's head (``Office of the Middlesex County District Attorney``)."""
    org_words = lexicon().org_words
    return any(w in org_words and nxt == "of" for w, nxt in itertools.pairwise(bare))


def _surname_title(bare: list[str], opener: str | None, i: int, size: int) -> bool:
    """The one-word title at ``bare[i]`` is a surname: it ends a name that opens with a
    first name the word lists know, alone or before a suffix (``Martin Luther King Jr.``,
    ``Billie Jean King``)."""
    rest = bare[i + size:]
    return size == 1 and bool(opener) and opener in lexicon().first_name_gender and \
        all(w.casefold() in _SUFFIXES for w in rest)


def _piece_key(words: tuple[Word, ...], piece: list[int]) -> str:
    return name_key(" ".join(words[k].text for k in piece))


def _split_and(words: tuple[Word, ...], pieces: list[tuple[list[int], bool]],
               closing: bool = False):
    """Split ``US and UK`` in two, but keep ``Department of Health and Human Services``;
    ``closing``: a common word may close a name (not in a headline, see
    :func:`_name_closer`)."""
    lex = lexicon()
    out = []
    for piece, after_title in pieces:
        # "Anderson Cooper on CNN", "Reps for Griffin", "William McGinley of Patton
        # Boggs": two names; "Council on Foreign Relations", "Center for American
        # Progress": one (an organisation word first). A function word inside a run
        # ("Cover That Makes Her Look Crazy") ends a name too.
        trimmed = _piece_key(words, _trim(words, piece))
        known = trimmed in lex.alias or trimmed in lex.place_keys
        loose = [i for i, k in enumerate(piece) if i and not known and (
            (words[k].norm in {"for", "on"} and not _org_word(words[piece[i - 1]].norm)) or
            (words[k].norm == "of" and i >= 2 and
             _piece_key(words, piece[:1]) in lex.first_name_gender and
             not any(_org_word(words[j].norm) for j in piece[:i])) or
            (words[k].norm == "of" and _person_of(words, piece, i, after_title)) or
            (words[k].norm in lex.common_capitalised and words[k].norm not in lex.trim_words
             and words[k].text not in _TITLE_WORDS_OK
             # an initial: "Joseph I. Lieberman"
             and not (len(words[k].text) == 1 and k + 1 < len(words) and
                      words[k + 1].text == ".")
             # it ends a known name: "United States Senate", "FBI and the United States"
             and not any(_known(_piece_key(words, piece[j:i + 1])) for j in range(i))
             # "House Committee on Oversight and Government Reform": a body's word
             and not (words[piece[i - 1]].norm in lex.connectors and
                      any(_org_word(words[j].norm) for j in piece))
             # "Secure America Now, a group"
             and not (i == len(piece) - 1 and closing and _name_closer(words, k))))]
        if loose:
            bounds = [-1, *loose, len(piece)]
            out.extend(_split_and(words, [(piece[lo + 1:hi], after_title) for lo, hi in
                                          itertools.pairwise(bounds) if piece[lo + 1:hi]],
                                  closing))
            continue
        cut = [i for i, k in enumerate(piece) if words[k].norm in {"and", "&"} or
               (words[k].norm == "of" and i > 0 and
               words[piece[i - 1]].norm not in lex.org_place_words
               and _piece_key(words, piece[i + 1:]) in lex.place_keys)]
        # a group word and a body are two ("Republicans and Tea Party conservatives")
        group_first = cut[:1] == [1] and singular(words[piece[0]].norm) in lex.demonyms
        if cut[:1] == [1] and len(piece) > 3 and words[piece[3]].norm in lex.org_words and \
                all(_plain_word(words[piece[i]]) for i in (0, 2)) and not group_first:
            # "Boys and Girls Club of Greater Washington": one body (split at any later
            # "and": "... and the Washington Nationals Dream Foundation")
            bounds = [-1, *cut[1:], len(piece)]
            parts = [(piece[lo + 1:hi], after_title) for lo, hi in itertools.pairwise(bounds)]
            out.extend([parts[0], *_split_and(words, parts[1:], closing)])
            continue
        whole = _piece_key(words, piece) if cut else ""
        of_before = any(words[k].norm == "of" for k in piece[:cut[0]]) if cut else False
        committee = cut and _piece_key(words, piece[:1]) in lex.org_keys and \
            len(piece) - cut[-1] == 2 and \
            _piece_key(words, piece[cut[-1] + 1:]) not in lex.alias  # House Ways and Means
        # "Centers for Disease Control and Prevention": an organisation word and a
        # preposition open one name; "Fish and Wildlife Service": two words or more
        # after the "and" end with an organisation word
        head = next((i for i, k in enumerate(piece) if words[k].norm not in lex.trim_words
                     and words[k].norm not in lex.common_capitalised), 0)
        # ... unless what follows the "and" is a name of its own: known, an acronym, or
        # opening with "the" or an organisation word ("School of Nursing")
        rest = piece[cut[-1] + 1:] if cut else []
        own = not rest or _known(_piece_key(words, rest)) or \
            _known(_group_norm(words[rest[0]])) or \
            words[rest[0]].text.isupper() or words[rest[0]].norm == "the" or \
            _org_word(words[rest[0]].norm)
        # (or the word after the first: "House Committee on Oversight and Government Reform")
        agency = cut and not own and any(
            _org_word(words[piece[j]].norm) and words[piece[j + 1]].norm in {"for", "of", "on"}
            for j in range(head, min(head + 2, cut[0] - 1)))
        ends_org = cut and not own and words[piece[-1]].norm in lex.org_words and \
            len(rest) > 1 and not _org_word(words[piece[cut[-1] - 1]].norm) and not group_first
        # ... or what comes before the "and" is one ("IRS and Treasury Department")
        first_part = piece[:cut[0]] if cut else []
        # (or a person: "Dan Coats and National Security Agency ...")
        own_before = bool(first_part) and (
            (len(first_part) == 1 and words[first_part[0]].text.isupper() and
             len(words[first_part[0]].norm) >= 2) or _known(_piece_key(words, first_part))
            or (len(first_part) in {2, 3} and
                words[first_part[0]].norm in lex.first_name_gender and
                not any(_org_word(words[k].norm) for k in first_part)))
        if own_before and len(cut) > 1:  # "FBI | and | the Department of Housing and ..."
            out.extend(_split_and(words, [(first_part, after_title),
                                          (piece[cut[0] + 1:], after_title)], closing))
            continue
        # "Port Authority of New York and New Jersey": a body of two places
        last_of = max((i for i in range(cut[0]) if words[piece[i]].norm == "of"),
                      default=-1) if cut else -1
        two_places = len(cut) == 1 and last_of > 0 and \
            _piece_key(words, rest) in lex.place_keys and \
            _piece_key(words, piece[last_of + 1:cut[0]]) in lex.place_keys
        committee = (committee or agency or ends_org or two_places) and not own_before
        if cut and whole not in lex.alias and whole not in lex.place_keys and \
                not (words[piece[-1]].norm in lex.org_words and of_before) and \
                not committee:
            # each part may hold a split of its own ("Sheldon Whitehouse of Rhode Island |
            # and | Richard J. Durbin of Illinois")
            bounds = [-1, *cut, len(piece)]
            parts = [(piece[lo + 1:hi], after_title) for lo, hi in itertools.pairwise(bounds)
                     if piece[lo + 1:hi]]
            out.extend(_split_and(words, parts, closing))
        else:
            out.append((piece, after_title))
    return [part for piece, after_title in out for part in _split_known(words, piece, after_title)]


def _plain_word(word: Word) -> bool:
    """``word`` is a plain capitalised word: no acronym, known name or first name."""
    return word.text[:1].isupper() and not word.text.isupper() and not _known(word.norm) and \
        word.norm not in lexicon().first_name_gender


def _person_of(words: tuple[Word, ...], piece: list[int], i: int, after_title: bool) -> bool:
    """The ``of`` at ``piece[i]`` joins a person to a place or body (``Sheldon Whitehouse
    of Rhode Island``, ``Nanette Lee Miller of Marcum L.L.P.``, ``Justice Ruth Bader
    Ginsburg of the Supreme Court``): two to four words before it (one after a title), none
    of them an organisation or place word, a title or a common word, and after it a name
    the word lists know or one ending in an organisation word."""
    lex = lexicon()
    before = piece[:i]
    while before and words[before[0]].norm in lex.common_capitalised:
        before = before[1:]  # "But Roger Pilon of the Cato Institute"
    after = [k for k in piece[i + 1:] if words[k].norm != "the"]
    if not after or not (2 <= len(before) <= 4 or (before and after_title)):
        return False
    if any(words[k].norm in lex.org_place_words or words[k].norm in lex.common_capitalised
           or words[k].norm in lex.connectors or (_bare(words[k].text),) in lex.titles
           for k in before) or _known(_piece_key(words, before)):
        return False
    return _known(_piece_key(words, after)) or any(_org_word(words[k].norm) for k in after) \
        or (len(after) == 1 and words[after[0]].text.isupper())  # "of MSNBC"


def _known(key: str) -> bool:
    """``key`` is a name the word lists know (an organisation or place, or a variant)."""
    lex = lexicon()
    return key in lex.alias or key in lex.place_keys


def _org_word(norm: str) -> bool:
    """``norm`` is an organisation word, singular or plural (``centers``)."""
    org_words = lexicon().org_words
    return norm in org_words or singular(norm) in org_words


def _split_known(words: tuple[Word, ...], piece: list[int], after_title: bool):
    """A run of names each known alone (``Senate GOP``, ``United States Senate``) is
    that many names."""
    core = [k for k in piece if words[k].norm != "the"]
    if len(core) < 2 or _known(_piece_key(words, core)):
        return [(piece, after_title)]
    if all(_known(_piece_key(words, [k])) for k in core):
        return [([k], after_title) for k in core]
    # a known name and one known word after it ("United States | Senate"); not
    # "Michigan Republican Party", a body of its own
    if len(core) > 2 and _known(_piece_key(words, core[:-1])) and \
            _known(_piece_key(words, core[-1:])):
        return [(core[:-1], after_title), (core[-1:], after_title)]
    return [(piece, after_title)]


def _trim(words: tuple[Word, ...], piece: list[int]) -> list[int]:
    """Drop leading/trailing connectors and a leading article from a piece, and a
    common word or number word capitalised only because it opens the sentence (not
    ``the National Rifle Association``)."""
    lex = lexicon()
    connectors = lex.trim_words
    while len(piece) > 1 and (words[piece[0]].norm in lex.common_capitalised or
                              words[piece[0]].norm in lex.number_words) and \
            not _compass_body(words, piece) and \
            (piece[0] == 0 or words[piece[0] - 1].text in _INITIAL or
             not any(words[k].norm in lex.org_place_words for k in piece[1:])) and \
            _piece_key(words, piece) not in lex.alias:
        # "But Cantor", "When Beck", "One Facebook user"; not "the National Organization
        # for Women" (an organisation or place word after it)
        piece = piece[1:]
    while piece and (words[piece[0]].norm in connectors or (words[piece[0]].norm in
                     lex.demonyms and len(piece) > 1 and not _compass_body(words, piece) and
                     (not any(words[k].norm in lex.org_words for k in piece[1:]) or
                      _piece_key(words, piece[1:]) in lex.alias) and
                     not _known(_piece_key(words, piece)))):  # "Saudi Arabia"
        piece = piece[1:]
    while piece and words[piece[-1]].norm in connectors:
        piece = piece[:-1]
    based = [j for j, k in enumerate(piece[:-1]) if (m := _BASED.match(words[k].text)) and
             not _UPPER.search(m.group(2))]
    if based:  # "Democratic-led Senate", "Republican-controlled House", "St. Louis-based U.S."
        piece = piece[based[-1] + 1:]
    return piece


def _compass_body(words: tuple[Word, ...], piece: list[int]) -> bool:
    """A compass word opens a place or body: ``Eastern District of New York``."""
    return len(piece) > 1 and words[piece[0]].norm in _COMPASS and \
        words[piece[1]].norm in lexicon().org_place_words


def _span_text(text: str, words: tuple[Word, ...], piece: list[int]) -> tuple[int, int]:
    start, end = words[piece[0]].start, words[piece[-1]].end
    m = _BASED.match(text[words[piece[-1]].start:end])
    if m and not _UPPER.search(m.group(2)):
        end = words[piece[-1]].start + len(m.group(1))
    return start, end


def _category(key: str, n_tokens: int, person_hint: bool, text: str) -> str:
    lex = lexicon()
    last = key.split()[-1] if key else ""
    if key in lex.place_keys:
        return "place"
    if key in lex.org_keys or (text.isupper() and len(text.replace(".", "")) >= 2):
        return "organisation"
    if 2 <= n_tokens <= 3 and key.split()[0] in lex.first_name_gender:
        return "person"  # "Joe Park", "Ann Bay": a first name before a place word
    if last in lex.org_words or any(w in lex.org_words and nxt in {"of", "on", "for"} for
                                    w, nxt in itertools.pairwise(key.split())):
        # "University of Iowa", "Committee on Intelligence", "Center for American Progress"
        return "organisation"
    if last in lex.place_words:
        return "place"
    if person_hint or 2 <= n_tokens <= 4:
        return "person"
    return "other"


_LINE_ENDS = frozenset({".", "!", "?", '"', "”", "’", ")"})  # a sentence's, not a headline's


def _headline(words: tuple[Word, ...]) -> bool:
    """A title-case line: most of its longer words are capitalised (not counting the
    titles written with a dot, ``Sens.``, capitalised in any sentence)."""
    if not words or words[-1].text in _LINE_ENDS:
        return False
    long = [w for w in words if len(w.text) >= 4 and w.text.isalpha() and w.text not in TITLES]
    return len(long) >= 3 and sum(w.text[0].isupper() for w in long) / len(long) >= 0.6


def _headlines(article: Article) -> list[bool]:
    """Per sentence: a title-case line that is a paragraph of its own (a headline or a
    section title; a sentence cut short inside a paragraph is not one), or a part of one
    the sentence splitter cut after an abbreviation (``Donald Trump Jr. | Messaged With
    WikiLeaks During Presidential Campaign``: a paragraph of sentences whose words
    together are a title-case line)."""
    sents = article.sentences
    out = []
    for k, (s, words) in enumerate(zip(sents, article.words, strict=True)):
        alone = (k == 0 or sents[k - 1].paragraph != s.paragraph) and \
            (k + 1 == len(sents) or sents[k + 1].paragraph != s.paragraph)
        out.append(alone and _headline(words))
    k = 0
    while k < len(sents):  # paragraphs of several sentences
        j = k + 1
        while j < len(sents) and sents[j].paragraph == sents[k].paragraph:
            j += 1
        last = article.words[j - 1]
        if j - k > 1 and last and last[-1].text not in _LINE_ENDS and \
                _headline(tuple(w for ws in article.words[k:j] for w in ws)):
            out[k:j] = [True] * (j - k)
        k = j
    return out


# --- names of one article ---------------------------------------------------------


def _title_ended(article: Article) -> list[bool]:
    """Per sentence: the sentence before it, in the same paragraph, ends with a title
    (``former Sens.``: the sentence splitter took the title's dot for a full stop)."""
    lex = lexicon()
    out = [False] * len(article.sentences)
    for k in range(1, len(article.sentences)):
        prev = [w for w in article.words[k - 1] if w.text != "."]
        same = article.sentences[k - 1].paragraph == article.sentences[k].paragraph
        out[k] = same and bool(prev) and prev[-1].text[0].isupper() and \
            (_bare(prev[-1].text),) in lex.titles and \
            article.text[prev[-1].end:prev[-1].end + 1] == "."
    return out


def _upper(article: Article) -> list[list[int]]:
    """Per sentence, the indices of the words that start with a capital letter, or with a
    particle and a hyphen before one (``Ansar al-Sharia``, ``al-Qaeda``)."""
    upper = [[k for k, w in enumerate(words) if w.text[0].isupper()] for words in article.words]
    # (a hyphen before a capital is rare: the text is searched for it once, and only the
    # words found are placed)
    text, particles = article.text, lexicon().particles
    for m in _HYPHEN_CAPITAL.finditer(text):
        word = _LOWER_TAIL.search(text, max(0, m.start() - 6), m.start())
        if not word or word[0] not in particles:
            continue
        head = word.start()
        s = bisect_right(article.sentences, head, key=lambda x: x.start) - 1
        words = article.words[s]
        k = bisect_right(words, head, key=lambda w: w.start) - 1
        if s >= 0 and k >= 0 and words[k].start == head:
            insort(upper[s], k)
    return upper


def _midcaps(article: Article, headlines: list[bool], upper: list[list[int]]) -> set[str]:
    """Norms of capitalised words seen inside a sentence (not opening it), off headlines."""
    midcaps: set[str] = set()
    for words, headline, ups in zip(article.words, headlines, upper, strict=True):
        if headline:
            continue
        for k in ups:
            if k > 0 and words[k].is_word and words[k - 1].text not in _OPENERS and \
                    (words[k - 1].text not in ".!?" or _after_initial(words, k)):
                midcaps.add(words[k].norm)
    return midcaps


def _after_initial(words: tuple[Word, ...], k: int) -> bool:
    """Word ``k`` follows a middle initial and its dot inside a name (``Donald J. Trump``),
    not a sentence's end: a capital letter alone between a capitalised word and the dot."""
    return k >= 3 and words[k - 1].text == "." and len(words[k - 2].text) == 1 and \
        words[k - 2].text.isupper() and words[k - 3].text[:1].isupper() and \
        words[k - 3].norm not in lexicon().common_capitalised


def _group_norm(word: Word) -> str:
    """A word's norm without a lower-case compound after a hyphen (``Republican-run``
    -> ``republican``)."""
    m = _BASED.match(word.text)
    return m.group(1).casefold() if m else word.norm


@lru_cache(maxsize=1 << 12)
def _demonym_like(norm: str) -> bool:
    """``norm`` names the people of a known place (``texans``, ``pennsylvanians``,
    ``iowan``): the place's name, less its last letter or not, then ``n``, ``an`` or
    ``ian`` (and a plural ``s``)."""
    lex = lexicon()
    base = norm[:-1] if norm.endswith("ns") else norm
    if not base.endswith("n") or norm in lex.place_keys or " " in norm:
        return False
    places = lex.place_keys
    return any(base[n:] in {"n", "an", "ian"} and
               (base[:n] in places or any(base[:n] + end in places for end in "aesy"))
               for n in range(3, len(base)))


def _place_people(key: str) -> bool:
    """``key`` names the people of a known place of several words by ``-er(s)`` (``new
    yorker``, ``new yorkers``)."""
    base = key.removesuffix("s").removesuffix("er")
    return " " in key and base != key.removesuffix("s") and base in lexicon().place_keys


def _work_titles(article: Article) -> list[tuple[int, int]]:
    """Spans of quoted title-case phrases (two capitalised words or more, the others
    short) after a possessive, ``on`` or a work noun, or before one (``ABC's "This
    Week"``, ``the CNN program "State of the Union"``, ``the "Charlie Rose" show``):
    titles of shows and works, whose words are no names by themselves (a mission
    ``called "Resolute Support"`` is a name)."""
    lex = lexicon()
    text = article.text
    spans = []
    # between the marks of each closed quote (segment's scanner: the one reading of them)
    for start, end in ((q.mark + 1, q.close - 1) for q in article.quote_spans
                       if q.closed and q.opening == "mark"):
        words = _ALPHA.findall(text[start:end])
        before = [w.strip(",:") for w in text[max(0, start - 31):start - 1].split()[-1:]]
        after = text[end + 1:end + 31].split()[:1]
        work = (before and (_WORK_BEFORE.search(before[0]) or
                            before[0].casefold() in _WORK_NOUNS | {"on", "titled"})) or \
            (after and after[0].casefold().strip(".,") in _WORK_NOUNS)
        if work and sum(w[0].isupper() for w in words) >= 2 and \
                all(w[0].isupper() or w in lex.connectors or len(w) <= 4 for w in words):
            spans.append((start, end))
    # unquoted after "titled": "a book titled It's About the Money!: How You Can Get Out
    # of Debt, Build Wealth, and Achieve Your Financial Dreams, which ..."
    for m in _TITLED.finditer(text):
        title = _TITLE_TAIL.sub("", m[1])
        if sum(w[0].isupper() for w in _ALPHA.findall(title)) >= 2:
            spans.append((m.start(1), m.start(1) + len(title)))
    return sorted(spans)


# a title-case stretch: capitalised words and short lower-case ones, ended by a longer
# lower-case word; its lower-case words and punctuation at the end are no part of it
_TITLED = re.compile(r"\b(?:en)?titled,? +(?=[A-Z])((?:(?:[A-Z0-9][\w'’.-]*|[a-z]{1,4})"
                     r"[!?:,;]*(?: +|$))+)")
_TITLE_TAIL = re.compile(r"(?:[ !?:,;]|\b[a-z]{1,4}\b)+$")
_WORK_BEFORE = re.compile(r"['’]s?$")
_WORK_NOUNS = frozenset({"program", "programme", "show", "series", "book", "film", "movie",
                         "documentary", "album", "song", "column", "episode", "memoir",
                         "novel", "headline", "essay", "editorial"})
_ALPHA = re.compile(r"[A-Za-z][\w'’-]*")


def _name_closer(words: tuple[Word, ...], k: int) -> bool:
    """A common word closing a run of capitals inside a sentence is the name's own when it
    is one that ends names (``Secure America Now``, ``Safari Club International``, ``Walt
    Disney World``: :attr:`Lexicon.name_closing_words`), capitalised, and the run's last
    word (not ``the NCAA Final Four``)."""
    word = words[k]
    return word.text[:1].isupper() and word.norm in lexicon().name_closing_words and \
        not (k + 1 < len(words) and words[k + 1].text[:1].isupper())


def _candidates(article: Article, blocked: Mapping[int, list[tuple[int, int]]],
                headlines: list[bool], upper: list[list[int]]) -> list[tuple]:
    """Name pieces of every sentence: (piece, sentence, start, end, key, person_hint,
    needs_support, cue_next)."""
    lex = lexicon()
    text = article.text
    common, demonyms = lex.common_capitalised, lex.demonyms
    cands = []
    titled = _title_ended(article)
    works = _work_titles(article)
    owners = _possessive_only(article, upper)
    for s, words, headline, ups in zip(article.sentences, article.words, headlines, upper,
                                       strict=False):
        # (start, end, value) of each firm and body named with a comma list (a sentence
        # without two commas, or one, holds none: the scans are skipped)
        commas = text.count(", ", s.start, s.end)
        firms = [(m.start(), m.end(), name_key(_FIRM_PUNCT.sub(" ", m[0])))
                 for m in (_FIRM.finditer(text, s.start, s.end) if commas >= 2 else ())
                 if "&" in m[0] or m["corp"]]
        for m in _ORG_LIST.finditer(text, s.start, s.end) if commas else ():
            head = _ORG_HEAD.search(text, max(s.start, m.start() - 20), m.start())
            if head and _org_word(head[1].casefold()):
                key = name_key(text[head.start():m.end()].replace(",", ""))
                firms.append((head.start(), m.end(), lex.alias.get(key, key)))
        for run in _runs(words, blocked.get(s.index, []), ups, owners):
            first = run[0]
            firm = next((f for f in firms
                         if words[first].start < f[1] and f[0] < words[run[-1]].end), None)
            if firm:  # one name for the whole firm or body, once ("The Bureau of ...")
                f_start, f_end, key = firm
                if words[first].start <= f_start:
                    piece = [k for k in range(first, len(words)) if words[k].end <= f_end
                             and words[k].text not in {",", "&"}]
                    cands.append((piece, s.index, f_start, f_end, key, False, False, False))
                continue
            # "former Sens." | "John Ashcroft, ...": the title ended the sentence before
            titled_start = first == 0 and titled[s.index]
            initial = not titled_start and (first == 0 or words[first - 1].text in _INITIAL)
            last = run[-1]
            quoted = initial and first > 0 and words[first - 1].text in "\"“‘'" and \
                last + 1 < len(words) and words[last + 1].text in "\"”’'"
            for i, (piece, after_title) in enumerate(
                    _split_and(words, _split_titles(words, run), not headline)):
                after_title = after_title or (i == 0 and titled_start)
                # "at Very Serious events", "the First Family": a common word capitalised
                # inside a sentence opens a title-case phrase, not a name, when it leaves
                # one word the lists do not know
                phrase = piece[0] > 0 and words[piece[0] - 1].text not in _INITIAL and \
                    words[piece[0]].norm in common and not after_title and \
                    words[piece[0]].norm not in lex.trim_words  # not "told The Times"
                piece = _trim(words, piece)
                if not piece or (phrase and len(piece) == 1 and piece[0] == piece[-1] and
                                 not _known(_piece_key(words, piece)) and
                                 words[piece[0]].norm not in lex.first_name_gender):
                    continue
                while len(piece) > 1 and (words[piece[-1]].norm in common or
                                          words[piece[-1]].norm in demonyms) and \
                        (whole := _piece_key(words, piece)) not in lex.alias and \
                        whole not in lex.place_keys and \
                        not _known(_piece_key(words, piece[-2:])) and \
                        not (not headline and _name_closer(words, piece[-1])):
                    piece = piece[:-1]  # "... United States"; not "Secure America Now"
                if len(piece) == 1 and words[piece[0]].norm in lex.place_words and (
                        (piece[0] > 0 and words[piece[0] - 1].text[:1].isdigit()) or
                        (piece[0] + 1 < len(words) and
                         _bare(words[piece[0] + 1].text) in lex.title_first)):
                    continue  # "83rd Street", "11th District", "City Councilman ..."
                if "-" in words[piece[-1]].text and len(piece) > 1 and \
                        words[piece[-1]].text.rsplit("-", 1)[1].casefold() in demonyms:
                    continue  # "United States-Israeli ties": an adjective
                norms = [_group_norm(words[k]) for k in piece]
                if all(n in common or all(p in demonyms or _demonym_like(p) or
                                          singular(p) in demonyms for p in n.split("-"))
                       for n in norms) and \
                        not (len(norms) == 1 and name_key(words[piece[0]].text) in lex.alias):
                    continue
                start, end = _span_text(text, words, piece)
                surface = text[start:end]
                key = _alias(text, start, end, name_key(_NICKNAME.sub(" ", surface)))
                if not key:
                    continue  # only a possessive left: "Brandau, Sheriff's Deputy" (ECB+)
                if len(piece) > 1 and _place_people(key):
                    continue  # "New Yorkers"
                nxt = piece[-1] + 1
                while nxt < len(words) and words[nxt].text in {"'s", "’s", ","}:
                    nxt += 1
                cue_next = nxt < len(words) and words[nxt].norm in lex.quote_cue_verbs
                known = key in lex.place_keys or key in lex.org_keys
                work = next(((a, b) for a, b in works if a <= start < b), None)
                if work and not (
                        # a body, not a place ("America's Newsroom", "Good Morning America")
                        (_known(key) and key not in lex.place_keys) or
                        key.split()[0] in lex.first_name_gender or
                        (len(piece) > 1 and all(words[k].text[0].isupper() for k in piece)
                         and words[piece[-1]].norm not in lex.org_place_words
                         # the whole title ("Charlie Rose") or its host ("On the Record
                         # with Greta Van Susteren"), not a part of a longer one
                         and not text[end:work[1]].strip(" ,.!?")
                         and text[work[0]:start].strip().split()[-1:] in ([], ["with"]))):
                    continue  # "This Week", "State of the Union": a show's title
                support = headline or (initial and piece[0] == first and not after_title
                                       and not quoted)
                cands.append((piece, s.index, start, end, key, after_title or cue_next,
                              support and not known, cue_next))
    return cands


def _alias(text: str, start: int, end: int, folded: str) -> str:
    """The canonical form of the folded name ``folded`` found at ``start:end``: a state's
    abbreviation is the state only after a comma (``Ferguson, Mo.``, not ``known as Mo``)
    or before a title (``Wash. Gov. Jay Inslee``)."""
    lex = lexicon()
    if folded in lex.state_abbreviations and \
            not text[max(0, start - 4):start].rstrip().endswith(",") and \
            _bare(text[end:end + 16].lstrip(". ").split(" ", 1)[0]) not in lex.title_first:
        return folded
    return lex.alias.get(folded, folded)


def _nicknamed(text: str, cands: list[tuple]) -> list[tuple]:
    """A nickname alone takes the value of the person it is given to in quotes
    (``William "Mo" Cowan`` ... ``Mo``)."""
    nicknames = {name_key(m[0].strip(" \"“”")): c[4] for c in cands
                 if (m := _NICKNAME.search(text, c[2], c[3]))}
    return [(*c[:4], nicknames[c[4]], True, *c[6:]) if len(c[0]) == 1 and c[4] in nicknames
            else c for c in cands]


def _possessive_only(article: Article, upper: list[list[int]]) -> frozenset[str]:
    """Capitalised words the article writes only before ``'s`` and another capitalised
    word, and never as part of a longer name: the first word of a business or place
    named with a possessive (``Drake's Place``, ``Mariel's Boutique``, ``Martha's
    Vineyard``), not a name of their own (``Obama's White House``: Obama is named apart).

    ``upper``: per sentence, the indices of the capitalised words (:func:`_upper`)."""
    lex = lexicon()
    # per sentence, whether each word is capitalised, with a False on either side, so
    # that caps[k + 1] tells of word k (and the words before the first and after the last)
    caps = []
    for words, ups in zip(article.words, upper, strict=True):
        c = [False] * (len(words) + 4)
        for k in ups:
            c[k + 1] = True
        caps.append(c)
    # words named alone somewhere: "Fusion's Jorge Ramos ... Ramos said" is a person
    alone = {words[k].norm for words, ups, c in zip(article.words, upper, caps, strict=True)
             for k in ups if not c[k] and not c[k + 2]}
    seen: dict[str, bool] = {}
    for words, ups, c in zip(article.words, upper, caps, strict=True):
        for k in ups:
            w = words[k]
            if not w.is_word:
                continue
            owned = k > 0 and words[k - 1].text not in _INITIAL and not c[k] \
                and k + 2 < len(words) and words[k + 1].text in {"'s", "’s"} and \
                c[k + 3] and not (c[k + 4] and not c[k + 5] and words[k + 3].norm in alone)
            seen[w.norm] = seen.get(w.norm, True) and owned
    return frozenset(norm for norm, only in seen.items() if only and not _known(norm)
                     and norm not in lex.common_capitalised)


def extract_names(article: Article,
                  blocked: Mapping[int, list[tuple[int, int]]] | None = None) -> list[Detail]:
    """Name mentions of ``article`` as ``name`` :class:`Detail` records, in sentence order.

    ``blocked`` maps a sentence index to character spans already taken by dates and
    numbers; no name starts inside one.
    """
    lex = lexicon()
    text = article.text
    blocked = blocked or {}
    headlines = _headlines(article)
    upper = _upper(article)
    midcaps = _midcaps(article, headlines, upper)
    found = _candidates(article, blocked, headlines, upper)
    cands = _headline_parts(article, found, headlines, midcaps | _body_words(found, headlines))
    cands = _nicknamed(text, cands)
    lower = {w.norm for words in article.words for w in words if w.text.islower()}
    cands = [_trim_opener(article, c, midcaps, lower) for c in cands]
    laws = _law_acronyms(cands)
    cands = [c for c in cands if c[4] not in laws and _evident(article, c, lower)]
    cands = _drop_pairings(text, cands)
    cands = _drop_numbered(article, cands)
    persons = {c[4] for c in cands if not c[6] and len(c[4].split()) >= 2 and
               _category(c[4], len(c[4].split()), c[5], "") == "person"}
    # a bare word that is a later part of a known person's name (a surname)
    surnames = {part for p in persons for part in p.split()[1:]}
    speaker_nouns = {*lex.speaker_nouns, *lex.plural_speaker_nouns}
    details = []
    for piece, sent, start, end, key, hint, needs_support, cue_next in cands:
        if len(key) < 2 or key in lex.weekdays or key in _SUFFIXES:
            continue  # a letter ("E-mails" split at its hyphen), a day
        if key[-1] == "s" and key[:-1] in surnames and \
                text[max(0, start - 8):start].casefold().split()[-1:] == ["the"]:
            continue  # "the Jacksons", "the Obamas": a family, not one more name
        surface = text[start:end]
        if needs_support:
            toks = key.split()
            first_word = surface.split()[0].casefold()
            vouched = first_word in midcaps or (
                len(toks) > 1 and surface.split()[-1].casefold() in midcaps
                and first_word not in lex.common_capitalised)
            if not (vouched or key in surnames or (cue_next and len(toks) <= 3)) or \
                    key in speaker_nouns:  # "Lawmakers asked": a role, not a name
                continue
        details.append((sent, start, end, surface, key, hint, len(piece)))
    return _fold_surnames(details, headlines, text)


def _law_acronyms(cands: list[tuple]) -> set[str]:
    """The folded acronyms, of three letters or more, of the laws the article names
    (``Defense of Marriage Act``: ``doma``, ``dma``), which are no names either (``section
    3 of DOMA``)."""
    lex = lexicon()
    laws = set()
    for c in cands:
        toks = c[4].split()
        if len(toks) > 1 and toks[-1] in lex.non_name_heads:
            laws.add("".join(t[0] for t in toks))
            laws.add("".join(t[0] for t in toks if t not in lex.connectors))
    return {law for law in laws if len(law) >= 3}  # not "pa" of "Patriot Act"


def _drop_numbered(article: Article, cands: list[tuple]) -> list[tuple]:
    """Without one-word candidates the article writes only beside a number that is part
    of the name: after an ordinal (``the 10th Circuit``), before a capitalised number word
    (``Ground Zero``), a place or organisation word before a number (``Park 51``). The
    word alone is no name; a name beside a mere count stays (``40 F.B.I. agents``,
    ``a Boeing 727``), and so does one the article also writes elsewhere."""
    lex = lexicon()

    def numbered(c: tuple) -> bool:
        words, k = article.words[c[1]], c[0][0]
        before = words[k - 1].text if k > 0 else ""
        after = words[k + 1].text if k + 1 < len(words) else ""
        return bool(_ORDINAL.fullmatch(before)) or \
            (after[:1].isupper() and after.casefold() in lex.number_words) or \
            (after[:1].isdigit() and (words[k].norm in lex.org_place_words or
                                      (words[k].text.isupper() and len(words[k].text) <= 3)))

    marked = [len(c[0]) == 1 and numbered(c) for c in cands]
    free = {c[4] for c, m in zip(cands, marked, strict=True) if not m}
    return [c for c, m in zip(cands, marked, strict=True) if not m or c[4] in free]


def _drop_pairings(text: str, cands: list[tuple]) -> list[tuple]:
    """Without the hyphenated pairings of two names the article names apart (``the
    Obama-Romney debate``): no name of their own (``Wal-Mart``, ``Hewlett-Packard``, a
    particle's ``al-Qaeda`` stay). Words named apart only inside the same hyphenated word
    (``Douglas Holtz-Eakin`` ... ``Holtz-Eakin said``) are not named apart."""
    particles = lexicon().particles

    def paired(c: tuple) -> bool:
        surface = text[c[2]:c[3]]
        return "-" in surface and " " not in surface and len(c[4].split()) == 2 and \
            surface.split("-", 1)[0].casefold() not in particles

    def apart(c: tuple) -> list[str]:
        surface = text[c[2]:c[3]]
        if "-" not in surface:
            return c[4].split()
        return [w for t in surface.split() if "-" not in t for w in name_key(t).split()]
    alone = {w for c in cands if not paired(c) for w in apart(c)}
    return [c for c in cands if not (paired(c) and all(w in alone for w in c[4].split()))]


def _body_words(cands: list[tuple], headlines: list[bool]) -> set[str]:
    """The words of the name candidates ``cands`` outside headlines."""
    return {w for c in cands if not headlines[c[1]] for w in c[4].split()}


def _evident(article: Article, c: tuple, lower: set[str]) -> bool:
    """A capitalised word the article also writes in lower case is a common word put at
    the start of a sentence or quote or in a title (``Friends``, ``Witch Hunt``), not a
    name, unless a title, a cue verb, the word lists, an acronym or an organisation word
    in a name of two words or more (``State Department``; one opening a sentence still
    needs the article's support, see :func:`extract_names`) or a state's abbreviation
    after it (``Hope, Ark.``) say otherwise."""
    lex = lexicon()
    _, _, start, end, key, hint = c[:6]
    bare = article.text[start:end].replace(".", "")
    if name_key(bare) in lex.caps_only and not bare.isupper():
        return False  # "Is" is not IS, "Us" not US
    if key in lex.not_names or (key[-1] == "s" and singular(key) in lex.not_names) or \
            _BILL.fullmatch(bare):
        return False  # "God", "the Bible", "Medicare", "Constitutions", "SB1062"
    if bare.isupper() and len(bare) >= 5 and all(w.casefold() in lower for w in bare.split()):
        return False  # shouted words the article also writes in lower case: "FALSE"
    toks = key.split()
    if len(toks) > 1 and toks[-1] in lex.not_names and \
            any(_known(" ".join(toks[:i])) and " ".join(toks[i:]) in lex.not_names
                for i in range(1, len(toks))):
        return False  # a place's "U.S. Constitution", "Texas Medicaid" (not "... PAC")
    if toks[-1] in lex.non_name_heads or (len(toks) > 2 and toks[0] in lex.non_name_heads
                                          and toks[1] == "of"):
        return False  # laws and days: "Civil Rights Act", "Memorial Day", "Act of Congress"
    if hint or key in lex.alias or key in lex.place_keys or \
            (bare.isupper() and len(bare) >= 2):
        return True
    if len(toks) > 1 and not lex.org_words.isdisjoint(toks):
        return True  # a body: "a review of State Department procedures"
    if (m := _STATE_NEXT.match(article.text, end)) and \
            name_key(m[1]) in lex.state_abbreviations:
        return True  # a place before its state: "his hometown of Hope, Ark."
    toks = [t for t in key.split() if t not in lex.connectors]
    return not all(t in lower for t in toks)


def _trim_opener(article: Article, c: tuple, midcaps: set[str], lower: set[str]) -> tuple:
    """Drop a sentence opener the body does not vouch for from the front of a candidate
    (``Senior White House`` -> ``White House``, ``When Beck`` -> ``Beck``, a participle
    before ``the``: ``Amplifying the Romney campaign`` -> ``Romney``), but not the word
    before an organisation word that more words follow (``Safari Club International``:
    not ``Club International``)."""
    lex = lexicon()
    piece, sent, start, end, key, hint, needs_support, cue_next = c
    words = article.words[sent]
    if not needs_support or len(piece) < 2 or key in lex.alias or \
            words[piece[0]].norm in midcaps or key.split()[0] in lex.first_name_gender:
        return c
    rest_key = _piece_key(words, piece[1:])
    participle = words[piece[0]].norm.endswith("ing") and words[piece[1]].norm == "the"
    if words[piece[0]].norm not in lower and rest_key not in lex.alias and not participle:
        return c  # "Mitt Romney", "Reince Priebus": the first word is not a common word
    if len(piece) > 2 and _org_word(words[piece[1]].norm) and \
            words[piece[2]].norm not in lex.connectors and not _known(rest_key):
        return c  # "Safari Club International": a body opens with no organisation word
    rest = [k for k in piece[1:] if words[k].text != "."]
    while rest and words[rest[0]].norm in lex.trim_words:
        rest = rest[1:]
    if not rest:
        return c
    start = words[rest[0]].start
    k2 = name_key(article.text[start:end])
    return (rest, sent, start, end, lex.alias.get(k2, k2), hint, needs_support, cue_next)


def _headline_parts(article: Article, cands: list[tuple], headlines: list[bool],
                    vouched: set[str]) -> list[tuple]:
    """Candidates with each headline piece cut to its runs of words the body vouches for
    (``Kathy Griffin Apologizes For ... Bloodied Trump Head`` -> ``Kathy Griffin``,
    ``Trump``): a headline capitalises every word, so only the body tells names."""
    lex = lexicon()
    words_of = article.words
    # the names of the body, as written
    body = {name_key(article.text[c[2]:c[3]]) for c in cands if not headlines[c[1]]}
    out = []
    for c in cands:
        piece, sent, _, _, key, hint, _, cue_next = c
        if not headlines[sent] or key in lex.alias or key in lex.place_keys:
            out.append(c)
            continue
        words = words_of[sent]
        runs, run = [], []
        for k in piece:
            if name_key(words[k].text) in vouched or words[k].text == ".":
                run.append(k)
            else:
                runs.append(run)
                run = []
        runs.append(run)
        for run in runs:
            while run and (words[run[-1]].text == "." or
                           words[run[-1]].norm in lex.trim_words):
                run = run[:-1]
            for part in _body_names(words, run, body):
                start, end = _span_text(article.text, words, part)
                k2 = _alias(article.text, start, end, name_key(article.text[start:end]))
                out.append((part, sent, start, end, k2, hint, False, cue_next))
    return out


def _body_names(words: tuple[Word, ...], run: list[int], body: set[str]) -> list[list[int]]:
    """A headline run cut into the names the body gives, longest first, when they cover
    it all (``Mo Cowan Senate`` -> ``Mo``, ``Cowan``, ``Senate``); else the run."""
    def cover(part: list[int]) -> list[list[int]] | None:
        if not part:
            return []
        for size in range(len(part), 0, -1):
            for i in range(len(part) - size + 1):
                if _piece_key(words, part[i:i + size]) in body:
                    left, right = cover(part[:i]), cover(part[i + size:])
                    if left is not None and right is not None:
                        return [*left, part[i:i + size], *right]
        return None

    if not run:
        return []
    return (cover(run) if len(run) <= 6 else None) or [run]


# "Malia and Sasha Obama": a first name and "and" before a full name share its surname
# (not "President Obama and Hillary Clinton": no title before the first name)
_FAMILY = re.compile(r"(?:^|(\S+)\s+)([A-Z][a-z]+) (?:and|&) $")


def _plain_before(word: str, common: frozenset[str]) -> bool:
    """``word``, before a first name, ends no name: not a title (``President Obama and
    Hillary Clinton``) nor a first name (``Laurence Mark and Bill Condon``), unless a
    common capitalised word (``As Barack and Michelle Obama``)."""
    norm = word.rstrip(".,").casefold()
    if norm in _DOT_ABBREVS or (norm,) in lexicon().titles:
        return False
    return not word[:1].isupper() or norm in common or word[-1] in ".,"


def _owners(full: Iterable[str]) -> dict[str, list[str]]:
    """Word -> the full names (in ``full``'s order) it is a later part of; the last two
    words of a name of three or more too, as a hyphenated surname's value (``holtz eakin``
    of ``douglas holtz eakin``, looked up for a hyphenated word only: :func:`_surname_like`)."""
    owners: dict[str, list[str]] = {}
    for f in full:
        parts = f.split()
        for part in dict.fromkeys(parts[1:] + ([" ".join(parts[-2:])] if len(parts) > 2 else [])):
            owners.setdefault(part, []).append(f)
    return owners


def _surname_like(value: str, surface: str) -> bool:
    """``value`` is one word, or two written as one hyphenated word (``Holtz-Eakin``)."""
    return " " not in value or (value.count(" ") == 1 and "-" in surface and " " not in surface)


def _fold_surnames(found: list[tuple], headlines: list[bool], text: str) -> list[Detail]:
    """Make a bare surname, or a listed first name, take its full name's value when one
    full name fits (``Boehner``, ``John`` / ``John Boehner``).

    News names a person in full first and by surname after: a surname the body uses
    before the full name is introduced is someone else's (``President Trump`` in a
    report that later names ``Melania Trump``), and is not folded, unless the same title
    stands before both (``President Obama`` ... ``President Barack Obama``). Nor is a
    surname a family shares (``Malia and Sasha Obama`` ... ``President Obama``). A
    newspaper's last word alone after ``the`` takes the one paper of that word named
    (``the Post``); a body named with and without its country is one (``U.S. Supreme
    Court`` / ``Supreme Court``).
    """
    out = []
    cats = {key: _category(key, n, hint, surface) for _, _, _, surface, key, hint, n in found}
    full = sorted({key for key, cat in cats.items() if cat == "person" and len(key.split()) > 1})
    owners_of = _owners(full)
    lex = lexicon()
    lone = {key for key, cat in cats.items()
            if cat not in {"place", "organisation"} and " " not in key}
    full_set = set(full)
    for _, start, _, _, key, _, _ in found:
        if key in full_set and (m := _FAMILY.search(text, max(0, start - 40), start)) and \
                ((w := m.group(2).casefold()) in lex.first_name_gender or
                 (w in lone and w not in owners_of)) and \
                _plain_before(m.group(1) or "", lex.common_capitalised):
            owners_of[key.split()[-1]] = []  # "Malia and Sasha Obama": two persons
    by_first: dict[str, list[str]] = {}  # a first name's full form -> the full names
    for f in full:  # persons only: not "Troy Police"
        if f.split()[-1] not in lex.org_place_words:
            by_first.setdefault(lex.nickname_of.get(w := f.split()[0], w), []).append(f)
    first: dict[str, int] = {}
    for sent, start, _, _, key, _, _ in found:
        if not headlines[sent]:
            first.setdefault(key, start)
    bodies = _bodies_joined(found)
    titled: dict[str, bool] = {}  # a surname before its full name -> the same title
    papers: dict[str, list[str]] = {}  # "post" -> ["washington post"]
    for key in cats:
        if " " in key and (last := key.rsplit(" ", 1)[1]) in lex.masthead_words:
            papers.setdefault(last, []).append(key)
    for sent, start, end, surface, key, hint, _n in found:
        if len(papers.get(key, ())) == 1 and text[max(0, start - 4):start].casefold() == "the ":
            key = papers[key][0]  # "The Washington Post reported ... the Post said"
        key = bodies.get(key, key)
        cat = cats[key]
        if _surname_like(key, surface) and (cat not in {"place", "organisation"} or hint):
            owners = owners_of.get(key, [])
            if len(owners) == 1 and first.get(owners[0], -1) > first.get(key, 1 << 62):
                if key not in titled:  # once per surname
                    titled[key] = _same_title(text, [f[1] for f in found if f[4] == key],
                                              first[owners[0]])
                if not titled[key]:
                    owners = []
            elif not owners and key in lex.first_name_gender:  # "John" / "John Boehner"
                owners = by_first.get(lex.nickname_of.get(key, key), [])
            if len(owners) == 1:
                key, cat = owners[0], "person"
            elif hint:
                cat = "person"
        out.append(Detail("name", cat, surface, key, start, end, sent))
    return out


def _bodies_joined(found: list[tuple]) -> dict[str, str]:
    """A body named with and without its country (``U.S. Supreme Court``, ``Supreme
    Court``, ``United States Supreme Court``): each later form -> the first written."""
    lex = lexicon()
    heads = sorted(lex.org_variant_heads, key=len, reverse=True)
    first: dict[str, str] = {}  # the value without its country -> the first form
    joined = {}
    for key in dict.fromkeys(f[4] for f in found):
        words = key.split()
        if len(words) < 2 or words[-1] not in lex.org_words:
            continue
        core = next((" ".join(words[len(h.split()):]) for h in heads
                     if len(words) > len(h.split()) + 1 and key.startswith(h + " ")), key)
        if first.setdefault(core, key) != key:
            joined[key] = first[core]
    return joined


def _same_title(text: str, starts: list[int], other: int) -> bool:
    """The title right before the name at ``other`` stands before one at ``starts`` too
    (``President Obama`` ... ``President Barack Obama``: one person)."""
    lex = lexicon()

    def title(at: int) -> tuple[str, ...]:
        before = tuple(_bare(w) for w in text[max(0, at - 40):at].split()[-lex.title_max:])
        return next((before[i:] for i in range(len(before)) if before[i:] in lex.titles), ())

    found = title(other)
    return bool(found) and any(title(start) == found for start in starts)


@lru_cache(maxsize=1 << 14)
def _name_fields(value: str) -> tuple[str, str, str]:
    """(first, middle, last) of ``value`` as nameparser's ``HumanName`` reads them; parsed
    once per value (the parse is the costly part of folding a report's names). Two plain
    words that are none of nameparser's titles, suffixes, prefixes or conjunctions are
    first name and surname without the parse (its own reading of them; most names)."""
    words = value.split()
    if len(words) == 2 and all(_PLAIN_WORD.fullmatch(w) for w in words) and \
            not any(w.casefold() in _parser_words() or _ROMAN.fullmatch(w) for w in words):
        return words[0], "", words[1]
    parsed = HumanName(value)
    return parsed.first, parsed.middle, parsed.last


_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)  # nameparser reads III, vii as suffixes


@lru_cache(maxsize=1)
def _parser_words() -> frozenset[str]:
    """The words nameparser gives a part other than a first name or surname."""
    from nameparser.config import CONSTANTS

    sets = (CONSTANTS.titles, CONSTANTS.suffix_acronyms, CONSTANTS.suffix_not_acronyms,
            CONSTANTS.prefixes, CONSTANTS.conjunctions)
    return frozenset(w.casefold() for words in sets for w in words)


@lru_cache(maxsize=1 << 14)
def _person_parts(value: str) -> tuple[str, str, str] | None:
    """(first name, surname, middle initials) of a person's full name (nameparser's
    ``HumanName``; suffixes and titles dropped). A first initial followed by a middle
    name is the name the person goes by (``J. Christopher Stevens`` -> ``christopher``);
    a nickname is taken to its full form (``chuck`` -> ``charles``)."""
    if len(value.split()) < 2:
        return None
    first, middle_text, last = _name_fields(value)
    first, last = name_key(first), name_key(last)
    middle = name_key(middle_text).split()
    if len(first) == 1 and middle and len(middle[0]) > 1:
        first, middle = middle[0], middle[1:]
    if not first or not last:
        return None
    return lexicon().nickname_of.get(first, first), last, "".join(w[0] for w in middle)


def person_key(value: str) -> tuple[str, str] | None:
    """(first name, surname) of a person's full name, for joining its variants: middle
    names and initials, suffixes and titles dropped, a nickname taken to its full form
    (:attr:`compare.lexicon.Lexicon.nickname_of`: ``chuck`` -> ``charles``). None for a
    single word."""
    parts = _person_parts(value)
    return parts[:2] if parts else None


def _acronym(value: str) -> str:
    """``democratic national committee`` -> ``dnc``; a word of one or two letters gives
    all its letters (``us conference of catholic bishops`` -> ``usccb``)."""
    words = [w for w in value.split() if w not in lexicon().connectors]
    return "".join(w if len(w) <= 2 else w[0] for w in words)


def _org_core(value: str) -> str:
    """An organisation's value without a generic last or first word (``nbc news`` ->
    ``nbc``, ``us chamber of commerce`` -> ``chamber of commerce``), else itself."""
    lex = lexicon()
    words = value.split()
    if len(words) > 1 and words[-1] in lex.org_variant_tails:
        words = words[:-1]
    for head in sorted(lex.org_variant_heads, key=len, reverse=True):
        n = len(head.split())
        if len(words) > n + 1 and " ".join(words[:n]) == head:
            words = words[n:]
            break
    return " ".join(words)


def _org_turned(value: str) -> str:
    """An organisation named with ``of``/``on`` after its organisation word, turned to
    name it before that word (``us department of the treasury`` -> ``treasury
    department``, ``senate committee on intelligence`` -> ``senate intelligence
    committee``); else ``value``."""
    words = _org_core(value).split()
    j = next((j for j, nxt in enumerate(words[1:4], 1) if nxt in {"of", "on"}), 0)
    if not j or words[j - 1] not in lexicon().org_words:
        return value
    rest, j = words[j + 1:], j - 1
    if rest[:1] == ["the"]:
        rest = rest[1:]
    return " ".join([*words[:j], *rest, words[j]]) if rest else value


def _plain_surname(word: str) -> bool:
    """``word`` can end a person's name: no organisation, place or common word (not
    ``obama white house``, ``obama girls``)."""
    lex = lexicon()
    return word not in lex.org_place_words and word not in lex.common_capitalised and \
        not _known(word) and not (word.endswith("s") and singular(word) != word)


def _canonical(names: list[Detail]) -> dict[str, str]:
    """Value -> the value all its variants among ``names`` (both reports' names) take.

    Full names of one person (:func:`_person_parts`: same first name and surname, middle
    initials that agree) take the first of them in sorted order; ``George W. Bush`` and
    ``George H. W. Bush`` stay apart. A full name with a middle name joins the name made
    of that middle name and the surname (``Byron Todd Jones`` / ``Todd Jones``). An
    organisation written with and without a generic word (:func:`_org_core`) takes the
    shorter form; a body named without the one word before it (``Judiciary Committee``)
    takes the one longer name it ends (``Senate Judiciary Committee``); a first name
    alone takes the one person's full name that starts with it (``Hillary``); an
    acronym written in capitals takes the one full name it abbreviates.
    """
    values = sorted({d.value for d in names})
    canon: dict[str, str] = {}
    people: dict[tuple[str, str], list[tuple[str, str]]] = {}
    persons = {d.value for d in names if d.category == "person"}
    goes_by: dict[tuple[str, str], tuple[str, str]] = {}
    for value in values:
        parts = _person_parts(value) if value in persons else None
        if parts:
            people.setdefault(parts[:2], []).append((value, parts[2]))
            middle = _name_fields(value)[1].split()
            if middle and len(name_key(middle[0])) > 1 and parts[0] != name_key(middle[0]):
                goes_by[(name_key(middle[0]), parts[1])] = parts[:2]
    for key, into in sorted(goes_by.items()):  # Byron Todd Jones / Todd Jones
        if key in people and into in people and len(people[into]) == 1:
            people[into] += people.pop(key)
            people[into].sort()
    nick_forms = lexicon().nickname_forms
    for (first, last), group in sorted(people.items()):
        # "Ted Kennedy" / "Edward M. Kennedy": a nickname of several full names (ted:
        # edward, theodore) joins the one of them both reports' names give that surname
        written = {name_key(_name_fields(value)[0]) for value, _ in group}
        if len(written) == 1 and len(forms := nick_forms.get(written.pop(), ())) > 1:
            fits = [(f, last) for f in sorted(forms) if (f, last) in people and f != first]
            if len(fits) == 1 and (first, last) in people:
                people[fits[0]] = sorted(people[fits[0]] + people.pop((first, last)))
    for group in people.values():
        middles = {m for _, m in group if m}
        if len(group) > 1 and all(a.startswith(b) or b.startswith(a)
                                  for a, b in itertools.combinations(middles, 2)):
            for value, _ in group:
                canon[value] = group[0][0]
    present = set(values)
    places = {d.value for d in names if d.category == "place"}
    by_core: dict[str, list[str]] = {}
    for value in values:  # "Georgetown University" / "Georgetown", not a place
        core = _org_core(value)
        if core != value and core in present and value not in persons and core not in places:
            canon[value] = core
        elif value not in persons:  # "Wal-Mart" / "Walmart", "US ..." / "United States ..."
            by_core.setdefault(core.replace(" ", ""), []).append(value)
    for same in by_core.values():
        for value in same[1:]:
            canon.setdefault(value, same[0])
    lex = lexicon()
    # "known as Mo" / 'William "Mo" Cowan': a nickname alone is the person it was given to
    nicks = {name_key(m[0].strip(' "“”')): d.value for d in names
             if d.category == "person" and (m := _NICKNAME.search(d.text))}
    for d in names:
        if d.value in nicks and d.category not in {"place", "organisation"}:
            canon.setdefault(d.value, nicks[d.value])
    # "Mintz Levin" / "Mintz, Levin, Cohn, Ferris, Glovsky & Popeo": a law firm by its
    # first surnames (two or more)
    firms = {d.value for d in names if _FIRM.fullmatch(d.text)}
    for value in values:
        longer = {f for f in firms if f.startswith(value + " ")}
        if len(longer) == 1 and " " in value and \
                value.split()[0] not in lexicon().first_name_gender:
            canon.setdefault(value, longer.pop())
    for value in values:  # "trump jr" / "donald trump jr": a surname and suffix
        pair = value.split()
        if len(pair) == 2 and pair[1] in _SUFFIXES and value in persons | {
                d.value for d in names if d.category == "other"}:
            full = {p for p in persons if p.endswith(" " + value)}
            if len(full) == 1:
                canon.setdefault(value, full.pop())
    for value in values:  # "department of the treasury" / "treasury department"
        turned = _org_turned(value)
        short = turned.rsplit(" ", 1)[0]  # "senate committee on intelligence" / "senate
        if turned not in present and " " in short:  # intelligence": no organisation word
            turned = short
        if turned in present and turned != value and value not in persons:
            canon.setdefault(value, canon.get(turned, turned))
    multi = [v for v in values if len(v.split()) > 1 and v not in persons]
    by_tail: dict[str, list[str]] = {}  # "review board" -> the longer names it ends
    for v in multi:
        words = v.split()
        for k in range(1, len(words) - 1):
            by_tail.setdefault(" ".join(words[k:]), []).append(v)
    for short in multi:  # "judiciary committee" / "senate judiciary committee",
        # "accountability review board" / "state department accountability review board"
        longer = {canon.get(v, v) for v in by_tail.get(short, [])}
        if len(longer) == 1 and short not in canon and short not in places and \
                short not in lex.place_keys:
            canon[short] = longer.pop()
    for short, long in _one_word_more(values, places):
        canon.setdefault(short, canon.get(long, long))
    surnames = {p.split()[-1] for p in persons if len(p.split()) > 1}
    for value in values:  # "senate foreign relations" / "... committee", "treasury",
        # "secure america" / "secure america now"
        if value not in canon and value not in places and value not in surnames and \
                value not in lex.place_keys and value.split()[0] not in lex.first_name_gender:
            longer = {canon.get(v, v) for w in (*lex.org_words, *lex.name_closing_words)
                      if (v := f"{value} {w}") in present and
                      (v not in persons or w in lex.name_closing_words)}
            if len(longer) == 1:
                canon[value] = longer.pop()
    for word in values:  # "times" / "new york times": an organisation word alone
        if word in lex.org_words and word not in canon:
            longer = {canon.get(v, v) for v in multi if v.endswith(" " + word)}
            if len(longer) == 1:
                canon[word] = longer.pop()
    by_first: dict[str, list[str]] = {}  # a first name's full form -> the full names
    for p in persons:
        if len(p.split()) > 1:
            word = p.split()[0]
            by_first.setdefault(lex.nickname_of.get(word, word), []).append(p)
    # a word the lists know as a first name, or any single word that no name in either
    # report uses as a surname or as a place or body ("melania" / "melania trump")
    bodies = {d.value for d in names if d.category in {"place", "organisation"}}
    for first in values:  # "hillary" / "hillary clinton"
        listed = first in lex.first_name_gender
        if first not in canon and (listed or (
                " " not in first and first not in surnames and first not in bodies
                and not _known(first))):
            given = by_first.get(lex.nickname_of.get(first, first)) or \
                [p for k in _short_form_of(first, by_first) for p in by_first[k]]
            full = {canon.get(p, p) for p in given if listed or _plain_surname(p.split()[-1])}
            if len(full) == 1:
                canon[first] = full.pop()
    capitals = {d.value for d in names if d.text.replace(".", "").isupper()
                and len(d.value) > 1 and " " not in d.value}
    by_acronym: dict[str, list[str]] = {}
    for v in multi:
        by_acronym.setdefault(_acronym(v), []).append(v)
    for short in sorted(capitals):
        full = {canon.get(v, v) for v in by_acronym.get(short, [])}
        if len(full) == 1 and short not in canon:
            canon[short] = full.pop()
    return canon


def _one_word_more(values: list[str], places: set[str]) -> list[tuple[str, str]]:
    """(shorter, longer) bodies of three words or more the same but for one word more
    inside the longer (``missouri highway patrol`` / ``missouri state highway patrol``) or
    an ``and`` tail (``centers for disease control`` / ``... and prevention``), plurals
    read as singulars (``trust fund`` / ``trust funds``); each shorter one fits one
    longer one. Places and names opening with a listed first name are left alone."""
    first_names = lexicon().first_name_gender
    forms = {v: tuple(singular(w) for w in v.split()) for v in values
             if v.count(" ") >= 2 and v not in places and v.split()[0] not in first_names}
    by_size: dict[int, list[str]] = {}
    for v, words in forms.items():
        by_size.setdefault(len(words), []).append(v)
    out = []
    for short, words in sorted(forms.items()):
        if len(words) < 3:
            continue
        fits = [long for n in (len(words), len(words) + 1, len(words) + 2)
                for long in by_size.get(n, []) if long != short and
                _with_one_more(words, forms[long])]
        if len(fits) == 1:
            out.append((short, fits[0]))
    return out


def _with_one_more(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``long`` is ``short`` (the same words, plurals aside) with one word more inside
    it, after its first word and before its last, or with an ``and`` and one word after."""
    if len(long) == len(short):
        return long == short
    if len(long) == len(short) + 2:
        return long[:-2] == short and long[-2] == "and"
    return long[0] == short[0] and long[-1] == short[-1] and any(
        long[:k] + long[k + 1:] == short for k in range(1, len(long) - 1))


def _short_form_of(word: str, firsts: Iterable[str]) -> list[str]:
    """The first names ``word`` is a pet form of by its ending: the name's start and
    ``-i``/``-y``/``-ie`` (``Sandi`` / ``Sandra``, ``Jenny`` / ``Jennifer``)."""
    stem = word[:-2] if word.endswith("ie") else word[:-1] if word[-1:] in {"i", "y"} else ""
    return [f for f in firsts if len(stem) >= 3 and f.startswith(stem) and f != word and
            len(f) > len(stem) + 1]


def cross_fold(mine: Iterable[Detail], other: Iterable[Detail]) -> list[Detail]:
    """Join ``mine``'s names to their variants in either report (the first list of
    :func:`fold_both`)."""
    return fold_both(mine, other)[0]


def fold_both(a: Iterable[Detail], b: Iterable[Detail]) -> tuple[list[Detail], list[Detail]]:
    """Join each report's names to their variants in either report: ``a``'s details and
    ``b``'s, folded.

    Variants found among both reports' names (:func:`_canonical`: ``Joseph M. Sellers``
    / ``Joseph Sellers``, ``Chuck`` / ``Charles Schumer``, ``NBC News`` / ``NBC``,
    ``DNC`` / ``Democratic National Committee``) take one value, chosen from the union
    of the two (computed once for both sides, so the two agree); then a bare surname
    joins the one full name of the other report it ends.
    """
    a, b = list(a), list(b)
    spelling = _respelt(a, b)
    if spelling:
        a, b = _spelt(a, spelling), _spelt(b, spelling)
    canon = _canonical([d for d in (*a, *b) if d.kind == "name"])
    full_a, full_b = _full_names(a, canon), _full_names(b, canon)
    surnames = {f.split()[-1] for f in (*full_a, *full_b)}
    of_a, of_b = _owners(full_a), _owners(full_b)
    plain = _plain_persons([*a, *b], surnames)
    # the surnames each report keeps alone: the other's alone takes no full name either
    owner_a = {v: _surname_owner(v, of_a, of_b, plain)
               for v in {d.value for d in a if _lone(d, canon)}}
    owner_b = {v: _surname_owner(v, of_b, of_a, plain)
               for v in {d.value for d in b if _lone(d, canon)}}
    return (_fold(a, canon, owner_a, {v for v, o in owner_b.items() if not o}),
            _fold(b, canon, owner_b, {v for v, o in owner_a.items() if not o}))


def _plain_persons(details: list[Detail], surnames: set[str]) -> set[str]:
    """Values of persons written as two or three plain capitalised words (``Barack
    Obama``), the first no one's surname (not ``Romney-Ryan Medicare``, ``YMCA
    Alexandria``, ``la Managed Medicaid``, ``Cover of Newsweek``)."""
    lex = lexicon()
    out = set()
    for d in details:
        words = d.text.split()
        if d.kind == "name" and d.category == "person" and 2 <= len(words) <= 3 and \
                all(_PLAIN_WORD.fullmatch(w) and w[0].isupper() and not w.isupper()
                    for w in words) and d.value.split()[0] not in surnames and \
                not any(w in lex.common_capitalised or w in lex.connectors or
                        w in lex.org_place_words for w in d.value.split()):
            out.add(d.value)
    return out


def _respelt(a: list[Detail], b: list[Detail]) -> dict[str, str]:
    """Words of names that one report spells one way and the other another, one edit apart
    (a letter added, dropped or changed, or two swapped: ``Preibus`` / ``Priebus``,
    ``Cowen`` / ``Cowan``, ``Stacey`` / ``Stacy``), each to the spelling written more often
    (the first in sorted order on a tie). Only words of five letters or more with the same
    first letter, neither written by both reports, each with one such word on the other side;
    not two words apart only at their end (``States`` / ``State``, ``American`` /
    ``America``, ``Roberts`` / ``Robert``, ``Brooks`` / ``Brooke``: other words or other
    people)."""
    counts = (Counter(w for d in a if d.kind == "name" for w in d.value.split()),
              Counter(w for d in b if d.kind == "name" for w in d.value.split()))
    only = [sorted(w for w in mine if w not in other and len(w) >= _MIN_RESPELT and w.isalpha())
            for mine, other in (counts, counts[::-1])]
    pairs = _one_edit_pairs(only[0], only[1])
    spelling = {}
    for x, y in pairs:
        if sum(p[0] == x for p in pairs) == 1 and sum(p[1] == y for p in pairs) == 1:
            n = {x: counts[0][x], y: counts[1][y]}
            to = min((x, y), key=lambda w: (-n[w], w))
            spelling.update({x: to, y: to})
    # a surname alone misspelt beside the full name (``William Cowan`` ... ``Cowen``)
    names = [d for d in (*a, *b) if d.kind == "name"]
    in_full = {w for d in names if " " in d.value for w in d.value.split()}
    surnames = sorted({d.value.split()[-1] for d in names
                       if d.category == "person" and " " in d.value})
    alone = sorted(v for d in names if len(v := d.value) >= _MIN_RESPELT and v.isalpha()
                   and v not in in_full and v not in spelling)
    fits: dict[str, list[str]] = {}
    for x, y in _one_edit_pairs(alone, surnames):
        fits.setdefault(x, []).append(y)
    spelling.update({x: ys[0] for x, ys in fits.items() if len(ys) == 1})
    return spelling


def _one_edit_pairs(xs: list[str], ys: list[str]) -> list[tuple[str, str]]:
    """Pairs (x, y) one letter added, dropped or changed, or two swapped apart, not at
    their end, with the same first letter (``ys`` bucketed by first letter and length)."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for y in dict.fromkeys(ys):
        buckets.setdefault((y[0], len(y)), []).append(y)
    return [(x, y) for x in dict.fromkeys(xs) for n in (len(x) - 1, len(x), len(x) + 1)
            for y in buckets.get((x[0], n), ()) if x[:-1] != y[:-1] and
            not x.startswith(y) and not y.startswith(x) and OSA.distance(x, y) == 1]


_MIN_RESPELT = 5  # shorter words one edit apart are often two names (Tim / Tom, Lund / Land)


def _spelt(details: list[Detail], spelling: dict[str, str]) -> list[Detail]:
    return [replace(d, value=" ".join(spelling.get(w, w) for w in d.value.split()))
            if d.kind == "name" and any(w in spelling for w in d.value.split()) else d
            for d in details]


def _full_names(details: list[Detail], canon: dict[str, str]) -> list[str]:
    """The persons' full names among ``details``, as their variants are joined."""
    return sorted({canon.get(d.value, d.value) for d in details if d.kind == "name"
                   and d.category == "person" and len(d.value.split()) > 1})


def _lone(d: Detail, canon: dict[str, str]) -> bool:
    """``d`` is a single word that may be a person's surname, not joined to a variant."""
    return d.kind == "name" and _surname_like(d.value, d.text) and d.value not in canon and \
        d.category not in {"place", "organisation"}


def _surname_owner(surname: str, own_of: dict[str, list[str]],
                   other_of: dict[str, list[str]], plain: set[str]) -> str | None:
    """The one full name a surname the report writes alone stands for: a person of the
    other report that the report, naming at most one, does not name in full (``President
    Trump`` ... ``his wife Melania Trump`` / ``Donald Trump``), else the other report's one
    full name that ends with it, else the report's own one (written after it: ``Obama`` ...
    ``President Barack Obama``), one of ``plain`` ending with it (not a son's, ``Donald
    Trump Jr.``); else None."""
    own = [f for f in own_of.get(surname, []) if f.endswith(" " + surname) and f in plain]
    other, own_all = other_of.get(surname, []), own_of.get(surname, [])
    new = [f for f in other if f not in own_all]
    owners = new if len(own_all) <= 1 and new else \
        other if len(other) == 1 else own if len(own) == 1 and not other else []
    return owners[0] if len(owners) == 1 else None


def _fold(mine: list[Detail], canon: dict[str, str], owner: dict[str, str | None],
          other_left: set[str]) -> list[Detail]:
    """``mine``'s names joined to their variants (``canon``) and a surname written alone to
    its full name (``owner``: :func:`_surname_owner` of each), unless the other report
    keeps that surname alone too (``other_left``: both name the one person the same way)."""
    out = []
    for d in mine:
        if d.kind == "name":
            if d.value not in other_left and _lone(d, canon) and (full := owner.get(d.value)):
                d = replace(d, value=canon.get(full, full), category="person")
            elif d.value in canon:
                d = replace(d, value=canon[d.value])
        out.append(d)
    return out
