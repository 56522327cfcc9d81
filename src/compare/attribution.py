"""Who said a quote, with which cue verb, and where: the attribution of direct quotes.

News attributes speech with a cue verb and its subject in the quote's own sentence or
the adjacent one, and this module reads it the same way:

* after the quote: ``," he told reporters``, ``," said Jon Thompson, a spokesman``
  (inversion), ``," according to the source``;
* before it, in the same sentence: ``Mr. Page wrote: "...``, ``Griffin said the image "is
  too disturbing"``, ``Mr. Sellers, the lawyer, responded that "...`` (the subject right
  before the verb, an apposition between them allowed) or, for a participle (``Romney
  released a statement saying: "...``), the subject of the clause;
* a quote with no cue of its own continues the quote before it in the paragraph (or the
  quote it is left open into), or is introduced by the sentence before it (``He
  tweeted:``).

A subject is a name the article names (:mod:`compare.details`; titles before it are part
of it: ``Chief Justice Roberts``), a pronoun, or a role (``the senators``, ``a NATO
official``, ``a representative for Shields``). ``he``/``she`` take the person named
nearest before them (the subject of the nearest sentence naming one, or a speaker the
article already gave) whose honorific or title does not say otherwise; ``they`` takes
the nearest plural role; ``I``/``we`` are left unknown. A definite role (``the chief
justice``, ``the congressman``) is the person of the nearest mention with a matching
title, or stays the role. ``a statement from X`` is X's. A day, a month, a function word
or a capitalised sentence opener is never a speaker: where none of the above finds one
the speaker is ``""`` (unknown), as the :class:`compare.models.Quote` docs say.

A pronoun's search goes on past sentences whose subject is the same pronoun (``Born in
Puerto Rico, he ...``); a document, office or campaign of a name speaks for it
(``FreedomWorks’ website said``, ``Weiner's office said``, ``," it says`` after ``on his
website``); a definite body noun (``the group``) is the organisation named just before; a
paragraph of nothing but a quote after one naming a person as subject is that person's.
A name in apposition speaks for the phrase it names (``Ohio's state treasurer, Dale Ortiz,
told``; ``Ann Cole, the chairman of ..., just told``); a body before a role noun
(``Senior City Hall officials``, ``the Senate speaker``) is nobody's name; an attribution
may come later in the quote's sentence (``, according to X``; ``if ..., the White House
said``); ``the letter`` is the writer of ``a letter from X`` named before.

Titles before a name stop at a sentence end (``... the White House.¶Rep. Ann Lee``); a
known body or place (``Congress``) is nobody's he or she, and a first name gives a
person's gender when no title does (not one given to both, ``Terry``); ``one of her
lawyers`` is one person and ``a bill giving students`` no group; a definite title no
name matches (``the Utah governor``) is the person named just before, as for a pronoun;
``, he told reporters`` later in the sentence is the person its clause opens with; a
sentence opening with ``Telling ...`` is its main clause's.

After a quote, at most two lower-case words may describe the name (``youth pastor Ann
Lee told``), and a name in apposition to a possessed role speaks (``Tom Reed's press
secretary, Ann Lee, said``); a he or she after ``as`` keeps a pronoun's chain going, a
definite title opening any sentence of the chain is its person, and a name after a quote
participle (``Saying Mr. Reed, he said, was``) is no antecedent; a quote with no cue verb
takes its subject from the main clause after an opening subordinate clause (``When Ann Lee
arrived, some in the crowd chanted``: nobody named, so unknown), and a role a body or name
modifies that resolves to nobody is no speaker of such a quote.

Names become their fullest form in the article (``Stoltenberg`` -> ``Jens Stoltenberg``).
``setting`` is the cue verb with the phrase after it up to its last setting noun (``told
international press in a virtual press conference``). Cue verbs, speaker nouns, setting
nouns, gendered words and role titles come from :func:`compare.lexicon.lexicon`.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from compare.details import extract_details, name_key
from compare.lexicon import lexicon
from compare.models import Article
from compare.segment import QUOTE_MARKS, tokenize

__all__ = ["attribute"]

_MARK = re.compile(f"[{QUOTE_MARKS}]")
_CLOSING = re.compile(f" ?[{QUOTE_MARKS}]")
_STOPS = {"after", "before", "that", "when", "while", "on", "as", "but", "and", "where",
          "today", "earlier", "later", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "because", "which", "who"}


def _gap(stretches: int) -> re.Pattern:
    """What may stand between a subject and its cue verb: the dot of ``Jr.``, a
    parenthesis (a stray comma after it: ``Sen. Ann Lee (R-Ariz.), said``), a place or
    body the person is of (``Rev. Tom Reed of Our Lady of Hope, told``), an
    apposition of up to ``stretches`` stretches between commas, adverbs, auxiliaries, a
    day (``Mr. Obama on Thursday said``) and a reporting frame (``was quoted as saying``,
    ``is shown saying``, ``is expected to say``)."""
    return re.compile(
        r"\.?(?:\s*\([^()]{1,20}\)(?:\s*,)?)?"
        r"(?:\s+(?:of|from)\s+[A-Z][^,\"“”;:()]{0,60}(?=\s*,)(?:\s*,(?=\s*$))?)?"
        rf"(?:(?:\s*,[^,\"“”;:]{{1,120}}){{1,{stretches}}},)?(?:\s*,?\s*who)?\s*"
        r"(?:(?:also|later|then|once|again|further|still|only|quickly|simply|just|first|even|"
        r"never|had|has|have|would|will|did|does|[a-z]+ly|(?:on\s+)?(?:Monday|Tuesday|"
        r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|"
        r"night))?|(?:is|was|were|are)\s+(?:quoted\s+as|shown|heard|expected\s+to))\s+)*$")


_GAP = _gap(1)
# after a quote, an inversion may hold a longer apposition ('," Rep. Ann Lee, D-N.Y.,
# the former chairman of the panel on Rights, Trade and Labor, told the paper')
_GAP_AFTER_QUOTE = _gap(3)
_LEAD = re.compile(r"[\s,.!?;:—–-]*")
_POSSESSIVE = re.compile(r"['’]s\s+(?P<n1>[a-z-]+)(?:\s+(?P<n2>[a-z]+))?\b")
_ACCORDING = re.compile(r"according\s+to\s+")
_INFINITIVE = re.compile(r"\bto\s+$")  # "went so far as to say"
_COORDINATED = re.compile(r"(?:,|\band|\bbut|\bthen)\s+(?:(?:also|later|then|[a-z]+ly)\s+)?$")
_PREPOSITIONS = frozenset({"to", "for", "with", "at", "by", "of", "on", "from", "about",
                           "against", "in", "into", "over", "under", "as", "like", "than",
                           "told", "a", "an", "the", "near", "across", "around", "through",
                           "toward", "towards", "between", "among", "within", "behind",
                           "outside", "inside", "during", "since", "until", "via", "per"})


_PARENTHETICAL = re.compile(r",\s*$")
_CLAUSE_LINK = re.compile(r",\s+(?:so|because|but|while|although|and)\s+")
_NOT_PREPOSITIONS = frozenset({"a", "an", "the", "told"})  # in _PREPOSITIONS all the same


def _past_lead(text: str, pos: int, end: int) -> int:
    """Where the spaces and punctuation (:data:`_LEAD`) at ``text[pos:end]`` stop."""
    lead = _LEAD.match(text, pos, end)
    assert lead is not None  # _LEAD matches (empty) anywhere
    return lead.end()


Region = tuple[int, int, bool, list[int]]
"""A quote's (start, end, left_open, sentence indices), as :mod:`compare.quotes` finds it."""


@dataclass(frozen=True)
class _Cand:
    """A possible speaker in the text: a name, a pronoun or a role phrase."""

    start: int
    end: int
    kind: str  # "name", "pron", "role"
    value: str  # the name as the article writes it most fully; the pronoun; the role
    gender: str = ""  # "m", "f", "p" (plural) or "" (not known)
    owner: str = ""  # a role's named owner ("a statement from X" -> X)
    titles: frozenset[str] = frozenset()
    person: bool = True  # not an organisation


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    verbs = "|".join(re.escape(v) for v in sorted(lex.quote_cue_verbs, key=len, reverse=True))
    nouns = sorted({*lex.speaker_nouns, *lex.plural_speaker_nouns, *lex.document_nouns},
                   key=len, reverse=True)
    noun = "|".join(re.escape(n) for n in nouns)
    bare = "|".join(re.escape(f) for n in lex.plural_speaker_nouns for f in (n, n.capitalize()))
    det = (r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|"
           r"[Ss]ome|[Mm]any|[Oo]ther|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|"
           r"[A-Z][\w.-]*(?:['’]s|s['’]))")
    org = "|".join(sorted(lex.org_words, key=len, reverse=True))
    owner = r"(?:\s+(?:for|of|from|with|at|to|by)\s+(?P<owner>(?:the\s+)?(?:[A-Z][\w.'’-]*\s+)" \
        rf"{{0,4}}(?:[A-Z][\w.'’-]*|(?:{org})\b)))?"
    # a role opens with a capital or the first letter of a determiner or bare noun: the
    # lookahead lets the regex engine pass other positions quickly (same matches)
    first = "".join(sorted({"t", "a", "o", "f", "s", "m", "h"} |
                           {n[0].lower() for n in lex.plural_speaker_nouns}))
    role = re.compile(rf"(?=[A-Z{first}])\b"
                      rf"(?:{det}\s+(?:(?!(?:[Tt]he|[Aa]n?)\s)[\w’'-]+(?:\.\w+)*\.?\s+){{0,4}}?"
                      rf"(?P<noun>{noun})|"
                      rf"(?P<bare>{bare}))\b{owner}")
    verb = re.compile(rf"\b(?P<v>{verbs})\b")
    # "it" only as the subject of a cue verb ('," it says'): a document named before
    pron = re.compile(rf"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t(?=\s+(?:{verbs})\b))\b")
    return role, verb, pron


def _setting(text: str, verb_start: int, verb_end: int, limit: int) -> str:
    """The cue verb and the phrase after it up to its last setting noun, or ``""``."""
    nouns = lexicon().setting_nouns
    end = None
    for w in tokenize(text, verb_start, limit):
        if w.start < verb_end:
            continue
        if not w.is_word or w.norm in _STOPS:
            break
        if w.norm in nouns:
            end = w.end
    return text[verb_start:end] if end else ""


# --- what the article offers as speakers ------------------------------------------


def _title_words() -> frozenset[str]:
    lex = lexicon()
    inner = {"the"}  # "Speaker of the House": "the" before a name is no title
    return frozenset(w for t in lex.titles for w in t if w not in inner) | {"former", "then"}


def _names(article: Article, details=None) -> list[_Cand]:
    """Every name mention of the article as a candidate, in text order, its start
    moved back over the titles, honorifics and labels before it (``Chief Justice``);
    ``details`` are the article's details when already extracted."""
    lex = lexicon()
    text = article.text
    titles = _title_words()
    gendered = lex.gender_words
    details = extract_details(article) if details is None else details
    details = [d for d in details if d.kind == "name"]
    longest: dict[str, str] = {}
    for d in details:
        if len(d.text) > len(longest.get(d.value, "")):
            longest[d.value] = d.text
    genders: dict[str, set[str]] = {}
    named: dict[str, str] = {}  # a person's key -> the gender of their first name
    out = []
    for d in details:
        if d.category == "place" and d.value not in lex.org_keys:
            continue  # a place, but "the White House said": a body that speaks
        start = d.start
        before: list[str] = []
        for m in reversed(list(re.finditer(r"[\w.’'-]+", text[max(0, d.start - 40):d.start]))):
            word = m.group().casefold().rstrip(".")
            gap = text[max(0, d.start - 40) + m.end():start]
            if gap.strip() or not (word in titles or word in lex.demonyms or
                                   word.startswith("ex-")) or \
                    (word == "of" and not before) or \
                    "\n" in gap or _SENTENCE_END.fullmatch(m.group()):
                break  # "Jenky, of Peoria": no title; "... the White House.\n\nRep. Ann
                # Lee": no title of hers
            start = max(0, d.start - 40) + m.start()
            before.append(word)
        role = _apposition().match(text, d.end)
        if role:  # "Paul Dorn, the Republican governor of Utah,": a governor
            before.append(role["noun"].casefold())
        for word in before:
            for g, words in gendered.items():
                if word in words:
                    genders.setdefault(d.value, set()).add(g)
        if d.category == "person" and d.value not in named:
            # "Joseph Crowley": a man, even with no title saying so (not "Terry")
            first = longest[d.value].split(None, 1)[:1]
            named[d.value] = lex.first_name_gender.get(first[0].casefold(), "") if first else ""
            if named[d.value] in {"m", "f"}:
                genders.setdefault(d.value, set()).add(named[d.value])
        out.append((start, d, frozenset(before)))
    # a name inside another's titles ("White House" in "White House Press Secretary
    # Jay Carney") only modifies it
    spans = sorted((start, d.end) for start, d, _ in out)
    ends = [e for _, e in spans]
    cands = []
    for start, d, titles_before in out:
        k = bisect_right(spans, (d.start, len(article.text) + 1))
        if any(e > d.end for e in ends[max(0, k - 3):k]) and \
                any(s <= d.start and e > d.end for s, e in spans[max(0, k - 3):k]):
            continue
        known = genders.get(d.value, set())
        gender = next(iter(known)) if len(known) == 1 else ""
        # a body or place the word lists know ("Congress") is no person, however the
        # names read it
        person = d.category not in {"organisation", "place"} and \
            d.value not in lex.org_keys and d.value not in lex.place_keys
        cands.append(_Cand(start, d.end, "name", longest[d.value], gender, "", titles_before,
                           person))
    return cands


_SENTENCE_END = re.compile(r"[^\W\d_][a-z’'-]{4,}\.")
"""A word of five letters or more with a full stop (``House.``) ends a sentence: no
abbreviated title (``Rep.``, ``Capt.``, ``U.S.``)."""


@cache
def _apposition() -> re.Pattern:
    """``, the Republican governor`` after a name: the noun is the person's title, when
    the apposition closes (``Paul Dorn, the governor of Utah,``), not when the noun opens
    the main clause (``with Mr. Lee, the governor pointed to ...``)."""
    nouns = "|".join(re.escape(n) for n in sorted(lexicon().speaker_nouns, key=len,
                                                   reverse=True))
    return re.compile(rf",\s+(?:the|a|an)\s+(?:[\w.’'-]+\s+){{0,3}}?(?P<noun>{nouns})\b"
                      r"(?=(?:\s+(?:of|for|at|in|from)\s[^,.;:]{1,60})?\s*(?:[,.;:)]|$))")


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


@cache
def _role_keys() -> frozenset[str]:
    """The last word of every noun a role ends in, as the role pattern matches it (a
    plural standing alone may be capitalised): a sentence with none of them among its
    words has no role, and the pattern need not run over it."""
    lex = lexicon()
    nouns = {*lex.speaker_nouns, *lex.plural_speaker_nouns, *lex.document_nouns}
    last = {re.findall(r"[^\W_]+", n)[-1] for n in nouns}
    return frozenset(last | {n.capitalize() for n in lex.plural_speaker_nouns})


@cache
def _person_nouns() -> frozenset[str]:
    lex = lexicon()
    return frozenset({*lex.speaker_nouns, *lex.plural_speaker_nouns})


_ONE_OF = re.compile(r"[Oo]ne\s+of\s")
_SINGULAR_DET = re.compile(r"(?:[Aa]n?|[Aa]nother)\s")


@cache
def _group_words() -> frozenset[str]:
    """Words that let a singular determiner stand before a plural noun (``a group of
    aides``, ``a dozen senators``, ``a few officials``): ``of``, ``few`` and the scales."""
    return frozenset({"of", "few", *lexicon().scales})


def _roles(text: str, lo: int, hi: int, names: list[_Cand], starts: list[int],
           reach: int) -> list[_Cand]:
    """Role phrases (``the senators``, ``a statement from the committee``) in
    ``text[lo:hi]``; ``names`` in text order, ``starts`` their starts, ``reach`` the
    longest name's length (the first name holding or starting in an owner is looked
    for only among those that can reach it)."""
    lex = lexicon()
    role_re = _patterns()[0]
    plural, documents = lex.plural_speaker_nouns, lex.document_nouns
    nouns_all = _person_nouns()
    out = []
    for m in role_re.finditer(text, lo, hi):
        noun = (m["noun"] or m["bare"]).casefold()
        if m["bare"] and noun not in plural:
            continue  # a bare singular noun ("official") is not a subject by itself
        if m["noun"] and noun in plural and _SINGULAR_DET.match(text, m.start()) and \
                _group_words().isdisjoint(text[m.start():m.start("noun")].casefold().split()):
            continue  # "a bill giving illegal immigrant students": no group of students
        owner = ""
        if m["owner"]:
            o_start = m.start("owner")
            window = names[bisect_left(starts, o_start - reach):
                           bisect_left(starts, m.end("owner"))]
            o = next((c for c in window if c.start <= o_start < c.end or
                      o_start <= c.start < m.end("owner")), None)
            owner = o.value if o else m["owner"]
        end = m.end() if m["owner"] else m.end("noun" if m["noun"] else "bare")
        while not m["owner"] and (nxt := _NEXT_WORD.match(text, end, hi)) and \
                nxt[1].casefold() in nouns_all:  # "a campaign aide": the aide
            end, noun = nxt.end(), nxt[1].casefold()
        phrase = text[m.start():end]
        if noun in documents and not owner:
            m_own = re.match(r"(?P<o>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:['’]s|(?<=s)['’])\B",
                             phrase)
            owner = m_own["o"] if m_own else ""
        # "one of her lawyers": one person of the group, not the group
        gender = "p" if noun in plural and not (phrase[0] in "Oo" and _ONE_OF.match(phrase)) \
            else lex.gender_of_noun.get(noun, "")
        out.append(_Cand(m.start(), end, "role", phrase, gender, owner,
                         frozenset({noun})))
    return out


def _candidates(article: Article, regions: Sequence[Region], details=None) -> list[list[_Cand]]:
    """Per sentence, its candidates outside quotation marks, in text order."""
    text = article.text
    _, _, pron_re = _patterns()
    names = _names(article, details)
    starts = [c.start for c in names]
    reach = max((c.end - c.start for c in names), default=0)
    quoted = sorted((r[0], r[1]) for r in regions)
    q_starts = [q[0] for q in quoted]

    def inside(pos: int) -> bool:
        k = bisect_right(q_starts, pos) - 1
        return k >= 0 and pos < quoted[k][1]

    keys = _role_keys()
    out = []
    for s in article.sentences:
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        mine = [c for c in names[lo:hi] if not inside(c.start)]
        roles = [] if keys.isdisjoint(w.text for w in article.words[s.index]) else \
            [r for r in _roles(text, s.start, s.end, names, starts, reach)
             if not inside(r.start)]
        prons = [_Cand(m.start(), m.end(), "pron", m["p"].casefold(),
                       {"he": "m", "she": "f", "they": "p", "it": "d"}.get(m["p"].casefold(),
                                                                          "1"))
                 for m in pron_re.finditer(text, s.start, s.end) if not inside(m.start())]
        found = mine + prons
        # a role that holds a name starting after its own start wins over the name
        for r in roles:
            if not any(c.start <= r.start < c.end for c in found):
                found = [c for c in found if not (r.start < c.start and c.end <= r.end)]
                found.append(r)
        out.append(sorted(found, key=lambda c: (c.start, -c.end)))
    return out


# --- the attribution of one quote -------------------------------------------------


def _outside(text: str, lo: int, hi: int, quoted: Sequence[tuple]) -> list[tuple[int, int]]:
    """The pieces of ``text[lo:hi]`` outside the quote spans (and their marks).

    ``quoted`` are the quotes' ``(start, end, ...)`` in text order, never overlapping
    (quote regions), so the first that can reach ``text[lo:hi]`` is found by bisection."""
    pieces, pos = [], lo
    first = bisect_right(quoted, lo - 1, key=itemgetter(1))  # the first with end + 1 > lo
    for q in itertools.islice(quoted, first, None):
        s, e = q[0], q[1]
        if s - 1 >= hi:
            break  # none after this one reaches text[lo:hi]
        if s - 1 > pos:
            pieces.append((pos, s - 1))
        pos = max(pos, e + 1)
    if pos < hi:
        pieces.append((pos, hi))
    return pieces


def _verbs(text: str, pieces: list[tuple[int, int]]) -> list[re.Match]:
    verb_re = _patterns()[1]
    return [m for lo, hi in pieces for m in verb_re.finditer(text, lo, hi)]


def _subject_before(text: str, cands: list[_Cand], verb: re.Match, lo: int) -> _Cand | None:
    """The candidate right before ``verb`` (adverbs or an apposition between); past a
    candidate inside that apposition (``Darrell Issa of California, the senior Republican
    on the Oversight Committee, said``: not the committee); the one a body is attached to
    (``Capt. Ann Lee of the State Patrol said``)."""
    for i in range(len(cands) - 1, -1, -1):
        c = cands[i]
        if c.end > verb.start() or c.start < lo:
            continue
        if _GAP.fullmatch(text, c.end, verb.start()) or \
                _owned_document().fullmatch(text, c.end, verb.start()) or \
                (c.kind == "pron" and _CONTRACTION.fullmatch(text, c.end, verb.start())):
            if (c.kind == "pron" and c.value in _SUBJECT_PRONOUNS) or \
                    not _after_preposition(text, c, lo, _PREPOSITIONS - _NOT_PREPOSITIONS) \
                    or _AS_SUBJECT.search(text, lo, c.start):
                return c  # "a reader near Austin posted": Austin is the object of "near";
                # "even as he conceded": a subject pronoun right before its verb; "as
                # Mr. Reed pointed out": "as" opens his clause, no preposition
            if i and cands[i - 1].start >= lo and \
                    _OF.fullmatch(text, cands[i - 1].end, c.start):
                return cands[i - 1]  # "Capt. Ann Lee of the State Patrol said": Ann Lee
            return None
        if c.kind == "name" and c.person and _BARE_COMMA.fullmatch(text, c.end, verb.start()) \
                and _APPOSED_NAME.fullmatch(text, lo, c.start):
            return c  # "Ohio's state treasurer, Dale Ortiz, told": the name in apposition
        if c.kind == "role" and i and _COMMA.fullmatch(text, cands[i - 1].end, c.start):
            continue  # "Ann Cole, the head of the Port Authority, just told": Ann Cole
        if not _IN_APPOSITION.fullmatch(text, c.end, verb.start()):
            return None
    return None


_AS_SUBJECT = re.compile(r"(?:^|[,;—–]\s*|\b(?:[Bb]ut|[Aa]nd|[Jj]ust)\s+)[Aa]s\s+$")
_CONTRACTION = re.compile(r"['’](?:s|d|ve|ll|re)\s+(?:[a-z]+ly\s+)?")
"""After a pronoun, its auxiliary before the cue verb (``he’s maintained``, ``he’d tell``);
not after a name, where ``’s`` is a possessive (``the women’s claims``)."""
_BARE_COMMA = re.compile(r"\s*,\s*")
_APPOSED_NAME = re.compile(r"[^,\"“”;:]{1,60},\s*")
"""Before a name in apposition to the noun phrase opening the clause (``Ohio's state
treasurer, ``)."""


_OF = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?")


_BY = re.compile(r"\s+by\b")
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its)|['’]s)\s+(?:[a-z]+\s+)?$")
_AND_VERB = re.compile(r"\band\s+$")
_IN_APPOSITION = re.compile(r"[^,\"“”;:]{0,120},\s*")
"""What follows a candidate inside an apposition up to its cue verb (``Committee, ``)."""


def _clause_subject(text: str, cands: list[_Cand], lo: int, before: int) -> _Cand | None:
    """The first candidate of the clause, not the object of a preposition nor a
    modifier of the next one (``NATO`` in ``NATO Secretary General Jens Stoltenberg``)."""
    object_end = -1
    for i, c in enumerate(cands):
        if c.start < lo or c.start >= before:
            continue
        if i + 1 < len(cands) and not text[c.end:cands[i + 1].start].strip():
            continue
        if c.kind == "name" and (role := _POSSESSED_ROLE.match(text, c.end, before)) and \
                i + 1 < len(cands) and cands[i + 1].start == role.end() and \
                cands[i + 1].kind == "name" and cands[i + 1].person and \
                text.startswith(",", cands[i + 1].end):
            return cands[i + 1]  # "Ohio's state treasurer, Dale Ortiz,": Dale Ortiz
        if c.kind == "name" and _describes(text, c.end):
            return None  # "Senior City Hall officials", "The Senate speaker": unnamed
        if (_after_preposition(text, c, lo) and \
                text[lo:c.start].strip().casefold() not in {"the", "a", "an"}) or \
                _AND.fullmatch(text, object_end, c.start):
            object_end = c.end  # not "The White House was ...", which opens the clause;
            continue  # "at Mr. Obama and the first lady": both objects of "at"
        return c
    return None


_AND = re.compile(r"\s+(?:and|or)\s+")
_POSSESSED_ROLE = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){1,4},\s*")
_FOLLOWING = re.compile(r"\s+([A-Za-z]+)\b")


def _describes(text: str, end: int) -> bool:
    """The name ending at ``end`` modifies the noun after it: a role noun in lower case
    (``City Hall officials``, ``the Senate speaker``) or a group (``House Democrats``)."""
    word = _FOLLOWING.match(text, end)
    if word is None:
        return False
    w, lex = word[1], lexicon()
    if w[0].islower():
        return w in lex.speaker_nouns or w in lex.plural_speaker_nouns or (w,) in lex.titles
    return w.endswith("s") and w.casefold() in lex.demonyms


def _main_clause_subject(text: str, cands: list[_Cand], lo: int,
                         before: int) -> _Cand | None:
    """The subject a participle (``, saying``) at ``before`` hangs on when the sentence
    opens with a subordinate clause (``Asked whether he ..., Mr. Santorum did not back
    down, saying``: Santorum, not the ``he`` of the opening clause); else None."""
    main = _main_clause(text, lo, before)
    return _clause_subject(text, cands, main, before) if main > lo else None


def _own(article: Article, k: int, region: Region, regions: Sequence[Region],
         cands: list[list[_Cand]]) -> tuple[_Cand, str, int, int] | None:
    """(subject, verb, verb_start, verb_end) from the quote's own sentences, or None."""
    text = article.text
    start, end, _, sents = region
    s0, s1 = article.sentences[sents[0]].start, article.sentences[sents[-1]].end
    mine = [c for s in sents for c in cands[s]]
    # after the quote, up to the next quote or the sentence end
    # the closing mark right after the quote, or after a space ('’ ”' closing a nested one)
    mark = _CLOSING.match(text, end)
    opening = regions[k + 1][0] - 1 if k + 1 < len(regions) else len(text)
    close = mark.end() if mark and mark.end() - 1 < opening else end
    after = _next_sentence(article, sents[-1], close, end)
    if after is not None:  # '?" Obama said.': the splitter ended the sentence at ?"
        s1 = after.end
        mine = mine + cands[after.index]
    nxt = regions[k + 1][0] - 1 if k + 1 < len(regions) and regions[k + 1][0] < s1 else s1
    if close > nxt:  # the spaced mark lies past the sentence
        close = end + 1 if _MARK.match(text, end) else end
    pos = _past_lead(text, close, nxt)
    prev = regions[k - 1][1] + 1 if k and regions[k - 1][1] > s0 else s0
    # a quote that ends its sentence ('... that she was "saddened ... 'racists.'" The
    # former governor said ...') after a cue verb of its own takes no attribution from
    # the sentence after it, even where the splitter did not end the sentence there
    ended = text[start:end].rstrip(" '’").endswith(".") and \
        bool(_verbs(text, _outside(text, prev, start, regions)))
    if (pos > close or close == end) and not ended:  # the attribution follows the marks
        at = [c for c in [_at(text, mine, pos, bare=True)] if c]
        verb_re = _patterns()[1]
        gap = _GAP_AFTER_QUOTE
        if at and at[0].kind == "name" and \
                (role := _POSSESSED_ROLE.match(text, at[0].end, nxt)) is not None:
            # "," Ann Lee's press secretary, Tom Reed, said': the name in apposition
            appos = next((c for c in mine if c.start == role.end()), None)
            at = [appos] if appos is not None and appos.kind == "name" and appos.person \
                and text.startswith(",", appos.end) else []
            gap = _BARE_COMMA
        if at:
            # a name running past the sentence end ('," Rep. | Ann Long said', the title's
            # dot taken for a full stop): its verb is in the next sentence
            limit = nxt
            if at[0].end > s1 and not (k + 1 < len(regions) and regions[k + 1][0] < at[0].end):
                limit = next((t.end for t in article.sentences if t.start <= at[0].end <= t.end),
                             nxt)
                if k + 1 < len(regions):
                    limit = min(limit, regions[k + 1][0] - 1)
            v = verb_re.search(text, at[0].end, limit)
            if v and (gap.fullmatch(text, at[0].end, v.start()) or
                      _owned_document().fullmatch(text, at[0].end, v.start())):
                return at[0], v["v"], v.start(), v.end()
        v = verb_re.match(text, pos, nxt)
        if v:
            sub = _at(text, mine, _past_lead(text, v.end(), nxt), bare=True)
            if sub and not (sub.kind == "pron" and _CLAUSE_AFTER.match(text, sub.end)):
                return sub, v["v"], v.start(), v.end()
        described = None if at else _described(text, pos, nxt)
        if described:
            sub, v = described
            return sub, v["v"], v.start(), v.end()
        acc = _ACCORDING.match(text, pos, nxt)
        if acc:
            sub = _at(text, mine, acc.end())
            if sub:
                return sub, "according to", pos, pos
    # before the quote, back to the previous quote of the sentence
    verbs = _verbs(text, _outside(text, prev, start, regions))
    said = _possessor(text, mine, verbs[-1].end() if verbs else prev, start, bool(verbs))
    if said is not None:  # Griffin claims ... inspired by Trump's comments about "..."
        v = verbs[-1] if verbs else None
        return said, v["v"] if v else "", v.start() if v else start, v.end() if v else start
    if not verbs:
        first_word = _OPENING_WORD.match(text, s0, start)
        if first_word and first_word[1].endswith("ing") and \
                first_word[1].casefold() in lexicon().quote_cue_verbs and \
                (comma := _CLAUSE_COMMA.search(text, first_word.end(), s1)) is not None:
            # "Telling the crowd this is "your day," Mayor Ann Lee closed ...": the
            # subject of the main clause after the participle's clause
            sub = _clause_subject(text, mine, comma.end(), s1)
            if sub is not None:
                return sub, first_word[1], first_word.start(1), first_word.end(1)
        other = _verbs(text, _outside(text, s0, s1, regions))
        if other and nxt >= s1:
            # the sentence's cue verb is another quote's, or ends the sentence after it
            return _later(text, mine, close, nxt, s1,
                          opener=_clause_subject(text, mine, s0, start))
        late = _later(text, mine, close, nxt, s1, verb=False)
        if late is not None:
            return late
        # no cue verb at all: the subject of the quote's clause (after the last clause
        # link before it) says what the quote says (``She does, however, condone
        # "mocking the Mocker in Chief."``; ``..., so he considered "options."``)
        subjects = [c for c in mine if c.kind != "role" or _definite_person(c)]
        main = _main_clause(text, s0, start)  # not "When Ann Lee arrived, some chanted "...""
        if "," in text[main:start].rstrip(f" ,:{QUOTE_MARKS}"):
            main = s0  # that comma closed an apposition ("As Sen. Ann Lee, R-Ky., put it,")
        links = list(_CLAUSE_LINK.finditer(text, main, start))
        sub = (_clause_subject(text, subjects, links[-1].end(), start) if links else None) or \
            _clause_subject(text, subjects, main, start)
        if sub is None and main > s0 and any(ch.isalpha() for ch in text[main:start]):
            return _NOBODY, "", start, start  # the main clause's subject is nobody named:
            # the quote continues no quote before it ("some in the crowd chanted, "...")
        if other and (sub is None or sub.kind != "name" or not sub.person):
            return None  # the cue verb of a later quote of the sentence is that quote's;
            # this one is its clause's only where a person is named there ("Ann Lee
            # expressed "great admiration" ..., and Tom Reed said he was "overjoyed"")
        return (sub, "", start, start) if sub else None
    v = verbs[-1]
    sub = _subject_before(text, mine, v, s0)
    if sub is None and _PARENTHETICAL.search(text, s0, v.start()):
        after = _at(text, mine, _past_lead(text, v.end(), start))  # "It, said Ann Lee, is"
        sub = after if after is not None and text.startswith(",", after.end) else None
    if sub is not None and v["v"].endswith("ing") and _after_preposition(text, sub, s0):
        sub = None  # "letters to Congress saying": Congress got the letters
    if sub is None:  # "the Conference, which wrote letters saying": the Conference
        sub = _relative_subject(text, mine, s0, v.start())
    if sub is None and v["v"].endswith("ing"):
        sub = _main_clause_subject(text, mine, s0, v.start())
    if sub is None and (v["v"].endswith("ing") or _COORDINATED.search(text, s0, v.start())
                        or _INFINITIVE.search(text, s0, v.start())):
        sub = _clause_subject(text, mine, s0, v.start())
    if sub is None and (_BY.match(text, v.end()) or _NOUN_BEFORE.search(text, s0, v.start())
                        or _AND_VERB.search(text, s0, v.start())):
        # the last cue word is a passive participle ("Issa ... said the interactions
        # described by the White House "..."), a noun ("the president's chief demand") or
        # a verb coordinated with one before it ("Harf added that ... and noted that"):
        # the subject of the cue verb before it speaks
        v, sub = next(((w, c) for w in reversed(verbs[:-1]) if not w["v"].endswith("ing")
                       and (c := _subject_before(text, mine, w, s0)) is not None),
                      (v, None))
    if sub is None:
        return _later(text, mine, close, nxt, s1, verb=False)
    return sub, v["v"], v.start(), v.end()


_CAPITAL = re.compile(r"\b[A-Z]")
_NOBODY = _Cand(0, 0, "nobody", "")
"""The subject :func:`_own` finds where the quote's clause has one that names nobody."""


_LATER_ACCORDING = re.compile(r",\s+according\s+to\s+")
_LATER_COMMA = re.compile(r",\s+")


def _later(text: str, cands: list[_Cand], close: int, nxt: int, end: int,
           verb: bool = True, opener: _Cand | None = None) -> tuple[_Cand, str, int, int] | None:
    """The attribution later in the quote's sentence, past a clause after the quote, when
    no other quote follows in it, when it names a name (a pronoun or role that far from
    the quote is too loose to resolve): ``, according to X`` with no cue verb before it
    (``asked for "changes" to the bill, according to Sen. Dick Durbin``) or, with
    ``verb``, a subject and cue verb that end the sentence (``thinks Moore "will step
    aside" if ..., the White House said in a statement``), where a he or she there is
    ``opener``, the person named as the subject the quote's clause opens with, when of
    that gender (``Mayor Ann Lee is "very close" to ..., she told reporters``)."""
    if nxt < end:
        return None  # another quote of the sentence comes first
    acc = next(reversed(list(_LATER_ACCORDING.finditer(text, close, end))), None)
    if acc is not None and not _verbs(text, [(close, acc.start())]):
        sub = _at(text, cands, acc.end())  # not past a cue verb ("the letter reads,")
        return (sub, "according to", acc.start(), acc.start()) \
            if sub and sub.kind == "name" else None
    verbs = _verbs(text, [(close, end)]) if verb else []
    if not verbs:
        return None
    v = verbs[-1]
    if any(ch in ".;:!?" for ch in text[v.end():end].rstrip(" .\"”’'")):
        return None
    for comma in reversed(list(_LATER_COMMA.finditer(text, close, v.start()))):
        sub = _at(text, cands, comma.end())  # the subject after a comma, its apposition
        if sub is None or not _GAP.fullmatch(text, sub.end, v.start()):
            continue
        if sub.kind == "pron" and sub.gender in {"m", "f"} and opener is not None and \
                _compatible(opener, sub.gender):
            sub = opener  # "Mayor Ann Lee is "very close" to ..., she told reporters"
        if sub.kind == "name":
            return sub, v["v"], v.start(), v.end()
    return None


_CLAUSE_AFTER = re.compile(r"['’]|\s+[a-z]")
"""After a pronoun, what makes it the subject of a clause ('," insists he'll ...', '," said
he would ...'), not of an inverted cue verb ('," said he.')."""


_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\s")


def _relative_subject(text: str, cands: list[_Cand], lo: int, before: int) -> _Cand | None:
    """The candidate a relative clause (``, which`` / ``, who``) between ``lo`` and
    ``before`` is about: the one right before its last such clause."""
    for c in reversed(cands):
        if lo <= c.start and c.end < before and _RELATIVE.match(text, c.end, before):
            return c
    return None


def _next_sentence(article: Article, last: int, close: int, end: int):
    """The sentence after sentence ``last`` when a quote ending in ``?`` or ``!`` (its
    closing mark at ``end``) ends that sentence and the next one, in the same
    paragraph, starts right after the mark: its attribution (``"Why?" Obama said.``)
    is there; after a full stop only when that sentence is no more than an attribution.
    Else None."""
    sents, text = article.sentences, article.text
    if close == end or text[end - 1:end] not in ("?", "!", ".") or last + 1 >= len(sents):
        return None
    cur, nxt = sents[last], sents[last + 1]
    if cur.end > close or nxt.paragraph != cur.paragraph or text[close:nxt.start].strip():
        return None
    if text[end - 1] == "." and not (len(nxt.text.split()) <= _ATTRIBUTION_WORDS and
                                     _patterns()[1].search(nxt.text)):
        return None  # after a full stop, only a sentence that is just "Durbin said."
    return nxt


_ATTRIBUTION_WORDS = 4
"""A sentence of at most this many words with a cue verb, right after a quote that ends
in a full stop, is that quote's attribution (``"... Boehner." Durbin said.``)."""


def _definite_person(role: _Cand) -> bool:
    """``role`` is one person named by a definite role (``the senator``), who may be
    the subject of a quote with no cue verb (``The senator was "disappointed"``)."""
    noun = next(iter(role.titles))
    return role.value.casefold().startswith("the ") and role.gender != "p" and \
        noun not in lexicon().document_nouns


_DET = re.compile(r"(?:[Tt]he|[Aa]n?)\s+")
_LOWER_WORD = re.compile(r"[a-z][\w’'-]*\s+")
_THE = re.compile(r"[Tt]he\s+")
_WORD = re.compile(r"[\w’'-]+")
_SPACE = re.compile(r"\s+")


def _at(text: str, cands: list[_Cand], pos: int, bare: bool = False) -> _Cand | None:
    """The candidate that starts at ``pos``, or after a determiner and at most two
    lower-case words there (``the NRA said``, ``an emotional Mr. Obama said``); with
    ``bare`` (right after a quote or its inverted cue verb), a person's name after at most
    two such words with no determiner (``youth pastor Tom Reed told``, ``explained
    newly-elected Mayor Ann Lee``), none a function word or verb (``after``, ``said``); a
    name right before another (``the NAACP President Benjamin Jealous``), or before a
    speaker noun and another (``NRSC spokesman Brian Walsh``), modifies it."""
    starts = [pos]
    det = _DET.match(text, pos)
    if det or bare:
        starts.append(det.end() if det else pos)
        for _ in range(2):
            word = _LOWER_WORD.match(text, starts[-1])
            if not word or (not det and word.group().rstrip().casefold() in _not_described()):
                break
            starts.append(word.end())
        if not det:
            del starts[1]
            found = next((c for c in cands if c.start in starts[1:] and c.kind == "name"
                          and c.person), None)
            starts = [pos, *([found.start] if found else [])]
    for place_re in _PLACE_WORDS:  # "Nebraska Attorney General Jon Bruning said"
        place = place_re.match(text, pos)
        if place and name_key(place[1]) in lexicon().place_keys:
            starts.append(place.end())
    found = next((c for c in cands if c.start in starts), None)
    if found is None:  # "State Department Deputy Spokesperson Marie Harf told"
        run = _CAP_RUN.match(text, pos)
        found = next((c for c in cands if c.kind == "name" and c.person and run and
                      pos < c.start <= run.end() and text[c.start - 1].isspace()), None)
    while found is not None:
        nxt = next((c for c in cands if c.start > found.start and c.kind == "name"
                    and _modifies(text, found.end, c.start) and _capital_or_role(text, c)),
                   None)
        if nxt is None or (found.kind != "name" and text[found.end:nxt.start].strip() and
                           not _POSSESSIVE_GAP.fullmatch(text, found.end, nxt.start)):
            break
        found = nxt  # "the company's chief security officer Joe Sullivan said"
    return found


@cache
def _objects_before() -> frozenset[str]:
    """The words after which a name is no subject a he or she can stand for: a
    preposition or a quote participle (``Saying President Obama, he said, was "..."``)."""
    return _PREPOSITIONS | {f for f in lexicon().quote_cue_verbs if f.endswith("ing")}


@cache
def _not_described() -> frozenset[str]:
    """Words that describe no name after a quote (``," after the vote Ann Lee said``)."""
    return frozenset(_STOPS | _PREPOSITIONS | _SUBJECT_PRONOUNS | lexicon().cue_verbs.keys())


def _capital_or_role(text: str, c: _Cand) -> bool:
    """``c`` opens with a capital or with a speaker noun taken as its title
    (``spokesman Brian Walsh``)."""
    word = _WORD.match(text, c.start)
    return text[c.start].isupper() or (word is not None and
                                       word.group().casefold() in lexicon().speaker_nouns)


_CAP_RUN = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,3}")
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+")
_PLACE_WORDS = (re.compile(r"([A-Z][a-z]+)\s+(?=[A-Z])"),
                re.compile(r"([A-Z][a-z]+\s+[A-Z][a-z]+)\s+(?=[A-Z])"))
_ROLE_GAP = re.compile(r"(?:\s+[A-Za-z][a-z-]*){1,3}\s+")


def _modifies(text: str, end: int, start: int) -> bool:
    """A name ending at ``end`` modifies the one at ``start``: nothing but spaces lies
    between them, or at most three words ending in a speaker noun (``NRSC spokesman
    Brian Walsh``, ``State Department Deputy Spokesperson Marie Harf``)."""
    if not text[end:start].strip() or _POSSESSIVE_GAP.fullmatch(text, end, start):
        return True  # "Twitter's Adam Sharp wrote"
    gap = _ROLE_GAP.fullmatch(text, end, start)
    return gap is not None and gap.group().split()[-1].casefold() in lexicon().speaker_nouns \
        and not _patterns()[1].search(gap.group())  # "Kennedy told lawyer Ann Lee"


def _described(text: str, pos: int, limit: int) -> tuple[_Cand, re.Match] | None:
    """A definite description of at most four words at ``pos`` followed by a cue verb
    (``the 43-year-old said``): one person of either gender, resolved like a pronoun;
    not when its last word names an organisation, a place, a document or a plural
    (``the hospital said``)."""
    det = _THE.match(text, pos, limit)
    if det is None:
        return None
    end = det.end()
    for _ in range(4):
        word = _WORD.match(text, end, limit)
        if word is None:
            return None
        end = word.end()
        space = _SPACE.match(text, end, limit)
        v = _patterns()[1].match(text, space.end(), limit) if space else None
        if v:
            head = word.group().casefold()
            lex = lexicon()
            if head in lex.org_place_words or head in lex.document_nouns or \
                    head in lex.plural_speaker_nouns:
                return None  # the hospital, the report, the officials: not one person
            return _Cand(pos, end, "pron", text[pos:end], "s"), v
        end = space.end() if space else end
    return None


def _possessor(text: str, cands: list[_Cand], lo: int, hi: int,
               after_verb: bool = False) -> _Cand | None:
    """The owner of the last "X's comments" (a speech noun) between ``lo`` and ``hi``,
    whose words a quote after it gives rather than the subject's. Not, after a cue
    verb, when the quote at ``hi`` follows the noun right away: the subject's words
    about it (``Leahy called Netanyahu's speech "a stunt"``)."""
    nouns = lexicon().speech_nouns
    found = None
    for c in cands:
        if c.kind != "name" or not lo <= c.start or c.end > hi:
            continue
        m = _POSSESSIVE.match(text, c.end, hi)
        if m and (m["n1"] in nouns or m["n2"] in nouns) and \
                not (after_verb and not _MARK.sub("", text[m.end():hi]).strip()):
            found = c
    return found


def _intro(article: Article, sent: int, regions: Sequence[Region],
           cands: list[list[_Cand]]) -> tuple[_Cand, str, int, int] | None:
    """A sentence before ``sent`` that introduces the quote: it ends with a colon, or it
    is in the same paragraph and has a cue verb outside quotes."""
    if sent == 0:
        return None
    text = article.text
    s, cur = article.sentences[sent - 1], article.sentences[sent]
    colon = text[s.start:s.end].rstrip().endswith(":")
    if not colon and s.paragraph != cur.paragraph:
        return None
    quoted = [(r[0], r[1]) for r in regions]
    if not colon and any(s.start <= q[0] < s.end for q in quoted):
        return None  # its cue belongs to its own quote
    rest = _outside(text, cur.start, cur.end, quoted)
    if any(any(ch.isalpha() for ch in text[a:b]) for a, b in rest):
        return None  # the quote's own sentence says more than the quote
    verbs = _verbs(text, _outside(text, s.start, s.end, quoted))
    if not verbs:
        return None
    v = verbs[-1]
    sub = _subject_before(text, cands[s.index], v, s.start) or \
        _clause_subject(text, cands[s.index], s.start, v.start())
    return (sub, v["v"], v.start(), v.end()) if sub else None


# --- who a subject is -------------------------------------------------------------


def _compatible(c: _Cand, gender: str) -> bool:
    if gender == "p":
        return c.gender == "p"
    if gender == "s":  # one person, either gender
        return c.gender != "p" and c.kind == "name" and c.person
    return c.gender in {"", gender} and c.kind == "name" and c.person


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _after_preposition(text: str, c: _Cand, lo: int,
                       words: frozenset[str] = _PREPOSITIONS) -> bool:
    """``c`` is the object of a preposition (``from Carter Page``; one of ``words``),
    not a subject."""
    prev = [w.casefold().strip(",") for w in
            text[max(lo, c.start - 20):c.start].rstrip(QUOTE_MARKS).split()]
    if not prev:
        return False
    # "the top Republican on the House Committee called": the object of "on"
    return prev[-1] in words or (len(prev) > 1 and prev[-1] in {"the", "a", "an"} and
                                 prev[-2] in words)


def _speaks(text: str, c: _Cand, limit: int) -> bool:
    """``c`` is the subject of a cue verb before ``limit`` (``Scalia who said``)."""
    return any(_subject_before(text, [c], v, c.start)
               for v in _verbs(text, [(c.end, min(limit, c.end + 200))]))


def _antecedent(article: Article, sent: int, pos: int, gender: str,
                cands: list[list[_Cand]], spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """The person a pronoun at ``pos`` (in sentence ``sent``) stands for: in the nearest
    sentence (this one first, then back over at most three sentences with words outside
    quotes, and one paragraph break) that has one of the right gender or number, the
    speaker it gives a quote to, else its subject, else the first one it names.

    A sentence before that names no such person as a subject but has a pronoun like
    this one there (``Born in Puerto Rico, he ...``), or that opens with such a pronoun
    (``He took a photo of actress Ann Lee``), goes on the pronoun's chain: the
    person is further back (a subject or a speaker, not a name after a preposition), and
    the three sentences and one paragraph break count again from that sentence (at most
    :data:`_PRONOUN_REACH` sentences back in all)."""
    text = article.text
    sents = article.sentences
    looked, para, chained = 0, sents[sent].paragraph, False
    for j in range(sent, max(-1, sent - _PRONOUN_REACH), -1):
        if para - sents[j].paragraph > 1:
            break
        lo = sents[j].start
        before = [c for c in cands[j] if c.end <= pos or j < sent]
        names = [c for c in before if (c.kind == "name" or (gender == "p" and c.kind == "role"))
                 and _compatible(c, gender)]
        said = [c for c in spoken.get(j, []) if (c.end <= pos or j < sent) and
                _compatible(c, gender)]
        subjects = [c for c in names if not _after_preposition(text, c, lo, _objects_before())]
        speaking = [c for c in subjects if _speaks(text, c, sents[j].end if j < sent else pos)]
        # a he or she is a subject even after a conjunction ("as he described")
        same = [c for c in before if c.kind == "pron" and c.gender == gender] \
            if gender in {"m", "f"} else []
        if j < sent:  # the main clause's subject before one of a clause opening it
            main = _main_clause(text, lo, sents[j].end)
            subjects.sort(key=lambda c: c.start < main)
            if same and same[0].start == _past_lead(text, lo, sents[j].end):
                subjects = []  # "He took a photo of actress Ann Lee": not Ann Lee
            person = _role_subject(article, j, main, gender, cands, spoken) \
                if not said else None
            if person is not None:  # "The new president told ... / "...," he said."
                return person
        pick = said[-1:] or speaking[-1:] or (subjects[-1:] if j == sent else subjects[:1])
        if pick:
            return pick[0]
        if j < sent and same:
            looked, para, chained = 0, sents[j].paragraph, True  # the chain of "he" goes on
            continue
        if names and not chained and j < sent:
            return names[0]
        looked += j < sent and bool(before)
        if looked >= 3:
            break
    return None


def _role_subject(article: Article, j: int, main: int, gender: str,
                  cands: list[list[_Cand]], spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """The person a definite role opening the main clause of sentence ``j`` names, when
    it is one of ``gender`` and a name before it has the role's title (``President
    Trump ... The new president told Americans ...``) or, with none, the person it
    stands for as :func:`_titled_antecedent` finds it (``Ann Lee was sworn in as
    governor ... The governor addressed a crowd ... / "...," she said``); else None."""
    text = article.text
    opener = next((c for c in cands[j] if c.start >= main), None)
    if opener is None or opener.kind != "role" or not _definite_person(opener) or \
            opener.start != _past_lead(text, main, article.sentences[j].end) or \
            opener.gender not in {"", gender}:
        return None
    person = _role_stands_for(article, j, opener, cands, spoken)
    return person if person is not None and person.kind == "name" and person.person and \
        person.gender in {"", gender} else None


_PRONOUN_REACH = 12
"""A pronoun's person is looked for at most this many sentences back, however long the
chain of sentences whose subject is the same pronoun (bounded time per quote)."""


_OPENING_WORD = re.compile(r"\W*(\w+)")
_CLAUSE_COMMA = re.compile(r",[”\"’']?\s")


def _main_clause(text: str, start: int, end: int) -> int:
    """Where the main clause of the sentence ``text[start:end]`` starts: after the first
    comma when the sentence opens with a subordinate clause (``When …, ``), else at its
    start."""
    first = _OPENING_WORD.match(text, start, end)
    if not first or first[1].casefold() not in lexicon().subordinators:
        return start
    comma = _CLAUSE_COMMA.search(text, first.end(), end)
    return comma.end() if comma else start


def _role_person(article: Article, sent: int, role: _Cand,
                 cands: list[list[_Cand]]) -> _Cand | None:
    """The person a definite role (``the chief justice``) stands for: the nearest name
    before it with a matching title; for a body noun (``the group``), :func:`_body`."""
    lex = lexicon()
    noun = next(iter(role.titles))
    matching = lex.role_titles.get(noun, {noun})
    if not role.value.casefold().startswith("the ") or role.owner:
        return None
    text = article.text
    # capitalised words in the role ("the NATO chief") must be next to the person too
    marks = re.findall(r"\b[A-Z][\w.-]*", role.value.split(None, 1)[-1])
    for j in range(sent, -1, -1):
        for c in reversed(cands[j]):
            if c.kind == "name" and c.end <= role.start and c.titles & matching and \
                    all(m in text[max(0, c.start - 40):c.start] for m in marks):
                return c
    if noun in lex.org_words and not marks:
        return _body(article, sent, role, cands)
    return None


_BODY_REACH = 2
"""A definite body noun (``the group``) stands for an organisation named as a subject
in its own sentence or at most this many sentences before it."""


def _body(article: Article, sent: int, role: _Cand, cands: list[list[_Cand]]) -> _Cand | None:
    """The organisation a definite body noun stands for (``The nearby St. Louis Tea Party
    ... The group has drafted``): the first organisation named as a subject (not after a
    preposition) in the nearest of its sentence and the :data:`_BODY_REACH` before it
    that names one, in its paragraph or the one before; for a noun other than ``group`` /
    ``organization`` the name must hold the noun (``the committee``: ``the House Ethics
    Committee``); else None."""
    text, sents = article.text, article.sentences
    noun = next(iter(role.titles))
    generic = noun in {"group", "organization", "organisation"}
    for j in range(sent, max(-1, sent - _BODY_REACH - 1), -1):
        if sents[sent].paragraph - sents[j].paragraph > 1:
            break
        for c in cands[j]:
            if c.kind == "name" and not c.person and c.end <= role.start and \
                    not _after_preposition(text, c, sents[j].start,
                                           _PREPOSITIONS - _NOT_PREPOSITIONS) and \
                    (generic or noun in c.value.casefold().split()):
                return c
    return None


def _who(article: Article, sent: int, sub: _Cand, cands: list[list[_Cand]],
         spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """The speaker a subject names, or None when it cannot be told."""
    if sub.kind == "name":
        return sub
    if sub.kind == "pron":
        if sub.gender == "1":
            return None
        if sub.gender == "d":
            return _document_before(article, sent, sub.start, cands, spoken)
        return _antecedent(article, sent, sub.start, sub.gender, cands, spoken)
    named = _apposed(article.text, cands, sent, sub)
    if named is not None:
        return named
    if sub.owner:
        return _Cand(sub.start, sub.end, "name", sub.owner)
    if next(iter(sub.titles)) in lexicon().document_nouns:
        his = _HIS.match(sub.value)
        if his:  # "on his website": the person "his" stands for
            return _antecedent(article, sent, sub.start, "m" if his[1] == "s" else "f",
                               cands, spoken)
        definite = sub.value.casefold().startswith("the ")
        return _document_owner(article, sent, sub, cands, spoken) or (sub if definite else None)
    return _role_stands_for(article, sent, sub, cands, spoken) or sub


def _role_stands_for(article: Article, sent: int, role: _Cand, cands: list[list[_Cand]],
                     spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """The person the role ``role`` of sentence ``sent`` stands for: a name before it with
    its title (:func:`_role_person`), else the person a he or she would stand for
    (:func:`_titled_antecedent`); None when neither finds one."""
    return _role_person(article, sent, role, cands) or \
        _titled_antecedent(article, role, cands, spoken)


def _titled_antecedent(article: Article, role: _Cand, cands: list[list[_Cand]],
                       spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """The person a definite role whose noun is a title (``the Utah governor``, ``the
    committee chairman``) stands for when no name before it has that title: the one a
    he or she opening its sentence would stand for, looked for from the sentence before
    (not a name earlier in its own sentence: ``Asked about Ann Lee, the governor said``);
    None for a plain noun (``the man``), a body or a document."""
    noun = next(iter(role.titles))
    if not _definite_person(role) or role.owner or noun not in _title_words() or \
            noun in lexicon().org_words:
        return None
    sents = article.sentences
    j = bisect_right([s.start for s in sents], role.start) - 1
    if any(c.kind == "role" and c.titles == role.titles and c.start < role.start and
           not _THE.match(c.value) for k in range(max(0, j - 3), j + 1) for c in cands[k]):
        return None  # "A spokesperson for Google says ... the spokesperson said": that one
    return _antecedent(article, j, sents[j].start, role.gender or "s", cands, spoken)


_HIS = re.compile(r"[Hh](i|e)[sr]\s")


def _document_before(article: Article, sent: int, pos: int, cands: list[list[_Cand]],
                     spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """Whose words an "it" before a cue verb (``," it says``) gives: the last document
    named before ``pos`` in this sentence or the three before it, in this paragraph or
    the one before (``Labrador says this about himself on his website: ...``), when
    :func:`_who` reads a name as its owner; else None (not "the resolution": one more
    step from a name than "the resolution said")."""
    sents, documents = article.sentences, lexicon().document_nouns
    for j in range(sent, max(-1, sent - 4), -1):
        if sents[sent].paragraph - sents[j].paragraph > 1:
            break
        docs = [c for c in cands[j] if c.kind == "role" and c.end <= pos and
                next(iter(c.titles)) in documents]
        if docs:
            who = _who(article, j, docs[-1], cands, spoken)
            return who if who is not None and who.kind == "name" else None
    return None


_COMMA = re.compile(r"\s*,\s*")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:]|$)")


def _apposed(text: str, cands: list[list[_Cand]], sent: int, role: _Cand) -> _Cand | None:
    """The person a singular role is in apposition with: ``Ann Berg, a spokeswoman,``
    or ``a spokeswoman, Ann Berg,`` (the name closing the apposition), or the body a body
    noun is (``the Log Cabin Republicans, a gay rights group,``); else None."""
    lex = lexicon()
    noun = next(iter(role.titles))
    if role.gender == "p" or noun in lex.document_nouns:
        return None
    for j in range(max(0, sent - 1), min(len(cands), sent + 2)):
        for c in cands[j]:
            if c.kind != "name" or not (c.person or noun in lex.org_words):
                continue  # "the Log Cabin Republicans, a gay rights group,": a body
            if c.end <= role.start and _COMMA.fullmatch(text, c.end, role.start):
                return c
            if c.start >= role.end and _COMMA.fullmatch(text, role.end, c.start) and \
                    _APPOSITION_END.match(text, c.end):
                return c
    return None


_OWN_BODIES = ("office", "campaign", "editorial board")
"""A person's or a paper's own body that speaks for them (``Jones’ campaign told``, ``The
Washington Post’s editorial board said``)."""


@cache
def _owned_document() -> re.Pattern:
    """Between a name and its cue verb, the name's document or own body (``FreedomWorks’
    website said``, ``Weiner's office initially said``, :data:`_OWN_BODIES`): the name
    speaks."""
    nouns = "|".join(re.escape(n) for n in sorted({*lexicon().document_nouns, *_OWN_BODIES},
                                                   key=len, reverse=True))
    return re.compile(rf"(?:['’]s|(?<=s)['’])\s+(?:[a-z]+\s+)?(?:{nouns})\s+"
                      r"(?:(?:[a-z]+ly|also|then|had|has|have|would|will)\s+)*")


@cache
def _document_verbs() -> re.Pattern:
    verbs = sorted(lexicon().document_verbs, key=len, reverse=True)
    return re.compile(rf"\b(?P<v>{'|'.join(re.escape(v) for v in verbs)})\b")


_FROM = re.compile(r".*\sfrom\s.*(?<!['’]s)(?<!s['’])", re.S)
"""A role whose owner gave it (``a letter from Rep. Ann Lee``; not ``a letter to Mr. Hale``
nor ``the statement from Grimm's``, whose attorney speaks)."""


def _document_owner(article: Article, sent: int, doc: _Cand, cands: list[list[_Cand]],
                    spoken: dict[int, list[_Cand]]) -> _Cand | None:
    """Whose document (a statement, a letter) with no owner of its own a quote is: the
    name that, in the document's own sentence or (for ``the statement``) the nearest
    sentence before it in this paragraph or the one before that names the same kind of
    document, gives it out (``X said in a statement``, ``X issued a statement``: the
    subject of the cue or document verb right before the noun), or the speaker that
    sentence gives a quote to. None when no such sentence names one."""
    text, sents = article.text, article.sentences
    noun = re.compile(rf"\b{re.escape(next(iter(doc.titles)))}s?\b", re.IGNORECASE)
    first = sent if not doc.value.casefold().startswith("the ") else 0
    for j in range(sent, first - 1, -1):
        s = sents[j]
        if sents[sent].paragraph - s.paragraph > 1:
            break
        mentions = list(noun.finditer(text, s.start, s.end)) if j < sent else []
        if j < sent and not mentions:
            continue
        at = mentions[-1].start() if mentions else doc.start
        owned = [c for c in cands[j] if j < sent and c.kind == "role" and c.owner and
                 c.titles == doc.titles and c.start <= at and _FROM.fullmatch(c.value)]
        if owned:  # "a letter from Rep. Ann Lee ..." / "The letter says": Ann Lee's (not
            # "a letter to Mr. Hale", nor "the statement from Grimm's attorney, ...")
            return _Cand(owned[-1].start, owned[-1].end, "name", owned[-1].owner)
        said = [c for c in spoken.get(j, []) if c.kind == "name" and c.end <= at]
        if said:
            return said[-1]
        names = [c for c in cands[j] if c.kind == "name"]
        verbs = [*_verbs(text, [(s.start, at)]), *_document_verbs().finditer(text, s.start, at)]
        for v in sorted(verbs, key=lambda v: -v.start()):
            if len(text[v.end():at].split()) > 3:
                continue
            sub = _subject_before(text, names, v, s.start)
            if sub is not None:
                return sub
    return None


def attribute(
    article: Article, regions: Sequence[Region], details=None
) -> list[tuple[str, str, str]]:
    """(speaker, verb, setting) of each quote region of ``article``, ``""`` where unknown.
    ``details`` are the article's details when already extracted (else extracted here).

    ``regions`` are in text order. A quote with no attribution of its own takes the one
    of the quote it continues: the one it was left open into, else the one before it in
    its paragraph (or, for a quote that opens its paragraph with nothing else in it,
    the last quote of the paragraph before); or it is introduced by the sentence before
    it; else it takes the next quote of its paragraph.
    """
    text = article.text
    cands = _candidates(article, regions, details)
    sents = article.sentences
    spoken: dict[int, list[_Cand]] = {}
    found: list[tuple[_Cand | None, str, int, int] | None] = []
    for k, region in enumerate(regions):
        own = _own(article, k, region, regions, cands)
        if own is None:
            found.append(None)
            continue
        sub, verb, vs, ve = own
        if sub is _NOBODY:
            found.append((None, verb, vs, ve))
            continue
        who = _who(article, region[3][0], sub, cands, spoken)
        if who is sub and sub.kind == "role" and not verb and \
                _CAPITAL.search(sub.value, sub.value.find(" ") + 1):
            who = None  # "The Senate speaker ... gave his party a "fair chance"": a role
            # a body or name modifies, with no cue verb, that names nobody is no speaker
        if who is not None and verb:  # said by someone, not a phrase of "X's remark"
            spoken.setdefault(region[3][0], []).append(
                _Cand(sub.start, sub.end, who.kind, who.value, who.gender or sub.gender,
                      person=who.person))
        found.append((who, verb, vs, ve))
    for k, (_, _, left_open, sent_ids) in enumerate(regions):
        if found[k] is not None:
            continue
        para = sents[sent_ids[0]].paragraph
        prev = k - 1 if k and sents[regions[k - 1][3][-1]].paragraph == para else None
        if prev is None and k and _alone(article, regions, k):
            prev = k - 1
        if left_open and k + 1 < len(regions) and found[k + 1] is not None:
            found[k] = found[k + 1]
        elif prev is not None and found[prev] is not None:
            found[k] = found[prev]
        else:
            intro = _intro(article, sent_ids[0], regions, cands)
            if intro is not None:
                sub, verb, vs, ve = intro
                found[k] = (_who(article, sent_ids[0] - 1, sub, cands, spoken), verb, vs, ve)
            elif k + 1 < len(regions) and sents[regions[k + 1][3][0]].paragraph == para \
                    and found[k + 1] is not None:
                found[k] = found[k + 1]
            elif (lead := _paragraph_lead(article, regions, k, cands)) is not None:
                who = _who(article, lead[1], lead[0], cands, spoken)
                found[k] = (who, "", regions[k][0], regions[k][0]) if who else None
    out = []
    region_starts = sorted(r[0] for r in regions)
    sent_starts = [s.start for s in sents]
    for f in found:
        if f is None:
            out.append(("", "", ""))
            continue
        who, verb, vs, ve = f
        # the next quote's start after the verb, the end of the verb's sentence
        k = bisect_right(region_starts, ve)
        limit = region_starts[k] - 1 if k < len(region_starts) else len(text)
        k = bisect_right(sent_starts, vs) - 1
        sent_end = sents[k].end if k >= 0 and vs < sents[k].end else len(text)
        setting = _setting(text, vs, ve, min(limit, sent_end)) if ve > vs else ""
        out.append((who.value if who else "", verb, setting))
    return out


def _alone(article: Article, regions: Sequence[Region], k: int) -> bool:
    """Quote ``k`` opens its paragraph, the paragraph before ends in a quote, and
    nothing but quotes fills the paragraph."""
    sents = article.sentences
    para = sents[regions[k][3][0]].paragraph
    prev_para = sents[regions[k - 1][3][-1]].paragraph
    return prev_para == para - 1 and _only_quotes(article, regions, para)


def _only_quotes(article: Article, regions: Sequence[Region], para: int) -> bool:
    """Nothing but quotes fills paragraph ``para``."""
    text = article.text
    ps = [s for s in article.sentences if s.paragraph == para]
    quoted = [(r[0], r[1]) for r in regions]
    rest = "".join(text[a:b] for a, b in _outside(text, ps[0].start, ps[-1].end, quoted))
    return not any(ch.isalpha() for ch in rest)


def _paragraph_lead(article: Article, regions: Sequence[Region], k: int,
                    cands: list[list[_Cand]]) -> tuple[_Cand, int] | None:
    """For quote ``k`` that opens a paragraph of nothing but quotes after a paragraph
    with none (``Vice President Joe Biden voiced his support ... / "Anybody who thinks
    ..."``): the person named as the subject of the main clause of that paragraph's last
    sentence, and that sentence's index; else None."""
    text, sents = article.text, article.sentences
    first = regions[k][3][0]
    para = sents[first].paragraph
    if first == 0 or not _only_quotes(article, regions, para):
        return None
    last = sents[first - 1]
    if last.paragraph != para - 1 or (k and sents[regions[k - 1][3][-1]].paragraph == para - 1):
        return None
    sub = _clause_subject(text, cands[last.index], _main_clause(text, last.start, last.end),
                          last.end)
    if sub is None or sub.kind != "name" or not sub.person:
        return None  # a pronoun there is too far from its person to tell
    return sub, last.index
