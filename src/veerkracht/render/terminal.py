"""Rich output that suits where it goes: styled on a terminal, plain text (no escape
codes, no trailing spaces) in a pipe or a file. Rich honours NO_COLOR itself."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

PLAIN_WIDTH = 88


@contextmanager
def console_for(out: TextIO, *, plain: bool = False) -> Iterator[Console]:
    """A Console whose output lands in `out` once the block ends."""
    from rich.console import Console

    styled = not plain and out.isatty()
    buffer = io.StringIO()
    width = shutil.get_terminal_size().columns if styled else PLAIN_WIDTH
    console = Console(
        file=buffer,
        highlight=False,
        width=width,
        force_terminal=styled,
        color_system="auto" if styled else None,
    )
    yield console
    out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
