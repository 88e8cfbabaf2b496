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
        help="Met wie je praat: " + ", ".join(OPTIONS["audiences"]) + " (of hun naam).",
    ),
]  # fmt: skip
FeelingOption = Annotated[
    str | None,
    typer.Option(
        "--feeling", metavar="FEELING", callback=option_key("feelings"),
        help="Alleen reflecties met dit gevoel (sleutel of naam, bijvoorbeeld tired of moe).",
    ),
]  # fmt: skip
TriggerOption = Annotated[
    str | None,
    typer.Option(
        "--trigger", metavar="TRIGGER", callback=option_key("triggers"),
        help="Alleen reflecties met deze aanleiding (sleutel of naam).",
    ),
]  # fmt: skip

_LANGUAGE_HELP = "Taal / language: nl or en."
_DATA_DIR_HELP = "Map met je gegevens / folder with your data."
_ENTRY_HELP = "Nummer van de reflectie, of last."

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
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False, help="Schrijf naar dit bestand."),
]
#: A reflection, `last` when not given.
EntryArgument = Annotated[str, typer.Argument(metavar="ENTRY", help=_ENTRY_HELP)]
#: A reflection that may be left out (the command says what that means).
OptionalEntryArgument = Annotated[str | None, typer.Argument(metavar="ENTRY", help=_ENTRY_HELP)]
CardFormatOption = Annotated[CardFormat, typer.Option("--format", help="text, markdown of json.")]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="De vragen één voor één, regel voor regel: voor schermlezers en eenvoudige terminals.",
    ),
]
