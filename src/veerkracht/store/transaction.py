"""TinyDB's storage for one transaction of the store: one read of the file, at most one
atomic write, only when the transaction succeeds (see docs/STORE.md on why TinyDB's own
storage is not used)."""

from __future__ import annotations

from typing import Protocol

from veerkracht.store.tables import Tables


class LoadsAndSaves(Protocol):
    def load(self) -> Tables: ...

    def save(self, data: Tables) -> None: ...


class OneTransaction:
    """A TinyDB storage for one transaction: one read of the file, at most one write.
    (TinyDB only needs read, write and close; see tinydb.storages.Storage.)"""

    def __init__(self, store: LoadsAndSaves) -> None:
        self._store = store
        self._tables: Tables | None = None
        self._dirty = False

    def read(self) -> Tables:
        if self._tables is None:
            self._tables = self._store.load()
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables = data
        self._dirty = True

    def commit(self) -> None:
        if self._dirty and self._tables is not None:
            self._store.save(self._tables)
            self._dirty = False

    def close(self) -> None:
        """Nothing to release; an uncommitted transaction is simply dropped."""
