"""Content (labels, hints, messages) from `content/*.toml`, in Dutch or English."""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "en")
#: A place in a list, and maybe a part of it: "agreements[1].due", "asks[0]".
_ITEM_PATH = re.compile(r"(?P<items>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<part>[a-z_]+))?")
DEFAULT_LANGUAGE = "nl"
#: Messages said differently to someone typing in a form than to a file's author.
ON_SCREEN = {"not_a_date": "not_a_typed_date"}
#: Set by the tests (tests/conftest.py): a placeholder nobody filled in raises
#: `MissingPlaceholder` there, where a user would see it as `{name}`.
STRICT_ENV = "VEERKRACHT_STRICT_CONTENT"


#: The content files, beside this module (the package is installed as files, never
#: zipped; `importlib.resources` would cost every command its zip reader's imports).
_HERE = Path(__file__).parent


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content file `content/<name>.toml` (read once per process)."""
    return tomllib.loads((_HERE / f"{name}.toml").read_text(encoding="utf-8"))


class Content:
    """The product's words in one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self.language = language

    def option(self, group: str, key: str, field: str = "label") -> Any:
        """A field (`label`, `hint`, `tip`, …) of option `key` in `group`."""
        return load("options")[group][key][field][self.language]

    def label(self, group: str, key: str) -> str:
        return str(self.option(group, key, "label"))

    def text(self, name: str, *path: str, **params: Any) -> Any:
        """The text at `path` in `content/<name>.toml`, its `{placeholders}` filled in."""
        node: Any = load(name)
        for key in path:
            node = node[key]
        value = node[self.language]
        if not isinstance(value, str):
            return value
        return value.format_map(_Lenient(params, where=".".join((name, *path))))

    def template(self, name: str, *path: str) -> str:
        """The text at `path` with its `{placeholders}` left for the caller to fill in,
        each time anew (`str.format`): "Zin {number} van {total}"."""
        node: Any = load(name)
        for key in path:
            node = node[key]
        return str(node[self.language])

    def counted(self, noun: str, count: int) -> str:
        """`count` and the noun in the form that fits it: "1 afspraak", "3 afspraken"."""
        one, other = load("counts")[noun][self.language]
        return f"{count} {one if count == 1 else other}"

    def day_said(self, day: date) -> str:
        """A date as people say it: "vrijdag 18 december 2026"."""
        words = load("after")["days"]
        weekday = words["weekdays"][self.language][day.weekday()]
        month = words["months"][self.language][day.month - 1]
        return str(self.text("after", "days", "said", weekday=weekday, day=day.day,
                             month=month, year=day.year))  # fmt: skip

    def message(self, code: str, **params: Any) -> str:
        """A one-line message from messages.toml."""
        return str(self.text("messages", code, **params))

    def on_screen(self, code: str, **params: Any) -> str:
        """A message for someone who typed in a form, not a file: a `field` is named as
        people know it ("de tweede afspraak"), not by its place in a file."""
        code = ON_SCREEN.get(code, code)
        if not isinstance(params.get("field"), str):
            return self.message(code, **params)
        name = self.field_name(params["field"])
        text = self.message(code, **{**params, "field": name})
        # "Veld 'de datum van de eerste afspraak': …" reads as "De datum van de eerste
        # afspraak: …" (a name people know needs no quotes).
        for prefix in load("fields")["prefixes"][self.language]:
            quoted = prefix.format(field=name)
            if text.startswith(quoted):
                return name[:1].upper() + name[1:] + text[len(quoted) :]
        return text

    def field_name(self, path: str) -> str:
        """ "agreements[1].due" as "de datum van de tweede afspraak"; a path it does not
        know stays as it is."""
        fields = load("fields")
        match = _ITEM_PATH.fullmatch(path)
        if match is None:
            name = fields["names"].get(path)
            return str(name[self.language]) if name else path
        items, index, part = match["items"], int(match["index"]), match["part"]
        if items not in fields["items"] or (part and part not in fields["parts"]):
            return path
        ordinals = fields["ordinals"][self.language]
        nth = (ordinals[index] if index < len(ordinals)
               else fields["numbered"][self.language].format(n=index + 1))  # fmt: skip
        words = {"nth": nth, "item": fields["items"][items][self.language]}
        if part:
            words["part"] = fields["parts"][part][self.language]
        return str(fields["part" if part else "item"][self.language].format(**words))


def key_for(group: str, said: str) -> str | None:
    """The stable key of an option, from the key itself or its label in either language
    (`moe`, `tired`, `Vertrouwenspersoon`), ignoring case, accents and spaces."""
    import unicodedata

    def plain(text: str) -> str:
        text = unicodedata.normalize("NFKD", text.casefold())
        return "".join(ch for ch in text if ch.isalnum())

    wanted = plain(said)
    options: dict[str, Any] = load("options")[group]
    for key, option in options.items():
        labels = [key, *option["label"].values()]
        if wanted in {plain(label) for label in labels}:
            return key
    return None


class MissingPlaceholder(Exception):
    """A text was formatted without a value for one of its placeholders (tests only)."""


class _Lenient(dict[str, Any]):
    """Leaves an unknown placeholder visible instead of raising KeyError, except under
    `STRICT_ENV`, where a `{name}` nobody filled in is a mistake to find."""

    def __init__(self, params: dict[str, Any], where: str) -> None:
        super().__init__(params)
        self.where = where

    def __missing__(self, key: str) -> str:
        if os.environ.get(STRICT_ENV):
            raise MissingPlaceholder(f"{self.where}: no value for {{{key}}}")
        return "{" + key + "}"
