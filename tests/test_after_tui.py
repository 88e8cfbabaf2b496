"""The follow-up and check-in screens, driven through Pilot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from tests.tui_helpers import SIZE, type_text
from veerkracht.app import VeerkrachtApp
from veerkracht.content import Content
from veerkracht.model import parse_answers
from veerkracht.records import Agreement, FollowUp
from veerkracht.screens.after import CheckinScreen, FollowupScreen
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.storage import Store


def followup_app(home: Path, language: str = "nl") -> VeerkrachtApp:
    store = Store(home)
    entry = store.add_entry(parse_answers({"feelings": ["tense"], "fear": "dat ze boos wordt"}))
    return VeerkrachtApp(store, Content(language), start="followup", entry=entry)


async def test_a_followup_by_keys_alone(home: Path) -> None:
    app = followup_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, FollowupScreen)
        await pilot.press("4", "tab", "space", "tab")  # went 4, better than feared
        await type_text(pilot, "ze luisterde")
        await pilot.press("enter")
        await type_text(pilot, "minder taken")
        await pilot.press("tab")
        await type_text(pilot, "Anna")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-05")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
    store = Store(home)
    (followup,) = store.followups()
    assert (followup.went, followup.as_feared, followup.helped) == (4, "better", "ze luisterde")
    (agreement,) = store.agreements()
    assert (agreement.what, agreement.who, agreement.due) == (
        "minder taken",
        "Anna",
        date(2026, 12, 5),
    )


async def test_the_fear_is_shown_to_compare(home: Path) -> None:
    app = followup_app(home, "en")
    async with app.run_test(size=SIZE):
        text = str(app.screen.query_one(".suggestion").content)
        assert text == "Before the talk you wrote down what you feared: ‘dat ze boos wordt’"


async def test_a_bad_due_date_is_named_and_nothing_saved(home: Path) -> None:
    app = followup_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        app.screen.query_one("#what-0", Input).value = "bellen"
        app.screen.query_one("#due-0", Input).value = "volgende week"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FollowupScreen)
        assert any("agreements[0].due" in n.message for n in app._notifications)
    assert Store(home).followups() == []


async def test_how_it_went_is_needed(home: Path) -> None:
    app = followup_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        assert any("'went'" in n.message for n in app._notifications)


async def test_stopping_after_typing_asks_first(home: Path) -> None:
    app = followup_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "escape")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # keep writing
        assert isinstance(app.screen, FollowupScreen)
        await pilot.press("escape", "tab", "enter")  # stop
    assert Store(home).followups() == []


def checkin_app(home: Path, language: str = "nl") -> VeerkrachtApp:
    store = Store(home)
    entry = store.add_entry(parse_answers({"feelings": ["tense"]}))
    followup = FollowUp(entry="", created=entry.created, went=3)
    store.add_followup(followup, [Agreement("minder taken"), Agreement("bellen")], entry)
    return VeerkrachtApp(store, Content(language), start="checkin")


async def test_a_checkin_marks_kept_agreements(home: Path) -> None:
    app = checkin_app(home)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CheckinScreen)
        await type_text(pilot, "nee gezegd")
        await pilot.press("enter", "enter", "enter", "enter")  # to capacity
        await pilot.press("6", "tab", "8", "tab", "down", "space")  # agreement 2 kept
        await pilot.press("ctrl+s", "enter")
    store = Store(home)
    (checkin,) = store.checkins()
    assert (checkin.went_well, checkin.capacity, checkin.load) == ("nee gezegd", 6, 8)
    assert [(a.id, a.done) for a in store.agreements()] == [("1", False), ("2", True)]


async def test_the_four_pillars_are_an_optional_lens(home: Path) -> None:
    app = checkin_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        labels = [str(label.content) for label in screen.query("#pillars Label")]
        assert labels[0] == "Vertrouwen: Kon je deze week op anderen rekenen, en zij op jou?"
        assert len(labels) == 4
        screen.query_one("#pillar-trust", Input).value = "meer durven zeggen"
        await pilot.press("ctrl+s", "enter")
    assert Store(home).checkins()[0].pillars == {"trust": "meer durven zeggen"}


async def test_an_empty_checkin_is_refused(home: Path) -> None:
    app = checkin_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CheckinScreen)
        assert any("check-in" in n.message for n in app._notifications)
