"""The safety plan in the store: one plan, changed in place (its uuid kept), in one
locked write. An import may bring in another one; the newest saved is the plan."""

from __future__ import annotations

from veerkracht.core.safety_plan import SafetyPlan
from veerkracht.store import tables
from veerkracht.store.store import Store


def safety_plan(store: Store) -> SafetyPlan | None:
    """The newest saved safety plan, if there is one."""
    plans = store.contents().safety_plans
    return plans[-1] if plans else None


def save_safety_plan(store: Store, plan: SafetyPlan) -> SafetyPlan:
    """Save `plan` over the stored one with its uuid, or as the first one."""
    with store.transaction() as data:
        known = {record.get("uuid") for record in data.get("safety_plans", {}).values()}
        if plan.uuid in known:
            plan.id = next(
                record["id"]
                for record in data["safety_plans"].values()
                if record.get("uuid") == plan.uuid
            )
            tables.replace(data, "safety_plans", plan)
        else:
            tables.insert(data, "safety_plans", plan)
    return plan
