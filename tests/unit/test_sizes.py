"""Code a newcomer can read: no module over 400 lines, no class over 300, no function
over 60, unless the line above it (or, for a module, a line in it) says why it must be
longer: `# longer than the limit: <reason>`."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[2] / "src" / "veerkracht"
LIMITS = {"module": 400, "class": 300, "function": 60}
REASON = "# longer than the limit:"


def _too_long() -> list[str]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        where = path.relative_to(SRC.parent)
        if len(lines) > LIMITS["module"] and REASON not in text:
            found.append(f"{where}: {len(lines)} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                kind = "class"
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                kind = "function"
            else:
                continue
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            said = first >= 2 and lines[first - 2].strip().startswith(REASON)
            if length > LIMITS[kind] and not said:
                found.append(f"{where}:{node.lineno} {kind} {node.name}: {length} lines")
    return found


def test_no_module_class_or_function_is_longer_than_its_limit() -> None:
    assert _too_long() == []


def test_the_check_finds_a_long_function(tmp_path: Path) -> None:
    """The check itself can fail: a function of 61 lines is found."""
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    tree = ast.parse(f"def long() -> None:\n{body}\n")
    (node,) = tree.body
    assert node.end_lineno - node.lineno + 1 > LIMITS["function"]
