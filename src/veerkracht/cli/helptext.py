"""`--help` in the user's language: every command's and option's help comes from
content/help.toml, put on the command tree before Click formats it. The language is
the one the command would speak: `--lang`, VEERKRACHT_LANG, the saved setting, Dutch.
Click's own words around it ("Usage:", "Options", "Show this message and exit.") are
not translatable through Click (gettext without a catalogue), so each command gets a
context whose help formatter says them from content too."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

from veerkracht.content import DEFAULT_LANGUAGE, LANGUAGES, load

LANGUAGE_ENV = "VEERKRACHT_LANG"
#: The help of Click's own --help option.
HELP_OPTION = "Show this message and exit."


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
    say_clicks_words(root, {key: value[language] for key, value in texts["click"].items()})


def say_clicks_words(root: Any, words: dict[str, str]) -> None:
    """Click's own words in the help of every command under `root`: the usage line, the
    headings, the help option and the extras after an option's help."""
    contexts: dict[type, type] = {}
    for _, command in commands(root):
        base = getattr(command.context_class, "speaks_for", command.context_class)
        if base not in contexts:
            formatter = _formatter(base, words)
            contexts[base] = type(
                "HelpContext", (base,), {"formatter_class": formatter, "speaks_for": base}
            )
        command.context_class = contexts[base]
        command.options_metavar = words["options_metavar"]
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = words["command_metavar"]


#: What Click adds after an option's help: "[env var: X; default: text; required]".
_EXTRAS = re.compile(r"  \[(?P<extras>[^\[\]]*)\]$")


def _formatter(context: type, words: dict[str, str]) -> type:
    """The context's help formatter, saying Click's own words from `words`."""
    base = context.formatter_class

    def extras(found: re.Match[str]) -> str:
        parts = []
        for part in found["extras"].split("; "):
            name, colon, value = part.partition(": ")
            parts.append(f"{words.get(name, name)}{colon}{value}")
        return f"  [{'; '.join(parts)}]"

    class HelpFormatter(base):  # type: ignore[misc, valid-type]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, f"{words['usage']}: " if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            super().write_heading(words.get(heading, heading))

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            rows = [
                (term, words["help_option"] if text == HELP_OPTION else _EXTRAS.sub(extras, text))
                for term, text in rows
            ]
            super().write_dl(rows, *args, **kwargs)

    return HelpFormatter
