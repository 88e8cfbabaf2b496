"""One walk through the app as a first-time user takes it, in both languages: home, a
whole reflection, its card, and the dashboard that shows it. `.ci/run` runs this walk
on Windows Python too, where the other screen tests are left to Linux."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from tests.drive import SMALL, fill, wait_until
from veerkracht.screens.history import HistoryScreen
from veerkracht.screens.home import HomeScreen
from veerkracht.screens.prepare import PrepareScreen, ScriptLine
from veerkracht.screens.reflect import ReflectScreen
from veerkracht.store.store import Store

#: The words typed at each step that has a text field (the rest is chosen by keys).
WORDS = {
    "nl": {"feelings": "moe", "fear": "oordeel", "help": "rust", "boundaries": "thuis"},
    "en": {"feelings": "worn out", "fear": "judged", "help": "calm", "boundaries": "home"},
}


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_home_a_whole_reflection_its_card_and_the_dashboard(
    store: Store, home_app: Callable[..., Any], language: str
) -> None:
    app = home_app(language, filled=False)
    async with app.run_test(size=SMALL) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r", "enter")  # the welcome, then Begin
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        await pilot.press("space", "down", "space", "enter", "6", "enter")
        while screen.step != "summary":
            typed = WORDS[language].get(screen.step)
            if typed and isinstance(app.focused, Input | TextArea):
                await fill(pilot, typed)
            await pilot.press("ctrl+n")
        await pilot.press("ctrl+s")
        await pilot.press("enter")  # the first choice: make a card
        await wait_until(pilot, lambda: isinstance(app.screen, PrepareScreen), message="card")
        await pilot.pause()
        opening = [line.value for line in app.screen.query(ScriptLine)]
        assert opening and all(opening), "the card's opening lines are shown"
        await pilot.press("ctrl+s")  # keep it
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), message="home")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen), message="look back")
        table = app.screen.query_one("#entries", DataTable)
        assert table.row_count == 1
        assert "6/10" in str(app.screen.query_one("#detail", Static).content)

    [entry] = store.entries()
    assert len(entry.feelings) == 2
    assert entry.intensity == 6
    assert entry.fear == WORDS[language]["fear"]
    assert store.contents().cards, "the kept card is in the store"


@pytest.mark.parametrize("letter", ["s", "g"])
async def test_the_data_folder_is_named_as_the_system_writes_it(
    store: Store, home_app: Callable[..., Any], letter: str
) -> None:
    """Settings (s) and Your data (g) name the data folder as this system writes paths
    (backslashes on Windows), where the snapshots fix one POSIX folder."""
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(letter)
        shown = " ".join(str(static.render()) for static in app.screen.query(Static))
        assert f"Je gegevens staan in: {store.directory}" in shown.replace("\n", " ")
