"""The card editor: see the script by section, change lines, switch sections off, keep
the card with its reflection, copy it or save it as a file, and rehearse the opening.

The user's version is kept in the store (per reflection, audience and language), so it
is there again next time and `veerkracht prepare` prints it; ctrl+g goes back to the
generated card. Leaving with changes that are not kept asks first."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, SelectionList, Static, TextArea

from veerkracht.content import Content, load
from veerkracht.core.cards import CardEdit
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.scripts import SECTION_KEYS, Script, edit_of
from veerkracht.render.cards import to_markdown
from veerkracht.screens.base import Done, SpeaksLanguage
from veerkracht.screens.dialogs import ChoiceDialog, RehearseDialog, save_as_file
from veerkracht.screens.keys import CLOSE, HELP, QUIT
from veerkracht.screens.widgets import MarkedList
from veerkracht.services.cards import drop_card, keep_card
from veerkracht.store.locations import documents_dir
from veerkracht.store.store import Store


class SectionList(MarkedList):
    """The card's sections; space switches one on or off, Enter goes to its lines."""

    BINDINGS = [Binding("enter,right", "screen.edit_lines", show=False)]


class ScriptLine(TextArea):
    """One line of the card, wrapped so it reads whole, editable; knows which line it is.

    Enter moves on to the next line instead of breaking this one; a pasted paragraph
    keeps all its words on this line."""

    BINDINGS = [Binding("enter", "screen.focus_next", show=False)]

    def __init__(self, value: str, index: int, *, off: bool = False) -> None:
        classes = "script-line off" if off else "script-line"
        super().__init__(value, soft_wrap=True, compact=True, classes=classes)
        self.index = index

    @property
    def value(self) -> str:
        return " ".join(self.text.split())

    def on_focus(self) -> None:
        """Start at the end of the sentence, where most edits happen."""
        self.move_cursor(self.document.end)


class PrepareScreen(SpeaksLanguage, Screen[None]):
    """The conversation card, editable, kept with its reflection."""

    BINDINGS = [
        Binding("ctrl+s", "keep", id="keep"),
        Binding("ctrl+t", "toggle_line", id="toggle-line"),
        Binding("ctrl+r", "rehearse", id="rehearse"),
        Binding("ctrl+e", "save_file", show=False, id="save-file"),
        Binding("ctrl+y", "copy", show=False, id="copy"),
        Binding("ctrl+g", "generated", show=False, id="generated"),
        HELP,
        CLOSE,
        QUIT,
    ]

    def __init__(self, store: Store, content: Content, script: Script) -> None:
        super().__init__()
        self.store = store
        self.content = content
        #: The card as generated from the reflection.
        self.script = script
        self.kept: CardEdit | None = self._kept_version()
        self.lines, self.enabled, self.off = self._state_of(self.kept)
        self.current_key = script.sections[0].key

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("prepare", "ui", key, **params)

    def _kept_version(self) -> CardEdit | None:
        """The user's kept version (a store that cannot be read says so when keeping)."""
        script = self.script
        try:
            return self.store.card(script.entry.uuid, script.audience, script.language)
        except VeerkrachtError:
            return None

    def _state_of(
        self, kept: CardEdit | None
    ) -> tuple[dict[str, list[str]], set[str], dict[str, set[int]]]:
        """Every section's lines, the sections that are on and the lines switched off:
        the kept version's, or the generated card's."""
        sections = self.script.sections
        lines = {section.key: list(section.all_lines) for section in sections}
        off = {section.key: set(section.off) for section in sections}
        if kept is None:
            return lines, set(lines), off
        lines.update({key: list(value) for key, value in kept.lines.items() if key in lines})
        off = {key: set(kept.off.get(key, ())) for key in lines}
        return lines, set(kept.enabled) & set(lines), off

    def compose(self) -> ComposeResult:
        audience = self.content.text("scripts", "audiences", self.script.audience, "with")
        title = self.content.text("scripts", "card", "title")
        yield Static(f"{title} · {audience}", id="progress", markup=False)
        with Horizontal(id="editor"):
            with Vertical(id="section-pane"):
                yield Label(self.ui("sections"), classes="field-label")
                titles = load("scripts")["editor_titles"]
                yield SectionList(
                    *[
                        (titles[s.key][self.content.language] if s.key in titles else s.title,
                         s.key, s.key in self.enabled)
                        for s in self.script.sections
                    ],
                    id="sections",
                )  # fmt: skip
                yield Static(id="version", classes="hint", markup=False)
            with VerticalScroll(id="lines-pane", can_focus=False):
                yield Label(self.ui("lines"), classes="field-label")
                yield Static(id="off-note", classes="hint", markup=False)
                yield Vertical(id="lines")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#sections", SectionList).focus()
        self._show_lines(self.current_key)
        self._show_version()

    # -- the card as edited -----------------------------------------------------------------

    def current(self) -> Script:
        """The script as the user has it now."""
        return self.script.edited(self.lines, self.enabled, self.off, by_user=self.kept is not None)

    def changed(self) -> bool:
        """Whether the card on screen differs from the version kept (or generated)."""
        return (self.lines, self.enabled, self.off) != self._state_of(self.kept)

    def _show_lines(self, key: str) -> None:
        self.current_key = key
        container = self.query_one("#lines", Vertical)
        container.remove_children()
        off = self.off[key]
        container.mount(
            *[
                ScriptLine(line, index, off=index in off)
                for index, line in enumerate(self.lines[key])
            ]
        )
        self._show_note()

    def _show_note(self) -> None:
        """Above the lines: whether the section is off, what the tips are for, and how
        the lines that are not on the card look."""
        key = self.current_key
        notes = [
            self.ui("off") if key not in self.enabled else "",
            self.ui("tips_note") if key == "tips" else "",
            self.ui("lines_off") if self.off[key] else "",
        ]
        self.query_one("#off-note", Static).update("\n".join(note for note in notes if note))

    def _show_version(self) -> None:
        """Which card this is: generated, the user's kept version, or changed since."""
        if self.changed():
            state = self.ui("version_changed")
        elif self.kept is not None:
            state = self.ui("version_kept", date=self.kept.created.strftime("%d-%m-%Y %H:%M"))
        else:
            state = self.ui("version_generated")
        self.query_one("#version", Static).update(state)

    @on(SelectionList.SelectionHighlighted, "#sections")
    def _section_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        self._show_lines(event.selection.value)

    @on(SelectionList.SelectedChanged, "#sections")
    def _sections_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.enabled = set(event.selection_list.selected)
        note = "" if self.current_key in self.enabled else self.ui("off")
        self.query_one("#off-note", Static).update(note)
        self._show_version()

    @on(TextArea.Changed, ".script-line")
    def _line_changed(self, event: TextArea.Changed) -> None:
        line = event.text_area
        if isinstance(line, ScriptLine) and line.index < len(self.lines[self.current_key]):
            self.lines[self.current_key][line.index] = line.value
            self._show_version()

    def action_toggle_line(self) -> None:
        """Switch the line being edited off (it stays here, greyed, to switch on again)
        or on: an alternative opening, the line on how heavy it is."""
        line = self.focused
        if not isinstance(line, ScriptLine):
            self.notify(self.ui("toggle_where"))
            return
        off = self.off[self.current_key]
        off.symmetric_difference_update({line.index})
        line.set_class(line.index in off, "off")
        self._show_note()
        self._show_version()

    def action_edit_lines(self) -> None:
        lines = self.query(".script-line")
        if lines:
            lines.first().focus()

    # -- keeping, files, going back ---------------------------------------------------------

    def keep(self) -> bool:
        """Keep the card as it is now with its reflection; False when that failed."""
        edit = edit_of(self.script, self.lines, self.enabled, self.off, now())
        try:
            self.kept = keep_card(self.store, edit)
        except VeerkrachtError as error:
            self.notify(self.content.on_screen(error.code, **error.params), severity="error")
            return False
        self._show_version()
        return True

    def action_keep(self) -> None:
        if self.keep():
            self.notify(self.ui("kept", id=self.script.entry.id))

    def action_generated(self) -> None:
        """Back to the generated card (asked first; keeping yours has the focus)."""

        def decide(choice: str | None) -> None:
            if choice != "generated":
                return
            script = self.script
            try:
                drop_card(self.store, script.entry.uuid, script.audience, script.language)
            except VeerkrachtError as error:
                self.notify(self.content.on_screen(error.code, **error.params), severity="error")
                return
            self.kept = None
            self.lines, self.enabled, self.off = self._state_of(None)
            sections = self.query_one("#sections", SectionList)
            sections.set_chosen(SECTION_KEYS)
            self._show_lines(self.current_key)
            self._show_version()

        self.app.push_screen(
            ChoiceDialog(
                self.ui("generated_question"),
                self.ui("generated_explain"),
                [("stay", self.ui("keep_mine")), ("generated", self.ui("generated"))],
                cancel="stay",
            ),
            decide,
        )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(to_markdown(self.current(), self.content))
        self.notify(self.ui("copied"))

    def action_save_file(self) -> None:
        save_as_file(
            self,
            self.store.directory,
            self.content,
            title=self.ui("save_question"),
            explain=self.ui("save_explain"),
            default=documents_dir() / self.ui("file_name", id=self.script.entry.id),
            text=lambda: to_markdown(self.current(), self.content),
            saved=lambda path: self.ui("saved", path=str(path)),
        )

    def action_rehearse(self) -> None:
        self.app.push_screen(
            RehearseDialog(
                self.ui("rehearse_title"),
                self.current().rehearsal(),
                self.content.template("prepare", "ui", "rehearse_progress"),
                self.ui("rehearse_hint"),
                self.ui("rehearse_done"),
            )
        )

    def action_help(self) -> None:
        dialog = ChoiceDialog(self.ui("help"), self.ui("help_text"), [("close", self.ui("quit"))])
        self.app.push_screen(dialog)

    def action_close(self) -> None:
        """Back to where the card was opened from; changes not kept yet are asked about."""
        if not self.changed():
            self.post_message(Done())
            return

        def decide(choice: str | None) -> None:
            if choice == "leave" or (choice == "keep" and self.keep()):
                self.post_message(Done())

        self.app.push_screen(
            ChoiceDialog(
                self.ui("close_question"),
                self.ui("close_explain"),
                [
                    ("keep", self.ui("keep_and_close")),
                    ("edit", self.ui("keep_editing")),
                    ("leave", self.ui("leave")),
                ],
                cancel="edit",
            ),
            decide,
        )
