"""The recovery plan as the commands and screens see it: the open plan (else the newest
one) with its check-ins, talks and agreements, on one read of the store."""

from __future__ import annotations

from datetime import date

from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.progress import PlanState, state_of
from veerkracht.store.store import Store


def plan_state(store: Store, today: date) -> PlanState | None:
    """The open plan, else the newest finished one (still readable), as on `today`."""
    contents = store.contents()
    plans = [plan for plan in contents.plans if plan.is_open()] or contents.plans[-1:]
    if not plans:
        return None
    return state_of(plans[-1], today, contents.checkins, contents.dialogues, contents.agreements)


def open_plan_state(store: Store, today: date) -> PlanState:
    """The plan that is running or paused, or a clear line saying there is none."""
    state = plan_state(store, today)
    if state is None or not state.plan.is_open():
        raise VeerkrachtError("no_plan")
    return state
