"""The HTML page and the notebook summary: structure, escaping, determinism."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare import render
from compare.models import (
    Article,
    Comparison,
    Coverage,
    Detail,
    DetailMatch,
    Diff,
    Framing,
    Link,
    Op,
    Passage,
    Quote,
    QuotePair,
    Records,
    Verdict,
)
from compare.pipeline import compare
from compare.plot import RELATION_COLORS, sentence_status

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def result(article_a, article_b):
    return compare(article_a, article_b)


@pytest.fixture(scope="module")
def html_page(result):
    return render.comparison_html(result)


@pytest.fixture(scope="module")
def hostile():
    """Two reports whose text and metadata try to inject markup."""
    a = Article.from_text(
        f"The mayor said {HOSTILE} was found on the site. Officials confirmed 12 arrests "
        "on Monday.\n\nThe council met later & voted \"yes\" to <b>new</b> rules.",
        name=f"a{HOSTILE}",
        meta={"title": '"><img src=x onerror=alert(2)>', "url": "javascript:alert(3)"},
    )
    b = Article.from_text(
        f"Officials confirmed 12 arrests on Monday. The mayor said {HOSTILE} was found on "
        "the site. A spokesman added <i>nothing</i>.",
        name="b'quote\"",
    )
    return compare(a, b)


class Collector(HTMLParser):
    """Every start tag with its attributes, and every script body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def test_page_is_a_standalone_document(html_page):
    assert html_page.startswith("<!DOCTYPE html>\n")
    assert html_page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in html_page
    tags = parse(html_page).tags
    # nothing refers to another file or host: images are inline data, no <link>, no src=http
    assert not [t for t, _ in tags if t in {"link", "iframe", "object", "embed"}]
    for tag, attrs in tags:
        if "src" in attrs:
            assert attrs["src"].startswith("data:image/png;base64,"), tag
        if tag == "script":
            assert "src" not in attrs
    assert "http://" not in html_page and "https://" not in html_page
    # url() only for a fragment of the page itself (the charts' hatch pattern)
    assert "@import" not in html_page and not re.search(r"url\((?!#)", html_page)


def test_page_has_every_section(html_page):
    ids = {attrs.get("id") for _, attrs in parse(html_page).tags}
    for section in ("verdict", "story", "coverage", "side-by-side", "differences", "details",
                    "quotes", "framing", "passages", "charts", "report-a", "report-b"):
        assert section in ids, section
    for name in ("alignment_map", "similarity_heatmap", "coverage_bars", "position_chart",
                 "details_chart"):
        assert f"chart-{name}" in ids


def test_every_sentence_is_a_span_with_its_partners(html_page, result):
    tags = parse(html_page).tags
    spans = {a["id"]: a for t, a in tags if t == "span" and "data-side" in a}
    assert len(spans) == len(result.a.sentences) + len(result.b.sentences)
    for side, article in (("a", result.a), ("b", result.b)):
        statuses = sentence_status(result, side)
        for sentence in article.sentences:
            attrs = spans[f"{side}-{sentence.index}"]
            assert attrs["data-rel"] == statuses[sentence.index]
            assert int(attrs["data-index"]) == sentence.index
    for link in result.links:
        for i in link.a:
            assert {f"b-{j}" for j in link.b} <= set(spans[f"a-{i}"]["data-partners"].split())
        for j in link.b:
            assert {f"a-{i}" for i in link.a} <= set(spans[f"b-{j}"]["data-partners"].split())
    unique = [k for k, s in enumerate(sentence_status(result, "a")) if s == "unique"]
    assert all("data-partners" not in spans[f"a-{k}"] for k in unique)


def test_sentence_text_is_shown_whole_and_in_order(html_page, result):
    text = re.sub(r"<[^>]+>", "", html_page.split('id="report-a"')[1].split('id="report-b"')[0])
    import html

    text = html.unescape(text)
    positions = [text.index(s.text) for s in result.a.sentences]
    assert positions == sorted(positions)


def test_relation_colours_are_the_chart_colours(html_page):
    for relation, color in RELATION_COLORS.items():
        if relation != "unique":
            assert f'.swatch[data-rel="{relation}"] {{ background: {color}; }}' in html_page


def _marked(section: str, tag: str) -> str:
    """The text inside every ``tag`` of ``section``, unescaped, with no whitespace."""
    import html

    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", section, re.S)
    return re.sub(r"\s+", "", html.unescape("".join(found)))


def _clipped(article, indices, start, end):
    """The parts of ``article.text[start:end]`` inside the sentences ``indices``, no spaces."""
    parts = [article.text[max(start, s.start):min(end, s.end)]
             for s in (article.sentences[i] for i in indices)]
    return [re.sub(r"\s+", "", p) for p in parts if p.strip()]


def test_differences_mark_each_changed_word(html_page, result):
    differences = html_page.split('id="differences"')[1].split("</section>")[0]
    assert differences.count('class="pair"') == len(result.diffs)
    deleted, inserted = _marked(differences, "del"), _marked(differences, "ins")
    changed = [(d, op) for d in result.diffs for op in d.ops if op.tag != "equal"]
    assert changed
    for diff, op in changed:
        for piece in _clipped(result.a, diff.a, op.a_start, op.a_end):
            assert piece in deleted
        for piece in _clipped(result.b, diff.b, op.b_start, op.b_end):
            assert piece in inserted
    # one mark per changed op and linked sentence it touches, in each pair
    pairs = re.findall(r'<div class="pair" data-link="(\d+)">(.*?)(?=<div class="pair"|$)',
                       differences, re.S)
    assert len(pairs) == len(result.diffs)
    for k, body in pairs:
        diff = result.diffs[int(k)]
        expected_del = sum(
            1 for op in diff.ops if op.tag in ("replace", "delete")
            for s in (result.a.sentences[i] for i in diff.a)
            if min(op.a_end, s.end) > max(op.a_start, s.start))
        expected_ins = sum(
            1 for op in diff.ops if op.tag in ("replace", "insert")
            for s in (result.b.sentences[j] for j in diff.b)
            if min(op.b_end, s.end) > max(op.b_start, s.start))
        assert body.count("<del") == expected_del
        assert body.count("<ins") == expected_ins
    quotes = html_page.split('id="quotes"')[1].split("</section>")[0]
    for op in (op for q in result.quotes for op in q.ops if op.tag != "equal"):
        assert re.sub(r"\s+", "", op.a_text) in _marked(quotes, "del")
        assert re.sub(r"\s+", "", op.b_text) in _marked(quotes, "ins")


def test_unique_details_quotes_and_framing_are_listed(html_page, result):
    details = html_page.split('id="details"')[1].split("</section>")[0]
    for match in result.details:
        assert render.escape(match.text) in details
    conflicts = [m for m in result.details if m.status == "conflict"]
    assert details.count('data-status="conflict"') == len(conflicts)
    quotes = html_page.split('id="quotes"')[1].split("</section>")[0]
    assert quotes.count("<tr>") == len(result.quotes) + 1
    framing = html_page.split('id="framing"')[1].split("</section>")[0]
    for item in result.framing:
        assert render.escape(item.a_text) in framing and render.escape(item.b_text) in framing


def test_article_text_and_metadata_are_escaped(hostile):
    page = render.comparison_html(hostile, charts=False)
    assert HOSTILE not in page
    assert render.escape(HOSTILE) in page
    assert "<img src=x" not in page and "<b>new</b>" not in page and "<i>nothing" not in page
    parsed = parse(page)
    # the only script is the page's own, and no attribute runs code or leaves its quotes
    assert len(parsed.scripts) == 1 and "alert" not in parsed.scripts[0]
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any(str(v).startswith("javascript:") for k, v in attrs.items()
                       if k in {"href", "src"}), (tag, attrs)
    summary = render.comparison_summary_html(hostile)
    assert HOSTILE not in summary and render.escape(HOSTILE) in summary


def test_custom_title_is_escaped(result):
    page = render.comparison_html(result, title="A & B <compared>", charts=False)
    assert "<title>A &amp; B &lt;compared&gt;</title>" in page
    assert "<h1>A &amp; B &lt;compared&gt;</h1>" in page


def test_render_is_deterministic(result):
    assert render.comparison_html(result) == render.comparison_html(result)
    assert render.comparison_summary_html(result) == render.comparison_summary_html(result)


def test_summary_shows_verdict_coverage_and_top_links(result):
    summary = result._repr_html_()
    assert summary == render.comparison_summary_html(result)
    assert render.escape(result.verdict.label) in summary
    assert f"{result.coverage[0].verbatim * 100:.0f}%" in summary
    best = max(result.links, key=lambda lk: lk.score)
    assert f"{best.score:.2f}" in summary
    assert summary.count("<tr>") == 2 + 1 + 2 + 2 + 1 + min(5, len(result.links))
    assert "<script" not in summary and "<html" not in summary


def test_a_comparison_with_no_links_renders(result):
    import dataclasses

    empty = dataclasses.replace(result, links=Records(), diffs=Records(), quotes=Records(),
                                framing=Records(), passages=Records(), details=Records())
    assert isinstance(empty, Comparison)
    page = render.comparison_html(empty, charts=False)
    assert "No sentences are linked." in page
    assert 'data-partners="' not in page
    assert "No linked sentences." in render.comparison_summary_html(empty)


@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'“\n")), max_size=40),
    cuts=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6),
    window=st.tuples(st.integers(0, 45), st.integers(0, 45)),
)
def test_marked_text_reads_back_as_the_original(text, cuts, window):
    import html

    start, end = sorted(window)
    end = min(end, len(text))
    start = min(start, end)
    marks = [(min(x, y), max(x, y), "del", "other") for x, y in cuts]
    out = render._marked(text, start, end, marks)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text[start:end]
    assert out.count("<del") == out.count("</del>")
    assert "<" not in re.sub(r"</?del[^>]*>", "", out)


def test_render_writes_no_file():
    assert not hasattr(render, "write_html")


def test_partners_are_symmetric(result):
    a_partners, b_partners = result.partners("a"), result.partners("b")
    pairs_a = {(i, j) for i, js in enumerate(a_partners) for j in js}
    pairs_b = {(i, j) for j, is_ in enumerate(b_partners) for i in is_}
    assert pairs_a == pairs_b == {(i, j) for lk in result.links for i in lk.a for j in lk.b}


# --- golden file ---------------------------------------------------------------------
# tests/golden/tiny.html pins the page (without charts, whose PNG bytes depend on the
# matplotlib and FreeType versions) for a small hand-made comparison. After an intended
# change to render.py, regenerate it with:
#     UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render.py -k golden
# and review the diff of tests/golden/tiny.html before committing it.

GOLDEN = Path(__file__).parent / "golden" / "tiny.html"


def _word_ops(a, b, ia, ib):
    """difflib opcodes over the words of sentences ``ia`` of a and ``ib`` of b, as Ops."""
    from difflib import SequenceMatcher

    wa = [w for i in ia for w in a.words[i] if w.is_word]
    wb = [w for j in ib for w in b.words[j] if w.is_word]
    matcher = SequenceMatcher(None, [w.norm for w in wa], [w.norm for w in wb], autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a0 = wa[i1].start if i1 < len(wa) else wa[-1].end
        b0 = wb[j1].start if j1 < len(wb) else wb[-1].end
        a1 = wa[i2 - 1].end if i2 > i1 else a0
        b1 = wb[j2 - 1].end if j2 > j1 else b0
        kind = "" if tag == "equal" else ("number" if any(
            w.text[0].isdigit() for w in (*wa[i1:i2], *wb[j1:j2])) else "other")
        ops.append(Op(tag, i1, i2, j1, j2, a0, a1, b0, b1, a.text[a0:a1], b.text[b0:b1], kind))
    return tuple(ops)


def tiny_comparison() -> Comparison:
    """A small comparison made by hand, independent of the pipeline."""
    a = Article.from_text(
        "Police arrested 12 people on Monday. The mayor said the city was \u201ccalm\u201d."
        "\n\nA fire broke out at noon.",
        name="tiny-a", meta={"title": "Arrests & a fire", "date": "2024-01-01"},
    )
    b = Article.from_text(
        "The mayor said the city was \u201cquiet\u201d. Police detained 14 people on Monday.",
        name="tiny-b", meta={"outlet": "The <Daily>"},
    )
    links = (
        Link((0,), (1,), 0.71, "paraphrase", ("police", "people", "monday"),
             {"content_overlap": 0.6}, "same content words, one verb changed"),
        Link((1,), (0,), 0.9, "near_verbatim", ("mayor", "said", "city"),
             {"content_overlap": 0.8}, "same words but one"),
    )
    diffs = tuple(Diff(lk.a, lk.b, lk.relation, _word_ops(a, b, lk.a, lk.b)) for lk in links)
    twelve, fourteen = a.text.index("12"), b.text.index("14")
    details = (
        DetailMatch("number", "quantity", "12", "12", "conflict", (0,), (), (
            Detail("number", "quantity", "12", "12", twelve, twelve + 2, 0),), (
            Detail("number", "quantity", "14", "14", fourteen, fourteen + 2, 1),),
            note="12 in a, 14 in b"),
        DetailMatch("date", "weekday", "monday", "Monday", "shared", (0,), (1,), (), ()),
    )
    qa, qb = a.text.index("calm"), b.text.index("quiet")
    quote_a = Quote(qa, qa + 4, "calm", "the mayor", "said", "", (1,), True)
    quote_b = Quote(qb, qb + 5, "quiet", "the mayor", "said", "", (0,), True)
    quote_ops = (Op("replace", 0, 1, 0, 1, qa, qa + 4, qb, qb + 5, "calm", "quiet", "quote"),)
    fire = a.text.index("A fire")
    passage = b.text.index("The mayor said the city was")
    return Comparison(
        a=a, b=b, links=Records(links),
        passages=Records((Passage(a.text.index("The mayor"), a.text.index("The mayor") + 27,
                                  passage, passage + 27, 6, "The mayor said the city was"),)),
        coverage=(Coverage("tiny-a", "tiny-b", 0.4, 0.3, 0.3, 10,
                           ("paraphrase", "near_verbatim", "unique")),
                  Coverage("tiny-b", "tiny-a", 0.5, 0.5, 0.0, 9,
                           ("near_verbatim", "paraphrase"))),
        verdict=Verdict("light revision", {"verbatim": 0.45}, "most words kept, a few changed"),
        details=Records(details),
        quotes=Records((QuotePair(quote_a, quote_b, 0.5, "reworded", quote_ops),)),
        diffs=Records(diffs),
        framing=Records((Framing("hedge", (2,), (), "broke out", "", (fire + 7, fire + 16),
                                 None, "only a reports the fire"),)),
    )


def test_golden_page():
    page = render.comparison_html(tiny_comparison(), charts=False)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(page, encoding="utf-8")
    assert GOLDEN.exists(), "run UPDATE_GOLDEN=1 pytest tests/test_render.py -k golden"
    assert page == GOLDEN.read_text(encoding="utf-8")


def test_tiny_page_structure():
    page = render.comparison_html(tiny_comparison(), charts=False)
    assert "The &lt;Daily&gt;" in page and "Arrests &amp; a fire" in page
    assert 'data-kind="number" title="number changed">arrested 12</del>' in page
    assert 'data-kind="number" title="number changed">detained 14</ins>' in page
    assert 'data-kind="quote" title="quote changed">calm</del>' in page
    assert "<mark>broke out</mark>" in page
    assert 'id="a-2" data-side="a" data-index="2" data-rel="unique"' in page


def test_diff_and_quote_pair_show_inline_in_notebooks():
    from compare.models import Diff, Op, Quote, QuotePair
    from compare.render import ops_html

    ops = (
        Op("equal", 0, 2, 0, 2, 0, 8, 0, 8, "the <b>", "the <b>", ""),
        Op("replace", 2, 3, 2, 3, 9, 13, 9, 13, "past", "last", "quote"),
        Op("insert", 3, 3, 3, 4, 13, 13, 14, 36, "", "<script>x()</script>", "other"),
    )
    html_text = Diff((0,), (1,), "near_verbatim", ops)._repr_html_()
    assert html_text == ops_html(ops)
    assert "the &lt;b&gt;" in html_text and "<script>" not in html_text
    assert ">past</del>" in html_text and ">last</ins>" in html_text
    assert 'title="quote changed"' in html_text
    quote = Quote(0, 10, "I share <your> pain", "Jens Stoltenberg", "told", "", (15,), False)
    only = QuotePair(quote, None, 0.0, "only_a", ())
    assert only._repr_html_().endswith("<em>only in a:</em> I share &lt;your&gt; pain</div>")
    assert QuotePair(quote, quote, 1.0, "reworded", ops)._repr_html_() == html_text


# --- issue 8: what a class sees ------------------------------------------------------

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_escape_neutralises_bidirectional_controls():
    out = render.escape("price \u202e0.5$ \u2066x\u2069 <b>")
    assert not any(ch in out for ch in BIDI)
    import html as html_module

    # each control becomes a visible, inert marker naming its code point
    for ch in BIDI:
        marked = render.escape(f"a{ch}b")
        code = f"{ord(ch):04X}"
        assert marked == f'a<span class="ctl" title="U+{code}">[U+{code}]</span>b'
        text = html_module.unescape(re.sub(r"<[^>]+>", "", marked))
        assert ch not in text
    assert "&lt;b&gt;" in out
    # ordinary text, and characters that only look odd, are untouched
    assert render.escape("naïve “quote” – 12%") == "naïve “quote” – 12%"


def test_bidi_controls_in_a_report_never_reach_the_page():
    a = Article.from_text("The mayor said the price was \u202e21$\u202c on Monday.", name="a\u2067")
    b = Article.from_text("The mayor said the price was 12$ on Monday.", name="b")
    result = compare(a, b)
    page = render.comparison_html(result, charts=False)
    summary = render.comparison_summary_html(result)
    for out in (page, summary):
        assert not any(ch in out for ch in BIDI)
        assert 'title="U+202E">[U+202E]</span>' in out


def test_back_link_is_optional_and_escaped(result):
    page = render.comparison_html(result, charts=False)
    assert 'class="back"' not in page
    page = render.comparison_html(result, charts=False, back_link='index.html?x="1"&y=<2>')
    back = re.search(r'<a class="back" href="([^"]*)">([^<]*)</a>', page)
    assert back and back.group(1) == "index.html?x=&quot;1&quot;&amp;y=&lt;2&gt;"
    assert page.index('class="back"') < page.index("<h1>")
    with pytest.raises(ValueError, match="javascript"):
        render.comparison_html(result, charts=False, back_link="javascript:alert(1)")


def test_header_says_the_verdict_in_one_line_and_hides_the_scores(result):
    page = render.comparison_html(result, charts=False)
    header = page.split('<header class="page">')[1].split("</header>")[0]
    verdict = header.split('id="verdict"')[1].split("<details")[0]
    plain = re.sub(r"<[^>]+>", " ", verdict)
    assert len(plain.split()) <= 25, plain
    assert "containment" not in verdict
    # the scores and the long reason are behind a disclosure, with plain names
    disclosure = header.split("<details")[1].split("</details>")[0]
    assert "<summary>" in disclosure
    assert render.escape(result.verdict.reason) in disclosure
    for key, value in result.verdict.scores.items():
        assert key in disclosure
        shown = f"{value:.0f}" if key.endswith("_words") else f"{value * 100:.0f}%"
        assert shown in disclosure, key
    assert "three-word sequences" in disclosure


def test_every_verdict_has_a_plain_sentence():
    from compare.models import VERDICTS

    assert set(render.VERDICT_TEXT) == set(VERDICTS)
    assert len(set(render.VERDICT_TEXT.values())) == len(VERDICTS)


def test_quote_without_speaker_has_no_stray_separator():
    import dataclasses

    tiny = tiny_comparison()
    pair = tiny.quotes[0]
    lone = dataclasses.replace(pair.b, speaker="", verb="", setting="")
    page = render.comparison_html(
        dataclasses.replace(tiny, quotes=Records((dataclasses.replace(pair, b=lone),))),
        charts=False)
    quotes = page.split('id="quotes"')[1].split("</section>")[0]
    assert "<small> · " not in quotes and "<small>·" not in quotes
    assert '<small><a href="#b-0"' in quotes


def test_empty_fact_groups_say_so_in_words():
    import dataclasses

    tiny = tiny_comparison()
    shared_only = Records(m for m in tiny.details if m.status == "shared")
    page = render.comparison_html(dataclasses.replace(tiny, details=shared_only), charts=False)
    details = page.split('id="details"')[1].split("</section>")[0]
    assert "No number conflicts between the two reports." in details
    assert "No fact only in a (tiny-a)." in details and "No fact only in b (tiny-b)." in details
    assert "<table></table>" not in details and "<p>None.</p>" not in details
    full = render.comparison_html(tiny, charts=False).split('id="details"')[1]
    assert "No number conflicts" not in full.split("</section>")[0]


def test_conflict_note_uses_the_reports_wording():
    a = Article.from_text("Police said two women were hurt in the crash on Monday.", name="a")
    b = Article.from_text("Police said five women were hurt in the crash on Monday.", name="b")
    result = compare(a, b)
    conflict = [m for m in result.details if m.status == "conflict"]
    assert conflict and "womens" not in conflict[0].note and "women" in conflict[0].note
    page = render.comparison_html(result, charts=False)
    assert "womens" not in page


def test_notebook_summary_says_the_verdict_in_one_line(result):
    summary = render.comparison_summary_html(result)
    line = re.search(r"<div>Verdict:(.*?)</div>", summary, re.S).group(1)
    assert len(re.sub(r"<[^>]+>", " ", line).split()) <= 25
    assert render.escape(render.VERDICT_TEXT[result.verdict.label]) in line
    why = summary.split("<details>")[1].split("</details>")[0]
    assert render.escape(result.verdict.reason) in why


@pytest.fixture
def scoring_calls(monkeypatch):
    """Counts every call of the similarity model's scoring functions (in any module of
    compare that holds them) while a test runs; monkeypatch restores them after."""
    import sys

    from compare.similarity import model, signals

    calls = []
    for original in (model.apply_model, signals.signals_for_pairs):
        def counted(*args, _original=original, **kwargs):
            calls.append(_original.__name__)
            return _original(*args, **kwargs)

        for name, module in list(sys.modules.items()):
            if name.startswith("compare") and getattr(module, original.__name__, None) \
                    is original:
                monkeypatch.setattr(module, original.__name__, counted)
    return calls


def test_page_and_heatmap_draw_the_kept_scores_without_scoring_again(result, scoring_calls):
    from matplotlib.figure import Figure

    from compare.plot import similarity_heatmap

    render.comparison_html(result)
    similarity_heatmap(result, ax=Figure().add_subplot())
    assert scoring_calls == []
    compare(result.a, result.b)  # the counter does see the model when it is used
    assert "apply_model" in scoring_calls


def test_importing_render_does_not_import_matplotlib():
    import subprocess
    import sys

    code = "import compare.render, sys; assert 'matplotlib' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ}, check=False)
    assert done.returncode == 0, done.stderr


# --- charts: inline SVG drawn from the comparison's data ---------------------------


def test_building_a_page_leaves_matplotlib_out():
    """The page's charts are SVG written here: building both pages, charts included, in a
    fresh interpreter imports no matplotlib."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from compare import collate, compare\n"
        "from compare.render import collation_html, comparison_html\n"
        "a, b = Path('data/report-a.txt'), Path('data/report-b.txt')\n"
        "assert '<svg' in comparison_html(compare(a, b))\n"
        "assert '<svg' in collation_html(collate([a, b]))\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ}, cwd=root, check=False)
    assert done.returncode == 0, done.stderr


def _svgs(page: str) -> dict[str, str]:
    """Each chart's ``<figure>`` of the page by name."""
    return dict(re.findall(r'<figure id="chart-([a-z_]+)">(.*?)</figure>', page, re.S))


def _paths(svg: str, cls: str) -> list[tuple[str, str, str]]:
    """``(data-rel or data-status, fill, d)`` of every path of class ``cls``."""
    found = []
    for attrs in re.findall(rf'<path class="{cls}" ([^>]*)>', svg):
        key = re.search(r'data-(?:rel|status|support|part)="([^"]*)"', attrs)
        fill = re.search(r' fill="([^"]*)"', " " + attrs)
        d = re.search(r' d="([^"]*)"', " " + attrs)
        found.append((key[1] if key else "", fill[1] if fill else "", d[1] if d else ""))
    return found


def test_each_chart_is_an_svg_with_its_title_label_and_caption(html_page):
    figures = _svgs(html_page)
    assert set(figures) == set(render.CHART_TEXT)
    for name, figure in figures.items():
        title, caption = render.CHART_TEXT[name]
        assert "<img" not in figure
        assert f'<svg class="chart" id="svg-{name}" viewBox="0 0 ' in figure
        assert f'role="img" aria-label="{render.escape(title)}: {render.escape(caption)}"' in figure
        assert f"<title>{render.escape(title)}</title>" in figure
        assert f"<figcaption>{render.escape(caption)}</figcaption>" in figure
        assert 'class="legend"' in figure


def test_alignment_map_draws_every_sentence_and_link_in_its_relation_colour(html_page, result):
    from compare.present import linked_pairs

    svg = _svgs(html_page)["alignment_map"]
    for side, article in (("a", result.a), ("b", result.b)):
        statuses = sentence_status(result, side)
        bars = _paths(svg, f"bars-{side}")
        # one path per status; its boxes are that status's sentences (none merged here:
        # the example's bars are more than a pixel apart)
        assert sorted(rel for rel, *_ in bars) == sorted(set(statuses))
        for rel, fill, d in bars:
            assert d.count("M") == statuses.count(rel)
            assert fill == ("url(#hatch-alignment_map)" if rel == "unique"
                            else RELATION_COLORS[rel])
        # a label inside or beside its bar where it fits: in reading order, a0 first
        shown = re.findall(rf'<text [^>]*>{side}(\d+)</text>', svg)
        assert shown[0] == "0" and shown == sorted(shown, key=int)
        assert set(map(int, shown)) <= set(range(len(article.sentences)))
    links = _paths(svg, "links")
    assert sum(d.count("C") for *_, d in links) == len(linked_pairs(result))
    for rel, _, _ in links:
        assert f'data-rel="{rel}" fill="none" stroke="{RELATION_COLORS[rel]}"' in svg


def test_coverage_and_facts_charts_hold_the_numbers_of_the_comparison(html_page, result):
    from compare.present import detail_counts

    figures = _svgs(html_page)
    coverage = figures["coverage_bars"]
    for cov in result.coverage:
        for key in ("verbatim", "paraphrase", "absent"):
            if getattr(cov, key) > 0:
                assert f"{key.replace('_', ' ')}" in coverage
                assert render._percent(getattr(cov, key)) in coverage
    facts = figures["details_chart"]
    for kind, by_status in detail_counts(result).items():
        for status, count in by_status.items():
            if count:
                assert re.search(rf'data-status="{status}"[^>]*>'
                                 rf"<title>[^<]*: {count}</title>", facts), (kind, status)


def test_heatmap_draws_the_kept_scores_and_outlines_the_links(html_page, result):
    from compare.present import linked_pairs, score_matrix

    svg = _svgs(html_page)["similarity_heatmap"]
    values = score_matrix(result)
    shaded = sum(d.count("M") for *_, d in _paths(svg, "scores"))
    assert 0 < shaded <= int((values > 0).sum())  # adjacent cells of one shade merge
    outlines = _paths(svg, "links")
    assert sum(d.count("M") for *_, d in outlines) == len(linked_pairs(result))


def test_chart_boxes_merge_only_where_they_touch():
    assert render._boxes([(0, 0, 10, 5), (0, 5.2, 10, 5)]) == "M0 0h10v10.2h-10z"
    assert render._boxes([(0, 0, 10, 5), (0, 7, 10, 5)]).count("M") == 2
    assert render._boxes([(0, 0, 2, 5), (2, 0, 2, 5)], join=render.TOUCH) == "M0 0h4v5h-4z"
    assert render._boxes([(0, 0, 2, 5), (2, 0, 2, 5)], join=None).count("M") == 2


def test_charts_escape_report_names_and_facts(hostile):
    page = render.comparison_html(hostile)
    charts = page.split('<section id="charts">')[1].split("</section>")[0]
    assert HOSTILE not in charts and "<script" not in charts
    assert render.escape(HOSTILE, attribute=True) in charts  # a's name, as text
    assert "b&#x27;quote&quot;" in charts
    assert len(parse(page).scripts) == 1
    a = Article.from_text("The price was 12 dollars on Monday.", name="a\u202e<b>")
    b = Article.from_text("The price was 12 dollars on Monday, he said.", name="b")
    page = render.comparison_html(compare(a, b))
    assert "\u202e" not in page and "a[U+202E]&lt;b&gt;" in page


def test_a_long_report_is_drawn_in_bounded_size():
    """2 x 400 sentences: sentence bars thinner than a pixel with gaps thinner than half
    one merge into one box, and the heat map is drawn in blocks of sentences."""
    sentence = "Officials said {k} people met on Monday in the town hall to discuss it."
    a = Article.from_text(" ".join(sentence.format(k=k) for k in range(400)), name="a")
    b = Article.from_text(" ".join(sentence.format(k=k + 7) for k in range(400)), name="b")
    result = compare(a, b)
    assert len(result.a.sentences) == 400
    figures = _svgs(render.comparison_html(result))
    bars = _paths(figures["alignment_map"], "bars-a")
    assert sum(d.count("M") for *_, d in bars) < 40
    heat = figures["similarity_heatmap"]
    assert 0 < sum(d.count("M") for *_, d in _paths(heat, "scores")) <= render.SCORE_CELLS ** 2
    size = re.search(r'viewBox="0 0 (\d+) (\d+)"', heat)
    assert size and int(size[1]) == render.CHART_WIDTH and int(size[2]) < 2 * render.CHART_WIDTH


def test_collation_charts_are_svg(article_a, article_b):
    from compare import collate

    third = Article.from_text("NATO said on Tuesday that 900 staff stayed in Kabul.",
                              name="third <i>")
    page = render.collation_html(collate([article_a, article_b, third]))
    figures = _svgs(page)
    assert set(figures) == set(render.COLLATION_CHART_TEXT)
    assert "<img" not in page and "third <i>" not in page and "third &lt;i&gt;" in page
    assert "covered by" in figures["coverage_matrix"]
    assert _paths(figures["group_matrix"], "groups")
    assert "<circle" in figures["fact_matrix"]
    assert page == render.collation_html(collate([article_a, article_b, third]))
