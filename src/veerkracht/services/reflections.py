"""Saving a reflection, new or changed: the one place both faces call."""

from __future__ import annotations

from datetime import datetime

from veerkracht.core.model import Entry
from veerkracht.core.safety import SUSTAINED_LEVEL, free_texts, needs_notice
from veerkracht.store.store import Store


def needs_help_notice(store: Store, entry: Entry, now: datetime) -> bool:
    """Whether a reflection asks for the help notice: its words, its heaviness, or
    several heavy ones in a row (earlier entries are read only when that can matter)."""
    recent: list[tuple[datetime, int | None]] = []
    if entry.intensity is not None and entry.intensity >= SUSTAINED_LEVEL:
        recent = [(e.created, e.intensity) for e in store.entries() if e.id != entry.id]
    return needs_notice(entry.intensity, free_texts(entry.to_record()), recent, now)


def save_reflection(store: Store, entry: Entry, now: datetime, heavy: bool | None = None) -> Entry:
    """Save a new reflection; it carries the help notice when it asks for one. `heavy`:
    what the face found while asking (None: decided here, from the words and the
    reflections before it)."""
    found = needs_help_notice(store, entry, now) if heavy is None else heavy
    entry.help_notice = entry.help_notice or found
    store.add_entry(entry)
    return entry


def change_reflection(store: Store, original: Entry, changed: Entry, heavy: bool) -> Entry:
    """Write `changed` over `original`: the same reflection, so its number, its uuid,
    its date and a help notice it once had stay."""
    changed.id, changed.uuid, changed.created = original.id, original.uuid, original.created
    changed.help_notice = heavy or original.help_notice
    store.update_entry(changed)
    return changed
