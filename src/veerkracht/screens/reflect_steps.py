"""What the reflection's steps show as the person moves through them: the suggested
audience and what that person can do, hints for each option, tips for each barrier,
example asks to take over."""

from __future__ import annotations

from textual import events, on
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from veerkracht.core.model import OPTIONS
from veerkracht.core.reflection import suggest_audience, suggested_asks
from veerkracht.screens.reflect_fields import first_empty_ask, show_ask_slots
from veerkracht.screens.reflect_welcome import WelcomeStep
from veerkracht.screens.widgets import Choices, Examples, SingleChoice


class StepViews(WelcomeStep):
    """The steps' own views; the flow through them is `ReflectScreen`."""

    answers: dict
    #: The step on screen (see ReflectScreen).
    step: str
    #: The audience step has made its suggestion (it is not made again).
    audience_suggested: bool

    def field(self, key: str) -> str:
        return self.content.text("reflect", "fields", key)

    def keep_draft(self) -> None:
        """Keep what is typed so far (see ReflectScreen)."""
        raise NotImplementedError

    async def enter_audience(self) -> None:
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

    async def enter_asks(self) -> None:
        chosen = self.answers.get("support", [])
        examples = self.query_one("#ask-examples", Examples)
        examples.set_options(
            Option(f"+ {ask}", id=ask) for ask in suggested_asks(chosen, self.content)
        )
        examples.highlighted = 0
        show_ask_slots(self)

    def _describe_audience(self, key: str) -> None:
        lines = [
            self.content.option("audiences", key, "hint"),
            f"{self.field('confidential')} {self.content.option('audiences', key, 'confidential')}",
            self.content.option("audiences", key, "when"),
        ]
        self.query_one("#audience-info", Static).update("\n".join(lines))

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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """In the asks step the hint says what the keys do where the focus is."""
        if self.step != "asks":
            return
        where = "examples" if isinstance(event.widget, Examples) else "own"
        self.query_one("#asks-keys", Static).update(self.ui(f"asks_keys_{where}"))

    @on(OptionList.OptionSelected, "#ask-examples")
    def _take_example(self, event: OptionList.OptionSelected) -> None:
        """Space (or a click) on an example copies it into the first empty ask, to adjust;
        the cursor waits at its end, nothing selected."""
        event.stop()
        target = first_empty_ask(self)
        target.value = str(event.option.id)
        show_ask_slots(self)
        target.focus()
        self.keep_draft()
