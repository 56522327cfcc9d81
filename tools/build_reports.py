"""Build the static site in reports/ for two reports: the comparison page and every notebook.

    python tools/build_reports.py [--out reports] [--a REPORT_A] [--b REPORT_B]

The site is ``comparison.html`` and ``comparison.json`` (what ``compare-sources --html``
and ``--json`` write), one page per notebook in notebooks/, and ``index.html`` linking
them. Each notebook is executed with papermill (its ``parameters`` cell takes the two
reports), then rendered with nbconvert's ``basic`` template, code hidden, into a
self-contained page: CSS inline, figures embedded as PNG data, no script, style, image or
link that points to another host (:func:`external_refs` checks every page).

Everything is built in a temporary folder beside ``--out``, which replaces ``--out`` only
when every page succeeded: a failure leaves the previous site as it was. ``--out`` is
replaced only if it holds nothing but files of such a site (:func:`replaceable`).
"""

from __future__ import annotations

import argparse
import html
import inspect
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SITE_HIDDEN = "site-hidden"
"""Cell tag: leave the cell out of the site (it only makes sense next to the code)."""
INDEX = "index.html"
COMPARISON = ("comparison.html", "comparison.json")
_SITE_FILE = re.compile(r"(?:index\.html|comparison\.(?:html|json)|\d\d-[\w.-]+\.html)\Z")
"""Names of the files a built site holds: only a folder of these is ever replaced."""
_NOTEBOOK_HREF = re.compile(r"""(href=["'])(\d\d-[\w.-]+)\.ipynb(?=["'#])""")


class BuildError(Exception):
    """The site cannot be built; the message says why in one line."""

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


def page(title: str, body: str, *, nav: bool = True) -> str:
    """A standalone HTML page around ``body`` (already HTML); ``title`` is escaped.

    ``nav`` adds a link back to the index (the index itself has none).
    """
    back = f"<nav class=\"site\"><a href=\"{INDEX}\">All pages</a></nav>\n" if nav else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{back}{body}\n</body>\n</html>\n"
    )


def link_pages(body: str) -> str:
    """Links to a notebook (``href="02-x.ipynb"``) made links to its page (``02-x.html``)."""
    return _NOTEBOOK_HREF.sub(r"\1\2.html", body)


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
    text = page(notebook_title(nb), link_pages(render(nb)))
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
    return page("Comparison reports", body, nav=False)


def comparison_page(result) -> str:
    """``comparison.html`` with a link back to the index, when the renderer offers one."""
    from compare.render import comparison_html

    if "back_link" in inspect.signature(comparison_html).parameters:
        return comparison_html(result, back_link=INDEX)
    return comparison_html(result)


def replaceable(out: Path) -> bool:
    """True if ``out`` is absent, an empty folder, or a folder of nothing but site files.

    The guard against ``--out`` naming a folder of the user's own files, which the build
    would otherwise delete.
    """
    if not out.exists():
        return True
    return out.is_dir() and all(
        p.is_file() and _SITE_FILE.match(p.name) for p in out.iterdir()
    )


def execute(path: Path, target: Path, params: dict[str, str], work: Path) -> None:
    """Run one notebook with papermill (parameters injected), writing ``target``.

    The kernel talks over local sockets in ``work`` (IPC), not TCP: nothing is exposed on
    the network, and the kernel has no "running over TCP without encryption" warning.
    """
    import papermill
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(work / "kernel")
    papermill.execute_notebook(
        str(path), str(target), parameters=params, cwd=str(path.parent),
        progress_bar=False, kernel_name="python3", log_output=False, config=config,
    )


def _parameter(source: str) -> str:
    """A report source as a notebook parameter: paths made absolute (the notebook runs
    in notebooks/), URLs and ``-`` as given."""
    if re.match(r"(?i)https?://", source) or source == "-":
        return source
    return str(Path(source).resolve())


def build_site(a: str, b: str, staging: Path, notebooks: list[Path]) -> int:
    """Write the whole site for reports ``a`` and ``b`` into the empty folder ``staging``;
    returns the number of notebook pages. Raises :class:`BuildError` naming what failed."""
    import nbformat

    from compare import compare, export, load_article
    from compare.io import LoadError

    try:
        result = compare(load_article(a), load_article(b))
    except LoadError as exc:
        raise BuildError(str(exc)) from None
    (staging / COMPARISON[0]).write_text(comparison_page(result), encoding="utf-8")
    (staging / COMPARISON[1]).write_text(
        export.to_json(export.comparison_dict(result)), encoding="utf-8"
    )
    params = {"report_a": _parameter(a), "report_b": _parameter(b)}
    entries = []
    with tempfile.TemporaryDirectory() as work:
        for path in notebooks:
            executed = Path(work) / path.name
            print(f"executing {path.name}", file=sys.stderr)
            try:
                execute(path, executed, params, Path(work))
            except Exception as exc:  # papermill's errors name the failing cell
                where = getattr(exc, "exec_count", None)
                what = (f"{exc.ename}: {exc.evalue}" if hasattr(exc, "ename")
                        else f"{type(exc).__name__}: {exc}")
                cell = f" in cell [{where}]" if where is not None else ""
                raise BuildError(f"{path.name} failed{cell}: {what}") from None
            nb = nbformat.read(executed, as_version=4)
            target = staging / (path.stem + ".html")
            try:
                target.write_text(notebook_page(nb), encoding="utf-8")
            except ValueError as exc:
                raise BuildError(f"{path.name}: {exc}") from None
            entries.append((target.name, notebook_title(nb), notebook_intro(nb)))
    index = index_page(entries, Path(a).name, Path(b).name, True)
    (staging / INDEX).write_text(index, encoding="utf-8")
    return len(entries)


def build(a: str, b: str, out: Path, notebooks: list[Path] | None = None) -> int:
    """Build the site for ``a`` and ``b`` and let it replace ``out`` only if every page
    succeeded; returns the number of notebook pages. Raises :class:`BuildError`."""
    from compare.io import new_folder

    notebooks = sorted(NOTEBOOKS.glob("[0-9]*.ipynb")) if notebooks is None else notebooks
    out = out.absolute()
    if not replaceable(out):
        raise BuildError(
            f"{out} holds files that are not pages of a built site; "
            "name an empty or new folder with --out"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    with new_folder(out) as staging:
        count = build_site(a, b, staging, notebooks)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "reports"), help="output folder")
    parser.add_argument("--a", default=str(ROOT / "data" / "report-a.txt"), help="report a")
    parser.add_argument("--b", default=str(ROOT / "data" / "report-b.txt"), help="report b")
    args = parser.parse_args(argv)
    # The kernel must be this environment's Python, not a user-wide "python3" kernel.
    os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")
    out = Path(args.out)
    try:
        count = build(args.a, args.b, out)
    except BuildError as exc:
        print(f"build_reports: {exc}", file=sys.stderr)
        print(f"build_reports: {out} was left as it was", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"build_reports: cannot write the site: {exc}", file=sys.stderr)
        return 2
    print(f"wrote comparison.html, {count} notebook pages and {INDEX} to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
