"""Sentences, credit lines and words, each with its span in the original text.

Sentence boundaries come from syntok, which handles the conventions of news text
(``U.S.``, ``Gen.``, ``9/11``, quotes that run over several sentences, a quote left
open at a paragraph end). This module adds what syntok does not know: credit and
byline lines (``— Age``, ``By Jane Doe``) are metadata, not content sentences.
"""

from __future__ import annotations

import re
import unicodedata

from syntok import segmenter

from compare.models import Credit, Sentence, Word

# A credit line: a dash and one to four capitalised words, alone at the very start or
# end of the article (``— Age``, ``-- Reuters``, ``— AP``, ``— The Age``).
_CREDIT_TAIL = re.compile(
    r"(?:(?<=[.!?\"'”’)\]])|(?<=^)|(?<=\n))[ \t]*(?P<credit>[—–]|--?)[ \t]*"
    r"(?P<value>(?:[A-Z][\w&.'’-]*)(?:[ \t]+[A-Z][\w&.'’-]*){0,3})[ \t]*\s*\Z"
)
# A byline: ``By Jane Doe`` (optionally ``and John Roe``) on a line of its own.
_BYLINE = re.compile(
    r"^[ \t]*(?P<credit>By[ \t]+(?P<value>[A-Z][\w.'’-]*"
    r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'’-]*){0,5}))[ \t]*\r?$",
    re.MULTILINE,
)

# Words: numbers with separators (100,000 / 9/11 / 2.5 / 30-country is two parts),
# abbreviations with inner dots (U.S.), words with inner apostrophes or hyphens, the
# possessive 's as a token of its own, and any other single non-space character.
_TOKEN = re.compile(
    r"""
    (?P<possessive>['’][sS](?![\w]))
    | (?P<number>\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?)
    | (?P<abbrev>(?:[A-Za-z]\.){2,})
    | (?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*(?=['’][sS]\b)|[^\W_]+(?:[-'’][^\W_]+)*)
    | (?P<other>\S)
    """,
    re.VERBOSE,
)

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
    }
)

FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here
    of in on at by for from to with without into onto upon over under about above below
    between among through during before after since until against across along around
    as per via off out up down
    i me my mine we us our ours you your yours he him his she her hers it its they them
    their theirs who whom whose which what when where why how
    is am are was were be been being do does did done doing have has had having
    will would shall should can could may might must
    not no s 's
    all any both each few more most other some such only own same too very just also
    again further once
    """.split()
)


def normalize(token: str) -> str:
    """Fold case, curly quotes and apostrophes, dashes and Unicode compatibility forms."""
    return unicodedata.normalize("NFKC", token).translate(_FOLD).casefold()


def _is_content(kind: str, token: str, norm: str, opens_sentence: bool) -> bool:
    """Content word: not punctuation, not a function word. A function word's spelling
    counts as content when written as an acronym (``U.S.``, ``US``, ``WHO``) or
    capitalised inside a sentence (the month ``May``, ``The Age``)."""
    if kind not in {"number", "abbrev", "word"}:
        return False
    if norm not in FUNCTION_WORDS:
        return True
    if kind == "abbrev" or (len(token) > 1 and token.isupper()):
        return True
    return token[:1].isupper() and not opens_sentence


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Word, ...]:
    """Words of ``text[start:end]``, each with its span in ``text``.

    The span is taken to start a sentence: its first word (or the first after an opening
    quotation mark or colon) is not taken for a name because of its capital letter.
    """
    end = len(text) if end is None else end
    words = []
    opens_sentence = True
    for m in _TOKEN.finditer(text, start, end):
        token, kind = m.group(), m.lastgroup
        norm = normalize(token)
        if kind == "abbrev":
            norm = norm.replace(".", "")
        content = _is_content(kind, token, norm, opens_sentence)
        words.append(Word(m.start(), m.end(), token, norm, content))
        if kind in {"number", "abbrev", "word"}:
            opens_sentence = False
        elif norm in {'"', ":", ".", "!", "?"}:
            opens_sentence = True
    return tuple(words)


def function_word_share(words) -> float:
    """Share of word tokens that are English function words (about 0.4 to 0.55 in English
    news; under 0.15 in most other languages). 0.0 when there are no words."""
    tokens = [w for w in words if w.is_word]
    if not tokens:
        return 0.0
    return sum(w.norm in FUNCTION_WORDS for w in tokens) / len(tokens)


def find_credits(text: str) -> tuple[Credit, ...]:
    """Credit lines at the end (``— Age``) and bylines (``By Jane Doe``) of an article."""
    credits = []
    for m in _BYLINE.finditer(text):
        if not text[: m.start()].strip():  # only a byline that opens the article
            credits.append(Credit(m.start("credit"), m.end("credit"), m["credit"], m["value"]))
    tail = _CREDIT_TAIL.search(text)
    if tail:
        start, end = tail.start("credit"), tail.end("value")
        credits.append(Credit(start, end, text[start:end], tail["value"]))
    return tuple(credits)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Content sentences of ``text``; credit lines are left out (see :func:`find_credits`).

    ``paragraph`` counts blank-line separated paragraphs from 0.
    """
    credits = find_credits(text)
    spans: list[tuple[int, int, int]] = []  # start, first-token offset of next, paragraph
    starts: list[tuple[int, int]] = []
    for paragraph, para in enumerate(segmenter.analyze(text)):
        for sentence in para:
            if sentence:
                starts.append((sentence[0].offset, paragraph))
    sentences = []
    for k, (start, paragraph) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        for credit in credits:
            if start <= credit.start < end:
                end = credit.start
            if credit.start <= start < credit.end:
                start = credit.end
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end, paragraph))
    for index, (start, end, paragraph) in enumerate(spans):
        sentences.append(Sentence(index, start, end, text[start:end], paragraph))
    return tuple(sentences)
