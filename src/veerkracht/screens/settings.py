"""Settings: language, reminders, colours, and where the data lives."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from veerkracht.content import LANGUAGES, Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.screens.base import Leaving, SpeaksLanguage
from veerkracht.screens.keys import CLOSE, HELP, QUIT, SAVE
from veerkracht.screens.widgets import OneOf
from veerkracht.store.settings import Settings, load_settings, save_settings, settings_path
from veerkracht.store.store import Store

THEMES = ("textual-dark", "textual-light", "veerkracht-contrast", "nord", "gruvbox")


class SettingsScreen(Leaving, SpeaksLanguage, Screen[None]):
    """Choices saved to settings.toml; the colours change at once."""

    help_topic = "settings"
    BINDINGS = [SAVE, HELP, CLOSE, QUIT]

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.settings = load_settings()

    def text(self, key: str, **params: Any) -> str:
        return self.content.text("home", "settings", key, **params)

    def compose(self) -> ComposeResult:
        yield Static(self.text("title"), id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Label(self.text("language"), classes="field-label")
            yield OneOf(*[(self.text(f"lang_{code}"), code) for code in LANGUAGES], id="language")
            yield Label(self.text("reminders"), classes="field-label")
            yield OneOf((self.text("on"), "on"), (self.text("off"), "off"), id="reminders")
            yield Label(self.text("theme"), classes="field-label")
            yield OneOf(*[(self._theme_label(name), name) for name in THEMES], id="theme")
            yield Static(self.text("data", path=self.store.directory), classes="hint", markup=False)
            yield Static(self.text("file", path=settings_path()), classes="hint", markup=False)
        yield Footer(compact=True)

    def _theme_label(self, name: str) -> str:
        """A theme by a name people know: donker, licht, hoog contrast, Nord, Gruvbox."""
        ours = {"veerkracht-contrast": "contrast", "textual-dark": "dark", "textual-light": "light"}
        return self.text(ours[name]) if name in ours else name.capitalize()

    def on_mount(self) -> None:
        language = self.settings.language or self.content.language
        self.query_one("#language", OneOf).set_chosen([language])
        self.query_one("#reminders", OneOf).set_chosen(["on" if self.settings.reminders else "off"])
        self.query_one("#theme", OneOf).set_chosen([self.settings.theme or self.app.theme])
        self.query_one("#language", OneOf).focus()

    def on_selection_list_selected_changed(self, event: OneOf.SelectedChanged) -> None:
        if event.selection_list.id == "theme" and event.selection_list.selected:
            self.app.theme = event.selection_list.selected[0]

    def chosen(self) -> Settings:
        return Settings(
            language=self.query_one("#language", OneOf).chosen,
            reminders=self.query_one("#reminders", OneOf).chosen != "off",
            theme=self.query_one("#theme", OneOf).chosen,
        )

    def action_save(self) -> None:
        try:
            save_settings(self.chosen())
        except VeerkrachtError as error:
            self.notify(self.content.on_screen(error.code, **error.params), severity="error")
            return
        self.notify(self.text("saved"))

    def action_next_step(self) -> None:
        self.focus_next()
