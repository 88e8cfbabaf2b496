"""A short path for a tired person, and the keys a whole reflection takes: each walk goes
from the app's start to a card on screen and counts the keys that are not typed words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.drive import SMALL, Said, fill, wait_until
from veerkracht.core.reflection import SHORT_STEPS
from veerkracht.screens.home import HomeScreen
from veerkracht.screens.prepare import PrepareScreen, ScriptLine
from veerkracht.screens.reflect import ReflectScreen
from veerkracht.screens.widgets import Examples, TextField
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

#: The targets of the issue: navigation keys from launch to a shown card, typed words aside.
SHORT_PATH_KEYS = 12
FULL_REFLECTION_KEYS = 40


class Keys:
    """Presses keys through Pilot and counts them; words go in through `fill`, as typed
    text, which the targets leave out."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)

    async def type(self, words: str) -> None:
        await fill(self.pilot, words)


async def card_shown(pilot: Pilot) -> list[str]:
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, PrepareScreen), message="the card")
    await pilot.pause()
    return [line.value for line in app.screen.query(ScriptLine)]


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_short_path_from_home_to_a_card_in_at_most_twelve_keys(
    store: Store, home_app: Callable[..., Any], language: str
) -> None:
    said = Said()
    app = home_app(language, filled=False)
    async with app.run_test(size=SMALL, message_hook=said) as pilot:
        keys = Keys(pilot)
        await keys.press("k")
        screen = app.screen
        assert isinstance(screen, ReflectScreen) and screen.step == "feelings"
        await keys.press("space", "enter", "7", "ctrl+n")  # a feeling, and how heavy
        assert screen.step == "impact"
        await keys.press("space", "ctrl+n")
        assert screen.step == "help"
        await keys.type("minder tegelijk")
        await keys.press("tab", "space", "ctrl+n")
        assert screen.step == "audience"
        await keys.press("ctrl+n")  # the suggested person; then the card
        opening = await card_shown(pilot)
        print(f"short path ({language}): {keys.count} keys beyond the typed words")
        assert keys.count <= SHORT_PATH_KEYS
        assert opening and all(opening)
        assert said.any("1"), said.messages

    [entry] = store.entries()
    assert entry.feelings == ["tired"] and entry.intensity == 7
    assert entry.desired_change == "minder tegelijk"
    assert entry.fear == "" and entry.barriers == []  # the other steps wait, empty
    assert not Draft(store, "reflect").path.exists()


async def test_the_short_path_shows_four_steps_and_keeps_a_draft(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app(start="short")
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        seen = []
        await pilot.press("space")
        while True:
            progress = str(screen.query_one("#progress", Static).content)
            seen.append(screen.step)
            assert f"{len(seen)} van {len(SHORT_STEPS)}" in progress
            if screen.step == SHORT_STEPS[-1]:
                break
            await pilot.press("ctrl+n")
        assert tuple(seen) == SHORT_STEPS
        assert screen.query_one("#save").display and not screen.query_one("#next").display
        await pilot.press("escape", "escape", "escape")  # back to the first step, then away
    assert Draft(store, "reflect").load()["answers"]["feelings"] == ["tired"]

    again = reflect_app(start="short")
    async with again.run_test(size=SMALL) as pilot:
        assert again.screen.step == "feelings"
        assert again.screen.collect()["feelings"] == ["tired"]


async def test_a_short_reflection_is_completed_later_with_every_step(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app(start="short")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("space", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        await card_shown(pilot)
    [entry] = store.entries()

    later = reflect_app(start="home")
    async with later.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p")  # the menu: change a reflection
        await wait_until(pilot, lambda: bool(later.screen.query(Input)))
        later.screen.query_one(Input).value = "Reflectie aanpassen"
        await wait_until(pilot, lambda: later.screen.query_one(OptionList).highlighted == 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: getattr(later.screen, "step", "") == "summary")
        screen = later.screen
        await screen.go_to(5)  # the fear, left empty by the short path
        await pilot.pause()
        await fill(pilot, "dat ze me zwak vinden")
        await pilot.press("ctrl+o", "ctrl+s")
    [changed] = store.entries()
    assert (changed.id, changed.uuid, changed.feelings) == (entry.id, entry.uuid, ["tired"])
    assert changed.fear == "dat ze me zwak vinden"


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_a_whole_reflection_from_home_to_a_card_in_at_most_forty_keys(
    store: Store, home_app: Callable[..., Any], language: str
) -> None:
    """Every step, two choices where a list offers several, a word in every text field."""
    app = home_app(language, filled=False)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await keys.press("r", "enter")  # the reflection, Begin
        screen = app.screen
        await keys.press("space", "down", "space", "enter", "6", "enter")
        await keys.type("moe")
        await keys.press("ctrl+n")
        assert screen.step == "triggers"
        await keys.press("space", "down", "space", "enter")
        await keys.type("druk")
        await keys.press("ctrl+n")
        assert screen.step == "impact"
        await keys.press("space", "enter")
        await keys.type("fouten")
        await keys.press("ctrl+n")
        assert screen.step == "relations"
        for index, words in enumerate(("overleg", "Sam", "alles tegelijk", "hulp")):
            if index:
                await keys.press("tab")
            await keys.type(words)
        await keys.press("ctrl+n")
        assert screen.step == "fear"
        await keys.type("oordeel")
        await keys.press("ctrl+n")
        assert screen.step == "help"
        await keys.type("rust")
        await keys.press("tab", "space", "down", "space", "enter")
        assert screen.step == "barriers"
        await keys.press("space", "enter")
        assert screen.step == "audience"
        await keys.press("enter")
        assert screen.step == "boundaries"
        await keys.type("thuis")
        await keys.press("tab")
        await keys.type("diagnose")
        await keys.press("ctrl+n")
        assert screen.step == "asks"
        await keys.press("space")  # an example taken over
        await keys.type(" Graag.")
        await keys.press("ctrl+n")
        assert screen.step == "summary"
        await keys.press("ctrl+s", "enter")  # save, and make the card
        opening = await card_shown(pilot)
        print(f"whole reflection ({language}): {keys.count} keys beyond the typed words")
        assert keys.count <= FULL_REFLECTION_KEYS
        assert opening and all(opening)
    [entry] = store.entries()
    assert entry.fear == "oordeel" and entry.private == "diagnose" and len(entry.asks) == 1


async def test_the_short_path_is_one_letter_from_home(home_app: Callable[..., Any]) -> None:
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("k")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectScreen))
        assert app.screen.short and app.screen.step == "feelings"


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_asks_step_starts_on_the_examples_in_view_and_says_its_keys(
    reflect_app: Callable[..., Any], language: str
) -> None:
    """Finding 3: at 80×24 the focus was in "Your asks", below the fold, while the hint
    spoke of Space on an example."""
    app = reflect_app(language)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        await screen.go_to(6)  # what would help: choose the kinds of support
        await pilot.pause()
        await pilot.press("tab", "space", "down", "space")
        await screen.go_to(10)
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, Examples)
        fields = screen.query_one("#fields-asks")
        assert fields.region.contains_region(focused.region), "the focus is in view"
        keys = str(screen.query_one("#asks-keys", Static).content)
        assert ("spatie" if language == "nl" else "Space") in keys
        await pilot.press("space")
        assert isinstance(app.focused, TextField) and app.focused.value
        assert fields.region.contains_region(app.focused.region)
        keys = str(screen.query_one("#asks-keys", Static).content)
        assert "Tab" in keys and ("vakje" if language == "nl" else "box") in keys
