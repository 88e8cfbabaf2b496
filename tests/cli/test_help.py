"""`--help` speaks the user's language, for every command and option, uncut."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from tests.cli.test_cli import run
from veerkracht.cli import app
from veerkracht.cli.helptext import commands
from veerkracht.content import LANGUAGES, load


def test_every_command_and_option_has_help_in_both_languages() -> None:
    texts = load("help")
    missing = []
    for path, command in commands(typer.main.get_command(app)):
        words = texts["commands"].get(path)
        if words is None or any(language not in words["short"] for language in LANGUAGES):
            missing.append(f'[commands."{path}"] short.nl and short.en')
        own = texts.get("command_options", {}).get(path, {})
        for param in command.params:
            found = own.get(param.name) or texts["options"].get(param.name)
            if found is None or any(language not in found for language in LANGUAGES):
                missing.append(
                    f"{path or '(root)'} {param.opts[0] if param.opts else param.name}: "
                    f'[options] or [command_options."{path}"] {param.name}.nl and .en'
                )
    assert missing == [], "help.toml lacks:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (["--help"], {}, "Bereid rustig een gesprek"),
        (["--lang", "en", "--help"], {}, "Prepare a conversation"),
        (["--help"], {"VEERKRACHT_LANG": "en"}, "Prepare a conversation"),
        (["agreements", "--help", "--lang=en"], {}, "Mark this agreement as kept."),
        (["plan", "report", "--help"], {}, "Kijk het verslag regel voor regel na."),
    ],
)
def test_help_speaks_the_language_asked_for(
    args: list[str], env: dict[str, str], words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VEERKRACHT_LANG", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run(*args)
    assert result.exit_code == 0
    assert words in result.stdout


@pytest.mark.parametrize(("language", "heading"), [("nl", "Opdrachten:"), ("en", "Commands:")])
def test_no_description_is_cut_short(
    language: str, heading: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for path in ("", "plan"):
        result = run(*path.split(), "--lang", language, "--help")
        listed = result.stdout.partition(heading)[2]
        assert listed.strip() and "..." not in listed


def test_clicks_own_words_speak_dutch_too(home: Path) -> None:
    dutch = run("plan", "--help").stdout
    for words in ("Gebruik: veerkracht plan [OPTIES]", "Opties:", "Laat deze uitleg zien.",
                  "[standaard: text]"):  # fmt: skip
        assert words in dutch
    assert "Show this message" not in dutch and "Usage:" not in dutch
    settings = home.parent / "config" / "settings.toml"
    settings.parent.mkdir()
    settings.write_text(
        'language = "en"\n', encoding="utf-8"
    )  # the saved setting, when nothing else says
    english = run("plan", "--help").stdout
    assert "Usage: veerkracht plan [OPTIONS]" in english and "Show this message" in english
