"""After the conversation and the weekly check-in: short forms that call the core to
validate and save, the same way `followup --from` and `checkin --from` do."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Footer, Label, Static

from veerkracht.content import Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.model import Entry, now
from veerkracht.core.records import (
    AS_FEARED,
    CHECKIN_TEXTS,
    PILLARS,
    Agreement,
    FollowUp,
    parse_checkin,
    parse_followup,
)
from veerkracht.core.textsafe import visible
from veerkracht.render.agreements import agreement_line
from veerkracht.screens.forms import FormScreen
from veerkracht.screens.widgets import MarkedList, OneOf, Scale, TextField
from veerkracht.services.after_talk import save_checkin, save_followup
from veerkracht.store.store import Store


class FollowupScreen(FormScreen):
    """How the conversation about one entry went, what helped, what was agreed."""

    flow = "followup"

    def __init__(self, store: Store, content: Content, entry: Entry) -> None:
        self.entry = entry
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
            yield from self.agreement_rows()
            yield from self.field("next_step")
        yield Footer(compact=True)

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
        if agreements := self.agreements():
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
        self.fill_agreements(data.get("agreements"))

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
            yield MarkedList((self.text("too_much"), "too_much"), id="too_much")
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
            with Collapsible(title=self.text("pillars"), id="pillars"):
                for key in PILLARS:
                    label = self.content.text("after", "pillars", key, "label")
                    question = self.content.text("after", "pillars", key, "question")
                    yield Label(f"{label}: {question}", classes="field-label")
                    yield TextField(id=f"pillar-{key}")
        yield Footer(compact=True)

    def first_field(self) -> Any:
        return self.query_one("#went_well", TextField)

    def collect(self) -> dict[str, Any]:
        data: dict[str, Any] = {key: value for key in CHECKIN_TEXTS if (value := self.value(key))}
        for key in ("capacity", "load"):
            level = self.query_one(f"#{key}", Scale).value
            if level is not None:
                data[key] = level
        pillars = {key: value for key in PILLARS if (value := self.value(f"pillar-{key}"))}
        if pillars:
            data["pillars"] = pillars
        if self.query_one("#too_much", MarkedList).selected:
            data["too_much"] = True
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
        if data.get("too_much") is True:
            self.query_one("#too_much", MarkedList).select("too_much")

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
