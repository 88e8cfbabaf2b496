"""The top-level `--help`, cached: Typer's own text for `veerkracht --help`, kept in
`help.json` beside this module, so that `launch.py` prints it without importing Typer
or Click (some 150 modules). The cache is served only where Typer would print the very
same text: argv is `--help` (with at most a `--lang nl|en`), the terminal is at least 80
columns wide (Click wraps at min(columns, 80) - 2), the program name and the language
are in the cache. Anything else goes to Typer.

    python -m veerkracht.cli.helpcache    # after changing a command, an option or help.toml

tests/cli/test_help_cache.py makes it again in memory and compares it byte for byte."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

CACHE = Path(__file__).with_name("help.json")
#: The names Click gives the program: the console script, and `python -m veerkracht`.
PROGRAMS = ("veerkracht", "python -m veerkracht")
#: From this many columns on, Click wraps the help at the same width.
COLUMNS = 80
#: Typer's completion options read this when their help is made (its own tests set it).
TYPER_SHELL_TEST = "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"


def cached_help(args: Sequence[str]) -> str | None:
    """The cached `--help` for `args`, or None where Typer should make it."""
    from veerkracht.cli.helptext import help_language
    from veerkracht.content import LANGUAGES

    rest = list(args)
    for index, arg in enumerate(rest):
        if arg == "--lang" and rest[index + 1 : index + 2] in ([lang] for lang in LANGUAGES):
            del rest[index : index + 2]
            break
        if arg.startswith("--lang=") and arg.partition("=")[2] in LANGUAGES:
            del rest[index]
            break
    if rest != ["--help"] or os.environ.get(TYPER_SHELL_TEST):
        return None
    import shutil

    if shutil.get_terminal_size().columns < COLUMNS:
        return None
    texts = json.loads(CACHE.read_text(encoding="utf-8"))["help"]
    return texts.get(program_name(), {}).get(help_language(args))


def program_name() -> str:
    """The program's name as Click says it in the usage line."""
    main = sys.modules["__main__"]
    package = getattr(main, "__package__", None)
    name = Path(sys.argv[0]).name
    if package in (None, ""):
        return name
    module = Path(name).stem
    return f"python -m {package if module == '__main__' else f'{package}.{module}'}"


def typer_help(program: str, language: str) -> str:
    """What Typer prints for `<program> --lang <language> --help` on a wide terminal."""
    import contextlib
    import io

    from veerkracht.cli import app

    out = io.StringIO()
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(COLUMNS)
    try:
        with contextlib.redirect_stdout(out):
            app(["--lang", language, "--help"], prog_name=program, standalone_mode=False)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return out.getvalue()


def generate() -> str:
    """The cache file's text, made from the Typer app as it is now."""
    from veerkracht.content import LANGUAGES

    texts = {
        program: {language: typer_help(program, language) for language in LANGUAGES}
        for program in PROGRAMS
    }
    return json.dumps({"columns": COLUMNS, "help": texts}, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    CACHE.write_text(generate(), encoding="utf-8")
    print(f"wrote {CACHE}")
