"""What `history --search` found, for people (terminal, Markdown) and for machines (JSON).
Snippets are the user's words: shown literally, control characters made visible. A match
in the private text is named, never quoted: only the dashboard shows that text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from veerkracht.content import Content
from veerkracht.core.model import Entry
from veerkracht.core.search import Found, Query, Results
from veerkracht.core.textsafe import for_markdown, visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def text(content: Content, key: str, **params: Any) -> str:
    return content.text("history", "search", key, **params)


def field_name(found: Found, content: Content) -> str:
    """The field a match was found in, as people call it (`wat er speelt`)."""
    key = "pillars" if found.field.startswith("pillars.") else found.field.replace(".", "_")
    return content.text("history", "search", "fields", key)


def quoted(query: Query, content: Content) -> str:
    """The query as typed, in the language's quotes (user text: make it safe)."""
    return text(content, "quoted", words=query.said or " ".join(query.words))


def heading(results: Results, content: Content) -> str:
    """`Gezocht op „slaap”: 3 reflecties, 1 check-in.` (user text: make it safe)."""
    found = content.counted("reflection", len(results.entries))
    if results.checkins:
        found += ", " + content.counted("checkin", len(results.checkins))
    return text(content, "heading", words=quoted(results.query, content), found=found)


def nothing_found(results: Results, content: Content) -> str:
    return text(content, "none", words=quoted(results.query, content))


def print_found(
    console: Console, results: Results, shown: Sequence[Entry], content: Content
) -> None:
    """Where the words stand in each shown entry, then the check-ins found."""
    lines = [(entry.id.rjust(4), results.where(entry)) for entry in shown]
    _print_block(console, text(content, "where"), lines, content)
    days = [(checkin.created.strftime("  %Y-%m-%d"), results.where(checkin)) for checkin in
            results.checkins]  # fmt: skip
    _print_block(console, text(content, "checkins"), days, content)


def _print_block(
    console: Console, title: str, lines: list[tuple[str, Found | None]], content: Content
) -> None:
    from rich.text import Text

    if not lines:
        return
    console.print()
    console.print(Text(title, "underline"))
    for prefix, found in lines:
        line = Text(prefix + "  ")
        if found is not None:
            line.append_text(_found_text(found, content))
        console.print(line, overflow="fold")


def _found_text(found: Found, content: Content) -> Text:
    from rich.text import Text

    name = field_name(found, content)
    if found.private:
        return Text(f"{name} {text(content, 'private_hidden')}")
    snippet = Text(visible(found.snippet.text))
    if len(snippet.plain) == len(found.snippet.text):  # the marks still line up
        for start, end in found.snippet.marks:
            snippet.stylize("bold", start, end)
    return Text(name + ": ") + snippet


def found_markdown(results: Results, shown: Sequence[Entry], content: Content) -> list[str]:
    """The same blocks as Markdown lists, the user's words escaped."""
    parts = []
    entries = [(entry.id, results.where(entry)) for entry in shown]
    checkins = [(checkin.created.strftime("%Y-%m-%d"), results.where(checkin)) for checkin in
                results.checkins]  # fmt: skip
    for title, lines in ((text(content, "where"), entries), (text(content, "checkins"), checkins)):
        if not lines:
            continue
        parts += [f"## {title}", ""]
        for name, found in lines:
            parts.append(f"- **{name}** · {_found_markdown(found, content)}")
        parts.append("")
    return parts


def _found_markdown(found: Found | None, content: Content) -> str:
    if found is None:
        return ""
    if found.private:
        return f"{field_name(found, content)} {text(content, 'private_hidden')}"
    return f"{field_name(found, content)}: {for_markdown(found.snippet.text)}"


def search_json(results: Results, shown: Sequence[Entry]) -> dict[str, Any]:
    """The `search` object of `history --format json`: the words, and where they were
    found in each shown entry and in each check-in (no snippet of the private text)."""

    def where(record: Any) -> dict[str, Any]:
        found = results.where(record)
        if found is None:
            return {"field": None, "snippet": None}
        return {"field": found.field, "snippet": None if found.private else found.snippet.text}

    return {
        "words": list(results.query.words),
        "entries": [{"id": entry.id, **where(entry)} for entry in shown],
        "checkins": [
            {"id": checkin.id, "created": checkin.created.isoformat(), **where(checkin)}
            for checkin in results.checkins
        ],
    }
