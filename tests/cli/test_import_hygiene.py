"""The core and the CLI never import Textual: scripted use stays fast and testable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import veerkracht

CORE_MODULES = sorted(
    f"veerkracht.{path.stem}"
    for path in Path(veerkracht.__file__).parent.glob("*.py")
    if path.stem not in {"__main__", "app"}
)


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_do_not_import_textual(module: str) -> None:
    assert "textual" not in modules_after(f"import {module}")


@pytest.mark.parametrize("args", [["--help"], ["history", "--format", "json"], ["--version"]])
def test_cli_commands_do_not_import_textual(args: list[str], tmp_path: Path) -> None:
    code = (
        "import os\n"
        f"os.environ['VEERKRACHT_HOME'] = {str(tmp_path)!r}\n"
        "from typer.testing import CliRunner\n"
        "from veerkracht.cli import app\n"
        f"assert CliRunner().invoke(app, {args!r}).exit_code == 0\n"
    )
    assert "textual" not in modules_after(code)


HEAVY = ("textual", "tinydb", "filelock", "rich", "cryptography", "orjson")


def test_the_cli_module_imports_nothing_heavy_until_a_command_needs_it() -> None:
    loaded = modules_after("import veerkracht.cli")
    assert [name for name in HEAVY if name in loaded] == []


def test_version_imports_neither_typer_nor_the_cli() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['veerkracht', '--version']\n"
        "from veerkracht.launch import main\n"
        "main()"
    )
    loaded = modules_after(code)
    assert "typer" not in loaded
    assert "veerkracht.cli" not in loaded


def test_reading_the_store_needs_no_tinydb_or_lock(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from veerkracht.store.store import Store\n"
        f"Store(Path({str(tmp_path)!r})).contents()\n"
    )
    loaded = modules_after(code)
    assert "tinydb" not in loaded
    assert "filelock" not in loaded
