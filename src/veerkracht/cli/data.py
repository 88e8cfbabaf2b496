"""Owning your data: `export`, `import`, `forget`, `encrypt`, `decrypt`."""

from __future__ import annotations

from typing import Annotated

import typer

from veerkracht.cli.options import (
    DataDirOption,
    ExportFormat,
    LanguageOption,
    OptionalEntryArgument,
    OutputOption,
)
from veerkracht.cli.session import emit, parse_file, use
from veerkracht.core.errors import VeerkrachtError


def export(
    ctx: typer.Context,
    output_format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.json,
    output: OutputOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Alles wat je schreef, voor je eigen reservekopie (ook wat je voor jezelf houdt).

    Voorbeeld: veerkracht export -o veerkracht-backup.json
    """
    from veerkracht.services.exchange import export_text

    session = use(ctx, language, directory)
    markdown = output_format is ExportFormat.markdown
    emit(session, export_text(session.store.contents(), session.content, markdown=markdown), output)


def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE")],
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Zet een export terug. Wat er al is, wordt overgeslagen; niets komt dubbel.

    Voorbeeld: veerkracht import veerkracht-backup.json
    """
    from veerkracht.services.exchange import KINDS, imported_summary, parse_export

    session = use(ctx, language, directory)
    found = parse_file(session, file, parse_export)
    added = session.store.merge({kind: getattr(found, kind) for kind in KINDS})
    session.say_text(imported_summary(session.content, added))


def forget(
    ctx: typer.Context,
    entry_ref: OptionalEntryArgument = None,
    everything: Annotated[bool, typer.Option("--all")] = False,
    yes: Annotated[bool, typer.Option("--yes")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Verwijder een reflectie (met wat erbij hoort) of alles, echt en na bevestiging.

    Voorbeeld: veerkracht forget 3
    """
    session = use(ctx, language, directory)
    store, content = session.store, session.content
    if everything:
        if session.confirm("confirm_forget_all", yes, path=str(store.directory)):
            store.forget_all()
            session.say("forgotten_all")
            return
    elif entry_ref is not None:
        interrupted = store.forgetting()
        if interrupted is not None and interrupted == entry_ref.strip():
            with store.locked():  # finishes the forget that was interrupted
                pass
            session.say("forgotten_finished", id=interrupted)
            return
        entry = store.entry(entry_ref)
        if session.confirm("confirm_forget", yes, id=entry.id, date=entry.created.date()):
            store.forget(entry)
            session.say("forgotten", id=entry.id)
            return
    else:
        raise typer.BadParameter(content.message("forget_what"), param_hint="ENTRY")
    session.say("not_forgotten")


def encrypt(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Versleutel je gegevens met een wachtzin (AES-256-GCM, Argon2id).

    Voorbeeld: veerkracht encrypt
    """
    session = use(ctx, language, directory)
    store = session.store
    state = store.encryption()
    if state == "sealed":
        raise VeerkrachtError("already_encrypted", path=str(store.path))
    if state == "unfinished":  # interrupted, or a plain copy put back: the same passphrase
        store.encrypt(session.passphrase())
        session.say("encryption_resumed")
        return
    store.encrypt(session.new_passphrase())
    session.say("encrypted_done")


def decrypt(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Zet de versleuteling weer uit (de wachtzin wordt gevraagd).

    Voorbeeld: veerkracht decrypt
    """
    session = use(ctx, language, directory)
    session.store.decrypt()
    session.say("decrypted_done")
