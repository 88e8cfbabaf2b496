"""A window closed while typing keeps the words: SIGHUP on POSIX (test_reflect_tui.py,
and the storms' hang-up), the console's close event on Windows (here)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.drive import SIZE, fill
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store
from veerkracht.tui import closing


def test_the_console_handler_keeps_drafts_only_for_a_closing_event() -> None:
    kept: list[int] = []
    handle = closing.windows_handler(kept.append)
    assert handle(0) is False  # Ctrl+C: Textual reads it as a key
    assert kept == []
    for event in closing.WINDOWS_CLOSING_EVENTS:
        assert handle(event) is True
    assert kept == [closing.WINDOWS_CLOSED_CODE] * len(closing.WINDOWS_CLOSING_EVENTS)


def test_posix_signals_are_those_the_system_has() -> None:
    import signal

    assert all(isinstance(number, signal.Signals) for number in closing.POSIX_CLOSING_SIGNALS)
    assert (sys.platform == "win32") == (not hasattr(signal, "SIGHUP"))


@pytest.mark.skipif(
    sys.platform != "win32",
    reason="the console close event is Windows'; POSIX: "
    "test_reflect_tui.py::test_a_closed_terminal_keeps_even_the_words_just_typed",
)
async def test_a_closed_console_window_keeps_the_words_just_typed(
    home: Path, reflect_app: Callable[..., Any]
) -> None:
    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "enter", "enter")
        await fill(pilot, "net getypt")
        assert app.console_handler is not None
        # The console calls its handler on a thread of its own, and ends the process a
        # few seconds after it returns: the draft must be kept by then.
        handled = await asyncio.to_thread(app.console_handler, closing.CTRL_CLOSE_EVENT)
        assert handled is True
        await pilot.pause()
    assert Draft(Store(home), "reflect").load()["answers"]["feelings_note"] == "net getypt"
