"""Scripted use stays fast: `--help` and `history --format json` never load Textual, and
reads need no TinyDB. Which layer may import what is checked by the import-linter
contracts (tests/unit/test_layers.py); these few checks watch what a real run loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, encoding="utf-8", check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("args", [["--help"], ["history", "--format", "json"]])
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
