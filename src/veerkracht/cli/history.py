"""`history`: your reflections and the patterns in them, over time."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veerkracht.cli.options import (
    DataDirOption,
    FeelingOption,
    HistoryFormat,
    LanguageOption,
    TriggerOption,
)
from veerkracht.cli.session import Session, echo_json, run_tui, use
from veerkracht.cli.support import list_supports
from veerkracht.core.model import now, without_private

if TYPE_CHECKING:
    from veerkracht.core.patterns import Filters
    from veerkracht.core.search import Query
    from veerkracht.services.history_view import History, HistoryView


def history(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE")] = None,
    feeling: FeelingOption = None,
    trigger: TriggerOption = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    output_format: Annotated[HistoryFormat | None, typer.Option("--format")] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            metavar="WORDS",
        ),
    ] = None,
    tui: Annotated[bool, typer.Option("--tui")] = False,
    support_notes: Annotated[bool, typer.Option("--support")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Je reflecties en de patronen erin, door de tijd.

    Voorbeeld: veerkracht history --since 8w --feeling tired --format markdown
    """
    from veerkracht.core.patterns import Filters
    from veerkracht.render.history import history_markdown, history_table
    from veerkracht.services.history_view import History

    session = use(ctx, language, directory)
    if support_notes and search is not None:
        message = session.content.message("search_support")
        raise typer.BadParameter(message, param_hint="--search")
    if support_notes:
        list_supports(session, as_json=output_format is HistoryFormat.json)
        return
    today = now().date()
    filters = _filters(session, since, until, feeling, trigger, today)
    query = _query(session, search)
    bare = filters == Filters() and output_format is None and limit is None and query is None
    if tui or (bare and sys.stdin.isatty() and sys.stdout.isatty()):
        run_tui(session, start="history")
        return
    history = History.read(session.store, session.content.label)
    view = history.view(filters, query, today)
    entries, patterns, found = view.entries, view.patterns, view.found
    if output_format is HistoryFormat.json:
        echo_json(_report(history, view, limit))
    elif output_format is HistoryFormat.markdown:
        typer.echo(history_markdown(entries, patterns, session.content, limit, found), nl=False)
    elif not history.entries:
        typer.echo(session.content.message("no_entries"))
    else:
        history_table(entries, patterns, session.content, sys.stdout, limit, found)


def _report(history: History, view: HistoryView, limit: int | None) -> dict[str, Any]:
    """`--format json`: the entries as stored (private text left out) and the patterns,
    with where the search found each entry."""
    shown = view.entries[-limit:] if limit else view.entries
    records = history.contents.entry_records  # this command's own copy, from the file
    report = {
        "entries": [without_private(records[entry.uuid]) for entry in shown],
        "patterns": view.patterns,
    }
    if view.found is not None:
        from veerkracht.render.search import search_json

        report["search"] = search_json(view.found, shown)
    return report


def _filters(
    session: Session,
    since: str | None,
    until: str | None,
    feeling: str | None,
    trigger: str | None,
    today: date,
) -> Filters:
    """The filters as typed; an end before the start is a usage error naming both."""
    from veerkracht.core.patterns import Filters

    filters = Filters(
        since=_day(session, since, "--since", today),
        until=_day(session, until, "--until", today),
        feeling=feeling,
        trigger=trigger,
    )
    if filters.since and filters.until and filters.since > filters.until:
        message = session.content.message("bad_range", since=since, until=until)
        raise typer.BadParameter(message, param_hint="--since")
    return filters


def _query(session: Session, search: str | None) -> Query | None:
    """The search as typed (None: no search); words that are all left out are a usage
    error."""
    from veerkracht.core.search import Query

    query = None if search is None else Query.parse(search)
    if query is not None and not query:
        message = session.content.message("empty_search")
        raise typer.BadParameter(message, param_hint="--search")
    return query


def _day(session: Session, value: str | None, option: str, today: date) -> date | None:
    """A --since/--until value as a date; a bad one is a usage error naming it."""
    from veerkracht.core.periods import parse_day

    if value is None:
        return None
    try:
        return parse_day(value, today)
    except ValueError:
        message = session.content.message("bad_date", value=value)
        raise typer.BadParameter(message, param_hint=option) from None
