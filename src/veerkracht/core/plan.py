"""The recovery plan on the work floor (seed 002): the plan itself with its personal work
plan, and the dialogue talks with colleagues. Record kinds: validation names the field;
no I/O, no clock of its own (callers pass `now` and `today`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from veerkracht.core.errors import ValidationError
from veerkracht.core.model import from_plain, new_uuid, plain_record
from veerkracht.core.records import MAX_AGREEMENTS, PILLARS, Agreement, parse_agreement
from veerkracht.core.validation import (
    a_list,
    day,
    known_fields,
    moment,
    one_of,
    text,
    text_map,
    texts,
    whole_number,
)

WEEKS_RANGE = (1, 26)
DEFAULT_WEEKS = 8
SAFETY_RANGE = (1, 5)
STATUSES = ("active", "paused", "done")
ROLES = ("manager", "colleague", "guide")
MAX_ITEMS = 20
WORK_PLAN = ("keeps_me_well", "early_signs", "others_can_do", "adjustments")
PLAN_FIELDS = ("start", "weeks", "goals", *WORK_PLAN, "review", "people", "private", "created")
DIALOGUE_BEFORE = ("understand", "bottleneck", "expect_me", "expect_other", "feeling")
DIALOGUE_FIELDS = (
    "with", *DIALOGUE_BEFORE, "insights", "perspective", "agreements", "safety", "private",
    "created",
)  # fmt: skip
EVALUATION_FIELDS = ("pillars", "holding", "next")


@dataclass
class Plan:
    """An eight-week recovery plan (length adjustable): who is involved, personal goals,
    and a short work plan; paused and resumed as the person decides."""

    start: date
    created: datetime
    weeks: int = DEFAULT_WEEKS
    goals: list[str] = field(default_factory=list)
    keeps_me_well: list[str] = field(default_factory=list)
    early_signs: list[str] = field(default_factory=list)
    others_can_do: list[str] = field(default_factory=list)
    adjustments: list[str] = field(default_factory=list)
    review: date | None = None
    #: Who is involved: `{"role": manager|colleague|guide, "name": optional}`.
    people: list[dict[str, str]] = field(default_factory=list)
    private: str = ""
    status: str = "active"
    #: Pauses, each `{"from": ISO date, "to": ISO date or ""}` (open while paused).
    pauses: list[dict[str, str]] = field(default_factory=list)
    #: After the last week: `{"pillars": {…}, "holding": …, "next": …, "created": …}`.
    evaluation: dict[str, Any] = field(default_factory=dict)
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Plan:
        return from_plain(cls, record)

    # -- where the plan is --------------------------------------------------------------

    def paused_days(self, today: date) -> int:
        """Days spent paused up to `today` (a pause still open counts until today)."""
        total = 0
        for pause in self.pauses:
            begun = date.fromisoformat(pause["from"])
            ended = date.fromisoformat(pause["to"]) if pause.get("to") else today
            total += max(0, (min(ended, today) - begun).days)
        return total

    def days_in(self, today: date) -> int:
        """Days of the plan lived so far: paused days do not count."""
        return max(0, (today - self.start).days - self.paused_days(today))

    def week(self, today: date) -> int:
        """The current plan week, 1-based (week 1 before the start, the last week after)."""
        return min(self.weeks, self.days_in(today) // 7 + 1)

    def weeks_done(self, today: date) -> int:
        return min(self.weeks, self.days_in(today) // 7)

    def week_of(self, moment_: datetime) -> int:
        return self.week(moment_.date())

    def ends(self, today: date) -> date:
        """When the last week ends, counting pauses so far."""
        return self.start + timedelta(days=7 * self.weeks + self.paused_days(today))

    def is_open(self) -> bool:
        return self.status in ("active", "paused")

    def pause(self, today: date) -> None:
        self.status = "paused"
        self.pauses.append({"from": today.isoformat(), "to": ""})

    def resume(self, today: date) -> None:
        self.status = "active"
        if self.pauses and not self.pauses[-1].get("to"):
            self.pauses[-1]["to"] = today.isoformat()

    def stop(self, today: date) -> None:
        if self.status == "paused":
            self.resume(today)
        self.status = "done"

    def name_of(self, role: str) -> list[str]:
        return [person.get("name", "") for person in self.people if person.get("role") == role]


@dataclass
class Dialogue:
    """A dialogue talk with a colleague about working together: prepared before, looked
    back on after. Its report holds only the lines the employee checked."""

    plan: str
    created: datetime
    week: int = 1
    partner: str = ""
    understand: str = ""
    bottleneck: str = ""
    expect_me: str = ""
    expect_other: str = ""
    feeling: str = ""
    insights: list[str] = field(default_factory=list)
    perspective: str = ""
    safety: int | None = None
    private: str = ""
    #: Checked with the people involved: the report may show it.
    checked: bool = False
    #: The report lines the employee kept when checking (`insights.0`, `perspective`,
    #: `agreements.<id>`); nothing else of the talk is ever in a report.
    kept: list[str] = field(default_factory=list)
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @property
    def held(self) -> bool:
        """Whether the talk took place (something is filled in after it), or is only
        prepared."""
        return bool(self.insights or self.perspective or self.safety is not None)

    def complete_with(self, later: Dialogue) -> None:
        """Add what was written later (after the talk, or more before it): every field
        the later version fills in replaces this one's."""
        for name in ("partner", *DIALOGUE_BEFORE, "insights", "perspective", "safety", "private"):
            value = getattr(later, name)
            if value not in ("", [], None):
                setattr(self, name, value)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Dialogue:
        return from_plain(cls, record)


# -- files -------------------------------------------------------------------------------


def parse_plan(data: Any, *, now: datetime) -> Plan:
    """A `plan start --from` file: every field optional; the start is today by default."""
    values = known_fields(data, PLAN_FIELDS)
    created = moment(values["created"], "created") if "created" in values else now
    start = day(values.get("start"), "start") or created.date()
    plan = Plan(start=start, created=created)
    if "weeks" in values:
        plan.weeks = whole_number(values["weeks"], "weeks", *WEEKS_RANGE)
    for name in ("goals", *WORK_PLAN):
        setattr(plan, name, texts(values.get(name, []), name, MAX_ITEMS))
    plan.review = day(values.get("review"), "review")
    plan.people = [
        _person(item, f"people[{index}]")
        for index, item in enumerate(a_list(values.get("people", []), "people", MAX_ITEMS))
    ]
    plan.private = text(values.get("private", ""), "private")
    return plan


def _person(data: Any, where: str) -> dict[str, str]:
    values = known_fields(data, ("role", "name"), where)
    role = one_of(values.get("role"), f"{where}.role", ROLES)
    return {"role": role, "name": text(values.get("name", ""), f"{where}.name")}


def parse_dialogue(data: Any, *, now: datetime) -> tuple[Dialogue, list[Agreement]]:
    """A `plan dialogue --from` file (before, after, or both); the plan and week are set
    by the caller. At least one field must say something."""
    values = known_fields(data, DIALOGUE_FIELDS)
    created = moment(values["created"], "created") if "created" in values else now
    dialogue = Dialogue(plan="", created=created)
    dialogue.partner = text(values.get("with", ""), "with")
    for name in (*DIALOGUE_BEFORE, "perspective", "private"):
        setattr(dialogue, name, text(values.get(name, ""), name))
    dialogue.insights = texts(values.get("insights", []), "insights", MAX_ITEMS)
    if "safety" in values:
        dialogue.safety = whole_number(values["safety"], "safety", *SAFETY_RANGE)
    agreements = [
        parse_agreement(item, index)
        for index, item in enumerate(
            a_list(values.get("agreements", []), "agreements", MAX_AGREEMENTS)
        )
    ]
    said = [getattr(dialogue, name) for name in (*DIALOGUE_BEFORE, "perspective", "insights")]
    if not any(said) and not agreements and dialogue.safety is None:
        raise ValidationError("empty_dialogue", field="")  # the message names fields in words
    return dialogue, agreements


def parse_evaluation(data: Any, *, now: datetime) -> dict[str, Any]:
    """The evaluation after the last week: each pillar, which agreements hold, what next."""
    values = known_fields(data, EVALUATION_FIELDS)
    evaluation: dict[str, Any] = {
        "pillars": text_map(values.get("pillars", {}), "pillars", PILLARS),
        "holding": text(values.get("holding", ""), "holding"),
        "next": text(values.get("next", ""), "next"),
    }
    if not evaluation["pillars"] and not evaluation["holding"] and not evaluation["next"]:
        raise ValidationError("empty_evaluation", field="")  # the message names fields in words
    evaluation["created"] = now.isoformat()
    return evaluation
