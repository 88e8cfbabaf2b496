"""The home screen, the command palette, settings and F1 help, through Pilot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from tests.drive import SIZE, Said, wait_until
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.history import HistoryScreen
from veerkracht.screens.home import HomeScreen
from veerkracht.screens.settings import SettingsScreen
from veerkracht.store.settings import load_settings
from veerkracht.tui.app import VeerkrachtApp

TODAY = date(2026, 11, 22)


def glance(app: VeerkrachtApp) -> str:
    return str(app.screen.query_one("#glance", Static).content)


async def test_home_shows_the_state_at_a_glance(home: Path, home_app: Callable[..., Any]) -> None:
    app = home_app()
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, HomeScreen)
        text = glance(app)
        assert "Laatste reflectie: nr. 1 van 2026-11-20 (moe, gespannen)." in text
        assert "Open afspraken: 2; bij 1 daarvan is de datum voorbij." in text
        assert "check-in kan weer" in text


async def test_an_unfinished_reflection_is_mentioned(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "enter", "space", "enter", "ctrl+q", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "onafgemaakte reflectie" in glance(app)


async def test_an_empty_home_invites_a_first_reflection(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app("en", filled=False)
    async with app.run_test(size=SIZE):
        assert "No reflections yet" in glance(app)


async def test_enter_on_a_choice_opens_it(home: Path, home_app: Callable[..., Any]) -> None:
    app = home_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down", "enter")
        assert isinstance(app.screen, HistoryScreen)


async def test_hulp_shows_where_to_find_help(home: Path, home_app: Callable[..., Any]) -> None:
    app = home_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, ChoiceDialog)
        assert "0800-0113" in app.screen.body_text


async def test_prepare_without_reflections_says_what_to_do(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app(filled=False)
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, HomeScreen)
        assert said.any("eerst een reflectie")


async def test_a_reflection_saved_from_home_shows_on_return(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app(filled=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "enter", "space")
        await app.screen.go_to(11)
        await pilot.press("ctrl+s", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Laatste reflectie: nr. 1" in glance(app)


async def test_f1_explains_the_home_screen(home: Path, home_app: Callable[..., Any]) -> None:
    app = home_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, ChoiceDialog)
        assert "ctrl+p" in app.screen.body_text


@pytest.mark.parametrize(("key", "words"), [("t", "PgUp/PgDn"), ("c", "ctrl+s")])
async def test_f1_works_on_other_screens(
    home: Path, key: str, words: str, home_app: Callable[..., Any]
) -> None:
    app = home_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key, "f1")
        assert isinstance(app.screen, ChoiceDialog)
        assert words in app.screen.body_text


async def test_settings_are_saved_and_the_theme_changes(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("down", "space")  # English
        await pilot.press("tab", "down", "space")  # reminders off
        await pilot.press("tab", "down", "down", "space")  # high contrast
        assert app.theme == "veerkracht-contrast"
        await pilot.press("ctrl+s")
        text = str(app.screen.query("Static").nodes[-2].content)
        assert str(home) in text
    saved = load_settings()
    assert (saved.language, saved.reminders, saved.theme) == ("en", False, "veerkracht-contrast")


@pytest.mark.parametrize(
    ("days_ago", "said"),
    [(0, "Laatste check-in: vandaag."), (1, "Laatste check-in: gisteren."),
     (3, "Laatste check-in: 3 dagen geleden.")],
)  # fmt: skip
async def test_the_last_checkin_reads_like_speech(
    home: Path, store: Any, days_ago: int, said: str
) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from veerkracht.content import Content
    from veerkracht.core.records import CheckIn

    moment = datetime(2026, 11, 22, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    store.add_checkin(CheckIn(created=moment - timedelta(days=days_ago), capacity=5))
    app = VeerkrachtApp(store, Content("nl"), start="home", today=TODAY)
    async with app.run_test(size=SIZE):
        assert said in glance(app)


async def test_q_at_home_quits(home: Path, home_app: Callable[..., Any]) -> None:
    app = home_app(filled=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_ctrl_c_says_how_to_stop_in_the_users_language(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app(filled=False)
    said: list[str] = []
    app.notify = lambda message, **options: said.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert any("Stoppen doe je met ctrl+q" in message for message in said)
        assert app.is_running


async def test_the_palette_searches_in_dutch(home: Path, home_app: Callable[..., Any]) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input

    app = home_app(filled=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(Input).placeholder == "Zoek wat je wilt doen…"


async def test_themes_have_names_people_know(home: Path, home_app: Callable[..., Any]) -> None:
    app = home_app(filled=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        themes = app.screen.query_one("#theme")
        labels = [str(themes.get_option_at_index(i).prompt) for i in range(themes.option_count)]
    assert labels[:3] == ["donker", "licht", "hoog contrast"]
    assert not any(label.startswith("textual") for label in labels)


def test_dialogs_on_screen_point_to_keys_not_to_commands() -> None:
    from veerkracht.content import Content

    for language in ("nl", "en"):
        content = Content(language)
        said = [
            content.text("reflect", "ui", "saved_text", id="1"),
            content.text("after", "followup", "saved_text"),
            content.text("plan", "dialogue", "saved_text", id="1", week=2),
        ]
        assert not any("veerkracht " in text for text in said), said
