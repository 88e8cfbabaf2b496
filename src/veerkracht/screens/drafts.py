"""Keeping what is typed: one keeper for every screen with a draft (the forms, the
reflection). The draft is kept when typing pauses, when a text field loses the focus and
after every choice, so a closed terminal costs at most the last second of typing; the
words are checked (for the calm help notice) at the same moments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

from veerkracht.content import Content
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.store.drafts import Draft


@runtime_checkable
class KeepsDraft(Protocol):
    """A screen that keeps a draft: the app asks it to, before the terminal goes."""

    def keep_draft(self) -> None: ...


class DraftKeeper:
    """Keeps `draft` for `screen`: `answers()` is what to keep, at step `step()`; when
    `worth_keeping()` says no, the draft is cleared instead. `check()` looks at the words.
    It keeps nothing while not `active` (not begun yet, or saved or thrown away)."""

    def __init__(
        self,
        screen: Screen[Any],
        content: Content,
        draft: Draft,
        *,
        answers: Callable[[], dict[str, Any]],
        delay: float,
        check: Callable[[], None],
        step: Callable[[], int] = lambda: 0,
        worth_keeping: Callable[[], bool] = lambda: True,
        active: bool = True,
    ) -> None:
        self.screen = screen
        self.content = content
        self.draft = draft
        self.answers = answers
        self.delay = delay
        self.check = check
        self.step = step
        self.worth_keeping = worth_keeping
        #: False before a reflection begins and once it is saved or thrown away (the
        #: focus leaving a field then must not bring the draft back).
        self.active = active
        self._typing: Timer | None = None

    def keep(self) -> None:
        """Keep what is typed so far (or clear the draft when nothing is)."""
        if not self.active:
            return
        try:
            if self.worth_keeping():
                self.draft.save(self.answers(), self.step(), now())
            else:
                self.draft.clear()
        except VeerkrachtError as error:
            self.refuse(error)

    def refuse(self, error: VeerkrachtError) -> None:
        self.screen.notify(self.content.on_screen(error.code, **error.params), severity="error")

    def typed(self) -> None:
        """Something was typed: keep the draft (and check the words) when typing pauses."""
        self.stop_typing()
        self._typing = self.screen.set_timer(self.delay, self._typing_paused)

    def _typing_paused(self) -> None:
        self._typing = None
        self.keep()
        self.check()

    def chose(self) -> None:
        """A choice was made: keep the draft at once."""
        self.keep()

    def blurred(self, widget: Widget) -> None:
        """A text field lost the focus: keep the draft and check the words."""
        if isinstance(widget, TextArea | Input):
            self.keep()
            self.check()

    def stop_typing(self) -> None:
        """Forget a pause in typing still to come (before saving or throwing away)."""
        if self._typing is not None:
            self._typing.stop()
            self._typing = None

    def finish(self) -> None:
        """Saved or thrown away: nothing is left to keep."""
        self.active = False
        self.stop_typing()
