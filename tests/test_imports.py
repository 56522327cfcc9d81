"""The package's modules import one another without a circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "compare"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool, modules) -> set[str]:
    """Project modules imported anywhere in ``tree`` (module level and inside functions),
    except in ``if TYPE_CHECKING:`` blocks, which never run. ``from p import m`` names the
    submodule ``p.m`` when there is one, else ``p`` itself."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the project modules it imports."""
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p): p for p in paths}
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        imported = _imports(tree, name, path.name == "__init__.py", modules)
        graph[name] = {m for m in imported if m in modules and m != name}
    return graph


def test_the_graph_sees_module_and_function_level_imports():
    graph = import_graph()
    assert "compare.models" in graph["compare.pipeline"]  # module level
    assert "compare.render" in graph["compare.cli"]  # inside a function
    assert "compare.models" not in graph["compare.render"]  # only under TYPE_CHECKING


def circles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The groups of modules that import one another round a circle (strongly connected
    components of more than one module, Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: set[frozenset[str]] = set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.add(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_circles_are_found():
    assert circles({"x": {"y"}, "y": {"x"}, "z": {"x"}}) == {frozenset({"x", "y"})}
    assert circles({"x": {"y"}, "y": set()}) == set()


def test_no_import_circle():
    assert circles(import_graph()) == set()


def test_the_word_lists_and_the_shipped_model_sit_below_their_readers():
    # the two circles broken in issue 9: lexicon owns the folding names used to lend it,
    # and features reads the IDF table from shipped, not from the model above it
    graph = import_graph()
    assert graph["compare.lexicon"] == set()
    assert "compare.lexicon" in graph["compare.names"]
    assert graph["compare.similarity.shipped"] == set()
    assert "compare.similarity.model" not in graph["compare.similarity.features"]


def test_records_and_presentation_stand_apart_from_models():
    graph = import_graph()
    assert graph["compare.records"] == set()
    for module in ("compare.render", "compare.present", "compare.segment"):
        assert "compare.models" not in graph[module], module
