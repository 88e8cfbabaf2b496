"""Scripts rendered for people and machines: terminal text, a Markdown card, JSON."""

from __future__ import annotations

import io
import json
from typing import TextIO

from veerkracht.content import Content
from veerkracht.scripts import Script
from veerkracht.terminal import console_for

FORMATS = ("text", "markdown", "json")


def render(script: Script, content: Content, output_format: str) -> str:
    """The script as plain text, Markdown or JSON."""
    if output_format == "json":
        return json.dumps(script.to_json(), ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return to_markdown(script, content)
    buffer = io.StringIO()
    print_text(script, content, buffer, plain=True)
    return buffer.getvalue()


def _heading(script: Script, content: Content) -> tuple[str, str]:
    title = content.text("scripts", "card", "title")
    subtitle = content.text(
        "scripts",
        "card",
        "subtitle",
        audience=content.text("scripts", "audiences", script.audience, "with"),
        id=script.entry.id,
        date=script.entry.created.date().isoformat(),
    )
    return title, subtitle


def to_markdown(script: Script, content: Content) -> str:
    """A one-page "gesprekskaart" that prints on one A4."""
    title, subtitle = _heading(script, content)
    parts = [f"# {title}", "", f"_{subtitle}_", ""]
    for section in script.sections:
        parts += [f"## {section.title}", ""]
        parts += [f"- {line}" for line in section.lines]
        parts.append("")
    parts += ["---", "", content.text("scripts", "card", "footer"), ""]
    return "\n".join(parts)


def print_text(script: Script, content: Content, out: TextIO, *, plain: bool = False) -> None:
    """The script for the terminal: bold titles where the terminal allows, bullets that
    wrap. `plain` gives text without escape codes, for files."""
    from rich.table import Table
    from rich.text import Text

    title, subtitle = _heading(script, content)
    with console_for(out, plain=plain) as console:
        console.print(Text(title, style="bold"))
        console.print(subtitle)
        for section in script.sections:
            console.print()
            console.print(Text(section.title, style="bold"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=3, justify="right")
            grid.add_column(ratio=1)
            for line in section.lines:
                grid.add_row("•", line)
            console.print(grid)
