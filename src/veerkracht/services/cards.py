"""Keeping a card as the user edited it, or going back to the generated one."""

from __future__ import annotations

from veerkracht.core.cards import CardEdit
from veerkracht.store.store import Store


def keep_card(store: Store, edit: CardEdit) -> CardEdit:
    """Keep an edited card with its reflection (one per audience and language)."""
    return store.save_card(edit)


def drop_card(store: Store, entry: str, audience: str, language: str) -> None:
    """Let go of the kept card of reflection `entry`: the generated one shows again."""
    store.drop_card(entry, audience, language)
