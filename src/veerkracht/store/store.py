"""The store: one TinyDB file, written atomically under a cross-process lock.

TinyDB alone rewrites its file in place and caches the next document id per
process (see docs/STORE.md). So every read-modify-write here takes a file lock,
opens TinyDB afresh, reads the file once, and writes it once, atomically, at the
end. Readers need no lock: a rename is atomic, so they see the old or the new file.

Every command can be interrupted. What may be left half done (sealing or opening the
folder, forgetting a reflection) is written down first (the seal, the forget journal)
and finished by the next command that takes the lock, before it does anything else.
Every read checks each record as strictly as `--from` files are checked, so a store that
is not what this version writes is named as damaged, and never written over.

The parts: `tables.py` (what a write does to the data), `contents.py` (the data as
records), `sealing.py` (encryption), `folder.py` (the file names), `transaction.py`
(TinyDB's storage for one write).
"""
# longer than the limit: see the class Store below

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import orjson

from veerkracht.collector import paused
from veerkracht.core.cards import CardEdit
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import Entry
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.core.support_note import SupportNote
from veerkracht.store import stored, tables
from veerkracht.store.contents import Contents, Snapshot, contents_of, find, sorted_entries
from veerkracht.store.crypto import Vault, is_sealed
from veerkracht.store.folder import Folder
from veerkracht.store.fsutil import (
    FileInUse,
    atomic_write,
    fsync_dir,
    keep_backup,
    remove_temps,
)
from veerkracht.store.seal import write_seal
from veerkracht.store.sealing import Sealing, is_sealed_file
from veerkracht.store.tables import Tables
from veerkracht.store.transaction import OneTransaction

LOCK_TIMEOUT_SECONDS = 15.0

__all__ = ["Contents", "Snapshot", "Store"]


# longer than the limit: the one owner of the file, its lock, seal and backup
class Store:
    """Everything a user wrote, in one file in `directory`, sealed when encrypted.

    `unlock` is asked for the passphrase the first time a sealed file is read; the
    key is then kept for the rest of the process."""

    def __init__(
        self, directory: Path, unlock: Callable[[], str] | None = None, tries: int = 1
    ) -> None:
        self.directory = directory
        self.folder = Folder(directory)
        self.path = self.folder.store
        self.backup_path = self.folder.backup
        self.sealing = Sealing(self.folder, unlock, tries)

    @property
    def unlock(self) -> Callable[[], str] | None:
        return self.sealing.unlock

    @unlock.setter
    def unlock(self, ask: Callable[[], str] | None) -> None:
        self.sealing.unlock = ask

    @property
    def vault(self) -> Vault | None:
        """The key, once this process knows it."""
        return self.sealing.vault

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
    def transaction(self) -> Iterator[Tables]:
        """A locked read-modify-write of the tables, through a fresh TinyDB on a storage
        of our own (docs/STORE.md): read once, replaced once, only on success."""
        from tinydb import TinyDB  # readers go straight to the file, without TinyDB

        with self.locked():
            db = TinyDB(self, storage=OneTransaction)
            storage = cast(OneTransaction, db.storage)  # TinyDB made it from our class
            data = storage.read()
            yield data
            storage.write(data)
            storage.commit()

    def _finish_interrupted(self) -> None:
        seal = self.sealing.seal(write_legacy=True)
        if seal is not None:
            if seal.state == "opening":
                self.sealing.open_everything(self.sealing.key(seal), self._damaged)
            elif seal.state == "sealing" or self.sealing.plain_files():
                if seal.state == "sealed" and not is_sealed_file(self.path):
                    raise VeerkrachtError("store_unsealed", path=str(self.path))
                self.sealing.seal_everything(self.sealing.key(seal))
        if self.folder.forgetting.exists():
            self._finish_forgetting()

    # -- encryption ---------------------------------------------------------------

    def is_encrypted(self) -> bool:
        return self.sealing.seal() is not None

    def encryption(self) -> str:
        """`plain`, `sealed` or `unfinished` (see Sealing.state)."""
        return self.sealing.state()

    def unlock_now(self) -> None:
        """Ask for the passphrase up front (before a screen opens), if it is needed."""
        seal = self.sealing.seal()
        if seal is not None and seal.state != "opening":
            self.sealing.key(seal)

    def encode(self, data: bytes) -> bytes:
        return self.sealing.encode(data)

    def decode(self, raw: bytes, path: Path) -> bytes:
        return self.sealing.decode(raw, path)

    def encrypt(self, passphrase: str) -> None:
        """Seal the store, its backup and drafts under a key from `passphrase`; in a
        folder whose sealing was interrupted (or where a plain store was put back), the
        passphrase must be the one it was started with, and the job is finished."""
        with self.locked(finish=False):
            self.folder.refuse_links()  # never seal in what a link points at
            seal = self.sealing.seal(write_legacy=True)
            if seal is None:
                self.load(allow_plain=True)  # read (and so check) it before sealing
                vault = Vault.create(passphrase)
            elif self.encryption() == "sealed":
                raise VeerkrachtError("already_encrypted", path=str(self.path))
            else:
                vault = Vault.unlock(seal.header, passphrase, str(self.path))
            write_seal(self.folder.key, "sealing", vault.header())
            self.sealing.seal_everything(vault)

    def decrypt(self) -> None:
        """Store everything in plain form again (the passphrase is asked first)."""
        with self.locked(finish=False):
            self.folder.refuse_links()
            seal = self.sealing.seal(write_legacy=True)
            if seal is None:
                raise VeerkrachtError("not_encrypted", path=str(self.path))
            vault = self.sealing.key(seal)
            if seal.state != "opening":
                self.load(allow_plain=True)
                write_seal(self.folder.key, "opening", seal.header)
            self.sealing.open_everything(vault, self._damaged)

    # -- records --------------------------------------------------------------------

    def records(self, table: str) -> list[dict[str, Any]]:
        """Every raw record of `table`, as stored (one read of the file, no lock)."""
        return list(self.load().get(table, {}).values())

    def contents(self) -> Contents:
        """Everything, from one read of the file (checked record by record)."""
        with paused():
            data = self.load()
            try:
                return contents_of(data)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise self._damaged() from None

    def entries(self) -> list[Entry]:
        """All entries, oldest first."""
        with paused():
            try:
                return sorted_entries(self.records("entries"))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise self._damaged() from None

    def snapshot(self) -> Snapshot:
        """One read of the file (checked record by record), whose records are built only
        when asked for: for a command that uses a few of them."""
        with paused():
            return Snapshot(self.load(), self._damaged)

    def entry(self, ref: str) -> Entry:
        """The entry with short id `ref`, or the newest one for `last`."""
        return self.snapshot().entry(ref)

    def followups(self) -> list[FollowUp]:
        return self.contents().followups

    def agreements(self) -> list[Agreement]:
        return self.contents().agreements

    def checkins(self) -> list[CheckIn]:
        return self.contents().checkins

    def support(self, ref: str) -> SupportNote:
        """The support note with short id `ref`, or the newest for `last`."""
        return find(self.contents().supports, ref, "support_not_found")

    def card(self, entry: str, audience: str, lang: str) -> CardEdit | None:
        """The user's version of this card (the newest, if an import brought in two)."""
        return self.snapshot().card(entry, audience, lang)

    def add_entry(self, entry: Entry) -> Entry:
        """Save a new entry and give it the next short id."""
        with self.transaction() as data:
            tables.insert(data, "entries", entry)
        return entry

    def update_entry(self, entry: Entry) -> Entry:
        """Save a changed reflection in the place of the one with its uuid. Its cards
        follow: a version the user kept was made from the old answers (a sentence since
        moved to private could be in it), so it goes, in the same write."""
        with self.transaction() as data:
            tables.replace(data, "entries", entry)
            tables.drop_cards_of(data, entry.uuid)
        return entry

    def add_followup(
        self, followup: FollowUp, agreements: list[Agreement], entry: Entry
    ) -> FollowUp:
        """Save a follow-up of `entry` and the agreements made, each with its own id."""
        with self.transaction() as data:
            followup.entry = entry.uuid
            tables.insert(data, "followups", followup)
            for agreement in agreements:
                agreement.entry, agreement.followup = entry.uuid, followup.uuid
                tables.insert(data, "agreements", agreement)
        return followup

    def mark_agreements_done(self, refs: Sequence[str], *, done: bool = True) -> None:
        """Mark agreements kept (or, with done=False, open again: a click too many is
        undone); an unknown id changes nothing and is named."""
        with self.transaction() as data:
            tables.mark_done(data, refs, done=done)

    def add_checkin(self, checkin: CheckIn, kept: Sequence[str] = ()) -> CheckIn:
        """Save a check-in, marking the agreements it says were kept, all at once; while a
        recovery plan runs, the check-in belongs to its week."""
        with self.transaction() as data:
            tables.mark_done(data, kept)
            tables.link_to_plan(data, checkin)
            tables.insert(data, "checkins", checkin)
        return checkin

    def add_support(self, note: SupportNote) -> SupportNote:
        """Save a preparation for asking someone how it goes."""
        with self.transaction() as data:
            tables.insert(data, "supports", note)
        return note

    def save_card(self, edit: CardEdit) -> CardEdit:
        """Keep the user's version of a card, in place of an earlier one for the same
        entry, audience and language."""
        with self.transaction() as data:
            tables.drop_card(data, edit.entry, edit.audience, edit.lang)
            tables.insert(data, "cards", edit)
        return edit

    def drop_card(self, entry: str, audience: str, lang: str) -> None:
        """Back to the generated card: the user's version is deleted."""
        with self.transaction() as data:
            tables.drop_card(data, entry, audience, lang)

    def merge(self, records: dict[str, Sequence[Any]]) -> dict[str, int]:
        """Add imported records (see tables.merge), all in one write."""
        with self.transaction() as data:
            return tables.merge(data, records)

    # -- forgetting -------------------------------------------------------------------

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
            journal = json.loads(self.folder.forgetting.read_bytes())
            uuid, entry_id = journal["uuid"], journal["id"]
        except (OSError, ValueError, KeyError, TypeError):
            uuid = None  # a journal cut short: the forget had not begun
        if uuid is not None:
            data = self.load()
            tables.forget_entry(data, uuid)
            self.save(data, keep_previous=False)
            self.folder.draft(f"edit-{entry_id}").unlink(missing_ok=True)
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
        self.sealing.vault = None

    # -- the file -----------------------------------------------------------------------

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
            seal = self.sealing.seal()
            if seal is not None and seal.state == "sealed":
                raise VeerkrachtError("store_unsealed", path=str(self.path))
        return self._checked(self._parsed(raw))

    def _parsed(self, raw: bytes) -> Any:
        try:
            return orjson.loads(self.decode(raw, self.path))
        except RecursionError:
            return None
        except VeerkrachtError as error:
            if error.code == "store_damaged":
                raise self._damaged() from None
            raise
        except (ValueError, orjson.JSONDecodeError):
            return None

    def _checked(self, data: Any) -> Tables:
        if not tables.looks_like_tables(data):
            raise self._damaged()
        if (version := tables.too_new(data)) is not None:
            raise VeerkrachtError("store_too_new", path=str(self.path), version=version)
        upgraded = tables.upgraded(data)
        if upgraded is None or stored.problem(upgraded):
            raise self._damaged()
        return upgraded

    def save(self, data: Tables, *, keep_previous: bool = True) -> None:
        """Replace the file atomically. The previous good version stays as the backup,
        unless `keep_previous` is off (after forgetting): then the backup becomes the
        new version too, so nothing old lingers in it."""
        self.folder.refuse_links()
        encoded = self.encode(orjson.dumps(tables.stamp(data)))
        try:
            if keep_previous:
                keep_backup(self.path, self.backup_path)
            atomic_write(self.path, encoded)
            if not keep_previous:
                keep_backup(self.path, self.backup_path)
        except FileInUse:
            raise VeerkrachtError("store_in_use", path=str(self.path)) from None
        except OSError as error:
            raise VeerkrachtError(
                "store_unwritable", path=str(self.path), reason=error.strerror
            ) from None

    def _damaged(self) -> VeerkrachtError:
        if self.backup_path.exists():
            return VeerkrachtError(
                "store_damaged_backup", path=str(self.path), backup=str(self.backup_path)
            )
        return VeerkrachtError("store_damaged", path=str(self.path))
