"""What ``import compare`` offers, and what it does not drag in."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import compare
from compare import models, settings

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_exports_what_notebooks_and_users_need():
    assert compare.Records is models.Records
    assert compare.Prepared is models.Prepared
    assert compare.Settings is settings.Settings
    assert compare.prepare is sys.modules["compare.prepare"].prepare  # the function
    assert {"Records", "Settings", "Prepared", "prepare", "compare"} <= set(compare.__all__)
    assert all(hasattr(compare, name) for name in compare.__all__)


def test_notebooks_import_from_the_package_not_its_modules():
    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        cells = json.loads(path.read_text("utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert "from compare.models import" not in "".join(cell["source"]), path.name


def test_comparing_and_rendering_never_import_scikit_learn():
    import os
    import subprocess

    code = (
        "import sys\n"
        "from compare import Article, compare\n"
        "from compare.render import comparison_html\n"
        "a = Article.from_text('The mayor said 12 people were hurt on Monday.', name='a')\n"
        "b = Article.from_text('Twelve people were hurt on Monday, the mayor said.', name='b')\n"
        "comparison_html(compare(a, b), charts=False)\n"
        "assert 'sklearn' not in sys.modules, 'sklearn imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ}, check=False)
    assert done.returncode == 0, done.stderr


def test_scikit_learn_is_a_training_extra_only():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert not any(d.startswith("scikit-learn") for d in project["dependencies"])
    assert any(d.startswith("scikit-learn") for d in project["optional-dependencies"]["train"])


def test_the_readme_module_tree_lists_every_module_once():
    readme = (ROOT / "README.md").read_text("utf-8")
    tree = readme[readme.index("```\nsrc/compare/\n"):]
    tree = tree[: tree.index("\n```", 4)]
    listed = [line.split()[0] for line in tree.splitlines()[1:] if line.strip()]
    package = ROOT / "src" / "compare"
    for path in sorted(package.rglob("*.py")):
        assert listed.count(path.name) >= 1, f"{path.relative_to(package)} not in README"
    for sub in ("similarity/", "data/"):
        assert sub in listed
    modules = [name for name in listed if name.endswith(".py")]
    names = {p.name for p in package.rglob("*.py")}
    assert set(modules) <= names, set(modules) - names
