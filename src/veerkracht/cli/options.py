"""The options and arguments commands share, declared once (Typer `Annotated` aliases),
and the stable keys as choices: a bad one is a usage error listing the valid ones."""

from __future__ import annotations

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


Audience = StrEnum("Audience", {key: key for key in OPTIONS["audiences"]})
Feeling = StrEnum("Feeling", {key: key for key in OPTIONS["feelings"]})
Trigger = StrEnum("Trigger", {key: key for key in OPTIONS["triggers"]})

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
