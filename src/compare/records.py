"""The text-level records and the names every module shares.

:class:`Word`, :class:`Sentence` and :class:`Credit` are what :mod:`compare.segment`
makes from a text; the tuples below name the relations, verdicts, detail kinds and
statuses and edit kinds. This module imports nothing from the project, so the
segmenter, the presentation modules and :mod:`compare.models` (which re-exports all of
it) can read it without an import circle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

has_letter_or_digit = re.compile(r"[^\W_]").search
"""A match when some character of the text is a letter or digit (``str.isalnum``), else
None: the test of :attr:`Word.is_word`, the one definition of a word token (not bare
punctuation) that every module uses, without a Python loop over the characters."""



RELATIONS = ("identical", "near_verbatim", "paraphrase", "partial")
"""Relations a link can have, from closest to loosest; sentences in no link are ``unique``."""
UNIQUE = "unique"

VERDICTS = ("verbatim copy", "light revision", "heavy revision", "independent")

DETAIL_KINDS = ("number", "date", "name")
DETAIL_STATUSES = ("shared", "only_a", "only_b", "conflict")

EDIT_KINDS = ("function_words", "number", "name", "quote", "attribution", "other")

SUPPORTS = ("all", "most", "some", "one")
"""How many reports carry a statement group (:func:`compare.collate.support`): every
one, more than half, two or more but not more than half, a single report."""

QUOTE_CHECKS = ("exact", "altered", "not_found")
"""How a report's quote compares with the primary source."""


@dataclass(frozen=True)
class Word:
    """One token: ``text`` is ``article_text[start:end]``.

    ``norm`` folds case, curly quotes, apostrophes and dashes; ``content`` is False for
    function words (articles, pronouns, auxiliaries, prepositions) and punctuation.
    """

    start: int
    end: int
    text: str
    norm: str
    content: bool

    @property
    def is_word(self) -> bool:
        """True for tokens with a letter or digit in them (not bare punctuation)."""
        # the usual all-letter token answers without the pattern
        return self.text.isalnum() or has_letter_or_digit(self.text) is not None


@dataclass(frozen=True)
class Sentence:
    """A content sentence: ``text`` is ``article_text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Credit:
    """A credit or byline line (``— Age``, ``By Jane Doe``): metadata, not content."""

    start: int
    end: int
    text: str
    value: str


QUOTE_ENDINGS = ("closed", "paragraph", "next_quote", "text_end")


@dataclass(frozen=True)
class QuoteSpan:
    """The words inside one pair of quotation marks: ``text[start:end]``, without the
    marks and the spaces next to them.

    ``ending`` says how the quote ended: ``closed`` by a closing mark, or left open and
    ended at a ``paragraph`` break, where the ``next_quote`` opened, or at the
    ``text_end``. ``mark`` is the index of the opening mark; ``close`` is just past the
    closing mark of a closed quote, else where the quote stopped. ``opening`` says how
    it opened: at a ``mark``; after a transcript ``label`` (``Lane: ...”``, ``mark`` is
    the colon); or at the start of a paragraph that goes on a quote left open at the end
    of the paragraph before (``continued``, ``mark`` is the character before it).
    """

    start: int
    end: int
    mark: int
    close: int
    ending: str
    opening: str = "mark"

    @property
    def closed(self) -> bool:
        return self.ending == "closed"
