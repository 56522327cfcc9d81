"""Direct quotes: who said them, how, where, and which quotes the two reports share.

:func:`extract_quotes` finds the words inside quotation marks, curly or straight. A
straight ``"`` opens a quote after a space or bracket and closes one otherwise. News
text leaves a quote open at a paragraph end and reopens it in the next paragraph; a
quote still open at a paragraph break, or when another quote opens, ends there (the
part before the break is one :class:`Quote`, the reopened part another). A few
capitalised words in marks (``"Resolute Support"``) are a name, not a quote.

Attribution is read outside the marks of the quote's sentences: after the quote
(``", he told an online press conference``, ``," said Smith``) or before it
(``He said, "...``, ``Stoltenberg said NATO has suspended "all support"``). Pronouns
(``he``) take the last named speaker, full names come from :mod:`compare.details`
(``Stoltenberg`` -> ``Jens Stoltenberg``), and a quote with no attribution of its own
takes the one of the quote it continues. ``setting`` is the cue verb with the phrase
after it up to its last setting noun (``told international press in a virtual press
conference``).

:func:`pair_quotes` pairs quotes across the reports on their words (rapidfuzz
``partial_ratio`` plus word containment), one-to-one or, when one report splits a quote
in two, one-to-many; a quote one report repeats is paired with its first rendering's
partner and flagged in ``note``.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from compare.details import extract_details, lexicon
from compare.models import Article, Quote, QuotePair, Word
from compare.segment import tokenize
from compare.wording import word_ops

__all__ = ["extract_quotes", "pair_quotes", "quote_words"]

_MARK = re.compile("[\"“”„«»]")
_OPENERS, _CLOSERS = "“„«", "”»"
_PRONOUNS = {"he", "she", "they", "i", "we"}
_STOPS = {"after", "before", "that", "when", "while", "on", "as", "but", "and", "where",
          "today", "earlier", "later", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "because", "which", "who"}


def _raw_regions(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, left_open) inside the marks; ``left_open`` when no closing mark."""
    regions: list[tuple[int, int, bool]] = []
    open_at = None
    for m in _MARK.finditer(text):
        k, mark = m.start(), m.group()
        if open_at is not None:
            brk = re.search(r"\n", text[open_at:k])
            if brk:
                regions.append((open_at, open_at + brk.start(), True))
                open_at = None
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if mark in _OPENERS:
            opening = True
        elif mark in _CLOSERS:
            opening = False
        else:
            opening = (before.isspace() or before in "([{—–-") and not after.isspace()
            if open_at is None and not after.isspace() and after not in ",.;:!?)":
                opening = True
        if opening:
            if open_at is not None:
                regions.append((open_at, k, True))
            open_at = k + 1
        elif open_at is not None:
            regions.append((open_at, k, False))
            open_at = None
    if open_at is not None:
        brk = re.search(r"\n", text[open_at:])
        regions.append((open_at, open_at + brk.start() if brk else len(text), True))
    out = []
    for start, end, left_open in regions:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end, left_open))
    return out


def _is_name_in_marks(words: tuple[Word, ...]) -> bool:
    real = [w for w in words if w.is_word]
    return 0 < len(real) <= 4 and all(w.text[0].isupper() for w in real) and \
        not any(w.text in ".!?," for w in words)


def quote_words(article: Article, quote: Quote) -> tuple[Word, ...]:
    """The words of a quote (punctuation left out), with spans in ``article.text``."""
    return tuple(w for w in tokenize(article.text, quote.start, quote.end) if w.is_word)


# --- attribution ------------------------------------------------------------------

_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:al|bin|van|von|de)\b)?\s+){0,4}[A-Z][\w'’-]*"


def _speaker_regex() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    verbs = "|".join(sorted(lex["cue"], key=len, reverse=True))
    nouns = "|".join(sorted(lex["speaker_nouns"], key=len, reverse=True))
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
    nouns = set(lexicon()["setting_nouns"])
    end = None
    for w in tokenize(text, verb_end, limit):
        if not w.is_word or w.norm in _STOPS:
            break
        if w.norm in nouns:
            end = w.end
    return text[verb_start:end] if end else ""


def _attribution(article: Article, q: tuple[int, int], others: list[tuple[int, int]],
                 sents: list[int]) -> tuple[str, str, str, int, int] | None:
    """(speaker, verb, setting, speaker_start, speaker_end) for one quote, or None."""
    text = article.text
    s0, s1 = article.sentences[sents[0]].start, article.sentences[sents[-1]].end
    after_re, before_re, verb_re, subject_re = _speaker_regex()
    close = q[1] + 1 if q[1] < len(text) and _MARK.match(text, q[1]) else q[1]
    nxt = min([o[0] - 1 for o in others if o[0] > q[1]] + [s1])
    m = after_re.match(text[close:nxt])
    if m:
        sp = "sp1" if m["sp1"] else "sp2" if m["sp2"] else "sp3"
        v = "v1" if m["v1"] else "v2"
        verb = m[v] if m[v] else "according to"
        vs, ve = (close + m.start(v), close + m.end(v)) if m[v] else (close, close)
        return (m[sp], verb, _setting(text, vs, ve, nxt), close + m.start(sp),
                close + m.end(sp))
    prev = max([o[1] + 1 for o in others if o[1] < q[0]] + [s0])
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


# --- extraction -------------------------------------------------------------------


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """The direct quotes of ``article`` in text order."""
    text = article.text
    regions = []
    for start, end, left_open in _raw_regions(text):
        words = tokenize(text, start, end)
        if not any(w.is_word for w in words) or _is_name_in_marks(words):
            continue
        sents = [s.index for s in article.sentences if s.start < end and start < s.end]
        if sents:
            regions.append((start, end, left_open, sents))
    spans = [(r[0], r[1]) for r in regions]
    persons = _persons(article)
    attrs = [_attribution(article, (r[0], r[1]), spans, r[3]) for r in regions]
    para = {s.index: s.paragraph for s in article.sentences}
    # quotes with no attribution of their own take the one of the quote they continue
    for k, (_, _, left_open, sents) in enumerate(regions):
        if attrs[k] is not None:
            continue
        same = [j for j in (k - 1, k + 1) if 0 <= j < len(regions)
                and para[regions[j][3][0]] == para[sents[0]] and attrs[j] is not None]
        if left_open and k + 1 < len(regions) and attrs[k + 1] is not None:
            attrs[k] = attrs[k + 1]
        elif same:
            attrs[k] = attrs[same[0]]
    quotes, last_named = [], ""
    for (start, end, _, sents), attr in zip(regions, attrs, strict=False):
        speaker = verb = setting = ""
        if attr:
            raw, verb, setting, sp_start, sp_end = attr
            speaker = _resolve(raw, sp_start, sp_end, persons, last_named)
            if raw.casefold() not in _PRONOUNS and speaker:
                last_named = speaker
        first_alpha = next((ch for ch in text[start:end] if ch.isalpha()), "")
        lead = text[article.sentences[sents[0]].start:start - 1].rstrip()
        partial = first_alpha.islower() or (bool(lead) and lead[-1] not in ",:" and \
            not lead.endswith(("said", "says")) and len(quote_split(text[start:end])) <= 1)
        quotes.append(Quote(start, end, text[start:end], speaker, verb, setting,
                            tuple(sents), partial))
    return tuple(quotes)


def quote_split(text: str) -> list[str]:
    """The sentences of a quote's text, split on end marks (for the ``partial`` test)."""
    return [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]


def _persons(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, full name as written) of every person mention, in text order."""
    details = [d for d in extract_details(article) if d.kind == "name"]
    longest: dict[str, str] = {}
    for d in details:
        if len(d.text) > len(longest.get(d.value, "")):
            longest[d.value] = d.text
    return [(d.start, d.end, longest[d.value]) for d in details if d.category == "person"]


def _resolve(raw: str, start: int, end: int, persons, last_named: str) -> str:
    """A speaker's full name: pronouns take the last named speaker (or person named)."""
    if raw.casefold() in _PRONOUNS:
        if raw.casefold() in {"i", "we"}:
            return ""
        if last_named:
            return last_named
        before = [p for p in persons if p[1] <= start]
        return before[-1][2] if before else raw
    inside = [p for p in persons if start <= p[0] and p[1] <= end]
    return inside[-1][2] if inside else raw.strip()


# --- pairing ----------------------------------------------------------------------


def _norms(words: tuple[Word, ...]) -> list[str]:
    return [w.norm for w in words]


def _score(x: list[str], y: list[str]) -> tuple[float, bool]:
    """Similarity of two quotes' words and whether x is the shorter one."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if not short:
        return 0.0, True
    shared = sum((Counter(short) & Counter(long)).values()) / len(short)
    ratio = fuzz.partial_ratio(" ".join(short), " ".join(long)) / 100
    if len(short) == 1:
        ok = short == long
    elif len(short) == 2:
        ok = ratio >= 0.88 and shared >= 0.5
    else:
        ok = ratio >= 0.8 and shared >= 0.6
    return (min(ratio, max(shared, ratio * 0.9)) if ok else 0.0), len(x) <= len(y)


def _region(short: list[str], long: list[str]) -> tuple[int, int]:
    """Word indices ``lo:hi`` of ``long`` that the shorter quote covers."""
    joined = " ".join(long)
    al = fuzz.partial_ratio_alignment(" ".join(short), joined)
    inside, pos = [], 0
    for k, word in enumerate(long):
        overlap = min(pos + len(word), al.dest_end) - max(pos, al.dest_start)
        if overlap * 2 > len(word):
            inside.append(k)
        pos += len(word) + 1
    return (inside[0], inside[-1] + 1) if inside else (0, len(long))


def _repeats(words: list[list[str]]) -> dict[int, int]:
    """Quotes a report repeats: later index -> the earlier quote it repeats."""
    out = {}
    for j in range(len(words)):
        for i in range(j):
            if min(len(words[i]), len(words[j])) >= 3 and _score(words[i], words[j])[0] >= 0.9:
                out[j] = out.get(i, i)
                break
    return out


def pair_quotes(a: Article, b: Article) -> tuple[QuotePair, ...]:
    """Every quote of either report, paired with the other report's rendering if any."""
    qa, qb = extract_quotes(a), extract_quotes(b)
    wa = [quote_words(a, q) for q in qa]
    wb = [quote_words(b, q) for q in qb]
    na, nb = [_norms(w) for w in wa], [_norms(w) for w in wb]
    rep_a, rep_b = _repeats(na), _repeats(nb)
    cands = []
    for i in range(len(qa)):
        for j in range(len(qb)):
            if i in rep_a or j in rep_b:
                continue
            score, a_short = _score(na[i], nb[j])
            if score > 0:
                cands.append((-score, -min(len(na[i]), len(nb[j])), i, j, a_short))
    cands.sort()
    pairs: dict[tuple[int, int], float] = {}
    claimed: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for neg, _, i, j, a_short in cands:
        used_a = any(p[0] == i for p in pairs)
        used_b = any(p[1] == j for p in pairs)
        if used_a and used_b:
            continue
        if used_a or used_b:  # one-to-many: the used quote must hold the new one elsewhere
            side, idx = ("a", i) if used_a else ("b", j)
            if (side == "a") == a_short:
                continue
            long, short = (na[i], nb[j]) if side == "a" else (nb[j], na[i])
            lo, hi = _region(short, long)
            if any(lo < h and g < hi for g, h in claimed.get((side, idx), [])):
                continue
        pairs[(i, j)] = -neg
        for side, idx, long, short in (("a", i, na[i], nb[j]), ("b", j, nb[j], na[i])):
            if len(long) > len(short):
                claimed.setdefault((side, idx), []).append(_region(short, long))
    for reps, side in ((rep_a, 0), (rep_b, 1)):
        for later, first in reps.items():
            for key, score in list(pairs.items()):
                if key[side] == first:
                    pairs[(later, key[1]) if side == 0 else (key[0], later)] = score
    out = []
    for (i, j), score in pairs.items():
        out.append(_pair(a, b, qa[i], qb[j], wa[i], wb[j], score, i, j, rep_a, rep_b, qa, qb))
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    for i, q in enumerate(qa):
        if i not in paired_a:
            out.append(QuotePair(q, None, 0.0, "only_a", (), _repeat_note("a", i, rep_a, qa)))
    for j, q in enumerate(qb):
        if j not in paired_b:
            out.append(QuotePair(None, q, 0.0, "only_b", (), _repeat_note("b", j, rep_b, qb)))
    return tuple(sorted(out, key=lambda p: (
        p.a is None, p.a.start if p.a else p.b.start, p.b.start if p.b else -1)))


def _repeat_note(side: str, k: int, reps: dict[int, int], quotes) -> str:
    group = [k] + [x for x, first in reps.items() if first == k]
    if k in reps:
        group = [reps[k]] + [x for x, first in reps.items() if first == reps[k]]
    if len(group) < 2:
        return ""
    where = ", ".join(str(quotes[x].sentences[0]) for x in sorted(group))
    return f"{side} repeats this quote (sentences {where})"


def _pair(a, b, qa, qb, wa, wb, score, i, j, rep_a, rep_b, all_a, all_b) -> QuotePair:
    notes = []
    na, nb = _norms(wa), _norms(wb)
    if 4 * len(nb) < 3 * len(na):
        lo, hi = _region(nb, na)
        if hi - lo < len(na):
            notes.append("b quotes only part of a's quote")
            wa = wa[lo:hi]
    elif 4 * len(na) < 3 * len(nb):
        lo, hi = _region(na, nb)
        if hi - lo < len(nb):
            notes.append("a quotes only part of b's quote")
            wb = wb[lo:hi]
    ops = word_ops(a.text, wa, b.text, wb)
    status = "same" if all(op.tag == "equal" for op in ops) else "reworded"
    notes += [n for n in (_repeat_note("a", i, rep_a, all_a), _repeat_note("b", j, rep_b, all_b))
              if n]
    return QuotePair(qa, qb, round(score, 4), status, ops, "; ".join(notes))
