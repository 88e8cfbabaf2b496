"""The layers of docs/ARCHITECTURE.md hold: the import-linter contracts in pyproject.toml
(core and store import no Textual, Typer or Rich; the store imports no feature; screens do
not import the CLI; render and the CLI import no Textual)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).parents[2]


def test_every_layer_contract_is_kept(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    exit_code = lint_imports(no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert exit_code == 0, report
    assert "0 broken" in report


FACES = ("cli", "tui", "screens")


def _store_writes() -> set[str]:
    """The Store methods that write: those that open a transaction, take the lock or
    save, read from store/store.py itself so a new one cannot slip past."""
    tree = ast.parse((ROOT / "src/veerkracht/store/store.py").read_text(encoding="utf-8"))
    (store,) = [
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Store"
    ]
    writes = {"save", "transaction"}
    for method in store.body:
        if not isinstance(method, ast.FunctionDef) or method.name.startswith("_"):
            continue
        for node in ast.walk(method):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and node.attr in ("transaction", "locked", "save")
            ):
                writes.add(method.name)
    return writes


def test_the_faces_write_to_the_store_only_through_services() -> None:
    """The import-linter contract keeps the faces from the store's writing modules; this
    keeps them from calling the Store's writing methods (`store.add_entry(...)`)."""
    writes = _store_writes()
    assert {"add_entry", "update_entry", "add_followup", "forget", "encrypt"} <= writes
    found = []
    for face in FACES:
        for path in sorted((ROOT / "src/veerkracht" / face).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in writes
                    and "store" in ast.unparse(node.func.value)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node.func)}")
    assert found == [], "write through a service in veerkracht/services/:\n" + "\n".join(found)


def test_no_module_imports_itself_round_a_circle() -> None:
    """No import circle, counting imports inside functions (grimp reads them all)."""
    import grimp

    graph = grimp.build_graph("veerkracht", cache_dir=None)
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    circles = []
    for module in sorted(imports):
        seen, todo = set(), list(imports[module])
        while todo:
            other = todo.pop()
            if other == module:
                circles.append(module)
                break
            if other not in seen:
                seen.add(other)
                todo.extend(imports.get(other, ()))
    assert circles == []
