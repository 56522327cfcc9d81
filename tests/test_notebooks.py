"""The notebook suite's structure, and the site builder's page wrapper.

Executing the notebooks and comparing their outputs is nbval's job (``pytest`` runs it on
notebooks/, see pyproject.toml); these tests check what nbval does not: the fixed outline
of every notebook, thin code cells, committed outputs, PNG-only figures, that a page of
the site refers to no other host and escapes its title, and that the whole site builds
(every notebook executed with papermill) on pairs unlike the example: two unrelated
reports and two without quotes, written here and, when ../shared/bench is present, taken
from BASIL's real articles.
"""

from __future__ import annotations

import ast
import importlib.util
import json
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
    "06-many-reports.ipynb",
    "07-corpus.ipynb",
}
MORE_PARAMETERS = {
    "06-many-reports.ipynb": {"reports": [], "source": None},
    "07-corpus.ipynb": {"corpus": ""},
}
"""Parameters a notebook takes beside the two reports, with their defaults."""


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


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def named(request):
    return request.param.name, _read(request.param)


def test_one_parameters_cell_naming_both_reports(named):
    name, nb = named
    tagged = [c for c in _code_cells(nb) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = {
        target.id: ast.literal_eval(node.value)
        for node in ast.parse(tagged[0].source).body
        if isinstance(node, ast.Assign)
        for target in node.targets
    }
    reports = {"report_a": "../data/report-a.txt", "report_b": "../data/report-b.txt"}
    assert names == {**reports, **MORE_PARAMETERS.get(name, {})}
    for value in reports.values():
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
        "06-many-reports.ipynb": 2,
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


# --- the site: navigation, and built only when every page succeeds ------------------


def test_links_to_notebooks_become_links_to_pages(builder):
    body = '<a href="02-unique-details.ipynb">x</a> <a href=\'04-how-it-works.ipynb#step\'>y</a>'
    assert builder.link_pages(body) == (
        '<a href="02-unique-details.html">x</a> <a href=\'04-how-it-works.html#step\'>y</a>'
    )
    nb = _read(NOTEBOOK_DIR / "01-overview.ipynb")
    assert 'href="02-unique-details.html"' in builder.notebook_page(nb)


def test_index_does_not_link_to_itself_and_pages_link_back(builder):
    index = builder.index_page([("01-overview.html", "Overview", "")], "a.txt", "b.txt", True)
    assert 'href="index.html"' not in index
    assert 'href="index.html"' in builder.notebook_page(_read(NOTEBOOK_DIR / "01-overview.ipynb"))


def test_only_a_folder_of_site_files_is_replaceable(builder, tmp_path):
    assert builder.replaceable(tmp_path / "new")
    site = tmp_path / "site"
    site.mkdir()
    assert builder.replaceable(site)
    for name in ("index.html", "comparison.html", "comparison.json", "01-overview.html"):
        (site / name).write_text("x")
    assert builder.replaceable(site)
    (site / "notes.txt").write_text("mine")
    assert not builder.replaceable(site)
    with pytest.raises(builder.BuildError, match="not pages of a built site"):
        builder.build("a.txt", "b.txt", site, notebooks=[])
    assert (site / "notes.txt").read_text() == "mine"


def _notebook(path: Path, *sources: str) -> Path:
    cells = [nbformat.v4.new_code_cell('report_a = "a"\nreport_b = "b"')]
    cells[0].metadata["tags"] = ["parameters"]
    cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), *cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def test_a_failing_notebook_leaves_the_previous_site_as_it_was(builder, tmp_path, capfd):
    site = tmp_path / "reports"
    site.mkdir()
    (site / "index.html").write_text("the previous site")
    (site / "01-old.html").write_text("old page")
    good = _notebook(tmp_path / "01-good.ipynb", "print(report_a)")
    bad = _notebook(tmp_path / "02-bad.ipynb", "raise RuntimeError('no such sentence')")
    data = ROOT / "data"
    with pytest.raises(builder.BuildError, match=r"02-bad.ipynb failed.*no such sentence"):
        builder.build(str(data / "report-a.txt"), str(data / "report-b.txt"), site,
                      notebooks=[good, bad])
    assert sorted(p.name for p in site.iterdir()) == ["01-old.html", "index.html"]
    assert (site / "index.html").read_text() == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01-good.ipynb", "02-bad.ipynb",
                                                          "reports"]
    assert "without encryption" not in capfd.readouterr().err


def test_an_unreadable_report_is_one_line_and_no_site(builder, tmp_path, capsys):
    out = tmp_path / "reports"
    assert builder.main(["--out", str(out), "--a", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("build_reports: ") and "missing.txt" in err[0]
    assert "Traceback" not in "\n".join(err)
    assert not out.exists()


# Pairs unlike the example, in this file's own words: nothing in common, and no quotes,
# no numbers, dates or names at all.
UNRELATED = (
    "Volunteers cleared the beach of plastic on Saturday morning. \"We filled forty bags,\" "
    "said Maria Lopez, who organised the day.\n\nThe city will add more bins by June.",
    "The orchestra rehearsed a new symphony in the old hall.\n\nMusicians praised the warm "
    "sound of the room, and the conductor asked for one more week of practice.",
)
NO_QUOTES = (
    "A storm knocked down trees across the park overnight. Several paths were closed while "
    "crews removed the branches.\n\nThe park service expects to reopen the paths soon.",
    "Fallen trees closed paths in the park after an overnight storm. Crews worked through the "
    "morning to clear the branches.\n\nDog walkers were asked to use the streets meanwhile.",
)
BASIL = ROOT.parent / "shared" / "bench" / "basil" / "articles"
QUOTE_MARKS = re.compile("[\"“”]")


def _basil(name: str, *, without_quotes: bool = False) -> str:
    """One BASIL article's body (paragraphs joined by blank lines), read at test time."""
    if not BASIL.is_dir():
        pytest.skip(f"BASIL not found: ../shared/bench/basil absent ({BASIL})")
    paragraphs = [" ".join(p) for p in json.loads((BASIL / name).read_text())["body-paragraphs"]]
    if without_quotes:  # the article's own paragraphs that quote no one, in their order
        paragraphs = [p for p in paragraphs if not QUOTE_MARKS.search(p)]
    return "\n\n".join(paragraphs)


SITE_PAIRS = {
    "unrelated": lambda: UNRELATED,
    "no-quotes": lambda: NO_QUOTES,
    # two events seven years apart (2010 / 2017)
    "basil-unrelated": lambda: (
        _basil("2010/74708dbf-5dfc-4c66-8419-d7dbc00e4a06_1.json"),
        _basil("2017/df6a55fb-dfe5-4362-89a6-8c040d648a70_2.json"),
    ),
    # one event (2010) in two outlets, only the paragraphs without a quote
    "basil-no-quotes": lambda: (
        _basil("2010/74708dbf-5dfc-4c66-8419-d7dbc00e4a06_1.json", without_quotes=True),
        _basil("2010/74708dbf-5dfc-4c66-8419-d7dbc00e4a06_2.json", without_quotes=True),
    ),
}


@pytest.mark.parametrize("pair", SITE_PAIRS)
def test_every_notebook_runs_and_the_site_builds_on_another_pair(builder, tmp_path, pair):
    from compare import compare, load_article

    texts = SITE_PAIRS[pair]()
    paths = []
    for side, text in zip("ab", texts, strict=True):
        paths.append(tmp_path / f"{side}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    result = compare(*map(load_article, paths))
    if pair.endswith("unrelated"):
        assert not result.links
    else:
        assert not result.quotes
    site = tmp_path / "reports"
    assert builder.build(str(paths[0]), str(paths[1]), site) == len(NOTEBOOKS)
    names = sorted(p.name for p in site.iterdir())
    assert names == sorted(
        ["index.html", "comparison.html", "comparison.json"]
        + [p.stem + ".html" for p in NOTEBOOKS]
    )
    assert json.loads((site / "comparison.json").read_text())["a"]["name"] == "a.txt"
    for path in NOTEBOOKS:
        html = (site / (path.stem + ".html")).read_text()
        assert builder.external_refs(html) == []
        # the prose describes these reports, not the example
        assert "Stoltenberg" not in html and "Afghanistan's leaders" not in html, path.name
    index = (site / "index.html").read_text()
    assert 'href="comparison.html"' in index and 'href="index.html"' not in index


def test_many_reports_notebook_runs_on_a_folder_with_a_source(builder, tmp_path):
    """Notebook 06 on a folder of three reports and a primary source (papermill)."""
    import nbformat as nbf

    folder = tmp_path / "story"
    folder.mkdir()
    texts = {
        "one.txt": "The minister opened the new bridge over the river on Monday. "
                   '"This bridge will carry forty thousand cars a day," she said. '
                   "The bridge cost 300 million euros.",
        "two.txt": "A new bridge over the river was opened by the minister on Monday. "
                   '"This bridge will carry fifty thousand cars a day," she claimed. '
                   "The bridge cost 350 million euros.",
        "three.txt": "The minister opened the new bridge over the river on Monday. "
                     "Protesters gathered near the old town hall in the rain.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    source = tmp_path / "statement.txt"
    source.write_text("The minister opened the new bridge over the river on Monday. "
                      "This bridge will carry forty thousand cars a day. Work on a second "
                      "bridge starts next year.", encoding="utf-8")
    target = tmp_path / "06.ipynb"
    builder.execute(NOTEBOOK_DIR / "06-many-reports.ipynb", target,
                    {"reports": str(folder), "source": str(source)}, tmp_path)
    nb = nbf.read(target, as_version=4)
    shown = "\n".join(
        "".join(o.get("data", {}).get("text/markdown", "")) + o.get("data", {}).get(
            "text/plain", "")
        for c in _code_cells(nb) for o in c.outputs)
    assert "<Collation of 3 reports ('one.txt', 'three.txt', 'two.txt'), source" in shown
    assert "said by all 3 reports" in shown
    assert "*300 million* where" in shown
    assert "1 altered" in shown
    assert "of the source is in no report" in shown
