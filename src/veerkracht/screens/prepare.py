"""The card editor: see the script by section, change lines, switch sections off,
copy or save it as Markdown, and rehearse the opening out loud."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, SelectionList, Static, TextArea

from veerkracht.content import Content
from veerkracht.errors import VeerkrachtError
from veerkracht.fsutil import write_output
from veerkracht.render import to_markdown
from veerkracht.screens.dialogs import ChoiceDialog, PathDialog, RehearseDialog
from veerkracht.screens.widgets import MarkedList
from veerkracht.scripts import Script


class SectionList(MarkedList):
    """The card's sections; space switches one on or off, Enter goes to its lines."""

    BINDINGS = [Binding("enter,right", "screen.edit_lines", show=False)]


class ScriptLine(TextArea):
    """One line of the card, wrapped so it reads whole, editable; knows which line it is.

    Enter moves on to the next line instead of breaking this one."""

    BINDINGS = [Binding("enter", "screen.focus_next", show=False)]

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, soft_wrap=True, compact=True, classes="script-line")
        self.index = index

    @property
    def value(self) -> str:
        return " ".join(self.text.split())

    def on_focus(self) -> None:
        """Start at the end of the sentence, where most edits happen."""
        self.move_cursor(self.document.end)


class PrepareScreen(Screen[None]):
    """The conversation card, editable before it is saved or copied."""

    def __init__(self, script: Script, content: Content) -> None:
        super().__init__()
        self.script = script
        self.content = content
        self.lines = {section.key: list(section.lines) for section in script.sections}
        self.enabled = set(self.lines)
        self.current_key = script.sections[0].key
        for keys, action, label in [
            ("ctrl+s", "save", "save"),
            ("ctrl+y", "copy", "copy"),
            ("ctrl+r", "rehearse", "rehearse"),
            ("f1", "help", "help"),
            ("escape", "close", "quit"),
        ]:
            self._bindings.bind(keys, action, self.ui(label))

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("prepare", "ui", key, **params)

    def compose(self) -> ComposeResult:
        audience = self.content.text("scripts", "audiences", self.script.audience, "with")
        title = self.content.text("scripts", "card", "title")
        yield Static(f"{title} · {audience}", id="progress")
        with Horizontal(id="editor"):
            with Vertical(id="section-pane"):
                yield Label(self.ui("sections"), classes="field-label")
                yield SectionList(
                    *[(s.title, s.key, True) for s in self.script.sections], id="sections"
                )
            with VerticalScroll(id="lines-pane", can_focus=False):
                yield Label(self.ui("lines"), classes="field-label")
                yield Static(id="off-note", classes="hint")
                yield Vertical(id="lines")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sections", SectionList).focus()
        self._show_lines(self.current_key)

    # -- the card as edited -----------------------------------------------------------------

    def current(self) -> Script:
        """The script as the user has it now."""
        return self.script.edited(self.lines, self.enabled)

    def _show_lines(self, key: str) -> None:
        self.current_key = key
        container = self.query_one("#lines", Vertical)
        container.remove_children()
        container.mount(*[ScriptLine(line, index) for index, line in enumerate(self.lines[key])])
        note = "" if key in self.enabled else self.ui("off")
        self.query_one("#off-note", Static).update(note)

    @on(SelectionList.SelectionHighlighted, "#sections")
    def _section_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        self._show_lines(event.selection.value)

    @on(SelectionList.SelectedChanged, "#sections")
    def _sections_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.enabled = set(event.selection_list.selected)
        note = "" if self.current_key in self.enabled else self.ui("off")
        self.query_one("#off-note", Static).update(note)

    @on(TextArea.Changed, ".script-line")
    def _line_changed(self, event: TextArea.Changed) -> None:
        line = event.text_area
        if isinstance(line, ScriptLine) and line.index < len(self.lines[self.current_key]):
            self.lines[self.current_key][line.index] = line.value

    def action_edit_lines(self) -> None:
        lines = self.query(".script-line")
        if lines:
            lines.first().focus()

    # -- actions --------------------------------------------------------------------------

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(to_markdown(self.current(), self.content))
        self.notify(self.ui("copied"))

    def action_save(self) -> None:
        default = Path.cwd() / self.ui("file_name", id=self.script.entry.id)

        def save(path: Path | None) -> None:
            if path is None:
                return
            try:
                write_output(path, to_markdown(self.current(), self.content))
            except VeerkrachtError as error:
                self.notify(self.content.message(error.code, **error.params), severity="error")
                return
            self.notify(self.ui("saved", path=str(path)))

        self.app.push_screen(
            PathDialog(
                self.ui("save_question"),
                self.ui("save_explain"),
                default,
                self.ui("save"),
                self.ui("cancel"),
            ),
            save,
        )

    def action_rehearse(self) -> None:
        self.app.push_screen(
            RehearseDialog(
                self.ui("rehearse_title"),
                self.current().rehearsal(),
                self.ui("rehearse_progress"),
                self.ui("rehearse_hint"),
                self.ui("rehearse_done"),
            )
        )

    def action_help(self) -> None:
        dialog = ChoiceDialog(self.ui("help"), self.ui("help_text"), [("close", self.ui("quit"))])
        self.app.push_screen(dialog)

    def action_close(self) -> None:
        """Back to where the card was opened from, or out of the app."""
        self.app.finish()
