"""Driving the TUI in tests: start the app on a store, type, read the state."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from veerkracht.app import VeerkrachtApp
from veerkracht.content import Content
from veerkracht.storage import Store

SIZE = (100, 30)


def make_app(home: Path, language: str = "nl") -> VeerkrachtApp:
    return VeerkrachtApp(Store(home), Content(language))


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text key by key, as a person would."""
    await pilot.press(*[_key(character) for character in text])


def _key(character: str) -> str:
    names = {" ": "space", ".": "full_stop", ",": "comma", "?": "question_mark",
             "!": "exclamation_mark", "'": "apostrophe", "-": "minus"}  # fmt: skip
    return names.get(character, character)
