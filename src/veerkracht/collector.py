"""The cyclic garbage collector: off where it only costs time, on where a process lives
long. The one place that switches it (measured with benchmarks/run.py, 2026-11-23):

- A command lives well under a second and builds large acyclic structures (10,000
  entries parsed, summarised, serialised). With the collector off from the start,
  `history --format json` on 10,000 entries takes 386 ms instead of 410 (6% less).
- A screen lives long, so the collector runs again; reading the store still pauses it
  (`paused`): building 10,000 entries takes about 40% less time that way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def off_for_a_command() -> None:
    gc.disable()


def on_for_a_screen() -> None:
    gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """Build many objects at once without the collector running over and over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
