"""Your data as a whole: restore a backup, forget, encrypt and decrypt. Each is one
use case that the command line and the "Jouw gegevens" screen both call."""

from __future__ import annotations

from veerkracht.core.model import Entry
from veerkracht.services.exchange import KINDS, ImportSet
from veerkracht.store.crypto import new_passphrase
from veerkracht.store.store import Store

__all__ = [
    "decrypt",
    "encrypt",
    "finish_forgetting",
    "forget_entry",
    "forget_everything",
    "import_backup",
    "new_passphrase",
]


def import_backup(store: Store, found: ImportSet) -> dict[str, int]:
    """Add what a backup holds and the store lacks, in one write; counts per kind."""
    return store.merge({kind: getattr(found, kind) for kind in KINDS})


def forget_entry(store: Store, entry: Entry) -> None:
    """Delete a reflection with everything that belongs to it, backup included."""
    store.forget(entry)


def finish_forgetting(store: Store, ref: str) -> str | None:
    """When the forgetting of reflection `ref` was interrupted, finish it and give its
    id; else None (nothing was done)."""
    interrupted = store.forgetting()
    if interrupted is None or interrupted != ref.strip():
        return None
    with store.locked():  # opening the store finishes the forget that was interrupted
        pass
    return interrupted


def forget_everything(store: Store) -> None:
    """Delete everything veerkracht wrote in the data folder."""
    store.forget_all()


def encrypt(store: Store, passphrase: str) -> None:
    """Seal the store, its backup and drafts (or finish an interrupted sealing)."""
    store.encrypt(passphrase)


def decrypt(store: Store) -> None:
    """Store everything in plain form again."""
    store.decrypt()
