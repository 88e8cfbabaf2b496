"""The guided reflection, driven by keys alone through Pilot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.tui_helpers import SIZE, make_app, type_text
from veerkracht.drafts import Draft
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.reflect import ReflectScreen
from veerkracht.storage import Store


def saved_answers(home: Path) -> dict:
    """The one saved entry, without the fields the store adds."""
    (entry,) = Store(home).entries()
    record = entry.to_record()
    for key in ("id", "uuid", "created"):
        record.pop(key)
    return record


async def walk_dutch(pilot) -> None:
    screen = pilot.app.screen
    await pilot.press("enter")  # Beginnen
    assert screen.step == "feelings"
    await pilot.press("space", "down", "space", "tab", "7", "tab")
    await type_text(pilot, "moe")
    await pilot.press("enter")
    assert screen.step == "triggers"
    await pilot.press("space", "down", "down", "space", "tab")
    await type_text(pilot, "druk")
    await pilot.press("enter")
    assert screen.step == "impact"
    await pilot.press("space", "down", "space", "tab")
    await type_text(pilot, "fouten")
    await pilot.press("enter")
    assert screen.step == "relations"
    for text in ("overleg", "Sam", "hulp"):
        await type_text(pilot, text)
        await pilot.press("enter")
    assert screen.step == "fear"
    await type_text(pilot, "oordeel")
    await pilot.press("enter")
    assert screen.step == "help"
    await type_text(pilot, "rust")
    await pilot.press("enter", "space", "down", "down", "space", "enter")
    assert screen.step == "barriers"
    await pilot.press("space")
    assert "Een kleine tip" in str(screen.query_one("#barrier-tips", Static).content)
    await pilot.press("enter")
    assert screen.step == "audience"
    assert "leidinggevende" in str(screen.query_one("#audience-suggestion", Static).content)
    await pilot.press("enter")
    assert screen.step == "boundaries"
    await type_text(pilot, "thuis")
    await pilot.press("enter")
    await type_text(pilot, "diagnose")
    await pilot.press("enter")
    assert screen.step == "asks"
    await pilot.press("enter", "end")  # take the first example over, then edit it
    await type_text(pilot, " Ja.")
    await pilot.press("enter")
    await type_text(pilot, "Bellen?")
    await pilot.press("enter", "enter")
    assert screen.step == "summary"


async def test_a_whole_reflection_in_dutch_by_keys_alone(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await walk_dutch(pilot)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert "nummer 1" in app.screen.body_text
        await pilot.press("tab", "enter")  # Sluiten (the first choice makes a card)
    assert app.return_value == "1"

    assert saved_answers(home) == {
        "feelings": ["tired", "tense"],
        "intensity": 7,
        "feelings_note": "moe",
        "triggers": ["workload", "home"],
        "triggers_note": "druk",
        "impact": ["concentration", "mistakes"],
        "impact_note": "fouten",
        "relations": {
            "drains": "overleg",
            "gives": "Sam",
            "unspoken": "hulp",
        },
        "desired_change": "rust",
        "support": ["listening", "practical"],
        "barriers": ["judgement"],
        "audience": "manager",
        "share": "thuis",
        "private": "diagnose",
        "asks": [
            "Zou je een halfuurtje met me willen zitten, zodat ik mijn verhaal rustig kan "
            "vertellen? Ja.",
            "Bellen?",
        ],
        "fear": "oordeel",
    }
    assert not Draft(Store(home), "reflect").path.exists()


async def test_a_whole_reflection_in_english_skipping_steps(home: Path) -> None:
    app = make_app(home, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        await pilot.press("enter", "down", "down", "space", "tab", "end", "tab")
        await type_text(pilot, "Low")
        await pilot.press("enter")
        await pilot.press("down", "down", "down", "down", "down", "down", "down", "down")
        await pilot.press("space", "enter")  # misconduct
        for _ in range(6):  # impact, relations, fear, help, barriers: skipped
            if screen.step == "audience":
                break
            await pilot.press("enter")
        assert screen.step == "audience"
        suggestion = str(screen.query_one("#audience-suggestion", Static).content)
        assert "confidential adviser" in suggestion
        await pilot.press("up", "space")  # overrule: HR instead
        assert "HR" in str(screen.query_one("#audience-info", Static).content)
        await pilot.press("enter", "enter", "tab", "enter")  # empty share, no asks
        assert screen.step == "summary"
        await pilot.press("ctrl+s", "tab", "enter")
    filled = {key: value for key, value in saved_answers(home).items() if value}
    assert filled == {
        "feelings": ["sad"],
        "intensity": 10,
        "feelings_note": "Low",
        "triggers": ["misconduct"],
        "audience": "hr",
    }


async def test_feelings_cannot_be_skipped(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        assert app.screen.step == "feelings"
        await pilot.press("tab", "tab", "enter")
        assert app.screen.step == "feelings"


async def test_escape_goes_back_and_keeps_what_was_typed(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter", "space", "enter")
        assert app.screen.step == "impact"
        await pilot.press("escape", "escape")
        assert app.screen.step == "feelings"
        assert app.screen.collect() == {"feelings": ["tired"], "triggers": ["workload"]}


async def test_a_draft_is_kept_after_every_step(home: Path) -> None:
    app = make_app(home)
    draft = Draft(Store(home), "reflect")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter")
        assert draft.load()["answers"] == {"feelings": ["tired"]}
        await pilot.press("tab")
        await type_text(pilot, "ruzie")
        await pilot.press("shift+tab")  # leaving the field saves it too
        assert draft.load()["answers"]["triggers_note"] == "ruzie"
        assert draft.load()["step"] == 2


async def test_quitting_midway_keeps_the_draft_and_the_next_start_resumes(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "down", "space", "enter", "tab")
        await type_text(pilot, "het werk")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # Concept bewaren
    assert app.return_value is None
    assert json.loads(Draft(Store(home), "reflect").path.read_text())["answers"] == {
        "feelings": ["tense"],
        "triggers_note": "het werk",
    }

    again = make_app(home)
    async with again.run_test(size=SIZE) as pilot:
        screen = again.screen
        assert "stap 3: Aanleiding" in str(screen.query_one("#draft-info", Static).content)
        await pilot.press("enter")  # Verder met je concept
        assert screen.step == "triggers"
        assert screen.query_one("#triggers_note", Input).value == "het werk"
        assert screen.collect()["feelings"] == ["tense"]


async def test_quitting_and_discarding_leaves_no_draft(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter", "ctrl+q", "tab", "enter")
    assert not Draft(Store(home), "reflect").path.exists()


async def test_quitting_can_be_cancelled(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter", "ctrl+q", "escape")
        assert isinstance(app.screen, ReflectScreen)
        assert app.screen.step == "triggers"


async def test_starting_over_discards_the_old_draft(home: Path) -> None:
    Draft(Store(home), "reflect").save({"feelings": ["angry"]}, 3)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "enter")  # Opnieuw beginnen
        assert app.screen.step == "feelings"
        assert app.screen.collect() == {}


async def test_a_step_can_be_reopened_from_the_summary(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space", "enter")
        await pilot.press("ctrl+o")  # not offered before the summary
        assert screen.step == "triggers"
        await screen.go_to(11)
        assert screen.step == "summary"
        await pilot.press("down", "enter")  # Aanleiding
        assert screen.step == "triggers"
        await pilot.press("space", "enter")
        assert screen.step == "summary"
        assert screen.collect()["triggers"] == ["workload"]


async def test_f1_shows_help_for_the_step(home: Path) -> None:
    app = make_app(home, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f1")
        assert isinstance(app.screen, ChoiceDialog)
        assert "Space picks a feeling" in app.screen.body_text
        await pilot.press("escape")
        assert isinstance(app.screen, ReflectScreen)


async def test_high_intensity_shows_the_help_notice_once(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "tab", "9")
        await pilot.pause()
        assert app.notice_shown
        notices = [n for n in app._notifications if "113" in n.message]
        assert len(notices) == 1
        await pilot.press("0", "9", "tab")
        await type_text(pilot, "zelfmoord")
        await pilot.press("tab")
        assert len([n for n in app._notifications if "113" in n.message]) == 1


async def test_words_about_not_wanting_to_live_show_the_notice(home: Path) -> None:
    app = make_app(home, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "tab", "tab")
        await type_text(pilot, "I want to die")
        await pilot.press("shift+tab")
        assert app.notice_shown
        assert any("0800-0113" in n.message for n in app._notifications)


async def test_a_calm_reflection_shows_no_notice(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "tab", "5", "tab")
        await type_text(pilot, "doodmoe")
        await pilot.press("shift+tab")
        assert not app.notice_shown


async def test_a_damaged_store_keeps_the_draft_and_says_so(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "veerkracht.json").write_text("{broken")
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        await screen.go_to(11)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReflectScreen)
        assert any("beschadigd" in n.message for n in app._notifications)
    assert Draft(Store(home), "reflect").load()["answers"] == {"feelings": ["tired"]}
    assert (home / "veerkracht.json").read_text() == "{broken"


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_every_step_fits_80_by_24(home: Path, language: str) -> None:
    app = make_app(home, language)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        for index in range(12):
            await screen.go_to(index)
            await pilot.pause()
            step = screen.query_one(f"#step-{screen.step}")
            assert step.region.width <= 80
            assert step.virtual_size.width <= step.region.width, screen.step
