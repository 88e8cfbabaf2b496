"""The card editor (`prepare --edit`), driven through Pilot."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, SelectionList, Static

from tests.drive import SIZE, SMALL, Said, assert_private, fill, runner
from veerkracht.cli import app as cli
from veerkracht.content import Content
from veerkracht.core.model import parse_answers
from veerkracht.core.scripts import build_script
from veerkracht.screens.dialogs import ChoiceDialog, PathDialog, RehearseDialog
from veerkracht.screens.prepare import PrepareScreen, ScriptLine
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp


def editor(now: datetime, home: Path, answers: dict, language: str = "nl") -> VeerkrachtApp:
    store = Store(home)
    entry = store.add_entry(parse_answers(answers, now=now))
    content = Content(language)
    return VeerkrachtApp(store, content, script=build_script(entry, content))


def shown_lines(screen: PrepareScreen) -> list[str]:
    return [line.value for line in screen.query(ScriptLine)]


async def test_the_editor_shows_each_sections_lines(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        assert shown_lines(screen)[0].startswith("Ik zit er even doorheen")
        await pilot.press("down", "down", "down", "down")  # asks
        await pilot.pause()
        assert shown_lines(screen) == answers["asks"]


async def test_a_line_can_be_changed_and_ends_up_on_the_card(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter")  # into the opening's lines
        await fill(pilot, " Nu?")
        await pilot.pause()
        card = screen.current()
        assert card.section("opening").lines[0].endswith("rustig moment? Nu?")


async def test_a_section_can_be_switched_off(home: Path, answers: dict, now: datetime) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("down", "space")  # situation off
        await pilot.pause()
        keys = [section.key for section in screen.current().sections]
        assert "situation" not in keys
        assert "Dit onderdeel staat uit" in str(screen.query_one("#off-note", Static).content)
        await pilot.press("space")
        assert "situation" in [section.key for section in screen.current().sections]


async def test_the_card_is_saved_as_markdown(
    home: Path, answers: dict, tmp_path: Path, now: datetime
) -> None:
    app = editor(now, home, answers)
    target = tmp_path / "kaart.md"
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("down", "space", "ctrl+e")
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert said.any("kaart.md")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Gesprekskaart")
    assert "## Wat er speelt" not in text
    assert answers["private"] not in text
    assert_private(target)


async def test_saving_to_an_impossible_place_says_so(
    home: Path, answers: dict, tmp_path: Path, now: datetime
) -> None:
    app = editor(now, home, answers)
    target = tmp_path / "missing" / "kaart.md"
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("ctrl+e")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert said.errors()
    assert not target.exists()


async def test_the_card_can_be_copied(home: Path, answers: dict, now: datetime) -> None:
    app = editor(now, home, answers, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+y")
        assert app.clipboard.startswith("# Conversation card")
        assert answers["private"] not in app.clipboard


async def test_rehearsing_goes_through_the_opening_and_asks(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        dialog = app.screen
        assert isinstance(dialog, RehearseDialog)
        expected = 1 + len(answers["asks"])  # the opening that is on, then the asks
        assert len(dialog.lines) == expected

        def line() -> str:
            return str(dialog.query_one("#rehearse-line", Static).content)

        assert line().startswith("Ik zit er even doorheen")
        assert "Zin 1 van 3" in str(dialog.query_one("#rehearse-progress", Static).content)
        for _ in range(expected):
            await pilot.press("enter")
        assert line().startswith("Goed gedaan")
        await pilot.press("enter")
        assert isinstance(app.screen, PrepareScreen)


async def test_help_and_closing(home: Path, answers: dict, now: datetime) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, ChoiceDialog)
        assert "oefen" in app.screen.body_text
        await pilot.press("escape", "escape")
    assert app.return_value is None


async def test_after_saving_a_reflection_the_card_is_offered(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        await screen.go_to(11)
        await pilot.press("ctrl+s", "enter")  # Gesprekskaart maken
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.script.entry.feelings == ["tired"]
        await pilot.press("escape")
    assert app.return_value == "1"


async def edit_opening(pilot, words: str) -> None:
    await pilot.press("enter")  # into the opening's lines
    await fill(pilot, words)
    await pilot.pause()


async def test_an_edited_card_is_kept_and_there_again_next_time(
    home: Path, answers: dict, now: datetime
) -> None:
    """Problem 4: the edited card lives with its reflection, in the store."""
    app = editor(now, home, answers)
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await edit_opening(pilot, " Nu?")
        await pilot.press("ctrl+s")
        assert said.any("bewaard bij reflectie 1")
        await pilot.press("escape")  # kept: closes without asking
    assert app.return_value is None

    again = editor_for_last(home)
    async with again.run_test(size=SIZE):
        screen = again.screen
        assert shown_lines(screen)[0].endswith("rustig moment? Nu?")
        assert "Jouw versie" in str(screen.query_one("#version", Static).content)

    printed = runner.invoke(cli, ["prepare"]).stdout
    assert "rustig moment? Nu?" in " ".join(printed.split())
    assert "jouw eigen versie" in printed
    generated = runner.invoke(cli, ["prepare", "--generated"]).stdout
    assert "rustig moment? Nu?" not in " ".join(generated.split())
    as_json = json.loads(runner.invoke(cli, ["prepare", "--format", "json"]).stdout)
    assert as_json["edited"] is True


async def test_leaving_with_changes_not_kept_asks_with_keeping_focused(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        await edit_opening(pilot, " Nu?")
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused.id == "keep"
        await pilot.press("tab", "enter")  # Verder bewerken
        assert isinstance(app.screen, PrepareScreen)
        await pilot.press("escape", "enter")  # Bewaren en sluiten
    assert Store(home).card(app.script.entry.uuid, "manager", "nl") is not None


async def test_leaving_without_keeping_leaves_the_generated_card(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        await edit_opening(pilot, " Nu?")
        await pilot.press("escape", "tab", "tab", "enter")  # Niet bewaren
    assert Store(home).contents().cards == []


async def test_back_to_the_generated_card_asks_first(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await edit_opening(pilot, " Nu?")
        await pilot.press("ctrl+s", "shift+tab", "ctrl+g")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused.id == "stay"
        await pilot.press("enter")
        assert shown_lines(screen)[0].endswith("Nu?")
        await pilot.press("ctrl+g", "tab", "enter")
        await pilot.pause()
        assert not shown_lines(screen)[0].endswith("Nu?")
    assert Store(home).contents().cards == []


async def test_an_edited_card_is_kept_per_audience(
    home: Path, answers: dict, now: datetime
) -> None:
    app = editor(now, home, answers)
    async with app.run_test(size=SIZE) as pilot:
        await edit_opening(pilot, " Nu?")
        await pilot.press("ctrl+s", "escape")
    for_hr = runner.invoke(cli, ["prepare", "--to", "hr"]).stdout
    assert "Nu?" not in for_hr
    assert "Nu?" in runner.invoke(cli, ["prepare", "--to", "manager"]).stdout


def editor_for_last(home: Path, language: str = "nl") -> VeerkrachtApp:
    store = Store(home)
    content = Content(language)
    return VeerkrachtApp(store, content, script=build_script(store.entry("last"), content))


async def test_the_line_on_how_heavy_it_is_can_be_switched_off(home: Path, now: datetime) -> None:
    store = Store(home)
    entry = store.add_entry(
        parse_answers(
            {
                "feelings": ["sad"],
                "intensity": 9,
                "help_notice": True,
                "audience": "company_doctor",
            },
            now=now,
        )
    )
    content = Content("nl")
    app = VeerkrachtApp(store, content, script=build_script(entry, content))
    heavy = app.script.heavy_line
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("down", "enter")  # the situation's lines
        assert heavy in [line.value for line in screen.query(ScriptLine)]
        await pilot.press("tab")  # the second line: how heavy it is
        assert screen.focused.value == heavy
        await pilot.press("ctrl+t")
        assert screen.focused.has_class("off")
        assert heavy not in screen.current().section("situation").lines
        await pilot.press("ctrl+s", "escape")

    def situation(*options: str) -> list[str]:
        card = json.loads(runner.invoke(cli, ["prepare", "--format", "json", *options]).stdout)
        return next(s["lines"] for s in card["sections"] if s["key"] == "situation")

    assert heavy not in situation()
    assert heavy in situation("--generated")


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_at_80x24_every_section_title_is_whole_and_lines_off_stay_readable(
    home: Path, answers: dict, now: datetime, language: str
) -> None:
    """Finding 10: "Tips voor jezelf (niet om v…" was cut, and the other opening lines
    were struck through in dim grey, hard to read when choosing one."""
    app = editor(now, home, answers, language)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        sections = screen.query_one("#sections", SelectionList)
        room = sections.content_region.width - 4  # the box and its space
        for index in range(sections.option_count):
            prompt = str(sections.get_option_at_index(index).prompt)
            assert len(prompt) <= room, prompt
        assert "opening" in [s.key for s in screen.script.sections]
        assert screen.off["opening"], "the other opening lines wait, switched off"
        off = [line for line in screen.query(ScriptLine) if line.has_class("off")]
        assert off
        for line in off:
            assert not line.styles.text_style.strike
        note = str(screen.query_one("#off-note", Static).content)
        assert "ctrl+t" in note
        await pilot.press(*["down"] * [s.key for s in screen.script.sections].index("tips"))
        note = str(screen.query_one("#off-note", Static).content)
        assert ("niet om voor te lezen" if language == "nl" else "not to read out") in note
