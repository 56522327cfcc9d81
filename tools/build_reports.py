"""Build the static site in reports/: every notebook executed and rendered to HTML.

    python tools/build_reports.py [--out reports] [--a REPORT_A] [--b REPORT_B]

Each notebook in notebooks/ is executed with papermill (its ``parameters`` cell takes
the two reports), then rendered with nbconvert's ``basic`` template, code hidden, into
a self-contained page: CSS inline, figures embedded as PNG data, no script, style,
image or link that points to another host (:func:`external_refs` checks every page
before it is written). ``index.html`` links the pages and the comparison page that
``compare-sources --html`` writes (``make report`` runs both).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SITE_HIDDEN = "site-hidden"
"""Cell tag: leave the cell out of the site (it only makes sense next to the code)."""

CSS = """
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1f2328; max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
a { color: #0b5cad; }
h1, h2, h3 { line-height: 1.25; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; vertical-align: top;
         text-align: left; }
pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem;
      white-space: pre-wrap; }
code { font-size: 0.9em; }
.jp-OutputPrompt, .jp-InputPrompt, .prompt, .anchor-link { display: none; }
.jp-OutputArea-output, .output_area { overflow-x: auto; margin-bottom: 1rem; }
.jp-RenderedHTMLCommon table, .dataframe { font-size: 0.85rem; }
nav.site { font-size: 0.9rem; margin-bottom: 1.5rem; }
ol.pages li { margin-bottom: 0.5rem; }
"""

_EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import\s+["']?(?:https?:)?//)""",
    re.IGNORECASE,
)


def external_refs(page_html: str) -> list[str]:
    """Every attribute or CSS reference in ``page_html`` that points to another host.

    Covers ``src``/``href``/``srcset``/``action``/``poster``/``data`` attributes and CSS
    ``url(...)``/``@import`` with ``http://``, ``https://`` or protocol-relative ``//``
    targets. The site must have none, so that its pages open offline and request nothing.
    """
    return [m.group(0) for m in _EXTERNAL.finditer(page_html)]


def page(title: str, body: str) -> str:
    """A standalone HTML page around ``body`` (already HTML); ``title`` is escaped."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        "<nav class=\"site\"><a href=\"index.html\">All reports</a></nav>\n"
        f"{body}\n</body>\n</html>\n"
    )


def notebook_title(nb) -> str:
    """The text of the notebook's first level-1 Markdown heading (``Notebook`` if none)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "Notebook"


def notebook_intro(nb) -> str:
    """The first paragraph after the title (plain text), for the index page."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            paragraphs = [p for p in cell.source.split("\n\n")[1:] if p.strip()]
            # plain text: drop Markdown emphasis and code marks
            return re.sub(r"[*`]", "", " ".join(paragraphs[0].split())) if paragraphs else ""
    return ""


def render(nb) -> str:
    """The notebook's Markdown and outputs as HTML (nbconvert ``basic``), code hidden.

    Cells tagged ``site-hidden`` (notes about the code, such as "Setting up") are left out.
    """
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {SITE_HIDDEN}
    exporter = HTMLExporter(
        config=config,
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def notebook_page(nb) -> str:
    """The whole page of one (executed) notebook; raises if it refers to another host."""
    text = page(notebook_title(nb), render(nb))
    refs = external_refs(text)
    if refs:
        raise ValueError(f"page refers to other hosts: {refs[:3]}")
    return text


def index_page(entries: list[tuple[str, str, str]], a: str, b: str, comparison: bool) -> str:
    """The site's front page: ``entries`` are (file name, title, intro) of each notebook."""
    items = "\n".join(
        f"<li><a href=\"{html.escape(name)}\">{html.escape(title)}</a>"
        + (f"<br>{html.escape(intro)}" if intro else "")
        + "</li>"
        for name, title, intro in entries
    )
    link = ""
    if comparison:
        link = ("<p><a href=\"comparison.html\">The comparison page</a>: both reports side "
                "by side, linked sentences, differences, details and quotes.</p>\n")
    body = (
        "<h1>Comparing two reports of one event</h1>\n"
        f"<p>Reports compared: <code>{html.escape(a)}</code> and "
        f"<code>{html.escape(b)}</code>.</p>\n{link}"
        f"<h2>Notebooks</h2>\n<ol class=\"pages\">\n{items}\n</ol>"
    )
    return page("Comparison reports", body)


def execute(path: Path, target: Path, params: dict[str, str]) -> None:
    """Run one notebook with papermill (parameters injected), writing ``target``."""
    import papermill

    papermill.execute_notebook(
        str(path), str(target), parameters=params, cwd=str(path.parent),
        progress_bar=False, kernel_name="python3", log_output=False,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "reports"), help="output folder")
    parser.add_argument("--a", default=str(ROOT / "data" / "report-a.txt"), help="report a")
    parser.add_argument("--b", default=str(ROOT / "data" / "report-b.txt"), help="report b")
    args = parser.parse_args(argv)
    import nbformat

    # The kernel must be this environment's Python, not a user-wide "python3" kernel.
    os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    params = {}
    for key, source in (("report_a", args.a), ("report_b", args.b)):
        is_url = re.match(r"(?i)https?://", source)
        params[key] = source if is_url or source == "-" else str(Path(source).resolve())
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(NOTEBOOKS.glob("[0-9]*.ipynb")):
            executed = Path(tmp) / path.name
            print(f"executing {path.name}", file=sys.stderr)
            try:
                execute(path, executed, params)
            except Exception as exc:  # papermill's errors name the failing cell
                print(f"build_reports: {path.name} failed: {exc}", file=sys.stderr)
                return 1
            nb = nbformat.read(executed, as_version=4)
            target = out / (path.stem + ".html")
            target.write_text(notebook_page(nb), encoding="utf-8")
            entries.append((target.name, notebook_title(nb), notebook_intro(nb)))
    index = index_page(entries, Path(args.a).name, Path(args.b).name,
                       (out / "comparison.html").is_file())
    (out / "index.html").write_text(index, encoding="utf-8")
    print(f"wrote {len(entries)} notebook pages and index.html to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
