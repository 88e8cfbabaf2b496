"""`support`: for whoever wants to ask a colleague how it goes."""

from __future__ import annotations

from typing import Annotated

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
    help_notice,
    parse_file,
    run_tui,
    show,
    use,
)
from veerkracht.core.model import now
from veerkracht.core.textsafe import visible


def support(
    ctx: typer.Context,
    from_file: FromOption = None,
    show_id: Annotated[
        str | None,
        typer.Option("--show", metavar="ID"),
    ] = None,
    list_notes: Annotated[bool, typer.Option("--list")] = False,
    output_format: CardFormatOption = CardFormat.text,
    output: OutputOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Voor wie een collega wil steunen: wat viel je op, hoe begin je, hoe luister je.

    Voorbeeld: veerkracht support --from voorbereiding.json --format markdown
    """
    from veerkracht.core.guide import build_guide
    from veerkracht.core.support_note import parse_support
    from veerkracht.render.cards import print_card, render_card

    session = use(ctx, language, directory)
    store = session.store
    if list_notes:
        list_supports(session, as_json=output_format is CardFormat.json)
        return
    if show_id is not None:
        note = store.support(show_id)
    elif from_file is not None:
        from veerkracht.services.support_notes import save_support

        saved = save_support(store, parse_file(session, from_file, parse_support, now()))
        note = saved.note
        session.say("support_saved", id=note.id)
        if saved.heavy:
            help_notice(session)
    else:
        run_tui(session, start="support")
        return
    guide = build_guide(note, session.content)
    show(
        session, output_format, output,
        render=lambda kind: render_card(guide, kind),
        print_text=lambda out: print_card(guide, out),
    )  # fmt: skip


def list_supports(session: Session, *, as_json: bool) -> None:
    """The preparations for asking someone how it goes, shown apart from reflections."""
    notes = session.store.contents().supports
    content = session.content
    if as_json:
        echo_json([note.to_record() for note in notes])
        return
    if not notes:
        typer.echo(content.message("no_supports"))
        return
    for note in notes:
        signals = ", ".join(
            content.text("support", "signals", key, "label") for key in note.signals
        )
        role = content.text("support", "ui", note.role)
        who = f" · {visible(note.name)}" if note.name else ""
        typer.echo(f"{note.id}  {note.created.date()}  {role}{who}  {signals}")
