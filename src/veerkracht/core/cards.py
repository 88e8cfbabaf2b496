"""A conversation card as the user edited it, kept with its reflection: one per entry,
audience and language. Pure data and validation; no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from veerkracht.content import LANGUAGES
from veerkracht.core.errors import ValidationError
from veerkracht.core.model import from_plain, new_uuid, option, plain_record
from veerkracht.core.validation import (
    a_list,
    keys_of,
    known_fields,
    moment,
    one_of,
    text,
    whole_number,
)

#: The sections of a card, in the order of the `prepare --format json` contract.
SECTION_KEYS = (
    "opening", "situation", "impact", "need", "asks", "boundaries", "follow_up", "tips",
)  # fmt: skip
CARD_FIELDS = ("entry", "audience", "lang", "lines", "enabled", "off", "created")
MAX_LINES = 40


@dataclass
class CardEdit:
    """The user's own version of a card: every section's lines, which sections are on,
    and which lines are switched off. `created` is when this version was saved."""

    entry: str
    audience: str
    lang: str
    created: datetime
    lines: dict[str, list[str]] = field(default_factory=dict)
    enabled: list[str] = field(default_factory=list)
    off: dict[str, list[int]] = field(default_factory=dict)
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> CardEdit:
        return from_plain(cls, record)

    def matches(self, entry: str, audience: str, lang: str) -> bool:
        return (self.entry, self.audience, self.lang) == (entry, audience, lang)


def parse_card(data: Any, *, now: datetime) -> CardEdit:
    """Validate an edited card (from an export); refusals name the field."""
    values = known_fields(data, CARD_FIELDS)
    entry = values.get("entry")
    if not isinstance(entry, str) or not entry:
        raise ValidationError("bad_uuid", field="entry")
    lang = one_of(values.get("lang"), "lang", LANGUAGES)
    lines = values.get("lines", {})
    if not isinstance(lines, Mapping):
        raise ValidationError("field_not_object", field="lines")
    checked: dict[str, list[str]] = {}
    for key, section in lines.items():
        where = f"lines.{key}"
        if key not in SECTION_KEYS:
            raise ValidationError("unknown_field", field=where, allowed=", ".join(SECTION_KEYS))
        section = a_list(section, where, MAX_LINES)
        checked[key] = [text(line, f"{where}[{index}]") for index, line in enumerate(section)]
    enabled = keys_of(values.get("enabled", []), "enabled", SECTION_KEYS)
    return CardEdit(
        entry=entry,
        off=_off(values.get("off", {}), checked),
        audience=option(values.get("audience"), "audience", "audiences"),
        lang=lang,
        created=moment(values["created"], "created") if "created" in values else now,
        lines=checked,
        enabled=[key for key in SECTION_KEYS if key in enabled],
    )


def _off(value: Any, lines: Mapping[str, list[str]]) -> dict[str, list[int]]:
    """Which lines are switched off, by section: positions of lines the card has."""
    if not isinstance(value, Mapping):
        raise ValidationError("field_not_object", field="off")
    off = {}
    for key, positions in value.items():
        where = f"off.{key}"
        if key not in lines:
            raise ValidationError("unknown_field", field=where, allowed=", ".join(lines))
        positions = a_list(positions, where)
        count = len(lines[key])
        off[key] = sorted({whole_number(p, where, 0, max(count - 1, 0)) for p in positions})
    return off
