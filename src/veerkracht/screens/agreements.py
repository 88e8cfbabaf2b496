"""Agreements from conversations: open ones first, and a key to mark one kept, or open
again when that was a mistake."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.records import Agreement
from veerkracht.core.textsafe import visible
from veerkracht.render.agreements import agreements_in_order, status
from veerkracht.screens.base import Leaving, SpeaksLanguage
from veerkracht.screens.calendar import offer_calendar
from veerkracht.screens.keys import LEAVING
from veerkracht.services.after_talk import mark_kept
from veerkracht.store.store import Store


class AgreementsScreen(Leaving, SpeaksLanguage, Screen[None]):
    """Every agreement, kept ones last. Space marks the highlighted one kept or open."""

    help_topic = "agreements"
    BINDINGS = [
        Binding("space", "toggle", id="toggle"),
        Binding("k", "calendar", id="calendar"),
        *LEAVING,
    ]

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.shown: list[Agreement] = []
        self.entry_ids: dict[str, str] = {}

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("after", "agreements", key, **params)

    def compose(self) -> ComposeResult:
        yield Static(self.ui("title"), id="progress", markup=False)
        yield Static(self.ui("intro"), classes="hint", markup=False)
        yield DataTable(id="agreements", cursor_type="row", zebra_stripes=True)
        yield Static(id="agreements-empty", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#agreements", DataTable)
        for heading in self.content.message("agreement_columns").split("|")[:5]:
            table.add_column(heading)
        self.show()
        table.focus()

    def show(self, keep: str | None = None) -> None:
        """(Re)read the agreements; the cursor stays on agreement `keep`."""
        table = self.query_one("#agreements", DataTable)
        table.clear()
        try:
            contents = self.store.contents()
        except VeerkrachtError as error:
            self.query_one("#agreements-empty", Static).update(
                self.content.on_screen(error.code, **error.params)
            )
            return
        today = now().date()
        self.shown = agreements_in_order(contents.agreements, today, include_done=True)
        for agreement in self.shown:
            table.add_row(
                agreement.id,
                Text(visible(agreement.what)),
                Text(visible(agreement.who)),
                agreement.due.isoformat() if agreement.due else "",
                status(agreement, today, self.content),
                key=agreement.id,
            )
        empty = "" if self.shown else self.ui("none")
        self.query_one("#agreements-empty", Static).update(empty)
        ids = [agreement.id for agreement in self.shown]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))

    def highlighted(self) -> Agreement | None:
        table = self.query_one("#agreements", DataTable)
        if not self.shown or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def action_toggle(self) -> None:
        agreement = self.highlighted()
        if agreement is None:
            return
        kept = not agreement.done
        try:
            mark_kept(self.store, agreement.id, kept=kept)
        except VeerkrachtError as error:
            self.notify(self.content.on_screen(error.code, **error.params), severity="error")
            return
        self.notify(self.ui("now_kept" if kept else "now_open", id=agreement.id))
        self.show(keep=agreement.id)

    def action_calendar(self) -> None:
        """The open agreements with a date as a calendar file, with neutral titles."""
        offer_calendar(self, self.store, self.content, "agreements", self.ui)
