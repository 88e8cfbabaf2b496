"""The recovery plan: where you are this week, and from there the check-in, a dialogue
talk, checking a report line by line, a progress share with consent per section, and
pausing, stopping or evaluating, without guilt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.progress import SECTIONS, PlanState, report_lines
from veerkracht.core.textsafe import for_markdown, visible
from veerkracht.render.plan import (
    plan_summary,
    report_json,
    report_markdown,
    sections_json,
    sections_markdown,
    status_lines,
)
from veerkracht.screens.base import Done, Leaving, Open, SpeaksLanguage
from veerkracht.screens.calendar import offer_calendar
from veerkracht.screens.dialogs import ChoiceDialog, save_as_file
from veerkracht.screens.keys import CLOSE, QUIT, SAVING
from veerkracht.screens.widgets import MarkedList
from veerkracht.services.plans import PlanChange, change_plan, check_talk, plan_state
from veerkracht.store.locations import documents_dir
from veerkracht.store.store import Store

#: Keys on the plan screen that need a plan that is still open.
OPEN_PLAN_ACTIONS = ("checkin", "dialogue", "report", "share", "pause", "resume", "stop")
#: The flows the plan screen opens, by the name of their key.
FLOWS = {
    "new": "plan_start",
    "checkin": "checkin",
    "dialogue": "plan_dialogue",
    "report": "plan_report",
    "share": "plan_share",
    "evaluate": "plan_evaluate",
}


class PlanScreen(Leaving, SpeaksLanguage, Screen[None]):
    """Week n of 8: this week's check-in and talks, open agreements, capacity and load."""

    help_topic = "plan"
    BINDINGS = [
        Binding("n", "go('new')", id="new-plan"),
        Binding("c", "go('checkin')", id="checkin"),
        Binding("d", "go('dialogue')", id="dialogue"),
        Binding("r", "go('report')", id="report"),
        Binding("s", "go('share')", id="share"),
        Binding("p", "pause", show=False, id="pause"),
        Binding("v", "resume", show=False, id="resume"),
        Binding("e", "go('evaluate')", show=False, id="evaluate"),
        Binding("x", "stop", show=False, id="stop-plan"),
        Binding("k", "calendar", show=False, id="to-calendar"),
        CLOSE,
        Binding("f1", "help", show=False, id="help"),
        QUIT,
    ]

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.state: PlanState | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.content.text("plan", "ui", "title"), id="progress", markup=False)
        with VerticalScroll(classes="form", id="plan-view"):
            yield Static(id="plan-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#plan-view").focus()

    def on_screen_resume(self) -> None:
        """Back from a check-in, a talk or a form: what was saved shows here."""
        self.show()

    def show(self) -> None:
        try:
            self.state = plan_state(self.store, now().date())
        except VeerkrachtError as error:
            self.query_one("#plan-status", Static).update(
                self.content.on_screen(error.code, **error.params)
            )
            return
        if self.state is None:
            # Whether the plan suits you is said before it starts (seed 002).
            lines = [self.content.text("plan", "ui", "none"), "",
                     self.content.text("plan", "ui", "none_intro"), "",
                     self.content.text("plan", "ui", "suitable")]  # fmt: skip
        else:
            lines = status_lines(self.state, self.content, "screen")
            summary = plan_summary(self.state.plan, self.content)
            lines += ["", *summary] if summary else []
            lines += ["", self.content.text("plan", "ui", "keys_hint")]
        text = Text()
        for index, line in enumerate(lines):  # a line after a blank one is a heading
            heading = (
                bool(line) and not line.startswith(" ") and (index == 0 or not lines[index - 1])
            )
            text.append(line + "\n", style="bold" if heading else "")
        self.query_one("#plan-status", Static).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that fit the plan's state show in the footer."""
        plan = self.state.plan if self.state else None
        is_open = plan is not None and plan.is_open()
        if action == "go" and parameters:
            action = str(parameters[0])
        if action == "new":
            return not is_open
        if action == "evaluate":
            return is_open
        if action == "calendar":
            return plan is not None
        if action in OPEN_PLAN_ACTIONS:
            if not is_open:
                return action in ("report", "share") and plan is not None
            if action == "pause":
                return plan.status == "active"
            if action == "resume":
                return plan.status == "paused"
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_go(self, name: str) -> None:
        """Open the flow of this key (check-in, talk, report, share, …)."""
        self.post_message(Open(FLOWS[name]))

    def action_pause(self) -> None:
        self._change("pause", "plan_paused")

    def action_resume(self) -> None:
        self._change("resume", "plan_resumed")

    def action_stop(self) -> None:
        def decide(choice: str | None) -> None:
            if choice == "stop":
                self._change("stop", "plan_stopped")

        say = lambda key: self.content.text("plan", "confirm", key)  # noqa: E731
        choices = [("keep", say("stop_no")), ("stop", say("stop_yes"))]
        self.app.push_screen(ChoiceDialog(say("stop_title"), say("stop_text"), choices), decide)

    def _change(self, change: PlanChange, message: str) -> None:
        if self.state is None:
            return
        plan, today = self.state.plan, now().date()
        try:
            change_plan(self.store, plan, change, today)
        except VeerkrachtError as error:
            self.notify(self.content.on_screen(error.code, **error.params), severity="error")
        else:
            self.notify(self.content.message(message, week=plan.week(today)))
        self.show()

    def action_calendar(self) -> None:
        """The plan's check-ins, talks and review as a calendar file, neutral titles."""
        words = lambda key, **params: self.content.text("plan", "calendar", key, **params)  # noqa: E731
        offer_calendar(self, self.store, self.content, "plan", words)


class OnPlanState(Leaving, SpeaksLanguage, Screen[None]):
    """A screen about the plan as it stands (its talks, its weeks), saved with ctrl+s."""

    BINDINGS = SAVING

    def __init__(self, store: Store, content: Content, state: PlanState) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.state = state


class ReportScreen(OnPlanState):
    """Checking the reports of the talks not checked yet, line by line: only what is
    ticked goes in; ctrl+s marks them checked with the people involved."""

    def __init__(self, store: Store, content: Content, state: PlanState) -> None:
        super().__init__(store, content, state)
        self.talks = [talk for talk in state.dialogues if not talk.checked]

    def say(self, key: str, **params: Any) -> str:
        return self.content.text("plan", "report", key, **params)

    def compose(self) -> ComposeResult:
        yield Static(self.say("heading", week=self.state.week), id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            if self.talks:
                yield Static(self.say("intro_check"), classes="explain", markup=False)
                yield Static(self._talks_heading(), classes="question", markup=False)
                yield MarkedList(*self._options(), id="report-lines")
            else:
                yield Static(self.say("nothing_to_check"), classes="explain", markup=False)
            report = report_json(self.state, self.state.week)
            yield Static(Text(report_markdown(report, self.content, visible)), id="report-now")
        yield Footer(compact=True)

    def _talks_heading(self) -> str:
        someone = self.content.text("plan", "ui", "talk_someone")
        return "\n".join(
            self.say("talk", id=talk.id, date=talk.created.date(), partner=talk.partner or someone)
            for talk in self.talks
        )

    def _options(self) -> list[tuple[Text, str]]:
        """One line to tick per insight, perspective and agreement, marked with its talk."""
        options = []
        for talk in self.talks:
            for key, line in report_lines(talk, self.state.agreements_of(talk)):
                kind = key.split(".")[0]
                label = self.say({"insights": "insight", "agreements": "agreement"}.get(kind, kind))
                options.append(
                    (Text(visible(f"{talk.id} · {label}: {line}")), f"{talk.uuid}|{key}")
                )
        return options

    def on_mount(self) -> None:
        found = self.query("#report-lines")
        if found:
            found.first().focus()

    def action_save(self) -> None:
        if not self.talks:
            self.post_message(Done())
            return
        ticked = [
            choice.partition("|") for choice in self.query_one("#report-lines", MarkedList).selected
        ]

        def decide(choice: str | None) -> None:
            if choice == "yes":
                self.mark_checked({(uuid, key) for uuid, _, key in ticked})

        choices = [
            ("no", self.content.text("reflect", "ui", "cancel")),
            ("yes", self.say("check_yes")),
        ]
        self.app.push_screen(ChoiceDialog(self.say("check_done"), "", choices, "no"), decide)

    def mark_checked(self, kept: set[tuple[str, str]]) -> None:
        """The talks are checked with the people involved: only the ticked lines stay."""
        for talk in self.talks:
            try:
                check_talk(
                    self.store, talk, [key for uuid, key in sorted(kept) if uuid == talk.uuid]
                )
            except VeerkrachtError as error:
                self.notify(self.content.on_screen(error.code, **error.params), severity="error")
                return
        ids = ", ".join(talk.id for talk in self.talks)
        text = self.say("checked", id=ids, count=len(kept))
        close = [("close", self.content.text("plan", "keys", "close"))]
        dialog = ChoiceDialog(self.say("saved_title"), text, close)
        self.app.push_screen(dialog, lambda _: self.post_message(Done()))


class ShareScreen(OnPlanState):
    """A progress share for the manager: nothing is chosen until you tick it; the
    preview shows exactly what the file will hold."""

    def compose(self) -> ComposeResult:
        say = self.content.text
        yield Static(say("plan", "share", "heading"), id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Static(say("plan", "share", "intro"), classes="explain", markup=False)
            available = sections_json(self.state, set(SECTIONS))["sections"]
            yield MarkedList(
                *[(say("plan", "sections", key), key) for key in SECTIONS if key in available],
                id="sections",
            )
            yield Static(id="share-preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#sections", MarkedList).focus()
        self.preview()

    def chosen(self) -> set[str]:
        return set(self.query_one("#sections", MarkedList).selected)

    def markdown(self, words: Callable[[str], str] = for_markdown) -> str:
        shared = sections_json(self.state, self.chosen())
        title = self.content.text("plan", "share", "title")
        return sections_markdown(shared, self.content, title, words=words)

    def preview(self) -> None:
        """What the file will say, the user's words as written (the file escapes them)."""
        if self.chosen():
            text = self.markdown(visible)
        else:
            text = self.content.text("plan", "share", "nothing")
        self.query_one("#share-preview", Static).update(Text(text))

    def on_selection_list_selected_changed(self, event: MarkedList.SelectedChanged) -> None:
        self.preview()

    def action_save(self) -> None:
        if not self.chosen():
            self.notify(self.content.text("plan", "share", "nothing"))
            return
        name = "voortgang-herstelplan.md" if self.content.language == "nl" else "recovery-plan.md"
        save_as_file(
            self,
            self.store.directory,
            self.content,
            title=self.content.text("prepare", "ui", "save_question"),
            explain=self.content.text("prepare", "ui", "save_explain"),
            default=documents_dir() / name,
            text=self.markdown,
            saved=lambda path: self.content.text("plan", "share", "saved", path=str(path)),
        )
