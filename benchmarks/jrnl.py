"""jrnl, a well-known journal on the command line, as an outside yardstick for the start:
found on PATH, or installed once into a throwaway venv in the temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VENV = Path(tempfile.gettempdir()) / "veerkracht-bench-jrnl"


def find_jrnl(given: str | None) -> tuple[list[str] | None, str]:
    """The jrnl command and where it came from, or None and why it was left out."""
    if given == "no":
        return None, "left out (--jrnl no)"
    if given:
        return [given], given
    on_path = shutil.which("jrnl")
    if on_path:
        return [on_path], on_path
    command = VENV / ("Scripts" if sys.platform == "win32" else "bin") / "jrnl"
    if not command.exists():
        try:
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True,
                           capture_output=True, timeout=300)  # fmt: skip
            pip = [str(VENV / command.parent.name / "python"), "-m", "pip", "install", "-q"]
            subprocess.run([*pip, "jrnl"], check=True, capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as error:
            shutil.rmtree(VENV, ignore_errors=True)
            return None, f"left out: jrnl could not be installed ({type(error).__name__})"
    return [str(command)], f"jrnl installed in {VENV}"


def jrnl_env(base: dict[str, str], home: Path) -> dict[str, str]:
    """jrnl's environment: a home of its own, so it reads and writes no real config."""
    home.mkdir(parents=True, exist_ok=True)
    return {**base, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local")}  # fmt: skip
