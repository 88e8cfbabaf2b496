"""Before the talk: `reflect`, `prepare` (the conversation card) and `share`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from veerkracht.cli.options import (
    AudienceOption,
    CardFormat,
    CardFormatOption,
    DataDirOption,
    EntryArgument,
    FromOption,
    LanguageOption,
    OutputOption,
    PlainOption,
)
from veerkracht.cli.session import (
    Session,
    emit,
    fail,
    included,
    parse_file,
    plain_or_file,
    run_tui,
    show,
    use,
)
from veerkracht.core.model import now, parse_answers
from veerkracht.core.textsafe import visible

if TYPE_CHECKING:
    from veerkracht.core.scripts import Script


def reflect(
    ctx: typer.Context,
    from_file: FromOption = None,
    plain: PlainOption = False,
    short: Annotated[bool, typer.Option("--short")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Sta stil bij wat je voelt en nodig hebt (begeleide reflectie).

    Voorbeeld: veerkracht reflect --from antwoorden.json
    (of de vragen één voor één: veerkracht reflect --plain)
    """
    session = use(ctx, language, directory)
    plain_or_file(session, plain, from_file)
    if short and from_file is not None:
        from typer._click.exceptions import UsageError  # Typer vendors its own Click

        raise UsageError(session.content.message("short_with_file"))
    if plain:
        from veerkracht.cli import plain_flows

        plain_flows.reflect(session, short=short)
        return
    if from_file is None:
        run_tui(session, start="short" if short else "reflect")
        return
    from veerkracht.cli import saved
    from veerkracht.services.reflections import save_reflection

    moment = now()
    entry = parse_file(session, from_file, parse_answers, moment)
    saved.reflection(session, save_reflection(session.store, entry, moment))


def prepare(
    ctx: typer.Context,
    entry_ref: EntryArgument = "last",
    to: AudienceOption = None,
    output_format: CardFormatOption = CardFormat.text,
    output: OutputOption = None,
    edit: Annotated[bool, typer.Option("--edit")] = False,
    generated: Annotated[
        bool,
        typer.Option("--generated"),
    ] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Maak een gesprekskaart: wat je wilt zeggen, vragen en afspreken.

    Je eigen versie (bewaard in de editor) komt terug, tenzij je --generated kiest.

    Voorbeeld: veerkracht prepare last --to manager --format markdown -o kaart.md
    """
    from veerkracht.core.scripts import build_script
    from veerkracht.render.cards import print_text, render
    from veerkracht.services.sharing import as_kept

    session = use(ctx, language, directory)
    read = session.store.snapshot()  # one read: the entry and its cards
    entry = read.entry(entry_ref)
    script = build_script(entry, session.content, to)
    if edit:
        run_tui(session, script=script)
        return
    if not generated:
        script = as_kept(read, script)
    show(
        session, output_format, output,
        render=lambda kind: render(script, session.content, kind),
        print_text=lambda out: print_text(script, session.content, out),
    )  # fmt: skip


def share(
    ctx: typer.Context,
    entry_ref: EntryArgument = "last",
    include: Annotated[
        str | None,
        typer.Option("--include", metavar="KEY,…"),
    ] = None,
    to: AudienceOption = None,
    output: OutputOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Een samenvatting voor een ander, die jij per onderdeel goedkeurt.

    Voorbeeld: veerkracht share last --include opening,situation,need,asks -o voor-anna.md
    """
    from veerkracht.services.sharing import HEAVY_KEY, INCLUDE_KEYS, shared_markdown, users_card

    session = use(ctx, language, directory)
    content = session.content
    chosen = included(content, include, INCLUDE_KEYS)
    script = users_card(session.store, session.store.entry(entry_ref), content, to)
    if chosen is None:
        if not sys.stdin.isatty():
            fail(content.message("share_needs_include"))
        chosen = _ask_sections(session, script)
    if not chosen - {HEAVY_KEY}:
        session.say("share_nothing")
        return
    emit(session, shared_markdown(script, chosen, content), output)


def _ask_sections(session: Session, script: Script) -> set[str]:
    """Section by section: shown on stderr, shared only after a yes."""
    from veerkracht.services.sharing import HEAVY_KEY, heavy_offered, offered

    content = session.content
    chosen = set()
    for key, title, lines in offered(script):
        typer.echo(f"\n{visible(title)}", err=True)
        for line in lines:
            typer.echo(f"  • {visible(line)}", err=True)
        if session.ask(content.message("share_question")):
            chosen.add(key)
    heavy = heavy_offered(script)
    if heavy and "situation" in chosen:
        typer.echo(f"\n  • {visible(heavy)}", err=True)
        if session.ask(content.message("share_heavy_question")):
            chosen.add(HEAVY_KEY)
    return chosen
