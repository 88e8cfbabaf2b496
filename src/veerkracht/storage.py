"""The store: one TinyDB file, written atomically under a cross-process lock.

TinyDB alone rewrites its file in place and caches the next document id per
process (see shared/STACK.md). So every read-modify-write here takes a file lock,
opens TinyDB afresh, reads the file once, and writes it once, atomically, at the
end. Readers need no lock: a rename is atomic, so they see the old or the new file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from veerkracht.errors import VeerkrachtError
from veerkracht.fsutil import atomic_write, keep_backup, remove_stale_temps
from veerkracht.model import Entry

STORE_FILE = "veerkracht.json"
SCHEMA_VERSION = 1
LOCK_TIMEOUT_SECONDS = 15.0
META_TABLE = "meta"
META_DOC_ID = 1

Tables = dict[str, dict[str, Any]]

#: Upgrades of the raw data, keyed by the version they upgrade *from*, applied in order.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


class Store:
    """Everything a user wrote, in one file in `directory`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / STORE_FILE
        self.backup_path = directory / f"{STORE_FILE}.bak"
        self.lock_path = directory / f"{STORE_FILE}.lock"

    # -- transactions -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """A locked read-modify-write; the file is replaced once, only on success."""
        self._ensure_directory()
        lock = FileLock(self.lock_path, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise VeerkrachtError("store_busy", path=str(self.path)) from None
        try:
            remove_stale_temps(self.path)
            db = TinyDB(self, storage=_TransactionStorage)
            yield db
            db.storage.commit()
        finally:
            lock.release()

    @contextmanager
    def snapshot(self) -> Iterator[TinyDB]:
        """A read-only view of the file as it is now."""
        yield TinyDB(self, storage=_TransactionStorage)

    # -- entries ------------------------------------------------------------------

    def add_entry(self, entry: Entry) -> Entry:
        """Save a new entry and give it the next short id."""
        with self.transaction() as db:
            entry.id = next_short_id(db, "entries")
            db.table("entries").insert(entry.to_record())
        return entry

    def entries(self) -> list[Entry]:
        """All entries, oldest first."""
        with self.snapshot() as db:
            records = db.table("entries").all()
        entries = [Entry.from_record(record) for record in records]
        entries.sort(key=lambda entry: (entry.created, _id_order(entry.id)))
        return entries

    def entry(self, ref: str) -> Entry:
        """The entry with short id `ref`, or the newest one for `last`."""
        entries = self.entries()
        if not entries:
            raise VeerkrachtError("no_entries")
        if ref == "last":
            return entries[-1]
        for entry in entries:
            if entry.id == ref.strip():
                return entry
        raise VeerkrachtError("entry_not_found", ref=ref)

    # -- files --------------------------------------------------------------------

    def _ensure_directory(self) -> None:
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise VeerkrachtError(
                "directory_unusable", path=str(self.directory), reason=error.strerror
            ) from None

    def load(self) -> Tables:
        """The file's tables, migrated in memory; an empty dict when there is no file yet."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise VeerkrachtError(
                "store_unreadable", path=str(self.path), reason=error.strerror
            ) from None
        try:
            tables = json.loads(raw)
        except ValueError:
            tables = None
        if not _looks_like_tables(tables):
            raise self._damaged()
        return self._migrate(tables)

    def save(self, tables: Tables) -> None:
        """Replace the file atomically, keeping the previous good version as a backup."""
        meta = tables.setdefault(META_TABLE, {}).setdefault(str(META_DOC_ID), {})
        meta["schema"] = SCHEMA_VERSION
        data = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            keep_backup(self.path, self.backup_path)
            atomic_write(self.path, data)
        except OSError as error:
            raise VeerkrachtError(
                "store_unwritable", path=str(self.path), reason=error.strerror
            ) from None

    def _migrate(self, tables: Tables) -> Tables:
        version = schema_version(tables)
        if version > SCHEMA_VERSION:
            raise VeerkrachtError("store_too_new", path=str(self.path), version=version)
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](tables)
        return tables

    def _damaged(self) -> VeerkrachtError:
        if self.backup_path.exists():
            return VeerkrachtError(
                "store_damaged_backup", path=str(self.path), backup=str(self.backup_path)
            )
        return VeerkrachtError("store_damaged", path=str(self.path))


def schema_version(tables: Tables) -> int:
    """The schema version a file was written with (1 for files without one)."""
    meta = tables.get(META_TABLE, {}).get(str(META_DOC_ID), {})
    version = meta.get("schema", 1) if isinstance(meta, dict) else 1
    return version if isinstance(version, int) else 1


def next_short_id(db: TinyDB, table: str) -> str:
    """The next short id for `table`: a counter in the meta table that never goes back."""
    meta = db.table(META_TABLE)
    doc = meta.get(doc_id=META_DOC_ID) or {}
    counters = dict(doc.get("counters", {}))
    counters[table] = counters.get(table, 0) + 1
    meta.upsert(Document({**doc, "counters": counters}, doc_id=META_DOC_ID))
    return str(counters[table])


def _id_order(short_id: str) -> tuple[int, str]:
    return (int(short_id), "") if short_id.isdigit() else (0, short_id)


def _looks_like_tables(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


class _TransactionStorage(Storage):
    """A TinyDB storage for one transaction: one read of the file, at most one write."""

    def __init__(self, store: Store) -> None:
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
