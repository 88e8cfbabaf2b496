"""Human-readable terminal output (Rich), plain text when colour is off or piped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from veerkracht.content import Content
from veerkracht.model import Entry


def history_table(entries: Sequence[Entry], content: Content, out: TextIO) -> None:
    """The entries, newest first, as a table."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out)
    if not entries:
        console.print(content.message("no_entries"))
        return
    table = Table(box=None, pad_edge=False)
    for heading in content.message("history_columns").split("|"):
        table.add_column(heading)
    for entry in reversed(entries):
        feelings = ", ".join(content.label("feelings", key) for key in entry.feelings)
        intensity = "" if entry.intensity is None else f"{entry.intensity}/10"
        table.add_row(entry.id, entry.created.strftime("%Y-%m-%d %H:%M"), intensity, feelings)
    console.print(table)
