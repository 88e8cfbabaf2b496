"""Screens (and the app) whose keys are said in the user's language, and the messages
screens send to the app.

A screen declares its keys with Textual's public `BINDINGS`, each with a static id and
no words; `content/keys.toml` says each id in every language. Textual merges `BINDINGS`
once per class and has no public way to change an instance's descriptions, so
`in_language` gives each class one subclass per language, with the words filled in."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any, ClassVar, TypeVar

from textual.binding import Binding
from textual.message import Message

from veerkracht.content import Content

S = TypeVar("S", bound="SpeaksLanguage")


class SpeaksLanguage:
    """Mixin for a Textual screen or app whose `BINDINGS` are said in the user's language
    (made through `in_language`)."""

    #: The language of a class `in_language` made; None on the class as written.
    spoken: ClassVar[str | None] = None

    @classmethod
    def describe(cls, binding: Binding, content: Content) -> str:
        """What `binding` is called (in the footer), in `content`'s language."""
        return str(content.text("keys", str(binding.id)))


def in_language(cls: type[S], content: Content) -> type[S]:
    """`cls` with its keys said in `content`'s language: a subclass whose `BINDINGS` are
    `cls.BINDINGS` with their words, made once per class and language."""
    if cls.spoken is not None:  # already a language's class: start from the one written
        cls = cls.__bases__[0]
    return _in_language(cls, content.language)


@cache
def _in_language(cls: type[S], language: str) -> type[S]:
    content = Content(language)
    declared: list[Binding] = cls.BINDINGS  # type: ignore[attr-defined]
    namespace = {
        "BINDINGS": [
            replace(binding, description=cls.describe(binding, content)) for binding in declared
        ],
        "spoken": language,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    }
    return type(cls.__name__, (cls,), namespace)


class Leaving:
    """Mixin for a screen that Escape closes (back to where it was opened from) and F1
    explains (its `help_topic` in the home content's help)."""

    help_topic = ""

    def action_close(self) -> None:
        self.post_message(Done())  # type: ignore[attr-defined]

    def action_help(self) -> None:
        self.post_message(HelpWanted(self.help_topic))  # type: ignore[attr-defined]


# -- messages to the app -----------------------------------------------------------------


class Open(Message):
    """Open a flow (`prepare`, `followup`, …) on top of this screen, for `entry` (the
    latest reflection when None); `replace` swaps this screen for it."""

    def __init__(self, flow: str, entry: Any = None, *, replace: bool = False) -> None:
        super().__init__()
        self.flow = flow
        self.entry = entry
        self.replace = replace


class Saved(Message):
    """A reflection was saved: its id is what the app returns when it ends."""

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id


class HelpNoticeWanted(Message):
    """Words that ask for the calm help notice were typed; the app shows it once."""


class Done(Message):
    """This flow is finished: back to where it was opened from, or out of the app."""


class HelpWanted(Message):
    """F1: what this screen (`topic`) is for and how to use it."""

    def __init__(self, topic: str) -> None:
        super().__init__()
        self.topic = topic
