"""Everything in the store as records, each kind in its natural order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from veerkracht.core.cards import CardEdit
from veerkracht.core.errors import VeerkrachtError
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


#: What reading a record may raise when a store is damaged in a way the check let pass.
DAMAGE = (KeyError, TypeError, ValueError, AttributeError)


class Snapshot:
    """One read of the file (already checked record by record), from which a command
    builds only the records it uses: `prepare` needs one entry and its cards, not
    10,000 entries. `damaged` is the error to raise when a record cannot be read."""

    def __init__(self, tables: Tables, damaged: Callable[[], VeerkrachtError]) -> None:
        self.tables = tables
        self.damaged = damaged

    def entry(self, ref: str) -> Entry:
        """The entry with short id `ref`, or the newest one for `last` (as in the order
        of `sorted_entries`: by time, then by id; the later one of equals)."""
        records = list(self.tables.get("entries", {}).values())
        try:
            keyed = [(_entry_order(record), number) for number, record in enumerate(records)]
            if not keyed:
                raise VeerkrachtError("no_entries")
            if ref == "last":
                chosen = max(keyed)[1]
            else:
                found = [key for key in keyed if records[key[1]]["id"] == ref.strip()]
                if not found:
                    raise VeerkrachtError("entry_not_found", ref=ref)
                chosen = min(found)[1]
            return Entry.from_record(records[chosen])
        except DAMAGE:
            raise self.damaged() from None

    def card(self, entry: str, audience: str, lang: str) -> CardEdit | None:
        """The user's version of this card (the newest, if an import brought in two)."""
        try:
            found = [
                CardEdit.from_record(record)
                for record in self.tables.get("cards", {}).values()
                if (record["entry"], record["audience"], record["lang"]) == (entry, audience, lang)
            ]
            found.sort(key=lambda card: id_order(card.id))  # of equals, the first by id
            return max(found, key=lambda card: card.created) if found else None
        except DAMAGE:
            raise self.damaged() from None


def _entry_order(record: dict[str, Any]) -> tuple[datetime, tuple[int, str]]:
    return datetime.fromisoformat(record["created"]), id_order(record["id"])


class _Found(Protocol):
    @property
    def id(self) -> str: ...


F = TypeVar("F", bound=_Found)


def find(records: Sequence[F], ref: str, missing: str, empty: str | None = None) -> F:
    """The record with short id `ref`, or the newest for `last`."""
    if not records and empty:
        raise VeerkrachtError(empty)
    if records and ref == "last":
        return records[-1]
    for record in records:
        if record.id == ref.strip():
            return record
    raise VeerkrachtError(missing, ref=ref)
