"""Your data: a backup (to restore, or to read), restoring one, deleting a reflection or
everything, and encryption on or off. The same core as `export`, `import`, `forget`,
`encrypt` and `decrypt`; whatever cannot be undone asks first, with the safe choice
focused, and deleting everything takes typing a word."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.screens.base import Leaving, SpeaksLanguage
from veerkracht.screens.dialogs import (
    ChoiceDialog,
    PassphraseDialog,
    PathDialog,
    PickDialog,
    TypeToConfirmDialog,
    save_as_file,
)
from veerkracht.screens.keys import LEAVING
from veerkracht.services import your_data
from veerkracht.services.your_data import new_passphrase
from veerkracht.store.locations import documents_dir
from veerkracht.store.store import Store

#: The choices, in order; `encrypt` or `decrypt` shows, whichever applies.
ACTIONS = ("export", "export_markdown", "import", "forget", "forget_all", "encrypt", "decrypt")


class DataScreen(Leaving, SpeaksLanguage, Screen[None]):
    """The choices as a list; `start` opens one at once (from the command palette)."""

    help_topic = "data"
    BINDINGS = LEAVING

    def __init__(self, store: Store, content: Content, start: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.start = start

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("home", "data", key, **params)

    def compose(self) -> ComposeResult:
        yield Static(self.ui("title"), id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Static(self.ui("where", path=self.store.directory), classes="hint", markup=False)
            yield OptionList(id="data-choices")
            yield Static(id="data-hint", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.list_choices()
        self.query_one("#data-choices", OptionList).focus()
        if self.start in ACTIONS:
            self.call_after_refresh(self.run_choice, self.start)

    def list_choices(self) -> None:
        try:
            encrypted = self.store.encryption() == "sealed"
        except VeerkrachtError as error:
            self.said(error)
            encrypted = False
        shown = [a for a in ACTIONS if a != ("encrypt" if encrypted else "decrypt")]
        choices = self.query_one("#data-choices", OptionList)
        place = choices.highlighted or 0  # encrypt and decrypt take each other's place
        choices.clear_options()
        choices.add_options([Option(self.ui(f"{action}_label"), id=action) for action in shown])
        choices.highlighted = min(place, len(shown) - 1)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#data-hint", Static).update(self.ui(f"{event.option.id}_hint"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.run_choice(str(event.option.id))

    def run_choice(self, action: str) -> None:
        getattr(self, f"choose_{action}")()

    def said(self, error: VeerkrachtError) -> None:
        self.notify(self.content.on_screen(error.code, **error.params), severity="error")

    # -- a backup out, a backup in -----------------------------------------------------

    def choose_export(self, markdown: bool = False) -> None:
        from veerkracht.services.exchange import export_text

        key = "export_markdown" if markdown else "export"
        save_as_file(
            self,
            self.store.directory,
            self.content,
            title=self.ui(f"{key}_label"),
            explain=self.ui(f"{key}_hint"),
            default=documents_dir() / self.ui("file_markdown" if markdown else "file_json"),
            text=lambda: export_text(self.store.contents(), self.content, markdown=markdown),
            saved=lambda path: self.ui("exported", path=str(path)),
        )

    def choose_export_markdown(self) -> None:
        self.choose_export(markdown=True)

    def choose_import(self) -> None:
        from veerkracht.core.errors import ValidationError
        from veerkracht.services.exchange import imported_summary, parse_export
        from veerkracht.services.inputfiles import read_data_file

        def restore(path: Path | None) -> None:
            if path is None:
                return
            try:
                found = parse_export(read_data_file(str(path)))
                added = your_data.import_backup(self.store, found)
            except ValidationError as error:
                problem = self.content.message(error.code, **error.params)  # a file
                self.notify(
                    self.content.message("input_invalid", path=str(path), problem=problem),
                    severity="error",
                )
                return
            except VeerkrachtError as error:
                self.said(error)
                return
            self.notify(imported_summary(self.content, added))

        dialog = PathDialog(
            self.ui("import_label"),
            self.ui("import_hint"),
            documents_dir() / self.ui("file_json"),
            self.ui("restore"),
            self.ui("cancel"),
        )
        self.app.push_screen(dialog, restore)

    # -- deleting ----------------------------------------------------------------------

    def choose_forget(self) -> None:
        try:
            entries = list(reversed(self.store.entries()))
        except VeerkrachtError as error:
            self.said(error)
            return
        if not entries:
            self.notify(self.content.text("home", "ui", "needs_entry"))
            return
        options = [(entry.id, self.entry_label(entry)) for entry in entries]
        by_id = {entry.id: entry for entry in entries}

        def picked(entry_id: str | None) -> None:
            if entry_id is not None:
                self.confirm_forget(by_id[entry_id])

        self.app.push_screen(PickDialog(self.ui("forget_pick"), options), picked)

    def entry_label(self, entry: Entry) -> str:
        feelings = ", ".join(self.content.label("feelings", key) for key in entry.feelings)
        return self.ui("entry", id=entry.id, date=entry.created.date(), feelings=feelings)

    def confirm_forget(self, entry: Entry) -> None:
        def decide(choice: str) -> None:
            if choice != "delete":
                self.notify(self.content.message("not_forgotten"))
                return
            self.attempt(
                lambda: your_data.forget_entry(self.store, entry), "forgotten", id=entry.id
            )

        question = self.content.message("confirm_forget", id=entry.id, date=entry.created.date())
        self.ask_to_delete(question, decide)

    def choose_forget_all(self) -> None:
        """Deleting everything takes typing a word (no reflex of Tab and Enter does it),
        after a line that says what goes; a backup can be made first."""

        def decide(choice: str) -> None:
            if choice == "backup":
                self.choose_export()
                return
            if choice != "confirm":
                self.notify(self.content.message("not_forgotten"))
                return
            self.attempt(lambda: your_data.forget_everything(self.store), "forgotten_all")
            self.list_choices()

        word = self.ui("forget_all_word")
        dialog = TypeToConfirmDialog(
            self.ui("forget_all_title"),
            self.ui("forget_all_gone", path=str(self.store.directory)),
            self.ui("forget_all_prompt", word=word),
            word,
            (self.ui("forget_all_label"), self.ui("keep")),
            first=("backup", self.ui("backup_first")),
        )
        self.app.push_screen(dialog, decide)

    def ask_to_delete(self, question: str, decide: Callable[[str], None]) -> None:
        choices = [("keep", self.ui("keep")), ("delete", self.ui("delete"))]
        self.app.push_screen(
            ChoiceDialog(self.ui("delete_title"), question, choices, "keep"), decide
        )

    def attempt(self, change: Callable[[], None], said: str, **params: Any) -> bool:
        try:
            change()
        except VeerkrachtError as error:
            self.said(error)
            return False
        self.notify(self.content.message(said, **params))
        return True

    # -- encryption --------------------------------------------------------------------

    def choose_encrypt(self) -> None:
        resuming = self.store.encryption() == "unfinished"

        def chosen(typed: tuple[str, str] | None) -> None:
            if typed is None:
                return
            try:
                passphrase = new_passphrase(typed[0], None if resuming else typed[1])
            except VeerkrachtError as error:
                self.said(error)
                return
            self.notify(self.ui("encrypting"))
            self.run_worker(self.encrypt(passphrase, resuming), exclusive=True)

        labels = (self.content.message("passphrase_new"), self.content.message("passphrase_repeat"))
        dialog = PassphraseDialog(
            self.ui("encrypt_label"),
            self.ui("encrypt_explain"),
            labels,
            (self.ui("encrypt_button"), self.ui("cancel")),
        )
        self.app.push_screen(dialog, chosen)

    async def encrypt(self, passphrase: str, resuming: bool) -> None:
        """The key is derived slowly on purpose; the screen stays responsive meanwhile."""
        try:
            await asyncio.to_thread(your_data.encrypt, self.store, passphrase)
        except VeerkrachtError as error:
            self.said(error)
            return
        self.notify(self.content.message("encryption_resumed" if resuming else "encrypted_done"))
        self.list_choices()

    def choose_decrypt(self) -> None:
        def decide(choice: str) -> None:
            decrypt = lambda: your_data.decrypt(self.store)  # noqa: E731
            if choice == "decrypt" and self.attempt(decrypt, "decrypted_done"):
                self.list_choices()

        choices = [("keep", self.ui("keep_encrypted")), ("decrypt", self.ui("decrypt_button"))]
        dialog = ChoiceDialog(self.ui("decrypt_label"), self.ui("decrypt_explain"), choices, "keep")
        self.app.push_screen(dialog, decide)
