"""The veiligheidsplan on screen (v on the home screen, F2 from the help notice): the seven
parts in the user's own words, the fixed help lines in part 5, saved through the same
service as `veerkracht safety`. Escape goes back to where it was opened from, with
everything there as it was."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Static

from veerkracht.content import Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.safety_plan import ANSWERS, PARTS, PROFESSIONAL_FIELDS
from veerkracht.screens.forms import FormScreen
from veerkracht.screens.keys import QUIT, SAVE
from veerkracht.screens.widgets import LineInput, TextField
from veerkracht.services.safety import current_safety_plan, save_safety_plan
from veerkracht.store.store import Store

#: Part 5's answers that fit on one line (a name and a number).
ONE_LINE = ("gp", "out_of_hours")


class SafetyScreen(FormScreen):
    """The safety plan as one form: what is saved comes back to change; ctrl+s saves."""

    flow = "safety"
    BINDINGS = [
        SAVE,
        Binding("escape", "quit_flow", id="back"),
        Binding("f1", "app.show_help('safety')", id="help"),
        QUIT,
    ]

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__(store, content)
        plan = current_safety_plan(store)
        #: The answers as saved: Escape asks first only when something differs.
        self.saved = plan.answers() if plan is not None else {}

    def words(self, *path: str, **params: Any) -> str:
        return self.content.text("safetyplan", *path, **params)

    def compose(self) -> ComposeResult:
        yield Static(self.words("ui", "heading"), id="progress", markup=False)
        with VerticalScroll(classes="form", can_focus=False):
            yield Static(self.words("ui", "intro"), classes="explain form-intro", markup=False)
            yield Static(self.words("ui", "private"), classes="hint", markup=False)
            for part in PARTS:
                yield Label(self.words("parts", part, "title"), classes="question")
                yield Static(self.words("parts", part, "question"), classes="hint", markup=False)
                if part == "professionals":
                    yield from self.professionals()
                else:
                    yield TextField(id=part)
        yield Footer(compact=True)

    def professionals(self) -> ComposeResult:
        yield Static(self.words("professionals", "fixed"), classes="tips", markup=False)
        for key in PROFESSIONAL_FIELDS:
            yield Label(self.words("professionals", key), classes="field-label")
            if key == "out_of_hours":
                hint = self.words("professionals", "out_of_hours_hint")
                yield Static(hint, classes="hint", markup=False)
            yield LineInput(id=key) if key in ONE_LINE else TextField(id=key)

    def on_mount(self) -> None:
        self.fill(self.saved)
        super().on_mount()  # a draft, when there is one, goes over what was saved

    def first_field(self) -> Any:
        return self.query_one(f"#{PARTS[0]}", TextField)

    def collect(self) -> dict[str, Any]:
        return {key: value for key in ANSWERS if (value := self.value(key))}

    def fill(self, data: dict[str, Any]) -> None:
        for key in ANSWERS:
            self.set_value(key, data.get(key))

    def typed_something(self) -> bool:
        return self.collect() != self.saved

    def check_words(self) -> None:
        """No help notice here: the plan itself says where to find help."""

    def action_save(self) -> None:
        try:
            save_safety_plan(self.store, self.collect(), now=now())
        except (ValidationError, VeerkrachtError) as error:
            self.refuse(error)
            return
        self.saved = self.collect()
        self.done(self.words("ui", "saved_title"), self.words("ui", "saved"))
