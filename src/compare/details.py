"""Facts a report states: numbers, dates and names, and how two reports differ on them.

No trained model is used. Extraction runs on rules over each sentence and on the small
word lists in ``data/names.json`` (titles, months, weekdays, number words, countries,
cities, demonyms, organisation variants):

* dates first (``February of 2020``, ``Dec. 27th``, ``Tuesday``, ``9/11``, ``12:00 p.m.``,
  years ``1800``-``2099``), then numbers in digits or words (``100,000``, ``100 000``,
  ``one hundred thousand``, ``$500,000``, ``35 percent``, ``two decades``), on the text
  the dates left free;
* names are runs of capitalised words (with ``of``/``for``/``and`` and particles such as
  ``al`` inside), split at titles (``NATO Secretary General Jens Stoltenberg`` gives
  ``NATO`` and ``Jens Stoltenberg``), without demonyms (``Afghan``), possessive ``'s`` or a
  leading ``The``. A capitalised word that opens a sentence, or a word in a title-case
  headline, counts only when the article or the word lists vouch for it.

Every mention gets a ``value`` on which the reports are matched: numbers as plain
numerals (``100000``, ``2 decades``, ``35%``, ``$500000``), dates in ISO-like order
(``2020-02``, ``12-27``) or as words (``may``, ``tuesday``), names folded
(:func:`name_key`), joined to a variant's canonical form (``U.S.`` -> ``united states``)
and to the full name a bare surname stands for (``Stoltenberg`` -> ``jens stoltenberg``),
within a report and across the two.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from functools import cache
from importlib import resources

from compare.models import DETAIL_KINDS, DETAIL_STATUSES, Article, Detail, DetailMatch, Word

__all__ = ["extract_details", "head_noun", "lexicon", "match_details", "name_key"]


@cache
def lexicon() -> dict:
    """The word lists of ``data/names.json``, with lookup sets and alias maps built."""
    raw = json.loads(resources.files("compare").joinpath("data/names.json").read_text("utf-8"))
    alias: dict[str, str] = {}
    org_keys, place_keys = set(), set()
    for group, keys in (("organisations", org_keys), ("places", place_keys)):
        for canonical, forms in raw[group].items():
            for form in (canonical, *forms):
                alias[name_key(form)] = name_key(canonical)
            keys.add(name_key(canonical))
    for group in ("countries", "us_states", "cities"):
        place_keys.update(name_key(p) for p in raw[group])
    cue = {form: lemma for lemma, forms in raw["cue_verbs"].items() for form in forms}
    titles = {tuple(_bare(w) for w in t.split()) for t in raw["titles"]}
    return {
        **raw,
        "alias": alias,
        "org_keys": frozenset(org_keys),
        "place_keys": frozenset(place_keys),
        "demonym_set": frozenset(d.casefold() for d in raw["demonyms"]),
        "common_set": frozenset(c.casefold() for c in raw["common_capitalised"]),
        "title_set": frozenset(titles),
        "title_max": max(len(t) for t in titles),
        "cue": cue,
        "org_word_set": frozenset(w.casefold() for w in raw["org_words"]),
        "place_word_set": frozenset(w.casefold() for w in raw["place_words"]),
        "head_set": frozenset(_singular(h) for h in raw["head_nouns"]),
    }


def name_key(text: str) -> str:
    """Fold a name for matching: case, accents, dots, hyphens, a leading ``the``, ``'s``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’]s$", "", text.strip())
    text = text.replace(".", "").replace("’", "'")
    text = re.sub(r"[-‐‑–—\s]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _bare(word: str) -> str:
    return word.casefold().rstrip(".")


def _singular(noun: str) -> str:
    noun = noun.casefold()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


# --- dates ------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DATE = re.compile(
    rf"""
    (?P<dm>\b(?P<dm_day>\d{{1,2}})\s+(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>\d{{4}}))?\b)
    | (?P<md>\b(?P<month>{_MONTH})(?!\s+(?:be|have|not|I|we|you)\b)
        (?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?
        (?:,?\s+(?:of\s+)?(?P<year>(?:1[89]|20)\d\d)\b)?)
    | (?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)
    | (?P<time>(?<![\d.,])\b(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?\s*(?P<ampm>[ap])\.?m\b\.?)
    | (?P<slash>(?<![\d/])(?P<s1>\d{{1,2}})/(?P<s2>\d{{1,2}})(?:/(?P<s3>\d{{2,4}}))?(?![\d/]))
    | (?P<nine11>(?<![\d$.,])\b911\b(?!\s+(?:call|calls|operator|dispatch)))
    | (?P<year_only>(?<![\d$.,£€])\b(?P<y>(?:1[89]|20)\d\d)(?P<decade>s)?\b
        (?![,.]\d|\s*(?:%|percent|per\s+cent|million|billion|thousand)))
    """,
    re.VERBOSE,
)


def _date_value(m: re.Match) -> tuple[str, str]:
    """(category, value) of one date match."""
    months = lexicon()["months"]
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
    words = sorted([*lex["number_words"], *lex["scales"]], key=len, reverse=True)
    w = "|".join(words)
    units = "|".join(lex["duration_units"])
    return re.compile(
        rf"""
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
        if tok in lex["number_words"]:
            current += lex["number_words"][tok]
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok in lex["scales"]:
            total += max(current, 1) * lex["scales"][tok]
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
        value *= lex["scales"][m["scale"].casefold()]
    number = _format(value)
    if m["pct"]:
        return "percent", number + "%"
    if m["cur"]:
        return "money", m["cur"] + number
    if m["unit"]:
        unit = m["unit"].casefold()
        return "duration", f"{number} {unit if unit.endswith('s') else unit + 's'}"
    return "quantity", number


# --- names ------------------------------------------------------------------------

_OPENERS = set("\"“‘'([—–:")
_DOT_ABBREVS = {"gov", "sen", "rep", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt",
                "capt", "adm", "prof", "rev", "st", "jr", "sr", "maj"}


def _capitalised(word: Word) -> bool:
    return word.is_word and word.text[0].isupper()


def _runs(words: tuple[Word, ...], blocked: list[tuple[int, int]]) -> list[list[int]]:
    """Index runs of capitalised words, with connectors, particles and initials inside."""
    lex = lexicon()
    particles, connectors = set(lex["name_particles"]), set(lex["name_connectors"])
    free = [not any(s <= w.start < e for s, e in blocked) for w in words]

    def cap(k: int) -> bool:
        return 0 <= k < len(words) and free[k] and _capitalised(words[k]) and not re.match(
            r"^[RDI]-[A-Z]", words[k].text)

    runs, run, k = [], [], 0
    while k < len(words):
        w = words[k]
        initial_dot = run and w.text == "." and cap(k + 1) and (
            len(words[run[-1]].text) == 1 or words[run[-1]].norm in _DOT_ABBREVS)
        particle = free[k] and w.norm in particles and cap(k + 1) and w.text.islower()
        joiner = run and free[k] and w.norm in connectors and w.text.islower() and cap(k + 1)
        if cap(k) or initial_dot or particle or joiner:
            run.append(k)
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
    toks = [k for k in run if words[k].text != "."]
    pieces: list[tuple[list[int], bool]] = []
    cur: list[int] = []
    after_title = False
    i = 0
    while i < len(toks):
        for size in range(min(lex["title_max"], len(toks) - i), 0, -1):
            cand = tuple(_bare(words[k].text) for k in toks[i:i + size])
            if cand in lex["title_set"] and words[toks[i]].text[0].isupper():
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


def _piece_key(words: tuple[Word, ...], piece: list[int]) -> str:
    return name_key(" ".join(words[k].text for k in piece))


def _split_and(words: tuple[Word, ...], pieces: list[tuple[list[int], bool]]):
    """Split ``US and UK`` in two, but keep ``Department of Health and Human Services``."""
    lex = lexicon()
    out = []
    for piece, after_title in pieces:
        whole = name_key(" ".join(words[k].text for k in piece))
        cut = [i for i, k in enumerate(piece) if words[k].norm in {"and", "&"} or
               (words[k].norm == "of" and i > 0 and
               words[piece[i - 1]].norm not in lex["org_word_set"] | lex["place_word_set"]
               and _piece_key(words, piece[i + 1:]) in lex["place_keys"])]
        if cut and whole not in lex["alias"] and whole not in lex["place_keys"] and \
                words[piece[-1]].norm not in lex["org_word_set"]:
            bounds = [-1, *cut, len(piece)]
            for lo, hi in itertools.pairwise(bounds):
                if piece[lo + 1:hi]:
                    out.append((piece[lo + 1:hi], after_title))
        else:
            out.append((piece, after_title))
    return out


def _trim(words: tuple[Word, ...], piece: list[int]) -> list[int]:
    """Drop leading/trailing connectors and a leading article from a piece."""
    lex = lexicon()
    connectors = set(lex["name_connectors"]) | {"a", "an"}
    while piece and (words[piece[0]].norm in connectors or (words[piece[0]].norm in
                     lex["demonym_set"] and len(piece) > 1 and
                     words[piece[-1]].norm not in lex["org_word_set"] and
                     _piece_key(words, piece) not in lex["alias"])):
        piece = piece[1:]
    while piece and words[piece[-1]].norm in connectors:
        piece = piece[:-1]
    return piece


def _span_text(text: str, words: tuple[Word, ...], piece: list[int]) -> tuple[int, int]:
    start, end = words[piece[0]].start, words[piece[-1]].end
    last = text[words[piece[-1]].start:end]
    m = re.match(r"^(\w+)-([a-z]+(?:-[a-z]+)*)$", last)  # Atlanta-based -> Atlanta
    if m and not re.search(r"[A-Z]", m.group(2)):
        end = words[piece[-1]].start + len(m.group(1))
    return start, end


def _category(key: str, n_tokens: int, person_hint: bool, text: str) -> str:
    lex = lexicon()
    last = key.split()[-1] if key else ""
    if key in lex["place_keys"]:
        return "place"
    if key in lex["org_keys"] or (text.isupper() and len(text.replace(".", "")) >= 2):
        return "organisation"
    if last in lex["org_word_set"]:
        return "organisation"
    if last in lex["place_word_set"]:
        return "place"
    if person_hint or 2 <= n_tokens <= 4:
        return "person"
    return "other"


def _headline(words: tuple[Word, ...]) -> bool:
    """A title-case line: most of its longer words are capitalised."""
    long = [w for w in words if w.is_word and len(w.text) >= 4 and w.text.isalpha()]
    if not words or words[-1].text in {".", "!", "?", '"', "”", "’", ")"}:
        return False
    return len(long) >= 3 and sum(w.text[0].isupper() for w in long) / len(long) >= 0.6


def _names(article: Article, blocked: dict[int, list[tuple[int, int]]]) -> list[Detail]:
    lex = lexicon()
    text = article.text
    cands = []  # (detail, needs_support, key_of_first_token)
    midcaps: set[str] = set()
    for words in article.words:
        if _headline(words):
            continue
        for k, w in enumerate(words):
            if _capitalised(w) and k > 0 and words[k - 1].text not in _OPENERS and \
                    words[k - 1].text not in ".!?":
                midcaps.add(w.norm)
    for s, words in zip(article.sentences, article.words, strict=False):
        headline = _headline(words)
        for run in _runs(words, blocked.get(s.index, [])):
            first = run[0]
            initial = first == 0 or words[first - 1].text in _OPENERS | set(".!?")
            last = run[-1]
            quoted = initial and first > 0 and words[first - 1].text in "\"“‘'" and \
                last + 1 < len(words) and words[last + 1].text in "\"”’'"
            for piece, after_title in _split_and(words, _split_titles(words, run)):
                piece = _trim(words, piece)
                if not piece:
                    continue
                while len(piece) > 1 and (words[piece[-1]].norm in lex["common_set"] or
                                          words[piece[-1]].norm in lex["demonym_set"]) and \
                        _piece_key(words, piece) not in lex["alias"] and \
                        _piece_key(words, piece) not in lex["place_keys"]:
                    piece = piece[:-1]
                norms = [words[k].norm for k in piece]
                if all(n in lex["demonym_set"] or n in lex["common_set"] for n in norms) and \
                        not (len(norms) == 1 and name_key(words[piece[0]].text) in lex["alias"]):
                    continue
                start, end = _span_text(text, words, piece)
                surface = text[start:end]
                key = lex["alias"].get(name_key(surface), name_key(surface))
                nxt = piece[-1] + 1
                while nxt < len(words) and words[nxt].text in {"'s", "’s", ","}:
                    nxt += 1
                cue_next = nxt < len(words) and words[nxt].norm in lex["cue"]
                known = key in lex["place_keys"] or key in lex["org_keys"]
                support = headline or (initial and piece[0] == first and not after_title
                                       and not quoted)
                cands.append((piece, s.index, start, end, key, after_title or cue_next,
                              support and not known, cue_next))
    persons = {c[4] for c in cands if not c[6] and len(c[4].split()) >= 2 and
               _category(c[4], len(c[4].split()), c[5], "") == "person"}
    details = []
    for piece, sent, start, end, key, hint, needs_support, cue_next in cands:
        surface = text[start:end]
        if needs_support:
            toks = key.split()
            first_word = surface.split()[0].casefold()
            vouched = first_word in midcaps or (
                len(toks) > 1 and surface.split()[-1].casefold() in midcaps
                and first_word not in lex["common_set"])
            surname = any(p.split()[-1] == key or key in p.split()[1:] for p in persons)
            if not (vouched or surname or (cue_next and len(toks) <= 3)):
                continue
        details.append((sent, start, end, surface, key, hint, len(piece)))
    return _fold_surnames(article, details)


def _fold_surnames(article: Article, found: list[tuple]) -> list[Detail]:
    """Make a bare surname take its full name's value when one full name fits."""
    out = []
    cats = {key: _category(key, n, hint, surface) for _, _, _, surface, key, hint, n in found}
    full = sorted({key for key, cat in cats.items() if cat == "person" and len(key.split()) > 1})
    for sent, start, end, surface, key, hint, _n in found:
        cat = cats[key]
        if (len(key.split()) == 1 and cat not in {"place", "organisation"}) or (hint and \
                len(key.split()) == 1):
            owners = [f for f in full if key in f.split()[1:]]
            if len(owners) == 1:
                key, cat = owners[0], "person"
            elif hint:
                cat = "person"
        out.append(Detail("name", cat, surface, key, start, end, sent))
    return out


# --- extraction -------------------------------------------------------------------


def _sentence_at(article: Article, pos: int):
    """The sentence holding character ``pos``, or None (credit lines, gaps)."""
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s
    return None


def extract_details(article: Article) -> tuple[Detail, ...]:
    """Numbers, dates and names of ``article``, one :class:`Detail` per mention, in text order."""
    text = article.text
    found: list[Detail] = []
    blocked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in _DATE.finditer(text):
        s = _sentence_at(article, m.start())
        if s is None:
            continue
        category, value = _date_value(m)
        found.append(Detail("date", category, m.group(), value, m.start(), m.end(), s.index))
        for t in article.sentences[s.index:]:
            if t.start >= m.end():
                break
            blocked[t.index].append((m.start(), m.end()))
    for s in article.sentences:
        for m in _number_pattern().finditer(text, s.start, s.end):
            if any(a < m.end() and m.start() < b for a, b in blocked[s.index]):
                continue
            got = _number_value(m)
            if got is None:
                continue
            found.append(Detail("number", got[0], m.group().strip(), got[1], m.start(),
                                m.start() + len(m.group().rstrip()), s.index))
            blocked[s.index].append((m.start(), m.end()))
    found.extend(_names(article, blocked))
    order = {k: i for i, k in enumerate(DETAIL_KINDS)}
    return tuple(sorted(found, key=lambda d: (d.start, d.end, order[d.kind], d.value)))


# --- matching ---------------------------------------------------------------------


def head_noun(article: Article, detail: Detail, details: tuple[Detail, ...] = ()) -> str:
    """The counted noun after a number (``100,000 NATO troops`` -> ``troop``), or ``""``.

    Looks at the next four words of the sentence, skipping names and adjectives; a
    number with no noun of its own takes the noun of the number before it in the same
    sentence (``from 100,000 troops ... to less than 10,000``). ``details`` are the
    article's details when already extracted.
    """
    heads = lexicon()["head_set"]
    words = article.words[detail.sentence]
    last = ""
    details = details or extract_details(article)
    numbers = [d for d in details if d.kind == "number" and d.sentence == detail.sentence]
    for d in (d for d in numbers if d.start <= detail.start):
        after = [w for w in words if w.start >= d.end][:4]
        own = ""
        for w in after:
            if w.text in {",", ".", ";", "—", "–", ":"}:
                break
            if _singular(w.norm) in heads:
                own = _singular(w.norm)
                break
        last = own or last
    return last


def _cross_fold(mine: list[Detail], other: list[Detail]) -> list[Detail]:
    """A bare surname in one report joins the one full name of the other report it ends."""
    full = sorted({d.value for d in other if d.kind == "name" and d.category == "person"
                   and len(d.value.split()) > 1})
    out = []
    for d in mine:
        if d.kind == "name" and len(d.value.split()) == 1:
            owners = [f for f in full if d.value in f.split()[1:]]
            if len(owners) == 1:
                d = replace(d, value=owners[0], category="person")
        out.append(d)
    return out


def match_details(a: Article, b: Article) -> tuple[DetailMatch, ...]:
    """Every fact of either report: ``shared``, ``only_a``, ``only_b`` or ``conflict``.

    Facts match on (kind, value). A conflict is called conservatively: two numbers of
    the same category counting the same noun (``troops``) with different values, when
    that noun has exactly one unmatched value in each report.
    """
    da = _cross_fold(list(extract_details(a)), list(extract_details(b)))
    db = _cross_fold(list(extract_details(b)), list(extract_details(a)))
    groups: dict[tuple[str, str], tuple[list[Detail], list[Detail]]] = defaultdict(
        lambda: ([], []))
    for side, details in ((0, da), (1, db)):
        for d in details:
            groups[(d.kind, d.value)][side].append(d)
    matches: list[DetailMatch] = []
    loose: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for (kind, value), (xa, xb) in groups.items():
        status = "shared" if xa and xb else "only_a" if xa else "only_b"
        first = (xa or xb)[0]
        if status != "shared" and kind == "number":
            article, details = (a, tuple(da)) if xa else (b, tuple(db))
            head = head_noun(article, first, details)
            if head:
                loose[(first.category, head)][0 if xa else 1].append((kind, value))
        matches.append(_match(kind, first.category, value, first.text, status, xa, xb))
    for (category, head), (va, vb) in sorted(loose.items()):
        if len(va) == 1 and len(vb) == 1:
            ma = next(m for m in matches if (m.kind, m.value) == va[0] and m.status == "only_a")
            mb = next(m for m in matches if (m.kind, m.value) == vb[0] and m.status == "only_b")
            matches.remove(ma)
            matches.remove(mb)
            note = (f"same {category} of {head}s: a says {ma.text!r} (sentence "
                    f"{ma.in_a[0]}), b says {mb.text!r} (sentence {mb.in_b[0]})")
            matches.append(DetailMatch(
                "number", category, f"{ma.value} / {mb.value}", f"{ma.text} / {mb.text}",
                "conflict", ma.in_a, mb.in_b, ma.a, mb.b, note))
    korder = {k: i for i, k in enumerate(DETAIL_KINDS)}
    sorder = {s: i for i, s in enumerate(DETAIL_STATUSES)}
    return tuple(sorted(matches, key=lambda m: (
        korder[m.kind], sorder[m.status], (m.in_a or m.in_b)[0], m.value)))


def _match(kind, category, value, text, status, xa, xb) -> DetailMatch:
    return DetailMatch(
        kind=kind, category=category, value=value, text=text, status=status,
        in_a=tuple(sorted({d.sentence for d in xa})), in_b=tuple(sorted({d.sentence for d in xb})),
        a=tuple(xa), b=tuple(xb))
