"""The store's raw data, `{table: {doc_id: record}}`: its schema version and upgrades,
and the operations every write is made of (ids, inserts, merges, forgetting).

Pure functions on dictionaries: the store reads the file once, these change the tables
in memory, and the store writes the file once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.plan import Plan

SCHEMA_VERSION = 3
META_TABLE = "meta"
META_DOC_ID = "1"
#: Imported ids up to this size are kept; larger ones get a new id, so that every id the
#: store hands out stays one that `import` reads back.
MAX_KEPT_ID = 10**9
#: The kinds that belong to a reflection, and the field that links them to it.
LINKED_TO_ENTRY = {"entries": "uuid", "followups": "entry", "agreements": "entry", "cards": "entry"}

Tables = dict[str, dict[str, Any]]

#: Upgrades of the raw data, keyed by the version they upgrade *from*, applied in order.
#: 1 → 2 added fields that are optional (help_notice, talked) and the cards table;
#: 2 → 3 the recovery plan (plans, dialogues) and optional links to it.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: lambda tables: None, 2: lambda tables: None}


def schema_version(tables: Tables) -> int:
    """The schema version a file was written with (1 for files without one)."""
    meta = tables.get(META_TABLE, {}).get(META_DOC_ID, {})
    version = meta.get("schema", 1) if isinstance(meta, dict) else 1
    return version if type(version) is int else 1


def upgraded(tables: Tables) -> Tables | None:
    """`tables` brought up to SCHEMA_VERSION; None when they are not ours (version < 1).
    A newer version is refused by the caller (see `too_new`)."""
    version = schema_version(tables)
    if version < 1:
        return None
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](tables)
    return tables


def too_new(tables: Tables) -> int | None:
    """The version, when the file was written by a newer veerkracht."""
    version = schema_version(tables)
    return version if version > SCHEMA_VERSION else None


def stamp(tables: Tables) -> Tables:
    """Mark the tables with the schema version they are written in."""
    meta = tables.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})
    meta["schema"] = SCHEMA_VERSION
    return tables


def looks_like_tables(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


# -- ids ---------------------------------------------------------------------------------


def claim_id(tables: Tables, kind: str, wanted: str, taken: set[str]) -> str:
    """`wanted` if it may be kept (moving the counter past it), else the next free id.
    The one place ids are handed out."""
    counters = tables.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})
    counters = counters.setdefault("counters", {})
    if _keeps_id(wanted, taken):
        counters[kind] = max(counters.get(kind, 0), int(wanted))
        return wanted
    counters[kind] = counters.get(kind, 0) + 1
    while str(counters[kind]) in taken:  # an imported id ahead of the counter
        counters[kind] += 1
    return str(counters[kind])


def _keeps_id(wanted: str, taken: set[str]) -> bool:
    return bool(wanted) and wanted not in taken and int(wanted) < MAX_KEPT_ID


# -- changes -----------------------------------------------------------------------------


def insert(tables: Tables, kind: str, record: Any) -> None:
    """Give `record` the next short id of its kind and add it."""
    table = tables.setdefault(kind, {})
    record.id = claim_id(tables, kind, "", {doc.get("id") for doc in table.values()})
    table[str(max(map(int, table), default=0) + 1)] = record.to_record()


def mark_done(tables: Tables, refs: Sequence[str], *, done: bool = True) -> None:
    """Mark the agreements with these ids kept (or open again): all, or none when one is
    unknown."""
    by_id = {record.get("id"): record for record in tables.get("agreements", {}).values()}
    for ref in refs:
        if ref.strip() not in by_id:
            raise VeerkrachtError("agreement_not_found", ref=ref)
    for ref in refs:
        by_id[ref.strip()]["done"] = done


def drop_cards_of(tables: Tables, entry: str) -> None:
    """Remove every version of the cards of `entry` the user kept."""
    cards = tables.get("cards", {})
    tables["cards"] = {doc_id: r for doc_id, r in cards.items() if r.get("entry") != entry}


def drop_card(tables: Tables, entry: str, audience: str, lang: str) -> None:
    """Remove the user's version of this card."""
    cards = tables.get("cards", {})
    tables["cards"] = {
        doc_id: record
        for doc_id, record in cards.items()
        if (record.get("entry"), record.get("audience"), record.get("lang"))
        != (entry, audience, lang)
    }


def merge(tables: Tables, records: dict[str, Sequence[Any]]) -> dict[str, int]:
    """Add imported records by kind: a known uuid is skipped, a taken id reassigned, in
    time linear in the records. Returns how many of each kind were added."""
    added = {}
    for kind, found in records.items():
        table = tables.setdefault(kind, {})
        uuids = {doc.get("uuid") for doc in table.values()}
        ids = {doc.get("id") for doc in table.values()}
        new = []
        for record in found:  # a uuid already known, or seen earlier in the file
            if record.uuid not in uuids:
                uuids.add(record.uuid)
                new.append(record)
        # Records whose id is free keep it; the others get a new one after them.
        keep = [record for record in new if _keeps_id(record.id, ids)]
        keep_ids = {record.id for record in keep}
        others = [record for record in new if record.id not in keep_ids]
        next_doc = max(map(int, table), default=0) + 1
        for record in keep + others:
            record.id = claim_id(tables, kind, record.id, ids)
            ids.add(record.id)
            table[str(next_doc)] = record.to_record()
            next_doc += 1
        added[kind] = len(new)
    return added


def replace(tables: Tables, kind: str, record: Any) -> None:
    """Write a changed record over its stored version (found by uuid)."""
    table = tables.get(kind, {})
    for doc_id, stored in table.items():
        if stored.get("uuid") == record.uuid:
            table[doc_id] = record.to_record()
            return
    raise VeerkrachtError("record_gone")


def open_plan(tables: Tables) -> Plan | None:
    """The recovery plan that is running or paused (one at a time), if any."""
    for record in tables.get("plans", {}).values():
        if record.get("status") in ("active", "paused"):
            return Plan.from_record(record)
    return None


def link_to_plan(tables: Tables, record: Any) -> None:
    """A check-in written while a plan runs belongs to the plan's week then."""
    plan = open_plan(tables)
    if plan is not None and not record.plan:
        record.plan, record.week = plan.uuid, plan.week(record.created.date())


def forget_entry(tables: Tables, uuid: str) -> None:
    """Remove a reflection and everything linked to it."""
    for kind, linked in LINKED_TO_ENTRY.items():
        records = tables.get(kind, {})
        tables[kind] = {
            doc_id: record for doc_id, record in records.items() if record.get(linked) != uuid
        }
