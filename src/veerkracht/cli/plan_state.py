"""What the `plan` commands share: the plan with everything of it today, whether a
person can answer questions, and which week a WEEK argument names."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from veerkracht.cli.session import Session
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import now
from veerkracht.core.textsafe import visible

if TYPE_CHECKING:
    from veerkracht.core.plan import Plan
    from veerkracht.core.progress import PlanState


def plan_state(session: Session) -> PlanState | None:
    """The open plan (else the newest one) with everything of it, today."""
    from veerkracht.services.plans import plan_state as state_of_plan

    return state_of_plan(session.store, now().date())


def at_terminal() -> bool:
    """Whether a person can answer questions (stdin is a terminal)."""
    return sys.stdin.isatty()


def running(plan: Plan) -> Plan:
    """The plan, unless it is paused (a talk waits until you carry on)."""
    if plan.status == "paused":
        raise VeerkrachtError("plan_is_paused")
    return plan


def week_number(session: Session, state: PlanState, week: str | None) -> int:
    """The week a WEEK argument names (the current one when left out)."""
    if week is None:
        return state.week
    weeks = state.plan.weeks
    if not week.strip().isdigit() or not 1 <= int(week) <= weeks:
        message = session.content.message("plan_week_unknown", value=visible(week), weeks=weeks)
        raise typer.BadParameter(message, param_hint="WEEK")
    return int(week)
