"""The safety plan (veiligheidsplan) as the command, its plain mode and the screen see it:
the plan, saving what was written (a change keeps the plan's uuid), and the page to
print. Nothing else in veerkracht reads it: no card, share or calendar file."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from veerkracht.content import Content
from veerkracht.core.safety_plan import SafetyPlan, parse_safety_plan
from veerkracht.render.safety import safety_markdown, safety_text
from veerkracht.store import safety_plans
from veerkracht.store.store import Store


def current_safety_plan(store: Store) -> SafetyPlan | None:
    """The user's safety plan, if they made one."""
    return safety_plans.safety_plan(store)


def save_safety_plan(store: Store, answers: Any, *, now: datetime) -> SafetyPlan:
    """Check the answers (refusals name the field) and save them as the safety plan: in
    place of the one there is, else as the first."""
    plan = parse_safety_plan(answers, now=now)
    existing = safety_plans.safety_plan(store)
    if existing is not None:
        plan.uuid = existing.uuid
    return safety_plans.save_safety_plan(store, plan)


def safety_page(plan: SafetyPlan, content: Content, kind: Literal["text", "markdown"]) -> str:
    """The plan as one printable page."""
    return safety_markdown(plan, content) if kind == "markdown" else safety_text(plan, content)
