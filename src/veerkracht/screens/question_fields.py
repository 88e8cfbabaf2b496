"""A form's fields made from the questions the core declares (core/questions.py): the
same declaration drives the screen, plain mode (`--plain`) and the `--from` check.
Each kind of question has its widgets, and a way to read and write its answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.widgets import Collapsible, Label

from veerkracht.core import questions as asked
from veerkracht.core.questions import Question, is_empty
from veerkracht.screens.widgets import LineInput, MarkedList, OneOf, Scale, TextField

if TYPE_CHECKING:
    from veerkracht.screens.forms import FormScreen


def compose(form: FormScreen, questions: Iterable[Question]) -> ComposeResult:
    """The widgets of `questions`, in their order."""
    for question in questions:
        yield from _compose(form, question)


def read(form: FormScreen, questions: Iterable[Question]) -> dict[str, Any]:
    """The answers given, as a `--from` file holds them (empty ones left out)."""
    answers = {}
    for question in questions:
        value = _read(form, question)
        if not is_empty(value):
            answers[question.name] = value
    return answers


def write(form: FormScreen, questions: Iterable[Question], answers: dict[str, Any]) -> None:
    """Put answers (from a draft or a talk saved earlier) back into the form."""
    for question in questions:
        _write(form, question, answers.get(question.name))


def field_id(question: asked.Texts, key: str) -> str:
    """The field of one part of a few-words question: `pillar-trust` for `pillars`."""
    return f"{question.name.removesuffix('s')}-{key}"


def _words(form: FormScreen, path: tuple[str, ...]) -> str:
    return form.content.text(*path)


def _label(form: FormScreen, question: Question) -> Label:
    return Label(_words(form, question.label), classes="field-label")


def _choice_words(form: FormScreen, question: asked.Choices) -> list[tuple[str | RichText, str]]:
    keys = question.options()
    if question.shown:  # the user's own words (an agreement): never markup
        return [(RichText(shown), key) for key, shown in zip(keys, question.shown, strict=True)]
    if question.said:
        return [(_words(form, (*question.said, key)), key) for key in keys]
    return [(form.content.label(question.group, key), key) for key in keys]


def _compose(form: FormScreen, question: Question) -> ComposeResult:
    if isinstance(question, asked.YesNo) and question.flag:  # one box to tick
        yield MarkedList((_words(form, question.label), question.name), id=question.name)
        return
    if isinstance(question, asked.Texts):
        with Collapsible(title=_words(form, question.label), id=question.name):
            for key in question.keys:
                said = [_words(form, (*question.said, key, part)) for part in question.parts]
                yield Label(": ".join(said), classes="field-label")
                yield TextField(id=field_id(question, key))
        return
    yield _label(form, question)
    if isinstance(question, asked.YesNo):
        *where, last = question.label
        yes, no = (_words(form, (*where, f"{last}_{word}")) for word in ("yes", "no"))
        yield OneOf((yes, "yes"), (no, "no"), id=question.name)
    elif isinstance(question, asked.Scale):
        yield Scale("—", id=question.name, low=question.low, high=question.high)
    elif isinstance(question, asked.Choices):
        kind = OneOf if question.one else MarkedList
        yield kind(*_choice_words(form, question), id=question.name)
    elif isinstance(question, asked.Agreements):
        yield from form.agreement_rows()
    elif isinstance(question, asked.Text) and question.line:
        yield LineInput(id=question.name)
    else:
        yield TextField(id=question.name)


def _read(form: FormScreen, question: Question) -> Any:
    name = question.name
    if isinstance(question, asked.YesNo) and question.flag:
        return True if form.query_one(f"#{name}", MarkedList).selected else None
    if isinstance(question, asked.YesNo):
        chosen = form.query_one(f"#{name}", OneOf).chosen
        return None if chosen is None else chosen == "yes"
    if isinstance(question, asked.Scale):
        return form.query_one(f"#{name}", Scale).value
    if isinstance(question, asked.Choices):
        found = form.query_one(f"#{name}", MarkedList)
        return found.chosen if isinstance(found, OneOf) else list(found.selected)
    if isinstance(question, asked.Agreements):
        return form.agreements()
    if isinstance(question, asked.Texts):
        said = {key: form.value(field_id(question, key)) for key in question.keys}
        return {key: value for key, value in said.items() if value}
    if isinstance(question, asked.Text) and question.items:
        return form.lines(name)
    return form.value(name)


def _write(form: FormScreen, question: Question, value: Any) -> None:
    name = question.name
    if isinstance(question, asked.YesNo) and question.flag:
        form.query_one(f"#{name}", MarkedList).set_chosen([name] if value is True else [])
    elif isinstance(question, asked.YesNo):
        chosen = ["yes" if value else "no"] if isinstance(value, bool) else []
        form.query_one(f"#{name}", OneOf).set_chosen(chosen)
    elif isinstance(question, asked.Scale):
        form.query_one(f"#{name}", Scale).value = value if isinstance(value, int) else None
    elif isinstance(question, asked.Choices):
        keys = question.options()
        chosen = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        form.query_one(f"#{name}", MarkedList).set_chosen(key for key in chosen if key in keys)
    elif isinstance(question, asked.Agreements):
        form.fill_agreements(value)
    elif isinstance(question, asked.Texts):
        parts = value if isinstance(value, dict) else {}
        for key in question.keys:
            form.set_value(field_id(question, key), parts.get(key))
        if any(parts.get(key) for key in question.keys):
            form.query_one(f"#{name}", Collapsible).collapsed = False
    elif isinstance(question, asked.Text) and question.items:
        form.set_value(name, "\n".join(value) if isinstance(value, list) else "")
    else:
        form.set_value(name, value)
