"""The guided reflection, driven by keys alone through Pilot."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from textual import events
from textual.widgets import Button, Input, OptionList, Static

from tests.drive import PARAGRAPHS, SIZE, SMALL, Said, fill, paste, runner, type_text, wait_until
from veerkracht.cli import app as app_command
from veerkracht.screens import forms
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.reflect import ReflectScreen
from veerkracht.screens.widgets import OneOf, TextField
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

#: How long a test waits for a pause in typing to be noticed.
TYPING_PAUSE = 0.1


@pytest.fixture(autouse=True)
def short_typing_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """The draft is kept 10 ms after typing pauses, so tests need not wait long."""
    monkeypatch.setattr(forms, "DRAFT_DELAY", 0.01)


async def test_typed_ahead_space_down_space_chooses_both(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Keys typed faster than the list handles them: each Space chooses the option it was
    pressed on (Textual's list chose the one highlighted when it caught up)."""
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        choices = app.screen.query_one("#feelings")
        for key, character in (("space", " "), ("down", None), ("space", " ")):
            app.post_message(events.Key(key, character))  # all at once, no waiting
        await pilot.pause()
        assert choices.selected == ["tired", "tense"]


async def test_typed_ahead_space_then_ctrl_n_goes_on_with_the_feeling(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Space and ctrl+n in one burst: the step goes on with the feeling chosen (it was
    refused with "Kies minstens één gevoel" while the feeling showed chosen)."""
    said = Said()
    app = reflect_app()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("enter")
        for key, character in (("space", " "), ("ctrl+n", None)):
            app.post_message(events.Key(key, character))
        await wait_until(pilot, lambda: app.screen.step != "feelings", message="the next step")
        assert app.screen.step == "triggers"
        assert not said.any("Kies minstens")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: Store(home).entries(), message="the saved entry")
    assert Store(home).entries()[0].feelings == ["tired"]


async def test_typed_ahead_one_of_keeps_one_choice(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """A one-of list typed ahead (Space, ↓, Space) holds the last option only."""
    app = reflect_app(start="support")
    async with app.run_test(size=SIZE) as pilot:
        role = app.screen.query_one("#role", OneOf)
        role.focus()
        await pilot.pause()
        for key, character in (("space", " "), ("down", None), ("space", " ")):
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert len(role.selected) == 1


def saved_answers(home: Path) -> dict:
    """The one saved entry, without the fields the store adds."""
    (entry,) = Store(home).entries()
    record = entry.to_record()
    for key in ("id", "uuid", "created"):
        record.pop(key)
    return record


def draft(home: Path) -> Draft:
    return Draft(Store(home), "reflect")


async def walk_dutch(pilot) -> None:
    """A whole reflection: Enter moves through lists and the scale, Tab between text
    fields, ctrl+n to the next step."""
    screen = pilot.app.screen
    await pilot.press("enter")  # Beginnen
    assert screen.step == "feelings"
    await pilot.press("space", "down", "space", "enter", "7", "enter")
    assert isinstance(screen.focused, TextField)
    await type_text(pilot, "moe")
    await pilot.press("ctrl+n")
    assert screen.step == "triggers"
    await pilot.press("space", "down", "down", "space", "enter")
    await type_text(pilot, "druk")
    await pilot.press("ctrl+n")
    assert screen.step == "impact"
    await pilot.press("space", "down", "space", "enter")
    await type_text(pilot, "fouten")
    await pilot.press("ctrl+n")
    assert screen.step == "relations"
    for text in ("overleg", "Sam", "alles tegelijk", "hulp"):
        await type_text(pilot, text)
        await pilot.press("tab")
    await pilot.press("ctrl+n")
    assert screen.step == "fear"
    await type_text(pilot, "oordeel")
    await pilot.press("ctrl+n")
    assert screen.step == "help"
    await type_text(pilot, "rust")
    await pilot.press("tab", "space", "down", "down", "space", "enter")
    assert screen.step == "barriers"
    await pilot.press("space")
    assert "Een kleine tip" in str(screen.query_one("#barrier-tips", Static).content)
    await pilot.press("enter")
    assert screen.step == "audience"
    assert "leidinggevende" in str(screen.query_one("#audience-suggestion", Static).content)
    await pilot.press("enter")
    assert screen.step == "boundaries"
    await type_text(pilot, "thuis")
    await pilot.press("tab")
    await type_text(pilot, "diagnose")
    await pilot.press("ctrl+n")
    assert screen.step == "asks"
    assert screen.focused.id == "ask-examples"
    await pilot.press("space")  # take the first example over, then edit it
    assert screen.focused.id == "ask-0"
    await type_text(pilot, " Ja.")
    await pilot.press("tab")
    await type_text(pilot, "Bellen?")
    await pilot.press("ctrl+n")
    assert screen.step == "summary"


async def test_a_whole_reflection_in_dutch_by_keys_alone(
    home: Path, tmp_path: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
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
            "expected": "alles tegelijk",
            "unspoken": "hulp",
        },
        "desired_change": "rust",
        "support": ["listening", "practical"],
        "barriers": ["judgement"],
        "audience": "manager",
        "share": "thuis",
        "private": "diagnose",
        "asks": [
            "Wil je eerst alleen luisteren? Als ik advies wil, vraag ik je erom. Ja.",
            "Bellen?",
        ],
        "fear": "oordeel",
        "help_notice": False,
    }
    assert not draft(home).path.exists()

    # The acceptance for plain mode: the same answers, piped in line by line,
    # save the same entry.
    plain_home = tmp_path / "plain"
    result = runner.invoke(
        app_command, ["reflect", "--plain", "--data-dir", str(plain_home)], input=PLAIN_WALK
    )
    assert result.exit_code == 0, result.output
    assert saved_answers(plain_home) == saved_answers(home)


#: walk_dutch as typed in plain mode (`reflect --plain`), one line per answer.
PLAIN_WALK = "".join(
    f"{line}\n"
    for line in (
        "1,2", "7", "moe", "", "1,3", "druk", "", "1,2", "fouten", "",
        "overleg", "", "Sam", "", "alles tegelijk", "", "hulp", "", "oordeel", "",
        "rust", "", "1,3", "1", "", "thuis", "", "diagnose", "",
        "Wil je eerst alleen luisteren? Als ik advies wil, vraag ik je erom. Ja.", "Bellen?", "",
        "j",
    )
)  # fmt: skip


async def test_a_whole_reflection_in_english_skipping_steps(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        await pilot.press("enter", "down", "down", "space", "enter", "end", "enter")
        await fill(pilot, "Low")
        await pilot.press("ctrl+n")
        await pilot.press(*["down"] * 8, "space", "ctrl+n")  # misconduct
        for _ in range(6):  # impact, relations, fear, help, barriers: skipped
            if screen.step == "audience":
                break
            await pilot.press("ctrl+n")
        assert screen.step == "audience"
        suggestion = str(screen.query_one("#audience-suggestion", Static).content)
        assert "confidential adviser" in suggestion
        await pilot.press("up", "space")  # overrule: HR instead
        assert "HR" in str(screen.query_one("#audience-info", Static).content)
        await pilot.press("enter", "ctrl+n", "ctrl+n")  # empty share, no asks
        assert screen.step == "summary"
        await pilot.press("ctrl+s", "tab", "enter")
    filled = {key: value for key, value in saved_answers(home).items() if value}
    assert filled == {
        "feelings": ["sad"],
        "intensity": 10,
        "feelings_note": "Low",
        "triggers": ["misconduct"],
        "audience": "hr",
        "help_notice": True,  # intensity 10: the notice showed, and the entry remembers
    }


async def test_feelings_cannot_be_skipped(home: Path, reflect_app: Callable[..., Any]) -> None:
    app = reflect_app()
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("enter", "ctrl+n")
        assert app.screen.step == "feelings"
        await pilot.press("enter", "enter", "ctrl+n")
        assert app.screen.step == "feelings"
        assert said.any("minstens één gevoel")


async def test_enter_in_the_feelings_list_goes_to_the_scale_not_the_next_step(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter")
        assert app.screen.step == "feelings"
        assert app.screen.focused.id == "intensity"


async def test_escape_goes_back_and_keeps_what_was_typed(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "ctrl+n", "space", "ctrl+n")
        assert app.screen.step == "impact"
        await pilot.press("escape", "escape")
        assert app.screen.step == "feelings"
        assert app.screen.collect() == {"feelings": ["tired"], "triggers": ["workload"]}


async def test_a_draft_is_kept_after_every_step_and_while_typing(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "ctrl+n")
        assert draft(home).load()["answers"] == {"feelings": ["tired"]}
        await pilot.press("tab")
        await fill(pilot, "ruzie")
        await pilot.pause(TYPING_PAUSE)
        assert draft(home).load()["answers"]["triggers_note"] == "ruzie"  # no step change
        assert draft(home).load()["step"] == 2


async def test_quitting_midway_keeps_the_draft_and_the_next_start_resumes(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "down", "space", "ctrl+n", "tab")
        await fill(pilot, "het werk")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # Concept bewaren
    assert app.return_value is None
    assert json.loads(draft(home).path.read_text(encoding="utf-8"))["answers"] == {
        "feelings": ["tense"],
        "triggers_note": "het werk",
    }

    again = reflect_app()
    async with again.run_test(size=SIZE) as pilot:
        screen = again.screen
        assert "stap 3: Aanleiding" in str(screen.query_one("#draft-info", Static).content)
        await pilot.press("enter")  # Verder met je concept
        assert screen.step == "triggers"
        assert screen.query_one("#triggers_note", TextField).value == "het werk"
        assert screen.collect()["feelings"] == ["tense"]


@pytest.mark.parametrize("size", [SMALL, SIZE])
async def test_the_resume_choices_are_visible_and_tab_enter_loses_nothing(
    home: Path, size: tuple[int, int], now: datetime, reflect_app: Callable[..., Any]
) -> None:
    """Problem 1: after a killed terminal, Resume and Start over are on screen, and Tab
    then Enter (on Start over) asks first, with going back to the draft focused."""
    written = {"feelings": ["sad"], "feelings_note": "alles wat ik typte", "fear": "oordeel"}
    draft(home).save(written, 4, now)
    app = reflect_app()
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        for button_id in ("resume", "start-over"):
            button = screen.query_one(f"#{button_id}", Button)
            assert button.region.right <= size[0] and button.region.bottom <= size[1] - 1
            assert button.region.width > 0 and button.region.height > 0
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused.id == "keep"
        await pilot.press("enter")  # Terug naar je concept
        assert isinstance(app.screen, ReflectScreen)
        assert screen.step == "welcome"
    assert draft(home).load()["answers"] == written


async def test_starting_over_sets_the_draft_aside_and_it_can_be_taken_back(
    home: Path, now: datetime, reflect_app: Callable[..., Any]
) -> None:
    draft(home).save({"feelings": ["angry"], "fear": "dat niemand luistert"}, 3, now)
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "enter", "tab", "enter")  # Opnieuw beginnen, twice
        assert app.screen.step == "feelings"
        assert app.screen.collect() == {}
        await pilot.press("space", "ctrl+q", "enter")  # keep the new draft
    (aside,) = draft(home).set_aside_drafts(now)
    assert aside.draft["answers"] == {"feelings": ["angry"], "fear": "dat niemand luistert"}

    again = reflect_app()
    async with again.run_test(size=SIZE) as pilot:
        screen = again.screen
        listed = screen.query_one("#aside-list")
        assert listed.display and listed.option_count == 1
        assert "stap 4: Gevolgen" in str(listed.get_option_at_index(0).prompt)
        listed.focus()
        await pilot.press("enter")
        assert screen.step == "impact"
        assert screen.collect() == {"feelings": ["angry"], "fear": "dat niemand luistert"}
    # The draft that was current is set aside in its turn: nothing was lost.
    (other,) = draft(home).set_aside_drafts(now)
    assert other.draft["answers"] == {"feelings": ["tired"]}


async def test_tab_enter_in_the_quit_dialog_sets_the_draft_aside_not_away(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Finding 1: ctrl+q, Tab (onto the second choice), Enter used to delete the draft.
    Now the words are set aside, the safe choice has the focus, and the next reflection
    offers them back."""
    app = reflect_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter", "space", "ctrl+n", "tab")
        await type_text(pilot, "Ik kan niet meer.")  # no pause: the words are not kept yet
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused.id == "keep"
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert draft(home).load() is None  # the next reflection starts afresh …
    (aside,) = draft(home).set_aside_drafts(datetime.now().astimezone())
    assert aside.draft["answers"] == {"feelings": ["tired"], "triggers_note": "Ik kan niet meer."}

    again = reflect_app()
    async with again.run_test(size=SMALL) as pilot:  # … and offers the words back
        screen = again.screen
        listed = screen.query_one("#aside-list", OptionList)
        assert listed.display and listed.option_count == 1
        listed.focus()
        await pilot.press("enter")
        assert screen.step == "triggers"
        assert screen.query_one("#triggers_note", TextField).value == "Ik kan niet meer."


def test_a_draft_set_aside_goes_after_30_days_and_not_before(home: Path) -> None:
    set_aside_on = datetime(2026, 11, 1, 9, 0).astimezone()
    with time_machine.travel(set_aside_on, tick=False):
        draft(home).save({"fear": "dat ik faal"}, 8, set_aside_on)
        draft(home).set_aside(set_aside_on)
    assert len(draft(home).set_aside_drafts(set_aside_on + timedelta(days=30))) == 1
    assert draft(home).set_aside_drafts(set_aside_on + timedelta(days=30, hours=1)) == []
    assert list(home.glob("draft-*")) == []


async def test_ctrl_s_saves_from_any_step_shows_in_the_footer_and_says_what(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Finding 4: ctrl+s on steps 2–11 did nothing and said nothing. Now it saves what is
    filled in (the rest empty, as skipping would), the footer shows it, and the dialog
    names the steps saved."""
    app = reflect_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        await pilot.press("enter")  # Beginnen
        await pilot.press("ctrl+s")  # no feeling yet: said, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen) and Store(home).entries() == []
        await pilot.press("space", "ctrl+n", "tab")
        await fill(pilot, "twee projecten tegelijk")
        assert screen.step == "triggers"
        shown = {b.binding.action: b.enabled for b in app.active_bindings.values()}
        assert shown.get("save") is True  # in the footer on this step too
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        said = str(app.screen.query_one(".dialog-text", Static).content)
        assert "Gevoelens, Aanleiding" in said and "blijven leeg" in said
    assert saved_answers(home)["feelings"] == ["tired"]
    assert saved_answers(home)["triggers_note"] == "twee projecten tegelijk"
    assert draft(home).load() is None


async def test_escape_back_to_the_welcome_and_enter_carries_on(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Problem 2: back at the welcome step, Enter continues; nothing is wiped."""
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space", "ctrl+n", "space", "ctrl+n", "space", "ctrl+n")
        assert screen.step == "relations"
        await pilot.press(*["escape"] * 4)
        assert screen.step == "welcome"
        assert screen.query_one("#carry-on", Button).has_focus
        await pilot.press("enter")
        assert screen.step == "feelings"
        expected = {"feelings": ["tired"], "triggers": ["workload"], "impact": ["concentration"]}
        assert screen.collect() == expected
    assert draft(home).load()["answers"] == expected


FREE_TEXT_STEPS = {
    "feelings": ["feelings_note"],
    "triggers": ["triggers_note"],
    "impact": ["impact_note"],
    "relations": ["drains", "gives", "unspoken"],
    "fear": ["fear"],
    "help": ["desired_change"],
    "boundaries": ["share", "private"],
    "asks": ["ask-0"],
}


async def test_three_paragraphs_pasted_into_every_text_field_are_kept_whole(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Problem 3: a paste keeps its newlines, never moves the focus or the step, and ends
    up whole in the saved record and in both exports."""

    from veerkracht.cli import app as cli
    from veerkracht.core.reflection import STEPS

    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        for step, fields in FREE_TEXT_STEPS.items():
            await screen.go_to(STEPS.index(step))
            for field_id in fields:
                field = screen.query_one(f"#{field_id}", TextField)
                await paste(pilot, PARAGRAPHS, into=field)
                assert screen.step == step
                assert screen.focused is field
                assert field.value == PARAGRAPHS
        await screen.go_to(STEPS.index("summary"))
        await pilot.press("ctrl+s", "tab", "enter")
    saved = saved_answers(home)
    texts = [saved[name] for name in ("feelings_note", "triggers_note", "impact_note")]
    texts += [*saved["relations"].values(), saved["fear"], saved["desired_change"]]
    texts += [saved["share"], saved["private"], *saved["asks"]]
    assert texts == [PARAGRAPHS] * 11

    exported = json.loads(runner.invoke(cli, ["export"]).stdout)
    assert exported["entries"][0]["share"] == PARAGRAPHS
    markdown = runner.invoke(cli, ["export", "--format", "markdown"]).stdout
    assert "Derde alinea: wat ik nodig heb." in markdown
    assert "Het gaat al weken niet goed." in markdown


async def test_newlines_typed_without_bracketed_paste_stay_in_the_field(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Without bracketed paste each newline arrives as Enter: it must not skip a step."""
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space", "enter", "enter")
        await type_text(pilot, "moe.\nRegel twee\n\nderde")
        assert screen.step == "feelings"
        assert screen.query_one("#feelings_note", TextField).value == "moe.\nRegel twee\n\nderde"


async def test_skipping_the_asks_step_saves_no_example(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Problem 5: an example is only taken over by a deliberate Space."""
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        await screen.go_to(10)
        await pilot.pause()
        assert screen.step == "asks"
        assert screen.focused.id == "ask-examples"  # the step starts on the examples
        await pilot.press("enter")  # moves on to the next field, takes nothing
        assert screen.focused.id == "ask-0"
        await pilot.press("ctrl+n")
        assert screen.step == "summary"
        assert "asks" not in screen.collect()


async def test_a_taken_example_is_not_selected_for_overwriting(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        await screen.go_to(10)
        await pilot.pause()
        await pilot.press("down", "space")
        field = screen.query_one("#ask-0", TextField)
        taken = field.value
        assert taken and field.has_focus
        assert field.selected_text == ""
        await fill(pilot, "x")
        assert field.value == taken + "x"


async def test_a_step_can_be_reopened_from_the_summary(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space", "ctrl+n")
        await pilot.press("ctrl+o")  # not offered before the summary
        assert screen.step == "triggers"
        await screen.go_to(11)
        assert screen.step == "summary"
        await pilot.press("down", "enter")  # Aanleiding
        assert screen.step == "triggers"
        await pilot.press("space", "ctrl+n")
        assert screen.step == "summary"
        assert screen.collect()["triggers"] == ["workload"]


async def test_f1_shows_help_for_the_step(home: Path, reflect_app: Callable[..., Any]) -> None:
    app = reflect_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f1")
        assert isinstance(app.screen, ChoiceDialog)
        assert "Space picks a feeling" in app.screen.body_text
        await pilot.press("escape")
        assert isinstance(app.screen, ReflectScreen)


def notices(app) -> list:
    return list(app.screen.query("#help-notice"))


async def test_high_intensity_shows_the_help_notice_once(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "tab", "9")
        await pilot.pause()
        assert app.notice_shown
        (notice,) = notices(app)
        assert "113.nl" in str(notice.render())
        assert "h op het beginscherm" in str(notice.render())  # a choice here, not a command
        await pilot.press("0", "9", "tab")
        await fill(pilot, "zelfmoord")
        await pilot.press("tab")
        assert len(notices(app)) == 1


async def test_words_about_not_wanting_to_live_show_the_notice(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "tab", "tab")
        await fill(pilot, "I want to die")
        await pilot.press("shift+tab")
        assert app.notice_shown
        assert "113.nl" in str(notices(app)[0].render())


async def test_the_notice_never_covers_the_field_being_typed_in(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter", "space", "enter", "enter")
        await fill(pilot, "ik wil er gewoon niet meer zijn")
        await pilot.pause(TYPING_PAUSE)
        (notice,) = notices(app)
        field = app.screen.query_one("#feelings_note", TextField)
        assert field.has_focus and not notice.region.overlaps(field.region)
        assert field.region.bottom <= notice.region.y


async def test_a_calm_reflection_shows_no_notice(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "tab", "5", "tab")
        await fill(pilot, "doodmoe")
        await pilot.press("shift+tab")
        assert not app.notice_shown


async def test_a_damaged_store_keeps_the_draft_and_says_so(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    home.mkdir(parents=True)
    (home / "veerkracht.json").write_text("{broken", encoding="utf-8")
    app = reflect_app()
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        screen = app.screen
        await pilot.press("enter", "space")
        await screen.go_to(11)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReflectScreen)
        assert said.any("beschadigd")
    assert draft(home).load()["answers"] == {"feelings": ["tired"]}
    assert (home / "veerkracht.json").read_text(encoding="utf-8") == "{broken"


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_every_step_fits_80_by_24(
    home: Path, language: str, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app(language)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        await pilot.press("enter")
        for index in range(12):
            await screen.go_to(index)
            await pilot.pause()
            step = screen.query_one(f"#step-{screen.step}")
            assert step.region.width <= 80
            assert step.virtual_size.width <= step.region.width, screen.step
            for button in screen.query("#nav Button"):
                if button.display:
                    assert button.region.right <= 80 and button.region.bottom <= 23


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="SIGHUP is POSIX; Windows sends a console event: "
    "tests/tui/test_closing_tui.py::test_a_closed_console_window_keeps_the_words_just_typed",
)
async def test_a_closed_terminal_keeps_even_the_words_just_typed(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """The terminal closing sends SIGHUP: the draft is kept before the app ends."""
    import os
    import signal

    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter", "enter")
        await fill(pilot, "net getypt")
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause()
    assert draft(home).load()["answers"]["feelings_note"] == "net getypt"


async def test_a_saved_reflection_is_changed_with_the_same_steps(store: Store) -> None:
    from veerkracht.content import Content
    from veerkracht.core.model import now, parse_answers
    from veerkracht.tui.app import VeerkrachtApp

    first = store.add_entry(
        parse_answers({"feelings": ["tired"], "share": "Ik slaap slecht."}, now=now())
    )
    app = VeerkrachtApp(store, Content("nl"), start="home")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: bool(app.screen.query(Input)))
        app.screen.query_one(Input).value = "Reflectie aanpassen"
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).highlighted == 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: getattr(app.screen, "step", "") == "summary")
        screen = app.screen
        assert "moe" in str(
            screen.query_one("#summary-list", OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("enter")  # the first line: feelings
        assert screen.step == "feelings"
        await pilot.press("down", "space", "ctrl+o")  # add the second feeling, back
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(app.screen_stack) > 3)
    [changed] = store.entries()
    assert (changed.id, changed.uuid, changed.created) == (first.id, first.uuid, first.created)
    assert len(changed.feelings) == 2 and changed.share == "Ik slaap slecht."


async def test_a_kept_card_goes_with_a_change_only_after_asking(store: Store) -> None:
    """A card kept from the old answers may hold a sentence now meant to stay private:
    saving the change makes the card again, after asking, with going back focused."""
    from veerkracht.content import Content
    from veerkracht.core.cards import CardEdit
    from veerkracht.core.model import now, parse_answers
    from veerkracht.tui.app import VeerkrachtApp

    entry = store.add_entry(
        parse_answers({"feelings": ["tired"], "desired_change": "Minder met Piet"}, now=now())
    )
    lines = {"need": ["Minder met Piet."]}
    store.save_card(CardEdit(entry.uuid, "colleague", "nl", now(), lines, ["need"]))
    app = VeerkrachtApp(store, Content("nl"), start="history")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("e")
        await wait_until(pilot, lambda: getattr(app.screen, "step", "") == "summary")
        editor = app.screen
        await pilot.press("ctrl+s")  # nothing changed yet: nothing saved, the card stays
        await wait_until(pilot, lambda: not isinstance(app.screen, type(editor)))
        assert store.contents().cards != []
        await pilot.press("e")
        await wait_until(pilot, lambda: getattr(app.screen, "step", "") == "summary")
        await pilot.press("enter", "down", "space", "ctrl+o")  # a second feeling
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "back"
        await pilot.press("enter")
        assert store.contents().cards != []
        await pilot.press("ctrl+s", "tab", "enter")
        await wait_until(pilot, lambda: store.contents().cards == [])
    assert store.entries()[0].desired_change == "Minder met Piet"
    assert len(store.entries()[0].feelings) == 2
