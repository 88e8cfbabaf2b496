"""Documents is often OneDrive on a work laptop: before a file is saved there, the save
dialog says it goes to the cloud too and offers a folder on this computer; the data
folder in a synced place is said at the start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input, Static

from tests.drive import SMALL, wait_until
from veerkracht.screens import data as data_screen
from veerkracht.screens import dialogs
from veerkracht.screens.dialogs import PathDialog


@pytest.fixture
def onedrive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A OneDrive folder holding Documents, as Known Folder Move makes it."""
    root = tmp_path / "OneDrive - Zorggroep"
    (root / "Documenten").mkdir(parents=True)
    monkeypatch.setenv("OneDriveCommercial", str(root))
    monkeypatch.setattr(data_screen, "documents_dir", lambda: root / "Documenten")
    local = tmp_path / "Downloads"
    local.mkdir()
    monkeypatch.setattr(dialogs, "local_folder", lambda: local)
    return root


async def test_saving_into_onedrive_says_so_and_offers_this_computer(
    onedrive: Path, home_app: Callable[..., Any], tmp_path: Path
) -> None:
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", "enter")  # Je gegevens, Reservekopie maken
        await wait_until(pilot, lambda: isinstance(app.screen, PathDialog))
        note = app.screen.query_one("#synced", Static)
        assert note.display
        assert "online bijgehouden" in str(note.content)
        assert str(onedrive) in str(note.content)
        local = app.screen.query_one("#local", Button)
        assert local.display
        assert local.region.bottom <= SMALL[1]  # visible at 80x24
        await pilot.click("#local")
        field = app.screen.query_one("#path", Input)
        assert Path(field.value).parent == tmp_path / "Downloads"
        assert not note.display  # the new place is not synced
        await pilot.press("enter")
        await wait_until(pilot, lambda: any((tmp_path / "Downloads").iterdir()))
    assert not any((onedrive / "Documenten").iterdir())  # nothing went to OneDrive


async def test_a_local_place_shows_no_note(
    home_app: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data_screen, "documents_dir", lambda: tmp_path)
    app = home_app("en")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PathDialog))
        assert not app.screen.query_one("#synced", Static).display
        assert not app.screen.query_one("#local", Button).display


async def test_a_data_folder_in_onedrive_is_said_at_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home_app: Callable[..., Any]
) -> None:
    monkeypatch.setenv("VEERKRACHT_SYNCED", str(tmp_path))  # the user marked it
    app = home_app("en")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await wait_until(
            pilot,
            lambda: any(
                "synced online" in str(toast.render()) for toast in app.screen.query("Toast")
            ),
            message="a note about the synced data folder",
        )
