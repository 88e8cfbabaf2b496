"""The options and arguments commands share, declared once (Typer `Annotated` aliases),
and the stable keys as choices: a bad one is a usage error listing the valid ones."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from veerkracht.core.model import OPTIONS


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
    ics = "ics"


class PageFormat(StrEnum):
    text = "text"
    markdown = "markdown"


class CardFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def option_key(group: str) -> Callable[[typer.Context, str | None], str | None]:
    """An option naming one of `group`'s options: the stable key or the label people
    see, in either language (`--feeling moe`, `--to vertrouwenspersoon`). Anything else
    is a usage error listing the keys."""

    def convert(ctx: typer.Context, said: str | None) -> str | None:
        from veerkracht.content import Content, key_for

        if said is None:
            return None
        key = key_for(group, said)
        if key is None:
            language = getattr(ctx.find_root().obj, "language", "nl")
            allowed = ", ".join(OPTIONS[group])
            message = Content(language).message("unknown_choice", value=said, allowed=allowed)
            raise typer.BadParameter(message)
        return key

    return convert


AudienceOption = Annotated[
    str | None,
    typer.Option(
        "--to", metavar="AUDIENCE", callback=option_key("audiences"),
    ),
]  # fmt: skip
FeelingOption = Annotated[
    str | None,
    typer.Option(
        "--feeling", metavar="FEELING", callback=option_key("feelings"),
    ),
]  # fmt: skip
TriggerOption = Annotated[
    str | None,
    typer.Option(
        "--trigger", metavar="TRIGGER", callback=option_key("triggers"),
    ),
]  # fmt: skip


# The root reads the environment; a command's own option, when given, goes first.
RootLanguageOption = Annotated[Language | None, typer.Option("--lang", envvar="VEERKRACHT_LANG")]
RootDataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", envvar="VEERKRACHT_HOME", file_okay=False),
]
LanguageOption = Annotated[Language | None, typer.Option("--lang")]
DataDirOption = Annotated[Path | None, typer.Option("--data-dir", file_okay=False)]
FromOption = Annotated[
    str | None,
    typer.Option("--from", metavar="FILE"),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False),
]
#: A reflection, `last` when not given.
EntryArgument = Annotated[str, typer.Argument(metavar="ENTRY")]
#: A reflection that may be left out (the command says what that means).
OptionalEntryArgument = Annotated[str | None, typer.Argument(metavar="ENTRY")]
CardFormatOption = Annotated[CardFormat, typer.Option("--format")]
PlainOption = Annotated[bool, typer.Option("--plain")]
