"""The notebook suite's structure, and the site builder's page wrapper.

Executing the notebooks and comparing their outputs is nbval's job (``pytest`` runs it on
notebooks/, see pyproject.toml); these tests check what nbval does not: the fixed outline
of every notebook, thin code cells, committed outputs, PNG-only figures, and that a page
of the site refers to no other host and escapes its title.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
EXPECTED = {
    "01-overview.ipynb",
    "02-unique-details.ipynb",
    "03-wording-and-quotes.ipynb",
    "04-how-it-works.ipynb",
    "05-your-own-reports.ipynb",
}


def _load_builder():
    path = ROOT / "tools" / "build_reports.py"
    spec = importlib.util.spec_from_file_location("build_reports", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_the_suite_is_complete():
    assert {p.name for p in NOTEBOOKS} == EXPECTED


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def nb(request):
    return _read(request.param)


def test_valid_notebook_with_a_python_kernel(nb):
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_opens_with_title_what_you_will_learn_and_what_you_need(nb):
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    text = _markdown(nb)
    learn = text.find("## What you will learn")
    need = text.find("## What you need")
    assert 0 < learn < need
    first_code = next(k for k, c in enumerate(nb.cells) if c.cell_type == "code")
    opening = "\n".join(c.source for c in nb.cells[:first_code] if c.cell_type == "markdown")
    assert "## What you will learn" in opening and "## What you need" in opening


def test_ends_with_summary_and_questions_to_discuss(nb):
    last = nb.cells[-1]
    assert last.cell_type == "markdown"
    summary = last.source.find("## Summary")
    questions = last.source.find("## Questions to discuss")
    assert 0 <= summary < questions
    numbered = re.findall(r"^\d+\. ", last.source[questions:], flags=re.M)
    assert len(numbered) >= 3


def test_one_parameters_cell_naming_both_reports(nb):
    tagged = [c for c in _code_cells(nb) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = {
        target.id: node.value.value
        for node in ast.parse(tagged[0].source).body
        if isinstance(node, ast.Assign)
        for target in node.targets
    }
    assert names == {"report_a": "../data/report-a.txt", "report_b": "../data/report-b.txt"}
    for value in names.values():
        assert (NOTEBOOK_DIR / value).is_file()


def test_imports_in_one_cell_near_the_top(nb):
    cells = _code_cells(nb)
    with_imports = [
        k for k, c in enumerate(cells)
        if any(isinstance(n, ast.Import | ast.ImportFrom) for n in ast.walk(ast.parse(c.source)))
    ]
    assert with_imports == [0]


def test_code_cells_define_nothing(nb):
    banned = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    for cell in _code_cells(nb):
        tree = ast.parse(cell.source)
        found = [type(n).__name__ for n in ast.walk(tree) if isinstance(n, banned)]
        assert not found, f"{found} in cell:\n{cell.source}"


def test_code_cells_are_short(nb):
    for cell in _code_cells(nb):
        assert len(cell.source.splitlines()) <= 15, cell.source


def test_no_trailing_semicolon_to_hide_output(nb):
    for cell in _code_cells(nb):
        assert not cell.source.rstrip().endswith(";"), cell.source


def test_committed_with_outputs(nb):
    cells = _code_cells(nb)
    assert all(c.execution_count is not None for c in cells)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert sum(bool(c.outputs) for c in cells) >= len(cells) // 2


def test_figures_are_png_never_svg(nb):
    for cell in _code_cells(nb):
        for output in cell.outputs:
            data = output.get("data", {})
            assert "image/svg+xml" not in data
            if "image/png" in data:
                assert data["text/plain"].startswith("<Figure size")


def test_no_stderr_in_outputs(nb):
    for cell in _code_cells(nb):
        for output in cell.outputs:
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text


def test_no_link_to_another_host_in_markdown(nb):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"\]\(\s*(?:https?:)?//|<https?://", cell.source), cell.source


def test_figures_in_notebooks_that_chart():
    charts = {
        "01-overview.ipynb": 2,
        "02-unique-details.ipynb": 2,
        "04-how-it-works.ipynb": 1,
    }
    for name, count in charts.items():
        outputs = [o for c in _code_cells(_read(NOTEBOOK_DIR / name)) for o in c.outputs]
        assert sum("image/png" in o.get("data", {}) for o in outputs) == count, name


# --- the site builder ------------------------------------------------------------------


@pytest.fixture(scope="module")
def builder():
    return _load_builder()


def test_page_of_a_committed_notebook_is_self_contained(builder):
    nb = _read(NOTEBOOK_DIR / "01-overview.ipynb")
    html = builder.notebook_page(nb)
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Two reports of one event, side by side</title>" in html
    assert builder.external_refs(html) == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.I)
    assert "data:image/png;base64," in html
    assert "<script src" not in html
    # code is hidden: the imports cell's text is not on the page
    assert "import pandas as pd" not in html
    assert "What you will learn" in html
    # cells tagged site-hidden (notes about the code) are left out
    hidden = [c for c in nb.cells if "site-hidden" in c.metadata.get("tags", [])]
    assert hidden
    assert all(c.source.splitlines()[0] not in html for c in hidden)


def test_page_title_is_escaped(builder):
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# Reports <script>alert(1)</script> & co")]
    )
    html = builder.notebook_page(nb)
    assert "<title>Reports &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in html
    assert "<script>alert(1)</script>" not in html.split("<body>")[0]


def test_external_refs_are_found(builder):
    assert builder.external_refs('<img src="https://example.org/x.png">')
    assert builder.external_refs("<link href='//cdn.example.org/a.css'>")
    assert builder.external_refs("<style>@import 'https://x.org/a.css';</style>")
    assert builder.external_refs('<div style="background:url(http://x.org/a.png)">')
    assert builder.external_refs('<a href="comparison.html">x</a><img src="data:image/png;">') == []
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# T\n\nsee ![x](https://example.org/x.png)")]
    )
    with pytest.raises(ValueError, match="other hosts"):
        builder.notebook_page(nb)


def test_index_page_escapes_and_links(builder):
    html = builder.index_page(
        [("01-overview.html", "Overview <1>", "Intro & more")], "a<.txt", "b.txt", True
    )
    assert '<a href="01-overview.html">Overview &lt;1&gt;</a>' in html
    assert "Intro &amp; more" in html and "a&lt;.txt" in html
    assert 'href="comparison.html"' in html
    assert builder.external_refs(html) == []


# --- the environment that opens them -------------------------------------------------


def test_jupyter_lab_is_installed_beside_this_python():
    # README: `.venv/bin/jupyter lab notebooks/`; the notebooks extra must install it
    bin_dir = Path(sys.executable).parent
    assert shutil.which("jupyter", path=str(bin_dir))
    assert shutil.which("jupyter-lab", path=str(bin_dir)), (
        f"no jupyter-lab in {bin_dir}: pip install -e '.[notebooks]' installs JupyterLab"
    )
