"""The store: one TinyDB file, written atomically under a cross-process lock.

TinyDB alone rewrites its file in place and caches the next document id per
process (see shared/STACK.md). So every read-modify-write here takes a file lock,
opens TinyDB afresh, reads the file once, and writes it once, atomically, at the
end. Readers need no lock: a rename is atomic, so they see the old or the new file.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from veerkracht.cards import CardEdit
from veerkracht.crypto import MAGIC, Vault, is_sealed
from veerkracht.errors import VeerkrachtError
from veerkracht.fsutil import atomic_write, fsync_dir, keep_backup, remove_stale_temps
from veerkracht.model import Entry
from veerkracht.records import Agreement, CheckIn, FollowUp
from veerkracht.support import SupportNote

if TYPE_CHECKING:
    from tinydb import TinyDB

STORE_FILE = "veerkracht.json"
SCHEMA_VERSION = 1
LOCK_TIMEOUT_SECONDS = 15.0
META_TABLE = "meta"
META_DOC_ID = 1

Tables = dict[str, dict[str, Any]]

#: Upgrades of the raw data, keyed by the version they upgrade *from*, applied in order.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


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


class Store:
    """Everything a user wrote, in one file in `directory`, sealed when encrypted.

    `unlock` is asked for the passphrase the first time a sealed file is read; the
    key is then kept for the rest of the process."""

    def __init__(self, directory: Path, unlock: Callable[[], str] | None = None) -> None:
        self.directory = directory
        self.path = directory / STORE_FILE
        self.backup_path = directory / f"{STORE_FILE}.bak"
        self.lock_path = directory / f"{STORE_FILE}.lock"
        self.unlock = unlock
        self.vault: Vault | None = None

    # -- transactions -------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the cross-process lock (stale temp files of killed writers are removed)."""
        from filelock import FileLock, Timeout  # only writers need it

        self._ensure_directory()
        lock = FileLock(self.lock_path, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise VeerkrachtError("store_busy", path=str(self.path)) from None
        try:
            remove_stale_temps(self.path)
            yield
        finally:
            lock.release()

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """A locked read-modify-write; the file is replaced once, only on success."""
        from tinydb import TinyDB  # readers go straight to the file, without TinyDB

        with self.locked():
            db = TinyDB(self, storage=_TransactionStorage)
            yield db
            db.storage.commit()

    # -- encryption ---------------------------------------------------------------

    def is_encrypted(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                return is_sealed(handle.read(len(MAGIC)))
        except OSError:
            return False

    def unlock_now(self) -> None:
        """Ask for the passphrase up front (before a screen opens), if it is needed."""
        if self.vault is None and self.is_encrypted():
            self.load()

    def encode(self, data: bytes) -> bytes:
        """`data` as it goes to disk: sealed when the store is encrypted."""
        return self.vault.seal(data) if self.vault else data

    def decode(self, raw: bytes, path: Path, *, follow: bool = False) -> bytes:
        """Bytes read from disk, opened when sealed (asking for the passphrase once).

        With `follow` (the store file itself), a plain file means the store is plain now,
        even if this process unlocked it earlier: another process may have decrypted it,
        and writing it sealed again would silently undo that."""
        if not is_sealed(raw):
            if follow:
                self.vault = None
            return raw
        if self.vault is None:
            if self.unlock is None:
                raise VeerkrachtError("passphrase_needed", path=str(path))
            self.vault = Vault.unlock(raw, self.unlock(), str(path))
        return self.vault.open(raw, str(path))

    def encrypt(self, passphrase: str) -> None:
        """Seal the store, its backup and drafts under a new key from `passphrase`."""
        with self.locked():
            tables = self.load()
            if self.vault is not None:
                raise VeerkrachtError("already_encrypted", path=str(self.path))
            drafts = self._read_drafts()
            self.vault = Vault.create(passphrase)
            self._rewrite(tables, drafts)

    def decrypt(self) -> None:
        """Store everything in plain JSON again (the passphrase is asked first)."""
        with self.locked():
            tables = self.load()
            if self.vault is None:
                raise VeerkrachtError("not_encrypted", path=str(self.path))
            drafts = self._read_drafts()
            self.vault = None
            self._rewrite(tables, drafts)

    def _read_drafts(self) -> dict[Path, bytes]:
        """Drafts (and drafts set aside as damaged) in their plain form, to re-write."""
        drafts = {}
        for path in self.directory.glob("draft-*"):
            with contextlib.suppress(VeerkrachtError):  # a damaged sealed copy stays as is
                drafts[path] = self.decode(path.read_bytes(), path)
        return drafts

    def _rewrite(self, tables: Tables, drafts: dict[Path, bytes]) -> None:
        """Write everything in the current form, leaving no copy in the old form."""
        self.save(tables, keep_previous=False)
        for path, data in drafts.items():
            atomic_write(path, self.encode(data))

    # -- records --------------------------------------------------------------------

    def records(self, table: str) -> list[dict[str, Any]]:
        """Every raw record of `table`, as stored (one read of the file, no lock)."""
        return list(self.load().get(table, {}).values())

    def contents(self) -> Contents:
        """Everything, from one read of the file. Records that are not what this version
        wrote (a field missing, a date that is not one) make the file count as damaged."""
        with paused_gc():
            try:
                return self._contents()
            except (KeyError, TypeError, ValueError, AttributeError):
                raise self._damaged() from None

    def _contents(self) -> Contents:
        tables = self.load()
        records = tables.get("entries", {})
        return Contents(
            entries=_sorted_entries(records.values()),
            entry_records={record["uuid"]: record for record in records.values()},
            followups=sorted(
                (FollowUp.from_record(r) for r in tables.get("followups", {}).values()),
                key=lambda followup: followup.created,
            ),
            agreements=sorted(
                (Agreement.from_record(r) for r in tables.get("agreements", {}).values()),
                key=lambda agreement: _id_order(agreement.id),
            ),
            checkins=sorted(
                (CheckIn.from_record(r) for r in tables.get("checkins", {}).values()),
                key=lambda checkin: checkin.created,
            ),
            supports=sorted(
                (SupportNote.from_record(r) for r in tables.get("supports", {}).values()),
                key=lambda note: _id_order(note.id),
            ),
            cards=sorted(
                (CardEdit.from_record(r) for r in tables.get("cards", {}).values()),
                key=lambda card: _id_order(card.id),
            ),
        )

    def add_entry(self, entry: Entry) -> Entry:
        """Save a new entry and give it the next short id."""
        with self.transaction() as db:
            insert(db, "entries", entry)
        return entry

    def entries(self) -> list[Entry]:
        """All entries, oldest first."""
        with paused_gc():
            try:
                return _sorted_entries(self.records("entries"))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise self._damaged() from None

    def add_followup(
        self, followup: FollowUp, agreements: list[Agreement], entry: Entry
    ) -> FollowUp:
        """Save a follow-up of `entry` and the agreements made, each with its own id."""
        with self.transaction() as db:
            followup.entry = entry.uuid
            insert(db, "followups", followup)
            for agreement in agreements:
                agreement.entry, agreement.followup = entry.uuid, followup.uuid
                insert(db, "agreements", agreement)
        return followup

    def followups(self) -> list[FollowUp]:
        return self.contents().followups

    def agreements(self) -> list[Agreement]:
        return self.contents().agreements

    def mark_agreements_done(self, refs: Sequence[str]) -> None:
        """Mark agreements kept; an unknown id changes nothing and is named."""
        with self.transaction() as db:
            mark_done(db, refs)

    def add_checkin(self, checkin: CheckIn, kept: Sequence[str] = ()) -> CheckIn:
        """Save a check-in, marking the agreements it says were kept, all at once."""
        with self.transaction() as db:
            mark_done(db, kept)
            insert(db, "checkins", checkin)
        return checkin

    def checkins(self) -> list[CheckIn]:
        return self.contents().checkins

    def add_support(self, note: SupportNote) -> SupportNote:
        """Save a preparation for checking in with someone."""
        with self.transaction() as db:
            insert(db, "supports", note)
        return note

    def save_card(self, edit: CardEdit) -> CardEdit:
        """Keep the user's version of a card, in place of an earlier one for the same
        entry, audience and language."""
        with self.transaction() as db:
            _drop_card(db, edit.entry, edit.audience, edit.lang)
            insert(db, "cards", edit)
        return edit

    def drop_card(self, entry: str, audience: str, lang: str) -> None:
        """Back to the generated card: the user's version is deleted."""
        with self.transaction() as db:
            _drop_card(db, entry, audience, lang)

    def card(self, entry: str, audience: str, lang: str) -> CardEdit | None:
        """The user's version of this card (the newest, if an import brought in two)."""
        found = [card for card in self.contents().cards if card.matches(entry, audience, lang)]
        return max(found, key=lambda card: card.created) if found else None

    def support(self, ref: str) -> SupportNote:
        """The support note with short id `ref`, or the newest for `last`."""
        notes = self.contents().supports
        if notes and ref == "last":
            return notes[-1]
        for note in notes:
            if note.id == ref.strip():
                return note
        raise VeerkrachtError("support_not_found", ref=ref)

    # -- owning your data --------------------------------------------------------------

    def merge(self, records: dict[str, Sequence[Any]]) -> dict[str, int]:
        """Add imported records by kind: a known uuid is skipped, a taken id reassigned.
        All in one write. Returns how many of each kind were added."""
        added = {}
        with self.transaction() as db:
            for kind, found in records.items():
                table = db.table(kind)
                existing = table.all()
                uuids = {doc.get("uuid") for doc in existing}
                ids = {doc.get("id") for doc in existing}
                new = []
                for record in found:  # a uuid already known, or seen earlier in the file
                    if record.uuid not in uuids:
                        uuids.add(record.uuid)
                        new.append(record)
                # Records whose id is free keep it; the others get a new one after them.
                free = [record for record in new if record.id not in ids]
                for record in free + [record for record in new if record.id in ids]:
                    record.id = claim_id(db, kind, record.id, ids)
                    table.insert(record.to_record())
                    ids.add(record.id)
                added[kind] = len(new)
        return added

    def forget(self, entry: Entry) -> None:
        """Delete an entry with its follow-ups, agreements and edited cards, from the store
        and the backup."""
        with self.locked():
            tables = self.load()
            for kind in ("entries", "followups", "agreements", "cards"):
                linked = "uuid" if kind == "entries" else "entry"
                records = tables.get(kind, {})
                tables[kind] = {
                    doc_id: record
                    for doc_id, record in records.items()
                    if record.get(linked) != entry.uuid
                }
            self.save(tables, keep_previous=False)

    def forget_all(self) -> None:
        """Delete the store, its backup, drafts and state: everything veerkracht wrote here."""
        with self.locked():
            for pattern in (
                STORE_FILE,
                f"{STORE_FILE}.bak",
                "draft-*",
                "reminded.json",
                "*.damaged",
            ):
                for path in self.directory.glob(pattern):
                    try:
                        path.unlink(missing_ok=True)
                    except OSError as error:
                        raise VeerkrachtError(
                            "store_unwritable", path=str(path), reason=error.strerror
                        ) from None
            fsync_dir(self.directory)

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
            tables = orjson.loads(self.decode(raw, self.path, follow=True))
        except RecursionError:
            tables = None
        except VeerkrachtError as error:
            if error.code == "store_damaged":
                raise self._damaged() from None
            raise
        except (ValueError, orjson.JSONDecodeError):
            tables = None
        if not _looks_like_tables(tables):
            raise self._damaged()
        return self._migrate(tables)

    def save(self, tables: Tables, *, keep_previous: bool = True) -> None:
        """Replace the file atomically. The previous good version stays as the backup,
        unless `keep_previous` is off (after forgetting or re-encrypting): then the
        backup becomes the new version too, so nothing old lingers in it."""
        meta = tables.setdefault(META_TABLE, {}).setdefault(str(META_DOC_ID), {})
        meta["schema"] = SCHEMA_VERSION
        data = self.encode(orjson.dumps(tables))
        try:
            if keep_previous:
                keep_backup(self.path, self.backup_path)
            atomic_write(self.path, data)
            if not keep_previous:
                keep_backup(self.path, self.backup_path)
        except OSError as error:
            raise VeerkrachtError(
                "store_unwritable", path=str(self.path), reason=error.strerror
            ) from None

    def _migrate(self, tables: Tables) -> Tables:
        version = schema_version(tables)
        if version < 1:
            raise self._damaged()
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


def mark_done(db: TinyDB, refs: Sequence[str]) -> None:
    """Mark the agreements with these ids kept (all or none: the caller's transaction)."""
    from tinydb import Query

    table = db.table("agreements")
    for ref in refs:
        found = table.search(Query().id == ref.strip())
        if not found:
            raise VeerkrachtError("agreement_not_found", ref=ref)
        table.update({"done": True}, doc_ids=[found[0].doc_id])


def _drop_card(db: TinyDB, entry: str, audience: str, lang: str) -> None:
    table = db.table("cards")
    table.remove(
        lambda record: (
            (record.get("entry"), record.get("audience"), record.get("lang"))
            == (entry, audience, lang)
        )
    )


def claim_id(db: TinyDB, table: str, wanted: str, taken: set[str]) -> str:
    """`wanted` if it is free (moving the counter past it), else the next free id."""
    if not wanted or wanted in taken:
        return next_short_id(db, table)
    from tinydb.table import Document

    meta = db.table(META_TABLE)
    doc = meta.get(doc_id=META_DOC_ID) or {}
    counters = dict(doc.get("counters", {}))
    counters[table] = max(counters.get(table, 0), int(wanted))
    meta.upsert(Document({**doc, "counters": counters}, doc_id=META_DOC_ID))
    return wanted


def insert(db: TinyDB, table: str, record: Any) -> None:
    """Give `record` the next short id of `table` and store it."""
    record.id = next_short_id(db, table)
    db.table(table).insert(record.to_record())


def next_short_id(db: TinyDB, table: str) -> str:
    """The next short id for `table`: a counter in the meta table that never goes back."""
    from tinydb.table import Document

    meta = db.table(META_TABLE)
    doc = meta.get(doc_id=META_DOC_ID) or {}
    counters = dict(doc.get("counters", {}))
    counters[table] = counters.get(table, 0) + 1
    meta.upsert(Document({**doc, "counters": counters}, doc_id=META_DOC_ID))
    return str(counters[table])


@contextmanager
def paused_gc() -> Iterator[None]:
    """Build many objects at once without the cyclic collector running over and over
    (10,000 entries: about 40% faster)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _sorted_entries(records: Iterable[dict[str, Any]]) -> list[Entry]:
    entries = [Entry.from_record(record) for record in records]
    entries.sort(key=lambda entry: (entry.created, _id_order(entry.id)))
    return entries


def _id_order(short_id: str) -> tuple[int, str]:
    return (int(short_id), "") if short_id.isdigit() else (0, short_id)


def _looks_like_tables(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


class _TransactionStorage:
    """A TinyDB storage for one transaction: one read of the file, at most one write.
    (TinyDB only needs read, write and close; see tinydb.storages.Storage.)"""

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
