"""A terminal that closes while a screen is starting (a dropped SSH connection, a closed
window): the app ends, it does not linger with its terminal gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.sample_store import build_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sys.platform == "win32",
        reason="a POSIX hang-up through a pty; on Windows the console close event is "
        "tested in tests/tui/test_closing_tui.py",
    ),
]


def hangup_as_in_a_terminal() -> None:
    """A hang-up ends a program by default; a suite started under `nohup` (as CI may
    be) passes on "ignore" to its children, which a real terminal's program never has."""
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


@pytest.mark.parametrize("after", [0.3, 0.8, 1.5])
def test_a_hang_up_while_the_dashboard_starts_ends_the_app(home: Path, after: float) -> None:
    import pty

    build_store(home, 10_000)
    controller, terminal = pty.openpty()
    env = {**os.environ, "VEERKRACHT_HOME": str(home), "TERM": "xterm-256color"}
    app = subprocess.Popen(
        [sys.executable, "-m", "veerkracht", "history", "--tui"],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, start_new_session=True,
        preexec_fn=hangup_as_in_a_terminal,
    )  # fmt: skip
    os.close(terminal)
    time.sleep(after)  # nobody reads the screen any more, as when a window is closed
    app.send_signal(signal.SIGHUP)
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
        pytest.fail(f"the app was still running 10 s after the hang-up (at {after} s)")
    finally:
        os.close(controller)
