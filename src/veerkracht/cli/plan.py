"""`plan`: the recovery plan on the work floor. Where you are, starting one, dialogue
talks, checked reports, progress shares with consent, pausing, stopping, evaluating."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from veerkracht.cli import plan_reports
from veerkracht.cli import plan_state as planning
from veerkracht.cli.options import (
    DataDirOption,
    FromOption,
    LanguageOption,
    OutputOption,
    PlainOption,
)
from veerkracht.cli.session import (
    echo_json,
    notice_if_heavy,
    parse_file,
    plain_or_file,
    run_tui,
    use,
    write_calendar,
)
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now

if TYPE_CHECKING:
    pass

plan_app = typer.Typer(
    name="plan",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)


class StatusFormat(StrEnum):
    text = "text"
    json = "json"
    ics = "ics"


@plan_app.callback()
def plan(
    ctx: typer.Context,
    output_format: Annotated[StatusFormat, typer.Option("--format")] = StatusFormat.text,
    include: Annotated[
        str | None,
        typer.Option("--include", metavar="text"),
    ] = None,
    output: OutputOption = None,
    tui: Annotated[bool, typer.Option("--tui")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Waar sta je in je herstelplan? Week, check-in, gesprekken, afspraken, draaglast.

    Voorbeeld: veerkracht plan --format json
    """
    session = use(ctx, language, directory)
    if ctx.invoked_subcommand is not None:
        return
    if tui:
        run_tui(session, start="plan")
        return
    as_ics = output_format is StatusFormat.ics
    if write_calendar(session, "plan", as_ics=as_ics, include=include, output=output):
        return
    state = planning.plan_state(session)
    if output_format is StatusFormat.json:
        from veerkracht.render.plan import plan_json

        echo_json({"plan": None} if state is None else plan_json(state))
        return
    if state is None:
        typer.echo(session.content.text("plan", "ui", "none"))
        typer.echo(session.content.message("no_plan"))
        typer.echo(session.content.text("plan", "ui", "suitable"))
        return
    from veerkracht.render.plan import status_lines

    for line in status_lines(state, session.content):
        typer.echo(line)


@plan_app.command()
def start(
    ctx: typer.Context,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Begin een herstelplan: start, weken, doelen en je persoonlijke werkplan.

    Voorbeeld: veerkracht plan start --from plan.toml
    """
    from veerkracht.core.plan import parse_plan
    from veerkracht.services.plans import start_plan

    session = use(ctx, language, directory)
    if from_file is None:
        run_tui(session, start="plan_start")
        return
    plan = parse_file(session, from_file, parse_plan, now())
    start_plan(session.store, plan)
    typer.echo(plan.id)
    notice_if_heavy(session, plan.to_record())


@plan_app.command()
def dialogue(
    ctx: typer.Context,
    talk_ref: Annotated[
        str | None,
        typer.Argument(metavar="[TALK]"),
    ] = None,
    from_file: FromOption = None,
    plain: PlainOption = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Een dialooggesprek met een collega: vooraf voorbereiden, achteraf vastleggen.

    Voorbeeld: veerkracht plan dialogue --from gesprek.json
    (na het gesprek: veerkracht plan dialogue 1 --from na-het-gesprek.json)
    """
    from veerkracht.core.plan import parse_dialogue
    from veerkracht.services.plans import open_plan_state

    session = use(ctx, language, directory)
    plain_or_file(session, plain, from_file)
    if plain:
        from veerkracht.cli import plain_after

        plain_after.dialogue(session, talk_ref)
        return
    moment = now()
    state = open_plan_state(session.store, moment.date())
    plan = planning.running(state.plan)
    if from_file is None:
        run_tui(session, start="plan_dialogue")
        return
    earlier = state.talk(talk_ref) if talk_ref is not None else None
    talk, agreements = parse_file(session, from_file, parse_dialogue, moment)
    from veerkracht.cli import saved
    from veerkracht.services.plans import save_dialogue

    today = now().date()
    saved.dialogue(session, save_dialogue(session.store, plan, talk, agreements, earlier, today))


@plan_app.command()
def pause(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Zet je plan even op pauze; de weken tellen dan niet door.

    Voorbeeld: veerkracht plan pause
    """
    from veerkracht.services.plans import change_plan, current_plan

    session = use(ctx, language, directory)
    change_plan(session.store, current_plan(session.store), "pause", now().date())
    session.say("plan_paused")


@plan_app.command()
def resume(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Ga verder met je plan na een pauze.

    Voorbeeld: veerkracht plan resume
    """
    from veerkracht.services.plans import change_plan, current_plan

    session = use(ctx, language, directory)
    today = now().date()
    plan = change_plan(session.store, current_plan(session.store), "resume", today)
    session.say("plan_resumed", week=plan.week(today))


@plan_app.command()
def stop(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Rond je plan af, ook als het eerder is dan gepland. Alles blijft bewaard.

    Voorbeeld: veerkracht plan stop
    """
    from veerkracht.services.plans import change_plan, current_plan

    session = use(ctx, language, directory)
    plan = current_plan(session.store)
    question = session.content.text("plan", "confirm", "stop_title")
    if not yes:
        if not planning.at_terminal():
            raise VeerkrachtError("needs_yes")
        if not session.ask(question):
            return
    change_plan(session.store, plan, "stop", now().date())
    session.say("plan_stopped")


@plan_app.command()
def evaluate(
    ctx: typer.Context,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Kijk terug op je plan: de vier pijlers, je afspraken, hoe nu verder. Rondt het af.

    Voorbeeld: veerkracht plan evaluate --from evaluatie.toml
    """
    from veerkracht.core.plan import parse_evaluation
    from veerkracht.services.plans import current_plan, evaluate_plan

    session = use(ctx, language, directory)
    plan = current_plan(session.store)
    if from_file is None:
        run_tui(session, start="plan_evaluate")
        return
    moment = now()
    evaluation = parse_file(session, from_file, parse_evaluation, moment)
    evaluate_plan(session.store, plan, evaluation, moment.date())
    session.say("plan_evaluated")
    notice_if_heavy(session, plan.evaluation)


# -- helpers -----------------------------------------------------------------------------


plan_app.command()(plan_reports.report)
plan_app.command()(plan_reports.share)
