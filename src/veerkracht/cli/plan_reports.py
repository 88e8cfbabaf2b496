"""`plan report` and `plan share`: a week's report of checked talks (checked here line
by line), the closing report, and progress shares for the manager with consent per
section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veerkracht.cli import plan_state
from veerkracht.cli.options import (
    CardFormat,
    CardFormatOption,
    DataDirOption,
    LanguageOption,
    OutputOption,
)
from veerkracht.cli.session import Session, emit, fail, included, use
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.textsafe import visible

if TYPE_CHECKING:
    from veerkracht.core.progress import PlanState


def report(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Argument(metavar="[WEEK]")] = None,
    output_format: CardFormatOption = CardFormat.text,
    check: Annotated[bool, typer.Option("--check")] = False,
    yes: Annotated[bool, typer.Option("--yes")] = False,
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
    state = plan_state.plan_state(session)
    if state is None:
        raise VeerkrachtError("no_plan")
    content = session.content
    if week is not None and week.strip().lower() in ("end", "eind", "slot"):
        shared = sections_json(state, set(_all_sections()))
        title = content.text("plan", "report", "title_end")
        words = _words(output_format, output)
        markdown = sections_markdown(shared, content, title, "closing_subtitle", words)
        _write(session, output_format, output, shared, markdown)
        return
    number = plan_state.week_number(session, state, week)
    if check:
        _check_week(session, state, number, yes)
        state = plan_state.plan_state(session)
        assert state is not None
    found = report_json(state, number)
    markdown = report_markdown(found, content, _words(output_format, output))
    _write(session, output_format, output, found, markdown)


def share(
    ctx: typer.Context,
    include: Annotated[
        str | None,
        typer.Option("--include", metavar="KEY,…"),
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
    state = plan_state.plan_state(session)
    if state is None:
        raise VeerkrachtError("no_plan")
    content = session.content
    chosen = included(content, include, _all_sections())
    if chosen is None:
        if not plan_state.at_terminal():
            fail(content.message("plan_share_needs_include"))
        chosen = _ask_sections(session, state)
    shared = sections_json(state, chosen)
    if not shared["sections"]:
        typer.echo(content.text("plan", "share", "nothing"), err=True)
        return
    title = content.text("plan", "share", "title")
    markdown = sections_markdown(shared, content, title, words=_words(output_format, output))
    _write(session, output_format, output, shared, markdown)


# -- helpers -------------------------------------------------------------------------


def _all_sections() -> tuple[str, ...]:
    from veerkracht.core.progress import SECTIONS

    return SECTIONS


def _ask_sections(session: Session, state: PlanState) -> set[str]:
    """Section by section: shown on stderr, shared only after a yes."""
    from veerkracht.core.progress import share_sections
    from veerkracht.render.plan import section_markdown

    chosen = set()
    for key, value in share_sections(state, _all_sections()).items():
        typer.echo("\n" + section_markdown(key, value, session.content, visible), err=True)
        if session.ask(session.content.text("plan", "share", "question")):
            chosen.add(key)
    return chosen


def _check_week(session: Session, state: PlanState, week: int, keep_all: bool) -> None:
    """Go through the unchecked talks of a week line by line, then mark them checked."""
    from veerkracht.core.progress import report_lines
    from veerkracht.services.plans import check_talk

    content = session.content
    talks = [talk for talk in state.dialogues_in(week) if not talk.checked]
    if not talks:
        session.say_text(content.text("plan", "report", "nothing_to_check"))
        return
    if not keep_all and not plan_state.at_terminal():
        raise VeerkrachtError("report_needs_terminal")
    for talk in talks:
        partner = talk.partner or content.text("plan", "ui", "talk_someone")
        heading = content.text(
            "plan", "report", "talk", id=talk.id, date=talk.created.date(), partner=partner
        )
        typer.echo(f"\n{visible(heading)}", err=True)
        lines = report_lines(talk, state.agreements_of(talk))
        kept = []
        for key, line in lines:
            if keep_all:
                kept.append(key)
                continue
            typer.echo(f"\n  • {visible(line)}", err=True)
            question = content.text("plan", "report", "check_line")
            if session.ask(question):
                kept.append(key)
        done = keep_all or session.ask(content.text("plan", "report", "check_done"))
        if done:
            check_talk(session.store, talk, kept)
            session.say_text(content.text("plan", "report", "checked", id=talk.id, count=len(kept)))


def _words(output_format: CardFormat, output: Path | None) -> Callable[[str], str]:
    """Text on a terminal shows the words as written; Markdown escapes them."""
    if output is None and output_format is CardFormat.text:
        return visible
    from veerkracht.core.textsafe import for_markdown

    return for_markdown


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
        typer.echo(markdown)
        return
    text = dumps_json(data) + "\n" if output_format is CardFormat.json else markdown
    emit(session, text, output)
