"""Facts a report states: numbers, dates and names, and how two reports differ on them.

No trained model is used. Extraction runs on rules over each sentence and on the small
word lists in ``data/lexicon.json`` (months, weekdays, number words, scales, units):

* dates first (``February of 2020``, ``Dec. 27th``, ``Tuesday``, ``9/11``, ``12:00 p.m.``,
  years ``1800``-``2099``), then numbers in digits or words (``100,000``, ``100 000``,
  ``one hundred thousand``, ``$500,000``, ``35 percent``, ``two decades``), on the text
  the dates left free;
* names (people, organisations, places) on the text left free by both, with
  :func:`compare.names.extract_names`.

Every mention gets a ``value`` on which the reports are matched: numbers as plain
numerals (``100000``, ``2 decades``, ``35%``, ``$500000``), dates in ISO-like order
(``2020-02``, ``12-27``) or as words (``may``, ``tuesday``), names folded and joined to
their variants and full names (see :mod:`compare.names`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import cache

from compare.lexicon import lexicon
from compare.models import (
    DETAIL_KINDS,
    DETAIL_STATUSES,
    Article,
    Detail,
    DetailMatch,
    Prepared,
    article_of,
)
from compare.names import extract_names, fold_both, name_key, singular

__all__ = ["extract_details", "head_noun", "lexicon", "match_details", "name_key"]


# --- dates ------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# Every date starts with a digit or the capital of a month or weekday: the lookahead
# lets the regex engine skip to those characters (same matches, ten times faster).
_DATE = re.compile(
    rf"""
    (?=[\dJFMASONDTW])
    (?:
    (?P<dm>\b(?P<dm_day>\d{{1,2}})\s+(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>\d{{4}}))?\b)
    | (?P<md>\b(?P<month>{_MONTH})(?![^\W\d_])(?!\s+(?:be|have|not|I|we|you)\b)
        (?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?
        (?:,?\s+(?:of\s+)?(?P<year>(?:1[89]|20)\d\d)\b)?)
    | (?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)
    | (?P<time>(?<![\d.,])\b(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?\s*(?P<ampm>[ap])\.?m\b\.?)
    | (?P<slash>(?<![\d/])(?P<s1>\d{{1,2}})/(?P<s2>\d{{1,2}})(?:/(?P<s3>\d{{2,4}}))?(?![\d/]))
    | (?P<nine11>(?<![\d$.,])\b911\b(?!\s+(?:call|calls|operator|dispatch)))
    | (?P<year_only>(?<![\d$.,£€])\b(?P<y>(?:1[89]|20)\d\d)(?P<decade>s)?\b
        (?![,.]\d|\s*(?:%|percent|per\s+cent|million|billion|thousand)))
    )
    """,
    re.VERBOSE,
)


def _date_value(m: re.Match) -> tuple[str, str]:
    """(category, value) of one date match."""
    months = lexicon().months
    if m["dm"] or m["md"]:
        name = (m["dm_month"] or m["month"]).rstrip(".").casefold()
        month = months[name]
        day, year = (m["dm_day"], m["dm_year"]) if m["dm"] else (m["day"], m["year"])
        if year and day:
            return "date", f"{year}-{month:02d}-{int(day):02d}"
        if year:
            return "date", f"{year}-{month:02d}"
        if day:
            return "date", f"{month:02d}-{int(day):02d}"
        return "month", max((k for k, v in months.items() if v == month), key=len)
    if m["weekday"]:
        return "weekday", m["weekday"].casefold()
    if m["time"]:
        hour = int(m["hour"]) % 12 + (12 if m["ampm"] == "p" else 0)
        return "time", f"{hour:02d}:{m['minute'] or '00'}"
    if m["slash"]:
        if m["s3"]:
            year = m["s3"] if len(m["s3"]) == 4 else "20" + m["s3"]
            return "date", f"{year}-{int(m['s1']):02d}-{int(m['s2']):02d}"
        return "date", f"{int(m['s1'])}/{int(m['s2'])}"
    if m["nine11"]:
        return "date", "9/11"
    return ("decade", m["y"] + "s") if m["decade"] else ("year", m["y"])


# --- numbers ----------------------------------------------------------------------


@cache
def _number_pattern() -> re.Pattern:
    lex = lexicon()
    words = sorted([*lex.number_words, *lex.scales], key=len, reverse=True)
    w = "|".join(words)
    units = "|".join(lex.duration_units)
    # a match starts with a currency sign, a digit, or "a"/"an" or a number word: the
    # lookahead lets the regex engine skip other characters quickly (same matches)
    first = "".join(sorted({word[0] for word in words} | {"a"}))
    return re.compile(
        rf"""
        (?=[$£€\d{first}])
        (?P<cur>[$£€])?
        (?:
          (?P<digits>(?<![\w.,/])(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+
             (?!\d)|\d+(?:\.\d+)?)(?![\w/]|[.,]\d))
          | (?P<words>\b(?:an?\s+(?=hundred|thousand|million|billion|dozen))?(?:{w})
             (?:(?:\s+and\s+|[\s-]+)(?:{w}))*\b)
        )
        (?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?
        (?P<pct>\s*(?:%|percent\b|per\s+cent\b))?
        (?:[\s-]+(?P<unit>(?:{units})s?)\b(?!-old))?
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _words_value(text: str) -> int | None:
    """The integer a run of number words names (``five hundred and eighty-four`` -> 584)."""
    lex = lexicon()
    total = current = 0
    seen = False
    for tok in re.split(r"[\s-]+", text.casefold()):
        if tok in {"and", "a", "an", ""}:
            current = current or (1 if tok in {"a", "an"} else current)
            continue
        if tok in lex.number_words:
            current += lex.number_words[tok]
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok in lex.scales:
            total += max(current, 1) * lex.scales[tok]
            current = 0
            seen = True
    return total + current if seen else None


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _number_value(m: re.Match) -> tuple[str, str] | None:
    """(category, value) of one number match, or None for a bare determiner ``one``."""
    lex = lexicon()
    if m["digits"]:
        value: float = float(re.sub(r"[,\s\u00a0\u202f]", "", m["digits"]))
    else:
        words = m["words"].casefold().split()
        if words in (["one"], ["a"], ["an"]):
            return None
        parsed = _words_value(m["words"])
        if parsed is None:
            return None
        value = parsed
    if m["scale"]:
        value *= lex.scales[m["scale"].casefold()]
    number = _format(value)
    if m["pct"]:
        return "percent", number + "%"
    if m["cur"]:
        return "money", m["cur"] + number
    if m["unit"]:
        unit = m["unit"].casefold()
        return "duration", f"{number} {unit if unit.endswith('s') else unit + 's'}"
    return "quantity", number


# --- extraction -------------------------------------------------------------------


def _sentence_at(article: Article, starts: list[int], pos: int):
    """The sentence holding character ``pos``, or None (credit lines, gaps).

    ``starts`` are the sentences' start offsets (sentences are in text order).
    """
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos < article.sentences[k].end:
        return article.sentences[k]
    return None


def extract_details(article: Article) -> tuple[Detail, ...]:
    """Numbers, dates and names of ``article``, one :class:`Detail` per mention, in text order.

    Nothing is cached here: to reuse an article's details across comparisons, prepare it
    once (:func:`compare.prepare.prepare`, whose ``details`` every step reads).
    """
    return _extract(article)


def _extract(article: Article) -> tuple[Detail, ...]:
    text = article.text
    found: list[Detail] = []
    blocked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    starts = [s.start for s in article.sentences]
    for m in _DATE.finditer(text):
        s = _sentence_at(article, starts, m.start())
        if s is None:
            continue
        category, value = _date_value(m)
        found.append(Detail("date", category, m.group(), value, m.start(), m.end(), s.index))
        for k in range(s.index, len(article.sentences)):
            t = article.sentences[k]
            if t.start >= m.end():
                break
            blocked[t.index].append((m.start(), m.end()))
    numbers = _number_pattern()
    for s in article.sentences:
        for m in numbers.finditer(text, s.start, s.end):
            if any(a < m.end() and m.start() < b for a, b in blocked[s.index]):
                continue
            got = _number_value(m)
            if got is None:
                continue
            found.append(Detail("number", got[0], m.group().strip(), got[1], m.start(),
                                m.start() + len(m.group().rstrip()), s.index))
            blocked[s.index].append((m.start(), m.end()))
    found.extend(extract_names(article, blocked))
    order = {k: i for i, k in enumerate(DETAIL_KINDS)}
    return tuple(sorted(found, key=lambda d: (d.start, d.end, order[d.kind], d.value)))


# --- matching ---------------------------------------------------------------------

_STOP_HEAD = frozenset({",", ".", ";", "—", "–", ":"})


def head_noun(article: Article, detail: Detail, details: tuple[Detail, ...] = ()) -> str:
    """The counted noun after a number (``100,000 NATO troops`` -> ``troop``), or ``""``.

    Looks at the next four words of the sentence, skipping names and adjectives; a
    number with no noun of its own takes the noun of the number before it in the same
    sentence (``from 100,000 troops ... to less than 10,000``). ``details`` are the
    article's details when already extracted.
    """
    details = details or extract_details(article)
    numbers = [d for d in details if d.kind == "number" and d.sentence == detail.sentence]
    return _head_noun(article, detail, numbers)


def _head_noun(article: Article, detail: Detail, numbers: list[Detail]) -> str:
    """:func:`head_noun` given the numbers of the detail's sentence, in text order."""
    heads = lexicon().head_nouns
    words = article.words[detail.sentence]
    last = ""
    for d in (d for d in numbers if d.start <= detail.start):
        after = [w for w in words if w.start >= d.end][:4]
        own = ""
        for w in after:
            if w.text in _STOP_HEAD:
                break
            if singular(w.norm) in heads:
                own = singular(w.norm)
                break
        last = own or last
    return last


def _as_written(article: Article, detail: Detail, head: str) -> str:
    """The head noun ``head`` as the report wrote it after ``detail`` (``women``, not the
    key plus an ``s``, ``womens``)."""
    after = (w for w in article.words[detail.sentence] if w.start >= detail.end)
    return next((w.text for w in after if w.is_word and singular(w.norm) == head), head)


def _numbers_by_sentence(details: list[Detail]) -> dict[int, list[Detail]]:
    out: dict[int, list[Detail]] = defaultdict(list)
    for d in details:
        if d.kind == "number":
            out[d.sentence].append(d)
    return out


def match_details(
    a: Article | Prepared,
    b: Article | Prepared,
    *,
    folded: tuple[list[Detail], list[Detail]] | None = None,
) -> tuple[DetailMatch, ...]:
    """Every fact of either report: ``shared``, ``only_a``, ``only_b`` or ``conflict``.

    Facts match on (kind, value). A conflict is called conservatively: two numbers of
    the same category counting the same noun (``troops``) with different values, when
    that noun has exactly one unmatched value in each report. A prepared report's
    details are used as they are; ``folded`` is their
    :func:`~compare.names.fold_both` when the caller has it already.
    """
    a_details, b_details = _details_of(a), _details_of(b)
    a, b = article_of(a), article_of(b)
    da, db = folded if folded is not None else fold_both(a_details, b_details)
    numbers = (_numbers_by_sentence(da), _numbers_by_sentence(db))
    groups: dict[tuple[str, str], tuple[list[Detail], list[Detail]]] = defaultdict(
        lambda: ([], []))
    for side, details in ((0, da), (1, db)):
        for d in details:
            groups[(d.kind, d.value)][side].append(d)
    matches: list[DetailMatch] = []
    by_key: dict[tuple[str, str], DetailMatch] = {}
    loose: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for (kind, value), (xa, xb) in groups.items():
        status = "shared" if xa and xb else "only_a" if xa else "only_b"
        first = (xa or xb)[0]
        if status != "shared" and kind == "number":
            article, side = (a, 0) if xa else (b, 1)
            head = _head_noun(article, first, numbers[side][first.sentence])
            if head:
                loose[(first.category, head)][side].append((kind, value))
        match = _match(kind, first.category, value, first.text, status, xa, xb)
        matches.append(match)
        by_key[(kind, value)] = match
    removed: set[tuple[str, str]] = set()
    conflicts = []
    for (category, head), (va, vb) in sorted(loose.items()):
        if len(va) == 1 and len(vb) == 1:
            ma, mb = by_key[va[0]], by_key[vb[0]]
            removed.update((va[0], vb[0]))
            noun = _as_written(a, ma.a[0], head)
            note = (f"same {category} of {noun}: a says {ma.text!r} (sentence "
                    f"{ma.in_a[0]}), b says {mb.text!r} (sentence {mb.in_b[0]})")
            conflicts.append(DetailMatch(
                "number", category, f"{ma.value} / {mb.value}", f"{ma.text} / {mb.text}",
                "conflict", ma.in_a, mb.in_b, ma.a, mb.b, note))
    matches = [m for m in matches if (m.kind, m.value) not in removed] + conflicts
    korder = {k: i for i, k in enumerate(DETAIL_KINDS)}
    sorder = {s: i for i, s in enumerate(DETAIL_STATUSES)}
    return tuple(sorted(matches, key=lambda m: (
        korder[m.kind], sorder[m.status], (m.in_a or m.in_b)[0], m.value)))


def _details_of(report: Article | Prepared) -> tuple[Detail, ...]:
    return report.details if isinstance(report, Prepared) else extract_details(report)


def _match(kind, category, value, text, status, xa, xb) -> DetailMatch:
    return DetailMatch(
        kind=kind, category=category, value=value, text=text, status=status,
        in_a=tuple(sorted({d.sentence for d in xa})), in_b=tuple(sorted({d.sentence for d in xb})),
        a=tuple(xa), b=tuple(xb))
