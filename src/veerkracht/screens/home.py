"""The home screen: the main choices, and the state at a glance."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from veerkracht.content import Content, load
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.screens.base import HelpWanted, Open, SpeaksLanguage
from veerkracht.screens.keys import HELP, QUIT
from veerkracht.services.reminders import CHECKIN_INTERVAL
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

ACTIONS = tuple(load("home")["actions"])
#: A letter for each choice (shown in the list itself; the footer keeps the general keys).
LETTERS = [
    Binding(choice["key"], f"app.open('{action}')", show=False, id=action)
    for action, choice in load("home")["actions"].items()
]


class HomeScreen(SpeaksLanguage, Screen[None]):
    """What would you like to do? Each choice has a letter; Enter works too."""

    BINDINGS = [*LETTERS, HELP, Binding("escape,q", "app.quit", show=False, id="quit-app"), QUIT]

    def __init__(self, store: Store, content: Content, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.today = today or now().date()

    @classmethod
    def describe(cls, binding: Binding, content: Content) -> str:
        """A letter is said as its choice in the list; the other keys as every key is."""
        if binding.id in ACTIONS:
            return str(content.text("home", "actions", binding.id, "label"))
        return super().describe(binding, content)

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("home", "ui", key, **params)

    def label(self, action: str) -> str:
        return self.content.text("home", "actions", action, "label")

    def compose(self) -> ComposeResult:
        yield Static(self.ui("title"), id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Static(self.ui("welcome"), classes="question", markup=False)
            yield Static(self.ui("intro"), classes="explain", markup=False)
            options = [
                Option(f"{load('home')['actions'][action]['key']}  {self.label(action)}", id=action)
                for action in ACTIONS
            ]
            yield OptionList(*options, id="choices")
            yield Static(id="choice-hint", classes="hint", markup=False)
            yield Static(id="glance", classes="glance", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0
        choices.focus()
        self.show_glance()

    def on_screen_resume(self) -> None:
        """Back from a flow: what was saved there shows here."""
        self.show_glance()

    def show_glance(self) -> None:
        """The last reflection, open agreements, and whether a check-in is due."""
        try:
            contents = self.store.contents()
        except VeerkrachtError as error:
            message = self.content.on_screen(error.code, **error.params)
            self.query_one("#glance", Static).update(message)
            return
        lines = []
        if Draft(self.store, "reflect").path.exists():
            lines.append(self.ui("draft"))
        if contents.entries:
            last = contents.entries[-1]
            feelings = ", ".join(self.content.label("feelings", key) for key in last.feelings)
            lines.append(self.ui("last", id=last.id, date=last.created.date(), feelings=feelings))
        else:
            lines.append(self.ui("no_entries"))
        open_ones = [agreement for agreement in contents.agreements if not agreement.done]
        overdue = sum(agreement.overdue(self.today) for agreement in open_ones)
        if open_ones and overdue:
            lines.append(self.ui("agreements", open=len(open_ones), overdue=overdue))
        elif open_ones:
            lines.append(self.ui("agreements_on_time", open=len(open_ones)))
        else:
            lines.append(self.ui("no_agreements"))
        if contents.checkins:
            days = (self.today - contents.checkins[-1].created.date()).days
            due = days >= CHECKIN_INTERVAL.days
            if due:
                lines.append(self.ui("checkin_due", days=days))
            elif days in (0, 1):
                lines.append(self.ui("checkin_today" if days == 0 else "checkin_yesterday"))
            else:
                lines.append(self.ui("checkin_recent", days=self.content.counted("day", days)))
        self.query_one("#glance", Static).update("\n".join(lines))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        hint = self.content.text("home", "actions", str(event.option.id), "hint")
        self.query_one("#choice-hint", Static).update(hint)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Open(str(event.option.id)))

    def action_help(self) -> None:
        self.post_message(HelpWanted("home"))
