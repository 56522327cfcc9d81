"""Conventions the developers' guide asks of the tests and benchmarks themselves.

No test or benchmark changes a module constant (issue 9): a threshold or limit is passed
as a setting or a keyword (``Settings``, ``load_article(max_bytes=)``), so that a test
sees what a user can do, and no module is left changed for the next test. Replacing a
function with a counting wrapper to observe calls is fine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("tests", "benchmarks", "training")


def _constant(name: str) -> bool:
    """``MAX_BYTES``, ``_PRODUCT_ENTRIES``: upper-case names (at least two letters)."""
    letters = name.lstrip("_")
    return len(letters) > 1 and letters.isupper()


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def constant_patches(source: str) -> list[tuple[int, str]]:
    """``(line, what)`` for each place ``source`` changes a module's constant:
    ``monkeypatch.setattr(module, "CONST", ...)``, ``monkeypatch.setattr("pkg.mod.CONST",
    ...)``, ``setattr(module, "CONST", ...)`` and ``module.CONST = ...`` (also ``+=``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "setattr" and node.args:
                strings = [_string(a) for a in node.args[:2]]
                target = next((s for s in strings if s), None)
                if target and _constant(target.rpartition(".")[2]):
                    found.append((node.lineno, f"setattr of {target}"))
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for leaf in ast.walk(target):
                if isinstance(leaf, ast.Attribute) and _constant(leaf.attr) and \
                        isinstance(leaf.value, ast.Name):
                    found.append((node.lineno, f"assignment to {leaf.value.id}.{leaf.attr}"))
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('monkeypatch.setattr(cio, "MAX_BYTES", 100)', ["setattr of MAX_BYTES"]),
        ('monkeypatch.setattr("compare.io.MAX_BYTES", 100)', ["setattr of compare.io.MAX_BYTES"]),
        ('setattr(module, "_PRODUCT_ENTRIES", 1)', ["setattr of _PRODUCT_ENTRIES"]),
        ("module._PRODUCT_ENTRIES = 1", ["assignment to module._PRODUCT_ENTRIES"]),
        ("io.MAX_BYTES += 1", ["assignment to io.MAX_BYTES"]),
        ('monkeypatch.setattr(module, "_shared_words", recording)', []),  # a function
        ('monkeypatch.setattr("compare.pipeline.compare", boom)', []),
        ("LIMIT = 3\nx.y = 2\nm.X = 1", []),  # a name of its own, a lower-case attribute,
        # a one-letter name
    ],
)
def test_constant_patches_are_found(source, expected):
    assert [what for _, what in constant_patches(source)] == expected


def test_no_test_or_benchmark_patches_a_module_constant():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for folder in CHECKED
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line, what in constant_patches(path.read_text("utf-8"))
    ]
    assert offenders == [], "pass a setting or keyword instead:\n" + "\n".join(offenders)
