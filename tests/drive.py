"""Drivers for tests: run the command line as a script would, and work a screen the way
a person does (type, paste, fill a field, wait). The shared test data (answers, entries,
apps, the moment records are made at) are fixtures in conftest.py."""

from __future__ import annotations

import asyncio
import contextlib
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
from textual.app import App
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


#: Textual's own `Pilot.pause` and `Pilot.press`, before conftest makes them settle.
TEXTUAL_PAUSE = Pilot.pause
TEXTUAL_PRESS = Pilot.press

#: How long a screen may take to settle after a key before the test goes on anyway (the
#: test's own assertion then says what is missing).
SETTLE_TIMEOUT = 10.0


def _settled_state(app: App) -> tuple[object, ...] | None:
    """What the user would see change, or None while the screen in front is still
    being built (a widget not yet mounted) or a worker is running."""
    screen = app.screen
    nodes = list(screen.walk_children(with_self=True))
    if not all(node.is_mounted for node in nodes):
        return None
    if any(worker.is_running for worker in app.workers):
        return None
    return (id(screen), len(app.screen_stack), id(app.focused), len(nodes))


async def _refreshed(app: App) -> None:
    """Wait until the app has drawn once more (what was laid out is on the screen)."""
    drawn = asyncio.Event()
    app.call_after_refresh(drawn.set)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(drawn.wait(), timeout=1.0)


async def settle(pilot: Pilot) -> None:
    """Wait until the screen in front is whole, done moving, drawn, and the same for one
    more round of messages. Textual's own wait between keys asks whether the process is
    using the CPU, which a busy machine and Windows' coarse clock both answer wrongly;
    this asks the screen instead."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SETTLE_TIMEOUT
    before = None
    while loop.time() < deadline:
        await TEXTUAL_PAUSE(pilot)
        await pilot.wait_for_animation()  # a smooth scroll ends where it is going
        await _refreshed(pilot.app)
        now = _settled_state(pilot.app)
        if now is not None and now == before:
            return
        before = now


async def steady_press(pilot: Pilot, *keys: str) -> None:
    """`Pilot.press` one key at a time, the screen settled after each, as a person's
    keys arrive."""
    for key in keys:
        await TEXTUAL_PRESS(pilot, key)
        await settle(pilot)


async def steady_pause(pilot: Pilot, delay: float | None = None) -> None:
    """`Pilot.pause()`: until the screen has settled (with a delay: that long, as ever)."""
    if delay is None:
        await settle(pilot)
    else:
        await TEXTUAL_PAUSE(pilot, delay)


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
