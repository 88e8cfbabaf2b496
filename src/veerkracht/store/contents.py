"""Everything in the store as records, each kind in its natural order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from veerkracht.core.cards import CardEdit
from veerkracht.core.model import Entry
from veerkracht.core.plan import Dialogue, Plan
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.core.safety_plan import SafetyPlan
from veerkracht.core.support_note import SupportNote
from veerkracht.store.tables import Tables


@dataclass
class Contents:
    """Everything in the store, each kind in its natural order."""

    entries: list[Entry]
    followups: list[FollowUp]
    agreements: list[Agreement]
    checkins: list[CheckIn]
    #: The entries as stored (JSON-ready), by uuid: reports print these as they are.
    entry_records: dict[str, dict[str, Any]]
    supports: list[SupportNote]
    #: Cards as the user edited them, one per entry, audience and language.
    cards: list[CardEdit]
    #: Recovery plans, oldest first, and their dialogue talks.
    plans: list[Plan]
    dialogues: list[Dialogue]
    #: The safety plan, as saved (more than one only after an import), oldest first.
    safety_plans: list[SafetyPlan] = field(default_factory=list)


def contents_of(tables: Tables) -> Contents:
    """The records in `tables` (already checked by `stored.problem`)."""
    records = tables.get("entries", {})

    def by_id(kind: str, cls: Any) -> list[Any]:
        found = [cls.from_record(r) for r in tables.get(kind, {}).values()]
        return sorted(found, key=lambda record: id_order(record.id))

    def by_time(kind: str, cls: Any) -> list[Any]:
        found = [cls.from_record(r) for r in tables.get(kind, {}).values()]
        return sorted(found, key=lambda record: record.created)

    return Contents(
        entries=sorted_entries(records.values()),
        entry_records={record["uuid"]: record for record in records.values()},
        followups=by_time("followups", FollowUp),
        agreements=by_id("agreements", Agreement),
        checkins=by_time("checkins", CheckIn),
        supports=by_id("supports", SupportNote),
        cards=by_id("cards", CardEdit),
        plans=by_time("plans", Plan),
        dialogues=by_time("dialogues", Dialogue),
        safety_plans=by_time("safety_plans", SafetyPlan),
    )


def sorted_entries(records: Iterable[dict[str, Any]]) -> list[Entry]:
    entries = [Entry.from_record(record) for record in records]
    entries.sort(key=lambda entry: (entry.created, id_order(entry.id)))
    return entries


def id_order(short_id: str) -> tuple[int, str]:
    return (int(short_id), "") if short_id.isdigit() else (0, short_id)
