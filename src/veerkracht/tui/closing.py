"""When the terminal goes away: keep every draft first, then end the app.

On POSIX a closed window or a dropped SSH connection sends SIGHUP, and a polite kill
SIGTERM. Windows has neither: closing the console window, logging off or shutting down
sends a console control event to a handler thread, and the process is ended a few
seconds after that handler returns, so the drafts must be kept before it does.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable

#: Windows console control events that end the process (wincon.h).
CTRL_BREAK_EVENT = 1
CTRL_CLOSE_EVENT = 2
CTRL_LOGOFF_EVENT = 5
CTRL_SHUTDOWN_EVENT = 6
WINDOWS_CLOSING_EVENTS = (
    CTRL_BREAK_EVENT,
    CTRL_CLOSE_EVENT,
    CTRL_LOGOFF_EVENT,
    CTRL_SHUTDOWN_EVENT,
)

#: The POSIX signals that mean "the terminal is gone"; those this system has.
POSIX_CLOSING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)

#: Exit code after a console event, as `cmd` reports a Ctrl+Break (STATUS_CONTROL_C_EXIT).
WINDOWS_CLOSED_CODE = 0xC000013A

OnClose = Callable[[int], None]


def exit_code(signal_number: int) -> int:
    """The code a shell reports for a process ended this way (129 hang-up, 143 SIGTERM)."""
    return 128 + signal_number


def watch_posix(
    loop: asyncio.AbstractEventLoop, on_close: OnClose, on_arrival: OnClose | None = None
) -> None:
    """Call `on_close(code)` on the loop when SIGHUP or SIGTERM arrives.

    The handler is a plain signal handler rather than the loop's: it runs as soon as the
    signal comes, even while the loop is busy starting a screen, so `on_arrival(code)`
    (a deadline) starts at once. Once the loop is closed, a signal has its usual effect."""

    def arrived(number: int, _frame: object) -> None:
        code = exit_code(number)
        if on_arrival is not None:
            on_arrival(code)
        try:
            loop.call_soon_threadsafe(on_close, code)
        except RuntimeError:  # the app has ended: do what the signal does by default
            signal.signal(number, signal.SIG_DFL)
            signal.raise_signal(number)

    for number in POSIX_CLOSING_SIGNALS:
        with contextlib.suppress(ValueError):  # not the main thread: nobody to tell
            signal.signal(number, arrived)


def windows_handler(on_close_blocking: OnClose) -> Callable[[int], bool]:
    """The console control handler: for a closing event, keep what is on screen (the
    call blocks until it is done) and say the event is handled; others go on."""

    def handle(event: int) -> bool:
        if event not in WINDOWS_CLOSING_EVENTS:
            return False
        on_close_blocking(WINDOWS_CLOSED_CODE)
        return True

    return handle


def watch_windows(on_close_blocking: OnClose) -> Callable[[int], bool]:
    """Register `windows_handler` with the console (where there is one) and return it;
    the caller keeps it, since the console holds no reference of its own."""
    import ctypes
    from ctypes import wintypes

    handler = windows_handler(on_close_blocking)
    prototype = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)
    registered = prototype(handler)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    if kernel32.SetConsoleCtrlHandler(registered, True):
        handler.registered = registered  # type: ignore[attr-defined]
    return handler


def watch(
    loop: asyncio.AbstractEventLoop,
    on_close: OnClose,
    from_thread: Callable[..., object],
    on_arrival: OnClose | None = None,
) -> Callable[[int], bool] | None:
    """Watch for the terminal going away on this system. `from_thread(fn, arg)` runs
    `fn(arg)` on the app's loop and waits for it (Textual's `call_from_thread`); on POSIX
    `on_arrival(code)` runs the moment the signal comes. On Windows, returns the console
    handler."""
    if sys.platform == "win32":
        return watch_windows(lambda code: from_thread(on_close, code))
    watch_posix(loop, on_close, on_arrival)
    return None
