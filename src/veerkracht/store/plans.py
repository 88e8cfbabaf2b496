"""The recovery plan in the store: starting one (one open at a time), changing it, and
its dialogue talks with the agreements made in them, each in one locked write."""

from __future__ import annotations

from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.plan import Dialogue, Plan
from veerkracht.core.records import Agreement
from veerkracht.store import tables
from veerkracht.store.store import Store


def open_plan(store: Store) -> Plan | None:
    """The plan that is running or paused, if any."""
    return tables.open_plan(store.load())


def current_plan(store: Store) -> Plan:
    """The open plan, or a clear line saying there is none."""
    plan = open_plan(store)
    if plan is None:
        raise VeerkrachtError("no_plan")
    return plan


def start_plan(store: Store, plan: Plan) -> Plan:
    """Save a new plan; refused while another one is open (finish or stop it first)."""
    with store.transaction() as data:
        running = tables.open_plan(data)
        if running is not None:
            raise VeerkrachtError("plan_already_open", id=running.id)
        tables.insert(data, "plans", plan)
    return plan


def save_plan(store: Store, plan: Plan) -> Plan:
    """Write a changed plan (paused, resumed, stopped, evaluated) over its stored one."""
    with store.transaction() as data:
        tables.replace(data, "plans", plan)
    return plan


def add_dialogue(
    store: Store,
    plan: Plan,
    dialogue: Dialogue,
    agreements: list[Agreement],
    completes: Dialogue | None = None,
) -> Dialogue:
    """Save a dialogue talk in the plan's week of the talk, with its agreements; or,
    with `completes`, add it to a talk saved earlier (prepared, now held)."""
    with store.transaction() as data:
        if completes is not None:
            completes.complete_with(dialogue)
            tables.replace(data, "dialogues", completes)
            dialogue = completes
        else:
            dialogue.plan, dialogue.week = plan.uuid, plan.week(dialogue.created.date())
            tables.insert(data, "dialogues", dialogue)
        for agreement in agreements:
            agreement.dialogue = dialogue.uuid
            tables.insert(data, "agreements", agreement)
    return dialogue


def save_dialogue(store: Store, dialogue: Dialogue) -> Dialogue:
    """Write a changed dialogue talk (its report checked) over its stored one."""
    with store.transaction() as data:
        tables.replace(data, "dialogues", dialogue)
    return dialogue
