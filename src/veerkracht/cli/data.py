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
    from veerkracht.services.exchange import imported_summary, parse_export
    from veerkracht.services.your_data import import_backup

    session = use(ctx, language, directory)
    added = import_backup(session.store, parse_file(session, file, parse_export))
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
    from veerkracht.services import your_data

    session = use(ctx, language, directory)
    store, content = session.store, session.content
    if everything:
        if session.confirm("confirm_forget_all", yes, path=str(store.directory)):
            your_data.forget_everything(store)
            session.say("forgotten_all")
            return
    elif entry_ref is not None:
        finished = your_data.finish_forgetting(store, entry_ref)
        if finished is not None:
            session.say("forgotten_finished", id=finished)
            return
        entry = store.entry(entry_ref)
        if session.confirm("confirm_forget", yes, id=entry.id, date=entry.created.date()):
            your_data.forget_entry(store, entry)
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
    from veerkracht.services import your_data

    session = use(ctx, language, directory)
    store = session.store
    state = store.encryption()
    if state == "sealed":
        raise VeerkrachtError("already_encrypted", path=str(store.path))
    if state == "unfinished":  # interrupted, or a plain copy put back: the same passphrase
        your_data.encrypt(store, session.passphrase())
        session.say("encryption_resumed")
        return
    your_data.encrypt(store, session.new_passphrase())
    session.say("encrypted_done")


def decrypt(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Zet de versleuteling weer uit (de wachtzin wordt gevraagd).

    Voorbeeld: veerkracht decrypt
    """
    from veerkracht.services.your_data import decrypt

    session = use(ctx, language, directory)
    decrypt(session.store)
    session.say("decrypted_done")
