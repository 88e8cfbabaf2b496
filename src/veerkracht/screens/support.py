"""Preparing to ask a colleague how it goes: what you noticed, and for managers the six
questions; saved, then the guide (the same as `support --from`)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Footer, Label, Static

from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.guide import build_guide
from veerkracht.core.model import now
from veerkracht.core.support_note import MAX_NAME, ROLES, manager_tips, parse_support, signal_keys
from veerkracht.screens.forms import FormScreen
from veerkracht.screens.widgets import LineInput, MarkedList, OneOf, TextField
from veerkracht.services.support_notes import save_support


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
        yield Footer(compact=True)

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
            note = save_support(self.store, parse_support(self.collect(), now=now())).note
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        guide = card_plain(build_guide(note, self.content))
        self.done(self.ui_text("saved", id=note.id), guide)
