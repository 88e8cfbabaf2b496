"""Every action is reachable: each home letter and each command palette entry opens what
it names, and every command of the CLI has an entry in the palette."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import typer.main
from textual.screen import Screen
from textual.widgets import Input, OptionList

from tests.drive import SMALL, wait_until
from veerkracht.cli import app as cli_app
from veerkracht.content import load
from veerkracht.core.model import now
from veerkracht.core.plan import parse_plan
from veerkracht.screens.after import CheckinScreen, FollowupScreen
from veerkracht.screens.agreements import AgreementsScreen
from veerkracht.screens.data import DataScreen
from veerkracht.screens.dialogs import ChoiceDialog, PassphraseDialog, PathDialog, PickDialog
from veerkracht.screens.history import HistoryScreen
from veerkracht.screens.home import HomeScreen
from veerkracht.screens.plan import PlanScreen, ReportScreen
from veerkracht.screens.plan import ShareScreen as PlanShareScreen
from veerkracht.screens.plan_forms import DialogueScreen, EvaluateScreen, PlanStartScreen
from veerkracht.screens.prepare import PrepareScreen
from veerkracht.screens.reflect import ReflectScreen
from veerkracht.screens.safety import SafetyScreen
from veerkracht.screens.settings import SettingsScreen
from veerkracht.screens.share import ShareScreen
from veerkracht.screens.support import SupportScreen
from veerkracht.store.plans import start_plan
from veerkracht.store.store import Store

#: What each home choice opens (a dialog for help: it is text, not a flow).
HOME = {
    "reflect": ReflectScreen,
    "short": ReflectScreen,
    "prepare": PrepareScreen,
    "history": HistoryScreen,
    "share": ShareScreen,
    "followup": FollowupScreen,
    "checkin": CheckinScreen,
    "agreements": AgreementsScreen,
    "plan": PlanScreen,
    "support": SupportScreen,
    "data": DataScreen,
    "safety": SafetyScreen,
    "hulp": ChoiceDialog,
    "settings": SettingsScreen,
}

#: What each further palette entry opens: a screen, and the dialog on it, if any.
PALETTE: dict[str, tuple[type[Screen], type[Screen] | None]] = {
    "edit": (ReflectScreen, None),
    "export": (DataScreen, PathDialog),
    "import": (DataScreen, PathDialog),
    "forget": (DataScreen, PickDialog),
    "encrypt": (DataScreen, PassphraseDialog),
    "decrypt": (DataScreen, ChoiceDialog),
    "plan_start": (PlanStartScreen, None),
    "plan_dialogue": (DialogueScreen, None),
    "plan_report": (ReportScreen, None),
    "plan_share": (PlanShareScreen, None),
    "plan_evaluate": (EvaluateScreen, None),
    "plan_pause": (PlanScreen, None),
}


def test_every_choice_and_palette_entry_is_walked_here() -> None:
    home = load("home")
    assert set(HOME) == set(home["actions"])
    assert set(PALETTE) == set(home["palette"])


def test_every_command_of_the_cli_has_a_palette_entry() -> None:
    def commands(group: Any, prefix: str = "") -> list[str]:
        found = []
        for name, command in group.commands.items():
            found.append(prefix + name)
            if hasattr(command, "commands"):  # a group (Typer vendors its own Click)
                found += commands(command, f"{prefix}{name} ")
        return found

    home = load("home")
    reachable = set(home["actions"]) | {
        command for entry in home["palette"].values() for command in entry["command"].split(",")
    }
    every = commands(typer.main.get_command(cli_app))  # type: ignore[arg-type]
    assert "plan start" in every
    missing = [command for command in every if command not in reachable and command != "plan"]
    assert missing == []


async def test_each_home_letter_opens_what_it_names_and_comes_back(
    home_app: Callable[..., Any],
) -> None:
    app = home_app()
    actions = load("home")["actions"]
    async with app.run_test(size=SMALL) as pilot:
        for action, screen in HOME.items():
            await pilot.press(actions[action]["key"])
            await wait_until(pilot, lambda screen=screen: isinstance(app.screen, screen))
            if action == "hulp":
                assert "113" in app.screen.body_text
            await pilot.press("escape")
            if isinstance(app.screen, ChoiceDialog):  # a flow that asks before it closes
                await pilot.press("tab", "enter")
            await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), message=action)


# Slow (12 s): run by .ci/run after the README line.
@pytest.mark.slow
async def test_each_palette_entry_opens_what_it_names(
    store: Store, home_app: Callable[..., Any]
) -> None:
    start_plan(store, parse_plan({}, now=now()))
    app = home_app()
    labels = {name: app.content.text("home", "palette", name, "label") for name in PALETTE}
    async with app.run_test(size=SMALL) as pilot:
        for name, (screen, dialog) in PALETTE.items():
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: bool(app.screen.query(Input)))
            app.screen.query_one(Input).value = labels[name]
            await wait_until(pilot, lambda: app.screen.query_one(OptionList).highlighted == 0)
            await pilot.press("enter")
            shown = dialog or screen
            await wait_until(pilot, lambda shown=shown: isinstance(app.screen, shown), message=name)
            assert isinstance(app.screen_stack[-2 if dialog else -1], screen), name
            while not isinstance(app.screen, HomeScreen):
                await pilot.press("escape")
                if isinstance(app.screen, ChoiceDialog) and not isinstance(dialog, type):
                    await pilot.press("tab", "enter")
                await pilot.pause()
