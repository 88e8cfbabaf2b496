"""The guided reflection: twelve steps on one screen, a draft kept after each.

The screen only gathers answers; validation, saving, suggestions and the decision
to show the help notice all live in the core.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import (
    Button,
    ContentSwitcher,
    Footer,
    Label,
    OptionList,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry, now, parse_answers
from veerkracht.core.reflection import (
    SHORT_LEFT_OUT,
    SHORT_STEPS,
    STEPS,
    answered_steps,
    summary,
)
from veerkracht.core.safety import free_texts, needs_notice
from veerkracht.core.textsafe import visible
from veerkracht.screens import forms
from veerkracht.screens.base import (
    Done,
    HelpNoticeWanted,
    Open,
    Saved,
    SpeaksLanguage,
    quit_binding,
)
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.drafts import DraftKeeper
from veerkracht.screens.reflect_fields import (
    STEP_LAYOUT,
    answers_of,
    first_empty_ask,
    show_ask_slots,
)
from veerkracht.screens.reflect_steps import StepViews
from veerkracht.screens.widgets import Choices, Scale
from veerkracht.store.drafts import Draft, saved_at, step_of
from veerkracht.store.store import Store

MULTI_CHOICES = ("feelings", "triggers", "impact", "support", "barriers")
ASK_SLOTS = 5


class ReflectScreen(SpeaksLanguage, StepViews):
    """Feelings, triggers, impact, relations, fear, help, barriers, audience,
    boundaries and asks, then a summary to save."""

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
        self.draft = draft
        #: A saved reflection being changed (its own draft), or None for a new one.
        self.editing = editing
        #: The short reflection (four steps, then the card) or the whole one.
        self.short = short
        self.route = SHORT_STEPS if short else STEPS
        #: Why the draft could not be read (a link elsewhere), said once the screen shows.
        self.draft_refused: VeerkrachtError | None = None
        try:
            self.saved_draft = draft.load()
        except VeerkrachtError as error:
            self.saved_draft, self.draft_refused = None, error
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
        self.return_to_summary = False
        self.audience_suggested = False
        self.answers: dict[str, Any] = {}
        self.composed: set[str] = {"welcome"}
        self._recent: list[tuple[Any, int | None]] | None = None
        #: The help notice was due for this reflection (remembered on the entry).
        self.heavy = False

    @property
    def started(self) -> bool:
        """A reflection is under way in this session (its words are in the widgets)."""
        return self.keeper.active

    @started.setter
    def started(self, value: bool) -> None:
        self.keeper.active = value

    # -- words ----------------------------------------------------------------------

    @classmethod
    def bindings(cls, content: Content) -> list[Binding]:
        def ui(key: str) -> str:
            return content.text("reflect", "ui", key)

        return [
            Binding("escape", "back", ui("back"), id="back"),
            Binding("ctrl+n", "go_next", ui("next"), id="next"),
            Binding("ctrl+s", "save", ui("save"), id="save"),
            Binding("ctrl+o", "to_summary", ui("to_summary"), id="to-summary"),
            Binding("f1", "help", ui("help"), id="help"),
            quit_binding(ui("quit")),
        ]

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="progress", markup=False)
        # Only the welcome step is built now; each other step when it is first shown.
        with (
            ContentSwitcher(initial="step-welcome", id="steps"),
            Vertical(id="step-welcome", classes="step"),
        ):
            yield Static(self.step_text("welcome", "question"), classes="question", markup=False)
            yield Static(self.step_text("welcome", "explain"), classes="explain", markup=False)
            with VerticalScroll(classes="fields", id="fields-welcome", can_focus=False):
                yield Static(
                    self.step_text("welcome", "help"), classes="welcome-text", markup=False
                )
                yield Static(id="draft-info", markup=False)
                yield Horizontal(classes="welcome-buttons", id="welcome-buttons")
                yield Label(self.ui("set_aside_title"), classes="field-label", id="aside-label")
                yield OptionList(id="aside-list")
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
        if self.draft_refused is not None:
            self.refuse(self.draft_refused)
        if self.editing is not None:  # straight to the summary, every answer in place
            self.started = True
            self.apply((self.saved_draft or {}).get("answers") or self.editing.answers())
            await self.go_to(STEPS.index("summary"))
            entry = self.editing
            self.notify(self.ui("editing", id=entry.id, date=entry.created.date()))

    async def _start_short(self) -> None:
        """The short reflection starts at once, no welcome: a draft of it carries on
        where it was, and says so."""
        self.started = True
        step = STEPS.index(self.route[0])
        if self.saved_draft:
            self.apply(self.saved_draft["answers"])
            saved = step_of(self.saved_draft, len(STEPS))
            step = saved if STEPS[saved] in self.route else step
            when = saved_at(self.saved_draft)
            self.notify(
                self.ui("short_resumed", when=when.strftime("%d-%m %H:%M") if when else "?")
            )
        await self.go_to(step)

    # -- answers ----------------------------------------------------------------------
    # `answers` holds everything in the answers-file schema; a step's widgets exist once
    # the step has been shown, and are read back into `answers` whenever it is collected.

    def collect(self) -> dict[str, Any]:
        """The answers so far, in the answers-file schema (empty ones left out)."""
        for step in self.composed:
            for field in answers_of(step):
                value = field.read(self)
                if value in (None, "", [], {}):
                    self.answers.pop(field.name, None)
                else:
                    self.answers[field.name] = value
        return dict(self.answers)

    def apply(self, answers: dict[str, Any]) -> None:
        """Start from saved answers (a draft), filling the steps already built."""
        self.answers = dict(answers)
        self.audience_suggested = "audience" in answers
        for step in self.composed:
            self._fill(step)

    def _fill(self, step: str) -> None:
        for field in answers_of(step):
            field.write(self, self.answers.get(field.name))

    async def _build(self, step: str) -> None:
        """Build a step's widgets the first time it is shown (start-up stays quick)."""
        if step in self.composed:
            return
        widgets = [widget for field in STEP_LAYOUT[step] for widget in field.compose(self.content)]
        fields = VerticalScroll(*widgets, classes="fields", id=f"fields-{step}", can_focus=False)
        container = Vertical(
            Static(self.step_text(step, "question"), classes="question", markup=False),
            Static(self.step_text(step, "explain"), classes="explain", markup=False),
            fields,
            id=f"step-{step}",
            classes="step",
        )
        await self.query_one("#steps", ContentSwitcher).mount(container)
        self.composed.add(step)
        self._fill(step)
        if self.short:  # fewer fields; what a draft holds in them stays and is saved
            for name in SHORT_LEFT_OUT:
                for widget in container.query(f"#{name}, #{name}-label"):
                    widget.display = False

    # -- moving between steps -------------------------------------------------------------

    @property
    def step(self) -> str:
        return STEPS[self.index]

    async def _show(self, index: int) -> None:
        self.collect()
        await self._build(STEPS[index])
        self.index = index
        self.query_one(ContentSwitcher).current = f"step-{self.step}"
        total, position = len(self.route), self.route.index(self.step)
        title = self.step_text(self.step, "title")
        dots = "●" * (position + 1) + "○" * (total - position - 1)
        words = "short_progress" if self.short else "progress"
        progress = self.ui(words, number=position + 1, total=total, title=title)
        self.query_one("#progress", Static).update(f"{progress}   {dots}")
        last = self.step == self.route[-1]
        self.query_one("#nav").display = self.step != "welcome"
        self.query_one("#next").display = not last
        self.query_one("#save").display = last
        entering = {
            "welcome": self.enter_welcome,
            "audience": self.enter_audience,
            "asks": self.enter_asks,
            "summary": self._enter_summary,
        }.get(self.step)
        if entering is not None:
            await entering()
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
            await self.continue_reflection()
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

    # -- per step -----------------------------------------------------------------------

    async def _enter_summary(self) -> None:
        options = [
            Option(
                Text.assemble((self.step_text(step, "title"), "bold"), f": {visible(text)}"),
                id=step,
            )
            for step, text in summary(self.collect(), self.content)
        ]
        summary_list = self.query_one("#summary-list", OptionList)
        summary_list.set_options(options)
        summary_list.highlighted = 0
        self.return_to_summary = False

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

    @on(OptionList.OptionSelected, "#summary-list")
    async def _reopen_step(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in STEPS:
            await self.go_to(STEPS.index(event.option.id))
            self.return_to_summary = True
            self.refresh_bindings()

    # -- help, safety, saving and quitting ----------------------------------------------------

    def action_help(self) -> None:
        title = self.step_text(self.step, "title")
        text = self.step_text(self.step, "help")
        self.app.push_screen(ChoiceDialog(title, text, [("close", self.ui("close"))]))

    def _check_wellbeing(self) -> None:
        """Show where to find help when the answers ask for it (once per session); the
        reflection remembers it, to carry it forward gently."""
        if not self.started or self.heavy:
            return
        answers = self.collect()
        recent = self._recent_intensities()
        if needs_notice(answers.get("intensity"), free_texts(answers), recent, now()):
            self.heavy = True
            self.post_message(HelpNoticeWanted())

    def _recent_intensities(self) -> list[tuple[Any, int | None]]:
        if self._recent is None:
            try:
                self._recent = [(entry.created, entry.intensity) for entry in self.store.entries()]
            except VeerkrachtError:
                self._recent = []
        return self._recent

    def action_save(self) -> None:
        """Save (ctrl+s) from the summary, or early from any step: what is filled in is
        saved, the other steps stay empty (as skipping them would), and the dialog says
        which steps were saved."""
        if self.step == "welcome":
            return
        if not self.collect().get("feelings"):
            self.notify(self.ui("need_feeling"))
            return
        if self.unchanged():  # nothing to save, and a kept card stays as it is
            self.draft.clear()
            self.notify(self.ui("unchanged"))
            self.post_message(Done())
            return
        if self.editing is not None and self.has_kept_cards():
            self.ask_before_the_cards_go()
            return
        self.save()

    def unchanged(self) -> bool:
        """A saved reflection opened to change, and nothing changed."""
        return self.editing is not None and self.collect() == self.editing.answers()

    def has_kept_cards(self) -> bool:
        assert self.editing is not None
        try:
            return any(card.entry == self.editing.uuid for card in self.store.contents().cards)
        except VeerkrachtError:
            return False

    def ask_before_the_cards_go(self) -> None:
        """A card the user kept was made from the old answers: it goes when the change is
        saved (the card follows the reflection); going back is the focused choice."""
        choices = [("back", self.ui("cards_back")), ("save", self.ui("cards_save"))]
        dialog = ChoiceDialog(self.ui("cards_title"), self.ui("cards_text"), choices, "back")
        self.app.push_screen(dialog, lambda choice: self.save() if choice == "save" else None)

    def save(self) -> None:
        early = self.step != "summary"
        self._check_wellbeing()
        try:
            entry = parse_answers(self.collect(), now=now())
            entry.help_notice = self.heavy
            if self.editing is None:
                self.store.add_entry(entry)
            else:  # the same reflection, changed: its number, date and notice stay
                original = self.editing
                entry.id, entry.uuid, entry.created = original.id, original.uuid, original.created
                entry.help_notice = self.heavy or original.help_notice
                self.store.update_entry(entry)
        except VeerkrachtError as error:
            self.notify(self.content.on_screen(error.code, **error.params), severity="error")
            return
        self.keeper.finish()  # nothing left to keep as a draft
        self.draft.clear()
        self.post_message(Saved(entry.id))
        if self.short:  # straight to the card; the other steps can be filled in later
            self.notify(self.ui("short_saved", id=entry.id), timeout=12)
            self.post_message(Open("prepare", entry, replace=True))
            return

        def then(choice: str | None) -> None:
            if choice == "prepare":
                self.post_message(Open("prepare", entry, replace=True))
            else:
                self.post_message(Done())

        saved = "saved" if self.editing is None else "changed"
        text = self.ui(f"{saved}_text", id=entry.id)
        if early:
            steps = answered_steps(self.collect())
            titles = ", ".join(self.step_text(step, "title") for step in steps)
            text = f"{self.ui('saved_early', steps=titles)}\n{text}"
        self.app.push_screen(
            ChoiceDialog(
                self.ui(f"{saved}_title"),
                text,
                [("prepare", self.ui("make_card")), ("close", self.ui("close"))],
            ),
            then,
        )

    def action_quit_flow(self) -> None:
        unchanged = self.unchanged()
        if not self.started or unchanged:
            if unchanged:
                self.draft.clear()  # nothing was changed: no copy to come back to
            self.post_message(Done())
            return

        def decide(choice: str | None) -> None:
            if choice == "keep":
                self.keep_draft()
                self.post_message(Done())
            elif choice == "discard":
                self._set_aside_and_quit()

        self.app.push_screen(
            ChoiceDialog(
                self.ui("quit_question"),
                self.ui("quit_explain"),
                [
                    ("keep", self.ui("keep_draft")),
                    ("discard", self.ui("discard_draft")),
                    ("cancel", self.ui("cancel")),
                ],
                cancel="cancel",
            ),
            decide,
        )

    def _set_aside_and_quit(self) -> None:
        """Not keeping the draft sets it aside (as starting over does), with every word
        typed so far: the welcome lists it for 30 days, to take back."""
        self.keeper.stop_typing()
        try:
            self.draft.save(self.collect(), self.index or 1, now())
            self.draft.set_aside(now())
        except VeerkrachtError as error:
            self.keeper.refuse(error)
            return
        self.keeper.finish()
        self.post_message(Done())
