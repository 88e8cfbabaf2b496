"""Preparing to ask a colleague how it goes, on screen."""

from __future__ import annotations

from pathlib import Path

from tests.drive import SIZE, type_text
from veerkracht.content import Content
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.support import SupportScreen
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp


async def test_the_support_screen_by_keys(home: Path) -> None:
    app = VeerkrachtApp(Store(home), Content("nl"), start="support")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SupportScreen)
        await type_text(pilot, "Sam")
        await pilot.press("tab", "down", "space", "tab", "space", "down", "down", "space", "tab")
        await type_text(pilot, "stiller in het overleg")
        await pilot.press("tab", "space", "ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert "Voor je gesprek met Sam" in app.screen.body_text
        assert "ZES VRAGEN AAN JEZELF" in app.screen.body_text
        await pilot.press("enter")
    note = Store(home).support("last")
    assert (note.name, note.role, note.signals, note.hybrid) == (
        "Sam",
        "manager",
        ["quiet", "mistakes"],
        True,
    )
    assert note.noticed == "stiller in het overleg"
