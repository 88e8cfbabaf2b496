"""The `veerkracht` command: the Typer app, its root options, every error as one calm
line, and the commands in the order `--help` lists them."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer._click.exceptions import ClickException  # Typer 0.29 vendors its own Click
from typer.core import TyperGroup

from veerkracht import __version__
from veerkracht.cli import after, before, data, history, safety, support
from veerkracht.cli.options import Language, LanguageOption, RootDataDirOption, RootLanguageOption
from veerkracht.cli.plan import plan_app
from veerkracht.cli.session import fail, maybe_remind, run_tui, session_of, use
from veerkracht.core.errors import VeerkrachtError

DEBUG_ENV = "VEERKRACHT_DEBUG"


class _Group(TyperGroup):
    """Turns every error into one calm line on stderr and exit code 1; help speaks the
    user's language."""

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        if any(arg in ("--help", "-h") for arg in given):
            from veerkracht.cli.helptext import apply_help, help_language

            apply_help(self, help_language(given))
        return super().main(args, *more, **options)

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            result = super().invoke(ctx)
            maybe_remind(session_of(ctx))
            return result
        except VeerkrachtError as error:
            fail(session_of(ctx).content.message(error.code, **error.params))
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            reason = f"{type(error).__name__}: {error}"
            fail(session_of(ctx).content.message("unexpected", reason=reason))


app = typer.Typer(
    cls=_Group,
    name="veerkracht",
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
        typer.Option("--version", callback=_print_version, is_eager=True),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q"),
    ] = False,
) -> None:
    """Bereid rustig een gesprek over steun op het werk voor."""
    from veerkracht.store.settings import load_settings

    saved = load_settings().language
    session = use(ctx, language or (Language(saved) if saved in ("nl", "en") else None), directory)
    session.quiet = quiet
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            run_tui(session, start="home")
        else:
            typer.echo(ctx.get_help())


def hulp(ctx: typer.Context, language: LanguageOption = None) -> None:
    """Waar vind je hulp? Bedrijfsarts, huisarts, vertrouwenspersoon, 113, 112.

    Voorbeeld: veerkracht hulp
    """
    session = use(ctx, language, None)
    typer.echo(session.content.text("safety", "hulp"))


for command in (
    before.reflect, before.prepare, after.followup, after.agreements, after.checkin,
    support.support, data.export,
):  # fmt: skip
    app.command()(command)
app.add_typer(plan_app)
app.command("import")(data.import_)
for command in (
    data.forget, before.share, data.encrypt, data.decrypt, hulp, safety.safety, history.history,
):  # fmt: skip
    app.command()(command)


def main() -> None:
    """The console script."""
    app()
