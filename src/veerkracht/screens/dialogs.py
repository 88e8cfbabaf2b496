"""Modal dialogs: help for a step, keep-or-discard on quitting, a message with one button."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class MessageDialog(ModalScreen[None]):
    """A title, some text and one button; Escape or Enter closes it."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, title: str, text: str, button: str) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = text
        self.button_label = button

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.body_text, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.button_label, id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class QuitDialog(ModalScreen[str]):
    """Asked on quitting mid-way: `keep` the draft, `discard` it, or `cancel`."""

    BINDINGS = [Binding("escape", "choose('cancel')", show=False)]

    def __init__(self, question: str, explain: str, keep: str, discard: str, cancel: str) -> None:
        super().__init__()
        self.question = question
        self.explain = explain
        self.labels = {"keep": keep, "discard": discard, "cancel": cancel}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            yield Static(self.explain, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.labels["keep"], id="keep", variant="primary")
                yield Button(self.labels["discard"], id="discard")
                yield Button(self.labels["cancel"], id="cancel")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
