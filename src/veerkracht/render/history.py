"""The history report for people: a terminal table and a Markdown report, both readable
without colour (bars are characters, not colours)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from veerkracht.content import Content
from veerkracht.core.model import Entry
from veerkracht.core.patterns import COUNTED_GROUPS
from veerkracht.render.terminal import console_for

if TYPE_CHECKING:
    from rich.console import Console

BAR_WIDTH = 24
SCALE_WIDTH = 10
TABLE_WEEKS = 12
DEFAULT_LIMIT = 10


def bar(value: float, top: float, width: int = BAR_WIDTH) -> str:
    """A bar of `width` cells, filled in proportion to value/top."""
    filled = round(width * value / top) if top else 0
    return "█" * filled


def shorten(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def scale_bar(value: float, high: float = 10, width: int = SCALE_WIDTH) -> str:
    """A bar on a fixed scale, its empty part visible too."""
    filled = round(width * value / high)
    return "█" * filled + "░" * (width - filled)


def text(content: Content, key: str, **params: Any) -> str:
    return content.text("history", "report", key, **params)


def pattern_blocks(
    patterns: dict[str, Any],
    content: Content,
    weeks: int | None = None,
    width: int | None = None,
) -> list[tuple[str, list[str]]]:
    """The patterns as (heading, lines) blocks, shared by the table, Markdown and the
    dashboard. With `width`, labels are shortened and bars sized so each line fits."""
    blocks = []
    for group in COUNTED_GROUPS:
        counted = patterns[group]
        if not counted:
            continue
        top = max(counted.values())
        labels = {key: content.label(group, key) for key in counted}
        label_width = max(len(label) for label in labels.values())
        bar_width = BAR_WIDTH
        if width is not None:
            label_width = min(label_width, max(8, width // 2))
            bar_width = max(4, min(BAR_WIDTH, width - label_width - 7))
        lines = [
            f"{shorten(labels[key], label_width):<{label_width}}  "
            f"{bar(count, top, bar_width)} {count}"
            for key, count in counted.items()
        ]
        blocks.append((text(content, group), lines))
    by_week = patterns["intensity"]["by_week"][-weeks if weeks else None :]
    if by_week:
        lines = [
            f"{week['week']}  {scale_bar(week['mean'])}  {week['mean']:>4}  ({week['count']})"
            for week in by_week
        ]
        blocks.append((text(content, "by_week"), lines))
    if patterns["pairs"]:
        lines = [
            text(
                content,
                "pair",
                trigger=content.label("triggers", pair["trigger"]),
                feeling=content.label("feelings", pair["feeling"]),
                count=pair["count"],
            )
            for pair in patterns["pairs"]
        ]
        blocks.append((text(content, "pairs"), lines))
    blocks.append((text(content, "trend"), [trend_sentence(patterns["trend"], content)]))
    talks = patterns["conversations"]
    if talks["count"]:
        said = content.counted("conversation", talks["count"])
        summary = text(content, "conversations_text", conversations=said, **talks)
        blocks.append((text(content, "conversations"), [summary]))
    made = patterns["agreements"]
    if made["count"]:
        blocks.append((text(content, "agreements"), [text(content, "agreements_text", **made)]))
    balance = patterns["capacity_load"]["by_week"][-weeks if weeks else None :]
    if balance:
        lines = [
            f"{week['week']}  {text(content, 'capacity')} {_scale(week['capacity'])}  "
            f"{text(content, 'load')} {_scale(week['load'])}"
            for week in balance
        ]
        blocks.append((text(content, "capacity_load"), lines))
    return blocks


def _scale(value: float | None) -> str:
    return "—" if value is None else f"{scale_bar(value)} {value:>4}"


def trend_sentence(trend: dict[str, Any], content: Content) -> str:
    recent, previous = trend["recent"], trend["previous"]
    if recent["mean"] is None:
        return text(content, "trend_none")
    params = {
        "recent": recent["mean"],
        "recent_count": recent["count"],
        "previous": previous["mean"],
        "previous_count": previous["count"],
    }
    if previous["mean"] is None:
        return text(content, "trend_recent", **params)
    sentence = text(content, "trend_both", **params)
    if trend["change"] >= 1:
        sentence += " " + text(content, "heavier")
    elif trend["change"] <= -1:
        sentence += " " + text(content, "lighter")
    return sentence


def entry_row(entry: Entry, content: Content) -> list[str]:
    return [
        entry.id,
        entry.created.strftime("%Y-%m-%d %H:%M"),
        "" if entry.intensity is None else f"{entry.intensity}/10",
        ", ".join(content.label("feelings", key) for key in entry.feelings),
        ", ".join(content.label("triggers", key) for key in entry.triggers),
    ]


def history_table(
    entries: Sequence[Entry],
    patterns: dict[str, Any],
    content: Content,
    out: TextIO,
    limit: int | None = None,
) -> None:
    """The newest entries as a table, then the patterns, for the terminal."""
    with console_for(out) as console:
        _print_history(console, entries, patterns, content, limit)


def _print_history(
    console: Console,
    entries: Sequence[Entry],
    patterns: dict[str, Any],
    content: Content,
    limit: int | None,
) -> None:
    from rich.table import Table
    from rich.text import Text

    if not entries:
        console.print(text(content, "no_match"))
        return
    shown = list(reversed(entries))[: limit or DEFAULT_LIMIT]
    console.print(Text(text(content, "entries", shown=len(shown), total=len(entries)), "bold"))
    table = Table(box=None, pad_edge=False, show_edge=False)
    for heading in text(content, "columns").split("|"):
        table.add_column(heading, overflow="ellipsis")
    for entry in shown:
        table.add_row(*entry_row(entry, content))
    console.print(table)
    console.print()
    console.print(Text(text(content, "patterns", count=patterns["count"]), "bold"))
    for heading, lines in pattern_blocks(patterns, content, TABLE_WEEKS):
        console.print()
        console.print(Text(heading, "underline"))
        for line in lines:
            console.print(Text("  " + line), overflow="fold")


def history_markdown(
    entries: Sequence[Entry], patterns: dict[str, Any], content: Content, limit: int | None
) -> str:
    """A report the user can keep."""
    parts = [f"# {text(content, 'title')}", ""]
    if not entries:
        return "\n".join([*parts, text(content, "no_match"), ""])
    shown = list(reversed(entries))[:limit] if limit else list(reversed(entries))
    parts += [f"## {text(content, 'entries', shown=len(shown), total=len(entries))}", ""]
    headings = text(content, "columns").split("|")
    parts += ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    parts += ["| " + " | ".join(entry_row(entry, content)) + " |" for entry in shown]
    parts += ["", f"## {text(content, 'patterns', count=patterns['count'])}", ""]
    for heading, lines in pattern_blocks(patterns, content):
        parts += [f"### {heading}", "", "```", *lines, "```", ""]
    return "\n".join(parts)
