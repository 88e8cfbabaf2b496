"""Small widgets for the flows: free-text fields that keep every word, choice lists and
a 0–10 scale."""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import OptionDoesNotExist

from veerkracht.content import Content
from veerkracht.core.model import OPTIONS
from veerkracht.core.textsafe import without_controls


class TextField(TextArea):
    """Free text as people write it: Enter starts a new line, a pasted text lands whole
    (newlines and all) and never moves the focus, Tab goes on to the next field.

    The field grows with its text up to a few lines, then scrolls."""

    DEFAULT_CSS = """
    TextField { height: auto; min-height: 3; max-height: 9; }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str = "") -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            highlight_cursor_line=False,
            id=id,
            classes=classes,
        )

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)

    def on_focus(self) -> None:
        """Carry on at the end of what is there; nothing is selected, so a key typed
        by accident cannot replace it."""
        self.move_cursor(self.document.end)

    def _on_paste(self, event: events.Paste) -> None:
        """Pasted text keeps its words and lines; control characters (escape codes
        that would reach the terminal) are left out. TextArea's own paste runs next."""
        event.text = without_controls(event.text)


class HelpNotice(Static):
    """The calm notice about where to find help: three rows of its own at the bottom of
    the screen (above the footer), never over a field, nothing blocking. F3 closes it;
    F2 opens the veiligheidsplan when there is one (the app's keys)."""

    DEFAULT_CSS = """
    HelpNotice {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, title: str, first: str, reach: str, last: str) -> None:
        rows = Text.assemble((f"{title.rstrip('.')}.", "bold"), " ", first, "\n", reach, "\n", last)
        super().__init__(rows, id="help-notice")


class LineInput(Input):
    """A short one-line answer (a name, a date). A pasted paragraph keeps all its words:
    its lines are joined with spaces rather than cut after the first. Focusing it never
    selects the text, so typing cannot overwrite it by accident."""

    def __init__(self, value: str = "", **options: object) -> None:
        super().__init__(value, select_on_focus=False, **options)  # type: ignore[arg-type]

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's own paste, which keeps the first line only
        line = " ".join(part.strip() for part in event.text.splitlines() if part.strip())
        if not line:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *self.selection)


class MarkedList(SelectionList[str]):
    """A multi-select list that marks chosen options with an X and leaves the others
    blank, so the choice reads without colour (the stock list draws an X in every box).
    Space chooses; Enter goes on."""

    BINDINGS = [Binding("enter", "screen.next_step", show=False)]

    def set_chosen(self, keys: Iterable[str]) -> None:
        self.deselect_all()
        for key in keys:
            self.select(key)

    def action_select(self) -> None:
        """Toggle the highlighted option (Space, a click) at once rather than by a
        message. Keys typed in one burst are handled in order: Space, ctrl+n must find
        the feeling chosen, and Space, ↓, Space must choose two options, not one twice.
        (Textual's own list toggles when its message arrives, after the next key.)"""
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if not option.disabled:
            self.toggle(option)
            self.chose(option.value)

    def chose(self, value: str) -> None:
        """What else a toggle of `value` changes; a plain list changes nothing else."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip
        mark = Checkbox.BUTTON_INNER if selection.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


class OneOf(MarkedList):
    """Like MarkedList, but choosing one option lets go of the others."""

    def chose(self, value: str) -> None:
        if value in self.selected:
            for key in list(self.selected):
                if key != value:
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
    """Example sentences. Taking one over is a deliberate act: Space (or a click); Enter
    moves on like in every other list."""

    BINDINGS = [
        Binding("space", "select", show=False),
        Binding("enter", "screen.next_step", show=False),
    ]


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
