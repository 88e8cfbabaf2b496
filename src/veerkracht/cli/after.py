"""After the talk: `followup`, `agreements` and the weekly `checkin`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from veerkracht.cli.options import (
    AgreementFormat,
    DataDirOption,
    FromOption,
    LanguageOption,
    OptionalEntryArgument,
    OutputOption,
)
from veerkracht.cli.session import (
    echo_json,
    notice_if_heavy,
    parse_file,
    past_due,
    run_tui,
    use,
    write_calendar,
)
from veerkracht.core.model import now


def followup(
    ctx: typer.Context,
    entry_ref: OptionalEntryArgument = None,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Na het gesprek: hoe ging het, wat hielp, wat spraken jullie af, wat is je volgende stap?

    Voorbeeld: veerkracht followup last --from verslag.json
    """
    from veerkracht.core.records import parse_followup

    session = use(ctx, language, directory)
    if from_file is None:
        entry = session.store.entry(entry_ref or "last")
        run_tui(session, start="followup", entry=entry)
        return
    followup, agreements, ref = parse_file(session, from_file, parse_followup, now())
    entry = session.store.entry(ref or entry_ref or "last")
    session.store.add_followup(followup, agreements, entry)
    typer.echo(followup.id)
    past_due(session, agreements)
    heavy = notice_if_heavy(session, [followup.to_record(), *[a.to_record() for a in agreements]])
    if followup.went_badly():
        route = "next_route_heavy" if heavy or entry.help_notice else "next_route"
        typer.echo("\n" + session.content.text("after", "followup", route), err=True)


def agreements(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all")] = False,
    done: Annotated[str | None, typer.Option("--done", metavar="ID")] = None,
    undo: Annotated[
        str | None,
        typer.Option("--undo", metavar="ID"),
    ] = None,
    output_format: Annotated[AgreementFormat, typer.Option("--format")] = AgreementFormat.table,
    include: Annotated[
        str | None,
        typer.Option("--include", metavar="text"),
    ] = None,
    output: OutputOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Afspraken uit je gesprekken, open afspraken eerst.

    Voorbeeld: veerkracht agreements --done 3
    """
    from veerkracht.render.agreements import agreement_json, agreements_in_order, agreements_table

    session = use(ctx, language, directory)
    if done is not None:
        session.store.mark_agreements_done([done])
        session.say("agreement_done", id=done)
        return
    if undo is not None:
        session.store.mark_agreements_done([undo], done=False)
        session.say("agreement_undone", id=undo)
        return
    as_ics = output_format is AgreementFormat.ics
    if write_calendar(
        session, "agreements", as_ics=as_ics, include=include, output=output, include_done=show_all
    ):
        return
    contents = session.store.contents()
    today = now().date()
    shown = agreements_in_order(contents.agreements, today, include_done=show_all)
    entry_ids = {entry.uuid: entry.id for entry in contents.entries}
    if output_format is AgreementFormat.json:
        echo_json([agreement_json(agreement, entry_ids) for agreement in shown])
    elif not shown:
        typer.echo(session.content.message("no_agreements"))
    else:
        agreements_table(shown, entry_ids, today, session.content, sys.stdout)


def checkin(
    ctx: typer.Context,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """De wekelijkse check-in: wat ging goed, wat was lastig, wat leerde je, wat doe je anders?

    Voorbeeld: veerkracht checkin --from week47.toml
    """
    from veerkracht.core.records import parse_checkin

    session = use(ctx, language, directory)
    if from_file is None:
        run_tui(session, start="checkin")
        return
    checkin = parse_file(session, from_file, parse_checkin, now())
    session.store.add_checkin(checkin)
    typer.echo(checkin.id)
    notice_if_heavy(session, checkin.to_record())
