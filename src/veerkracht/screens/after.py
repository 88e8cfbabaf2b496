"""After the conversation and the weekly check-in: short forms that call the core to
validate and save, the same way `followup --from` and `checkin --from` do."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Static

from veerkracht.content import Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.model import Entry, now
from veerkracht.core.questions import checkin_questions, followup_questions
from veerkracht.core.records import (
    Agreement,
    FollowUp,
    parse_checkin,
    parse_followup,
)
from veerkracht.core.textsafe import visible
from veerkracht.render.agreements import agreement_line
from veerkracht.screens import question_fields as fields
from veerkracht.screens.forms import FormScreen
from veerkracht.screens.widgets import MarkedList
from veerkracht.services.after_talk import save_checkin, save_followup
from veerkracht.store.store import Store


class FollowupScreen(FormScreen):
    """How the conversation about one entry went, what helped, what was agreed."""

    flow = "followup"

    def __init__(self, store: Store, content: Content, entry: Entry) -> None:
        self.entry = entry
        #: What is asked, as plain mode and `followup --from` ask it.
        self.questions = followup_questions(entry.help_notice)
        super().__init__(store, content)
        try:
            self.earlier = [f for f in store.followups() if f.entry == entry.uuid]
        except VeerkrachtError:
            self.earlier = []

    def earlier_lines(self) -> list[str]:
        """What was written after an earlier conversation about this reflection."""
        lines = []
        for followup in self.earlier:
            parts = [f"{followup.went}/5" if followup.went is not None else ""]
            parts.append(self.text(followup.as_feared) if followup.as_feared else "")
            if followup.helped:
                parts.append(self.text("earlier_helped", helped=visible(followup.helped)))
            if followup.next_step:
                parts.append(self.text("earlier_next", next=visible(followup.next_step)))
            said = " · ".join(part for part in parts if part)
            lines.append(self.text("earlier", date=followup.created.date(), said=said))
        return lines

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
            if self.earlier:
                yield Static("\n".join(self.earlier_lines()), classes="hint", markup=False)
            yield from fields.compose(self, self.questions)
        yield Footer(compact=True)

    def first_field(self) -> Any:
        return self.query_one(f"#{self.questions[0].name}")

    def collect(self) -> dict[str, Any]:
        return {"entry": self.entry.id, **fields.read(self, self.questions)}

    def fill(self, data: dict[str, Any]) -> None:
        fields.write(self, self.questions, data)

    def typed_something(self) -> bool:
        return len(self.collect()) > 1

    def action_save(self) -> None:
        try:
            followup, agreements, _ = parse_followup(self.collect(), now=now())
        except ValidationError as error:
            self.refuse(error)
            return
        self.after_checking_dates(agreements, lambda: self.save(followup, agreements))

    def save(self, followup: FollowUp, agreements: list[Agreement]) -> None:
        try:
            saved = save_followup(self.store, followup, agreements, self.entry, now().date())
        except VeerkrachtError as error:
            self.refuse(error)
            return
        message = self.text("saved_text")
        if saved.next_route is not None:
            more = self.content.text("safety", "more", "screen")
            route = self.text(saved.next_route)
            message += "\n\n" + self.text("gentle") + "\n" + route + " " + more
        self.done(self.text("saved_title"), message)


class CheckinScreen(FormScreen):
    """The weekly check-in: four questions, capacity and load, the open agreements, and
    the four pillars as an optional lens."""

    flow = "checkin"

    def __init__(self, store: Store, content: Content, agreements: list[Agreement]) -> None:
        self.open_agreements = [agreement for agreement in agreements if not agreement.done]
        # What is asked, as plain mode and `checkin --from` ask it; the agreements kept are
        # ticked off in a list of their own, between the week and the pillars.
        asked = [q for q in checkin_questions(()) if q.name != "kept"]
        self.week = tuple(q for q in asked if q.name != "pillars")
        self.lens = tuple(q for q in asked if q.name == "pillars")
        super().__init__(store, content)

    def compose(self) -> ComposeResult:
        yield Static(self.text("heading"), id="progress", markup=False)
        yield Static(self.text("intro"), classes="explain form-intro", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield from fields.compose(self, self.week)
            yield Label(self.text("kept"), classes="field-label")
            if self.open_agreements:
                yield MarkedList(
                    *[
                        (
                            Text(visible(f"{agreement.id} · {agreement_line(agreement)}")),
                            agreement.id,
                        )
                        for agreement in self.open_agreements
                    ],
                    id="kept",
                )
            else:
                yield Static(self.text("no_agreements"), classes="hint", markup=False)
            yield from fields.compose(self, self.lens)
        yield Footer(compact=True)

    def first_field(self) -> Any:
        return self.query_one(f"#{self.week[0].name}")

    def collect(self) -> dict[str, Any]:
        return fields.read(self, (*self.week, *self.lens))

    def fill(self, data: dict[str, Any]) -> None:
        fields.write(self, (*self.week, *self.lens), data)

    def kept(self) -> list[str]:
        found = self.query("#kept")
        return list(found.first(MarkedList).selected) if found else []

    def action_save(self) -> None:
        try:
            checkin = parse_checkin(self.collect(), now=now())
            save_checkin(self.store, checkin, self.kept())
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        self.done(self.text("saved_title"), self.text("saved_text"))
