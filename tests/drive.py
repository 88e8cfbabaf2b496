"""Drivers for tests: run the command line as a script would, and work a screen the way
a person does (type, paste, fill a field, wait). The shared test data (answers, entries,
apps, the moment records are made at) are fixtures in conftest.py."""

from __future__ import annotations

import asyncio
import functools
import json
import stat
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import typer.testing
from textual import events
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea
from typer.testing import CliRunner, Result

from veerkracht.cli import app

SIZE = (100, 30)
SMALL = (80, 24)

#: Three paragraphs, as people paste them from a note: blank lines, a tab, brackets.
PARAGRAPHS = (
    "Het gaat al weken niet goed.\n\n"
    "Ik slaap slecht [echt] en ik\tmaak fouten.\n"
    "Tweede regel van de tweede alinea.\n\n"
    "Derde alinea: wat ik nodig heb."
)


# Typer's test runner builds the app's command from its functions on every call (7 ms,
# in a suite that runs the CLI over a thousand times); build it once per app instead.
# (The command is rebuilt as before if a Typer version renames this helper.)
if hasattr(typer.testing, "_get_command"):
    typer.testing._get_command = functools.cache(typer.testing._get_command)

runner = CliRunner()


# -- the command line ----------------------------------------------------------------------


def run(*args: str, input: str | None = None) -> Result:
    """`veerkracht ARGS` in this process, as a script runs it (no terminal)."""
    return runner.invoke(app, list(args), input=input)


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def assert_refused(result: Result, *words: str) -> None:
    """Exit 1, one line on stderr naming the problem, nothing on stdout, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def moment_from(text: str) -> datetime:
    """`2026-12-31T23:30 Europe/Amsterdam` (or an ISO date-time with an offset)."""
    stamp, _, zone = text.strip().partition(" ")
    moment = datetime.fromisoformat(stamp)
    return moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment


# -- the files' privacy, on each system -----------------------------------------------------


def assert_private(path: Path) -> None:
    """Readable by this user alone: 0600 (a file) or 0700 (a folder) on POSIX; on
    Windows, where modes mean nothing, no broad group (Everyone, Users, …) may read it."""
    if sys.platform == "win32":
        from veerkracht.store.privacy import readable_by_others

        assert readable_by_others(path) == [], path
    else:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def open_to_everyone(path: Path) -> None:
    """Let every user of the machine read and write `path` (chmod 777, or on Windows an
    access list that grants Everyone full control, inherited by what is made inside)."""
    if sys.platform == "win32":
        from veerkracht.store import winacl

        assert winacl.set_access(path, f"D:(A;OICI;FA;;;WD)(A;OICI;FA;;;{winacl.user_sid()})")
    else:
        path.chmod(0o777)


# -- screens -------------------------------------------------------------------------------


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text key by key, as a person would (for the walks that prove the keys)."""
    await pilot.press(*[_key(character) for character in text])


async def fill(pilot: Pilot, text: str, into: Widget | str | None = None) -> None:
    """Put `text` into a field (the focused one, or `into`) as one edit, the way typing
    ends up: the field's Changed message follows, so drafts and checks run. Most tests
    need the words, not the keys; each flow keeps one walk by keys alone."""
    field = pilot.app.screen.query_one(into) if isinstance(into, str) else into
    if field is None:
        field = pilot.app.focused
    else:
        field.focus()
    if isinstance(field, TextArea):
        field.insert(text)
    elif isinstance(field, Input):
        field.insert_text_at_cursor(text)
    else:
        raise TypeError(f"not a text field: {field!r}")
    await pilot.pause()


async def paste(pilot: Pilot, text: str, into: Widget | None = None) -> None:
    """A bracketed paste, delivered the way the terminal driver delivers one (to the
    focused widget; `into` is focused first)."""
    if into is not None:
        into.focus()
        await pilot.pause()
        assert pilot.app.focused is into
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def wait_until(
    pilot: Pilot, condition: Callable[[], Any], timeout: float = 10, message: str = ""
) -> None:
    """Let the app work until `condition` holds (for work done in the background, such as
    the command palette's search); fails after `timeout` seconds, saying `message` and
    the screen in front."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        where = f"{message} (on {type(pilot.app.screen).__name__})"
        assert loop.time() < deadline, f"the app never got there: {where}"
        await pilot.pause(0.01)


class Said:
    """Every notification an app shows, caught through `run_test`'s public message hook
    (`app.run_test(message_hook=said)`): no private attribute read, and none lost when
    a slow machine lets a toast time out before the test looks."""

    def __init__(self) -> None:
        self.notifications: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify) and message.notification not in self.notifications:
            self.notifications.append(message.notification)

    @property
    def messages(self) -> list[str]:
        return [notification.message for notification in self.notifications]

    def any(self, words: str) -> bool:
        """Some notification says `words`."""
        return any(words in message for message in self.messages)

    def errors(self) -> list[str]:
        return [n.message for n in self.notifications if n.severity == "error"]


def _key(character: str) -> str:
    names = {" ": "space", ".": "full_stop", ",": "comma", "?": "question_mark",
             "!": "exclamation_mark", "'": "apostrophe", "-": "minus", "\n": "enter"}  # fmt: skip
    return names.get(character, character)
