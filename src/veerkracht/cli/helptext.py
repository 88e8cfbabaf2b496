"""`--help` in the user's language: every command's and option's help comes from
content/help.toml, put on the command tree before Click formats it. The language is
the one the command would speak: `--lang`, VEERKRACHT_LANG, the saved setting, Dutch."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from veerkracht.content import DEFAULT_LANGUAGE, LANGUAGES, load

LANGUAGE_ENV = "VEERKRACHT_LANG"


def help_language(args: Sequence[str]) -> str:
    """The language asked for on the command line, in the environment or the settings."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            asked = args[index + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
        else:
            continue
        if asked in LANGUAGES:
            return asked
    if os.environ.get(LANGUAGE_ENV) in LANGUAGES:
        return os.environ[LANGUAGE_ENV]
    from veerkracht.store.settings import load_settings

    return load_settings().language or DEFAULT_LANGUAGE


def commands(group: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every command under `group` (itself included) with its path ("plan report")."""
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, f"{path} {name}".strip())


def apply_help(root: Any, language: str) -> None:
    """Put the help texts in `language` on every command and option under `root`."""
    texts = load("help")
    for path, command in commands(root):
        words = texts["commands"][path]
        command.short_help = words["short"][language]
        body = words.get("body", {}).get(language)
        command.help = f"{command.short_help}\n\n{body}" if body else command.short_help
        own = texts.get("command_options", {}).get(path, {})
        for param in command.params:
            found = own.get(param.name) or texts["options"].get(param.name)
            if found is not None and hasattr(param, "help"):
                param.help = found[language]
