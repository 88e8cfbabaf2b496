"""Preparing to ask a colleague how it goes: saving the note."""

from __future__ import annotations

from dataclasses import dataclass

from veerkracht.core.safety import words_need_notice
from veerkracht.core.support_note import SupportNote
from veerkracht.store.store import Store


@dataclass(frozen=True)
class SavedSupport:
    note: SupportNote
    #: Its words ask for the help notice.
    heavy: bool


def save_support(store: Store, note: SupportNote) -> SavedSupport:
    """Save a note for a talk with a colleague."""
    note = store.add_support(note)
    return SavedSupport(note, words_need_notice(note.to_record()))
