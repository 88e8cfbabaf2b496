"""Modal dialogs: a message with one or more choices, a file path, rehearsing lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.services.files import write_for_user
from veerkracht.store.locations import local_folder
from veerkracht.store.privacy import synced_root
from veerkracht.store.settings import load_settings


class ChoiceDialog(ModalScreen[str]):
    """A title, some text and buttons; returns the chosen button's id.

    Escape returns `cancel`. The first button has the focus.
    """

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(
        self, title: str, text: str, choices: list[tuple[str, str]], cancel: str = "close"
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = text
        self.choices = choices
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for index, (choice, label) in enumerate(self.choices):
                    yield Button(label, id=choice, variant="primary" if index == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()
        dialog = self.query_one(".dialog")
        # Focusing the button scrolls a long text to its end; start reading at the top.
        self.call_after_refresh(dialog.scroll_home, animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or self.cancel)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)


class TypeToConfirmDialog(ModalScreen[str]):
    """Something that cannot be undone, done only after `word` is typed into the field:
    no reflex (Tab, Enter) does it. Returns "confirm", the id of the `first` choice (such
    as making a backup first), or "cancel" (the first button, and Escape).

    The field has the focus; the button that does it stays disabled (and out of the Tab
    order) until the word is there."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(
        self,
        title: str,
        text: str,
        prompt: str,
        word: str,
        buttons: tuple[str, str],
        first: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = text
        self.prompt = prompt
        self.word = word
        self.buttons = buttons
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-text", markup=False)
            yield Static(self.prompt, classes="field-label", markup=False)
            yield Input(id="word")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.buttons[1], id="cancel", variant="primary")
                if self.first is not None:
                    yield Button(self.first[1], id=self.first[0])
                yield Button(self.buttons[0], id="confirm", variant="error", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#word", Input).focus()

    def typed(self) -> bool:
        return self.query_one("#word", Input).value.strip().casefold() == self.word.casefold()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one("#confirm", Button).disabled = not self.typed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.typed():
            self.dismiss("confirm")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "confirm" or self.typed():
            self.dismiss(event.button.id or "cancel")

    def action_cancel(self) -> None:
        self.dismiss("cancel")


class PathDialog(ModalScreen[Path | None]):
    """Asks where to save a file; Enter saves, Escape cancels (None). While the path
    lies in a folder that is synced online, a line says so and a button offers a
    folder on this computer instead."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(
        self,
        title: str,
        text: str,
        default: Path,
        save: str,
        cancel: str,
        *,
        synced_note: Callable[[Path], str | None] = lambda path: None,
        keep_local: tuple[str, Path] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = text
        self.default = default
        self.labels = (save, cancel)
        self.synced_note = synced_note
        self.keep_local = keep_local

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-text", markup=False)
            yield Input(str(self.default), id="path")
            yield Static("", id="synced", classes="hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.labels[0], id="save", variant="primary")
                if self.keep_local is not None:
                    yield Button(self.keep_local[0], id="local")
                yield Button(self.labels[1], id="cancel")

    def on_mount(self) -> None:
        self._show_synced(self.query_one("#path", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_synced(event.value)

    def _show_synced(self, value: str) -> None:
        note = self.synced_note(self._chosen(value)) if value.strip() else None
        self.query_one("#synced", Static).update(note or "")
        self.query_one("#synced", Static).display = note is not None
        for button in self.query("#local"):
            button.display = note is not None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self._save()
        elif event.button.id == "local" and self.keep_local is not None:
            field = self.query_one("#path", Input)
            field.value = str(self.keep_local[1] / self._chosen(field.value).name)
            field.focus()
        else:
            self.dismiss(None)

    @staticmethod
    def _chosen(value: str) -> Path:
        return Path(value.strip()).expanduser().absolute()

    def _save(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        self.dismiss(self._chosen(value) if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RehearseDialog(ModalScreen[None]):
    """One sentence at a time, to say out loud. Enter: next; Escape: stop."""

    BINDINGS = [
        Binding("enter,space,right", "next", show=False),
        Binding("left", "previous", show=False),
        Binding("escape", "close", show=False),
    ]

    def __init__(self, title: str, lines: list[str], progress: str, hint: str, done: str) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.progress = progress
        self.hint = hint
        self.done = done
        self.index = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog rehearse"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(id="rehearse-progress", classes="explain", markup=False)
            yield Static(id="rehearse-line", classes="rehearse-line", markup=False)
            yield Static(self.hint, id="rehearse-hint", classes="explain", markup=False)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        line = self.query_one("#rehearse-line", Static)
        progress = self.query_one("#rehearse-progress", Static)
        if self.index >= len(self.lines):
            progress.update("")
            line.update(self.done)
            return
        progress.update(self.progress.format(number=self.index + 1, total=len(self.lines)))
        line.update(self.lines[self.index])

    def action_next(self) -> None:
        if self.index >= len(self.lines):
            self.dismiss(None)
            return
        self.index += 1
        self._show()

    def action_previous(self) -> None:
        self.index = max(0, self.index - 1)
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)


class PassphraseDialog(ModalScreen[tuple[str, str] | None]):
    """A new passphrase, typed twice and never shown; Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, text: str, labels: tuple[str, str], buttons: tuple[str, str]):
        super().__init__()
        self.title_text = title
        self.body_text = text
        self.labels = labels
        self.buttons = buttons

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-text", markup=False)
            yield Static(self.labels[0], classes="field-label", markup=False)
            yield Input(password=True, id="chosen")
            yield Static(self.labels[1], classes="field-label", markup=False)
            yield Input(password=True, id="again")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.buttons[0], id="ok", variant="primary")
                yield Button(self.buttons[1], id="cancel")

    def on_mount(self) -> None:
        self.query_one("#chosen", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "chosen":
            self.query_one("#again", Input).focus()
        else:
            self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._done()
        else:
            self.dismiss(None)

    def _done(self) -> None:
        self.dismiss(
            (self.query_one("#chosen", Input).value, self.query_one("#again", Input).value)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one option (or "all"); Escape leaves things as they were."""

    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*[Option(label, id=key) for key, label in self.options])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def save_as_file(
    screen: Screen,
    data_folder: Path,
    content: Content,
    *,
    title: str,
    explain: str,
    default: Path,
    text: Callable[[], str],
    saved: Callable[[Path], str],
) -> None:
    """Ask where (proposing `default`), then write `text()` there, never into the data
    folder, and say where it went (`saved`), or in one line what went wrong."""

    def save(path: Path | None) -> None:
        if path is None:
            return
        try:
            write_for_user(data_folder, path, text())
        except VeerkrachtError as error:
            screen.notify(content.on_screen(error.code, **error.params), severity="error")
            return
        screen.notify(saved(path))

    def synced_note(path: Path) -> str | None:
        root = synced_root(path, load_settings().synced)
        return None if root is None else content.text("home", "data", "synced_note", root=root)

    buttons = content.text("home", "data", "save"), content.text("home", "data", "cancel")
    keep_local = content.text("home", "data", "keep_local"), local_folder()
    dialog = PathDialog(
        title, explain, default, *buttons, synced_note=synced_note, keep_local=keep_local
    )
    screen.app.push_screen(dialog, save)
