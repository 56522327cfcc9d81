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
