"""The recovery plan on screen, lived across eight weeks on a frozen clock: start it,
check in every week, hold dialogue talks, check their reports line by line, share
progress with consent, pause and resume, and evaluate at the end."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from textual.widgets import Input, Static

from tests.drive import SIZE, SMALL, fill, run, wait_until
from veerkracht.screens.after import CheckinScreen
from veerkracht.screens.dialogs import ChoiceDialog, PathDialog
from veerkracht.screens.plan import PlanScreen, ReportScreen, ShareScreen
from veerkracht.screens.plan_forms import DialogueScreen, EvaluateScreen, PlanStartScreen
from veerkracht.screens.widgets import MarkedList, Scale
from veerkracht.store.store import Store

MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
SECRET = "alleen-voor-mij-7731"


def status_text(app: Any) -> str:
    return str(app.screen.query_one("#plan-status", Static).content)


async def start_the_plan(pilot: Any) -> None:
    await pilot.press("n")
    assert isinstance(pilot.app.screen, PlanStartScreen)
    await fill(pilot, "Ilse", into="#manager")
    await fill(pilot, "Sam\nNoor", into="#colleagues")
    await fill(pilot, "Weer vier dagen werken\nGrenzen aangeven", into="#goals")
    await fill(pilot, "Pauze om twaalf uur", into="#keeps_me_well")
    await fill(pilot, "Slecht slapen", into="#early_signs")
    await fill(pilot, "Vraag even hoe het gaat", into="#others_can_do")
    await fill(pilot, "Geen avonddiensten", into="#adjustments")
    await fill(pilot, "2026-12-21", into="#review")
    await fill(pilot, SECRET, into="#private")
    await pilot.press("ctrl+s")
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, PlanScreen)


async def check_in(pilot: Any, capacity: int, load: int, note: str) -> None:
    await pilot.press("c")
    screen = pilot.app.screen
    assert isinstance(screen, CheckinScreen)
    await fill(pilot, note, into="#went_well")
    screen.query_one("#capacity", Scale).value = capacity
    screen.query_one("#load", Scale).value = load
    await pilot.press("ctrl+s", "enter")
    assert isinstance(pilot.app.screen, PlanScreen)


async def hold_a_talk(pilot: Any, partner: str, insights: str) -> None:
    await pilot.press("d")
    screen = pilot.app.screen
    assert isinstance(screen, DialogueScreen)
    await fill(pilot, partner, into="#with")
    await fill(pilot, "Waarom de overdracht misgaat", into="#understand")
    await fill(pilot, "Ik was onzeker", into="#feeling")
    await fill(pilot, insights, into="#insights")
    await fill(pilot, f"{partner} dacht dat ik het overzicht had", into="#perspective")
    await fill(pilot, "Overdracht op maandag", into="#what-0")
    await fill(pilot, partner, into="#who-0")
    screen.query_one("#safety", Scale).value = 4
    await fill(pilot, SECRET, into="#private")
    await pilot.press("ctrl+s")
    assert "Gesprek" in pilot.app.screen.body_text
    await pilot.press("enter")


async def check_the_report(pilot: Any, keep: list[int]) -> None:
    await pilot.press("r")
    screen = pilot.app.screen
    assert isinstance(screen, ReportScreen)
    lines = screen.query_one("#report-lines", MarkedList)
    for index in keep:
        lines.select(lines.get_option_at_index(index).value)
    await pilot.press("ctrl+s")
    assert "nagekeken" in pilot.app.screen.title_text  # the safe answer ("Nog niet") first
    await pilot.press("tab", "enter", "enter")
    assert isinstance(pilot.app.screen, PlanScreen)


# Slow (18 s): run by .ci/run after the README line.
@pytest.mark.slow
async def test_a_whole_plan_across_eight_weeks(
    home: Path, tmp_path: Path, reflect_app: Callable[..., Any]
) -> None:
    shared_file = tmp_path / "voortgang.md"
    with time_machine.travel(MONDAY, tick=True) as clock:
        app = reflect_app(start="plan")
        async with app.run_test(size=SIZE) as pilot:
            assert "geen herstelplan" in status_text(app)
            await start_the_plan(pilot)
            assert "Week 1 van 8" in status_text(app)
            levels = [(6, 5), (5, 6), (5, 7), (4, 7), (6, 6), (6, 5), (7, 5), (7, 4)]
            for week, (capacity, load) in enumerate(levels, start=1):
                if week > 1:
                    clock.shift(timedelta(days=7))
                    app.screen.show()
                assert f"Week {week} van 8" in status_text(app)
                await check_in(pilot, capacity, load, f"week {week} ging")
                if week == 2:
                    await hold_a_talk(pilot, "Sam", "We plannen anders\nSam had het ook druk")
                    await check_the_report(pilot, keep=[0, 2, 3])  # not the second insight
                if week == 3:
                    assert "drie weken" not in status_text(app)  # two heavy weeks so far
                    await hold_a_talk(pilot, "Noor", "Noor wil eerder horen wat er speelt")
                    await check_the_report(pilot, keep=[0])
                if week == 4:
                    # Load above capacity three weeks running: a doctor, and a pause.
                    assert "drie weken" in status_text(app) and "huisarts" in status_text(app)
                    await pilot.press("p")
                    assert "gepauzeerd" in status_text(app)
                    clock.shift(timedelta(days=10))
                    app.screen.show()
                    assert "Week 4 van 8" in status_text(app)  # the pause stopped the weeks
                    await pilot.press("v")
                    assert "loopt" in status_text(app)
                if week == 5:
                    await pilot.press("s")
                    assert isinstance(app.screen, ShareScreen)
                    sections = app.screen.query_one("#sections", MarkedList)
                    for key in ("weeks", "agreements", "insights"):
                        sections.select(key)
                    await pilot.press("ctrl+s")
                    assert isinstance(app.screen, PathDialog)
                    app.screen.query_one("#path", Input).value = str(shared_file)
                    await pilot.press("enter")
                    await pilot.press("escape")
            assert "De laatste week is begonnen" in status_text(app)
            await pilot.press("e")
            assert isinstance(app.screen, EvaluateScreen)
            await fill(pilot, "Ik durf meer te vragen", into="#pillar-trust")
            await fill(pilot, "De overdracht op maandag", into="#holding")
            await fill(pilot, "Vier dagen werken", into="#next")
            await pilot.press("ctrl+s", "enter")
            assert "afgerond" in status_text(app)

    store = Store(home)
    contents = store.contents()
    (plan,) = contents.plans
    assert plan.goals == ["Weer vier dagen werken", "Grenzen aangeven"]
    assert plan.people == [
        {"role": "manager", "name": "Ilse"},
        {"role": "colleague", "name": "Sam"},
        {"role": "colleague", "name": "Noor"},
    ]
    assert (plan.keeps_me_well, plan.early_signs) == (["Pauze om twaalf uur"], ["Slecht slapen"])
    assert (plan.others_can_do, plan.adjustments) == (
        ["Vraag even hoe het gaat"],
        ["Geen avonddiensten"],
    )
    assert plan.review.isoformat() == "2026-12-21" and plan.private == SECRET
    assert plan.pauses == [{"from": "2026-11-23", "to": "2026-12-03"}]
    assert plan.status == "done"
    assert plan.evaluation["pillars"] == {"trust": "Ik durf meer te vragen"}
    assert (plan.evaluation["holding"], plan.evaluation["next"]) == (
        "De overdracht op maandag",
        "Vier dagen werken",
    )
    assert [(c.week, c.capacity, c.load, c.went_well) for c in contents.checkins] == [
        (week, capacity, load, f"week {week} ging")
        for week, (capacity, load) in enumerate(levels, start=1)
    ]
    sam, noor = contents.dialogues
    assert (sam.week, sam.partner, sam.safety, sam.private) == (2, "Sam", 4, SECRET)
    assert sam.insights == ["We plannen anders", "Sam had het ook druk"]
    assert sam.checked and "insights.1" not in sam.kept and "perspective" in sam.kept
    assert (noor.week, noor.kept) == (3, ["insights.0"])
    made = [(a.what, a.who) for a in contents.agreements]
    assert made == [("Overdracht op maandag", "Sam"), ("Overdracht op maandag", "Noor")]
    shared = shared_file.read_text(encoding="utf-8")
    assert "We plannen anders" in shared and "Noor wil eerder horen" in shared
    assert "Sam had het ook druk" not in shared  # not kept when checking
    assert SECRET not in shared and "Ilse" not in shared and "Slecht slapen" not in shared
    closing = json.loads(run("plan", "report", "end", "--format", "json").stdout)
    assert closing["plan"]["status"] == "done"


async def test_the_plan_screen_fits_80_by_24_and_hides_keys_that_do_not_fit(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app(start="plan")
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen

        def shown() -> set[str]:
            opens = {name for name in ("new", "checkin", "dialogue", "report", "share", "evaluate")
                     if screen.check_action("go", (name,)) is True}  # fmt: skip
            return opens | {action for action in ("pause", "resume", "stop")
                            if screen.check_action(action, ()) is True}  # fmt: skip

        assert shown() == {"new"}
        run("plan", "start", "--from", "-", input="{}")
        screen.show()
        assert shown() == {"checkin", "dialogue", "report", "share", "pause", "evaluate", "stop"}
        await pilot.press("p")
        assert "resume" in shown() and "pause" not in shown()
        footer = app.screen.query_one("Footer")
        assert footer.size.width == 80
        assert all(region.right <= 80 for region in [footer.region])


async def test_heavy_words_in_a_talk_show_the_notice_and_a_paused_plan_refuses_a_talk(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    run("plan", "start", "--from", "-", input="{}")
    app = reflect_app(start="plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await fill(pilot, "ik wil er niet meer zijn", into="#feeling")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query("HelpNotice")
        assert app.screen.focused is not None
        await pilot.press("escape", "tab", "enter")  # discard what was typed
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("p", "d")
        assert isinstance(app.screen, PlanScreen)  # no talk while paused: a calm line


async def test_the_language_check_helps_with_what_you_want_to_say(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    run("plan", "start", "--from", "-", input="{}")
    app = reflect_app(start="plan_dialogue")
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "Jij negeert me altijd in het overleg", into="#bottleneck")
        tips = str(app.screen.query_one("#language-tips", Static).content)
    assert "Tip voor je zin" in tips and "Bij [een moment" in tips


async def test_a_talk_prepared_before_is_completed_after(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    run("plan", "start", "--from", "-", input="{}")
    before = {"with": "Noor", "understand": "Waarom ik zo laat hoor wat er speelt"}
    run("plan", "dialogue", "--from", "-", input=json.dumps(before))
    app = reflect_app(start="plan")
    async with app.run_test(size=SIZE) as pilot:
        assert "voorbereid" in status_text(app)
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, DialogueScreen)
        assert screen.value("understand") == before["understand"]
        await fill(pilot, "Noor wil eerder horen wat er speelt", into="#insights")
        await pilot.press("ctrl+s", "enter")
        assert "gevoerd deze week: 1, voorbereid: 0" in status_text(app)
    (talk,) = Store(home).contents().dialogues
    assert (talk.partner, talk.insights) == ("Noor", ["Noor wil eerder horen wat er speelt"])


async def test_k_puts_the_plan_in_the_calendar_without_its_words(
    home: Path, reflect_app: Callable[..., Any], tmp_path: Path
) -> None:
    plan = '{"start": "2026-11-02", "weeks": 3, "goals": ["weer plezier"], "private": "GEHEIM"}'
    run("plan", "start", "--from", "-", input=plan)
    target = tmp_path / "plan.ics"
    app = reflect_app(start="plan")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("k")
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 4  # three check-ins and the review
    assert "weer plezier" not in text and "GEHEIM" not in text


async def test_an_unfinished_talk_from_an_earlier_week_is_said_and_a_new_one_offered(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Finding 8: in week 4 the dialogue silently reopened week 1's talk, prefilled."""
    with time_machine.travel(MONDAY, tick=False):
        run("plan", "start", "--from", "-", input="{}")
        before = {"with": "Noor", "understand": "Waarom ik zo laat hoor wat er speelt"}
        run("plan", "dialogue", "--from", "-", input=json.dumps(before))
    with time_machine.travel(MONDAY + timedelta(weeks=3), tick=True):
        app = reflect_app(start="plan")
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("d")
            screen = app.screen
            assert isinstance(screen, DialogueScreen)
            said = str(screen.query_one("#continuing Static", Static).content)
            assert "Noor" in said and "week 1" in said and "nog niet af" in said
            assert screen.value("understand") == before["understand"]
            await pilot.press("ctrl+n")  # a new talk instead
            await wait_until(pilot, lambda: app.screen is not screen, message="new talk")
            new = app.screen
            assert isinstance(new, DialogueScreen) and new.prepared is None
            assert not new.query("#continuing") and new.value("understand") == ""
            assert "week 4" in str(new.query_one("#progress", Static).content)
            await fill(pilot, "Sam", into="#with")
            await fill(pilot, "Hoe we de planning verdelen", into="#understand")
            await pilot.press("ctrl+s", "enter")
    first, second = Store(home).contents().dialogues
    assert (first.partner, first.week, first.held) == ("Noor", 1, False)
    assert (second.partner, second.week) == ("Sam", 4)
