"""The guided reflection's logic, without a screen: steps, suggestions, summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veerkracht.content import Content
from veerkracht.core.model import OPTIONS, RELATION_KEYS
from veerkracht.core.questions import REFLECTION

STEPS = (
    "welcome", "feelings", "triggers", "impact", "relations", "fear",
    "help", "barriers", "audience", "boundaries", "asks", "summary",
)  # fmt: skip

#: The short reflection for a tired moment: what I feel, what it does to my work, what I
#: need, who; then the card. An ordinary reflection, the other answers left empty.
SHORT_STEPS = ("feelings", "impact", "help", "audience")
#: What the short reflection leaves out of those steps: the words about the feeling and
#: the impact (the choices say it); what you need is said in your own words.
SHORT_LEFT_OUT = ("feelings_note", "impact_note")

#: Which answers each step fills in (what the summary shows for that step).
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    step: tuple(question.name for question in questions) for step, questions in REFLECTION.items()
}

#: Triggers that point to an audience, strongest reason first.
_AUDIENCE_BY_TRIGGER = (
    ("misconduct", "confidential_adviser"),
    ("health", "company_doctor"),
    ("reorganisation", "hr"),
    ("workload", "manager"),
    ("unclear_expectations", "manager"),
    ("caregiving", "manager"),
    ("home", "manager"),
    ("grief", "manager"),
    ("responsibility_without_support", "manager"),
    ("not_seen", "manager"),
    ("always_adapting", "manager"),
    ("loyalty_cost", "manager"),
    ("conflict", "manager"),
)
DEFAULT_AUDIENCE = "colleague"
MAX_SUGGESTED_ASKS = 6


def suggest_audience(triggers: Sequence[str]) -> str:
    """Who fits the question, from the triggers (the user may always choose otherwise)."""
    for trigger, audience in _AUDIENCE_BY_TRIGGER:
        if trigger in triggers:
            return audience
    return DEFAULT_AUDIENCE


def suggested_asks(support: Sequence[str], content: Content) -> list[str]:
    """Example asks from the seeds for the chosen kinds of support; one per kind if none."""
    if not support:
        return [content.option("support", kind, "asks")[0] for kind in OPTIONS["support"]]
    asks = [ask for kind in support for ask in content.option("support", kind, "asks")]
    return asks[:MAX_SUGGESTED_ASKS]


def answered_steps(answers: dict[str, Any]) -> list[str]:
    """The steps with something filled in, in order (what saving early keeps)."""
    return [
        step
        for step, fields in STEP_FIELDS.items()
        if any(answers.get(field) not in (None, "", [], {}) for field in fields)
    ]


def summary(answers: dict[str, Any], content: Content) -> list[tuple[str, str]]:
    """One (step, text) line per step for the summary screen, `—` where nothing was filled
    in. The private text is marked as only for the user."""
    lines: list[tuple[str, str]] = []
    for step, fields in STEP_FIELDS.items():
        parts = [_describe(field, answers.get(field), content) for field in fields]
        text = " · ".join(part for part in parts if part)
        lines.append((step, text or content.text("reflect", "fields", "empty")))
    return lines


def _describe(field: str, value: Any, content: Content) -> str:
    if value in (None, "", [], {}):
        return ""
    if field in ("feelings", "triggers", "impact", "support", "barriers"):
        return ", ".join(content.label(field, key) for key in value)
    if field == "audience":
        return content.label("audiences", value)
    if field == "intensity":
        return f"{value}/10"
    if field == "relations":
        return " · ".join(value[key] for key in RELATION_KEYS if value.get(key))
    if field == "asks":
        return " · ".join(value)
    if field == "private":
        return f"{content.text('reflect', 'fields', 'private_marker')} {value}"
    return str(value)
