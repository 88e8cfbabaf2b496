"""The follow-up and check-in screens, driven through Pilot."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Collapsible, Input, Label, Static

from tests.drive import PARAGRAPHS, SIZE, Said, fill, paste, runner, type_text, wait_until
from veerkracht.cli import app as cli
from veerkracht.content import Content
from veerkracht.core.model import parse_answers
from veerkracht.core.records import CHECKIN_FIELDS, CHECKIN_TEXTS, PILLARS
from veerkracht.core.support_note import manager_tips
from veerkracht.screens import forms
from veerkracht.screens.after import CheckinScreen, FollowupScreen
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.widgets import TextField
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp


async def test_a_followup_by_keys_alone(home: Path, followup_app: Callable[..., Any]) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, FollowupScreen)
        await pilot.press("4", "tab", "space", "tab")  # went 4, better than feared
        await type_text(pilot, "ze luisterde")
        await pilot.press("tab")
        await type_text(pilot, "minder taken")
        await pilot.press("tab")
        await type_text(pilot, "Anna")
        await pilot.press("tab")
        await type_text(pilot, "2030-12-05")
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
        date(2030, 12, 5),
    )


async def test_the_fear_is_shown_to_compare(home: Path, followup_app: Callable[..., Any]) -> None:
    app = followup_app("en")
    async with app.run_test(size=SIZE):
        text = str(app.screen.query_one(".suggestion").content)
        assert text == "Before the talk you wrote down what you feared: ‘dat ze boos wordt’"


async def test_a_bad_due_date_is_named_and_nothing_saved(
    home: Path, followup_app: Callable[..., Any]
) -> None:
    app = followup_app()
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("3")
        app.screen.query_one("#what-0", Input).value = "bellen"
        app.screen.query_one("#due-0", Input).value = "ergens in de lente"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FollowupScreen)
        assert said.any("De datum van de eerste afspraak")
    assert Store(home).followups() == []


async def test_how_it_went_is_needed(home: Path, followup_app: Callable[..., Any]) -> None:
    app = followup_app()
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("ctrl+s")
        assert said.any("Hoe het ging is nodig")


async def test_stopping_after_typing_asks_first(
    home: Path, followup_app: Callable[..., Any]
) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "escape")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # keep writing
        assert isinstance(app.screen, FollowupScreen)
        await pilot.press("escape", "tab", "enter")  # stop
    assert Store(home).followups() == []


async def test_a_checkin_marks_kept_agreements(home: Path, checkin_app: Callable[..., Any]) -> None:
    app = checkin_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CheckinScreen)
        await fill(pilot, "nee gezegd")
        await pilot.press("tab", "tab", "tab", "tab")  # to capacity
        await pilot.press("6", "tab", "8", "tab", "tab", "down", "space")  # agreement 2 kept
        await pilot.press("ctrl+s", "enter")
    store = Store(home)
    (checkin,) = store.checkins()
    assert (checkin.went_well, checkin.capacity, checkin.load) == ("nee gezegd", 6, 8)
    assert [(a.id, a.done) for a in store.agreements()] == [("1", False), ("2", True)]


async def test_the_four_pillars_are_an_optional_lens(
    home: Path, checkin_app: Callable[..., Any]
) -> None:
    app = checkin_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        labels = [str(label.content) for label in screen.query("#pillars Label")]
        assert labels[0] == "Vertrouwen: Kon je deze week op anderen rekenen, en zij op jou?"
        assert len(labels) == 4
        screen.query_one("#pillar-trust", TextField).value = "meer durven zeggen"
        await pilot.press("ctrl+s", "enter")
    assert Store(home).checkins()[0].pillars == {"trust": "meer durven zeggen"}


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_an_empty_checkin_is_refused_in_words_the_screen_agrees_with(
    home: Path, checkin_app: Callable[..., Any], language: str
) -> None:
    """Finding 5: the refusal listed internal names (went_well, was_hard, …) while the
    screen said everything may stay empty. An empty check-in is still not saved; the
    screen says one answer is enough, and the message says so in words."""
    app, said = checkin_app(language), Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        intro = str(app.screen.query_one(".form-intro", Static).content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
    assert Store(home).checkins() == []
    (refusal,) = said.errors()
    for key in CHECKIN_FIELDS:  # (in English, "capacity" and "load" are words too)
        assert key not in refusal or (language == "en" and "_" not in key), key
    if language == "nl":
        assert "Alles mag leeg blijven" not in intro and "één antwoord" in intro
        assert "Eén ding is genoeg" in refusal and "draagkracht" in refusal
    else:
        assert "one answer" in intro and "One thing is enough" in refusal


@pytest.mark.parametrize(
    ("command", "text"),
    [("checkin", "{}"), ("plan dialogue", "{}"), ("plan evaluate", '{"pillars": {}}')],
)
def test_empty_forms_from_a_file_are_refused_without_internal_names(
    home: Path, command: str, text: str
) -> None:
    if command.startswith("plan"):
        started = runner.invoke(cli, ["plan", "start", "--from", "-"], input="{}")
        assert started.exit_code == 0, started.output
    result = runner.invoke(cli, [*command.split(), "--from", "-"], input=text)
    assert result.exit_code == 1, result.output
    for key in (*CHECKIN_FIELDS, "understand", "bottleneck", "holding", "insights"):
        assert key not in result.stderr, (key, result.stderr)
    assert "niet bewaard" in result.stderr


@pytest.fixture(autouse=True)
def short_typing_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms, "DRAFT_DELAY", 0.01)


async def fill_by_pasting(pilot, field_ids: list[str]) -> None:
    screen = pilot.app.screen
    for collapsible in screen.query(Collapsible):
        collapsible.collapsed = False
    await pilot.pause()
    for field_id in field_ids:
        field = screen.query_one(f"#{field_id}", TextField)
        await paste(pilot, PARAGRAPHS, into=field)
        assert screen.focused is field
        assert field.value == PARAGRAPHS


@pytest.mark.parametrize("flow", ["followup", "checkin", "support"])
async def test_pasted_paragraphs_are_kept_whole_in_every_form(
    home: Path,
    flow: str,
    followup_app: Callable[..., Any],
    checkin_app: Callable[..., Any],
    support_app: Callable[..., Any],
) -> None:
    """Every free-text field of the follow-up, the check-in and the support note keeps
    three pasted paragraphs, in the saved record and in the export."""
    app = {"followup": followup_app, "checkin": checkin_app, "support": support_app}[flow]()
    fields = {
        "followup": ["helped", "next_step"],
        "checkin": [*CHECKIN_TEXTS, *[f"pillar-{key}" for key in PILLARS]],
        "support": ["noticed", *[f"answer-{key}" for key in manager_tips()]],
    }[flow]
    async with app.run_test(size=SIZE) as pilot:
        if flow == "followup":
            await pilot.press("4")
        await fill_by_pasting(pilot, fields)
        await pilot.press("ctrl+s", "enter")
    store = Store(home)
    exported = json.loads(runner.invoke(cli, ["export"]).stdout)
    if flow == "followup":
        (followup,) = [followup for followup in store.followups() if followup.helped]
        assert [followup.helped, followup.next_step] == [PARAGRAPHS] * 2
        assert PARAGRAPHS in [followup["helped"] for followup in exported["followups"]]
    elif flow == "checkin":
        (checkin,) = store.checkins()
        assert [getattr(checkin, key) for key in CHECKIN_TEXTS] == [PARAGRAPHS] * 4
        assert list(checkin.pillars.values()) == [PARAGRAPHS] * 4
        assert exported["checkins"][0]["pillars"]["trust"] == PARAGRAPHS
    else:
        (note,) = store.contents().supports
        assert [note.noticed, *note.answers.values()] == [PARAGRAPHS] * 7
        assert exported["supports"][0]["noticed"] == PARAGRAPHS


async def test_a_pasted_paragraph_in_a_one_line_field_keeps_every_word(
    home: Path, followup_app: Callable[..., Any]
) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, "minder taken\ntot januari", into=app.screen.query_one("#what-0"))
        assert app.screen.query_one("#what-0", Input).value == "minder taken tot januari"


@pytest.mark.parametrize(
    ("form", "field_id"),
    [("followup_app", "helped"), ("checkin_app", "went_well"), ("support_app", "noticed")],
)
async def test_a_closed_terminal_loses_nothing_typed_in_a_form(
    request: pytest.FixtureRequest, home: Path, form: str, field_id: str
) -> None:
    """The form keeps a draft while typing; opening it again brings the words back."""
    app = request.getfixturevalue(form)()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "bijna vergeten", into=f"#{field_id}")
        await pilot.pause(0.1)
    # The app ends here without saving or being asked: as if the terminal was closed.
    again = VeerkrachtApp(Store(home), Content("nl"), start=app.start, entry=app.entry)
    said_again = Said()
    async with again.run_test(size=SIZE, message_hook=said_again) as pilot:
        assert again.screen.query_one(f"#{field_id}", TextField).value == "bijna vergeten"
        assert said_again.any("staat er weer")
        await pilot.press("ctrl+s", "enter") if field_id != "helped" else None


CRISIS = "soms wil ik er gewoon niet meer zijn"


@pytest.mark.parametrize(
    ("form", "field_id"),
    [("followup_app", "helped"), ("checkin_app", "was_hard"), ("support_app", "noticed")],
)
async def test_words_about_not_wanting_to_live_show_the_notice_beside_the_field(
    request: pytest.FixtureRequest, form: str, field_id: str
) -> None:
    app = request.getfixturevalue(form)()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one(f"#{field_id}", TextField)
        field.focus()
        await pilot.pause()
        await fill(pilot, CRISIS)
        await pilot.pause(0.1)  # a pause in typing
        notice = app.screen.query_one("#help-notice")
        assert "113.nl" in str(notice.render())
        await pilot.pause()
        assert field.has_focus
        # The notice has lines of its own: it never lies over the field being typed in.
        assert not notice.region.overlaps(field.region)
        assert field.region.height > 0 and field.region.bottom <= notice.region.y
        await fill(pilot, " echt")
        assert field.value == CRISIS + " echt"
        assert len(app.screen.query("#help-notice")) == 1


async def test_a_calm_form_shows_no_notice(home: Path, checkin_app: Callable[..., Any]) -> None:
    app = checkin_app()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "ik ben doodmoe")
        await pilot.press("tab")
        assert not app.screen.query("#help-notice")


async def test_after_a_heavy_reflection_the_followup_asks_and_offers_the_next_route(
    home: Path,
    now: datetime,
) -> None:
    store = Store(home)
    entry = store.add_entry(parse_answers({"feelings": ["sad"], "help_notice": True}, now=now))
    app = VeerkrachtApp(store, Content("nl"), start="followup", entry=entry)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        labels = [str(label.content) for label in screen.query(Label)]
        assert "Heb je met iemand gepraat over hoe zwaar het was?" in labels
        await pilot.press("1", "tab", "down", "down", "space", "tab", "space")  # worse; talked: yes
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert "bedrijfsarts" in app.screen.body_text and "113.nl" in app.screen.body_text
    (followup,) = Store(home).followups()
    assert (followup.went, followup.as_feared, followup.talked) == (1, "worse", True)


async def test_a_date_already_past_is_asked_about_before_saving(
    home: Path, followup_app: Callable[..., Any]
) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill(pilot, "bellen", into="#what-0")
        await fill(pilot, "2020-01-06", into="#due-0")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert "2020-01-06" in app.screen.body_text
        await pilot.press("enter")  # the focused choice: change the date
        assert isinstance(app.screen, FollowupScreen)
        assert Store(home).followups() == []
        await pilot.press("ctrl+s", "tab", "enter")  # save as it is
        assert "bewaard" in app.screen.title_text
    (agreement,) = Store(home).agreements()
    assert agreement.due == date(2020, 1, 6)


async def test_a_next_agreement_row_shows_once_the_one_before_says_something(
    store: Store, followup_app: Callable[..., Any]
) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        rows = list(app.screen.query(".agreement-row"))
        assert [row.display for row in rows] == [True, False, False]
        app.screen.query_one("#what-0", Input).focus()
        await type_text(pilot, "minder taken")
        assert [row.display for row in rows] == [True, True, False]
        await pilot.press("tab", "tab", "tab")  # who, when, then past the empty second row
        assert app.screen.focused is not None
        assert app.screen.focused.id == "what-1"
        await pilot.press("tab", "tab", "tab")
        assert app.screen.focused is not None
        assert app.screen.focused.id not in {"what-2", "who-2", "due-2"}


async def test_an_earlier_look_back_on_the_same_reflection_is_shown(
    store: Store, followup_app: Callable[..., Any]
) -> None:
    from veerkracht.core.records import FollowUp

    app = followup_app("en")
    entry = app.entry
    earlier = FollowUp(entry="", created=entry.created, went=2, helped="een wandeling")
    store.add_followup(earlier, [], entry)
    async with app.run_test(size=SIZE):
        shown = " ".join(str(widget.content) for widget in app.screen.query(".hint"))
        assert "Earlier, on" in shown and "2/5" in shown and "een wandeling" in shown


async def test_a_wrong_date_names_the_agreement_as_people_say_it(
    store: Store, followup_app: Callable[..., Any]
) -> None:
    app = followup_app()
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("4")
        app.screen.query_one("#what-0", Input).value = "minder taken"
        app.screen.query_one("#what-1", Input).value = "bellen"
        app.screen.query_one("#due-1", Input).value = "5 decembr"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert said.any("De datum van de tweede afspraak"), said.messages
        assert not said.any("agreements[1]")
    assert store.followups() == []


async def test_a_date_typed_as_people_say_it_is_saved(
    home: Path, followup_app: Callable[..., Any], frozen_clock: datetime
) -> None:
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        app.screen.query_one("#what-0", Input).value = "minder diensten"
        app.screen.query_one("#due-0", Input).value = "5 december"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
    (agreement,) = Store(home).agreements()
    assert agreement.due is not None and (agreement.due.month, agreement.due.day) == (12, 5)
    assert agreement.due >= frozen_clock.date()


@pytest.mark.parametrize(
    ("form", "field_id"),
    [("checkin_app", "went_well"), ("support_app", "noticed")],
)
async def test_what_was_saved_leaves_no_draft_even_when_the_focus_leaves_late(
    request: pytest.FixtureRequest, home: Path, form: str, field_id: str
) -> None:
    """Once saved, a field losing the focus late (on a busy machine, after the saved
    dialog) keeps no draft: otherwise the next form reopens what was just saved."""
    app = request.getfixturevalue(form)()
    async with app.run_test(size=SIZE) as pilot:
        form_screen = app.screen
        await fill(pilot, "al bewaard", into=f"#{field_id}")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        form_screen.keep_draft()  # what a late blur or typing pause does
        form_screen.query_one(f"#{field_id}", TextField).blur()
        await pilot.pause()
    assert not list(home.glob("draft-*"))


@pytest.mark.parametrize(
    ("language", "typed", "saved", "said"),
    [
        ("nl", "over twee weken", date(2026, 12, 6), "zondag 6 december 2026"),
        ("nl", "volgende week vrijdag", date(2026, 11, 27), "vrijdag 27 november 2026"),
        ("nl", "eind van de maand", date(2026, 11, 30), "maandag 30 november 2026"),
        ("en", "next Friday", date(2026, 11, 27), "Friday 27 November 2026"),
        ("en", "in two weeks", date(2026, 12, 6), "Sunday 6 December 2026"),
    ],
)
async def test_a_date_said_in_words_shows_the_day_it_became_and_is_saved(
    home: Path,
    followup_app: Callable[..., Any],
    frozen_clock: datetime,
    language: str,
    typed: str,
    saved: date,
    said: str,
) -> None:
    """Finding 6: "over twee weken" was refused with "gebruik bijvoorbeeld 2026-12-05"."""
    app = followup_app(language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill(pilot, "bellen", into="#what-0")
        await fill(pilot, typed, into="#due-0")
        shown = str(app.screen.query_one("#due-said", Static).content)
        assert shown == f"bellen: {said}"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
    (agreement,) = Store(home).agreements()
    assert agreement.due == saved


async def test_a_date_error_does_not_stay_over_the_dialog_that_follows(
    home: Path, followup_app: Callable[..., Any], frozen_clock: datetime
) -> None:
    """Finding 6: the refusal of one try stayed on screen over the saved dialog."""
    app = followup_app()
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said, notifications=True) as pilot:
        await pilot.press("4")
        await fill(pilot, "bellen", into="#what-0")
        await fill(pilot, "ooit", into="#due-0")
        assert "lees ik niet als datum" in str(app.screen.query_one("#due-said", Static).content)
        await pilot.press("ctrl+s")
        assert said.errors() and "vrijdag" in said.errors()[-1]
        assert app.screen.query("Toast")
        app.screen.query_one("#due-0", Input).value = ""
        await fill(pilot, "morgen", into="#due-0")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.pause()
        assert not app.screen.query("Toast"), "the old error is gone"
    (agreement,) = Store(home).agreements()
    assert agreement.due == date(2026, 11, 23)


async def test_tab_enter_on_stopping_a_form_sets_its_words_aside(
    home: Path, followup_app: Callable[..., Any]
) -> None:
    """Escape, Tab, Enter on a follow-up with words in it: the form closes and the words
    are set aside (a dated draft file), never destroyed by two reflex keys."""
    app = followup_app()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "Ze luisterde [echt].", into="#helped")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), message="the dialog")
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ChoiceDialog), message="closed")
    (aside,) = home.glob("draft-followup-*@*.json")
    assert "Ze luisterde [echt]." in aside.read_text(encoding="utf-8")
