"""A support note: what a colleague or manager noticed before asking someone how it
goes (`veerkracht support`). No name is needed; what is given is kept short. The guide
made from it is in `guide.py`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from veerkracht.content import load
from veerkracht.core.errors import ValidationError
from veerkracht.core.model import from_plain, new_uuid, plain_record
from veerkracht.core.validation import flag, keys_of, known_fields, moment, one_of, text, text_map

ROLES = ("colleague", "manager")
MAX_NAME = 30
SUPPORT_FIELDS = ("name", "role", "signals", "noticed", "hybrid", "answers", "created")


def signal_keys() -> tuple[str, ...]:
    return tuple(load("support")["signals"])


def manager_tips() -> tuple[str, ...]:
    return tuple(load("support")["manager"])


@dataclass
class SupportNote:
    """A preparation for checking in with someone."""

    created: datetime
    role: str = "colleague"
    name: str = ""
    signals: list[str] = field(default_factory=list)
    noticed: str = ""
    hybrid: bool = False
    answers: dict[str, str] = field(default_factory=dict)
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> SupportNote:
        return from_plain(cls, record)


def parse_support(data: Any, *, now: datetime) -> SupportNote:
    """Validate a support file (`support --from`), created `now` unless it says when;
    refusals name the field."""
    values = known_fields(data, SUPPORT_FIELDS)
    note = SupportNote(created=moment(values["created"], "created") if "created" in values else now)
    note.role = one_of(values.get("role", "colleague"), "role", ROLES)
    note.name = text(values.get("name", ""), "name")
    if len(note.name) > MAX_NAME:
        raise ValidationError("too_long", field="name", max=MAX_NAME)
    note.signals = keys_of(values.get("signals", []), "signals", signal_keys())
    note.noticed = text(values.get("noticed", ""), "noticed")
    note.hybrid = flag(values.get("hybrid", False), "hybrid")
    note.answers = text_map(values.get("answers", {}), "answers", manager_tips())
    return note
