"""What every command shares: the session (store, language, quiet), one calm line for
every error, the output helper, `--from` files, the help notice and opening a screen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

import typer

from veerkracht.cli.options import CardFormat, Language
from veerkracht.collector import on_for_a_screen
from veerkracht.content import DEFAULT_LANGUAGE, Content
from veerkracht.core.errors import ValidationError, VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.textsafe import json_escaped_bytes, visible
from veerkracht.store.locations import data_dir

if TYPE_CHECKING:
    from veerkracht.store.store import Store

PASSPHRASE_ENV = "VEERKRACHT_PASSPHRASE"
#: What counts as yes at a prompt, in Dutch and English.
T = TypeVar("T")


@dataclass
class Session:
    """What every command needs: where the store is and which language to speak."""

    data_dir: Path | None = None
    language: str = DEFAULT_LANGUAGE
    quiet: bool = False
    _store: Store | None = None
    #: How often the passphrase was asked (a wrong one may be typed again, three tries).
    _asked: int = 0

    def say(self, code: str, **params: Any) -> None:
        """A message for the person (saved, deleted, …) on stderr, unless --quiet."""
        self.say_text(self.content.message(code, **params))

    def say_text(self, text: str) -> None:
        """A line already in the user's language, on stderr, unless --quiet."""
        if not self.quiet:
            typer.echo(wrapped(text), err=True)

    @property
    def content(self) -> Content:
        return Content(self.language)

    @property
    def store(self) -> Store:
        """One store per command, so the passphrase is asked (and the key derived) once."""
        from veerkracht.store.store import Store

        directory = data_dir(self.data_dir)
        if self._store is None or self._store.directory != directory:
            typed = sys.stdin.isatty() and not os.environ.get(PASSPHRASE_ENV)
            self._store = Store(directory, unlock=self.passphrase, tries=3 if typed else 1)
            self.warn_if_exposed(directory)
        return self._store

    def warn_if_exposed(self, directory: Path) -> None:
        """Say so when the data folder is copied online or others can read it."""
        from veerkracht.store.privacy import exposures
        from veerkracht.store.settings import load_settings

        for code, params in exposures(directory, load_settings().synced):
            self.say(code, **params)

    def passphrase(self) -> str:
        """From VEERKRACHT_PASSPHRASE, else asked at the terminal (never echoed)."""
        if os.environ.get(PASSPHRASE_ENV):
            return os.environ[PASSPHRASE_ENV]
        if not sys.stdin.isatty():
            raise VeerkrachtError("passphrase_needed", path=str(self.store.path))
        self._asked += 1
        code = "passphrase_prompt" if self._asked == 1 else "passphrase_again"
        return typer.prompt(self.content.message(code), hide_input=True, err=True)

    def new_passphrase(self) -> str:
        """A passphrase to encrypt with: from the environment, or typed twice."""
        from veerkracht.services.your_data import new_passphrase  # hashlib: not for --help

        chosen = os.environ.get(PASSPHRASE_ENV)
        if chosen is not None:
            return new_passphrase(chosen)
        if not sys.stdin.isatty():
            raise VeerkrachtError("passphrase_needed", path=str(self.store.path))
        chosen = typer.prompt(self.content.message("passphrase_new"), hide_input=True, err=True)
        again = typer.prompt(self.content.message("passphrase_repeat"), hide_input=True, err=True)
        return new_passphrase(chosen, again)

    def confirm(self, code: str, yes: bool, **params: Any) -> bool:
        """A yes/no before something that cannot be undone; --yes for scripts."""
        if yes:
            return True
        if not sys.stdin.isatty():
            raise VeerkrachtError("needs_yes")
        return self.ask(self.content.message(code, **params))

    def ask(self, question: str) -> bool:
        """A yes/no question on stderr, no by default: `j`/`ja` or `y`/`yes` mean yes, in
        either language (the prompt shows the user's own: [j/N] or [y/N])."""
        from veerkracht.core.questions import means_yes

        choices = self.content.message("yes_no")
        answer = typer.prompt(f"{question} {choices}", default="", show_default=False, err=True)
        return means_yes(answer)


def session_of(ctx: typer.Context) -> Session:
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session()
    return root.obj


def use(ctx: typer.Context, language: Language | None, directory: Path | None) -> Session:
    """The session, with a command's own `--lang` / `--data-dir` taking precedence."""
    session = session_of(ctx)
    if language is not None:
        session.language = language.value
    if directory is not None:
        session.data_dir = directory
    return session


def fail(message: str) -> NoReturn:
    """One calm line on stderr, exit code 1."""
    typer.echo(wrapped(visible(message)), err=True)  # a file name may hold escape codes too
    raise typer.Exit(1)


def wrapped(text: str) -> str:
    """Text for stderr: at a terminal, wrapped between words to its width (a path or a
    long word is never broken); to a pipe or a file, one line as it is."""
    if not interactive():
        return text
    import shutil
    import textwrap

    width = max(20, shutil.get_terminal_size().columns - 1)
    lines = text.split("\n")
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
        for line in lines
    )


def interactive() -> bool:
    """Whether a person is watching stderr (reminders never go to scripts)."""
    return sys.stderr.isatty()


def maybe_remind(session: Session) -> None:
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
        if "count" in params:
            params["agreements"] = session.content.counted("agreement", params["count"])
        session.say(code, **params)
        remember(store.directory, today)


# -- output ------------------------------------------------------------------------------


def show(
    session: Session,
    output_format: CardFormat,
    output: Path | None,
    render: Callable[[str], str],
    print_text: Callable[[Any], None],
) -> None:
    """A card or guide: to --output in the chosen format, as text for the terminal, or
    as Markdown or JSON on stdout."""
    if output is not None:
        emit(session, render(output_format.value), output)
    elif output_format is CardFormat.text:
        print_text(sys.stdout)
    else:
        typer.echo(render(output_format.value), nl=False)


def emit(session: Session, text: str, output: Path | None) -> None:
    """Write to --output atomically (naming it on stderr), or print."""
    from veerkracht.services.files import write_for_user

    if output is None:
        typer.echo(text, nl=False)
        return
    warn_if_synced(session, output)
    write_for_user(session.store.directory, output, text)
    session.say("written", path=str(output.expanduser().absolute()))


def warn_if_synced(session: Session, output: Path) -> None:
    """Before writing a file: say so when its folder is copied online (OneDrive)."""
    from veerkracht.store.privacy import synced_root
    from veerkracht.store.settings import load_settings

    root = synced_root(output.expanduser().absolute(), load_settings().synced)
    if root is not None:
        session.say("output_synced", path=str(output), root=str(root))


def dumps_json(data: Any) -> str:
    """Indented JSON for machines and people (orjson: 10,000 entries in milliseconds),
    with C1 controls and direction overrides escaped like ESC and BEL."""
    import orjson

    return json_escaped_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2)).decode()


def echo_json(data: Any) -> None:
    """JSON to stdout as bytes, skipping a decode and re-encode of megabytes."""
    import orjson

    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if out is None:
        typer.echo(dumps_json(data))
        return
    out.write(
        json_escaped_bytes(
            orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        )
    )
    out.flush()


def included(content: Content, include: str | None, allowed: tuple[str, ...]) -> set[str] | None:
    """The section keys named by --include (None when not given); unknown ones are a
    usage error listing the valid keys (share, plan share)."""
    if include is None:
        return None
    keys = {key.strip() for key in include.split(",") if key.strip()}
    unknown = sorted(keys - set(allowed))
    if unknown:
        message = content.message(
            "unknown_section", value=", ".join(unknown), allowed=", ".join(allowed)
        )
        raise typer.BadParameter(message, param_hint="--include")
    return keys


def write_calendar(
    session: Session,
    kind: Literal["agreements", "plan"],
    *,
    as_ics: bool,
    include: str | None,
    output: Path | None,
    include_done: bool = False,
) -> bool:
    """`--format ics`: the calendar file of `kind` to stdout or --output, the user's own
    words only with `--include text`; said when there is nothing in it. False (nothing
    done) for another format, where `--include` and `--output` are a usage error."""
    from veerkracht.core.calendar import TEXT_KEY

    if not as_ics:
        for option, value in (("--include", include), ("--output", output)):
            if value is not None:
                message = session.content.message("ics_only")
                raise typer.BadParameter(message, param_hint=option)
        return False
    from veerkracht.services.calendar import calendar_events, calendar_text

    with_text = TEXT_KEY in (included(session.content, include, (TEXT_KEY,)) or ())
    moment = now()
    events = calendar_events(
        session.store,
        kind,
        session.content,
        include_text=with_text,
        include_done=include_done,
        now=moment,
    )
    emit(session, calendar_text(events, moment), output)
    if not events:
        session.say("calendar_empty")
    return True


def plain_or_file(session: Session, plain: bool, from_file: str | None) -> None:
    """`--plain` (questions one by one) and `--from` (a file) together: a usage error."""
    if plain and from_file is not None:
        from typer._click.exceptions import UsageError  # Typer 0.29 vendors its own Click

        raise UsageError(session.content.text("plain", "end", "usage"))


# -- input, the help notice, screens -------------------------------------------------------


def parse_file(
    session: Session, name: str, parse: Callable[..., T], moment: datetime | None = None
) -> T:
    """Read a --from file and validate it (records are created at `moment` unless the file
    says when); a refusal names the file and the field."""
    from veerkracht.services.inputfiles import read_data_file

    data = read_data_file(name)
    try:
        return parse(data) if moment is None else parse(data, now=moment)
    except ValidationError as error:
        problem = session.content.message(error.code, **error.params)
        fail(session.content.message("input_invalid", path=name, problem=problem))


def past_due(session: Session, agreements: list[Any]) -> None:
    """Saved agreements whose date has already passed (the use case found them): said,
    so a typo is noticed."""
    for agreement in agreements:
        session.say("agreement_in_the_past", what=visible(agreement.what), due=agreement.due)


def notice_if_heavy(session: Session, words: Any) -> bool:
    """The calm notice when what was written asks for it (see core.safety); says whether
    it was shown."""
    from veerkracht.core.safety import words_need_notice

    heavy = words_need_notice(words)
    if heavy:
        help_notice(session)
    return heavy


def help_notice(session: Session) -> None:
    """The calm notice on stderr (stdout stays for data), never silenced by --quiet."""
    title = session.content.text("safety", "notice", "title")
    text = session.content.text("safety", "notice", "text")
    more = session.content.text("safety", "more", "cli")
    typer.echo(wrapped(f"\n{title}\n{text} {more}"), err=True)


def run_tui(session: Session, **options: Any) -> None:
    """Open a screen in the terminal (Textual is imported only here)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail(session.content.message("needs_terminal"))
    session.store.unlock_now()
    # No prompts inside a screen: if another process encrypts meanwhile, saving says so.
    session.store.unlock = None
    on_for_a_screen()  # see veerkracht.collector
    from veerkracht.tui.app import VeerkrachtApp

    VeerkrachtApp(session.store, session.content, **options).run()
