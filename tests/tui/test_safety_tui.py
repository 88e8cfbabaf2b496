"""The veiligheidsplan on screen and the help notice at 80×24: three rows at most, never
over the field being typed in, closed with F3; once there is a plan, F2 opens it from
the notice, and Escape comes back to the reflection with every word still there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input

from tests.drive import SMALL, fill, wait_until
from veerkracht.core.model import now
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.reflect import ReflectScreen
from veerkracht.screens.safety import SafetyScreen
from veerkracht.screens.widgets import HelpNotice, TextField
from veerkracht.services.safety import current_safety_plan, save_safety_plan
from veerkracht.store.store import Store

PLAN = {"people": "Anna 06-12345678", "reasons": "Mijn kinderen", "gp": "Dr. Jansen 030-1234567"}
WRITING = "Ik slaap slecht en ik zie het leven niet meer zitten"


def notice(app: Any) -> HelpNotice | None:
    found = app.screen.query(HelpNotice)
    return found.first() if found else None


async def heavy_reflection(pilot: Any) -> TextField:
    """A feeling, a 9 (the notice shows), then words typed in the note under it."""
    await pilot.press("enter", "space", "tab", "9")
    await wait_until(pilot, lambda: notice(pilot.app) is not None)
    await pilot.press("tab")
    field = pilot.app.screen.query_one("#feelings_note", TextField)
    await fill(pilot, WRITING, field)
    return field


def assert_beside(shown: HelpNotice, field: Any) -> None:
    """The notice has rows of its own: it never lies over the focused field."""
    assert field.has_focus
    assert field.region.height > 0
    assert not shown.region.overlaps(field.region)
    assert field.region.bottom <= shown.region.y


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("with_plan", [False, True])
async def test_the_notice_takes_three_rows_at_most_and_never_covers_the_field(
    store: Store, reflect_app: Callable[..., Any], language: str, with_plan: bool
) -> None:
    if with_plan:
        save_safety_plan(store, PLAN, now=now())
    app = reflect_app(language)
    async with app.run_test(size=SMALL) as pilot:
        field = await heavy_reflection(pilot)
        await pilot.pause()
        shown = notice(app)
        assert shown is not None
        assert 1 <= shown.region.height <= 3
        # Every row fits the width, so nothing of the three is cut off.
        rows = str(shown.render()).split("\n")
        assert len(rows) == 3
        assert all(len(row) <= shown.content_region.width for row in rows), rows
        assert_beside(shown, field)
        text = " ".join(rows)
        assert "113" in text and "112" in text and "F3" in text
        assert ("F2" in text) is with_plan
        assert ("h op het beginscherm" in text or "h on the home screen" in text) is not with_plan


async def test_f3_closes_the_notice_and_typing_goes_on(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SMALL) as pilot:
        field = await heavy_reflection(pilot)
        await pilot.press("f3")
        await wait_until(pilot, lambda: notice(app) is None)
        assert field.has_focus and field.value == WRITING
        await pilot.press("f3", "f2")  # no notice: the keys do nothing
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen) and field.value == WRITING
        assert app.notice_shown  # once per session: it does not come back


async def test_from_the_notice_to_the_plan_and_back_keeps_the_reflection(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    save_safety_plan(store, PLAN, now=now())
    app = reflect_app()
    async with app.run_test(size=SMALL) as pilot:
        field = await heavy_reflection(pilot)
        reflection = app.screen
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, SafetyScreen))
        assert app.screen.query_one("#people", TextField).value == PLAN["people"]
        assert app.screen.query_one("#gp", Input).value == PLAN["gp"]
        await pilot.press("escape")  # nothing changed: straight back
        await wait_until(pilot, lambda: app.screen is reflection)
        assert field.value == WRITING
        assert field.has_focus
        assert notice(app) is not None
        # Once more, now changing the plan and saving it: back to the same reflection.
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, SafetyScreen))
        await fill(pilot, "Even naar buiten", app.screen.query_one("#coping", TextField))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is reflection)
        assert field.value == WRITING
    plan = current_safety_plan(store)
    assert plan is not None and plan.coping == "Even naar buiten" and plan.people == PLAN["people"]


async def test_without_a_plan_f2_does_not_open_one(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SMALL) as pilot:
        field = await heavy_reflection(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen) and field.value == WRITING


async def test_the_plan_is_made_on_screen_and_kept_in_the_store(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app("en", start="safety")
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, SafetyScreen)
        assert screen.query_one("#warning_signs", TextField).has_focus
        shown = " ".join(str(s.render()) for s in screen.query("Static"))
        assert "Thinking about suicide? Call 113, free and anonymous, 24/7" in shown
        assert "It works best together with someone" in shown
        await fill(pilot, "I stop answering messages")
        await fill(pilot, "030-7654321", screen.query_one("#out_of_hours", Input))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
    plan = current_safety_plan(store)
    assert plan is not None
    assert (plan.warning_signs, plan.out_of_hours) == ("I stop answering messages", "030-7654321")


async def test_an_empty_plan_is_not_saved_and_says_why(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app(start="safety")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
    assert current_safety_plan(store) is None


async def test_changes_left_unsaved_are_asked_about_before_going_back(
    store: Store, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app(start="safety")
    async with app.run_test(size=SMALL) as pilot:
        await fill(pilot, "Mijn hond")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # keep writing: the focused choice
        await wait_until(pilot, lambda: isinstance(app.screen, SafetyScreen))
        assert app.screen.query_one("#warning_signs", TextField).value == "Mijn hond"
