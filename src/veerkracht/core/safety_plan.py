"""The veiligheidsplan: a safety plan in the structure of Stanley and Brown's Safety
Planning Intervention, in the user's own words, made in a calm moment for a heavy one.

Seven parts; the fifth (professional help) holds what only the user knows (their GP,
the out-of-hours service of their region, other care), beside the help lines that are
the same for everyone, which come from content, never from the user.
It is private: no card, share or calendar file reads it. No I/O, no clock of its own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from veerkracht.core.errors import ValidationError
from veerkracht.core.model import from_plain, new_uuid, plain_record
from veerkracht.core.validation import known_fields, moment, text

#: The seven parts, in order; each holds free text, one item per line.
PARTS = (
    "warning_signs",
    "coping",
    "distractions",
    "people",
    "professionals",
    "surroundings",
    "reasons",
)
#: What the user writes in part 5, beside the fixed numbers.
PROFESSIONAL_FIELDS = ("gp", "out_of_hours", "other_care")
#: Every answer, in the order the form asks it.
ANSWERS = (*PARTS[:4], *PROFESSIONAL_FIELDS, *PARTS[5:])
SAFETY_PLAN_FIELDS = (*ANSWERS, "created")


@dataclass
class SafetyPlan:
    """A safety plan; `created` is when this version was saved (a change keeps the uuid)."""

    created: datetime
    warning_signs: str = ""
    coping: str = ""
    distractions: str = ""
    people: str = ""
    gp: str = ""
    out_of_hours: str = ""
    other_care: str = ""
    surroundings: str = ""
    reasons: str = ""
    uuid: str = field(default_factory=new_uuid)
    id: str = ""

    def to_record(self) -> dict[str, Any]:
        return plain_record(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> SafetyPlan:
        return from_plain(cls, record)

    def answers(self) -> dict[str, str]:
        """What the user wrote, by answer, as a `--from` file or a draft holds it."""
        return {key: getattr(self, key) for key in ANSWERS if getattr(self, key)}

    def texts(self) -> list[str]:
        """Every text the user wrote in it (to prove none of it goes anywhere else)."""
        return [getattr(self, key) for key in ANSWERS if getattr(self, key)]

    def is_empty(self) -> bool:
        return not self.texts()


def items(said: str) -> list[str]:
    """A part's text as its items: one per line, empty lines left out."""
    return [line.strip() for line in said.splitlines() if line.strip()]


def parse_safety_plan(data: Any, *, now: datetime) -> SafetyPlan:
    """Validate a safety plan's answers (a form, plain mode, an import), saved `now`
    unless they say when; refusals name the field. A plan with nothing in it is refused."""
    values = known_fields(data, SAFETY_PLAN_FIELDS)
    created = moment(values["created"], "created") if "created" in values else now
    plan = SafetyPlan(created=created)
    for key in ANSWERS:
        setattr(plan, key, text(values.get(key, ""), key))
    if plan.is_empty():
        raise ValidationError("empty_safety_plan", field="")
    return plan
