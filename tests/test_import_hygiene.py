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
