"""Every text file the product or a test reads or writes names its encoding: Windows
would otherwise read and write cp1252, and "suïcidaal" would become something else."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _mode(call: ast.Call, name: str) -> ast.expr | None:
    """The mode argument: `open(file, mode)`, `Path.open(mode)`, `os.fdopen(fd, mode)`."""
    for keyword in call.keywords:
        if keyword.arg == "mode":
            return keyword.value
    builtin = isinstance(call.func, ast.Name) or name == "fdopen"
    position = 1 if builtin else 0
    return call.args[position] if len(call.args) > position else None


def _reads_or_writes_text(call: ast.Call) -> bool:
    name = getattr(call.func, "attr", getattr(call.func, "id", ""))
    if name in {"read_text", "write_text"}:
        return True
    if name not in {"open", "fdopen"}:
        return False
    if isinstance(call.func, ast.Attribute) and name == "open":
        if getattr(call.func.value, "id", "") == "os":
            return False  # os.open works on bytes
        if call.args and not isinstance(call.args[0], ast.Constant):
            return False  # not Path.open(mode): another object's open (a vault, the app)
    mode = _mode(call, name)
    return not (isinstance(mode, ast.Constant) and "b" in str(mode.value))


def unnamed_encodings(path: Path) -> list[str]:
    """`file:line` for each text-mode read or write without `encoding=`."""
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and _reads_or_writes_text(node)
        and not any(keyword.arg == "encoding" for keyword in node.keywords)
    ]


def test_every_text_read_and_write_names_its_encoding() -> None:
    sources = [
        *ROOT.glob("src/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("benchmarks/*.py"),
    ]
    assert len(sources) > 50
    missing = [place for source in sources for place in unnamed_encodings(source)]
    assert missing == []
