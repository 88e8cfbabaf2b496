"""Cards rendered for people and machines: terminal text, Markdown, JSON.

A card is anything with a title, subtitle, sections and footer: the conversation
script (through `card_of`) and the support guide alike."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from veerkracht.content import Content
from veerkracht.core.scripts import Script, Section
from veerkracht.core.textsafe import for_markdown, json_escaped, visible
from veerkracht.render.terminal import console_for

FORMATS = ("text", "markdown", "json")


class CardLike(Protocol):
    """What a card shows; read only, so a frozen `Card` and a guide are both one."""

    @property
    def title(self) -> str: ...
    @property
    def subtitle(self) -> str: ...
    @property
    def sections(self) -> Sequence[Section]: ...
    @property
    def footer(self) -> str: ...

    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Card:
    """A script's words around its sections: the card's title, subtitle and footer."""

    script: Script
    title: str
    subtitle: str
    footer: str

    @property
    def sections(self) -> Sequence[Section]:
        return self.script.sections

    def to_json(self) -> dict[str, Any]:
        return self.script.to_json()


def card_of(script: Script, content: Content) -> Card:
    subtitle = content.text(
        "scripts",
        "card",
        "subtitle",
        audience=content.text("scripts", "audiences", script.audience, "with"),
        id=script.entry.id,
        date=script.entry.created.date().isoformat(),
    )
    if script.by_user:
        subtitle += " · " + content.text("scripts", "card", "by_user")
    title = content.text("scripts", "card", "title")
    return Card(script, title, subtitle, content.text("scripts", "card", "footer"))


def shared_card_of(script: Script, content: Content) -> Card:
    """The card as the person it is for reads it: about the user, not to them."""
    day = content.day_said(script.entry.created.date())
    subtitle = content.text("scripts", "shared", "subtitle", date=day)
    words = ("scripts", "shared")
    return Card(script, content.text(*words, "title"), subtitle, content.text(*words, "footer"))


def render(script: Script, content: Content, output_format: str) -> str:
    """The script as plain text, Markdown or JSON."""
    return render_card(card_of(script, content), output_format)


def render_card(card: CardLike, output_format: str) -> str:
    if output_format == "json":
        return json_escaped(json.dumps(card.to_json(), ensure_ascii=False, indent=2)) + "\n"
    if output_format == "markdown":
        return card_markdown(card)
    buffer = io.StringIO()
    print_card(card, buffer, plain=True)
    return buffer.getvalue()


def to_markdown(script: Script, content: Content) -> str:
    """A one-page "gesprekskaart" that prints on one A4."""
    return card_markdown(card_of(script, content))


def card_markdown(card: CardLike) -> str:
    """A card in Markdown; every line reads as written (user words are escaped)."""
    parts = [f"# {card.title}", "", f"_{for_markdown(card.subtitle)}_", ""]
    for section in card.sections:
        parts += [f"## {section.title}", ""]
        parts += [markdown_item(for_markdown(line)) for line in section.lines]
        parts.append("")
    parts += ["---", "", card.footer, ""]
    return "\n".join(parts)


def markdown_item(text: str) -> str:
    """A list item whose text may hold several lines or paragraphs: the lines after the
    first are indented, so they stay inside the item."""
    first, *rest = text.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" if line.strip() else "" for line in rest)])


def card_plain(card: CardLike) -> str:
    """The card as unwrapped plain lines, for a screen that wraps text itself."""
    parts = [visible(card.subtitle)]
    for section in card.sections:
        parts += ["", section.title.upper(), *[f"• {visible(line)}" for line in section.lines]]
    return "\n".join(parts)


def print_text(script: Script, content: Content, out: TextIO, *, plain: bool = False) -> None:
    print_card(card_of(script, content), out, plain=plain)


def print_card(card: CardLike, out: TextIO, *, plain: bool = False) -> None:
    """A card for the terminal: bold titles where the terminal allows, bullets that
    wrap. `plain` gives text without escape codes, for files."""
    from rich.table import Table
    from rich.text import Text

    with console_for(out, plain=plain) as console:
        console.print(Text(card.title, style="bold"))
        console.print(Text(visible(card.subtitle)))
        for section in card.sections:
            console.print()
            console.print(Text(section.title, style="bold"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=3, justify="right")
            grid.add_column(ratio=1)
            for line in section.lines:
                grid.add_row("•", Text(visible(line)))
            console.print(grid)
