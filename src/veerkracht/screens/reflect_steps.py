"""The reflection's steps after the welcome, one widget each: its question, explanation
and fields (from `reflect_fields.STEP_LAYOUT`), and what it shows as the person moves
through it: hints for each option, tips for each barrier, the suggested audience and what
that person can do, example asks to take over, the summary. `Steps` builds them when first
shown and holds their answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.widgets import ContentSwitcher, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from veerkracht.content import Content
from veerkracht.core.model import OPTIONS
from veerkracht.core.reflection import SHORT_LEFT_OUT, suggest_audience, suggested_asks, summary
from veerkracht.core.textsafe import visible
from veerkracht.screens.reflect_fields import (
    STEP_LAYOUT,
    answers_of,
    field_text,
    first_empty_ask,
    show_ask_slots,
    step_text,
)
from veerkracht.screens.widgets import Choices, Examples, SingleChoice


class Step(Vertical):
    """One step: its words above its fields. A step shows a hint for the option under
    the cursor, and tips for the barriers chosen."""

    def __init__(self, step: str, content: Content) -> None:
        self.content = content
        widgets = [widget for field in STEP_LAYOUT[step] for widget in field.compose(content)]
        fields = VerticalScroll(*widgets, classes="fields", id=f"fields-{step}", can_focus=False)
        super().__init__(
            Static(step_text(content, step, "question"), classes="question", markup=False),
            Static(step_text(content, step, "explain"), classes="explain", markup=False),
            fields,
            id=f"step-{step}",
            classes="step",
        )

    def hint(self, choices: Choices, key: str) -> None:
        """What the option under the cursor means."""
        self.query_one(f"#{choices.id}-hint", Static).update(
            self.content.option(choices.group, key, "hint")
        )

    @on(SelectionList.SelectionHighlighted)
    def _show_hint(self, event: SelectionList.SelectionHighlighted) -> None:
        if isinstance(event.selection_list, Choices):
            self.hint(event.selection_list, event.selection.value)

    @on(SelectionList.SelectedChanged, "#barriers")
    def _show_barrier_tips(self, event: SelectionList.SelectedChanged) -> None:
        chosen = [key for key in OPTIONS["barriers"] if key in event.selection_list.selected]
        words = self.content
        tips = [f"{words.label('barriers', key)}: {words.option('barriers', key, 'tip')}"
                for key in chosen]  # fmt: skip
        header = f"{field_text(words, 'tips')}:\n" if tips else ""
        self.query_one("#barrier-tips", Static).update(
            header + "\n".join(f"• {tip}" for tip in tips)
        )


class AudienceStep(Step):
    """Whom to talk to: a suggestion from the triggers, and what each person can do."""

    def suggest(self, triggers: list[str], *, choose: bool) -> None:
        """Say whom the triggers suggest; `choose` it too (once, when nothing is chosen)."""
        choice = self.query_one("#audience", SingleChoice)
        suggested = suggest_audience(triggers)
        reason = self.content.text("reflect", "audience_reasons", suggested)
        label = self.content.label("audiences", suggested)
        self.query_one("#audience-suggestion", Static).update(
            f"{field_text(self.content, 'suggestion')}: {label}. {reason}"
        )
        if choose and choice.chosen is None:
            choice.select(suggested)
            choice.highlighted = OPTIONS["audiences"].index(suggested)
        self.describe(choice.chosen or suggested)

    def hint(self, choices: Choices, key: str) -> None:
        if choices.id == "audience":
            self.describe(key)
        else:
            super().hint(choices, key)

    def describe(self, key: str) -> None:
        words = self.content
        confidential = words.option("audiences", key, "confidential")
        lines = [
            words.option("audiences", key, "hint"),
            f"{field_text(words, 'confidential')} {confidential}",
            words.option("audiences", key, "when"),
        ]
        self.query_one("#audience-info", Static).update("\n".join(lines))


class AsksStep(Step):
    """Example asks (from the support chosen) to take over, and the user's own."""

    def __init__(self, step: str, content: Content, keep: Callable[[], None]) -> None:
        super().__init__(step, content)
        #: Keeps the draft (an example taken over is kept at once).
        self.keep = keep

    def offer(self, support: list[str]) -> None:
        examples = self.query_one("#ask-examples", Examples)
        examples.set_options(
            Option(f"+ {ask}", id=ask) for ask in suggested_asks(support, self.content)
        )
        examples.highlighted = 0
        show_ask_slots(self)

    def say_keys(self, *, on_examples: bool) -> None:
        """The hint says what the keys do where the focus is."""
        where = "examples" if on_examples else "own"
        self.query_one("#asks-keys", Static).update(
            self.content.text("reflect", "ui", f"asks_keys_{where}")
        )

    @on(OptionList.OptionSelected, "#ask-examples")
    def _take_example(self, event: OptionList.OptionSelected) -> None:
        """Space (or a click) on an example copies it into the first empty ask, to adjust;
        the cursor waits at its end, nothing selected."""
        event.stop()
        target = first_empty_ask(self)
        target.value = str(event.option.id)
        show_ask_slots(self)
        target.focus()
        self.keep()


class SummaryStep(Step):
    """Every answer given, one line per step; choosing one reopens that step."""

    def show(self, answers: dict[str, Any]) -> None:
        options = [
            Option(
                Text.assemble(
                    (step_text(self.content, step, "title"), "bold"), f": {visible(text)}"
                ),
                id=step,
            )
            for step, text in summary(answers, self.content)
        ]
        summary_list = self.query_one("#summary-list", OptionList)
        summary_list.set_options(options)
        summary_list.highlighted = 0


def make_step(step: str, content: Content, keep: Callable[[], None]) -> Step:
    """The widget of `step` (not the welcome)."""
    if step == "audience":
        return AudienceStep(step, content)
    if step == "asks":
        return AsksStep(step, content, keep)
    if step == "summary":
        return SummaryStep(step, content)
    return Step(step, content)


class Steps:
    """The steps built so far in `screen`'s `#steps` switcher, and the answers.

    `answers` holds everything in the answers-file schema; a step's widgets exist once
    the step has been shown, and are read back into `answers` whenever it is collected."""

    def __init__(
        self, screen: DOMNode, content: Content, keep: Callable[[], None], *, short: bool
    ) -> None:
        self.screen = screen
        self.content = content
        self.keep = keep
        #: The short reflection: fewer fields (what a draft holds in them stays, is saved).
        self.short = short
        self.answers: dict[str, Any] = {}
        self.built: set[str] = {"welcome"}
        #: The audience step has made its suggestion (it is not made again).
        self.audience_suggested = False

    def collect(self) -> dict[str, Any]:
        """The answers so far, in the answers-file schema (empty ones left out)."""
        for step in self.built:
            for field in answers_of(step):
                value = field.read(self.screen)
                if value in (None, "", [], {}):
                    self.answers.pop(field.name, None)
                else:
                    self.answers[field.name] = value
        return dict(self.answers)

    def apply(self, answers: dict[str, Any]) -> None:
        """Start from saved answers (a draft), filling the steps already built."""
        self.answers = dict(answers)
        self.audience_suggested = "audience" in answers
        for step in self.built:
            self._fill(step)

    def _fill(self, step: str) -> None:
        for field in answers_of(step):
            field.write(self.screen, self.answers.get(field.name))

    async def build(self, step: str) -> None:
        """Build a step's widgets the first time it is shown (start-up stays quick)."""
        if step in self.built:
            return
        container = make_step(step, self.content, self.keep)
        await self.screen.query_one("#steps", ContentSwitcher).mount(container)
        self.built.add(step)
        self._fill(step)
        if self.short:
            for name in SHORT_LEFT_OUT:
                for widget in container.query(f"#{name}, #{name}-label"):
                    widget.display = False

    def enter(self, step: str) -> None:
        """What `step` shows as it is entered, from the answers so far (the welcome
        shows itself)."""
        shown = self.screen.query_one(f"#step-{step}")
        if isinstance(shown, AudienceStep):
            triggers = self.answers.get("triggers", [])
            shown.suggest(triggers, choose=not self.audience_suggested)
            self.audience_suggested = True
        elif isinstance(shown, AsksStep):
            shown.offer(self.answers.get("support", []))
        elif isinstance(shown, SummaryStep):
            shown.show(self.collect())

    def progress(self, step: str, route: tuple[str, ...]) -> str:
        """Where `step` is on `route`: "Stap 3 van 12: Impact   ●●●○○○○○○○○○"."""
        total, position = len(route), route.index(step)
        title = step_text(self.content, step, "title")
        dots = "●" * (position + 1) + "○" * (total - position - 1)
        words = "short_progress" if self.short else "progress"
        said = self.content.text(
            "reflect", "ui", words, number=position + 1, total=total, title=title
        )
        return f"{said}   {dots}"

    def say_asks_keys(self, *, on_examples: bool) -> None:
        """In the asks step the hint says what the keys do where the focus is."""
        self.screen.query_one("#step-asks", AsksStep).say_keys(on_examples=on_examples)
