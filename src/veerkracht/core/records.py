"""What happens after a reflection: follow-ups of a conversation, the agreements made
in it, and the weekly recovery check-in. Validation names the field; no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from veerkracht.core.errors import ValidationError
from veerkracht.core.model import INTENSITY_RANGE, from_plain, new_uuid, plain_record
from veerkracht.core.validation import (
    a_list,
    day,
    flag,
    known_fields,
    moment,
    one_of,
    text,
    text_map,
    whole_number,
)

WENT_RANGE = (1, 5)
AS_FEARED = ("better", "same", "worse")
PILLARS = ("trust", "understanding", "collaboration", "communication")
MAX_AGREEMENTS = 20

FOLLOWUP_FIELDS = (
    "entry", "went", "as_feared", "helped", "agreements", "next_step", "talked", "created",
)  # fmt: skip
AGREEMENT_FIELDS = ("what", "who", "due")
CHECKIN_FIELDS = (
    "went_well", "was_hard", "learned", "do_differently", "capacity", "load", "pillars",
    "too_much", "created",
)  # fmt: skip
CHECKIN_TEXTS = ("went_well", "was_hard", "learned", "do_differently")


@dataclass
class Agreement:
    """Something agreed in a conversation: what, who, by when; kept or not yet."""

    what: str
    who: str = ""
    due: date | None = None
    done: bool = False
    entry: str = ""
    followup: str = ""
    #: Made in a dialogue talk of the recovery plan (its uuid).
    dialogue: str = ""
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Agreement:
        return from_plain(cls, record)

    def overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


@dataclass
class FollowUp:
    """Looking back on a conversation about one entry."""

    entry: str
    created: datetime
    went: int | None = None
    as_feared: str | None = None
    helped: str = ""
    next_step: str = ""
    #: After a reflection that showed the help notice: did you talk to someone about
    #: how heavy it is? (None: not asked, or not answered.)
    talked: bool | None = None
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> FollowUp:
        return from_plain(cls, record)

    def went_badly(self) -> bool:
        """Worse than feared, or 1–2 out of 5."""
        return self.as_feared == "worse" or (self.went is not None and self.went <= 2)


@dataclass
class CheckIn:
    """The weekly recovery check-in: what went well, what was hard, what I learned,
    what I will do differently; capacity (draagkracht) and load (draaglast)."""

    created: datetime
    went_well: str = ""
    was_hard: str = ""
    learned: str = ""
    do_differently: str = ""
    capacity: int | None = None
    load: int | None = None
    pillars: dict[str, str] = field(default_factory=dict)
    #: "This week was too much": the recovery plan then suggests a doctor and a pause.
    too_much: bool = False
    #: The recovery plan (uuid) and its week, when one was running.
    plan: str = ""
    week: int | None = None
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> CheckIn:
        return from_plain(cls, record)


def parse_followup(data: Any, *, now: datetime) -> tuple[FollowUp, list[Agreement], str | None]:
    """Validate a follow-up file (created `now` unless it says when). Returns the
    follow-up, its agreements and the entry reference as given (an id or `last`; None
    when absent), which the caller resolves."""
    values = known_fields(data, FOLLOWUP_FIELDS)
    entry_ref = values.get("entry")
    if entry_ref is not None and (not isinstance(entry_ref, str | int) or entry_ref is True):
        raise ValidationError("not_text", field="entry")
    if "went" not in values:
        raise ValidationError("required_number", field="went", low=1, high=5)
    created = moment(values["created"], "created") if "created" in values else now
    followup = followup_from(values, created, entry="")
    agreements = [
        parse_agreement(item, index)
        for index, item in enumerate(
            a_list(values.get("agreements", []), "agreements", MAX_AGREEMENTS)
        )
    ]
    return followup, agreements, None if entry_ref is None else str(entry_ref)


def followup_from(values: Mapping[str, Any], created: datetime, entry: str) -> FollowUp:
    """The fields a follow-up has, checked (from a file or an export): `went` may be
    absent only in an export (a follow-up saying the talk has not happened yet)."""
    went = values.get("went")
    as_feared = values.get("as_feared")
    talked = values.get("talked")
    return FollowUp(
        entry=entry,
        created=created,
        went=None if went is None else whole_number(went, "went", *WENT_RANGE),
        as_feared=None if as_feared is None else one_of(as_feared, "as_feared", AS_FEARED),
        helped=text(values.get("helped", ""), "helped"),
        next_step=text(values.get("next_step", ""), "next_step"),
        talked=None if talked is None else flag(talked, "talked"),
    )


def parse_agreement(data: Any, index: int | None = None) -> Agreement:
    """One agreement: `what` is needed; `who` and an ISO `due` date are optional."""
    prefix = "agreements" if index is None else f"agreements[{index}]"
    values = known_fields(data, AGREEMENT_FIELDS, prefix)
    what = text(values.get("what", ""), f"{prefix}.what")
    if not what:
        raise ValidationError("required_text", field=f"{prefix}.what")
    return Agreement(
        what=what,
        who=text(values.get("who", ""), f"{prefix}.who"),
        due=day(values.get("due"), f"{prefix}.due"),
    )


def parse_checkin(data: Any, *, now: datetime) -> CheckIn:
    """Validate a check-in file (created `now` unless it says when); at least one field
    must say something."""
    values = known_fields(data, CHECKIN_FIELDS)
    checkin = CheckIn(created=moment(values["created"], "created") if "created" in values else now)
    for name in CHECKIN_TEXTS:
        setattr(checkin, name, text(values.get(name, ""), name))
    for name in ("capacity", "load"):
        if name in values:
            setattr(checkin, name, whole_number(values[name], name, *INTENSITY_RANGE))
    checkin.pillars = text_map(values.get("pillars", {}), "pillars", PILLARS)
    checkin.too_much = flag(values.get("too_much", False), "too_much")
    said = [getattr(checkin, name) for name in CHECKIN_TEXTS]
    levels = (checkin.capacity, checkin.load)
    if not any(said) and levels == (None, None) and not checkin.pillars and not checkin.too_much:
        raise ValidationError("empty_checkin", field="")  # the message says what counts, in words
    return checkin
