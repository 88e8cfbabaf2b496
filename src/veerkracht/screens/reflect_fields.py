"""The reflection's steps as fields: what each step shows, and how each answer is read
from and written to its widgets. One field per answer of the answers-file schema, so
the screen never needs to know which widget holds which answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.widgets import Label, OptionList, Static

from veerkracht.content import Content
from veerkracht.core import questions as asked
from veerkracht.core.model import OPTIONS, RELATION_KEYS
from veerkracht.core.questions import ASK_SLOTS, REFLECTION
from veerkracht.screens.widgets import Choices, Examples, Scale, SingleChoice, TextField


class Field(Protocol):
    #: The answer this field holds ("" for what only shows something).
    name: str

    def compose(self, content: Content) -> ComposeResult: ...

    def read(self, screen: DOMNode) -> Any: ...

    def write(self, screen: DOMNode, value: Any) -> None: ...


def field_text(content: Content, key: str) -> str:
    """A field's words (its label, or a word said beside it)."""
    return content.text("reflect", "fields", key)


def step_text(content: Content, step: str, key: str) -> str:
    """A step's words: its `title`, `question`, `explain` or `help`."""
    return content.text("reflect", "steps", step, key)


def field_label(
    content: Content, key: str, classes: str = "field-label", id: str | None = None
) -> Label:
    return Label(field_text(content, key), classes=classes, id=id)


@dataclass(frozen=True)
class OptionsField:
    """Several options of a content group (feelings, triggers, …), with a hint line."""

    name: str

    def compose(self, content: Content) -> ComposeResult:
        yield Choices(self.name, content, id=self.name)
        yield Static(id=f"{self.name}-hint", classes="hint", markup=False)

    def read(self, screen: DOMNode) -> list[str]:
        chosen = set(screen.query_one(f"#{self.name}", Choices).selected)
        return [key for key in OPTIONS[self.name] if key in chosen]

    def write(self, screen: DOMNode, value: Any) -> None:
        screen.query_one(f"#{self.name}", Choices).set_chosen(value or [])


@dataclass(frozen=True)
class AudienceField:
    """Whom to talk to: the suggestion, one choice, what that person can do."""

    name: str = "audience"

    def compose(self, content: Content) -> ComposeResult:
        yield Static(id="audience-suggestion", classes="suggestion", markup=False)
        yield SingleChoice("audiences", content, id="audience")
        yield Static(id="audience-info", classes="hint", markup=False)

    def read(self, screen: DOMNode) -> str | None:
        return screen.query_one("#audience", SingleChoice).chosen

    def write(self, screen: DOMNode, value: Any) -> None:
        screen.query_one("#audience", SingleChoice).set_chosen([value] if value else [])


@dataclass(frozen=True)
class IntensityField:
    """How heavy it is, 0–10."""

    name: str = "intensity"

    def compose(self, content: Content) -> ComposeResult:
        yield field_label(content, "intensity")
        yield Scale(content.text("reflect", "fields", "intensity_unset"), id="intensity")

    def read(self, screen: DOMNode) -> int | None:
        return screen.query_one("#intensity", Scale).value

    def write(self, screen: DOMNode, value: Any) -> None:
        screen.query_one("#intensity", Scale).value = value


@dataclass(frozen=True)
class TextAnswer:
    """Free text under a label, exactly as typed (ends trimmed)."""

    name: str
    classes: str = ""

    def compose(self, content: Content) -> ComposeResult:
        label = "field-label" + (f" {self.classes}-label" if self.classes else "")
        yield field_label(content, self.name, label, id=f"{self.name}-label")
        yield TextField(id=self.name, classes=self.classes)

    def read(self, screen: DOMNode) -> str:
        return text_of(screen, self.name)

    def write(self, screen: DOMNode, value: Any) -> None:
        screen.query_one(f"#{self.name}", TextField).value = value or ""


@dataclass(frozen=True)
class RelationsField:
    """The people around you: a few words per question."""

    name: str = "relations"

    def compose(self, content: Content) -> ComposeResult:
        for key in RELATION_KEYS:
            yield from TextAnswer(key).compose(content)

    def read(self, screen: DOMNode) -> dict[str, str]:
        values = {key: text_of(screen, key) for key in RELATION_KEYS}
        return {key: value for key, value in values.items() if value}

    def write(self, screen: DOMNode, value: Any) -> None:
        for key in RELATION_KEYS:
            screen.query_one(f"#{key}", TextField).value = (value or {}).get(key, "")


@dataclass(frozen=True)
class AsksField:
    """Examples to take over, and up to five asks in the user's own words."""

    name: str = "asks"

    def compose(self, content: Content) -> ComposeResult:
        yield field_label(content, "examples")
        yield Examples(id="ask-examples")
        # What the keys do where the focus is (the screen updates it as the focus moves).
        yield Static(content.text("reflect", "ui", "asks_keys_examples"), id="asks-keys",
                     classes="hint", markup=False)  # fmt: skip
        yield field_label(content, "own_asks")
        for slot in range(ASK_SLOTS):
            yield TextField(id=f"ask-{slot}", classes="ask")

    def read(self, screen: DOMNode) -> list[str]:
        return [value for slot in range(ASK_SLOTS) if (value := text_of(screen, f"ask-{slot}"))]

    def write(self, screen: DOMNode, value: Any) -> None:
        asks = value or []
        for slot, field in enumerate(ask_fields(screen)):
            field.value = asks[slot] if slot < len(asks) else ""
        show_ask_slots(screen)


@dataclass(frozen=True)
class Shown:
    """Something a step shows that holds no answer (tips, the summary)."""

    widget_id: str
    kind: str = "static"
    name: str = ""

    def compose(self, content: Content) -> ComposeResult:
        if self.kind == "list":
            yield OptionList(id=self.widget_id)
        else:
            yield Static(id=self.widget_id, classes="tips", markup=False)

    def read(self, screen: DOMNode) -> None:
        return None

    def write(self, screen: DOMNode, value: Any) -> None:
        return None


@dataclass(frozen=True)
class Heading:
    """A label above what follows (the support choices in the help step)."""

    key: str
    name: str = ""

    def compose(self, content: Content) -> ComposeResult:
        yield field_label(content, self.key)

    def read(self, screen: DOMNode) -> None:
        return None

    def write(self, screen: DOMNode, value: Any) -> None:
        return None


def _shown_for(question: asked.Question) -> tuple[Field, ...]:
    """The fields that show one question of the core's list on the screen."""
    if isinstance(question, asked.Choices):
        if question.one:
            return (AudienceField(question.name),)
        heading = (Heading(question.label[-1]),) if question.label else ()
        tips = (Shown("barrier-tips"),) if question.tips else ()
        return (*heading, OptionsField(question.name), *tips)
    if isinstance(question, asked.Scale):
        return (IntensityField(question.name),)
    if isinstance(question, asked.Texts):
        return (RelationsField(question.name),)
    if isinstance(question, asked.Asks):
        return (AsksField(question.name),)
    return (TextAnswer(question.name, classes="private" if question.private else ""),)


#: What each step shows, in order: the core's questions (core/questions.py, which plain
#: mode asks too), then the summary (the welcome step is built by the screen itself).
STEP_LAYOUT: dict[str, tuple[Field, ...]] = {
    step: tuple(field for question in questions for field in _shown_for(question))
    for step, questions in REFLECTION.items()
} | {"summary": (Shown("summary-list", kind="list"),)}


def answers_of(step: str) -> Iterator[Field]:
    """The fields of `step` that hold an answer."""
    return (field for field in STEP_LAYOUT.get(step, ()) if field.name)


def text_of(screen: DOMNode, widget_id: str) -> str:
    return screen.query_one(f"#{widget_id}", TextField).value.strip()


def ask_fields(screen: DOMNode) -> list[TextField]:
    return [screen.query_one(f"#ask-{slot}", TextField) for slot in range(ASK_SLOTS)]


def first_empty_ask(screen: DOMNode) -> TextField:
    slots = ask_fields(screen)
    return next((slot for slot in slots if not slot.value.strip()), slots[-1])


def show_ask_slots(screen: DOMNode) -> None:
    """The asks written so far and one empty field for the next (up to five)."""
    slots = ask_fields(screen)
    filled = [index for index, slot in enumerate(slots) if slot.value.strip()]
    last = min(max(filled, default=-1) + 1, ASK_SLOTS - 1)
    for index, slot in enumerate(slots):
        slot.display = index <= last or slot.has_focus
