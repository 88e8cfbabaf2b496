"""The command line: Typer commands over the core. Textual is imported only inside
the commands that open the TUI, so scripted use stays fast."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer._click.exceptions import ClickException  # Typer 0.29 vendors its own Click
from typer.core import TyperGroup

from veerkracht import __version__
from veerkracht.content import DEFAULT_LANGUAGE, Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.model import OPTIONS, Entry, now, parse_answers
from veerkracht.core.safety import words_need_notice
from veerkracht.core.textsafe import visible
from veerkracht.store.crypto import MIN_PASSPHRASE
from veerkracht.store.locations import data_dir

if TYPE_CHECKING:
    from veerkracht.core.scripts import Script
    from veerkracht.store.store import Store

DEBUG_ENV = "VEERKRACHT_DEBUG"
#: `share --include heavy`: the line on how heavy it is, shared only when chosen.
HEAVY_KEY = "heavy"
PASSPHRASE_ENV = "VEERKRACHT_PASSPHRASE"
T = TypeVar("T")


class Language(StrEnum):
    nl = "nl"
    en = "en"


class HistoryFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"


class AgreementFormat(StrEnum):
    table = "table"
    json = "json"


class ScriptFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


# Stable keys as Typer choices: a bad one is a usage error listing the valid ones.
Audience = StrEnum("Audience", {key: key for key in OPTIONS["audiences"]})
Feeling = StrEnum("Feeling", {key: key for key in OPTIONS["feelings"]})
Trigger = StrEnum("Trigger", {key: key for key in OPTIONS["triggers"]})


@dataclass
class Session:
    """What every command needs: where the store is and which language to speak."""

    data_dir: Path | None = None
    language: str = DEFAULT_LANGUAGE
    quiet: bool = False
    _store: Store | None = None

    def say(self, code: str, **params: Any) -> None:
        """A message for the person (saved, deleted, …) on stderr, unless --quiet."""
        if not self.quiet:
            typer.echo(self.content.message(code, **params), err=True)

    @property
    def content(self) -> Content:
        return Content(self.language)

    @property
    def store(self) -> Store:
        """One store per command, so the passphrase is asked (and the key derived) once."""
        from veerkracht.store.store import Store

        directory = data_dir(self.data_dir)
        if self._store is None or self._store.directory != directory:
            self._store = Store(directory, unlock=self.passphrase)
        return self._store

    def passphrase(self) -> str:
        """From VEERKRACHT_PASSPHRASE, else asked at the terminal (never echoed)."""
        if os.environ.get(PASSPHRASE_ENV):
            return os.environ[PASSPHRASE_ENV]
        if not sys.stdin.isatty():
            raise VeerkrachtError("passphrase_needed", path=str(self.store.path))
        message = self.content.message("passphrase_prompt")
        return typer.prompt(message, hide_input=True, err=True)

    def new_passphrase(self) -> str:
        """A passphrase to encrypt with: from the environment, or typed twice."""
        chosen = os.environ.get(PASSPHRASE_ENV)
        if chosen is None:
            if not sys.stdin.isatty():
                raise VeerkrachtError("passphrase_needed", path=str(self.store.path))
            chosen = typer.prompt(self.content.message("passphrase_new"), hide_input=True, err=True)
            again = typer.prompt(
                self.content.message("passphrase_repeat"), hide_input=True, err=True
            )
            if again != chosen:
                raise VeerkrachtError("passphrase_mismatch")
        if not chosen.strip():
            raise VeerkrachtError("passphrase_empty")
        if len(chosen.strip()) < MIN_PASSPHRASE:
            raise VeerkrachtError("passphrase_too_short", length=MIN_PASSPHRASE)
        return chosen

    def confirm(self, code: str, yes: bool, **params: Any) -> bool:
        """A yes/no before something that cannot be undone; --yes for scripts."""
        if yes:
            return True
        if not sys.stdin.isatty():
            raise VeerkrachtError("needs_yes")
        return typer.confirm(self.content.message(code, **params), default=False, err=True)


class _Group(TyperGroup):
    """Turns every error into one calm line on stderr and exit code 1."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            result = super().invoke(ctx)
            _maybe_remind(_session(ctx))
            return result
        except VeerkrachtError as error:
            _fail(ctx, _session(ctx).content.message(error.code, **error.params))
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            reason = f"{type(error).__name__}: {error}"
            _fail(ctx, _session(ctx).content.message("unexpected", reason=reason))


def interactive() -> bool:
    """Whether a person is watching stderr (reminders never go to scripts)."""
    return sys.stderr.isatty()


def _maybe_remind(session: Session) -> None:
    """One gentle line on stderr, at most once a day, unless turned off in the settings."""
    from veerkracht.services.reminders import already_reminded, remember, reminder
    from veerkracht.store.settings import load_settings

    if session.quiet or not interactive() or not load_settings().reminders:
        return
    store, today = session.store, now().date()
    if already_reminded(store.directory, today) or not store.path.exists():
        return
    if store.vault is None and store.is_encrypted():
        return  # never ask for a passphrase just to remind (e.g. after `hulp`)
    try:
        contents = store.contents()
    except VeerkrachtError:
        return
    due = reminder(today, contents.agreements, contents.checkins)
    if due is not None:
        code, params = due
        session.say(code, **params)
        remember(store.directory, today)


def _fail(ctx: typer.Context, message: str) -> NoReturn:
    typer.echo(visible(message), err=True)  # a file name may hold escape codes too
    raise typer.Exit(1)


def _session(ctx: typer.Context) -> Session:
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session()
    return root.obj


def _language(code: str | None) -> Language | None:
    return Language(code) if code in ("nl", "en") else None


def _use(ctx: typer.Context, language: Language | None, directory: Path | None) -> Session:
    """The session, with a command's own `--lang` / `--data-dir` taking precedence."""
    session = _session(ctx)
    if language is not None:
        session.language = language.value
    if directory is not None:
        session.data_dir = directory
    return session


_LANGUAGE_HELP = "Taal / language: nl or en."
_DATA_DIR_HELP = "Map met je gegevens / folder with your data."

# The root reads the environment; a command's own option, when given, goes first.
RootLanguageOption = Annotated[
    Language | None, typer.Option("--lang", envvar="VEERKRACHT_LANG", help=_LANGUAGE_HELP)
]
RootDataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", envvar="VEERKRACHT_HOME", help=_DATA_DIR_HELP, file_okay=False),
]
LanguageOption = Annotated[Language | None, typer.Option("--lang", help=_LANGUAGE_HELP)]
DataDirOption = Annotated[
    Path | None, typer.Option("--data-dir", help=_DATA_DIR_HELP, file_okay=False)
]

FromOption = Annotated[
    str | None,
    typer.Option("--from", metavar="FILE", help="Uit een JSON- of TOML-bestand (- voor stdin)."),
]

app = typer.Typer(
    cls=_Group,
    name="veerkracht",
    help=(
        "Bereid rustig een gesprek over steun op het werk voor. Alles blijft op deze computer.\n\n"
        "Prepare a conversation about support at work. Everything stays on this computer."
    ),
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"veerkracht {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    language: RootLanguageOption = None,
    directory: RootDataDirOption = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Geen meldingen op stderr, alleen fouten / errors only."
        ),
    ] = False,
) -> None:
    """Bereid rustig een gesprek over steun op het werk voor."""
    from veerkracht.store.settings import load_settings

    session = _use(ctx, language or _language(load_settings().language), directory)
    session.quiet = quiet
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            _run_tui(ctx, session, start="home")
        else:
            typer.echo(ctx.get_help())


@app.command()
def reflect(
    ctx: typer.Context,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Sta stil bij wat je voelt en nodig hebt (begeleide reflectie).

    Voorbeeld: veerkracht reflect --from antwoorden.json
    """
    session = _use(ctx, language, directory)
    if from_file is None:
        _run_tui(ctx, session)
        return
    moment = now()
    entry = _parse_file(ctx, session, from_file, parse_answers, moment)
    entry.help_notice = entry.help_notice or _reflection_is_heavy(session, entry, moment)
    session.store.add_entry(entry)
    typer.echo(entry.id)
    if entry.help_notice:
        _help_notice(session)


@app.command()
def prepare(
    ctx: typer.Context,
    entry_ref: Annotated[
        str, typer.Argument(metavar="ENTRY", help="Nummer van de reflectie, of last.")
    ] = "last",
    to: Annotated[
        Audience | None,
        typer.Option("--to", help="Met wie je praat (standaard: gekozen in de reflectie)."),
    ] = None,
    output_format: Annotated[
        ScriptFormat, typer.Option("--format", help="text, markdown of json.")
    ] = ScriptFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Schrijf naar dit bestand."),
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Bekijk, bewerk en oefen het gesprek in de terminal.")
    ] = False,
    generated: Annotated[
        bool,
        typer.Option("--generated", help="De gemaakte kaart, niet je eigen bewaarde versie."),
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

    session = _use(ctx, language, directory)
    entry = session.store.entry(entry_ref)
    script = build_script(entry, session.content, to.value if to else None)
    if edit:
        _run_tui(ctx, session, script=script)
        return
    if not generated:
        script = _users_version(session, script)
    if output is not None:
        _emit(session, render(script, session.content, output_format.value), output)
    elif output_format is ScriptFormat.text:
        print_text(script, session.content, sys.stdout)
    else:
        typer.echo(render(script, session.content, output_format.value), nl=False)


@app.command()
def followup(
    ctx: typer.Context,
    entry_ref: Annotated[
        str | None, typer.Argument(metavar="ENTRY", help="Nummer van de reflectie, of last.")
    ] = None,
    from_file: FromOption = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Na het gesprek: hoe ging het, wat hielp, wat spraken jullie af, wat is je volgende stap?

    Voorbeeld: veerkracht followup last --from verslag.json
    """
    from veerkracht.core.records import parse_followup

    session = _use(ctx, language, directory)
    if from_file is None:
        entry = session.store.entry(entry_ref or "last")
        _run_tui(ctx, session, start="followup", entry=entry)
        return
    followup, agreements, ref = _parse_file(ctx, session, from_file, parse_followup, now())
    entry = session.store.entry(ref or entry_ref or "last")
    session.store.add_followup(followup, agreements, entry)
    typer.echo(followup.id)
    heavy = words_need_notice([followup.to_record(), *[a.to_record() for a in agreements]])
    if heavy:
        _help_notice(session)
    if followup.went_badly():
        route = "next_route_heavy" if heavy or entry.help_notice else "next_route"
        typer.echo("\n" + session.content.text("after", "followup", route), err=True)


@app.command()
def agreements(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Ook de nagekomen afspraken.")] = False,
    done: Annotated[
        str | None, typer.Option("--done", metavar="ID", help="Zet deze afspraak op nagekomen.")
    ] = None,
    output_format: Annotated[
        AgreementFormat, typer.Option("--format", help="table of json.")
    ] = AgreementFormat.table,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Afspraken uit je gesprekken, open afspraken eerst.

    Voorbeeld: veerkracht agreements --done 3
    """
    from veerkracht.render.agreements import agreement_json, agreements_in_order, agreements_table

    session = _use(ctx, language, directory)
    if done is not None:
        session.store.mark_agreements_done([done])
        session.say("agreement_done", id=done)
        return
    contents = session.store.contents()
    today = now().date()
    shown = agreements_in_order(contents.agreements, today, include_done=show_all)
    entry_ids = {entry.uuid: entry.id for entry in contents.entries}
    if output_format is AgreementFormat.json:
        rows = [agreement_json(agreement, entry_ids) for agreement in shown]
        _echo_json(rows)
    elif not shown:
        typer.echo(session.content.message("no_agreements"))
    else:
        agreements_table(shown, entry_ids, today, session.content, sys.stdout)


@app.command()
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

    session = _use(ctx, language, directory)
    if from_file is None:
        _run_tui(ctx, session, start="checkin")
        return
    checkin = _parse_file(ctx, session, from_file, parse_checkin, now())
    session.store.add_checkin(checkin)
    typer.echo(checkin.id)
    if words_need_notice(checkin.to_record()):
        _help_notice(session)


@app.command()
def support(
    ctx: typer.Context,
    from_file: FromOption = None,
    show: Annotated[
        str | None,
        typer.Option("--show", metavar="ID", help="De gids van een eerdere voorbereiding."),
    ] = None,
    list_notes: Annotated[
        bool, typer.Option("--list", help="Je eerdere voorbereidingen, apart van je reflecties.")
    ] = False,
    output_format: Annotated[
        ScriptFormat, typer.Option("--format", help="text, markdown of json.")
    ] = ScriptFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Schrijf naar dit bestand."),
    ] = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Voor wie een collega wil steunen: wat viel je op, hoe begin je, hoe luister je.

    Voorbeeld: veerkracht support --from inchecken.json --format markdown
    """
    from veerkracht.core.guide import build_guide
    from veerkracht.core.support_note import parse_support
    from veerkracht.render.cards import print_card, render_card

    session = _use(ctx, language, directory)
    store = session.store
    if list_notes:
        _list_supports(session, as_json=output_format is ScriptFormat.json)
        return
    if show is not None:
        note = store.support(show)
    elif from_file is not None:
        note = store.add_support(_parse_file(ctx, session, from_file, parse_support, now()))
        session.say("support_saved", id=note.id)
        if words_need_notice(note.to_record()):
            _help_notice(session)
    else:
        _run_tui(ctx, session, start="support")
        return
    guide = build_guide(note, session.content)
    if output is not None:
        _emit(session, render_card(guide, output_format.value), output)
    elif output_format is ScriptFormat.text:
        print_card(guide, sys.stdout)
    else:
        typer.echo(render_card(guide, output_format.value), nl=False)


def _list_supports(session: Session, *, as_json: bool) -> None:
    """The preparations for checking in with someone, shown apart from reflections."""
    notes = session.store.contents().supports
    content = session.content
    if as_json:
        _echo_json([note.to_record() for note in notes])
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


@app.command()
def export(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="json (om terug te zetten) of markdown.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Schrijf naar dit bestand."),
    ] = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Alles wat je schreef, voor je eigen reservekopie (ook wat je voor jezelf houdt).

    Voorbeeld: veerkracht export -o veerkracht-backup.json
    """
    from veerkracht.services.exchange import export_data, export_markdown

    session = _use(ctx, language, directory)
    contents = session.store.contents()
    if output_format is ExportFormat.json:
        text = dumps_json(export_data(contents)) + "\n"
    else:
        text = export_markdown(contents, session.content)
    _emit(session, text, output)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="Een JSON-export van veerkracht.")],
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Zet een export terug. Wat er al is, wordt overgeslagen; niets komt dubbel.

    Voorbeeld: veerkracht import veerkracht-backup.json
    """
    from veerkracht.services.exchange import KINDS, parse_export

    session = _use(ctx, language, directory)
    found = _parse_file(ctx, session, file, parse_export)
    added = session.store.merge({kind: getattr(found, kind) for kind in KINDS})
    session.say("imported", **added)


@app.command()
def forget(
    ctx: typer.Context,
    entry_ref: Annotated[
        str | None, typer.Argument(metavar="ENTRY", help="Nummer van de reflectie, of last.")
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Alles verwijderen.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Niet meer vragen.")] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Verwijder een reflectie (met wat erbij hoort) of alles, echt en na bevestiging.

    Voorbeeld: veerkracht forget 3
    """
    session = _use(ctx, language, directory)
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


@app.command()
def share(
    ctx: typer.Context,
    entry_ref: Annotated[
        str, typer.Argument(metavar="ENTRY", help="Nummer van de reflectie, of last.")
    ] = "last",
    include: Annotated[
        str | None,
        typer.Option("--include", metavar="KEY,…", help="De onderdelen die je deelt."),
    ] = None,
    to: Annotated[Audience | None, typer.Option("--to", help="Met wie je deelt.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Schrijf naar dit bestand."),
    ] = None,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Een samenvatting voor een ander, die jij per onderdeel goedkeurt.

    Voorbeeld: veerkracht share last --include opening,situation,need,asks -o voor-anna.md
    """
    from veerkracht.core.scripts import build_script
    from veerkracht.render.cards import to_markdown

    session = _use(ctx, language, directory)
    content = session.content
    chosen = _sections(content, include)
    script = build_script(session.store.entry(entry_ref), content, to.value if to else None)
    script = _users_version(session, script)
    heavy = script.heavy_line if script.heavy_line in _spoken_lines(script) else None
    if chosen is None:
        if not sys.stdin.isatty():
            _fail(ctx, content.message("share_needs_include"))
        chosen = set()
        for section in script.sections:
            typer.echo(f"\n{section.title}", err=True)
            for line in section.lines:
                if line != heavy:
                    typer.echo(f"  • {visible(line)}", err=True)
            if typer.confirm(content.message("share_question"), default=False, err=True):
                chosen.add(section.key)
        if heavy and "situation" in chosen:
            typer.echo(f"\n  • {visible(heavy)}", err=True)
            if typer.confirm(content.message("share_heavy_question"), default=False, err=True):
                chosen.add(HEAVY_KEY)
    if not chosen - {HEAVY_KEY}:
        session.say("share_nothing")
        return
    if HEAVY_KEY not in chosen:  # how heavy it is goes to others only when chosen
        script = script.without_heavy_line()
    _emit(session, to_markdown(script.edited({}, chosen), content), output)


def _spoken_lines(script: Script) -> list[str]:
    return [line for section in script.sections for line in section.lines]


def _users_version(session: Session, script: Script) -> Script:
    """The card as the user kept it in the editor, if they did."""
    from veerkracht.core.scripts import apply_edit

    kept = session.store.card(script.entry.uuid, script.audience, script.language)
    return apply_edit(script, kept)


def _sections(content: Content, include: str | None) -> set[str] | None:
    """The section keys named by --include (None when not given); unknown ones are a
    usage error listing the valid keys."""
    from veerkracht.core.scripts import SECTION_KEYS

    if include is None:
        return None
    keys = {key.strip() for key in include.split(",") if key.strip()}
    allowed = (*SECTION_KEYS, HEAVY_KEY)
    unknown = sorted(keys - set(allowed))
    if unknown:
        message = content.message(
            "unknown_section", value=", ".join(unknown), allowed=", ".join(allowed)
        )
        raise typer.BadParameter(message, param_hint="--include")
    return keys


@app.command()
def encrypt(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Versleutel je gegevens met een wachtzin (AES-256-GCM, Argon2id).

    Voorbeeld: veerkracht encrypt
    """
    session = _use(ctx, language, directory)
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


@app.command()
def decrypt(
    ctx: typer.Context, language: LanguageOption = None, directory: DataDirOption = None
) -> None:
    """Zet de versleuteling weer uit (de wachtzin wordt gevraagd).

    Voorbeeld: veerkracht decrypt
    """
    session = _use(ctx, language, directory)
    session.store.decrypt()
    session.say("decrypted_done")


def dumps_json(data: Any) -> str:
    """Indented JSON for machines and people (orjson: 10,000 entries in milliseconds)."""
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


def _echo_json(data: Any) -> None:
    """JSON to stdout as bytes, skipping a decode and re-encode of megabytes."""
    import orjson

    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if out is None:
        typer.echo(dumps_json(data))
        return
    out.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    out.flush()


def _emit(session: Session, text: str, output: Path | None) -> None:
    """Write to --output atomically (naming it on stderr), or print."""
    from veerkracht.store.fsutil import write_output

    if output is None:
        typer.echo(text, nl=False)
        return
    _refuse_own_files(session, output)
    write_output(output, text)
    session.say("written", path=str(output))


def _refuse_own_files(session: Session, output: Path) -> None:
    """--output never lands on the store, its backup or anything else in the data folder."""
    folder = session.store.directory.resolve()
    target = output.expanduser().resolve()
    if target.parent == folder or target == folder:
        raise VeerkrachtError("output_is_store", path=str(output))


@app.command()
def hulp(
    ctx: typer.Context,
    language: LanguageOption = None,
) -> None:
    """Waar vind je hulp? Bedrijfsarts, huisarts, vertrouwenspersoon, 113, 112.

    Voorbeeld: veerkracht hulp
    """
    session = _use(ctx, language, None)
    typer.echo(session.content.text("safety", "hulp"))


@app.command()
def history(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="Vanaf: 2026-11-01, 30d of 8w.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="Tot en met deze datum.")
    ] = None,
    feeling: Annotated[
        Feeling | None, typer.Option("--feeling", help="Alleen reflecties met dit gevoel.")
    ] = None,
    trigger: Annotated[
        Trigger | None, typer.Option("--trigger", help="Alleen reflecties met deze aanleiding.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Hoeveel reflecties je ziet.")
    ] = None,
    output_format: Annotated[
        HistoryFormat | None, typer.Option("--format", help="table, json of markdown.")
    ] = None,
    tui: Annotated[bool, typer.Option("--tui", help="Open het overzicht in de terminal.")] = False,
    support_notes: Annotated[
        bool, typer.Option("--support", help="Je voorbereidingen om iemand te steunen, apart.")
    ] = False,
    language: LanguageOption = None,
    directory: DataDirOption = None,
) -> None:
    """Je reflecties en de patronen erin, door de tijd.

    Voorbeeld: veerkracht history --since 8w --feeling tired --format markdown
    """
    from veerkracht.core.patterns import Filters, summarize
    from veerkracht.render.history import history_markdown, history_table

    session = _use(ctx, language, directory)
    if support_notes:
        _list_supports(session, as_json=output_format is HistoryFormat.json)
        return
    today = now().date()
    filters = Filters(
        since=_day(session, since, "--since", today),
        until=_day(session, until, "--until", today),
        feeling=feeling.value if feeling else None,
        trigger=trigger.value if trigger else None,
    )
    if filters.since and filters.until and filters.since > filters.until:
        message = session.content.message("bad_range", since=since, until=until)
        raise typer.BadParameter(message, param_hint="--since")
    bare = filters == Filters() and output_format is None and limit is None
    if tui or (bare and sys.stdin.isatty() and sys.stdout.isatty()):
        _run_tui(ctx, session, start="history")
        return
    contents = session.store.contents()
    everything = contents.entries
    entries = filters.apply(everything)
    patterns = summarize(
        entries,
        filters.until or today,
        contents.followups,
        contents.agreements,
        filters.apply_dates(contents.checkins),
    )
    if output_format is HistoryFormat.json:
        shown = entries[-limit:] if limit else entries
        records = contents.entry_records
        report = {
            "entries": [_public_record(records[entry.uuid]) for entry in shown],
            "patterns": patterns,
        }
        _echo_json(report)
    elif output_format is HistoryFormat.markdown:
        typer.echo(history_markdown(entries, patterns, session.content, limit), nl=False)
    elif not everything:
        typer.echo(session.content.message("no_entries"))
    else:
        history_table(entries, patterns, session.content, sys.stdout, limit)


def _day(session: Session, value: str | None, option: str, today: date) -> date | None:
    """A --since/--until value as a date; a bad one is a usage error naming it."""
    from veerkracht.core.periods import parse_day

    if value is None:
        return None
    try:
        return parse_day(value, today)
    except ValueError:
        message = session.content.message("bad_date", value=value)
        raise typer.BadParameter(message, param_hint=option) from None


def _parse_file(
    ctx: typer.Context,
    session: Session,
    name: str,
    parse: Callable[..., T],
    moment: datetime | None = None,
) -> T:
    """Read a --from file and validate it (records are created at `moment` unless the file
    says when); a refusal names the file and the field."""
    from veerkracht.cli.inputfiles import read_data_file

    data = read_data_file(name)
    try:
        return parse(data) if moment is None else parse(data, now=moment)
    except ValidationError as error:
        problem = session.content.message(error.code, **error.params)
        _fail(ctx, session.content.message("input_invalid", path=name, problem=problem))


def _reflection_is_heavy(session: Session, entry: Entry, moment: datetime) -> bool:
    """Whether a reflection asks for the help notice: its words, its heaviness, or
    several heavy ones in a row (earlier entries are read only when that can matter)."""
    from veerkracht.core.safety import SUSTAINED_LEVEL, free_texts, needs_notice

    recent: list[tuple[datetime, int | None]] = []
    if entry.intensity is not None and entry.intensity >= SUSTAINED_LEVEL:
        recent = [(e.created, e.intensity) for e in session.store.entries() if e.id != entry.id]
    return needs_notice(entry.intensity, free_texts(entry.to_record()), recent, moment)


def _help_notice(session: Session) -> None:
    """The calm notice on stderr (stdout stays for data), never silenced by --quiet."""
    title = session.content.text("safety", "notice", "title")
    typer.echo(f"\n{title}\n" + session.content.text("safety", "notice", "text"), err=True)


def _require_terminal(ctx: typer.Context, session: Session) -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        _fail(ctx, session.content.message("needs_terminal"))


def _run_tui(ctx: typer.Context, session: Session, **options: Any) -> None:
    """Open a screen in the terminal (Textual is imported only here)."""
    _require_terminal(ctx, session)
    session.store.unlock_now()
    # No prompts inside a screen: if another process encrypts meanwhile, saving says so.
    session.store.unlock = None
    gc.enable()  # a screen lives long: collect garbage again (see veerkracht.launch)
    from veerkracht.tui.app import VeerkrachtApp

    VeerkrachtApp(session.store, session.content, **options).run()


def _public_record(record: dict[str, Any]) -> dict[str, Any]:
    """An entry as history shows it: without the text the user keeps private. (The
    record is this command's own copy, read from the file, so it is trimmed in place.)"""
    record.pop("private", None)
    return record


def main() -> None:
    """The console script."""
    app()
