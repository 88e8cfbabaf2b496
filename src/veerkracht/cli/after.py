"""After the talk: `followup`, `agreements` and the weekly `checkin`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from veerkracht.cli.options import (
    AgreementFormat,
    DataDirOption,
    FromOption,
    LanguageOption,
    OptionalEntryArgument,
    OutputOption,
    PlainOption,
)
from veerkracht.cli.session import (
    Session,
    echo_json,
    parse_file,
    plain_or_file,
    run_tui,
    use,
    write_calendar,
)
from veerkracht.core.model import Entry, now

if TYPE_CHECKING:
    pass


def followup(
    ctx: typer.Context,
    entry_ref: OptionalEntryArgument = None,
    from_file: FromOption = None,
    plain: PlainOption = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Na het gesprek: hoe ging het, wat hielp, wat spraken jullie af, wat is je volgende stap?

    Voorbeeld: veerkracht followup last --from verslag.json
    """
    from veerkracht.core.records import parse_followup

    session = use(ctx, language, directory)
    plain_or_file(session, plain, from_file)
    if from_file is None:
        entry = session.store.entry(entry_ref or "last")
        if plain:
            from veerkracht.cli import plain_after

            plain_after.followup(session, entry)
            return
        run_tui(session, start="followup", entry=entry)
        return
    from veerkracht.cli import saved
    from veerkracht.services.after_talk import save_followup

    moment = now()
    followup, agreements, ref = parse_file(session, from_file, parse_followup, moment)
    entry = _entry_meant(session, entry_ref, ref, from_file)
    saved.followup(
        session, save_followup(session.store, followup, agreements, entry, moment.date())
    )


def _entry_meant(session: Session, typed: str | None, in_file: str | None, path: str) -> Entry:
    """The reflection a follow-up from a file belongs to: the one typed, else the file's
    `entry`, else the latest. When both are given and differ, neither wins: refused,
    naming both (nothing is saved)."""
    from veerkracht.core.errors import VeerkrachtError

    store = session.store
    if typed is None or in_file is None:
        return store.entry(typed or in_file or "last")
    chosen = store.entry(typed)
    try:
        filed = store.entry(in_file).id
    except VeerkrachtError:
        filed = None
    if filed != chosen.id:
        raise VeerkrachtError(
            "entry_conflict", typed=typed, id=chosen.id, path=path, in_file=in_file,
            file_id=filed or in_file,
        )  # fmt: skip
    return chosen


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
    from veerkracht.services.after_talk import mark_kept

    session = use(ctx, language, directory)
    if done is not None:
        mark_kept(session.store, done)
        session.say("agreement_done", id=done)
        return
    if undo is not None:
        mark_kept(session.store, undo, kept=False)
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
    plain: PlainOption = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """De wekelijkse check-in: wat ging goed, wat was lastig, wat leerde je, wat doe je anders?

    Voorbeeld: veerkracht checkin --from week47.toml
    """
    from veerkracht.core.records import parse_checkin

    session = use(ctx, language, directory)
    plain_or_file(session, plain, from_file)
    if plain:
        from veerkracht.cli import plain_after

        plain_after.checkin(session)
        return
    if from_file is None:
        run_tui(session, start="checkin")
        return
    from veerkracht.cli import saved
    from veerkracht.services.after_talk import save_checkin

    saved.checkin(
        session, save_checkin(session.store, parse_file(session, from_file, parse_checkin, now()))
    )
