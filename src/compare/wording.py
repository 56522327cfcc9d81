"""Word-level differences between aligned sentences, and how each report frames them.

:func:`word_ops` is a word diff in :mod:`difflib`'s vocabulary (``equal``, ``replace``,
``insert``, ``delete``) over two word sequences, with every op also given as spans of
the original texts. Words are matched on :attr:`Word.norm` with rapidfuzz's ``Indel``
opcodes (a longest common subsequence), then cleaned up for reading: a deletion next to
an insertion becomes one ``replace``, and a short run of equal words caught between two
edits (``the``, a comma) is folded into one edit, as diff-match-patch's semantic
cleanup does for characters. Each edit gets a kind from :data:`EDIT_KINDS`.

:func:`framing` compares the words the reporters themselves use for the same statement:
cue verbs (``blames`` / ``blamed``, ``acknowledged`` / ``said``) and hedges or
intensifiers that one report adds. The word lists come from :mod:`compare.lexicon`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import pairwise

from rapidfuzz.distance import Indel

from compare.lexicon import lexicon
from compare.models import Article, Diff, Framing, Link, Op, Word
from compare.records import QuoteSpan
from compare.segment import quote_spans

__all__ = ["classify", "diff_link", "diff_links", "framing", "quote_regions", "word_ops"]

_SENTENCE_END = frozenset(".!?:;\"“”'‘’([")


def _spans(source: str | Article) -> tuple[QuoteSpan, ...]:
    return source.quote_spans if isinstance(source, Article) else quote_spans(source)


def quote_regions(source: str | Article) -> tuple[tuple[int, int], ...]:
    """Spans of a text (or of an :class:`Article`'s text, whose quote spans are found
    once) inside quotation marks (the marks excluded), in text order: the ``(start,
    end)`` of :func:`compare.segment.quote_spans`, whose rules say where a quote opens
    and ends. The spans never overlap."""
    return tuple((q.start, q.end) for q in _spans(source))


def _closing_marks(article: Article) -> frozenset[int]:
    """Positions of the closing marks of the quotes of ``article``."""
    return frozenset(q.close - 1 for q in article.quote_spans if q.closed)


def _inside(word: Word, regions: Sequence[tuple[int, int]]) -> bool:
    """True when ``word`` lies in one of ``regions`` (sorted, non-overlapping spans, as
    :func:`quote_regions` gives them)."""
    k = bisect_right(regions, (word.start, float("inf"))) - 1
    return k >= 0 and word.end <= regions[k][1]


def _is_number(word: Word) -> bool:
    norm = word.norm
    if norm in lexicon().number_like:
        return True
    return not norm.isalpha() and any(ch.isdigit() for ch in norm)


def _sentence_initial(words: Sequence[Word], k: int) -> bool:
    """True for the first word of the sequence or one after an end mark or opening quote."""
    return k == 0 or words[k - 1].text[-1] in _SENTENCE_END


def _is_name(words: Sequence[Word], k: int) -> bool:
    """A capitalised word that is not capitalised only because it opens a sentence."""
    word = words[k]
    if not word.is_word or not word.text[0].isupper():
        return False
    if any(ch.isupper() for ch in word.text[1:]):  # NATO, U.S., McDonald
        return True
    return word.content and not _sentence_initial(words, k)


def _framing_word(norm: str) -> bool:
    lex = lexicon()
    return norm in lex.framing_cue_verbs or norm in lex.hedges or norm in lex.intensifiers


def _changed(words: Sequence[Word], lo: int, hi: int, extra: Counter) -> list[int]:
    """Indices in ``words[lo:hi]`` of the words not matched on the other side."""
    left = Counter(extra)
    out = []
    for k in range(lo, hi):
        if left[words[k].norm] > 0:
            left[words[k].norm] -= 1
            out.append(k)
    return out


def classify(
    a_words: Sequence[Word],
    i1: int,
    i2: int,
    b_words: Sequence[Word],
    j1: int,
    j2: int,
    a_quotes: Sequence[tuple[int, int]] = (),
    b_quotes: Sequence[tuple[int, int]] = (),
) -> str:
    """The kind of the edit ``a_words[i1:i2]`` -> ``b_words[j1:j2]`` (one of EDIT_KINDS).

    Only the words not found on the other side count (a multiset difference; all words
    when the edit only reorders). Kinds are tried in the order of :data:`EDIT_KINDS`:
    ``function_words`` when every changed token is a function word or punctuation, then
    ``number``, ``name`` (capitalised words), ``quote`` (a changed word, not punctuation,
    inside quotation marks; ``a_quotes``/``b_quotes`` from :func:`quote_regions`),
    ``attribution`` (cue verbs, hedges, intensifiers), else ``other``.
    """
    if i1 == i2 or j1 == j2:  # an insert or a delete: every word is changed
        a_idx, b_idx = list(range(i1, i2)), list(range(j1, j2))
    else:
        a_norms = Counter(w.norm for w in a_words[i1:i2])
        b_norms = Counter(w.norm for w in b_words[j1:j2])
        a_idx = _changed(a_words, i1, i2, a_norms - b_norms)
        b_idx = _changed(b_words, j1, j2, b_norms - a_norms)
    if not a_idx and not b_idx:  # the same words in another order
        a_idx, b_idx = list(range(i1, i2)), list(range(j1, j2))
    changed = [(a_words, k, a_quotes) for k in a_idx] + [(b_words, k, b_quotes) for k in b_idx]
    if all(not ws[k].content for ws, k, _ in changed):
        return "function_words"
    if any(_is_number(ws[k]) for ws, k, _ in changed):
        return "number"
    if any(_is_name(ws, k) for ws, k, _ in changed):
        return "name"
    if any(ws[k].is_word and _inside(ws[k], q) for ws, k, q in changed):
        return "quote"
    if any(_framing_word(ws[k].norm) for ws, k, _ in changed):
        return "attribution"
    return "other"


def _raw_opcodes(a_norms: list[str], b_norms: list[str]) -> list[list]:
    """Indel opcodes as mutable ``[tag, i1, i2, j1, j2]`` with delete+insert merged."""
    ops: list[list] = []
    for op in Indel.opcodes(a_norms, b_norms):
        cur = [op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end]
        if ops and cur[0] != "equal" and ops[-1][0] != "equal":
            prev = ops[-1]
            prev[0] = "replace"
            prev[2], prev[4] = cur[2], cur[4]
        else:
            ops.append(cur)
    return ops


def _size(op: list) -> int:
    return max(op[2] - op[1], op[4] - op[3])


def _cleanup(ops: list[list], a_words: Sequence[Word]) -> list[list]:
    """Fold short equal runs caught between two edits into one ``replace``.

    An equal run of ``n`` tokens between two edits is folded when it holds no content
    word and ``n`` is at most the size of each neighbouring edit: ``the``, ``,`` or
    ``of`` between two edits is noise, a kept name or noun is not.
    """
    # Folding ops[k-1:k+2] changes only the triples around the new op, and every triple
    # before them was already found unfoldable: the scan resumes two places back, which
    # folds exactly what rescanning from the start would, in one pass over the ops.
    k = 1
    while k < len(ops) - 1:
        left, mid, right = ops[k - 1], ops[k], ops[k + 1]
        if mid[0] == "equal" and left[0] != "equal" and right[0] != "equal":
            n = mid[2] - mid[1]
            room = min(_size(left), _size(right))
            content = any(w.content for w in a_words[mid[1] : mid[2]])
            if n <= room and not content:
                ops[k - 1 : k + 2] = [["replace", left[1], right[2], left[3], right[4]]]
                k = max(1, k - 2)
                continue
        k += 1
    return ops


def _span(words: Sequence[Word], lo: int, hi: int) -> tuple[int, int]:
    """The text span of ``words[lo:hi]``; an empty span where words would go if lo == hi."""
    if hi > lo:
        return words[lo].start, words[hi - 1].end
    if lo < len(words):
        return words[lo].start, words[lo].start
    if words:
        return words[-1].end, words[-1].end
    return 0, 0


def _between(breaks: Sequence[int], lo: int, hi: int) -> Sequence[int]:
    """The breaks strictly between ``lo`` and ``hi`` (``breaks`` sorted)."""
    return breaks[bisect_right(breaks, lo) : bisect_left(breaks, hi)]


def _split_at_breaks(op, a_breaks: Sequence[int], b_breaks: Sequence[int]) -> list[tuple]:
    """Split an opcode so that none spans a break (a jump between non-adjacent sentences).

    An equal run is cut at every break; a change that crosses breaks is cut at each of
    them: a's words up to a's first break become b's words up to b's first break, a's
    later pieces are deleted there, and b's later pieces are inserted after a's last
    word, so the opcodes still turn a into b. ``a_breaks``/``b_breaks`` are sorted; the
    work is one pass over the breaks inside the op (no recursion, however many).
    """
    tag, i1, i2, j1, j2 = op
    a_cuts, b_cuts = _between(a_breaks, i1, i2), _between(b_breaks, j1, j2)
    if tag == "equal":
        cuts = sorted({p - i1 for p in a_cuts} | {q - j1 for q in b_cuts})
        bounds = [0, *cuts, i2 - i1]
        return [("equal", i1 + s, i1 + e, j1 + s, j1 + e) for s, e in pairwise(bounds)]
    if not a_cuts and not b_cuts:
        return [op]
    b_first = b_cuts[0] if b_cuts else j2
    a_bounds = [i1, *a_cuts, i2]
    return [
        ("replace", i1, a_bounds[1], j1, b_first),
        *(("replace", s, e, b_first, b_first) for s, e in pairwise(a_bounds[1:])),
        *(("replace", i2, i2, s, e) for s, e in pairwise([*b_cuts, j2])),
    ]


def word_ops(
    a_text: str,
    a_words: Sequence[Word],
    b_text: str,
    b_words: Sequence[Word],
    *,
    a_breaks: Sequence[int] = (),
    b_breaks: Sequence[int] = (),
    a_quotes: Sequence[tuple[int, int]] | None = None,
    b_quotes: Sequence[tuple[int, int]] | None = None,
) -> tuple[Op, ...]:
    """The word-level diff from ``a_words`` to ``b_words`` as :class:`Op` records.

    The words are tokens of ``a_text`` and ``b_text`` (:func:`compare.segment.tokenize`);
    they are matched on ``norm``. Ops cover both sequences in order, like
    ``difflib.SequenceMatcher.get_opcodes``; applying them to a's norms gives b's norms.
    ``a_start:a_end`` spans a's words ``i1:i2`` in ``a_text`` (empty at the insertion
    point for an ``insert``), likewise for b; ``a_text``/``b_text`` are those substrings.
    ``a_breaks``/``b_breaks`` are word indices where the words jump to a sentence that does
    not follow the previous one: no op spans such a break, so no span covers text between.
    ``a_quotes``/``b_quotes`` are the texts' :func:`quote_regions` when the caller has them
    (found here otherwise).
    """
    a_words, b_words = tuple(a_words), tuple(b_words)
    a_breaks, b_breaks = sorted(set(a_breaks)), sorted(set(b_breaks))
    raw = _raw_opcodes([w.norm for w in a_words], [w.norm for w in b_words])
    pieces = [
        piece for op in _cleanup(raw, a_words) for piece in _split_at_breaks(op, a_breaks, b_breaks)
    ]
    if a_quotes is None:
        a_quotes = quote_regions(a_text)
    if b_quotes is None:
        b_quotes = quote_regions(b_text)
    ops = []
    for tag, i1, i2, j1, j2 in pieces:
        if tag == "replace" and i1 == i2:
            tag = "insert"
        elif tag == "replace" and j1 == j2:
            tag = "delete"
        a_start, a_end = _span(a_words, i1, i2)
        b_start, b_end = _span(b_words, j1, j2)
        kind = "" if tag == "equal" else classify(
            a_words, i1, i2, b_words, j1, j2, a_quotes, b_quotes
        )
        ops.append(
            Op(
                tag, i1, i2, j1, j2, a_start, a_end, b_start, b_end,
                a_text[a_start:a_end], b_text[b_start:b_end], kind,
            )
        )
    return tuple(ops)


def _link_words(article: Article, indices: Iterable[int]) -> tuple[Word, ...]:
    return tuple(w for i in sorted(indices) for w in article.words[i])


def _breaks(article: Article, indices: Iterable[int]) -> tuple[int, ...]:
    """Word positions where the link's sentences jump over sentences not in the link."""
    breaks, position, previous = [], 0, None
    for i in sorted(indices):
        if previous is not None and i != previous + 1:
            breaks.append(position)
        position += len(article.words[i])
        previous = i
    return tuple(breaks)


def diff_link(a: Article, b: Article, link: Link) -> Diff:
    """The word diff between the sentences of ``link`` in a and in b (in index order)."""
    return diff_links(a, b, (link,))[0]


def diff_links(a: Article, b: Article, links: Iterable[Link]) -> tuple[Diff, ...]:
    """:func:`diff_link` of each of ``links``, in their order (the quote regions of the
    two texts found once for all of them)."""
    a_quotes, b_quotes = quote_regions(a), quote_regions(b)
    return tuple(
        Diff(a=tuple(link.a), b=tuple(link.b), relation=link.relation, ops=word_ops(
            a.text, _link_words(a, link.a), b.text, _link_words(b, link.b),
            a_breaks=_breaks(a, link.a), b_breaks=_breaks(b, link.b),
            a_quotes=a_quotes, b_quotes=b_quotes,
        ))
        for link in links
    )



# --- framing ---------------------------------------------------------------------------

_STEM = 5  # content words are compared on their first letters: afghan ~ afghanistan


@dataclass(frozen=True)
class _Cue:
    """A cue verb outside quotation marks, with the words of the statement it introduces."""

    pos: int  # index in the link's word sequence
    word: Word
    lemma: str
    scope: frozenset[str]


def _stems(words: Iterable[Word]) -> frozenset[str]:
    return frozenset(w.norm[:_STEM] for w in words if w.content and not _framing_word(w.norm))


def _reporter_word(words: Sequence[Word], k: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """True when ``words[k]`` is the reporter's own word: outside quotes, not a name."""
    word = words[k]
    if _inside(word, quotes):
        return False
    return not (word.text[:1].isupper() and not _sentence_initial(words, k))


def _cues(
    words: Sequence[Word], quotes: Sequence[tuple[int, int]], closing: frozenset[int]
) -> list[_Cue]:
    """Cue verbs of ``words`` with their scope: the statement each one attributes.

    A verb right after a closing quote (``," he said``) attributes the words before it
    (back to the previous cue verb); any other verb attributes the words after it, up
    to the next cue verb. ``closing`` holds the positions of the closing marks.
    """
    verbs = lexicon().framing_cue_verbs
    where = [k for k, w in enumerate(words) if w.norm in verbs and _reporter_word(words, k, quotes)]
    cues = []
    for n, k in enumerate(where):
        prev = where[n - 1] + 1 if n else 0
        nxt = where[n + 1] if n + 1 < len(where) else len(words)
        backward = any(w.start in closing for w in words[max(prev, k - 3) : k])
        scope = words[prev:k] if backward else words[k + 1 : nxt]
        cues.append(_Cue(k, words[k], verbs[words[k].norm], _stems(scope)))
    return cues


def _pair_cues(a_cues: list[_Cue], b_cues: list[_Cue]) -> list[tuple[_Cue, _Cue]]:
    """Pair cue verbs that attribute the same statement, best first.

    A pair scores the number of content words (stems) their statements share, plus one
    when both use the same verb; pairs are taken greedily, highest score first (ties by
    position), and a pair needs a score of at least one.
    """
    scored = []
    for x in a_cues:
        for y in b_cues:
            score = len(x.scope & y.scope) + (x.lemma == y.lemma)
            if score >= 1:
                scored.append((-score, x.pos, y.pos, x, y))
    scored.sort(key=lambda t: t[:3])
    used_a, used_b, pairs = set(), set(), []
    for _, i, j, x, y in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((x, y))
    return sorted(pairs, key=lambda p: (p[0].pos, p[1].pos))


def _edited(a_words: Sequence[Word], b_words: Sequence[Word]) -> dict[str, set[int]]:
    """Word indices of each side inside an edit of the word diff (as :func:`word_ops`
    finds it: the ops' ``tag`` and ranges do not depend on their kinds or spans)."""
    ops = _cleanup(_raw_opcodes([w.norm for w in a_words], [w.norm for w in b_words]), a_words)
    return {
        "a": {i for op in ops if op[0] != "equal" for i in range(op[1], op[2])},
        "b": {j for op in ops if op[0] != "equal" for j in range(op[3], op[4])},
    }


def _added(
    kind: str,
    a_words: Sequence[Word],
    b_words: Sequence[Word],
    a_quotes: Sequence[tuple[int, int]],
    b_quotes: Sequence[tuple[int, int]],
    edited: Callable[[], dict[str, set[int]]],
) -> list[tuple[str, Word]]:
    """Words of list ``kind`` (hedges, intensifiers) one side uses more often than the other.

    Returns ``(side, word)``; among several uses of the same word, those inside edits of
    the word diff (``edited()``, asked only when such a word is found) are taken first.
    """
    listed = getattr(lexicon(), kind)
    found = {}
    for side, words, quotes in (("a", a_words, a_quotes), ("b", b_words, b_quotes)):
        found[side] = [
            k for k, w in enumerate(words)
            if w.norm in listed and _reporter_word(words, k, quotes)
        ]
    if not found["a"] and not found["b"]:
        return []
    edited_words = edited()
    counts = {side: Counter(words[k].norm for k in found[side])
              for side, words in (("a", a_words), ("b", b_words))}
    out = []
    for side, other, words in (("a", "b", a_words), ("b", "a", b_words)):
        surplus = counts[side] - counts[other]
        ranked = sorted(found[side], key=lambda k: (k not in edited_words[side], k))
        for k in ranked:
            if surplus[words[k].norm] > 0:
                surplus[words[k].norm] -= 1
                out.append((side, words[k]))
    return sorted(out, key=lambda t: (t[0], t[1].start))


def framing(a: Article, b: Article, links: Iterable[Link]) -> tuple[Framing, ...]:
    """How the two reports frame the statements of each link differently.

    ``attribution``: the cue verbs the reports use for the same statement differ, in
    tense (``blames`` / ``blamed``) or in verb (``acknowledged`` / ``said``); cue verbs
    are paired by the words of the statements they introduce. ``hedge`` and
    ``intensifier``: a word from the shipped lists (``reportedly``, ``may``;
    ``desperately``, ``fierce``) that one report uses and the other does not. Words
    inside quotation marks are the speaker's, not the reporter's, and are left out.
    Records come in link order (by sentence indices), then by position.
    """
    a_quotes, b_quotes = quote_regions(a), quote_regions(b)
    a_closing, b_closing = _closing_marks(a), _closing_marks(b)
    seen = set()
    out = []
    for link in sorted(links, key=lambda k: (tuple(k.a), tuple(k.b))):
        la, lb = tuple(link.a), tuple(link.b)
        aw, bw = _link_words(a, la), _link_words(b, lb)
        a_cues, b_cues = _cues(aw, a_quotes, a_closing), _cues(bw, b_quotes, b_closing)
        for x, y in _pair_cues(a_cues, b_cues):
            if x.word.norm == y.word.norm:
                continue
            if x.lemma == y.lemma:
                note = f"same verb ({x.lemma}), different form: {x.word.text} / {y.word.text}"
            else:
                neutral = lexicon().neutral_cue_verbs
                note = "different verbs: " + " / ".join(
                    f"{c.lemma} (neutral)" if c.lemma in neutral else c.lemma for c in (x, y)
                )
            out.append(Framing(
                "attribution", la, lb, x.word.text, y.word.text,
                (x.word.start, x.word.end), (y.word.start, y.word.end), note,
            ))
        edited = cache(partial(_edited, aw, bw))
        for kind, label in (("hedges", "hedge"), ("intensifiers", "intensifier")):
            for side, w in _added(kind, aw, bw, a_quotes, b_quotes, edited):
                span = (w.start, w.end)
                out.append(Framing(
                    label, la, lb,
                    w.text if side == "a" else "", w.text if side == "b" else "",
                    span if side == "a" else None, span if side == "b" else None,
                    f"only {side} uses the {label} '{w.norm}'",
                ))
    unique = []
    for f in out:
        key = (f.kind, f.a_span, f.b_span)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return tuple(unique)
