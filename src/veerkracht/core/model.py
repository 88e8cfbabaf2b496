"""The records a user writes, their stable option keys, and their validation. No I/O."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from veerkracht.core import zone
from veerkracht.core.errors import ValidationError
from veerkracht.core.validation import (
    flag,
    keys_of,
    known_fields,
    moment,
    one_of,
    text,
    text_map,
    texts,
    whole_number,
)

T = TypeVar("T")

#: The stable option keys (the public contract). Labels live in content/options.toml.
OPTIONS: dict[str, tuple[str, ...]] = {
    "feelings": (
        "tired", "tense", "sad", "angry", "insecure", "overstimulated",
        "anxious", "lonely", "ashamed", "guilty", "frustrated",
    ),
    "triggers": (
        "workload", "unclear_expectations", "home", "conflict", "health",
        "reorganisation", "caregiving", "grief", "misconduct", "not_seen",
        "always_adapting", "loyalty_cost", "responsibility_without_support",
    ),
    "impact": (
        "concentration", "mistakes", "procrastination", "emotional_reactions",
        "fatigue", "irritability", "rumination",
    ),
    "support": ("listening", "validating", "practical", "informational", "relational"),
    "barriers": (
        "judgement", "perfectionism", "unsafe_culture", "bad_experiences",
        "unclear_boundaries",
    ),
    "audiences": (
        "colleague", "manager", "hr", "confidential_adviser", "works_council",
        "company_doctor",
    ),
}  # fmt: skip

INTENSITY_RANGE = (0, 10)
RELATION_KEYS = ("drains", "gives", "expected", "unspoken")
MAX_ASKS = 20

#: The free-text answers (relations and asks aside).
TEXT_FIELDS = (
    "feelings_note", "triggers_note", "impact_note", "desired_change",
    "share", "private", "fear",
)  # fmt: skip
_OPTION_LISTS = ("feelings", "triggers", "impact", "support", "barriers")

#: Every field an answers file may hold, in the order of the contract.
ANSWER_FIELDS = (
    "feelings", "intensity", "feelings_note", "triggers", "triggers_note", "impact",
    "impact_note", "relations", "desired_change", "support", "barriers", "audience",
    "share", "private", "asks", "fear", "created", "help_notice",
)  # fmt: skip


def _defaults() -> dict[str, Any]:
    """Fresh defaults for an entry's optional fields (a stored record may lack some)."""
    return {
        "intensity": None, "feelings_note": "", "triggers": [], "triggers_note": "",
        "impact": [], "impact_note": "", "relations": {}, "desired_change": "",
        "support": [], "barriers": [], "audience": None, "share": "", "private": "",
        "asks": [], "fear": "", "help_notice": False, "id": "", "uuid": "",
    }  # fmt: skip


def without_private(record: dict[str, Any]) -> dict[str, Any]:
    """An entry record as it may be shown outside an export: without the text the user
    keeps for themselves. Trims `record` in place (callers pass their own copy)."""
    record.pop("private", None)
    return record


def plain_record(record: Any) -> dict[str, Any]:
    """A dataclass record as a JSON-ready dict, `id` and `uuid` first, dates as ISO text.

    Shallow on purpose: `dataclasses.asdict` deep-copies every value, which took 1.4 s of
    a 2 s `history --format json` over 10,000 entries."""
    values = vars(record)
    result = {"id": values["id"], "uuid": values["uuid"]}
    for name, value in values.items():
        if isinstance(value, list):
            value = list(value)
        elif isinstance(value, dict):
            value = dict(value)
        elif isinstance(value, date):  # datetime too
            value = value.isoformat()
        result.setdefault(name, value)
    return result


#: Fields of stored records that hold a day (an ISO date, or empty for none).
DAYS = ("due", "start", "review")


def from_plain(cls: type[T], record: Mapping[str, Any]) -> T:
    """Rebuild a stored record (follow-up, agreement, check-in, support note, plan, talk):
    fields a later version may add are left out, and ISO text becomes `created` and the
    days in DAYS again."""
    names = cls.__dataclass_fields__  # type: ignore[attr-defined]
    values = {key: value for key, value in record.items() if key in names}
    if "created" in values:
        values["created"] = datetime.fromisoformat(values["created"])
    for name in DAYS:
        if name in values:
            values[name] = date.fromisoformat(values[name]) if values[name] else None
    return cls(**values)


def now() -> datetime:
    """The current local time, timezone-aware."""
    return zone.current()


def new_uuid() -> str:
    return str(uuidlib.uuid4())


@dataclass
class Entry:
    """One reflection before a conversation."""

    feelings: list[str]
    created: datetime
    intensity: int | None = None
    feelings_note: str = ""
    triggers: list[str] = field(default_factory=list)
    triggers_note: str = ""
    impact: list[str] = field(default_factory=list)
    impact_note: str = ""
    relations: dict[str, str] = field(default_factory=dict)
    desired_change: str = ""
    support: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    audience: str | None = None
    share: str = ""
    private: str = ""
    asks: list[str] = field(default_factory=list)
    fear: str = ""
    #: The calm help notice was shown for this reflection (carried forward gently: an
    #: optional line on the company doctor's card, a question in the follow-up).
    help_notice: bool = False
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def answers(self) -> dict[str, Any]:
        """What was answered, in the answers-file schema (empty answers left out): to
        change a saved reflection with the same steps."""
        record = self.to_record()
        return {
            name: record[name]
            for name in ANSWER_FIELDS
            if name not in ("created", "help_notice") and record.get(name) not in (None, "", [], {})
        }

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict: the answers-file fields plus `uuid`, `id` and `created`.
        Written out by hand: history serialises 10,000 of these per run."""
        return {
            "id": self.id,
            "uuid": self.uuid,
            "feelings": list(self.feelings),
            "created": self.created.isoformat(),
            "intensity": self.intensity,
            "feelings_note": self.feelings_note,
            "triggers": list(self.triggers),
            "triggers_note": self.triggers_note,
            "impact": list(self.impact),
            "impact_note": self.impact_note,
            "relations": dict(self.relations),
            "desired_change": self.desired_change,
            "support": list(self.support),
            "barriers": list(self.barriers),
            "audience": self.audience,
            "share": self.share,
            "private": self.private,
            "asks": list(self.asks),
            "fear": self.fear,
            "help_notice": self.help_notice,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Entry:
        """Rebuild an entry from a stored record. Trusted (written by us, migrated to the
        current schema), so it skips __init__: 10,000 of these are built per history."""
        entry = cls.__new__(cls)
        entry.__dict__.update(_defaults())
        entry.__dict__.update(record)
        entry.created = datetime.fromisoformat(record["created"])
        if not entry.feelings:
            raise ValueError("an entry without feelings")
        return entry


def parse_answers(data: Any, *, now: datetime) -> Entry:
    """Validate an answers file (already parsed JSON or TOML) into a new Entry, created
    `now` unless the file says when.

    Raises ValidationError naming the field and what is allowed; never a bare KeyError
    or TypeError, whatever the input.
    """
    values = known_fields(data, ANSWER_FIELDS)
    if not values.get("feelings"):
        raise ValidationError("required", field="feelings", allowed=", ".join(OPTIONS["feelings"]))

    entry = Entry(
        feelings=[],
        created=now if values.get("created") is None else moment(values["created"], "created"),
    )
    for name in _OPTION_LISTS:
        setattr(entry, name, keys_of(values.get(name, []), name, OPTIONS[name]))
    for name in TEXT_FIELDS:
        setattr(entry, name, text(values.get(name, ""), name))
    if "intensity" in values:
        entry.intensity = whole_number(values["intensity"], "intensity", *INTENSITY_RANGE)
    if "audience" in values:
        entry.audience = option(values["audience"], "audience", "audiences")
    entry.relations = text_map(values.get("relations", {}), "relations", RELATION_KEYS)
    entry.asks = texts(values.get("asks", []), "asks", MAX_ASKS)
    entry.help_notice = flag(values.get("help_notice", False), "help_notice")
    return entry


def option(value: Any, name: str, group: str) -> str:
    """One stable key of `group`."""
    return str(one_of(value, name, OPTIONS[group]))
