"""`plan`: the recovery plan on the work floor. Where you are, starting one, dialogue
talks, checked reports, progress shares with consent, pausing, stopping, evaluating."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veerkracht.cli.options import (
    CardFormat,
    CardFormatOption,
    DataDirOption,
    FromOption,
    LanguageOption,
    OutputOption,
)
from veerkracht.cli.session import (
    Session,
    echo_json,
    emit,
    fail,
    help_notice,
    parse_file,
    run_tui,
    use,
)
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.textsafe import visible

if TYPE_CHECKING:
    from veerkracht.core.plan import Plan
    from veerkracht.core.progress import PlanState

plan_app = typer.Typer(
    name="plan",
    help="Je herstelplan op de werkvloer: acht weken reflectie, dialooggesprekken en afspraken.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)


class StatusFormat(StrEnum):
    text = "text"
    json = "json"


@plan_app.callback()
def plan(
    ctx: typer.Context,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", help="text of json.")
    ] = StatusFormat.text,
    tui: Annotated[bool, typer.Option("--tui", help="Open het plan in de terminal.")] = False,
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
    state = _state(session, latest=True)
    if output_format is StatusFormat.json:
        from veerkracht.render.plan import plan_json

        echo_json({"plan": None} if state is None else plan_json(state))
        return
    if state is None:
        typer.echo(session.content.text("plan", "ui", "none"))
        typer.echo(session.content.message("no_plan"))
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
    from veerkracht.store.plans import start_plan

    session = use(ctx, language, directory)
    if from_file is None:
        run_tui(session, start="plan_start")
        return
    plan = parse_file(session, from_file, parse_plan, now())
    start_plan(session.store, plan)
    typer.echo(plan.id)
    from veerkracht.core.safety import words_need_notice

    if words_need_notice(plan.to_record()):
        help_notice(session)


@plan_app.command()
def dialogue(
    ctx: typer.Context,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Een dialooggesprek met een collega: vooraf voorbereiden, achteraf vastleggen.

    Voorbeeld: veerkracht plan dialogue --from gesprek.json
    """
    from veerkracht.core.plan import parse_dialogue
    from veerkracht.core.safety import words_need_notice
    from veerkracht.store.plans import add_dialogue, current_plan

    session = use(ctx, language, directory)
    plan = _running(current_plan(session.store))
    if from_file is None:
        run_tui(session, start="plan_dialogue")
        return
    talk, agreements = parse_file(session, from_file, parse_dialogue, now())
    add_dialogue(session.store, plan, talk, agreements)
    typer.echo(talk.id)
    _language_tips(session, [talk.bottleneck, talk.feeling])
    if words_need_notice(talk.to_record()):
        help_notice(session)


@plan_app.command()
def report(
    ctx: typer.Context,
    week: Annotated[
        str | None, typer.Argument(metavar="[WEEK]", help="Weeknummer, of end (slotverslag).")
    ] = None,
    output_format: CardFormatOption = CardFormat.text,
    check: Annotated[
        bool, typer.Option("--check", help="Kijk het verslag regel voor regel na.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Met --check: neem elke regel over.")] = False,
    output: OutputOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Het verslag van een week (alleen nagekeken regels), of het slotverslag (end).

    Voorbeeld: veerkracht plan report 3 --check
    """
    from veerkracht.render.plan import (
        report_json,
        report_markdown,
        sections_json,
        sections_markdown,
    )

    session = use(ctx, language, directory)
    state = _state(session, latest=True)
    if state is None:
        raise VeerkrachtError("no_plan")
    content = session.content
    if week is not None and week.strip().lower() in ("end", "eind", "slot"):
        shared = sections_json(state, set(_all_sections()))
        title = content.text("plan", "report", "title_end")
        markdown = sections_markdown(shared, content, title, subtitle="closing_subtitle")
        _write(session, output_format, output, shared, markdown)
        return
    number = _week_number(session, state, week)
    if check:
        _check_week(session, state, number, yes)
        state = _state(session, latest=True)
        assert state is not None
    found = report_json(state, number)
    _write(session, output_format, output, found, report_markdown(found, content))


@plan_app.command()
def share(
    ctx: typer.Context,
    include: Annotated[
        str | None,
        typer.Option(
            "--include", metavar="KEY,…", help="weeks, goals, work_plan, agreements, trend, …"
        ),
    ] = None,
    output_format: CardFormatOption = CardFormat.markdown,
    output: OutputOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Voortgang delen met je leidinggevende, alleen wat jij per onderdeel kiest.

    Voorbeeld: veerkracht plan share --include weeks,agreements,trend -o voortgang.md
    """
    from veerkracht.render.plan import sections_json, sections_markdown

    session = use(ctx, language, directory)
    state = _state(session, latest=True)
    if state is None:
        raise VeerkrachtError("no_plan")
    content = session.content
    chosen = _chosen_sections(session, include)
    if chosen is None:
        if not _at_terminal():
            fail(content.message("plan_share_needs_include"))
        chosen = _ask_sections(session, state)
    shared = sections_json(state, chosen)
    if not shared["sections"]:
        typer.echo(content.text("plan", "share", "nothing"), err=True)
        return
    title = content.text("plan", "share", "title")
    _write(session, output_format, output, shared, sections_markdown(shared, content, title))


@plan_app.command()
def pause(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Zet je plan even op pauze; de weken tellen dan niet door.

    Voorbeeld: veerkracht plan pause
    """
    from veerkracht.store.plans import current_plan, save_plan

    session = use(ctx, language, directory)
    plan = current_plan(session.store)
    if plan.status == "paused":
        raise VeerkrachtError("plan_already_paused")
    plan.pause(now().date())
    save_plan(session.store, plan)
    session.say("plan_paused")


@plan_app.command()
def resume(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Ga verder met je plan na een pauze.

    Voorbeeld: veerkracht plan resume
    """
    from veerkracht.store.plans import current_plan, save_plan

    session = use(ctx, language, directory)
    plan = current_plan(session.store)
    if plan.status != "paused":
        raise VeerkrachtError("plan_not_paused")
    today = now().date()
    plan.resume(today)
    save_plan(session.store, plan)
    session.say("plan_resumed", week=plan.week(today))


@plan_app.command()
def stop(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Niet vragen.")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Rond je plan af, ook als het eerder is dan gepland. Alles blijft bewaard.

    Voorbeeld: veerkracht plan stop
    """
    from veerkracht.store.plans import current_plan, save_plan

    session = use(ctx, language, directory)
    plan = current_plan(session.store)
    question = session.content.text("plan", "confirm", "stop_title")
    if not yes:
        if not _at_terminal():
            raise VeerkrachtError("needs_yes")
        if not typer.confirm(question, default=False, err=True):
            return
    plan.stop(now().date())
    save_plan(session.store, plan)
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
    from veerkracht.store.plans import current_plan, save_plan

    session = use(ctx, language, directory)
    plan = current_plan(session.store)
    if from_file is None:
        run_tui(session, start="plan_evaluate")
        return
    moment = now()
    plan.evaluation = parse_file(session, from_file, parse_evaluation, moment)
    plan.stop(moment.date())
    save_plan(session.store, plan)
    session.say("plan_evaluated")


# -- helpers -----------------------------------------------------------------------------


def _state(session: Session, latest: bool = False) -> PlanState | None:
    """The open plan (or, with `latest`, the newest one) with everything of it, today."""
    from veerkracht.core.progress import state_of

    contents = session.store.contents()
    plans = [plan for plan in contents.plans if plan.is_open()]
    if not plans and latest:
        plans = contents.plans[-1:]
    if not plans:
        return None
    return state_of(
        plans[-1], now().date(), contents.checkins, contents.dialogues, contents.agreements
    )


def _at_terminal() -> bool:
    """Whether a person can answer questions (stdin is a terminal)."""
    return sys.stdin.isatty()


def _running(plan: Plan) -> Plan:
    if plan.status == "paused":
        raise VeerkrachtError("plan_is_paused")
    return plan


def _week_number(session: Session, state: PlanState, week: str | None) -> int:
    if week is None:
        return state.week
    weeks = state.plan.weeks
    if not week.strip().isdigit() or not 1 <= int(week) <= weeks:
        message = session.content.message("plan_week_unknown", value=visible(week), weeks=weeks)
        raise typer.BadParameter(message, param_hint="WEEK")
    return int(week)


def _all_sections() -> tuple[str, ...]:
    from veerkracht.core.progress import SECTIONS

    return SECTIONS


def _chosen_sections(session: Session, include: str | None) -> set[str] | None:
    if include is None:
        return None
    keys = {key.strip() for key in include.split(",") if key.strip()}
    unknown = sorted(keys - set(_all_sections()))
    if unknown:
        message = session.content.message(
            "unknown_section", value=", ".join(unknown), allowed=", ".join(_all_sections())
        )
        raise typer.BadParameter(message, param_hint="--include")
    return keys


def _ask_sections(session: Session, state: PlanState) -> set[str]:
    """Section by section: shown on stderr, shared only after a yes."""
    from veerkracht.render.plan import sections_json, sections_markdown

    content = session.content
    chosen = set()
    for key in _all_sections():
        shown = sections_json(state, {key})
        if not shown["sections"]:
            continue
        preview = sections_markdown(shown, content, content.text("plan", "sections", key))
        typer.echo("\n" + visible(preview.split("\n---")[0]).strip(), err=True)
        if typer.confirm(content.text("plan", "share", "question"), default=False, err=True):
            chosen.add(key)
    return chosen


def _check_week(session: Session, state: PlanState, week: int, keep_all: bool) -> None:
    """Go through the unchecked talks of a week line by line, then mark them checked."""
    from veerkracht.core.progress import report_lines
    from veerkracht.store.plans import save_dialogue

    content = session.content
    talks = [talk for talk in state.dialogues_in(week) if not talk.checked]
    if not talks:
        session.say_text(content.text("plan", "report", "nothing_to_check"))
        return
    if not keep_all and not _at_terminal():
        raise VeerkrachtError("report_needs_terminal")
    for talk in talks:
        lines = report_lines(talk, state.agreements_of(talk))
        kept = []
        for key, line in lines:
            if keep_all:
                kept.append(key)
                continue
            typer.echo(f"\n  • {visible(line)}", err=True)
            question = content.text("plan", "report", "check_line")
            if typer.confirm(question, default=False, err=True):
                kept.append(key)
        done = keep_all or typer.confirm(
            content.text("plan", "report", "check_done"), default=False, err=True
        )
        if done:
            talk.checked, talk.kept = True, kept
            save_dialogue(session.store, talk)
            session.say_text(content.text("plan", "report", "checked", id=talk.id, count=len(kept)))


def _language_tips(session: Session, sentences: list[str]) -> None:
    """The language check on what you want to say in a talk, as in `prepare`."""
    from veerkracht.core.language import check

    for finding in check(sentence for sentence in sentences if sentence):
        tip = visible(finding.tip(session.content))
        session.say_text(session.content.text("plan", "dialogue", "language_tip", tip=tip))


def _write(
    session: Session,
    output_format: CardFormat,
    output: Path | None,
    data: dict[str, Any],
    markdown: str,
) -> None:
    """A report or share: JSON or Markdown to --output or stdout; text on a terminal."""
    from veerkracht.cli.session import dumps_json

    if output is None and output_format is CardFormat.text:
        typer.echo(visible(markdown))
        return
    text = dumps_json(data) + "\n" if output_format is CardFormat.json else markdown
    emit(session, text, output)
