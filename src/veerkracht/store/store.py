"""The store: one TinyDB file, written atomically under a cross-process lock.

TinyDB alone rewrites its file in place and caches the next document id per
process (see shared/STACK.md). So every read-modify-write here takes a file lock,
opens TinyDB afresh, reads the file once, and writes it once, atomically, at the
end. Readers need no lock: a rename is atomic, so they see the old or the new file.

Every command can be interrupted. What may be left half done (sealing or opening the
folder, forgetting a reflection) is written down first (the seal, the forget journal)
and finished by the next command that takes the lock, before it does anything else.
Every read checks each record as strictly as `--from` files are checked, so a store that
is not what this version writes is named as damaged, and never written over.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from veerkracht.core.cards import CardEdit
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.core.support_note import SupportNote
from veerkracht.store import stored
from veerkracht.store.crypto import MAGIC, Vault, header_of, is_sealed
from veerkracht.store.folder import Folder
from veerkracht.store.fsutil import atomic_write, fsync_dir, keep_backup, remove_temps
from veerkracht.store.seal import Seal, read_seal, remove_seal, write_seal

if TYPE_CHECKING:
    from tinydb import TinyDB

SCHEMA_VERSION = 2
LOCK_TIMEOUT_SECONDS = 15.0
META_TABLE = "meta"
META_DOC_ID = "1"
#: Imported ids up to this size are kept; larger ones get a new id, so that every id the
#: store hands out stays one that `import` reads back.
MAX_KEPT_ID = 10**9

Tables = dict[str, dict[str, Any]]

#: Upgrades of the raw data, keyed by the version they upgrade *from*, applied in order.
#: 1 → 2 added fields that are optional (help_notice, talked) and the cards table.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: lambda tables: None}


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
        self.folder = Folder(directory)
        self.path = self.folder.store
        self.backup_path = self.folder.backup
        self.unlock = unlock
        self.vault: Vault | None = None

    # -- transactions -------------------------------------------------------------

    @contextmanager
    def locked(self, *, finish: bool = True) -> Iterator[None]:
        """Hold the cross-process lock. First, temp files of killed writers go, and
        whatever an interrupted command left half done is finished (unless `finish` is
        off: for the commands that do that finishing themselves)."""
        from filelock import FileLock, Timeout  # only writers need it

        self.folder.secure()
        lock = FileLock(self.folder.lock, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise VeerkrachtError("store_busy", path=str(self.path)) from None
        try:
            remove_temps(self.folder.temps())
            if finish:
                self._finish_interrupted()
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

    def _finish_interrupted(self) -> None:
        seal = self._seal(write_legacy=True)
        if seal is not None:
            if seal.state == "opening":
                self._open_everything(self._key(seal))
            elif seal.state == "sealing" or self._plain_files():
                if seal.state == "sealed" and not self._is_sealed(self.path):
                    raise VeerkrachtError("store_unsealed", path=str(self.path))
                self._seal_everything(self._key(seal))
        if self.folder.forgetting.exists():
            self._finish_forgetting()

    # -- encryption ---------------------------------------------------------------

    def _seal(self, *, write_legacy: bool = False) -> Seal | None:
        """The folder's seal. A store sealed before seals existed gets one (under the
        lock), from its own header."""
        seal = read_seal(self.folder.key)
        if seal is None and self._is_sealed(self.path):
            seal = Seal("sealed", header_of(self.path.read_bytes()))
            if write_legacy:
                write_seal(self.folder.key, seal.state, seal.header)
        return seal

    def is_encrypted(self) -> bool:
        return self._seal() is not None

    def encryption(self) -> str:
        """`plain`, `sealed`, or `unfinished` (an encrypt or decrypt was interrupted, or
        a plain store was put back into an encrypted folder)."""
        seal = self._seal()
        if seal is None:
            return "plain"
        if seal.state == "sealed" and not self._plain_files():
            return "sealed"
        return "unfinished"

    def unlock_now(self) -> None:
        """Ask for the passphrase up front (before a screen opens), if it is needed."""
        seal = self._seal()
        if seal is not None and seal.state != "opening":
            self._key(seal)

    def _key(self, seal: Seal) -> Vault:
        """The key of the folder's seal (asking for the passphrase once per process)."""
        if self.vault is not None and self.vault.header() == seal.header:
            return self.vault
        if self.unlock is None:
            raise VeerkrachtError("passphrase_needed", path=str(self.path))
        self.vault = Vault.unlock(seal.header, self.unlock(), str(self.path))
        return self.vault

    def encode(self, data: bytes) -> bytes:
        """`data` as it goes to disk: sealed when the folder is encrypted. Never plain
        into an encrypted folder: without the key this asks for it, or refuses."""
        seal = self._seal()
        if seal is None or seal.state == "opening":
            return data
        return self._key(seal).seal(data)

    def decode(self, raw: bytes, path: Path) -> bytes:
        """Bytes read from disk, opened when sealed (asking for the passphrase once)."""
        if not is_sealed(raw):
            return raw
        if self.vault is None or self.vault.header() != header_of(raw):
            if self.unlock is None:
                raise VeerkrachtError("passphrase_needed", path=str(path))
            self.vault = Vault.unlock(raw, self.unlock(), str(path))
        return self.vault.open(raw, str(path))

    def encrypt(self, passphrase: str) -> None:
        """Seal the store, its backup and drafts under a key from `passphrase`; in a
        folder whose sealing was interrupted (or where a plain store was put back), the
        passphrase must be the one it was started with, and the job is finished."""
        with self.locked(finish=False):
            seal = self._seal(write_legacy=True)
            if seal is None:
                self._check_contents(allow_plain=True)
                vault = Vault.create(passphrase)
            elif self.encryption() == "sealed":
                raise VeerkrachtError("already_encrypted", path=str(self.path))
            else:
                vault = Vault.unlock(seal.header, passphrase, str(self.path))
            write_seal(self.folder.key, "sealing", vault.header())
            self._seal_everything(vault)

    def decrypt(self) -> None:
        """Store everything in plain form again (the passphrase is asked first)."""
        with self.locked(finish=False):
            seal = self._seal(write_legacy=True)
            if seal is None:
                raise VeerkrachtError("not_encrypted", path=str(self.path))
            vault = self._key(seal)
            if seal.state != "opening":
                self._check_contents(allow_plain=True)
                write_seal(self.folder.key, "opening", seal.header)
            self._open_everything(vault)

    def _seal_everything(self, vault: Vault) -> None:
        """Seal every plain file: drafts and the backup first, the store last, so the
        store is never sealed while another file is still readable."""
        self.vault = vault
        for path in [*self.folder.drafts(), self.backup_path, self.path]:
            raw = _read_if_there(path)
            if raw is not None and not is_sealed(raw):
                _write(path, vault.seal(raw))
        write_seal(self.folder.key, "sealed", vault.header())

    def _open_everything(self, vault: Vault) -> None:
        """Open every sealed file: the store first, drafts last; then the seal goes."""
        for path in [self.path, self.backup_path, *self.folder.drafts()]:
            raw = _read_if_there(path)
            if raw is None or not is_sealed(raw):
                continue
            try:
                plain = vault.open(raw, str(path))
            except VeerkrachtError:
                if path == self.path:
                    raise self._damaged() from None
                continue  # a damaged sealed draft stays as it is: it reveals nothing
            _write(path, plain)
        remove_seal(self.folder.key)
        self.vault = None

    def _plain_files(self) -> list[Path]:
        paths = [self.path, self.backup_path, *self.folder.drafts()]
        return [path for path in paths if path.exists() and not self._is_sealed(path)]

    @staticmethod
    def _is_sealed(path: Path) -> bool:
        try:
            with path.open("rb") as handle:
                return is_sealed(handle.read(len(MAGIC)))
        except OSError:
            return False

    def _check_contents(self, *, allow_plain: bool) -> None:
        """Read (and so check) the store before a command changes its form."""
        self.load(allow_plain=allow_plain)

    # -- records --------------------------------------------------------------------

    def records(self, table: str) -> list[dict[str, Any]]:
        """Every raw record of `table`, as stored (one read of the file, no lock)."""
        return list(self.load().get(table, {}).values())

    def contents(self) -> Contents:
        """Everything, from one read of the file (checked record by record)."""
        with paused_gc():
            tables = self.load()
            try:
                return _contents(tables)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise self._damaged() from None

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
        All in one write, in time linear in the records. Returns how many of each kind
        were added."""
        added = {}
        with self.transaction() as db:
            tables = db.storage.read()
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
            db.storage.write(tables)
        return added

    def forget(self, entry: Entry) -> None:
        """Delete an entry with its follow-ups, agreements and edited cards, from the store
        and the backup. Written down first, so an interrupted forget is finished by the
        next command."""
        with self.locked():
            journal = json.dumps({"uuid": entry.uuid, "id": entry.id}).encode()
            atomic_write(self.folder.forgetting, journal)
            self._finish_forgetting()

    def forgetting(self) -> str | None:
        """The short id of a reflection whose forgetting was interrupted, if any."""
        try:
            return str(json.loads(self.folder.forgetting.read_bytes())["id"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _finish_forgetting(self) -> None:
        try:
            uuid = json.loads(self.folder.forgetting.read_bytes())["uuid"]
        except (OSError, ValueError, KeyError, TypeError):
            uuid = None  # a journal cut short: the forget had not begun
        if uuid is not None:
            tables = self.load()
            for kind in ("entries", "followups", "agreements", "cards"):
                linked = "uuid" if kind == "entries" else "entry"
                records = tables.get(kind, {})
                tables[kind] = {
                    doc_id: record
                    for doc_id, record in records.items()
                    if record.get(linked) != uuid
                }
            self.save(tables, keep_previous=False)
        self.folder.forgetting.unlink(missing_ok=True)
        fsync_dir(self.directory)

    def forget_all(self) -> None:
        """Delete everything veerkracht wrote here: the backup first, the store last, so an
        interrupted `forget --all` leaves no backup without its store."""
        with self.locked(finish=False):
            for path in self.folder.everything():
                try:
                    path.unlink(missing_ok=True)
                except OSError as error:
                    raise VeerkrachtError(
                        "store_unwritable", path=str(path), reason=error.strerror
                    ) from None
            fsync_dir(self.directory)
        self.vault = None

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

    def load(self, *, allow_plain: bool = False) -> Tables:
        """The file's tables, checked and migrated in memory; an empty dict when there is
        no file yet. A plain store in an encrypted folder is refused (unless `encrypt`
        reads it, to seal it)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            if self.backup_path.exists():
                raise VeerkrachtError(
                    "store_missing", path=str(self.path), backup=str(self.backup_path)
                ) from None
            return {}
        except OSError as error:
            raise VeerkrachtError(
                "store_unreadable", path=str(self.path), reason=error.strerror
            ) from None
        if not allow_plain and not is_sealed(raw):
            seal = self._seal()
            if seal is not None and seal.state == "sealed":
                raise VeerkrachtError("store_unsealed", path=str(self.path))
        try:
            tables = orjson.loads(self.decode(raw, self.path))
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
        tables = self._migrate(tables)
        if stored.problem(tables):
            raise self._damaged()
        return tables

    def save(self, tables: Tables, *, keep_previous: bool = True) -> None:
        """Replace the file atomically. The previous good version stays as the backup,
        unless `keep_previous` is off (after forgetting): then the backup becomes the
        new version too, so nothing old lingers in it."""
        self.folder.refuse_links()
        meta = tables.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})
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
    meta = tables.get(META_TABLE, {}).get(META_DOC_ID, {})
    version = meta.get("schema", 1) if isinstance(meta, dict) else 1
    return version if type(version) is int else 1


def mark_done(db: TinyDB, refs: Sequence[str]) -> None:
    """Mark the agreements with these ids kept (all or none: the caller's transaction)."""
    table = db.storage.read().get("agreements", {})
    by_id = {record.get("id"): record for record in table.values()}
    for ref in refs:
        if ref.strip() not in by_id:
            raise VeerkrachtError("agreement_not_found", ref=ref)
    for ref in refs:
        by_id[ref.strip()]["done"] = True
    db.storage.write(db.storage.read())


def _drop_card(db: TinyDB, entry: str, audience: str, lang: str) -> None:
    tables = db.storage.read()
    cards = tables.get("cards", {})
    tables["cards"] = {
        doc_id: record
        for doc_id, record in cards.items()
        if (record.get("entry"), record.get("audience"), record.get("lang"))
        != (entry, audience, lang)
    }
    db.storage.write(tables)


def _keeps_id(wanted: str, taken: set[str]) -> bool:
    return bool(wanted) and wanted not in taken and int(wanted) < MAX_KEPT_ID


def _counters(tables: Tables) -> dict[str, int]:
    meta = tables.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})
    return meta.setdefault("counters", {})


def claim_id(tables: Tables, kind: str, wanted: str, taken: set[str]) -> str:
    """`wanted` if it may be kept (moving the counter past it), else the next free id.
    The one place ids are handed out."""
    counters = _counters(tables)
    if _keeps_id(wanted, taken):
        counters[kind] = max(counters.get(kind, 0), int(wanted))
        return wanted
    counters[kind] = counters.get(kind, 0) + 1
    while str(counters[kind]) in taken:  # an imported id ahead of the counter
        counters[kind] += 1
    return str(counters[kind])


def insert(db: TinyDB, kind: str, record: Any) -> None:
    """Give `record` the next short id of its kind and store it."""
    tables = db.storage.read()
    table = tables.setdefault(kind, {})
    record.id = claim_id(tables, kind, "", {doc.get("id") for doc in table.values()})
    table[str(max(map(int, table), default=0) + 1)] = record.to_record()
    db.storage.write(tables)


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


def _contents(tables: Tables) -> Contents:
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


def _read_if_there(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as error:
        raise VeerkrachtError("store_unwritable", path=str(path), reason=error.strerror) from None


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
