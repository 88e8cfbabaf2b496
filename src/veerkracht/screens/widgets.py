"""Small widgets for the flows: choice lists, a 0–10 scale, and localized key bindings."""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from veerkracht.content import Content
from veerkracht.model import OPTIONS


def bind_localized(
    node: DOMNode, content: Content, bindings: Iterable[tuple[str, str, str, bool]]
) -> None:
    """Add key bindings whose footer text comes from content (`ui` table of reflect.toml).

    Each binding is (keys, action, ui-key, show-in-footer).
    """
    for keys, action, label, show in bindings:
        description = content.text("reflect", "ui", label)
        node._bindings.bind(keys, action, description, show=show)


class MarkedList(SelectionList[str]):
    """A multi-select list that marks chosen options with an X and leaves the others
    blank, so the choice reads without colour (the stock list draws an X in every box).
    Space chooses; Enter goes on."""

    BINDINGS = [Binding("enter", "screen.next_step", show=False)]

    def set_chosen(self, keys: Iterable[str]) -> None:
        self.deselect_all()
        for key in keys:
            self.select(key)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        mark = ToggleButton.BUTTON_INNER if selection.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


class OneOf(MarkedList):
    """Like MarkedList, but choosing one option lets go of the others."""

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        chosen = event.selection.value
        if chosen in self.selected:
            for key in list(self.selected):
                if key != chosen:
                    self.deselect(key)

    @property
    def chosen(self) -> str | None:
        return self.selected[0] if self.selected else None


class Choices(MarkedList):
    """The options of a content group (feelings, triggers, …), by label."""

    def __init__(self, group: str, content: Content, *, id: str) -> None:
        options = [(content.label(group, key), key) for key in OPTIONS[group]]
        super().__init__(*options, id=id)
        self.group = group


class SingleChoice(OneOf, Choices):
    """One option of a content group (the audience)."""


class Examples(OptionList):
    """Example sentences; Enter takes one over."""


class Scale(Widget, can_focus=True):
    """A scale (0–10 unless told otherwise): ← → (or − +) to move, a digit to jump,
    Home/End for the ends, Backspace to clear."""

    DEFAULT_CSS = """
    Scale { height: 1; width: auto; min-width: 40; padding: 0 1; }
    Scale:focus { text-style: bold reverse; }
    """
    BINDINGS = [
        Binding("left,minus", "step(-1)", show=False),
        Binding("right,plus,equals_sign", "step(1)", show=False),
        Binding("home", "set_low", show=False),
        Binding("end", "set_high", show=False),
        Binding("enter", "screen.next_step", show=False),
        Binding("backspace,delete", "clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, scale: Scale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

    def __init__(self, unset_label: str, *, id: str, low: int = 0, high: int = 10) -> None:
        self.unset_label = unset_label
        self.low, self.high, self.start = low, high, (low + high + 1) // 2
        super().__init__(id=id)

    def render(self) -> Text:
        if self.value is None:
            return Text(f"◀ {'·' * (self.high - self.low + 1)} ▶  {self.unset_label}")
        filled = "■" * (self.value - self.low + 1)
        empty = "□" * (self.high - self.value)
        return Text(f"◀ {filled}{empty} ▶  {self.value}/{self.high}")

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        start = self.start if self.value is None else self.value + delta
        self.value = max(self.low, min(self.high, start))

    def action_set_low(self) -> None:
        self.value = self.low

    def action_set_high(self) -> None:
        self.value = self.high

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            digit = int(event.character)
            if self.low <= digit <= self.high:
                self.value = digit
            event.stop()

    def on_click(self, event: events.Click) -> None:
        position = event.x - 2 - self.styles.padding.left  # after "◀ "
        if 0 <= position <= self.high - self.low:
            self.value = self.low + position
