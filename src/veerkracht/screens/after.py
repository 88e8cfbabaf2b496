"""After the conversation and the weekly check-in: short forms that call the core to
validate and save, the same way `followup --from` and `checkin --from` do."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Input, Label, Static

from veerkracht.content import Content
from veerkracht.errors import ValidationError, VeerkrachtError
from veerkracht.model import MAX_TEXT, Entry
from veerkracht.records import (
    AS_FEARED,
    CHECKIN_TEXTS,
    PILLARS,
    Agreement,
    parse_checkin,
    parse_followup,
)
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.widgets import MarkedList, OneOf, Scale
from veerkracht.storage import Store
from veerkracht.support import (
    MAX_NAME,
    ROLES,
    build_guide,
    manager_tips,
    parse_support,
    signal_keys,
)

AGREEMENT_ROWS = 3


class FormScreen(Screen[None]):
    """A one-page form: ctrl+s saves, Escape or ctrl+q stops (asking first when
    something was typed)."""

    flow = ""

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self._bindings.bind("ctrl+s", "save", self.ui("save"))
        self._bindings.bind("escape", "quit_flow", self.ui("close"))
        self._bindings.bind("f1", "app.show_help('after')", self.content.text("home", "ui", "help"))

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("after", "ui", key, **params)

    def text(self, key: str, **params: Any) -> str:
        return self.content.text("after", self.flow, key, **params)

    def field(self, key: str) -> ComposeResult:
        yield Label(self.text(key), classes="field-label")
        yield Input(id=key, max_length=MAX_TEXT)

    def value(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value.strip()

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def typed_something(self) -> bool:
        return any(value not in (None, "", [], {}) for value in self.collect().values())

    def refuse(self, error: VeerkrachtError) -> None:
        self.notify(self.content.message(error.code, **error.params), severity="error")

    def done(self, title: str, text: str) -> None:
        close = [("close", self.ui("close"))]
        dialog = ChoiceDialog(title, text, close)
        self.app.push_screen(dialog, lambda _: self.app.finish())

    def action_quit_flow(self) -> None:
        if not self.typed_something():
            self.app.finish()
            return
        choices = [("keep", self.ui("keep_writing")), ("discard", self.ui("discard"))]
        dialog = ChoiceDialog(self.ui("quit_question"), self.ui("quit_explain"), choices, "keep")
        self.app.push_screen(
            dialog, lambda choice: self.app.finish() if choice == "discard" else None
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_next_step(self) -> None:
        """Enter in a list or on a scale moves on to the next field."""
        self.focus_next()


class FollowupScreen(FormScreen):
    """How the conversation about one entry went, what helped, what was agreed."""

    flow = "followup"

    def __init__(self, store: Store, content: Content, entry: Entry) -> None:
        super().__init__(store, content)
        self.entry = entry

    def compose(self) -> ComposeResult:
        heading = self.text("heading", id=self.entry.id, date=self.entry.created.date())
        yield Static(heading, id="progress")
        yield Static(self.text("intro"), classes="explain form-intro")
        with VerticalScroll(classes="form", can_focus=False):
            if self.entry.fear:
                yield Static(self.text("feared", fear=self.entry.fear), classes="suggestion")
            yield Label(self.text("went"), classes="field-label")
            yield Scale("—", id="went", low=1, high=5)
            yield Label(self.text("as_feared"), classes="field-label")
            yield OneOf(*[(self.text(key), key) for key in AS_FEARED], id="as_feared")
            yield from self.field("helped")
            yield Label(self.text("agreements"), classes="field-label")
            for row in range(AGREEMENT_ROWS):
                with Horizontal(classes="agreement-row"):
                    yield Input(placeholder=self.text("what"), id=f"what-{row}", classes="what")
                    yield Input(placeholder=self.text("who"), id=f"who-{row}", classes="who")
                    yield Input(placeholder=self.text("due"), id=f"due-{row}", classes="due")
            yield from self.field("next_step")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#went", Scale).focus()

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {"entry": self.entry.id}
        went = self.query_one("#went", Scale).value
        if went is not None:
            data["went"] = went
        if chosen := self.query_one("#as_feared", OneOf).chosen:
            data["as_feared"] = chosen
        for key in ("helped", "next_step"):
            if value := self.value(key):
                data[key] = value
        agreements = []
        for row in range(AGREEMENT_ROWS):
            what, who, due = (self.value(f"{part}-{row}") for part in ("what", "who", "due"))
            if what or who or due:
                agreements.append({"what": what, "who": who, "due": due or None})
        if agreements:
            data["agreements"] = agreements
        return data

    def typed_something(self) -> bool:
        return len(self.collect()) > 1

    def action_save(self) -> None:
        try:
            followup, agreements, _ = parse_followup(self.collect())
            self.store.add_followup(followup, agreements, self.entry)
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        message = self.text("saved_text")
        if followup.as_feared == "worse" or (followup.went or 5) <= 2:
            message += "\n" + self.text("gentle")
        self.done(self.text("saved_title"), message)


class CheckinScreen(FormScreen):
    """The weekly check-in: four questions, capacity and load, the open agreements, and
    the four pillars as an optional lens."""

    flow = "checkin"

    def __init__(self, store: Store, content: Content, agreements: list[Agreement]) -> None:
        super().__init__(store, content)
        self.open_agreements = [agreement for agreement in agreements if not agreement.done]

    def compose(self) -> ComposeResult:
        yield Static(self.text("heading"), id="progress")
        yield Static(self.text("intro"), classes="explain form-intro")
        with VerticalScroll(classes="form", can_focus=False):
            for key in CHECKIN_TEXTS:
                yield from self.field(key)
            for key in ("capacity", "load"):
                yield Label(self.text(key), classes="field-label")
                yield Scale("—", id=key)
            yield Label(self.text("kept"), classes="field-label")
            if self.open_agreements:
                yield MarkedList(
                    *[
                        (self._describe(agreement), agreement.id)
                        for agreement in self.open_agreements
                    ],
                    id="kept",
                )
            else:
                yield Static(self.text("no_agreements"), classes="hint")
            with Collapsible(title=self.text("pillars"), id="pillars"):
                for key in PILLARS:
                    label = self.content.text("after", "pillars", key, "label")
                    question = self.content.text("after", "pillars", key, "question")
                    yield Label(f"{label}: {question}", classes="field-label")
                    yield Input(id=f"pillar-{key}", max_length=MAX_TEXT)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#went_well", Input).focus()

    @staticmethod
    def _describe(agreement: Agreement) -> str:
        parts = [agreement.what, agreement.who, agreement.due.isoformat() if agreement.due else ""]
        return f"{agreement.id} · " + " · ".join(part for part in parts if part)

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {key: value for key in CHECKIN_TEXTS if (value := self.value(key))}
        for key in ("capacity", "load"):
            level = self.query_one(f"#{key}", Scale).value
            if level is not None:
                data[key] = level
        pillars = {key: value for key in PILLARS if (value := self.value(f"pillar-{key}"))}
        if pillars:
            data["pillars"] = pillars
        return data

    def kept(self) -> list[str]:
        found = self.query("#kept")
        return list(found.first(MarkedList).selected) if found else []

    def action_save(self) -> None:
        try:
            checkin = parse_checkin(self.collect())
            self.store.add_checkin(checkin, self.kept())
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        self.done(self.text("saved_title"), self.text("saved_text"))


class SupportScreen(FormScreen):
    """Preparing to check in with someone: what you noticed, and for managers the six
    questions; saving shows the one-page guide."""

    flow = "support"

    def ui_text(self, key: str, **params: Any) -> str:
        return self.content.text("support", "ui", key, **params)

    def compose(self) -> ComposeResult:
        yield Static(self.ui_text("heading"), id="progress")
        yield Static(self.ui_text("intro"), classes="explain form-intro")
        with VerticalScroll(classes="form", can_focus=False):
            yield Label(self.ui_text("name"), classes="field-label")
            yield Input(id="name", max_length=MAX_NAME)
            yield Label(self.ui_text("role"), classes="field-label")
            yield OneOf(*[(self.ui_text(role), role) for role in ROLES], id="role")
            yield Label(self.ui_text("signals"), classes="field-label")
            yield MarkedList(
                *[
                    (self.content.text("support", "signals", key, "label"), key)
                    for key in signal_keys()
                ],
                id="signals",
            )
            yield Label(self.ui_text("noticed"), classes="field-label")
            yield Input(id="noticed", max_length=MAX_TEXT)
            yield Label(self.ui_text("hybrid"), classes="field-label")
            yield OneOf((self.ui_text("yes"), "yes"), (self.ui_text("no"), "no"), id="hybrid")
            with Collapsible(title=self.ui_text("answers"), id="answers"):
                for key in manager_tips():
                    question = self.content.text("support", "manager", key, "question")
                    yield Label(question, classes="field-label")
                    yield Input(id=f"answer-{key}", max_length=MAX_TEXT)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#role", OneOf).set_chosen(["colleague"])
        self.query_one("#name", Input).focus()

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {"role": self.query_one("#role", OneOf).chosen or "colleague"}
        for key in ("name", "noticed"):
            if value := self.value(key):
                data[key] = value
        if signals := self.query_one("#signals", MarkedList).selected:
            data["signals"] = [key for key in signal_keys() if key in signals]
        data["hybrid"] = self.query_one("#hybrid", OneOf).chosen == "yes"
        answers = {key: value for key in manager_tips() if (value := self.value(f"answer-{key}"))}
        if answers:
            data["answers"] = answers
        return data

    def typed_something(self) -> bool:
        data = self.collect()
        return any(data.get(key) for key in ("name", "noticed", "signals", "answers"))

    def action_save(self) -> None:
        from veerkracht.render import card_plain

        try:
            note = self.store.add_support(parse_support(self.collect()))
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        guide = card_plain(build_guide(note, self.content))
        self.done(self.ui_text("saved", id=note.id), guide)
