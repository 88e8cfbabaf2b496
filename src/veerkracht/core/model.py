"""The records a user writes, their stable option keys, and their validation. No I/O."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, TypeVar

from veerkracht.core.errors import ValidationError, printable

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
MAX_TEXT = 5_000
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


def from_plain(cls: type[T], record: Mapping[str, Any]) -> T:
    """Rebuild a stored record (follow-up, agreement, check-in, support note): fields a
    later version may add are left out, and ISO text becomes `created` / `due` again."""
    names = cls.__dataclass_fields__  # type: ignore[attr-defined]
    values = {key: value for key, value in record.items() if key in names}
    if "created" in values:
        values["created"] = datetime.fromisoformat(values["created"])
    if "due" in values:
        values["due"] = date.fromisoformat(values["due"]) if values["due"] else None
    return cls(**values)


def now() -> datetime:
    """The current local time, timezone-aware."""
    return datetime.now().astimezone().replace(microsecond=0)


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
        created=_created(values.get("created"), now),
    )
    for name in _OPTION_LISTS:
        setattr(entry, name, option_list(values.get(name, []), name, name))
    for name in TEXT_FIELDS:
        setattr(entry, name, text(values.get(name, ""), name))
    if "intensity" in values:
        entry.intensity = intensity(values["intensity"], "intensity")
    if "audience" in values:
        entry.audience = option(values["audience"], "audience", "audiences")
    entry.relations = text_map(values.get("relations", {}), "relations", RELATION_KEYS)
    entry.asks = _asks(values.get("asks", []))
    entry.help_notice = flag(values.get("help_notice", False), "help_notice")
    return entry


def flag(value: Any, name: str) -> bool:
    """A true/false answer."""
    if not isinstance(value, bool):
        raise ValidationError("not_a_bool", field=name)
    return value


def known_fields(data: Any, allowed: tuple[str, ...], prefix: str = "") -> dict[str, Any]:
    """The fields of an object (a file, or the object at `prefix` inside one), refusing
    unknown ones by name; null means not given."""
    if not isinstance(data, Mapping):
        if prefix:
            raise ValidationError("field_not_object", field=prefix)
        raise ValidationError("not_an_object", field="")
    for key in data:
        if key not in allowed:
            name = f"{prefix}.{printable(key)}" if prefix else printable(key)
            raise ValidationError("unknown_field", field=name, allowed=", ".join(allowed))
    return {key: value for key, value in data.items() if value is not None}


def option(value: Any, name: str, group: str) -> str:
    """One stable key of `group`."""
    allowed = OPTIONS[group]
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(
            "unknown_option", field=name, value=_show(value), allowed=", ".join(allowed)
        )
    return value


def option_list(value: Any, name: str, group: str) -> list[str]:
    """A list of stable keys of `group`, duplicates dropped, order kept."""
    if isinstance(value, str) or not isinstance(value, list):
        raise ValidationError("not_a_list", field=name)
    keys = [option(item, name, group) for item in value]
    return list(dict.fromkeys(keys))


def text(value: Any, name: str) -> str:
    """Free text as the user wrote it, trimmed at the ends."""
    if not isinstance(value, str):
        raise ValidationError("not_text", field=name)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from JSON's \ud800 escapes
        raise ValidationError("not_text", field=name) from None
    if len(value) > MAX_TEXT:
        raise ValidationError("too_long", field=name, max=MAX_TEXT)
    return value.strip()


def whole_number(value: Any, name: str, low: int, high: int) -> int:
    """An integer within [low, high]; booleans and fractions are refused."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError("out_of_range", field=name, value=_show(value), low=low, high=high)
    return value


def intensity(value: Any, name: str) -> int:
    return whole_number(value, name, *INTENSITY_RANGE)


def moment(value: Any, name: str) -> datetime:
    """An ISO 8601 date or date-time; a time without offset is taken as local time."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError("not_a_datetime", field=name, value=_show(value)) from None
    else:
        raise ValidationError("not_a_datetime", field=name, value=_show(value))
    try:
        return parsed if parsed.tzinfo else parsed.astimezone()
    except (OverflowError, OSError, ValueError):
        raise ValidationError("not_a_datetime", field=name, value=_show(value)) from None


def _created(value: Any, default: datetime) -> datetime:
    return default if value is None else moment(value, "created")


def text_map(value: Any, name: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """A mapping of known keys to free text (relations, pillars, answers); empty texts
    are left out."""
    if not isinstance(value, Mapping):
        raise ValidationError("field_not_object", field=name)
    texts = {}
    for key, note in value.items():
        if key not in allowed:
            raise ValidationError(
                "unknown_field", field=f"{name}.{printable(key)}", allowed=", ".join(allowed)
            )
        if note is not None and (cleaned := text(note, f"{name}.{key}")):
            texts[key] = cleaned
    return texts


def _asks(value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list):
        raise ValidationError("not_a_list", field="asks")
    if len(value) > MAX_ASKS:
        raise ValidationError("too_many", field="asks", max=MAX_ASKS)
    asks = [text(item, f"asks[{index}]") for index, item in enumerate(value)]
    return [ask for ask in asks if ask]


def _show(value: Any) -> str:
    """A short, safe rendering of a refused value for an error message."""
    return printable(repr(value))
