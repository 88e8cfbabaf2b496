"""Share with someone else: choose who it is for and, section by section, what goes in.
Nothing is chosen to begin with; what is chosen shows below, exactly as it will be
written. The same core as `veerkracht share`."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from veerkracht.content import Content
from veerkracht.core.model import Entry
from veerkracht.core.scripts import Script
from veerkracht.core.textsafe import visible
from veerkracht.screens.base import Leaving, SpeaksLanguage
from veerkracht.screens.dialogs import save_as_file
from veerkracht.screens.keys import LEAVING
from veerkracht.screens.widgets import MarkedList, SingleChoice
from veerkracht.services.sharing import (
    HEAVY_KEY,
    heavy_offered,
    offered,
    shared_markdown,
    users_card,
)
from veerkracht.store.locations import documents_dir
from veerkracht.store.store import Store


class ShareScreen(Leaving, SpeaksLanguage, Screen[None]):
    """Who it is for, which sections, and the text as it will be shared."""

    help_topic = "share"
    BINDINGS = [Binding("ctrl+s", "save_file", id="save-file"), *LEAVING]

    def __init__(self, store: Store, content: Content, entry: Entry) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.entry = entry
        self.script: Script = users_card(store, entry, content, entry.audience)

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("prepare", "share", key, **params)

    def compose(self) -> ComposeResult:
        title = self.ui("title", id=self.entry.id, date=self.entry.created.date())
        yield Static(title, id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Static(self.ui("intro"), classes="explain", markup=False)
            yield Label(self.ui("audience"), classes="field-label")
            yield SingleChoice("audiences", self.content, id="share-audience")
            yield Label(self.ui("sections"), classes="field-label")
            yield MarkedList(id="share-sections")
            yield Label(self.ui("preview"), classes="field-label")
            # Focusable, so Tab reaches what will be shared and the arrows scroll it.
            with VerticalScroll(id="share-preview-box"):
                yield Static(id="share-preview", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        audience = self.query_one("#share-audience", SingleChoice)
        audience.set_chosen([self.script.audience])
        self.list_sections()
        audience.focus()

    def list_sections(self, keep: set[str] | None = None) -> None:
        """The sections of the card for the chosen person; what was chosen stays chosen."""
        sections = self.query_one("#share-sections", MarkedList)
        sections.clear_options()
        for key, title, lines in offered(self.script):  # the user's words: never markup
            sections.add_option((Text(f"{title}: ") + Text(visible(" ".join(lines))), key))
        heavy = heavy_offered(self.script)
        if heavy is not None:
            sections.add_option((Text(f"{self.ui('heavy')}: ") + Text(visible(heavy)), HEAVY_KEY))
        sections.set_chosen(key for key in keep or () if key in self.keys())
        sections.highlighted = 0 if sections.option_count else None
        self.show_preview()

    def keys(self) -> list[str]:
        sections = self.query_one("#share-sections", MarkedList)
        return [str(sections.get_option_at_index(i).value) for i in range(sections.option_count)]

    def chosen(self) -> set[str]:
        return set(self.query_one("#share-sections", MarkedList).selected)

    def on_selection_list_selected_changed(self, event: MarkedList.SelectedChanged) -> None:
        if event.selection_list.id == "share-audience":
            audience = self.query_one("#share-audience", SingleChoice).chosen
            if audience and audience != self.script.audience:
                self.script = users_card(self.store, self.entry, self.content, audience)
                self.list_sections(keep=self.chosen())
        else:
            self.show_preview()

    def markdown(self) -> str | None:
        """What will be shared; None while nothing is chosen (how heavy it is alone is
        not a summary)."""
        chosen = self.chosen()
        if not chosen - {HEAVY_KEY}:
            return None
        return shared_markdown(self.script, chosen, self.content)

    def show_preview(self) -> None:
        text = self.markdown()
        self.query_one("#share-preview", Static).update(text or self.ui("nothing"))

    def action_save_file(self) -> None:
        text = self.markdown()
        if text is None:
            self.notify(self.ui("nothing"))
            return
        save_as_file(
            self,
            self.store.directory,
            self.content,
            title=self.ui("save_question"),
            explain=self.ui("save_explain"),
            default=documents_dir() / self.ui("file_name", id=self.entry.id),
            text=lambda: text,
            saved=lambda path: self.ui("saved", path=str(path)),
        )
