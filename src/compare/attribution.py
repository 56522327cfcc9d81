"""Who said a quote, with which cue verb, and where: the attribution of direct quotes.

Attribution is read outside the marks of the quote's sentences: after the quote
(``", he told an online press conference``, ``," said Smith``) or before it
(``He said, "...``, ``Stoltenberg said NATO has suspended "all support"``). Pronouns
(``he``) take the last named speaker, full names come from :mod:`compare.details`
(``Stoltenberg`` -> ``Jens Stoltenberg``), and a quote with no attribution of its own
takes the one of the quote it continues. ``setting`` is the cue verb with the phrase
after it up to its last setting noun (``told international press in a virtual press
conference``). Cue verbs, speaker nouns (``the spokesman``) and setting nouns come from
:func:`compare.lexicon.lexicon`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from compare.details import extract_details
from compare.lexicon import lexicon
from compare.models import Article
from compare.segment import QUOTE_MARKS, tokenize

__all__ = ["attribute"]

_MARK = re.compile(f"[{QUOTE_MARKS}]")
_PRONOUNS = {"he", "she", "they", "i", "we"}
_STOPS = {"after", "before", "that", "when", "while", "on", "as", "but", "and", "where",
          "today", "earlier", "later", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "because", "which", "who"}
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:al|bin|van|von|de)\b)?\s+){0,4}[A-Z][\w'’-]*"

Region = tuple[int, int, bool, list[int]]
"""A quote's (start, end, left_open, sentence indices), as :mod:`compare.quotes` finds it."""


@cache
def _speaker_regex() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    verbs = "|".join(sorted(lex.quote_cue_verbs, key=len, reverse=True))
    nouns = "|".join(sorted(lex.speaker_nouns, key=len, reverse=True))
    speaker = (rf"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,3}}?"
               rf"(?:{nouns})|{_NAME})")
    after = re.compile(
        rf"^[\s,.!?;:—–-]*(?:(?P<sp1>{speaker})\s+(?:also\s+|later\s+|then\s+)?"
        rf"(?P<v1>{verbs})\b|(?P<v2>{verbs})\s+(?P<sp2>{speaker})\b|according\s+to\s+"
        rf"(?P<sp3>{speaker}))")
    before = re.compile(rf"(?P<sp>{speaker})\s+(?:also\s+|later\s+|then\s+)?(?P<v>{verbs})\b")
    verb = re.compile(rf"\b(?P<v>{verbs})\b")
    subject = re.compile(rf"^\W*(?P<sp>{speaker})\s")
    return after, before, verb, subject


def _setting(text: str, verb_start: int, verb_end: int, limit: int) -> str:
    """The cue verb and the phrase after it up to its last setting noun, or ``""``."""
    nouns = lexicon().setting_nouns
    end = None
    for w in tokenize(text, verb_end, limit):
        if not w.is_word or w.norm in _STOPS:
            break
        if w.norm in nouns:
            end = w.end
    return text[verb_start:end] if end else ""


def _attribution(article: Article, q: tuple[int, int], starts: list[int], ends: list[int],
                 sents: list[int]) -> tuple[str, str, str, int, int] | None:
    """(speaker, verb, setting, speaker_start, speaker_end) for one quote, or None.

    ``starts`` and ``ends`` are the sorted starts and ends of all the article's quotes.
    """
    text = article.text
    s0, s1 = article.sentences[sents[0]].start, article.sentences[sents[-1]].end
    after_re, before_re, verb_re, subject_re = _speaker_regex()
    close = q[1] + 1 if q[1] < len(text) and _MARK.match(text, q[1]) else q[1]
    k = bisect_right(starts, q[1])  # the next quote opens at starts[k]
    nxt = min(starts[k] - 1, s1) if k < len(starts) else s1
    m = after_re.match(text[close:nxt])
    if m:
        sp = "sp1" if m["sp1"] else "sp2" if m["sp2"] else "sp3"
        v = "v1" if m["v1"] else "v2"
        verb = m[v] if m[v] else "according to"
        vs, ve = (close + m.start(v), close + m.end(v)) if m[v] else (close, close)
        return (m[sp], verb, _setting(text, vs, ve, nxt), close + m.start(sp),
                close + m.end(sp))
    k = bisect_left(ends, q[0]) - 1  # the previous quote closes at ends[k]
    prev = max(ends[k] + 1, s0) if k >= 0 else s0
    before_start = prev
    before = text[prev:q[0]]
    verbs = list(verb_re.finditer(before))
    if not verbs:
        return None
    v = verbs[-1]
    found = [b for b in before_re.finditer(before) if b.end("v") <= v.end()]
    if found and found[-1].start("v") == v.start():
        b = found[-1]
    else:
        b = subject_re.match(text[s0:q[0]])
        if b is not None:
            prev = s0
        if b is None:
            return None
    vs = before_start + v.start()
    setting = _setting(text, vs, vs + len(v["v"]), q[0] - 1)
    return b["sp"], v["v"], setting, prev + b.start("sp"), prev + b.end("sp")


def _persons(article: Article, details=None) -> list[tuple[int, int, str]]:
    """(start, end, full name as written) of every person mention, in text order;
    ``details`` are the article's details when already extracted."""
    details = extract_details(article) if details is None else details
    details = [d for d in details if d.kind == "name"]
    longest: dict[str, str] = {}
    for d in details:
        if len(d.text) > len(longest.get(d.value, "")):
            longest[d.value] = d.text
    return [(d.start, d.end, longest[d.value]) for d in details if d.category == "person"]


def _resolve(raw: str, start: int, end: int, persons: list[tuple[int, int, str]],
             person_starts: list[int], person_ends: list[int], last_named: str) -> str:
    """A speaker's full name: pronouns take the last named speaker (or person named).

    ``persons`` are in text order and never overlap, so their starts and ends (given
    as ``person_starts`` and ``person_ends``) are both sorted.
    """
    if raw.casefold() in _PRONOUNS:
        if raw.casefold() in {"i", "we"}:
            return ""
        if last_named:
            return last_named
        k = bisect_right(person_ends, start)  # persons[:k] end before the pronoun
        return persons[k - 1][2] if k else raw
    inside = ""
    for k in range(bisect_left(person_starts, start), len(persons)):
        p = persons[k]
        if p[0] >= end:
            break
        if p[1] <= end:
            inside = p[2]
    return inside or raw.strip()


def attribute(
    article: Article, regions: Sequence[Region], details=None
) -> list[tuple[str, str, str]]:
    """(speaker, verb, setting) of each quote region of ``article``, ``""`` where unknown.
    ``details`` are the article's details when already extracted (else extracted here).

    ``regions`` are in text order. A quote with no attribution of its own takes the one
    of the quote it continues: the next one when it was left open, else a neighbour in
    the same paragraph.
    """
    starts = [r[0] for r in regions]
    ends = [r[1] for r in regions]
    attrs = [_attribution(article, (r[0], r[1]), starts, ends, r[3]) for r in regions]
    para = {s.index: s.paragraph for s in article.sentences}
    for k, (_, _, left_open, sents) in enumerate(regions):
        if attrs[k] is not None:
            continue
        same = [j for j in (k - 1, k + 1) if 0 <= j < len(regions)
                and para[regions[j][3][0]] == para[sents[0]] and attrs[j] is not None]
        if left_open and k + 1 < len(regions) and attrs[k + 1] is not None:
            attrs[k] = attrs[k + 1]
        elif same:
            attrs[k] = attrs[same[0]]
    persons = _persons(article, details)
    person_starts = [p[0] for p in persons]
    person_ends = [p[1] for p in persons]
    out, last_named = [], ""
    for attr in attrs:
        speaker = verb = setting = ""
        if attr:
            raw, verb, setting, sp_start, sp_end = attr
            speaker = _resolve(raw, sp_start, sp_end, persons, person_starts, person_ends,
                               last_named)
            if raw.casefold() not in _PRONOUNS and speaker:
                last_named = speaker
        out.append((speaker, verb, setting))
    return out
