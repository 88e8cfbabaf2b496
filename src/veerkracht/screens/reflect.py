"""The guided reflection: twelve steps on one screen, a draft kept after each.

The screen moves between the steps and gathers answers. It is made of parts, each in
its own module: the welcome (`reflect_welcome.Welcome`), the other steps and their
answers (`reflect_steps.Steps`, fields in `reflect_fields`), keeping the draft
(`drafts.DraftKeeper`), saving and quitting (`reflect_ending.Ending`). Validation,
suggestions and the decision to show the help notice live in the core.
"""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    ContentSwitcher,
    Footer,
    OptionList,
    SelectionList,
    Static,
    TextArea,
)

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.core.reflection import SHORT_STEPS, STEPS
from veerkracht.screens import forms
from veerkracht.screens.base import Done, HelpNoticeWanted, SpeaksLanguage
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.drafts import DraftKeeper
from veerkracht.screens.keys import HELP, QUIT, SAVE
from veerkracht.screens.reflect_ending import Ending, HelpCheck
from veerkracht.screens.reflect_fields import first_empty_ask, show_ask_slots, step_text
from veerkracht.screens.reflect_steps import Steps
from veerkracht.screens.reflect_welcome import Welcome
from veerkracht.screens.widgets import Choices, Examples, Scale
from veerkracht.store.drafts import Draft, saved_at, step_of
from veerkracht.store.store import Store


class ReflectScreen(SpeaksLanguage, Screen[None]):
    """Feelings, triggers, impact, relations, fear, help, barriers, audience,
    boundaries and asks, then a summary to save."""

    BINDINGS = [
        Binding("escape", "back", id="back"),
        Binding("ctrl+n", "go_next", id="next"),
        SAVE,
        Binding("ctrl+o", "to_summary", id="to-summary"),
        HELP,
        QUIT,
    ]

    def __init__(
        self,
        store: Store,
        content: Content,
        draft: Draft,
        editing: Entry | None = None,
        *,
        short: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.content = content
        #: A saved reflection being changed (its own draft), or None for a new one.
        self.editing = editing
        #: The short reflection (four steps, then the card) or the whole one.
        self.short = short
        self.route = SHORT_STEPS if short else STEPS
        #: The first step; it reads the draft.
        self.welcome = Welcome(content, draft, self)
        self.index = 0
        #: Kept once a reflection is under way (see `started`), after every step and
        #: choice and when typing pauses.
        self.keeper = DraftKeeper(
            self,
            content,
            draft,
            answers=self.collect,
            delay=forms.DRAFT_DELAY,
            check=self._check_wellbeing,
            step=lambda: self.index or 1,
            active=False,
        )
        #: The steps built so far, and their answers.
        self.steps = Steps(self, content, self.keep_draft, short=short)
        #: Whether the answers ask for the help notice (remembered on the entry).
        self.help = HelpCheck(store)
        self.ending = Ending(self, store, content, self.keeper, self.help, editing, short=short)
        #: A step reopened from the summary: Next goes back to it.
        self.return_to_summary = False

    @property
    def started(self) -> bool:
        """A reflection is under way in this session (its words are in the widgets)."""
        return self.keeper.active

    @started.setter
    def started(self, value: bool) -> None:
        self.keeper.active = value

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("reflect", "ui", key, **params)

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="progress", markup=False)
        # Only the welcome step is built now; each other step when it is first shown.
        with ContentSwitcher(initial="step-welcome", id="steps"):
            yield self.welcome
        with Horizontal(id="nav"):
            yield Button(self.ui("back"), id="back", compact=True)
            yield Button(self.ui("next"), id="next", compact=True, variant="primary")
            save = self.ui("short_save" if self.short else "save")
            yield Button(save, id="save", compact=True, variant="success")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        if self.short:
            await self._start_short()
        else:
            await self._show(0)
        if self.welcome.refused is not None:
            self.keeper.refuse(self.welcome.refused)
        if self.editing is not None:  # straight to the summary, every answer in place
            self.started = True
            saved = self.welcome.saved_draft or {}
            self.apply(saved.get("answers") or self.editing.answers())
            await self.go_to(STEPS.index("summary"))
            entry = self.editing
            self.notify(self.ui("editing", id=entry.id, date=entry.created.date()))

    async def _start_short(self) -> None:
        """The short reflection starts at once, no welcome: a draft of it carries on
        where it was, and says so."""
        self.started = True
        step, draft = STEPS.index(self.route[0]), self.welcome.saved_draft
        if draft:
            self.apply(draft["answers"])
            saved = step_of(draft, len(STEPS))
            step = saved if STEPS[saved] in self.route else step
            when = saved_at(draft)
            self.notify(
                self.ui("short_resumed", when=when.strftime("%d-%m %H:%M") if when else "?")
            )
        await self.go_to(step)

    async def begin(self, answers: dict[str, Any], step: int) -> None:
        """A reflection begins (from the welcome): from `answers`, at step `step`."""
        self.started = True
        self.apply(answers)
        await self.go_to(step)

    def refuse(self, error: VeerkrachtError) -> None:
        self.keeper.refuse(error)

    # -- answers (see Steps) -------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        """The answers so far, in the answers-file schema (empty ones left out)."""
        return self.steps.collect()

    def apply(self, answers: dict[str, Any]) -> None:
        """Start from saved answers (a draft), filling the steps already built."""
        self.steps.apply(answers)

    # -- moving between steps -------------------------------------------------------------

    @property
    def step(self) -> str:
        return STEPS[self.index]

    async def _show(self, index: int) -> None:
        self.collect()
        await self.steps.build(STEPS[index])
        self.index = index
        self.query_one(ContentSwitcher).current = f"step-{self.step}"
        self.query_one("#progress", Static).update(self.steps.progress(self.step, self.route))
        last = self.step == self.route[-1]
        self.query_one("#nav").display = self.step != "welcome"
        self.query_one("#next").display = not last
        self.query_one("#save").display = last
        if self.step == "welcome":
            await self.welcome.show()
        else:
            self.steps.enter(self.step)
        if self.step == "summary":
            self.return_to_summary = False
        self.refresh_bindings()
        self._focus_first()

    def _fields(self) -> list[Widget]:
        """The current step's widgets that take input, in order."""
        container = self.query_one(f"#step-{self.step}")
        found = container.query("OptionList, Scale, TextArea, Button")
        return [widget for widget in found if widget.focusable and widget.display]

    def _focus_first(self) -> None:
        """Focus the step's first field at once (not later), so keys typed ahead land in
        the new step."""
        fields = self._fields()
        if self.step == "asks" and self.collect().get("asks"):  # on with what was written
            fields = [first_empty_ask(self)]
        if fields:
            self.set_focus(fields[0])
            # A step just built is laid out after this: then the focus is scrolled to.
            self.call_after_refresh(fields[0].scroll_visible, animate=False)

    async def go_to(self, index: int) -> None:
        """Show step `index` and keep the draft."""
        await self._show(index)
        self.keep_draft()

    def keep_draft(self) -> None:
        """Save what is typed so far (after every step, choice and pause in typing)."""
        self.keeper.keep()

    async def action_next_step(self) -> None:
        """Enter in a list or on the scale: the step's next field, after the last one
        the next step. (In a text field Enter starts a new line.)"""
        fields = self._fields()
        focused = self.focused
        if self.step not in ("welcome", "summary") and focused in fields:
            position = fields.index(focused)
            if position + 1 < len(fields):
                self.set_focus(fields[position + 1])
                return
        await self.action_go_next()

    async def action_go_next(self) -> None:
        """On to the next step (ctrl+n, the Next button)."""
        if self.step == "welcome":
            await self.welcome.continue_reflection()
        elif self.step == "summary":
            self.action_save()
        elif self.step == "feelings" and not self.query_one("#feelings", Choices).selected:
            self.notify(self.ui("need_feeling"))
        elif self.short and self.step == self.route[-1]:
            self.action_save()
        elif self.return_to_summary:
            await self.go_to(STEPS.index("summary"))
        else:
            await self.go_to(STEPS.index(self.route[self.route.index(self.step) + 1]))

    async def action_back(self) -> None:
        """A step back; on the welcome step (nothing typed there, the draft is kept on
        disk), back to where the reflection was opened from."""
        position = self.route.index(self.step)
        if position > 0:
            await self.go_to(STEPS.index(self.route[position - 1]))
        elif len(self.app.screen_stack) > 2:
            self.keep_draft()
            self.post_message(Done())

    async def action_to_summary(self) -> None:
        await self.go_to(STEPS.index("summary"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":  # from any step: the rest stays empty, as skipping would
            return self.step != "welcome"
        if action == "to_summary":
            return self.return_to_summary and self.step != "summary"
        if action == "back":
            return self.step != self.route[0] or len(self.app.screen_stack) > 2
        if action == "go_next":
            return self.step != self.route[-1] or self.short
        return True

    # -- events ---------------------------------------------------------------------------

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_go_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Scale.Changed)
    def _intensity_changed(self, event: Scale.Changed) -> None:
        self.keeper.chose()
        self._check_wellbeing()

    @on(SelectionList.SelectedChanged)
    def _choice_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.keeper.chose()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        """While typing: the draft is kept (and the words checked) after a short pause,
        so a closed terminal loses at most the last second of typing."""
        self.keeper.typed()
        if self.step == "asks":
            show_ask_slots(self)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.keeper.blurred(event.widget)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """In the asks step the hint says what the keys do where the focus is."""
        if self.step == "asks":
            self.steps.say_asks_keys(on_examples=isinstance(event.widget, Examples))

    @on(OptionList.OptionSelected, "#summary-list")
    async def _reopen_step(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in STEPS:
            await self.go_to(STEPS.index(event.option.id))
            self.return_to_summary = True
            self.refresh_bindings()

    # -- help, safety, saving and quitting ----------------------------------------------------

    def action_help(self) -> None:
        title = step_text(self.content, self.step, "title")
        text = step_text(self.content, self.step, "help")
        self.app.push_screen(ChoiceDialog(title, text, [("close", self.ui("close"))]))

    def _check_wellbeing(self) -> None:
        """Show where to find help when the answers ask for it (once per session); the
        reflection remembers it, to carry it forward gently."""
        if not self.started or self.help.heavy:
            return
        if self.help.due(self.collect()):
            self.post_message(HelpNoticeWanted())

    def action_save(self) -> None:
        """Save (ctrl+s) from the summary, or early from any step (see Ending)."""
        if self.step != "welcome":
            self.ending.save_asked(early=self.step != "summary")

    def action_quit_flow(self) -> None:
        self.ending.quit_asked()
