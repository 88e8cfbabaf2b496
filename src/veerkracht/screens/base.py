"""Screens (and the app) whose keys are described in the user's language, declared with
Textual's public `BINDINGS`, and the messages screens send to the app.

Textual merges `BINDINGS` per class, once. The language is known only when a screen is
made, so a screen declares its bindings per language in `bindings(content)`, and making
one (with a `Content` among its arguments) gives an instance of a subclass that has
those `BINDINGS`: one subclass per class and language, made once."""

from __future__ import annotations

from functools import cache
from typing import Any

from textual.binding import Binding
from textual.message import Message

from veerkracht.content import Content


class SpeaksLanguage:
    """Mixin for a Textual screen or app whose key bindings come from content."""

    @classmethod
    def bindings(cls, content: Content) -> list[Binding]:
        """This class's key bindings, described in `content`'s language."""
        return []

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if "_language" not in cls.__dict__:
            given = (*args, *kwargs.values())
            content = next((value for value in given if isinstance(value, Content)), None)
            if content is not None:
                cls = _speaking(cls, content.language)
        return super().__new__(cls)  # type: ignore[misc]


@cache
def _speaking(cls: type, language: str) -> type:
    namespace = {
        "BINDINGS": cls.bindings(Content(language)),  # type: ignore[attr-defined]
        "_language": language,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    }
    return type(cls.__name__, (cls,), namespace)


def quit_binding(description: str) -> Binding:
    """ctrl+q on every screen: the screen is asked first (to offer keeping what was
    typed); shown in the footer with the screen's own word for it."""
    return Binding("ctrl+q", "app.request_quit", description, priority=True, id="quit")


def leaving_bindings(content: Content) -> list[Binding]:
    """Escape closes, F1 explains, ctrl+q stops: the keys every simple screen ends with."""
    return [
        Binding("escape", "close", content.text("after", "ui", "close"), id="close"),
        Binding("f1", "help", content.text("home", "ui", "help"), id="help"),
        quit_binding(content.text("reflect", "ui", "quit")),
    ]


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
