"""The guided reflection: twelve steps on one screen, a draft kept after each.

The screen only gathers answers; validation, saving, suggestions and the decision
to show the help notice all live in the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
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
from veerkracht.core.model import OPTIONS, RELATION_KEYS, now, parse_answers
from veerkracht.core.reflection import STEP_FIELDS, STEPS, suggest_audience, suggested_asks, summary
from veerkracht.core.safety import free_texts, needs_notice
from veerkracht.core.scripts import build_script
from veerkracht.core.textsafe import visible
from veerkracht.screens.dialogs import ChoiceDialog
from veerkracht.screens.widgets import (
    Choices,
    Examples,
    MarkedList,
    Scale,
    SingleChoice,
    TextField,
    bind_localized,
)
from veerkracht.store.drafts import Draft, SetAside, saved_at, step_of
from veerkracht.store.store import Store

MULTI_CHOICES = ("feelings", "triggers", "impact", "support", "barriers")
ASK_SLOTS = 5
#: Typing pauses this long before the draft is saved (and the words checked).
DRAFT_DELAY = 0.8


class ReflectScreen(Screen[None]):
    """Feelings, triggers, impact, relations, fear, help, barriers, audience,
    boundaries and asks, then a summary to save."""

    def __init__(self, store: Store, content: Content, draft: Draft) -> None:
        super().__init__()
        self.store = store
        self.content = content
        self.draft = draft
        self.saved_draft = draft.load()
        self.index = 0
        #: A reflection is under way in this session (its words are in the widgets).
        self.started = False
        self.return_to_summary = False
        self.audience_suggested = False
        self.answers: dict[str, Any] = {}
        self.composed: set[str] = {"welcome"}
        self._recent: list[tuple[Any, int | None]] | None = None
        self._typing: Timer | None = None
        #: The help notice was due for this reflection (remembered on the entry).
        self.heavy = False
        self._builders: dict[str, Callable[[], ComposeResult]] = {
            "feelings": self._compose_feelings,
            "triggers": self._compose_triggers,
            "impact": self._compose_impact,
            "relations": self._compose_relations,
            "fear": self._compose_fear,
            "help": self._compose_help,
            "barriers": self._compose_barriers,
            "audience": self._compose_audience,
            "boundaries": self._compose_boundaries,
            "asks": self._compose_asks,
            "summary": self._compose_summary,
        }
        bind_localized(
            self,
            content,
            [
                ("escape", "back", "back", True),
                ("ctrl+n", "go_next", "next", True),
                ("ctrl+s", "save", "save", True),
                ("ctrl+o", "to_summary", "to_summary", True),
                ("f1", "help", "help", True),
            ],
        )
        self._bindings.bind("ctrl+q", "quit_flow", self.ui("quit"), show=True, priority=True)

    # -- words ----------------------------------------------------------------------

    def ui(self, key: str, **params: Any) -> str:
        return self.content.text("reflect", "ui", key, **params)

    def field(self, key: str) -> str:
        return self.content.text("reflect", "fields", key)

    def step_text(self, step: str, key: str) -> str:
        return self.content.text("reflect", "steps", step, key)

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
            yield Button(self.ui("save"), id="save", compact=True, variant="success")
        yield Footer()

    def _compose_feelings(self) -> ComposeResult:
        yield from self._choices("feelings")
        yield Label(self.field("intensity"), classes="field-label")
        yield Scale(self.field("intensity_unset"), id="intensity")
        yield from self._text_field("feelings_note")

    def _compose_triggers(self) -> ComposeResult:
        yield from self._choices("triggers")
        yield from self._text_field("triggers_note")

    def _compose_impact(self) -> ComposeResult:
        yield from self._choices("impact")
        yield from self._text_field("impact_note")

    def _compose_relations(self) -> ComposeResult:
        for key in RELATION_KEYS:
            yield from self._text_field(key)

    def _compose_fear(self) -> ComposeResult:
        yield from self._text_field("fear")

    def _compose_help(self) -> ComposeResult:
        yield from self._text_field("desired_change")
        yield Label(self.field("support"), classes="field-label")
        yield from self._choices("support")

    def _compose_barriers(self) -> ComposeResult:
        yield from self._choices("barriers")
        yield Static(id="barrier-tips", classes="tips", markup=False)

    def _compose_audience(self) -> ComposeResult:
        yield Static(id="audience-suggestion", classes="suggestion", markup=False)
        yield SingleChoice("audiences", self.content, id="audience")
        yield Static(id="audience-info", classes="hint", markup=False)

    def _compose_boundaries(self) -> ComposeResult:
        yield from self._text_field("share")
        yield Label(self.field("private"), classes="field-label private-label")
        yield TextField(id="private", classes="private")

    def _compose_asks(self) -> ComposeResult:
        yield Label(self.field("examples"), classes="field-label")
        yield Examples(id="ask-examples")
        yield Label(self.field("own_asks"), classes="field-label")
        for slot in range(ASK_SLOTS):
            yield TextField(id=f"ask-{slot}", classes="ask")

    def _compose_summary(self) -> ComposeResult:
        yield OptionList(id="summary-list")

    def _choices(self, group: str) -> ComposeResult:
        yield Choices(group, self.content, id=group)
        yield Static(id=f"{group}-hint", classes="hint", markup=False)

    def _text_field(self, key: str) -> ComposeResult:
        yield Label(self.field(key), classes="field-label")
        yield TextField(id=key)

    async def on_mount(self) -> None:
        await self._show(0)

    # -- answers ----------------------------------------------------------------------
    # `answers` holds everything in the answers-file schema; a step's widgets exist once
    # the step has been shown, and are read back into `answers` whenever it is collected.

    def collect(self) -> dict[str, Any]:
        """The answers so far, in the answers-file schema (empty ones left out)."""
        for step in self.composed:
            for name in STEP_FIELDS.get(step, ()):
                value = self._read(name)
                if value in (None, "", [], {}):
                    self.answers.pop(name, None)
                else:
                    self.answers[name] = value
        return dict(self.answers)

    def apply(self, answers: dict[str, Any]) -> None:
        """Start from saved answers (a draft), filling the steps already built."""
        self.answers = dict(answers)
        self.audience_suggested = "audience" in answers
        for step in self.composed:
            self._fill(step)

    def _fill(self, step: str) -> None:
        for name in STEP_FIELDS.get(step, ()):
            self._write(name, self.answers.get(name))
        if step == "asks":
            self._show_ask_slots()

    def _read(self, name: str) -> Any:
        """One answer from its widgets (free text exactly as typed, ends trimmed)."""
        if name in MULTI_CHOICES:
            chosen = set(self.query_one(f"#{name}", Choices).selected)
            return [key for key in OPTIONS[name] if key in chosen]
        if name == "intensity":
            return self.query_one("#intensity", Scale).value
        if name == "audience":
            return self.query_one("#audience", SingleChoice).chosen
        if name == "relations":
            values = {key: self._text(key) for key in RELATION_KEYS}
            return {key: value for key, value in values.items() if value}
        if name == "asks":
            return [value for slot in range(ASK_SLOTS) if (value := self._text(f"ask-{slot}"))]
        return self._text(name)

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextField).value.strip()

    def _write(self, name: str, value: Any) -> None:
        """One answer into its widgets."""
        if name in MULTI_CHOICES or name == "audience":
            chosen = value if isinstance(value, list) else [value] if value else []
            self.query_one(f"#{name}", MarkedList).set_chosen(chosen)
        elif name == "intensity":
            self.query_one("#intensity", Scale).value = value
        elif name == "relations":
            for key in RELATION_KEYS:
                self.query_one(f"#{key}", TextField).value = (value or {}).get(key, "")
        elif name == "asks":
            asks = value or []
            for slot in range(ASK_SLOTS):
                text = asks[slot] if slot < len(asks) else ""
                self.query_one(f"#ask-{slot}", TextField).value = text
        else:
            self.query_one(f"#{name}", TextField).value = value or ""

    async def _build(self, step: str) -> None:
        """Build a step's widgets the first time it is shown (start-up stays quick)."""
        if step in self.composed:
            return
        fields = VerticalScroll(
            *self._builders[step](), classes="fields", id=f"fields-{step}", can_focus=False
        )
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

    # -- moving between steps -------------------------------------------------------------

    @property
    def step(self) -> str:
        return STEPS[self.index]

    async def _show(self, index: int) -> None:
        self.collect()
        await self._build(STEPS[index])
        self.index = index
        self.query_one(ContentSwitcher).current = f"step-{self.step}"
        total = len(STEPS)
        title = self.step_text(self.step, "title")
        dots = "●" * (index + 1) + "○" * (total - index - 1)
        progress = self.ui("progress", number=index + 1, total=total, title=title)
        self.query_one("#progress", Static).update(f"{progress}   {dots}")
        self.query_one("#nav").display = self.step != "welcome"
        self.query_one("#next").display = self.step != "summary"
        self.query_one("#save").display = self.step == "summary"
        entering = {
            "welcome": self._enter_welcome,
            "audience": self._enter_audience,
            "asks": self._enter_asks,
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
        return [widget for widget in found if widget.focusable]

    def _focus_first(self) -> None:
        """Focus the step's first field at once (not later), so keys typed ahead land in
        the new step."""
        if self.step == "asks":
            self.set_focus(self._first_empty_ask())
            return
        fields = self._fields()
        if fields:
            self.set_focus(fields[0])

    async def go_to(self, index: int) -> None:
        """Show step `index` and keep the draft."""
        await self._show(index)
        self.keep_draft()

    def keep_draft(self) -> None:
        """Save what is typed so far (after every step, choice and pause in typing)."""
        if not self.started:
            return
        try:
            self.draft.save(self.collect(), self.index or 1, now())
        except VeerkrachtError as error:
            self.notify(self.content.message(error.code, **error.params), severity="error")

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
            await self._continue()
        elif self.step == "summary":
            self.action_save()
        elif self.step == "feelings" and not self.query_one("#feelings", Choices).selected:
            self.notify(self.ui("need_feeling"))
        elif self.return_to_summary:
            await self.go_to(STEPS.index("summary"))
        else:
            await self.go_to(self.index + 1)

    async def action_back(self) -> None:
        if self.index > 0:
            await self.go_to(self.index - 1)

    async def action_to_summary(self) -> None:
        await self.go_to(STEPS.index("summary"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.step == "summary"
        if action == "to_summary":
            return self.return_to_summary and self.step != "summary"
        if action == "back":
            return self.index > 0
        if action == "go_next":
            return self.step != "summary"
        return True

    # -- starting, resuming, starting over ------------------------------------------------

    async def _continue(self) -> None:
        """The welcome step's main way on: carry on with what is under way, else with the
        draft, else start."""
        if self.started:
            await self.go_to(1)
        elif self.saved_draft:
            await self._resume(self.saved_draft)
        else:
            await self._begin({}, 1)

    async def _begin(self, answers: dict[str, Any], step: int) -> None:
        self.started = True
        self.apply(answers)
        await self.go_to(step)

    async def _resume(self, draft: dict[str, Any]) -> None:
        await self._begin(draft["answers"], step_of(draft, len(STEPS)))

    def _ask_start_over(self) -> None:
        """Starting over sets the draft aside (never deletes it); asked first, with going
        back to the draft as the choice that has the focus."""

        async def decide(choice: str | None) -> None:
            if choice != "start_over":
                return
            try:
                self.draft.set_aside(now())
            except VeerkrachtError as error:
                self.notify(self.content.message(error.code, **error.params), severity="error")
                return
            self.saved_draft = None
            await self._begin({}, 1)

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
            self.notify(self.content.message(error.code, **error.params), severity="error")
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
            title=self.step_text(STEPS[step], "title"),
        )

    # -- per step -----------------------------------------------------------------------

    async def _enter_welcome(self) -> None:
        """What the welcome offers depends on where the person is: under way, a draft
        waiting, drafts set aside earlier, or a fresh start."""
        buttons = self.query_one("#welcome-buttons", Horizontal)
        await buttons.remove_children()
        info = ""
        if self.started:
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
        aside = [] if self.started else self._set_aside()
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
            return self.draft.set_aside_drafts()
        except VeerkrachtError:
            return []

    async def _enter_audience(self) -> None:
        choice = self.query_one("#audience", SingleChoice)
        suggested = suggest_audience(self.answers.get("triggers", []))
        reason = self.content.text("reflect", "audience_reasons", suggested)
        label = self.content.label("audiences", suggested)
        self.query_one("#audience-suggestion", Static).update(
            f"{self.field('suggestion')}: {label}. {reason}"
        )
        if not self.audience_suggested and choice.chosen is None:
            choice.select(suggested)
            choice.highlighted = OPTIONS["audiences"].index(suggested)
        self.audience_suggested = True
        self._describe_audience(choice.chosen or suggested)

    async def _enter_asks(self) -> None:
        chosen = self.answers.get("support", [])
        examples = self.query_one("#ask-examples", Examples)
        examples.set_options(
            Option(f"+ {ask}", id=ask) for ask in suggested_asks(chosen, self.content)
        )
        examples.highlighted = 0
        self._show_ask_slots()

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

    def _describe_audience(self, key: str) -> None:
        lines = [
            self.content.option("audiences", key, "hint"),
            f"{self.field('confidential')} {self.content.option('audiences', key, 'confidential')}",
            self.content.option("audiences", key, "when"),
        ]
        self.query_one("#audience-info", Static).update("\n".join(lines))

    def _ask_fields(self) -> list[TextField]:
        return [self.query_one(f"#ask-{slot}", TextField) for slot in range(ASK_SLOTS)]

    def _first_empty_ask(self) -> TextField:
        slots = self._ask_fields()
        return next((slot for slot in slots if not slot.value.strip()), slots[-1])

    def _show_ask_slots(self) -> None:
        """The asks written so far and one empty field for the next (up to five)."""
        slots = self._ask_fields()
        filled = [index for index, slot in enumerate(slots) if slot.value.strip()]
        last = min(max(filled, default=-1) + 1, ASK_SLOTS - 1)
        for index, slot in enumerate(slots):
            slot.display = index <= last or slot.has_focus

    # -- events ---------------------------------------------------------------------------

    @on(Button.Pressed, "#start, #carry-on, #resume")
    async def _continue_pressed(self) -> None:
        await self._continue()

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

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_go_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(SelectionList.SelectionHighlighted)
    def _show_hint(self, event: SelectionList.SelectionHighlighted) -> None:
        choices = event.selection_list
        if not isinstance(choices, Choices):
            return
        key = event.selection.value
        if choices.id == "audience":
            self._describe_audience(key)
        else:
            self.query_one(f"#{choices.id}-hint", Static).update(
                self.content.option(choices.group, key, "hint")
            )

    @on(SelectionList.SelectedChanged, "#barriers")
    def _show_barrier_tips(self, event: SelectionList.SelectedChanged) -> None:
        chosen = [key for key in OPTIONS["barriers"] if key in event.selection_list.selected]
        tips = [
            f"{self.content.label('barriers', key)}: {self.content.option('barriers', key, 'tip')}"
            for key in chosen
        ]
        header = f"{self.field('tips')}:\n" if tips else ""
        self.query_one("#barrier-tips", Static).update(
            header + "\n".join(f"• {tip}" for tip in tips)
        )

    @on(Scale.Changed)
    def _intensity_changed(self, event: Scale.Changed) -> None:
        self.keep_draft()
        self._check_wellbeing()

    @on(SelectionList.SelectedChanged)
    def _choice_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.keep_draft()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        """While typing: the draft is kept (and the words checked) after a short pause,
        so a closed terminal loses at most the last second of typing."""
        if self._typing is not None:
            self._typing.stop()
        self._typing = self.set_timer(DRAFT_DELAY, self._typing_paused)
        if self.step == "asks":
            self._show_ask_slots()

    def _typing_paused(self) -> None:
        self._typing = None
        self.keep_draft()
        self._check_wellbeing()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, TextArea):
            self.keep_draft()
            self._check_wellbeing()

    @on(OptionList.OptionSelected, "#ask-examples")
    def _take_example(self, event: OptionList.OptionSelected) -> None:
        """Space (or a click) on an example copies it into the first empty ask, to adjust;
        the cursor waits at its end, nothing selected."""
        event.stop()
        target = self._first_empty_ask()
        target.value = str(event.option.id)
        self._show_ask_slots()
        target.focus()
        self.keep_draft()

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
            self.app.show_help_notice()  # type: ignore[attr-defined]

    def _recent_intensities(self) -> list[tuple[Any, int | None]]:
        if self._recent is None:
            try:
                self._recent = [(entry.created, entry.intensity) for entry in self.store.entries()]
            except VeerkrachtError:
                self._recent = []
        return self._recent

    def action_save(self) -> None:
        if self.step != "summary":
            return
        self._check_wellbeing()
        try:
            entry = parse_answers(self.collect(), now=now())
            entry.help_notice = self.heavy
            self.store.add_entry(entry)
        except VeerkrachtError as error:
            self.notify(self.content.message(error.code, **error.params), severity="error")
            return
        if self._typing is not None:
            self._typing.stop()
        self.started = False  # nothing left to keep as a draft
        self.draft.clear()
        self.app.result = entry.id  # type: ignore[attr-defined]

        def then(choice: str | None) -> None:
            if choice == "prepare":
                from veerkracht.screens.prepare import PrepareScreen

                script = build_script(entry, self.content)
                self.app.switch_screen(PrepareScreen(self.store, self.content, script))
            else:
                self.app.finish()

        self.app.push_screen(
            ChoiceDialog(
                self.ui("saved_title"),
                self.ui("saved_text", id=entry.id),
                [("prepare", self.ui("make_card")), ("close", self.ui("close"))],
            ),
            then,
        )

    def action_quit_flow(self) -> None:
        if not self.started:
            self.app.finish()
            return

        def decide(choice: str | None) -> None:
            if choice == "keep":
                self.keep_draft()
                self.app.finish()
            elif choice == "discard":
                self.started = False
                self.draft.clear()
                self.app.finish()

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
