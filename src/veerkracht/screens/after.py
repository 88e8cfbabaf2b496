"""After the conversation and the weekly check-in: short forms that call the core to
validate and save, the same way `followup --from` and `checkin --from` do.

Every form keeps a draft while it is being filled in, so a closed terminal costs at
most the last second of typing; opening the form again brings the words back."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Collapsible, Footer, Input, Label, SelectionList, Static, TextArea

from veerkracht.content import Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.guide import build_guide
from veerkracht.core.model import Entry, now
from veerkracht.core.records import (
    AS_FEARED,
    CHECKIN_TEXTS,
    PILLARS,
    Agreement,
    parse_checkin,
    parse_followup,
)
from veerkracht.core.safety import words_need_notice
from veerkracht.core.support_note import MAX_NAME, ROLES, manager_tips, parse_support, signal_keys
from veerkracht.core.textsafe import visible
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.widgets import LineInput, MarkedList, OneOf, Scale, TextField
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

AGREEMENT_ROWS = 3
#: Typing pauses this long before the draft is kept.
DRAFT_DELAY = 0.8


class FormScreen(Screen[None]):
    """A one-page form: ctrl+s saves, Escape or ctrl+q stops (asking first when
    something was typed). What is typed is kept as a draft until it is saved."""

    flow = ""

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.draft = Draft(store, self.draft_name())
        self._typing: Timer | None = None
        self._bindings.bind("ctrl+s", "save", self.ui("save"))
        self._bindings.bind("escape", "quit_flow", self.ui("close"))
        self._bindings.bind("f1", "app.show_help('after')", self.content.text("home", "ui", "help"))

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

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def fill(self, data: dict[str, Any]) -> None:
        """Put a draft's answers back into the form."""
        raise NotImplementedError

    def typed_something(self) -> bool:
        return any(value not in (None, "", [], {}) for value in self.collect().values())

    def on_mount(self) -> None:
        saved = self.draft.load()
        if saved:
            self.fill(saved["answers"])
            self.notify(self.ui("draft_restored"))
        self.first_field().focus()

    def first_field(self) -> Any:
        raise NotImplementedError

    def refuse(self, error: VeerkrachtError) -> None:
        self.notify(self.content.message(error.code, **error.params), severity="error")

    def done(self, title: str, text: str) -> None:
        self._stop_typing()
        self.draft.clear()
        close = [("close", self.ui("close"))]
        dialog = ChoiceDialog(title, text, close)
        self.app.push_screen(dialog, lambda _: self.app.finish())

    def action_quit_flow(self) -> None:
        if not self.typed_something():
            self.draft.clear()
            self.app.finish()
            return

        def decide(choice: str | None) -> None:
            if choice == "discard":
                self._stop_typing()
                self.draft.clear()
                self.app.finish()

        choices = [("keep", self.ui("keep_writing")), ("discard", self.ui("discard"))]
        dialog = ChoiceDialog(self.ui("quit_question"), self.ui("quit_explain"), choices, "keep")
        self.app.push_screen(dialog, decide)

    # -- keeping the draft ----------------------------------------------------------------

    def check_words(self) -> None:
        """Words that speak of not wanting to live show where to find help (once)."""
        if words_need_notice(self.collect()):
            self.app.show_help_notice()  # type: ignore[attr-defined]

    def keep_draft(self) -> None:
        try:
            if self.typed_something():
                self.draft.save(self.collect(), 0, now())
            else:
                self.draft.clear()
        except VeerkrachtError as error:
            self.refuse(error)

    def _stop_typing(self) -> None:
        if self._typing is not None:
            self._typing.stop()
            self._typing = None

    def _typing_paused(self) -> None:
        self._typing = None
        self.keep_draft()
        self.check_words()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._stop_typing()
        self._typing = self.set_timer(DRAFT_DELAY, self._typing_paused)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.on_text_area_changed(event)  # type: ignore[arg-type]

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.keep_draft()

    def on_scale_changed(self, event: Scale.Changed) -> None:
        self.keep_draft()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, TextArea | Input):
            self.keep_draft()
            self.check_words()

    # -- moving on --------------------------------------------------------------------------

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
        self.entry = entry
        super().__init__(store, content)

    def draft_name(self) -> str:
        return f"followup-{self.entry.uuid}"

    def compose(self) -> ComposeResult:
        heading = self.text("heading", id=self.entry.id, date=self.entry.created.date())
        yield Static(heading, id="progress", markup=False)
        yield Static(self.text("intro"), classes="explain form-intro", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            if self.entry.fear:
                yield Static(
                    self.text("feared", fear=visible(self.entry.fear)),
                    classes="suggestion",
                    markup=False,
                )
            yield Label(self.text("went"), classes="field-label")
            yield Scale("—", id="went", low=1, high=5)
            yield Label(self.text("as_feared"), classes="field-label")
            yield OneOf(*[(self.text(key), key) for key in AS_FEARED], id="as_feared")
            if self.entry.help_notice:
                yield Label(self.text("talked"), classes="field-label")
                yield OneOf(
                    (self.text("talked_yes"), "yes"), (self.text("talked_no"), "no"), id="talked"
                )
            yield from self.field("helped")
            yield Label(self.text("agreements"), classes="field-label")
            for row in range(AGREEMENT_ROWS):
                with Horizontal(classes="agreement-row"):
                    yield LineInput(placeholder=self.text("what"), id=f"what-{row}", classes="what")
                    yield LineInput(placeholder=self.text("who"), id=f"who-{row}", classes="who")
                    yield LineInput(placeholder=self.text("due"), id=f"due-{row}", classes="due")
            yield from self.field("next_step")
        yield Footer()

    def first_field(self) -> Any:
        return self.query_one("#went", Scale)

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {"entry": self.entry.id}
        went = self.query_one("#went", Scale).value
        if went is not None:
            data["went"] = went
        if chosen := self.query_one("#as_feared", OneOf).chosen:
            data["as_feared"] = chosen
        talked = self.query("#talked")
        if talked and (answer := talked.first(OneOf).chosen):
            data["talked"] = answer == "yes"
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

    def fill(self, data: dict[str, Any]) -> None:
        went = data.get("went")
        self.query_one("#went", Scale).value = went if isinstance(went, int) else None
        self.query_one("#as_feared", OneOf).set_chosen(
            [data["as_feared"]] if data.get("as_feared") in AS_FEARED else []
        )
        for key in ("helped", "next_step"):
            self.set_value(key, data.get(key))
        talked = self.query("#talked")
        if talked and isinstance(data.get("talked"), bool):
            talked.first(OneOf).set_chosen(["yes" if data["talked"] else "no"])
        agreements = data.get("agreements")
        rows = agreements if isinstance(agreements, list) else []
        for row, agreement in enumerate(rows[:AGREEMENT_ROWS]):
            if isinstance(agreement, dict):
                for part in ("what", "who", "due"):
                    self.set_value(f"{part}-{row}", agreement.get(part))

    def typed_something(self) -> bool:
        return len(self.collect()) > 1

    def action_save(self) -> None:
        try:
            followup, agreements, _ = parse_followup(self.collect(), now=now())
            self.store.add_followup(followup, agreements, self.entry)
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        message = self.text("saved_text")
        if followup.went_badly():
            heavy = self.entry.help_notice or words_need_notice(self.collect())
            route = "next_route_heavy" if heavy else "next_route"
            message += "\n\n" + self.text("gentle") + "\n" + self.text(route)
        self.done(self.text("saved_title"), message)


class CheckinScreen(FormScreen):
    """The weekly check-in: four questions, capacity and load, the open agreements, and
    the four pillars as an optional lens."""

    flow = "checkin"

    def __init__(self, store: Store, content: Content, agreements: list[Agreement]) -> None:
        super().__init__(store, content)
        self.open_agreements = [agreement for agreement in agreements if not agreement.done]

    def compose(self) -> ComposeResult:
        yield Static(self.text("heading"), id="progress", markup=False)
        yield Static(self.text("intro"), classes="explain form-intro", markup=False)
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
                        (Text(visible(self._describe(agreement))), agreement.id)
                        for agreement in self.open_agreements
                    ],
                    id="kept",
                )
            else:
                yield Static(self.text("no_agreements"), classes="hint", markup=False)
            with Collapsible(title=self.text("pillars"), id="pillars"):
                for key in PILLARS:
                    label = self.content.text("after", "pillars", key, "label")
                    question = self.content.text("after", "pillars", key, "question")
                    yield Label(f"{label}: {question}", classes="field-label")
                    yield TextField(id=f"pillar-{key}")
        yield Footer()

    def first_field(self) -> Any:
        return self.query_one("#went_well", TextField)

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

    def fill(self, data: dict[str, Any]) -> None:
        for key in CHECKIN_TEXTS:
            self.set_value(key, data.get(key))
        for key in ("capacity", "load"):
            level = data.get(key)
            self.query_one(f"#{key}", Scale).value = level if isinstance(level, int) else None
        pillars = data.get("pillars")
        for key in PILLARS:
            self.set_value(f"pillar-{key}", pillars.get(key) if isinstance(pillars, dict) else "")
        if pillars:
            self.query_one("#pillars", Collapsible).collapsed = False

    def kept(self) -> list[str]:
        found = self.query("#kept")
        return list(found.first(MarkedList).selected) if found else []

    def action_save(self) -> None:
        try:
            checkin = parse_checkin(self.collect(), now=now())
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
        yield Static(self.ui_text("heading"), id="progress", markup=False)
        yield Static(self.ui_text("intro"), classes="explain form-intro", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Label(self.ui_text("name"), classes="field-label")
            yield LineInput(id="name", max_length=MAX_NAME)
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
            yield TextField(id="noticed")
            yield Label(self.ui_text("hybrid"), classes="field-label")
            yield OneOf((self.ui_text("yes"), "yes"), (self.ui_text("no"), "no"), id="hybrid")
            with Collapsible(title=self.ui_text("answers"), id="answers"):
                for key in manager_tips():
                    question = self.content.text("support", "manager", key, "question")
                    yield Label(question, classes="field-label")
                    yield TextField(id=f"answer-{key}")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#role", OneOf).set_chosen(["colleague"])
        super().on_mount()

    def first_field(self) -> Any:
        return self.query_one("#name", LineInput)

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

    def fill(self, data: dict[str, Any]) -> None:
        self.query_one("#role", OneOf).set_chosen([data.get("role") or "colleague"])
        for key in ("name", "noticed"):
            self.set_value(key, data.get(key))
        signals = data.get("signals")
        self.query_one("#signals", MarkedList).set_chosen(
            [key for key in signals if key in signal_keys()] if isinstance(signals, list) else []
        )
        self.query_one("#hybrid", OneOf).set_chosen(["yes"] if data.get("hybrid") else [])
        answers = data.get("answers")
        for key in manager_tips():
            self.set_value(f"answer-{key}", answers.get(key) if isinstance(answers, dict) else "")
        if answers:
            self.query_one("#answers", Collapsible).collapsed = False

    def typed_something(self) -> bool:
        data = self.collect()
        return any(data.get(key) for key in ("name", "noticed", "signals", "answers"))

    def action_save(self) -> None:
        from veerkracht.render.cards import card_plain

        try:
            note = self.store.add_support(parse_support(self.collect(), now=now()))
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        guide = card_plain(build_guide(note, self.content))
        self.done(self.ui_text("saved", id=note.id), guide)
