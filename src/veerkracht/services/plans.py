"""The recovery plan as the commands and screens see it: the open plan (else the newest
one) with its check-ins, talks and agreements, on one read of the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.plan import Dialogue, Plan
from veerkracht.core.progress import PlanState, state_of
from veerkracht.core.records import Agreement
from veerkracht.core.safety import words_need_notice
from veerkracht.services.after_talk import overdue
from veerkracht.store import plans
from veerkracht.store.store import Store


@dataclass(frozen=True)
class SavedDialogue:
    """A saved dialogue talk and what to say about it."""

    talk: Dialogue
    heavy: bool
    #: Agreements saved with a date that has already passed.
    past_due: list[Agreement]


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


def save_dialogue(
    store: Store,
    plan: Plan,
    talk: Dialogue,
    agreements: list[Agreement],
    earlier: Dialogue | None,
    today: date,
    heavy: bool | None = None,
) -> SavedDialogue:
    """Save a talk of the plan (completing `earlier`, a talk prepared before, if given).
    `heavy`: what the face found while asking; None to decide from the saved words."""
    talk = plans.add_dialogue(store, plan, talk, agreements, completes=earlier)
    if heavy is None:
        heavy = words_need_notice(talk.to_record())
    return SavedDialogue(talk, heavy, overdue(agreements, today))


def current_plan(store: Store) -> Plan:
    """The plan that is running or paused, or a clear line saying there is none."""
    return plans.current_plan(store)


def start_plan(store: Store, plan: Plan) -> Plan:
    """Save a new plan; refused while another one is open."""
    return plans.start_plan(store, plan)


PlanChange = Literal["pause", "resume", "stop"]


def change_plan(store: Store, plan: Plan, change: PlanChange, today: date) -> Plan:
    """Pause, resume or stop `plan` on `today` and save it. Pausing a paused plan or
    resuming a running one is refused with a clear line."""
    if change == "pause":
        if plan.status == "paused":
            raise VeerkrachtError("plan_already_paused")
        plan.pause(today)
    elif change == "resume":
        if plan.status != "paused":
            raise VeerkrachtError("plan_not_paused")
        plan.resume(today)
    else:
        plan.stop(today)
    return plans.save_plan(store, plan)


def evaluate_plan(store: Store, plan: Plan, evaluation: dict[str, Any], today: date) -> Plan:
    """Save the look back on the whole plan; it finishes the plan."""
    plan.evaluation = evaluation
    plan.stop(today)
    return plans.save_plan(store, plan)


def check_talk(store: Store, talk: Dialogue, kept: list[str]) -> Dialogue:
    """Mark a talk's report as gone through, keeping the lines in `kept`."""
    talk.kept, talk.checked = kept, True
    return plans.save_dialogue(store, talk)
