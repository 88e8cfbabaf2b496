"""A one-page form that keeps every word: a draft while it is filled in (a closed
terminal costs at most the last second of typing), asking before anything typed is
dropped, and the calm help notice when words ask for it. The forms: after.py, support.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, SelectionList, Static, TextArea

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.questions import AGREEMENT_ROWS
from veerkracht.core.safety import words_need_notice
from veerkracht.core.typed_dates import typed_day
from veerkracht.screens.base import Done, HelpNoticeWanted, SpeaksLanguage
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.drafts import DraftKeeper
from veerkracht.screens.keys import QUIT, SAVE
from veerkracht.screens.widgets import LineInput, Scale, TextField
from veerkracht.services.after_talk import overdue
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

#: Typing pauses this long before the draft is kept (the reflection waits as long).
DRAFT_DELAY = 0.8


class FormScreen(SpeaksLanguage, Screen[None]):
    """A one-page form: ctrl+s saves, Escape or ctrl+q stops (asking first when
    something was typed). What is typed is kept as a draft until it is saved."""

    flow = ""
    BINDINGS = [
        SAVE,
        Binding("escape", "quit_flow", id="close"),
        Binding("f1", "app.show_help('after')", id="help"),
        QUIT,
    ]

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.draft = Draft(store, self.draft_name())
        self.keeper = DraftKeeper(
            self,
            content,
            self.draft,
            answers=self.collect,
            delay=DRAFT_DELAY,
            check=self.check_words,
            worth_keeping=self.typed_something,
        )
        #: The draft was refused (a link elsewhere), and that was said.
        self._draft_refused = False

    def draft_name(self) -> str:
        return self.flow

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("after", "ui", key, **params)

    def text(self, key: str, **params: Any) -> str:
        return self.content.text("after", self.flow, key, **params)

    def field(self, key: str) -> ComposeResult:
        yield Label(self.text(key), classes="field-label")
        yield TextField(id=key)

    def value(self, key: str) -> str:
        return self.query_one(f"#{key}", TextField | Input).value.strip()

    def set_value(self, key: str, value: Any) -> None:
        self.query_one(f"#{key}", TextField | Input).value = value if isinstance(value, str) else ""

    def lines(self, key: str) -> list[str]:
        """A field written as a list, one item per line."""
        return [line.strip() for line in self.value(key).splitlines() if line.strip()]

    def agreement_rows(self, labels: str = "after") -> ComposeResult:
        """Up to three rows of what · who · when; a next row shows once the one before
        says something, so Tab does not walk through six empty fields."""
        for row in range(AGREEMENT_ROWS):
            with Horizontal(classes="agreement-row", id=f"agreement-row-{row}"):
                for part in ("what", "who", "due"):
                    placeholder = self.content.text(labels, "followup", part)
                    yield LineInput(placeholder=placeholder, id=f"{part}-{row}", classes=part)
        yield Static(id="due-said", classes="hint", markup=False)

    def agreements(self) -> list[dict[str, Any]]:
        """The agreement rows that say something, as a file would hold them."""
        found = []
        for row in range(AGREEMENT_ROWS):
            what, who, due = (self.value(f"{part}-{row}") for part in ("what", "who", "due"))
            if what or who or due:
                due = typed_day(due, now().date()) if due else None
                found.append({"what": what, "who": who, "due": due})
        return found

    def fill_agreements(self, agreements: Any) -> None:
        rows = agreements if isinstance(agreements, list) else []
        for row, agreement in enumerate(rows[:AGREEMENT_ROWS]):
            if isinstance(agreement, dict):
                for part in ("what", "who", "due"):
                    self.set_value(f"{part}-{row}", agreement.get(part))
        self.show_agreement_rows()

    def show_agreement_rows(self) -> None:
        """The first row, and each row after one that says something; under them, what
        each typed date became ("vrijdag 18 december 2026")."""
        rows = self.query(".agreement-row")
        said = [any(self.value(f"{part}-{row}") for part in ("what", "who", "due"))
                for row in range(len(rows))]  # fmt: skip
        for row, widget in enumerate(rows):
            widget.display = row == 0 or said[row - 1] or said[row]
        if rows:
            lines = [line for row in range(len(rows)) if (line := self._due_said(row))]
            self.query_one("#due-said", Static).update("\n".join(lines))
            self.query_one("#due-said").display = bool(lines)

    def _due_said(self, row: int) -> str:
        typed = self.value(f"due-{row}")
        if not typed:
            return ""
        what = self.value(f"what-{row}") or self.content.text(
            "after", "days", "row", number=row + 1
        )
        try:
            day = date.fromisoformat(typed_day(typed, now().date()))
        except ValueError:
            return self.content.text("after", "days", "unclear", what=what, typed=typed)
        return self.content.text(
            "after", "days", "became", what=what, day=self.content.day_said(day)
        )

    def after_checking_dates(self, agreements: list[Any], save: Callable[[], None]) -> None:
        """Save, but first ask when an agreement's date has already passed (a typo is
        more likely than a promise for yesterday); going back is the focused choice."""
        past = overdue(agreements, now().date())
        if not past:
            save()
            return
        dates = ", ".join(f"{agreement.what} ({agreement.due})" for agreement in past)
        choices = [("back", self.ui("past_due_back")), ("save", self.ui("past_due_save"))]
        dialog = ChoiceDialog(
            self.ui("past_due_title"), self.ui("past_due_text", dates=dates), choices, "back"
        )
        self.app.clear_notifications()  # an earlier error does not stay over the question
        self.app.push_screen(dialog, lambda choice: save() if choice == "save" else None)

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def fill(self, data: dict[str, Any]) -> None:
        """Put a draft's answers back into the form."""
        raise NotImplementedError

    def typed_something(self) -> bool:
        return any(value not in (None, "", [], {}) for value in self.collect().values())

    def on_mount(self) -> None:
        saved = self.loaded_draft()
        if saved:
            self.fill(saved["answers"])
            self.notify(self.ui("draft_restored"))
        self.show_agreement_rows()
        self.first_field().focus(scroll_visible=False)
        # Start reading at the top: the first question's label stays in view.
        forms = self.query(".form")
        if forms:
            self.call_after_refresh(forms.first().scroll_home, animate=False)

    def loaded_draft(self) -> dict[str, Any] | None:
        """The form's draft, or None (said once when it is a link elsewhere: never read)."""
        try:
            return self.draft.load()
        except VeerkrachtError as error:
            if not self._draft_refused:
                self._draft_refused = True
                self.refuse(error)
            return None

    def first_field(self) -> Any:
        raise NotImplementedError

    def refuse(self, error: VeerkrachtError) -> None:
        self.keeper.refuse(error)

    def done(self, title: str, text: str) -> None:
        self.keeper.finish()
        self.draft.clear()
        close = [("close", self.ui("close"))]
        dialog = ChoiceDialog(title, text, close)
        self.app.clear_notifications()  # an error from before the save is no longer true
        self.app.push_screen(dialog, lambda _: self.post_message(Done()))

    def action_quit_flow(self) -> None:
        if not self.typed_something():
            self.draft.clear()
            self.post_message(Done())
            return

        def decide(choice: str | None) -> None:
            """Stopping sets the words aside (no reflex of Tab and Enter destroys them):
            `forget` or 30 days remove them."""
            if choice != "discard":
                return
            self.keeper.keep()
            try:
                self.draft.set_aside(now())
            except VeerkrachtError as error:
                self.refuse(error)
                return
            self.keeper.finish()
            self.post_message(Done())

        choices = [("keep", self.ui("keep_writing")), ("discard", self.ui("discard"))]
        dialog = ChoiceDialog(self.ui("quit_question"), self.ui("quit_explain"), choices, "keep")
        self.app.push_screen(dialog, decide)

    # -- keeping the draft ----------------------------------------------------------------

    def check_words(self) -> None:
        """Words that speak of not wanting to live show where to find help (once)."""
        if words_need_notice(self.collect()):
            self.post_message(HelpNoticeWanted())

    def keep_draft(self) -> None:
        self.keeper.keep()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.keeper.typed()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.keeper.typed()
        if any(event.input.has_class(part) for part in ("what", "who", "due")):
            self.show_agreement_rows()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.keeper.chose()

    def on_scale_changed(self, event: Scale.Changed) -> None:
        self.keeper.chose()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.keeper.blurred(event.widget)

    # -- moving on --------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_next_step(self) -> None:
        """Enter in a list or on a scale moves on to the next field."""
        self.focus_next()
