"""A support note: what a colleague or manager noticed before asking someone how it
goes (`veerkracht support`). No name is needed; what is given is kept short. The guide
made from it is in `guide.py`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from veerkracht.content import load
from veerkracht.core.errors import ValidationError, printable
from veerkracht.core.model import (
    from_plain,
    known_fields,
    moment,
    new_uuid,
    plain_record,
    text,
    text_map,
)

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
    role = values.get("role", "colleague")
    if role not in ROLES:
        raise ValidationError(
            "unknown_option", field="role", value=printable(repr(role)), allowed=", ".join(ROLES)
        )
    note.role = role
    note.name = text(values.get("name", ""), "name")
    if len(note.name) > MAX_NAME:
        raise ValidationError("too_long", field="name", max=MAX_NAME)
    signals = values.get("signals", [])
    if isinstance(signals, str) or not isinstance(signals, list):
        raise ValidationError("not_a_list", field="signals")
    for key in signals:
        if key not in signal_keys():
            raise ValidationError(
                "unknown_option", field="signals", value=printable(repr(key)),
                allowed=", ".join(signal_keys()),
            )  # fmt: skip
    note.signals = list(dict.fromkeys(signals))
    note.noticed = text(values.get("noticed", ""), "noticed")
    hybrid = values.get("hybrid", False)
    if not isinstance(hybrid, bool):
        raise ValidationError("not_a_bool", field="hybrid")
    note.hybrid = hybrid
    note.answers = text_map(values.get("answers", {}), "answers", manager_tips())
    return note
