"""The recovery plan's forms: starting a plan, a dialogue talk (before and after), and
the evaluation at the end. Each validates and saves through the core and the store, the
same way `plan start`, `plan dialogue` and `plan evaluate --from` do."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Label, Static, TextArea

from veerkracht.content import Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.language import check
from veerkracht.core.model import now
from veerkracht.core.plan import (
    WORK_PLAN,
    Dialogue,
    Plan,
    parse_dialogue,
    parse_evaluation,
    parse_plan,
)
from veerkracht.core.questions import DIALOGUE, SAID_IN_TALK
from veerkracht.core.records import PILLARS
from veerkracht.core.textsafe import visible
from veerkracht.core.typed_dates import typed_day
from veerkracht.screens import question_fields as fields
from veerkracht.screens.base import Open
from veerkracht.screens.forms import FormScreen
from veerkracht.screens.widgets import LineInput, TextField
from veerkracht.services import plans
from veerkracht.store.store import Store

#: A dialogue talk's questions, before and after it, as plain mode asks them.
TALK = tuple(question for part in DIALOGUE.values() for question in part)
LIST_FIELDS = ("goals", *WORK_PLAN)


class PlanFormScreen(FormScreen):
    """A form of the plan: its words come from content/plan.toml, section `flow`."""

    section = ""

    def text(self, key: str, **params: Any) -> str:
        return self.content.text("plan", self.section, key, **params)

    def line(self, key: str) -> ComposeResult:
        yield Label(self.text(key), classes="field-label")
        yield LineInput(id=key)

    def done_saved(self, **params: Any) -> None:
        self.done(self.text("saved_title"), self.text("saved_text", **params))


class PlanStartScreen(PlanFormScreen):
    """A new plan: when, how long, who is involved, goals and the personal work plan."""

    flow = "plan_start"
    section = "start"

    def compose(self) -> ComposeResult:
        yield Static(self.text("heading"), id="progress", markup=False)
        yield Static(self.text("intro"), classes="explain form-intro", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            # Said before the plan starts: when it may not be the right help (seed 002).
            yield Static(
                self.content.text("plan", "ui", "suitable"), classes="explain", markup=False
            )
            for key in ("start", "weeks", "manager"):
                yield from self.line(key)
            yield from self.field("colleagues")
            yield from self.line("guide")
            for key in LIST_FIELDS:
                yield from self.field(key)
            yield from self.line("review")
            yield from self.field("private")
        yield Footer(compact=True)

    def first_field(self) -> Any:
        return self.query_one("#start", LineInput)

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in ("start", "review", "private"):
            if value := self.value(key):
                # A start is often in the recent past; a review lies ahead.
                ahead = key == "review"
                data[key] = (
                    value if key == "private" else typed_day(value, now().date(), ahead=ahead)
                )
        if weeks := self.value("weeks"):
            data["weeks"] = int(weeks) if weeks.isdigit() else weeks
        for key in LIST_FIELDS:
            if items := self.lines(key):
                data[key] = items
        people = (
            [{"role": "manager", "name": self.value("manager")}] if self.value("manager") else []
        )
        people += [{"role": "colleague", "name": name} for name in self.lines("colleagues")]
        if self.value("guide"):
            people.append({"role": "guide", "name": self.value("guide")})
        if people:
            data["people"] = people
        return data

    def fill(self, data: dict[str, Any]) -> None:
        for key in ("start", "review", "private", "weeks"):
            value = data.get(key)
            self.set_value(key, str(value) if isinstance(value, int) else value)
        for key in LIST_FIELDS:
            items = data.get(key)
            self.set_value(key, "\n".join(items) if isinstance(items, list) else "")
        people = data.get("people") if isinstance(data.get("people"), list) else []
        names: dict[str, list[str]] = {"manager": [], "colleague": [], "guide": []}
        for person in people:
            if isinstance(person, dict) and person.get("role") in names:
                names[person["role"]].append(str(person.get("name", "")))
        self.set_value("manager", ", ".join(names["manager"]))
        self.set_value("colleagues", "\n".join(names["colleague"]))
        self.set_value("guide", ", ".join(names["guide"]))

    def action_save(self) -> None:
        try:
            plan = plans.start_plan(self.store, parse_plan(self.collect(), now=now()))
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        self.done_saved(id=plan.id, weeks=plan.weeks, start=plan.start.isoformat())


class DialogueScreen(PlanFormScreen):
    """A dialogue talk with a colleague: what to understand and say before, what came
    out of it after. The language check helps with the sentences to say."""

    flow = "plan_dialogue"
    section = "dialogue"

    def __init__(
        self, store: Store, content: Content, plan: Plan, prepared: Dialogue | None = None
    ) -> None:
        self.plan = plan
        #: A talk saved earlier with only its preparation: what is written now completes it.
        self.prepared = prepared
        super().__init__(store, content)

    BINDINGS = [*PlanFormScreen.BINDINGS, Binding("ctrl+n", "new_talk", id="new-talk")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.prepared is not None if action == "new_talk" else True

    def draft_name(self) -> str:
        return f"{self.flow}-{self.prepared.uuid}" if self.prepared else self.flow

    def action_new_talk(self) -> None:
        """Not this unfinished talk but a new one: the unfinished one stays as it is
        (with what was typed now kept in its draft)."""
        self.keep_draft()
        self.post_message(Open("plan_dialogue_new", replace=True))

    @on(Button.Pressed, "#new-talk")
    def _new_talk_pressed(self) -> None:
        self.action_new_talk()

    def on_mount(self) -> None:
        if self.prepared is not None and not self.loaded_draft():
            record = self.prepared.to_record()
            self.fill(record | {"with": self.prepared.partner})
        super().on_mount()

    def compose(self) -> ComposeResult:
        week = self.prepared.week if self.prepared else self.plan.week(now().date())
        yield Static(self.text("heading", week=week), id="progress", markup=False)
        yield Static(self.text("intro"), classes="explain form-intro", markup=False)
        if self.prepared is not None:  # said, not silently reopened
            partner = self.prepared.partner or self.text("someone")
            said = self.text("continuing", week=self.prepared.week, partner=partner)
            with Horizontal(id="continuing"):
                yield Static(said, classes="suggestion", markup=False)
                yield Button(self.text("new_talk"), id="new-talk", compact=True)
        with VerticalScroll(classes="form", can_focus=False):
            for part, questions in DIALOGUE.items():
                yield Static(self.text(part), classes="question", markup=False)
                yield from fields.compose(self, questions)
                if part == "before":  # the tips on what you want to say, under it
                    yield Static(id="language-tips", classes="suggestion", markup=False)
        yield Footer(compact=True)

    def first_field(self) -> Any:
        return self.query_one(f"#{TALK[0].name}")

    def collect(self) -> dict[str, Any]:
        return fields.read(self, TALK)

    def fill(self, data: dict[str, Any]) -> None:
        fields.write(self, TALK, data)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        super().on_text_area_changed(event)
        if event.text_area.id in SAID_IN_TALK:
            self.show_language_tips()

    def show_language_tips(self) -> None:
        """The language check on what you want to say, as in the card editor."""
        said = [self.value(key) for key in SAID_IN_TALK]
        tips = [visible(finding.tip(self.content)) for finding in check(s for s in said if s)]
        shown = "\n".join(self.text("language_tip", tip=tip) for tip in tips)
        self.query_one("#language-tips", Static).update(shown)

    def action_save(self) -> None:
        try:
            talk, agreements = parse_dialogue(self.collect(), now=now())
        except ValidationError as error:
            self.refuse(error)
            return
        self.after_checking_dates(agreements, lambda: self.save(talk, agreements))

    def save(self, talk: Dialogue, agreements: list[Any]) -> None:
        try:
            today = now().date()
            saved = plans.save_dialogue(
                self.store, self.plan, talk, agreements, self.prepared, today
            )
            talk = saved.talk
        except VeerkrachtError as error:
            self.refuse(error)
            return
        self.done_saved(id=talk.id, week=talk.week)


class EvaluateScreen(PlanFormScreen):
    """Looking back on the whole plan: the four pillars, agreements that hold, what next.
    Saving it finishes the plan."""

    flow = "plan_evaluate"
    section = "evaluate"

    def __init__(self, store: Store, content: Content, plan: Plan) -> None:
        self.plan = plan
        super().__init__(store, content)

    def compose(self) -> ComposeResult:
        yield Static(self.text("heading"), id="progress", markup=False)
        yield Static(self.text("intro"), classes="explain form-intro", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            for key in PILLARS:
                label = self.content.text("after", "pillars", key, "label")
                yield Label(self.text("pillar", label=label), classes="field-label")
                yield TextField(id=f"pillar-{key}")
            yield from self.field("holding")
            yield from self.field("next")
        yield Footer(compact=True)

    def first_field(self) -> Any:
        return self.query_one(f"#pillar-{PILLARS[0]}", TextField)

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        pillars = {key: value for key in PILLARS if (value := self.value(f"pillar-{key}"))}
        if pillars:
            data["pillars"] = pillars
        for key in ("holding", "next"):
            if value := self.value(key):
                data[key] = value
        return data

    def fill(self, data: dict[str, Any]) -> None:
        pillars = data.get("pillars") if isinstance(data.get("pillars"), dict) else {}
        for key in PILLARS:
            self.set_value(f"pillar-{key}", pillars.get(key))
        for key in ("holding", "next"):
            self.set_value(key, data.get(key))

    def action_save(self) -> None:
        moment = now()
        try:
            evaluation = parse_evaluation(self.collect(), now=moment)
            plans.evaluate_plan(self.store, self.plan, evaluation, moment.date())
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        self.done_saved()
