"""The top-level `--help` from the cache (cli/help.json) is what Typer makes now, byte
for byte, and what Typer prints in the same situation; the cache is served only there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from veerkracht.cli.helpcache import CACHE, generate

#: The program as the console script and as `python -m veerkracht` (Click reads both).
STARTED = {
    "veerkracht": ("veerkracht", None),
    "python -m veerkracht": (str(Path("src", "veerkracht", "__main__.py")), "veerkracht"),
    "vk": ("vk", None),
}
SCRIPT = """
import json, sys
sys.argv = [{argv0!r}, *{args!r}]
sys.modules["__main__"].__package__ = {package!r}
from veerkracht.launch import speak_utf8
speak_utf8()  # as the command does first: a pipe gets UTF-8 on Windows too
from {module} import main
try:
    main()
finally:
    sys.stderr.write(json.dumps({{"typer": "typer" in sys.modules}}))
"""


def run(module: str, program: str, args: list[str], env: dict[str, str]) -> tuple[str, int, bool]:
    """stdout, exit code and whether Typer was loaded, for `main()` from `module`."""
    argv0, package = STARTED[program]
    script = SCRIPT.format(argv0=argv0, args=args, package=package, module=module)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, encoding="utf-8",
        env={**os.environ, "COLUMNS": "80", **env},
    )  # fmt: skip
    return done.stdout, done.returncode, json.loads(done.stderr.splitlines()[-1])["typer"]


def test_the_cache_is_what_typer_makes_now() -> None:
    assert generate() == CACHE.read_text(encoding="utf-8"), (
        "the help changed: run `python -m veerkracht.cli.helpcache` and commit help.json"
    )


@pytest.mark.parametrize(
    ("program", "args", "env", "cached"),
    [
        ("veerkracht", ["--help"], {}, True),
        ("python -m veerkracht", ["--help"], {}, True),
        ("veerkracht", ["--lang", "en", "--help"], {}, True),
        ("python -m veerkracht", ["--help", "--lang=en"], {}, True),
        ("veerkracht", ["--help"], {"VEERKRACHT_LANG": "en"}, True),
        ("veerkracht", ["--lang", "nl", "--help"], {"VEERKRACHT_LANG": "en"}, True),
        ("veerkracht", ["--help"], {"COLUMNS": "132"}, True),
        ("veerkracht", ["--help"], {"COLUMNS": "79"}, False),
        ("veerkracht", ["--lang", "fr", "--help"], {}, False),
        ("veerkracht", ["--help", "--quiet"], {}, False),
        ("veerkracht", ["plan", "--help"], {}, False),
        ("vk", ["--help"], {}, False),
    ],
)
def test_launch_prints_what_typer_prints(
    program: str, args: list[str], env: dict[str, str], cached: bool
) -> None:
    typer_out, typer_code, _ = run("veerkracht.cli", program, args, env)
    out, code, loaded = run("veerkracht.launch", program, args, env)
    assert (out, code) == (typer_out, typer_code)
    assert loaded is not cached


def test_the_saved_language_is_the_cached_one(home: Path) -> None:
    settings = home.parent / "config" / "settings.toml"
    settings.parent.mkdir()
    settings.write_text('language = "en"\n', encoding="utf-8")
    out, code, loaded = run("veerkracht.launch", "veerkracht", ["--help"], {})
    assert code == 0 and not loaded
    assert out == run("veerkracht.cli", "veerkracht", ["--help"], {})[0]
    assert out.startswith("Usage: veerkracht [OPTIONS]")
