"""`safety`: the veiligheidsplan, a safety plan in the user's own words. On a terminal it
opens the form; `--plain` asks it line by line, `--from` reads it from a file; with
`--format` or `--output` (or to a pipe) it prints the plan as one page."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from veerkracht.cli.options import (
    DataDirOption,
    FromOption,
    LanguageOption,
    OutputOption,
    PageFormat,
    PlainOption,
)
from veerkracht.cli.session import Session, emit, parse_file, plain_or_file, run_tui, use
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.safety_plan import SafetyPlan


def safety(
    ctx: typer.Context,
    output_format: Annotated[PageFormat | None, typer.Option("--format")] = None,
    output: OutputOption = None,
    plain: PlainOption = False,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Je veiligheidsplan: voor als het heel zwaar wordt, in je eigen woorden.

    Voorbeeld: veerkracht safety --format markdown -o veiligheidsplan.md
    """
    from veerkracht.services.safety import current_safety_plan, save_safety_plan

    session = use(ctx, language, directory)
    plain_or_file(session, plain, from_file)
    store = session.store
    if plain:
        from veerkracht.cli.plain_safety import safety as ask_safety

        plan = ask_safety(session)
        if plan is not None and (output is not None or output_format is not None):
            _print(session, plan, output_format, output)
        return
    if from_file is not None:
        plan = parse_file(
            session, from_file, lambda data, now: save_safety_plan(store, data, now=now), now()
        )
        session.say("safety_plan_saved")
        if output is not None or output_format is not None:
            _print(session, plan, output_format, output)
        return
    wants_page = output is not None or output_format is not None
    if not wants_page and sys.stdin.isatty() and sys.stdout.isatty():
        run_tui(session, start="safety")
        return
    found = current_safety_plan(store)
    if found is None:
        raise VeerkrachtError("no_safety_plan")
    _print(session, found, output_format, output)


def _print(
    session: Session, plan: SafetyPlan, output_format: PageFormat | None, output: OutputOption
) -> None:
    from veerkracht.services.safety import safety_page

    kind = "markdown" if output_format is PageFormat.markdown else "text"
    emit(session, safety_page(plan, session.content, kind), output)
