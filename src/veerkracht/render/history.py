"""The history report for people: a terminal table and a Markdown report, both readable
without colour (bars are characters, not colours)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from veerkracht.content import Content
from veerkracht.core.model import Entry
from veerkracht.core.patterns import on_weeks, week_span
from veerkracht.core.search import Found, Results
from veerkracht.core.tally import COUNTED_GROUPS
from veerkracht.core.textsafe import for_markdown, visible
from veerkracht.render.chart import BAR, GAP, LINE, Column, week_chart
from veerkracht.render.search import field_name
from veerkracht.render.terminal import console_for

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

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


def entry_detail(entry: Entry, content: Content, found: Found | None = None) -> Text:
    """The dashboard's panel on one entry: its number, date and intensity, the options
    chosen, where a search's words stand in it (marked: the user's own view, so private
    text too, its field named as only theirs), and the keys to read it whole."""
    from rich.text import Text

    ui = lambda key, **params: content.text("history", "ui", key, **params)  # noqa: E731
    lines = [ui("detail", id=entry.id, date=entry.created.strftime("%Y-%m-%d %H:%M"))]
    for group in ("feelings", "triggers", "impact", "support"):
        chosen = getattr(entry, group)
        if chosen:
            labels = ", ".join(content.label(group, key) for key in chosen)
            lines.append(f"{text(content, group)}: {labels}")
    if entry.intensity is not None:
        lines[0] += f" · {entry.intensity}/10"
    shown = Text("\n".join(lines))
    if found is not None:
        snippet = Text(visible(found.snippet.text))
        if len(snippet.plain) == len(found.snippet.text):  # the marks still line up
            for start, end in found.snippet.marks:
                snippet.stylize("bold underline", start, end)
        said = Text(ui("found", field=field_name(found, content)) + " ") + snippet
        shown.append_text(Text("\n") + said)
    shown.append("\n" + ui("read_hint"))
    return shown


def pattern_blocks(
    patterns: dict[str, Any],
    content: Content,
    weeks: int | None = None,
    width: int | None = None,
    charts: bool = False,
) -> list[tuple[str, list[str]]]:
    """The patterns as (heading, lines) blocks, shared by the table, Markdown and the
    dashboard. With `width`, labels are shortened and bars sized so each line fits. The
    weeks are listed one per line (gaps said), or drawn as `charts` over the last
    `weeks` weeks."""
    blocks = [
        (text(content, group), count_lines(patterns[group], group, content, width))
        for group in COUNTED_GROUPS
        if patterns[group]
    ]
    by_week = patterns["intensity"]["by_week"]
    balance = patterns["capacity_load"]["by_week"]
    span = week_span(by_week, balance, weeks=weeks) if charts else []
    if by_week:
        if charts:
            lines = heaviness_chart(by_week, span, content)
        else:
            lines = week_lines(
                by_week, week_span(by_week, weeks=weeks), text(content, "gap_entries"), content,
                lambda week: f"{scale_bar(week['mean'])}  {week['mean']:>4}  ({week['count']})",
            )  # fmt: skip
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
    if balance:
        if charts:
            lines = capacity_chart(balance, span, content)
        else:
            lines = week_lines(
                balance, week_span(balance, weeks=weeks), text(content, "gap_checkins"), content,
                lambda week: f"{text(content, 'capacity')} {_scale(week['capacity'])}  "
                f"{text(content, 'load')} {_scale(week['load'])}",
            )  # fmt: skip
        blocks.append((text(content, "capacity_load"), lines))
    return blocks


def count_lines(
    counted: dict[str, int], group: str, content: Content, width: int | None
) -> list[str]:
    """How often each option was chosen, as bars; with `width`, labels are shortened and
    bars sized so each line fits."""
    top = max(counted.values())
    labels = {key: content.label(group, key) for key in counted}
    label_width = max(len(label) for label in labels.values())
    bar_width = BAR_WIDTH
    if width is not None:
        label_width = min(label_width, max(8, width // 2))
        bar_width = max(4, min(BAR_WIDTH, width - label_width - 7))
    return [
        f"{shorten(labels[key], label_width):<{label_width}}  {bar(count, top, bar_width)} {count}"
        for key, count in counted.items()
    ]


def week_lines(
    rows: Sequence[dict[str, Any]],
    span: Sequence[str],
    gap: str,
    content: Content,
    describe: Callable[[dict[str, Any]], str],
) -> list[str]:
    """One line per week of `span`; a week without a row says so (`··`), and three or
    more such weeks in a row take one line."""
    lines: list[str] = []
    weeks = on_weeks(rows, span)
    index = 0
    while index < len(weeks):
        week, row = weeks[index]
        if row is not None:
            lines.append(f"{week}  {describe(row)}")
            index += 1
            continue
        end = index
        while end + 1 < len(weeks) and weeks[end + 1][1] is None:
            end += 1
        if end - index >= 2:
            run = content.counted("week", end - index + 1)
            said = text(content, "gap_run", gap=gap, weeks=run, last=weeks[end][0])
            lines.append(f"{week}  {GAP} {said}")
        else:
            lines += [f"{name}  {GAP} {gap}" for name, _ in weeks[index : end + 1]]
        index = end + 1
    return lines


def heaviness_chart(
    by_week: Sequence[dict[str, Any]], span: Sequence[str], content: Content
) -> list[str]:
    """Heaviness per week as bars, with the weeks it covers and what a gap means."""
    columns = [
        (week, None if row is None else (row["mean"],)) for week, row in on_weeks(by_week, span)
    ]
    return [*week_chart(columns), *_legend(columns, text(content, "gap_entries"), content)]


def capacity_chart(
    balance: Sequence[dict[str, Any]], span: Sequence[str], content: Content
) -> list[str]:
    """Capacity (a bar) beside load (a thin line) per week, with a legend."""
    columns = [
        (week, None if row is None else (row["capacity"], row["load"]))
        for week, row in on_weeks(balance, span)
    ]
    key = f"{BAR[-1]} {text(content, 'capacity')}  {LINE[-1]} {text(content, 'load')}"
    legend = _legend(columns, text(content, "gap_checkins"), content)
    return [*week_chart(columns, (BAR, LINE)), key, *legend]


def _legend(columns: Sequence[Column], gap: str, content: Content) -> list[str]:
    lines = [text(content, "chart_weeks", first=columns[0][0], last=columns[-1][0])]
    if any(values is None for _, values in columns):
        lines.append(f"{GAP} {gap}")
    return lines


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
    found: Results | None = None,
) -> None:
    """The newest entries as a table (and where a search `found` its words), then the
    patterns, for the terminal."""
    with console_for(out) as console:
        _print_history(console, entries, patterns, content, limit, found)


def _print_history(
    console: Console,
    entries: Sequence[Entry],
    patterns: dict[str, Any],
    content: Content,
    limit: int | None,
    found: Results | None = None,
) -> None:
    from rich.table import Table
    from rich.text import Text

    from veerkracht.render import search

    if found is not None and not (found.entries or found.checkins):
        console.print(Text(visible(search.nothing_found(found, content))))
        return
    if found is not None:
        console.print(Text(visible(search.heading(found, content))))
        console.print()
    shown = list(reversed(entries))[: limit or DEFAULT_LIMIT]
    if not entries:
        console.print(text(content, "no_match"))
        if found is not None:
            search.print_found(console, found, shown, content)
        return
    console.print(Text(text(content, "entries", shown=len(shown), total=len(entries)), "bold"))
    table = Table(box=None, pad_edge=False, show_edge=False)
    for heading in text(content, "columns").split("|"):
        table.add_column(heading, overflow="ellipsis")
    for entry in shown:
        table.add_row(*entry_row(entry, content))
    console.print(table)
    if found is not None:
        search.print_found(console, found, shown, content)
    console.print()
    console.print(
        Text(
            text(content, "patterns", count=content.counted("reflection", patterns["count"])),
            "bold",
        )
    )
    for heading, lines in pattern_blocks(patterns, content, TABLE_WEEKS):
        console.print()
        console.print(Text(heading, "underline"))
        for line in lines:
            console.print(Text("  " + line), overflow="fold")


def history_markdown(
    entries: Sequence[Entry],
    patterns: dict[str, Any],
    content: Content,
    limit: int | None,
    found: Results | None = None,
) -> str:
    """A report the user can keep (with where a search `found` its words)."""
    from veerkracht.render import search

    parts = [f"# {text(content, 'title')}", ""]
    if found is not None and not (found.entries or found.checkins):
        return "\n".join([*parts, for_markdown(search.nothing_found(found, content)), ""])
    if found is not None:
        parts += [for_markdown(search.heading(found, content)), ""]
    shown = list(reversed(entries))[:limit] if limit else list(reversed(entries))
    if not entries:
        parts += [text(content, "no_match"), ""]
        if found is not None:
            parts += search.found_markdown(found, shown, content)
        return "\n".join(parts)
    parts += [f"## {text(content, 'entries', shown=len(shown), total=len(entries))}", ""]
    headings = text(content, "columns").split("|")
    parts += ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    parts += ["| " + " | ".join(entry_row(entry, content)) + " |" for entry in shown]
    parts.append("")
    if found is not None:
        parts += search.found_markdown(found, shown, content)
    parts += [f"## {text(content, 'patterns', count=patterns['count'])}", ""]
    for heading, lines in pattern_blocks(patterns, content):
        parts += [f"### {heading}", "", "```", *lines, "```", ""]
    return "\n".join(parts)
