"""For the colleague or manager who wants to check in with someone: a short preparation
(what you noticed, how to open, listening, your own boundaries, the six manager tips)
and a one-page guide. No name is needed; what is given is kept short."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from veerkracht.content import Content, load
from veerkracht.core.cardwriter import paragraphs
from veerkracht.core.errors import ValidationError, printable
from veerkracht.core.language import check
from veerkracht.core.model import (
    from_plain,
    known_fields,
    moment,
    new_uuid,
    plain_record,
    text,
    text_map,
)
from veerkracht.core.scripts import Section

ROLES = ("colleague", "manager")
MAX_NAME = 30
SUPPORT_FIELDS = ("name", "role", "signals", "noticed", "hybrid", "answers", "created")
GUIDE_SECTIONS = (
    "noticed", "opening", "listening", "needs", "boundaries", "manager", "follow_up",
)  # fmt: skip


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


@dataclass(frozen=True)
class Guide:
    """The one-page conversation guide, by section."""

    note: SupportNote
    language: str
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    footer: str

    def to_json(self) -> dict[str, Any]:
        return {
            "support": self.note.id,
            "role": self.note.role,
            "lang": self.language,
            "title": self.title,
            "subtitle": self.subtitle,
            "sections": [
                {"key": s.key, "title": s.title, "lines": list(s.lines)} for s in self.sections
            ],
        }


def build_guide(note: SupportNote, content: Content) -> Guide:
    """The guide for `note`. Pure; the name appears only where the user gave one."""

    def say(*path: str, **params: Any) -> str:
        return content.text("support", *path, **params)

    noticed = [say("signals", key, "observation") for key in note.signals]
    if note.noticed:
        noticed += paragraphs(note.noticed)
    noticed += [finding.tip(content) for finding in check([note.noticed])]
    opening = [say("opening", "ask"), say("opening", "again"), say("opening", "moment")]
    if note.hybrid:
        opening.append(say("opening", "hybrid"))
    if note.role == "colleague":
        opening.append(say("opening_colleague", "own_weeks"))
    opening += [say("opening", "home"), say("opening", "open_door")]
    kinds = [say("kinds", kind) for kind in load("options")["support"]]
    if note.role == "manager":
        kinds.append(say("needs", "flexible"))
    lines = {
        "noticed": noticed,
        "opening": opening,
        "listening": [say("listening", key) for key in load("support")["listening"]],
        "needs": [say("needs", "ask"), *kinds],
        "boundaries": [say("boundaries", key) for key in load("support")["boundaries"]],
        "manager": _manager_lines(note, content) if note.role == "manager" else [],
        "follow_up": [say("follow_up", key) for key in load("support")["follow_up"]],
    }
    sections = tuple(
        Section(key, say("titles", key), tuple(lines[key])) for key in GUIDE_SECTIONS if lines[key]
    )
    subtitle = (
        say("card", "with_name", person=note.name) if note.name else say("card", "without_name")
    )
    return Guide(
        note, content.language, say("card", "title"), subtitle, sections, say("card", "footer")
    )


def _manager_lines(note: SupportNote, content: Content) -> list[str]:
    lines = []
    for key in manager_tips():
        tip = content.text("support", "manager", key, "tip")
        question = content.text("support", "manager", key, "question")
        answer = note.answers.get(key)
        lines.append(f"{tip} {question}" + (f" → {answer}" if answer else ""))
    return lines
