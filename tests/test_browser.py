"""The HTML page in a real browser: sections, no outside request, partner highlighting.

Uses Debian's Chromium (``apt-get install chromium``) through Playwright's sync API; the
test is skipped when /usr/bin/chromium is missing. It never downloads a browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.pipeline import compare
from compare.render import comparison_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SECTIONS = ["verdict", "coverage", "side-by-side", "differences", "details", "quotes",
            "framing", "passages", "charts"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium not found at /usr/bin/chromium: apt-get install chromium",
    ),
]


@pytest.fixture(scope="module")
def result(article_a, article_b):
    return compare(article_a, article_b)


@pytest.fixture(scope="module")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def classes(locator) -> set[str]:
    return set((locator.get_attribute("class") or "").split())


def _open(chromium, page_html: str, tmp_path, width: int, *, name: str = "collation.html",
          console_errors: bool = False):
    """Open ``page_html`` from a file in headless Chromium at ``width`` px, refusing every
    request that is not a file or data URL; returns the context, the page, the refused
    URLs and the page errors (and console errors when ``console_errors``)."""
    path = tmp_path / name
    path.write_text(page_html, encoding="utf-8")
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    outside, errors = [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file://", "data:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    if console_errors:
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, outside, errors


@pytest.fixture
def opened(chromium, result, tmp_path):
    context, page, outside, errors = _open(
        chromium, comparison_html(result), tmp_path, 1280, name="comparison.html",
        console_errors=True,
    )
    page.outside, page.errors = outside, errors
    yield page
    context.close()


def test_page_has_every_section_and_loads_nothing_outside(opened, result):
    page = opened
    for section in SECTIONS:
        assert page.locator(f"#{section}").count() == 1, section
    assert page.locator("#report-a .s").count() == len(result.a.sentences)
    assert page.locator("#report-b .s").count() == len(result.b.sentences)
    charts = page.locator("#charts svg.chart")
    assert charts.count() == 5
    for k in range(charts.count()):
        assert charts.nth(k).is_visible()
        assert charts.nth(k).evaluate(CHART_DRAWN)
    assert page.outside == []
    assert page.errors == []


def test_clicking_a_sentence_highlights_its_partner(opened, result, tmp_path):
    page = opened
    link = next(lk for lk in result.links if len(lk.b) > 1) if any(
        len(lk.b) > 1 for lk in result.links) else result.links[0]
    i = link.a[0]
    mates = sorted({j for lk in result.links if i in lk.a for j in lk.b})
    partner = page.locator(f"#b-{mates[0]}")
    assert "partner" not in classes(partner)
    page.locator(f"#a-{i}").click()
    for j in mates:
        assert "partner" in classes(page.locator(f"#b-{j}"))
    assert "active" in classes(page.locator(f"#a-{i}"))
    unlinked = [j for j in range(len(result.b.sentences)) if j not in mates]
    assert "partner" not in classes(page.locator(f"#b-{unlinked[0]}"))
    page.evaluate("document.getElementById('side-by-side').scrollIntoView()")
    page.screenshot(path=str(tmp_path / "page.png"), full_page=False)
    page.locator("#side-by-side").screenshot(path=str(tmp_path / "side-by-side.png"))
    assert (tmp_path / "page.png").stat().st_size > 10_000
    page.locator(f"#a-{i}").click()
    assert "partner" not in classes(page.locator(f"#b-{mates[0]}"))
    assert page.errors == []


def test_hover_and_keyboard_highlight(opened, result):
    page = opened
    link = result.links[0]
    a_sentence = page.locator(f"#a-{link.a[0]}")
    a_sentence.hover()
    assert "hover-partner" in classes(page.locator(f"#b-{link.b[0]}"))
    a_sentence.focus()
    page.keyboard.press("Enter")
    assert "partner" in classes(page.locator(f"#b-{link.b[0]}"))


def test_unique_sentence_has_no_partner_and_stays_plain(opened, result):
    page = opened
    from compare.plot import sentence_status

    unique = [k for k, s in enumerate(sentence_status(result, "a")) if s == "unique"]
    sentence = page.locator(f"#a-{unique[0]}")
    assert sentence.get_attribute("data-partners") is None
    sentence.click()
    assert page.locator(".partner").count() == 0


CHART_DRAWN = (
    "svg => svg.getBoundingClientRect().width > 300 && svg.getBBox().width > 100 "
    "&& svg.querySelectorAll('path, rect, circle').length > 2 "
    "&& svg.querySelector('title') !== null && svg.getAttribute('aria-label').length > 10"
)
"""A chart is drawn: it has a width on the page, drawn content, a title and a label."""

OVERFLOW = """() => {
  const boxes = "section, .card, header.page > div";
  const out = [];
  for (const el of document.querySelectorAll("header.page *, main *")) {
    if (el.closest(".scroll") && !el.matches(".scroll")) { continue; }  // scrolls in its box
    const box = el.parentElement.closest(boxes);
    if (!box) { continue; }
    const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (r.width && (r.right > b.right + 1 || r.left < b.left - 1)) {
      out.push(el.tagName + "." + el.className + " " + Math.round(r.left) + "-" +
               Math.round(r.right) + " in " + Math.round(b.left) + "-" + Math.round(b.right));
    }
  }
  return out;
}"""


def test_narrow_screen_has_no_horizontal_overflow(chromium, result, tmp_path):
    context, page, _, _ = _open(chromium, comparison_html(result, back_link="index.html"),
                                tmp_path, 420, name="comparison.html")
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 420
        assert page.evaluate(OVERFLOW) == []
        # a wide table scrolls inside its own box instead of widening the page
        scrolls = page.locator(".scroll")
        assert scrolls.count() > 0
        assert page.evaluate("getComputedStyle(document.querySelector('.scroll')).overflowX") \
            == "auto"
        # a chart shrinks with the page and, below its readable width, scrolls in its box
        boxes = page.locator("#charts .chart-box")
        assert boxes.count() == 5
        for k in range(boxes.count()):
            assert boxes.nth(k).evaluate("box => box.getBoundingClientRect().right") <= 420
            svg = boxes.nth(k).locator("svg.chart")
            assert svg.evaluate(CHART_DRAWN)
            # not narrower than its readable width (report.css): the box scrolls instead
            assert svg.evaluate("svg => svg.getBoundingClientRect().width") >= 359
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.chart-box')).overflowX") == "auto"
    finally:
        context.close()


# --- the many-reports page (collation_html) ---------------------------------------------

THIRD = (
    "NATO Secretary General Jens Stoltenberg said on Tuesday that the Afghan political "
    "leadership failed to stand up to the Taliban. He said there are many lessons to be "
    "learned. Allies will meet again next week to discuss evacuations."
)
SOURCE = (
    "Parts of the Afghan security forces fought bravely, but they were unable to secure the "
    "country because ultimately the Afghan political leadership failed to stand up to the "
    "Taliban. There are many lessons to be learned. We will hold an extraordinary meeting "
    "of foreign ministers on Friday."
)


@pytest.fixture(scope="module")
def collation(article_a, article_b):
    from compare import Article, collate

    return collate([article_a, article_b, Article.from_text(THIRD, name="third")],
                   source=Article.from_text(SOURCE, name="statement"))




def test_collation_page_sections_and_group_highlighting(chromium, collation, tmp_path):
    from compare.render import collation_html

    context, page, outside, errors = _open(chromium, collation_html(collation), tmp_path, 1280)
    try:
        for section in ("coverage", "side-by-side", "groups", "details", "quotes", "source",
                        "charts"):
            assert page.locator(f"#{section}").count() == 1, section
        for r, article in enumerate(collation.reports):
            assert page.locator(f"#report-{r + 1} .s").count() == len(article.sentences)
        charts = page.locator("#charts svg.chart")
        assert charts.count() == 3
        for k in range(charts.count()):
            assert charts.nth(k).evaluate(CHART_DRAWN)
        group = next(g for g in collation.groups if g.support == "all")
        (r0, s0), others = group.sentences[0], group.sentences[1:]
        outsider = next(m for g in collation.groups if g is not group for m in g.sentences)
        page.locator(f"#r{r0 + 1}-{s0}").click()
        assert "active" in classes(page.locator(f"#r{r0 + 1}-{s0}"))
        for r, s in others:
            assert "partner" in classes(page.locator(f"#r{r + 1}-{s}")), (r, s)
        assert "partner" not in classes(page.locator(f"#r{outsider[0] + 1}-{outsider[1]}"))
        assert {r for r, _ in others} >= {1, 2}  # highlighted in every other report
        assert outside == [] and errors == []
    finally:
        context.close()


def test_collation_page_at_420_px_has_no_horizontal_overflow(chromium, collation, tmp_path):
    from compare.render import collation_html

    context, page, _, errors = _open(chromium, collation_html(collation, back_link="index.html"),
                                     tmp_path, 420)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 420
        assert page.evaluate(OVERFLOW) == []
        # the reports side by side scroll inside their own box
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.strip')).overflowX") == "auto"
        boxes = page.locator("#charts .chart-box")
        assert boxes.count() == 3
        for k in range(boxes.count()):
            assert boxes.nth(k).evaluate("box => box.getBoundingClientRect().right") <= 420
        assert errors == []
    finally:
        context.close()
