"""The reflection's first step: start, carry on with a draft, start over (the draft is
set aside, never deleted), or take back a draft set aside earlier (by starting over, or
by not keeping it when quitting)."""

from __future__ import annotations

from typing import Any, Protocol

from textual import on
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.reflection import STEPS
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.reflect_fields import step_text
from veerkracht.store.drafts import Draft, SetAside, saved_at, step_of


class Reflection(Protocol):
    """What the welcome needs of the reflection it opens (the screen)."""

    @property
    def started(self) -> bool:
        """A reflection is under way in this session (its words are in the widgets)."""
        ...

    async def begin(self, answers: dict[str, Any], step: int) -> None:
        """Start from `answers` at step `step`."""
        ...

    async def go_to(self, index: int) -> None:
        """Show step `index`."""
        ...

    def refuse(self, error: VeerkrachtError) -> None:
        """Say why something could not be done."""
        ...


class Welcome(Vertical):
    """What the welcome offers depends on where the person is: under way, a draft
    waiting, drafts set aside earlier, or a fresh start."""

    def __init__(self, content: Content, draft: Draft, reflection: Reflection) -> None:
        self.content = content
        self.draft = draft
        #: Why the draft could not be read (a link elsewhere), said once the screen shows.
        self.refused: VeerkrachtError | None = None
        #: The draft found when the screen opened (None once it is taken up or set aside).
        self.saved_draft: dict[str, Any] | None = None
        try:
            self.saved_draft = draft.load()
        except VeerkrachtError as error:
            self.refused = error
        self.reflection = reflection
        words = self.ui
        fields = VerticalScroll(
            Static(self.step_text("help"), classes="welcome-text", markup=False),
            Static(id="draft-info", markup=False),
            Horizontal(classes="welcome-buttons", id="welcome-buttons"),
            Label(words("set_aside_title"), classes="field-label", id="aside-label"),
            OptionList(id="aside-list"),
            classes="fields",
            id="fields-welcome",
            can_focus=False,
        )
        super().__init__(
            Static(self.step_text("question"), classes="question", markup=False),
            Static(self.step_text("explain"), classes="explain", markup=False),
            fields,
            id="step-welcome",
            classes="step",
        )

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("reflect", "ui", key, **params)

    def step_text(self, key: str) -> str:
        return step_text(self.content, "welcome", key)

    async def continue_reflection(self) -> None:
        """The welcome step's main way on: carry on with what is under way, else with the
        draft, else start."""
        if self.reflection.started:
            await self.reflection.go_to(1)
        elif self.saved_draft:
            await self._resume(self.saved_draft)
        else:
            await self.reflection.begin({}, 1)

    async def _resume(self, draft: dict[str, Any]) -> None:
        await self.reflection.begin(draft["answers"], step_of(draft, len(STEPS)))

    def _ask_start_over(self) -> None:
        """Starting over sets the draft aside (never deletes it); asked first, with going
        back to the draft as the choice that has the focus."""

        async def decide(choice: str | None) -> None:
            if choice != "start_over":
                return
            try:
                self.draft.set_aside(now())
            except VeerkrachtError as error:
                self.reflection.refuse(error)
                return
            self.saved_draft = None
            await self.reflection.begin({}, 1)

        self.app.push_screen(
            ChoiceDialog(
                self.ui("start_over_question"),
                self.ui("start_over_explain"),
                [("keep", self.ui("back_to_draft")), ("start_over", self.ui("start_over"))],
                cancel="keep",
            ),
            decide,
        )

    async def _take_back(self, aside: SetAside) -> None:
        """Carry on with a draft set aside earlier (the current one is set aside)."""
        try:
            self.draft.take_back(aside.path, now())
        except VeerkrachtError as error:
            self.reflection.refuse(error)
            return
        self.saved_draft = None
        await self._resume(aside.draft)

    def _describe_draft(self, draft: dict[str, Any], key: str) -> str:
        when = saved_at(draft)
        step = step_of(draft, len(STEPS))
        return self.ui(
            key,
            when=when.strftime("%d-%m-%Y %H:%M") if when else "?",
            number=step + 1,
            title=step_text(self.content, STEPS[step], "title"),
        )

    async def show(self) -> None:
        """Offer what fits where the person is (called each time the welcome shows)."""
        started = self.reflection.started
        buttons = self.query_one("#welcome-buttons", Horizontal)
        await buttons.remove_children()
        info = ""
        if started:
            info = self.ui("in_progress")
            await buttons.mount(Button(self.ui("carry_on"), id="carry-on", variant="primary"))
        elif self.saved_draft:
            info = self._describe_draft(self.saved_draft, "draft_found")
            await buttons.mount(
                Button(self.ui("resume"), id="resume", variant="primary"),
                Button(self.ui("start_over"), id="start-over"),
            )
        else:
            await buttons.mount(Button(self.ui("start"), id="start", variant="primary"))
        self.query_one("#draft-info", Static).update(info)
        self.query_one("#draft-info").display = bool(info)
        aside = [] if started else self._set_aside()
        # Someone coming back has read the welcome before: what they left comes first.
        self.query_one(".welcome-text").display = not (info or aside)
        self.query_one("#aside-label").display = bool(aside)
        aside_list = self.query_one("#aside-list", OptionList)
        aside_list.display = bool(aside)
        aside_list.set_options(
            Option(self._describe_draft(item.draft, "set_aside_line"), id=str(item.path))
            for item in aside
        )
        aside_list.highlighted = 0 if aside else None

    def _set_aside(self) -> list[SetAside]:
        try:
            return self.draft.set_aside_drafts(now())
        except VeerkrachtError:
            return []

    @on(Button.Pressed, "#start, #carry-on, #resume")
    async def _continue_pressed(self) -> None:
        await self.continue_reflection()

    @on(Button.Pressed, "#start-over")
    def _start_over_pressed(self) -> None:
        self._ask_start_over()

    @on(OptionList.OptionSelected, "#aside-list")
    async def _aside_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next(
            (item for item in self._set_aside() if str(item.path) == event.option.id), None
        )
        if chosen is not None:
            await self._take_back(chosen)
