"""Sentences, credit lines and words, each with its span in the original text.

Sentence boundaries come from syntok, which handles the conventions of news text
(``U.S.``, ``Gen.``, ``9/11``, quotes that run over several sentences, a quote left
open at a paragraph end). This module adds what syntok does not know: credit and
byline lines (``— Age``, ``By Jane Doe``) are metadata, not content sentences.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from syntok import segmenter
from syntok.tokenizer import Tokenizer

from compare.records import Credit, QuoteSpan, Sentence, Word, has_letter_or_digit

TITLES = frozenset(
    """
    Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Profs Hon
    Rep Reps Sen Sens Gov Govs Lt Lts Pres Amb Atty Sec Supt Treas Cong Ald Insp Det Ofc
    Gen Gens Col Cols Maj Majs Capt Capts Cmdr Cdr Adm Adms Brig Cmdt Sgt Sgts Cpl Cpls
    Pvt Pvts Pfc Spc Ens
    Rev Revs Rt Msgr Fr
    """.split()
)
"""Titles written with a full stop before a name (courtesy, academic, political, military,
religious, and their plurals): a sentence never ends after one. Suffixes (``Jr.``) and
place words (``St.``, ``Ft.``) are not here: they do end sentences. names.py may import
this list for its own use."""

# A credit line: a dash and one to four capitalised words, alone at the very start or
# end of the article (``— Age``, ``-- Reuters``, ``— AP``, ``— The Age``). It is searched
# for only in the last ``_CREDIT_REACH`` characters before the trailing white space, so
# that no input, however long or odd, makes the search slow.
_CREDIT_TAIL = re.compile(
    r"(?:(?<=[.!?\"'”’)\]])|(?<=^)|(?<=\n))[ \t]*(?P<credit>[—–]|--?)[ \t]*"
    r"(?P<value>(?:[A-Z][\w&.'’-]*)(?:[ \t]+[A-Z][\w&.'’-]*){0,3})\Z"
)
_CREDIT_REACH = 200
# Closing notes of news sites, each a whole line among the last lines of an article: the
# print-edition note, who contributed reporting, where to follow the reporter. They are
# metadata like a credit line; only the last ``_CLOSING_LINES`` lines of at most
# ``_CLOSING_LENGTH`` characters are looked at.
_CLOSING = re.compile(
    r"(?P<value>A version of this [\w ,'’-]{1,40}? appears? in print\b.*"
    r"|(?P<by>[A-Z].{0,200}?) (?:also )?contributed (?:reporting|to this "
    r"(?:report|story|article))\b.{0,80}"
    r"|(?:Additional )?[Rr]eporting by (?P<by2>.{1,200})"
    r"|Follow .{1,80}? on (?:Twitter|Facebook|Instagram|Threads)\b.*)"
)
_CLOSING_LINES = 4
_CLOSING_LENGTH = 400
# A sentence that ends in a title (``… calls on Rep.``) runs on into the next one.
_TITLE_END = re.compile(r"(?<![\w.'’])(?:" + "|".join(sorted(TITLES)) + r")\.\Z")
_TITLE_REACH = max(map(len, TITLES)) + 1

# syntok is given a paragraph at most ``_CHUNK`` characters at a time. Its decision at a
# sentence boundary looks a few dozen tokens ahead, so the sentences found more than
# ``_CHUNK_MARGIN`` characters before the end of a chunk are final, and the next chunk
# starts at the last of them: a long paragraph gives the same sentences as in one piece,
# and the work stays linear (syntok slows down on some long inputs). A chunk with no
# settled boundary restarts at its last sentence (after one of 15,000 characters or more);
# a chunk that is all one sentence is cut at its last line break, else its last white space.
_CHUNK = 20_000
_CHUNK_MARGIN = 5_000
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")

# A byline: ``By Jane Doe`` (optionally ``and John Roe``) on a line of its own.
_BYLINE = re.compile(
    r"^[ \t]*(?P<credit>By[ \t]+(?P<value>[A-Z][\w.'’-]*"
    r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'’-]*){0,5}))[ \t]*\r?$",
    re.MULTILINE,
)

# Invisible characters: the soft hyphen, zero-width space, non-joiner and joiner, word
# joiner and a byte-order mark inside text. They belong to the word they sit in and are
# dropped from its norm, so that "inter\u00adnational" compares equal to "international".
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

# Words: numbers with separators (100,000 / 9/11 / 2.5 / 30-country is two parts),
# abbreviations with inner dots (U.S.), words with inner apostrophes or hyphens, the
# possessive 's as a token of its own, and any other single non-space character.
_LETTERS = rf"[^\W\d_]+(?:[{_INVISIBLE}]+[^\W\d_]+)*"  # letters, invisibles inside
_ALNUM = rf"[^\W_]+(?:[{_INVISIBLE}]+[^\W_]+)*"  # letters and digits, invisibles inside
_TOKEN = re.compile(
    r"""
    (?P<possessive>['’][sS](?![\w]))
    | (?P<number>\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?)
    | (?P<abbrev>(?:[A-Za-z]\.){2,})
    | (?P<word>LETTERS(?:['’-]LETTERS)*(?=['’][sS]\b)|ALNUM(?:[-'’]ALNUM)*)
    | (?P<other>[^\sINVISIBLE])
    """.replace("LETTERS", _LETTERS).replace("ALNUM", _ALNUM).replace("INVISIBLE", _INVISIBLE),
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
        **dict.fromkeys(_INVISIBLE),
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
    """Fold case, curly quotes and apostrophes, dashes and Unicode compatibility forms;
    drop soft hyphens and zero-width characters."""
    if token.isascii():  # NFKC and the folds leave ASCII as it is: only the case to fold
        return token.lower()
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
        assert kind is not None  # every alternative of _TOKEN is a named group
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
    # Word.is_word, spelled out: a property call per token was most of this function
    norms = [w.norm for w in words if w.text.isalnum() or has_letter_or_digit(w.text)]
    if not norms:
        return 0.0
    return sum(map(FUNCTION_WORDS.__contains__, norms)) / len(norms)


def find_credits(text: str) -> tuple[Credit, ...]:
    """Credit lines at the end (``— Age``), bylines (``By Jane Doe``) and the closing notes
    of news sites (``Jane Roe contributed to this report.``, ``A version of this article
    appears in print on …``, ``Follow Jane Roe on Twitter``) of an article, in text order."""
    credits = []
    opening = len(text) - len(text.lstrip())
    m = _BYLINE.match(text, text.rfind("\n", 0, opening) + 1)  # only one that opens the article
    if m:
        credits.append(Credit(m.start("credit"), m.end("credit"), m["credit"], m["value"]))
    last = len(text.rstrip())
    tail = _CREDIT_TAIL.search(text, max(0, last - _CREDIT_REACH), last)
    if tail:
        start, end = tail.start("credit"), tail.end("value")
        credits.append(Credit(start, end, text[start:end], tail["value"]))
    credits += _closing_notes(text, opening, last)
    return tuple(sorted(credits, key=lambda c: c.start))


def _closing_notes(text: str, opening: int, end: int) -> list[Credit]:
    """The closing notes (:data:`_CLOSING`) among the last lines of ``text`` before
    ``end`` (the end of its last non-space character), each a whole line; the search
    stops at the first line from the end that is not one."""
    notes = []
    for _ in range(_CLOSING_LINES):
        start = text.rfind("\n", max(opening, end - _CLOSING_LENGTH), end) + 1
        if start == 0 and end - opening > _CLOSING_LENGTH:
            break  # a line too long to be a note
        start = max(start, opening)
        line = text[start:end].strip()
        m = _CLOSING.fullmatch(line)
        if not m or start == opening:  # the article's only line is its content
            break
        first = start + text[start:end].index(line[0])
        notes.append(Credit(first, first + len(line), line, m["by"] or m["by2"] or line))
        end = len(text[:start].rstrip())
    return notes


def _syntok_starts(piece: str) -> list[int]:
    tokens = Tokenizer(replace_not_contraction=False).tokenize(piece)
    return [sentence[0].offset for sentence in segmenter.segment(tokens) if sentence]


def _sentence_starts(paragraph: str) -> list[int]:
    """Offsets in ``paragraph`` where syntok starts a sentence, found chunk by chunk."""
    starts: list[int] = []
    pos = 0
    while pos < len(paragraph):
        end = pos + _CHUNK
        if end >= len(paragraph):
            starts += [pos + k for k in _syntok_starts(paragraph[pos:])]
            break
        found = _syntok_starts(paragraph[pos:end])
        settled = [k for k in found if k <= _CHUNK - _CHUNK_MARGIN]
        if len(settled) >= 2 or len(found) >= 2:  # else one sentence fills the chunk
            restart = settled[-1] if len(settled) >= 2 else found[-1]
            starts += [pos + k for k in found if k < restart]
            pos += restart
            continue
        lo = pos + _CHUNK // 2
        cut = paragraph.rfind("\n", lo, end) + 1
        if not cut:
            space = _LAST_SPACE.search(paragraph, lo, end)
            cut = space.end() if space else end
        starts += [pos + k for k in found if pos + k < cut]
        pos = cut
    return starts


def _ends_in_title(text: str, start: int, end: int) -> bool:
    while end > start and text[end - 1].isspace():
        end -= 1
    return _TITLE_END.search(text, max(start, end - _TITLE_REACH), end) is not None


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Content sentences of ``text``; credit lines are left out (see :func:`find_credits`).

    ``paragraph`` counts blank-line separated paragraphs from 0. Paragraphs are split one
    by one and a long one in bounded chunks, so the time grows linearly with the text.
    """
    credits = find_credits(text)
    starts: list[tuple[int, int]] = []  # first-token offset, paragraph
    for paragraph, (offset, piece) in enumerate(segmenter.preprocess_with_offsets(text)):
        for k in _sentence_starts(piece):
            start = offset + k
            if starts and starts[-1][1] == paragraph and _ends_in_title(text, starts[-1][0], start):
                continue  # "… calls on Rep." runs on into "Akin to drop …"
            starts.append((start, paragraph))
    spans: list[tuple[int, int, int]] = []
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
    return tuple(
        Sentence(index, start, end, text[start:end], paragraph)
        for index, (start, end, paragraph) in enumerate(spans)
    )


# --- quotation marks -------------------------------------------------------------------
#
# The one scanner of "inside quotation marks": quotes, attribution, the word diff's
# ``quote`` edits, framing and the quote test of the aligner all read quote_spans().

QUOTE_MARKS = "\"“”„‟«»"
"""Marks that open or close a quote: straight and curly double quotes, low and reversed
double quotes, guillemets. Single marks are not among them (see :func:`quote_spans`)."""
_OPENING_MARKS = "“„‟«"
_CLOSING_MARKS = "”»"
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")
_OPENS_AFTER = "([{—–-"
"""A straight mark after a space, the start of the text or one of these opens a quote."""
_CLOSES_BEFORE = ",.;:!?)"
"""A straight mark followed by one of these (or a space, or the end) closes a quote."""
_TRANSCRIPT_LABEL = re.compile(r"(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):[ \t]")
"""A speaker's label opening a transcript line: ``Lane:``, ``Chris Lane:``."""
PARAGRAPH_BREAK = re.compile(r"\r?\n(?:\s*\r?\n)+")
"""A blank line: the paragraph break of syntok, so of :attr:`Sentence.paragraph`."""

def _straight_opens(text: str, k: int, inside: bool) -> bool:
    """True when the straight mark at ``text[k]`` opens a quote (else it closes one)."""
    before = text[k - 1] if k else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    if after.isspace():
        return False
    if before.isspace() or before in _OPENS_AFTER:
        return True
    return not inside and after not in _CLOSES_BEFORE  # said"We ...: nothing to close


def quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Every stretch of ``text`` inside double quotation marks, in text order.

    The rules, for straight and curly marks alike:

    * ``“ „ ‟ «`` open a quote and ``” »`` close one (and ``“`` closes a quote opened
      with ``„``, as in German). A straight ``"`` opens a quote
      when a word follows it and it follows a space, a bracket or a dash (or starts the
      text); otherwise it closes the open quote. A straight mark glued to a word on both
      sides (``said"We``) opens one when no quote is open.
    * News text leaves a quote open at a paragraph end and reopens it in the next
      paragraph: a quote still open at a paragraph break (a blank line, as in
      :func:`split_sentences`) ends there (``ending="paragraph"``), and the reopened part
      is a quote of its own. A quote never runs over a paragraph break.
    * A quote still open when another one opens ends there (``next_quote``); one still
      open at the end of the text ends there (``text_end``). Spans never overlap.
    * Single marks (``' ‘ ’``) never open or close a quote: they are apostrophes
      (``Afghanistan’s``, ``'90s``) or quotes nested inside a double quote, which stay
      part of it (``“He called it ‘a disaster’,” she said`` is one quote).
    * A closing mark with no quote open, the first mark of its paragraph, closes a
      quote that opened with no mark: after a transcript label at the paragraph start
      (``Lane: Governor, you are wrong.”``: ``opening="label"``) or, when the paragraph
      before ended with a quote left open, at the paragraph start (the speech goes on:
      ``opening="continued"``). Any other closing mark with no quote open is ignored;
      spans with nothing but spaces inside are left out.
    """
    found = list(PARAGRAPH_BREAK.finditer(text))
    breaks = [m.start() for m in found]
    para_starts = [0] + [m.end() for m in found]
    spans: list[QuoteSpan] = []

    def stop(mark: int, end: int, close: int, ending: str, opening: str = "mark") -> None:
        start = mark + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(QuoteSpan(start, end, mark, close, ending, opening))

    def unopened(k: int) -> None:
        """A closing mark at ``k`` with no quote open (see the rules above)."""
        p0 = para_starts[bisect_right(para_starts, k) - 1]
        if (spans and spans[-1].close > p0) or _QUOTE_MARK.search(text, p0, k):
            return  # not the paragraph's first mark
        label = _TRANSCRIPT_LABEL.match(text, p0, k)
        if label and not label["who"].isupper():
            stop(label.end() - 1, k, k + 1, "closed", "label")
        elif spans and spans[-1].ending == "paragraph" and \
                not text[spans[-1].close:p0].strip():
            stop(p0 - 1, k, k + 1, "closed", "continued")

    open_at = None  # index of the opening mark of the quote that is open
    for m in _QUOTE_MARK.finditer(text):
        k, mark = m.start(), m.group()
        if open_at is not None:
            b = bisect_left(breaks, open_at)
            if b < len(breaks) and breaks[b] < k:
                stop(open_at, breaks[b], breaks[b], "paragraph")
                open_at = None
        if mark == "“" and open_at is not None and text[open_at] == "„":
            opening = False  # „German“
        elif mark in _OPENING_MARKS:
            opening = True
        elif mark in _CLOSING_MARKS:
            opening = False
        else:
            opening = _straight_opens(text, k, open_at is not None)
        if opening:
            if open_at is not None:
                stop(open_at, k, k, "next_quote")
            open_at = k
        elif open_at is not None:
            stop(open_at, k, k + 1, "closed")
            open_at = None
        elif mark in _CLOSING_MARKS or mark == '"':
            unopened(k)
    if open_at is not None:
        b = bisect_left(breaks, open_at)
        if b < len(breaks):
            stop(open_at, breaks[b], breaks[b], "paragraph")
        else:
            stop(open_at, len(text), len(text), "text_end")
    return tuple(spans)
