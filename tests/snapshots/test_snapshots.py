"""What the screens look like: one snapshot per reflection step (nl, 100×30), and a
few in English at 80×24. Review new SVGs before committing them.

The clock is frozen (Sunday 22 November 2026, 20:30 in Amsterdam), so dates on screen
and the weeks in charts are the same on any day the suite runs."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from veerkracht.core.reflection import STEPS

pytestmark = pytest.mark.usefixtures("frozen_clock")

ANSWERS = {
    "feelings": ["tired", "tense"],
    "intensity": 7,
    "feelings_note": "Ik slaap slecht sinds de reorganisatie.",
    "triggers": ["workload", "home"],
    "triggers_note": "Twee projecten tegelijk en thuis is het zwaar.",
    "impact": ["concentration", "mistakes"],
    "relations": {"drains": "het teamoverleg", "gives": "koffie met Sam"},
    "fear": "Dat ze denkt dat ik het niet aankan.",
    "desired_change": "Minder tegelijk op mijn bord.",
    "support": ["listening", "practical"],
    "barriers": ["judgement", "perfectionism"],
    "share": "Dat het thuis zwaar is en dat mijn werk eronder lijdt.",
    "private": "De diagnose van mijn moeder.",
    "asks": ["Kunnen we mijn taken samen tegen het licht houden?"],
}

#: Why some screens are drawn on POSIX alone, and what checks them on Windows.
PATHS_ON_WINDOWS = (
    "the screen names a folder, which Windows writes with backslashes; "
    "tests/tui/test_walk.py::test_the_data_folder_is_named_as_the_system_writes_it"
)
SCROLLBAR_ON_WINDOWS = (
    "at 80x24 the home scrolls one row, and Windows Python draws the scrollbar's "
    "partial thumb one glyph differently; test_home_nl draws the same home at 100x30 there"
)


def at_step(index: int):
    async def run_before(pilot) -> None:
        screen = pilot.app.screen
        if index:
            screen.apply(ANSWERS)
            await screen.go_to(index)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("index", range(len(STEPS)), ids=STEPS)
def test_reflect_step_nl(
    snap_compare, home: Path, index: int, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app("nl")
    assert snap_compare(app, run_before=at_step(index), terminal_size=(100, 30))


@pytest.mark.parametrize("step", ["welcome", "feelings", "audience", "boundaries", "summary"])
def test_reflect_step_en_80x24(
    snap_compare, home: Path, step: str, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app("en")
    assert snap_compare(app, run_before=at_step(STEPS.index(step)), terminal_size=(80, 24))


def card_editor(now: datetime, home: Path, language: str):
    from veerkracht.content import Content
    from veerkracht.core.model import parse_answers
    from veerkracht.core.scripts import build_script
    from veerkracht.store.store import Store
    from veerkracht.tui.app import VeerkrachtApp

    store = Store(home)
    entry = store.add_entry(
        parse_answers(
            {**ANSWERS, "audience": "manager", "created": "2026-11-21T09:30:00+01:00"}, now=now
        )
    )
    content = Content(language)
    return VeerkrachtApp(store, content, script=build_script(entry, content))


def test_card_editor_nl(snap_compare, home: Path, now: datetime) -> None:
    assert snap_compare(card_editor(now, home, "nl"), terminal_size=(100, 30))


def test_card_editor_asks_en_80x24(snap_compare, home: Path, now: datetime) -> None:
    assert snap_compare(card_editor(now, home, "en"), press=["down"] * 4, terminal_size=(80, 24))


def test_rehearse_nl(snap_compare, home: Path, now: datetime) -> None:
    assert snap_compare(
        card_editor(now, home, "nl"), press=["ctrl+r", "enter"], terminal_size=(100, 30)
    )


def history_dashboard(home: Path, language: str):
    from datetime import date

    from benchmarks.sample_store import build_store

    from veerkracht.content import Content
    from veerkracht.tui.app import VeerkrachtApp

    store = build_store(home, 300)
    return VeerkrachtApp(store, Content(language), start="history", today=date(2025, 3, 30))


def test_history_dashboard_nl(snap_compare, home: Path) -> None:
    assert snap_compare(history_dashboard(home, "nl"), terminal_size=(100, 30))


def test_history_dashboard_en_80x24(snap_compare, home: Path) -> None:
    assert snap_compare(history_dashboard(home, "en"), press=["down"], terminal_size=(80, 24))


def test_followup_nl(snap_compare, home: Path, followup_app: Callable[..., Any]) -> None:

    assert snap_compare(followup_app(), press=["4", "tab", "space"], terminal_size=(100, 30))


def test_checkin_en_80x24(snap_compare, home: Path, checkin_app: Callable[..., Any]) -> None:

    assert snap_compare(checkin_app("en"), terminal_size=(80, 24))


def test_home_nl(snap_compare, home: Path, home_app: Callable[..., Any]) -> None:

    assert snap_compare(home_app(), terminal_size=(100, 30))


@pytest.mark.skipif(sys.platform == "win32", reason=SCROLLBAR_ON_WINDOWS)
def test_home_en_80x24(snap_compare, home: Path, home_app: Callable[..., Any]) -> None:

    assert snap_compare(home_app("en"), terminal_size=(80, 24))


@pytest.mark.skipif(sys.platform == "win32", reason=PATHS_ON_WINDOWS)
def test_settings_nl(snap_compare, home: Path, monkeypatch, home_app: Callable[..., Any]) -> None:

    monkeypatch.setenv("VEERKRACHT_HOME", "/home/jij/.local/share/veerkracht")
    monkeypatch.setenv("VEERKRACHT_CONFIG", "/home/jij/.config/veerkracht")
    app = home_app()
    app.store.directory = Path("/home/jij/.local/share/veerkracht")
    assert snap_compare(app, press=["s"], terminal_size=(100, 30))


def test_resume_a_draft_nl_80x24(
    snap_compare, home: Path, frozen_clock, reflect_app: Callable[..., Any]
) -> None:
    """After a closed terminal: the draft, how to go on, and one set aside earlier."""
    from datetime import timedelta

    from veerkracht.store.drafts import Draft
    from veerkracht.store.store import Store

    draft = Draft(Store(home), "reflect")
    draft.save({"feelings": ["tired"]}, 2, frozen_clock - timedelta(days=2))
    draft.set_aside(frozen_clock - timedelta(days=2))
    draft.save(ANSWERS, 4, frozen_clock - timedelta(hours=1))
    assert snap_compare(reflect_app("nl"), terminal_size=(80, 24))


def test_recovery_plan_week_nl_80x24(
    snap_compare, home: Path, reflect_app: Callable[..., Any]
) -> None:
    """Week 2 of a plan: a check-in, a talk, an open agreement, capacity and load."""
    from tests.drive import run

    plan = {"start": "2026-11-09", "goals": ["Weer vier dagen werken"],
            "people": [{"role": "manager", "name": "Ilse"}, {"role": "colleague", "name": "Sam"}],
            "keeps_me_well": ["Pauze om twaalf uur"], "private": "alleen voor mij"}  # fmt: skip
    agreement = {"what": "Overdracht op maandag", "who": "Sam", "due": "2026-11-30"}
    talk = {"with": "Sam", "insights": ["Maandag plannen"], "agreements": [agreement]}
    run("plan", "start", "--from", "-", input=json.dumps(plan))
    run(
        "checkin",
        "--from",
        "-",
        input=json.dumps({"went_well": "rustiger", "capacity": 5, "load": 7}),
    )
    run("plan", "dialogue", "--from", "-", input=json.dumps(talk))
    app = reflect_app("nl", start="plan")
    assert snap_compare(app, terminal_size=(80, 24))


#: Every screen opened from home, in Dutch at 80×24: the footer whole, the first label
#: in view (each one a letter on the home screen).
HOME_LETTERS_80x24 = {
    "followup": "n", "checkin": "c", "agreements": "a", "share": "d", "data": "g",
    "support": "i", "settings": "s", "plan": "l",
}  # fmt: skip


@pytest.mark.parametrize("screen", HOME_LETTERS_80x24)
def test_each_screen_from_home_nl_80x24(
    snap_compare, home: Path, home_app: Callable[..., Any], screen: str, monkeypatch
) -> None:
    monkeypatch.setenv("VEERKRACHT_CONFIG", "/home/jij/.config/veerkracht")
    app = home_app()
    if screen in ("settings", "data"):  # they name the folder: the same one every run
        if sys.platform == "win32":
            pytest.skip(PATHS_ON_WINDOWS)
        app.store.directory = Path("/home/jij/.local/share/veerkracht")
    assert snap_compare(app, press=[HOME_LETTERS_80x24[screen]], terminal_size=(80, 24))
