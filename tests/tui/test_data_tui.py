"""Agreements and your data from the home screen: mark kept and open again, a backup out
and in, deleting with the safe choice focused, encryption on and off, through Pilot."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, OptionList, Static

from tests.drive import SMALL, type_text, wait_until
from veerkracht.screens.agreements import AgreementsScreen
from veerkracht.screens.data import DataScreen
from veerkracht.screens.dialogs import (
    ChoiceDialog,
    PassphraseDialog,
    PathDialog,
    TypeToConfirmDialog,
)
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp


def status_of(app: VeerkrachtApp, agreement_id: str) -> str:
    table = app.screen.query_one("#agreements", DataTable)
    return str(table.get_row(agreement_id)[4])


async def type_passphrase(app: VeerkrachtApp, pilot: Any, passphrase: str) -> None:
    """Both fields filled (as typed, unseen), then Enter in the second."""
    app.screen.query_one("#chosen", Input).value = passphrase
    app.screen.query_one("#again", Input).value = passphrase
    app.screen.query_one("#again", Input).focus()
    await pilot.press("enter")


async def test_space_marks_an_agreement_kept_and_again_open(
    store: Store, home_app: Callable[..., Any]
) -> None:
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AgreementsScreen)
        assert status_of(app, "1") == "open, datum voorbij"  # overdue ones come first
        await pilot.press("space")
        assert [a.done for a in store.agreements()] == [True, False]
        assert status_of(app, "1") == "nagekomen"
        table = app.screen.query_one("#agreements", DataTable)
        assert table.cursor_row == 1  # the cursor followed it to the bottom
        await pilot.press("space")
        assert [a.done for a in store.agreements()] == [False, False]
        await pilot.press("escape")
        assert not isinstance(app.screen, AgreementsScreen)


async def test_a_backup_goes_out_and_comes_back_in(
    store: Store, home_app: Callable[..., Any], tmp_path: Path
) -> None:
    app = home_app("en")
    target = tmp_path / "out" / "backup.json"
    target.parent.mkdir()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, DataScreen)
        await pilot.press("enter")  # Make a backup
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)
        assert len(json.loads(target.read_text(encoding="utf-8"))["entries"]) == 1
        store.forget(store.entries()[0])
        await pilot.press("down", "down", "enter")  # Restore a backup
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(store.entries()) == 1)


async def test_a_backup_is_never_written_into_the_data_folder(
    home: Path, home_app: Callable[..., Any]
) -> None:
    app = home_app()
    before = (home / "veerkracht.json").read_bytes()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", "enter")
        app.screen.query_one("#path", Input).value = str(home / "veerkracht.json")
        await pilot.press("enter")
        await pilot.pause()
    assert (home / "veerkracht.json").read_bytes() == before


async def test_deleting_asks_first_with_keeping_focused(
    store: Store, home_app: Callable[..., Any]
) -> None:
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", "down", "down", "down", "enter")  # Delete a reflection
        await pilot.press("enter")  # the only one
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "keep"
        await pilot.press("enter")
        assert len(store.entries()) == 1
        await pilot.press("enter", "enter")  # again, and now choose Delete
        await pilot.press("tab", "enter")
        assert store.entries() == []
        assert store.agreements() == []


async def test_deleting_everything_takes_typing_the_word_not_tab_enter(
    store: Store, home: Path, home_app: Callable[..., Any]
) -> None:
    """Finding 2: Tab, Enter used to delete everything. Now it takes typing *verwijder*,
    after a line that says what goes and that a backup can be made first."""
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", "down", "down", "down", "down", "enter")  # Alles verwijderen
        dialog = app.screen
        assert isinstance(dialog, TypeToConfirmDialog)
        said = str(dialog.query_one(".dialog-text", Static).content)
        assert "reflecties" in said and "reservekopie" in said
        assert isinstance(dialog.focused, Input)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TypeToConfirmDialog)
        assert len(store.entries()) == 1
        await pilot.press("enter")  # again: a wrong word, Enter, then Tab, Enter
        await type_text(pilot, "ja")
        await pilot.press("enter", "tab", "enter")
        await pilot.pause()
        assert len(store.entries()) == 1
        await pilot.press("enter")
        await type_text(pilot, "verwijder")
        await pilot.press("enter")
        await pilot.pause()
        assert store.entries() == []
    assert not Store(home).folder.store.exists()


async def test_the_delete_everything_dialog_offers_a_backup_first(
    store: Store, home_app: Callable[..., Any]
) -> None:
    app = home_app("en")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", "down", "down", "down", "down", "enter")
        assert "‘delete’" in str(app.screen.query_one(".field-label", Static).content)
        await pilot.press("tab", "tab", "enter")  # Backup first
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
    assert len(store.entries()) == 1


async def test_encryption_goes_on_with_a_passphrase_typed_twice_and_off_again(
    store: Store, home_app: Callable[..., Any], home: Path
) -> None:
    app = home_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g", *["down"] * 5, "enter")
        assert isinstance(app.screen, PassphraseDialog)
        await type_passphrase(app, pilot, "kort")
        assert store.encryption() == "plain"  # too short: said, nothing changed
        await pilot.press("enter")
        await type_passphrase(app, pilot, "drie lange woorden")
        await wait_until(pilot, lambda: store.encryption() == "sealed")
        assert b"bellen" not in (home / "veerkracht.json").read_bytes()
        choices = app.screen.query_one("#data-choices", OptionList)
        await wait_until(pilot, lambda: choices.get_option_at_index(5).id == "decrypt")
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "keep"
        await pilot.press("tab", "enter")
        assert store.encryption() == "plain"
        assert b"bellen" in (home / "veerkracht.json").read_bytes()


async def test_share_starts_with_nothing_chosen_and_writes_only_what_is_chosen(
    store: Store, tmp_path: Path
) -> None:
    from veerkracht.content import Content
    from veerkracht.core.model import now, parse_answers
    from veerkracht.screens.share import ShareScreen
    from veerkracht.services.sharing import offered, users_card

    entry = store.add_entry(
        parse_answers(
            {"feelings": ["tired"], "desired_change": "minder diensten [/]", "private": "GEHEIM"},
            now=now(),
        )
    )
    content = Content("nl")
    keys = [key for key, _, _ in offered(users_card(store, entry, content, None))]
    assert "opening" not in keys and "tips" not in keys and "need" in keys
    app = VeerkrachtApp(store, content, start="home")
    target = tmp_path / "voor-anna.md"
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ShareScreen)
        await pilot.press("ctrl+s")  # nothing chosen: nothing to write
        assert not isinstance(app.screen, PathDialog)
        await pilot.press("tab")
        await pilot.press(*["down"] * keys.index("need"), "space")
        await pilot.press("ctrl+s")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)
    written = target.read_text(encoding="utf-8")
    assert "minder diensten" in written.casefold()
    assert "GEHEIM" not in written and "Zo begin je" not in written
    # Finding 9: it is read by the other person, so it speaks for the user, not to them.
    assert "Voor ons gesprek" in written and "Jij bepaalt" not in written


async def test_agreements_go_to_the_calendar_without_their_words(
    store: Store, home_app: Callable[..., Any], tmp_path: Path
) -> None:
    app = home_app()
    target = tmp_path / "afspraken.ics"
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("a", "k")
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)
    text = target.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and "bellen" not in text
