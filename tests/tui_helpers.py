"""Driving the TUI in tests: start the app on a store, type, paste, read the state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from veerkracht.content import Content
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp

SIZE = (100, 30)
SMALL = (80, 24)

#: Three paragraphs, as people paste them from a note: blank lines, a tab, brackets.
PARAGRAPHS = (
    "Het gaat al weken niet goed.\n\n"
    "Ik slaap slecht [echt] en ik\tmaak fouten.\n"
    "Tweede regel van de tweede alinea.\n\n"
    "Derde alinea: wat ik nodig heb."
)


def make_app(home: Path, language: str = "nl") -> VeerkrachtApp:
    return VeerkrachtApp(Store(home), Content(language))


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text key by key, as a person would."""
    await pilot.press(*[_key(character) for character in text])


async def paste(pilot: Pilot, text: str, into: Widget | None = None) -> None:
    """A bracketed paste, delivered the way the terminal driver delivers one (to the
    focused widget; `into` is focused first)."""
    if into is not None:
        into.focus()
        await pilot.pause()
        assert pilot.app.focused is into
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10) -> None:
    """Let the app work until `condition` holds (for work done in the background, such as
    the command palette's search); fails after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the app never got there"
        await pilot.pause(0.01)


def _key(character: str) -> str:
    names = {" ": "space", ".": "full_stop", ",": "comma", "?": "question_mark",
             "!": "exclamation_mark", "'": "apostrophe", "-": "minus", "\n": "enter"}  # fmt: skip
    return names.get(character, character)
